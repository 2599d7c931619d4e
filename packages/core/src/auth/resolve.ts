import type { CredentialFunction } from '../oci/auth.ts';
import { dockerConfigCredentials } from './docker-config.ts';
import { githubTokenCredentials } from './github.ts';
import { firstCredential, staticCredentials, type CredentialProvider } from './provider.ts';

/** Flux's `provider` values. `generic` uses explicit credentials, GITHUB_TOKEN and docker config. */
export const providerNames = ['generic', 'aws', 'gcp', 'azure'] as const;
export type ProviderName = (typeof providerNames)[number];

/**
 * A cloud provider that turns the job's identity into registry credentials (OIDC → short-lived token). The
 * seam for `aws` (ECR), `gcp` (Artifact Registry) and `azure` (ACR): each says which hosts it serves, and like
 * Flux a provider is refused for a registry it does not serve.
 */
export interface CloudProvider extends CredentialProvider {
  readonly name: ProviderName;
  /** Host patterns, for the error when a registry does not match. */
  readonly hosts: string;
  serves(registry: string): boolean;
}

const cloudProviders = new Map<ProviderName, () => CloudProvider>();

/** Registers a cloud provider implementation. */
export function registerCloudProvider(name: ProviderName, create: () => CloudProvider): void {
  cloudProviders.set(name, create);
}

export class ProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProviderError';
  }
}

export function parseProvider(value: string | undefined): ProviderName {
  const name = (value || 'generic').trim().toLowerCase();
  if (!(providerNames as readonly string[]).includes(name)) {
    throw new ProviderError(`unknown provider "${value}": use one of ${providerNames.join(', ')}`);
  }
  return name as ProviderName;
}

export interface RegistryAuthOptions {
  provider?: ProviderName;
  /** Explicit credentials (inputs or `--creds`); they win over everything else. */
  username?: string;
  password?: string;
  /** Restrict explicit credentials to this registry (default: any registry). */
  registry?: string;
  githubToken?: string;
  githubActor?: string;
  githubServerUrl?: string;
  /** Read docker's config.json and credential helpers (default true). */
  dockerConfig?: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * Where credentials come from, in order: explicit username/password, the cloud provider (for its hosts),
 * GITHUB_TOKEN (for GHCR), docker config; otherwise anonymous.
 */
export function registryCredentials(options: RegistryAuthOptions = {}): CredentialFunction {
  const providers: CredentialProvider[] = [];
  if (options.username || options.password) providers.push(staticCredentials({ username: options.username ?? '', password: options.password ?? '' }, options.registry));
  const provider = options.provider ?? 'generic';
  if (provider !== 'generic') {
    const create = cloudProviders.get(provider);
    if (!create) throw new ProviderError(`provider "${provider}" is not available in this version of d2ci; use provider: generic with registry credentials`);
    providers.push(create());
  }
  if (options.githubToken) providers.push(githubTokenCredentials({ token: options.githubToken, actor: options.githubActor, serverUrl: options.githubServerUrl }));
  if (options.dockerConfig !== false) providers.push(dockerConfigCredentials({ env: options.env }));
  return firstCredential(providers);
}

/** Refuses a cloud provider for a registry it does not serve, as Flux 2.6+ does. */
export function assertProviderServes(provider: ProviderName, registry: string): void {
  if (provider === 'generic') return;
  const create = cloudProviders.get(provider);
  if (!create) throw new ProviderError(`provider "${provider}" is not available in this version of d2ci; use provider: generic with registry credentials`);
  const cloud = create();
  if (!cloud.serves(registry)) throw new ProviderError(`provider "${provider}" does not serve registry ${registry}: it accepts ${cloud.hosts}; use provider: generic for other registries`);
}
