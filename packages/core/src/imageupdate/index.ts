// Flux image automation in CI: ImagePolicy selection (image-reflector-controller), Setters updates
// (image-automation-controller), commit messages, and the branch and pull request around them.
export { type ValueChange } from './changes.ts';
export { d2MessageTemplate } from './commit-message.ts';
export { ApiCommitError, commitViaApi } from './github/apicommit.ts';
export { GitHubAppError, installationToken, type AppCredentials, type InstallationToken } from './github/githubapp.ts';
export { openOrUpdatePullRequest } from './github/pullrequest.ts';
export { deleteKindCluster, type ToolName, type ToolSource } from './kind.ts';
export { orderTags, selectTag, type FilterTags, type PolicyChoice } from './policy.ts';
export { type CommitPlan, type ImageUpdateEvent, type ImageUpdateRequest } from './request.ts';
export { updateImages } from './update-images.ts';
export { runImageUpdate, type ImageUpdateReport } from './update.ts';
