import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegistryClient, legacySignatureTag, parseManifest, type ImageManifest } from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startSigstore, type LocalSigstore } from '../harness/sigstore.ts';
import { runAction, type ActionRun } from '../harness/action.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';

const workflow = '^https://github\\.com/acme/fleet/\\.github/workflows/push-artifact\\.yaml@refs/heads/main$';

function ok(run: ActionRun): void {
  assert.equal(run.code, 0, `action failed:\n${run.stdout}\n${run.stderr}`);
}

describe('push-artifact signs and verify-artifact verifies, as GitHub runs them', () => {
  let registry: LocalRegistry;
  let sigstore: LocalSigstore;
  let workspace: string;
  let sigstoreInputs: Record<string, string>;
  before(async () => {
    [registry, sigstore] = await Promise.all([startRegistry('none'), startSigstore()]);
    workspace = makeWorkspace(componentFiles);
    sigstoreInputs = { 'fulcio-url': sigstore.url, 'rekor-url': sigstore.url, 'timestamp-server-url': sigstore.url };
  });
  after(async () => {
    await Promise.all([registry.stop(), sigstore.close()]);
  });
  const env = (): Record<string, string> => ({ GITHUB_WORKSPACE: workspace, ...sigstore.oidcEnv });

  it('signs keylessly in both formats before tagging, then verifies by digest with the workflow identity', async () => {
    const repository = `${registry.host}/acme/apps/frontend`;
    const pushed = await runAction(
      'push-artifact',
      { repository, path: 'components/frontend', 'diff-tag': 'latest', 'signature-format': 'both', ...sigstoreInputs },
      env(),
    );
    ok(pushed);
    const digest = pushed.outputs.digest ?? '';
    assert.equal(pushed.outputs['signature-ref'], `${repository}:${legacySignatureTag(digest)}`);
    assert.match(pushed.outputs['rekor-log-index'] ?? '', /^[0-9]+$/);
    assert.deepEqual(sigstore.audiences, ['sigstore'], 'one OIDC token, audience sigstore');
    assert.match(
      pushed.summary,
      /both signature by `https:\/\/github.com\/acme\/fleet\/.github\/workflows\/push-artifact.yaml@refs\/heads\/main`/,
    );
    assert.ok(
      pushed.masked.some((m) => m.split('.').length === 3),
      'the OIDC token is masked',
    );
    for (const token of pushed.masked.filter((m) => m.split('.').length === 3)) assert.ok(!pushed.visible.includes(token));

    // The .sig manifest and the bundle referrer are there; latest points at the signed digest.
    const repo = new RegistryClient().repository({ registry: registry.host, repository: 'acme/apps/frontend' });
    assert.equal((await repo.resolve('latest')).digest, digest);
    const sig = parseManifest((await repo.fetchManifest(legacySignatureTag(digest))).bytes).manifest as ImageManifest;
    assert.equal(sig.layers.length, 1);
    assert.equal(
      (await repo.referrers({ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: 0 })).filter(
        (r) => r.artifactType === 'application/vnd.dev.sigstore.bundle.v0.3+json',
      ).length,
      1,
    );

    const verified = await runAction(
      'verify-artifact',
      {
        repository,
        ref: 'latest',
        'certificate-identity-regexp': workflow,
        'trusted-root': sigstore.trustedRootFile,
        annotations: 'org.opencontainers.image.revision=^refs/heads/main@',
      },
      { GITHUB_WORKSPACE: workspace },
    );
    ok(verified);
    assert.equal(verified.outputs.verified, 'true');
    assert.equal(verified.outputs.digest, digest);
    assert.equal(verified.outputs['digest-url'], `${repository}@${digest}`);
    assert.equal(verified.outputs.format, 'bundle');
    assert.equal(verified.outputs.identity, 'https://github.com/acme/fleet/.github/workflows/push-artifact.yaml@refs/heads/main');
    assert.equal(verified.outputs.issuer, 'https://token.actions.githubusercontent.com');
    assert.equal(verified.outputs.revision, 'refs/heads/main@sha1:0123456789abcdef0123456789abcdef01234567');
    assert.equal(verified.outputs.source, 'https://github.com/acme/fleet');
    assert.match(verified.summary, /✅ verified \(bundle\)/);

    const legacyOnly = await runAction(
      'verify-artifact',
      {
        url: `oci://${repository}@${digest}`,
        'certificate-identity': 'https://github.com/acme/fleet/.github/workflows/push-artifact.yaml@refs/heads/main',
        'trusted-root': sigstore.trustedRootFile,
        'signature-format': 'legacy',
      },
      { GITHUB_WORKSPACE: workspace },
    );
    ok(legacyOnly);
    assert.equal(legacyOnly.outputs.format, 'legacy');
  });

  it('fails verification with one line naming why, and still reports the digest', async () => {
    const repository = `${registry.host}/acme/apps/frontend`;
    const wrongIdentity = await runAction(
      'verify-artifact',
      {
        repository,
        ref: 'latest',
        'certificate-identity': 'https://github.com/acme/fleet/.github/workflows/release-artifact.yaml@refs/tags/v1.0.0',
        'trusted-root': sigstore.trustedRootFile,
      },
      { GITHUB_WORKSPACE: workspace },
    );
    assert.equal(wrongIdentity.code, 1);
    assert.equal(wrongIdentity.errors.length, 1);
    assert.match(
      wrongIdentity.errors[0] ?? '',
      /is not verified: bundle signature: signed by https:\/\/github\.com\/acme\/fleet\/\.github\/workflows\/push-artifact\.yaml@refs\/heads\/main, expected identity https:\/\/github\.com\/acme\/fleet\/\.github\/workflows\/release-artifact\.yaml@refs\/tags\/v1\.0\.0/,
    );
    assert.equal(wrongIdentity.outputs.verified, 'false');
    assert.match(wrongIdentity.outputs.digest ?? '', /^sha256:/);
    assert.match(wrongIdentity.summary, /❌ not verified/);

    const wrongIssuer = await runAction(
      'verify-artifact',
      {
        repository,
        'certificate-identity-regexp': workflow,
        'certificate-oidc-issuer': 'https://accounts.google.com',
        'trusted-root': sigstore.trustedRootFile,
      },
      { GITHUB_WORKSPACE: workspace },
    );
    assert.equal(wrongIssuer.code, 1);
    assert.match(
      wrongIssuer.errors[0] ?? '',
      /issued by https:\/\/token\.actions\.githubusercontent\.com, expected issuer https:\/\/accounts\.google\.com/,
    );

    const wrongRevision = await runAction(
      'verify-artifact',
      {
        repository,
        'certificate-identity-regexp': workflow,
        'trusted-root': sigstore.trustedRootFile,
        annotations: 'org.opencontainers.image.revision=^refs/tags/',
      },
      { GITHUB_WORKSPACE: workspace },
    );
    assert.equal(wrongRevision.code, 1);
    assert.match(
      wrongRevision.errors[0] ?? '',
      /annotation org\.opencontainers\.image\.revision is "refs\/heads\/main@sha1:[0-9a-f]+", expected to match \^refs\/tags\//,
    );

    const unsigned = await runAction(
      'push-artifact',
      { repository: `${registry.host}/acme/unsigned`, path: 'components/frontend', sign: 'false' },
      { GITHUB_WORKSPACE: workspace },
    );
    ok(unsigned);
    const none = await runAction(
      'verify-artifact',
      { repository: `${registry.host}/acme/unsigned`, 'certificate-identity-regexp': workflow, 'trusted-root': sigstore.trustedRootFile },
      { GITHUB_WORKSPACE: workspace },
    );
    assert.equal(none.code, 1);
    assert.match(none.errors[0] ?? '', /is not verified: no signature found for sha256:[0-9a-f]{64}$/);
  });

  it('warns when only a bundle signs the artifact (Flux 2.6/2.7 would not see it)', async () => {
    const repository = `${registry.host}/acme/bundle-only`;
    ok(
      await runAction('push-artifact', { repository, path: 'components/frontend', 'signature-format': 'bundle', ...sigstoreInputs }, env()),
    );
    // By default (flux-version: all) every Flux version must accept it: 2.6 and 2.7 would not see a bundle.
    const rejected = await runAction(
      'verify-artifact',
      { repository, 'certificate-identity-regexp': workflow, 'trusted-root': sigstore.trustedRootFile },
      { GITHUB_WORKSPACE: workspace },
    );
    assert.equal(rejected.code, 1);
    assert.match(
      rejected.errors.join('\n'),
      /is not verified: Flux 2\.6 and 2\.7 would reject it: it reads only the legacy \.sig signature, and there is none$/,
    );
    const verified = await runAction(
      'verify-artifact',
      { repository, 'certificate-identity-regexp': workflow, 'trusted-root': sigstore.trustedRootFile, 'flux-version': 'none' },
      { GITHUB_WORKSPACE: workspace },
    );
    ok(verified);
    assert.match(verified.stdout, /::warning::only a Sigstore bundle verifies: Flux 2\.6 and 2\.7 read only legacy \.sig signatures/);
  });

  for (const service of ['fulcio', 'rekor'] as const) {
    it(`fails cleanly when ${service === 'fulcio' ? 'Fulcio' : 'Rekor'} is unreachable: bounded retries, no tag moved`, async () => {
      const repository = `${registry.host}/acme/apps/frontend`;
      const repo = new RegistryClient().repository({ registry: registry.host, repository: 'acme/apps/frontend' });
      const before = (await repo.resolve('latest')).digest;
      writeFileSync(join(workspace, 'components/frontend/base/extra.yaml'), `changed: ${service}\n`);
      sigstore.failing.add(service);
      const requests = sigstore.requests.length;
      try {
        const run = await runAction(
          'push-artifact',
          { repository, path: 'components/frontend', 'diff-tag': 'latest', ...sigstoreInputs },
          env(),
        );
        assert.equal(run.code, 1);
        assert.equal(run.errors.length, 1);
        const expected =
          service === 'fulcio'
            ? /Fulcio at http:\/\/127\.0\.0\.1:\d+ did not issue a certificate/
            : /Rekor at http:\/\/127\.0\.0\.1:\d+ did not log the signature/;
        assert.match(run.errors[0] ?? '', /^signing sha256:[0-9a-f]{64} failed, so no tag was moved \(the manifest is stored untagged\): /);
        assert.match(run.errors[0] ?? '', expected);
        const attempts = sigstore.requests
          .slice(requests)
          .filter((r) => r.startsWith(`POST /api/${service === 'fulcio' ? 'v2/signingCert' : 'v1/log'}`)).length;
        assert.ok(attempts >= 2 && attempts <= 5, `bounded retries (${attempts} attempts)`);
        assert.equal((await repo.resolve('latest')).digest, before, 'latest did not move');
        assert.deepEqual(run.outputs, {});
      } finally {
        sigstore.failing.delete(service);
      }
    });
  }

  it('signs with a key on an OCI layout (no Sigstore) and verifies with the public key', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const layout = join(workspace, '..', `keyed-${Date.now()}`);
    const pushed = await runAction(
      'push-artifact',
      {
        repository: `oci-layout:${layout}`,
        path: 'components/frontend',
        'signing-key': privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
      { GITHUB_WORKSPACE: workspace },
    );
    ok(pushed);
    assert.equal(pushed.outputs['rekor-log-index'], '');
    assert.ok(!pushed.visible.includes('PRIVATE KEY'), 'the key never shows');
    const pub = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const verified = await runAction('verify-artifact', { repository: `oci-layout:${layout}`, key: pub }, { GITHUB_WORKSPACE: workspace });
    ok(verified);
    assert.match(verified.outputs.identity ?? '', /^key:[0-9a-f]{64}$/);
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const rejected = await runAction(
      'verify-artifact',
      { repository: `oci-layout:${layout}`, key: other },
      { GITHUB_WORKSPACE: workspace },
    );
    assert.equal(rejected.code, 1);
    assert.match(rejected.errors[0] ?? '', /legacy signature: the signature does not verify with any given key/);
  });

  it('signs signature-annotations into both formats, and verify-artifact checks them as cosign verify -a', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const layout = join(workspace, '..', `annotated-${Date.now()}`);
    const pushed = await runAction(
      'push-artifact',
      {
        repository: `oci-layout:${layout}`,
        path: 'components/frontend',
        'signing-key': privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        'signature-format': 'both',
        'signature-annotations': 'env=prod\nticket=CHG-42',
      },
      { GITHUB_WORKSPACE: workspace },
    );
    ok(pushed);
    const key = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const verify = (format: string, annotations: string) =>
      runAction(
        'verify-artifact',
        { repository: `oci-layout:${layout}`, key, 'signature-format': format, 'signature-annotations': annotations },
        { GITHUB_WORKSPACE: workspace },
      );
    for (const format of ['legacy', 'bundle']) {
      const good = await verify(format, 'env=prod\nticket=CHG-42');
      ok(good);
      assert.equal(good.outputs.format, format);
      const wrong = await verify(format, 'env=staging');
      assert.equal(wrong.code, 1);
      assert.match(
        wrong.errors[0] ?? '',
        new RegExp(`${format} signature: missing or incorrect signature annotation: wanted env="staging", the signature has env="prod"`),
      );
    }
    const malformed = await verify('legacy', 'env');
    assert.equal(malformed.code, 1);
    assert.match(malformed.errors[0] ?? '', /signature-annotations/);
    assert.match(malformed.errors[0] ?? '', /"env" is not key=value, e.g. env=prod/);
    const notSigning = await runAction(
      'push-artifact',
      { repository: `oci-layout:${layout}-2`, path: 'components/frontend', sign: 'false', 'signature-annotations': 'env=prod' },
      { GITHUB_WORKSPACE: workspace },
    );
    assert.equal(notSigning.code, 1);
    assert.match(notSigning.errors[0] ?? '', /signature-annotations.*are signed into a signature, and `sign` is false/);
  });
});
