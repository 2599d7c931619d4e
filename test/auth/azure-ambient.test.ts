import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { CloudCredentialError, registryCredentials, type RegistryAuthOptions } from '@d2ci/core';
import {
  claimsOf,
  digestInRegistry,
  pushToCloud,
  startAzureStandIn,
  startGitHubOidc,
  type AzureStandIn,
  type GitHubOidc,
} from '../harness/cloud.ts';
import {
  clientCertificatePem,
  fakeAzureCli,
  isolatedAzureEnv,
  startManagedIdentity,
  type ManagedIdentityStandIn,
} from '../harness/cloud-azure-ambient.ts';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { makeWorkspace } from '../harness/workspace.ts';

describe('provider azure: DefaultAzureCredential (environment, workload identity, managed identity, Azure CLI)', () => {
  let oidc: GitHubOidc;
  let registry: LocalRegistry;
  let az: AzureStandIn;
  let imds: ManagedIdentityStandIn;
  let empty: string;

  before(async () => {
    oidc = await startGitHubOidc();
    registry = await startRegistry('token');
    az = await startAzureStandIn(oidc, registry);
    imds = await startManagedIdentity(az);
    empty = makeWorkspace({});
  });
  after(async () => {
    await Promise.all([imds?.close(), az?.close(), registry?.stop(), oidc?.close()]);
    rmSync(empty, { recursive: true, force: true });
  });
  beforeEach(() => {
    az.entra.length = 0;
    az.acr.length = 0;
    imds.requests.length = 0;
    oidc.audiences.length = 0;
  });

  const open = (env: NodeJS.ProcessEnv, options: Partial<RegistryAuthOptions> = {}) => {
    const debug: string[] = [];
    const secrets = new Set<string>();
    const credentials = registryCredentials({
      provider: 'azure',
      dockerConfig: false,
      env: { ...isolatedAzureEnv(empty), AZURE_AUTHORITY_HOST: az.authorityUrl, ...env },
      endpoints: { [az.acrHost]: az.acrUrl },
      onSecret: (s) => secrets.add(s),
      onDebug: (line) => debug.push(line),
      ...options,
    });
    return { credentials, debug, secrets };
  };
  const pushed = async (credentials: ReturnType<typeof registryCredentials>): Promise<void> => {
    const { result } = await pushToCloud({ registry: az.acrHost, endpoint: az.acrUrl, credentials, repository: 'fleet/apps' });
    assert.equal(
      await digestInRegistry(registry.host, 'fleet/apps', 'latest', { username: registry.username, password: registry.password }),
      result.descriptor.digest,
    );
  };
  const exchangedWith = (): string | undefined => az.acr.find((r) => r.path === '/oauth2/exchange')?.accessToken;

  it('uses AZURE_CLIENT_SECRET (EnvironmentCredential), exchanges the token at ACR, and pushes', async () => {
    az.clientSecret = `secret~${Math.random().toString(36).slice(2)}`;
    const { credentials, debug, secrets } = open({
      AZURE_TENANT_ID: az.tenantId,
      AZURE_CLIENT_ID: az.clientId,
      AZURE_CLIENT_SECRET: az.clientSecret,
    });
    await pushed(credentials);
    assert.equal(az.entra[0]?.clientId, az.clientId);
    assert.equal(az.entra[0]?.scope, 'https://management.azure.com/.default');
    assert.equal(exchangedWith(), az.accessTokens.at(-1));
    assert.deepEqual(oidc.audiences, []);
    assert.deepEqual(debug, [`provider azure: credentials from the environment (AZURE_CLIENT_SECRET of client ${az.clientId})`]);
    assert.ok(secrets.has(az.clientSecret) && secrets.has(az.accessTokens.at(-1)!));
  });

  it('signs a client assertion with AZURE_CLIENT_CERTIFICATE_PATH (x5t, RS256) when there is no secret', async () => {
    const { pem, certificate } = clientCertificatePem();
    az.clientCertificate = certificate;
    const dir = makeWorkspace({ 'client.pem': pem });
    try {
      const { credentials, debug, secrets } = open({
        AZURE_TENANT_ID: az.tenantId,
        AZURE_CLIENT_ID: az.clientId,
        AZURE_CLIENT_CERTIFICATE_PATH: join(dir, 'client.pem'),
      });
      assert.ok(await credentials(az.acrHost));
      const entra = az.entra[0]!;
      assert.equal(entra.status, 200);
      assert.equal(entra.clientAssertionType, 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      assert.equal(claimsOf(entra.clientAssertion).aud, `${az.authorityUrl}/${az.tenantId}/oauth2/v2.0/token`);
      assert.ok(secrets.has(entra.clientAssertion), 'the signed assertion reaches onSecret');
      assert.deepEqual(debug, [
        `provider azure: credentials from the environment (AZURE_CLIENT_CERTIFICATE_PATH of client ${az.clientId})`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses AZURE_FEDERATED_TOKEN_FILE (WorkloadIdentityCredential) as the client assertion', async () => {
    const token = (
      (await (
        await fetch(`${oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=api://AzureADTokenExchange`, {
          headers: { authorization: `Bearer ${oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
        })
      ).json()) as { value: string }
    ).value;
    const dir = makeWorkspace({ 'azure-identity-token': token });
    try {
      const { credentials, debug } = open({
        AZURE_TENANT_ID: az.tenantId,
        AZURE_CLIENT_ID: az.clientId,
        AZURE_FEDERATED_TOKEN_FILE: join(dir, 'azure-identity-token'),
        // The job's OIDC variables too: the federated token file in the environment is DefaultAzureCredential's.
        ...oidc.env,
      });
      assert.ok(await credentials(az.acrHost));
      assert.equal(az.entra[0]?.clientAssertion, token);
      assert.equal(oidc.audiences.length, 1, 'only the test asked the OIDC service');
      assert.deepEqual(debug, [
        `provider azure: credentials from workload identity (AZURE_FEDERATED_TOKEN_FILE for client ${az.clientId})`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks the managed identity endpoint (IMDS, Metadata: true) and pushes', async () => {
    const { credentials, debug, secrets } = open({ AZURE_POD_IDENTITY_AUTHORITY_HOST: imds.url });
    await pushed(credentials);
    assert.equal(imds.requests.length, 1);
    assert.deepEqual(imds.requests[0], {
      path: '/metadata/identity/oauth2/token',
      apiVersion: '2018-02-01',
      resource: 'https://management.azure.com',
      clientId: '',
      metadata: 'true',
    });
    assert.equal(exchangedWith(), imds.issued.at(-1));
    assert.equal(az.entra.length, 0);
    assert.deepEqual(debug, ['provider azure: credentials from a managed identity']);
    assert.ok(secrets.has(imds.issued.at(-1)!));
  });

  it('uses the Azure CLI session azure/login leaves (az account get-access-token) and pushes', async () => {
    const cli = fakeAzureCli(az);
    try {
      const { credentials, debug, secrets } = open({ PATH: `${cli.dir}:/usr/bin:/bin` });
      await pushed(credentials);
      assert.deepEqual(cli.calls(), ['account get-access-token --output json --resource https://management.azure.com']);
      assert.equal(exchangedWith(), cli.token);
      assert.equal(az.acr.find((r) => r.path === '/oauth2/exchange')?.tenant, az.tenantId, 'the tenant az printed goes to ACR');
      assert.deepEqual(debug, ['provider azure: credentials from the Azure CLI session (az account get-access-token)']);
      assert.ok(secrets.has(cli.token));
    } finally {
      rmSync(cli.dir, { recursive: true, force: true });
    }
  });

  it("puts the client and tenant IDs with the job's OIDC token first, and falls back to the chain without a token", async () => {
    const cli = fakeAzureCli(az);
    try {
      const ids = { cloud: { azure: { clientId: az.clientId, tenantId: az.tenantId } } };
      const withToken = open({ ...oidc.env, PATH: `${cli.dir}:/usr/bin:/bin` }, ids);
      assert.ok(await withToken.credentials(az.acrHost));
      assert.deepEqual(cli.calls(), [], 'az is not run');
      assert.equal(az.entra[0]?.assertionAudience, 'api://AzureADTokenExchange');
      assert.deepEqual(withToken.debug, [
        `provider azure: credentials from the job's OIDC token (federated credential of client ${az.clientId})`,
      ]);

      const noToken = open({ PATH: `${cli.dir}:/usr/bin:/bin` }, ids);
      assert.ok(await noToken.credentials(az.acrHost));
      assert.equal(cli.calls().length, 1);
      assert.equal(cli.calls()[0], `account get-access-token --output json --resource https://management.azure.com`);
    } finally {
      rmSync(cli.dir, { recursive: true, force: true });
    }
  });

  it('lists what it tried and the fix when nothing gives credentials', async () => {
    const cli = fakeAzureCli(az, { loggedIn: false });
    try {
      const { credentials } = open({ ...oidc.env, PATH: `${cli.dir}:/usr/bin:/bin`, ACTIONS_ID_TOKEN_REQUEST_URL: undefined });
      await assert.rejects(credentials(az.acrHost), (err: Error) => {
        assert.ok(err instanceof CloudCredentialError);
        assert.equal(
          err.message,
          "provider azure found no credentials; tried: (1) the job's OIDC token: no client ID and tenant ID of an identity with a federated credential was given; (2) the environment: AZURE_TENANT_ID and AZURE_CLIENT_ID with AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH not set; (3) workload identity: AZURE_FEDERATED_TOKEN_FILE with AZURE_TENANT_ID and AZURE_CLIENT_ID not set; (4) managed identity at 127.0.0.1:2: ECONNREFUSED; (5) the Azure CLI: az account get-access-token failed (exit 1): Please run 'az login' to setup account. Fix: give the client and tenant IDs of an identity with a federated credential (with `permissions: id-token: write`), or run azure/login before this step, or set AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH)",
        );
        return true;
      });
      await assert.rejects(open({}).credentials(az.acrHost), /\(5\) the Azure CLI: az is not on PATH\. Fix:/);
    } finally {
      rmSync(cli.dir, { recursive: true, force: true });
    }
  });
});
