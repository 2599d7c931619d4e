import type { Verification } from '@d2ci/core';
import { verificationInputs, type GitHubContext } from '@d2ci/action-kit';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Any workflow of this repository on `ref` (a pattern), signed in a run of this repository: the defaults of both policies. */
function ownWorkflows(context: GitHubContext, ref: string) {
  const workflows = context.repository ? `https://github\\.com/${escape(context.repository)}/\\.github/workflows/[^@]+` : '.+';
  return { identityRegexp: `^${workflows}@${ref}$`, sourceRepository: context.repository || undefined };
}

/** What must have signed the staging artifact before it is promoted: by default, this repository's workflows on main. */
export function stagingVerification(context: GitHubContext): Promise<Verification> {
  return verificationInputs(
    {
      identity: 'staging-identity',
      identityRegexp: 'staging-identity-regexp',
      issuer: 'staging-oidc-issuer',
      issuerRegexp: 'staging-oidc-issuer-regexp',
      key: 'staging-key',
      trustedRoot: 'trusted-root',
      sourceRepository: 'certificate-github-workflow-repository',
    },
    context,
    ownWorkflows(context, 'refs/heads/main'),
  );
}

/** What must have signed a release to roll back to: by default, this repository's workflows on a tag. */
export function productionVerification(context: GitHubContext): Promise<Verification> {
  return verificationInputs(
    {
      identity: 'production-identity',
      identityRegexp: 'production-identity-regexp',
      issuer: 'staging-oidc-issuer',
      issuerRegexp: 'staging-oidc-issuer-regexp',
      key: 'production-key',
      trustedRoot: 'trusted-root',
      sourceRepository: 'certificate-github-workflow-repository',
    },
    context,
    ownWorkflows(context, 'refs/tags/.+'),
  );
}
