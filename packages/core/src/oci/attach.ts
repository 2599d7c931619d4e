import { MediaType, emptyJson } from './media-types.ts';
import { descriptorFor, plainDescriptor, sortedAnnotations, type Descriptor, type ImageManifest } from './descriptor.ts';
import { bytesSource } from './content.ts';
import type { Target } from './target.ts';

export interface AttachOptions {
  /** The referrer's artifactType, e.g. `application/vnd.dev.sigstore.bundle.v0.3+json`. */
  artifactType: string;
  /** Media type of the single layer holding `content` (defaults to `artifactType`). */
  layerMediaType?: string;
  content: Buffer;
  annotations?: Record<string, string>;
}

/**
 * Stores small content unless the target already has it (one HEAD instead of an upload). With `writes`, the HEAD
 * goes now and the upload only once `writes` says true: a read ahead of a decision, a write after it.
 */
export async function pushIfMissing(target: Target, descriptor: Descriptor, content: Buffer, writes?: Promise<boolean>): Promise<void> {
  if (await target.exists(descriptor)) return;
  if (writes && !(await writes)) return;
  await target.push(descriptor, bytesSource(content));
}

/**
 * Attaches content to a manifest as an OCI 1.1 referrer (image-spec "artifact" guidance): an image manifest with
 * `artifactType`, the empty config, one layer and `subject`. Pushed by digest; a registry without the
 * referrers API gets the `sha256-<hex>` tag-schema index instead (RemoteRepository does that on push).
 */
export async function attachReferrer(target: Target, subject: Descriptor, options: AttachOptions): Promise<Descriptor> {
  const layer = descriptorFor(options.layerMediaType ?? options.artifactType, options.content);
  const config = descriptorFor(MediaType.ociEmpty, emptyJson);
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    artifactType: options.artifactType,
    config: plainDescriptor(config),
    layers: [plainDescriptor(layer)],
    subject: plainDescriptor({ mediaType: subject.mediaType, digest: subject.digest, size: subject.size }),
  };
  if (options.annotations && Object.keys(options.annotations).length) manifest.annotations = sortedAnnotations(options.annotations);
  const bytes = Buffer.from(JSON.stringify(manifest));
  const descriptor = descriptorFor(MediaType.ociManifest, bytes, { artifactType: options.artifactType });
  await Promise.all([pushIfMissing(target, config, emptyJson), pushIfMissing(target, layer, options.content)]);
  await target.push(descriptor, bytesSource(bytes));
  return descriptor;
}
