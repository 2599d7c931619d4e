import * as core from './runner.ts';
import {
  RegistryClient,
  explainRegistryError,
  openRegistry,
  timeoutOptions,
  type TransportOptions,
  parseProvider,
  ProviderError,
  parseLocation,
  InvalidReferenceError,
  type CloudOptions,
  type CredentialFunction,
  type Location,
  type OpenedRegistry,
  type ProviderName,
  type RegistryAuthOptions,
} from '@d2ci/core';
import type { OpenRegistryOptions } from '@d2ci/core/auth';
import { InputError, booleanInput, stringInput } from './inputs.ts';
import type { GitHubContext } from './context.ts';
import { inputError } from './fields.ts';

export interface RegistryInputs {
  provider: ProviderName;
  insecure: boolean;
  username: string;
  password: string;
  githubToken: string;
  /** Options of the cloud provider (role to assume, workload identity provider, federated app). */
  cloud: CloudOptions;
  /** The `timeout` input as transport options (timeouts and retry budget). */
  network: TransportOptions;
}

/** The registry inputs every d2ci action shares; credentials are masked as soon as they are read. */
export function registryInputs(): RegistryInputs {
  const username = stringInput('registry-username');
  const password = stringInput('registry-password');
  const githubToken = stringInput('github-token');
  if (password) core.setSecret(password);
  if (githubToken) core.setSecret(githubToken);
  if (username && !password)
    throw new InputError(
      'registry-password',
      'is empty but `registry-username` is set; pass the password or token, e.g. ${{ secrets.REGISTRY_TOKEN }}',
    );
  if (password && !username) throw new InputError('registry-username', 'is empty but `registry-password` is set; add the user name');
  let provider: ProviderName;
  try {
    provider = parseProvider(stringInput('provider'));
  } catch (err) {
    throw new InputError('provider', (err as Error).message);
  }
  const cloud: CloudOptions = {};
  const awsRoleArn = stringInput('aws-role-arn');
  const awsRegion = stringInput('aws-region');
  if (awsRoleArn && !/^arn:aws[a-z-]*:iam::[0-9]{12}:role\/.+$/.test(awsRoleArn))
    throw new InputError('aws-role-arn', `"${awsRoleArn}" is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`);
  if (awsRoleArn || awsRegion) cloud.aws = { ...(awsRoleArn ? { roleArn: awsRoleArn } : {}), ...(awsRegion ? { region: awsRegion } : {}) };
  const gcpProvider = stringInput('gcp-workload-identity-provider');
  const gcpAccount = stringInput('gcp-service-account');
  if (gcpProvider || gcpAccount)
    cloud.gcp = {
      ...(gcpProvider ? { workloadIdentityProvider: gcpProvider } : {}),
      ...(gcpAccount ? { serviceAccount: gcpAccount } : {}),
    };
  const azureClient = stringInput('azure-client-id');
  const azureTenant = stringInput('azure-tenant-id');
  if (azureClient || azureTenant)
    cloud.azure = { ...(azureClient ? { clientId: azureClient } : {}), ...(azureTenant ? { tenantId: azureTenant } : {}) };
  let network: TransportOptions;
  try {
    network = timeoutOptions(stringInput('timeout'));
  } catch (err) {
    throw new InputError('timeout', (err as Error).message);
  }
  return { provider, insecure: booleanInput('insecure', false), username, password, githubToken, cloud, network };
}

/** Parses a repository input (`host/path`, `oci://host/path` or `oci-layout:DIR`), refusing tags and digests. */
export function repositoryInput(name: string, value: string): Location {
  let location: Location;
  try {
    location = parseLocation(value);
  } catch (err) {
    if (err instanceof InvalidReferenceError) throw new InputError(name, err.problem);
    throw err;
  }
  const tag = location.kind === 'registry' ? location.reference.tag : location.tag;
  const digest = location.kind === 'registry' ? location.reference.digest : location.digest;
  if (tag || digest)
    throw new InputError(
      name,
      `"${value}" must not include a ${digest ? 'digest' : `tag (":${tag}")`}; give the repository only and set the tags with \`tags\` or \`diff-tag\``,
    );
  return location;
}

export interface RegistrySession {
  client: RegistryClient;
  credentials: CredentialFunction;
  /**
   * A registry failure in the actions' words (core's `explainRegistryError`): an unresolvable host as an error of
   * the `repository` input (quoting `shownAs`), a refusal with the permission or input to add. `location` is where
   * the request went, when not the session's (a component's repository).
   */
  explain(err: unknown, options?: { location?: Location; shownAs?: string; credentialFix?: string }): Promise<unknown>;
}

/** Where the job's registry credentials come from (inputs, cloud provider, GITHUB_TOKEN for GHCR, docker config). */
function authOptions(inputs: RegistryInputs, context: GitHubContext, provider: ProviderName, registry?: string): RegistryAuthOptions {
  return {
    provider,
    username: inputs.username,
    password: inputs.password,
    // `registry-username`/`registry-password` go to the one registry they are for, never to another host.
    ...(registry ? { registry } : {}),
    githubToken: inputs.githubToken,
    githubActor: context.actor,
    githubServerUrl: context.serverUrl,
    cloud: inputs.cloud,
    onSecret: (secret) => core.setSecret(secret),
    // Which credential source a cloud provider used (job OIDC token or an ambient one), in the step's debug log.
    onDebug: (message) => core.debug(message),
  };
}

/** How the job reaches registries: the `insecure` and `timeout` inputs, warnings as annotations. */
function reachOptions(inputs: RegistryInputs) {
  return { insecure: inputs.insecure, onWarning: (message: string) => core.warning(message), transport: inputs.network };
}

/** A registry client whose every credential and token is masked in the log before it can appear. */
export function registrySession(inputs: RegistryInputs, context: GitHubContext, location: Location): RegistrySession {
  const registry = location.kind === 'registry' ? location.reference.registry : undefined;
  let opened: OpenedRegistry;
  try {
    opened = openRegistry({ ...authOptions(inputs, context, inputs.provider, registry), ...reachOptions(inputs) });
  } catch (err) {
    if (err instanceof ProviderError) throw inputError(err) ?? err;
    throw err;
  }
  const { client, credentials } = opened;
  return {
    client,
    credentials,
    explain: async (err, options = {}) => {
      const explained = await explainRegistryError(err, {
        location: options.location ?? location,
        credentials,
        provider: inputs.provider,
        vocabulary: 'action',
        ...(options.shownAs === undefined ? {} : { shownAs: options.shownAs }),
        ...(options.credentialFix === undefined ? {} : { credentialFix: options.credentialFix }),
      });
      // Only what the explainer made names an input; any other error keeps its own wording.
      return explained === err ? err : (inputError(explained) ?? explained);
    },
  };
}

/**
 * The `registry-server` input of an action that reads many registries (image update): the one registry
 * `registry-username`/`registry-password` are for, required with them, so they never go to another.
 */
export function registryServerInput(inputs: RegistryInputs): string | undefined {
  const server = stringInput('registry-server') || undefined;
  if (inputs.username && !server)
    throw new InputError(
      'registry-server',
      'is required with `registry-username`: image update reads every registry the ImageRepositories name, and the credentials go only to the registry they are for (e.g. registry.example.com)',
    );
  if (server && !inputs.username)
    throw new InputError(
      'registry-server',
      'names the registry `registry-username`/`registry-password` are for; set them too, or leave it empty',
    );
  if (server && !/^[a-z0-9.-]+(?::[0-9]+)?$/i.test(server))
    throw new InputError('registry-server', `"${server}" is not a registry host (host or host:port, e.g. registry.example.com)`);
  return server;
}

/**
 * How the job reaches many registries at once (image update reads every ImageRepository's), as core opens them:
 * the job's credentials, with `registry-username`/`registry-password` for `registry` only, each masked as obtained.
 */
export function registryOptions(inputs: RegistryInputs, context: GitHubContext, registry?: string): OpenRegistryOptions {
  return { ...authOptions(inputs, context, inputs.provider, registry), ...reachOptions(inputs) };
}
