import { copyGraph, type CopyResult } from '../oci/copy.ts';
import type { FetchedManifest, Target } from '../oci/target.ts';

/** What a copy wrote on the destination, counted as it goes (a second copy of the same artifact counts nothing). */
export interface CopyStats {
  /** Manifests stored: the artifact's, referrers', cosign signature images'. */
  manifests: number;
  blobs: { uploaded: number; mounted: number; present: number };
  /** Bytes sent to the destination (uploaded blobs and stored manifests; mounted blobs are not sent). */
  bytes: number;
}

/** The two sides of one copy and its running count. */
export interface CopyContext {
  source: Target;
  destination: Target;
  /** The source repository, when the destination can mount blobs from it (same registry, same credentials). */
  mountFrom?: string;
  stats: CopyStats;
}

export function emptyStats(): CopyStats {
  return { manifests: 0, blobs: { uploaded: 0, mounted: 0, present: 0 }, bytes: 0 };
}

/** Adds what one oci `copyGraph` did to the count. */
export function count(stats: CopyStats, root: FetchedManifest, result: CopyResult): void {
  for (const { descriptor, result: how } of result.blobs) {
    if (how === 'uploaded') {
      stats.blobs.uploaded++;
      stats.bytes += descriptor.size;
    } else if (how === 'mounted') stats.blobs.mounted++;
    else stats.blobs.present++;
  }
  if (!result.existed) {
    stats.manifests++;
    stats.bytes += root.bytes.length;
  }
}

/**
 * Copies one manifest graph (blobs skipped when the destination has them, mounted when it can) and counts it.
 * `checkRoot: false` stores the manifest even when the destination has it, so a registry without the referrers
 * API gets the referrer's entry in its `sha256-<hex>` index again (an earlier copy may have stopped in between).
 */
export async function copyManifest(
  context: CopyContext,
  root: FetchedManifest,
  options: { tags?: string[]; checkRoot?: boolean; beforeTag?: () => Promise<void> } = {},
): Promise<CopyResult> {
  const result = await copyGraph(context.source, root, context.destination, {
    tags: options.tags,
    checkRoot: options.checkRoot,
    ...(context.mountFrom ? { mountFrom: context.mountFrom } : {}),
    ...(options.beforeTag ? { beforeTag: options.beforeTag } : {}),
  });
  count(context.stats, root, result);
  return result;
}
