// Notary Project (Notation) signing and verification round trips on an OCI image layout and on a real registry
// (Debian's docker-registry, which has no referrers API), with a certificate authority made here with openssl.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  OciLayout,
  RegistryClient,
  MediaType,
  attachReferrer,
  readAll,
  referrersTag,
  signNotation,
  createNotationEnvelope,
  notationPayload,
  NotationMediaType,
  NotationAnnotation,
  verifyNotation,
  notationMemoryTrustStore,
  type Descriptor,
  type NotationSigner,
  type NotationTrustStore,
} from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import type { Issued } from '../harness/ca.ts';
import { sha256Hex, pushSmallArtifact, signatureManifest, notationGoLayoutSignatures, policyFor, setUpNotationCa } from './fixture.ts';

describe('Notary Project signatures', () => {
  let work: string;
  let root: Issued;
  let intermediate: Issued;
  let leaf: Issued;
  let trustStore: NotationTrustStore;
  let signer: NotationSigner;
  let layoutCount = 0;
  const freshLayout = (): OciLayout => new OciLayout(join(work, `layout-${++layoutCount}`));

  before(async () => {
    ({ work, root, intermediate, leaf, trustStore, signer } = await setUpNotationCa());
  });
  after(() => rmSync(work, { recursive: true, force: true }));

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
});
