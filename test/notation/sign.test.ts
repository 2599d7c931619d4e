// Notary Project (Notation) signers and the JWS envelope they sign: key files in every PEM form, the spec's
// certificate requirements with notation's messages, and the envelope byte for byte as notation-go writes it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  OciLayout,
  MediaType,
  descriptorFor,
  signNotation,
  createNotationKeySigner,
  createNotationEnvelope,
  notationPayload,
  parseNotationEnvelope,
  NotationError,
  verifyNotation,
  type NotationKeySpec,
  type NotationSigner,
  type NotationTrustStore,
} from '@d2ci/core';
import { inputError } from '@d2ci/action-kit';
import { usageError } from '../../packages/cli/src/fields.ts';
import { TestCa, type Issued } from '../harness/ca.ts';
import { fixture, chainPem, b64url, pushSmallArtifact, policyFor, subject, setUpNotationCa } from './fixture.ts';

describe('Notary Project signatures', () => {
  let work: string;
  let ca: TestCa;
  let root: Issued;
  let intermediate: Issued;
  let leaf: Issued;
  let expiredLeaf: Issued;
  let otherLeaf: Issued;
  let trustStore: NotationTrustStore;
  let signer: NotationSigner;
  let layoutCount = 0;
  const freshLayout = (): OciLayout => new OciLayout(join(work, `layout-${++layoutCount}`));

  before(async () => {
    ({ work, ca, root, intermediate, leaf, expiredLeaf, otherLeaf, trustStore, signer } = await setUpNotationCa());
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  describe('signers', () => {
    it('reads PKCS#8, SEC1, PKCS#1 and encrypted keys, and refuses a key that is not the leaf certificate’s', async () => {
      const sec1 = join(work, 'leaf-sec1.key');
      execFileSync('openssl', ['ec', '-in', leaf.keyFile, '-out', sec1], { stdio: 'ignore' });
      assert.match(readFileSync(sec1, 'utf8'), /BEGIN EC PRIVATE KEY/);
      const encrypted = join(work, 'leaf-encrypted.key');
      execFileSync(
        'openssl',
        ['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-in', leaf.keyFile, '-out', encrypted, '-passout', 'pass:s3cret'],
        { stdio: 'ignore' },
      );
      const rsa = ca.issue('rsa-pkcs1', subject, 'RSA-3072', 'v3_leaf', root);
      const pkcs1 = join(work, 'rsa-pkcs1.key');
      execFileSync('openssl', ['rsa', '-traditional', '-in', rsa.keyFile, '-out', pkcs1], { stdio: 'ignore' });
      assert.match(readFileSync(pkcs1, 'utf8'), /BEGIN RSA PRIVATE KEY/);

      assert.equal(
        (await createNotationKeySigner({ privateKey: readFileSync(sec1), certificateChain: chainPem(leaf, intermediate, root) })).keySpec,
        'EC-256',
      );
      assert.equal(
        (
          await createNotationKeySigner({
            privateKey: readFileSync(encrypted, 'utf8'),
            password: 's3cret',
            certificateChain: chainPem(leaf, intermediate, root),
          })
        ).keySpec,
        'EC-256',
      );
      assert.equal(
        (await createNotationKeySigner({ privateKey: readFileSync(pkcs1, 'utf8'), certificateChain: chainPem(rsa, root) })).keySpec,
        'RSA-3072',
      );
      await assert.rejects(
        createNotationKeySigner({
          privateKey: readFileSync(encrypted, 'utf8'),
          password: 'wrong',
          certificateChain: chainPem(leaf, intermediate, root),
        }),
        /wrong password for the private key/,
      );
      await assert.rejects(
        createNotationKeySigner({ privateKey: readFileSync(encrypted, 'utf8'), certificateChain: chainPem(leaf, intermediate, root) }),
        /the private key is encrypted; give its password/,
      );
      await assert.rejects(
        createNotationKeySigner({ privateKey: otherLeaf.keyPem, certificateChain: chainPem(leaf, intermediate, root) }),
        (err: NotationError) => err.message === '"key and certs" param is invalid. Error: key not matches certificate',
      );
      await assert.rejects(createNotationKeySigner({ privateKey: leaf.keyPem, certificateChain: '' }), /empty certs/);
    });

    it('says which part of the request each key signer error is about, as the front doors name it', async () => {
      const encrypted = join(work, 'leaf-encrypted-fields.key');
      execFileSync(
        'openssl',
        ['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-in', leaf.keyFile, '-out', encrypted, '-passout', 'pass:s3cret'],
        { stdio: 'ignore' },
      );
      const serverAuth = ca.issue('server-auth-fields', subject, 'EC-256', 'v3_leaf_server_auth', root);
      const chain = chainPem(leaf, intermediate, root);
      const cases: [string, () => Promise<unknown>, string, string][] = [
        [
          'a wrong password',
          () => createNotationKeySigner({ privateKey: readFileSync(encrypted, 'utf8'), password: 'wrong', certificateChain: chain }),
          'NOTATION_KEY_PASSWORD',
          'notation-key-password',
        ],
        [
          'no password',
          () => createNotationKeySigner({ privateKey: readFileSync(encrypted, 'utf8'), certificateChain: chain }),
          'NOTATION_KEY_PASSWORD',
          'notation-key-password',
        ],
        [
          'not a key',
          () => createNotationKeySigner({ privateKey: 'not a key', certificateChain: chain }),
          'NOTATION_KEY_INVALID',
          'notation-key',
        ],
        [
          'another key',
          () => createNotationKeySigner({ privateKey: otherLeaf.keyPem, certificateChain: chain }),
          'NOTATION_KEY_MISMATCH',
          'notation-certificate-chain',
        ],
        [
          'not a certificate',
          () => createNotationKeySigner({ privateKey: leaf.keyPem, certificateChain: Buffer.from('not DER') }),
          'NOTATION_CERTIFICATE_INVALID',
          'notation-certificate-chain',
        ],
        // Reported against the key, as the front doors always have (the message names no certificate).
        [
          'no certificate',
          () => createNotationKeySigner({ privateKey: leaf.keyPem, certificateChain: '' }),
          'NOTATION_CERTIFICATE_CHAIN_INVALID',
          'notation-key',
        ],
        [
          'a server certificate',
          () => createNotationKeySigner({ privateKey: serverAuth.keyPem, certificateChain: chainPem(serverAuth, root) }),
          'NOTATION_CERTIFICATE_CHAIN_INVALID',
          'notation-certificate-chain',
        ],
      ];
      for (const [what, make, code, field] of cases) {
        const err = await make().then(
          () => assert.fail(`${what}: the signer was made`),
          (e: unknown) => e,
        );
        assert.ok(err instanceof NotationError, what);
        assert.equal(err.code, code, what);
        assert.equal(err.field, field, what);
        assert.equal(inputError(err)?.message, `input \`${field}\`: ${err.message}`, what);
        const flag = field === 'notation-certificate-chain' ? '--notation-cert' : '--notation-key';
        assert.equal(usageError(err)?.message, `${flag}: ${err.message}`, what);
      }
    });

    it('applies the spec’s certificate requirements, with notation’s messages', async () => {
      const leafSubject = '"CN=d2ci signer,O=d2ci Test,L=Seattle,ST=WA,C=US"';
      const serverAuth = ca.issue('server-auth', subject, 'EC-256', 'v3_leaf_server_auth', root);
      await assert.rejects(
        createNotationKeySigner({ privateKey: serverAuth.keyPem, certificateChain: chainPem(serverAuth, root) }),
        (err: Error) =>
          err.message ===
          `certificate-chain is invalid, certificate with subject ${leafSubject}: extended key usage must not contain ServerAuth eku`,
      );
      const notCritical = ca.issue('ku-not-critical', subject, 'EC-256', 'v3_leaf_key_usage_not_critical', root);
      await assert.rejects(
        createNotationKeySigner({ privateKey: notCritical.keyPem, certificateChain: chainPem(notCritical, root) }),
        (err: Error) =>
          err.message ===
          `certificate-chain is invalid, certificate with subject ${leafSubject}: key usage extension must be marked critical`,
      );
      const encipherment = ca.issue('ku-encipherment', subject, 'RSA-2048', 'v3_leaf_key_encipherment', root);
      await assert.rejects(
        createNotationKeySigner({ privateKey: encipherment.keyPem, certificateChain: chainPem(encipherment, root) }),
        (err: Error) =>
          err.message ===
          `certificate-chain is invalid, the certificate with subject ${leafSubject} is invalid. The key usage must be "Digital Signature" only, but found "KeyEncipherment"`,
      );
      // No root at the end, and a chain in the wrong order.
      await assert.rejects(
        createNotationKeySigner({ privateKey: leaf.keyPem, certificateChain: chainPem(leaf, intermediate) }),
        /root certificate with subject "CN=d2ci Test Intermediate,O=d2ci Test,ST=WA,C=US" is invalid or not self-signed/,
      );
      await assert.rejects(
        createNotationKeySigner({ privateKey: leaf.keyPem, certificateChain: chainPem(leaf, root, intermediate) }),
        /certificate with subject "CN=d2ci signer,O=d2ci Test,L=Seattle,ST=WA,C=US" is not issued by "CN=d2ci Test Root,O=d2ci Test,ST=WA,C=US"/,
      );
      // A CA certificate as the signing certificate.
      await assert.rejects(
        createNotationKeySigner({ privateKey: intermediate.keyPem, certificateChain: chainPem(intermediate, root) }),
        /if the basic constraints extension is present, the ca field must be set to false/,
      );
    });

    it('refuses to sign with a certificate that is not valid at the signing time', async () => {
      const expiredSigner = await createNotationKeySigner({
        privateKey: expiredLeaf.keyPem,
        certificateChain: chainPem(expiredLeaf, intermediate, root),
      });
      const subjectDescriptor = descriptorFor(MediaType.ociManifest, Buffer.from('{}'));
      await assert.rejects(
        createNotationEnvelope(subjectDescriptor, expiredSigner),
        /certificate-chain is invalid, certificate with subject "CN=d2ci signer,O=d2ci Test,L=Seattle,ST=WA,C=US" was invalid at signing time of .* Certificate is valid from \[2020-01-01 00:00:00 \+0000 UTC\] to \[2020-01-02 00:00:00 \+0000 UTC\]/,
      );
      await assert.rejects(
        createNotationEnvelope(subjectDescriptor, signer, {
          signingTime: new Date('2030-01-01T00:00:00Z'),
          expiry: new Date('2029-01-01T00:00:00Z'),
        }),
        /expiry cannot be equal or before the signing time/,
      );
      await assert.rejects(
        createNotationEnvelope(subjectDescriptor, signer, { userMetadata: { 'io.cncf.notary.x': 'y' } }),
        /metadata key io.cncf.notary.x has reserved prefix io.cncf.notary/,
      );
    });
  });

  describe('envelope', () => {
    it('is the JWS JSON (flattened) envelope notation writes', async () => {
      const subjectDescriptor = descriptorFor(MediaType.ociManifest, Buffer.from('{"schemaVersion":2}'));
      const second = Math.floor(Date.now() / 1000) * 1000 - 60_000;
      const at = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
      // A fraction of a second is dropped, as notation truncates signing and expiry times to seconds.
      const made = await createNotationEnvelope(subjectDescriptor, signer, {
        signingTime: new Date(second + 456),
        expiry: new Date(second + 86_400_000),
      });
      const envelope = JSON.parse(made.envelope.toString('utf8')) as Record<string, unknown> & {
        header: Record<string, unknown>;
        protected: string;
        payload: string;
        signature: string;
      };
      // Same top-level and header layout as the notation CLI's envelope in notation-go's test data.
      const reference = JSON.parse(fixture('notation-go/jws_signature.sig').toString('utf8')) as {
        header: Record<string, unknown>;
        protected: string;
      };
      assert.deepEqual(Object.keys(envelope), Object.keys(reference));
      assert.deepEqual(Object.keys(envelope.header), Object.keys(reference.header));
      const header = JSON.parse(b64url(envelope.protected).toString('utf8')) as Record<string, unknown>;
      assert.deepEqual(header, {
        alg: 'ES256',
        crit: ['io.cncf.notary.signingScheme', 'io.cncf.notary.expiry'],
        cty: 'application/vnd.cncf.notary.payload.v1+json',
        'io.cncf.notary.expiry': at(second + 86_400_000),
        'io.cncf.notary.signingScheme': 'notary.x509',
        'io.cncf.notary.signingTime': at(second),
      });
      // Keys sorted as Go marshals notation-core-go's header map.
      assert.deepEqual(Object.keys(header), Object.keys(header).sort());
      const referenceHeader = JSON.parse(b64url(reference.protected).toString('utf8')) as Record<string, unknown>;
      assert.deepEqual(Object.keys(referenceHeader), Object.keys(referenceHeader).sort());
      assert.deepEqual(envelope.header, {
        x5c: [leaf, intermediate, root].map((c) => new X509Certificate(c.certPem).raw.toString('base64')),
        'io.cncf.notary.signingAgent': 'd2ci',
      });
      assert.equal(b64url(envelope.signature).length, 64, 'ES256 signatures are raw R||S');
      assert.deepEqual(JSON.parse(b64url(envelope.payload).toString('utf8')), {
        targetArtifact: { digest: subjectDescriptor.digest, mediaType: subjectDescriptor.mediaType, size: subjectDescriptor.size },
      });
      // Our parser reads it back.
      const parsed = parseNotationEnvelope(made.envelope);
      assert.equal(parsed.protectedHeader.signingScheme, 'notary.x509');
      assert.deepEqual(parsed.protectedHeader.expiry, new Date(second + 86_400_000));
      assert.deepEqual(made.signingTime, new Date(second));
      assert.equal(parsed.certificates.length, 3);
      assert.equal(parsed.signingAgent, 'd2ci');
    });

    it('signs the payload byte for byte as notation-go does', () => {
      const cli = parseNotationEnvelope(fixture('notation-go/jws_signature.sig'));
      const manifest = fixture('notation-go/oci-layout-manifest.json');
      assert.deepEqual(notationPayload(descriptorFor(MediaType.ociManifest, manifest)), cli.payloadBytes);
      const withMetadata = parseNotationEnvelope(fixture('notation-go/sig_env_with_metadata.json'));
      const target = {
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        digest: 'sha256:5a07385af4e6b6af81b0ebfd435aedccdfa3507f0609c658209e1aba57159b2b',
        size: 942,
      };
      assert.deepEqual(
        notationPayload(target, { 'io.wabbit-networks.buildTime': '1672944615', 'io.wabbit-networks.buildId': '123' }),
        withMetadata.payloadBytes,
      );
    });

    it('picks alg from the key type and size (the spec’s table), and each verifies', async () => {
      const layout = freshLayout();
      const cases: [NotationKeySpec, string, number][] = [
        ['EC-256', 'ES256', 64],
        ['EC-384', 'ES384', 96],
        ['EC-521', 'ES512', 132],
        ['RSA-2048', 'PS256', 256],
        ['RSA-3072', 'PS384', 384],
        ['RSA-4096', 'PS512', 512],
      ];
      for (const [spec, alg, signatureBytes] of cases) {
        const issued = ca.issue(`alg-${spec}`, subject, spec, 'v3_leaf', intermediate);
        const keySigner = await createNotationKeySigner({
          privateKey: issued.keyPem,
          certificateChain: chainPem(issued, intermediate, root),
        });
        assert.equal(keySigner.keySpec, spec);
        const artifact = await pushSmallArtifact(layout, `alg-${spec}`);
        const signed = await signNotation(layout, artifact, { signer: keySigner });
        const envelope = parseNotationEnvelope(signed.envelope);
        assert.equal(envelope.protectedHeader.algorithm, alg, spec);
        assert.equal(envelope.signature.length, signatureBytes, spec);
        const result = await verifyNotation({
          target: layout,
          reference: `alg-${spec}`,
          repository: 'local/algorithms',
          trustPolicy: policyFor('local/algorithms'),
          trustStore,
        });
        assert.equal(result.verified, true, `${spec}: ${result.reasons.join('; ')}`);
        assert.equal(result.signer?.algorithm, alg);
      }
    });
  });
});
