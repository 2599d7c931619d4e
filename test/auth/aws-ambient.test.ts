import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CloudCredentialError, registryCredentials, type RegistryAuthOptions } from '@d2ci/core';
import {
  digestInRegistry,
  pushToCloud,
  startAwsStandIn,
  startGitHubOidc,
  startRegistryWithUsers,
  type AwsStandIn,
  type GitHubOidc,
  type UsersRegistry,
} from '../harness/cloud.ts';
import {
  isolatedAwsEnv,
  startContainerCredentials,
  startImdsStandIn,
  withProcessEnv,
  type ContainerCredentialsStandIn,
  type ImdsStandIn,
} from '../harness/cloud-aws-ambient.ts';
import { makeWorkspace } from '../harness/workspace.ts';

const ecrHost = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
const roleArn = 'arn:aws:iam::123456789012:role/d2ci-push';
const profileRole = 'arn:aws:iam::123456789012:role/d2ci-profile';

// The AWS SDK's default chain reads process.env, as in the action and the CLI: each test sets the variables it
// means, on top of an environment where nothing else could be found (and instance metadata is a closed port).
describe('provider aws: ambient credentials (the AWS SDK default chain)', () => {
  let oidc: GitHubOidc;
  let aws: AwsStandIn;
  let registry: UsersRegistry;
  let imds: ImdsStandIn;
  let container: ContainerCredentialsStandIn;
  let home: string;

  before(async () => {
    oidc = await startGitHubOidc();
    aws = await startAwsStandIn(oidc, { roles: [roleArn, profileRole] });
    registry = await startRegistryWithUsers({ AWS: aws.ecrPassword });
    imds = await startImdsStandIn(aws);
    container = await startContainerCredentials(aws);
    home = makeWorkspace({});
  });
  after(async () => {
    await Promise.all([registry?.stop(), aws?.close(), oidc?.close(), imds?.close(), container?.close()]);
    rmSync(home, { recursive: true, force: true });
  });
  beforeEach(() => {
    aws.sts.length = 0;
    aws.ecr.length = 0;
    oidc.audiences.length = 0;
  });

  const ambient = (vars: Record<string, string | undefined>): Record<string, string | undefined> => ({
    ...isolatedAwsEnv(home),
    ...aws.env,
    AWS_REGION: 'eu-west-1',
    ...vars,
  });
  /** Credentials as the action opens them: process.env, with the debug lines and secrets collected. */
  const open = (options: Partial<RegistryAuthOptions> = {}) => {
    const debug: string[] = [];
    const secrets = new Set<string>();
    const credentials = registryCredentials({
      provider: 'aws',
      dockerConfig: false,
      onSecret: (s) => secrets.add(s),
      onDebug: (line) => debug.push(line),
      ...options,
    });
    return { credentials, debug, secrets };
  };
  const pushed = async (credentials: ReturnType<typeof registryCredentials>): Promise<void> => {
    const { result } = await pushToCloud({ registry: ecrHost, endpoint: registry.url, credentials });
    assert.equal(
      await digestInRegistry(registry.host, 'fleet/apps', 'latest', { username: 'AWS', password: aws.ecrPassword }),
      result.descriptor.digest,
    );
  };

  it('reads a profile of the shared credentials file (AWS_PROFILE) and pushes through ECR with its keys', async () => {
    const accessKeyId = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;
    const secretAccessKey = `profile-${randomBytes(20).toString('hex')}`;
    aws.staticKeys.set(accessKeyId, { secretAccessKey });
    const dir = makeWorkspace({
      '.aws/credentials': `[default]\naws_access_key_id = AKIAWRONGWRONGWRONG0\naws_secret_access_key = wrong\n\n[ci]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n`,
    });
    try {
      await withProcessEnv(
        ambient({ AWS_PROFILE: 'ci', AWS_SHARED_CREDENTIALS_FILE: join(dir, '.aws/credentials'), AWS_CONFIG_FILE: join(dir, 'none') }),
        async () => {
          const { credentials, debug, secrets } = open();
          await pushed(credentials);
          assert.equal(aws.ecr[0]?.keyId, accessKeyId);
          assert.equal(aws.ecr[0]?.signatureValid, true);
          assert.equal(aws.sts.length, 0);
          assert.deepEqual(oidc.audiences, []);
          assert.deepEqual(debug, ['provider aws: credentials from the shared credentials/config file profile (AWS_PROFILE ci)']);
          assert.ok(secrets.has(secretAccessKey), 'the profile secret reaches onSecret');
        },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('assumes the role of an assume-role profile (role_arn + source_profile) with STS AssumeRole, then pushes', async () => {
    const accessKeyId = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;
    const secretAccessKey = `source-${randomBytes(20).toString('hex')}`;
    aws.staticKeys.set(accessKeyId, { secretAccessKey });
    const dir = makeWorkspace({
      '.aws/credentials': `[source]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n`,
      '.aws/config': `[profile deploy]\nrole_arn = ${profileRole}\nsource_profile = source\nregion = eu-west-1\n`,
    });
    try {
      await withProcessEnv(
        ambient({
          AWS_PROFILE: 'deploy',
          AWS_SHARED_CREDENTIALS_FILE: join(dir, '.aws/credentials'),
          AWS_CONFIG_FILE: join(dir, '.aws/config'),
        }),
        async () => {
          const { credentials, debug, secrets } = open();
          await pushed(credentials);
          assert.equal(aws.sts.length, 1);
          assert.equal(aws.sts[0]?.action, 'AssumeRole');
          assert.equal(aws.sts[0]?.roleArn, profileRole);
          assert.equal(aws.sts[0]?.signedBy, accessKeyId, 'signed with the source profile keys');
          const [assumedKey, assumed] = [...aws.issuedKeys].at(-1)!;
          assert.equal(aws.ecr[0]?.keyId, assumedKey, 'ECR is called with the assumed keys');
          assert.equal(aws.ecr[0]?.securityToken, assumed.sessionToken);
          assert.match(
            debug.join('\n'),
            /^provider aws: credentials from an assume-role profile \(source_profile\) \(AWS_PROFILE deploy\)$/,
          );
          assert.ok(secrets.has(assumed.secretAccessKey) && secrets.has(assumed.sessionToken ?? ''));
        },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gets keys from the container credentials endpoint with the EKS Pod Identity token file, then pushes', async () => {
    const dir = makeWorkspace({ 'eks-pod-identity-token': container.authorizationToken });
    try {
      await withProcessEnv(
        ambient({
          AWS_CONTAINER_CREDENTIALS_FULL_URI: container.url,
          AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: join(dir, 'eks-pod-identity-token'),
        }),
        async () => {
          const { credentials, debug, secrets } = open();
          await pushed(credentials);
          assert.equal(container.requests.at(-1)?.authorization, container.authorizationToken);
          const keys = container.issued.at(-1)!;
          assert.equal(aws.ecr[0]?.keyId, keys.accessKeyId);
          assert.equal(aws.ecr[0]?.securityToken, keys.sessionToken);
          assert.equal(aws.ecr[0]?.signatureValid, true);
          assert.deepEqual(debug, ['provider aws: credentials from the container credentials endpoint (ECS/EKS Pod Identity)']);
          assert.ok(secrets.has(keys.secretAccessKey) && secrets.has(keys.sessionToken));
        },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gets the instance role keys from IMDSv2 (session token first), then pushes', async () => {
    await withProcessEnv(ambient({ AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url }), async () => {
      imds.requests.length = 0;
      const { credentials, debug, secrets } = open();
      await pushed(credentials);
      assert.deepEqual(imds.requests[0], { method: 'PUT', path: '/latest/api/token', token: false });
      assert.ok(imds.requests.length >= 3);
      for (const request of imds.requests.slice(1)) assert.equal(request.token, true, `${request.path} carries the IMDSv2 token`);
      assert.ok(imds.requests.some((r) => r.path === `/latest/meta-data/iam/security-credentials/${imds.role}`));
      const keys = imds.issued.at(-1)!;
      assert.equal(aws.ecr[0]?.keyId, keys.accessKeyId);
      assert.equal(aws.ecr[0]?.signatureValid, true);
      assert.deepEqual(debug, ['provider aws: credentials from EC2 instance metadata (IMDS)']);
      assert.ok(secrets.has(keys.secretAccessKey) && secrets.has(keys.sessionToken));
    });
  });

  it('uses AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (aws-actions/configure-aws-credentials) without any OIDC token', async () => {
    const accessKeyId = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;
    const secretAccessKey = `static-${randomBytes(20).toString('hex')}`;
    aws.staticKeys.set(accessKeyId, { secretAccessKey });
    await withProcessEnv(ambient({ AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey }), async () => {
      const { credentials, debug, secrets } = open({ env: {} });
      await pushed(credentials);
      assert.equal(aws.ecr[0]?.keyId, accessKeyId);
      assert.equal(aws.ecr[0]?.securityToken, undefined);
      assert.deepEqual(debug, ['provider aws: credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY']);
      assert.ok(secrets.has(secretAccessKey));
    });
  });

  it('assumes AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE when no role is given', async () => {
    const token = (
      (await (
        await fetch(`${oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sts.amazonaws.com`, {
          headers: { authorization: `Bearer ${oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
        })
      ).json()) as { value: string }
    ).value;
    const dir = makeWorkspace({ token });
    try {
      await withProcessEnv(ambient({ AWS_ROLE_ARN: roleArn, AWS_WEB_IDENTITY_TOKEN_FILE: join(dir, 'token') }), async () => {
        const { credentials, debug } = open({ env: {} });
        assert.equal((await credentials(ecrHost))?.password, aws.ecrPassword);
        assert.equal(aws.sts[0]?.action, 'AssumeRoleWithWebIdentity');
        assert.equal(aws.sts[0]?.webIdentityToken, token);
        assert.deepEqual(debug, ['provider aws: credentials from AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN']);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("puts the role and the job's OIDC token before keys in the environment, and falls back to them without a token", async () => {
    const accessKeyId = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;
    const secretAccessKey = `static-${randomBytes(20).toString('hex')}`;
    aws.staticKeys.set(accessKeyId, { secretAccessKey });
    await withProcessEnv(ambient({ AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey }), async () => {
      const withToken = open({ env: { ...oidc.env }, cloud: { aws: { roleArn } } });
      await pushed(withToken.credentials);
      assert.deepEqual(oidc.audiences, ['sts.amazonaws.com']);
      assert.equal(aws.sts[0]?.action, 'AssumeRoleWithWebIdentity');
      assert.notEqual(aws.ecr[0]?.keyId, accessKeyId, 'the assumed keys, not the environment keys');
      assert.equal(aws.ecr[0]?.keyId, [...aws.issuedKeys.keys()].at(-1));
      assert.deepEqual(withToken.debug, [`provider aws: credentials from the job's OIDC token (AssumeRoleWithWebIdentity for ${roleArn})`]);

      // The same inputs in a job without `id-token: write`: the environment keys.
      aws.ecr.length = 0;
      const noToken = open({ env: {}, cloud: { aws: { roleArn } } });
      await noToken.credentials(ecrHost);
      assert.equal(aws.ecr[0]?.keyId, accessKeyId);
      assert.deepEqual(noToken.debug, ['provider aws: credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY']);
    });
  });

  it('lists what it tried and the fix when nothing gives credentials', async () => {
    await withProcessEnv(ambient({}), async () => {
      const { credentials } = open({ env: {}, cloud: { aws: { roleArn } } });
      await assert.rejects(credentials(ecrHost), (err: Error) => {
        assert.ok(err instanceof CloudCredentialError);
        assert.match(
          err.message,
          /^provider aws found no credentials; tried: \(1\) the job's OIDC token for arn:aws:iam::123456789012:role\/d2ci-push: no OIDC token available to this job \(`permissions: id-token: write` gives one\); \(2\) the AWS SDK's default chain \(AWS_ACCESS_KEY_ID\/AWS_SECRET_ACCESS_KEY, .*EC2 instance metadata IMDSv2\): .+\. Fix: give the IAM role to assume with the job's OIDC token \(with `permissions: id-token: write`\), or run aws-actions\/configure-aws-credentials/,
        );
        assert.doesNotMatch(err.message, /\n/);
        return true;
      });
      const noRole = open({ env: {} });
      await assert.rejects(
        noRole.credentials(ecrHost),
        /tried: \(1\) the job's OIDC token: no IAM role to assume was given; \(2\) the AWS SDK's default chain/,
      );
      assert.equal(aws.ecr.length, 0);
    });
  });
});
