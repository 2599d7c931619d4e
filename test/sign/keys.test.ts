import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  scryptSync,
  sign as cryptoSign,
  verify as cryptoVerify,
  type KeyObject,
} from 'node:crypto';
import { join } from 'node:path';
import { xsalsa20poly1305 } from '@noble/ciphers/salsa.js';
import {
  OciLayout,
  KeyError,
  loadPrivateKey,
  loadPublicKey,
  publicKeyPem,
  keyId,
  verifyArtifact,
  legacySignatureTag,
  CosignAnnotation,
  simpleSigningPayload,
  type Target,
} from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { makeWorkspace } from '../harness/workspace.ts';
import { blobBytes, bundleOf, manifestAt, pushFresh, remote } from './helpers.ts';

const scryptParams = { N: 32768, r: 8, p: 1 };

/** cosign's `cosign.key` (pkg/cosign/keys.go + sigstore encrypted): scrypt → NaCl secretbox over PKCS#8 DER, JSON, PEM. */
function cosignEncryptedKey(privateKey: KeyObject, password: string, label = 'ENCRYPTED SIGSTORE PRIVATE KEY'): string {
  const salt = randomBytes(32);
  const nonce = randomBytes(24);
  const secret = scryptSync(password, salt, 32, { ...scryptParams, maxmem: 64 * 1024 * 1024 });
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const ciphertext = xsalsa20poly1305(secret, nonce).encrypt(der);
  const json = JSON.stringify({
    kdf: { name: 'scrypt', params: scryptParams, salt: salt.toString('base64') },
    cipher: { name: 'nacl/secretbox', nonce: nonce.toString('base64') },
    ciphertext: Buffer.from(ciphertext).toString('base64'),
  });
  const lines =
    Buffer.from(json)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

const spkiDer = (key: KeyObject): Buffer => (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'der', type: 'spki' });

describe('private and public keys', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const expectedKeyId = createHash('sha256').update(spkiDer(publicKey)).digest('hex');
  const password = 'correct horse battery staple';

  const formats: [string, () => string, string?][] = [
    ['PKCS#8 PEM', () => privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()],
    ['SEC1 PEM', () => privateKey.export({ format: 'pem', type: 'sec1' }).toString()],
    [
      'password-encrypted PKCS#8',
      () => privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: password }).toString(),
      password,
    ],
    ['cosign encrypted (SIGSTORE label)', () => cosignEncryptedKey(privateKey, password), password],
    ['cosign encrypted (older COSIGN label)', () => cosignEncryptedKey(privateKey, password, 'ENCRYPTED COSIGN PRIVATE KEY'), password],
    ['cosign encrypted with an empty password', () => cosignEncryptedKey(privateKey, ''), ''],
  ];
  for (const [what, pem, pass] of formats) {
    it(`reads a P-256 key as ${what}`, () => {
      const text = pem();
      if (what === 'SEC1 PEM') assert.match(text, /^-----BEGIN EC PRIVATE KEY-----/);
      if (what.startsWith('cosign encrypted (SIGSTORE')) assert.match(text, /^-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n/);
      const key = loadPrivateKey(text, pass);
      assert.equal(key.type, 'private');
      assert.deepEqual(spkiDer(key), spkiDer(publicKey), 'the same key comes back');
      assert.equal(keyId(key), expectedKeyId);
      assert.equal(keyId(publicKey), expectedKeyId);
      assert.equal(publicKeyPem(key), publicKey.export({ format: 'pem', type: 'spki' }).toString());
      // It signs: node:crypto verifies with the original public key.
      const data = Buffer.from('payload');
      const signature = cryptoSign('sha256', data, key);
      assert.equal(cryptoVerify('sha256', data, publicKey, signature), true);
    });
  }

  it('names a wrong or missing password', () => {
    const pkcs8 = privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: password }).toString();
    assert.throws(
      () => loadPrivateKey(pkcs8, 'wrong'),
      (err: Error) => err instanceof KeyError && err.message === 'wrong password for the private key',
    );
    assert.throws(
      () => loadPrivateKey(pkcs8),
      (err: Error) => err instanceof KeyError && err.message === 'the private key is encrypted; give its password',
    );
    // Traditional encrypted SEC1 (Proc-Type: 4,ENCRYPTED), as `openssl ec -aes256` writes it.
    const sec1 = privateKey.export({ format: 'pem', type: 'sec1', cipher: 'aes-256-cbc', passphrase: password }).toString();
    assert.match(sec1, /Proc-Type: 4,ENCRYPTED/);
    assert.deepEqual(spkiDer(loadPrivateKey(sec1, password)), spkiDer(publicKey));
    assert.throws(
      () => loadPrivateKey(sec1),
      (err: Error) => err instanceof KeyError && err.message === 'the private key is encrypted; give its password',
    );
    const cosign = cosignEncryptedKey(privateKey, password);
    assert.throws(
      () => loadPrivateKey(cosign, 'wrong'),
      (err: Error) => err instanceof KeyError && err.message === 'wrong password for the encrypted cosign key',
    );
    assert.throws(
      () => loadPrivateKey(cosign),
      (err: Error) => err instanceof KeyError && err.message === 'wrong password for the encrypted cosign key',
    );
  });

  it('names a wrong password even when it decrypts to garbage with valid padding (OpenSSL then says "unsupported")', () => {
    for (const type of ['pkcs8', 'sec1'] as const) {
      const pem = privateKey.export({ format: 'pem', type, cipher: 'aes-256-cbc', passphrase: password }).toString();
      // Find a wrong password whose CBC padding happens to check out (about 1 in 256), using node:crypto alone.
      let unlucky: string | undefined;
      for (let i = 0; i < 20_000 && !unlucky; i++) {
        try {
          createPrivateKey({ key: pem, format: 'pem', passphrase: `wrong-${i}` });
        } catch (err) {
          if (!/bad decrypt/.test((err as Error).message)) unlucky = `wrong-${i}`;
        }
      }
      assert.ok(unlucky, 'some wrong password passes the padding check');
      assert.throws(
        () => loadPrivateKey(pem, unlucky),
        (err: Error) => err instanceof KeyError && err.message === 'wrong password for the private key',
        `${type} with ${unlucky}`,
      );
    }
  });

  it('refuses a cosign key with other encryption, or a damaged one', () => {
    const sealed = (json: unknown): string =>
      `-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n${Buffer.from(JSON.stringify(json)).toString('base64')}\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n`;
    const good = JSON.parse(
      Buffer.from(cosignEncryptedKey(privateKey, password).split('\n').slice(1, -2).join(''), 'base64').toString('utf8'),
    ) as { kdf: { name: string }; cipher: { name: string }; ciphertext: string };
    assert.throws(
      () => loadPrivateKey(sealed({ ...good, kdf: { ...good.kdf, name: 'argon2' } }), password),
      /unsupported cosign key encryption argon2\/nacl\/secretbox/,
    );
    assert.throws(
      () => loadPrivateKey(sealed({ ...good, cipher: { ...good.cipher, name: 'aes' } }), password),
      /unsupported cosign key encryption scrypt\/aes/,
    );
    const flipped = Buffer.from(good.ciphertext, 'base64');
    flipped[5] = (flipped[5] ?? 0) ^ 1;
    assert.throws(
      () => loadPrivateKey(sealed({ ...good, ciphertext: flipped.toString('base64') }), password),
      /wrong password for the encrypted cosign key/,
    );
    assert.throws(
      () =>
        loadPrivateKey(
          '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\nbm90IGpzb24=\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n',
          password,
        ),
      /the encrypted cosign key is not valid/,
    );
  });

  it('refuses keys that are not ECDSA P-256', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey;
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const ed = generateKeyPairSync('ed25519').privateKey;
    assert.throws(
      () => loadPrivateKey(p384.export({ format: 'pem', type: 'pkcs8' }).toString()),
      (err: Error) => err instanceof KeyError && err.message === 'the signing key must be ECDSA P-256 (got ec secp384r1)',
    );
    assert.throws(
      () => loadPrivateKey(rsa.export({ format: 'pem', type: 'pkcs8' }).toString()),
      (err: Error) => err instanceof KeyError && err.message === 'the signing key must be ECDSA P-256 (got rsa)',
    );
    assert.throws(
      () => loadPrivateKey(ed.export({ format: 'pem', type: 'pkcs8' }).toString()),
      (err: Error) => err instanceof KeyError && err.message === 'the signing key must be ECDSA P-256 (got ed25519)',
    );
    assert.throws(() => loadPrivateKey(cosignEncryptedKey(p384, password), password), /must be ECDSA P-256 \(got ec secp384r1\)/);
  });

  it('refuses text that is no key', () => {
    assert.throws(
      () => loadPrivateKey('not a key'),
      (err: Error) => err instanceof KeyError && /not a PEM private key \(PKCS#8, SEC1 or cosign\.key\)/.test(err.message),
    );
    assert.throws(
      () => loadPublicKey('not a key'),
      (err: Error) => err instanceof KeyError && /not a PEM public key/.test(err.message),
    );
    const pub = loadPublicKey(publicKey.export({ format: 'pem', type: 'spki' }).toString());
    assert.equal(keyId(pub), expectedKeyId);
  });
});

describe('key-based signing round trips', () => {
  let registry: LocalRegistry;
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const password = 'hunter2';
  const cosignKey = cosignEncryptedKey(privateKey, password);
  const publicPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();

  before(async () => {
    registry = await startRegistry('none');
  });
  after(async () => {
    await registry.stop();
  });

  const targets: [string, () => Target][] = [
    ['a registry', () => remote(registry.host, 'acme/keyed')],
    ['an OCI layout', () => new OciLayout(join(makeWorkspace({}), 'layout'))],
  ];
  for (const [where, open] of targets) {
    it(`signs both formats with a cosign.key in ${where}, offline, and verifies with cosign.pub`, async () => {
      const target = open();
      const key = loadPrivateKey(cosignKey, password);
      const pushed = await pushFresh(target, { sign: { identity: { kind: 'key', privateKey: key }, format: 'both' } });
      const digest = pushed.descriptor.digest;
      const signed = pushed.signed;
      assert.ok(signed);
      assert.equal(signed.identity, `key:${keyId(publicKey)}`);
      assert.equal(signed.rekorLogIndex, undefined, 'nothing is logged for key-based signatures');

      // The legacy layer: the payload and only the signature annotation, which node:crypto verifies.
      const sig = await manifestAt(target, legacySignatureTag(digest));
      assert.equal(sig.manifest.layers.length, 1);
      const layer = sig.manifest.layers[0];
      assert.ok(layer);
      assert.deepEqual(Object.keys(layer.annotations ?? {}), [CosignAnnotation.signature]);
      const payload = await blobBytes(target, layer);
      assert.deepEqual(payload, simpleSigningPayload(target.name, digest));
      assert.equal(
        cryptoVerify('sha256', payload, publicKey, Buffer.from(layer.annotations?.[CosignAnnotation.signature] ?? '', 'base64')),
        true,
      );

      // The bundle names the key by its hint and has no transparency log entry.
      const { json } = await bundleOf(target, pushed.descriptor);
      const material = json.verificationMaterial as { publicKey?: { hint: string }; tlogEntries?: unknown[] };
      assert.deepEqual(material.publicKey, { hint: keyId(publicKey) });
      assert.deepEqual(material.tlogEntries ?? [], []);
      // No DSSE keyid: go-securesystemslib skips a signature whose keyid differs from its own (empty) one.
      const signatures = (json.dsseEnvelope as { signatures: { keyid?: string }[] }).signatures;
      assert.deepEqual(
        signatures.map((s) => s.keyid ?? ''),
        [''],
      );

      const keys = [loadPublicKey(publicPem)];
      for (const format of ['auto', 'legacy', 'bundle'] as const) {
        const result = await verifyArtifact({ target, reference: 'latest', verification: { kind: 'key', keys }, format });
        assert.equal(result.verified, true, `${format}: ${result.reasons.join('; ')}`);
        assert.equal(result.identity, `key:${keyId(publicKey)}`);
        assert.equal(result.format, format === 'legacy' ? 'legacy' : 'bundle');
      }
      // Several keys: any one that verifies is enough (Flux tries each key of the secret).
      const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey;
      const either = await verifyArtifact({
        target,
        reference: digest,
        verification: { kind: 'key', keys: [other, keys[0] as KeyObject] },
      });
      assert.equal(either.verified, true, either.reasons.join('; '));
    });
  }

  for (const [what, pem, pass] of [
    ['PKCS#8', () => privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), ''],
    ['SEC1', () => privateKey.export({ format: 'pem', type: 'sec1' }).toString(), ''],
    [
      'encrypted PKCS#8',
      () => privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: password }).toString(),
      password,
    ],
  ] as const) {
    it(`signs a legacy signature with a ${what} key that verifies with the public key`, async () => {
      const target = new OciLayout(join(makeWorkspace({}), 'layout'));
      const pushed = await pushFresh(target, {
        sign: { identity: { kind: 'key', privateKey: loadPrivateKey(pem(), pass) }, format: 'legacy' },
      });
      const result = await verifyArtifact({ target, reference: 'latest', verification: { kind: 'key', keys: [publicKey] } });
      assert.equal(result.verified, true, result.reasons.join('; '));
      assert.equal(result.format, 'legacy');
      assert.equal(result.descriptor.digest, pushed.descriptor.digest);
    });
  }
});
