import { currentDigest } from '../oci/copy.ts';
import type { Target } from '../oci/target.ts';
import semver from 'semver';
import { BaseError } from '../errors.ts';

// Tags a push must not move. `sha256-<hex>(.sig|.att|.sbom)` and `sha256-<hex>` hold another artifact's cosign
// signature or its referrers index; `latest-stable` is what production follows and only a release moves it; a
// released version never moves. Release moves its own tags; a user may name the others in --force.

export type ProtectedTagCode = 'TAG_SIGNATURE' | 'TAG_STABLE' | 'TAG_RELEASED';

/**
 * A tag this push may not move. `field` says which part of the request named it (`diff-tag` when it is the tag the
 * push compares with, which it also moves). `problem` is the refusal alone; `forcible` says whether naming the tag
 * in `force` would let it move, and the message adds the CLI's way to do that (`d2ci push` and `d2ci tag` take
 * `--force`; the actions have no such input, so they show `problem`).
 */
export class ProtectedTagError extends BaseError<ProtectedTagCode> {
  readonly tag: string;
  readonly forcible: boolean;
  constructor(code: ProtectedTagCode, tag: string, problem: string, field: 'tags' | 'diff-tag' = 'tags') {
    const forcible = code !== 'TAG_SIGNATURE';
    super(code, forcible ? `${problem}, or name it in --force` : problem, { field, problem });
    this.tag = tag;
    this.forcible = forcible;
  }
}

export const stableTagName = 'latest-stable';

/** A release version tag: `v` and a semantic version (`v1.2.3`, `v2.0.0-rc.1`). */
export function isVersionTag(tag: string): boolean {
  return /^v[0-9]/.test(tag) && semver.valid(tag.replace(/^v/, '')) !== null;
}

/**
 * Refuses, before anything is pushed, tags this push may not point at `digest`. `force` names tags the user
 * explicitly allows to move (never the signature and referrers tags); `diffTag`, when it is among `tags`, is the
 * one a refusal of it blames.
 */
export async function guardTags(
  target: Target,
  tags: readonly string[],
  digest: string,
  force: readonly string[] = [],
  diffTag?: string,
): Promise<void> {
  const field = (tag: string): 'tags' | 'diff-tag' => (tag === diffTag ? 'diff-tag' : 'tags');
  for (const tag of tags) {
    if (/^sha256-[0-9a-f]{64}/.test(tag)) {
      throw new ProtectedTagError(
        'TAG_SIGNATURE',
        tag,
        `tag "${tag}" holds the cosign signature, attestation or referrers index of artifact sha256:${tag.slice(7, 71)}; a push never writes it`,
        field(tag),
      );
    }
  }
  await Promise.all(
    tags.map(async (tag) => {
      if (force.includes(tag)) return;
      if (tag === stableTagName) {
        throw new ProtectedTagError(
          'TAG_STABLE',
          tag,
          `tag "${tag}" is what production follows: only a release moves it (d2ci release, the release-artifact action)`,
          field(tag),
        );
      }
      if (!isVersionTag(tag)) return;
      const existing = await currentDigest(target, tag);
      if (existing !== undefined && existing !== digest) {
        throw new ProtectedTagError(
          'TAG_RELEASED',
          tag,
          `tag "${tag}" is a released version pointing at ${existing}; a release never moves: release a new version`,
          field(tag),
        );
      }
    }),
  );
}
