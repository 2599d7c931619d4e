import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  MediaType,
  ReleaseSelfCheckError,
  attestDocument,
  descriptorFor,
  parseReleaseTag,
  predicateTypes,
  presentSignatureFormats,
  referrersTag,
  releaseArtifact,
  signArtifact,
  signInPresentFormats,
  unionFormat,
  verifyArtifact,
  type Descriptor,
  type ImageIndex,
  type SignatureFormat,
  type Target,
  type Verification,
} from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startSigstore, githubClaims, type LocalSigstore } from '../harness/sigstore.ts';
import { keyless, keylessVerification, pushFresh, remote, workflowIdentity } from './helpers.ts';

// Flux 2.6/2.7 read only the legacy .sig; Flux 2.8/2.9 read only the Sigstore bundles once any is attached
// (source-controller internal/oci/cosign/cosign.go). A release re-signing a staging digest must therefore write
// every format the digest already carries, or one Flux version sees only the staging identity's signatures.

const releaseRef = 'refs/tags/v1.0.0';
const releaseIdentity = `https://github.com/acme/fleet/.github/workflows/release-artifact.yaml@${releaseRef}`;
const sha = '0123456789abcdef0123456789abcdef01234567';

describe('signing in every format a digest already carries (a release every Flux version accepts)', () => {
  let registry: LocalRegistry;
  let sigstore: LocalSigstore;
  let staging: Verification;
  let production: Verification;
  let n = 0;
  before(async () => {
    [registry, sigstore] = await Promise.all([startRegistry('none'), startSigstore()]);
    [staging, production] = await Promise.all([
      keylessVerification(sigstore),
      keylessVerification(sigstore, { identity: releaseIdentity }),
    ]);
  });
  after(async () => {
    await sigstore.close();
    await registry.stop();
  });

  const fresh = (): Target => remote(registry.host, `acme/present-${++n}`);
  /** The push workflow on main (the stand-in's Fulcio names the signer by the token's job_workflow_ref). */
  const asStaging = (): void => {
    sigstore.claims = githubClaims();
  };
  const asRelease = (): void => {
    const job = `acme/fleet/.github/workflows/release-artifact.yaml@${releaseRef}`;
    sigstore.claims = githubClaims({ ref: releaseRef, job_workflow_ref: job, workflow_ref: job });
  };
  async function stagingPush(target: Target, format: SignatureFormat): Promise<Descriptor> {
    asStaging();
    return (await pushFresh(target, { sign: { identity: keyless(sigstore), format }, revision: `refs/heads/main@sha1:${sha}` })).descriptor;
  }
  async function stagingAttestation(target: Target, subject: Descriptor): Promise<void> {
    asStaging();
    await attestDocument(target, subject, {
      identity: keyless(sigstore),
      predicateType: predicateTypes.openvex,
      predicate: { '@context': 'https://openvex.dev/ns/v0.2.0', statements: [] },
    });
  }
  /** Rewrites the tag-schema index as cosign v3.0.x (go-containerregistry ≤ v0.21.3) writes it: artifactType = the config's. */
  async function cosign30Index(target: Target, subject: Descriptor): Promise<void> {
    const tag = referrersTag(subject.digest);
    const index = JSON.parse((await target.fetchManifest(tag)).bytes.toString('utf8')) as ImageIndex;
    for (const entry of index.manifests) entry.artifactType = MediaType.ociEmpty;
    const bytes = Buffer.from(JSON.stringify(index));
    await target.pushReference(descriptorFor(MediaType.ociIndex, bytes), bytes, tag);
  }
  /** Every Flux version, and each one alone, accepts the digest as signed by the release identity. */
  async function everyFluxAccepts(target: Target, digest: string): Promise<void> {
    for (const fluxVersion of ['2.6', '2.7', '2.8', '2.9', 'all'] as const) {
      const result = await verifyArtifact({ target, reference: digest, verification: production, fluxVersion });
      assert.equal(result.verified, true, `Flux ${fluxVersion}: ${result.reasons.join('; ')}`);
      assert.equal(result.identity, releaseIdentity);
    }
  }
  async function promote(target: Target, format: SignatureFormat = 'legacy') {
    asRelease();
    return releaseArtifact({
      mode: 'promote',
      target,
      release: parseReleaseTag('v1.0.0'),
      commit: sha,
      verification: staging,
      signing: { identity: keyless(sigstore), format },
    });
  }

  it('a promote whose staging signature does not verify writes nothing, though it read the .sig it would append to', async () => {
    const target = fresh();
    const subject = await stagingPush(target, 'legacy');
    const calls: string[] = [];
    const watched: Target = new Proxy(target, {
      get(object, property) {
        const value: unknown = Reflect.get(object, property, object);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(String(property));
          return (value as (...a: unknown[]) => unknown).apply(object, args);
        };
      },
    });
    asRelease();
    await assert.rejects(
      releaseArtifact({
        mode: 'promote',
        target: watched,
        release: parseReleaseTag('v1.0.0'),
        commit: sha,
        verification: production, // staging signed as the push workflow: this policy wants the release workflow
        signing: { identity: keyless(sigstore), format: 'legacy' },
      }),
      /is not verified, so it is not promoted/,
    );
    await new Promise((resolve) => setTimeout(resolve, 50)); // anything started ahead has had its chance to write
    assert.ok(calls.includes('fetchManifest') && calls.includes('exists'), `read ahead: ${calls.join(', ')}`);
    assert.deepEqual(
      calls.filter((c) => ['push', 'pushReference', 'mount', 'tag', 'delete'].includes(c)),
      [],
      'no write at all',
    );
    assert.equal((await presentSignatureFormats(target, subject)).legacy, true);
  });

  it('detects each format by what is stored, and widens the requested format to the union', async () => {
    const target = fresh();
    asStaging();
    const subject = (await pushFresh(target)).descriptor;
    assert.deepEqual(await presentSignatureFormats(target, subject), { legacy: false, bundles: [] });
    await signArtifact(target, subject, { identity: keyless(sigstore), format: 'legacy', repository: target.name });
    assert.deepEqual(await presentSignatureFormats(target, subject), { legacy: true, bundles: [] });
    await stagingAttestation(target, subject);
    const present = await presentSignatureFormats(target, subject);
    assert.equal(present.legacy, true);
    assert.equal(present.bundles.length, 1, 'an attestation is a bundle to Flux 2.8+');

    const none = { legacy: false, bundles: [] };
    const cases: [SignatureFormat, { legacy: boolean; bundles: Descriptor[] }, SignatureFormat][] = [
      ['legacy', none, 'legacy'],
      ['bundle', none, 'bundle'],
      ['both', none, 'both'],
      ['legacy', { legacy: true, bundles: [] }, 'legacy'],
      ['legacy', { legacy: false, bundles: present.bundles }, 'both'],
      ['bundle', { legacy: true, bundles: [] }, 'both'],
      ['bundle', { legacy: false, bundles: present.bundles }, 'bundle'],
    ];
    for (const [requested, carried, expected] of cases)
      assert.equal(
        unionFormat(requested, carried),
        expected,
        `${requested} with ${JSON.stringify({ legacy: carried.legacy, bundles: carried.bundles.length })}`,
      );
  });

  it('finds a bundle cosign v3.0.x listed with the empty config artifactType, and signs a bundle next to it', async () => {
    const target = fresh();
    const subject = await stagingPush(target, 'bundle');
    await cosign30Index(target, subject);
    const listed = await target.referrers(subject);
    assert.deepEqual(
      listed.map((r) => r.artifactType),
      [MediaType.ociEmpty],
      'the listing no longer says "bundle"',
    );
    const present = await presentSignatureFormats(target, subject);
    assert.deepEqual(
      present.bundles.map((b) => b.digest),
      listed.map((r) => r.digest),
    );

    // `d2ci sign` (legacy requested) on it: the bundle is added, so Flux 2.8+ reads one by this identity.
    asRelease();
    const signed = await signInPresentFormats(target, subject, { identity: keyless(sigstore), format: 'legacy', repository: target.name });
    assert.deepEqual([signed.requested, signed.formats, signed.added], ['legacy', ['legacy', 'bundle'], ['bundle']]);
    await everyFluxAccepts(target, subject.digest);
  });

  it('promotes a staging digest signed "both": the release adds its own bundle, and every Flux version accepts it', async () => {
    const target = fresh();
    const subject = await stagingPush(target, 'both');
    const result = await promote(target);
    assert.equal(result.action, 'promoted');
    assert.deepEqual(result.signature?.formats, ['legacy', 'bundle']);
    assert.deepEqual(result.signature?.added, ['bundle']);
    assert.equal(result.signature?.identity, releaseIdentity);
    assert.equal(result.signature?.issuer, 'https://token.actions.githubusercontent.com', "the self-check pins the certificate's issuer");
    assert.ok(
      result.notes.includes(
        'also signed as a Sigstore bundle because the staging digest carries one (Flux 2.8+ reads only bundles when any exist)',
      ),
      result.notes.join('\n'),
    );
    assert.ok(result.notes.includes(`release signature verified as Flux 2.6–2.9 read it: ${releaseIdentity}`), result.notes.join('\n'));
    // The release identity's own bundle is among the referrers.
    const bundle = await verifyArtifact({ target, reference: subject.digest, verification: production, format: 'bundle' });
    assert.equal(bundle.verified, true, bundle.reasons.join('; '));
    assert.equal(bundle.format, 'bundle');
    await everyFluxAccepts(target, subject.digest);
    assert.equal((await target.resolve('latest-stable')).digest, subject.digest);
  });

  it('promotes a bundle-only staging digest with signature-format bundle: checked as Flux 2.8 and 2.9, which read it', async () => {
    const target = fresh();
    const subject = await stagingPush(target, 'bundle');
    const result = await promote(target, 'bundle');
    assert.equal(result.action, 'promoted');
    assert.deepEqual(result.signature?.formats, ['bundle']);
    assert.ok(
      result.notes.includes(
        `release signature verified as Flux 2.8 and 2.9 read it (a bundle only, which Flux 2.6 and 2.7 do not read): ${releaseIdentity}`,
      ),
      result.notes.join('\n'),
    );
    assert.equal((await target.resolve('latest-stable')).digest, subject.digest);
  });

  it('promotes a legacy-signed staging digest carrying an attestation (a bundle to Flux 2.8+)', async () => {
    const target = fresh();
    const subject = await stagingPush(target, 'legacy');
    await stagingAttestation(target, subject);
    // Before the release: Flux 2.8+ reads only the attestation bundle, by the staging identity.
    const before = await verifyArtifact({ target, reference: subject.digest, verification: production, fluxVersion: '2.8' });
    assert.equal(before.verified, false);
    const result = await promote(target);
    assert.deepEqual(result.signature?.formats, ['legacy', 'bundle']);
    await everyFluxAccepts(target, subject.digest);
  });

  it('promotes a bundle-only staging digest (cosign v3 default) with the cosign v3.0.x index form, adding a bundle', async () => {
    const target = fresh();
    const subject = await stagingPush(target, 'bundle');
    await cosign30Index(target, subject);
    // The staging check asks "did the push workflow sign it" (cosign's rules): a bundle alone is enough there.
    const result = await promote(target);
    assert.ok(result.notes.includes(`staging signature verified: ${workflowIdentity}`), result.notes.join('\n'));
    assert.deepEqual(result.signature?.formats, ['legacy', 'bundle']);
    await everyFluxAccepts(target, subject.digest);
  });

  it('moves no tag when the written signature would not satisfy every Flux version (a bundle the detection missed)', async () => {
    const inner = fresh();
    const subject = await stagingPush(inner, 'both');
    // A target whose listings miss the staging bundle until the release writes something (as if the bundle had been
    // attached right after the release looked).
    let written = false;
    const target: Target = new Proxy(inner, {
      get(object, property, receiver) {
        if (property === 'referrers') return async (descriptor: Descriptor) => (written ? inner.referrers(descriptor) : []);
        if (property === 'push' || property === 'pushReference') written = true;
        const value: unknown = Reflect.get(object, property, receiver);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
      },
    });
    await assert.rejects(promote(target), (err: unknown) => {
      assert.ok(err instanceof ReleaseSelfCheckError);
      assert.equal(err.code, 'RELEASE_SELF_CHECK_FAILED');
      assert.match(
        err.message,
        /^the release signature on sha256:[0-9a-f]{64} was written, but verifying it as production would failed, so no tag was moved: Flux 2\.8 and 2\.9 would reject it: it reads only the Sigstore bundles once any is attached/,
      );
      return true;
    });
    assert.deepEqual(
      (await inner.tags()).filter((t) => t === 'v1.0.0' || t === 'latest-stable'),
      [],
    );
    assert.equal((await inner.resolve('latest')).digest, subject.digest);
  });
});
