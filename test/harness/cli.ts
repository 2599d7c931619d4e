// The d2ci CLI as a user runs it: its bin script on this Node, in a folder of the test's, with a clean environment.
import { join } from 'node:path';
import { run } from './exec.ts';
import { repoRoot } from './action.ts';

export const d2ciBin = join(repoRoot, 'packages', 'cli', 'bin', 'd2ci.js');

/** Runs `d2ci args…` in `cwd` (also its HOME), with PATH and `env` only, and `input` on stdin when given. */
export function d2ci(args: string[], cwd = repoRoot, env: NodeJS.ProcessEnv = {}, input?: string | Buffer): ReturnType<typeof run> {
  return run(process.execPath, [d2ciBin, ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: cwd, ...env },
    ...(input === undefined ? {} : { input }),
  });
}

/** The last line of a command's stderr: where a failure's one `✗` line is. */
export const lastLine = (stderr: string): string => stderr.trim().split('\n').at(-1) ?? '';
