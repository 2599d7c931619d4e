import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegistryClient, type Descriptor } from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startSigstore, githubClaims, type LocalSigstore } from '../harness/sigstore.ts';
import { runAction, type ActionRun } from '../harness/action.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';
import { bundleOf } from '../sign/helpers.ts';

const sha = 'c'.repeat(40);

function ok(run: ActionRun): void {
  assert.equal(run.code, 0, `action failed:\n${run.stdout}\n${run.stderr}`);
}

describe('the actions sign with a signing config (Rekor v2 and a TSA), as cosign v3', () => {
  let registry: LocalRegistry;
  let sigstore: LocalSigstore;
  let workspace: string;
  before(async () => {
    [registry, sigstore] = await Promise.all([startRegistry('none'), startSigstore()]);
    workspace = makeWorkspace(componentFiles);
    copyFileSync(sigstore.signingConfigFile, join(workspace, 'signing_config.json'));
  });
  after(() => Promise.all([registry.stop(), sigstore.close()]));

  const push = (repository: string, inputs: Record<string, string>): Promise<ActionRun> => {
    sigstore.claims = githubClaims({ sha });
    return runAction(
      'push-artifact',
      { repository: `${registry.host}/${repository}`, path: 'components/frontend', ...inputs },
      { GITHUB_WORKSPACE: workspace, GITHUB_SHA: sha, ...sigstore.oidcEnv },
    );
  };

  it('push-artifact: signing-config logs the bundle in Rekor v2 with a timestamp; verify-artifact accepts it', async () => {
    const run = await push('acme/v2', { 'signing-config': 'signing_config.json', 'signature-format': 'bundle' });
    ok(run);
    assert.ok(sigstore.requests.includes('POST /api/v2/log/entries'), sigstore.requests.join(', '));
    assert.ok(sigstore.requests.includes('POST /api/v1/timestamp'));
    const target = new RegistryClient().repository({ registry: registry.host, repository: 'acme/v2' });
    const subject: Descriptor = await target.resolve(run.outputs.digest ?? '');
    const { json } = await bundleOf(target, subject);
    const material = json.verificationMaterial as {
      tlogEntries: { kindVersion: unknown; inclusionPromise?: unknown }[];
      timestampVerificationData?: { rfc3161Timestamps?: unknown[] };
    };
    assert.deepEqual(material.tlogEntries[0]?.kindVersion, { kind: 'hashedrekord', version: '0.0.2' });
    assert.equal(material.tlogEntries[0]?.inclusionPromise, undefined);
    assert.equal(material.timestampVerificationData?.rfc3161Timestamps?.length, 1);
    const verified = await runAction(
      'verify-artifact',
      {
        repository: `${registry.host}/acme/v2`,
        ref: 'latest',
        'certificate-identity-regexp': '^https://github\\.com/acme/fleet/',
        'trusted-root': sigstore.trustedRootFile,
        'signature-format': 'bundle',
      },
      { GITHUB_WORKSPACE: workspace },
    );
    ok(verified);
    assert.equal(verified.outputs.digest, run.outputs.digest);
  });

  it('push-artifact: a Rekor-v2-only config with the legacy format, or with the URLs, is refused naming signing-config', async () => {
    const before = sigstore.requests.length;
    const legacy = await push('acme/refused', { 'signing-config': 'signing_config.json' });
    assert.equal(legacy.code, 1);
    assert.match(
      legacy.stdout,
      /::error::input `signing-config`: signing_config\.json selects only Rekor v2, .*: sign in the bundle format/,
    );
    const both = await push('acme/refused', {
      'signing-config': 'signing_config.json',
      'signature-format': 'bundle',
      'rekor-url': sigstore.url,
    });
    assert.equal(both.code, 1);
    assert.match(both.stdout, /::error::input `signing-config`: names the services itself: give it or the Fulcio, Rekor and timestamp/);
    assert.equal(sigstore.requests.length, before, 'nothing was asked of Fulcio, Rekor or the TSA');
  });

  it('release-artifact: a Rekor v2 bundle is not widened to the .sig staging carries; refused before any tag moves', async () => {
    const staged = await push('acme/apps/frontend', { 'fulcio-url': sigstore.url, 'rekor-url': sigstore.url, 'diff-tag': 'latest' });
    ok(staged);
    const ref = 'refs/tags/frontend/v1.0.0';
    sigstore.claims = githubClaims({
      ref,
      sha,
      job_workflow_ref: `acme/fleet/.github/workflows/release-artifact.yaml@${ref}`,
      workflow_ref: `acme/fleet/.github/workflows/release-artifact.yaml@${ref}`,
    });
    const before = sigstore.requests.filter((r) => r.includes('/log/entries')).length;
    const run = await runAction(
      'release-artifact',
      {
        repository: `${registry.host}/acme/apps`,
        'trusted-root': sigstore.trustedRootFile,
        'signing-config': 'signing_config.json',
        'signature-format': 'bundle',
      },
      { GITHUB_WORKSPACE: workspace, GITHUB_REF: ref, GITHUB_SHA: sha, ...sigstore.oidcEnv },
    );
    assert.equal(run.code, 1, run.stdout);
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    assert.equal(errors.length, 1, run.stdout);
    assert.match(
      errors[0] ?? '',
      /^::error::input `signing-config`: selects Rekor v2, but the digest carries a legacy \.sig signature .*: ask for signature format both/,
    );
    assert.equal(sigstore.requests.filter((r) => r.includes('/log/entries')).length, before, 'nothing was logged');
    const target = new RegistryClient().repository({ registry: registry.host, repository: 'acme/apps/frontend' });
    await assert.rejects(target.resolve('v1.0.0'), 'no tag moved');
    await assert.rejects(target.resolve('latest-stable'));
  });
});
