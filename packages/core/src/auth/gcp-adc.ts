import { createSign } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { networkErrorCode } from '../oci/http.ts';
import { CloudCredentialError, noCredentials, oneLine, postForToken, type CloudContext } from './cloud.ts';
import {
  cloudPlatformScope,
  externalAccountToken,
  getText,
  impersonate,
  type ExternalAccountFile,
  type GoogleToken,
} from './gcp-external.ts';

/** Google's OAuth 2.0 token endpoint, for service account keys and gcloud user credentials without `token_uri`. */
export const googleOAuthTokenUrl = 'https://oauth2.googleapis.com/token';

interface CredentialFile {
  type?: string;
  // service_account
  client_email?: string;
  private_key?: string;
  private_key_id?: string;
  token_uri?: string;
  // authorized_user
  client_id?: string;
  client_secret?: string;
  refresh_token?: string;
  // impersonated_service_account
  service_account_impersonation_url?: string;
  source_credentials?: CredentialFile;
  delegates?: string[];
}

/** An OAuth token endpoint's `{access_token, expires_in}`, masked. */
function accessToken(context: CloudContext, answer: Record<string, unknown>, what: string): GoogleToken {
  const token = typeof answer.access_token === 'string' ? answer.access_token : '';
  if (!token) throw new CloudCredentialError(`${what} returned no access_token`);
  context.onSecret(token);
  const expiresIn = typeof answer.expires_in === 'number' ? answer.expires_in : Number(answer.expires_in) || 3600;
  return { token, expiresAt: Date.now() + expiresIn * 1000 };
}

/**
 * A service account key: a self-signed RS256 JWT exchanged at `token_uri` with the JWT bearer grant (RFC 7523), as
 * golang.org/x/oauth2/jwt and google-auth-library's JWT client (src/auth/jwtclient.ts, gtoken) do.
 */
async function serviceAccountToken(context: CloudContext, file: CredentialFile, where: string): Promise<GoogleToken> {
  if (!file.client_email || !file.private_key)
    throw new CloudCredentialError(`${where}: a service_account file needs client_email and private_key`);
  const tokenUrl = file.token_uri || googleOAuthTokenUrl;
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT', ...(file.private_key_id ? { kid: file.private_key_id } : {}) })}.${encode({
    iss: file.client_email,
    scope: cloudPlatformScope,
    aud: tokenUrl,
    iat: now,
    exp: now + 3600,
  })}`;
  let signature: string;
  try {
    signature = createSign('RSA-SHA256').update(unsigned).sign(file.private_key, 'base64url');
  } catch (err) {
    throw new CloudCredentialError(`${where}: the private_key of ${file.client_email} is not a usable RSA key (${(err as Error).name})`);
  }
  const assertion = `${unsigned}.${signature}`;
  context.onSecret(assertion);
  const answer = await postForToken(
    `Google OAuth token request for ${file.client_email}`,
    tokenUrl,
    {
      body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).toString(),
      contentType: 'application/x-www-form-urlencoded',
    },
    (status) =>
      status === 400 || status === 401 ? 'the key may be deleted or disabled; create a new key for the service account' : undefined,
  );
  return accessToken(context, answer, `Google OAuth token request for ${file.client_email}`);
}

/** gcloud's user credentials (`gcloud auth application-default login`): the refresh token grant at `token_uri`. */
async function authorizedUserToken(context: CloudContext, file: CredentialFile, where: string): Promise<GoogleToken> {
  if (!file.client_id || !file.client_secret || !file.refresh_token)
    throw new CloudCredentialError(`${where}: an authorized_user file needs client_id, client_secret and refresh_token`);
  context.onSecret(file.refresh_token);
  context.onSecret(file.client_secret);
  const answer = await postForToken(
    'Google OAuth refresh token grant',
    file.token_uri || googleOAuthTokenUrl,
    {
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: file.client_id,
        client_secret: file.client_secret,
        refresh_token: file.refresh_token,
      }).toString(),
      contentType: 'application/x-www-form-urlencoded',
    },
    (status) => (status === 400 || status === 401 ? 'run `gcloud auth application-default login` again' : undefined),
  );
  return accessToken(context, answer, 'Google OAuth refresh token grant');
}

/** A token from a parsed credential file, by its `type` (google-auth-library src/auth/googleauth.ts fromJSON). */
export async function credentialFileToken(context: CloudContext, file: CredentialFile, where: string): Promise<GoogleToken> {
  switch (file.type) {
    case 'external_account':
      return externalAccountToken(context, file as ExternalAccountFile, where);
    case 'service_account':
      return serviceAccountToken(context, file, where);
    case 'authorized_user':
      return authorizedUserToken(context, file, where);
    case 'impersonated_service_account': {
      // gcloud auth application-default login --impersonate-service-account (src/auth/impersonated.ts).
      if (!file.service_account_impersonation_url || !file.source_credentials)
        throw new CloudCredentialError(
          `${where}: an impersonated_service_account file needs service_account_impersonation_url and source_credentials`,
        );
      const source = await credentialFileToken(context, file.source_credentials, `${where} (source_credentials)`);
      return impersonate(context, file.service_account_impersonation_url, source.token, 3600, file.delegates ?? []);
    }
    default:
      throw new CloudCredentialError(
        `${where} has type "${file.type ?? ''}", which d2ci does not read (external_account, service_account, authorized_user, impersonated_service_account)`,
      );
  }
}

async function fileToken(context: CloudContext, path: string, where: string): Promise<GoogleToken> {
  const text = await readFile(path, 'utf8').catch((err: unknown) => {
    throw new CloudCredentialError(`${where} cannot be read: ${oneLine((err as Error).message)}`);
  });
  let file: CredentialFile;
  try {
    file = JSON.parse(text) as CredentialFile;
  } catch {
    throw new CloudCredentialError(`${where} is not JSON`);
  }
  const token = await credentialFileToken(context, file, where);
  context.onDebug(`provider gcp: credentials from ${where} (${file.type})`);
  return token;
}

/** gcloud's well-known ADC file: CLOUDSDK_CONFIG, else %APPDATA%\gcloud on Windows, else ~/.config/gcloud. */
export function wellKnownFile(env: NodeJS.ProcessEnv): string {
  const dir =
    env.CLOUDSDK_CONFIG ||
    (process.platform === 'win32' && env.APPDATA ? join(env.APPDATA, 'gcloud') : join(env.HOME || homedir(), '.config', 'gcloud'));
  return join(dir, 'application_default_credentials.json');
}

/**
 * Application Default Credentials in Google's order (cloud.google.com/docs/authentication/application-default-credentials;
 * golang.org/x/oauth2/google FindDefaultCredentials, which Flux uses): the file GOOGLE_APPLICATION_CREDENTIALS
 * names, else gcloud's well-known file, else the GCE/GKE metadata server (GCE_METADATA_HOST, default
 * 169.254.169.254). The first source found is used; a broken one is an error, not a reason to try the next.
 */
export async function applicationDefaultToken(context: CloudContext, tried: string[], fix: string): Promise<GoogleToken> {
  const env = context.env;
  if (env.GOOGLE_APPLICATION_CREDENTIALS) {
    const path = env.GOOGLE_APPLICATION_CREDENTIALS;
    return fileToken(context, path, `GOOGLE_APPLICATION_CREDENTIALS (${path})`);
  }
  tried.push('GOOGLE_APPLICATION_CREDENTIALS: not set');
  const wellKnown = wellKnownFile(env);
  const exists = await readFile(wellKnown).then(
    () => true,
    () => false,
  );
  if (exists) return fileToken(context, wellKnown, `gcloud's application default credentials (${wellKnown})`);
  tried.push(`gcloud's application default credentials: no ${wellKnown}`);
  const host = env.GCE_METADATA_HOST || '169.254.169.254';
  // google-auth-library (gcp-metadata) gives detection 3 s; a machine off Google Cloud never answers.
  const answer = await getText(
    `http://${host}/computeMetadata/v1/instance/service-accounts/default/token`,
    { 'Metadata-Flavor': 'Google' },
    3_000,
  ).catch((err: unknown) => {
    const cause = networkErrorCode(err) ?? (err as Error).name;
    tried.push(`the GCE/GKE metadata server at ${host}: ${cause === 'TimeoutError' ? 'no answer in 3 s' : cause}`);
    throw noCredentials('gcp', tried, fix);
  });
  if (answer.status !== 200) {
    tried.push(`the GCE/GKE metadata server at ${host}: HTTP ${answer.status}`);
    throw noCredentials('gcp', tried, fix);
  }
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(answer.text) as Record<string, unknown>;
  } catch {
    // reported as no access_token
  }
  const token = accessToken(context, body, `the GCE/GKE metadata server at ${host}`);
  context.onDebug(`provider gcp: credentials from the GCE/GKE metadata server (${host})`);
  return token;
}
