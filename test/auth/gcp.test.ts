import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CloudCredentialError,
  isGcpRegistry,
  registryCredentials,
  workloadIdentityProviderName,
  type RegistryAuthOptions,
} from '@d2ci/core';
import {
  digestInRegistry,
  pushToCloud,
  startGcpStandIn,
  startGitHubOidc,
  startRegistryWithUsers,
  type GcpStandIn,
  type GitHubOidc,
  type UsersRegistry,
} from '../harness/cloud.ts';
import { isolatedGcpEnv } from '../harness/cloud-gcp-ambient.ts';

// Where ADC would look for gcloud's file: a folder that does not exist, so a fallback finds nothing.
const emptyDir = join(tmpdir(), `d2ci-no-gcloud-${process.pid}`);

const serviceAccount = 'flux-push@acme-fleet.iam.gserviceaccount.com';

describe('provider gcp: Workload Identity Federation with GitHub OIDC', () => {
  let oidc: GitHubOidc;
  let gcp: GcpStandIn;
  let federatedRegistry: UsersRegistry;
  let impersonatedRegistry: UsersRegistry;

  before(async () => {
    oidc = await startGitHubOidc();
    gcp = await startGcpStandIn(oidc, { serviceAccounts: [serviceAccount] });
    // Artifact Registry takes `oauth2accesstoken` with an access token as the password.
    [federatedRegistry, impersonatedRegistry] = await Promise.all([
      startRegistryWithUsers({ oauth2accesstoken: gcp.federatedToken }),
      startRegistryWithUsers({ oauth2accesstoken: gcp.accessToken }),
    ]);
  });
  after(async () => {
    await Promise.all([federatedRegistry?.stop(), impersonatedRegistry?.stop(), gcp?.close(), oidc?.close()]);
  });
  beforeEach(() => {
    gcp.sts.length = 0;
    gcp.iam.length = 0;
    oidc.audiences.length = 0;
    gcp.stsLifetime = 3600;
    gcp.iamLifetime = 3600;
  });

  const credentialsFor = (
    gcpOptions: NonNullable<RegistryAuthOptions['cloud']>['gcp'],
    extra: Partial<RegistryAuthOptions> = {},
    secrets?: Set<string>,
  ): ReturnType<typeof registryCredentials> =>
    registryCredentials({
      provider: 'gcp',
      cloud: { gcp: gcpOptions },
      env: { ...oidc.env, ...gcp.env, ...isolatedGcpEnv(emptyDir) },
      dockerConfig: false,
      onSecret: (s) => secrets?.add(s),
      ...extra,
    });

  it('exchanges the job token at Google STS and pushes with the federated token as oauth2accesstoken', async () => {
    const secrets = new Set<string>();
    const credentials = credentialsFor({ workloadIdentityProvider: gcp.provider }, {}, secrets);
    const { result } = await pushToCloud({
      registry: 'europe-west1-docker.pkg.dev',
      endpoint: federatedRegistry.url,
      credentials,
      repository: 'acme-fleet/flux/apps',
      onSecret: (s) => secrets.add(s),
    });

    assert.deepEqual(oidc.audiences, [`https://iam.googleapis.com/${gcp.provider}`], "google-github-actions/auth's default audience");
    assert.equal(gcp.sts.length, 1);
    const sts = gcp.sts[0]!;
    assert.equal(sts.contentType, 'application/x-www-form-urlencoded');
    assert.equal(sts.grantType, 'urn:ietf:params:oauth:grant-type:token-exchange');
    assert.equal(sts.audience, `//iam.googleapis.com/${gcp.provider}`);
    assert.equal(sts.scope, 'https://www.googleapis.com/auth/cloud-platform');
    assert.equal(sts.requestedTokenType, 'urn:ietf:params:oauth:token-type:access_token');
    assert.equal(sts.subjectTokenType, 'urn:ietf:params:oauth:token-type:jwt');
    assert.equal(sts.subjectToken, oidc.issued.at(-1));
    assert.equal(gcp.iam.length, 0, 'no impersonation without a service account');

    assert.equal(
      await digestInRegistry(federatedRegistry.host, 'acme-fleet/flux/apps', 'latest', {
        username: 'oauth2accesstoken',
        password: gcp.federatedToken,
      }),
      result.descriptor.digest,
    );
    assert.ok(secrets.has(sts.subjectToken), 'the OIDC token reaches onSecret');
    assert.ok(secrets.has(gcp.federatedToken), 'the federated token reaches onSecret');
  });

  it('impersonates a service account with the federated token and pushes with its access token', async () => {
    const secrets = new Set<string>();
    const credentials = credentialsFor({ workloadIdentityProvider: `//iam.googleapis.com/${gcp.provider}`, serviceAccount }, {}, secrets);
    const { result } = await pushToCloud({
      registry: 'us.gcr.io',
      endpoint: impersonatedRegistry.url,
      credentials,
      repository: 'acme-fleet/apps',
    });

    assert.equal(
      gcp.sts[0]?.audience,
      `//iam.googleapis.com/${gcp.provider}`,
      'a //iam.googleapis.com/ prefix on the provider is accepted',
    );
    assert.equal(gcp.iam.length, 1);
    const iam = gcp.iam[0]!;
    assert.equal(iam.serviceAccount, serviceAccount);
    assert.equal(iam.authorization, `Bearer ${gcp.federatedToken}`);
    assert.deepEqual(iam.body, { scope: ['https://www.googleapis.com/auth/cloud-platform'], lifetime: '3600s' });
    assert.equal(
      await digestInRegistry(impersonatedRegistry.host, 'acme-fleet/apps', 'latest', {
        username: 'oauth2accesstoken',
        password: gcp.accessToken,
      }),
      result.descriptor.digest,
    );
    for (const token of [gcp.federatedToken, gcp.accessToken, oidc.issued.at(-1) ?? '']) assert.ok(secrets.has(token));
  });

  it('asks for the audience given instead of the default, and takes endpoints as options', async () => {
    gcp.allowedAudiences.add('https://github.com/acme');
    try {
      const credentials = registryCredentials({
        provider: 'gcp',
        cloud: {
          gcp: {
            workloadIdentityProvider: gcp.provider,
            audience: 'https://github.com/acme',
            stsUrl: gcp.env.D2CI_GCP_STS_URL,
            iamCredentialsUrl: gcp.url,
            serviceAccount,
          },
        },
        env: { ...oidc.env },
        dockerConfig: false,
      });
      assert.deepEqual(await credentials('gcr.io'), { username: 'oauth2accesstoken', password: gcp.accessToken });
      assert.deepEqual(oidc.audiences, ['https://github.com/acme']);
      assert.equal(gcp.sts[0]?.audience, `//iam.googleapis.com/${gcp.provider}`);
    } finally {
      gcp.allowedAudiences.delete('https://github.com/acme');
    }
  });

  it('caches one token for every Google registry and fetches a new one when it expires', async () => {
    const credentials = credentialsFor({ workloadIdentityProvider: gcp.provider, serviceAccount });
    await pushToCloud({ registry: 'europe-west1-docker.pkg.dev', endpoint: impersonatedRegistry.url, credentials });
    await pushToCloud({ registry: 'us.gcr.io', endpoint: impersonatedRegistry.url, credentials });
    assert.equal((await credentials('gcr.io'))?.password, gcp.accessToken);
    assert.equal(gcp.sts.length, 1);
    assert.equal(gcp.iam.length, 1);

    gcp.iamLifetime = 60;
    const short = credentialsFor({ workloadIdentityProvider: gcp.provider, serviceAccount });
    await short('gcr.io');
    await short('gcr.io');
    assert.equal(gcp.sts.length, 3);
    assert.equal(gcp.iam.length, 3);
    assert.equal(oidc.audiences.length, 3);
  });

  it('says in one line what Google STS or IAM refused, and what to fix', async () => {
    const wrongAudience = credentialsFor({ workloadIdentityProvider: gcp.provider, audience: 'https://example.com' });
    await assert.rejects(wrongAudience('gcr.io'), (err: Error) => {
      assert.ok(err instanceof CloudCredentialError);
      assert.equal(
        err.message,
        `Google STS token exchange for ${gcp.provider} refused (HTTP 400: invalid_grant: The audience in ID Token [https://example.com] does not match the expected audience.); check the provider's issuer (https://token.actions.githubusercontent.com), allowed audiences and attribute condition against this job's token`,
      );
      return true;
    });
    const unknownProvider = credentialsFor({
      workloadIdentityProvider: 'projects/1/locations/global/workloadIdentityPools/nope/providers/nope',
    });
    await assert.rejects(
      unknownProvider('gcr.io'),
      /^CloudCredentialError: Google STS token exchange for projects\/1\/.* refused \(HTTP 400: invalid_target: The target service/,
    );
    const notAllowed = credentialsFor({
      workloadIdentityProvider: gcp.provider,
      serviceAccount: 'other@acme-fleet.iam.gserviceaccount.com',
    });
    await assert.rejects(notAllowed('gcr.io'), (err: Error) => {
      assert.match(
        err.message,
        /^Google IAM Credentials generateAccessToken for other@acme-fleet\.iam\.gserviceaccount\.com refused \(HTTP 403: PERMISSION_DENIED: Permission 'iam\.serviceAccounts\.getAccessToken' denied/,
      );
      assert.match(err.message, /grant the source identity roles\/iam\.workloadIdentityUser/);
      assert.doesNotMatch(err.message, /\n/);
      return true;
    });
  });

  it('refuses a malformed provider name, and falls back to ADC without a provider or an OIDC token', async () => {
    await assert.rejects(
      credentialsFor({ workloadIdentityProvider: 'my-pool/my-provider' })('gcr.io'),
      /"my-pool\/my-provider" is not a workload identity provider name/,
    );
    await assert.rejects(
      credentialsFor({})('gcr.io'),
      /^CloudCredentialError: provider gcp found no credentials; tried: \(1\) the job's OIDC token: no workload identity provider was given; \(2\) GOOGLE_APPLICATION_CREDENTIALS: not set/,
    );
    const noToken = registryCredentials({
      provider: 'gcp',
      cloud: { gcp: { workloadIdentityProvider: gcp.provider } },
      env: { ...gcp.env, ...isolatedGcpEnv(emptyDir) },
      dockerConfig: false,
    });
    await assert.rejects(noToken('gcr.io'), /tried: \(1\) the job's OIDC token for projects\/.*: no OIDC token available to this job/);
    assert.equal(gcp.sts.length, 0);
  });

  it('recognises Artifact Registry and Container Registry hosts only', () => {
    for (const host of ['gcr.io', 'eu.gcr.io', 'us.gcr.io', 'europe-west1-docker.pkg.dev', 'us-docker.pkg.dev', 'gcr.io:443'])
      assert.equal(isGcpRegistry(host), true, host);
    for (const host of [
      'ghcr.io',
      'europe-west1-npm.pkg.dev',
      'gcr.io.evil.com',
      'notgcr.io',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
    ])
      assert.equal(isGcpRegistry(host), false, host);
    assert.equal(
      workloadIdentityProviderName('https://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/q'),
      'projects/1/locations/global/workloadIdentityPools/p/providers/q',
    );
  });
});
