// The job's OIDC identity: tokens for Sigstore's Fulcio and for cloud registries' token exchanges.
export * from './provider.ts';
export * from './github-actions.ts';
export * from './jwt.ts';
export { IdentityTokenError, type IdentityTokenErrorCode } from './errors.ts';
