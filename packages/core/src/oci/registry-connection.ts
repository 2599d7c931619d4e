import type { Action } from './auth.ts';
import type { HttpRequest, Transport } from './http.ts';

// What a repository needs of the client that reaches its registry. RegistryClient (registry.ts) is one and makes
// RemoteRepositories (remote.ts), so remote.ts names this shape rather than the client: no import cycle.

export interface RegistryRequest extends HttpRequest {
  /** Token scopes this request needs, e.g. `repository:acme/app:pull,push`. */
  scopes: readonly string[];
}

export interface RegistryConnection {
  /** Shared connections, retries and their backoff. */
  readonly transport: Transport;
  /** `scheme://host` of a registry's API endpoint. */
  baseUrl(registry: string): string;
  scopes(repository: string, actions: readonly Action[]): string[];
  /** Sends a request with whatever authorization the host wants. */
  send(registry: string, request: RegistryRequest): Promise<Response>;
}
