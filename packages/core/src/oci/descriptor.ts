import { OciError } from './errors.ts';
import { isIndexMediaType, isManifestMediaType } from './media-types.ts';
import { parseDigest, sha256 } from './digest.ts';

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  artifactType?: string;
  urls?: string[];
  data?: string;
  platform?: { architecture: string; os: string; [key: string]: unknown };
}

export interface ImageManifest {
  schemaVersion: 2;
  mediaType?: string;
  artifactType?: string;
  config: Descriptor;
  layers: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

export interface ImageIndex {
  schemaVersion: 2;
  mediaType?: string;
  artifactType?: string;
  manifests: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

export type Manifest = ImageManifest | ImageIndex;

export function isIndex(manifest: Manifest): manifest is ImageIndex {
  return Array.isArray((manifest as ImageIndex).manifests);
}

/** A descriptor for some bytes, with the sha256 digest computed. */
export function descriptorFor(mediaType: string, data: Uint8Array, extra: Partial<Descriptor> = {}): Descriptor {
  return { mediaType, digest: sha256(data), size: data.length, ...extra };
}

function assertDescriptor(value: unknown, where: string): asserts value is Descriptor {
  const d = value as Descriptor;
  if (
    typeof d !== 'object' ||
    d === null ||
    typeof d.mediaType !== 'string' ||
    typeof d.digest !== 'string' ||
    !Number.isSafeInteger(d.size) ||
    d.size < 0
  ) {
    throw new OciError('MANIFEST_INVALID', `${where} is not a valid descriptor (needs mediaType, digest and size)`);
  }
  parseDigest(d.digest);
}

/**
 * Parses manifest bytes and checks the parts we rely on. The media type comes from the body when present,
 * else from the transport (Content-Type); a mismatch between the two is rejected, as the distribution spec asks.
 */
export function parseManifest(data: Uint8Array, contentType?: string): { manifest: Manifest; mediaType: string } {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(Buffer.from(data).toString('utf8')) as Manifest;
  } catch {
    throw new OciError('MANIFEST_INVALID', 'manifest is not valid JSON');
  }
  if (typeof manifest !== 'object' || manifest === null || manifest.schemaVersion !== 2) {
    throw new OciError('MANIFEST_INVALID', 'manifest schemaVersion is not 2');
  }
  const declared = manifest.mediaType;
  const transported = contentType?.split(';')[0]?.trim();
  if (declared && transported && isManifestMediaType(transported) && declared !== transported) {
    throw new OciError('MANIFEST_INVALID', `manifest mediaType ${declared} does not match Content-Type ${transported}`);
  }
  const mediaType = declared ?? (transported && isManifestMediaType(transported) ? transported : undefined);
  if (!mediaType || !isManifestMediaType(mediaType)) {
    throw new OciError('MANIFEST_INVALID', `unsupported manifest media type ${mediaType ?? '(none)'}`);
  }
  if (isIndexMediaType(mediaType)) {
    const index = manifest as ImageIndex;
    if (!Array.isArray(index.manifests)) throw new OciError('MANIFEST_INVALID', 'index has no manifests array');
    index.manifests.forEach((d, i) => assertDescriptor(d, `manifests[${i}]`));
  } else {
    const image = manifest as ImageManifest;
    assertDescriptor(image.config, 'config');
    if (!Array.isArray(image.layers)) throw new OciError('MANIFEST_INVALID', 'manifest has no layers array');
    image.layers.forEach((d, i) => assertDescriptor(d, `layers[${i}]`));
  }
  if (manifest.subject !== undefined) assertDescriptor(manifest.subject, 'subject');
  return { manifest, mediaType };
}

/** The nodes a manifest points down to: an index's manifests, an image's config and layers (not its subject). */
export function successors(manifest: Manifest): Descriptor[] {
  return isIndex(manifest) ? [...manifest.manifests] : [manifest.config, ...manifest.layers];
}

/** The artifact type shown for a manifest in referrers listings (image-spec: artifactType, else config media type). */
export function artifactTypeOf(manifest: Manifest): string | undefined {
  if (manifest.artifactType) return manifest.artifactType;
  return isIndex(manifest) ? undefined : manifest.config.mediaType;
}

/**
 * A copy of a descriptor with only the standard fields, in go-containerregistry's field order (what Flux and
 * cosign write), so manifests we build serialise to the same bytes as theirs.
 */
export function plainDescriptor(d: Descriptor): Descriptor {
  const out = { mediaType: d.mediaType, size: d.size, digest: d.digest } as Descriptor;
  if (d.data !== undefined) out.data = d.data;
  if (d.urls !== undefined) out.urls = d.urls;
  if (d.annotations !== undefined) out.annotations = d.annotations;
  if (d.platform !== undefined) out.platform = d.platform;
  if (d.artifactType !== undefined) out.artifactType = d.artifactType;
  return out;
}

/** Sorts annotation keys, as Go's json.Marshal does for maps, so manifests are byte-stable. */
export function sortedAnnotations(annotations: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(annotations).sort()) out[key] = annotations[key] as string;
  return out;
}
