import type { Descriptor } from '../oci/descriptor.ts';
import type { Target } from '../oci/target.ts';
import { attachDocuments, generateSbom, readDocument, type ArtifactDocument, type AttachedDocument } from '../documents/attach.ts';
import { SbomError } from '../documents/errors.ts';
import type { WalkOptions } from '../artifact/walk.ts';
import type { BundleSigner, SigningIdentity } from '../sign/signer.ts';
import { PublishError } from './errors.ts';
import type { DocumentsPlan, SigningPlan } from './request.ts';

/** Attestations are Sigstore signatures: refused, before anything is pushed, without cosign signing. */
export function assertAttestable(signing: SigningPlan | undefined, documents: DocumentsPlan | undefined): void {
  if (documents?.attest && signing?.kind !== 'cosign') {
    const problem = 'signs each document with Sigstore: it needs cosign signing (keyless or with a key)';
    throw new PublishError('ATTEST_NEEDS_COSIGN', `attest ${problem}`, { field: 'attest', problem });
  }
}

/** The user's documents, read and recognised before anything is pushed. */
export async function readUserDocuments(files: readonly string[]): Promise<ArtifactDocument[]> {
  try {
    return await Promise.all(files.map((file) => readDocument(file)));
  } catch (err) {
    if (err instanceof SbomError) throw new PublishError('DOCUMENT_INVALID', err.message, { field: 'attach', cause: err });
    throw err;
  }
}

export interface DocumentsStep {
  run: (descriptor: Descriptor) => Promise<void>;
  attached: () => AttachedDocument[];
}

export interface DocumentsContext {
  /** The tree the artifact packs, for the generated SBOM. */
  path: string;
  walk: WalkOptions;
  source: string;
  revision: string;
  files: readonly ArtifactDocument[];
  /** Attest with this identity and signer (the artifact's), when asked to. */
  attest?: { identity: SigningIdentity; signer?: BundleSigner };
}

/**
 * The step that attaches an artifact's documents (a generated SBOM first, then the user's), after signing and
 * before the tags move; undefined when there is nothing to attach. `attached()` is what it attached.
 */
export function documentsStep(target: Target, plan: DocumentsPlan | undefined, context: DocumentsContext): DocumentsStep | undefined {
  const sbom = plan?.sbom;
  if (!sbom && !context.files.length) return undefined;
  let attached: AttachedDocument[] = [];
  return {
    run: async (descriptor) => {
      const subject = { repository: target.name, digest: descriptor.digest, source: context.source, revision: context.revision };
      const generated = sbom ? [await generateSbom(context.path, sbom, subject, context.walk)] : [];
      attached = await attachDocuments(target, descriptor, [...generated, ...context.files], { attest: context.attest });
    },
    attached: () => attached,
  };
}
