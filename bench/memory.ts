// 6. Peak RSS of a child process pushing a 500 MiB, mostly incompressible tree (big files, so streaming matters).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { runnerEnv } from '../test/harness/action.ts';
import type { TreeStats } from './tree.ts';
import { met, type Row, type SectionResult } from './report.ts';
import { bundlePath, fmtMs, log, repoRoot, runCommand, type SpawnResult } from './util.ts';

const timeBinary = '/usr/bin/time';

/** Runs a Node.js script as a child and returns its peak RSS in bytes (GNU time's %M, else a preload's resourceUsage). */
async function peakRss(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  rssFile: string,
): Promise<{ rssBytes: number; run: SpawnResult; via: string }> {
  let run: SpawnResult;
  let via: string;
  if (existsSync(timeBinary)) {
    run = await runCommand(timeBinary, ['-f', '%M', '-o', rssFile, process.execPath, ...args], { env, cwd });
    via = '/usr/bin/time -f %M';
  } else {
    run = await runCommand(process.execPath, ['--import', join(import.meta.dirname, 'maxrss-preload.ts'), ...args], {
      env: { ...env, BENCH_MAXRSS_FILE: rssFile },
      cwd,
    });
    via = 'process.resourceUsage().maxRSS';
  }
  if (run.code !== 0) throw new Error(`node ${args.join(' ')} exited ${run.code}:\n${run.stdout}\n${run.stderr}`);
  const kib = Number(/([0-9]+)\s*$/.exec(readFileSync(rssFile, 'utf8'))?.[1]);
  if (!Number.isFinite(kib)) throw new Error(`no peak RSS in ${rssFile}`);
  return { rssBytes: kib * 1024, run, via };
}

export async function benchMemory(tree: string, stats: TreeStats, work: string, registry: { host: string }): Promise<SectionResult> {
  const home = join(work, 'rss-home');
  const runnerTemp = join(home, 'runner-temp');
  mkdirSync(runnerTemp, { recursive: true });
  const files = { GITHUB_OUTPUT: join(home, 'output'), GITHUB_STATE: join(home, 'state'), GITHUB_STEP_SUMMARY: join(home, 'summary') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const rssFile = join(work, 'maxrss.txt');
  const nodeEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home };

  const baseline = await peakRss(['-e', ''], nodeEnv, work, rssFile);
  const bundleEnv = runnerEnv(
    'push-artifact',
    { repository: `${registry.host}/bench/rss-bundle`, path: basename(tree), 'diff-tag': 'latest', sign: 'false' },
    { HOME: home, RUNNER_TEMP: runnerTemp, GITHUB_WORKSPACE: dirname(tree), ...files },
  );
  const bundle = await peakRss([bundlePath('push-artifact')], bundleEnv, dirname(tree), rssFile);
  if (!/^pushed<<(\S+)\ntrue\n\1$/m.test(readFileSync(files.GITHUB_OUTPUT, 'utf8'))) {
    throw new Error(`the bundle did not push:\n${bundle.run.stdout}`);
  }
  log(`  bundle pushed ${stats.bytes} bytes in ${fmtMs(bundle.run.ms)}, peak RSS ${(bundle.rssBytes / 1024 / 1024).toFixed(1)} MiB`);
  const cli = await peakRss(
    [
      join(repoRoot, 'packages/cli/bin/d2ci.js'),
      'push',
      `oci://${registry.host}/bench/rss-cli:latest`,
      '--path',
      tree,
      '--source',
      'https://github.com/acme/fleet',
      '--revision',
      'main@sha1:0123456789abcdef0123456789abcdef01234567',
    ],
    nodeEnv,
    work,
    rssFile,
  );
  log(`  CLI pushed in ${fmtMs(cli.run.ms)}, peak RSS ${(cli.rssBytes / 1024 / 1024).toFixed(1)} MiB`);

  const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  const row = (id: string, metric: string, rss: number): Row => ({
    id,
    metric,
    measured: mib(rss),
    baseline: `${mib(baseline.rssBytes)} (node -e "")`,
    ratio: '—',
    goal: '< 150 MiB',
    met: met(rss < 150 * 1024 * 1024),
  });
  const size = `${(stats.bytes / 1024 / 1024).toFixed(0)} MiB / ${stats.files} files`;
  return {
    rows: [
      row('6a', `peak RSS pushing ${size}: action bundle`, bundle.rssBytes),
      row('6b', `peak RSS pushing ${size}: d2ci CLI`, cli.rssBytes),
    ],
    details: {
      measuredWith: bundle.via,
      tree: stats,
      nodeBaselineRssBytes: baseline.rssBytes,
      bundle: { rssBytes: bundle.rssBytes, wallMs: bundle.run.ms },
      cli: { rssBytes: cli.rssBytes, wallMs: cli.run.ms },
    },
  };
}
