import type { Credential } from '../oci/auth.ts';

export type { Credential, CredentialFunction } from '../oci/auth.ts';

/** One source of registry credentials. Returns undefined for registries it knows nothing about. */
export interface CredentialProvider {
  readonly name: string;
  credentialFor(registry: string): Promise<Credential | undefined>;
}

/** Credentials given explicitly (inputs, `--creds`), for one registry or, without `registry`, for any. */
export function staticCredentials(credential: Credential, registry?: string): CredentialProvider {
  return {
    name: 'explicit credentials',
    credentialFor: async (host) => (registry === undefined || registry === host ? credential : undefined),
  };
}

/** Asks each provider in turn; the first that knows the registry wins. */
export function firstCredential(providers: readonly CredentialProvider[]): (registry: string) => Promise<Credential | undefined> {
  return async (registry) => {
    for (const provider of providers) {
      const credential = await provider.credentialFor(registry);
      if (credential) return credential;
    }
    return undefined;
  };
}
