import { open, readFile, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { OciError } from './errors.ts';

// A lock file beside the file it guards, created with O_EXCL, so writers in separate processes (several CI steps
// pushing to one OCI layout) take turns instead of losing each other's index.json changes. A lock whose holder is
// gone (its PID no longer runs) or that is older than `staleMs` is taken over; waiting has a budget.

export interface FileLockOptions {
  /** How long to wait for another holder before failing. */
  waitMs?: number;
  /** A lock older than this is abandoned (a killed process on another machine sharing the folder). */
  staleMs?: number;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function abandoned(path: string, staleMs: number): Promise<boolean> {
  const [text, info] = await Promise.all([readFile(path, 'utf8').catch(() => ''), stat(path).catch(() => undefined)]);
  if (!info) return false;
  const pid = Number(text.split(' ')[0]);
  if (Number.isInteger(pid) && pid > 0 && !running(pid)) return true;
  return Date.now() - info.mtimeMs > staleMs;
}

/** Runs `fn` holding `path` (e.g. `index.json.lock`); the lock is removed however `fn` ends. */
export async function withFileLock<T>(path: string, fn: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const waitMs = options.waitMs ?? 60_000;
  const staleMs = options.staleMs ?? 120_000;
  const started = Date.now();
  for (let delay = 5; ; delay = Math.min(delay * 2, 200)) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid} ${new Date().toISOString()}\n`);
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (await abandoned(path, staleMs)) {
        await rm(path, { force: true });
        continue;
      }
      if (Date.now() - started > waitMs)
        throw new OciError(
          'LOCKED',
          `${path} has been held by another writer for over ${waitMs / 1000} s; if no other d2ci runs on this folder, delete it`,
        );
      await sleep(delay + Math.random() * delay);
    }
  }
  try {
    return await fn();
  } finally {
    await rm(path, { force: true });
  }
}
