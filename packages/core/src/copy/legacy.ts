import { MediaType } from '../oci/media-types.ts';
import { currentDigest } from '../oci/copy.ts';
import { descriptorFor, parseManifest, plainDescriptor, isIndex, type Descriptor, type ImageManifest } from '../oci/descriptor.ts';
import { bytesSource } from '../oci/content.ts';
import type { FetchedManifest } from '../oci/target.ts';
import { fetchIfExists } from '../artifact/push.ts';
import { CosignAnnotation, legacySignatureTag, signatureConfig } from '../sign/legacy.ts';
import { copyManifest, type CopyContext } from './context.ts';

/** cosign's tag-based suffixes (cosign pkg/oci/remote `SignatureTag`, `AttestationTag`, `SBOMTag`). */
export const cosignTagSuffixes = ['sig', 'att', 'sbom'] as const;
export type CosignTagSuffix = (typeof cosignTagSuffixes)[number];

export interface CosignTagCopy {
  tag: string;
  kind: CosignTagSuffix;
  /** The manifest the tag names on the source. */
  subject: string;
  /**
   * copied: the destination had no such tag; merged: it had other signatures, kept, with the source's added;
   * present: it already holds everything the source's does; kept: a different `.sbom`, left as it is.
   */
  action: 'copied' | 'merged' | 'present' | 'kept';
}

/** `sha256-<hex>.sig|.att|.sbom`: where cosign keeps a subject's signatures, attestations and SBOM by tag. */
export function cosignTag(subjectDigest: string, suffix: CosignTagSuffix): string {
  return legacySignatureTag(subjectDigest).replace(/\.sig$/, `.${suffix}`);
}

const layersOf = (fetched: FetchedManifest): Descriptor[] | undefined => {
  const { manifest } = parseManifest(fetched.bytes, fetched.descriptor.mediaType);
  return isIndex(manifest) ? undefined : (manifest.layers ?? []);
};

/** A layer is the same signature when its payload and its signature annotation are (cosign dedupes the same way). */
const layerKey = (layer: Descriptor): string => `${layer.digest} ${layer.annotations?.[CosignAnnotation.signature] ?? ''}`;

/**
 * The destination's `.sig`/`.att` image with the source's layers it lacks appended, as cosign appends a new
 * signature (`mutate.AppendLayers`, one layer per signature): a destination's own signatures (a production
 * release signature, say) are never dropped by a copy. Returns false when nothing was missing.
 */
async function merge(context: CopyContext, tag: string, from: FetchedManifest, into: FetchedManifest): Promise<boolean> {
  const ours = layersOf(into);
  const theirs = layersOf(from);
  if (!ours || !theirs) return false;
  const have = new Set(ours.map(layerKey));
  const missing = theirs.filter((layer) => !have.has(layerKey(layer)));
  if (missing.length === 0) return false;
  for (const layer of missing) {
    if (await context.destination.exists(layer)) continue;
    await context.destination.push(layer, context.source.source(layer));
    context.stats.blobs.uploaded++;
    context.stats.bytes += layer.size;
  }
  const layers = [...ours, ...missing];
  const config = signatureConfig(layers);
  const configDescriptor = descriptorFor(MediaType.ociConfig, config);
  const manifest: ImageManifest = { schemaVersion: 2, mediaType: MediaType.ociManifest, config: plainDescriptor(configDescriptor), layers };
  const bytes = Buffer.from(JSON.stringify(manifest));
  if (!(await context.destination.exists(configDescriptor))) await context.destination.push(configDescriptor, bytesSource(config));
  await context.destination.pushReference(descriptorFor(MediaType.ociManifest, bytes), bytes, tag);
  context.stats.manifests++;
  context.stats.bytes += bytes.length + config.length;
  return true;
}

/**
 * Copies cosign's tag-based signatures, attestations and SBOM of one subject (what `cosign copy` copies besides
 * the image). A destination without the tag gets the source's manifest as it is; one with other signatures under
 * it keeps them and gains the source's; a different `.sbom` is left alone (an SBOM is replaced, not merged).
 */
export async function copyCosignTags(context: CopyContext, subject: string): Promise<CosignTagCopy[]> {
  const found = await Promise.all(
    cosignTagSuffixes.map(async (kind) => {
      const tag = cosignTag(subject, kind);
      return { tag, kind, fetched: await fetchIfExists(context.source, tag) };
    }),
  );
  const copies: CosignTagCopy[] = [];
  for (const { tag, kind, fetched } of found) {
    if (!fetched) continue;
    const there = await currentDigest(context.destination, tag);
    let action: CosignTagCopy['action'];
    if (there === fetched.descriptor.digest) action = 'present';
    else if (there === undefined) {
      await copyManifest(context, fetched, { tags: [tag] });
      action = 'copied';
    } else if (kind === 'sbom') action = 'kept';
    else {
      const current = await context.destination.fetchManifest(there);
      action = (await merge(context, tag, fetched, current)) ? 'merged' : 'present';
    }
    copies.push({ tag, kind, subject, action });
  }
  return copies;
}
