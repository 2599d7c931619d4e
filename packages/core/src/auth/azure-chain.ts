import { execFile } from 'node:child_process';
import { createHash, createSign, randomUUID, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { networkErrorCode } from '../oci/http.ts';
import { CloudCredentialError, noCredentials, oneLine, postForToken, type CloudContext } from './cloud.ts';

/** An Entra ID access token and when it expires (ms). */
export interface EntraToken {
  token: string;
  expiresAt: number;
  /** The tenant the token is for, when known (the ACR exchange takes it). */
  tenantId?: string;
}

const jwtBearer = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * Entra ID's v2.0 client-credentials grant with a client secret or a client assertion (a federated token or a
 * certificate-signed JWT), as MSAL's ConfidentialClientApplication sends it.
 */
export async function entraClientCredentials(
  context: CloudContext,
  request: { authority: string; tenantId: string; clientId: string; scope: string; secret?: string; assertion?: string },
  hint: (status: number, error: string) => string | undefined,
): Promise<EntraToken> {
  const form = new URLSearchParams({ client_id: request.clientId, grant_type: 'client_credentials', scope: request.scope });
  if (request.secret) form.set('client_secret', request.secret);
  if (request.assertion) {
    form.set('client_assertion_type', jwtBearer);
    form.set('client_assertion', request.assertion);
  }
  const what = `Microsoft Entra ID token request for client ${request.clientId} in tenant ${request.tenantId}`;
  const answer = await postForToken(
    what,
    `${request.authority}/${encodeURIComponent(request.tenantId)}/oauth2/v2.0/token`,
    { body: form.toString(), contentType: 'application/x-www-form-urlencoded' },
    hint,
  );
  const token = typeof answer.access_token === 'string' ? answer.access_token : '';
  if (!token) throw new CloudCredentialError(`${what} returned no access_token`);
  context.onSecret(token);
  const expiresIn = typeof answer.expires_in === 'number' ? answer.expires_in : Number(answer.expires_in) || 3600;
  return { token, expiresAt: Date.now() + expiresIn * 1000, tenantId: request.tenantId };
}

/**
 * The client assertion of a certificate credential (MSAL's ClientAssertion, which azidentity's
 * ClientCertificateCredential uses): an RS256 JWT for the token endpoint, signed with the PEM's private key, naming
 * the certificate by its SHA-1 thumbprint (`x5t`).
 */
export function certificateAssertion(pem: string, clientId: string, tokenUrl: string): string {
  const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  const key = /-----BEGIN (RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (RSA |EC )?PRIVATE KEY-----/.exec(pem)?.[0];
  if (!certificate || !key)
    throw new CloudCredentialError('AZURE_CLIENT_CERTIFICATE_PATH must be a PEM file with the certificate and its unencrypted private key');
  const x5t = createHash('sha1').update(new X509Certificate(certificate).raw).digest('base64url');
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT', x5t })}.${encode({ aud: tokenUrl, iss: clientId, sub: clientId, jti: randomUUID(), nbf: now, iat: now, exp: now + 600 })}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(key, 'base64url')}`;
}

/** `az account get-access-token`'s JSON (Azure CLI 2.54+ adds `expires_on`, a POSIX time; `expiresOn` is local time). */
interface AzCliToken {
  accessToken?: string;
  expiresOn?: string;
  expires_on?: number;
  tenant?: string;
}

/**
 * AzureCliCredential (azure-sdk-for-go sdk/azidentity/azure_cli_credential.go): the session azure/login leaves,
 * through `az account get-access-token --output json --resource <resource>`, within 10 s. No shell is involved.
 */
async function azureCliToken(context: CloudContext, resource: string, tenantId: string | undefined): Promise<EntraToken | string> {
  const args = ['account', 'get-access-token', '--output', 'json', '--resource', resource, ...(tenantId ? ['--tenant', tenantId] : [])];
  const result = await new Promise<{ code: number | string; stdout: string; stderr: string }>((resolve) => {
    execFile('az', args, { env: context.env, timeout: 10_000, maxBuffer: 1 << 20 }, (err, stdout, stderr) =>
      resolve({
        code: err ? ((err as { killed?: boolean }).killed ? 'timed out after 10 s' : ((err as { code?: number | string }).code ?? 1)) : 0,
        stdout: String(stdout),
        stderr: String(stderr),
      }),
    );
  });
  if (result.code === 'ENOENT') return 'az is not on PATH';
  if (result.code !== 0) {
    const said = oneLine(result.stderr)
      .replace(/^ERROR:\s*/, '')
      .slice(0, 200);
    return `az account get-access-token failed (${typeof result.code === 'number' ? `exit ${result.code}` : result.code})${said ? `: ${said}` : ''}`;
  }
  let answer: AzCliToken;
  try {
    answer = JSON.parse(result.stdout) as AzCliToken;
  } catch {
    throw new CloudCredentialError('az account get-access-token printed something that is not JSON');
  }
  if (!answer.accessToken) throw new CloudCredentialError('az account get-access-token gave no accessToken');
  context.onSecret(answer.accessToken);
  const expiresAt =
    typeof answer.expires_on === 'number' ? answer.expires_on * 1000 : answer.expiresOn ? new Date(answer.expiresOn).getTime() : Number.NaN;
  return {
    token: answer.accessToken,
    expiresAt: Number.isNaN(expiresAt) ? Date.now() + 300_000 : expiresAt,
    tenantId: answer.tenant || tenantId,
  };
}

/**
 * ManagedIdentityCredential, simply: App Service's IDENTITY_ENDPOINT with IDENTITY_HEADER, else the Azure instance
 * metadata service (IMDS; AZURE_POD_IDENTITY_AUTHORITY_HOST moves it, as in azidentity) with `Metadata: true`. A
 * user-assigned identity is chosen by AZURE_CLIENT_ID. IMDS gets 2 s to answer off Azure.
 */
async function managedIdentityToken(context: CloudContext, resource: string): Promise<EntraToken | string> {
  const env = context.env;
  let url: URL;
  const headers: Record<string, string> = {};
  if (env.IDENTITY_ENDPOINT && env.IDENTITY_HEADER) {
    url = new URL(env.IDENTITY_ENDPOINT);
    url.searchParams.set('api-version', '2019-08-01');
    headers['X-IDENTITY-HEADER'] = env.IDENTITY_HEADER;
  } else {
    url = new URL('/metadata/identity/oauth2/token', env.AZURE_POD_IDENTITY_AUTHORITY_HOST || 'http://169.254.169.254');
    url.searchParams.set('api-version', '2018-02-01');
    headers.Metadata = 'true';
  }
  url.searchParams.set('resource', resource);
  if (env.AZURE_CLIENT_ID) url.searchParams.set('client_id', env.AZURE_CLIENT_ID);
  const where = `managed identity at ${url.host}`;
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(env.IDENTITY_ENDPOINT ? 30_000 : 2_000) });
  } catch (err) {
    const code = networkErrorCode(err) ?? (err as Error).name;
    return `${where}: ${code === 'TimeoutError' ? 'no answer in 2 s' : code}`;
  }
  const text = await response.text();
  if (!response.ok) return `${where}: HTTP ${response.status} ${oneLine(text).slice(0, 160)}`;
  const answer = JSON.parse(text) as { access_token?: string; expires_on?: string | number; expires_in?: string | number };
  if (!answer.access_token) throw new CloudCredentialError(`${where} gave no access_token`);
  context.onSecret(answer.access_token);
  const expiresOn = Number(answer.expires_on);
  const expiresAt = expiresOn > 0 ? expiresOn * 1000 : Date.now() + (Number(answer.expires_in) || 3600) * 1000;
  return { token: answer.access_token, expiresAt };
}

const ambientFix =
  'give the client and tenant IDs of an identity with a federated credential (with `permissions: id-token: write`), or run azure/login before this step, or set AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH)';

/**
 * DefaultAzureCredential's order as Flux uses it (fluxcd/pkg/auth/azure → azidentity.NewDefaultAzureCredential):
 * EnvironmentCredential (client secret, or certificate), WorkloadIdentityCredential (AZURE_FEDERATED_TOKEN_FILE),
 * ManagedIdentityCredential, AzureCliCredential. The first that has its configuration is used; its failure is
 * an error, except managed identity and the CLI, which say "not here" and let the next try (as azidentity does).
 */
export async function defaultAzureToken(
  context: CloudContext,
  request: { authority: string; scope: string; hint: (status: number, error: string) => string | undefined },
  tried: string[],
): Promise<EntraToken> {
  const env = context.env;
  const { authority, scope, hint } = request;
  const tenantId = env.AZURE_TENANT_ID;
  const clientId = env.AZURE_CLIENT_ID;
  const used = (source: string, token: EntraToken): EntraToken => {
    context.onDebug(`provider azure: credentials from ${source}`);
    return token;
  };
  if (tenantId && clientId && env.AZURE_CLIENT_SECRET) {
    context.onSecret(env.AZURE_CLIENT_SECRET);
    const token = await entraClientCredentials(context, { authority, tenantId, clientId, scope, secret: env.AZURE_CLIENT_SECRET }, hint);
    return used(`the environment (AZURE_CLIENT_SECRET of client ${clientId})`, token);
  }
  if (tenantId && clientId && env.AZURE_CLIENT_CERTIFICATE_PATH) {
    const pem = await readFile(env.AZURE_CLIENT_CERTIFICATE_PATH, 'utf8').catch((err: unknown) => {
      throw new CloudCredentialError(
        `AZURE_CLIENT_CERTIFICATE_PATH ${env.AZURE_CLIENT_CERTIFICATE_PATH} cannot be read: ${oneLine((err as Error).message)}`,
      );
    });
    const assertion = certificateAssertion(pem, clientId, `${authority}/${tenantId}/oauth2/v2.0/token`);
    context.onSecret(assertion);
    const token = await entraClientCredentials(context, { authority, tenantId, clientId, scope, assertion }, hint);
    return used(`the environment (AZURE_CLIENT_CERTIFICATE_PATH of client ${clientId})`, token);
  }
  tried.push('the environment: AZURE_TENANT_ID and AZURE_CLIENT_ID with AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH not set');
  if (tenantId && clientId && env.AZURE_FEDERATED_TOKEN_FILE) {
    const assertion = (
      await readFile(env.AZURE_FEDERATED_TOKEN_FILE, 'utf8').catch((err: unknown) => {
        throw new CloudCredentialError(
          `AZURE_FEDERATED_TOKEN_FILE ${env.AZURE_FEDERATED_TOKEN_FILE} cannot be read: ${oneLine((err as Error).message)}`,
        );
      })
    ).trim();
    context.onSecret(assertion);
    const token = await entraClientCredentials(context, { authority, tenantId, clientId, scope, assertion }, hint);
    return used(`workload identity (AZURE_FEDERATED_TOKEN_FILE for client ${clientId})`, token);
  }
  tried.push('workload identity: AZURE_FEDERATED_TOKEN_FILE with AZURE_TENANT_ID and AZURE_CLIENT_ID not set');
  const resource = scope.replace(/\/\.default$/, '');
  const managed = await managedIdentityToken(context, resource);
  if (typeof managed !== 'string') return used('a managed identity', managed);
  tried.push(managed);
  const cli = await azureCliToken(context, resource, tenantId);
  if (typeof cli !== 'string') return used('the Azure CLI session (az account get-access-token)', cli);
  tried.push(`the Azure CLI: ${cli}`);
  throw noCredentials('azure', tried, ambientFix);
}
