import { OciError, isNotFound } from './errors.ts';
import { isManifestMediaType } from './media-types.ts';
import { parseManifest, successors, type Descriptor } from './descriptor.ts';
import { bytesSource, readAll } from './content.ts';
import { canMount, type BlobPushResult, type FetchedManifest, type Target } from './target.ts';
import { mapLimit } from './concurrency.ts';

export interface CopyOptions {
  /** Tags to point at the root in the destination. */
  tags?: readonly string[];
  /**
   * Check whether the destination already has the root manifest and skip its whole graph if so (default true).
   * Turn off when the root is certainly new (a fresh timestamp), to save a request.
   */
  checkRoot?: boolean;
  /**
   * Runs after the root manifest is stored by digest and before any tag moves: the place for signing, so a tag
   * never points at content that is not complete and signed. If it throws, no tag is touched.
   */
  beforeTag?: (root: Descriptor) => Promise<void>;
  /** Blob uploads in flight at once (default 4). */
  concurrency?: number;
  /** A repository on the same registry to mount blobs from instead of uploading them. */
  mountFrom?: string;
}

export interface TagResult {
  tag: string;
  /** False when the tag already pointed at the root, so nothing was written. */
  changed: boolean;
}

export interface CopyResult {
  descriptor: Descriptor;
  /** True when the destination already had the root manifest, so no content was copied. */
  existed: boolean;
  blobs: { descriptor: Descriptor; result: BlobPushResult }[];
  tags: TagResult[];
}

/** Copies the manifest named by `reference` in `src`, and everything below it, into `dst`; then tags it. */
export async function copy(src: Target, reference: string, dst: Target, options: CopyOptions = {}): Promise<CopyResult> {
  return copyGraph(src, await src.fetchManifest(reference), dst, options);
}

/**
 * Copies a manifest graph bottom-up (children before parents, so no manifest ever lands before its blobs),
 * skipping what the destination has, then stores the root and moves the tags. Without `beforeTag`, the root
 * is stored under its first tag in one request, which is just as safe: its blobs are already there.
 */
export async function copyGraph(src: Target, root: FetchedManifest, dst: Target, options: CopyOptions = {}): Promise<CopyResult> {
  const tags = [...new Set(options.tags ?? [])];
  const blobs: CopyResult['blobs'] = [];
  const existed = options.checkRoot !== false && (await dst.exists(root.descriptor));
  const written = new Map<string, TagResult>();
  if (!existed) {
    await copyChildren(src, root, dst, options, blobs);
    const first = tags[0];
    if (!options.beforeTag && first !== undefined) {
      // Through applyTag, so an identical push that landed meanwhile (immutable tags) is not an error here either.
      written.set(first, await applyTag(dst, root, first, { lookFirst: false }));
    } else {
      await dst.push(root.descriptor, bytesSource(root.bytes));
    }
  }
  if (options.beforeTag) await options.beforeTag(root.descriptor);
  const results = await mapLimit(tags, 4, async (tag): Promise<TagResult> => {
    const done = written.get(tag);
    if (done) return done;
    // Only an existing root can already be tagged; a new one saves the lookup.
    return applyTag(dst, root, tag, { lookFirst: existed });
  });
  return { descriptor: root.descriptor, existed, blobs, tags: results };
}

/**
 * Points `tag` at a stored manifest. With `lookFirst`, resolves the tag first and writes nothing when it already
 * points there (immutable-tag registries reject even a same-digest re-put). A rejected write is forgiven only
 * when the tag turns out to point at the manifest already. `seen` is a look made already, alongside other reads:
 * the digest the tag pointed at (undefined when it did not exist).
 */
export async function applyTag(
  dst: Target,
  root: FetchedManifest,
  tag: string,
  options: { lookFirst: boolean } | { seen: string | undefined },
): Promise<TagResult> {
  const before = 'seen' in options ? options.seen : options.lookFirst ? await currentDigest(dst, tag) : undefined;
  if (before === root.descriptor.digest) return { tag, changed: false };
  try {
    await dst.pushReference(root.descriptor, root.bytes, tag);
    return { tag, changed: true };
  } catch (err) {
    const refused = err instanceof OciError && err.status !== undefined && err.status >= 400 && err.status < 500;
    const current = refused ? await currentDigest(dst, tag).catch(() => undefined) : undefined;
    if (refused && current === root.descriptor.digest) return { tag, changed: false };
    throw (current !== undefined && immutableTagError(err, dst.name, tag)) || err;
  }
}

/**
 * ECR's answer to moving an immutable tag (`400 TAG_INVALID … cannot be overwritten because the tag is immutable`)
 * as an error that names the tag and the fix; undefined for other errors. Called for a tag that exists and points
 * elsewhere: TAG_INVALID there is the registry refusing to move it (our tags follow the grammar, and the
 * distribution spec's other TAG_INVALID, a schema 1 manifest naming another tag, cannot happen), so the code
 * decides, not the registry's wording.
 */
export function immutableTagError(err: unknown, repository: string, tag: string): OciError | undefined {
  if (!(err instanceof OciError) || err.code !== 'TAG_INVALID') return undefined;
  return new OciError(
    'TAG_INVALID',
    `tag "${tag}" of ${repository} is immutable in the registry and already points at another manifest, so it cannot be moved`,
    {
      status: err.status,
      cause: err,
      hint: `in ECR set the repository's tag mutability to IMMUTABLE_WITH_EXCLUSION with an exclusion filter for "${tag}" (or MUTABLE), or don't move "${tag}"`,
    },
  );
}

/** The digest a tag points at, or undefined when the tag does not exist. */
export async function currentDigest(target: Target, tag: string): Promise<string | undefined> {
  try {
    return (await target.resolve(tag)).digest;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

async function copyChildren(
  src: Target,
  node: FetchedManifest,
  dst: Target,
  options: CopyOptions,
  report: CopyResult['blobs'],
): Promise<void> {
  const { manifest } = parseManifest(node.bytes, node.descriptor.mediaType);
  const unique = [...new Map(successors(manifest).map((d) => [d.digest, d])).values()];
  await mapLimit(unique, options.concurrency ?? 4, async (child) => {
    if (isManifestMediaType(child.mediaType)) {
      if (await dst.exists(child)) return;
      const bytes = await readAll(await src.fetch(child));
      await copyChildren(src, { descriptor: child, bytes }, dst, options, report);
      await dst.push(child, bytesSource(bytes));
      return;
    }
    let result: BlobPushResult = 'exists';
    if (!(await dst.exists(child))) {
      if (options.mountFrom && canMount(dst)) {
        result = await dst.mount(child, options.mountFrom, src.source(child));
      } else {
        await dst.push(child, src.source(child));
        result = 'uploaded';
      }
    }
    report.push({ descriptor: child, result });
  });
}
