import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWriteStream } from 'node:fs';
import { assertValidTag } from '../oci/reference.ts';
import { bytesSource, fileSource } from '../oci/content.ts';
import { MemoryStore } from '../oci/memory.ts';
import { applyTag, copyGraph, type CopyResult, type TagResult } from '../oci/copy.ts';
import { isNotFound } from '../oci/errors.ts';
import { parseManifest, type Descriptor } from '../oci/descriptor.ts';
import type { FetchedManifest, Target } from '../oci/target.ts';
import { ArtifactPathError, walkEntries, type WalkOptions } from './walk.ts';
import { writeLayer, type LayerInfo } from './build.ts';
import { fluxManifest, type ArtifactMetadata } from './manifest.ts';
import { guardTags } from './tag-guard.ts';
import { withTempDir } from './temp.ts';
import { sameContent } from './layer.ts';

export interface PushArtifactOptions extends WalkOptions, ArtifactMetadata {
  /** Directory (or file) to pack. */
  path: string;
  target: Target;
  /** Tags to point at the artifact. Default: `diffTag`, else `latest`. */
  tags?: readonly string[];
  /** Compare with the artifact at this tag first; if the content is the same, push nothing (like D2's `diff-tag`). */
  diffTag?: string;
  /** Protected tags (latest-stable, an existing release version) the user explicitly allows to move (see tag-guard.ts). */
  force?: readonly string[];
  /** Runs once the manifest is stored by digest, before any tag moves (signing goes here). */
  beforeTag?: (descriptor: Descriptor) => Promise<void>;
  /**
   * Called once it is settled that content will be pushed (the diff tag holds other content, or none), before the
   * first blob request: a keyless signer fetches its OIDC token and Fulcio certificate meanwhile, so those round
   * trips overlap the upload instead of following it. Nothing may be written from here: tags still wait for
   * `beforeTag`. Given the manifest that will be stored, so signature blobs can be prepared for its digest.
   */
  onPushing?: (descriptor: Descriptor) => void;
  /** Where the layer tarball is staged (default: the OS temp dir, e.g. RUNNER_TEMP on GitHub). */
  tempDir?: string;
  concurrency?: number;
}

export interface PushArtifactResult {
  /** False when `diffTag` already holds the same content. */
  pushed: boolean;
  /** Why it was (not) pushed, for summaries. */
  reason: string;
  /** The manifest the tags point at: the new one, or the existing one at `diffTag`. */
  descriptor: Descriptor;
  tags: TagResult[];
  layer: LayerInfo;
  annotations: Record<string, string>;
  blobs: CopyResult['blobs'];
}

/**
 * Packs a directory into a Flux artifact and pushes it: blobs first, then the manifest, then (after the
 * optional `beforeTag` step) the tags. With `diffTag`, unchanged content is not pushed again; its tags are
 * still applied to what `diffTag` holds, as the D2 push action does.
 */
export async function pushArtifact(options: PushArtifactOptions): Promise<PushArtifactResult> {
  const tags = [...new Set([...(options.diffTag ? [options.diffTag] : []), ...(options.tags ?? [])])];
  if (tags.length === 0) tags.push('latest');
  tags.forEach(assertValidTag);

  // A push writes (the manifest, or when unchanged the extra tags): one token exchange for reads and writes. Asking
  // for push without the right is no error: token servers grant the subset the caller has (docker token spec).
  options.target.expectPush?.();
  // Ask for the diff-tag's manifest first, so the registry round trip (and any token exchange) overlaps packing.
  const current = options.diffTag ? fetchIfExists(options.target, options.diffTag) : undefined;
  current?.catch(() => undefined); // awaited below; a bad path must not leave this rejection unhandled
  return withTempDir(join(options.tempDir ?? tmpdir(), 'd2ci-push-'), async (work) => {
    const layerFile = join(work, 'layer.tar.gz');
    const layer = await writeLayer(walkEntries(options.path, options), createWriteStream(layerFile));
    if (layer.files === 0)
      throw new ArtifactPathError('PATH_EMPTY', { path: options.path, detail: 'has no files to pack (after ignore rules)' });

    // Whether the diff tag named an artifact at all: a first push says so instead of claiming a difference.
    let diffTagFound = false;
    if (options.diffTag && current) {
      const existing = await current;
      diffTagFound = existing !== undefined;
      const same = existing && sameContent(existing, layer);
      if (existing && same) {
        await guardTags(
          options.target,
          tags.filter((t) => t !== options.diffTag),
          existing.descriptor.digest,
          options.force,
          options.diffTag,
        );
        const results: TagResult[] = [];
        for (const tag of tags)
          results.push(
            tag === options.diffTag ? { tag, changed: false } : await applyTag(options.target, existing, tag, { lookFirst: true }),
          );
        const { manifest } = parseManifest(existing.bytes, existing.descriptor.mediaType);
        return {
          pushed: false,
          reason: `content unchanged since ${options.diffTag}${same === 'tar' ? ' (the same tar, compressed by an earlier d2ci)' : ''}`,
          descriptor: existing.descriptor,
          tags: results,
          layer,
          annotations: manifest.annotations ?? {},
          blobs: [],
        };
      }
    }

    const built = fluxManifest(layer, options);
    // Before any byte is uploaded: a push that may not move one of its tags moves none.
    await guardTags(options.target, tags, built.descriptor.digest, options.force, options.diffTag);
    options.onPushing?.(built.descriptor);
    const staging = new MemoryStore('staging');
    staging.stage(built.configDescriptor, bytesSource(built.config));
    staging.stage(built.layerDescriptor, fileSource(layerFile, layer.size));
    staging.stage(built.descriptor, bytesSource(built.manifest));
    const copied = await copyGraph(staging, { descriptor: built.descriptor, bytes: built.manifest }, options.target, {
      tags,
      // A fresh `created` makes the manifest new; only a reproducible one can already be there.
      checkRoot: options.reproducible === true || options.created !== undefined,
      beforeTag: options.beforeTag,
      concurrency: options.concurrency,
    });
    const reason = !options.diffTag
      ? 'no diff-tag set'
      : copied.existed
        ? `identical artifact already in ${options.target.name}`
        : diffTagFound
          ? `content differs from ${options.diffTag}`
          : `${options.diffTag} not found in ${options.target.name} (first push)`;
    return {
      pushed: true,
      reason,
      descriptor: built.descriptor,
      tags: copied.tags,
      layer,
      annotations: built.annotations,
      blobs: copied.blobs,
    };
  });
}

/** The manifest at a reference, or undefined when the tag does not exist. */
export async function fetchIfExists(target: Target, reference: string): Promise<FetchedManifest | undefined> {
  try {
    return await target.fetchManifest(reference);
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}
