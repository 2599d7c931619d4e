// Flux image automation in CI: ImagePolicy selection (image-reflector-controller), Setters updates
// (image-automation-controller), commit messages, and the branch and pull request around them.
export { GitError } from './git.ts';
export { ApiCommitError, commitViaApi } from './github/apicommit.ts';
export { GitHubAppError, installationToken, type InstallationToken } from './github/githubapp.ts';
export { openOrUpdatePullRequest } from './github/pullrequest.ts';
export { deleteKindCluster, runKindImageUpdate } from './kind.ts';
export { orderTags, selectTag, type FilterTags, type PolicyChoice } from './policy.ts';
export { runImageUpdate, type ImageUpdateOptions, type ImageUpdateReport, type ValueChange } from './update.ts';
