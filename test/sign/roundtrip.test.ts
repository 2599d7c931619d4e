import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import {
  OciLayout,
  signArtifact,
  verifyArtifact,
  legacySignatureTag,
  appendLegacySignature,
  simpleSigningPayload,
  CosignAnnotation,
  sigstoreBundleMediaType,
  type SignatureFormat,
  type Target,
  type Verification,
  type VerifyFormat,
} from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startSigstore, type LocalSigstore } from '../harness/sigstore.ts';
import { makeWorkspace } from '../harness/workspace.ts';
import {
  blobBytes,
  bundleOf,
  githubIssuerUrl,
  keyless,
  keylessVerification,
  manifestAt,
  pushFresh,
  remote,
  workflowIdentity,
} from './helpers.ts';

describe('keyless signing round trips (pushArtifact + signArtifact → verifyArtifact)', () => {
  let registry: LocalRegistry;
  let sigstore: LocalSigstore;
  let verification: Verification;

  before(async () => {
    [registry, sigstore] = await Promise.all([startRegistry('none'), startSigstore()]);
    verification = await keylessVerification(sigstore);
  });
  after(async () => {
    await sigstore.close();
    await registry.stop();
  });

  const targets: [string, () => Target][] = [
    ['a registry', () => remote(registry.host, 'acme/roundtrip')],
    ['an OCI layout', () => new OciLayout(join(makeWorkspace({}), 'layout'))],
  ];
  // Which verify formats find a good signature for each signing format.
  const expectations: Record<SignatureFormat, Record<VerifyFormat, 'legacy' | 'bundle' | undefined>> = {
    legacy: { auto: 'legacy', legacy: 'legacy', bundle: undefined },
    bundle: { auto: 'bundle', legacy: undefined, bundle: 'bundle' },
    both: { auto: 'bundle', legacy: 'legacy', bundle: 'bundle' },
  };

  for (const [where, open] of targets) {
    for (const format of ['legacy', 'bundle', 'both'] as const) {
      it(`signs "${format}" in ${where} before tagging, and verifies with auto/legacy/bundle`, async () => {
        const target = open();
        const pushed = await pushFresh(target, { tags: ['latest', 'v1'], sign: { identity: keyless(sigstore), format } });
        const digest = pushed.descriptor.digest;
        assert.deepEqual(pushed.events, [`sign ${digest}`]);
        assert.deepEqual(pushed.tags.map((t) => t.tag).sort(), ['latest', 'v1']);
        assert.equal((await target.resolve('latest')).digest, digest);

        const signed = pushed.signed;
        assert.ok(signed);
        assert.equal(signed.identity, workflowIdentity);
        assert.match(signed.rekorLogIndex ?? '', /^\d+$/);
        if (format === 'bundle') {
          assert.equal(signed.legacyTag, undefined);
          assert.equal(signed.signatureRef, `${target.name}@${signed.referrer?.digest}`);
        } else {
          assert.equal(signed.legacyTag, legacySignatureTag(digest));
          assert.equal(signed.legacyTag, `sha256-${digest.slice('sha256:'.length)}.sig`);
          assert.equal(signed.signatureRef, `${target.name}:${signed.legacyTag}`);
        }
        if (format === 'legacy') assert.equal(signed.referrer, undefined);
        else assert.equal(signed.referrer?.artifactType, sigstoreBundleMediaType);

        for (const verifyFormat of ['auto', 'legacy', 'bundle'] as const) {
          const expected = expectations[format][verifyFormat];
          // A bundle alone is what Flux 2.8+ reads; 2.6/2.7 read only the legacy .sig (checked below with `all`).
          const fluxVersion = format === 'bundle' ? '2.8' : 'all';
          const result = await verifyArtifact({ target, reference: 'v1', verification, format: verifyFormat, fluxVersion });
          assert.equal(result.descriptor.digest, digest);
          assert.equal(
            result.annotations['org.opencontainers.image.revision'],
            'refs/heads/main@sha1:0123456789abcdef0123456789abcdef01234567',
          );
          if (expected) {
            assert.equal(result.verified, true, `${format} → ${verifyFormat}: ${result.reasons.join('; ')}`);
            assert.equal(result.format, expected);
            assert.equal(result.identity, workflowIdentity);
            assert.equal(result.issuer, githubIssuerUrl);
            assert.deepEqual(result.reasons, []);
            assert.equal(result.signaturesChecked, format === 'both' && verifyFormat === 'auto' ? 2 : 1);
          } else {
            assert.equal(result.verified, false, `${format} must not verify as ${verifyFormat}`);
            assert.deepEqual(result.reasons, [`no ${verifyFormat} signature found for ${digest}`]);
            assert.equal(result.signaturesChecked, 0);
          }
        }
        // By default verify answers for every Flux version 2.6–2.9, as the clusters' own code would.
        const everyFlux = await verifyArtifact({ target, reference: 'v1', verification });
        assert.deepEqual(
          everyFlux.flux.map((v) => `${v.version}:${v.accepted ? 'accepts' : 'rejects'}:${v.reads}`),
          format === 'bundle'
            ? ['2.6:rejects:legacy', '2.7:rejects:legacy', '2.8:accepts:bundles', '2.9:accepts:bundles']
            : ['2.6', '2.7']
                .map((v) => `${v}:accepts:legacy`)
                .concat(['2.8', '2.9'].map((v) => `${v}:accepts:${format === 'both' ? 'bundles' : 'legacy'}`)),
        );
        assert.equal(everyFlux.verified, format !== 'bundle');
        if (format === 'bundle') {
          assert.deepEqual(everyFlux.reasons, [
            'Flux 2.6 and 2.7 would reject it: it reads only the legacy .sig signature, and there is none',
          ]);
        }
        // Flux compatibility notes: a bundle-only artifact is invisible to Flux 2.6/2.7.
        const auto = await verifyArtifact({ target, reference: digest, verification, fluxVersion: 'none' });
        if (format === 'bundle')
          assert.deepEqual(auto.warnings, [
            'only a Sigstore bundle verifies: Flux 2.6 and 2.7 read only legacy .sig signatures and would reject this artifact',
          ]);
        else assert.deepEqual(auto.warnings, []);
      });
    }
  }

  it('shares one certificate between the legacy signature and the bundle of a "both" signing', async () => {
    const target = remote(registry.host, 'acme/both');
    const pushed = await pushFresh(target, { sign: { identity: keyless(sigstore), format: 'both' } });
    const sig = await manifestAt(target, legacySignatureTag(pushed.descriptor.digest));
    const legacyPem = sig.manifest.layers[0]?.annotations?.[CosignAnnotation.certificate] ?? '';
    const { json } = await bundleOf(target, pushed.descriptor);
    const material = json.verificationMaterial as { certificate?: { rawBytes: string } };
    assert.ok(material.certificate, 'a v0.3 bundle carries the leaf certificate alone');
    const fromBundle = new X509Certificate(Buffer.from(material.certificate.rawBytes, 'base64'));
    assert.equal(new X509Certificate(legacyPem).fingerprint256, fromBundle.fingerprint256);
    assert.equal(json.mediaType, sigstoreBundleMediaType);
  });

  it('asks for one Fulcio certificate per signing, with audience "sigstore"', async () => {
    const target = remote(registry.host, 'acme/fulcio-once');
    const before = sigstore.requests.filter((r) => r === 'POST /api/v2/signingCert').length;
    const audiences = sigstore.audiences.length;
    await pushFresh(target, { sign: { identity: keyless(sigstore), format: 'both' } });
    assert.equal(sigstore.requests.filter((r) => r === 'POST /api/v2/signingCert').length - before, 1);
    assert.deepEqual(sigstore.audiences.slice(audiences), ['sigstore']);
  });

  it('appends a second signature layer when re-signing, and both verify', async () => {
    const target = remote(registry.host, 'acme/resign');
    const pushed = await pushFresh(target, { sign: { identity: keyless(sigstore), format: 'legacy' } });
    const tag = legacySignatureTag(pushed.descriptor.digest);
    const first = await manifestAt(target, tag);
    assert.equal(first.manifest.layers.length, 1);

    // Sign the same digest again (a re-run of the workflow): cosign appends a layer.
    await signArtifact(target, pushed.descriptor, { identity: keyless(sigstore), format: 'legacy', repository: target.name });
    const second = await manifestAt(target, tag);
    assert.equal(second.manifest.layers.length, 2);
    assert.deepEqual(second.manifest.layers[0], first.manifest.layers[0], 'the first signature is kept as it was');
    assert.notEqual(
      second.manifest.layers[1]?.annotations?.[CosignAnnotation.signature],
      first.manifest.layers[0]?.annotations?.[CosignAnnotation.signature],
    );
    // Same payload (same digest, same repository), so both layers share one blob.
    assert.equal(second.manifest.layers[0]?.digest, second.manifest.layers[1]?.digest);
    // The config lists one diff ID per layer, as go-containerregistry writes it.
    const config = JSON.parse((await blobBytes(target, second.manifest.config)).toString('utf8')) as {
      rootfs: { diff_ids: string[] };
      history: unknown[];
    };
    assert.deepEqual(
      config.rootfs.diff_ids,
      second.manifest.layers.map((l) => l.digest),
    );
    assert.equal(config.history.length, 2);

    const result = await verifyArtifact({ target, reference: pushed.descriptor.digest, verification, format: 'legacy' });
    assert.equal(result.verified, true, result.reasons.join('; '));
    assert.equal(result.signaturesChecked, 2);
  });

  it('does not duplicate an identical signature layer', async () => {
    const target = remote(registry.host, 'acme/dedupe');
    const pushed = await pushFresh(target, { sign: { identity: keyless(sigstore), format: 'legacy' } });
    const tag = legacySignatureTag(pushed.descriptor.digest);
    const before = await manifestAt(target, tag);
    const layer = before.manifest.layers[0];
    assert.ok(layer?.annotations);
    const payload = await blobBytes(target, layer);
    assert.deepEqual(payload, simpleSigningPayload(target.name, pushed.descriptor.digest));

    const again = await appendLegacySignature(target, pushed.descriptor.digest, payload, layer.annotations);
    assert.equal(again.signatures, 1);
    assert.equal(again.tag, tag);
    const after = await manifestAt(target, tag);
    assert.equal(after.manifest.layers.length, 1);
    assert.equal(after.descriptor.digest, before.descriptor.digest, 'the .sig manifest is byte-identical');

    // The same payload with another signature is a new signature, and is appended.
    const other = { ...layer.annotations, [CosignAnnotation.signature]: Buffer.from('another signature').toString('base64') };
    assert.equal((await appendLegacySignature(target, pushed.descriptor.digest, payload, other)).signatures, 2);
    assert.equal((await manifestAt(target, tag)).manifest.layers.length, 2);
  });

  it('signs extra claims into the payload and the statement', async () => {
    const target = remote(registry.host, 'acme/claims');
    const claims = { 'run-id': '42', commit: 'abc' };
    const pushed = await pushFresh(target, { sign: { identity: keyless(sigstore), format: 'both', claims } });
    const sig = await manifestAt(target, legacySignatureTag(pushed.descriptor.digest));
    const payload = await blobBytes(target, sig.manifest.layers[0] as (typeof sig.manifest.layers)[number]);
    assert.deepEqual((JSON.parse(payload.toString('utf8')) as { optional: unknown }).optional, { commit: 'abc', 'run-id': '42' });
    const { json } = await bundleOf(target, pushed.descriptor);
    const envelope = (json as { dsseEnvelope: { payload: string; payloadType: string } }).dsseEnvelope;
    assert.equal(envelope.payloadType, 'application/vnd.in-toto+json');
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as {
      subject: { digest: { sha256: string }; annotations: Record<string, string> }[];
      predicateType: string;
    };
    assert.deepEqual(statement.subject, [
      { digest: { sha256: pushed.descriptor.digest.slice(7) }, annotations: { commit: 'abc', 'run-id': '42' } },
    ]);
    assert.equal(statement.predicateType, 'https://sigstore.dev/cosign/sign/v1');
    const result = await verifyArtifact({ target, reference: 'latest', verification });
    assert.equal(result.verified, true, result.reasons.join('; '));
  });

  // cosign verify -a: every wanted key with exactly its value, in the format that verifies (both formats each).
  for (const format of ['legacy', 'bundle'] as const) {
    it(`checks signature annotations as cosign verify -a does (${format})`, async () => {
      const target = remote(registry.host, `acme/claims-${format}`);
      const pushed = await pushFresh(target, { sign: { identity: keyless(sigstore), format, claims: { env: 'prod', team: 'a' } } });
      const check = (signatureAnnotations: Record<string, string>) =>
        verifyArtifact({ target, reference: pushed.descriptor.digest, verification, format, signatureAnnotations });
      const good = await check({ env: 'prod' });
      assert.equal(good.verified, true, good.reasons.join('; '));
      assert.equal(good.format, format);
      assert.equal((await check({ env: 'prod', team: 'a' })).verified, true);
      const wrong = await check({ env: 'staging' });
      assert.equal(wrong.verified, false);
      assert.match(
        wrong.reasons.join('\n'),
        new RegExp(`${format} signature: missing or incorrect signature annotation: wanted env="staging", the signature has env="prod"`),
      );
      const missing = await check({ env: 'prod', region: 'eu' });
      assert.equal(missing.verified, false);
      assert.match(missing.reasons.join('\n'), /wanted region="eu", the signature has no region/);
    });
  }

  it('refuses signature annotations on a signature that has none, though Flux (no annotation check) accepts it', async () => {
    const target = remote(registry.host, 'acme/claims-none');
    const pushed = await pushFresh(target, { sign: { identity: keyless(sigstore), format: 'legacy' } });
    const result = await verifyArtifact({
      target,
      reference: pushed.descriptor.digest,
      verification,
      signatureAnnotations: { env: 'prod' },
    });
    assert.equal(result.verified, false);
    assert.match(
      result.reasons.join('\n'),
      /legacy signature: missing or incorrect signature annotation: wanted env="prod", the signature has no env/,
    );
    assert.ok(result.flux.length > 0 && result.flux.every((v) => v.accepted), 'Flux verdicts ignore signature annotations');
  });
});
