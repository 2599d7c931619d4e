import { assertValidTag } from '../oci/reference.ts';
import { applyTag, type TagResult } from '../oci/copy.ts';
import type { Descriptor } from '../oci/descriptor.ts';
import type { Target } from '../oci/target.ts';
import { guardTags } from './tag-guard.ts';

export interface TagArtifactResult {
  descriptor: Descriptor;
  tags: TagResult[];
}

/**
 * Points tags at the manifest a reference names, copying the manifest bytes (never blobs), so the digest and
 * its signatures stay valid. A tag that already points there is left alone: no write at all. Protected tags
 * (tag-guard.ts) move only when `force` names them.
 */
export async function tagArtifact(
  target: Target,
  reference: string,
  tags: readonly string[],
  options: { force?: readonly string[] } = {},
): Promise<TagArtifactResult> {
  tags.forEach(assertValidTag);
  const source = await target.fetchManifest(reference);
  await guardTags(target, tags, source.descriptor.digest, options.force);
  const results: TagResult[] = [];
  for (const tag of new Set(tags)) results.push(await applyTag(target, source, tag, { lookFirst: true }));
  return { descriptor: source.descriptor, tags: results };
}
