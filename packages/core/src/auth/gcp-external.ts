import { readFile } from 'node:fs/promises';
import { networkErrorCode } from '../oci/http.ts';
import { CloudCredentialError, oneLine, postForToken, type CloudContext } from './cloud.ts';

export const cloudPlatformScope = 'https://www.googleapis.com/auth/cloud-platform';
export const defaultGoogleStsUrl = 'https://sts.googleapis.com/v1/token';

/** An access token and when it expires (ms). */
export interface GoogleToken {
  token: string;
  expiresAt: number;
}

/** The fields of an `external_account` credential file that d2ci reads (google-auth-library src/auth/baseexternalclient.ts). */
export interface ExternalAccountFile {
  type: 'external_account';
  audience?: string;
  subject_token_type?: string;
  token_url?: string;
  service_account_impersonation_url?: string;
  service_account_impersonation?: { token_lifetime_seconds?: number };
  workforce_pool_user_project?: string;
  client_id?: string;
  client_secret?: string;
  credential_source?: {
    file?: string;
    url?: string;
    headers?: Record<string, string>;
    format?: { type?: string; subject_token_field_name?: string };
    executable?: unknown;
    environment_id?: string;
  };
}

/** A GET with a deadline, for credential source URLs and the metadata server. */
export async function getText(url: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  return { status: response.status, text: await response.text() };
}

/**
 * The subject token of an identity pool credential source, as google-auth-library's IdentityPoolClient
 * (src/auth/identitypoolclient.ts, filesubjecttokensupplier.ts, urlsubjecttokensupplier.ts) reads it: a file or a
 * URL, as plain text or JSON with `subject_token_field_name`. Executable and AWS sources are refused: d2ci does not
 * run programs named in a credential file.
 */
async function subjectToken(source: NonNullable<ExternalAccountFile['credential_source']>, where: string): Promise<string> {
  if (source.executable !== undefined)
    throw new CloudCredentialError(
      `${where}: credential_source.executable is not supported by d2ci (it would run a program named in the file); have the program write the token to a file and use credential_source.file`,
    );
  if (source.environment_id !== undefined)
    throw new CloudCredentialError(
      `${where}: the AWS credential source (environment_id ${source.environment_id}) is not supported by d2ci; use credential_source.file or credential_source.url`,
    );
  let text: string;
  if (source.file) {
    text = await readFile(source.file, 'utf8').catch((err: unknown) => {
      throw new CloudCredentialError(`${where}: cannot read credential_source.file ${source.file}: ${(err as Error).message}`);
    });
  } else if (source.url) {
    const answer = await getText(source.url, source.headers ?? {}, 30_000).catch((err: unknown) => {
      const cause = networkErrorCode(err) ?? (err as Error).name;
      throw new CloudCredentialError(`${where}: credential_source.url ${new URL(source.url ?? '').host} is unreachable (${cause})`);
    });
    if (answer.status !== 200)
      throw new CloudCredentialError(
        `${where}: credential_source.url answered HTTP ${answer.status}: ${oneLine(answer.text).slice(0, 200)}`,
      );
    text = answer.text;
  } else {
    throw new CloudCredentialError(`${where}: credential_source has neither file nor url`);
  }
  const format = source.format?.type ?? 'text';
  if (format === 'text') return text.trim();
  if (format !== 'json') throw new CloudCredentialError(`${where}: credential_source.format.type "${format}" is neither text nor json`);
  const field = source.format?.subject_token_field_name;
  if (!field) throw new CloudCredentialError(`${where}: credential_source.format json needs subject_token_field_name`);
  let value: unknown;
  try {
    value = (JSON.parse(text) as Record<string, unknown>)[field];
  } catch {
    throw new CloudCredentialError(`${where}: the credential source did not give JSON`);
  }
  if (typeof value !== 'string' || !value) throw new CloudCredentialError(`${where}: the credential source's JSON has no "${field}"`);
  return value;
}

/**
 * An IAM Credentials generateAccessToken call (the `service_account_impersonation_url` of a credential file, or
 * d2ci's own for a service account to impersonate): `{scope, lifetime, delegates}` with the source token as bearer.
 */
export async function impersonate(
  context: CloudContext,
  url: string,
  sourceToken: string,
  lifetimeSeconds: number,
  delegates: readonly string[] = [],
): Promise<GoogleToken> {
  const account = decodeURIComponent(/serviceAccounts\/([^/:]+):generateAccessToken/.exec(url)?.[1] ?? url);
  const answer = await postForToken(
    `Google IAM Credentials generateAccessToken for ${account}`,
    url,
    {
      body: JSON.stringify({ scope: [cloudPlatformScope], lifetime: `${lifetimeSeconds}s`, ...(delegates.length ? { delegates } : {}) }),
      contentType: 'application/json',
      authorization: `Bearer ${sourceToken}`,
    },
    (status) =>
      status === 403 || status === 401
        ? `grant the source identity roles/iam.workloadIdentityUser (or roles/iam.serviceAccountTokenCreator) on ${account}`
        : undefined,
  );
  const token = typeof answer.accessToken === 'string' ? answer.accessToken : '';
  if (!token) throw new CloudCredentialError(`Google IAM Credentials generateAccessToken for ${account} returned no accessToken`);
  context.onSecret(token);
  const expireTime = typeof answer.expireTime === 'string' ? Date.parse(answer.expireTime) : Number.NaN;
  return { token, expiresAt: Number.isNaN(expireTime) ? Date.now() + lifetimeSeconds * 1000 : expireTime };
}

/**
 * An `external_account` file (workload or workforce identity federation; what google-github-actions/auth writes):
 * the subject token is exchanged at `token_url` (RFC 8693, google-auth-library src/auth/stscredentials.ts), then,
 * with `service_account_impersonation_url`, traded for the service account's token. A workforce pool's
 * `workforce_pool_user_project` goes in `options.userProject` when nothing is impersonated.
 */
export async function externalAccountToken(context: CloudContext, file: ExternalAccountFile, where: string): Promise<GoogleToken> {
  if (!file.audience || !file.subject_token_type || !file.credential_source)
    throw new CloudCredentialError(`${where}: an external_account file needs audience, subject_token_type and credential_source`);
  const subject = await subjectToken(file.credential_source, where);
  context.onSecret(subject);
  const form = new URLSearchParams({
    grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
    audience: file.audience,
    scope: cloudPlatformScope,
    requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    subject_token: subject,
    subject_token_type: file.subject_token_type,
  });
  if (file.workforce_pool_user_project && !file.service_account_impersonation_url)
    form.set('options', JSON.stringify({ userProject: file.workforce_pool_user_project }));
  if (file.client_secret) context.onSecret(file.client_secret);
  const basic =
    file.client_id && file.client_secret ? `Basic ${Buffer.from(`${file.client_id}:${file.client_secret}`).toString('base64')}` : undefined;
  const answer = await postForToken(
    `Google STS token exchange for ${file.audience.replace(/^\/\/iam\.googleapis\.com\//, '')}`,
    file.token_url || defaultGoogleStsUrl,
    { body: form.toString(), contentType: 'application/x-www-form-urlencoded', ...(basic ? { authorization: basic } : {}) },
    (status) =>
      status === 400 || status === 401 || status === 403
        ? "check the pool provider's issuer, allowed audiences and attribute condition against the subject token"
        : undefined,
  );
  const federated = typeof answer.access_token === 'string' ? answer.access_token : '';
  if (!federated) throw new CloudCredentialError(`${where}: Google STS returned no access_token`);
  context.onSecret(federated);
  const expiresIn = typeof answer.expires_in === 'number' ? answer.expires_in : 3600;
  if (!file.service_account_impersonation_url) return { token: federated, expiresAt: Date.now() + expiresIn * 1000 };
  const lifetime = file.service_account_impersonation?.token_lifetime_seconds ?? 3600;
  return impersonate(context, file.service_account_impersonation_url, federated, lifetime);
}
