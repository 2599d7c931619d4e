// Notary Project (Notation) verification rejections: untrusted roots, expiry, hand-made envelopes, identities,
// policy selection and invalid policy documents with notation-go's messages, several signatures, user metadata,
// and trust stores.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  OciLayout,
  attachReferrer,
  signNotation,
  createNotationKeySigner,
  notationPayload,
  notationSignWithKey,
  parseNotationEnvelope,
  NotationMediaType,
  verifyNotation,
  verifyNotationEnvelope,
  parseNotationTrustPolicy,
  applicableNotationTrustPolicy,
  NotationPolicyError,
  notationDirectoryTrustStore,
  notationMemoryTrustStore,
  notationFluxTrustStore,
  type NotationKeySpec,
  type NotationSigner,
  type NotationTrustPolicyDocument,
  type NotationTrustStore,
} from '@d2ci/core';
import { TestCa, type Issued } from '../harness/ca.ts';
import { fixture, chainPem, pushSmallArtifact, identity, policyFor, subject, setUpNotationCa, fixtures } from './fixture.ts';

describe('Notary Project signatures', () => {
  let work: string;
  let ca: TestCa;
  let root: Issued;
  let intermediate: Issued;
  let leaf: Issued;
  let expiredLeaf: Issued;
  let otherRoot: Issued;
  let otherLeaf: Issued;
  let trustStore: NotationTrustStore;
  let signer: NotationSigner;
  let layoutCount = 0;
  const freshLayout = (): OciLayout => new OciLayout(join(work, `layout-${++layoutCount}`));

  before(async () => {
    ({ work, ca, root, intermediate, leaf, expiredLeaf, otherRoot, otherLeaf, trustStore, signer } = await setUpNotationCa());
  });
  after(() => rmSync(work, { recursive: true, force: true }));

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
});
