import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';

// Temporary folders d2ci makes (a push's staged layer, a pull's staging folder) are removed when the operation
// ends however it ends — and, once a front door calls removeTempOnSignal(), when the process is interrupted
// (Ctrl-C, a cancelled CI job's SIGTERM): no half-written layer or extraction is left in RUNNER_TEMP or beside
// the output.

const live = new Set<string>();

/** Makes a temporary folder (`mkdtemp(prefix)`), runs `fn` with it, and removes it afterwards. */
export async function withTempDir<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(prefix);
  live.add(dir);
  try {
    return await fn(dir);
  } finally {
    live.delete(dir);
    await rm(dir, { recursive: true, force: true });
  }
}

let installed = false;

/** On SIGINT/SIGTERM, removes the live temporary folders, then exits with the signal's conventional code. */
export function removeTempOnSignal(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      for (const dir of live) rmSync(dir, { recursive: true, force: true });
      process.exit(code);
    });
  }
}
