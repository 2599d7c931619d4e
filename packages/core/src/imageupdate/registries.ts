// The registries an image update reads: every ImageRepository's, each with the credentials provider it names.
import { openRegistry, type OpenRegistryOptions } from '../auth/open-registry.ts';
import { parseProvider } from '../auth/resolve.ts';
import type { CredentialFunction } from '../oci/auth.ts';
import type { RegistryClient } from '../oci/registry.ts';
import type { ImageRepositoryObject } from './objects.ts';

/** How the registries are reached, and credentials for one of them: `registry` scopes the explicit credentials. */
export type ImageRegistryOptions = Omit<OpenRegistryOptions, 'manyRegistries'>;

/**
 * One client per credentials provider and scheme, opened when first needed. An ImageRepository's own
 * `spec.provider` wins over the session's, as image-reflector-controller authenticates each ImageRepository with
 * its provider (docs/spec/v1/imagerepositories.md, "Provider"), and its `spec.insecure` adds plain HTTP.
 */
export function imageRegistryClients(options: ImageRegistryOptions): (repository: ImageRepositoryObject) => RegistryClient {
  const clients = new Map<string, RegistryClient>();
  return (repository) => {
    const provider =
      repository.provider && repository.provider !== 'generic' ? parseProvider(repository.provider) : (options.provider ?? 'generic');
    const insecure = repository.insecure || options.insecure === true;
    const key = `${provider}/${insecure}`;
    let client = clients.get(key);
    if (!client) {
      client = openRegistry({ ...options, provider, insecure, manyRegistries: true }).client;
      clients.set(key, client);
    }
    return client;
  };
}

/** The session's credentials (its own provider), for registries d2ci does not reach itself (the kind engine's Secrets). */
export function imageRegistryCredentials(options: ImageRegistryOptions): CredentialFunction {
  return openRegistry({ ...options, manyRegistries: true }).credentials;
}
