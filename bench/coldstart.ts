// 5. Cold start: spawning the push-artifact bundle until its first request reaches the registry proxy, vs
// `node -e "fetch(url)"` for Node's own floor.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runnerEnv } from '../test/harness/action.ts';
import type { FaultProxy } from '../test/harness/fault-proxy.ts';
import { met, type SectionResult } from './report.ts';
import { bundlePath, fmtMs, fmtRatio, log, median, percentile } from './util.ts';

interface Probe {
  /** Spawn → first request at the proxy, in ms. */
  firstRequestMs: number;
  firstRequest: string;
  exitCode: number;
}

/** Spawns a command and resolves once it exits, with the time its first request reached the proxy. */
function probe(proxy: FaultProxy, command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Probe> {
  return new Promise((resolve, reject) => {
    let first: { at: number; what: string } | undefined;
    proxy.plan = ({ method, path }) => {
      first ??= { at: performance.now(), what: `${method} ${path}` };
      return { kind: 'pass' };
    };
    const start = performance.now();
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      proxy.plan = () => ({ kind: 'pass' });
      if (code !== 0 || !first) {
        reject(new Error(`${basename(args[0] ?? command)} exited ${code} ${first ? '' : 'without a request'}:\n${output}`));
        return;
      }
      resolve({ firstRequestMs: first.at - start, firstRequest: first.what, exitCode: code });
    });
  });
}

export async function benchColdStart(smallTree: string, proxy: FaultProxy, work: string, runs: number): Promise<SectionResult> {
  const home = join(work, 'cold-home');
  const runnerTemp = join(home, 'runner-temp');
  mkdirSync(runnerTemp, { recursive: true });
  const files = { GITHUB_OUTPUT: join(home, 'output'), GITHUB_STATE: join(home, 'state'), GITHUB_STEP_SUMMARY: join(home, 'summary') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const workspace = dirname(smallTree);
  const env = runnerEnv(
    'push-artifact',
    { repository: `${proxy.host}/bench/cold`, path: basename(smallTree), 'diff-tag': 'latest', sign: 'false' },
    { HOME: home, RUNNER_TEMP: runnerTemp, GITHUB_WORKSPACE: workspace, ...files },
  );
  const bundle = bundlePath('push-artifact');
  const nodeEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home };
  const fetchScript = `fetch(${JSON.stringify(`${proxy.url}/v2/`)}).then((r) => r.arrayBuffer())`;

  const samples = { bundle: [] as number[], node: [] as number[] };
  let firstRequest = '';
  // Run 0 is a discarded warm-up (the first push also creates the repository's `latest`).
  for (let i = 0; i <= runs; i++) {
    const steps = [
      async () => {
        const p = await probe(proxy, process.execPath, [bundle], env, workspace);
        firstRequest = p.firstRequest;
        if (i > 0) samples.bundle.push(p.firstRequestMs);
      },
      async () => {
        const p = await probe(proxy, process.execPath, ['-e', fetchScript], nodeEnv, work);
        if (i > 0) samples.node.push(p.firstRequestMs);
      },
    ];
    if (i % 2) steps.reverse();
    for (const step of steps) await step();
  }
  const bundleMedian = median(samples.bundle);
  const nodeMedian = median(samples.node);
  log(
    `  cold start: bundle median ${fmtMs(bundleMedian)} (p90 ${fmtMs(percentile(samples.bundle, 90))}), node -e fetch median ${fmtMs(nodeMedian)}; first request: ${firstRequest}`,
  );
  return {
    rows: [
      {
        id: '5',
        metric: `bundle cold start → first registry request, median of ${runs}`,
        measured: fmtMs(bundleMedian),
        baseline: `${fmtMs(nodeMedian)} (node -e fetch)`,
        ratio: fmtRatio(bundleMedian / nodeMedian),
        goal: '≤ 150 ms',
        met: met(bundleMedian <= 150),
      },
    ],
    details: {
      bundleMs: samples.bundle,
      nodeFetchMs: samples.node,
      bundleMedianMs: bundleMedian,
      bundleP90Ms: percentile(samples.bundle, 90),
      nodeFetchMedianMs: nodeMedian,
      overNodeMs: bundleMedian - nodeMedian,
      firstRequest,
      tree: 'small tree (40 YAML files, 96 KiB), diff-tag latest',
    },
  };
}
