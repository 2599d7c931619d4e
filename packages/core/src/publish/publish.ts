import { pushArtifact } from '../artifact/push.ts';
import { assertAttestable, readUserDocuments } from './documents.ts';
import { prepareSigning } from './signing.ts';
import { artifactSteps } from './steps.ts';
import type { PublishRequest, PublishResult } from './request.ts';

/**
 * Packs a tree into a Flux artifact and pushes it: blobs, then the manifest, then the signature (cosign or
 * Notation) and the documents (a generated SBOM, the user's files, their attestations), and only then the tags, so
 * a failure at any step moves no tag. The user's documents are read, and the signer loaded, before anything is
 * pushed.
 */
export async function publishArtifact(request: PublishRequest): Promise<PublishResult> {
  const { path, target, documents, signing, ...push } = request;
  assertAttestable(signing, documents);
  const files = await readUserDocuments(documents?.files ?? []);
  const signatures = await prepareSigning(signing);
  // The push fans out to the artifact's two blobs and, when signing, the signature's two blobs and its `.sig` tag
  // (one more for the diff-tag lookup's own): their connections open while that lookup and the token exchange are
  // under way.
  target.preconnect?.(signing ? 6 : 3);
  const steps = artifactSteps(target, target.name, path, { ...request, files, signatures });
  const pushing = pushArtifact({ ...push, path, target, beforeTag: steps.beforeTag, onPushing: steps.prepare });
  // Once the first request is on its way: what the signer can start early (the OIDC token, loading @sigstore/sign)
  // then fills the wait for its answer instead of delaying it.
  if (signatures?.warm) setImmediate(signatures.warm);
  const result = await pushing;
  return { ...result, signature: steps.signature(), attached: steps.attached() };
}
