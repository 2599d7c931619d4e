import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { RegistryClient } from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startSigstore, githubClaims, type LocalSigstore } from '../harness/sigstore.ts';
import { runAction, type ActionRun } from '../harness/action.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';

// A platform team's reusable workflows: every caller's certificate names these, not the caller's own workflow.
const pushWorkflow = 'acme/platform-workflows/.github/workflows/d2-push.yaml@refs/tags/v1';
const releaseWorkflow = 'acme/platform-workflows/.github/workflows/d2-release.yaml@refs/tags/v1';
const pushIdentity = `https://github.com/${pushWorkflow}`;
const sha = 'c'.repeat(40);

function ok(run: ActionRun): void {
  assert.equal(run.code, 0, `action failed:\n${run.stdout}\n${run.stderr}`);
}

describe('reusable workflow identities: the certificate names the reusable workflow, the caller is pinned separately', () => {
  let registry: LocalRegistry;
  let sigstore: LocalSigstore;
  let workspace: string;
  before(async () => {
    [registry, sigstore] = await Promise.all([startRegistry('none'), startSigstore()]);
    workspace = makeWorkspace(componentFiles);
  });
  after(() => Promise.all([registry.stop(), sigstore.close()]));

  /** Push from `caller`'s main through the shared reusable push workflow. */
  async function pushVia(caller: string, repository: string, diffTag = 'latest'): Promise<string> {
    sigstore.claims = githubClaims({
      repository: caller,
      sha,
      job_workflow_ref: pushWorkflow,
      workflow_ref: `${caller}/.github/workflows/push.yaml@refs/heads/main`,
    });
    const run = await runAction(
      'push-artifact',
      { repository, path: 'components/frontend', 'diff-tag': diffTag, 'fulcio-url': sigstore.url, 'rekor-url': sigstore.url },
      { GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: caller, GITHUB_SHA: sha, ...sigstore.oidcEnv },
    );
    ok(run);
    assert.match(run.stdout, new RegExp(`Signed as ${pushIdentity.replace(/[.]/g, '\\.')}`));
    return run.outputs.digest ?? '';
  }
  const verify = (repository: string, inputs: Record<string, string>) =>
    runAction(
      'verify-artifact',
      { repository, ref: 'latest', 'certificate-identity': pushIdentity, 'trusted-root': sigstore.trustedRootFile, ...inputs },
      { GITHUB_WORKSPACE: workspace },
    );

  it('verify-artifact pins the calling repository with certificate-github-workflow-repository', async () => {
    const ours = `${registry.host}/acme/apps/frontend`;
    const theirs = `${registry.host}/mallory/apps/frontend`;
    const digest = await pushVia('acme/apps', ours);
    await pushVia('mallory/apps', theirs);

    const good = await verify(ours, { 'certificate-github-workflow-repository': 'acme/apps' });
    ok(good);
    assert.equal(good.outputs.digest, digest);
    assert.equal(good.outputs.identity, pushIdentity);
    assert.equal(good.outputs['signer-repository'], 'acme/apps');
    assert.match(good.summary, /run in acme\/apps/);

    // The identity alone cannot tell the callers apart: mallory's artifact verifies against it.
    const identityOnly = await verify(theirs, {});
    ok(identityOnly);
    assert.equal(identityOnly.outputs['signer-repository'], 'mallory/apps');
    const pinned = await verify(theirs, { 'certificate-github-workflow-repository': 'acme/apps' });
    assert.equal(pinned.code, 1);
    assert.equal(pinned.outputs.verified, 'false');
    assert.match(pinned.stderr + pinned.stdout, /in a run of mallory\/apps, expected a run of acme\/apps/);

    const bad = await verify(ours, { 'certificate-github-workflow-repository': 'acme' });
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /::error::input `certificate-github-workflow-repository`: "acme" is not owner\/repo, e\.g\. acme\/apps/);
  });

  it('release-artifact promotes only what a run of this repository signed, by default', async () => {
    const base = `${registry.host}/acme/fleet-apps`;
    await pushVia('mallory/apps', `${base}/frontend`);
    const release = (inputs: Record<string, string> = {}) => {
      const ref = 'refs/tags/frontend/v1.0.0';
      sigstore.claims = githubClaims({
        repository: 'acme/fleet',
        ref,
        sha,
        job_workflow_ref: releaseWorkflow,
        workflow_ref: `acme/fleet/.github/workflows/release.yaml@${ref}`,
      });
      return runAction(
        'release-artifact',
        {
          repository: base,
          'staging-identity': pushIdentity,
          'fulcio-url': sigstore.url,
          'rekor-url': sigstore.url,
          'trusted-root': sigstore.trustedRootFile,
          ...inputs,
        },
        { GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'acme/fleet', GITHUB_REF: ref, GITHUB_SHA: sha, ...sigstore.oidcEnv },
      );
    };
    // Signed by the right reusable workflow, but in a run of another repository: refused, nothing moved.
    const refused = await release();
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, /in a run of mallory\/apps, expected a run of acme\/fleet/);
    assert.match(refused.stdout, /nothing was moved/);
    const repo = new RegistryClient().repository({ registry: registry.host, repository: 'acme/fleet-apps/frontend' });
    await assert.rejects(repo.resolve('latest-stable'));

    // The caller's own push (no diff-tag, so it replaces what mallory put there): promoted, and re-signed by the
    // reusable release workflow.
    const digest = await pushVia('acme/fleet', `${base}/frontend`, '');
    const promoted = await release();
    ok(promoted);
    assert.equal(promoted.outputs.digest, digest);
    assert.equal((await repo.resolve('latest-stable')).digest, digest);
    const production = await runAction(
      'verify-artifact',
      {
        repository: `${base}/frontend`,
        ref: 'latest-stable',
        'certificate-identity': `https://github.com/${releaseWorkflow}`,
        'certificate-github-workflow-repository': 'acme/fleet',
        'trusted-root': sigstore.trustedRootFile,
      },
      { GITHUB_WORKSPACE: workspace },
    );
    ok(production);
  });

  it('release-artifact does not apply the GitHub repository default to another issuer', async () => {
    const base = `${registry.host}/acme/gitlab-apps`;
    const issuer = 'https://gitlab.example';
    sigstore.claims = githubClaims({ iss: issuer, sub: 'project_path:group/apps:ref_type:branch:ref:main', repository: 'group/apps', sha });
    const push = await runAction(
      'push-artifact',
      { repository: `${base}/frontend`, path: 'components/frontend', 'fulcio-url': sigstore.url, 'rekor-url': sigstore.url },
      { GITHUB_WORKSPACE: workspace, GITHUB_SHA: sha, ...sigstore.oidcEnv },
    );
    ok(push);
    const ref = 'refs/tags/frontend/v1.0.0';
    sigstore.claims = githubClaims({ ref, sha });
    const release = await runAction(
      'release-artifact',
      {
        repository: base,
        'staging-identity': 'project_path:group/apps:ref_type:branch:ref:main',
        'staging-oidc-issuer': issuer,
        'fulcio-url': sigstore.url,
        'rekor-url': sigstore.url,
        'trusted-root': sigstore.trustedRootFile,
      },
      { GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'acme/fleet', GITHUB_REF: ref, GITHUB_SHA: sha, ...sigstore.oidcEnv },
    );
    ok(release);
    assert.equal(release.outputs.action, 'promoted');
    // Asked for explicitly, the repository is checked whatever the issuer.
    const pinned = await runAction(
      'release-artifact',
      {
        repository: base,
        ref: 'frontend/v1.0.1',
        'staging-identity': 'project_path:group/apps:ref_type:branch:ref:main',
        'staging-oidc-issuer': issuer,
        'certificate-github-workflow-repository': 'acme/fleet',
        'fulcio-url': sigstore.url,
        'rekor-url': sigstore.url,
        'trusted-root': sigstore.trustedRootFile,
      },
      { GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'acme/fleet', GITHUB_REF: ref, GITHUB_SHA: sha, ...sigstore.oidcEnv },
    );
    assert.equal(pinned.code, 1);
    assert.match(pinned.stdout, /in a run of group\/apps, expected a run of acme\/fleet/);
  });
});
