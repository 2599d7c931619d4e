// `d2ci push --provider aws|gcp|azure` with no cloud flags: the credentials of the machine it runs on (container
// credentials, a service account key in GOOGLE_APPLICATION_CREDENTIALS, an Azure client secret in the environment),
// pushed to local registries that the CLI reaches by their cloud names (loopback-dns.ts).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { d2ci } from '../harness/cli.ts';
import {
  digestInRegistry,
  startAwsStandIn,
  startAzureStandIn,
  startGitHubOidc,
  startRegistryWithUsers,
  type AwsStandIn,
  type AzureStandIn,
  type GitHubOidc,
  type UsersRegistry,
} from '../harness/cloud.ts';
import {
  isolatedAwsEnv,
  loopbackHostsEnv,
  startContainerCredentials,
  type ContainerCredentialsStandIn,
} from '../harness/cloud-aws-ambient.ts';
import { isolatedAzureEnv } from '../harness/cloud-azure-ambient.ts';
import { isolatedGcpEnv, startGoogleOAuth, type GoogleOAuthStandIn } from '../harness/cloud-gcp-ambient.ts';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { makeWorkspace } from '../harness/workspace.ts';

const ecrName = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
const garName = 'europe-west1-docker.pkg.dev';
const acrName = 'd2citest.azurecr.io';

describe('d2ci push --provider aws|gcp|azure with ambient credentials', () => {
  let oidc: GitHubOidc;
  let aws: AwsStandIn;
  let container: ContainerCredentialsStandIn;
  let oauth: GoogleOAuthStandIn;
  let az: AzureStandIn;
  let ecr: UsersRegistry;
  let gar: UsersRegistry;
  let acrBackend: LocalRegistry;
  let ws: string;

  before(async () => {
    oidc = await startGitHubOidc();
    aws = await startAwsStandIn(oidc);
    container = await startContainerCredentials(aws);
    oauth = await startGoogleOAuth();
    acrBackend = await startRegistry('token');
    az = await startAzureStandIn(oidc, acrBackend, { acrHost: acrName, acrHostWithPort: true });
    [ecr, gar] = await Promise.all([
      startRegistryWithUsers({ AWS: aws.ecrPassword }),
      startRegistryWithUsers({ oauth2accesstoken: oauth.serviceAccountToken }),
    ]);
    ws = makeWorkspace({ 'app/config.yaml': `value: ${randomBytes(6).toString('hex')}\n`, 'gcloud/.keep': '' });
  });
  after(async () => {
    await Promise.all([
      ecr?.stop(),
      gar?.stop(),
      az?.close(),
      acrBackend?.stop(),
      oauth?.close(),
      container?.close(),
      aws?.close(),
      oidc?.close(),
    ]);
    rmSync(ws, { recursive: true, force: true });
  });

  const port = (url: string): string => new URL(url).port;
  const push = (url: string, provider: string, env: NodeJS.ProcessEnv) =>
    d2ci(
      [
        'push',
        url,
        '--path',
        'app',
        '--provider',
        provider,
        '--insecure-registry',
        '--debug',
        '--source',
        'https://github.com/acme/fleet',
        '--revision',
        'main@sha1:0123456789abcdef0123456789abcdef01234567',
        '-o',
        'json',
      ],
      ws,
      { ...loopbackHostsEnv([ecrName, garName, acrName]), ...env },
    );
  const digestOf = (stdout: string): string => (JSON.parse(stdout) as { digest: string }).digest;

  it('aws: the container credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI with a token file)', async () => {
    writeFileSync(join(ws, 'pod-identity-token'), container.authorizationToken);
    const run = await push(`oci://${ecrName}:${port(ecr.url)}/fleet/apps:latest`, 'aws', {
      ...Object.fromEntries(Object.entries(isolatedAwsEnv(ws)).filter(([, v]) => v !== undefined)),
      ...aws.env,
      AWS_REGION: 'eu-west-1',
      AWS_CONTAINER_CREDENTIALS_FULL_URI: container.url,
      AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: join(ws, 'pod-identity-token'),
    });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      digestOf(run.stdout),
      await digestInRegistry(ecr.host, 'fleet/apps', 'latest', { username: 'AWS', password: aws.ecrPassword }),
    );
    assert.equal(aws.ecr.at(-1)?.keyId, container.issued.at(-1)?.accessKeyId);
    assert.match(run.stderr, /^ {2}provider aws: credentials from the container credentials endpoint \(ECS\/EKS Pod Identity\)$/m);
  });

  it('gcp: a service account key in GOOGLE_APPLICATION_CREDENTIALS', async () => {
    const key = join(ws, 'key.json');
    writeFileSync(key, JSON.stringify(oauth.serviceAccountFile()));
    const run = await push(`oci://${garName}:${port(gar.url)}/acme-fleet/flux/apps:latest`, 'gcp', {
      ...isolatedGcpEnv(join(ws, 'gcloud')),
      GOOGLE_APPLICATION_CREDENTIALS: key,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      digestOf(run.stdout),
      await digestInRegistry(gar.host, 'acme-fleet/flux/apps', 'latest', {
        username: 'oauth2accesstoken',
        password: oauth.serviceAccountToken,
      }),
    );
    assert.equal(oauth.requests.at(-1)?.signatureValid, true);
    assert.match(run.stderr, /^ {2}provider gcp: credentials from GOOGLE_APPLICATION_CREDENTIALS \(.*key\.json\) \(service_account\)$/m);
    assert.ok(!run.stderr.includes(oauth.serviceAccountToken) && !run.stdout.includes(oauth.serviceAccountToken));
  });

  it('azure: AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET', async () => {
    az.clientSecret = `secret~${randomBytes(12).toString('hex')}`;
    const run = await push(`oci://${az.acrHost}/fleet/apps:latest`, 'azure', {
      ...isolatedAzureEnv(ws),
      PATH: process.env.PATH,
      AZURE_AUTHORITY_HOST: az.authorityUrl,
      AZURE_CLIENT_ID: az.clientId,
      AZURE_TENANT_ID: az.tenantId,
      AZURE_CLIENT_SECRET: az.clientSecret,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      digestOf(run.stdout),
      await digestInRegistry(acrBackend.host, 'fleet/apps', 'latest', { username: acrBackend.username, password: acrBackend.password }),
    );
    assert.match(
      run.stderr,
      new RegExp(`^ {2}provider azure: credentials from the environment \\(AZURE_CLIENT_SECRET of client ${az.clientId}\\)$`, 'm'),
    );
  });

  it('says in one line what it tried and the fix when nothing gives credentials', async () => {
    const run = await push(`oci://${garName}:${port(gar.url)}/acme-fleet/flux/apps:latest`, 'gcp', isolatedGcpEnv(join(ws, 'gcloud')));
    assert.equal(run.code, 1);
    // --debug adds the stack after the one ✗ line.
    assert.match(
      run.stderr.split('\n').find((line) => line.startsWith('✗')) ?? run.stderr,
      /provider gcp found no credentials; tried: \(1\) the job's OIDC token: no workload identity provider was given; \(2\) GOOGLE_APPLICATION_CREDENTIALS: not set; .*\(4\) the GCE\/GKE metadata server at 127\.0\.0\.1:2: ECONNREFUSED\. Fix: /,
    );
  });
});
