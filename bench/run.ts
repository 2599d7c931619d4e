// `npm run bench`: measures d2ci against baselines run in the same run on the same machine, prints a table and
// writes bench/out/results.json (and results.md). A benchmark, not a test: it reports, it never asserts timings.
//
//   npm run bench            every section
//   npm run bench -- 1 3     only sections 1 and 3
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { startRegistry, type LocalRegistry } from '../test/harness/registry.ts';
import { startFaultProxy, type FaultProxy } from '../test/harness/fault-proxy.ts';
import { generateTree, packTree, pushTree, bigTree, smallTree, type TreeStats } from './tree.ts';
import { markdownTable, textTable, type Row, type SectionResult } from './report.ts';
import { benchPack } from './pack.ts';
import { benchPush } from './push.ts';
import { benchRepush, benchTagMove } from './requests.ts';
import { benchColdStart } from './coldstart.ts';
import { benchMemory } from './memory.ts';
import { benchSigning } from './sign.ts';
import { benchComponents } from './components.ts';
import { benchImageUpdate } from './imageupdate.ts';
import { benchSupplyChain } from './supplychain.ts';
import { benchMatrix, benchRelease, benchStaging } from './latency.ts';
import { cosignVersion, startWan, type Wan } from './wan.ts';
import { fluxCliVersion } from '../test/interop/lib/tools.ts';
import { fmtMiB, fmtMs, log, repoRoot, timed } from './util.ts';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`✗ the benchmark needs Node.js 24 (this is ${process.version}); run it with npm run bench`);
  process.exit(1);
}

const settings = {
  packRuns: 7,
  pushRuns: 5,
  endToEndRuns: 3,
  coldStartRuns: 21,
  verifyRuns: 21,
  componentRuns: 3,
  imageUpdateRuns: 5,
  supplyChainRuns: 7,
  wanRuns: Number(process.env.BENCH_WAN_RUNS ?? 3),
  /** One-way delay of the latency proxies (sections 11–13): 25 ms is a 50 ms round trip. */
  wanOneWayMs: Number(process.env.BENCH_ONE_WAY_MS ?? 25),
};

const wanted = new Set(process.argv.slice(2).map((arg) => arg.replace(/^-+/, '')));
const runs = (section: number): boolean => wanted.size === 0 || wanted.has(String(section));

function version(command: string, args: string[]): string {
  try {
    return (
      execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
        .split('\n')[0]
        ?.trim() ?? ''
    );
  } catch {
    return 'unavailable';
  }
}

const cleanups: (() => Promise<void> | void)[] = [];
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (err) {
        log(`cleanup: ${(err as Error).message}`);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`\n${signal}: stopping the registry and proxy, removing scratch data`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function section(
  number: number,
  title: string,
  body: () => Promise<SectionResult>,
  results: Map<string, SectionResult>,
): Promise<void> {
  if (!runs(number)) return;
  log(`\n▶ ${number}. ${title}`);
  try {
    const { ms, value } = await timed(body);
    log(`  (${fmtMs(ms)})`);
    results.set(`${number}`, { rows: value.rows, details: { ...value.details, sectionWallMs: ms } });
  } catch (err) {
    log(`  ✗ ${(err as Error).stack ?? String(err)}`);
    const message = (err as Error).message.split('\n')[0] ?? 'failed';
    results.set(`${number}`, {
      rows: [{ id: `${number}`, metric: title, measured: `ERROR: ${message}`, baseline: '—', ratio: '—', goal: '—', met: 'n/a' }],
      details: { error: String(err) },
    });
    // A section that could not measure is a failed run (an unmet goal is not: it is a result).
    process.exitCode = 1;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = loadavg().map((l) => Number(l.toFixed(2)));
  const work = await mkdtemp(join(tmpdir(), 'd2ci-bench-'));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  log(`scratch directory: ${work}`);

  const trees: Record<string, { path: string; stats: TreeStats }> = {};
  const makeTree = async (name: string, spec: typeof packTree): Promise<{ path: string; stats: TreeStats }> => {
    // Each tree sits alone in its own "workspace" directory, as the action wants a path inside GITHUB_WORKSPACE.
    const path = join(work, `ws-${name}`, name);
    mkdirSync(path, { recursive: true });
    const { ms, value } = await timed(() => generateTree(path, spec));
    log(`generated ${name}: ${value.files} files, ${fmtMiB(value.bytes)}, ${value.directories} directories (${fmtMs(ms)})`);
    trees[name] = { path, stats: value };
    return { path, stats: value };
  };
  const tree50 = runs(1) ? await makeTree('tree50', packTree) : undefined;
  const push50 = runs(2) || runs(3) || runs(11) ? await makeTree('push50', pushTree) : undefined;
  const small = await makeTree('small', smallTree);

  let registry: LocalRegistry | undefined;
  let proxy: FaultProxy | undefined;
  if ([2, 3, 4, 5, 6, 7, 8, 9, 10].some(runs)) {
    registry = await startRegistry('none');
    const running = registry;
    cleanups.push(() => running.stop());
    proxy = await startFaultProxy(registry.url);
    const openProxy = proxy;
    cleanups.push(() => openProxy.close());
    log(`registry ${registry.url} (distribution), counting proxy ${proxy.url}`);
  }
  const need = (tree: { path: string } | undefined): string => {
    if (!tree) throw new Error('tree not generated');
    return tree.path;
  };
  const reg = (): LocalRegistry => registry as LocalRegistry;
  const prox = (): FaultProxy => proxy as FaultProxy;

  const results = new Map<string, SectionResult>();
  await section(
    1,
    'pack 50 MiB / 5,000 files: walkTree + writeLayer vs tar | gzip -6',
    () => benchPack(need(tree50), work, settings.packRuns),
    results,
  );
  await section(
    2,
    'push a 50 MiB tree to the local registry: our client vs curl and skopeo',
    () => benchPush(need(push50), work, reg(), settings.pushRuns, settings.endToEndRuns),
    results,
  );
  await section(3, 're-push unchanged through the push-artifact bundle (counting proxy)', () => benchRepush(need(push50), prox()), results);
  await section(4, 'move a tag (counting proxy)', () => benchTagMove(small.path, prox()), results);
  await section(
    5,
    'bundle cold start to first registry request',
    () => benchColdStart(small.path, prox(), work, settings.coldStartRuns),
    results,
  );
  await section(
    7,
    'sign and verify: registry requests, warm verification',
    () => benchSigning(small.path, prox(), settings.verifyRuns),
    results,
  );
  await section(
    8,
    '100 components in one step vs 100 d2ci push runs; promotion',
    () => benchComponents(work, reg(), prox(), settings.componentRuns),
    results,
  );
  await section(
    9,
    'image update, native engine: 200 markers, 20 policies',
    () => benchImageUpdate(work, reg(), settings.imageUpdateRuns),
    results,
  );
  await section(
    10,
    'SBOM generation, attaching and attesting it; Notation signing and verification',
    () => benchSupplyChain(prox(), settings.supplyChainRuns),
    results,
  );
  await section(
    6,
    'peak RSS pushing 500 MiB',
    async () => {
      const big = await makeTree('tree500', bigTree);
      try {
        return await benchMemory(big.path, big.stats, work, reg());
      } finally {
        rmSync(join(work, 'ws-tree500'), { recursive: true, force: true });
      }
    },
    results,
  );

  let wan: Wan | undefined;
  const lab = async (): Promise<Wan> => {
    if (!wan) {
      wan = await startWan(settings.wanOneWayMs);
      const opened = wan;
      cleanups.push(() => opened.close());
      log(`latency proxies: ${settings.wanOneWayMs} ms each way in front of the registry (token auth), its token service and Sigstore`);
    }
    return wan;
  };
  await section(
    11,
    'staging at a wide-area round trip: push-artifact vs flux push/tag + cosign sign',
    async () => benchStaging(await lab(), work, need(push50), settings.wanRuns),
    results,
  );
  await section(
    12,
    'release and verify gate at a wide-area round trip: release-artifact vs re-push + cosign sign; verify-artifact vs cosign verify',
    async () => benchRelease(await lab(), work, settings.wanRuns),
    results,
  );
  await section(
    13,
    '20 components at a wide-area round trip: one step vs 20 D2 matrix jobs',
    async () => benchMatrix(await lab(), work),
    results,
  );

  const rows: Row[] = [...results.values()].flatMap((r) => r.rows);
  const environment = {
    date: new Date().toISOString(),
    node: process.version,
    os: `${process.platform} ${release()}`,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    memory: fmtMiB(totalmem()),
    // Other work on the machine skews wall times; the 1/5/15-minute load averages give an idea.
    loadAverage: { atStart: loadAtStart, atEnd: loadavg().map((l) => Number(l.toFixed(2))) },
    tools: {
      tar: version('tar', ['--version']),
      gzip: version('gzip', ['--version']),
      curl: version('curl', ['--version']),
      skopeo: version('skopeo', ['--version']),
      registry: version('docker-registry', ['--version']),
      // Built from their Go modules at these versions (test/interop/tools.sh); `flux version` needs a cluster.
      ...(wan ? { flux: `flux ${fluxCliVersion}`, cosign: `cosign ${cosignVersion}` } : {}),
    },
    settings,
    totalWallMs: Date.now() - started,
  };
  const table = textTable(rows);
  const outDir = join(repoRoot, 'bench', 'out');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    join(outDir, 'results.json'),
    `${JSON.stringify({ environment, trees: Object.fromEntries(Object.entries(trees).map(([k, v]) => [k, v.stats])), rows, sections: Object.fromEntries([...results].map(([k, v]) => [k, v.details])) }, null, 2)}\n`,
  );
  writeFileSync(
    join(outDir, 'results.md'),
    `Run ${environment.date} on ${environment.cpus}, ${environment.memory} RAM, ${environment.os}, Node ${environment.node}; load average at start ${loadAtStart.join(' / ')}; total ${fmtMs(environment.totalWallMs)}.\n\n${markdownTable(rows)}\n`,
  );
  process.stdout.write(
    `\nd2ci benchmark — ${environment.cpus}, Node ${environment.node}, total ${fmtMs(environment.totalWallMs)}\n\n${table}\n\nwrote ${join('bench', 'out', 'results.json')} and results.md\n`,
  );
}

try {
  await main();
} finally {
  await cleanup();
}
