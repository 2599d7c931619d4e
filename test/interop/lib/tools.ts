// The consumers the interoperability suite runs, built by test/interop/tools.sh (and the Flux verifier harness by
// test/interop/flux/build.sh) into a cache outside the clone. A missing tool fails the suite: never a skip.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const cacheDir = process.env.D2CI_INTEROP_CACHE || join(homedir(), '.cache', 'd2ci-interop');

/** The versions the issue names: cosign inside Flux 2.7 (v2.5.2) and 2.9 (v3.0.6), and the newest v2 and v3. */
export const cosignVersions = ['v2.5.2', 'v2.6.5', 'v3.0.6', 'v3.1.3'] as const;
export type CosignVersion = (typeof cosignVersions)[number];
/** source-controller inside Flux 2.7 and 2.9. */
export const fluxControllers = { '2.7': 'v1.7.0', '2.8': 'v1.8.5', '2.9': 'v1.9.1' } as const;
/** The flux CLI (Flux 2.9), for the behaviour d2ci's CLI mirrors. */
export const fluxCliVersion = 'v2.9.5';
export const notationVersion = 'v1.3.2';
export const orasVersion = 'v1.3.6';
export const craneVersion = 'v0.21.6';
export const registryV3Version = 'v3.1.1';
export const oleregVersion = 'v0.1.2';
export const rekorTilesVersion = 'v2.3.0';
export const timestampAuthorityVersion = 'v2.1.3';

export function tool(name: string, version: string): string {
  const file = join(cacheDir, 'bin', `${name}-${version}`);
  if (!existsSync(file)) {
    throw new Error(
      `${name} ${version} is not built at ${file}: run bash test/interop/tools.sh (and test/interop/flux/build.sh for the Flux verifiers)`,
    );
  }
  return file;
}

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a consumer with a time limit; its output is kept for the verdict and for a failing cell's message. */
export function run(
  file: string,
  args: string[],
  options: { env?: Record<string, string>; timeoutMs?: number; cwd?: string } = {},
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}
