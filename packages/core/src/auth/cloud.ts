import { setTimeout as sleep } from 'node:timers/promises';
import { BaseError } from '../errors.ts';
import { IdentityTokenError } from '../oidc/errors.ts';
import { githubActionsIdentity, hasGitHubIdToken } from '../oidc/github-actions.ts';
import type { CredentialProvider } from './provider.ts';
import type { ProviderName } from './provider-names.ts';

/** Options for `provider: aws` (Amazon ECR and ECR Public). */
export interface AwsProviderOptions {
  /**
   * IAM role to assume with the job's OIDC token (STS AssumeRoleWithWebIdentity). When set it wins over AWS
   * credentials already in the environment; without it those credentials are used.
   */
  roleArn?: string;
  /** Default `d2ci-<GITHUB_RUN_ID>`. */
  roleSessionName?: string;
  /** STS region. Default: AWS_REGION / AWS_DEFAULT_REGION, else the registry's region (us-east-1 for ECR Public). */
  region?: string;
  /** Audience of the OIDC token for STS (default `sts.amazonaws.com`, as aws-actions/configure-aws-credentials). */
  audience?: string;
  /** Lifetime of the assumed role's credentials (default 3600). */
  durationSeconds?: number;
  /**
   * Service endpoints, e.g. for VPC endpoints. Default: the SDK's standard environment variables
   * `AWS_ENDPOINT_URL_STS`, `AWS_ENDPOINT_URL_ECR`, `AWS_ENDPOINT_URL_ECR_PUBLIC` (then `AWS_ENDPOINT_URL`).
   */
  endpoints?: { sts?: string; ecr?: string; ecrPublic?: string };
}

/** Options for `provider: gcp` (Artifact Registry, Container Registry) through Workload Identity Federation. */
export interface GcpProviderOptions {
  /** `projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>` (a `//iam.googleapis.com/` prefix is accepted). */
  workloadIdentityProvider?: string;
  /** Service account to impersonate; without it the federated token is used directly. */
  serviceAccount?: string;
  /** Audience of the OIDC token (default `https://iam.googleapis.com/<provider>`, as google-github-actions/auth). */
  audience?: string;
  /** Lifetime asked for an impersonated token (default 3600). */
  lifetimeSeconds?: number;
  /** Google STS token URL (default env `D2CI_GCP_STS_URL`, else https://sts.googleapis.com/v1/token). */
  stsUrl?: string;
  /** IAM Credentials API base URL (default env `D2CI_GCP_IAMCREDENTIALS_URL`, else https://iamcredentials.googleapis.com). */
  iamCredentialsUrl?: string;
}

/** Options for `provider: azure` (Azure Container Registry) through a federated credential on an app or managed identity. */
export interface AzureProviderOptions {
  /** Application (client) ID; default env `AZURE_CLIENT_ID`. */
  clientId?: string;
  /** Directory (tenant) ID; default env `AZURE_TENANT_ID`. */
  tenantId?: string;
  /** Audience of the OIDC token (default `api://AzureADTokenExchange`). */
  audience?: string;
  /** Entra ID authority (default env `AZURE_AUTHORITY_HOST`, else the registry's cloud: login.microsoftonline.com, …). */
  authorityHost?: string;
  /** Token scope (default the registry cloud's Resource Manager, `https://management.azure.com/.default`). */
  scope?: string;
}

export interface CloudOptions {
  aws?: AwsProviderOptions;
  gcp?: GcpProviderOptions;
  azure?: AzureProviderOptions;
  /**
   * Gets the CI job's OIDC token for an audience. Default: GitHub Actions' token service
   * (`ACTIONS_ID_TOKEN_REQUEST_URL`/`_TOKEN` in `env`, set by `permissions: id-token: write`).
   */
  idToken?: (audience: string) => Promise<string>;
}

/** What a cloud provider gets from `registryCredentials`. */
export interface CloudContext {
  options: CloudOptions;
  env: NodeJS.ProcessEnv;
  /** Called with every secret a provider obtains (OIDC tokens, cloud keys, access and registry tokens). */
  onSecret: (secret: string) => void;
  /** Where to reach a registry by name (RegistryClient's `endpoints`), for providers that call the registry itself. */
  endpoints: Record<string, string>;
  /** `scheme://host` where the registry client reaches a registry (ACR's token exchange is called there too). */
  registryUrl: (registry: string) => string;
  /** One line per provider saying which credential source it used (never a secret), for debug logs. */
  onDebug: (message: string) => void;
}

/**
 * A cloud provider that turns the job's identity into registry credentials (OIDC → short-lived token). Each says
 * which hosts it serves; like Flux, a provider is refused for a registry it does not serve, and it has no
 * credentials (undefined) for other registries, so those fall through to GITHUB_TOKEN and docker config.
 */
export interface CloudProvider extends CredentialProvider {
  readonly name: ProviderName;
  /** Host patterns, for the error when a registry does not match. */
  readonly hosts: string;
  serves(registry: string): boolean;
}

/** A cloud provider could not get credentials: the message is one line, names the service, and says what to fix. */
export class CloudCredentialError extends BaseError<'CLOUD_CREDENTIALS'> {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('CLOUD_CREDENTIALS', oneLine(message), options);
  }
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** A registry name without its port, lowercased: what host patterns match. */
export function registryHostname(registry: string): string {
  const host = registry.toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.replace(/:\d+$/, '');
}

/** The job's OIDC token for an audience; a missing token says which permission to add. */
export async function oidcToken(context: CloudContext, audience: string, purpose: string): Promise<string> {
  let token: string;
  try {
    token = context.options.idToken
      ? await context.options.idToken(audience)
      : await githubActionsIdentity(audience, { env: context.env }).getToken();
  } catch (err) {
    if (err instanceof IdentityTokenError)
      throw new CloudCredentialError(`${purpose} needs the job's OIDC token: ${err.message}`, { cause: err });
    throw err;
  }
  context.onSecret(token);
  return token;
}

/**
 * The job's OIDC token when the job has one, else undefined with the reason: the caller then falls back to the
 * ambient credentials of its cloud (issue 13: the OIDC exchange stays the first choice). A token service that is
 * there but fails is still an error.
 */
export async function jobOidcToken(
  context: CloudContext,
  audience: string,
  purpose: string,
): Promise<{ token: string; missing?: undefined } | { token?: undefined; missing: string }> {
  if (!context.options.idToken && !hasGitHubIdToken(context.env))
    return { missing: 'no OIDC token available to this job (`permissions: id-token: write` gives one)' };
  return { token: await oidcToken(context, audience, purpose) };
}

/** The one-line refusal when neither the job's OIDC token nor any ambient source gave credentials. */
export function noCredentials(provider: string, tried: readonly string[], fix: string): CloudCredentialError {
  return new CloudCredentialError(
    `provider ${provider} found no credentials; tried: ${tried.map((t, i) => `(${i + 1}) ${t.replace(/\.$/, '')}`).join('; ')}. Fix: ${fix}`,
  );
}

/** Refresh a cached token this long before it expires, so it never runs out mid-push. */
export const expiryMarginMs = 5 * 60_000;

/**
 * Values that expire, fetched once per key and kept until shortly before their expiry. Concurrent callers share
 * one fetch; a failed fetch is not kept, so the next caller tries again.
 */
export class ExpiringCache<T> {
  readonly #entries = new Map<string, { value: T; expiresAt: number }>();
  readonly #inflight = new Map<string, Promise<{ value: T; expiresAt: number }>>();

  async get(key: string, fetch: () => Promise<{ value: T; expiresAt: number }>): Promise<T> {
    const cached = this.#entries.get(key);
    if (cached && cached.expiresAt - expiryMarginMs > Date.now()) return cached.value;
    let pending = this.#inflight.get(key);
    if (!pending) {
      pending = fetch().finally(() => this.#inflight.delete(key));
      this.#inflight.set(key, pending);
    }
    const entry = await pending;
    this.#entries.set(key, entry);
    return entry.value;
  }
}

/** `exp` of a JWT in milliseconds, or undefined when it is not a JWT with one. */
export function jwtExpiry(token: string): number | undefined {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** A JSON answer from a token service, with the service's own error words when it refuses. */
export async function postForToken(
  service: string,
  url: string,
  init: { body: string; contentType: string; authorization?: string },
  fix?: (status: number, error: string) => string | undefined,
): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { 'content-type': init.contentType, accept: 'application/json' };
  if (init.authorization) headers.authorization = init.authorization;
  let response: Response | undefined;
  let networkError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    networkError = undefined;
    response = await fetch(url, { method: 'POST', headers, body: init.body, signal: AbortSignal.timeout(30_000) }).catch((err: unknown) => {
      networkError = err;
      return undefined;
    });
    if (response && response.status < 500 && response.status !== 429) break;
    if (attempt < 3) {
      await response?.body?.cancel();
      await sleep(250 * attempt);
    }
  }
  if (!response) {
    const cause = networkError as { cause?: { code?: string }; message?: string } | undefined;
    throw new CloudCredentialError(
      `${service} is unreachable at ${new URL(url).host} (${cause?.cause?.code ?? cause?.message ?? 'network error'})`,
      { cause: networkError },
    );
  }
  const text = await response.text().catch(() => '');
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON: reported below when it is an error.
  }
  if (!response.ok) {
    const error = serviceError(body) ?? text.trim().slice(0, 200);
    const hint = fix?.(response.status, error);
    throw new CloudCredentialError(
      `${service} refused (HTTP ${response.status}${error ? `: ${truncate(error)}` : ''})${hint ? `; ${hint}` : ''}`,
    );
  }
  return body;
}

/** The error words in OAuth2 (`error`, `error_description`), Google API (`error.message`) and registry (`errors[]`) answers. */
function serviceError(body: Record<string, unknown>): string | undefined {
  const first = Array.isArray(body.errors) ? (body.errors[0] as { code?: string; message?: string } | undefined) : undefined;
  if (first?.code || first?.message) return [first.code, first.message].filter(Boolean).join(': ');
  const error = body.error;
  if (error && typeof error === 'object') {
    const { status, message } = error as { status?: string; message?: string };
    return [status, message].filter(Boolean).join(': ') || undefined;
  }
  const description = typeof body.error_description === 'string' ? body.error_description.split(/\r?\n/)[0] : undefined;
  return [typeof error === 'string' ? error : undefined, description].filter(Boolean).join(': ') || undefined;
}

function truncate(text: string): string {
  const line = oneLine(text);
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
