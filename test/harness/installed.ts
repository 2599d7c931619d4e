// The d2ci CLI as users install it, for the tests of the npm package and the single executable: the packed tarball
// installed into an empty folder, a Node older than 24 to refuse, timings of a command's start-up.
import { accessSync, constants, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { run, type RunResult } from './exec.ts';
import { repoRoot } from './action.ts';

/** PATH without any node_modules/.bin: nothing of this repository's install can be reached through it. */
export const systemPath = (process.env.PATH ?? '')
  .split(delimiter)
  .filter((dir) => dir && !dir.includes('node_modules'))
  .join(delimiter);

/** PATH with this Node 24 first, then the system's: what a user with Node 24 installed has. */
export const node24Path = [dirname(process.execPath), systemPath].join(delimiter);

/**
 * `npm pack` of packages/cli (its prepack bundles the CLI) into a new temporary folder, then `npm install` of that
 * tarball into another empty one, offline and with an empty npm cache: it installs only if it needs nothing else.
 */
export async function packAndInstall(): Promise<{ tarball: string; files: string[]; prefix: string; bin: string }> {
  const out = mkdtempSync(join(tmpdir(), 'd2ci-pack-'));
  const env = { ...process.env, npm_config_cache: join(out, 'npm-cache'), npm_config_update_notifier: 'false' };
  const packed = await run('npm', ['pack', '--json', '--workspace', 'packages/cli', '--pack-destination', out], { cwd: repoRoot, env });
  if (packed.code !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  if (!info) throw new Error(`npm pack printed no package: ${packed.stdout}`);
  const tarball = join(out, info.filename);
  const prefix = mkdtempSync(join(tmpdir(), 'd2ci-installed-'));
  const installed = await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], {
    cwd: prefix,
    env: { ...env, PATH: node24Path },
  });
  if (installed.code !== 0) throw new Error(`npm install ${info.filename} failed: ${installed.stderr}`);
  return { tarball, files: info.files.map((f) => f.path), prefix, bin: join(prefix, 'node_modules', '.bin', 'd2ci') };
}

/** A `node` older than 24 on PATH outside node_modules (fresh CI machines have Node 20), or undefined. */
export function olderNode(): { path: string; version: string } | undefined {
  for (const dir of systemPath.split(delimiter)) {
    const path = join(dir, 'node');
    try {
      accessSync(path, constants.X_OK);
    } catch {
      continue;
    }
    const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
    if (Number(version.slice(1).split('.')[0]) < 24) return { path, version };
  }
  return undefined;
}

/** The fastest of `runs` wall times of a command (after one warm-up run), in milliseconds. */
export async function startup(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
  runs = 5,
): Promise<number> {
  let best = Infinity;
  let last: RunResult | undefined;
  for (let i = 0; i <= runs; i++) {
    const started = process.hrtime.bigint();
    last = await run(command, args, options);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (i > 0) best = Math.min(best, ms);
  }
  if (last?.code !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${last?.stderr}`);
  return Math.round(best);
}
