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
  const steps = artifactSteps(target, target.name, path, { ...request, files, signatures });
  const result = await pushArtifact({ ...push, path, target, beforeTag: steps.beforeTag, onPushing: steps.prepare });
  return { ...result, signature: steps.signature(), attached: steps.attached() };
}
