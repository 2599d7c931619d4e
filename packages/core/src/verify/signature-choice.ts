import { VerifyRequestError } from './check-errors.ts';
import type { FluxManifestPlan } from './flux-manifest-plan.ts';
import { verifyFormats, type VerifyFormat } from './verify.ts';

// Which signatures a verification checks, from what the user gave: cosign's (a key or a keyless identity; legacy
// .sig and Sigstore bundles) or a Notary Project signature (a trust policy and trust store), as Flux's
// `verify.provider` picks. Both front doors choose here, so they refuse the same combinations.

/** The signature formats a verification may ask for: cosign's, or `notation`. */
export const verifySignatureFormats = [...verifyFormats, 'notation'] as const;
export type VerifySignatureFormat = (typeof verifySignatureFormats)[number];

/** A signature format as given (undefined when not given); refuses any other value. */
export function parseSignatureFormat(value: string | undefined): VerifySignatureFormat | undefined {
  if (value === undefined || (verifySignatureFormats as readonly string[]).includes(value))
    return value as VerifySignatureFormat | undefined;
  throw new VerifyRequestError(
    'SIGNATURE_FORMAT_INVALID',
    'signature-format',
    `"${value}" is not one of ${verifySignatureFormats.join(', ')}`,
  );
}

/** What the user gave, by what it supplies (flags or inputs). */
export interface GivenSignatures<Notation> {
  /** The signature format asked for; undefined when not given (`notation` with a trust policy, else `auto`). */
  format: string | undefined;
  /**
   * A Notation trust policy or trust store, as the front door has read it so far (whether both are there is the
   * front door's to check); undefined when neither is given.
   */
  notation: Notation | undefined;
  /** A cosign public key or keyless identity. */
  cosign: boolean;
  /** How the cluster verifies, from its flux manifest. */
  cluster?: FluxManifestPlan;
}

export type SignatureChoice<Notation> = { provider: 'notation'; notation: Notation } | { provider: 'cosign'; format: VerifyFormat };

/**
 * Notation when a trust policy is given (or format notation asks for one), else cosign in the format asked for.
 * An explicit cosign format (auto included) with Notation is refused rather than ignored, and so is a cosign key or
 * identity beside a trust policy: the policy names the trusted identities.
 */
export function chooseSignatures<Notation>(given: GivenSignatures<Notation>): SignatureChoice<Notation> {
  const { format, notation } = given;
  if (given.cluster?.provider === 'notation' && format !== undefined && format !== 'auto' && format !== 'notation')
    throw new VerifyRequestError(
      'FORMAT_CONFLICTS_WITH_CLUSTER',
      'signature-format',
      `${format}: the flux manifest's OCIRepository verifies with Notation`,
      format,
    );
  if (format === 'notation' && notation === undefined)
    throw new VerifyRequestError('NOTATION_REQUIRED', 'notation-trust-policy', 'is required with signature format notation', format);
  if (format !== undefined && format !== 'notation' && notation !== undefined)
    throw new VerifyRequestError(
      'FORMAT_CONFLICTS_WITH_NOTATION',
      'signature-format',
      `is "${format}", but a Notation trust policy asks for Notary Project verification; leave it out or set notation`,
      format,
    );
  const parsed = parseSignatureFormat(format);
  if (notation === undefined) return { provider: 'cosign', format: parsed === undefined || parsed === 'notation' ? 'auto' : parsed };
  if (given.cosign)
    throw new VerifyRequestError(
      'NOTATION_CONFLICTS_WITH_COSIGN',
      'notation-trust-policy',
      'replaces the cosign key and identity: the trust policy names the trusted identities',
    );
  return { provider: 'notation', notation };
}
