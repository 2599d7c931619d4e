// The job's OIDC identity: tokens for Sigstore's Fulcio and for cloud registries' token exchanges.
export { githubActionsIdentity, hasGitHubIdToken } from './github-actions.ts';
export { staticIdentity } from './provider.ts';
