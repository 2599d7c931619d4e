export { releaseArtifact, ReleaseRefused, rollbackRelease, type ReleaseResult } from './release.ts';
export { ReleaseSelfCheckError } from './self-check.ts';
export { parseReleaseTag, parseRollbackTag, ReleaseTagError, type ReleaseTag } from './tag.ts';
