export { copyArtifact, copyTags, type CopyArtifactResult, type CopyEnd, type CopyRequest } from './copy.ts';
export { CopyError, type CopyErrorCode } from './errors.ts';
export { referrerKind, type ReferrerKind } from './kinds.ts';
export { cosignTag, type CosignTagCopy } from './legacy.ts';
export { maxReferrerDepth, type ReferrerCopy } from './referrers.ts';
export { copyErrorSide, type CopySide } from './sided.ts';
