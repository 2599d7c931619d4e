import { createHash, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import type { Bundle } from '@sigstore/bundle';
import { oneLineMessage } from '../errors.ts';
import { parseDigest } from '../oci/digest.ts';
import { CosignAnnotation } from '../sign/legacy.ts';
import { keyId } from '../sign/keys.ts';
import { inTotoPayloadType } from '../sign/payload.ts';
import type { CompiledPolicy } from './policy.ts';
import { certificateSourceRepository, leafCertificate } from './certificate.ts';

/** How a signature is checked: against a Sigstore trust root and an identity policy, or against public keys. */
export type Verification = { kind: 'keyless'; trustedRoot: TrustedRoot; policy: CompiledPolicy } | { kind: 'key'; keys: KeyObject[] };

/**
 * One signature's outcome. `fluxAccepts` marks a failure Flux does not see: a legacy signature that verifies but
 * whose payload names another digest (Flux passes cosign no claim verifier; d2ci refuses it all the same).
 */
export type SignatureCheck =
  | {
      ok: true;
      identity: string;
      issuer?: string;
      sourceRepository?: string;
      /** The signature's annotations (cosign `sign -a`): the payload's `optional`, the statement subject's `annotations`. */
      signed?: unknown;
    }
  | { ok: false; reason: string; fluxAccepts?: boolean };

const fail = (reason: string): SignatureCheck => ({ ok: false, reason });

/** A verification error's message without @sigstore's class prefix. */
function why(err: unknown): string {
  const code = (err as { code?: string }).code;
  let message = oneLineMessage(err);
  const cause = (err as { cause?: { message?: string } }).cause?.message;
  if (cause && !message.includes(cause)) message = `${message} (${cause})`;
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

async function sigstoreVerify(bundle: Bundle, artifact: Buffer | undefined, verification: Verification): Promise<SignatureCheck> {
  const { Verifier, toSignedEntity, toTrustMaterial } = await import('@sigstore/verify');
  if (verification.kind === 'key') {
    const { TrustedRoot } = await import('@sigstore/protobuf-specs');
    const empty = TrustedRoot.fromJSON({
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: [],
      certificateAuthorities: [],
      ctlogs: [],
      timestampAuthorities: [],
    });
    let last = 'no keys given';
    for (const key of verification.keys) {
      try {
        const material = toTrustMaterial(empty, () => ({ publicKey: key, validFor: () => true }));
        new Verifier(material, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }).verify(toSignedEntity(bundle, artifact));
        return { ok: true, identity: `key:${keyId(key)}` };
      } catch (err) {
        last = why(err);
      }
    }
    return fail(`no given key verifies it (${last})`);
  }
  // Checked first: @sigstore/verify would only say "expected 1 timestamps, got 0".
  if (bundle.verificationMaterial.tlogEntries.length === 0)
    return fail('the signature was not logged in a transparency log (no Rekor entry), which cosign and Flux require');
  let signer;
  try {
    signer = new Verifier(toTrustMaterial(verification.trustedRoot), { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 }).verify(
      toSignedEntity(bundle, artifact),
    );
  } catch (err) {
    return fail(why(err));
  }
  const identity = signer.identity?.subjectAlternativeName;
  const issuer = signer.identity?.extensions?.issuer;
  const leaf = await leafCertificate(bundle);
  const sourceRepository = leaf && certificateSourceRepository(leaf);
  const mismatch = verification.policy.mismatch({ identity, issuer, sourceRepository });
  return mismatch ? fail(mismatch) : { ok: true, identity: identity ?? '', issuer, ...(sourceRepository ? { sourceRepository } : {}) };
}

/** The claims in a simple-signing payload must name exactly this manifest (cosign SimpleClaimVerifier). */
function checkSimpleSigningClaim(payload: Buffer, digest: string): string | undefined {
  let claim: { critical?: { image?: { 'docker-manifest-digest'?: string }; type?: string } };
  try {
    claim = JSON.parse(payload.toString('utf8')) as typeof claim;
  } catch {
    return 'the signed payload is not JSON';
  }
  if (claim.critical?.type !== 'cosign container image signature')
    return `the signed payload has type "${claim.critical?.type}", not a cosign image signature`;
  const claimed = claim.critical.image?.['docker-manifest-digest'];
  if (claimed !== digest) return `the signature is for ${claimed ?? '(no digest)'}, not ${digest}`;
  return undefined;
}

/** The payload's `optional` map: the signature annotations cosign `sign -a` writes (null when none). */
function simpleSigningOptional(payload: Buffer): unknown {
  return (JSON.parse(payload.toString('utf8')) as { optional?: unknown }).optional;
}

function pemBlocks(pem: string): Buffer[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) =>
    Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'),
  );
}

/**
 * Verifies one cosign legacy signature (a `.sig` layer: payload + annotations) as cosign's VerifyBundle and
 * verifyInternal do: certificate chain, SCT, the Rekor SET over the entry, certificate valid at the entry's
 * integrated time, the entry's signature, digest and public key matching the annotations, the signature over the
 * payload, the identity policy, and the payload naming this exact digest.
 */
export async function verifyLegacySignature(
  payload: Buffer,
  annotations: Record<string, string>,
  digest: string,
  verification: Verification,
): Promise<SignatureCheck> {
  const claimProblem = checkSimpleSigningClaim(payload, digest);
  const signed = claimProblem ? undefined : simpleSigningOptional(payload);
  const signatureB64 = annotations[CosignAnnotation.signature];
  if (!signatureB64) return fail('the signature layer has no dev.cosignproject.cosign/signature annotation');
  const signature = Buffer.from(signatureB64, 'base64');

  if (verification.kind === 'key') {
    for (const key of verification.keys) {
      if (cryptoVerify('sha256', payload, key, signature))
        return claimProblem ? { ok: false, reason: claimProblem, fluxAccepts: true } : { ok: true, identity: `key:${keyId(key)}`, signed };
    }
    return fail('the signature does not verify with any given key');
  }

  const certificates = pemBlocks(annotations[CosignAnnotation.certificate] ?? '');
  const leaf = certificates[0];
  if (!leaf) return fail('the signature carries no certificate (signed with a key? verify with key)');
  const rekorJson = annotations[CosignAnnotation.bundle];
  if (!rekorJson) return fail('the signature has no Rekor bundle annotation (it was not logged in a transparency log)');
  let rekor: { SignedEntryTimestamp: string; Payload: { body: string; integratedTime: number; logIndex: number; logID: string } };
  try {
    rekor = JSON.parse(rekorJson) as typeof rekor;
  } catch {
    return fail('the Rekor bundle annotation is not JSON');
  }
  if (typeof rekor?.SignedEntryTimestamp !== 'string' || typeof rekor.Payload?.body !== 'string')
    return fail('the Rekor bundle annotation is not a cosign Rekor bundle');
  const body = Buffer.from(rekor.Payload.body, 'base64');
  let entry: {
    kind?: string;
    apiVersion?: string;
    spec?: { data?: { hash?: { value?: string } }; signature?: { publicKey?: { content?: string } } };
  };
  try {
    entry = JSON.parse(body.toString('utf8')) as typeof entry;
  } catch {
    return fail('the Rekor entry body is not JSON');
  }
  // cosign's bundleHash check, first for a clearer reason than the generic body mismatch below.
  const loggedHash = entry.spec?.data?.hash?.value;
  if (loggedHash !== undefined && loggedHash !== createHash('sha256').update(payload).digest('hex'))
    return fail('the payload is not what was signed and logged in Rekor (tampered payload?)');
  // cosign comparePublicKey: the logged key must be this certificate (@sigstore/verify checks signature and digest).
  const logged = pemBlocks(Buffer.from(entry.spec?.signature?.publicKey?.content ?? '', 'base64').toString('utf8'))[0];
  if (!logged || !logged.equals(leaf)) return fail('the Rekor entry names another certificate than the signature');

  const { HashAlgorithm } = await import('@sigstore/protobuf-specs');
  let timestamp: string | undefined;
  try {
    const json = annotations[CosignAnnotation.timestamp];
    timestamp = json === undefined ? undefined : (JSON.parse(json) as { SignedRFC3161Timestamp: string }).SignedRFC3161Timestamp;
  } catch {
    return fail('the RFC 3161 timestamp annotation is not JSON');
  }
  const bundle = {
    mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
    verificationMaterial: {
      content: { $case: 'x509CertificateChain', x509CertificateChain: { certificates: certificates.map((rawBytes) => ({ rawBytes })) } },
      tlogEntries: [
        {
          logIndex: String(rekor.Payload.logIndex),
          logId: { keyId: Buffer.from(rekor.Payload.logID, 'hex') },
          kindVersion: { kind: entry.kind ?? '', version: entry.apiVersion ?? '' },
          integratedTime: String(rekor.Payload.integratedTime),
          inclusionPromise: { signedEntryTimestamp: Buffer.from(rekor.SignedEntryTimestamp, 'base64') },
          canonicalizedBody: body,
        },
      ],
      timestampVerificationData: { rfc3161Timestamps: timestamp ? [{ signedTimestamp: Buffer.from(timestamp, 'base64') }] : [] },
    },
    content: {
      $case: 'messageSignature',
      messageSignature: {
        messageDigest: { algorithm: HashAlgorithm.SHA2_256, digest: createHash('sha256').update(payload).digest() },
        signature,
      },
    },
  } as unknown as Bundle;
  const checked = await sigstoreVerify(bundle, payload, verification);
  if (!checked.ok) return checked;
  return claimProblem ? { ok: false, reason: claimProblem, fluxAccepts: true } : { ...checked, signed };
}

/**
 * Verifies one Sigstore bundle referrer as cosign v3 (and Flux 2.8+) do: a DSSE envelope holding an in-toto
 * statement whose subject is this digest, signed, logged and matching the policy.
 */
export async function verifyBundleSignature(json: unknown, digest: string, verification: Verification): Promise<SignatureCheck> {
  const { bundleFromJSON } = await import('@sigstore/bundle');
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(json);
  } catch (err) {
    return fail(`not a valid Sigstore bundle: ${why(err)}`);
  }
  if (bundle.content.$case !== 'dsseEnvelope') return fail('the bundle does not contain a DSSE envelope');
  const envelope = bundle.content.dsseEnvelope;
  if (envelope.payloadType !== inTotoPayloadType) return fail(`the DSSE payload type is ${envelope.payloadType}, not an in-toto statement`);
  let statement: { subject?: { digest?: Record<string, string>; annotations?: unknown }[] };
  try {
    statement = JSON.parse(Buffer.from(envelope.payload).toString('utf8')) as typeof statement;
  } catch {
    return fail('the in-toto statement is not JSON');
  }
  const { algorithm, hex } = parseDigest(digest);
  const subject = statement.subject?.find((s) => s.digest?.[algorithm] === hex);
  if (!subject) return fail(`the statement's subject is not ${digest} (a signature copied from another artifact?)`);
  // Like Flux 2.8+, any predicate counts (a provenance bundle from the same identity verifies the artifact too).
  const checked = await sigstoreVerify(bundle, undefined, verification);
  // cosign's IntotoSubjectClaimVerifier reads the annotations of the subject naming this digest.
  return checked.ok ? { ...checked, signed: subject.annotations } : checked;
}
