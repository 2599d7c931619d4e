import type { Descriptor } from '../oci/descriptor.ts';
import type { Target } from '../oci/target.ts';
import type { ArtifactDocument, AttachedDocument } from '../documents/attach.ts';
import type { SignResult } from '../sign/sign.ts';
import { documentsStep } from './documents.ts';
import type { Signatures } from './signing.ts';
import type { DocumentsPlan, PublishOptions } from './request.ts';

/** What runs between storing an artifact's manifest and moving its tags, and what it did. */
export interface ArtifactSteps {
  /** Undefined when there is nothing to do: the manifest is then stored by tag directly (one request fewer). */
  beforeTag: ((descriptor: Descriptor) => Promise<void>) | undefined;
  signature: () => SignResult | undefined;
  attached: () => AttachedDocument[];
  /** Once the push is settled: starts the signer's certificate and the signature's blobs for `descriptor`. */
  prepare: (descriptor: Descriptor) => void;
}

/** Sign, then attach (and attest) documents: the `beforeTag` chain of one artifact, keyed by `key` for signing. */
export function artifactSteps(
  target: Target,
  key: string,
  path: string,
  options: PublishOptions & { documents?: DocumentsPlan; files?: readonly ArtifactDocument[]; signatures?: Signatures },
): ArtifactSteps {
  const { signatures, documents, signing } = options;
  const sign = signatures?.step(target, key);
  const attach = documentsStep(target, documents, {
    path,
    walk: {
      ignorePaths: options.ignorePaths,
      addIgnorePaths: options.addIgnorePaths,
      sourceIgnore: options.sourceIgnore,
      resolveSymlinks: options.resolveSymlinks,
    },
    source: options.source,
    revision: options.revision,
    files: options.files ?? [],
    attest: documents?.attest && signing?.kind === 'cosign' ? { identity: signing.identity, signer: signatures?.bundleSigner } : undefined,
  });
  return {
    beforeTag:
      sign || attach
        ? async (descriptor) => {
            await sign?.(descriptor);
            await attach?.run(descriptor);
          }
        : undefined,
    signature: () => signatures?.result(key),
    attached: () => attach?.attached() ?? [],
    prepare: (descriptor) => {
      signatures?.prepare?.();
      signatures?.prepareFor?.(key, descriptor);
    },
  };
}
