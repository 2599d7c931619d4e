import {
  RegistryClient,
  registryCredentials,
  parseProvider,
  assertProviderServes,
  parseLocation,
  openTarget,
  withAuthHint,
  ProviderError,
  InvalidReferenceError,
  OciError,
  networkErrorCode,
  type CloudOptions,
  type Location,
  type ProviderName,
  type Target,
  type CredentialFunction,
} from '@d2ci/core';
import { UsageError } from './errors.ts';
import { parseCreds, parseTimeout, type registryFlags } from './flags.ts';

type RegistryValues = { [K in keyof typeof registryFlags]?: (typeof registryFlags)[K]['type'] extends 'boolean' ? boolean : string };

export interface Opened {
  provider: ProviderName;
  location: Location;
  target: Target;
  /** The client behind `target`, for opening related repositories with the same session. */
  client: RegistryClient;
  credentials: CredentialFunction;
  /** Adds the auth fix to registry errors. */
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
    if (location.kind === 'registry') assertProviderServes(provider, location.reference.registry);
  } catch (err) {
    if (err instanceof ProviderError) throw new UsageError(`--provider: ${err.message}`);
    throw err;
  }
  const cloud: CloudOptions = {};
  if (values['aws-role-arn'] || values['aws-region']) cloud.aws = { roleArn: values['aws-role-arn'], region: values['aws-region'] };
  if (values['gcp-workload-identity-provider'] || values['gcp-service-account'])
    cloud.gcp = { workloadIdentityProvider: values['gcp-workload-identity-provider'], serviceAccount: values['gcp-service-account'] };
  if (values['azure-client-id'] || values['azure-tenant-id'])
    cloud.azure = { clientId: values['azure-client-id'], tenantId: values['azure-tenant-id'] };
  const credentials = registryCredentials({
    provider,
    username,
    password,
    // --creds are for the registry in URL only (a Link or realm elsewhere never receives them).
    ...(location.kind === 'registry' ? { registry: location.reference.registry } : {}),
    githubToken: process.env.GITHUB_TOKEN,
    githubActor: process.env.GITHUB_ACTOR,
    cloud,
  });
  const network = parseTimeout(values.timeout);
  const client = new RegistryClient({
    credentials,
    insecure: values['insecure-registry'] === true,
    onWarning: (message) => log(`⚠ ${message}`),
    transport: {
      ...network,
      ...(values.debug
        ? { onRequest: (e) => log(`  ${e.method} ${e.url} → ${e.status ?? e.error}${e.attempt > 1 ? ` (attempt ${e.attempt})` : ''}`) }
        : {}),
    },
  });
  return {
    provider,
    location,
    target: openTarget(location, client),
    client,
    credentials,
    explain: (err) => {
      if (location.kind !== 'registry') return err;
      if (err instanceof OciError && err.code === 'NETWORK' && networkErrorCode(err.cause) === 'ENOTFOUND')
        return new UsageError(`${err.message} in "${url}"`);
      return err;
    },
  };
}

/** Adds the auth hint, which needs to know whether credentials were found. */
export async function explainAuth(opened: Opened, err: unknown): Promise<unknown> {
  const explained = opened.explain(err);
  if (opened.location.kind !== 'registry') return explained;
  const { registry, repository } = opened.location.reference;
  return withAuthHint(explained, {
    registry,
    repository,
    hasCredentials: (await opened.credentials(registry).catch(() => undefined)) !== undefined,
    vocabulary: 'cli',
    provider: opened.provider,
  });
}
