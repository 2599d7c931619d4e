import type { Credential } from '../oci/auth.ts';
import {
  CloudCredentialError,
  ExpiringCache,
  jobOidcToken,
  postForToken,
  registryHostname,
  type CloudContext,
  type CloudProvider,
} from './cloud.ts';
import { applicationDefaultToken } from './gcp-adc.ts';
import { impersonate, type GoogleToken } from './gcp-external.ts';

/** Flux 2.6's GCP registry pattern: Container Registry (`gcr.io`, `*.gcr.io`) and Artifact Registry (`<location>-docker.pkg.dev`). */
export const gcpHostPattern = /^(((.+\.)?gcr\.io)|(.+-docker\.pkg\.dev))$/;
export const gcpHosts = 'Google Artifact Registry (<location>-docker.pkg.dev) and Container Registry (gcr.io, *.gcr.io)';

export const defaultGcpStsUrl = 'https://sts.googleapis.com/v1/token';
export const defaultGcpIamCredentialsUrl = 'https://iamcredentials.googleapis.com';
const cloudPlatform = 'https://www.googleapis.com/auth/cloud-platform';
const providerPattern = /^projects\/[^/]+\/locations\/[^/]+\/workloadIdentityPools\/[^/]+\/providers\/[^/]+$/;

export function isGcpRegistry(registry: string): boolean {
  return gcpHostPattern.test(registryHostname(registry));
}

/** `projects/…/providers/…` from the forms people paste: bare, `//iam.googleapis.com/…` or `https://iam.googleapis.com/…`. */
export function workloadIdentityProviderName(value: string): string {
  return value
    .trim()
    .replace(/^(https:)?\/\/iam\.googleapis\.com\//, '')
    .replace(/^\/+/, '');
}

const ambientFix =
  'give the workload identity provider with `permissions: id-token: write`, or run google-github-actions/auth before this step (it sets GOOGLE_APPLICATION_CREDENTIALS), or run on Google Cloud with a service account attached';

/**
 * `provider: gcp`. First Workload Identity Federation with the job's OIDC token, as google-github-actions/auth
 * does: the token is exchanged at Google's STS for a federated access token. Without a workload identity provider or
 * without an OIDC token, Application Default Credentials as Flux finds them (gcp-adc.ts). Either token is used
 * directly or, with `serviceAccount`, to impersonate that service account (IAM Credentials generateAccessToken).
 * The registry user is `oauth2accesstoken`.
 */
export function gcpProvider(context: CloudContext): CloudProvider & { accessToken(): Promise<string> } {
  const options = context.options.gcp ?? {};
  const tokens = new ExpiringCache<Credential>();
  const stsUrl = options.stsUrl || context.env.D2CI_GCP_STS_URL || defaultGcpStsUrl;
  const iamUrl = (options.iamCredentialsUrl || context.env.D2CI_GCP_IAMCREDENTIALS_URL || defaultGcpIamCredentialsUrl).replace(/\/+$/, '');

  /** The federated token from the job's OIDC token, or undefined (with the reason in `tried`) without one. */
  const federatedToken = async (tried: string[]): Promise<GoogleToken | undefined> => {
    if (!options.workloadIdentityProvider) {
      tried.push("the job's OIDC token: no workload identity provider was given");
      return undefined;
    }
    const provider = workloadIdentityProviderName(options.workloadIdentityProvider);
    if (!providerPattern.test(provider)) {
      throw new CloudCredentialError(
        `provider gcp: "${options.workloadIdentityProvider}" is not a workload identity provider name (projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>)`,
      );
    }
    const oidc = await jobOidcToken(context, options.audience || `https://iam.googleapis.com/${provider}`, 'provider gcp');
    if (!oidc.token) {
      tried.push(`the job's OIDC token for ${provider}: ${oidc.missing}`);
      return undefined;
    }
    const form = new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      audience: `//iam.googleapis.com/${provider}`,
      scope: cloudPlatform,
      requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      subject_token: oidc.token,
    });
    const federated = await postForToken(
      `Google STS token exchange for ${provider}`,
      stsUrl,
      { body: form.toString(), contentType: 'application/x-www-form-urlencoded' },
      (status) =>
        status === 400 || status === 401 || status === 403
          ? "check the provider's issuer (https://token.actions.githubusercontent.com), allowed audiences and attribute condition against this job's token"
          : undefined,
    );
    const token = typeof federated.access_token === 'string' ? federated.access_token : '';
    if (!token) throw new CloudCredentialError(`Google STS token exchange for ${provider} returned no access_token`);
    context.onSecret(token);
    context.onDebug(`provider gcp: credentials from the job's OIDC token (workload identity provider ${provider})`);
    return { token, expiresAt: Date.now() + (typeof federated.expires_in === 'number' ? federated.expires_in : 3600) * 1000 };
  };

  const fetchToken = async (): Promise<{ value: Credential; expiresAt: number }> => {
    const tried: string[] = [];
    const source = (await federatedToken(tried)) ?? (await applicationDefaultToken(context, tried, ambientFix));
    const account = options.serviceAccount?.trim();
    const { token, expiresAt } = account
      ? await impersonate(
          context,
          `${iamUrl}/v1/projects/-/serviceAccounts/${encodeURIComponent(account)}:generateAccessToken`,
          source.token,
          options.lifetimeSeconds ?? 3600,
        )
      : source;
    return { value: { username: 'oauth2accesstoken', password: token }, expiresAt };
  };

  return {
    name: 'gcp',
    hosts: gcpHosts,
    // The same cloud-platform access token for other Google APIs (Cloud KMS signing keys, kms/gcp.ts).
    accessToken: async () => (await tokens.get('gcp', fetchToken)).password ?? '',
    serves: isGcpRegistry,
    // One access token serves every Google registry.
    credentialFor: async (registry) => (isGcpRegistry(registry) ? tokens.get('gcp', fetchToken) : undefined),
  };
}
