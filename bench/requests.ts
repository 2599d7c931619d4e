// 3. Re-pushing unchanged content and 4. moving a tag, counted request by request through the fault proxy.
import { basename, dirname, join } from 'node:path';
import { pushArtifact, RegistryClient, tagArtifact } from '@d2ci/core';
import { runAction } from '../test/harness/action.ts';
import type { FaultProxy } from '../test/harness/fault-proxy.ts';
import { met, type Row, type SectionResult } from './report.ts';
import { countRequests, fmtMiB, fmtMs, log, mustRun, repoRoot, timed, type RequestCount } from './util.ts';

async function measured<T>(proxy: FaultProxy, step: () => Promise<T>): Promise<{ value: T; count: RequestCount; ms: number }> {
  proxy.log.length = 0;
  const { value, ms } = await timed(step);
  const count = countRequests(proxy.log);
  proxy.log.length = 0;
  return { value, count, ms };
}

/** "N req, B B blob upload", saying which blobs the bytes were (the layer, or only the small config). */
async function describe(c: RequestCount, target: { fetchManifest(reference: string): Promise<{ bytes: Buffer }> }): Promise<string> {
  const text = `${c.requests} req, ${c.blobBytes} B blob upload`;
  if (c.uploads.length === 0) return text;
  const manifest = JSON.parse((await target.fetchManifest('latest')).bytes.toString('utf8')) as {
    config: { digest: string };
    layers: { digest: string }[];
  };
  const kinds = c.uploads.map((u) =>
    u.digest === manifest.config.digest ? 'config' : manifest.layers.some((l) => l.digest === u.digest) ? 'layer' : 'other',
  );
  return `${text} (${[...new Set(kinds)].join(' + ')}${kinds.includes('layer') ? '' : ' only; 0 B of layer'})`;
}

export async function benchRepush(tree: string, proxy: FaultProxy): Promise<SectionResult> {
  const workspace = dirname(tree);
  const path = basename(tree);
  const cases: { id: string; label: string; inputs: Record<string, string> }[] = [
    { id: '3a', label: 'diff-tag: latest (D2 default)', inputs: { 'diff-tag': 'latest' } },
    { id: '3b', label: 'reproducible: true, no diff-tag', inputs: { reproducible: 'true' } },
    { id: '3c', label: 'plain, no diff-tag', inputs: {} },
  ];
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  for (const c of cases) {
    const inputs = { repository: `${proxy.host}/bench/repush-${c.id}`, path, sign: 'false', ...c.inputs };
    const first = await measured(proxy, () => runAction('push-artifact', inputs, { GITHUB_WORKSPACE: workspace }));
    if (first.value.code !== 0) throw new Error(`first push (${c.label}) failed:\n${first.value.stdout}\n${first.value.stderr}`);
    const again = await measured(proxy, () => runAction('push-artifact', inputs, { GITHUB_WORKSPACE: workspace }));
    if (again.value.code !== 0) throw new Error(`re-push (${c.label}) failed:\n${again.value.stdout}\n${again.value.stderr}`);
    const summary = await describe(
      again.count,
      new RegistryClient().repository({ registry: proxy.host, repository: `bench/repush-${c.id}` }),
    );
    log(
      `  re-push ${c.label}: ${summary} in ${fmtMs(again.ms)} (first push: ${first.count.requests} req, ${fmtMiB(first.count.blobBytes)})`,
    );
    const ok = again.count.blobBytes === 0 && again.count.requests <= 3;
    rows.push({
      id: c.id,
      metric: `re-push unchanged 50 MiB tree via bundle, ${c.label}`,
      measured: summary,
      baseline: `first push: ${first.count.requests} req, ${fmtMiB(first.count.blobBytes)}`,
      ratio: '—',
      goal: '0 B and ≤ 3 req',
      met: met(ok),
    });
    details[c.id] = {
      case: c.label,
      inputs: c.inputs,
      pushedOutput: again.value.outputs.pushed,
      rePush: { ...again.count, wallMs: again.ms },
      firstPush: { requests: first.count.requests, blobBytes: first.count.blobBytes, wallMs: first.ms },
    };
  }
  return { rows, details };
}

export async function benchTagMove(smallTree: string, proxy: FaultProxy): Promise<SectionResult> {
  const repository = 'bench/tagmove';
  const target = new RegistryClient().repository({ registry: proxy.host, repository });
  const base = { path: smallTree, target, source: 'https://github.com/acme/fleet' };
  const a = await pushArtifact({ ...base, tags: ['a'], revision: 'main@sha1:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' });
  const b = await pushArtifact({ ...base, tags: ['b'], revision: 'main@sha1:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' });
  await tagArtifact(target, 'a', ['stable']);

  const api = await measured(proxy, () => tagArtifact(target, 'b', ['stable']));
  if (!api.value.tags[0]?.changed || api.value.descriptor.digest !== b.descriptor.digest)
    throw new Error('tagArtifact did not move "stable" to b');
  const cli = await measured(proxy, () =>
    mustRun(process.execPath, [
      join(repoRoot, 'packages/cli/bin/d2ci.js'),
      'tag',
      `oci://${proxy.host}/${repository}:a`,
      '--tag',
      'stable',
      '--output',
      'json',
    ]),
  );
  const moved = JSON.parse(cli.value.stdout) as { digest: string; tags: { tag: string; changed: boolean }[] };
  if (moved.digest !== a.descriptor.digest || !moved.tags[0]?.changed)
    throw new Error(`d2ci tag did not move "stable" back to a: ${cli.value.stdout}`);
  const noop = await measured(proxy, () => tagArtifact(target, 'a', ['stable']));

  const row = (id: string, metric: string, c: RequestCount): Row => ({
    id,
    metric,
    measured: `${c.requests} req, ${c.blobRequests} blob req`,
    baseline: '—',
    ratio: '—',
    goal: '0 blob req',
    met: met(c.blobRequests === 0),
  });
  for (const [name, m] of Object.entries({ api, cli, noop })) log(`  tag ${name}: ${m.count.log.join('; ')}`);
  return {
    rows: [
      row('4a', 'move tag (tagArtifact API)', api.count),
      row('4b', 'move tag (`d2ci tag` CLI process)', cli.count),
      row('4c', 'tag already in place (tagArtifact API)', noop.count),
    ],
    details: { api: api.count, cli: cli.count, alreadyThere: noop.count },
  };
}
