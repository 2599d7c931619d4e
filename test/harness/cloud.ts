// Local stand-ins for the cloud services behind `provider: aws|gcp|azure`, speaking their real wire protocols on
// 127.0.0.1: the GitHub Actions OIDC token service, AWS STS (query API, XML) and ECR / ECR Public (JSON 1.1 with
// SigV4 checked against the keys STS issued), Google STS and IAM Credentials, Microsoft Entra ID's token endpoint,
// and an ACR front (`/oauth2/exchange`, `/oauth2/token`) that proxies `/v2/` to a local docker-registry.
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createHash, createHmac, createVerify, randomBytes, timingSafeEqual, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { freePort, requireBinary, startProcess, waitFor, type ManagedProcess } from './process.ts';
import { githubClaims, unsignedJwt, type GitHubClaims } from './sigstore.ts';
import type { LocalRegistry } from './registry.ts';
import { makeWorkspace } from './workspace.ts';
import { pushArtifact, RegistryClient, type CredentialFunction, type PushArtifactResult, type Target } from '@d2ci/core';

export const secret = (prefix: string, bytes = 18): string => `${prefix}${randomBytes(bytes).toString('base64url')}`;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, status: number, body: string | object, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** Runs a request handler, answering 500 with the error instead of leaving the client hanging. */
export function handle(server: Server, handler: (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<void> | void): void {
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void (async () => handler(req, res, await readBody(req)))().catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { message: String(err) });
      else res.destroy();
    });
  });
}

/** The claims of an (unsigned) JWT. */
export function claimsOf(token: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

// ───────────────────────────── GitHub Actions OIDC ─────────────────────────────

export interface GitHubOidc {
  url: string;
  /** The runner's variables for a job with `permissions: id-token: write`. */
  env: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string };
  claims: GitHubClaims;
  /** Audiences tokens were asked for, in order. */
  audiences: string[];
  /** Every token handed out. */
  issued: string[];
  /** Whether a token came from here, and its audience. */
  audienceOf(token: string): string | undefined;
  close(): Promise<void>;
}

/** The runner's OIDC token service (`ACTIONS_ID_TOKEN_REQUEST_URL`): `GET ?audience=` with the request token → `{value}`. */
export async function startGitHubOidc(claims: Partial<GitHubClaims> = {}): Promise<GitHubOidc> {
  const server = createServer();
  const requestToken = secret('oidc-request-');
  const state: Omit<GitHubOidc, 'url' | 'env' | 'close'> = {
    claims: githubClaims(claims),
    audiences: [],
    issued: [],
    audienceOf: (token) => (state.issued.includes(token) ? (claimsOf(token).aud as string) : undefined),
  };
  handle(server, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' || url.pathname !== '/token') return send(res, 404, { message: 'not found' });
    if (req.headers.authorization !== `Bearer ${requestToken}`) return send(res, 401, { message: 'bad request token' });
    const audience = url.searchParams.get('audience') ?? '';
    state.audiences.push(audience);
    const token = unsignedJwt({ ...state.claims, aud: audience, jti: randomBytes(6).toString('hex') });
    state.issued.push(token);
    send(res, 200, { count: 1, value: token });
  });
  const url = await listen(server);
  return {
    ...state,
    url,
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken },
    close: () => closeServer(server),
  };
}

// ───────────────────────────── docker-registry with chosen users ─────────────────────────────

export interface UsersRegistry {
  host: string;
  url: string;
  dataDir: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/** Debian's docker-registry with htpasswd auth for exactly these users (e.g. `AWS` with an ECR password). */
export async function startRegistryWithUsers(users: Record<string, string>): Promise<UsersRegistry> {
  const binary = requireBinary('docker-registry', 'apt-get install -y docker-registry');
  const dir = mkdtempSync(join(tmpdir(), 'd2ci-cloud-registry-'));
  writeFileSync(
    join(dir, 'htpasswd'),
    Object.entries(users)
      .map(([user, password]) => `${user}:${bcrypt.hashSync(password, 5)}\n`)
      .join(''),
  );
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    writeFileSync(
      join(dir, 'config.yml'),
      [
        'version: 0.1',
        'log:',
        '  level: warn',
        '  accesslog: {disabled: true}',
        'storage:',
        `  filesystem: {rootdirectory: ${join(dir, 'data')}}`,
        '  delete: {enabled: true}',
        'http:',
        `  addr: 127.0.0.1:${port}`,
        `  secret: cloud-test-${randomBytes(4).toString('hex')}`,
        'auth:',
        '  htpasswd:',
        '    realm: basic-realm',
        `    path: ${join(dir, 'htpasswd')}`,
        '',
      ].join('\n'),
    );
    const proc = startProcess(binary, ['serve', join(dir, 'config.yml')], join(dir, 'registry.log'));
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitFor(`docker-registry on ${url}`, async () => (await fetch(`${url}/v2/`)).status === 401);
    } catch (err) {
      await proc.stop();
      if (attempt < 3) continue;
      throw new Error(`${(err as Error).message}\n${proc.log()}`);
    }
    return {
      host: `127.0.0.1:${port}`,
      url,
      dataDir: dir,
      process: proc,
      async stop() {
        await proc.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
}

// ───────────────────────────── AWS: STS and ECR ─────────────────────────────

interface AwsKey {
  secretAccessKey: string;
  sessionToken?: string;
}

export interface StsRequest {
  action: string;
  roleArn: string;
  roleSessionName: string;
  durationSeconds: string;
  webIdentityToken: string;
  /** Audience of the web identity token, when it came from the OIDC stand-in. */
  tokenAudience: string | undefined;
  /** AssumeRole only: the access key that signed the request (SigV4 checked), e.g. an assume-role profile's source. */
  signedBy?: string;
  path: string;
  status: number;
}

export interface EcrRequest {
  /** `ecr` or `ecr-public`. */
  api: 'ecr' | 'ecr-public';
  target: string;
  path: string;
  authorization: string;
  /** From the Authorization header's Credential=<key>/<date>/<region>/<service>/aws4_request. */
  keyId: string;
  date: string;
  region: string;
  service: string;
  securityToken: string | undefined;
  /** Whether the SigV4 signature checks out against the secret this stand-in issued for the key. */
  signatureValid: boolean;
  status: number;
}

export interface AwsStandIn {
  url: string;
  /** The SDK's standard endpoint variables, pointing at this stand-in. */
  env: { AWS_ENDPOINT_URL_STS: string; AWS_ENDPOINT_URL_ECR: string; AWS_ENDPOINT_URL_ECR_PUBLIC: string };
  sts: StsRequest[];
  ecr: EcrRequest[];
  /** Keys STS handed out: access key ID → secret and session token. */
  issuedKeys: Map<string, AwsKey>;
  /** Roles whose trust policy accepts the OIDC stand-in's tokens with audience sts.amazonaws.com. */
  roles: Set<string>;
  /** ECR answers `AUTH_TOKEN` = base64("AWS:" + this). */
  ecrPassword: string;
  ecrPublicPassword: string;
  /** Lifetimes of what is handed out (seconds). */
  stsLifetime: number;
  ecrLifetime: number;
  /** Access keys (besides STS's) that may call ECR, e.g. the ones a test puts in AWS_ACCESS_KEY_ID. */
  staticKeys: Map<string, AwsKey>;
  /** Make ECR deny GetAuthorizationToken. */
  denyEcr: boolean;
  close(): Promise<void>;
}

function xml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function stsError(res: ServerResponse, status: number, code: string, message: string): void {
  send(
    res,
    status,
    `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${xml(message)}</Message></Error><RequestId>${randomBytes(8).toString('hex')}</RequestId></ErrorResponse>`,
    'text/xml',
  );
}

const sha256hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim().replace(/\s+/g, ' ');
}

/** Checks an AWS Signature Version 4 Authorization header (docs.aws.amazon.com "Create a signed AWS API request"). */
export function checkSigV4(
  req: IncomingMessage,
  body: Buffer,
  secretFor: (keyId: string) => string | undefined,
): { keyId: string; date: string; region: string; service: string; valid: boolean } {
  const authorization = headerValue(req.headers, 'authorization');
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
      authorization,
    );
  if (!match) return { keyId: '', date: '', region: '', service: '', valid: false };
  const [, keyId = '', date = '', region = '', service = '', signedHeaders = '', signature = ''] = match;
  const secretKey = secretFor(keyId);
  const [path = '/', query = ''] = (req.url ?? '/').split('?');
  const canonicalQuery = [...new URLSearchParams(query)]
    .map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)])
    .sort(([a = '', b = ''], [c = '', d = '']) => (a === c ? (b < d ? -1 : 1) : a < c ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalHeaders = signedHeaders
    .split(';')
    .map((name) => `${name}:${headerValue(req.headers, name)}\n`)
    .join('');
  const payloadHash = headerValue(req.headers, 'x-amz-content-sha256') || sha256hex(body);
  const canonicalRequest = [req.method, path, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    headerValue(req.headers, 'x-amz-date'),
    `${date}/${region}/${service}/aws4_request`,
    sha256hex(canonicalRequest),
  ].join('\n');
  if (!secretKey) return { keyId, date, region, service, valid: false };
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretKey}`, date), region), service), 'aws4_request');
  const expected = hmac(signingKey, stringToSign);
  const given = Buffer.from(signature, 'hex');
  return { keyId, date, region, service, valid: given.length === expected.length && timingSafeEqual(given, expected) };
}

/**
 * AWS STS (`Action=AssumeRoleWithWebIdentity`, query API with an XML answer) and the ECR / ECR Public
 * `GetAuthorizationToken` JSON 1.1 APIs, on one loopback server under `/sts`, `/ecr` and `/ecr-public`.
 */
export async function startAwsStandIn(oidc: GitHubOidc, options: { roles?: string[] } = {}): Promise<AwsStandIn> {
  const server = createServer();
  const url = await listen(server);
  const state: AwsStandIn = {
    url,
    env: { AWS_ENDPOINT_URL_STS: `${url}/sts`, AWS_ENDPOINT_URL_ECR: `${url}/ecr`, AWS_ENDPOINT_URL_ECR_PUBLIC: `${url}/ecr-public` },
    sts: [],
    ecr: [],
    issuedKeys: new Map(),
    roles: new Set(options.roles ?? []),
    ecrPassword: secret('ecr-', 24),
    ecrPublicPassword: secret('ecr-public-', 24),
    stsLifetime: 3600,
    ecrLifetime: 12 * 3600,
    staticKeys: new Map(),
    denyEcr: false,
    close: () => closeServer(server),
  };
  const issueKeys = (): { accessKeyId: string; key: Required<AwsKey>; expiration: string } => {
    const accessKeyId = `ASIA${randomBytes(8).toString('hex').toUpperCase()}`;
    const key = { secretAccessKey: secret('sts-secret-', 30), sessionToken: secret('sts-session-', 60) };
    state.issuedKeys.set(accessKeyId, key);
    const expiration = new Date(Date.now() + state.stsLifetime * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return { accessKeyId, key, expiration };
  };
  handle(server, (req, res, body) => {
    const path = new URL(req.url ?? '/', url).pathname;
    if (req.method === 'POST' && path.startsWith('/sts')) {
      const form = new URLSearchParams(body.toString('utf8'));
      const token = form.get('WebIdentityToken') ?? '';
      const record: StsRequest = {
        action: form.get('Action') ?? '',
        roleArn: form.get('RoleArn') ?? '',
        roleSessionName: form.get('RoleSessionName') ?? '',
        durationSeconds: form.get('DurationSeconds') ?? '',
        webIdentityToken: token,
        tokenAudience: oidc.audienceOf(token),
        path,
        status: 0,
      };
      state.sts.push(record);
      const fail = (status: number, code: string, message: string): void => {
        record.status = status;
        stsError(res, status, code, message);
      };
      // AssumeRole (an assume-role profile's call): SigV4-signed with the source profile's keys instead of a token.
      if (record.action === 'AssumeRole') {
        const sig = checkSigV4(req, body, (id) => (state.issuedKeys.get(id) ?? state.staticKeys.get(id))?.secretAccessKey);
        record.signedBy = sig.keyId;
        if (!sig.valid || sig.service !== 'sts')
          return fail(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
        if (!state.roles.has(record.roleArn)) return fail(403, 'AccessDenied', 'Not authorized to perform sts:AssumeRole');
        const { accessKeyId, key, expiration } = issueKeys();
        record.status = 200;
        return send(
          res,
          200,
          `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><AssumedRoleUser><Arn>${xml(record.roleArn)}/${xml(record.roleSessionName)}</Arn><AssumedRoleId>AROA1:${xml(record.roleSessionName)}</AssumedRoleId></AssumedRoleUser><Credentials><SessionToken>${key.sessionToken}</SessionToken><SecretAccessKey>${key.secretAccessKey}</SecretAccessKey><Expiration>${expiration}</Expiration><AccessKeyId>${accessKeyId}</AccessKeyId></Credentials></AssumeRoleResult><ResponseMetadata><RequestId>${randomBytes(8).toString('hex')}</RequestId></ResponseMetadata></AssumeRoleResponse>`,
          'text/xml',
        );
      }
      if (record.action !== 'AssumeRoleWithWebIdentity') return fail(400, 'InvalidAction', `Could not find operation ${record.action}`);
      if (record.tokenAudience === undefined)
        return fail(400, 'InvalidIdentityToken', "Couldn't retrieve verification key from your identity provider");
      if (record.tokenAudience !== 'sts.amazonaws.com') return fail(400, 'InvalidIdentityToken', 'Incorrect token audience');
      if (!state.roles.has(record.roleArn)) return fail(403, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
      const { accessKeyId, key, expiration } = issueKeys();
      record.status = 200;
      send(
        res,
        200,
        [
          '<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
          '<AssumeRoleWithWebIdentityResult>',
          `<SubjectFromWebIdentityToken>${xml(String(claimsOf(token).sub))}</SubjectFromWebIdentityToken>`,
          '<Audience>sts.amazonaws.com</Audience>',
          `<AssumedRoleUser><Arn>${xml(record.roleArn.replace(':iam::', ':sts::').replace(':role/', ':assumed-role/'))}/${xml(record.roleSessionName)}</Arn><AssumedRoleId>AROA${randomBytes(8).toString('hex').toUpperCase()}:${xml(record.roleSessionName)}</AssumedRoleId></AssumedRoleUser>`,
          `<Credentials><SessionToken>${key.sessionToken}</SessionToken><SecretAccessKey>${key.secretAccessKey}</SecretAccessKey><Expiration>${expiration}</Expiration><AccessKeyId>${accessKeyId}</AccessKeyId></Credentials>`,
          '<Provider>arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com</Provider>',
          '</AssumeRoleWithWebIdentityResult>',
          `<ResponseMetadata><RequestId>${randomBytes(8).toString('hex')}</RequestId></ResponseMetadata>`,
          '</AssumeRoleWithWebIdentityResponse>',
        ].join(''),
        'text/xml',
      );
      return;
    }
    if (req.method === 'POST' && (path.startsWith('/ecr-public') || path.startsWith('/ecr'))) {
      const api = path.startsWith('/ecr-public') ? 'ecr-public' : 'ecr';
      const target = headerValue(req.headers, 'x-amz-target');
      const keyOf = (id: string): AwsKey | undefined => state.issuedKeys.get(id) ?? state.staticKeys.get(id);
      const sig = checkSigV4(req, body, (id) => keyOf(id)?.secretAccessKey);
      const securityToken = req.headers['x-amz-security-token'] as string | undefined;
      const record: EcrRequest = {
        api,
        target,
        path,
        authorization: headerValue(req.headers, 'authorization'),
        ...sig,
        signatureValid: sig.valid,
        securityToken,
        status: 0,
      };
      state.ecr.push(record);
      const reply = (status: number, payload: object): void => {
        record.status = status;
        send(res, status, payload, 'application/x-amz-json-1.1');
      };
      const expectedTarget =
        api === 'ecr' ? 'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken' : 'SpencerFrontendService.GetAuthorizationToken';
      if (target !== expectedTarget) return reply(400, { __type: 'UnknownOperationException', message: `unexpected target ${target}` });
      const key = keyOf(sig.keyId);
      if (!key || (key.sessionToken ?? undefined) !== securityToken)
        return reply(400, { __type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' });
      if (!sig.valid)
        return reply(400, {
          __type: 'InvalidSignatureException',
          message: 'The request signature we calculated does not match the signature you provided.',
        });
      if (sig.service !== api)
        return reply(400, { __type: 'InvalidSignatureException', message: `Credential should be scoped to correct service: '${api}'.` });
      if (state.denyEcr) {
        return reply(400, {
          __type: 'AccessDeniedException',
          message: `User: arn:aws:sts::123456789012:assumed-role/x is not authorized to perform: ${api}:GetAuthorizationToken on resource: *`,
        });
      }
      const password = api === 'ecr' ? state.ecrPassword : state.ecrPublicPassword;
      const authorizationToken = Buffer.from(`AWS:${password}`).toString('base64');
      const expiresAt = Math.floor(Date.now() / 1000) + state.ecrLifetime;
      if (api === 'ecr') {
        return reply(200, {
          authorizationData: [{ authorizationToken, expiresAt, proxyEndpoint: `https://123456789012.dkr.ecr.${sig.region}.amazonaws.com` }],
        });
      }
      return reply(200, { authorizationData: { authorizationToken, expiresAt } });
    }
    send(res, 404, { message: `no route ${req.method} ${path}` });
  });
  return state;
}

// ───────────────────────────── Google: STS and IAM Credentials ─────────────────────────────

export interface GoogleStsRequest {
  contentType: string;
  grantType: string;
  audience: string;
  scope: string;
  requestedTokenType: string;
  subjectTokenType: string;
  subjectToken: string;
  /** Audience of the subject token, when it came from the OIDC stand-in. */
  tokenAudience: string | undefined;
  /** RFC 8693 `options` (a workforce pool's `{"userProject": …}`), as sent. */
  options: string;
  status: number;
}

export interface IamRequest {
  serviceAccount: string;
  authorization: string;
  body: { scope?: string[]; lifetime?: string };
  status: number;
}

export interface GcpStandIn {
  url: string;
  /** d2ci's overrides for Google's endpoints, pointing at this stand-in. */
  env: { D2CI_GCP_STS_URL: string; D2CI_GCP_IAMCREDENTIALS_URL: string };
  /** `projects/…/providers/…` this pool provider is. */
  provider: string;
  /** Audiences the provider accepts on the OIDC token (default: its name, with `https:` or `//`). */
  allowedAudiences: Set<string>;
  /** Service accounts the federated principal may impersonate. */
  serviceAccounts: Set<string>;
  /** What STS hands out (the same each time, so a registry can be set up for it). */
  federatedToken: string;
  /** What generateAccessToken hands out. */
  accessToken: string;
  /** Bearer tokens generateAccessToken accepts besides the federated token (e.g. an ADC user's or metadata token). */
  sourceTokens: Set<string>;
  stsLifetime: number;
  iamLifetime: number;
  sts: GoogleStsRequest[];
  iam: IamRequest[];
  close(): Promise<void>;
}

/** Google's STS (`POST /v1/token`, RFC 8693 token exchange) and IAM Credentials (`…/serviceAccounts/<email>:generateAccessToken`). */
export async function startGcpStandIn(
  oidc: GitHubOidc,
  options: { provider?: string; serviceAccounts?: string[] } = {},
): Promise<GcpStandIn> {
  const server = createServer();
  const url = await listen(server);
  const provider = options.provider ?? 'projects/123456789/locations/global/workloadIdentityPools/github/providers/d2ci';
  const state: GcpStandIn = {
    url,
    env: { D2CI_GCP_STS_URL: `${url}/v1/token`, D2CI_GCP_IAMCREDENTIALS_URL: url },
    provider,
    allowedAudiences: new Set([`https://iam.googleapis.com/${provider}`, `//iam.googleapis.com/${provider}`]),
    serviceAccounts: new Set(options.serviceAccounts ?? []),
    federatedToken: secret('ya29.federated-', 40),
    accessToken: secret('ya29.sa-', 40),
    sourceTokens: new Set(),
    stsLifetime: 3600,
    iamLifetime: 3600,
    sts: [],
    iam: [],
    close: () => closeServer(server),
  };
  handle(server, (req, res, body) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', url).pathname);
    if (req.method === 'POST' && path === '/v1/token') {
      const contentType = headerValue(req.headers, 'content-type');
      // The REST API takes JSON with camelCase fields; OAuth clients send the RFC 8693 form. Accept both.
      const fields: Record<string, string> = contentType.startsWith('application/json')
        ? Object.fromEntries(
            Object.entries(JSON.parse(body.toString('utf8')) as Record<string, string>).map(([k, v]) => [
              k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
              v,
            ]),
          )
        : Object.fromEntries(new URLSearchParams(body.toString('utf8')));
      const record: GoogleStsRequest = {
        contentType,
        grantType: fields.grant_type ?? '',
        audience: fields.audience ?? '',
        scope: fields.scope ?? '',
        requestedTokenType: fields.requested_token_type ?? '',
        subjectTokenType: fields.subject_token_type ?? '',
        subjectToken: fields.subject_token ?? '',
        tokenAudience: oidc.audienceOf(fields.subject_token ?? ''),
        options: fields.options ?? '',
        status: 0,
      };
      state.sts.push(record);
      const fail = (status: number, error: string, description: string): void => {
        record.status = status;
        send(res, status, { error, error_description: description });
      };
      if (record.grantType !== 'urn:ietf:params:oauth:grant-type:token-exchange')
        return fail(400, 'unsupported_grant_type', `grant_type ${record.grantType} is not supported`);
      if (
        record.subjectTokenType !== 'urn:ietf:params:oauth:token-type:jwt' &&
        record.subjectTokenType !== 'urn:ietf:params:oauth:token-type:id_token'
      )
        return fail(400, 'invalid_request', 'Invalid subject_token_type');
      if (record.requestedTokenType !== 'urn:ietf:params:oauth:token-type:access_token')
        return fail(400, 'invalid_request', 'Invalid requested_token_type');
      if (record.audience !== `//iam.googleapis.com/${provider}`)
        return fail(
          400,
          'invalid_target',
          'The target service indicated by the "audience" parameters is invalid. This might either be because the pool or provider is disabled or deleted or because it doesn\'t exist.',
        );
      if (record.tokenAudience === undefined) return fail(400, 'invalid_grant', 'Invalid JWT signature');
      if (provider.includes('/workforcePools/') && !(JSON.parse(record.options || '{}') as { userProject?: string }).userProject)
        return fail(400, 'invalid_request', 'A workforce pool requires a user project (options.userProject).');
      if (!state.allowedAudiences.has(record.tokenAudience))
        return fail(400, 'invalid_grant', `The audience in ID Token [${record.tokenAudience}] does not match the expected audience.`);
      record.status = 200;
      send(res, 200, {
        access_token: state.federatedToken,
        issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        token_type: 'Bearer',
        expires_in: state.stsLifetime,
      });
      return;
    }
    const iam = /^\/v1\/projects\/-\/serviceAccounts\/([^/:]+):generateAccessToken$/.exec(path);
    if (req.method === 'POST' && iam) {
      const record: IamRequest = {
        serviceAccount: iam[1] ?? '',
        authorization: headerValue(req.headers, 'authorization'),
        body: JSON.parse(body.toString('utf8') || '{}') as IamRequest['body'],
        status: 0,
      };
      state.iam.push(record);
      const fail = (status: number, statusName: string, message: string): void => {
        record.status = status;
        send(res, status, { error: { code: status, message, status: statusName } });
      };
      const bearer = record.authorization.replace(/^Bearer /, '');
      if (bearer !== state.federatedToken && !state.sourceTokens.has(bearer))
        return fail(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token.');
      if (!state.serviceAccounts.has(record.serviceAccount))
        return fail(403, 'PERMISSION_DENIED', "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).");
      record.status = 200;
      send(res, 200, {
        accessToken: state.accessToken,
        expireTime: new Date(Date.now() + state.iamLifetime * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      });
      return;
    }
    send(res, 404, { error: { code: 404, message: `no route ${req.method} ${path}`, status: 'NOT_FOUND' } });
  });
  return state;
}

// ───────────────────────────── Azure: Entra ID and an ACR front ─────────────────────────────

export interface EntraRequest {
  tenant: string;
  clientId: string;
  grantType: string;
  clientAssertionType: string;
  clientAssertion: string;
  /** Audience of the assertion, when it came from the OIDC stand-in. */
  assertionAudience: string | undefined;
  scope: string;
  status: number;
}

export interface AcrRequest {
  path: string;
  grantType: string;
  service: string;
  tenant: string;
  accessToken: string;
  refreshToken: string;
  scope: string;
  status: number;
}

export interface AzureStandIn {
  /** Entra ID's authority host (AZURE_AUTHORITY_HOST). */
  authorityUrl: string;
  /** The ACR front: `/oauth2/exchange`, `/oauth2/token`, and `/v2/` proxied to the local registry. */
  acrUrl: string;
  acrHost: string;
  tenantId: string;
  clientId: string;
  entra: EntraRequest[];
  acr: AcrRequest[];
  /** Entra ID access tokens issued. */
  accessTokens: string[];
  /** ACR refresh tokens issued. */
  refreshTokens: string[];
  /** Registry access tokens issued by the front's /oauth2/token. */
  registryTokens: string[];
  entraLifetime: number;
  refreshLifetime: number;
  /** The app's client secret (EnvironmentCredential's AZURE_CLIENT_SECRET), when it has one. */
  clientSecret?: string;
  /** The app's certificate (PEM), against which certificate assertions (x5t, RS256 signature, aud) are checked. */
  clientCertificate?: string;
  /** Makes an Entra ID access token as the token endpoint would, e.g. for a managed identity or the az CLI stand-in. */
  issueAccessToken(lifetimeSeconds?: number): string;
  close(): Promise<void>;
}

/**
 * Entra ID's v2.0 token endpoint (client credentials with a federated client assertion) and an ACR front for a
 * local docker-registry in token mode: `/oauth2/exchange` turns an Entra ID token into an ACR refresh token,
 * `/oauth2/token` trades that for registry access tokens (signed by the registry's token server), and everything
 * else is proxied to the registry with its challenge pointing at the front's `/oauth2/token`.
 */
export async function startAzureStandIn(
  oidc: GitHubOidc,
  registry: LocalRegistry,
  options: { acrHost?: string; tenantId?: string; clientId?: string; acrHostWithPort?: boolean } = {},
): Promise<AzureStandIn> {
  const tokenServer = registry.tokenServer;
  if (!tokenServer) throw new Error('the ACR front needs a registry in token mode');
  const entraServer = createServer();
  const acrServer = createServer();
  const authorityUrl = await listen(entraServer);
  const acrUrl = await listen(acrServer);
  const state: AzureStandIn = {
    authorityUrl,
    acrUrl,
    // With acrHostWithPort the registry is named `<acrHost>:<front's port>`, for a process that resolves the name to
    // 127.0.0.1 (loopback-dns.ts) and talks to the front by it.
    acrHost: `${options.acrHost ?? 'd2citest.azurecr.io'}${options.acrHostWithPort ? `:${new URL(acrUrl).port}` : ''}`,
    tenantId: options.tenantId ?? '72f988bf-86f1-41af-91ab-2d7cd011db47',
    clientId: options.clientId ?? 'a5b0c1d2-3e4f-5a6b-7c8d-9e0f1a2b3c4d',
    entra: [],
    acr: [],
    accessTokens: [],
    refreshTokens: [],
    registryTokens: [],
    entraLifetime: 3599,
    refreshLifetime: 3 * 3600,
    issueAccessToken: (lifetime = state.entraLifetime) => {
      const token = unsignedJwt({
        aud: 'https://management.azure.com',
        tid: state.tenantId,
        appid: state.clientId,
        exp: Math.floor(Date.now() / 1000) + lifetime,
        n: secret(''),
      });
      state.accessTokens.push(token);
      return token;
    },
    close: async () => {
      await closeServer(entraServer);
      await closeServer(acrServer);
    },
  };

  handle(entraServer, (req, res, body) => {
    const path = new URL(req.url ?? '/', authorityUrl).pathname;
    const match = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    if (req.method !== 'POST' || !match) return send(res, 404, { error: 'not_found' });
    const form = new URLSearchParams(body.toString('utf8'));
    const record: EntraRequest = {
      tenant: decodeURIComponent(match[1] ?? ''),
      clientId: form.get('client_id') ?? '',
      grantType: form.get('grant_type') ?? '',
      clientAssertionType: form.get('client_assertion_type') ?? '',
      clientAssertion: form.get('client_assertion') ?? '',
      assertionAudience: oidc.audienceOf(form.get('client_assertion') ?? ''),
      scope: form.get('scope') ?? '',
      status: 0,
    };
    state.entra.push(record);
    const trace = `\r\nTrace ID: ${randomBytes(8).toString('hex')}\r\nCorrelation ID: ${randomBytes(8).toString('hex')}\r\nTimestamp: ${new Date().toISOString()}`;
    const fail = (status: number, error: string, code: number, description: string): void => {
      record.status = status;
      send(res, status, {
        error,
        error_description: `AADSTS${code}: ${description}${trace}`,
        error_codes: [code],
        timestamp: new Date().toISOString(),
      });
    };
    if (record.tenant !== state.tenantId) return fail(400, 'invalid_request', 90002, `Tenant '${record.tenant}' not found.`);
    if (record.clientId !== state.clientId)
      return fail(400, 'unauthorized_client', 700016, `Application with identifier '${record.clientId}' was not found in the directory.`);
    if (record.grantType !== 'client_credentials')
      return fail(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
    const clientSecret = form.get('client_secret');
    const certificate = state.clientCertificate;
    if (clientSecret !== null) {
      if (clientSecret !== state.clientSecret)
        return fail(
          401,
          'invalid_client',
          7000215,
          'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.',
        );
    } else if (record.clientAssertionType !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
      return fail(400, 'invalid_request', 50027, 'Invalid JWT token.');
    } else if (record.assertionAudience === undefined && certificate) {
      // A certificate credential's assertion: x5t names the certificate, the signature is its key's, aud is this endpoint.
      const [header = '', claims = '', signature = ''] = record.clientAssertion.split('.');
      const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: string; x5t?: string };
      const cert = new X509Certificate(certificate);
      const thumbprint = createHash('sha1').update(cert.raw).digest('base64url');
      const signed = createVerify('RSA-SHA256').update(`${header}.${claims}`).verify(cert.publicKey, Buffer.from(signature, 'base64url'));
      const body = claimsOf(record.clientAssertion);
      if (head.alg !== 'RS256' || head.x5t !== thumbprint || !signed)
        return fail(401, 'invalid_client', 700027, 'Client assertion failed signature validation.');
      if (body.aud !== `${authorityUrl}/${record.tenant}/oauth2/v2.0/token` || body.iss !== record.clientId || body.sub !== record.clientId)
        return fail(401, 'invalid_client', 700024, 'Client assertion is not within its valid time range or has the wrong audience.');
    } else if (record.assertionAudience !== 'api://AzureADTokenExchange') {
      return fail(
        400,
        'invalid_client',
        700213,
        `No matching federated identity record found for presented assertion subject '${String(claimsOf(record.clientAssertion).sub)}'.`,
      );
    }
    if (!/\/\.default$/.test(record.scope)) return fail(400, 'invalid_scope', 1002012, 'The provided value for scope is not valid.');
    const accessToken = unsignedJwt({
      aud: record.scope.replace(/\/\.default$/, ''),
      tid: state.tenantId,
      appid: state.clientId,
      exp: Math.floor(Date.now() / 1000) + state.entraLifetime,
      n: secret(''),
    });
    state.accessTokens.push(accessToken);
    record.status = 200;
    send(res, 200, {
      token_type: 'Bearer',
      expires_in: state.entraLifetime,
      ext_expires_in: state.entraLifetime,
      access_token: accessToken,
    });
  });

  handle(acrServer, async (req, res, body) => {
    const path = new URL(req.url ?? '/', acrUrl).pathname;
    if (path === '/oauth2/exchange' || path === '/oauth2/token') {
      const form = new URLSearchParams(body.toString('utf8'));
      const record: AcrRequest = {
        path,
        grantType: form.get('grant_type') ?? '',
        service: form.get('service') ?? '',
        tenant: form.get('tenant') ?? '',
        accessToken: form.get('access_token') ?? '',
        refreshToken: form.get('refresh_token') ?? '',
        scope: form.get('scope') ?? '',
        status: 0,
      };
      state.acr.push(record);
      const fail = (status: number, message: string): void => {
        record.status = status;
        send(res, status, { errors: [{ code: 'UNAUTHORIZED', message }] });
      };
      if (req.method !== 'POST') return fail(405, 'method not allowed');
      if (record.service !== state.acrHost) return fail(400, `service ${record.service} is not ${state.acrHost}`);
      if (path === '/oauth2/exchange') {
        if (record.grantType !== 'access_token') return fail(400, `grant_type ${record.grantType} is not access_token`);
        if (!state.accessTokens.includes(record.accessToken)) return fail(401, 'the access token is not valid');
        const refreshToken = unsignedJwt({
          iss: 'Azure Container Registry',
          aud: state.acrHost,
          tenant: record.tenant,
          grant_type: 'refresh_token',
          exp: Math.floor(Date.now() / 1000) + state.refreshLifetime,
          n: secret(''),
        });
        state.refreshTokens.push(refreshToken);
        record.status = 200;
        return send(res, 200, { refresh_token: refreshToken });
      }
      if (record.grantType !== 'refresh_token') return fail(400, `grant_type ${record.grantType} is not refresh_token`);
      if (!state.refreshTokens.includes(record.refreshToken)) return fail(401, 'the refresh token is not valid');
      // Registry tokens come from the registry's own token server, so docker-registry accepts them.
      const realm = new URL(tokenServer.realm);
      realm.searchParams.set('service', tokenServer.service);
      for (const scope of record.scope.split(' ').filter(Boolean)) realm.searchParams.append('scope', scope);
      const issued = await fetch(realm, {
        headers: { authorization: `Basic ${Buffer.from(`${registry.username}:${registry.password}`).toString('base64')}` },
      });
      const { token } = (await issued.json()) as { token: string };
      state.registryTokens.push(token);
      record.status = 200;
      return send(res, 200, { access_token: token });
    }
    await proxy(req, res, body, registry.url, (headers) => {
      const challenge = headers['www-authenticate'];
      if (typeof challenge === 'string') {
        headers['www-authenticate'] = challenge
          .replace(`realm="${tokenServer.realm}"`, `realm="${acrUrl}/oauth2/token"`)
          .replace(`service="${tokenServer.service}"`, `service="${state.acrHost}"`);
      }
    });
  });
  return state;
}

/** Forwards a request to `upstream` with its Host header (so the registry's Location URLs point back here). */
function proxy(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  upstream: string,
  rewrite?: (headers: Record<string, string | string[] | undefined>) => void,
): Promise<void> {
  const target = new URL(upstream);
  return new Promise((resolve, reject) => {
    const forward = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'content-length': String(body.length) },
      },
      (answer) => {
        const headers = { ...answer.headers };
        rewrite?.(headers);
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(res);
        answer.on('end', resolve);
        answer.on('error', reject);
      },
    );
    forward.on('error', reject);
    forward.end(body);
  });
}

// ───────────────────────────── ECR-style immutable tags ─────────────────────────────

export interface ImmutableFront {
  url: string;
  /** Tags that may still move (IMMUTABLE_WITH_EXCLUSION's filters). */
  exclusions: Set<string>;
  /** Every manifest PUT: reference and the status answered. */
  manifestPuts: { reference: string; rejected: boolean }[];
  close(): Promise<void>;
}

/**
 * A front for a registry whose repositories have IMMUTABLE tags, answering like ECR: a manifest PUT to a tag that
 * exists gets `400 TAG_INVALID` even when the digest is the same.
 */
export async function startImmutableFront(upstream: string, options: { exclusions?: string[] } = {}): Promise<ImmutableFront> {
  const server = createServer();
  const url = await listen(server);
  const state: ImmutableFront = { url, exclusions: new Set(options.exclusions ?? []), manifestPuts: [], close: () => closeServer(server) };
  handle(server, async (req, res, body) => {
    const match = /^\/v2\/(.+)\/manifests\/([^/?]+)$/.exec(new URL(req.url ?? '/', url).pathname);
    if (req.method === 'PUT' && match) {
      const [, repository = '', reference = ''] = match;
      const record = { reference, rejected: false };
      state.manifestPuts.push(record);
      if (!reference.includes(':') && !state.exclusions.has(reference)) {
        const headers: Record<string, string> = {
          accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json',
        };
        if (req.headers.authorization) headers.authorization = req.headers.authorization;
        const existing = await fetch(`${upstream}/v2/${repository}/manifests/${reference}`, { method: 'HEAD', headers });
        if (existing.status === 200) {
          record.rejected = true;
          return send(res, 400, {
            errors: [
              {
                code: 'TAG_INVALID',
                message: `The image tag '${reference}' already exists in the '${repository}' repository and cannot be overwritten because the tag is immutable.`,
              },
            ],
          });
        }
      }
    }
    await proxy(req, res, body, upstream);
  });
  return state;
}

// ───────────────────────────── pushing through a cloud registry name ─────────────────────────────

export interface CloudPush {
  result: PushArtifactResult;
  client: RegistryClient;
  target: Target;
}

/**
 * Pushes a small fresh artifact to `<registry>/<repository>` (a cloud registry name) through a RegistryClient that
 * reaches that name at `endpoint` (the local registry or a front) with the given credentials.
 */
export async function pushToCloud(options: {
  registry: string;
  endpoint: string;
  credentials: CredentialFunction;
  repository?: string;
  tags?: string[];
  onSecret?: (secret: string) => void;
}): Promise<CloudPush> {
  const client = new RegistryClient({
    credentials: options.credentials,
    endpoints: { [options.registry]: options.endpoint },
    onSecret: options.onSecret,
  });
  const target = client.repository({ registry: options.registry, repository: options.repository ?? 'fleet/apps' });
  const ws = makeWorkspace({ 'app/config.yaml': `value: ${randomBytes(8).toString('hex')}\n` });
  try {
    const result = await pushArtifact({
      path: join(ws, 'app'),
      target,
      source: 'https://github.com/acme/fleet',
      revision: 'refs/heads/main@sha1:0123456789abcdef0123456789abcdef01234567',
      tags: options.tags ?? ['latest'],
    });
    return { result, client, target };
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
}

/** The digest a tag has in a local registry, read with that registry's own credentials (not the provider's). */
export async function digestInRegistry(
  host: string,
  repository: string,
  tag: string,
  credential: { username: string; password: string },
): Promise<string> {
  const client = new RegistryClient({ credentials: async (registry) => (registry === host ? credential : undefined) });
  return (await client.repository({ registry: host, repository }).resolve(tag)).digest;
}
