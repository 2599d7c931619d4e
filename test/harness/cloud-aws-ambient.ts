// Stand-ins for where the AWS SDK's default chain finds credentials on a machine (not the job's OIDC token):
// EC2's instance metadata service (IMDSv2, token-protected) and the ECS / EKS Pod Identity container credentials
// endpoint. Both hand out keys the ECR stand-in (startAwsStandIn) accepts, so a push can follow.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { closeServer, handle, listen, secret, send, type AwsStandIn } from './cloud.ts';

export interface IssuedAwsKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

function issue(aws: AwsStandIn, lifetimeSeconds: number): IssuedAwsKeys & { expiration: string } {
  const keys = {
    accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: secret('ambient-secret-', 30),
    sessionToken: secret('ambient-session-', 60),
  };
  aws.staticKeys.set(keys.accessKeyId, { secretAccessKey: keys.secretAccessKey, sessionToken: keys.sessionToken });
  return { ...keys, expiration: new Date(Date.now() + lifetimeSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

export interface ImdsStandIn {
  /** AWS_EC2_METADATA_SERVICE_ENDPOINT. */
  url: string;
  role: string;
  /** Every request: method, path and whether it carried a valid session token. */
  requests: { method: string; path: string; token: boolean }[];
  issued: IssuedAwsKeys[];
  close(): Promise<void>;
}

/**
 * EC2's instance metadata service with IMDSv2 required (docs.aws.amazon.com, "Use the Instance Metadata Service to
 * access instance metadata"): `PUT /latest/api/token` with `X-aws-ec2-metadata-token-ttl-seconds` gives a session
 * token; `GET /latest/meta-data/iam/security-credentials/` names the role and `…/<role>` gives its keys, both only
 * with `X-aws-ec2-metadata-token` (401 without, as an instance with HttpTokens=required answers).
 */
export async function startImdsStandIn(aws: AwsStandIn, role = 'd2ci-instance-role'): Promise<ImdsStandIn> {
  const server = createServer();
  const url = await listen(server);
  const tokens = new Set<string>();
  const state: ImdsStandIn = { url, role, requests: [], issued: [], close: () => closeServer(server) };
  handle(server, (req, res) => {
    const path = new URL(req.url ?? '/', url).pathname;
    const token = req.headers['x-aws-ec2-metadata-token'];
    const valid = typeof token === 'string' && tokens.has(token);
    state.requests.push({ method: req.method ?? '', path, token: valid });
    if (req.method === 'PUT' && path === '/latest/api/token') {
      const ttl = Number(req.headers['x-aws-ec2-metadata-token-ttl-seconds']);
      if (!(ttl >= 1 && ttl <= 21600)) return send(res, 400, '', 'text/plain');
      const issued = secret('imds-token-', 24);
      tokens.add(issued);
      return send(res, 200, issued, 'text/plain');
    }
    if (req.method !== 'GET') return send(res, 405, '', 'text/plain');
    if (!valid) return send(res, 401, '', 'text/plain');
    if (path === '/latest/meta-data/iam/security-credentials/') return send(res, 200, role, 'text/plain');
    if (path === `/latest/meta-data/iam/security-credentials/${role}`) {
      const keys = issue(aws, 6 * 3600);
      state.issued.push(keys);
      return send(res, 200, {
        Code: 'Success',
        LastUpdated: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Type: 'AWS-HMAC',
        AccessKeyId: keys.accessKeyId,
        SecretAccessKey: keys.secretAccessKey,
        Token: keys.sessionToken,
        Expiration: keys.expiration,
      });
    }
    send(res, 404, '', 'text/plain');
  });
  return state;
}

export interface ContainerCredentialsStandIn {
  /** AWS_CONTAINER_CREDENTIALS_FULL_URI. */
  url: string;
  /** What AWS_CONTAINER_AUTHORIZATION_TOKEN(_FILE) must hold. */
  authorizationToken: string;
  requests: { path: string; authorization: string; status: number }[];
  issued: IssuedAwsKeys[];
  close(): Promise<void>;
}

/**
 * The container credentials endpoint of ECS and of the EKS Pod Identity agent (docs.aws.amazon.com, "Container
 * credential provider"): `GET <full URI>` with the authorization token as the `Authorization` header answers
 * `{AccessKeyId, SecretAccessKey, Token, Expiration, AccountId}`.
 */
export async function startContainerCredentials(aws: AwsStandIn): Promise<ContainerCredentialsStandIn> {
  const server = createServer();
  const base = await listen(server);
  const state: ContainerCredentialsStandIn = {
    url: `${base}/v1/credentials`,
    authorizationToken: secret('eks-pod-identity-', 24),
    requests: [],
    issued: [],
    close: () => closeServer(server),
  };
  handle(server, (req, res) => {
    const path = new URL(req.url ?? '/', base).pathname;
    const record = { path, authorization: String(req.headers.authorization ?? ''), status: 0 };
    state.requests.push(record);
    const reply = (status: number, body: object): void => {
      record.status = status;
      send(res, status, body);
    };
    if (req.method !== 'GET' || path !== '/v1/credentials') return reply(404, { code: 'NotFound', message: 'no such path' });
    if (record.authorization !== state.authorizationToken)
      return reply(401, { code: 'AccessDeniedException', message: 'Service account token cannot be empty.' });
    const keys = issue(aws, 6 * 3600);
    state.issued.push(keys);
    reply(200, {
      AccessKeyId: keys.accessKeyId,
      SecretAccessKey: keys.secretAccessKey,
      Token: keys.sessionToken,
      AccountId: '123456789012',
      Expiration: keys.expiration,
    });
  });
  return state;
}

/**
 * Runs `fn` with these process environment variables (undefined removes one), restoring them after. The AWS SDK's
 * default chain reads `process.env` itself, as it does in the action and the CLI.
 */
export async function withProcessEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  const set = (values: Record<string, string | undefined>): void => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  set(vars);
  try {
    return await fn();
  } finally {
    set(saved);
  }
}

/**
 * Every variable through which the AWS SDK's chain could find credentials on this machine, cleared, and instance
 * metadata pointed at a closed loopback port so no test ever sends a request to 169.254.169.254.
 */
export function isolatedAwsEnv(home: string): Record<string, string | undefined> {
  return {
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_DEFAULT_PROFILE: undefined,
    AWS_ROLE_ARN: undefined,
    AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
    AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
    AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
    AWS_CONTAINER_AUTHORIZATION_TOKEN: undefined,
    AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: undefined,
    AWS_SHARED_CREDENTIALS_FILE: `${home}/.aws/credentials`,
    AWS_CONFIG_FILE: `${home}/.aws/config`,
    AWS_EC2_METADATA_DISABLED: undefined,
    AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:2',
    AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: undefined,
    AWS_SDK_LOAD_CONFIG: undefined,
  };
}

/** The environment that makes an action or CLI process resolve these registry names to 127.0.0.1 (loopback-dns.ts). */
export function loopbackHostsEnv(hosts: readonly string[]): Record<string, string> {
  return {
    NODE_OPTIONS: `--import=${new URL('./loopback-dns.ts', import.meta.url).pathname}`,
    D2CI_TEST_LOOPBACK_HOSTS: hosts.join(','),
  };
}
