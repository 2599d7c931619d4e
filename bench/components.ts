// 8. Many components: 100 component directories pushed by one push-artifact step (the committed bundle, run as
// the runner runs it) against 100 sequential `d2ci push` runs, one per component, as a matrix-per-component
// workflow or a shell loop does, unsigned and signed; then a release promotion, counted through the proxy (no artifact blob uploads).
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPublicKey, parseManifest, pushArtifact, RegistryClient, releaseArtifact, signArtifact, type ImageManifest } from '@d2ci/core';
import { runAction } from '../test/harness/action.ts';
import { startSigstore, unsignedJwt } from '../test/harness/sigstore.ts';
import type { FaultProxy } from '../test/harness/fault-proxy.ts';
import type { LocalRegistry } from '../test/harness/registry.ts';
import { met, type Row, type SectionResult } from './report.ts';
import { countRequests, fmtMs, fmtRatio, log, median, mustRun, repoRoot, timed } from './util.ts';

/** `components/app-NNN/{base,staging,production}`: a D2-shaped component, a few KiB of YAML each. */
function componentTree(root: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const name = `app-${String(i).padStart(3, '0')}`;
    const dir = join(root, 'components', name);
    for (const overlay of ['base', 'staging', 'production']) mkdirSync(join(dir, overlay), { recursive: true });
    writeFileSync(join(dir, 'base/kustomization.yaml'), 'resources: [namespace.yaml, release.yaml]\n');
    writeFileSync(join(dir, 'base/namespace.yaml'), `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`);
    writeFileSync(
      join(dir, 'base/release.yaml'),
      `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ${name}\nspec:\n  values:\n${'    key: value\n'.repeat(80)}`,
    );
    for (const overlay of ['staging', 'production'])
      writeFileSync(join(dir, overlay, 'kustomization.yaml'), `resources: [../base]\nnamePrefix: ${overlay}-\n`);
  }
}

export async function benchComponents(work: string, registry: LocalRegistry, proxy: FaultProxy, runs: number): Promise<SectionResult> {
  const count = 100;
  const workspace = join(work, 'ws-components');
  componentTree(workspace, count);
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};

  // One step, into a fresh base repository each run so every component is really pushed.
  const oneStep: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { ms, value } = await timed(() =>
      runAction(
        'push-artifact',
        { repository: `${registry.host}/bench/step-${run}`, components: 'components/*', sign: 'false' },
        { GITHUB_WORKSPACE: workspace },
      ),
    );
    if (value.code !== 0) throw new Error(`components step failed:\n${value.stdout}\n${value.stderr}`);
    const report = JSON.parse(value.outputs.components ?? '[]') as { pushed: boolean }[];
    if (report.length !== count || !report.every((r) => r.pushed))
      throw new Error(`expected ${count} pushed components, got ${report.filter((r) => r.pushed).length}`);
    oneStep.push(ms);
    log(`  one step, ${count} components: ${fmtMs(ms)}`);
  }

  // The baseline: one `d2ci push` process per component, in sequence (measured once: it is the slow side).
  const cli = join(repoRoot, 'packages', 'cli', 'bin', 'd2ci.js');
  const { ms: sequential } = await timed(async () => {
    for (let i = 0; i < count; i++) {
      const name = `app-${String(i).padStart(3, '0')}`;
      await mustRun(
        process.execPath,
        [
          cli,
          'push',
          `oci://${registry.host}/bench/seq/${name}:latest`,
          '--path',
          `components/${name}`,
          '--source',
          'https://github.com/acme/apps',
          '--revision',
          'refs/heads/main@sha1:0',
        ],
        { cwd: workspace },
      );
    }
  });
  const step = median(oneStep);
  log(`  ${count} sequential d2ci push runs: ${fmtMs(sequential)}; ratio ${fmtRatio(sequential / step)}`);
  rows.push({
    id: '8a',
    metric: `push ${count} components in one push-artifact step (median of ${runs})`,
    measured: fmtMs(step),
    baseline: `${count} sequential d2ci push: ${fmtMs(sequential)}`,
    ratio: fmtRatio(sequential / step),
    goal: '≥ 5× and < 10 s',
    met: met(sequential / step >= 5 && step < 10_000),
  });
  details.components = { count, oneStepMs: oneStep, sequentialMs: sequential };

  // Signed keylessly (local Sigstore): one certificate for the step, against one per `d2ci push --sign` run.
  const sigstore = await startSigstore();
  try {
    const signedStep = await timed(() =>
      runAction(
        'push-artifact',
        { repository: `${registry.host}/bench/signed`, components: 'components/*', 'fulcio-url': sigstore.url, 'rekor-url': sigstore.url },
        { GITHUB_WORKSPACE: workspace, ...sigstore.oidcEnv },
      ),
    );
    if (signedStep.value.code !== 0)
      throw new Error(`signed components step failed:\n${signedStep.value.stdout}\n${signedStep.value.stderr}`);
    const certificates = sigstore.requests.filter((r) => r === 'POST /api/v2/signingCert').length;
    sigstore.requests.length = 0;
    const token = unsignedJwt({ ...sigstore.claims, aud: 'sigstore' });
    const { ms: signedSequential } = await timed(async () => {
      for (let i = 0; i < count; i++) {
        const name = `app-${String(i).padStart(3, '0')}`;
        await mustRun(
          process.execPath,
          [
            cli,
            'push',
            `oci://${registry.host}/bench/signed-seq/${name}:latest`,
            '--path',
            `components/${name}`,
            '--source',
            'https://github.com/acme/apps',
            '--revision',
            'refs/heads/main@sha1:0',
            '--sign',
            '--identity-token',
            token,
            '--fulcio-url',
            sigstore.url,
            '--rekor-url',
            sigstore.url,
          ],
          { cwd: workspace },
        );
      }
    });
    const sequentialCertificates = sigstore.requests.filter((r) => r === 'POST /api/v2/signingCert').length;
    log(
      `  signed: one step ${fmtMs(signedStep.ms)} (${certificates} certificate); ${count} d2ci push --sign runs ${fmtMs(signedSequential)} (${sequentialCertificates} certificates)`,
    );
    rows.push({
      id: '8b',
      metric: `push and sign ${count} components in one step (local Sigstore)`,
      measured: `${fmtMs(signedStep.ms)}, ${certificates} Fulcio certificate, ${count} Rekor entries`,
      baseline: `${count} sequential d2ci push --sign: ${fmtMs(signedSequential)}, ${sequentialCertificates} certificates`,
      ratio: fmtRatio(signedSequential / signedStep.ms),
      goal: '≥ 5× and < 10 s',
      met: met(signedSequential / signedStep.ms >= 5 && signedStep.ms < 10_000),
    });
    details.signed = { oneStepMs: signedStep.ms, certificates, sequentialMs: signedSequential, sequentialCertificates };
  } finally {
    await sigstore.close();
  }

  // Promotion: push and key-sign a staging artifact, then promote it through the counting proxy.
  const staging = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const release = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const repo = new RegistryClient().repository({ registry: proxy.host, repository: 'bench/promote/app-000' });
  const sha = '1'.repeat(40);
  const pushed = await pushArtifact({
    path: join(workspace, 'components/app-000'),
    target: repo,
    tags: ['latest'],
    source: 'https://github.com/acme/apps',
    revision: `refs/heads/main@sha1:${sha}`,
  });
  await signArtifact(repo, pushed.descriptor, {
    identity: { kind: 'key', privateKey: staging.privateKey },
    format: 'legacy',
    repository: repo.name,
  });
  proxy.log.length = 0;
  const { ms: promoteMs } = await timed(() =>
    releaseArtifact({
      mode: 'promote',
      target: repo,
      release: { ref: 'app-000/v1.0.0', component: 'app-000', version: 'v1.0.0', prerelease: false },
      commit: sha,
      verification: { kind: 'key', keys: [loadPublicKey(staging.publicKey.export({ type: 'spki', format: 'pem' }).toString())] },
      signing: { identity: { kind: 'key', privateKey: release.privateKey }, format: 'legacy' },
    }),
  );
  const counted = countRequests(proxy.log);
  const manifest = parseManifest((await repo.fetchManifest('v1.0.0')).bytes).manifest as ImageManifest;
  const artifactBlobs = new Set([manifest.config.digest, ...manifest.layers.map((l) => l.digest)]);
  const artifactUploads = counted.uploads.filter((u) => artifactBlobs.has(u.digest));
  const signatureUploads = counted.uploads.length - artifactUploads.length;
  log(
    `  promote: ${counted.requests} req in ${fmtMs(promoteMs)}; artifact blob uploads ${artifactUploads.length}, signature blob uploads ${signatureUploads}`,
  );
  rows.push({
    id: '8c',
    metric: 'promote a staging artifact to v1.0.0 + latest-stable (verify, re-sign, tag)',
    measured: `${artifactUploads.length} artifact blob uploads; ${counted.requests} req (${signatureUploads} signature blob upload(s)), ${fmtMs(promoteMs)}`,
    baseline: 'D2 release workflow: re-pack and push the layer',
    ratio: '—',
    goal: '0 artifact blob uploads',
    met: met(artifactUploads.length === 0),
  });
  details.promote = { requests: counted.log, wallMs: promoteMs, artifactUploads, signatureUploads };
  return { rows, details };
}
