import type { Credential } from '../oci/auth.ts';
import {
  CloudCredentialError,
  ExpiringCache,
  jwtExpiry,
  oidcToken,
  postForToken,
  registryHostname,
  type CloudContext,
  type CloudProvider,
} from './cloud.ts';

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
export function azureProvider(context: CloudContext): CloudProvider {
  const options = context.options.azure ?? {};
  const env = context.env;
  const entraTokens = new ExpiringCache<string>();
  const refreshTokens = new ExpiringCache<Credential>();

  const entraToken = (registry: string, clientId: string, tenantId: string): Promise<string> => {
    const cloud = azureCloud(registry);
    const authority = (options.authorityHost || env.AZURE_AUTHORITY_HOST || cloud.authorityHost).replace(/\/+$/, '');
    const scope = options.scope || cloud.scope;
    return entraTokens.get(`${authority}|${tenantId}|${clientId}|${scope}`, async () => {
      const assertion = await oidcToken(context, options.audience || 'api://AzureADTokenExchange', 'provider azure');
      const form = new URLSearchParams({
        client_id: clientId,
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
        scope,
      });
      const answer = await postForToken(
        `Microsoft Entra ID token request for client ${clientId} in tenant ${tenantId}`,
        `${authority}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`,
        { body: form.toString(), contentType: 'application/x-www-form-urlencoded' },
        (status, error) =>
          /AADSTS70021|AADSTS700213|AADSTS700211|AADSTS700212/.test(error)
            ? "add a federated credential to the app for issuer https://token.actions.githubusercontent.com and this job's subject (repo:<owner>/<repo>:…)"
            : status === 400 || status === 401
              ? 'check the client and tenant IDs and the federated credential'
              : undefined,
      );
      const token = typeof answer.access_token === 'string' ? answer.access_token : '';
      if (!token) throw new CloudCredentialError(`Microsoft Entra ID token request for client ${clientId} returned no access_token`);
      context.onSecret(token);
      return {
        value: token,
        expiresAt: Date.now() + (typeof answer.expires_in === 'number' ? answer.expires_in : Number(answer.expires_in) || 3600) * 1000,
      };
    });
  };

  const refreshToken = async (registry: string): Promise<{ value: Credential; expiresAt: number }> => {
    const clientId = options.clientId || env.AZURE_CLIENT_ID;
    const tenantId = options.tenantId || env.AZURE_TENANT_ID;
    if (!clientId || !tenantId) {
      throw new CloudCredentialError(
        `provider azure needs the client ID and tenant ID of the identity with the federated credential (AZURE_CLIENT_ID and AZURE_TENANT_ID); missing ${[clientId ? '' : 'client ID', tenantId ? '' : 'tenant ID'].filter(Boolean).join(' and ')}`,
      );
    }
    const accessToken = await entraToken(registry, clientId, tenantId);
    const base = (context.endpoints[registry] || `https://${registry}`).replace(/\/+$/, '');
    const form = new URLSearchParams({ grant_type: 'access_token', service: registry, tenant: tenantId, access_token: accessToken });
    const answer = await postForToken(
      `ACR token exchange at ${registry}`,
      `${base}/oauth2/exchange`,
      { body: form.toString(), contentType: 'application/x-www-form-urlencoded' },
      (status) => (status === 401 || status === 403 ? `give the identity (client ${clientId}) the AcrPush role on ${registry}` : undefined),
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
    serves: isAzureRegistry,
    credentialFor: async (registry) => (isAzureRegistry(registry) ? refreshTokens.get(registry, () => refreshToken(registry)) : undefined),
  };
}
