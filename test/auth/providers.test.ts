import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  assertProviderServes,
  gcpProvider,
  OciError,
  registerCloudProvider,
  registryCredentials,
  ProviderError,
  withAuthHint,
  type CloudContext,
} from '@d2ci/core';

const root = join(import.meta.dirname, '..', '..');

describe('cloud providers', () => {
  it('refuses a provider for a registry it does not serve, naming the hosts it accepts (as Flux 2.6 does)', () => {
    assert.throws(
      () => assertProviderServes('aws', 'ghcr.io'),
      (err: Error) =>
        err instanceof ProviderError &&
        err.message ===
          'provider "aws" does not serve registry ghcr.io: it accepts Amazon ECR (<account>.dkr.ecr.<region>.amazonaws.com, <account>.dkr-ecr.<region>.on.aws, .amazonaws.com.cn, .amazonaws.eu) and ECR Public (public.ecr.aws, ecr-public.aws.com); use provider: generic for other registries',
    );
    assert.throws(
      () => assertProviderServes('gcp', '123456789012.dkr.ecr.eu-west-1.amazonaws.com'),
      /^ProviderError: provider "gcp" does not serve registry 123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com: it accepts Google Artifact Registry \(<location>-docker\.pkg\.dev\) and Container Registry \(gcr\.io, \*\.gcr\.io\); use provider: generic/,
    );
    assert.throws(
      () => assertProviderServes('azure', 'gcr.io'),
      /^ProviderError: provider "azure" does not serve registry gcr\.io: it accepts Azure Container Registry \(\*\.azurecr\.io, \*\.azurecr\.cn, \*\.azurecr\.de, \*\.azurecr\.us\)/,
    );
    assert.throws(() => assertProviderServes('aws', '127.0.0.1:5000'), /provider "aws" does not serve registry 127\.0\.0\.1:5000/);
    for (const [provider, host] of [
      ['aws', '123456789012.dkr.ecr.eu-west-1.amazonaws.com'],
      ['aws', 'public.ecr.aws'],
      ['gcp', 'europe-west1-docker.pkg.dev'],
      ['gcp', 'eu.gcr.io'],
      ['azure', 'fleet.azurecr.io'],
      ['azure', 'fleet.azurecr.io:443'],
      ['generic', 'anything.example.com'],
    ] as const) {
      assert.doesNotThrow(() => assertProviderServes(provider, host), `${provider} serves ${host}`);
    }
  });

  it('puts explicit credentials before the cloud provider, and asks the provider nothing for them', async () => {
    // No OIDC variables: asking the provider would fail.
    const credentials = registryCredentials({ provider: 'gcp', username: 'me', password: 'explicit', env: {}, dockerConfig: false });
    assert.deepEqual(await credentials('gcr.io'), { username: 'me', password: 'explicit' });
    const fallsThrough = registryCredentials({
      provider: 'azure',
      env: {},
      dockerConfig: false,
      githubToken: 'ghs_x',
      githubActor: 'octo',
    });
    assert.deepEqual(
      await fallsThrough('ghcr.io'),
      { username: 'octo', password: 'ghs_x' },
      'the cloud provider has nothing for other registries',
    );
    assert.equal(await fallsThrough('registry.example.com'), undefined);
  });

  it('passes options, environment, endpoints and onSecret to a registered provider', async () => {
    let seen: CloudContext | undefined;
    const reported: string[] = [];
    registerCloudProvider('gcp', (context) => {
      seen = context;
      return {
        name: 'gcp',
        hosts: 'test hosts',
        serves: (r) => r === 'gcr.io',
        credentialFor: async (r) => (r === 'gcr.io' ? { username: 'u', password: 'p' } : undefined),
      };
    });
    try {
      const credentials = registryCredentials({
        provider: 'gcp',
        cloud: { gcp: { workloadIdentityProvider: 'projects/1/locations/global/workloadIdentityPools/p/providers/q' } },
        env: { MARK: '1' },
        endpoints: { 'gcr.io': 'http://127.0.0.1:1' },
        onSecret: (s) => reported.push(s),
        dockerConfig: false,
      });
      assert.deepEqual(await credentials('gcr.io'), { username: 'u', password: 'p' });
      assert.equal(seen?.options.gcp?.workloadIdentityProvider, 'projects/1/locations/global/workloadIdentityPools/p/providers/q');
      assert.equal(seen?.env.MARK, '1');
      assert.deepEqual(seen?.endpoints, { 'gcr.io': 'http://127.0.0.1:1' });
      seen?.onSecret('s3cret');
      assert.deepEqual(reported, ['s3cret']);
      assert.throws(() => assertProviderServes('gcp', 'eu.gcr.io'), /it accepts test hosts/);
    } finally {
      registerCloudProvider('gcp', gcpProvider);
    }
  });

  it('loads the AWS SDK only when provider aws asks ECR for a token', () => {
    // A fresh Node process records every module resolution while @d2ci/core loads and credentials are set up.
    const script = `
      import { registerHooks } from 'node:module';
      const seen = [];
      registerHooks({ resolve(specifier, context, next) { if (specifier.startsWith('@aws-sdk/')) seen.push(specifier); return next(specifier, context); } });
      const core = await import('@d2ci/core');
      core.assertProviderServes('aws', '123456789012.dkr.ecr.eu-west-1.amazonaws.com');
      const credentials = core.registryCredentials({ provider: 'aws', env: {}, dockerConfig: false });
      await credentials('ghcr.io');
      const before = [...seen];
      await credentials('123456789012.dkr.ecr.eu-west-1.amazonaws.com').catch(() => undefined);
      console.log(JSON.stringify({ before, after: seen }));
    `;
    // Nothing for the SDK's chain to find, and instance metadata switched off: the ECR call fails after loading it.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...env,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_CONFIG_FILE: join(root, 'none'),
        AWS_SHARED_CREDENTIALS_FILE: join(root, 'none'),
      },
    });
    assert.equal(child.status, 0, child.stderr);
    const { before, after } = JSON.parse(child.stdout) as { before: string[]; after: string[] };
    assert.deepEqual(before, [], 'no @aws-sdk module is resolved at start-up or for other registries');
    assert.ok(after.includes('@aws-sdk/credential-provider-node'), 'the hook does see SDK imports: the chain loads for ECR');
  });

  it('tells what a cloud identity needs when the registry refuses it', () => {
    const denied = new OciError(
      'DENIED',
      'push manifest 123456789012.dkr.ecr.eu-west-1.amazonaws.com/fleet/apps:latest: 403 DENIED: not authorized',
      { status: 403 },
    );
    const context = {
      registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      repository: 'fleet/apps',
      hasCredentials: true,
      vocabulary: 'action' as const,
    };
    assert.match(
      (withAuthHint(denied, { ...context, provider: 'aws' }) as Error).message,
      /; the AWS identity needs ecr:BatchCheckLayerAvailability, .*ecr:PutImage and ecr:BatchGetImage on the repository fleet\/apps, which must exist$/,
    );
    assert.match(
      (withAuthHint(denied, { ...context, registry: 'europe-west1-docker.pkg.dev', provider: 'gcp' }) as Error).message,
      /roles\/artifactregistry\.writer on fleet\/apps/,
    );
    assert.match(
      (withAuthHint(denied, { ...context, registry: 'fleet.azurecr.io', provider: 'azure' }) as Error).message,
      /the Azure identity needs the AcrPush role on fleet\.azurecr\.io$/,
    );
    assert.match((withAuthHint(denied, context) as Error).message, /the credentials lack permission/, 'unchanged without a cloud provider');
  });
});
