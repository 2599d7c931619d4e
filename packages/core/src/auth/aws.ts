import type { Credential } from '../oci/auth.ts';
import { ambientAwsKeys, type AwsKeys } from './aws-ambient.ts';
import {
  CloudCredentialError,
  ExpiringCache,
  jobOidcToken,
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

/** Request deadlines for d2ci's own STS and ECR clients (the SDK sets none by default). */
const requestHandler = { connectionTimeout: 10_000, requestTimeout: 30_000 };

/**
 * `provider: aws`. Credentials, in order: assume `roleArn` with the job's OIDC token (STS
 * AssumeRoleWithWebIdentity); without a role or without an OIDC token, the AWS SDK's default chain as Flux uses it
 * (environment keys, e.g. from aws-actions/configure-aws-credentials, web identity token file, AWS_PROFILE and the
 * shared files, container credentials, EC2 instance metadata). Then ECR's GetAuthorizationToken (in the registry's
 * region; ECR Public's in us-east-1) gives `AWS:<password>`. The AWS SDK is loaded only here, on first use.
 */
export function awsProvider(context: CloudContext): CloudProvider & { keys(stsRegion: string): Promise<AwsKeys> } {
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
    const client = new STSClient({ region, endpoint: endpoint('sts'), maxAttempts: 3, requestHandler });
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
      const tried: string[] = [];
      if (options.roleArn) {
        const audience = options.audience ?? 'sts.amazonaws.com';
        const oidc = await jobOidcToken(context, audience, `provider aws (to assume ${options.roleArn})`);
        if (oidc.token) {
          context.onDebug(`provider aws: credentials from the job's OIDC token (AssumeRoleWithWebIdentity for ${options.roleArn})`);
          return assumeRole(options.roleArn, oidc.token, stsRegion);
        }
        tried.push(`the job's OIDC token for ${options.roleArn}: ${oidc.missing}`);
      } else {
        tried.push("the job's OIDC token: no IAM role to assume was given");
      }
      return ambientAwsKeys(context, tried);
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
        const client = new ECRPUBLICClient({
          region: ecr.region,
          credentials: awsKeys,
          endpoint: endpoint('ecrPublic'),
          maxAttempts: 3,
          requestHandler,
        });
        try {
          const out = await client.send(new GetAuthorizationTokenCommand({}));
          token = out.authorizationData?.authorizationToken;
          expires = out.authorizationData?.expiresAt;
        } finally {
          client.destroy();
        }
      } else {
        const { ECRClient, GetAuthorizationTokenCommand } = await import('@aws-sdk/client-ecr');
        const client = new ECRClient({
          region: ecr.region,
          credentials: awsKeys,
          endpoint: endpoint('ecr'),
          maxAttempts: 3,
          requestHandler,
        });
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
    // The same credentials for other AWS APIs (KMS signing keys, kms/aws.ts).
    keys: credentials,
    serves: (registry) => parseEcrRegistry(registry) !== undefined,
    async credentialFor(registry) {
      const ecr = parseEcrRegistry(registry);
      if (!ecr) return undefined;
      const key = ecr.kind === 'public' ? 'public' : `${ecr.account}|${ecr.region}`;
      return tokens.get(key, () => authorizationToken(registry, ecr));
    },
  };
}
