export { awsProvider, parseEcrRegistry } from './aws.ts';
export { type AwsKeys } from './aws-ambient.ts';
export { azureCloud, azureProvider, isAzureRegistry } from './azure.ts';
export { CloudCredentialError, type AzureProviderOptions, type CloudContext, type CloudOptions } from './cloud.ts';
export { CredentialHelperError, dockerConfigCredentials, runCredentialHelper } from './docker-config.ts';
export { explainRegistryError, unresolvedHost } from './explain.ts';
export { gcpProvider, isGcpRegistry, workloadIdentityProviderName } from './gcp.ts';
export { githubTokenCredentials, isGitHubRegistry } from './github.ts';
export { withAuthHint } from './hints.ts';
export { openRegistry, type OpenedRegistry, type OpenRegistryOptions } from './open-registry.ts';
export { type ProviderName } from './provider-names.ts';
export {
  assertProviderServes,
  parseProvider,
  ProviderError,
  registerCloudProvider,
  registryCredentials,
  type RegistryAuthOptions,
} from './resolve.ts';
