import type { Descriptor } from '../oci/descriptor.ts';
import { fetchReferrerContent } from '../oci/discover.ts';
import type { Target } from '../oci/target.ts';
import { predicateTypes } from '../sign/attest.ts';
import { newestAttestation } from '../verify/attestations.ts';
import { documentMediaTypes, type DocumentFormat } from './document-type.ts';
import { DocumentPullError } from './errors.ts';

// Fetching one document attached to an artifact (`d2ci pull --referrer`): a plain referrer of its artifact type,
// else the predicate of an attestation of its predicate type, found (verify/attestations.ts) and not verified.

export interface PullDocumentRequest {
  target: Target;
  /** Tag or digest of the artifact the document is attached to. */
  reference: string;
  /** `spdx`, `cyclonedx`, `openvex` (any case), or any artifact type. */
  type: string;
}

export interface PulledDocument {
  content: Buffer;
  /** The referrer it came from: the document's manifest, or the attestation's. */
  referrer: Descriptor;
  /** The content is an attestation's predicate, found and not verified (say so, or verify it first). */
  attestation: boolean;
}

const created = (d: Descriptor): string => d.annotations?.['org.opencontainers.image.created'] ?? '';

/**
 * The newest referrer of the type's artifact type, or (for spdx, cyclonedx and openvex) the predicate of the newest
 * attestation of the matching predicate type; undefined when neither is attached.
 */
export async function pullDocument(request: PullDocumentRequest): Promise<PulledDocument | undefined> {
  const { target, type } = request;
  const lower = type.toLowerCase();
  const known = Object.hasOwn(documentMediaTypes, lower) ? (lower as DocumentFormat) : undefined;
  const mediaType = known ? documentMediaTypes[known] : type;
  const subject = (await target.fetchManifest(request.reference)).descriptor;
  const referrers = await target.referrers(subject);
  const [plain] = referrers.filter((r) => r.artifactType === mediaType).sort((a, b) => created(b).localeCompare(created(a)));
  if (plain) return { content: (await fetchReferrerContent(target, plain)).content, referrer: plain, attestation: false };
  if (!known) return undefined;
  const found = await newestAttestation(target, subject, predicateTypes[known]);
  if (!found) return undefined;
  if (found.predicate === undefined)
    throw new DocumentPullError('ATTESTATION_WITHOUT_PREDICATE', `the attestation ${found.referrer.digest} holds no in-toto predicate`);
  return { content: Buffer.from(`${JSON.stringify(found.predicate, null, 2)}\n`), referrer: found.referrer, attestation: true };
}
