import { readFile } from 'node:fs/promises';
import type { Credential } from '../oci/auth.ts';
import {
  CloudCredentialError,
  ExpiringCache,
  oidcToken,
  oneLine,
  registryHostname,
  type CloudContext,
  type CloudProvider,
} from './cloud.ts';

/**
 * Private ECR hosts (docker/login-action's pattern; Flux 2.6 accepts the same registries): `<account>.dkr.ecr.<region>.amazonaws.com`,
 * the dual-stack `<account>.dkr-ecr.<region>.on.aws`, China (`.amazonaws.com.cn`) and the EU sovereign cloud (`.amazonaws.eu`).
 */
export const ecrHostPattern =
  /^([0-9]{12})\.(dkr\.ecr|dkr-ecr|dkr\.ecr-fips|dkr-ecr-fips)\.([a-z0-9-]+)\.(on\.aws|amazonaws\.com(\.cn)?|amazonaws\.eu)$/;
/** ECR Public's registry hosts. */
export const ecrPublicHosts: readonly string[] = ['public.ecr.aws', 'ecr-public.aws.com'];
/** "Authenticating to ECR Public auth only works in us-east-1" (amazon-ecr-login). */
export const ecrPublicRegion = 'us-east-1';

export type EcrRegistry = { kind: 'private'; account: string; region: string } | { kind: 'public'; region: string };

/** Which ECR a registry name is (the port is ignored), or undefined when it is not one. */
export function parseEcrRegistry(registry: string): EcrRegistry | undefined {
  const host = registryHostname(registry);
  if (ecrPublicHosts.includes(host)) return { kind: 'public', region: ecrPublicRegion };
  const match = ecrHostPattern.exec(host);
  return match ? { kind: 'private', account: match[1] as string, region: match[3] as string } : undefined;
}

export const awsHosts =
  'Amazon ECR (<account>.dkr.ecr.<region>.amazonaws.com, <account>.dkr-ecr.<region>.on.aws, .amazonaws.com.cn, .amazonaws.eu) and ECR Public (public.ecr.aws, ecr-public.aws.com)';

interface AwsKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

type Service = 'sts' | 'ecr' | 'ecrPublic';
const endpointVariables: Record<Service, string> = {
  sts: 'AWS_ENDPOINT_URL_STS',
  ecr: 'AWS_ENDPOINT_URL_ECR',
  ecrPublic: 'AWS_ENDPOINT_URL_ECR_PUBLIC',
};

/** An SDK error as one line: `<Code>: <message>`, or the network error. */
function sdkError(err: unknown): string {
  const e = err as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode;
  const name = e.name && e.name !== 'Error' ? e.name : e.code;
  const message = e.message ?? String(err);
  return oneLine(
    `${name && !message.startsWith(name) && !message.includes(`${name} `) ? `${name}: ` : ''}${message}${status ? ` (HTTP ${status})` : ''}`,
  );
}

/**
 * `provider: aws`. Credentials, in order: assume `roleArn` with the job's OIDC token (STS
 * AssumeRoleWithWebIdentity), else AWS credentials already in the environment (AWS_ACCESS_KEY_ID, e.g. from
 * aws-actions/configure-aws-credentials, or AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN). Then ECR's
 * GetAuthorizationToken (in the registry's region; ECR Public's in us-east-1) gives `AWS:<password>`. The AWS SDK is
 * loaded only here, on first use.
 */
export function awsProvider(context: CloudContext): CloudProvider {
  const options = context.options.aws ?? {};
  const env = context.env;
  const keys = new ExpiringCache<AwsKeys>();
  const tokens = new ExpiringCache<Credential>();

  const endpoint = (service: Service): string | undefined => {
    const explicit = options.endpoints?.[service];
    if (explicit) return explicit;
    if (/^true$/i.test(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '')) return undefined;
    return env[endpointVariables[service]] || env.AWS_ENDPOINT_URL || undefined;
  };

  const assumeRole = async (roleArn: string, webIdentityToken: string, region: string): Promise<{ value: AwsKeys; expiresAt: number }> => {
    const { STSClient, AssumeRoleWithWebIdentityCommand } = await import('@aws-sdk/client-sts');
    const client = new STSClient({ region, endpoint: endpoint('sts'), maxAttempts: 3 });
    const sessionName = (options.roleSessionName || `d2ci-${env.GITHUB_RUN_ID || Date.now()}`).replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
    try {
      const out = await client.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: roleArn,
          RoleSessionName: sessionName,
          WebIdentityToken: webIdentityToken,
          DurationSeconds: options.durationSeconds ?? 3600,
        }),
      );
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey)
        throw new CloudCredentialError(`AWS STS AssumeRoleWithWebIdentity for ${roleArn} returned no credentials`);
      context.onSecret(c.SecretAccessKey);
      if (c.SessionToken) context.onSecret(c.SessionToken);
      const expiresAt = c.Expiration ? c.Expiration.getTime() : Date.now() + (options.durationSeconds ?? 3600) * 1000;
      return {
        value: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration },
        expiresAt,
      };
    } catch (err) {
      if (err instanceof CloudCredentialError) throw err;
      const denied = /AccessDenied|InvalidIdentityToken|IDPRejectedClaim|ExpiredToken/.test((err as Error).name ?? '');
      const hint = denied
        ? `; the role's trust policy must allow sts:AssumeRoleWithWebIdentity for token.actions.githubusercontent.com with audience ${options.audience ?? 'sts.amazonaws.com'} and this repository's sub claim`
        : '';
      throw new CloudCredentialError(`AWS STS AssumeRoleWithWebIdentity for ${roleArn} failed: ${sdkError(err)}${hint}`, { cause: err });
    } finally {
      client.destroy();
    }
  };

  /** The AWS credentials to call ECR with, cached until they expire. */
  const credentials = (stsRegion: string): Promise<AwsKeys> =>
    keys.get(`keys|${stsRegion}`, async () => {
      if (options.roleArn) {
        const token = await oidcToken(context, options.audience ?? 'sts.amazonaws.com', `provider aws (to assume ${options.roleArn})`);
        return assumeRole(options.roleArn, token, stsRegion);
      }
      if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
        context.onSecret(env.AWS_SECRET_ACCESS_KEY);
        if (env.AWS_SESSION_TOKEN) context.onSecret(env.AWS_SESSION_TOKEN);
        const expiration = env.AWS_CREDENTIAL_EXPIRATION ? new Date(env.AWS_CREDENTIAL_EXPIRATION) : undefined;
        const expiresAt = expiration && !Number.isNaN(expiration.getTime()) ? expiration.getTime() : Number.POSITIVE_INFINITY;
        return {
          value: {
            accessKeyId: env.AWS_ACCESS_KEY_ID,
            secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
            sessionToken: env.AWS_SESSION_TOKEN || undefined,
          },
          expiresAt,
        };
      }
      if (env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN) {
        const token = (
          await readFile(env.AWS_WEB_IDENTITY_TOKEN_FILE, 'utf8').catch((err: unknown) => {
            throw new CloudCredentialError(
              `provider aws cannot read AWS_WEB_IDENTITY_TOKEN_FILE ${env.AWS_WEB_IDENTITY_TOKEN_FILE}: ${(err as Error).message}`,
            );
          })
        ).trim();
        context.onSecret(token);
        return assumeRole(env.AWS_ROLE_ARN, token, stsRegion);
      }
      throw new CloudCredentialError(
        "provider aws has no AWS credentials: give the IAM role to assume with the job's OIDC token (needs `permissions: id-token: write`), or run aws-actions/configure-aws-credentials before this step",
      );
    });

  const authorizationToken = async (registry: string, ecr: EcrRegistry): Promise<{ value: Credential; expiresAt: number }> => {
    const stsRegion = options.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || ecr.region;
    const awsKeys = await credentials(stsRegion);
    let token: string | undefined;
    let expires: Date | undefined;
    const api = ecr.kind === 'public' ? 'ECR Public GetAuthorizationToken' : `ECR GetAuthorizationToken in ${ecr.region}`;
    try {
      if (ecr.kind === 'public') {
        const { ECRPUBLICClient, GetAuthorizationTokenCommand } = await import('@aws-sdk/client-ecr-public');
        const client = new ECRPUBLICClient({ region: ecr.region, credentials: awsKeys, endpoint: endpoint('ecrPublic'), maxAttempts: 3 });
        try {
          const out = await client.send(new GetAuthorizationTokenCommand({}));
          token = out.authorizationData?.authorizationToken;
          expires = out.authorizationData?.expiresAt;
        } finally {
          client.destroy();
        }
      } else {
        const { ECRClient, GetAuthorizationTokenCommand } = await import('@aws-sdk/client-ecr');
        const client = new ECRClient({ region: ecr.region, credentials: awsKeys, endpoint: endpoint('ecr'), maxAttempts: 3 });
        try {
          const out = await client.send(new GetAuthorizationTokenCommand({}));
          token = out.authorizationData?.[0]?.authorizationToken;
          expires = out.authorizationData?.[0]?.expiresAt;
        } finally {
          client.destroy();
        }
      }
    } catch (err) {
      const denied = /AccessDenied|UnrecognizedClient|InvalidSignature|ExpiredToken/.test((err as Error).name ?? '');
      const permission =
        ecr.kind === 'public' ? 'ecr-public:GetAuthorizationToken and sts:GetServiceBearerToken' : 'ecr:GetAuthorizationToken';
      throw new CloudCredentialError(
        `${api} for ${registry} failed: ${sdkError(err)}${denied ? `; the AWS identity needs ${permission}` : ''}`,
        { cause: err },
      );
    }
    if (!token) throw new CloudCredentialError(`${api} for ${registry} returned no authorization token`);
    context.onSecret(token);
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    const cut = decoded.indexOf(':');
    if (cut <= 0) throw new CloudCredentialError(`${api} for ${registry} returned a token that is not base64 "AWS:<password>"`);
    const credential = { username: decoded.slice(0, cut), password: decoded.slice(cut + 1) };
    context.onSecret(credential.password);
    // ECR tokens last 12 hours; without an expiry, assume the shortest AWS documents for a session (1 hour).
    return { value: credential, expiresAt: expires?.getTime() ?? Date.now() + 3600_000 };
  };

  return {
    name: 'aws',
    hosts: awsHosts,
    serves: (registry) => parseEcrRegistry(registry) !== undefined,
    async credentialFor(registry) {
      const ecr = parseEcrRegistry(registry);
      if (!ecr) return undefined;
      const key = ecr.kind === 'public' ? 'public' : `${ecr.account}|${ecr.region}`;
      return tokens.get(key, () => authorizationToken(registry, ecr));
    },
  };
}
