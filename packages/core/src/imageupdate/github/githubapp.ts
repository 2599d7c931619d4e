// Short-lived GitHub App installation tokens (@octokit/auth-app, loaded only when an app is configured): scoped to
// one repository and the permissions asked, handed to `onSecret` before anything could print them, revocable.

import { createPrivateKey } from 'node:crypto';
import { oneLineMessage } from '../../errors.ts';
import type { InstallationAccessTokenAuthentication } from '@octokit/auth-app';
import { explainRestFailure, GitHubError, restStatus, type GitHubErrorCode, type RestExplanation, type RestFailure } from './rest-error.ts';

export interface AppCredentials {
  /** The app's ID (or client ID) from its settings page: the `iss` of its JWTs. */
  appId: string;
  /** A private key generated on the app's settings page: PEM, PKCS#1 (`BEGIN RSA PRIVATE KEY`) or PKCS#8. */
  privateKey: string;
}

export interface InstallationToken {
  token: string;
  expiresAt: Date;
  /** `owner/repo`s the token can reach: the one asked for. */
  repositories: string[];
  /** As GitHub granted them (its names: `pull_requests`). */
  permissions: Record<string, string>;
  /** Deletes the token on GitHub; a token already expired or revoked counts as revoked. */
  revoke(): Promise<void>;
}

export type AppPermissionLevel = 'read' | 'write';

export interface InstallationTokenOptions {
  app: AppCredentials;
  /** `owner/repo`. */
  repository: string;
  /** GitHub's API URL (GITHUB_API_URL on a runner; GitHub Enterprise Server differs). */
  apiUrl?: string;
  /** What the token may do; `pull-requests` and `pull_requests` both name GitHub's `pull_requests`. Default contents and pull-requests write. */
  permissions?: Record<string, AppPermissionLevel>;
  /** Receives every credential (each JWT sent, the token) before it is used, to mask it (`core.setSecret`). */
  onSecret?: (secret: string) => void;
}

/** The app's credentials or installation do not give a token; about the app the request names (`app-id`). */
export class GitHubAppError extends GitHubError {
  constructor(code: GitHubErrorCode, message: string, status?: number) {
    super(code, message, status, 'app-id');
    this.name = 'GitHubAppError';
  }
}

const defaultPermissions: Record<string, AppPermissionLevel> = { contents: 'write', pull_requests: 'write' };
const rank: Record<string, number> = { read: 1, write: 2, admin: 3 };

/** Workflow spelling (`pull-requests`) to GitHub's API spelling (`pull_requests`). */
function apiPermissions(permissions: Record<string, AppPermissionLevel>): Record<string, AppPermissionLevel> {
  return Object.fromEntries(Object.entries(permissions).map(([name, level]) => [name.trim().toLowerCase().replace(/-/g, '_'), level]));
}

/** `pull_requests` → "Pull requests", as the app's settings page names it. */
const settingName = (permission: string): string => permission.charAt(0).toUpperCase() + permission.slice(1).replace(/_/g, ' ');

/** A PEM private key GitHub could have generated, with the `\n` escapes of a key pasted into a single-line variable undone. */
function readPrivateKey(privateKey: string, appId: string): string {
  const pem = privateKey.replace(/\\n/g, '\n').trim();
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'rsa') throw new Error(`a ${key.asymmetricKeyType ?? 'non-RSA'} key`);
  } catch (err) {
    throw new GitHubAppError(
      'APP_KEY_INVALID',
      `the private key of GitHub App ${appId} is not a PEM RSA private key (${oneLineMessage(err).replace(/\s+/g, ' ')}); pass the whole .pem file generated on the app's settings page, BEGIN and END lines included`,
    );
  }
  return pem;
}

/** GitHub's 401 to an app JWT, and what fixes it. */
function jwtRefusal({ message }: RestFailure, appId: string): RestExplanation {
  if (/'(iat|exp)'/.test(message))
    return {
      code: 'APP_CLOCK_SKEW',
      fix: "the runner's clock is off: GitHub accepts app JWTs issued at most 60 seconds ahead of its clock and expiring within 10 minutes",
    };
  if (/integration not found/i.test(message))
    return { code: 'APP_NOT_FOUND', fix: `no GitHub App has ID ${appId} on this GitHub: check app-id (the app's settings page shows it)` };
  return {
    code: 'APP_CREDENTIALS_MISMATCH',
    fix: `check that app-id ${appId} and the private key belong to the same GitHub App (generate a new key on the app's settings page if unsure)`,
  };
}

/** Permissions asked for that the installation does not have (at the level asked), as `name: level (has …)`. */
function missingPermissions(asked: Record<string, string>, granted: Record<string, string> | undefined): string[] {
  return Object.entries(asked)
    .filter(([name, level]) => (rank[granted?.[name] ?? ''] ?? 0) < (rank[level] ?? 0))
    .map(
      ([name, level]) =>
        `${name}: ${level} (${settingName(name)}: ${level === 'write' ? 'Read and write' : 'Read-only'}; the installation has ${granted?.[name] ?? 'none'})`,
    );
}

function split(repository: string): { owner: string; repo: string } {
  const [owner = '', repo = '', ...rest] = repository.split('/');
  if (!owner || !repo || rest.length) throw new GitHubAppError('INVALID_REPOSITORY', `repository "${repository}" is not owner/repo`);
  return { owner, repo };
}

/**
 * Creates an installation token of the GitHub App for `repository` alone, with `permissions`: finds the app's
 * installation on the repository (`GET /repos/{owner}/{repo}/installation`, as the app), then asks that installation
 * for a token (`POST /app/installations/{id}/access_tokens`). Each JWT is passed to `onSecret` before it is sent, the
 * token before it is returned. Errors say, in one line, what the workflow author has to change.
 */
export async function installationToken(options: InstallationTokenOptions): Promise<InstallationToken> {
  const appId = options.app.appId.trim();
  if (!appId)
    throw new GitHubAppError(
      'APP_ID_MISSING',
      "the GitHub App ID is empty; pass the app ID (or client ID) shown on the app's settings page",
    );
  const privateKey = readPrivateKey(options.app.privateKey, appId);
  const { owner, repo } = split(options.repository);
  const permissions = apiPermissions(options.permissions ?? defaultPermissions);
  const masked = new Set<string>();
  const mask = (secret: string): void => {
    if (!secret || masked.has(secret)) return;
    masked.add(secret);
    options.onSecret?.(secret);
  };

  const [{ createAppAuth }, { GitHub, defaults, getUserAgentWithOrchestrationId }] = await Promise.all([
    import('@octokit/auth-app'),
    import('@actions/github/lib/utils'),
  ]);
  const baseUrl = (options.apiUrl ?? defaults.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  // The runner's proxy-aware fetch (as getOctokit uses it), seeing each request as sent: its credential is masked first.
  const send: typeof fetch = (defaults.request?.fetch as typeof fetch | undefined) ?? fetch;
  const maskingFetch: typeof fetch = (input, init) => {
    const credential = /^(?:token|bearer)\s+(\S+)$/i.exec(new Headers(init?.headers).get('authorization') ?? '')?.[1];
    if (credential) mask(credential);
    return send(input, init);
  };
  // @octokit/auth-app signs a fresh JWT per request (iat 30 s back, exp 10 min on, as GitHub asks) and, when GitHub
  // rejects its time claims, retries once with GitHub's clock from the Date header.
  const octokit = new GitHub({
    baseUrl,
    userAgent: getUserAgentWithOrchestrationId(undefined),
    request: { ...defaults.request, fetch: maskingFetch },
    authStrategy: createAppAuth,
    auth: { appId, privateKey },
  });

  let installation: { id: number; permissions?: Record<string, string> };
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/installation', { owner, repo });
    installation = { id: data.id, permissions: data.permissions };
  } catch (err) {
    throw explainRestFailure(GitHubAppError, err, `looking up GitHub App ${appId} on ${options.repository}`, 'message', (failure) => {
      if (failure.status === 404)
        return {
          code: 'APP_NOT_INSTALLED',
          detail: `GitHub App ${appId} is not installed on ${options.repository}`,
          fix: "install it there (the app's page → Install App, or the organization's Settings → GitHub Apps → Configure → Repository access), and check that app-id names that app",
        };
      if (failure.status === 401) return jwtRefusal(failure, appId);
      return {
        code: 'REQUEST_FAILED',
        detail: `${failure.message}${baseUrl === 'https://api.github.com' ? '' : ` (API URL ${baseUrl})`}`,
      };
    });
  }

  let authentication: InstallationAccessTokenAuthentication;
  try {
    authentication = (await octokit.auth({
      type: 'installation',
      installationId: installation.id,
      repositoryNames: [repo],
      permissions,
      refresh: true,
    })) as InstallationAccessTokenAuthentication;
  } catch (err) {
    const doing = `creating an installation token of GitHub App ${appId} for ${options.repository}`;
    throw explainRestFailure(GitHubAppError, err, doing, 'message', (failure): RestExplanation => {
      const { status, message } = failure;
      if (status === 401) return jwtRefusal(failure, appId);
      if (status === 422 && /permissions requested are not granted/i.test(message)) {
        const missing = missingPermissions(permissions, installation.permissions);
        const named = missing.length
          ? missing.join(', ')
          : Object.entries(permissions)
              .map(([name, level]) => `${name}: ${level}`)
              .join(', ');
        return {
          code: 'APP_PERMISSIONS_NOT_GRANTED',
          detail: `the app is not granted ${named}`,
          fix: "add it in the app's settings (Permissions & events → Repository permissions), then approve the new permissions on the installation",
        };
      }
      if (status === 422 && /not accessible to the parent installation/i.test(message))
        return {
          code: 'APP_REPOSITORY_NOT_ACCESSIBLE',
          fix: `add ${options.repository} to the installation's repository access (organization Settings → GitHub Apps → Configure)`,
        };
      if (status === 403 && /suspended/i.test(message))
        return { code: 'APP_SUSPENDED', fix: 'unsuspend the installation (Settings → GitHub Apps)' };
      return { code: 'REQUEST_FAILED' };
    });
  }
  const token = authentication.token;
  mask(token);

  let revoked = false;
  return {
    token,
    expiresAt: new Date(authentication.expiresAt),
    repositories: (authentication.repositoryNames ?? [repo]).map((name) => `${owner}/${name}`),
    permissions: { ...authentication.permissions },
    async revoke() {
      if (revoked) return;
      const { getOctokit } = await import('@actions/github');
      try {
        await getOctokit(token, { baseUrl }).request('DELETE /installation/token');
      } catch (err) {
        // 401: expired or revoked already, which is what revoking wants.
        if (restStatus(err) !== 401)
          throw explainRestFailure(GitHubAppError, err, 'revoking the installation token', 'message', () => ({ code: 'REQUEST_FAILED' }));
      }
      revoked = true;
    },
  };
}
