import { currentDigest } from '../oci/copy.ts';
import type { Target } from '../oci/target.ts';
import semver from 'semver';

// Tags a push must not move. `sha256-<hex>(.sig|.att|.sbom)` and `sha256-<hex>` hold another artifact's cosign
// signature or its referrers index; `latest-stable` is what production follows and only a release moves it; a
// released version never moves. Release moves its own tags; a user may name the others in --force.

export type ProtectedTagCode = 'TAG_SIGNATURE' | 'TAG_STABLE' | 'TAG_RELEASED';

export class ProtectedTagError extends Error {
  readonly code: ProtectedTagCode;
  readonly field = 'tags';
  readonly tag: string;
  constructor(code: ProtectedTagCode, tag: string, message: string) {
    super(message);
    this.name = 'ProtectedTagError';
    this.code = code;
    this.tag = tag;
  }
}

export const stableTagName = 'latest-stable';

/** A release version tag: `v` and a semantic version (`v1.2.3`, `v2.0.0-rc.1`). */
export function isVersionTag(tag: string): boolean {
  return /^v[0-9]/.test(tag) && semver.valid(tag.replace(/^v/, '')) !== null;
}

/**
 * Refuses, before anything is pushed, tags this push may not point at `digest`. `force` names tags the user
 * explicitly allows to move (never the signature and referrers tags).
 */
export async function guardTags(target: Target, tags: readonly string[], digest: string, force: readonly string[] = []): Promise<void> {
  for (const tag of tags) {
    if (/^sha256-[0-9a-f]{64}/.test(tag)) {
      throw new ProtectedTagError(
        'TAG_SIGNATURE',
        tag,
        `tag "${tag}" holds the cosign signature, attestation or referrers index of artifact sha256:${tag.slice(7, 71)}; a push never writes it`,
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
          `tag "${tag}" is what production follows: only a release moves it (d2ci release, the release-artifact action), or name it in --force`,
        );
      }
      if (!isVersionTag(tag)) return;
      const existing = await currentDigest(target, tag);
      if (existing !== undefined && existing !== digest) {
        throw new ProtectedTagError(
          'TAG_RELEASED',
          tag,
          `tag "${tag}" is a released version pointing at ${existing}; a release never moves: release a new version, or name it in --force`,
        );
      }
    }),
  );
}
