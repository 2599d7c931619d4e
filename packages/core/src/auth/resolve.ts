import { BaseError } from '../errors.ts';
import type { CredentialFunction } from '../oci/auth.ts';
import { awsProvider } from './aws.ts';
import { azureProvider } from './azure.ts';
import type { CloudContext, CloudOptions, CloudProvider } from './cloud.ts';
import { dockerConfigCredentials } from './docker-config.ts';
import { gcpProvider } from './gcp.ts';
import { githubTokenCredentials } from './github.ts';
import { providerNames, type ProviderName } from './provider-names.ts';
import { firstCredential, staticCredentials, type CredentialProvider } from './provider.ts';

export type CloudProviderFactory = (context: CloudContext) => CloudProvider;

const cloudProviders = new Map<ProviderName, CloudProviderFactory>();

/** Registers a cloud provider implementation (aws, gcp and azure are built in; their SDKs load on first use). */
export function registerCloudProvider(name: ProviderName, create: CloudProviderFactory): void {
  cloudProviders.set(name, create);
}

registerCloudProvider('aws', awsProvider);
registerCloudProvider('gcp', gcpProvider);
registerCloudProvider('azure', azureProvider);

/**
 * PROVIDER_UNKNOWN: not a provider name; PROVIDER_UNAVAILABLE: not built into this d2ci; PROVIDER_MISMATCH: the
 * provider does not serve the registry. Always about the `provider` field.
 */
export type ProviderErrorCode = 'PROVIDER_UNKNOWN' | 'PROVIDER_UNAVAILABLE' | 'PROVIDER_MISMATCH';

export class ProviderError extends BaseError<ProviderErrorCode> {
  constructor(code: ProviderErrorCode, message: string) {
    super(code, message, { field: 'provider' });
  }
}

const unavailable = (provider: ProviderName) =>
  new ProviderError(
    'PROVIDER_UNAVAILABLE',
    `provider "${provider}" is not available in this version of d2ci; use provider: generic with registry credentials`,
  );

export function parseProvider(value: string | undefined): ProviderName {
  const name = (value || 'generic').trim().toLowerCase();
  if (!(providerNames as readonly string[]).includes(name)) {
    throw new ProviderError('PROVIDER_UNKNOWN', `unknown provider "${value}": use one of ${providerNames.join(', ')}`);
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
  /** Environment for docker config, cloud credentials and the job's OIDC token service (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Options of the cloud providers (`provider: aws|gcp|azure`). */
  cloud?: CloudOptions;
  /**
   * Called with every secret a cloud provider obtains on the way to registry credentials (OIDC tokens, AWS keys,
   * access and refresh tokens), so CI can mask them. The registry credentials themselves also reach
   * RegistryClient's `onSecret`.
   */
  onSecret?: (secret: string) => void;
  /** Where to reach registries by name, as given to RegistryClient (ACR's token exchange is called on the registry). */
  endpoints?: Record<string, string>;
  /** Where the registry client reaches a registry (default: `endpoints`, else https://<registry>). */
  registryUrl?: (registry: string) => string;
  /** One line per cloud provider naming the credential source it used (job OIDC token or which ambient source). */
  onDebug?: (message: string) => void;
}

/**
 * Where credentials come from, in order: explicit username/password, the cloud provider (for its hosts),
 * GITHUB_TOKEN (for GHCR), docker config; otherwise anonymous.
 */
export function registryCredentials(options: RegistryAuthOptions = {}): CredentialFunction {
  const providers: CredentialProvider[] = [];
  if (options.username || options.password)
    providers.push(staticCredentials({ username: options.username ?? '', password: options.password ?? '' }, options.registry));
  const provider = options.provider ?? 'generic';
  if (provider !== 'generic') {
    const create = cloudProviders.get(provider);
    if (!create) throw unavailable(provider);
    providers.push(create(cloudContext(options)));
  }
  if (options.githubToken)
    providers.push(githubTokenCredentials({ token: options.githubToken, actor: options.githubActor, serverUrl: options.githubServerUrl }));
  if (options.dockerConfig !== false) providers.push(dockerConfigCredentials({ env: options.env }));
  return firstCredential(providers);
}

/** Refuses a cloud provider for a registry it does not serve, as Flux 2.6+ does. */
export function assertProviderServes(provider: ProviderName, registry: string): void {
  if (provider === 'generic') return;
  const create = cloudProviders.get(provider);
  if (!create) throw unavailable(provider);
  const cloud = create(cloudContext({}));
  if (!cloud.serves(registry))
    throw new ProviderError(
      'PROVIDER_MISMATCH',
      `provider "${provider}" does not serve registry ${registry}: it accepts ${cloud.hosts}; use provider: generic for other registries`,
    );
}

function cloudContext(options: RegistryAuthOptions): CloudContext {
  return {
    options: options.cloud ?? {},
    env: options.env ?? process.env,
    onSecret: options.onSecret ?? (() => undefined),
    endpoints: options.endpoints ?? {},
    onDebug: options.onDebug ?? (() => undefined),
    registryUrl: options.registryUrl ?? ((registry) => (options.endpoints?.[registry] || `https://${registry}`).replace(/\/+$/, '')),
  };
}
