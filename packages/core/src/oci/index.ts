export { attachReferrer } from './attach.ts';
export { AuthSession, mergeScopes, repositoryScope, type Credential, type CredentialFunction } from './auth.ts';
export { parseChallenges } from './challenge.ts';
export { bytesSource, fileSource, readAll } from './content.ts';
export { applyTag, copy, copyGraph, currentDigest } from './copy.ts';
export { descriptorFor, isIndex, parseManifest, type Descriptor, type ImageIndex, type ImageManifest } from './descriptor.ts';
export { createDigester, DigestStream, isDigest, parseDigest, sha256, verifyBytes } from './digest.ts';
export { discoverReferrers, fetchReferrerContent, type ReferrerNode } from './discover.ts';
export { escapeControls, InvalidReferenceError, isNotFound, OciError } from './errors.ts';
export {
  networkErrorCode,
  parseRetryAfter,
  timeoutOptions,
  Transport,
  type RequestEvent,
  type RetryPolicy,
  type TransportOptions,
} from './http.ts';
export { OciLayout, refNameAnnotation } from './layout.ts';
export { MediaType } from './media-types.ts';
export { MemoryStore } from './memory.ts';
export { childLocation, formatLocation, locationName, locationReference, openTarget, parseLocation, type Location } from './open.ts';
export {
  assertValidTag,
  formatReference,
  isLoopbackHost,
  isValidTag,
  parseReference,
  referenceTarget,
  registryEndpoint,
  repositoryName,
  tagRule,
  type Reference,
} from './reference.ts';
export { addReferrer, emptyReferrersIndex, referrersTag } from './referrers.ts';
export { RegistryClient, type RegistryClientOptions } from './registry.ts';
export { nextLink, RemoteRepository } from './remote.ts';
export { type FetchedManifest, type Target } from './target.ts';
