export * from './tag.ts';
export * from './release.ts';
export * from './self-check.ts';
export { releaseLocation, defaultReleasePath, runRelease } from './run.ts';
export type { ReleasePlan, ReleaseRequest, ReleaseOutcome } from './request.ts';
