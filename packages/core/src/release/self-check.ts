import { createPublicKey } from 'node:crypto';
import { BaseError } from '../errors.ts';
import type { Descriptor } from '../oci/descriptor.ts';
import type { Target } from '../oci/target.ts';
import type { SignResult } from '../sign/sign.ts';
import type { SigningIdentity } from '../sign/signer.ts';
import { compilePolicy } from '../verify/policy.ts';
import type { Verification } from '../verify/signatures.ts';
import { verifyArtifact } from '../verify/verify.ts';

/** The release signature was written but not every Flux version would accept it: no tag was moved. */
export class ReleaseSelfCheckError extends BaseError<'RELEASE_SELF_CHECK_FAILED'> {
  constructor(digest: string, reasons: readonly string[]) {
    super(
      'RELEASE_SELF_CHECK_FAILED',
      `the release signature on ${digest} was written, but verifying it as production would failed, so no tag was moved: ${reasons.join('; ')}`,
    );
  }
}

/**
 * How production verifies what was just signed: the signing key's public half, or keyless the exact identity and
 * issuer of the certificate under the trusted root staging was verified with (the same Sigstore signs both).
 * Undefined when there is no trusted root at hand (keyless release, staging verified with a key).
 */
async function signedAs(
  identity: SigningIdentity,
  signature: SignResult,
  staging: Verification | undefined,
): Promise<Verification | undefined> {
  if (identity.kind === 'key') return { kind: 'key', keys: [createPublicKey(identity.privateKey)] };
  if (identity.kind === 'kms') return { kind: 'key', keys: [await identity.key.publicKey()] };
  if (staging?.kind !== 'keyless' || !signature.issuer) return undefined;
  return {
    kind: 'keyless',
    trustedRoot: staging.trustedRoot,
    policy: compilePolicy({ identity: signature.identity, issuer: signature.issuer }),
  };
}

/**
 * Verifies the release signature as every Flux version it is written for reads it, after signing and before any tag
 * moves: a bundle attached meanwhile, or one the detection missed, would make Flux 2.8+ read only bundles by other
 * identities. Written as a `.sig` (alone or with a bundle): every version 2.6–2.9 (`fluxVersion: 'all'`). Written as
 * a bundle only (`signature-format: bundle` on a digest without a .sig): Flux 2.8 and 2.9, since 2.6 and 2.7 read only
 * .sig and the format was chosen without them. Returns a note for the release (none when a keyless build has no
 * trusted root to check with); throws ReleaseSelfCheckError when it fails.
 */
export async function checkReleaseSignature(
  target: Target,
  subject: Descriptor,
  identity: SigningIdentity,
  signature: SignResult & { formats?: readonly string[] },
  staging?: Verification,
): Promise<string | undefined> {
  const verification = await signedAs(identity, signature, staging);
  if (!verification)
    return staging
      ? 'release signature not re-verified: no trusted root at hand (the staging signature was checked with a key)'
      : undefined;
  const bundleOnly = signature.formats !== undefined && !signature.formats.includes('legacy');
  const fluxVersion = bundleOnly ? (['2.8', '2.9'] as const) : 'all';
  const checked = await verifyArtifact({ target, reference: subject.digest, verification, fluxVersion });
  if (!checked.verified) throw new ReleaseSelfCheckError(subject.digest, checked.reasons);
  return bundleOnly
    ? `release signature verified as Flux 2.8 and 2.9 read it (a bundle only, which Flux 2.6 and 2.7 do not read): ${signature.identity}`
    : `release signature verified as Flux 2.6–2.9 read it: ${signature.identity}`;
}
