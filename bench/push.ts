// 2. Pushing 50 MiB to the local registry: our client vs curl (same layer bytes, same two requests) and vs
// skopeo copy of the same artifact from an OCI layout; plus end-to-end pushArtifact for context.
import { join } from 'node:path';
import { copy, fileSource, FluxMediaType, OciLayout, pushArtifact, RegistryClient, type Descriptor } from '@d2ci/core';
import { met, type Row, type SectionResult } from './report.ts';
import { fmtMs, fmtRatio, log, median, mustRun, timed } from './util.ts';

const meta = { source: 'https://github.com/acme/fleet', revision: 'main@sha1:0123456789abcdef0123456789abcdef01234567' };

/**
 * `POST /v2/<repo>/blobs/uploads/` then `PUT <location>&digest=…` with `--data-binary @file`, as two curl runs.
 * Returns curl's own `time_total` summed over both (the transfer without process start-up), in ms.
 */
export async function curlUpload(registryUrl: string, repository: string, file: string, digest: string): Promise<number> {
  const post = await mustRun('curl', [
    '-s',
    '-X',
    'POST',
    '-o',
    '/dev/null',
    '-D',
    '-',
    '-w',
    '%{http_code} %{time_total}',
    `${registryUrl}/v2/${repository}/blobs/uploads/`,
  ]);
  const location = /^location:\s*(\S+)\s*$/im.exec(post.stdout)?.[1];
  const [postStatus, postTime] = post.stdout.trimEnd().split('\n').at(-1)?.split(' ') ?? [];
  if (postStatus !== '202' || !location) throw new Error(`curl POST did not start an upload:\n${post.stdout}`);
  const url = new URL(location, registryUrl).href;
  const put = await mustRun('curl', [
    '-s',
    '-X',
    'PUT',
    '-o',
    '/dev/null',
    '-w',
    '%{http_code} %{time_total}',
    // No `Expect: 100-continue` round trip: the leanest upload curl can do.
    '-H',
    'Expect:',
    '-H',
    'Content-Type: application/octet-stream',
    '--data-binary',
    `@${file}`,
    `${url}${url.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`,
  ]);
  const [putStatus, putTime] = put.stdout.trim().split(' ');
  if (putStatus !== '201') throw new Error(`curl PUT answered ${put.stdout.trim()}`);
  return (Number(postTime) + Number(putTime)) * 1000;
}

/**
 * skopeo remembers where it has seen each blob (a BoltDB "blob info cache", /var/lib/containers/cache for root)
 * and then mounts it from another repository instead of uploading it. A fresh cache directory per run makes it
 * upload the bytes like everyone else; `_CONTAINERS_ROOTLESS_UID` makes it use XDG_DATA_HOME even as root.
 */
function skopeoEnv(cacheHome: string): NodeJS.ProcessEnv {
  return { ...process.env, _CONTAINERS_ROOTLESS_UID: '1000', XDG_DATA_HOME: cacheHome };
}

export async function benchPush(
  tree: string,
  work: string,
  registry: { host: string; url: string },
  runs: number,
  e2eRuns: number,
): Promise<SectionResult> {
  // Stage the artifact once in an OCI layout with our own code: skopeo copies it from there, curl and our
  // blob upload send its layer file.
  const layoutDir = join(work, 'layout');
  const staged = await pushArtifact({
    path: tree,
    target: new OciLayout(layoutDir),
    tags: ['latest'],
    reproducible: true,
    ...meta,
    tempDir: work,
  });
  const layer: Descriptor = { mediaType: FluxMediaType.content, digest: staged.layer.digest, size: staged.layer.size };
  const layerFile = join(layoutDir, 'blobs', 'sha256', layer.digest.slice('sha256:'.length));
  log(`  staged layer ${layer.digest} (${staged.layer.size} bytes) in ${layoutDir}`);

  const samples: Record<'curl' | 'oursBlob' | 'skopeo' | 'oursCopy', number[]> = { curl: [], oursBlob: [], skopeo: [], oursCopy: [] };
  const curlTransfer: number[] = [];
  const steps: { name: keyof typeof samples; run: (i: number) => Promise<unknown> }[] = [
    {
      name: 'curl',
      run: async (i) => {
        const transfer = await curlUpload(registry.url, `bench/curl-${i}`, layerFile, layer.digest);
        if (i > 0) curlTransfer.push(transfer);
      },
    },
    {
      name: 'oursBlob',
      run: (i) =>
        new RegistryClient()
          .repository({ registry: registry.host, repository: `bench/ours-blob-${i}` })
          .push(layer, fileSource(layerFile, layer.size)),
    },
    {
      name: 'skopeo',
      run: (i) =>
        mustRun(
          'skopeo',
          [
            '--insecure-policy',
            'copy',
            '--quiet',
            '--dest-tls-verify=false',
            `oci:${layoutDir}:latest`,
            `docker://${registry.host}/bench/skopeo-${i}:latest`,
          ],
          {
            env: skopeoEnv(join(work, `skopeo-cache-${i}`)),
          },
        ),
    },
    {
      name: 'oursCopy',
      run: (i) =>
        copy(
          new OciLayout(layoutDir),
          'latest',
          new RegistryClient().repository({ registry: registry.host, repository: `bench/ours-copy-${i}` }),
          { tags: ['latest'] },
        ),
    },
  ];
  // Round 0 is an untimed warm-up (registry, page cache, JIT); fresh repository names in every round.
  for (let i = 0; i <= runs; i++) {
    const order = steps.map((_, k) => steps[(k + i) % steps.length] as (typeof steps)[number]);
    const line: string[] = [];
    for (const step of order) {
      const { ms } = await timed(() => step.run(i));
      if (i > 0) samples[step.name].push(ms);
      line.push(`${step.name} ${fmtMs(ms)}`);
    }
    log(`  push round ${i === 0 ? 'warm-up' : `${i}/${runs}`}: ${line.join(', ')}`);
  }

  // End to end (context): walk + pack + upload of the tree vs `tar | gzip -6 | tee | sha256sum` then curl.
  const e2e = { ours: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < e2eRuns; i++) {
    const ours = async () => {
      const target = new RegistryClient().repository({ registry: registry.host, repository: `bench/e2e-ours-${i}` });
      e2e.ours.push((await timed(() => pushArtifact({ path: tree, target, tags: ['latest'], ...meta, tempDir: work }))).ms);
    };
    const baseline = async () => {
      const file = join(work, 'e2e.tgz');
      const { ms } = await timed(async () => {
        const packed = await mustRun('sh', ['-c', 'tar -cf - -C "$1" . | gzip -6 | tee "$2" | sha256sum', 'sh', tree, file]);
        return curlUpload(registry.url, `bench/e2e-curl-${i}`, file, `sha256:${packed.stdout.split(' ')[0] ?? ''}`);
      });
      e2e.baseline.push(ms);
    };
    if (i % 2) {
      await baseline();
      await ours();
    } else {
      await ours();
      await baseline();
    }
    log(
      `  end-to-end run ${i + 1}/${e2eRuns}: ours ${fmtMs(e2e.ours.at(-1) ?? 0)}, tar|gzip|sha256sum + curl ${fmtMs(e2e.baseline.at(-1) ?? 0)}`,
    );
  }

  const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])) as Record<keyof typeof samples, number>;
  const mb = (staged.layer.size / 1024 / 1024).toFixed(1);
  const rows: Row[] = [
    {
      id: '2a',
      metric: `upload ${mb} MiB layer (POST+PUT), median of ${runs}`,
      measured: fmtMs(m.oursBlob),
      baseline: `${fmtMs(m.curl)} (curl)`,
      ratio: fmtRatio(m.oursBlob / m.curl),
      goal: '≤ 1.30×',
      met: met(m.oursBlob / m.curl <= 1.3),
    },
    {
      id: '2a′',
      metric: `  same, vs curl's own transfer time (no process start-up)`,
      measured: fmtMs(m.oursBlob),
      baseline: `${fmtMs(median(curlTransfer))} (curl time_total)`,
      ratio: fmtRatio(m.oursBlob / median(curlTransfer)),
      goal: '≤ 1.30×',
      met: met(m.oursBlob / median(curlTransfer) <= 1.3),
    },
    {
      id: '2b',
      metric: `copy artifact OCI layout → registry, median of ${runs}`,
      measured: fmtMs(m.oursCopy),
      baseline: `${fmtMs(m.skopeo)} (skopeo copy)`,
      ratio: fmtRatio(m.oursCopy / m.skopeo),
      goal: '≤ 1.30×',
      met: met(m.oursCopy / m.skopeo <= 1.3),
    },
    {
      id: '2c',
      metric: `end-to-end push of the tree (pack+upload), median of ${e2eRuns}`,
      measured: fmtMs(median(e2e.ours)),
      baseline: `${fmtMs(median(e2e.baseline))} (tar|gzip|sha256sum + curl)`,
      ratio: fmtRatio(median(e2e.ours) / median(e2e.baseline)),
      goal: 'context',
      met: 'n/a',
    },
  ];
  return {
    rows,
    details: {
      layerDigest: layer.digest,
      layerBytes: layer.size,
      samplesMs: samples,
      curlTransferMs: curlTransfer,
      mediansMs: m,
      ratioBlobVsCurl: m.oursBlob / m.curl,
      ratioCopyVsSkopeo: m.oursCopy / m.skopeo,
      ratioBlobVsSkopeo: m.oursBlob / m.skopeo,
      endToEndMs: e2e,
    },
  };
}
