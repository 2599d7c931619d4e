import { childLocation, locationName, openTarget, type Location } from '../oci/open.ts';
import { releaseArtifact, rollbackRelease, type ReleaseResult } from './release.ts';
import type { ReleaseOutcome, ReleaseRequest } from './request.ts';
import type { ReleaseTag } from './tag.ts';

/** `<repository>/<component>` for a component's release (as the D2 component repositories publish them), else the repository. */
export function releaseLocation(repository: Location, release: ReleaseTag): Location {
  return release.component ? childLocation(repository, release.component) : repository;
}

/** The tree a release packs (build) or compares with (promote) by default: `components/<component>`, or `.`. */
export function defaultReleasePath(release: ReleaseTag): string {
  return release.component ? `components/${release.component}` : '.';
}

/**
 * Runs one release request: in the release's repository (the component's, for a component tag), a rollback of
 * `latest-stable` to a verified earlier release, or a release by promoting what staging published for the tagged
 * commit (verified, re-signed, tagged) or by building it from the tree (see releaseArtifact). Refusals throw
 * ReleaseRefused, and nothing has moved.
 */
export async function runRelease(request: ReleaseRequest): Promise<ReleaseOutcome> {
  const { release } = request;
  const location = releaseLocation(request.repository, release);
  const target = openTarget(location, request.client);
  const common = { target, release, settleMs: request.settleMs };
  let result: ReleaseResult;
  if (request.kind === 'rollback') {
    result = await rollbackRelease({ target, version: release.version, verification: request.verification });
  } else if (request.kind === 'promote') {
    const { commit, path, walk, verification, signing, allowDowngrade } = request;
    result = await releaseArtifact({ ...common, mode: 'promote', commit, path, walk, verification, signing, allowDowngrade });
  } else {
    const { path, walk, source, revision, signing, allowDowngrade } = request;
    result = await releaseArtifact({ ...common, mode: 'build', path, walk, source, revision, signing, allowDowngrade });
  }
  // A rollback named by a component's tag is that component's too.
  const component = result.component ?? release.component;
  return { ...result, ...(component ? { component } : {}), location, name: locationName(location) };
}
