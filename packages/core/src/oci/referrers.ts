import { parseDigest } from './digest.ts';
import type { Descriptor, ImageIndex, Manifest } from './descriptor.ts';
import { artifactTypeOf, plainDescriptor } from './descriptor.ts';
import { MediaType } from './media-types.ts';

/**
 * The Referrers Tag Schema tag for a subject digest (distribution-spec §"Referrers Tag Schema"):
 * `<alg>-<hex>`, algorithm truncated to 32 characters and the encoded part to 64.
 */
export function referrersTag(subjectDigest: string): string {
  const { algorithm, hex } = parseDigest(subjectDigest);
  return `${algorithm.slice(0, 32)}-${hex.slice(0, 64)}`.replace(/[^a-zA-Z0-9._-]/g, '-');
}

/** The descriptor a referrers listing shows for a manifest: its artifact type and annotations. */
export function referrerDescriptor(descriptor: Descriptor, manifest: Manifest): Descriptor {
  const out = plainDescriptor({ mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size });
  const artifactType = artifactTypeOf(manifest);
  if (manifest.annotations && Object.keys(manifest.annotations).length) out.annotations = manifest.annotations;
  if (artifactType) out.artifactType = artifactType;
  return out;
}

export function emptyReferrersIndex(): ImageIndex {
  return { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: [] };
}

/**
 * Adds a referrer to a fallback index, kept sorted by digest as go-containerregistry (so cosign) writes it
 * (`remote/write.go` `commitSubjectReferrers`: "Sort the manifests for reproducibility"); returns false when it is
 * already listed.
 */
export function addReferrer(index: ImageIndex, referrer: Descriptor): boolean {
  if (index.manifests.some((d) => d.digest === referrer.digest)) return false;
  index.manifests.push(referrer);
  index.manifests.sort((a, b) => (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0));
  return true;
}

/** Removes a referrer from a fallback index; returns false when it was not listed. */
export function removeReferrer(index: ImageIndex, digest: string): boolean {
  const before = index.manifests.length;
  index.manifests = index.manifests.filter((d) => d.digest !== digest);
  return index.manifests.length !== before;
}

export function filterByArtifactType(referrers: Descriptor[], artifactType: string | undefined): Descriptor[] {
  return artifactType ? referrers.filter((d) => d.artifactType === artifactType) : referrers;
}
