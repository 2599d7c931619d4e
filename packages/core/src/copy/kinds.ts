import type { Descriptor } from '../oci/descriptor.ts';
import { cosignSignPredicateType } from '../sign/payload.ts';
import { NotationMediaType } from '../notation/format.ts';
import { documentMediaTypes } from '../documents/document-type.ts';

/** What a referrer is, for the copy report: signatures, attestations and documents counted apart. */
export type ReferrerKind = 'sigstore-signature' | 'sigstore-attestation' | 'notation-signature' | 'sbom' | 'vex' | 'other';

/**
 * A referrer's kind from its artifact type and annotations, as the referrers listing shows them: a Sigstore bundle
 * whose `dev.sigstore.bundle.predicateType` is cosign's sign predicate (or absent: a message signature) signs the
 * subject; any other predicate attests something about it (cosign v3 `attest`, d2ci's SBOM attestations).
 */
export function referrerKind(referrer: Descriptor): ReferrerKind {
  const type = referrer.artifactType ?? '';
  if (type.startsWith('application/vnd.dev.sigstore.bundle')) {
    const predicate = referrer.annotations?.['dev.sigstore.bundle.predicateType'];
    return predicate === undefined || predicate === cosignSignPredicateType ? 'sigstore-signature' : 'sigstore-attestation';
  }
  if (type === NotationMediaType.signature) return 'notation-signature';
  if (type === documentMediaTypes.spdx || type === documentMediaTypes.cyclonedx) return 'sbom';
  if (type === documentMediaTypes.openvex) return 'vex';
  return 'other';
}
