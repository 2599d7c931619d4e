import { IdentityTokenError } from './errors.ts';
import type { IdentityProvider } from './provider.ts';

/** Each attempt's limit: the runner's token service answers in milliseconds, and a hung one must not hang the step. */
const timeoutMs = 30_000;

/** Whether this GitHub job may ask for an OIDC token (`permissions: id-token: write` sets these variables). */
export function hasGitHubIdToken(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}

/**
 * The GitHub Actions job's OIDC token for an audience, from the runner's token service (what @actions/core's
 * getIDToken does, actions/toolkit packages/core/src/oidc-utils.ts). `onToken` sees each token first, so CI can
 * mask it.
 */
export function githubActionsIdentity(
  audience: string,
  options: { env?: NodeJS.ProcessEnv; onToken?: (token: string) => void } = {},
): IdentityProvider {
  const env = options.env ?? process.env;
  return {
    async getToken() {
      const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
      const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
      if (!url || !bearer)
        throw new IdentityTokenError('OIDC_UNAVAILABLE', 'no OIDC token available to this job: add `permissions: id-token: write`');
      const request = new URL(url);
      request.searchParams.append('audience', audience);
      let response: Response | undefined;
      for (let attempt = 1; attempt <= 3; attempt++) {
        response = await fetch(request, {
          headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
        }).catch(() => undefined);
        if (response && response.status < 500) break;
      }
      if (!response?.ok)
        throw new IdentityTokenError(
          'OIDC_REQUEST_FAILED',
          `could not get an OIDC token for audience ${audience} (${response ? `HTTP ${response.status}` : 'network error'})`,
        );
      const value = ((await response.json()) as { value?: string }).value;
      if (!value) throw new IdentityTokenError('OIDC_NO_VALUE', 'the OIDC token response had no value');
      options.onToken?.(value);
      return value;
    },
  };
}
