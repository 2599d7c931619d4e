import type { CredentialProvider } from './provider.ts';

/** GitHub's container registry hosts: ghcr.io, and `containers.<host>` on GitHub Enterprise Server. */
export function isGitHubRegistry(registry: string, serverUrl = 'https://github.com'): boolean {
  if (registry === 'ghcr.io') return true;
  const host = new URL(serverUrl).host;
  return host !== 'github.com' && registry === `containers.${host}`;
}

/**
 * The job's `GITHUB_TOKEN` for GHCR. Any username works with a token; we send the actor's, as docker/login-action
 * does. Pushing needs `permissions: packages: write`.
 */
export function githubTokenCredentials(options: { token: string; actor?: string; serverUrl?: string }): CredentialProvider {
  return {
    name: 'GITHUB_TOKEN',
    credentialFor: async (registry) =>
      options.token && isGitHubRegistry(registry, options.serverUrl)
        ? { username: options.actor || 'x-access-token', password: options.token }
        : undefined,
  };
}
