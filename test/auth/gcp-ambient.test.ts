import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CloudCredentialError, registryCredentials, type RegistryAuthOptions } from '@d2ci/core';
import {
  claimsOf,
  digestInRegistry,
  pushToCloud,
  startGcpStandIn,
  startGitHubOidc,
  startRegistryWithUsers,
  type GcpStandIn,
  type GitHubOidc,
  type UsersRegistry,
} from '../harness/cloud.ts';
import {
  githubActionsCredentialsFile,
  isolatedGcpEnv,
  startGoogleOAuth,
  startMetadataServer,
  type GoogleOAuthStandIn,
  type MetadataServerStandIn,
} from '../harness/cloud-gcp-ambient.ts';
import { makeWorkspace } from '../harness/workspace.ts';

const serviceAccount = 'flux-push@acme-fleet.iam.gserviceaccount.com';
const registryHost = 'europe-west1-docker.pkg.dev';

describe('provider gcp: Application Default Credentials', () => {
  let oidc: GitHubOidc;
  let gcp: GcpStandIn;
  let oauth: GoogleOAuthStandIn;
  let metadata: MetadataServerStandIn;
  let impersonatedRegistry: UsersRegistry;
  let keyRegistry: UsersRegistry;
  let metadataRegistry: UsersRegistry;
  let dir: string;

  before(async () => {
    oidc = await startGitHubOidc();
    gcp = await startGcpStandIn(oidc, { serviceAccounts: [serviceAccount] });
    oauth = await startGoogleOAuth();
    metadata = await startMetadataServer();
    [impersonatedRegistry, keyRegistry, metadataRegistry] = await Promise.all([
      startRegistryWithUsers({ oauth2accesstoken: gcp.accessToken }),
      startRegistryWithUsers({ oauth2accesstoken: oauth.serviceAccountToken }),
      startRegistryWithUsers({ oauth2accesstoken: metadata.accessToken }),
    ]);
    dir = makeWorkspace({ 'gcloud/.keep': '' });
  });
  after(async () => {
    await Promise.all([
      impersonatedRegistry?.stop(),
      keyRegistry?.stop(),
      metadataRegistry?.stop(),
      gcp?.close(),
      oauth?.close(),
      metadata?.close(),
      oidc?.close(),
    ]);
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    gcp.sts.length = 0;
    gcp.iam.length = 0;
    oauth.requests.length = 0;
    metadata.requests.length = 0;
    oidc.audiences.length = 0;
  });

  /** A credentials file in the test folder. */
  const file = (name: string, content: object): string => {
    const path = join(dir, name);
    makeWorkspaceFile(path, JSON.stringify(content, null, 2));
    return path;
  };
  const open = (env: NodeJS.ProcessEnv, options: Partial<RegistryAuthOptions> = {}) => {
    const debug: string[] = [];
    const secrets = new Set<string>();
    const credentials = registryCredentials({
      provider: 'gcp',
      dockerConfig: false,
      env: { ...isolatedGcpEnv(join(dir, 'gcloud')), ...env },
      onSecret: (s) => secrets.add(s),
      onDebug: (line) => debug.push(line),
      ...options,
    });
    return { credentials, debug, secrets };
  };
  const pushed = async (credentials: ReturnType<typeof registryCredentials>, registry: UsersRegistry, token: string): Promise<void> => {
    const { result } = await pushToCloud({
      registry: registryHost,
      endpoint: registry.url,
      credentials,
      repository: 'acme-fleet/flux/apps',
    });
    assert.equal(
      await digestInRegistry(registry.host, 'acme-fleet/flux/apps', 'latest', { username: 'oauth2accesstoken', password: token }),
      result.descriptor.digest,
    );
  };

  it("reads google-github-actions/auth's external_account file (URL source, bearer header, JSON value), impersonates, and pushes", async () => {
    const path = file('gha-creds.json', githubActionsCredentialsFile(oidc, gcp, serviceAccount));
    // The job's OIDC variables are there, but d2ci was given no workload identity provider: the file is used.
    const { credentials, debug, secrets } = open({ ...oidc.env, GOOGLE_APPLICATION_CREDENTIALS: path });
    await pushed(credentials, impersonatedRegistry, gcp.accessToken);
    assert.deepEqual(oidc.audiences, [`https://iam.googleapis.com/${gcp.provider}`], 'the URL source asked for the audience in the file');
    const sts = gcp.sts[0]!;
    assert.equal(sts.audience, `//iam.googleapis.com/${gcp.provider}`);
    assert.equal(sts.subjectTokenType, 'urn:ietf:params:oauth:token-type:jwt');
    assert.equal(sts.subjectToken, oidc.issued.at(-1));
    assert.equal(sts.options, '');
    assert.equal(gcp.iam[0]?.serviceAccount, serviceAccount);
    assert.equal(gcp.iam[0]?.authorization, `Bearer ${gcp.federatedToken}`);
    assert.deepEqual(debug, [`provider gcp: credentials from GOOGLE_APPLICATION_CREDENTIALS (${path}) (external_account)`]);
    for (const token of [oidc.issued.at(-1)!, gcp.federatedToken, gcp.accessToken]) assert.ok(secrets.has(token));
  });

  it('reads file credential sources as text and as JSON with subject_token_field_name', async () => {
    const token = (
      (await (
        await fetch(
          `${oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(`https://iam.googleapis.com/${gcp.provider}`)}`,
          {
            headers: { authorization: `Bearer ${oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
          },
        )
      ).json()) as { value: string }
    ).value;
    makeWorkspaceFile(join(dir, 'token.txt'), `${token}\n`);
    makeWorkspaceFile(join(dir, 'token.json'), JSON.stringify({ id_token: token }));
    const base = { ...(githubActionsCredentialsFile(oidc, gcp) as Record<string, unknown>) };
    for (const source of [
      { file: join(dir, 'token.txt') },
      { file: join(dir, 'token.json'), format: { type: 'json', subject_token_field_name: 'id_token' } },
    ]) {
      gcp.sts.length = 0;
      const path = file('file-source.json', { ...base, credential_source: source });
      const { credentials } = open({ GOOGLE_APPLICATION_CREDENTIALS: path });
      assert.deepEqual(await credentials(registryHost), { username: 'oauth2accesstoken', password: gcp.federatedToken });
      assert.equal(gcp.sts[0]?.subjectToken, token, JSON.stringify(source));
    }
  });

  it("sends a workforce pool's user project as options.userProject, and refuses executable sources", async () => {
    const workforce = await startGcpStandIn(oidc, { provider: 'locations/global/workforcePools/acme/providers/github' });
    try {
      const path = file('workforce.json', {
        ...(githubActionsCredentialsFile(oidc, workforce) as Record<string, unknown>),
        subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
        workforce_pool_user_project: 'acme-fleet',
      });
      const { credentials } = open({ GOOGLE_APPLICATION_CREDENTIALS: path });
      assert.equal((await credentials(registryHost))?.password, workforce.federatedToken);
      assert.deepEqual(JSON.parse(workforce.sts[0]?.options ?? ''), { userProject: 'acme-fleet' });
    } finally {
      await workforce.close();
    }
    const executable = file('executable.json', {
      ...(githubActionsCredentialsFile(oidc, gcp) as Record<string, unknown>),
      credential_source: { executable: { command: '/usr/bin/id-token-helper --audience x', timeout_millis: 5000 } },
    });
    await assert.rejects(open({ GOOGLE_APPLICATION_CREDENTIALS: executable }).credentials(registryHost), (err: Error) => {
      assert.ok(err instanceof CloudCredentialError);
      assert.match(err.message, /credential_source\.executable is not supported by d2ci \(it would run a program named in the file\)/);
      return true;
    });
    assert.equal(gcp.sts.length, 0);
  });

  it('signs a JWT with a service account key, gets a token at token_uri, and pushes', async () => {
    const path = file('key.json', oauth.serviceAccountFile());
    const { credentials, debug, secrets } = open({ GOOGLE_APPLICATION_CREDENTIALS: path });
    await pushed(credentials, keyRegistry, oauth.serviceAccountToken);
    const request = oauth.requests[0]!;
    assert.equal(request.grantType, 'urn:ietf:params:oauth:grant-type:jwt-bearer');
    assert.equal(request.signatureValid, true);
    assert.equal(request.kid, oauth.serviceAccount.keyId);
    assert.equal(request.claims?.iss, oauth.serviceAccount.email);
    assert.equal(request.claims?.aud, oauth.tokenUrl);
    assert.equal(request.claims?.scope, 'https://www.googleapis.com/auth/cloud-platform');
    assert.deepEqual(debug, [`provider gcp: credentials from GOOGLE_APPLICATION_CREDENTIALS (${path}) (service_account)`]);
    assert.ok(secrets.has(oauth.serviceAccountToken));
    assert.ok(
      [...secrets].some((s) => claimsOf(s).iss === oauth.serviceAccount.email),
      'the signed assertion reaches onSecret',
    );
  });

  it("uses gcloud's well-known file (CLOUDSDK_CONFIG): user credentials, and impersonated_service_account over them", async () => {
    const gcloud = join(dir, 'gcloud-user');
    makeWorkspaceFile(join(gcloud, 'application_default_credentials.json'), JSON.stringify(oauth.authorizedUserFile()));
    const user = open({ CLOUDSDK_CONFIG: gcloud });
    assert.equal((await user.credentials(registryHost))?.password, oauth.userToken);
    assert.equal(oauth.requests[0]?.grantType, 'refresh_token');
    assert.equal(oauth.requests[0]?.refreshToken, oauth.user.refreshToken);
    assert.deepEqual(user.debug, [
      `provider gcp: credentials from gcloud's application default credentials (${join(gcloud, 'application_default_credentials.json')}) (authorized_user)`,
    ]);
    assert.ok(user.secrets.has(oauth.user.refreshToken) && user.secrets.has(oauth.userToken));

    // `gcloud auth application-default login --impersonate-service-account`.
    gcp.sourceTokens.add(oauth.userToken);
    makeWorkspaceFile(
      join(gcloud, 'application_default_credentials.json'),
      JSON.stringify({
        type: 'impersonated_service_account',
        service_account_impersonation_url: `${gcp.url}/v1/projects/-/serviceAccounts/${serviceAccount}:generateAccessToken`,
        source_credentials: oauth.authorizedUserFile(),
        delegates: [],
      }),
    );
    const impersonated = open({ CLOUDSDK_CONFIG: gcloud });
    assert.equal((await impersonated.credentials(registryHost))?.password, gcp.accessToken);
    assert.equal(gcp.iam[0]?.authorization, `Bearer ${oauth.userToken}`);
  });

  it('asks the metadata server (GCE_METADATA_HOST) when there is no file, and pushes', async () => {
    const { credentials, debug, secrets } = open({ GCE_METADATA_HOST: metadata.host });
    await pushed(credentials, metadataRegistry, metadata.accessToken);
    assert.deepEqual(metadata.requests, [{ path: '/computeMetadata/v1/instance/service-accounts/default/token', flavor: 'Google' }]);
    assert.deepEqual(debug, [`provider gcp: credentials from the GCE/GKE metadata server (${metadata.host})`]);
    assert.ok(secrets.has(metadata.accessToken));
  });

  it('impersonates gcp-service-account with an ambient token too', async () => {
    gcp.sourceTokens.add(metadata.accessToken);
    const { credentials } = open({ ...gcp.env, GCE_METADATA_HOST: metadata.host }, { cloud: { gcp: { serviceAccount } } });
    assert.equal((await credentials(registryHost))?.password, gcp.accessToken);
    assert.equal(gcp.iam[0]?.authorization, `Bearer ${metadata.accessToken}`);
  });

  it("puts the workload identity provider and the job's OIDC token first, and falls back to ADC without a token", async () => {
    const path = file('key-precedence.json', oauth.serviceAccountFile());
    const wif = { cloud: { gcp: { workloadIdentityProvider: gcp.provider } } };
    const withToken = open({ ...oidc.env, ...gcp.env, GOOGLE_APPLICATION_CREDENTIALS: path }, wif);
    assert.equal((await withToken.credentials(registryHost))?.password, gcp.federatedToken);
    assert.equal(oauth.requests.length, 0, 'the key file is not used');
    assert.deepEqual(withToken.debug, [`provider gcp: credentials from the job's OIDC token (workload identity provider ${gcp.provider})`]);

    const noToken = open({ ...gcp.env, GOOGLE_APPLICATION_CREDENTIALS: path }, wif);
    assert.equal((await noToken.credentials(registryHost))?.password, oauth.serviceAccountToken);
    assert.equal(gcp.sts.length, 1);
  });

  it('lists what it tried and the fix when nothing gives credentials', async () => {
    const { credentials } = open({}, { cloud: { gcp: { workloadIdentityProvider: gcp.provider } } });
    await assert.rejects(credentials(registryHost), (err: Error) => {
      assert.ok(err instanceof CloudCredentialError);
      assert.equal(
        err.message,
        `provider gcp found no credentials; tried: (1) the job's OIDC token for ${gcp.provider}: no OIDC token available to this job (\`permissions: id-token: write\` gives one); (2) GOOGLE_APPLICATION_CREDENTIALS: not set; (3) gcloud's application default credentials: no ${join(dir, 'gcloud', 'application_default_credentials.json')}; (4) the GCE/GKE metadata server at 127.0.0.1:2: ECONNREFUSED. Fix: give the workload identity provider with \`permissions: id-token: write\`, or run google-github-actions/auth before this step (it sets GOOGLE_APPLICATION_CREDENTIALS), or run on Google Cloud with a service account attached`,
      );
      return true;
    });
    await assert.rejects(
      open({ GOOGLE_APPLICATION_CREDENTIALS: join(dir, 'missing.json') }).credentials(registryHost),
      /^CloudCredentialError: GOOGLE_APPLICATION_CREDENTIALS \(.*missing\.json\) cannot be read: ENOENT/,
    );
  });
});

function makeWorkspaceFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
