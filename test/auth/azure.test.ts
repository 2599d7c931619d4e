import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  azureCloud,
  CloudCredentialError,
  isAzureRegistry,
  registryCredentials,
  type AzureProviderOptions,
  type RegistryAuthOptions,
} from '@d2ci/core';
import { digestInRegistry, pushToCloud, startAzureStandIn, startGitHubOidc, type AzureStandIn, type GitHubOidc } from '../harness/cloud.ts';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { isolatedAzureEnv } from '../harness/cloud-azure-ambient.ts';

// Where DefaultAzureCredential would look for `az`: a folder that does not exist.
const emptyDir = join(tmpdir(), `d2ci-no-az-${process.pid}`);

describe('provider azure: ACR through an Entra ID federated credential', () => {
  let oidc: GitHubOidc;
  let registry: LocalRegistry;
  let az: AzureStandIn;

  before(async () => {
    oidc = await startGitHubOidc();
    registry = await startRegistry('token');
    az = await startAzureStandIn(oidc, registry);
  });
  after(async () => {
    await Promise.all([az?.close(), registry?.stop(), oidc?.close()]);
  });
  beforeEach(() => {
    az.entra.length = 0;
    az.acr.length = 0;
    oidc.audiences.length = 0;
    az.entraLifetime = 3599;
    az.refreshLifetime = 3 * 3600;
  });

  /** azure/login-style environment: the IDs as variables, Entra ID's authority pointing at the stand-in. */
  const jobEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    ...isolatedAzureEnv(emptyDir),
    ...oidc.env,
    AZURE_AUTHORITY_HOST: az.authorityUrl,
    AZURE_CLIENT_ID: az.clientId,
    AZURE_TENANT_ID: az.tenantId,
    ...extra,
  });
  const credentialsFor = (
    azure: AzureProviderOptions = {},
    extra: Partial<RegistryAuthOptions> = {},
    secrets?: Set<string>,
  ): ReturnType<typeof registryCredentials> =>
    registryCredentials({
      provider: 'azure',
      cloud: { azure },
      env: jobEnv(),
      endpoints: { [az.acrHost]: az.acrUrl },
      dockerConfig: false,
      onSecret: (s) => secrets?.add(s),
      ...extra,
    });

  it('gets an Entra ID token with the job token as client assertion, exchanges it for an ACR refresh token, and pushes', async () => {
    const secrets = new Set<string>();
    const credentials = credentialsFor(
      { clientId: az.clientId, tenantId: az.tenantId },
      { env: { ...oidc.env, ...isolatedAzureEnv(emptyDir), AZURE_AUTHORITY_HOST: az.authorityUrl } },
      secrets,
    );
    const { result } = await pushToCloud({
      registry: az.acrHost,
      endpoint: az.acrUrl,
      credentials,
      repository: 'fleet/apps',
      onSecret: (s) => secrets.add(s),
    });

    assert.deepEqual(oidc.audiences, ['api://AzureADTokenExchange']);
    assert.equal(az.entra.length, 1);
    const entra = az.entra[0]!;
    assert.equal(entra.tenant, az.tenantId, 'the tenant is in the token path');
    assert.equal(entra.clientId, az.clientId);
    assert.equal(entra.grantType, 'client_credentials');
    assert.equal(entra.clientAssertionType, 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    assert.equal(entra.clientAssertion, oidc.issued.at(-1));
    assert.equal(entra.assertionAudience, 'api://AzureADTokenExchange');
    assert.equal(entra.scope, 'https://management.azure.com/.default');

    const [exchange, ...tokenRequests] = az.acr;
    assert.equal(exchange?.path, '/oauth2/exchange');
    assert.equal(exchange?.grantType, 'access_token');
    assert.equal(exchange?.service, az.acrHost);
    assert.equal(exchange?.tenant, az.tenantId);
    assert.equal(exchange?.accessToken, az.accessTokens.at(-1));
    assert.ok(tokenRequests.length >= 1);
    for (const request of tokenRequests) {
      assert.equal(request.path, '/oauth2/token');
      assert.equal(request.grantType, 'refresh_token', 'the refresh token is used as an identity token');
      assert.equal(request.refreshToken, az.refreshTokens.at(-1));
      assert.equal(request.service, az.acrHost);
    }
    assert.ok(tokenRequests.some((r) => r.scope.split(' ').includes('repository:fleet/apps:pull,push')));

    assert.equal(
      await digestInRegistry(registry.host, 'fleet/apps', 'latest', { username: registry.username, password: registry.password }),
      result.descriptor.digest,
    );
    for (const [what, value] of Object.entries({
      'OIDC token': entra.clientAssertion,
      'Entra ID token': az.accessTokens.at(-1)!,
      'ACR refresh token': az.refreshTokens.at(-1)!,
    })) {
      assert.ok(secrets.has(value), `${what} reaches onSecret`);
    }
    for (const token of az.registryTokens) assert.ok(secrets.has(token), 'registry access tokens reach onSecret');
  });

  it('caches the Entra ID and ACR tokens for their lifetime and fetches them again when they expire', async () => {
    const credentials = credentialsFor();
    await pushToCloud({ registry: az.acrHost, endpoint: az.acrUrl, credentials });
    await pushToCloud({ registry: az.acrHost, endpoint: az.acrUrl, credentials });
    assert.equal(az.entra.length, 1);
    assert.equal(az.acr.filter((r) => r.path === '/oauth2/exchange').length, 1);

    az.refreshLifetime = 60;
    const shortAcr = credentialsFor();
    await shortAcr(az.acrHost);
    await shortAcr(az.acrHost);
    assert.equal(az.entra.length, 2, 'the Entra ID token is still good');
    assert.equal(az.acr.filter((r) => r.path === '/oauth2/exchange').length, 3);

    az.entraLifetime = 60;
    const shortEntra = credentialsFor();
    await shortEntra(az.acrHost);
    await shortEntra(az.acrHost);
    assert.equal(az.entra.length, 4);
    assert.equal(oidc.audiences.length, 4);
  });

  it('says in one line what Entra ID refused, with the fix', async () => {
    const unknownClient = credentialsFor({ clientId: '11111111-2222-3333-4444-555555555555' });
    await assert.rejects(unknownClient(az.acrHost), (err: Error) => {
      assert.ok(err instanceof CloudCredentialError);
      assert.equal(
        err.message,
        `Microsoft Entra ID token request for client 11111111-2222-3333-4444-555555555555 in tenant ${az.tenantId} refused (HTTP 400: unauthorized_client: AADSTS700016: Application with identifier '11111111-2222-3333-4444-555555555555' was not found in the directory.); check the client and tenant IDs and the federated credential`,
      );
      return true;
    });
    const wrongAudience = credentialsFor({ audience: 'api://SomethingElse' });
    await assert.rejects(wrongAudience(az.acrHost), (err: Error) => {
      assert.match(
        err.message,
        /refused \(HTTP 400: invalid_client: AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:acme\/fleet:ref:refs\/heads\/main'\.\); add a federated credential to the app/,
      );
      assert.doesNotMatch(err.message, /\n|Trace ID/);
      return true;
    });
  });

  it('uses the sovereign cloud scope for azurecr.cn and says what ACR refused', async () => {
    const host = 'fleet.azurecr.cn';
    const credentials = credentialsFor({}, { endpoints: { [host]: az.acrUrl } });
    await assert.rejects(
      credentials(host),
      /^CloudCredentialError: ACR token exchange at fleet\.azurecr\.cn refused \(HTTP 400: UNAUTHORIZED: service fleet\.azurecr\.cn is not d2citest\.azurecr\.io\)$/,
    );
    assert.equal(az.entra[0]?.scope, 'https://management.chinacloudapi.cn/.default');
    assert.deepEqual(azureCloud('x.azurecr.us'), {
      authorityHost: 'https://login.microsoftonline.us',
      scope: 'https://management.usgovcloudapi.net/.default',
    });
    assert.deepEqual(azureCloud('x.azurecr.io'), {
      authorityHost: 'https://login.microsoftonline.com',
      scope: 'https://management.azure.com/.default',
    });
  });

  it('falls back to the default chain without client and tenant IDs or without an OIDC token, and says what it tried', async () => {
    const noIds = credentialsFor({}, { env: { ...oidc.env, ...isolatedAzureEnv(emptyDir), AZURE_AUTHORITY_HOST: az.authorityUrl } });
    await assert.rejects(
      noIds(az.acrHost),
      /^CloudCredentialError: provider azure found no credentials; tried: \(1\) the job's OIDC token: no client ID and tenant ID of an identity with a federated credential was given; \(2\) the environment/,
    );
    const noToken = credentialsFor(
      {},
      {
        env: {
          ...isolatedAzureEnv(emptyDir),
          AZURE_AUTHORITY_HOST: az.authorityUrl,
          AZURE_CLIENT_ID: az.clientId,
          AZURE_TENANT_ID: az.tenantId,
        },
      },
    );
    await assert.rejects(noToken(az.acrHost), /tried: \(1\) the job's OIDC token for client .*: no OIDC token available to this job/);
    assert.equal(az.entra.length, 0);
  });

  it('recognises ACR hosts only', () => {
    for (const host of ['fleet.azurecr.io', 'fleet.azurecr.cn', 'fleet.azurecr.de', 'fleet.azurecr.us', 'fleet.azurecr.io:443'])
      assert.equal(isAzureRegistry(host), true, host);
    for (const host of ['azurecr.io', 'fleet.azurecr.io.evil.com', 'gcr.io', 'fleet.azurecr.com'])
      assert.equal(isAzureRegistry(host), false, host);
  });
});
