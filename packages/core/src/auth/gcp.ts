import type { Credential } from '../oci/auth.ts';
import {
  CloudCredentialError,
  ExpiringCache,
  oidcToken,
  postForToken,
  registryHostname,
  type CloudContext,
  type CloudProvider,
} from './cloud.ts';

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

/**
 * `provider: gcp` through Workload Identity Federation, as google-github-actions/auth does: the job's OIDC token is
 * exchanged at Google's STS for a federated access token, which is used directly or, with `serviceAccount`, to
 * impersonate that service account (IAM Credentials generateAccessToken). The registry user is `oauth2accesstoken`.
 */
export function gcpProvider(context: CloudContext): CloudProvider {
  const options = context.options.gcp ?? {};
  const tokens = new ExpiringCache<Credential>();
  const stsUrl = options.stsUrl || context.env.D2CI_GCP_STS_URL || defaultGcpStsUrl;
  const iamUrl = (options.iamCredentialsUrl || context.env.D2CI_GCP_IAMCREDENTIALS_URL || defaultGcpIamCredentialsUrl).replace(/\/+$/, '');

  const fetchToken = async (): Promise<{ value: Credential; expiresAt: number }> => {
    const provider = workloadIdentityProviderName(options.workloadIdentityProvider ?? '');
    if (!provider) {
      throw new CloudCredentialError(
        'provider gcp needs the workload identity provider (projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>)',
      );
    }
    if (!providerPattern.test(provider)) {
      throw new CloudCredentialError(
        `provider gcp: "${options.workloadIdentityProvider}" is not a workload identity provider name (projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>)`,
      );
    }
    const subjectToken = await oidcToken(context, options.audience || `https://iam.googleapis.com/${provider}`, 'provider gcp');
    const form = new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      audience: `//iam.googleapis.com/${provider}`,
      scope: cloudPlatform,
      requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      subject_token: subjectToken,
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
    const federatedToken = typeof federated.access_token === 'string' ? federated.access_token : '';
    if (!federatedToken) throw new CloudCredentialError(`Google STS token exchange for ${provider} returned no access_token`);
    context.onSecret(federatedToken);
    const federatedExpiry = Date.now() + (typeof federated.expires_in === 'number' ? federated.expires_in : 3600) * 1000;
    if (!options.serviceAccount) return { value: { username: 'oauth2accesstoken', password: federatedToken }, expiresAt: federatedExpiry };

    const account = options.serviceAccount.trim();
    const impersonated = await postForToken(
      `Google IAM Credentials generateAccessToken for ${account}`,
      `${iamUrl}/v1/projects/-/serviceAccounts/${encodeURIComponent(account)}:generateAccessToken`,
      {
        body: JSON.stringify({ scope: [cloudPlatform], lifetime: `${options.lifetimeSeconds ?? 3600}s` }),
        contentType: 'application/json',
        authorization: `Bearer ${federatedToken}`,
      },
      (status) =>
        status === 403 || status === 401
          ? `grant the workload identity principal roles/iam.workloadIdentityUser (or roles/iam.serviceAccountTokenCreator) on ${account}`
          : undefined,
    );
    const accessToken = typeof impersonated.accessToken === 'string' ? impersonated.accessToken : '';
    if (!accessToken) throw new CloudCredentialError(`Google IAM Credentials generateAccessToken for ${account} returned no accessToken`);
    context.onSecret(accessToken);
    const expireTime = typeof impersonated.expireTime === 'string' ? Date.parse(impersonated.expireTime) : Number.NaN;
    return {
      value: { username: 'oauth2accesstoken', password: accessToken },
      expiresAt: Number.isNaN(expireTime) ? federatedExpiry : expireTime,
    };
  };

  return {
    name: 'gcp',
    hosts: gcpHosts,
    serves: isGcpRegistry,
    // One access token serves every Google registry.
    credentialFor: async (registry) => (isGcpRegistry(registry) ? tokens.get('gcp', fetchToken) : undefined),
  };
}
