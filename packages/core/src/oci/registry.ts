import { OciError } from './errors.ts';
import { Transport, type HttpRequest, type TransportOptions } from './http.ts';
import { AuthSession, repositoryScope, type Action, type CredentialFunction } from './auth.ts';
import { isLoopbackHost, registryEndpoint } from './reference.ts';
import type { RegistryConnection, RegistryRequest } from './registry-connection.ts';
import { RemoteRepository, type UploadOptions } from './remote.ts';

export interface RegistryClientOptions {
  credentials?: CredentialFunction;
  /** Reach these registries (or all, with `true`) over plain HTTP. Loopback hosts always use HTTP. */
  insecure?: boolean | readonly string[];
  /**
   * Where to reach a registry, by name: `{ "ghcr.io": "https://mirror.example.com" }` (like containerd's hosts.toml
   * `server`). Credentials are still chosen by the registry name.
   */
  endpoints?: Record<string, string>;
  /** Called with every credential and token the client obtains, so CI logs can mask them. */
  onSecret?: (secret: string) => void;
  /** Registry `Warning` headers (code 299), which the spec says to show to users. */
  onWarning?: (message: string) => void;
  transport?: TransportOptions;
  upload?: UploadOptions;
}

/**
 * One client for every registry: a shared transport (connection reuse, retries) and a shared auth session
 * (token cache), so many repositories pushed concurrently authenticate once per host and scope.
 */
export class RegistryClient implements RegistryConnection {
  readonly transport: Transport;
  readonly auth: AuthSession;
  readonly options: RegistryClientOptions;

  constructor(options: RegistryClientOptions = {}) {
    this.options = options;
    this.transport = new Transport({ userAgent: 'd2ci', allowHttp: options.insecure === true, ...options.transport });
    this.auth = new AuthSession(this.transport, {
      credentials: options.credentials,
      onSecret: options.onSecret,
      secureRegistry: (registry) => this.baseUrl(registry).startsWith('https:'),
    });
  }

  repository(reference: { registry: string; repository: string }): RemoteRepository {
    return new RemoteRepository(this, reference.registry, reference.repository, this.options.upload);
  }

  /** `scheme://host` of a registry's API endpoint. */
  baseUrl(registry: string): string {
    const mapped = this.options.endpoints?.[registry];
    if (mapped) return mapped.replace(/\/+$/, '');
    const insecure = this.options.insecure;
    const plain = insecure === true || (Array.isArray(insecure) && insecure.includes(registry)) || isLoopbackHost(registry);
    return `${plain ? 'http' : 'https'}://${registryEndpoint(registry)}`;
  }

  scopes(repository: string, actions: readonly Action[]): string[] {
    return [repositoryScope(repository, actions)];
  }

  /** Sends a request with whatever authorization the host wants, answering one 401 challenge if needed. */
  async send(registry: string, request: RegistryRequest): Promise<Response> {
    // URLs a registry hands back (upload Location, Link rel=next) may only lead to the registry's own origin: the
    // request carries its credentials and, for uploads, the content.
    const origin = new URL(this.baseUrl(registry)).origin;
    const url = new URL(request.url);
    if (url.origin !== origin) {
      throw new OciError(
        'CROSS_ORIGIN',
        `${registry} pointed a ${request.method} request at another origin (${url.origin}); d2ci sends requests for ${registry} only to ${origin}`,
        { hint: 'a registry that hands out such Location or Link URLs is misconfigured or hostile' },
      );
    }
    const authorization = await this.auth.authorization(registry, request.scopes);
    let response = await this.transport.send(withAuthorization(request, authorization));
    if (response.status === 401) {
      // Read the challenge and let go of the 401's body first: until it is consumed its connection stays busy, and
      // the token request (often to the same host, as ghcr.io/token) would have to open another one.
      // The body (a short error document) is kept for the error message when there is nothing better to send.
      const { status, headers } = response;
      const text = await response.text().catch(() => '');
      const retry = await this.auth.challenge(registry, headers.get('www-authenticate'), request.scopes, authorization);
      response = retry ? await this.transport.send(withAuthorization(request, retry)) : new Response(text, { status, headers });
    }
    const warning = response.headers.get('warning');
    if (warning && this.options.onWarning) {
      for (const match of warning.matchAll(/299\s+\S+\s+"((?:[^"\\]|\\.)*)"/g)) this.options.onWarning(`${registry}: ${match[1]}`);
    }
    return response;
  }
}

function withAuthorization(request: RegistryRequest, authorization: string | undefined): HttpRequest {
  const headers = { ...request.headers };
  if (authorization) headers.authorization = authorization;
  return { ...request, headers };
}

export { responseError } from './response-error.ts';
