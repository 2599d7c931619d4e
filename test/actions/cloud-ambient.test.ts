// push-artifact's committed bundle with `provider: aws|gcp|azure` and no cloud inputs: the credentials the job
// already has (an AWS profile, google-github-actions/auth's credentials file, azure/login's Azure CLI session),
// pushed to local registries that the action reaches by their cloud names (loopback-dns.ts).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { runAction } from '../harness/action.ts';
import {
  digestInRegistry,
  startAwsStandIn,
  startAzureStandIn,
  startGcpStandIn,
  startGitHubOidc,
  startRegistryWithUsers,
  type AwsStandIn,
  type AzureStandIn,
  type GcpStandIn,
  type GitHubOidc,
  type UsersRegistry,
} from '../harness/cloud.ts';
import { isolatedAwsEnv, loopbackHostsEnv } from '../harness/cloud-aws-ambient.ts';
import { fakeAzureCli, isolatedAzureEnv } from '../harness/cloud-azure-ambient.ts';
import { githubActionsCredentialsFile, isolatedGcpEnv } from '../harness/cloud-gcp-ambient.ts';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { makeWorkspace } from '../harness/workspace.ts';

const ecrName = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
const garName = 'europe-west1-docker.pkg.dev';
const acrName = 'd2citest.azurecr.io';

describe('push-artifact action: provider aws|gcp|azure with ambient credentials', () => {
  let oidc: GitHubOidc;
  let aws: AwsStandIn;
  let gcp: GcpStandIn;
  let az: AzureStandIn;
  let ecr: UsersRegistry;
  let gar: UsersRegistry;
  let acrBackend: LocalRegistry;
  let workspace: string;

  before(async () => {
    oidc = await startGitHubOidc();
    aws = await startAwsStandIn(oidc);
    gcp = await startGcpStandIn(oidc);
    acrBackend = await startRegistry('token');
    az = await startAzureStandIn(oidc, acrBackend, { acrHost: acrName, acrHostWithPort: true });
    [ecr, gar] = await Promise.all([
      startRegistryWithUsers({ AWS: aws.ecrPassword }),
      startRegistryWithUsers({ oauth2accesstoken: gcp.federatedToken }),
    ]);
    workspace = makeWorkspace({ 'app/config.yaml': `value: ${randomBytes(6).toString('hex')}\n`, 'gcloud/.keep': '' });
  });
  after(async () => {
    await Promise.all([ecr?.stop(), gar?.stop(), az?.close(), acrBackend?.stop(), gcp?.close(), aws?.close(), oidc?.close()]);
    rmSync(workspace, { recursive: true, force: true });
  });

  const port = (url: string): string => new URL(url).port;
  const push = (repository: string, inputs: Record<string, string>, env: Record<string, string | undefined>) =>
    runAction(
      'push-artifact',
      { repository, path: 'app', tags: 'latest', sign: 'false', insecure: 'true', ...inputs },
      { GITHUB_WORKSPACE: workspace, RUNNER_DEBUG: '1', ...loopbackHostsEnv([ecrName, garName, acrName]), ...env },
    );
  const debugLines = (stdout: string): string[] => [...stdout.matchAll(/^::debug::(provider \w+: .*)$/gm)].map((m) => m[1] ?? '');

  it('aws: an AWS_PROFILE from the shared credentials file, without role or OIDC token', async () => {
    const accessKeyId = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;
    const secretAccessKey = `profile-${randomBytes(20).toString('hex')}`;
    aws.staticKeys.set(accessKeyId, { secretAccessKey });
    mkdirSync(join(workspace, '.aws'), { recursive: true });
    writeFileSync(
      join(workspace, '.aws', 'credentials'),
      `[ci]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n`,
    );
    const host = `${ecrName}:${port(ecr.url)}`;
    const run = await push(
      `${host}/fleet/apps`,
      { provider: 'aws' },
      {
        ...isolatedAwsEnv(workspace),
        ...aws.env,
        AWS_REGION: 'eu-west-1',
        AWS_PROFILE: 'ci',
      },
    );
    assert.equal(run.code, 0, run.visible);
    assert.equal(
      run.outputs.digest,
      await digestInRegistry(ecr.host, 'fleet/apps', 'latest', { username: 'AWS', password: aws.ecrPassword }),
    );
    assert.equal(aws.ecr.at(-1)?.keyId, accessKeyId);
    assert.deepEqual(debugLines(run.stdout), [
      'provider aws: credentials from the shared credentials/config file profile (AWS_PROFILE ci)',
    ]);
    assert.ok(run.masked.includes(secretAccessKey) && run.masked.includes(aws.ecrPassword));
    assert.ok(!run.visible.includes(secretAccessKey) && !run.visible.includes(aws.ecrPassword));
  });

  it("gcp: google-github-actions/auth's credentials file (GOOGLE_APPLICATION_CREDENTIALS), no gcp inputs", async () => {
    const file = join(workspace, 'gha-creds-0123.json');
    writeFileSync(file, JSON.stringify(githubActionsCredentialsFile(oidc, gcp)));
    const host = `${garName}:${port(gar.url)}`;
    const run = await push(
      `${host}/acme-fleet/flux/apps`,
      { provider: 'gcp' },
      {
        ...isolatedGcpEnv(join(workspace, 'gcloud')),
        ...oidc.env,
        GOOGLE_APPLICATION_CREDENTIALS: file,
      },
    );
    assert.equal(run.code, 0, run.visible);
    assert.equal(
      run.outputs.digest,
      await digestInRegistry(gar.host, 'acme-fleet/flux/apps', 'latest', { username: 'oauth2accesstoken', password: gcp.federatedToken }),
    );
    assert.equal(gcp.sts.at(-1)?.subjectToken, oidc.issued.at(-1));
    assert.deepEqual(debugLines(run.stdout), [
      `provider gcp: credentials from GOOGLE_APPLICATION_CREDENTIALS (${file}) (external_account)`,
    ]);
    for (const token of [gcp.federatedToken, oidc.issued.at(-1)!]) {
      assert.ok(run.masked.includes(token));
      assert.ok(!run.visible.includes(token));
    }
  });

  it('azure: the Azure CLI session azure/login leaves, no azure inputs', async () => {
    const cli = fakeAzureCli(az);
    try {
      const run = await push(
        `${az.acrHost}/fleet/apps`,
        { provider: 'azure' },
        {
          ...isolatedAzureEnv(workspace),
          AZURE_AUTHORITY_HOST: az.authorityUrl,
          PATH: `${cli.dir}:/usr/bin:/bin`,
        },
      );
      assert.equal(run.code, 0, run.visible);
      assert.equal(
        run.outputs.digest,
        await digestInRegistry(acrBackend.host, 'fleet/apps', 'latest', { username: acrBackend.username, password: acrBackend.password }),
      );
      assert.deepEqual(cli.calls(), ['account get-access-token --output json --resource https://management.azure.com']);
      assert.equal(az.acr.find((r) => r.path === '/oauth2/exchange')?.accessToken, cli.token);
      assert.deepEqual(debugLines(run.stdout), ['provider azure: credentials from the Azure CLI session (az account get-access-token)']);
      for (const token of [cli.token, az.refreshTokens.at(-1)!]) {
        assert.ok(run.masked.includes(token));
        assert.ok(!run.visible.includes(token));
      }
    } finally {
      rmSync(cli.dir, { recursive: true, force: true });
    }
  });

  it('says in one error line what each provider tried, and the fix', async () => {
    const run = await push(
      `${ecrName}:${port(ecr.url)}/fleet/apps`,
      { provider: 'aws' },
      { ...isolatedAwsEnv(workspace), ...aws.env, AWS_PROFILE: undefined },
    );
    assert.equal(run.code, 1);
    assert.equal(run.errors.length, 1, run.visible);
    assert.match(
      run.errors[0] ?? '',
      /provider aws found no credentials; tried: \(1\) the job's OIDC token: no IAM role to assume was given; \(2\) the AWS SDK's default chain .*Fix: /,
    );
  });
});
