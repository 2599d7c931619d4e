import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { isKmsUri, KmsError, openKmsKey } from '@d2ci/core';
import { closeServer, listen } from '../harness/cloud.ts';

function refusal(fn: () => unknown): KmsError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof KmsError, String(err));
    return err;
  }
  throw new Error('not refused');
}

describe('KMS key URIs, as cosign names them', () => {
  it('reads every form sigstore documents, and refuses the rest naming the form to use', () => {
    for (const uri of [
      'awskms:///1234abcd-12ab-34cd-56ef-1234567890ab',
      'awskms://localhost:4566/1234abcd-12ab-34cd-56ef-1234567890ab',
      'awskms:///arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      'awskms:///alias/ExampleAlias',
      'awskms://localhost:4566/arn:aws:kms:us-east-2:111122223333:alias/ExampleAlias',
      'gcpkms://projects/p/locations/global/keyRings/r/cryptoKeys/k',
      'gcpkms://projects/p/locations/global/keyRings/r/cryptoKeys/k/cryptoKeyVersions/3',
      'gcpkms://projects/p/locations/global/keyRings/r/cryptoKeys/k/versions/3',
      'azurekms://acme.vault.azure.net/release',
      'azurekms://acme.vault.azure.net/release/0123456789abcdef',
      'hashivault://release',
    ]) {
      assert.ok(isKmsUri(uri), uri);
      assert.equal(openKmsKey(uri).uri, uri);
    }
    assert.ok(!isKmsUri('cosign.key'));
    assert.ok(!isKmsUri('-----BEGIN PUBLIC KEY-----'));
    const cases: [string, RegExp][] = [
      ['awskms:///not-a-key-id', /is not an AWS KMS key: use awskms:\/\/\/KEY-ID/],
      ['gcpkms://projects/p/keyRings/r', /is not a Cloud KMS key: use gcpkms:\/\/projects\/PROJECT\/locations/],
      ['azurekms://acme.vault.azure.net', /is not an Azure Key Vault key/],
      ['hashivault://a/b', /is not a Vault transit key: use hashivault:\/\/KEYNAME/],
    ];
    for (const [uri, message] of cases) {
      const err = refusal(() => openKmsKey(uri));
      assert.equal(err.code, 'KMS_URI');
      assert.equal(err.field, 'signing-key');
      assert.match(err.message, message);
    }
    assert.equal(refusal(() => openKmsKey('hashivault://a/b', { use: 'verify' })).field, 'public-key');
  });

  it('asks for AWS_REGION when neither the URI nor the environment names one', async () => {
    const key = openKmsKey('awskms:///alias/release', { env: {} });
    await assert.rejects(key.publicKey(), (err: unknown) => {
      assert.ok(err instanceof KmsError);
      assert.match(err.message, /names no region: use the key's ARN, or set AWS_REGION/);
      return true;
    });
  });

  it('gives up on a service that does not answer, within the deadline', async () => {
    const server = createServer(() => undefined);
    const url = await listen(server);
    try {
      const started = Date.now();
      const key = openKmsKey('hashivault://release', { env: { VAULT_ADDR: url, VAULT_TOKEN: 't' }, timeoutMs: 300 });
      await assert.rejects(key.publicKey(), (err: unknown) => {
        assert.ok(err instanceof KmsError);
        assert.equal(err.code, 'KMS_REQUEST');
        assert.match(
          err.message,
          /^Vault transit read key for hashivault:\/\/release at http:\/\/127\.0\.0\.1:\d+ did not answer within 0\.3 s$/,
        );
        return true;
      });
      assert.ok(Date.now() - started < 3000);
    } finally {
      await closeServer(server);
    }
  });
});
