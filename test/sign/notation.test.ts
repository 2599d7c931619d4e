// Notary Project (Notation) signatures: signing and verification round trips on an OCI image layout and on a
// real registry (Debian's docker-registry, which has no referrers API), with a certificate authority made here
// with openssl; rejections; the specification's published examples and notation-go's test signatures; and the
// plugin protocol through a fake `notation-<name>` executable.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, randomBytes, X509Certificate } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  OciLayout,
  RegistryClient,
  MediaType,
  attachReferrer,
  bytesSource,
  descriptorFor,
  parseManifest,
  readAll,
  referrersTag,
  signNotation,
  createNotationKeySigner,
  createNotationEnvelope,
  createNotationPluginSigner,
  notationPayload,
  notationSignWithKey,
  parseNotationEnvelope,
  decodeNotationProtectedHeader,
  parseNotationPayload,
  NotationMediaType,
  NotationAnnotation,
  NotationError,
  NotationPluginError,
  verifyNotation,
  verifyNotationEnvelope,
  parseNotationTrustPolicy,
  applicableNotationTrustPolicy,
  NotationPolicyError,
  notationDirectoryTrustStore,
  notationMemoryTrustStore,
  notationFluxTrustStore,
  type Descriptor,
  type ImageManifest,
  type NotationKeySpec,
  type NotationSigner,
  type NotationTrustPolicyDocument,
  type NotationTrustStore,
  type Target,
} from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { TestCa, type Issued } from '../harness/ca.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'notation');
const fixture = (path: string): Buffer => readFileSync(join(fixtures, path));

/** Drops `//` comments outside strings, so the spec's jsonc examples parse as JSON. */
function jsonc(text: string): unknown {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else out += c;
  }
  return JSON.parse(out);
}
const specExample = (name: string): unknown => jsonc(fixture(`specifications/${name}`).toString('utf8'));

// ---------------------------------------------------------------------------------------------------------------
const chainPem = (...certs: Issued[]): string => certs.map((c) => c.certPem).join('');
const sha256Hex = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
const b64url = (value: string): Buffer => Buffer.from(value, 'base64url');

/** A small Flux-like artifact pushed to a target; returns its manifest descriptor. */
async function pushSmallArtifact(target: Target, tag: string): Promise<Descriptor> {
  const config = Buffer.from('{}');
  const layer = Buffer.from(`artifact ${tag} ${randomBytes(8).toString('hex')}`);
  const configDescriptor = descriptorFor(MediaType.ociEmpty, config);
  const layerDescriptor = descriptorFor('application/vnd.cncf.flux.content.v1.tar+gzip', layer);
  await target.push(configDescriptor, bytesSource(config));
  await target.push(layerDescriptor, bytesSource(layer));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.ociManifest,
      artifactType: 'application/vnd.cncf.flux.config.v1+json',
      config: configDescriptor,
      layers: [layerDescriptor],
    }),
  );
  const descriptor = descriptorFor(MediaType.ociManifest, manifest);
  await target.pushReference(descriptor, manifest, tag);
  return descriptor;
}

async function signatureManifest(target: Target, digest: string): Promise<ImageManifest> {
  const { bytes, descriptor } = await target.fetchManifest(digest);
  return parseManifest(bytes, descriptor.mediaType).manifest as ImageManifest;
}

/**
 * notation-go v1.3.2 registry/repository.go signatureReferrers, the only way notation 1.3.x lists signatures in an
 * OCI layout: the subject's predecessors (every manifest index.json lists), kept when their subject is the artifact
 * and `image.Config.MediaType` (not artifactType) is the signature type.
 */
async function notationGoLayoutSignatures(layout: OciLayout, subject: Descriptor): Promise<string[]> {
  const index = JSON.parse(readFileSync(join(layout.dir, 'index.json'), 'utf8')) as { manifests: Descriptor[] };
  const found: string[] = [];
  for (const node of index.manifests) {
    if (node.mediaType !== MediaType.ociManifest) continue;
    const image = await signatureManifest(layout, node.digest);
    if (image.subject?.digest !== subject.digest) continue;
    if (image.config.mediaType === 'application/vnd.cncf.notary.signature') found.push(node.digest);
  }
  return found;
}

const identity = 'x509.subject: C=US, ST=WA, O=d2ci Test';

function policyFor(scope: string, extra: Partial<NotationTrustPolicyDocument['trustPolicies'][number]> = {}): NotationTrustPolicyDocument {
  return {
    version: '1.0',
    trustPolicies: [
      {
        name: 'd2ci',
        registryScopes: [scope],
        signatureVerification: { level: 'strict' },
        trustStores: ['ca:acme'],
        trustedIdentities: [identity],
        ...extra,
      },
    ],
  };
}

describe('Notary Project signatures', () => {
  let work: string;
  let ca: TestCa;
  let root: Issued;
  let intermediate: Issued;
  let leaf: Issued;
  let expiredLeaf: Issued;
  let otherRoot: Issued;
  let otherLeaf: Issued;
  let trustStoreDir: string;
  let trustStore: NotationTrustStore;
  let signer: NotationSigner;
  let layoutCount = 0;
  const freshLayout = (): OciLayout => new OciLayout(join(work, `layout-${++layoutCount}`));
  const subject = '/C=US/ST=WA/L=Seattle/O=d2ci Test/CN=d2ci signer';

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'd2ci-notation-'));
    mkdirSync(join(work, 'ca'));
    ca = new TestCa(join(work, 'ca'));
    root = ca.issue('root', '/C=US/ST=WA/O=d2ci Test/CN=d2ci Test Root', 'EC-384', 'v3_root');
    intermediate = ca.issue('intermediate', '/C=US/ST=WA/O=d2ci Test/CN=d2ci Test Intermediate', 'EC-256', 'v3_intermediate', root);
    leaf = ca.issue('leaf', subject, 'EC-256', 'v3_leaf', intermediate);
    expiredLeaf = ca.issue('expired', subject, 'EC-256', 'v3_leaf', intermediate, { start: '20200101000000Z', end: '20200102000000Z' });
    otherRoot = ca.issue('other-root', '/C=US/ST=WA/O=d2ci Test/CN=Untrusted Root', 'EC-256', 'v3_root');
    otherLeaf = ca.issue('other-leaf', subject, 'EC-256', 'v3_leaf', otherRoot);
    trustStoreDir = join(work, 'truststore');
    mkdirSync(join(trustStoreDir, 'x509', 'ca', 'acme'), { recursive: true });
    writeFileSync(join(trustStoreDir, 'x509', 'ca', 'acme', 'root.pem'), root.certPem);
    trustStore = notationDirectoryTrustStore(trustStoreDir);
    signer = await createNotationKeySigner({ privateKey: leaf.keyPem, certificateChain: chainPem(leaf, intermediate, root) });
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

  describe('round trips', () => {
    it('signs and verifies on an OCI image layout; the signature manifest is notation’s', async () => {
      const layout = freshLayout();
      const artifact = await pushSmallArtifact(layout, 'v1');
      const signed = await signNotation(layout, artifact, {
        signer,
        signingTime: new Date(Date.now() - 1000),
        expiry: new Date(Date.now() + 86_400_000),
      });
      assert.equal(signed.signatureRef, `${layout.name}@${signed.descriptor.digest}`);

      const referrers = await layout.referrers(artifact, { artifactType: NotationMediaType.signature });
      assert.deepEqual(
        referrers.map((r) => r.digest),
        [signed.descriptor.digest],
      );
      const manifest = await signatureManifest(layout, signed.descriptor.digest);
      assert.equal(manifest.mediaType, MediaType.ociManifest);
      // notation-go v1.3.2's form (registry/repository.go uploadSignatureManifest): no artifactType, the `{}`
      // config under the signature media type, which is all notation 1.3.x looks at in an OCI layout.
      assert.equal(manifest.artifactType, undefined);
      assert.deepEqual(
        { ...manifest.config },
        {
          mediaType: 'application/vnd.cncf.notary.signature',
          size: 2,
          digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
        },
      );
      assert.deepEqual(await readAll(await layout.fetch(manifest.config)), Buffer.from('{}'));
      assert.deepEqual(await notationGoLayoutSignatures(layout, artifact), [signed.descriptor.digest]);
      assert.equal(signed.descriptor.artifactType, NotationMediaType.signature, 'listed under the config media type');
      assert.equal(manifest.layers.length, 1);
      assert.equal(manifest.layers[0]?.mediaType, 'application/jose+json');
      assert.deepEqual(await readAll(await layout.fetch(manifest.layers[0])), signed.envelope);
      assert.deepEqual({ ...manifest.subject }, { mediaType: artifact.mediaType, size: artifact.size, digest: artifact.digest });
      const chain = [leaf, intermediate, root].map((c) => new X509Certificate(c.certPem).raw);
      assert.deepEqual(manifest.annotations, {
        [NotationAnnotation.thumbprintS256]: JSON.stringify(chain.map(sha256Hex)),
        [NotationAnnotation.created]: signed.signingTime.toISOString().replace('.000Z', 'Z'),
      });

      const result = await verifyNotation({
        target: layout,
        reference: 'v1',
        repository: 'local/flux-layout',
        trustPolicy: policyFor('local/flux-layout'),
        trustStore,
      });
      assert.deepEqual(result.reasons, []);
      assert.equal(result.verified, true);
      assert.equal(result.skipped, false);
      assert.equal(result.policy, 'd2ci');
      assert.equal(result.level, 'strict');
      assert.equal(result.signature, signed.descriptor.digest);
      assert.equal(result.signer?.subject, 'CN=d2ci signer,O=d2ci Test,L=Seattle,ST=WA,C=US');
      assert.deepEqual(result.signer?.thumbprints, chain.map(sha256Hex));
      assert.deepEqual(result.warnings, []);
      assert.equal(result.signaturesChecked, 1);

      // The same with the trust store in memory and the policy as JSON text.
      const memory = notationMemoryTrustStore({ 'ca:acme': root.certPem });
      const again = await verifyNotation({
        target: layout,
        reference: artifact.digest,
        repository: 'local/flux-layout',
        trustPolicy: JSON.stringify(policyFor('local/flux-layout')),
        trustStore: memory,
      });
      assert.equal(again.verified, true, again.reasons.join('; '));
      // An OCI layout has no repository name of its own.
      await assert.rejects(
        verifyNotation({ target: layout, reference: 'v1', trustPolicy: policyFor('local/flux-layout'), trustStore }),
        /give the repository that trust policies scope/,
      );
    });

    it('still verifies the OCI 1.1 form (artifactType, empty config) that d2ci wrote before', async () => {
      const layout = freshLayout();
      const artifact = await pushSmallArtifact(layout, 'v1');
      const plain = { mediaType: artifact.mediaType, digest: artifact.digest, size: artifact.size };
      const { envelope } = await createNotationEnvelope(plain, signer, {});
      const old = await attachReferrer(layout, plain, {
        artifactType: NotationMediaType.signature,
        layerMediaType: NotationMediaType.jws,
        content: envelope,
      });
      assert.equal((await signatureManifest(layout, old.digest)).config.mediaType, MediaType.ociEmpty);
      assert.deepEqual(
        (await layout.referrers(artifact, { artifactType: NotationMediaType.signature })).map((r) => r.digest),
        [old.digest],
      );
      const result = await verifyNotation({
        target: layout,
        reference: 'v1',
        repository: 'local/old-form',
        trustPolicy: policyFor('local/old-form'),
        trustStore,
      });
      assert.equal(result.verified, true, result.reasons.join('; '));
      assert.equal(result.signature, old.digest);
    });

    describe('on docker-registry (no referrers API: tag-schema fallback)', () => {
      let registry: LocalRegistry;
      before(async () => {
        registry = await startRegistry('none');
      });
      after(() => registry.stop());

      it('signs and verifies through the referrers tag schema', async () => {
        const repository = `${registry.host}/acme/app`;
        const repo = new RegistryClient().repository({ registry: registry.host, repository: 'acme/app' });
        const artifact = await pushSmallArtifact(repo, 'v1.0.0');
        const signed = await signNotation(repo, artifact, { signer });
        assert.ok((await repo.tags()).includes(referrersTag(artifact.digest)), 'the sha256-<hex> referrers index was written');
        const listed = await repo.referrers(artifact, { artifactType: NotationMediaType.signature });
        assert.deepEqual(
          listed.map((r) => [r.digest, r.artifactType]),
          [[signed.descriptor.digest, NotationMediaType.signature]],
        );
        // The tag-schema index entry carries the config media type as artifactType (as oras-go v2.5.0
        // indexReferrersForPush writes it), which notation and Flux filter on.
        const fallback = await repo.fetchManifest(referrersTag(artifact.digest));
        const entries = (JSON.parse(fallback.bytes.toString('utf8')) as { manifests: Descriptor[] }).manifests;
        assert.deepEqual(
          entries.map((d) => [d.digest, d.artifactType]),
          [[signed.descriptor.digest, NotationMediaType.signature]],
        );
        const stored = await signatureManifest(repo, signed.descriptor.digest);
        assert.equal(stored.artifactType, undefined);
        assert.equal(stored.config.mediaType, NotationMediaType.signature);

        const result = await verifyNotation({ target: repo, reference: 'v1.0.0', trustPolicy: policyFor(repository), trustStore });
        assert.equal(result.verified, true, result.reasons.join('; '));
        assert.equal(result.descriptor.digest, artifact.digest);

        // Another tag's artifact: the registry lists no signature for it.
        const unsigned = await pushSmallArtifact(repo, 'v2.0.0');
        const none = await verifyNotation({ target: repo, reference: 'v2.0.0', trustPolicy: policyFor(repository), trustStore });
        assert.equal(none.verified, false);
        assert.deepEqual(none.reasons, [
          `no signature is associated with "${repository}@${unsigned.digest}", make sure the artifact was signed successfully`,
        ]);
      });

      it('rejects a signature copied from another artifact, and a tampered payload', async () => {
        const repository = `${registry.host}/acme/copies`;
        const repo = new RegistryClient().repository({ registry: registry.host, repository: 'acme/copies' });
        const signedArtifact = await pushSmallArtifact(repo, 'signed');
        const other = await pushSmallArtifact(repo, 'other');
        const { envelope } = await signNotation(repo, signedArtifact, { signer });
        const copy = await attachReferrer(repo, other, {
          artifactType: NotationMediaType.signature,
          layerMediaType: NotationMediaType.jws,
          content: envelope,
        });
        const copied = await verifyNotation({ target: repo, reference: 'other', trustPolicy: policyFor(repository), trustStore });
        assert.equal(copied.verified, false);
        assert.deepEqual(copied.reasons, [
          `signature ${copy.digest}: content descriptor mismatch: the signature is for ${signedArtifact.digest} (${MediaType.ociManifest}, ${signedArtifact.size} bytes), not ${other.digest} (${MediaType.ociManifest}, ${other.size} bytes) (a signature copied from another artifact?)`,
        ]);

        // The payload rewritten to name the other artifact: the signature no longer matches.
        const tamperedArtifact = await pushSmallArtifact(repo, 'tampered');
        const json = JSON.parse(envelope.toString('utf8')) as { payload: string };
        json.payload = notationPayload(tamperedArtifact).toString('base64url');
        const tampered = await attachReferrer(repo, tamperedArtifact, {
          artifactType: NotationMediaType.signature,
          layerMediaType: NotationMediaType.jws,
          content: Buffer.from(JSON.stringify(json)),
        });
        const result = await verifyNotation({ target: repo, reference: 'tampered', trustPolicy: policyFor(repository), trustStore });
        assert.equal(result.verified, false);
        assert.deepEqual(result.reasons, [
          `signature ${tampered.digest}: signature is invalid. Error: the JWS signature does not verify with the signing certificate key`,
        ]);
      });
    });
  });

  describe('rejections', () => {
    it('rejects an untrusted root (enforced unless the level is audit)', async () => {
      const layout = freshLayout();
      const artifact = await pushSmallArtifact(layout, 'untrusted');
      const untrusted = await createNotationKeySigner({ privateKey: otherLeaf.keyPem, certificateChain: chainPem(otherLeaf, otherRoot) });
      const signed = await signNotation(layout, artifact, { signer: untrusted });
      for (const level of ['strict', 'permissive']) {
        const result = await verifyNotation({
          target: layout,
          reference: 'untrusted',
          repository: 'local/untrusted',
          trustPolicy: policyFor('local/untrusted', { signatureVerification: { level } }),
          trustStore,
        });
        assert.equal(result.verified, false, level);
        assert.deepEqual(
          result.reasons,
          [`signature ${signed.descriptor.digest}: the signature's certificate chain does not contain any trusted certificate`],
          level,
        );
      }
      const audit = await verifyNotation({
        target: layout,
        reference: 'untrusted',
        repository: 'local/untrusted',
        trustPolicy: policyFor('local/untrusted', { signatureVerification: { level: 'audit' } }),
        trustStore,
      });
      assert.equal(audit.verified, true, 'audit only logs authenticity');
      assert.deepEqual(audit.warnings, [
        'authenticity validation failed with validation action set to "logged". Failure reason: the signature\'s certificate chain does not contain any trusted certificate',
        'authenticity was only logged (audit level): Flux reports such an artifact as not verified (ignored) rather than verified',
      ]);
      // A trust store named in the policy that does not exist.
      const missing = await verifyNotation({
        target: layout,
        reference: 'untrusted',
        repository: 'local/untrusted',
        trustPolicy: policyFor('local/untrusted', { trustStores: ['ca:nowhere'] }),
        trustStore,
      });
      assert.deepEqual(missing.reasons, [`signature ${signed.descriptor.digest}: the trust store "nowhere" of type "ca" does not exist`]);
    });

    it('rejects an expired certificate under strict and only logs it under permissive', async () => {
      const layout = freshLayout();
      const artifact = await pushSmallArtifact(layout, 'expired');
      const expiredSigner = await createNotationKeySigner({
        privateKey: expiredLeaf.keyPem,
        certificateChain: chainPem(expiredLeaf, intermediate, root),
      });
      // Signed while the certificate was valid.
      const signed = await signNotation(layout, artifact, { signer: expiredSigner, signingTime: new Date('2020-01-01T12:00:00Z') });
      const strict = await verifyNotation({
        target: layout,
        reference: 'expired',
        repository: 'local/expired',
        trustPolicy: policyFor('local/expired'),
        trustStore,
      });
      assert.equal(strict.verified, false);
      assert.deepEqual(strict.reasons, [
        `signature ${signed.descriptor.digest}: verification time is after certificate "CN=d2ci signer,O=d2ci Test,L=Seattle,ST=WA,C=US" validity period, it was expired at "Thu, 02 Jan 2020 00:00:00 +0000"`,
      ]);
      const permissive = await verifyNotation({
        target: layout,
        reference: 'expired',
        repository: 'local/expired',
        trustPolicy: policyFor('local/expired', { signatureVerification: { level: 'permissive' } }),
        trustStore,
      });
      assert.equal(permissive.verified, true);
      assert.deepEqual(permissive.warnings, [
        'authenticTimestamp validation failed with validation action set to "logged". Failure reason: verification time is after certificate "CN=d2ci signer,O=d2ci Test,L=Seattle,ST=WA,C=US" validity period, it was expired at "Thu, 02 Jan 2020 00:00:00 +0000"',
      ]);
      // strict with the authentic-timestamp check overridden to log.
      const overridden = await verifyNotation({
        target: layout,
        reference: 'expired',
        repository: 'local/expired',
        trustPolicy: policyFor('local/expired', { signatureVerification: { level: 'strict', override: { authenticTimestamp: 'log' } } }),
        trustStore,
      });
      assert.equal(overridden.verified, true);
      assert.equal(overridden.level, 'custom');
    });

    it('enforces the signature’s own expiry under strict', async () => {
      const layout = freshLayout();
      const artifact = await pushSmallArtifact(layout, 'stale');
      const signed = await signNotation(layout, artifact, {
        signer,
        signingTime: new Date(Date.now() - 60_000),
        expiry: new Date(Date.now() - 30_000),
      });
      const expiry = parseNotationEnvelope(signed.envelope).protectedHeader.expiry as Date;
      const strict = await verifyNotation({
        target: layout,
        reference: 'stale',
        repository: 'local/stale',
        trustPolicy: policyFor('local/stale'),
        trustStore,
      });
      assert.equal(strict.verified, false);
      const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][expiry.getUTCDay()] as string;
      assert.match(
        strict.reasons[0] ?? '',
        new RegExp(`: digital signature has expired on "${weekday}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000"$`),
      );
      const permissive = await verifyNotation({
        target: layout,
        reference: 'stale',
        repository: 'local/stale',
        trustPolicy: policyFor('local/stale', { signatureVerification: { level: 'permissive' } }),
        trustStore,
      });
      assert.equal(permissive.verified, true);
      assert.match(
        permissive.warnings[0] ?? '',
        /^expiry validation failed with validation action set to "logged". Failure reason: digital signature has expired on/,
      );
    });

    it('rejects hand-made envelopes notation rejects, and accepts one that keeps the rules', async () => {
      const layout = freshLayout();
      const artifact = await pushSmallArtifact(layout, 'handmade');
      const key = createPrivateKey(leaf.keyPem);
      const x5c = [leaf, intermediate, root].map((c) => new X509Certificate(c.certPem).raw.toString('base64'));
      const handmade = (
        header: Record<string, unknown>,
        keySpec: NotationKeySpec = 'EC-256',
        extra: Record<string, unknown> = {},
      ): Buffer => {
        const encodedHeader = Buffer.from(JSON.stringify(header)).toString('base64url');
        const encodedPayload = notationPayload(artifact).toString('base64url');
        const signature = notationSignWithKey(keySpec, key, Buffer.from(`${encodedHeader}.${encodedPayload}`));
        return Buffer.from(
          JSON.stringify({
            payload: encodedPayload,
            protected: encodedHeader,
            header: { x5c },
            signature: signature.toString('base64url'),
            ...extra,
          }),
        );
      };
      const signingTime = new Date(Math.floor(Date.now() / 1000) * 1000 - 10_000).toISOString().replace('.000Z', 'Z');
      const base = {
        alg: 'ES256',
        crit: ['io.cncf.notary.signingScheme'],
        cty: NotationMediaType.payload,
        'io.cncf.notary.signingScheme': 'notary.x509',
        'io.cncf.notary.signingTime': signingTime,
      };
      const policy = applicableNotationTrustPolicy(parseNotationTrustPolicy(policyFor('local/handmade')), 'local/handmade');
      const verify = (envelope: Buffer, level = 'strict') =>
        verifyNotationEnvelope({ envelope, descriptor: artifact, policy: { ...policy, signatureVerification: { level } }, trustStore });

      const control = await verify(handmade({ ...base, 'io.example.note': 'not critical, so ignored' }));
      assert.equal(control.verified, true, control.reason);
      assert.deepEqual(
        control.results.map((r) => [r.type, r.action, r.error]),
        [
          ['integrity', 'enforce', undefined],
          ['authenticity', 'enforce', undefined],
          ['expiry', 'enforce', undefined],
          ['authenticTimestamp', 'enforce', undefined],
          ['revocation', 'enforce', undefined],
        ],
      );
      // Algorithm substitution: the header claims ES384 for a P-256 key.
      assert.equal(
        (await verify(handmade({ ...base, alg: 'ES384' }, 'EC-384'))).reason,
        'mismatch between signature algorithm derived from signing certificate (ES256) and signing algorithm specified (ES384)',
      );
      assert.equal((await verify(handmade({ ...base, alg: 'none' }))).reason, 'signature algorithm "none" is not supported');
      assert.equal(
        (await verify(handmade({ ...base, crit: [...base.crit, 'io.example.policy'], 'io.example.policy': 'x' }))).reason,
        'the signature has critical header "io.example.policy", which d2ci does not understand (unknown critical headers must fail verification)',
      );
      assert.equal(
        (await verify(handmade({ ...base, cty: 'application/json' }))).reason,
        'payload content type "application/json" not supported',
      );
      assert.equal(
        (await verify(handmade(base, 'EC-256', { signatures: [] }))).reason,
        'the JWS envelope has unsupported top-level fields signatures (only the flattened JSON serialization is allowed)',
      );
      // A signing time before the certificate existed: the spec's "valid at signing time" rule, an authentic-timestamp check.
      const early = handmade({ ...base, 'io.cncf.notary.signingTime': '2019-06-01T00:00:00Z' });
      assert.match(
        (await verify(early)).reason ?? '',
        /^certificate with subject "CN=d2ci signer,O=d2ci Test,L=Seattle,ST=WA,C=US" was invalid at signing time of 2019-06-01 00:00:00 \+0000 UTC\. Certificate is valid from \[/,
      );
      const permissive = await verify(early, 'permissive');
      assert.equal(permissive.verified, true);
      assert.match(permissive.logged[0] ?? '', /^authenticTimestamp validation failed with validation action set to "logged"/);
    });

    it('rejects a signer that is not a trusted identity', async () => {
      const layout = freshLayout();
      const artifact = await pushSmallArtifact(layout, 'identity');
      const signed = await signNotation(layout, artifact, { signer });
      const policy = policyFor('local/identity', {
        trustedIdentities: ['x509.subject: C=US, ST=WA, O=Someone Else', 'x509.subject: C=US, S=WA, O=d2ci Test, OU=Other Unit'],
      });
      const result = await verifyNotation({
        target: layout,
        reference: 'identity',
        repository: 'local/identity',
        trustPolicy: policy,
        trustStore,
      });
      assert.equal(result.verified, false);
      assert.deepEqual(result.reasons, [
        `signature ${signed.descriptor.digest}: signing certificate from the digital signature does not match the X.509 trusted identities [map["C":"US" "O":"Someone Else" "ST":"WA"] map["C":"US" "O":"d2ci Test" "OU":"Other Unit" "ST":"WA"]] defined in the trust policy "d2ci"`,
      ]);
      const matching = await verifyNotation({
        target: layout,
        reference: 'identity',
        repository: 'local/identity',
        trustPolicy: policyFor('local/identity', { trustedIdentities: ['x509.subject: C=US, ST=WA, O=d2ci Test, CN=d2ci signer'] }),
        trustStore,
      });
      assert.equal(matching.verified, true, matching.reasons.join('; '));
      const anyone = await verifyNotation({
        target: layout,
        reference: 'identity',
        repository: 'local/identity',
        trustPolicy: policyFor('local/identity', { trustedIdentities: ['*'] }),
        trustStore,
      });
      assert.equal(anyone.verified, true, anyone.reasons.join('; '));
    });

    it('picks the policy by repository (exact scope over `*`) and fails without one', async () => {
      const layout = freshLayout();
      const artifact = await pushSmallArtifact(layout, 'scoped');
      await signNotation(layout, artifact, { signer });
      const document: NotationTrustPolicyDocument = {
        version: '1.0',
        trustPolicies: [
          {
            name: 'exact',
            registryScopes: ['local/scoped'],
            signatureVerification: { level: 'strict' },
            trustStores: ['ca:acme'],
            trustedIdentities: [identity],
          },
          {
            name: 'everything-else',
            registryScopes: ['*'],
            signatureVerification: { level: 'strict' },
            trustStores: ['ca:acme'],
            trustedIdentities: ['x509.subject: C=US, ST=WA, O=Nobody'],
          },
        ],
      };
      const exact = await verifyNotation({
        target: layout,
        reference: 'scoped',
        repository: 'local/scoped',
        trustPolicy: document,
        trustStore,
      });
      assert.equal(exact.verified, true, exact.reasons.join('; '));
      assert.equal(exact.policy, 'exact');
      const global = await verifyNotation({
        target: layout,
        reference: 'scoped',
        repository: 'local/elsewhere',
        trustPolicy: document,
        trustStore,
      });
      assert.equal(global.policy, 'everything-else');
      assert.equal(global.verified, false);

      const none = await verifyNotation({
        target: layout,
        reference: 'scoped',
        repository: 'local/elsewhere',
        trustPolicy: policyFor('local/scoped'),
        trustStore,
      });
      assert.equal(none.verified, false);
      assert.deepEqual(none.reasons, [
        `artifact "local/elsewhere@${artifact.digest}" has no applicable oci trust policy statement. Trust policy applicability for a given artifact is determined by registryScopes. To create a trust policy, see: https://notaryproject.dev/docs/quickstart/#create-a-trust-policy`,
      ]);

      const skip = await verifyNotation({
        target: layout,
        reference: 'scoped',
        repository: 'local/scoped',
        trustPolicy: {
          version: '1.0',
          trustPolicies: [{ name: 'unsigned', registryScopes: ['local/scoped'], signatureVerification: { level: 'skip' } }],
        },
        trustStore,
      });
      assert.equal(skip.skipped, true);
      assert.equal(skip.verified, false);
      assert.equal(skip.signaturesChecked, 0);
      assert.deepEqual(skip.warnings, ['trust policy statement "unsigned" skips signature verification for local/scoped']);
    });

    it('refuses an invalid policy document with notation-go’s messages', async () => {
      const layout = freshLayout();
      await pushSmallArtifact(layout, 'policy');
      const base = JSON.parse(fixture('notation-go/dummy-oci-policy.json').toString('utf8')) as NotationTrustPolicyDocument;
      const statement = base.trustPolicies[0] as NotationTrustPolicyDocument['trustPolicies'][number];
      const variant = (change: Partial<typeof statement>, doc: Partial<NotationTrustPolicyDocument> = {}): NotationTrustPolicyDocument => ({
        ...base,
        trustPolicies: [{ ...statement, ...change }],
        ...doc,
      });
      // Messages from notation-go verifier/trustpolicy/oci_test.go TestValidateInvalidPolicyDocument.
      const cases: [unknown, string][] = [
        [{ ...base, version: 'invalid' }, 'oci trust policy document uses unsupported version "invalid"'],
        [{ ...base, trustPolicies: [] }, 'oci trust policy document can not have zero trust policy statements'],
        [variant({ name: '' }), 'oci trust policy: a trust policy statement is missing a name, every statement requires a name'],
        [
          variant({ registryScopes: [] }),
          'oci trust policy statement "test-statement-name" has zero registry scopes, it must specify registry scopes with at least one value',
        ],
        [
          { ...base, trustPolicies: [statement, { ...statement, name: 'test-statement-name-2' }] },
          'registry scope "registry.acme-rockets.io/software/net-monitor" is present in multiple oci trust policy statements, one registry scope value can only be associated with one statement',
        ],
        [
          variant({ registryScopes: ['*', 'registry.acme-rockets.io/software/net-monitor'] }),
          'oci trust policy statement "test-statement-name" uses wildcard registry scope \'*\', a wildcard scope cannot be used in conjunction with other scope values',
        ],
        [
          variant({ signatureVerification: { level: 'invalid' } }),
          'oci trust policy: trust policy statement "test-statement-name" has invalid signatureVerification: invalid signature verification level "invalid"',
        ],
        [
          variant({ signatureVerification: { level: 'strict', verifyTimestamp: 'invalid' } }),
          'oci trust policy: trust policy statement "test-statement-name" has invalid signatureVerification: verifyTimestamp must be "always" or "afterCertExpiry", but got "invalid"',
        ],
        [
          variant({ trustStores: [] }),
          'oci trust policy: trust policy statement "test-statement-name" is either missing trust stores or trusted identities, both must be specified',
        ],
        [
          variant({ trustedIdentities: [] }),
          'oci trust policy: trust policy statement "test-statement-name" is either missing trust stores or trusted identities, both must be specified',
        ],
        [
          variant({ signatureVerification: { level: 'skip' } }),
          'oci trust policy: trust policy statement "test-statement-name" is set to skip signature verification but configured with trust stores and/or trusted identities, remove them if signature verification needs to be skipped',
        ],
        [
          variant({ trustedIdentities: [''] }),
          'oci trust policy: trust policy statement "test-statement-name" has an empty trusted identity',
        ],
        [
          variant({ trustedIdentities: ['x509.subject'] }),
          'oci trust policy: trust policy statement "test-statement-name" has trusted identity "x509.subject" missing separator',
        ],
        [
          variant({ trustedIdentities: ['x509.subject:'] }),
          'oci trust policy: trust policy statement "test-statement-name" has trusted identity "x509.subject:" without an identity value',
        ],
        [
          variant({ trustStores: ['ca'] }),
          'oci trust policy: trust policy statement "test-statement-name" has malformed trust store value "ca". The required format is <TrustStoreType>:<TrustStoreName>',
        ],
        [
          variant({ trustStores: ['invalid:test-trust-store'] }),
          'oci trust policy: trust policy statement "test-statement-name" uses an unsupported trust store type "invalid" in trust store value "invalid:test-trust-store"',
        ],
        [
          variant({ trustStores: ['ca:'] }),
          'oci trust policy: trust policy statement "test-statement-name" uses an unsupported trust store name "" in trust store value "ca:". Named store name needs to follow [a-zA-Z0-9_.-]+ format',
        ],
        [
          variant({ trustedIdentities: ['*', 'test-identity'] }),
          'oci trust policy: trust policy statement "test-statement-name" uses a wildcard trusted identity \'*\', a wildcard identity cannot be used in conjunction with other values',
        ],
        [
          { ...base, trustPolicies: [statement, { ...statement, registryScopes: ['registry.acme-rockets.io/software/legacy/metrics'] }] },
          'multiple oci trust policy statements use the same name "test-statement-name", statement names must be unique',
        ],
        // The spec's DN rules (trust-store-trust-policy.md "Trusted Identities Constraints").
        [
          variant({ trustedIdentities: ['x509.subject: C=US, O=acme'] }),
          'oci trust policy: trust policy statement "test-statement-name" has trusted identity "x509.subject: C=US, O=acme" with invalid identity value: distinguished name (DN) " C=US, O=acme" has no mandatory RDN attribute for "ST", it must contain \'C\', \'ST\' or \'S\', and \'O\' RDN attributes at a minimum',
        ],
        [
          variant({
            trustedIdentities: [
              'x509.subject: C=US, ST=WA, O=wabbit-network.io, OU=org1',
              'x509.subject:  C=US, ST=WA, O=wabbit-network.io',
            ],
          }),
          'oci trust policy: trust policy statement "test-statement-name" has overlapping x509 trustedIdentities, "x509.subject:  C=US, ST=WA, O=wabbit-network.io" overlaps with "x509.subject: C=US, ST=WA, O=wabbit-network.io, OU=org1"',
        ],
        [
          variant({ trustedIdentities: ['x509.subject: C=US+ST=WA, O=acme'] }),
          'oci trust policy: trust policy statement "test-statement-name" has trusted identity "x509.subject: C=US+ST=WA, O=acme" with invalid identity value: distinguished name (DN) " C=US+ST=WA, O=acme" has multi-valued RDN attributes, remove multi-valued RDN attributes as they are not supported',
        ],
        [
          variant({ signatureVerification: { level: 'strict', override: { integrity: 'log' } } }),
          'oci trust policy: trust policy statement "test-statement-name" has invalid signatureVerification: "integrity" verification can not be overridden in custom signature verification',
        ],
        [
          variant({ signatureVerification: { level: 'strict', override: { expiry: 'skip' } } }),
          'oci trust policy: trust policy statement "test-statement-name" has invalid signatureVerification: "expiry" verification can not be skipped in custom signature verification',
        ],
        [
          '{"version": "1.0", "trustPolicies": ',
          'malformed trust policy. To create a trust policy, see: https://notaryproject.dev/docs/quickstart/#create-a-trust-policy',
        ],
        [
          { ...base, trustPolicies: [{ ...statement, trustStores: 'ca:acme' }] },
          'malformed trust policy. To create a trust policy, see: https://notaryproject.dev/docs/quickstart/#create-a-trust-policy',
        ],
      ];
      for (const [document, message] of cases) {
        assert.throws(
          () => parseNotationTrustPolicy(document),
          (err: Error) => err instanceof NotationPolicyError && err.message === message,
          message,
        );
      }
      // verifyNotation refuses it before looking at signatures.
      await assert.rejects(
        verifyNotation({
          target: layout,
          reference: 'policy',
          repository: 'local/policy',
          trustPolicy: variant({ trustStores: ['ca'] }),
          trustStore,
        }),
        NotationPolicyError,
      );
      // Valid forms from notation-go's TestValidateValidPolicyDocument and TestValidRegistryScopes.
      for (const scope of [
        '*',
        'example.com/rep',
        'example.com:8080/rep/rep2',
        'example.com/rep/subrep/subsub',
        '10.10.10.10:8080/rep/rep2',
        'domain/rep',
        'domain:1234/rep',
      ]) {
        assert.doesNotThrow(() => parseNotationTrustPolicy(variant({ registryScopes: [scope] })), scope);
      }
      for (const scope of [
        '',
        '1:1',
        'a,b',
        'abcd',
        '1111',
        '1,2',
        'example.com/rep:tag',
        'example.com/rep/subrep/sub:latest',
        'example.com',
        'rep/rep2:latest',
        'repository',
        '10.10.10.10',
        '10.10.10.10:8080/rep/rep2:latest',
      ]) {
        assert.throws(() => parseNotationTrustPolicy(variant({ registryScopes: [scope] })), {
          message: `registry scope ${JSON.stringify(scope)} is not valid, make sure it is a fully qualified repository without the scheme, protocol or tag. For example domain.com/my/repository or a local scope like local/myOCILayout`,
        });
      }
      for (const scope of ['example.com/*', '*/', 'example*/', 'ex*test']) {
        assert.throws(() => parseNotationTrustPolicy(variant({ registryScopes: [scope] })), {
          message: `registry scope ${JSON.stringify(scope)} with wild card(s) is not valid, make sure it is a fully qualified repository without the scheme, protocol or tag. For example domain.com/my/repository or a local scope like local/myOCILayout`,
        });
      }
    });

    it('tries every signature, reports one line for each that fails, and verifies when one passes', async () => {
      const layout = freshLayout();
      const artifact = await pushSmallArtifact(layout, 'many');
      const untrusted = await signNotation(layout, artifact, {
        signer: await createNotationKeySigner({ privateKey: otherLeaf.keyPem, certificateChain: chainPem(otherLeaf, otherRoot) }),
      });
      const cose = await attachReferrer(layout, artifact, {
        artifactType: NotationMediaType.signature,
        layerMediaType: NotationMediaType.cose,
        content: Buffer.from([0xd2, 0x84]),
      });
      const failing = await verifyNotation({
        target: layout,
        reference: 'many',
        repository: 'local/many',
        trustPolicy: policyFor('local/many'),
        trustStore,
      });
      assert.equal(failing.verified, false);
      assert.equal(failing.signaturesChecked, 2);
      assert.deepEqual(
        new Set(failing.reasons),
        new Set([
          `signature ${untrusted.descriptor.digest}: the signature's certificate chain does not contain any trusted certificate`,
          `signature ${cose.digest}: signature envelope format with media type "application/cose" (COSE) is not supported by d2ci`,
        ]),
      );
      const limited = await verifyNotation({
        target: layout,
        reference: 'many',
        repository: 'local/many',
        trustPolicy: policyFor('local/many'),
        trustStore,
        maxSignatureAttempts: 1,
      });
      assert.equal(limited.signaturesChecked, 1);
      assert.equal(
        limited.reasons.at(-1),
        'signature evaluation stopped. The configured limit of 1 signatures to verify per artifact exceeded',
      );

      const good = await signNotation(layout, artifact, { signer });
      const passing = await verifyNotation({
        target: layout,
        reference: 'many',
        repository: 'local/many',
        trustPolicy: policyFor('local/many'),
        trustStore,
      });
      assert.equal(passing.verified, true);
      assert.equal(passing.signature, good.descriptor.digest);
      assert.deepEqual(passing.reasons, []);
    });

    it('checks user metadata and notes the revocation check it does not make', async () => {
      const layout = freshLayout();
      const artifact = await pushSmallArtifact(layout, 'metadata');
      const revocable = ca.issue('crl-leaf', subject, 'EC-256', 'v3_leaf_crl', intermediate);
      const revocableSigner = await createNotationKeySigner({
        privateKey: revocable.keyPem,
        certificateChain: chainPem(revocable, intermediate, root),
      });
      await signNotation(layout, artifact, { signer: revocableSigner, userMetadata: { buildId: '42' } });
      const result = await verifyNotation({
        target: layout,
        reference: 'metadata',
        repository: 'local/metadata',
        trustPolicy: policyFor('local/metadata'),
        trustStore,
        userMetadata: { buildId: '42' },
      });
      assert.equal(result.verified, true, result.reasons.join('; '));
      assert.deepEqual(result.userMetadata, { buildId: '42' });
      assert.deepEqual(result.warnings, [
        'revocation was not checked: the certificate chain names CRL or OCSP endpoints, which notation would query',
      ]);
      const wrong = await verifyNotation({
        target: layout,
        reference: 'metadata',
        repository: 'local/metadata',
        trustPolicy: policyFor('local/metadata'),
        trustStore,
        userMetadata: { buildId: '43' },
      });
      assert.equal(wrong.verified, false);
      assert.match(wrong.reasons[0] ?? '', /unable to find specified metadata in the signature: buildId=43/);
    });

    it('reads trust stores as notation does, and as Flux’s Secret-based store does', async () => {
      const store = notationDirectoryTrustStore(join(fixtures, 'notation-go', 'truststore'));
      assert.equal((await store.certificates('ca', 'valid-trust-store')).length, 1);
      await assert.rejects(store.certificates('ca', 'trust-store-with-leaf-certs'), {
        message:
          'failed to validate the trusted certificate non-ca.crt in trust store trust-store-with-leaf-certs of type ca: certificate with subject "CN=wabbit-networks.io,O=Notary,L=Seattle,ST=WA,C=US" is not a CA certificate or self-signed signing certificate',
      });
      await assert.rejects(store.certificates('ca', 'absent'), { message: 'the trust store "absent" of type "ca" does not exist' });
      await assert.rejects(store.certificates('ca', '../escape'), {
        message: 'trust store name needs to follow [a-zA-Z0-9_.-]+ format, ../escape is invalid',
      });
      await assert.rejects(
        notationMemoryTrustStore({ 'ca:leaf': leaf.certPem }).certificates('ca', 'leaf'),
        /is not a CA certificate or self-signed signing certificate/,
      );
      // Flux trusts the first certificate of every *.pem / *.crt key for every store name.
      const flux = notationFluxTrustStore({ 'root.crt': chainPem(root, otherRoot), 'trustpolicy.json': '{}', 'leaf.pem': leaf.certPem });
      const fluxCertificates = await flux.certificates('ca', 'whatever');
      assert.deepEqual(
        fluxCertificates.map((c) => c.toString('base64')).sort(),
        [root, leaf].map((c) => new X509Certificate(c.certPem).raw.toString('base64')).sort(),
      );
    });
  });

  describe('the specification’s examples and notation-go’s test signatures', () => {
    it('parses the spec’s payload examples into the same structures', () => {
      for (const name of ['payload-oci.jsonc', 'payload-oci-artifacttype-annotations.jsonc', 'jws-payload.jsonc']) {
        const example = specExample(name);
        assert.deepEqual(parseNotationPayload(JSON.stringify(example)), example, name);
      }
      const withAnnotations = parseNotationPayload(JSON.stringify(specExample('payload-oci-artifacttype-annotations.jsonc')));
      assert.deepEqual(withAnnotations.targetArtifact.annotations, { 'io.wabbit-networks.buildId': '123' });
      assert.equal(withAnnotations.targetArtifact.size, 16724);
      assert.throws(
        () => parseNotationPayload('{"targetArtifact":{"mediaType":"x","digest":"sha256:00"}}'),
        /must have mediaType, digest and size/,
      );
    });

    it('decodes the spec’s protected header examples', () => {
      const x509 = decodeNotationProtectedHeader(specExample('jws-protected-header-x509.jsonc') as Record<string, unknown>);
      assert.deepEqual(x509, {
        algorithm: 'PS384',
        contentType: 'application/vnd.cncf.notary.payload.v1+json',
        signingScheme: 'notary.x509',
        critical: ['io.cncf.notary.signingScheme', 'io.cncf.notary.expiry'],
        signingTime: new Date('2022-04-06T07:01:20Z'),
        expiry: new Date('2022-10-06T07:01:20Z'),
        extended: {},
      });
      const authority = decodeNotationProtectedHeader(
        specExample('jws-protected-header-signing-authority.jsonc') as Record<string, unknown>,
      );
      assert.equal(authority.signingScheme, 'notary.x509.signingAuthority');
      assert.deepEqual(authority.authenticSigningTime, new Date('2022-04-06T07:01:20Z'));
      assert.equal(authority.signingTime, undefined);
      // The rules around them.
      const header = specExample('jws-protected-header-x509.jsonc') as Record<string, unknown>;
      assert.throws(() => decodeNotationProtectedHeader({ ...header, crit: ['io.cncf.notary.signingScheme'] }), {
        message: 'these required headers are not marked as critical: [io.cncf.notary.expiry]',
      });
      assert.throws(() => decodeNotationProtectedHeader({ ...header, crit: [...(header.crit as string[]), 'io.example.unknown'] }), {
        message: '"io.example.unknown" header is marked critical but not present',
      });
      assert.throws(
        () => decodeNotationProtectedHeader({ ...header, 'io.cncf.notary.authenticSigningTime': '2022-04-06T07:01:20Z' }),
        /must not be present for notary.x509 signing scheme/,
      );
      assert.throws(
        () => decodeNotationProtectedHeader({ ...header, 'io.cncf.notary.signingScheme': 'notary.other' }),
        /unsupported SigningScheme/,
      );
      const unprotected = specExample('jws-unprotected-header.jsonc') as Record<string, unknown>;
      assert.deepEqual(Object.keys(unprotected), ['x5c', 'io.cncf.notary.timestampSignature', 'io.cncf.notary.signingAgent']);
    });

    it('writes signature manifests shaped like the spec’s example', async () => {
      const layout = freshLayout();
      const artifact = await pushSmallArtifact(layout, 'shape');
      const signed = await signNotation(layout, artifact, { signer });
      const ours = (await signatureManifest(layout, signed.descriptor.digest)) as unknown as Record<string, Record<string, unknown>>;
      for (const name of ['signature-manifest.jsonc', 'jws-signature-manifest.jsonc']) {
        const spec = specExample(name) as Record<string, Record<string, unknown> & { [k: string]: unknown }>;
        assert.deepEqual(
          Object.keys(ours).sort(),
          Object.keys(spec)
            .filter((key) => key !== 'artifactType')
            .sort(),
          name,
        );
        assert.equal(ours.mediaType, spec.mediaType);
        // The spec's example is the OCI 1.1 form (artifactType, empty config); we write what notation-go v1.3.2
        // writes, the same type carried by the config (which is what the referrers listings then show).
        assert.equal(ours.artifactType, undefined);
        assert.equal(spec.artifactType, NotationMediaType.signature);
        assert.equal(ours.config?.mediaType, spec.artifactType);
        assert.equal(ours.config?.digest, spec.config?.digest);
        assert.equal(ours.config?.size, spec.config?.size);
        const specLayers = spec.layers as unknown as { mediaType: string }[];
        const ourLayers = ours.layers as unknown as { mediaType: string }[];
        assert.equal(ourLayers.length, specLayers.length);
        assert.equal(ourLayers[0]?.mediaType, specLayers[0]?.mediaType);
        const thumbprints = JSON.parse(ours.annotations?.[NotationAnnotation.thumbprintS256] as string) as string[];
        const specThumbprints = JSON.parse(spec.annotations?.[NotationAnnotation.thumbprintS256] as string) as string[];
        // Same form (a JSON array of SHA-256 hex strings); notation-go writes them in lower case, the spec's example in upper.
        for (const value of [...thumbprints, ...specThumbprints]) assert.match(value, /^[0-9a-fA-F]{64}$/);
      }
    });

    it('accepts the spec’s trust policy examples and selects policies as it describes', () => {
      for (const name of ['trustpolicy-example-1.jsonc', 'trustpolicy-example-2.jsonc', 'trustpolicy-example-3.jsonc']) {
        assert.doesNotThrow(() => parseNotationTrustPolicy(specExample(name)), name);
      }
      const example2 = parseNotationTrustPolicy(specExample('trustpolicy-example-2.jsonc'));
      assert.equal(applicableNotationTrustPolicy(example2, 'registry.acme-rockets.io/software/net-monitor').name, 'wabbit-networks-images');
      assert.equal(
        applicableNotationTrustPolicy(example2, 'registry.wabbit-networks.io/software/unsigned/net-utils').name,
        'unsigned-image',
      );
      assert.equal(applicableNotationTrustPolicy(example2, 'registry.acme-rockets.io/software/legacy/metrics').name, 'use-expired-image');
      assert.equal(applicableNotationTrustPolicy(example2, 'docker.io/library/registry').name, 'global-policy-for-all-other-images');
      const example1 = parseNotationTrustPolicy(specExample('trustpolicy-example-1.jsonc'));
      assert.equal(applicableNotationTrustPolicy(example1, 'anything.example/repo').name, 'wabbit-networks-images');
      const example3 = parseNotationTrustPolicy(specExample('trustpolicy-example-3.jsonc'));
      assert.equal(example3.trustPolicies[0]?.signatureVerification.verifyTimestamp, 'afterCertExpiry');
    });

    it('verifies the notation CLI’s signature from notation-go’s test data on an OCI layout', async () => {
      const layout = freshLayout();
      const manifest = fixture('notation-go/oci-layout-manifest.json');
      const descriptor = descriptorFor(MediaType.ociManifest, manifest);
      assert.equal(descriptor.digest, 'sha256:19dbd2e48e921426ee8ace4dc892edfb2ecdc1d1a72d5416c83670c30acecef0');
      await layout.pushReference(descriptor, manifest, 'v2');
      const envelope = fixture('notation-go/jws_signature.sig');
      await attachReferrer(layout, descriptor, {
        artifactType: NotationMediaType.signature,
        layerMediaType: NotationMediaType.jws,
        content: envelope,
      });
      // Its certificate is self-signed: trusting it is what notation's own test does.
      const certificate = new X509Certificate(
        Buffer.from((JSON.parse(envelope.toString('utf8')) as { header: { x5c: string[] } }).header.x5c[0] as string, 'base64'),
      );
      const result = await verifyNotation({
        target: layout,
        reference: 'v2',
        repository: 'local/alpine',
        trustPolicy: policyFor('local/alpine', {
          trustStores: ['ca:alpine'],
          trustedIdentities: ['x509.subject: C=US, ST=WA, L=Seattle, O=Notary, CN=alpine'],
        }),
        trustStore: notationMemoryTrustStore({ 'ca:alpine': certificate }),
      });
      assert.equal(result.verified, true, result.reasons.join('; '));
      assert.equal(result.signer?.signingAgent, 'Notation/1.0.0');
      assert.equal(result.signer?.algorithm, 'PS256');
      assert.deepEqual(result.signer?.signingTime, new Date('2023-03-14T08:10:02Z'));
    });

    it('verifies notation-go’s signatures as notation-go’s verifier tests expect', async () => {
      const trust = notationDirectoryTrustStore(join(fixtures, 'notation-go', 'truststore'));
      const document = parseNotationTrustPolicy(fixture('notation-go/dummy-oci-policy.json'));
      const policy = applicableNotationTrustPolicy(document, 'registry.acme-rockets.io/software/net-monitor');
      const descriptor: Descriptor = {
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        digest: 'sha256:60043cf45eaebc4c0867fea485a039b598f52fd09fd5b07b0b2d2f88fad9d74e',
        size: 528,
      };
      const levels = ['strict', 'permissive', 'audit'];
      const verify = (
        file: string,
        level: string,
        change: Partial<typeof policy> = {},
        target = descriptor,
        userMetadata?: Record<string, string>,
      ) =>
        verifyNotationEnvelope({
          envelope: fixture(`notation-go/${file}`),
          descriptor: target,
          policy: { ...policy, signatureVerification: { level }, ...change },
          trustStore: trust,
          ...(userMetadata ? { userMetadata } : {}),
        });

      for (const level of levels) {
        for (const file of ['ca_valid_sig_env.json', 'sa_valid_sig_env.json']) {
          const outcome = await verify(file, level);
          assert.equal(outcome.verified, true, `${file} ${level}: ${outcome.reason}`);
          assert.deepEqual(outcome.logged, [], `${file} ${level}`);
        }
        const invalid = await verify('ca_invalid_sig_env.json', level);
        assert.equal(invalid.verified, false);
        assert.deepEqual(
          invalid.results.map((r) => [r.type, r.action]),
          [['integrity', 'enforce']],
        );
        // notation-go's test expects this very message: the payload is padded base64.
        assert.equal(invalid.reason, 'signature is invalid. Error: illegal base64 data at input byte 242');
      }
      // Expiry: the message notation-go's TestNotationVerificationCombinations expects.
      for (const file of ['ca_expired_sig_env.json', 'sa_expired_sig_env.json']) {
        const strict = await verify(file, 'strict');
        assert.equal(strict.reason, 'digital signature has expired on "Fri, 29 Jul 2022 23:59:00 +0000"');
        const permissive = await verify(file, 'permissive');
        assert.equal(permissive.verified, true);
        assert.deepEqual(permissive.logged, [
          'expiry validation failed with validation action set to "logged". Failure reason: digital signature has expired on "Fri, 29 Jul 2022 23:59:00 +0000"',
        ]);
      }
      // Trusted identity failure, same message as notation-go's test.
      const stranger = await verify('ca_valid_sig_env.json', 'strict', {
        trustedIdentities: ['x509.subject:CN=LOL,O=DummyOrg,L=Hyderabad,ST=TG,C=IN'],
      });
      assert.equal(
        stranger.reason,
        'signing certificate from the digital signature does not match the X.509 trusted identities [map["C":"IN" "CN":"LOL" "L":"Hyderabad" "O":"DummyOrg" "ST":"TG"]] defined in the trust policy "test-statement-name"',
      );
      // Authenticity failure: a store without the signature's root.
      const untrustedStore = await verifyNotationEnvelope({
        envelope: fixture('notation-go/ca_valid_sig_env.json'),
        descriptor,
        policy: { ...policy, trustStores: ['ca:other'] },
        trustStore: notationMemoryTrustStore({ 'ca:other': root.certPem }),
      });
      assert.equal(untrustedStore.reason, "the signature's certificate chain does not contain any trusted certificate");
      // The signed descriptor must be the one verified.
      const wrongDigest = await verify('ca_valid_sig_env.json', 'strict', {}, { ...descriptor, digest: `sha256:${'0'.repeat(64)}` });
      assert.match(wrongDigest.reason ?? '', /^content descriptor mismatch: the signature is for sha256:60043cf4/);
      // A verification plugin and an unknown critical header: d2ci cannot do what they ask, so it fails.
      const plugin = await verify('ca_plugin_sig_env.json', 'permissive');
      assert.equal(plugin.verified, false);
      assert.equal(
        plugin.reason,
        'digital signature requires verification plugin "plugin-name", and d2ci does not run verification plugins',
      );
      // A self-signed certificate that expired in 2023, with user metadata in the payload.
      const metadataDescriptor: Descriptor = {
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        digest: 'sha256:5a07385af4e6b6af81b0ebfd435aedccdfa3507f0609c658209e1aba57159b2b',
        size: 942,
      };
      const selfSigned = parseNotationEnvelope(fixture('notation-go/sig_env_with_metadata.json')).certificates[0] as Buffer;
      const metadataPolicy = {
        ...policy,
        trustStores: ['ca:wabbit'],
        trustedIdentities: ['x509.subject: C=US, ST=WA, O=Notary, CN=wabbit-networks.io'],
      };
      const withMetadata = (level: string, userMetadata?: Record<string, string>) =>
        verifyNotationEnvelope({
          envelope: fixture('notation-go/sig_env_with_metadata.json'),
          descriptor: metadataDescriptor,
          policy: { ...metadataPolicy, signatureVerification: { level } },
          trustStore: notationMemoryTrustStore({ 'ca:wabbit': selfSigned }),
          ...(userMetadata ? { userMetadata } : {}),
        });
      const expiredStrict = await withMetadata('strict');
      assert.equal(
        expiredStrict.reason,
        'verification time is after certificate "CN=wabbit-networks.io,O=Notary,L=Seattle,ST=WA,C=US" validity period, it was expired at "Thu, 12 Jan 2023 00:52:12 +0000"',
      );
      const expiredPermissive = await withMetadata('permissive', { 'io.wabbit-networks.buildId': '123' });
      assert.equal(expiredPermissive.verified, true, expiredPermissive.reason);
      assert.deepEqual(expiredPermissive.payload?.targetArtifact.annotations, {
        'io.wabbit-networks.buildId': '123',
        'io.wabbit-networks.buildTime': '1672944615',
      });
      const wrongMetadata = await withMetadata('permissive', { 'io.wabbit-networks.buildId': '124' });
      assert.equal(wrongMetadata.verified, false);
    });
  });

  describe('plugin protocol', () => {
    let pluginDir: string;
    let requestLog: string;
    let pluginLeaf: Issued;
    let otherKey: string;

    before(() => {
      pluginDir = join(work, 'plugins');
      requestLog = join(work, 'plugin-requests.jsonl');
      pluginLeaf = ca.issue('plugin-leaf', '/C=US/ST=WA/O=d2ci Test/CN=key vault signer', 'EC-384', 'v3_leaf', intermediate);
      otherKey = ca.key('plugin-other', 'EC-384');
      mkdirSync(join(pluginDir, 'd2ci-test'), { recursive: true });
      const script = `#!${process.execPath}
// A fake Notation plugin (plugin-extensibility.md) that signs with a key file, for d2ci's tests.
const { readFileSync, appendFileSync } = require('node:fs');
const { sign, createPrivateKey } = require('node:crypto');
const command = process.argv[2];
const input = readFileSync(0, 'utf8');
const request = input ? JSON.parse(input) : {};
appendFileSync(${JSON.stringify(requestLog)}, JSON.stringify({ command, request }) + '\\n');
const mode = (request.pluginConfig || {}).mode || 'ok';
const reply = (value) => process.stdout.write(JSON.stringify(value));
const fail = (code, message) => { process.stderr.write(JSON.stringify({ errorCode: code, errorMessage: message, errorMetadata: { mode } })); process.exit(1); };
if (command === 'get-plugin-metadata') {
  reply({ name: 'd2ci-test', description: 'd2ci test plugin', version: '1.2.3', url: 'https://example.invalid/d2ci-test', supportedContractVersions: ['1.0'],
    capabilities: mode === 'envelope-only' ? ['SIGNATURE_GENERATOR.ENVELOPE'] : ['SIGNATURE_GENERATOR.RAW'] });
} else if (command === 'describe-key') {
  if (request.keyId !== 'vault-key-1') fail('VALIDATION_ERROR', 'unknown key ' + request.keyId);
  reply({ keyId: mode === 'wrong-key-id' ? 'another-key' : request.keyId, keySpec: 'EC-384' });
} else if (command === 'generate-signature') {
  if (mode === 'deny') fail('ACCESS_DENIED', 'the caller may not use vault-key-1');
  const keyFile = mode === 'wrong-key' ? ${JSON.stringify(otherKey)} : ${JSON.stringify(pluginLeaf.keyFile)};
  const signature = sign('sha384', Buffer.from(request.payload, 'base64'), { key: createPrivateKey(readFileSync(keyFile)), dsaEncoding: mode === 'der' ? 'der' : 'ieee-p1363' });
  const chain = [${JSON.stringify(pluginLeaf.certFile)}, ${JSON.stringify(intermediate.certFile)}, ${JSON.stringify(root.certFile)}]
    .map((file) => readFileSync(file, 'utf8').replace(/-----[^-]+-----|\\s+/g, ''));
  reply({ keyId: request.keyId, signature: signature.toString('base64'), signingAlgorithm: 'ECDSA-SHA-384', certificateChain: chain });
} else {
  fail('UNSUPPORTED', 'unknown command ' + command);
}
`;
      const executable = join(pluginDir, 'd2ci-test', 'notation-d2ci-test');
      writeFileSync(executable, script);
      chmodSync(executable, 0o755);
    });

    const requests = (): { command: string; request: Record<string, unknown> }[] =>
      readFileSync(requestLog, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { command: string; request: Record<string, unknown> });

    it('signs through a plugin’s describe-key and generate-signature, and the signature verifies', async () => {
      writeFileSync(requestLog, '');
      const pluginSigner = await createNotationPluginSigner({
        name: 'd2ci-test',
        pluginDirectory: pluginDir,
        keyId: 'vault-key-1',
        pluginConfig: { region: 'test' },
      });
      assert.equal(pluginSigner.keySpec, 'EC-384');
      assert.equal(pluginSigner.metadata.version, '1.2.3');
      const layout = freshLayout();
      const artifact = await pushSmallArtifact(layout, 'plugin');
      const signed = await signNotation(layout, artifact, { signer: pluginSigner });
      const log = requests();
      assert.deepEqual(
        log.map((r) => r.command),
        ['get-plugin-metadata', 'describe-key', 'generate-signature'],
      );
      assert.deepEqual(log[0]?.request, { pluginConfig: { region: 'test' } });
      assert.deepEqual(log[1]?.request, { contractVersion: '1.0', keyId: 'vault-key-1', pluginConfig: { region: 'test' } });
      const generate = log[2]?.request ?? {};
      assert.deepEqual(Object.keys(generate).sort(), ['contractVersion', 'hashAlgorithm', 'keyId', 'keySpec', 'payload', 'pluginConfig']);
      assert.equal(generate.keySpec, 'EC-384');
      assert.equal(generate.hashAlgorithm, 'SHA-384');
      const envelope = JSON.parse(signed.envelope.toString('utf8')) as {
        protected: string;
        payload: string;
        header: Record<string, unknown>;
      };
      // The plugin gets the JWS signing input, base64-encoded a second time.
      assert.equal(Buffer.from(generate.payload as string, 'base64').toString('ascii'), `${envelope.protected}.${envelope.payload}`);
      assert.equal(envelope.header['io.cncf.notary.signingAgent'], 'd2ci d2ci-test/1.2.3');
      assert.equal(parseNotationEnvelope(signed.envelope).protectedHeader.algorithm, 'ES384');
      const result = await verifyNotation({
        target: layout,
        reference: 'plugin',
        repository: 'local/plugin',
        trustPolicy: policyFor('local/plugin'),
        trustStore,
      });
      assert.equal(result.verified, true, result.reasons.join('; '));
      assert.equal(result.signer?.subject, 'CN=key vault signer,O=d2ci Test,ST=WA,C=US');

      // A key service that answers ECDSA in DER: converted to the JWS form.
      const derSigner = await createNotationPluginSigner({
        name: 'd2ci-test',
        pluginDirectory: pluginDir,
        keyId: 'vault-key-1',
        pluginConfig: { mode: 'der' },
      });
      const derSigned = await signNotation(layout, await pushSmallArtifact(layout, 'plugin-der'), { signer: derSigner });
      assert.equal(parseNotationEnvelope(derSigned.envelope).signature.length, 96);
      const derResult = await verifyNotation({
        target: layout,
        reference: 'plugin-der',
        repository: 'local/plugin',
        trustPolicy: policyFor('local/plugin'),
        trustStore,
      });
      assert.equal(derResult.verified, true, derResult.reasons.join('; '));
    });

    it('reports plugin errors and refuses what notation refuses', async () => {
      const subjectDescriptor = descriptorFor(MediaType.ociManifest, Buffer.from('{}'));
      const options = { name: 'd2ci-test', pluginDirectory: pluginDir, keyId: 'vault-key-1' };
      const denied = await createNotationPluginSigner({ ...options, pluginConfig: { mode: 'deny' } });
      await assert.rejects(
        createNotationEnvelope(subjectDescriptor, denied),
        (err: NotationPluginError) =>
          err instanceof NotationPluginError &&
          err.code === 'ACCESS_DENIED' &&
          err.message === 'the generate-signature command of plugin d2ci-test failed: ACCESS_DENIED: the caller may not use vault-key-1' &&
          err.metadata?.mode === 'deny',
      );
      await assert.rejects(createNotationPluginSigner({ ...options, keyId: 'missing-key' }), {
        code: 'VALIDATION_ERROR',
        message: 'the describe-key command of plugin d2ci-test failed: VALIDATION_ERROR: unknown key missing-key',
      });
      await assert.rejects(createNotationPluginSigner({ ...options, pluginConfig: { mode: 'wrong-key-id' } }), {
        message: 'keyID in describeKey response "another-key" does not match request "vault-key-1"',
      });
      await assert.rejects(
        createNotationPluginSigner({ ...options, pluginConfig: { mode: 'envelope-only' } }),
        /only generates whole signature envelopes \(SIGNATURE_GENERATOR.ENVELOPE\)/,
      );
      const wrongKey = await createNotationPluginSigner({ ...options, pluginConfig: { mode: 'wrong-key' } });
      await assert.rejects(createNotationEnvelope(subjectDescriptor, wrongKey), /generated signature failed verification/);
      await assert.rejects(
        createNotationPluginSigner({ ...options, name: 'absent' }),
        /plugin executable file is either not found or inaccessible/,
      );
      // A symlinked executable is not a plugin candidate (plugin-extensibility.md).
      mkdirSync(join(pluginDir, 'linked'), { recursive: true });
      symlinkSync(join(pluginDir, 'd2ci-test', 'notation-d2ci-test'), join(pluginDir, 'linked', 'notation-linked'));
      await assert.rejects(
        createNotationPluginSigner({ ...options, name: 'linked' }),
        /notation-linked is not a regular file \(symlinks are not supported\)/,
      );
      // The plugin's reported name must be its file's.
      mkdirSync(join(pluginDir, 'renamed'), { recursive: true });
      writeFileSync(join(pluginDir, 'renamed', 'notation-renamed'), readFileSync(join(pluginDir, 'd2ci-test', 'notation-d2ci-test')));
      chmodSync(join(pluginDir, 'renamed', 'notation-renamed'), 0o755);
      await assert.rejects(createNotationPluginSigner({ ...options, name: 'renamed' }), {
        message: 'plugin executable file name must be "notation-d2ci-test" instead of "notation-renamed"',
      });
    });
  });
});
