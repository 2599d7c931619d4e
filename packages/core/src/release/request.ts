import type { WalkOptions } from '../artifact/walk.ts';
import type { Location } from '../oci/open.ts';
import type { RegistryClient } from '../oci/registry.ts';
import type { Verification } from '../verify/signatures.ts';
import type { ReleaseResult, ReleaseSigning } from './release.ts';
import type { ReleaseTag } from './tag.ts';

// What a release asks for, once for both front doors (the release-artifact action and `d2ci release`): each parses
// its inputs or flags into one of these plans and renders the outcome in its own words.

interface Moving {
  /**
   * What is packed or compared, with push's meaning (ignore-paths, source-ignore …): give a release what push was
   * given, so the tagged tree packs to the content staging published.
   */
  walk?: WalkOptions;
  /** Sign with the release workflow's identity (what production's matchOIDCIdentity expects). */
  signing?: ReleaseSigning;
  /** Move `latest-stable` below the version it holds. */
  allowDowngrade?: boolean;
}

/** What this release does: roll `latest-stable` back, or release a version by promoting or building. */
export type ReleasePlan =
  | {
      kind: 'rollback';
      /** The earlier release to point `latest-stable` at again (a bare version, or a tag naming a component). */
      release: ReleaseTag;
      /** Production's policy: the release's signature must verify before anything moves. */
      verification: Verification;
    }
  | (Moving & {
      kind: 'promote';
      release: ReleaseTag;
      /** The staging signature the artifact must carry before it is promoted. */
      verification: Verification;
      /** The tagged commit: an artifact whose revision names it is the one staging ran. */
      commit?: string;
      /** The tagged tree, to find an artifact with identical content when no revision names the commit. */
      path?: string;
    })
  | (Moving & {
      kind: 'build';
      release: ReleaseTag;
      /** The tree to pack. */
      path: string;
      source: string;
      revision: string;
    });

export type ReleaseRequest = ReleasePlan & {
  /** The repository given; a component's release lives at `<repository>/<component>` (see releaseLocation). */
  repository: Location;
  /** Opens the release's repository (one auth session with the front door's). */
  client: RegistryClient;
  /** How long to wait before reading the version tag back (races with another run; see claim.ts). */
  settleMs?: number;
};

export interface ReleaseOutcome extends ReleaseResult {
  /** Where the release went: the repository, or its component's. */
  location: Location;
  /** That location as a name, e.g. `ghcr.io/acme/apps/frontend`. */
  name: string;
}
