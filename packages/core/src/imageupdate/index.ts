// Flux image automation in CI: ImagePolicy selection (image-reflector-controller), Setters updates
// (image-automation-controller), commit messages, and the branch and pull request around them.
export * from './result.ts';
export * from './policy.ts';
export * from './objects.ts';
export * from './reflect.ts';
export * from './setters.ts';
export * from './commit-message.ts';
export * from './push-summary.ts';
export * from './git.ts';
export * from './diff.ts';
export * from './update.ts';
export * from './kind.ts';
export { changesAt, type ValueChange } from './changes.ts';
export type { PullRequestBody } from './pull-request-flow.ts';
export { imageRegistryClients, imageRegistryCredentials, type ImageRegistryOptions } from './registries.ts';
export type { CommitPlan, GitHubTarget, ImageUpdateEngine, ImageUpdateEvent, ImageUpdateRequest } from './request.ts';
export { updateImages, ImageUpdateRequestError, type ImageUpdateRequestErrorCode } from './update-images.ts';
export { GitHubError, type GitHubErrorCode } from './github/rest-error.ts';
export * from './github/pullrequest.ts';
export * from './github/apicommit.ts';
export * from './github/githubapp.ts';
