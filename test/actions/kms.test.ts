import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startKmsStandIn, type KmsStandIn } from '../harness/kms.ts';
import { runAction, type ActionRun } from '../harness/action.ts';
import { startAwsStandIn, startGitHubOidc } from '../harness/cloud.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';

function ok(run: ActionRun): void {
  assert.equal(run.code, 0, `action failed:\n${run.stdout}\n${run.stderr}`);
}

describe('push-artifact signs with a KMS or Vault key and verify-artifact verifies with it, as GitHub runs them', () => {
  let registry: LocalRegistry;
  let kms: KmsStandIn;
  let workspace: string;
  before(async () => {
    [registry, kms] = await Promise.all([startRegistry('none'), startKmsStandIn()]);
    workspace = makeWorkspace(componentFiles);
  });
  after(() => Promise.all([registry.stop(), kms.close()]));

  it('hashivault://: signs both formats through Vault transit, masks VAULT_TOKEN, verifies with the URI and the PEM', async () => {
    const env: Record<string, string> = { GITHUB_WORKSPACE: workspace, ...kms.env('vault', workspace) };
    const repository = `${registry.host}/acme/apps/vault`;
    const pushed = await runAction(
      'push-artifact',
      { repository, path: 'components/frontend', 'diff-tag': 'latest', 'signature-format': 'both', 'signing-key': kms.uris.vault },
      env,
    );
    ok(pushed);
    assert.ok(kms.calls.some((call) => call.service === 'vault' && call.operation === 'sign' && call.authorized));
    assert.ok(pushed.masked.includes(env.VAULT_TOKEN ?? ''), 'VAULT_TOKEN is masked');
    assert.ok(!pushed.visible.includes(env.VAULT_TOKEN ?? ''));
    assert.equal(pushed.outputs['rekor-log-index'], '');
    const digest = pushed.outputs.digest ?? '';
    for (const key of [kms.uris.vault, kms.publicKeyPem]) {
      const verified = await runAction('verify-artifact', { repository, ref: digest, key }, env);
      ok(verified);
      assert.equal(verified.outputs.digest, digest);
    }
  });

  it('awskms://: signs with SigV4-signed KMS calls and credentials from the environment; verify-artifact fetches the key', async () => {
    const env: Record<string, string> = { GITHUB_WORKSPACE: workspace, ...kms.env('aws', workspace) };
    const repository = `${registry.host}/acme/apps/aws`;
    const before = kms.calls.length;
    const pushed = await runAction(
      'push-artifact',
      { repository, path: 'components/frontend', 'diff-tag': 'latest', 'signature-format': 'both', 'signing-key': kms.uris.aws },
      env,
    );
    ok(pushed);
    const calls = kms.calls.slice(before);
    assert.deepEqual(
      calls.map((call) => `${call.operation} ${call.authorized}`),
      // One public key fetch; one Sign per format (the legacy .sig and the bundle).
      ['TrentService.GetPublicKey true', 'TrentService.Sign true', 'TrentService.Sign true'],
    );
    assert.ok(pushed.masked.includes(env.AWS_SECRET_ACCESS_KEY ?? ''), 'the AWS secret key is masked');
    const verified = await runAction('verify-artifact', { repository, ref: 'latest', key: kms.uris.aws }, env);
    ok(verified);
    assert.equal(verified.outputs.digest, pushed.outputs.digest);
  });

  it("awskms:// with aws-role-arn: the job's OIDC token becomes STS keys, and those sign the KMS calls", async () => {
    const roleArn = 'arn:aws:iam::111122223333:role/d2-signer';
    const oidc = await startGitHubOidc();
    const sts = await startAwsStandIn(oidc, { roles: [roleArn] });
    kms.awsSecrets = (id) => sts.issuedKeys.get(id)?.secretAccessKey;
    try {
      const { AWS_ENDPOINT_URL_KMS, AWS_REGION } = kms.env('aws', workspace);
      const env = {
        GITHUB_WORKSPACE: workspace,
        ...oidc.env,
        AWS_ENDPOINT_URL_STS: sts.env.AWS_ENDPOINT_URL_STS,
        AWS_ENDPOINT_URL_KMS,
        AWS_REGION,
      };
      const before = kms.calls.length;
      const pushed = await runAction(
        'push-artifact',
        {
          repository: `${registry.host}/acme/apps/aws-oidc`,
          path: 'components/frontend',
          'signing-key': kms.uris.aws,
          'aws-role-arn': roleArn,
        },
        env,
      );
      ok(pushed);
      assert.deepEqual(
        sts.sts.map((call) => `${call.action} ${call.roleArn} ${call.tokenAudience} ${call.status}`),
        [`AssumeRoleWithWebIdentity ${roleArn} sts.amazonaws.com 200`],
      );
      const calls = kms.calls.slice(before);
      assert.ok(calls.length >= 2 && calls.every((call) => call.authorized), JSON.stringify(calls));
      const [issued] = [...sts.issuedKeys.values()];
      assert.ok(issued && pushed.masked.includes(issued.secretAccessKey), 'the STS secret key is masked');
    } finally {
      kms.awsSecrets = () => undefined;
      await Promise.all([sts.close(), oidc.close()]);
    }
  });

  it('refuses a KMS URI it cannot read, naming the input', async () => {
    const refused = await runAction(
      'push-artifact',
      { repository: `${registry.host}/acme/apps/bad`, path: 'components/frontend', 'signing-key': 'azurekms://' },
      { GITHUB_WORKSPACE: workspace },
    );
    assert.equal(refused.code, 1);
    assert.match(
      refused.errors[0] ?? '',
      /^input `signing-key`: "azurekms:\/\/" is not an Azure Key Vault key: use azurekms:\/\/VAULT\.vault\.azure\.net\/KEY\[\/VERSION\]$/,
    );
    const unverifiable = await runAction(
      'verify-artifact',
      { repository: `${registry.host}/acme/apps/vault`, ref: 'latest', key: kms.uris.vault },
      { GITHUB_WORKSPACE: workspace, VAULT_ADDR: kms.env('vault', workspace).VAULT_ADDR },
    );
    assert.equal(unverifiable.code, 1);
    assert.match(unverifiable.errors[0] ?? '', /^input `key`: hashivault:\/\/release needs a Vault token: set VAULT_TOKEN/);
  });
});
