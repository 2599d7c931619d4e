// 1. Packing: our buildLayer (walk streamed into the packer, .tgz written to a file) vs `tar -c | gzip -6 > file`.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { buildLayer, walkTree, type LayerInfo } from '@d2ci/core';
import { met, type SectionResult } from './report.ts';
import { fmtMs, fmtRatio, log, median, mustRun, timed } from './util.ts';

/** Our packer as push runs it: the walk streams into the tar writer, so listing overlaps compression. */
export async function packOurs(tree: string, output: string): Promise<LayerInfo> {
  return buildLayer({ path: tree }, output);
}

export function tarGzip(tree: string, output: string): Promise<unknown> {
  return mustRun('sh', ['-c', 'tar -cf - -C "$1" . | gzip -6 > "$2"', 'sh', tree, output]);
}

export async function benchPack(tree: string, work: string, runs: number): Promise<SectionResult> {
  const ours: number[] = [];
  const walk: number[] = [];
  const baseline: number[] = [];
  const oursFile = join(work, 'ours.tgz');
  const tarFile = join(work, 'tar.tgz');
  // Untimed warm-up of both: page cache, JIT and lazily loaded modules.
  const layer = await packOurs(tree, oursFile);
  await tarGzip(tree, tarFile);
  for (let i = 0; i < runs; i++) {
    // Interleaved, alternating which goes first, so drift (thermal, cache, other load) hits both alike.
    const steps = [
      async () => {
        ours.push((await timed(() => packOurs(tree, oursFile))).ms);
        // The walk alone, for context (inside the pack it overlaps compression).
        walk.push((await timed(() => walkTree(tree))).ms);
      },
      async () => baseline.push((await timed(() => tarGzip(tree, tarFile))).ms),
    ];
    if (i % 2) steps.reverse();
    for (const step of steps) await step();
    log(
      `  pack run ${i + 1}/${runs}: ours ${fmtMs(ours.at(-1) ?? 0)} (walk ${fmtMs(walk.at(-1) ?? 0)}), tar|gzip ${fmtMs(baseline.at(-1) ?? 0)}`,
    );
  }
  const oursMedian = median(ours);
  const baseMedian = median(baseline);
  const ratio = oursMedian / baseMedian;
  const tarSize = (await stat(tarFile)).size;
  return {
    rows: [
      {
        id: '1',
        metric: `pack 50 MiB / ${layer.files} files → .tgz (median of ${runs})`,
        measured: fmtMs(oursMedian),
        baseline: `${fmtMs(baseMedian)} (tar | gzip -6)`,
        ratio: fmtRatio(ratio),
        goal: '≤ 1.00×',
        met: met(ratio <= 1.0),
      },
      {
        id: '1′',
        metric: `  walkTree alone, for context (listing ${layer.files} files)`,
        measured: fmtMs(median(walk)),
        baseline: '—',
        ratio: '—',
        goal: 'context',
        met: 'n/a',
      },
    ],
    details: {
      oursMs: ours,
      oursWalkMs: walk,
      tarGzipMs: baseline,
      oursMedianMs: oursMedian,
      tarGzipMedianMs: baseMedian,
      ratio,
      layerDigest: layer.digest,
      layerBytes: layer.size,
      tarBytes: layer.uncompressedSize,
      tarGzipBytes: tarSize,
      files: layer.files,
    },
  };
}
