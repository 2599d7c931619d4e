import type { CredentialFunction } from '../oci/auth.ts';
import { RegistryClient, type RegistryClientOptions } from '../oci/registry.ts';
import { assertProviderServes, registryCredentials, type RegistryAuthOptions } from './resolve.ts';

/**
 * Everything a registry session needs: where credentials come from (`RegistryAuthOptions`: explicit credentials,
 * the cloud provider, GITHUB_TOKEN for GHCR, docker config) and how to reach registries (plain HTTP, endpoints,
 * timeouts and retries, upload chunking).
 */
export interface OpenRegistryOptions
  extends RegistryAuthOptions, Pick<RegistryClientOptions, 'insecure' | 'onWarning' | 'transport' | 'upload'> {
  /**
   * The registry the session is for: explicit credentials go to it only, and `provider` must serve it (as Flux 2.6+
   * requires), checked before anything is sent.
   */
  registry?: string;
  /**
   * A session that reads many registries (image update scans every ImageRepository's): `registry` then only scopes
   * the explicit credentials, and each provider is asked only for the registries it serves.
   */
  manyRegistries?: boolean;
}

export interface OpenedRegistry {
  client: RegistryClient;
  /** The credentials the client uses, for asking whether a registry has any (auth hints) or for other clients. */
  credentials: CredentialFunction;
}

/**
 * The one way to a registry client with credentials, for every action and command. `onSecret` receives every
 * secret met on the way (cloud tokens and keys, registry credentials and tokens) so CI logs can mask it.
 */
export function openRegistry(options: OpenRegistryOptions = {}): OpenedRegistry {
  const { insecure, onWarning, transport, upload, manyRegistries, ...auth } = options;
  if (auth.registry !== undefined && !manyRegistries) assertProviderServes(auth.provider ?? 'generic', auth.registry);
  // Cloud providers that call the registry themselves (ACR's token exchange) go where the client goes.
  const credentials = registryCredentials({ registryUrl: (registry) => client.baseUrl(registry), ...auth });
  const client: RegistryClient = new RegistryClient({
    credentials,
    insecure,
    endpoints: auth.endpoints,
    onSecret: auth.onSecret,
    onWarning,
    transport,
    upload,
  });
  return { client, credentials };
}
