// Verifying an artifact's Notary Project signatures as `notation verify` does (notation-go notation.go Verify):
// resolve the reference once, pick the trust policy statement for the repository, list the signatures as
// referrers and verify them one by one (verify-envelope.ts) until one passes.
import { parseManifest, type Descriptor, type ImageManifest } from '../oci/descriptor.ts';
import { MediaType } from '../oci/media-types.ts';
import { readAll } from '../oci/content.ts';
import type { Target } from '../oci/target.ts';
import { quote } from '../go/strconv/quote.ts';
import { annotationMismatches } from '../artifact/required-annotations.ts';
import { NotationError } from './errors.ts';
import { NotationMediaType } from './format.ts';
import {
  applicableNotationTrustPolicy,
  parseNotationTrustPolicy,
  type NotationTrustPolicy,
  type NotationTrustPolicyDocument,
} from './trust-policy.ts';
import type { NotationTrustStore } from './trust-store.ts';
import { verifyNotationEnvelope, type NotationSignerInfo } from './verify-envelope.ts';
import { notationVerificationLevel } from './verification-level.ts';

export interface NotationVerifyOptions {
  target: Target;
  /** Tag or digest; a tag is resolved once, and everything after is checked by digest. */
  reference: string;
  /**
   * The artifact's fully qualified repository as trust policies scope it, e.g. `ghcr.io/acme/app` (for an OCI
   * layout, notation uses `local/<name>`). Defaults to the target's name for registry targets.
   */
  repository?: string;
  /** The trust policy document (object or JSON text); validated first. */
  trustPolicy: NotationTrustPolicyDocument | string | Buffer;
  trustStore: NotationTrustStore;
  userMetadata?: Record<string, string>;
  /** How many signatures to try (notation's --max-signatures, default 100; Flux tries 3). */
  maxSignatureAttempts?: number;
  /** Artifact annotations that must match (as verifyArtifact's), e.g. the revision. */
  annotations?: Record<string, RegExp>;
  now?: Date;
}

export interface NotationVerifyResult {
  verified: boolean;
  /** The policy's level is `skip`: nothing was checked (notation succeeds; Flux reports the artifact as not verified but does not fail). */
  skipped: boolean;
  descriptor: Descriptor;
  /** The artifact manifest's annotations (source, revision, …). */
  annotations: Record<string, string>;
  /** The applicable policy statement and its level. */
  policy?: string;
  level?: string;
  /** The signature manifest that verified. */
  signature?: string;
  signer?: NotationSignerInfo;
  /** The signed payload's annotations (user metadata). */
  userMetadata: Record<string, string>;
  /** Why it did not verify: one line per signature examined (or why none was). */
  reasons: string[];
  /** Logged (not enforced) failures of the signature that verified, and what was not checked. */
  warnings: string[];
  signaturesChecked: number;
}

const maxManifestBytes = 4 * 1024 * 1024;
const maxEnvelopeBytes = 32 * 1024 * 1024;

/** A Notary Project signature manifest's one envelope layer, or why this manifest is not one. */
function signatureLayer(manifest: ImageManifest): Descriptor | string {
  const config = manifest.config?.mediaType;
  const valid =
    manifest.artifactType === NotationMediaType.signature
      ? config === MediaType.ociEmpty
      : !manifest.artifactType && config === NotationMediaType.signature;
  if (!valid)
    return `not a valid Notary Project signature manifest (artifactType ${quote(manifest.artifactType ?? '')}, config ${quote(config ?? '')})`;
  if (manifest.layers.length !== 1) return `signature manifest requires exactly one signature envelope blob, got ${manifest.layers.length}`;
  return manifest.layers[0] as Descriptor;
}

/**
 * Verifies an artifact's Notary Project signatures as `notation verify` (and Flux's `provider: notation`) does:
 * the reference is resolved to a digest once, the trust policy statement for the repository is chosen, its
 * signatures are listed through the referrers API (or its tag-schema fallback) and verified one by one until one
 * passes. Throws NotationPolicyError for an invalid policy document.
 */
export async function verifyNotation(options: NotationVerifyOptions): Promise<NotationVerifyResult> {
  const document = parseNotationTrustPolicy(options.trustPolicy);
  const fetched = await options.target.fetchManifest(options.reference);
  const descriptor: Descriptor = {
    mediaType: fetched.descriptor.mediaType,
    digest: fetched.descriptor.digest,
    size: fetched.descriptor.size,
  };
  const annotations = parseManifest(fetched.bytes, fetched.descriptor.mediaType).manifest.annotations ?? {};
  const result = await verifyNotationSignatures(options, document, descriptor, annotations);
  const mismatches = annotationMismatches(annotations, options.annotations);
  if (mismatches.length) {
    result.verified = false;
    result.reasons.push(...mismatches);
  }
  return result;
}

/** The signature half of verifyNotation, for the artifact `descriptor` names. */
async function verifyNotationSignatures(
  options: NotationVerifyOptions,
  document: NotationTrustPolicyDocument,
  descriptor: Descriptor,
  annotations: Record<string, string>,
): Promise<NotationVerifyResult> {
  const result: NotationVerifyResult = {
    verified: false,
    skipped: false,
    descriptor,
    annotations,
    userMetadata: {},
    reasons: [],
    warnings: [],
    signaturesChecked: 0,
  };
  const repository = options.repository ?? (options.target.name.startsWith('oci-layout:') ? undefined : options.target.name);
  if (!repository)
    throw new NotationError(
      'NOTATION_REPOSITORY_REQUIRED',
      `give the repository that trust policies scope ${options.target.name} by (e.g. local/<name>)`,
    );
  const artifact = `${repository}@${descriptor.digest}`;
  let policy: NotationTrustPolicy;
  try {
    policy = applicableNotationTrustPolicy(document, repository, artifact);
  } catch (err) {
    result.reasons.push((err as Error).message);
    return result;
  }
  const level = notationVerificationLevel(policy.signatureVerification);
  result.policy = policy.name;
  result.level = level.name;
  if (level.name === 'skip') {
    result.skipped = true;
    result.warnings.push(`trust policy statement ${quote(policy.name)} skips signature verification for ${repository}`);
    return result;
  }

  const referrers = await options.target.referrers(descriptor, { artifactType: NotationMediaType.signature });
  const limit = options.maxSignatureAttempts ?? 100;
  for (const referrer of referrers) {
    if (result.signaturesChecked >= limit) {
      result.reasons.push(`signature evaluation stopped. The configured limit of ${limit} signatures to verify per artifact exceeded`);
      break;
    }
    result.signaturesChecked++;
    const fail = (reason: string): void => void result.reasons.push(`signature ${referrer.digest}: ${reason}`);
    if (referrer.mediaType !== MediaType.ociManifest) {
      fail(`the signature manifest's media type is ${referrer.mediaType}, not ${MediaType.ociManifest}`);
      continue;
    }
    if (referrer.size > maxManifestBytes) {
      fail(`signature manifest too large: ${referrer.size} bytes`);
      continue;
    }
    const { bytes } = await options.target.fetchManifest(referrer.digest);
    let manifest: ImageManifest;
    try {
      manifest = parseManifest(bytes, referrer.mediaType).manifest as ImageManifest;
    } catch (err) {
      fail((err as Error).message);
      continue;
    }
    const layer = signatureLayer(manifest);
    if (typeof layer === 'string') {
      fail(layer);
      continue;
    }
    if (layer.size > maxEnvelopeBytes) {
      fail(`signature blob too large: ${layer.size} bytes`);
      continue;
    }
    const envelope = await readAll(await options.target.fetch(layer), maxEnvelopeBytes);
    const outcome = await verifyNotationEnvelope({
      envelope,
      envelopeMediaType: layer.mediaType,
      descriptor,
      policy,
      trustStore: options.trustStore,
      ...(options.userMetadata ? { userMetadata: options.userMetadata } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    if (!outcome.verified) {
      fail(outcome.reason ?? 'not verified');
      continue;
    }
    result.verified = true;
    result.signature = referrer.digest;
    if (outcome.signer) result.signer = outcome.signer;
    result.userMetadata = outcome.payload?.targetArtifact.annotations ?? {};
    result.warnings.push(...outcome.logged, ...outcome.notes);
    if (outcome.results.some((r) => r.type === 'authenticity' && r.error)) {
      result.warnings.push(
        'authenticity was only logged (audit level): Flux reports such an artifact as not verified (ignored) rather than verified',
      );
    }
    result.reasons = [];
    break;
  }
  if (result.signaturesChecked === 0)
    result.reasons.push(`no signature is associated with ${quote(artifact)}, make sure the artifact was signed successfully`);
  return result;
}
