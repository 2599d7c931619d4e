import semver from 'semver';
import { BaseError } from '../errors.ts';
import { isValidTag } from '../oci/reference.ts';
import { isVersionTag } from '../artifact/tag-guard.ts';

export { isVersionTag };

/** A release named by a Git tag: `v1.2.3` (fleet repositories) or `frontend/v1.2.3` (component repositories). */
export interface ReleaseTag {
  /** The Git tag name, without `refs/tags/`. */
  ref: string;
  component?: string;
  /** The version as tagged, e.g. `v1.2.3`; also the OCI tag. */
  version: string;
  prerelease: boolean;
}

/** `vX.Y.Z` or `<component>/vX.Y.Z`; named groups `component` (optional) and `version`. */
export const defaultReleaseTagPattern =
  '^(?:(?<component>[a-z0-9]+(?:[._-][a-z0-9]+)*)/)?(?<version>v[0-9]+\\.[0-9]+\\.[0-9]+(?:-[0-9A-Za-z.-]+)?)$';

/** RELEASE_TAG_INVALID: the tag is not a release; TAG_PATTERN_INVALID: the pattern cannot parse any. */
export type ReleaseTagErrorCode = 'RELEASE_TAG_INVALID' | 'TAG_PATTERN_INVALID';

export type ReleaseTagField = 'ref' | 'rollback-to' | 'tag-pattern';

/**
 * A release tag or tag pattern that does not parse. Its field is the pattern, or the tag as `ref` (a rollback's
 * target is `rollback-to`); `problem` is the message without the leading "release tag".
 */
export class ReleaseTagError extends BaseError<ReleaseTagErrorCode> {
  declare readonly field: ReleaseTagField;
  constructor(code: ReleaseTagErrorCode, message: string, options: { field: ReleaseTagField; problem?: string }) {
    super(code, message, options);
  }
}

const invalidPattern = (message: string) => new ReleaseTagError('TAG_PATTERN_INVALID', message, { field: 'tag-pattern' });

/** A tag that is not a release. With `named` the message starts "release tag", which `problem` leaves out. */
function invalidTag(problem: string, named = false): ReleaseTagError {
  return new ReleaseTagError('RELEASE_TAG_INVALID', named ? `release tag ${problem}` : problem, { field: 'ref', problem });
}

/**
 * Parses a release tag against a pattern with a `version` group (and optionally `component`). The version must
 * be a valid semantic version with its `v` prefix, usable as an OCI tag.
 */
export function parseReleaseTag(ref: string, pattern = defaultReleaseTagPattern): ReleaseTag {
  const name = ref.replace(/^refs\/tags\//, '');
  let regexp: RegExp;
  try {
    regexp = new RegExp(pattern);
  } catch (err) {
    throw invalidPattern(`tag pattern "${pattern}" is not a regular expression: ${(err as Error).message}`);
  }
  if (!pattern.includes('(?<version>')) throw invalidPattern(`tag pattern "${pattern}" needs a (?<version>…) group`);
  const match = regexp.exec(name);
  const version = match?.groups?.version;
  if (!match || !version) {
    throw invalidTag(
      `"${name}" is not a release: expected vX.Y.Z (fleet repositories) or <component>/vX.Y.Z (component repositories)${pattern === defaultReleaseTagPattern ? '' : `, matching ${pattern}`}`,
      true,
    );
  }
  const parsed = semver.parse(version.replace(/^v/, ''));
  if (!parsed || !/^v?[0-9]/.test(version))
    throw invalidTag(`"${version}" in release tag "${name}" is not a semantic version (vMAJOR.MINOR.PATCH)`);
  if (!isValidTag(version)) throw invalidTag(`"${version}" cannot be an OCI tag (build metadata "+…" is not allowed in tags)`);
  const release: ReleaseTag = { ref: name, version, prerelease: parsed.prerelease.length > 0 };
  const component = match.groups?.component;
  if (component) release.component = component;
  return release;
}

/** Semver order of two version tags (with or without `v`). */
export function compareVersions(a: string, b: string): number {
  return semver.compare(a.replace(/^v/, ''), b.replace(/^v/, ''));
}

/**
 * What a rollback names: a release tag as the pattern parses it (`frontend/v1.2.3` → component `frontend`), or a
 * bare version `v1.2.3` even when the pattern wants a component.
 */
export function parseRollbackTag(value: string, pattern = defaultReleaseTagPattern): ReleaseTag {
  try {
    return parseReleaseTag(value, pattern);
  } catch (err) {
    if (!(err instanceof ReleaseTagError)) throw err;
    if (!isVersionTag(value))
      throw err.field === 'ref' ? new ReleaseTagError(err.code, err.message, { field: 'rollback-to', problem: err.problem }) : err;
    return { ref: value, version: value, prerelease: semver.prerelease(value.replace(/^v/, '')) !== null };
  }
}
