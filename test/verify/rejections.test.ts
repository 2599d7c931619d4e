import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import {
  MemoryStore,
  signArtifact,
  verifyArtifact,
  appendLegacySignature,
  attachReferrer,
  legacySignatureTag,
  sigstoreBundleMediaType,
  CosignAnnotation,
  type Descriptor,
  type SignatureFormat,
  type SigningIdentity,
  type Target,
  type Verification,
  type VerifyFormat,
  type VerifyResult,
} from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { githubClaims, startSigstore, type LocalSigstore } from '../harness/sigstore.ts';
import { blobBytes, bundleOf, keyless, keylessVerification, manifestAt, pushFresh, remote, workflowIdentity } from '../sign/helpers.ts';

interface Signature {
  legacy?: { payload: Buffer; annotations: Record<string, string> };
  /** The bundle as JSON (what a referrer's layer holds). */
  bundle?: BundleJson;
}

interface BundleJson {
  mediaType: string;
  verificationMaterial: { certificate?: { rawBytes: string }; tlogEntries?: { inclusionPromise: { signedEntryTimestamp: string } }[] };
  dsseEnvelope: { payload: string; payloadType: string; signatures: { sig: string }[] };
}

/** Signs `subject` into a scratch store (not the registry) so the pieces can be taken apart and attached by hand. */
async function signElsewhere(
  subject: Descriptor,
  identity: SigningIdentity,
  repository: string,
  format: SignatureFormat = 'both',
): Promise<Signature> {
  const scratch = new MemoryStore();
  await signArtifact(scratch, subject, { identity, format, repository });
  const out: Signature = {};
  if (format !== 'bundle') {
    const sig = await manifestAt(scratch, legacySignatureTag(subject.digest));
    const layer = sig.manifest.layers[0];
    assert.ok(layer?.annotations);
    out.legacy = { payload: await blobBytes(scratch, layer), annotations: { ...layer.annotations } };
  }
  if (format !== 'legacy') out.bundle = (await bundleOf(scratch, subject)).json as unknown as BundleJson;
  return out;
}

/** Attaches signature pieces to an artifact, with cosign's layouts (`.sig` tag, bundle referrer). */
async function attach(target: Target, subject: Descriptor, signature: Signature): Promise<void> {
  if (signature.legacy) await appendLegacySignature(target, subject.digest, signature.legacy.payload, signature.legacy.annotations);
  if (signature.bundle)
    await attachReferrer(target, subject, {
      artifactType: sigstoreBundleMediaType,
      content: Buffer.from(JSON.stringify(signature.bundle)),
    });
}

function flipByte(base64: string, at = 12): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

/** Not verified, nothing claimed, and exactly these reasons (strings exactly, regexps by match), in order. */
function assertRejected(result: VerifyResult, reasons: (string | RegExp)[]): void {
  assert.equal(result.verified, false, 'must not verify');
  assert.equal(result.format, undefined);
  assert.equal(result.identity, undefined);
  assert.equal(result.reasons.length, reasons.length, `reasons: ${JSON.stringify(result.reasons)}`);
  reasons.forEach((expected, i) => {
    if (typeof expected === 'string') assert.equal(result.reasons[i], expected);
    else assert.match(result.reasons[i] ?? '', expected);
  });
}

describe('verifyArtifact rejects what cosign and Flux reject, saying why', () => {
  let registry: LocalRegistry;
  let sigstore: LocalSigstore;
  /** Another Sigstore with its own CA and logs. */
  let stranger: LocalSigstore;
  /** A Sigstore whose Rekor clock runs 20 minutes ahead: certificates (10 minutes) have expired when logged. */
  let late: LocalSigstore;
  let verification: Verification;
  let repos = 0;

  before(async () => {
    [registry, sigstore, stranger, late] = await Promise.all([
      startRegistry('none'),
      startSigstore(),
      startSigstore(),
      startSigstore({ tlogClockOffsetMs: 20 * 60_000 }),
    ]);
    verification = await keylessVerification(sigstore);
  });
  after(async () => {
    await Promise.all([sigstore.close(), stranger.close(), late.close()]);
    await registry.stop();
  });

  const fresh = async (): Promise<{ target: Target; subject: Descriptor }> => {
    const target = remote(registry.host, `acme/reject-${++repos}`);
    return { target, subject: (await pushFresh(target)).descriptor };
  };
  const verify = (
    target: Target,
    format: VerifyFormat = 'auto',
    v: Verification = verification,
    reference = 'latest',
  ): Promise<VerifyResult> => verifyArtifact({ target, reference, verification: v, format });

  it('rejects an unsigned artifact: no signature found', async () => {
    const { target, subject } = await fresh();
    assertRejected(await verify(target), [`no signature found for ${subject.digest}`]);
    assertRejected(await verify(target, 'legacy'), [`no legacy signature found for ${subject.digest}`]);
    assertRejected(await verify(target, 'bundle'), [`no bundle signature found for ${subject.digest}`]);
    assert.equal((await verify(target)).signaturesChecked, 0);
  });

  it('rejects a signature by another workflow identity (a feature branch)', async () => {
    const { target, subject } = await fresh();
    const saved = { ...sigstore.claims };
    Object.assign(sigstore.claims, githubClaims({ ref: 'refs/heads/feature' }));
    try {
      await attach(target, subject, await signElsewhere(subject, keyless(sigstore), target.name));
    } finally {
      Object.assign(sigstore.claims, saved);
    }
    const feature = 'https://github.com/acme/fleet/.github/workflows/push-artifact.yaml@refs/heads/feature';
    assertRejected(await verify(target), [
      `bundle signature: signed by ${feature}, expected identity ${workflowIdentity}`,
      `legacy signature: signed by ${feature}, expected identity ${workflowIdentity}`,
    ]);
    const anchored = '^https://github\\.com/acme/fleet/\\.github/workflows/push-artifact\\.yaml@refs/heads/main$';
    assertRejected(await verify(target, 'legacy', await keylessVerification(sigstore, { identityRegexp: anchored })), [
      `legacy signature: signed by ${feature}, expected identity matching ${anchored}`,
    ]);
    // The same signatures pass a policy that names the feature branch: the rejection was the identity alone.
    const ok = await verify(target, 'auto', await keylessVerification(sigstore, { identity: feature }));
    assert.equal(ok.verified, true, ok.reasons.join('; '));
    assert.equal(ok.identity, feature);
  });

  it('rejects a signature from another OIDC issuer, and one checked against another expected issuer', async () => {
    const { target, subject } = await fresh();
    const saved = { ...sigstore.claims };
    sigstore.claims.iss = 'https://gitlab.example.com';
    try {
      await attach(target, subject, await signElsewhere(subject, keyless(sigstore), target.name, 'legacy'));
    } finally {
      Object.assign(sigstore.claims, saved);
    }
    // Not a GitHub token, so the SAN is the subject claim; the policy's default issuer is GitHub's.
    const sub = 'repo:acme/fleet:ref:refs/heads/main';
    assertRejected(await verify(target, 'auto', await keylessVerification(sigstore, { identity: sub })), [
      'legacy signature: issued by https://gitlab.example.com, expected issuer https://token.actions.githubusercontent.com',
    ]);
    const ok = await verify(
      target,
      'auto',
      await keylessVerification(sigstore, { identity: sub, issuerRegexp: '^https://gitlab\\.example\\.com$' }),
    );
    assert.equal(ok.verified, true, ok.reasons.join('; '));
    assert.equal(ok.issuer, 'https://gitlab.example.com');

    const github = await fresh();
    await attach(github.target, github.subject, await signElsewhere(github.subject, keyless(sigstore), github.target.name));
    assertRejected(
      await verify(
        github.target,
        'auto',
        await keylessVerification(sigstore, { identity: workflowIdentity, issuer: 'https://accounts.google.com' }),
      ),
      [
        'bundle signature: issued by https://token.actions.githubusercontent.com, expected issuer https://accounts.google.com',
        'legacy signature: issued by https://token.actions.githubusercontent.com, expected issuer https://accounts.google.com',
      ],
    );
  });

  it("rejects another artifact's .sig manifest copied to this digest's .sig tag", async () => {
    const target = remote(registry.host, `acme/reject-${++repos}`);
    const signed = await pushFresh(target, { tags: ['signed'], sign: { identity: keyless(sigstore), format: 'legacy' } });
    const victim = await pushFresh(target, { tags: ['latest'] });
    const sig = await target.fetchManifest(legacySignatureTag(signed.descriptor.digest));
    // The manifest (and so its layers and blobs) is re-tagged as-is under the other digest's .sig tag.
    await target.pushReference(sig.descriptor, sig.bytes, legacySignatureTag(victim.descriptor.digest));
    assert.equal((await target.resolve(legacySignatureTag(victim.descriptor.digest))).digest, sig.descriptor.digest);
    assertRejected(await verify(target), [
      `legacy signature: the signature is for ${signed.descriptor.digest}, not ${victim.descriptor.digest}`,
    ]);
    // The original still verifies: the signature itself is sound, it is just not for this digest.
    assert.equal((await verify(target, 'auto', verification, 'signed')).verified, true);
  });

  it('rejects a bundle referrer whose statement names another digest', async () => {
    const target = remote(registry.host, `acme/reject-${++repos}`);
    const signed = await pushFresh(target, { tags: ['signed'], sign: { identity: keyless(sigstore), format: 'bundle' } });
    const victim = await pushFresh(target, { tags: ['latest'] });
    const { json } = await bundleOf(target, signed.descriptor);
    await attachReferrer(target, victim.descriptor, { artifactType: sigstoreBundleMediaType, content: Buffer.from(JSON.stringify(json)) });
    assertRejected(await verify(target), [
      `bundle signature: the statement's subject is not ${victim.descriptor.digest} (a signature copied from another artifact?)`,
    ]);
    assert.equal((await verify(target, 'bundle', verification, 'signed')).verified, true);
  });

  it('rejects a tampered legacy payload', async () => {
    const { target, subject } = await fresh();
    const signature = await signElsewhere(subject, keyless(sigstore), target.name, 'legacy');
    assert.ok(signature.legacy);
    const original = signature.legacy.payload.toString('utf8');
    const tampered = original.replace('"optional":null', '"optional":{"approved":"yes"}');
    assert.notEqual(tampered, original);
    signature.legacy.payload = Buffer.from(tampered);
    await attach(target, subject, signature);
    assertRejected(await verify(target), ['legacy signature: the payload is not what was signed and logged in Rekor (tampered payload?)']);
  });

  it('rejects a tampered bundle statement', async () => {
    const { target, subject } = await fresh();
    const signature = await signElsewhere(subject, keyless(sigstore), target.name, 'bundle');
    assert.ok(signature.bundle);
    const statement = JSON.parse(Buffer.from(signature.bundle.dsseEnvelope.payload, 'base64').toString('utf8')) as Record<string, unknown>;
    statement.predicate = { approved: 'yes' };
    signature.bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    await attach(target, subject, signature);
    assertRejected(await verify(target), ['bundle signature: TLOG_BODY_ERROR: DSSE payload hash mismatch']);
  });

  it('rejects a tampered signature (the log entry no longer matches it)', async () => {
    const { target, subject } = await fresh();
    const signature = await signElsewhere(subject, keyless(sigstore), target.name);
    assert.ok(signature.legacy && signature.bundle);
    signature.legacy.annotations[CosignAnnotation.signature] = flipByte(signature.legacy.annotations[CosignAnnotation.signature] ?? '', 20);
    const sig = signature.bundle.dsseEnvelope.signatures[0];
    assert.ok(sig);
    sig.sig = flipByte(sig.sig, 20);
    await attach(target, subject, signature);
    assertRejected(await verify(target), [
      /^bundle signature: TLOG_BODY_ERROR: .*signature mismatch/i,
      /^legacy signature: TLOG_BODY_ERROR: .*signature mismatch/i,
    ]);
  });

  it('rejects a tampered signed entry timestamp (SET)', async () => {
    const { target, subject } = await fresh();
    const signature = await signElsewhere(subject, keyless(sigstore), target.name);
    assert.ok(signature.legacy && signature.bundle);
    const rekor = JSON.parse(signature.legacy.annotations[CosignAnnotation.bundle] ?? '') as { SignedEntryTimestamp: string };
    rekor.SignedEntryTimestamp = flipByte(rekor.SignedEntryTimestamp);
    signature.legacy.annotations[CosignAnnotation.bundle] = JSON.stringify(rekor);
    const promise = signature.bundle.verificationMaterial.tlogEntries?.[0]?.inclusionPromise;
    assert.ok(promise);
    promise.signedEntryTimestamp = flipByte(promise.signedEntryTimestamp);
    await attach(target, subject, signature);
    assertRejected(await verify(target), [
      'bundle signature: TLOG_INCLUSION_PROMISE_ERROR: inclusion promise could not be verified',
      'legacy signature: TLOG_INCLUSION_PROMISE_ERROR: inclusion promise could not be verified',
    ]);
  });

  it('rejects a legacy signature whose certificate is not the one the Rekor entry logged', async () => {
    const { target, subject } = await fresh();
    const signature = await signElsewhere(subject, keyless(sigstore), target.name, 'legacy');
    const other = await signElsewhere(subject, keyless(sigstore), target.name, 'legacy');
    assert.ok(signature.legacy && other.legacy);
    signature.legacy.annotations[CosignAnnotation.certificate] = other.legacy.annotations[CosignAnnotation.certificate] ?? '';
    await attach(target, subject, signature);
    assertRejected(await verify(target), ['legacy signature: the Rekor entry names another certificate than the signature']);
  });

  it('rejects malformed legacy annotations with a reason instead of throwing', async () => {
    const variants: [(annotations: Record<string, string>) => void, string][] = [
      [(a) => (a[CosignAnnotation.bundle] = 'not json'), 'legacy signature: the Rekor bundle annotation is not JSON'],
      [(a) => (a[CosignAnnotation.bundle] = '{}'), 'legacy signature: the Rekor bundle annotation is not a cosign Rekor bundle'],
      [(a) => (a[CosignAnnotation.timestamp] = 'not json'), 'legacy signature: the RFC 3161 timestamp annotation is not JSON'],
      [
        (a) => delete a[CosignAnnotation.signature],
        'legacy signature: the signature layer has no dev.cosignproject.cosign/signature annotation',
      ],
      [
        (a) => delete a[CosignAnnotation.certificate],
        'legacy signature: the signature carries no certificate (signed with a key? verify with key)',
      ],
    ];
    for (const [mutate, reason] of variants) {
      const { target, subject } = await fresh();
      const signature = await signElsewhere(subject, keyless(sigstore), target.name, 'legacy');
      assert.ok(signature.legacy);
      mutate(signature.legacy.annotations);
      await attach(target, subject, signature);
      assertRejected(await verify(target), [reason]);
    }
  });

  it('rejects a certificate from another CA (signed with another Sigstore)', async () => {
    const { target, subject } = await fresh();
    await attach(target, subject, await signElsewhere(subject, keyless(stranger), target.name));
    const chain = 'CERTIFICATE_ERROR: Failed to verify certificate chain (no valid certificate path found)';
    assertRejected(await verify(target), [`bundle signature: ${chain}`, `legacy signature: ${chain}`]);
    // The stranger's own root accepts them: the CA was the only problem.
    const theirs = await verify(target, 'auto', await keylessVerification(stranger));
    assert.equal(theirs.verified, true, theirs.reasons.join('; '));
  });

  it('rejects a certificate that had expired when the entry was logged', async () => {
    const { target, subject } = await fresh();
    await attach(target, subject, await signElsewhere(subject, keyless(late), target.name));
    const expired = 'CERTIFICATE_ERROR: Failed to verify certificate chain (certificate is not valid or expired at the specified date)';
    assertRejected(await verify(target, 'auto', await keylessVerification(late)), [
      `bundle signature: ${expired}`,
      `legacy signature: ${expired}`,
    ]);
  });

  it('rejects signatures that were not logged in a transparency log', async () => {
    const { target, subject } = await fresh();
    const signature = await signElsewhere(subject, keyless(sigstore), target.name);
    assert.ok(signature.legacy && signature.bundle);
    delete signature.legacy.annotations[CosignAnnotation.bundle];
    signature.bundle.verificationMaterial.tlogEntries = [];
    await attach(target, subject, signature);
    assertRejected(await verify(target), [
      /^bundle signature: .*no (Rekor|transparency log) entry/i,
      'legacy signature: the signature has no Rekor bundle annotation (it was not logged in a transparency log)',
    ]);
  });

  it('rejects an artifact whose annotations do not match what is expected, even when its signature is good', async () => {
    const target = remote(registry.host, `acme/reject-${++repos}`);
    const pushed = await pushFresh(target, {
      revision: 'refs/heads/feature@sha1:1111111111111111111111111111111111111111',
      sign: { identity: keyless(sigstore), format: 'both' },
    });
    const revision = 'org.opencontainers.image.revision';
    const result = await verifyArtifact({
      target,
      reference: 'latest',
      verification,
      annotations: { [revision]: new RegExp('^refs/heads/main@') },
    });
    assertRejected(result, [
      `annotation ${revision} is "refs/heads/feature@sha1:1111111111111111111111111111111111111111", expected to match ^refs/heads/main@`,
    ]);
    assert.equal(result.descriptor.digest, pushed.descriptor.digest);
    const missing = await verifyArtifact({ target, reference: 'latest', verification, annotations: { 'org.example/team': /platform/ } });
    assertRejected(missing, ['annotation org.example/team is missing, expected to match platform']);
    const matching = await verifyArtifact({
      target,
      reference: 'latest',
      verification,
      annotations: { [revision]: /^refs\/heads\/feature@/ },
    });
    assert.equal(matching.verified, true, matching.reasons.join('; '));
  });

  it('rejects key-based signatures checked with the wrong public key, and mixes of key and keyless', async () => {
    const target = remote(registry.host, `acme/reject-${++repos}`);
    const signer = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const wrong = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey;
    await pushFresh(target, { sign: { identity: { kind: 'key', privateKey: signer.privateKey }, format: 'both' } });
    assertRejected(await verify(target, 'auto', { kind: 'key', keys: [wrong] }), [
      /^bundle signature: no given key verifies it \(.*signature/i,
      'legacy signature: the signature does not verify with any given key',
    ]);
    assertRejected(await verify(target, 'auto', { kind: 'key', keys: [] }), [
      /^bundle signature: no given key verifies it \(no keys given\)$/,
      'legacy signature: the signature does not verify with any given key',
    ]);
    // A key-signed artifact checked keylessly: there is no certificate.
    assertRejected(await verify(target, 'legacy'), [
      'legacy signature: the signature carries no certificate (signed with a key? verify with key)',
    ]);
    assert.equal((await verify(target, 'auto', { kind: 'key', keys: [signer.publicKey] })).verified, true);

    // A keyless signature checked with a key.
    const keylessTarget = remote(registry.host, `acme/reject-${++repos}`);
    await pushFresh(keylessTarget, { sign: { identity: keyless(sigstore), format: 'legacy' } });
    assertRejected(await verify(keylessTarget, 'legacy', { kind: 'key', keys: [signer.publicKey] }), [
      'legacy signature: the signature does not verify with any given key',
    ]);
  });

  it('verifies a good legacy signature beside a failing bundle, warning that Flux 2.8+ would reject it', async () => {
    const target = remote(registry.host, `acme/reject-${++repos}`);
    const pushed = await pushFresh(target, { sign: { identity: keyless(sigstore), format: 'legacy' } });
    // A bundle by another Sigstore (e.g. provenance from a private instance) lands on the same digest.
    await signArtifact(target, pushed.descriptor, { identity: keyless(stranger), format: 'bundle', repository: target.name });
    // By default (every Flux version) it is rejected: Flux 2.8+ would read only the failing bundle.
    const every = await verify(target);
    assert.equal(every.verified, false);
    assert.deepEqual(every.reasons, [
      'Flux 2.8 and 2.9 would reject it: it reads only the Sigstore bundles once any is attached, and none of the 1 verifies (CERTIFICATE_ERROR: Failed to verify certificate chain (no valid certificate path found)); the legacy .sig that verifies is never looked at',
    ]);
    const flux27 = await verifyArtifact({ target, reference: 'latest', verification, fluxVersion: '2.7' });
    assert.equal(flux27.verified, true, flux27.reasons.join('; '));
    assert.equal(flux27.format, 'legacy');
    // Without Flux's rules (as cosign v2.5 checks): verified, with a warning for Flux 2.8+.
    const auto = await verifyArtifact({ target, reference: 'latest', verification, fluxVersion: 'none' });
    assert.equal(auto.verified, true, auto.reasons.join('; '));
    assert.equal(auto.format, 'legacy');
    assert.equal(auto.signaturesChecked, 2);
    assert.deepEqual(auto.warnings, [
      'a Sigstore bundle referrer is attached but does not verify: Flux 2.8+ checks only bundles when any exist, so it would reject this artifact',
    ]);
    assertRejected(await verify(target, 'bundle'), [
      'bundle signature: CERTIFICATE_ERROR: Failed to verify certificate chain (no valid certificate path found)',
    ]);
    const legacy = await verify(target, 'legacy');
    assert.equal(legacy.verified, true);
    assert.deepEqual(legacy.warnings, []);
  });

  it('verifies the digest resolved once, even if the tag moves meanwhile', async () => {
    const target = remote(registry.host, `acme/reject-${++repos}`);
    const signed = await pushFresh(target, { tags: ['latest'], sign: { identity: keyless(sigstore), format: 'both' } });
    const unsigned = await pushFresh(target, { tags: ['unsigned'] });

    /** The target, except that `latest` is moved to `to` right after it is first read; records every reference asked for. */
    const moving = (to: Descriptor, asked: string[]): Target =>
      new Proxy(target, {
        get(real, property) {
          if (property === 'fetchManifest' || property === 'resolve') {
            return async (reference: string) => {
              asked.push(reference);
              const answer = (await (property === 'fetchManifest' ? real.fetchManifest(reference) : real.resolve(reference))) as unknown;
              if (reference === 'latest' && asked.filter((r) => r === 'latest').length === 1) await real.tag(to, 'latest');
              return answer;
            };
          }
          const value = Reflect.get(real, property, real) as unknown;
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(real) : value;
        },
      });

    // latest = signed, moved to the unsigned artifact mid-verification: the signed digest is what was checked.
    const asked: string[] = [];
    const result = await verifyArtifact({ target: moving(unsigned.descriptor, asked), reference: 'latest', verification });
    assert.equal((await target.resolve('latest')).digest, unsigned.descriptor.digest, 'the tag did move');
    assert.equal(result.verified, true, result.reasons.join('; '));
    assert.equal(result.descriptor.digest, signed.descriptor.digest);
    assert.deepEqual(
      asked.filter((r) => r === 'latest'),
      ['latest'],
      'the tag is read once',
    );
    assert.ok(asked.includes(legacySignatureTag(signed.descriptor.digest)), 'signatures are looked up for the resolved digest');

    // latest = unsigned, moved to the signed artifact mid-verification: still rejected, for the unsigned digest.
    const again: string[] = [];
    const rejected = await verifyArtifact({ target: moving(signed.descriptor, again), reference: 'latest', verification });
    assert.equal((await target.resolve('latest')).digest, signed.descriptor.digest, 'the tag did move');
    assertRejected(rejected, [`no signature found for ${unsigned.descriptor.digest}`]);
    assert.equal(rejected.descriptor.digest, unsigned.descriptor.digest);

    // Verifying a digest reference checks that digest, wherever tags point.
    const bySigned = await verify(target, 'auto', verification, signed.descriptor.digest);
    assert.equal(bySigned.verified, true);
    assert.equal(bySigned.descriptor.digest, signed.descriptor.digest);
    assertRejected(await verify(target, 'auto', verification, unsigned.descriptor.digest), [
      `no signature found for ${unsigned.descriptor.digest}`,
    ]);
  });
});
