import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CloudCredentialError, OciError, parseEcrRegistry, registryCredentials, tagArtifact, type RegistryAuthOptions } from '@d2ci/core';
import {
  digestInRegistry,
  pushToCloud,
  startAwsStandIn,
  startGitHubOidc,
  startImmutableFront,
  startRegistryWithUsers,
  type AwsStandIn,
  type GitHubOidc,
  type UsersRegistry,
} from '../harness/cloud.ts';

const ecrHost = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
const roleArn = 'arn:aws:iam::123456789012:role/d2ci-push';

describe('provider aws: ECR through GitHub OIDC and STS', () => {
  let oidc: GitHubOidc;
  let aws: AwsStandIn;
  let registry: UsersRegistry;
  let publicRegistry: UsersRegistry;

  before(async () => {
    oidc = await startGitHubOidc();
    aws = await startAwsStandIn(oidc, { roles: [roleArn] });
    [registry, publicRegistry] = await Promise.all([
      startRegistryWithUsers({ AWS: aws.ecrPassword }),
      startRegistryWithUsers({ AWS: aws.ecrPublicPassword }),
    ]);
  });
  after(async () => {
    await Promise.all([registry?.stop(), publicRegistry?.stop(), aws?.close(), oidc?.close()]);
  });
  beforeEach(() => {
    aws.sts.length = 0;
    aws.ecr.length = 0;
    oidc.audiences.length = 0;
    aws.stsLifetime = 3600;
    aws.ecrLifetime = 12 * 3600;
    aws.denyEcr = false;
  });

  /** A job with `permissions: id-token: write` whose SDK endpoints point at the stand-in. */
  const jobEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ ...oidc.env, ...aws.env, GITHUB_RUN_ID: '4242', ...extra });
  const credentialsFor = (options: Partial<RegistryAuthOptions>, secrets?: Set<string>): ReturnType<typeof registryCredentials> =>
    registryCredentials({ provider: 'aws', dockerConfig: false, env: jobEnv(), onSecret: (s) => secrets?.add(s), ...options });

  it('assumes the role with the job token, gets an ECR token signed with the assumed keys, and pushes with AWS:<password>', async () => {
    const secrets = new Set<string>();
    const credentials = credentialsFor({ cloud: { aws: { roleArn } } }, secrets);
    const { result } = await pushToCloud({
      registry: ecrHost,
      endpoint: registry.url,
      credentials,
      repository: 'fleet/apps',
      tags: ['1.0.0', 'latest'],
      onSecret: (s) => secrets.add(s),
    });

    assert.deepEqual(oidc.audiences, ['sts.amazonaws.com']);
    assert.equal(aws.sts.length, 1);
    const sts = aws.sts[0]!;
    assert.equal(sts.action, 'AssumeRoleWithWebIdentity');
    assert.equal(sts.roleArn, roleArn);
    assert.equal(sts.roleSessionName, 'd2ci-4242');
    assert.equal(sts.durationSeconds, '3600');
    assert.equal(sts.webIdentityToken, oidc.issued.at(-1));
    assert.equal(sts.tokenAudience, 'sts.amazonaws.com');
    assert.equal(sts.path, '/sts/', 'AWS_ENDPOINT_URL_STS is honoured');

    assert.equal(aws.ecr.length, 1, 'one ECR token for the whole push');
    const ecr = aws.ecr[0]!;
    const [keyId, key] = [...aws.issuedKeys].at(-1)!;
    assert.equal(ecr.api, 'ecr');
    assert.equal(ecr.target, 'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken');
    assert.match(ecr.authorization, new RegExp(`^AWS4-HMAC-SHA256 Credential=${keyId}/\\d{8}/eu-west-1/ecr/aws4_request, SignedHeaders=`));
    assert.equal(ecr.signatureValid, true, 'SigV4 signature checks out with the assumed secret key');
    assert.equal(ecr.securityToken, key.sessionToken);

    assert.equal(
      await digestInRegistry(registry.host, 'fleet/apps', 'latest', { username: 'AWS', password: aws.ecrPassword }),
      result.descriptor.digest,
    );
    assert.equal(
      await digestInRegistry(registry.host, 'fleet/apps', '1.0.0', { username: 'AWS', password: aws.ecrPassword }),
      result.descriptor.digest,
    );

    for (const [what, value] of Object.entries({
      'OIDC token': sts.webIdentityToken,
      'secret access key': key.secretAccessKey,
      'session token': key.sessionToken ?? '',
      'ECR authorization token': Buffer.from(`AWS:${aws.ecrPassword}`).toString('base64'),
      'ECR password': aws.ecrPassword,
    })) {
      assert.ok(secrets.has(value), `${what} reaches onSecret`);
    }
  });

  it('uses ECR Public in us-east-1 for public.ecr.aws', async () => {
    const secrets = new Set<string>();
    const credentials = credentialsFor({ cloud: { aws: { roleArn } } }, secrets);
    const { result } = await pushToCloud({
      registry: 'public.ecr.aws',
      endpoint: publicRegistry.url,
      credentials,
      repository: 'acme/fleet',
    });
    const ecr = aws.ecr[0]!;
    assert.equal(ecr.api, 'ecr-public');
    assert.equal(ecr.target, 'SpencerFrontendService.GetAuthorizationToken');
    assert.equal(ecr.path, '/ecr-public/', 'AWS_ENDPOINT_URL_ECR_PUBLIC is honoured');
    assert.equal(ecr.region, 'us-east-1');
    assert.equal(ecr.service, 'ecr-public');
    assert.equal(ecr.signatureValid, true);
    assert.equal(
      await digestInRegistry(publicRegistry.host, 'acme/fleet', 'latest', { username: 'AWS', password: aws.ecrPublicPassword }),
      result.descriptor.digest,
    );
    assert.ok(secrets.has(aws.ecrPublicPassword));
  });

  it('caches the assumed keys and the ECR token for their lifetime, and fetches them again when they expire', async () => {
    const credentials = credentialsFor({ cloud: { aws: { roleArn } } });
    await pushToCloud({ registry: ecrHost, endpoint: registry.url, credentials });
    await pushToCloud({ registry: ecrHost, endpoint: registry.url, credentials });
    assert.deepEqual(await credentials(ecrHost), { username: 'AWS', password: aws.ecrPassword });
    assert.equal(aws.sts.length, 1, 'two pushes with separate clients share one STS call');
    assert.equal(aws.ecr.length, 1, '… and one ECR token');

    // ECR tokens that expire within minutes are fetched again; the keys are still good.
    aws.ecrLifetime = 60;
    const shortEcr = credentialsFor({ cloud: { aws: { roleArn } } });
    await shortEcr(ecrHost);
    await shortEcr(ecrHost);
    assert.equal(aws.sts.length, 2);
    assert.equal(aws.ecr.length, 3);

    // Keys about to expire are assumed again.
    aws.stsLifetime = 60;
    const shortKeys = credentialsFor({ cloud: { aws: { roleArn } } });
    await shortKeys(ecrHost);
    await shortKeys(ecrHost);
    assert.equal(aws.sts.length, 4);
    assert.equal(aws.ecr.length, 5);
    assert.equal(oidc.audiences.length, 4, 'a fresh OIDC token for every assume');
  });

  it('says in one line what STS refused, naming the role and the trust policy', async () => {
    const credentials = credentialsFor({ cloud: { aws: { roleArn: 'arn:aws:iam::123456789012:role/not-trusted' } } });
    await assert.rejects(pushToCloud({ registry: ecrHost, endpoint: registry.url, credentials }), (err: Error) => {
      assert.ok(err instanceof CloudCredentialError);
      assert.match(
        err.message,
        /^AWS STS AssumeRoleWithWebIdentity for arn:aws:iam::123456789012:role\/not-trusted failed: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity \(HTTP 403\); the role's trust policy must allow/,
      );
      assert.doesNotMatch(err.message, /\n/);
      return true;
    });
    const wrongAudience = credentialsFor({ cloud: { aws: { roleArn, audience: 'https://example.com' } } });
    await assert.rejects(
      wrongAudience(ecrHost),
      /AWS STS AssumeRoleWithWebIdentity .* failed: InvalidIdentityTokenException: Incorrect token audience .*audience https:\/\/example\.com/,
    );
    assert.equal(aws.ecr.length, 0);
  });

  it('says when ECR refuses the token request, naming the permission', async () => {
    aws.denyEcr = true;
    const credentials = credentialsFor({ cloud: { aws: { roleArn } } });
    await assert.rejects(credentials(ecrHost), (err: Error) => {
      assert.match(
        err.message,
        /^ECR GetAuthorizationToken in eu-west-1 for 123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com failed: AccessDeniedException: .*; the AWS identity needs ecr:GetAuthorizationToken$/,
      );
      assert.doesNotMatch(err.message, /\n/);
      return true;
    });
  });

  it('says when the OIDC token service fails, rather than falling back', async () => {
    // A job that has the token variables but whose token service refuses: an error, not the ambient chain.
    const broken = credentialsFor({
      env: { ...aws.env, ACTIONS_ID_TOKEN_REQUEST_URL: `${oidc.url}/token`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'wrong' },
      cloud: { aws: { roleArn } },
    });
    await assert.rejects(
      broken(ecrHost),
      (err: Error) =>
        err instanceof CloudCredentialError &&
        /^provider aws \(to assume arn:aws:iam::123456789012:role\/d2ci-push\) needs the job's OIDC token: could not get an OIDC token for audience sts\.amazonaws\.com \(HTTP 401\)$/.test(
          err.message,
        ),
    );
    assert.equal(aws.sts.length, 0);
  });

  it('has no credentials for registries that are not ECR, so GITHUB_TOKEN still serves ghcr.io', async () => {
    const credentials = registryCredentials({
      provider: 'aws',
      cloud: { aws: { roleArn } },
      env: jobEnv(),
      dockerConfig: false,
      githubToken: 'ghs_token',
      githubActor: 'octocat',
    });
    assert.deepEqual(await credentials('ghcr.io'), { username: 'octocat', password: 'ghs_token' });
    assert.equal(aws.sts.length, 0);
  });

  it('recognises ECR hosts (Flux 2.6 / docker/login-action pattern) and ECR Public', () => {
    assert.deepEqual(parseEcrRegistry('123456789012.dkr.ecr.eu-west-1.amazonaws.com'), {
      kind: 'private',
      account: '123456789012',
      region: 'eu-west-1',
    });
    assert.deepEqual(parseEcrRegistry('123456789012.dkr-ecr.us-gov-west-1.on.aws'), {
      kind: 'private',
      account: '123456789012',
      region: 'us-gov-west-1',
    });
    assert.deepEqual(parseEcrRegistry('123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn'), {
      kind: 'private',
      account: '123456789012',
      region: 'cn-north-1',
    });
    assert.deepEqual(parseEcrRegistry('123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu'), {
      kind: 'private',
      account: '123456789012',
      region: 'eusc-de-east-1',
    });
    assert.deepEqual(
      parseEcrRegistry('123456789012.dkr.ecr.eu-west-1.amazonaws.com:443'),
      { kind: 'private', account: '123456789012', region: 'eu-west-1' },
      'the port is ignored',
    );
    assert.deepEqual(parseEcrRegistry('public.ecr.aws'), { kind: 'public', region: 'us-east-1' });
    assert.deepEqual(parseEcrRegistry('ecr-public.aws.com'), { kind: 'public', region: 'us-east-1' });
    for (const host of [
      '12345678901.dkr.ecr.eu-west-1.amazonaws.com',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com.evil.io',
      'ghcr.io',
      'ecr.aws',
      '123456789012.dkr.ecr..amazonaws.com',
    ]) {
      assert.equal(parseEcrRegistry(host), undefined, host);
    }
  });
});

describe('provider aws: immutable tags', () => {
  let oidc: GitHubOidc;
  let aws: AwsStandIn;
  let registry: UsersRegistry;

  before(async () => {
    oidc = await startGitHubOidc();
    aws = await startAwsStandIn(oidc, { roles: [roleArn] });
    registry = await startRegistryWithUsers({ AWS: aws.ecrPassword });
  });
  after(async () => {
    await Promise.all([registry?.stop(), aws?.close(), oidc?.close()]);
  });

  it('sends no write when a tag already points at the digest, and explains a refused move of an immutable tag', async () => {
    const front = await startImmutableFront(registry.url);
    try {
      const credentials = registryCredentials({
        provider: 'aws',
        cloud: { aws: { roleArn } },
        env: { ...oidc.env, ...aws.env },
        dockerConfig: false,
      });
      const first = await pushToCloud({
        registry: ecrHost,
        endpoint: front.url,
        credentials,
        repository: 'fleet/immutable',
        tags: ['1.0.0', 'latest'],
      });
      assert.deepEqual(
        first.result.tags.map((t) => t.changed),
        [true, true],
      );

      // Re-tagging to where the tags already point: only lookups, no PUT (ECR would refuse even a same-digest PUT).
      front.manifestPuts.length = 0;
      const again = await tagArtifact(first.target, '1.0.0', ['1.0.0', 'latest']);
      assert.deepEqual(again.tags, [
        { tag: '1.0.0', changed: false },
        { tag: 'latest', changed: false },
      ]);
      assert.equal(front.manifestPuts.length, 0, `no manifest PUT: ${JSON.stringify(front.manifestPuts)}`);

      // Moving latest to new content: ECR's TAG_INVALID becomes an error that names the tag and the fix.
      const error = await pushToCloud({
        registry: ecrHost,
        endpoint: front.url,
        credentials,
        repository: 'fleet/immutable',
        tags: ['1.0.1', 'latest'],
      }).then(
        () => undefined,
        (err: unknown) => err,
      );
      assert.ok(error instanceof OciError, String(error));
      assert.equal(error.code, 'TAG_INVALID');
      assert.match(
        error.message,
        /^tag "latest" of 123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/fleet\/immutable is immutable in the registry/,
      );
      assert.match(error.message, /IMMUTABLE_WITH_EXCLUSION with an exclusion filter for "latest"/);
      assert.match(error.message, /don't move "latest"/);
      assert.doesNotMatch(error.message, /\n/);
      assert.ok(front.manifestPuts.some((put) => put.reference === 'latest' && put.rejected));

      // IMMUTABLE_WITH_EXCLUSION for latest: versions stay immutable, latest moves.
      front.exclusions.add('latest');
      const second = await pushToCloud({
        registry: ecrHost,
        endpoint: front.url,
        credentials,
        repository: 'fleet/immutable',
        tags: ['1.0.2', 'latest'],
      });
      assert.equal(
        await digestInRegistry(registry.host, 'fleet/immutable', 'latest', { username: 'AWS', password: aws.ecrPassword }),
        second.result.descriptor.digest,
      );
      assert.equal(
        await digestInRegistry(registry.host, 'fleet/immutable', '1.0.0', { username: 'AWS', password: aws.ecrPassword }),
        first.result.descriptor.digest,
      );
    } finally {
      await front.close();
    }
  });
});
