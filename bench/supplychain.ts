// 10. Supply-chain metadata: generating the SBOM of what a repository deploys, with packing the same tree for
// scale (packing reads bytes; the SBOM parses every YAML document); the registry requests of attaching and attesting it; and
// Notary Project signing and warm verification.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import {
  buildLayer,
  createNotationKeySigner,
  generateSbom,
  githubActionsIdentity,
  attachDocuments,
  notationDirectoryTrustStore,
  pushArtifact,
  RegistryClient,
  signNotationBeforeTagging,
  verifyNotation,
} from '@d2ci/core';
import type { FaultProxy } from '../test/harness/fault-proxy.ts';
import { startSigstore } from '../test/harness/sigstore.ts';
import { TestCa } from '../test/harness/ca.ts';
import { met, type Row, type SectionResult } from './report.ts';
import { breakdown } from './sign.ts';
import { fmtMs, fmtRatio, log, median, timed } from './util.ts';

/** An apps repository: 100 components of a Deployment (2 containers) and a HelmRelease + its OCIRepository. */
function appsTree(root: string): { files: number; images: number } {
  let files = 0;
  for (let i = 0; i < 100; i++) {
    const dir = join(root, 'components', `app-${i}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'kustomization.yaml'),
      `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - deployment.yaml\n  - release.yaml\nimages:\n  - name: ghcr.io/acme/app-${i}\n    newTag: 1.${i}.0\n`,
    );
    writeFileSync(
      join(dir, 'deployment.yaml'),
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ghcr.io/acme/app-${i}:1.0.0\n        - name: proxy\n          image: docker.io/envoyproxy/envoy@sha256:${i.toString(16).padStart(64, 'a')}\n`,
    );
    writeFileSync(
      join(dir, 'release.yaml'),
      `apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata:\n  name: chart-${i}\nspec:\n  url: oci://ghcr.io/acme/charts/chart-${i}\n  ref:\n    semver: 2.${i}.x\n---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: chart-${i}\nspec:\n  chartRef:\n    kind: OCIRepository\n    name: chart-${i}\n  values:\n    image:\n      repository: ghcr.io/acme/sidecar\n      tag: 3.${i}.1\n`,
    );
    files += 3;
  }
  return { files, images: 300 };
}

export async function benchSupplyChain(proxy: FaultProxy, runs: number): Promise<SectionResult> {
  const work = mkdtempSync(join(tmpdir(), 'd2ci-bench-supply-'));
  const tree = join(work, 'tree');
  const shape = appsTree(tree);
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  const subject = { repository: 'ghcr.io/acme/d2-apps', digest: `sha256:${'0'.repeat(64)}` };

  // 10a: SBOM generation vs packing the same tree (one untimed run each first).
  await generateSbom(tree, 'cyclonedx', subject);
  await buildLayer({ path: tree }, join(work, 'layer.tgz'));
  const sbomSamples: number[] = [];
  const packSamples: number[] = [];
  let components = 0;
  for (let i = 0; i < runs; i++) {
    const made = await timed(() => generateSbom(tree, 'cyclonedx', subject));
    sbomSamples.push(made.ms);
    components = (JSON.parse(made.value.content.toString('utf8')) as { components: unknown[] }).components.length;
    packSamples.push((await timed(() => buildLayer({ path: tree }, join(work, 'layer.tgz')))).ms);
  }
  const sbomMs = median(sbomSamples);
  const packMs = median(packSamples);
  log(`  SBOM of ${shape.files} files (${components} components): ${fmtMs(sbomMs)}; packing the tree: ${fmtMs(packMs)}`);
  rows.push({
    id: '10a',
    metric: `generate a CycloneDX SBOM of ${shape.files} manifests (${components} images, charts, sources), median of ${runs}`,
    measured: fmtMs(sbomMs),
    baseline: `${fmtMs(packMs)} (packing the same tree)`,
    ratio: fmtRatio(sbomMs / packMs),
    goal: '< 100 ms',
    met: met(sbomMs < 100),
  });
  details.sbomMs = sbomSamples;
  details.packMs = packSamples;

  // 10b: what attaching the SBOM and its attestation sends to the registry.
  const sigstore = await startSigstore();
  try {
    const identity = {
      kind: 'keyless' as const,
      identity: githubActionsIdentity('sigstore', { env: { ...sigstore.oidcEnv } }),
      fulcioUrl: sigstore.url,
      rekorUrl: sigstore.url,
    };
    const repo = new RegistryClient().repository({ registry: proxy.host, repository: 'bench/supply-chain' });
    const pushed = await pushArtifact({
      path: join(tree, 'components', 'app-0'),
      target: repo,
      source: 's',
      revision: 'r',
      tags: ['latest'],
    });
    const document = await generateSbom(tree, 'cyclonedx', { repository: repo.name, digest: pushed.descriptor.digest });
    proxy.log.length = 0;
    await attachDocuments(repo, pushed.descriptor, [document], { attest: { identity } });
    const requests = proxy.log.map((r) => ({ method: r.method, path: r.path }));
    const text = `${requests.length} req (${breakdown(requests)})`;
    log(`  attach + attest: ${text}`);
    rows.push({
      id: '10b',
      metric: 'registry requests to attach a generated SBOM and its attestation',
      measured: text,
      baseline: '—',
      ratio: '—',
      goal: 'fixed, listed',
      met: 'n/a',
    });
    details.attachRequests = requests;
  } finally {
    await sigstore.close();
  }

  // 10c: Notation: sign once, then warm verification with a directory trust store.
  const ca = new TestCa(join(work, 'ca'));
  const root = ca.issue('root', '/C=US/ST=WA/O=Acme/CN=Acme Root', 'EC-384', 'v3_root');
  const leaf = ca.issue('leaf', '/C=US/ST=WA/O=Acme/CN=Acme Signer', 'EC-256', 'v3_leaf', root);
  mkdirSync(join(work, 'store/x509/ca/acme'), { recursive: true });
  writeFileSync(join(work, 'store/x509/ca/acme/root.pem'), root.certPem);
  const repo = new RegistryClient().repository({ registry: proxy.host, repository: 'bench/notation' });
  const step = signNotationBeforeTagging(
    repo,
    await createNotationKeySigner({ privateKey: leaf.keyPem, certificateChain: leaf.certPem + root.certPem }),
  );
  proxy.log.length = 0;
  const signMs = (
    await timed(() =>
      pushArtifact({
        path: join(tree, 'components', 'app-1'),
        target: repo,
        source: 's',
        revision: 'r',
        tags: ['latest'],
        beforeTag: step.beforeTag,
      }),
    )
  ).ms;
  const policy = {
    version: '1.0',
    trustPolicies: [
      {
        name: 'bench',
        registryScopes: [repo.name],
        signatureVerification: { level: 'strict' },
        trustStores: ['ca:acme'],
        trustedIdentities: ['x509.subject: C=US, ST=WA, O=Acme, CN=Acme Signer'],
      },
    ],
  };
  const trustStore = notationDirectoryTrustStore(join(work, 'store'));
  const verify = () => verifyNotation({ target: repo, reference: 'latest', trustPolicy: policy, trustStore });
  const first = await verify();
  if (!first.verified) throw new Error(`notation verification failed: ${first.reasons.join('; ')}`);
  const samples: number[] = [];
  for (let i = 0; i < runs * 3; i++) samples.push((await timed(verify)).ms);
  const warm = median(samples);
  log(`  notation: push + sign ${fmtMs(signMs)}; warm verify median ${fmtMs(warm)}`);
  rows.push({
    id: '10c',
    metric: `verify a Notary Project signature, warm process (median of ${runs * 3})`,
    measured: fmtMs(warm),
    baseline: `push + sign: ${fmtMs(signMs)}`,
    ratio: '—',
    goal: '< 50 ms',
    met: met(warm < 50),
  });
  details.notationVerifyMs = samples;
  details.notationPushSignMs = signMs;
  return { rows, details };
}
