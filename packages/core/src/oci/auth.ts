import { OciError } from './errors.ts';
import { parseChallenges, type Challenge } from './challenge.ts';
import type { Transport } from './http.ts';

/** Registry credentials, the shape docker config, credential helpers and cloud providers all reduce to. */
export interface Credential {
  username?: string;
  password?: string;
  /** An OAuth2 refresh token (docker config `identitytoken`), exchanged at the token realm. */
  identityToken?: string;
  /** A bearer token sent as is (docker config `registrytoken`). */
  registryToken?: string;
}

/** Looks up credentials for a registry host (`ghcr.io`, `127.0.0.1:5000`, `docker.io`); undefined = anonymous. */
export type CredentialFunction = (registry: string) => Promise<Credential | undefined>;

export type Action = 'pull' | 'push' | 'delete';

/** A token scope such as `repository:acme/app:pull,push`. */
export function repositoryScope(repository: string, actions: readonly Action[]): string {
  return `repository:${repository}:${actions.join(',')}`;
}

/** Merges scopes per resource, uniting their actions, so one token covers a mount's two repositories. */
export function mergeScopes(...lists: readonly string[][]): string[] {
  const byResource = new Map<string, Set<string>>();
  for (const scope of lists.flat()) {
    const cut = scope.lastIndexOf(':');
    if (cut <= 0) continue;
    const resource = scope.slice(0, cut);
    const actions = byResource.get(resource) ?? new Set<string>();
    for (const action of scope.slice(cut + 1).split(',')) if (action) actions.add(action);
    byResource.set(resource, actions);
  }
  return [...byResource].map(([resource, actions]) => `${resource}:${[...actions].sort().join(',')}`).sort();
}

type HostScheme = { scheme: 'basic' } | { scheme: 'bearer'; realm: string; service: string | undefined };

interface CachedToken {
  header: string;
  expiresAt: number;
  scopes: string[];
}

export interface AuthSessionOptions {
  credentials?: CredentialFunction;
  /** Called with every secret the session obtains (passwords, tokens), so CI can mask it before anything logs. */
  onSecret?: (secret: string) => void;
  clientId?: string;
  /** Whether the registry is reached over HTTPS: its token realm must then be HTTPS too. */
  secureRegistry?: (registry: string) => boolean;
}

const tokenExpiryMarginMs = 10_000;
const defaultTokenLifetimeS = 60;

/**
 * Answers registry auth challenges and caches what it learns: which scheme each host wants, and bearer tokens
 * per (host, service, scope set) until they expire. One session can serve many repositories and registries,
 * so concurrent pushes share tokens and credentials are looked up once per host.
 */
export class AuthSession {
  readonly #transport: Transport;
  readonly #options: AuthSessionOptions;
  readonly #schemes = new Map<string, HostScheme>();
  readonly #tokens = new Map<string, CachedToken>();
  readonly #inflight = new Map<string, Promise<CachedToken>>();
  readonly #credentials = new Map<string, Promise<Credential | undefined>>();

  constructor(transport: Transport, options: AuthSessionOptions = {}) {
    this.#transport = transport;
    this.#options = options;
  }

  /** Credentials for a host, looked up once; every secret in them is reported to `onSecret`. */
  credentialFor(registry: string): Promise<Credential | undefined> {
    let pending = this.#credentials.get(registry);
    if (!pending) {
      pending = (this.#options.credentials?.(registry) ?? Promise.resolve(undefined)).then((credential) => {
        for (const secret of [credential?.password, credential?.identityToken, credential?.registryToken]) {
          if (secret) this.#options.onSecret?.(secret);
        }
        return credential;
      });
      this.#credentials.set(registry, pending);
    }
    return pending;
  }

  /** The Authorization header to send up front, when the host's scheme is already known; else undefined. */
  async authorization(registry: string, scopes: readonly string[]): Promise<string | undefined> {
    const credential = await this.credentialFor(registry);
    if (credential?.registryToken) return `Bearer ${credential.registryToken}`;
    const scheme = this.#schemes.get(registry);
    if (!scheme) return undefined;
    if (scheme.scheme === 'basic') return basicHeader(credential);
    return (await this.#token(registry, scheme, [...scopes], credential, false)).header;
  }

  /**
   * Handles a 401: learns the host's scheme from the challenge and returns the header to retry with, or
   * undefined when there is nothing better to send than what was just rejected.
   */
  async challenge(
    registry: string,
    wwwAuthenticate: string | null,
    scopes: readonly string[],
    rejected: string | undefined,
  ): Promise<string | undefined> {
    const challenges = parseChallenges(wwwAuthenticate ?? '');
    const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
    const basic = challenges.find((c) => c.scheme === 'basic');
    const credential = await this.credentialFor(registry);
    if (bearer) {
      const realm = this.#checkRealm(registry, bearer.params.realm as string);
      const scheme: HostScheme = { scheme: 'bearer', realm, service: bearer.params.service };
      this.#schemes.set(registry, scheme);
      const wanted = mergeScopes([...scopes], challengeScopes(bearer));
      const token = await this.#token(registry, scheme, wanted, credential, rejected !== undefined);
      return token.header === rejected ? undefined : token.header;
    }
    if (basic) {
      this.#schemes.set(registry, { scheme: 'basic' });
      const header = basicHeader(credential);
      return header === rejected ? undefined : header;
    }
    return undefined;
  }

  /**
   * The realm a registry names for its tokens receives the credentials, so it must be a plain https URL (http only
   * when the registry itself is plain HTTP), with no userinfo. Docker Hub's realm is on another host
   * (auth.docker.io), so another host is allowed; another scheme or a downgrade is not.
   */
  #checkRealm(registry: string, realm: string): string {
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new OciError('INVALID_REALM', `${registry} names a token realm that is not a URL`, { status: 401 });
    }
    const secure = this.#options.secureRegistry?.(registry) ?? true;
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !secure)) {
      throw new OciError(
        'INSECURE_REALM',
        `${registry} asks for credentials at ${url.protocol}//${url.host}, not HTTPS; d2ci does not send credentials there`,
        { status: 401, hint: "check the registry's token auth configuration" },
      );
    }
    if (url.username || url.password)
      throw new OciError('INVALID_REALM', `${registry} names a token realm with embedded credentials`, { status: 401 });
    return url.href;
  }

  async #token(
    registry: string,
    scheme: Extract<HostScheme, { scheme: 'bearer' }>,
    scopes: string[],
    credential: Credential | undefined,
    refresh: boolean,
  ): Promise<CachedToken> {
    const wanted = mergeScopes(scopes);
    const prefix = `${registry}|${scheme.realm}|${scheme.service ?? ''}|`;
    const key = prefix + wanted.join(' ');
    if (!refresh) {
      // Any live token whose scopes cover these will do: a pull,push token also serves the pulls that follow.
      for (const [cachedKey, cached] of this.#tokens) {
        if (cached.expiresAt > Date.now() && cachedKey.startsWith(prefix) && covers(cached.scopes, wanted)) return cached;
      }
    }
    let pending = this.#inflight.get(key);
    if (!pending) {
      pending = this.#fetchToken(registry, scheme, wanted, credential).finally(() => this.#inflight.delete(key));
      this.#inflight.set(key, pending);
    }
    const token = await pending;
    this.#tokens.set(key, token);
    return token;
  }

  async #fetchToken(
    registry: string,
    scheme: Extract<HostScheme, { scheme: 'bearer' }>,
    scopes: string[],
    credential: Credential | undefined,
  ): Promise<CachedToken> {
    const realm = new URL(scheme.realm);
    let response: Response;
    if (credential?.identityToken) {
      // OAuth2 refresh-token grant (docker/distribution token spec, "oauth.md"), as docker does for identity tokens.
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: credential.identityToken,
        client_id: this.#options.clientId ?? 'd2ci',
      });
      if (scheme.service) form.set('service', scheme.service);
      if (scopes.length) form.set('scope', scopes.join(' '));
      response = await this.#transport.send({
        method: 'POST',
        url: realm,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: () => form.toString(),
      });
    } else {
      if (scheme.service) realm.searchParams.set('service', scheme.service);
      for (const scope of scopes) realm.searchParams.append('scope', scope);
      const headers: Record<string, string> = {};
      const basic = basicHeader(credential);
      if (basic) headers.authorization = basic;
      response = await this.#transport.send({ method: 'GET', url: realm, headers });
    }
    if (!response.ok) {
      const detail = (await response.text().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ');
      const who = credential?.username || credential?.identityToken ? 'rejected the credentials' : 'refused anonymous access';
      throw new OciError(
        response.status === 403 ? 'DENIED' : 'UNAUTHORIZED',
        `token server ${realm.host} for ${registry} ${who} (${response.status}${detail ? `: ${detail}` : ''})`,
        { status: response.status === 403 ? 403 : 401 },
      );
    }
    const body = (await response.json().catch(() => ({}))) as {
      token?: string;
      access_token?: string;
      expires_in?: number;
      issued_at?: string;
    };
    const token = body.token || body.access_token;
    if (!token) throw new OciError('UNAUTHORIZED', `token server ${realm.host} for ${registry} returned no token`, { status: 401 });
    this.#options.onSecret?.(token);
    const lifetime = (body.expires_in && body.expires_in > 0 ? body.expires_in : defaultTokenLifetimeS) * 1000;
    const issued = body.issued_at ? Date.parse(body.issued_at) : Number.NaN;
    const start = Number.isNaN(issued) ? Date.now() : Math.min(issued, Date.now());
    return { header: `Bearer ${token}`, expiresAt: start + lifetime - tokenExpiryMarginMs, scopes };
  }
}

/** Whether a token granted for `have` (merged scopes) also covers every action in `want`. */
function covers(have: readonly string[], want: readonly string[]): boolean {
  const granted = new Map(
    have.map((scope) => {
      const cut = scope.lastIndexOf(':');
      return [scope.slice(0, cut), new Set(scope.slice(cut + 1).split(','))] as const;
    }),
  );
  return want.every((scope) => {
    const cut = scope.lastIndexOf(':');
    const actions = granted.get(scope.slice(0, cut));
    return (
      actions !== undefined &&
      scope
        .slice(cut + 1)
        .split(',')
        .every((a) => actions.has(a) || actions.has('*'))
    );
  });
}

function challengeScopes(challenge: Challenge): string[] {
  return (challenge.params.scope ?? '').split(' ').filter(Boolean);
}

function basicHeader(credential: Credential | undefined): string | undefined {
  if (!credential?.username && !credential?.password) return undefined;
  return `Basic ${Buffer.from(`${credential.username ?? ''}:${credential.password ?? ''}`).toString('base64')}`;
}
