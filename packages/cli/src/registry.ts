import {
  explainRegistryError,
  openRegistry,
  parseProvider,
  parseLocation,
  openTarget,
  unresolvedHost,
  ProviderError,
  InvalidReferenceError,
  type CloudOptions,
  type Location,
  type OpenedRegistry,
  type ProviderName,
  type RegistryClient,
  type Target,
  type CredentialFunction,
} from '@d2ci/core';
import { UsageError } from './errors.ts';
import { usageError } from './fields.ts';
import { parseCreds, parseTimeout, type registryFlags } from './flags.ts';

type RegistryValues = { [K in keyof typeof registryFlags]?: (typeof registryFlags)[K]['type'] extends 'boolean' ? boolean : string };

export interface Opened {
  provider: ProviderName;
  location: Location;
  target: Target;
  /** The client behind `target`, for opening related repositories with the same session. */
  client: RegistryClient;
  credentials: CredentialFunction;
  /** The URL argument as given, quoted when its registry host does not resolve. */
  url: string;
  /** Names the URL when its registry host does not resolve (the rest of the explanation is `explainAuth`'s). */
  explain(err: unknown): unknown;
}

/** Parses a URL argument and opens its target with the credentials the flags, env and docker config give. */
export function openLocation(url: string | undefined, values: RegistryValues, log: (line: string) => void): Opened {
  if (!url) throw new UsageError('missing the artifact URL, e.g. oci://ghcr.io/owner/repo:tag or oci-layout:./dir:tag');
  let location: Location;
  try {
    location = parseLocation(url);
  } catch (err) {
    if (err instanceof InvalidReferenceError) throw new UsageError(err.message);
    throw err;
  }
  const { username, password } = parseCreds(values.creds);
  let provider: ProviderName;
  try {
    provider = parseProvider(values.provider);
  } catch (err) {
    if (err instanceof ProviderError) throw usageError(err) ?? err;
    throw err;
  }
  const cloud: CloudOptions = {};
  if (values['aws-role-arn'] || values['aws-region']) cloud.aws = { roleArn: values['aws-role-arn'], region: values['aws-region'] };
  if (values['gcp-workload-identity-provider'] || values['gcp-service-account'])
    cloud.gcp = { workloadIdentityProvider: values['gcp-workload-identity-provider'], serviceAccount: values['gcp-service-account'] };
  if (values['azure-client-id'] || values['azure-tenant-id'])
    cloud.azure = { clientId: values['azure-client-id'], tenantId: values['azure-tenant-id'] };
  const network = parseTimeout(values.timeout);
  let opened: OpenedRegistry;
  try {
    // Refuses a provider that does not serve the URL's registry, as Flux does.
    opened = openRegistry({
      provider,
      username,
      password,
      // --creds are for the registry in URL only (a Link or realm elsewhere never receives them).
      ...(location.kind === 'registry' ? { registry: location.reference.registry } : {}),
      githubToken: process.env.GITHUB_TOKEN,
      githubActor: process.env.GITHUB_ACTOR,
      cloud,
      // With --debug, which credential source a cloud provider used (job OIDC token or an ambient one).
      ...(values.debug ? { onDebug: (message: string) => log(`  ${message}`) } : {}),
      insecure: values['insecure-registry'] === true,
      onWarning: (message) => log(`⚠ ${message}`),
      transport: {
        ...network,
        ...(values.debug
          ? { onRequest: (e) => log(`  ${e.method} ${e.url} → ${e.status ?? e.error}${e.attempt > 1 ? ` (attempt ${e.attempt})` : ''}`) }
          : {}),
      },
    });
  } catch (err) {
    if (err instanceof ProviderError) throw usageError(err) ?? err;
    throw err;
  }
  const { client, credentials } = opened;
  return {
    provider,
    location,
    target: openTarget(location, client),
    client,
    credentials,
    url,
    explain: (err) => {
      const host = location.kind === 'registry' ? unresolvedHost(err, url) : undefined;
      return host ? (usageError(host) ?? host) : err;
    },
  };
}

/**
 * Explains a registry failure in the CLI's words (core's `explainRegistryError`): the URL whose host does not
 * resolve, or the credentials or permission missing. `location` is where the request went, when not the URL's (a
 * component's repository).
 */
export async function explainAuth(
  opened: Opened,
  err: unknown,
  location: Location = opened.location,
  credentialFix?: string,
): Promise<unknown> {
  const explained = await explainRegistryError(err, {
    location,
    credentials: opened.credentials,
    provider: opened.provider,
    vocabulary: 'cli',
    shownAs: opened.url,
    ...(credentialFix ? { credentialFix } : {}),
  });
  // Only what the explainer made names the URL; any other error keeps its own wording.
  return explained === err ? err : (usageError(explained) ?? explained);
}
