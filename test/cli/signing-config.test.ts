import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startSigstore, unsignedJwt, type LocalSigstore } from '../harness/sigstore.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';
import { d2ci } from '../harness/cli.ts';

const identity = 'https://github.com/acme/fleet/.github/workflows/push-artifact.yaml@refs/heads/main';

interface BundleJson {
  mediaType: string;
  verificationMaterial: {
    tlogEntries: { kindVersion: unknown; inclusionPromise?: unknown; inclusionProof: { checkpoint: { envelope: string } } }[];
    timestampVerificationData: { rfc3161Timestamps: unknown[] };
  };
}

/** The one bundle referrer of `digest`, read from the registry (the referrers tag schema: this registry has no API). */
async function bundleOf(registry: LocalRegistry, repo: string, digest: string): Promise<BundleJson> {
  const index = (await (
    await fetch(`http://${registry.host}/v2/${repo}/manifests/${digest.replace(':', '-')}`, {
      headers: { accept: 'application/vnd.oci.image.index.v1+json' },
    })
  ).json()) as { manifests: { digest: string }[] };
  assert.equal(index.manifests.length, 1);
  const manifest = (await (
    await fetch(`http://${registry.host}/v2/${repo}/manifests/${index.manifests[0]?.digest}`, {
      headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
    })
  ).json()) as { layers: { digest: string }[] };
  return (await (await fetch(`http://${registry.host}/v2/${repo}/blobs/${manifest.layers[0]?.digest}`)).json()) as BundleJson;
}

describe('d2ci sign --signing-config (Rekor v2 and a TSA, as cosign v3)', () => {
  let registry: LocalRegistry;
  let sigstore: LocalSigstore;
  let ws: string;
  let token: string;
  before(async () => {
    [registry, sigstore] = await Promise.all([startRegistry('none'), startSigstore()]);
    ws = makeWorkspace(componentFiles);
    token = unsignedJwt({ ...sigstore.claims, aud: 'sigstore' });
  });
  after(() => Promise.all([registry.stop(), sigstore.close()]));

  const push = async (repo: string): Promise<string> => {
    const pushed = await d2ci(
      [
        'push',
        `oci://${registry.host}/${repo}:latest`,
        '--path',
        'components/frontend',
        '--source',
        's',
        '--revision',
        'main@sha1:1',
        '-o',
        'json',
      ],
      ws,
    );
    assert.equal(pushed.code, 0, pushed.stderr);
    return (JSON.parse(pushed.stdout) as { digest: string }).digest;
  };

  it('logs the bundle in Rekor v2 and timestamps it; d2ci verify accepts it, and a wrong identity is refused', async () => {
    const digest = await push('acme/rekor-v2');
    const ref = `oci://${registry.host}/acme/rekor-v2:latest`;
    // A file holding the token, as cosign's --identity-token takes (its dotted name is not mistaken for a JWT).
    writeFileSync(join(ws, 'oidc.token.txt'), `${token}\n`);
    const signed = await d2ci(
      [
        'sign',
        ref,
        '--identity-token',
        'oidc.token.txt',
        '--signing-config',
        sigstore.signingConfigFile,
        '--signature-format',
        'bundle',
        '-o',
        'json',
      ],
      ws,
    );
    assert.equal(signed.code, 0, signed.stderr);
    assert.ok(sigstore.requests.includes('POST /api/v2/log/entries'), sigstore.requests.join(', '));
    assert.ok(!sigstore.requests.includes('POST /api/v1/log/entries'));
    assert.ok(sigstore.requests.includes('POST /api/v1/timestamp'));
    const bundle = await bundleOf(registry, 'acme/rekor-v2', digest);
    assert.equal(bundle.mediaType, 'application/vnd.dev.sigstore.bundle.v0.3+json');
    const entry = bundle.verificationMaterial.tlogEntries[0]!;
    // Rekor v2 logs hashedrekord entries only: the DSSE envelope as a hashedrekord over its PAE, as cosign v3.1 does.
    assert.deepEqual(entry.kindVersion, { kind: 'hashedrekord', version: '0.0.2' });
    assert.equal(entry.inclusionPromise, undefined);
    assert.match(entry.inclusionProof.checkpoint.envelope, /^127\.0\.0\.1\n1\n/);
    assert.equal(bundle.verificationMaterial.timestampVerificationData.rfc3161Timestamps.length, 1);

    const verify = (who: string) =>
      d2ci(['verify', ref, '--certificate-identity', who, '--trusted-root', sigstore.trustedRootFile, '--signature-format', 'bundle'], ws);
    const verified = await verify(identity);
    assert.equal(verified.code, 0, verified.stderr);
    assert.match(verified.stderr, /^✔ verified .*\(bundle\): signed by /m);
    const wrong = await verify(identity.replace('main', 'other'));
    assert.equal(wrong.code, 1, wrong.stderr);

    // Without the TSA's timestamp a Rekor v2 entry gives no time to check the certificate against.
    const root = JSON.parse(readFileSync(sigstore.trustedRootFile, 'utf8')) as Record<string, unknown>;
    const noTsa = join(ws, 'no-tsa-root.json');
    writeFileSync(noTsa, JSON.stringify({ ...root, timestampAuthorities: [] }));
    const untimed = await d2ci(
      ['verify', ref, '--certificate-identity', identity, '--trusted-root', noTsa, '--signature-format', 'bundle'],
      ws,
    );
    assert.equal(untimed.code, 1, untimed.stderr);
  });

  it('refuses the legacy and both formats with a Rekor-v2-only config, naming --signing-config, before signing', async () => {
    await push('acme/refused');
    const before = sigstore.requests.length;
    for (const format of ['legacy', 'both']) {
      const refused = await d2ci(
        [
          'sign',
          `oci://${registry.host}/acme/refused:latest`,
          '--identity-token',
          token,
          '--signing-config',
          sigstore.signingConfigFile,
          '--signature-format',
          format,
        ],
        ws,
      );
      assert.equal(refused.code, 1);
      assert.match(
        refused.stderr,
        new RegExp(
          `^✗ --signing-config: .* selects only Rekor v2, .* the ${format} format's \\.sig signature needs .*: sign in the bundle format, or name a Rekor v1 log$`,
          'm',
        ),
      );
      assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr);
      // public-good's signing config (TUF, opt-in) may select Rekor v2 too: refused for these formats up front.
      const publicGood = await d2ci(
        [
          'sign',
          `oci://${registry.host}/acme/refused:latest`,
          '--identity-token',
          token,
          '--signing-config',
          'public-good',
          '--signature-format',
          format,
        ],
        ws,
      );
      assert.equal(publicGood.code, 1);
      assert.match(
        publicGood.stderr,
        new RegExp(`^✗ --signing-config: public-good may select Rekor v2, .* the ${format} format's \\.sig`, 'm'),
      );
    }
    assert.equal(sigstore.requests.length, before, 'nothing was asked of Fulcio, Rekor or the TSA');
  });

  it('refuses to widen a Rekor v2 bundle to the .sig a digest already carries, before anything is logged or pushed', async () => {
    const digest = await push('acme/widened');
    const ref = `oci://${registry.host}/acme/widened:latest`;
    const legacy = await d2ci(
      ['sign', ref, '--identity-token', token, '--fulcio-url', sigstore.url, '--rekor-url', sigstore.url, '--signature-format', 'legacy'],
      ws,
    );
    assert.equal(legacy.code, 0, legacy.stderr);
    const before = sigstore.requests.length;
    const tags = async (): Promise<string[]> =>
      ((await (await fetch(`http://${registry.host}/v2/acme/widened/tags/list`)).json()) as { tags: string[] }).tags.sort();
    const tagsBefore = await tags();
    const refused = await d2ci(
      ['sign', ref, '--identity-token', token, '--signing-config', sigstore.signingConfigFile, '--signature-format', 'bundle'],
      ws,
    );
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /^✗ --signing-config: selects Rekor v2, but the digest carries a legacy \.sig signature .*: ask for signature format both .*, or leave signing-config empty$/m,
    );
    assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr);
    assert.equal(sigstore.requests.length, before, 'nothing was asked of Fulcio, Rekor or the TSA');
    assert.deepEqual(await tags(), tagsBefore, 'no referrer tag index was written');
    assert.ok(digest);
  });

  it('signs legacy and bundle with a Rekor v1 config; the signing config and fixed URLs exclude each other', async () => {
    await push('acme/rekor-v1');
    const ref = `oci://${registry.host}/acme/rekor-v1:latest`;
    const signed = await d2ci(
      ['sign', ref, '--identity-token', token, '--signing-config', sigstore.signingConfigV1File, '--signature-format', 'both'],
      ws,
    );
    assert.equal(signed.code, 0, signed.stderr);
    for (const format of ['legacy', 'bundle']) {
      const verified = await d2ci(
        ['verify', ref, '--certificate-identity', identity, '--trusted-root', sigstore.trustedRootFile, '--signature-format', format],
        ws,
      );
      assert.equal(verified.code, 0, verified.stderr);
    }
    const both = await d2ci(
      ['sign', ref, '--identity-token', token, '--signing-config', sigstore.signingConfigFile, '--rekor-url', sigstore.url],
      ws,
    );
    assert.equal(both.code, 1);
    assert.match(
      both.stderr,
      /^✗ --signing-config: names the services itself: give it or the Fulcio, Rekor and timestamp server URLs, not both$/m,
    );
    writeFileSync(join(ws, 'not-a-config.json'), '{"mediaType":"application/vnd.dev.sigstore.trustedroot+json;version=0.1"}');
    const wrongFile = await d2ci(['sign', ref, '--identity-token', token, '--signing-config', 'not-a-config.json'], ws);
    assert.equal(wrongFile.code, 1);
    assert.match(wrongFile.stderr, /^✗ --signing-config: not-a-config\.json is not a Sigstore signing_config\.v0\.2\.json/m);
    const noToken = await d2ci(['sign', ref, '--identity-token', 'missing.token', '--signing-config', sigstore.signingConfigV1File], ws);
    assert.equal(noToken.code, 1);
    assert.match(noToken.stderr, /^✗ --identity-token: neither a JWT nor a readable file holding one$/m);
  });
});
