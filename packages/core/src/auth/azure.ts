import type { Credential } from '../oci/auth.ts';
import {
  CloudCredentialError,
  ExpiringCache,
  jwtExpiry,
  jobOidcToken,
  postForToken,
  registryHostname,
  type CloudContext,
  type CloudProvider,
} from './cloud.ts';
import { defaultAzureToken, entraClientCredentials, type EntraToken } from './azure-chain.ts';

/** Flux 2.6's ACR pattern (from Kubernetes' Azure credential provider). */
export const azureHostPattern = /^.+\.(azurecr\.io|azurecr\.cn|azurecr\.de|azurecr\.us)$/;
export const azureHosts = 'Azure Container Registry (*.azurecr.io, *.azurecr.cn, *.azurecr.de, *.azurecr.us)';

/** The user name docker and `az acr login --expose-token` use with an ACR refresh token. */
export const acrTokenUsername = '00000000-0000-0000-0000-000000000000';

export function isAzureRegistry(registry: string): boolean {
  return azureHostPattern.test(registryHostname(registry));
}

/** The Entra ID authority and Resource Manager scope of the cloud a registry lives in (as Flux chooses the scope). */
export function azureCloud(registry: string): { authorityHost: string; scope: string } {
  const host = registryHostname(registry);
  if (host.endsWith('.azurecr.cn'))
    return { authorityHost: 'https://login.chinacloudapi.cn', scope: 'https://management.chinacloudapi.cn/.default' };
  if (host.endsWith('.azurecr.us'))
    return { authorityHost: 'https://login.microsoftonline.us', scope: 'https://management.usgovcloudapi.net/.default' };
  return { authorityHost: 'https://login.microsoftonline.com', scope: 'https://management.azure.com/.default' };
}

/**
 * `provider: azure`, as azure/login does with OIDC: the job's OIDC token (audience `api://AzureADTokenExchange`) is a
 * client assertion for the app's federated credential (Entra ID client-credentials grant), and the Entra ID token
 * is exchanged at the registry's `/oauth2/exchange` for an ACR refresh token. That is an identity token: the
 * registry's token endpoint trades it for access tokens (grant_type=refresh_token).
 */
export function azureProvider(context: CloudContext): CloudProvider & { accessToken(resource: string): Promise<string> } {
  const options = context.options.azure ?? {};
  const env = context.env;
  const entraTokens = new ExpiringCache<EntraToken>();
  const refreshTokens = new ExpiringCache<Credential>();

  const entraHint = (status: number, error: string): string | undefined =>
    /AADSTS70021|AADSTS700213|AADSTS700211|AADSTS700212/.test(error)
      ? "add a federated credential to the app for issuer https://token.actions.githubusercontent.com and this job's subject (repo:<owner>/<repo>:…)"
      : status === 400 || status === 401
        ? 'check the client and tenant IDs and the federated credential'
        : undefined;
  // Without inputs, AZURE_CLIENT_ID/AZURE_TENANT_ID are for the OIDC exchange only when no other credential of
  // theirs is in the environment (a secret, certificate or federated token file is DefaultAzureCredential's).
  const ambientIds = Boolean(env.AZURE_CLIENT_SECRET || env.AZURE_CLIENT_CERTIFICATE_PATH || env.AZURE_FEDERATED_TOKEN_FILE);

  /** The Entra ID token: the job's OIDC token as the client assertion first, else DefaultAzureCredential's chain. */
  const entraToken = (registry: string, resourceScope?: string): Promise<EntraToken> => {
    const cloud = azureCloud(registry);
    const authority = (options.authorityHost || env.AZURE_AUTHORITY_HOST || cloud.authorityHost).replace(/\/+$/, '');
    const scope = resourceScope || options.scope || cloud.scope;
    const clientId = options.clientId || (ambientIds ? undefined : env.AZURE_CLIENT_ID);
    const tenantId = options.tenantId || (ambientIds && !options.clientId ? undefined : env.AZURE_TENANT_ID);
    return entraTokens.get(`${authority}|${tenantId}|${clientId}|${scope}`, async () => {
      const tried: string[] = [];
      if (clientId && tenantId) {
        const oidc = await jobOidcToken(context, options.audience || 'api://AzureADTokenExchange', 'provider azure');
        if (oidc.token) {
          const token = await entraClientCredentials(context, { authority, tenantId, clientId, scope, assertion: oidc.token }, entraHint);
          context.onDebug(`provider azure: credentials from the job's OIDC token (federated credential of client ${clientId})`);
          return { value: token, expiresAt: token.expiresAt };
        }
        tried.push(`the job's OIDC token for client ${clientId}: ${oidc.missing}`);
      } else {
        const missing = [clientId ? '' : 'client ID', tenantId ? '' : 'tenant ID'].filter(Boolean).join(' and ');
        tried.push(`the job's OIDC token: no ${missing} of an identity with a federated credential was given`);
      }
      const token = await defaultAzureToken(context, { authority, scope, hint: entraHint }, tried);
      return { value: token, expiresAt: token.expiresAt };
    });
  };

  const refreshToken = async (registry: string): Promise<{ value: Credential; expiresAt: number }> => {
    const entra = await entraToken(registry);
    const accessToken = entra.token;
    const tenantId = entra.tenantId;
    const base = context.registryUrl(registry);
    const form = new URLSearchParams({
      grant_type: 'access_token',
      service: registry,
      ...(tenantId ? { tenant: tenantId } : {}),
      access_token: accessToken,
    });
    const answer = await postForToken(
      `ACR token exchange at ${registry}`,
      `${base}/oauth2/exchange`,
      { body: form.toString(), contentType: 'application/x-www-form-urlencoded' },
      (status) => (status === 401 || status === 403 ? `give the identity the AcrPush role on ${registry}` : undefined),
    );
    const token = typeof answer.refresh_token === 'string' ? answer.refresh_token : '';
    if (!token) throw new CloudCredentialError(`ACR token exchange at ${registry} returned no refresh_token`);
    context.onSecret(token);
    // ACR refresh tokens are JWTs that last 3 hours; their `exp` says exactly.
    return {
      value: { username: acrTokenUsername, password: token, identityToken: token },
      expiresAt: jwtExpiry(token) ?? Date.now() + 3 * 3600_000,
    };
  };

  return {
    name: 'azure',
    hosts: azureHosts,
    // An Entra ID token for another resource (Key Vault's `https://vault.azure.net/.default`, kms/azure.ts).
    accessToken: async (scope) => (await entraToken('', scope)).token,
    serves: isAzureRegistry,
    credentialFor: async (registry) => (isAzureRegistry(registry) ? refreshTokens.get(registry, () => refreshToken(registry)) : undefined),
  };
}
