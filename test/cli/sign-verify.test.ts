import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startSigstore, unsignedJwt, type LocalSigstore } from '../harness/sigstore.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';
import { d2ci } from '../harness/cli.ts';

const identity = 'https://github.com/acme/fleet/.github/workflows/push-artifact.yaml@refs/heads/main';

describe('d2ci sign and verify', () => {
  let registry: LocalRegistry;
  let sigstore: LocalSigstore;
  let ws: string;
  before(async () => {
    [registry, sigstore] = await Promise.all([startRegistry('none'), startSigstore()]);
    ws = makeWorkspace(componentFiles);
  });
  after(() => Promise.all([registry.stop(), sigstore.close()]));

  it('pushes with --key on an OCI layout and verifies with the public key, as the demo does', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    writeFileSync(
      join(ws, 'cosign.key'),
      privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'demo-password' }),
    );
    writeFileSync(join(ws, 'cosign.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
    const pushed = await d2ci(
      [
        'push',
        'oci-layout:layout:latest',
        '--path',
        'components/frontend',
        '--source',
        's',
        '--revision',
        'main@sha1:1',
        '--key',
        'cosign.key',
        '-o',
        'json',
      ],
      ws,
      { COSIGN_PASSWORD: 'demo-password' },
    );
    assert.equal(pushed.code, 0, pushed.stderr);
    const out = JSON.parse(pushed.stdout) as { digest: string; signatureRef: string };
    assert.equal(out.signatureRef, `oci-layout:layout:${out.digest.replace(':', '-')}.sig`);
    const verified = await d2ci(['verify', 'oci-layout:layout:latest', '--key', 'cosign.pub', '-o', 'json'], ws);
    assert.equal(verified.code, 0, verified.stderr);
    const result = JSON.parse(verified.stdout) as { verified: boolean; digest: string; format: string; identity: string; revision: string };
    assert.equal(result.verified, true);
    assert.equal(result.digest, out.digest);
    assert.equal(result.format, 'legacy');
    assert.match(result.identity, /^key:[0-9a-f]{64}$/);
    assert.equal(result.revision, 'main@sha1:1');
    const wrongPassword = await d2ci(
      ['push', 'oci-layout:layout:latest', '--path', 'components/frontend', '--source', 's', '--revision', 'r', '--key', 'cosign.key'],
      ws,
      { COSIGN_PASSWORD: 'nope' },
    );
    assert.equal(wrongPassword.code, 1);
    assert.match(wrongPassword.stderr, /^✗ --key: wrong password for the private key \(set COSIGN_PASSWORD\)$/m);
  });

  it('signs keylessly with an identity token and verifies with the identity and trusted root', async () => {
    const url = `oci://${registry.host}/acme/cli-signed`;
    const pushed = await d2ci(
      ['push', `${url}:latest`, '--path', 'components/frontend', '--source', 's', '--revision', 'refs/heads/main@sha1:2'],
      ws,
    );
    assert.equal(pushed.code, 0, pushed.stderr);
    const token = unsignedJwt({ ...sigstore.claims, aud: 'sigstore' });
    const signed = await d2ci(
      [
        'sign',
        `${url}:latest`,
        '--identity-token',
        token,
        '--fulcio-url',
        sigstore.url,
        '--rekor-url',
        sigstore.url,
        '--signature-format',
        'both',
        '-o',
        'json',
      ],
      ws,
    );
    assert.equal(signed.code, 0, signed.stderr);
    const sig = JSON.parse(signed.stdout) as { digest: string; rekorLogIndex: string; identity: string };
    assert.equal(sig.identity, identity);
    assert.match(sig.rekorLogIndex, /^[0-9]+$/);
    const verified = await d2ci(
      [
        'verify',
        `${url}:latest`,
        '--certificate-identity',
        identity,
        '--trusted-root',
        sigstore.trustedRootFile,
        '-a',
        'org.opencontainers.image.revision=^refs/heads/main@',
      ],
      ws,
    );
    assert.equal(verified.code, 0, verified.stderr);
    assert.match(
      verified.stderr,
      new RegExp(
        `^✔ verified ${registry.host.replace(/\./g, '\\.')}/acme/cli-signed@${sig.digest} \\(bundle\\): signed by ${identity.replace(/[./]/g, '\\$&')}, issuer https://token\\.actions\\.githubusercontent\\.com, in a run of acme/fleet$`,
        'm',
      ),
    );
    // The repository whose run signed, read from the certificate, in both formats.
    for (const format of ['bundle', 'legacy']) {
      const pinned = await d2ci(
        [
          'verify',
          `${url}:latest`,
          '--certificate-identity',
          identity,
          '--certificate-github-workflow-repository',
          'acme/fleet',
          '--signature-format',
          format,
          '--trusted-root',
          sigstore.trustedRootFile,
          '-o',
          'json',
        ],
        ws,
      );
      assert.equal(pinned.code, 0, pinned.stderr);
      assert.equal((JSON.parse(pinned.stdout) as { signerRepository: string }).signerRepository, 'acme/fleet');
      const other = await d2ci(
        [
          'verify',
          `${url}:latest`,
          '--certificate-identity',
          identity,
          '--certificate-github-workflow-repository',
          'acme/other',
          '--signature-format',
          format,
          '--trusted-root',
          sigstore.trustedRootFile,
        ],
        ws,
      );
      assert.equal(other.code, 1);
      assert.match(
        other.stderr,
        new RegExp(`is not verified: ${format} signature: signed by .* in a run of acme/fleet, expected a run of acme/other$`, 'm'),
      );
    }
    const wrong = await d2ci(
      [
        'verify',
        `${url}:latest`,
        '--certificate-identity-regexp',
        '^https://github\\.com/other/',
        '--trusted-root',
        sigstore.trustedRootFile,
      ],
      ws,
    );
    assert.equal(wrong.code, 1);
    assert.match(
      wrong.stderr,
      /^✗ .* is not verified: bundle signature: signed by https:\/\/github\.com\/acme\/fleet\/.*, expected identity matching \^https:\/\/github\\\.com\/other\//m,
    );
  });

  it('signs signature annotations (push --signature-annotation, sign -a) that verify --signature-annotation checks exactly', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    writeFileSync(join(ws, 'ann.key'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(join(ws, 'ann.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
    const url = `oci://${registry.host}/acme/cli-annotated`;
    const push = ['push', `${url}:latest`, '--path', 'components/frontend', '--source', 's', '--revision', 'main@sha1:3'];
    // -a stays a manifest annotation on push; --signature-annotation goes into the signature.
    const pushed = await d2ci([...push, '-a', 'team=web', '--key', 'ann.key', '--signature-annotation', 'env=prod'], ws, {
      COSIGN_PASSWORD: '',
    });
    assert.equal(pushed.code, 0, pushed.stderr);
    const verify = (...extra: string[]) =>
      d2ci(['verify', `${url}:latest`, '--key', 'ann.pub', '--signature-format', 'legacy', ...extra], ws);
    const good = await verify('--signature-annotation', 'env=prod', '-a', 'team=^web$');
    assert.equal(good.code, 0, good.stderr);
    const wrong = await verify('--signature-annotation', 'env=staging');
    assert.equal(wrong.code, 1);
    assert.match(
      wrong.stderr,
      /legacy signature: missing or incorrect signature annotation: wanted env="staging", the signature has env="prod"/,
    );
    // A manifest annotation is not a signature annotation (and the other way round).
    const manifestOnly = await verify('--signature-annotation', 'team=web');
    assert.equal(manifestOnly.code, 1);
    assert.match(manifestOnly.stderr, /wanted team="web", the signature has no team/);

    // d2ci sign -a: as cosign sign -a (here a bundle, checked with the bundle format).
    const signed = await d2ci(['sign', `${url}:latest`, '--key', 'ann.key', '--signature-format', 'bundle', '-a', 'env=canary'], ws, {
      COSIGN_PASSWORD: '',
    });
    assert.equal(signed.code, 0, signed.stderr);
    const bundle = (value: string) =>
      d2ci(['verify', `${url}:latest`, '--key', 'ann.pub', '--signature-format', 'bundle', '--signature-annotation', `env=${value}`], ws);
    assert.equal((await bundle('canary')).code, 0);
    assert.match(
      (await bundle('prod')).stderr,
      /bundle signature: missing or incorrect signature annotation: wanted env="prod", the signature has env="canary"/,
    );

    const malformed = await d2ci(['sign', `${url}:latest`, '--key', 'ann.key', '-a', 'novalue'], ws, { COSIGN_PASSWORD: '' });
    assert.equal(malformed.code, 1);
    assert.match(malformed.stderr, /^✗ --signature-annotation: "novalue" is not key=value, e.g. env=prod$/m);
    const unsigned = await d2ci([...push, '--signature-annotation', 'env=prod'], ws);
    assert.equal(unsigned.code, 1);
    assert.match(unsigned.stderr, /^✗ --signature-annotation is signed into a cosign signature: add --sign \(keyless\) or --key/m);
  });

  it('explains what is missing', async () => {
    const noToken = await d2ci(['sign', `oci://${registry.host}/acme/cli-signed:latest`], ws, { SIGSTORE_ID_TOKEN: '' });
    assert.equal(noToken.code, 1);
    assert.match(
      noToken.stderr,
      /^✗ keyless signing needs an OIDC token: pass --identity-token, set SIGSTORE_ID_TOKEN, or run in a GitHub job with `permissions: id-token: write`; or sign with --key$/m,
    );
    const noPolicy = await d2ci(
      ['verify', `oci://${registry.host}/acme/cli-signed:latest`, '--trusted-root', sigstore.trustedRootFile],
      ws,
    );
    assert.equal(noPolicy.code, 1);
    assert.match(noPolicy.stderr, /^✗ --certificate-identity or certificate-identity-regexp is required for keyless verification/m);
    const badFormat = await d2ci(['sign', 'oci-layout:layout:latest', '--key', 'cosign.key', '--signature-format', 'x'], ws);
    assert.match(badFormat.stderr, /^✗ --signature-format "x" is not one of legacy, bundle, both, notation$/m);
  });
});
