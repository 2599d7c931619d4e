import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { openSync, closeSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execFileSync } from 'node:child_process';

/** A free TCP port on 127.0.0.1 (bound and released; callers retry on the rare collision). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Fails loudly when a binary the tests need is missing; tests never skip silently. */
export function requireBinary(name: string, install: string): string {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`${name} is not installed; run: ${install}`);
  }
}

export interface ManagedProcess {
  pid: number;
  logFile: string;
  log(): string;
  stop(): Promise<void>;
}

/** Starts a long-running process with output to a log file; `stop()` kills it by PID and waits for exit. */
export function startProcess(command: string, args: string[], logFile: string, env: NodeJS.ProcessEnv = process.env): ManagedProcess {
  const fd = openSync(logFile, 'a');
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', fd, fd], env });
  closeSync(fd);
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid;
  return {
    pid,
    logFile,
    log: () => readFileSync(logFile, 'utf8'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(pid, 'SIGTERM');
      const timedOut = await Promise.race([exited.then(() => false), sleep(5_000, undefined, { ref: false }).then(() => true)]);
      if (timedOut) {
        process.kill(pid, 'SIGKILL');
        await exited;
      }
    },
  };
}

/** Polls `check` until it returns true or the deadline passes. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export interface ServedProcess {
  /** `http://<address>:<port>` */
  url: string;
  address: string;
  port: number;
  /** Its own temp directory (data, logs), removed by `stop`. */
  dir: string;
  stop(): Promise<void>;
}

/**
 * Starts a server on a free port in its own temp directory, waits until `ready(url)` says it answers, and retries
 * on another port (a port freePort gave can be taken before the server binds it) up to three times. `stop` kills
 * it by PID and removes the directory.
 */
export async function serveOnFreePort(
  name: string,
  command: (dir: string, port: number) => [string, string[]],
  ready: (url: string) => Promise<boolean>,
  options: { address?: string; timeoutMs?: number } = {},
): Promise<ServedProcess> {
  const address = options.address ?? '127.0.0.1';
  const dir = mkdtempSync(join(tmpdir(), `d2ci-${name}-`));
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const [file, args] = command(dir, port);
    const proc = startProcess(file, args, join(dir, 'server.log'));
    const url = `http://${address}:${port}`;
    try {
      await waitFor(`${name} on ${address}:${port}`, () => ready(url), options.timeoutMs ?? 15_000);
    } catch (err) {
      await proc.stop();
      if (attempt === 3) {
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`${(err as Error).message}\n${proc.log()}`);
      }
      continue;
    }
    return {
      url,
      address,
      port,
      dir,
      async stop() {
        await proc.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
}
