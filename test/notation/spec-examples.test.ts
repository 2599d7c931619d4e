// The Notary Project specification's published examples and notation-go's test signatures, read and verified.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  OciLayout,
  MediaType,
  attachReferrer,
  descriptorFor,
  signNotation,
  parseNotationEnvelope,
  decodeNotationProtectedHeader,
  parseNotationPayload,
  NotationMediaType,
  NotationAnnotation,
  verifyNotation,
  verifyNotationEnvelope,
  parseNotationTrustPolicy,
  applicableNotationTrustPolicy,
  notationDirectoryTrustStore,
  notationMemoryTrustStore,
  type Descriptor,
  type NotationSigner,
} from '@d2ci/core';
import type { Issued } from '../harness/ca.ts';
import { fixture, fixtures, specExample, pushSmallArtifact, signatureManifest, policyFor, setUpNotationCa } from './fixture.ts';

describe('Notary Project signatures', () => {
  let work: string;
  let root: Issued;
  let signer: NotationSigner;
  let layoutCount = 0;
  const freshLayout = (): OciLayout => new OciLayout(join(work, `layout-${++layoutCount}`));

  before(async () => {
    ({ work, root, signer } = await setUpNotationCa());
  });
  after(() => rmSync(work, { recursive: true, force: true }));

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
});
