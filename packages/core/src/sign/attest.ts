import type { Descriptor } from '../oci/descriptor.ts';
import type { Target } from '../oci/target.ts';
import { inTotoStatement } from './payload.ts';
import { createBundleSigner, type BundleSigner, type SigningIdentity } from './signer.ts';
import { attachSigstoreBundle } from './sign.ts';

/** in-toto predicate types of the documents d2ci attests, as cosign's `--type` shorthands map them. */
export const predicateTypes = {
  spdx: 'https://spdx.dev/Document',
  cyclonedx: 'https://cyclonedx.org/bom',
  openvex: 'https://openvex.dev/ns',
} as const;

export type AttestedDocumentType = keyof typeof predicateTypes;

export interface AttestOptions {
  identity: SigningIdentity;
  /** Reuse a signer (one certificate for the artifact's signature and its attestations). */
  signer?: BundleSigner;
  predicateType: string;
  /** The document, as parsed JSON: it becomes the statement's predicate. */
  predicate: unknown;
}

export interface AttestResult {
  referrer: Descriptor;
  predicateType: string;
  rekorLogIndex?: string;
}

/**
 * Signs a document about a manifest as an in-toto attestation and attaches it the way `cosign attest` (v3) and
 * `actions/attest` do: a v0.3 Sigstore bundle holding a DSSE envelope over `{subject: digest, predicateType,
 * predicate}`, as a referrer with the bundle annotations. Flux 2.8+ reads every such bundle on the digest as a
 * possible signature and accepts the artifact when one verifies, so an attestation signed by the workflow's own
 * identity also satisfies a cluster, and one by another identity does not stop a valid signature from counting.
 */
export async function attestDocument(target: Target, subject: Descriptor, options: AttestOptions): Promise<AttestResult> {
  const signer = options.signer ?? (await createBundleSigner(options.identity));
  const bundle = await signer.signStatement(inTotoStatement(subject.digest, options.predicateType, options.predicate));
  const referrer = await attachSigstoreBundle(target, subject, bundle, options.predicateType);
  const logIndex = bundle.verificationMaterial.tlogEntries[0]?.logIndex;
  return { referrer, predicateType: options.predicateType, ...(logIndex !== undefined ? { rekorLogIndex: String(logIndex) } : {}) };
}
