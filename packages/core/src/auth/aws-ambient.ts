import { CloudCredentialError, noCredentials, oneLine, type CloudContext } from './cloud.ts';

/** AWS keys as the ECR clients take them. */
export interface AwsKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** What the SDK's `$source` feature flags (@aws-sdk/core setCredentialFeature) say about where keys came from. */
const sourceNames: Record<string, string> = {
  CREDENTIALS_ENV_VARS: 'AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY',
  CREDENTIALS_ENV_VARS_STS_WEB_ID_TOKEN: 'AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN',
  CREDENTIALS_PROFILE: 'the shared credentials/config file profile',
  CREDENTIALS_PROFILE_SOURCE_PROFILE: 'an assume-role profile (source_profile)',
  CREDENTIALS_PROFILE_NAMED_PROVIDER: 'an assume-role profile (credential_source)',
  CREDENTIALS_PROFILE_STS_WEB_ID_TOKEN: 'a web identity profile',
  CREDENTIALS_PROFILE_PROCESS: 'a credential_process profile',
  CREDENTIALS_PROFILE_SSO: 'an SSO profile',
  CREDENTIALS_PROFILE_SSO_LEGACY: 'an SSO profile',
  CREDENTIALS_PROFILE_LOGIN: 'an aws login profile',
  CREDENTIALS_HTTP: 'the container credentials endpoint (ECS/EKS Pod Identity)',
};

/** The chain's order, for the refusal that lists what was tried. */
export const awsChainDescription =
  "the AWS SDK's default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN, the shared config and credentials files with AWS_PROFILE, credential_process, container credentials AWS_CONTAINER_CREDENTIALS_FULL_URI/RELATIVE_URI, EC2 instance metadata IMDSv2)";

/**
 * Credentials the way Flux's `--provider aws` and every AWS SDK find them: the SDK v3 default chain
 * (`defaultProvider`, which `fromNodeProviderChain` wraps; aws-sdk-js-v3 packages/credential-provider-node/src/defaultProvider.ts). The chain
 * reads the process environment and the shared files, as the SDK always does (not `context.env`), and is loaded only
 * here, so the bundles start without it.
 */
export async function ambientAwsKeys(context: CloudContext, tried: readonly string[]): Promise<{ value: AwsKeys; expiresAt: number }> {
  const { defaultProvider } = await import('@aws-sdk/credential-provider-node');
  // Remote sources (IMDS, container endpoint) get a deadline and a small retry budget; STS calls made by
  // assume-role and web identity profiles get the same request timeouts as d2ci's own STS and ECR clients.
  const provider = defaultProvider({
    timeout: 5_000,
    maxRetries: 2,
    clientConfig: { maxAttempts: 3, requestHandler: { connectionTimeout: 10_000, requestTimeout: 30_000 } },
  });
  let keys: AwsKeys & { $source?: Record<string, unknown> };
  try {
    keys = await provider();
  } catch (err) {
    const e = err as { name?: string; message?: string };
    const why = oneLine(e.message ?? String(err));
    throw noCredentials(
      'aws',
      [...tried, `${awsChainDescription}: ${why}`],
      "give the IAM role to assume with the job's OIDC token (with `permissions: id-token: write`), or run aws-actions/configure-aws-credentials (or set AWS_PROFILE) before this step",
    );
  }
  if (!keys.accessKeyId || !keys.secretAccessKey)
    throw new CloudCredentialError("the AWS SDK's default chain returned keys without a secret");
  context.onSecret(keys.secretAccessKey);
  if (keys.sessionToken) context.onSecret(keys.sessionToken);
  const features = Object.keys(keys.$source ?? {});
  const named = features.map((feature) => sourceNames[feature]).find(Boolean);
  const remote = process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI || process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  const source = named ?? (remote ? 'the container credentials endpoint' : 'EC2 instance metadata (IMDS)');
  context.onDebug(`provider aws: credentials from ${source}${process.env.AWS_PROFILE ? ` (AWS_PROFILE ${process.env.AWS_PROFILE})` : ''}`);
  return {
    value: {
      accessKeyId: keys.accessKeyId,
      secretAccessKey: keys.secretAccessKey,
      sessionToken: keys.sessionToken,
      expiration: keys.expiration,
    },
    expiresAt: keys.expiration?.getTime() ?? Number.POSITIVE_INFINITY,
  };
}
