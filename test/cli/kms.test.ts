import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startKmsStandIn, type KmsStandIn } from '../harness/kms.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';
import { d2ci } from '../harness/cli.ts';

const services = ['aws', 'gcp', 'azure', 'vault'] as const;

describe('d2ci with KMS and Vault keys (--key awskms:// gcpkms:// azurekms:// hashivault://)', () => {
  let registry: LocalRegistry;
  let kms: KmsStandIn;
  let ws: string;
  before(async () => {
    [registry, kms] = await Promise.all([startRegistry('none'), startKmsStandIn()]);
    ws = makeWorkspace(componentFiles);
    writeFileSync(join(ws, 'kms.pub'), kms.publicKeyPem);
    writeFileSync(
      join(ws, 'other.pub'),
      generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'pem' }),
    );
  });
  after(() => Promise.all([registry.stop(), kms.close()]));

  for (const service of services) {
    it(`${service}: pushes signed through the service, verifies with the URI and with the exported public key`, async () => {
      const env = kms.env(service, ws);
      const uri = kms.uris[service];
      const url = `oci://${registry.host}/acme/kms-${service}:latest`;
      const before = kms.calls.length;
      const pushed = await d2ci(
        [
          'push',
          url,
          '--path',
          'components/frontend',
          '--source',
          's',
          '--revision',
          'main@sha1:1',
          '--key',
          uri,
          '--signature-format',
          'both',
          '-o',
          'json',
        ],
        ws,
        env,
      );
      assert.equal(pushed.code, 0, pushed.stderr);
      const calls = kms.calls.slice(before);
      assert.ok(
        calls.some((call) => call.service === service && /sign/i.test(call.operation)),
        JSON.stringify(calls),
      );
      assert.ok(
        calls.every((call) => call.service === service && call.authorized),
        JSON.stringify(calls),
      );
      const out = JSON.parse(pushed.stdout) as { digest: string; identity?: string };
      for (const key of [uri, 'kms.pub']) {
        for (const format of ['legacy', 'bundle']) {
          const verified = await d2ci(['verify', url, '--key', key, '--signature-format', format, '-o', 'json'], ws, env);
          assert.equal(verified.code, 0, `${key} ${format}: ${verified.stderr}`);
          const result = JSON.parse(verified.stdout) as { verified: boolean; digest: string };
          assert.equal(result.verified, true);
          assert.equal(result.digest, out.digest);
        }
      }
      // `d2ci sign` takes the same URI; another key does not verify what the service signed.
      const signed = await d2ci(['sign', url, '--key', uri], ws, env);
      assert.equal(signed.code, 0, signed.stderr);
      const other = await d2ci(['verify', url, '--key', 'other.pub'], ws, env);
      assert.equal(other.code, 1, other.stdout);
    });
  }

  it('release: verifies staging with --verify-key hashivault://, re-signs with --key awskms:// (another key), self-checks', async () => {
    const releaseKms = await startKmsStandIn();
    try {
      const env = { ...kms.env('vault', ws), ...releaseKms.env('aws', ws) };
      const base = `oci://${registry.host}/acme/kms-release`;
      const sha = '2'.repeat(40);
      const staged = await d2ci(
        [
          'push',
          `${base}/frontend:latest`,
          '--path',
          'components/frontend',
          '--source',
          'https://github.com/acme/apps',
          '--revision',
          `refs/heads/main@sha1:${sha}`,
          '--key',
          kms.uris.vault,
          '-o',
          'json',
        ],
        ws,
        env,
      );
      assert.equal(staged.code, 0, staged.stderr);
      const released = await d2ci(
        [
          'release',
          base,
          '--ref',
          'frontend/v1.0.0',
          '--commit',
          sha,
          '--verify-key',
          kms.uris.vault,
          '--key',
          releaseKms.uris.aws,
          '-o',
          'json',
        ],
        ws,
        env,
      );
      assert.equal(released.code, 0, released.stderr);
      const result = JSON.parse(released.stdout) as { action: string; digest: string };
      assert.equal(result.action, 'promoted');
      assert.equal(result.digest, (JSON.parse(staged.stdout) as { digest: string }).digest);
      assert.ok(releaseKms.calls.some((call) => call.operation === 'TrentService.Sign' && call.authorized));
      writeFileSync(join(ws, 'release.pub'), releaseKms.publicKeyPem);
      const stable = await d2ci(['verify', `${base}/frontend:latest-stable`, '--key', 'release.pub'], ws);
      assert.equal(stable.code, 0, stable.stderr);
      // A staging artifact not signed by the staging (Vault) key is refused.
      const other = '3'.repeat(40);
      const unsigned = await d2ci(
        [
          'push',
          `${base}/frontend:latest`,
          '--path',
          'components/frontend',
          '--source',
          'https://github.com/acme/apps',
          '--revision',
          `refs/heads/main@sha1:${other}`,
          '--key',
          releaseKms.uris.aws,
        ],
        ws,
        env,
      );
      assert.equal(unsigned.code, 0, unsigned.stderr);
      const refused = await d2ci(
        ['release', base, '--ref', 'frontend/v1.0.1', '--commit', other, '--verify-key', kms.uris.vault, '--key', releaseKms.uris.aws],
        ws,
        env,
      );
      assert.equal(refused.code, 1, refused.stdout);
      assert.match(refused.stderr, /does not verify with any given key/);
    } finally {
      await releaseKms.close();
    }
  });

  it('names --key and the fix when the URI, the credentials or the service are wrong', async () => {
    const url = `oci://${registry.host}/acme/kms-errors:latest`;
    const push = (key: string, env: Record<string, string>) =>
      d2ci(['push', url, '--path', 'components/frontend', '--source', 's', '--revision', 'r', '--key', key], ws, env);
    const badUri = await push('awskms://', {});
    assert.equal(badUri.code, 1);
    assert.match(badUri.stderr, /^✗ --key: "awskms:\/\/" is not an AWS KMS key: use awskms:\/\/\/KEY-ID/m);
    const noToken = await push(kms.uris.vault, { VAULT_ADDR: kms.env('vault', ws).VAULT_ADDR as string });
    assert.equal(noToken.code, 1);
    // Found when signing, after the manifest was stored: the error says nothing was tagged, and why.
    assert.match(
      noToken.stderr,
      /^✗ signing sha256:[0-9a-f]{64} failed, so no tag was moved \(the manifest is stored untagged\): hashivault:\/\/release needs a Vault token: set VAULT_TOKEN/m,
    );
    const wrongToken = await push(kms.uris.vault, { ...kms.env('vault', ws), VAULT_TOKEN: 'hvs.wrong' });
    assert.equal(wrongToken.code, 1);
    assert.match(
      wrongToken.stderr,
      /: Vault transit read key for hashivault:\/\/release failed: HTTP 403 "permission denied"; the token's policy must allow/m,
    );
    assert.doesNotMatch(wrongToken.stderr, /hvs\./);
    const wrongSecret = await push(kms.uris.aws, { ...kms.env('aws', ws), AWS_SECRET_ACCESS_KEY: 'wrong' });
    assert.equal(wrongSecret.code, 1);
    assert.match(wrongSecret.stderr, /: AWS KMS GetPublicKey for awskms:\/\/\/alias\/d2ci failed: HTTP 400 "InvalidSignatureException: /m);
    const verifyBad = await d2ci(['verify', url, '--key', 'gcpkms://projects/x'], ws);
    assert.equal(verifyBad.code, 1);
    assert.match(verifyBad.stderr, /^✗ --key: "gcpkms:\/\/projects\/x" is not a Cloud KMS key: use gcpkms:\/\/projects\/PROJECT/m);
  });
});
