export { releaseArtifact, ReleaseRefused } from './release.ts';
export { type ReleaseOutcome, type ReleasePlan } from './request.ts';
export { defaultReleasePath, releaseLocation, runRelease } from './run.ts';
export { ReleaseSelfCheckError } from './self-check.ts';
export { parseReleaseTag, parseRollbackTag, ReleaseTagError, type ReleaseTag } from './tag.ts';
