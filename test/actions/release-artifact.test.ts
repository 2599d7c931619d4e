import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  RegistryClient,
  compilePolicy,
  legacySignatureTag,
  loadTrustedRoot,
  parseManifest,
  verifyArtifact,
  type ImageManifest,
  type RemoteRepository,
} from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startSigstore, githubClaims, type LocalSigstore } from '../harness/sigstore.ts';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy.ts';
import { runAction, type ActionRun } from '../harness/action.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';

const shaA = 'a'.repeat(40);
const shaB = 'b'.repeat(40);
const releaseIdentity = '^https://github\\.com/acme/fleet/\\.github/workflows/release-artifact\\.yaml@refs/tags/.+$';

function ok(run: ActionRun): void {
  assert.equal(run.code, 0, `action failed:\n${run.stdout}\n${run.stderr}`);
}

describe('release-artifact promotes what staging ran, as the D2 component workflows', () => {
  let registry: LocalRegistry;
  let proxy: FaultProxy;
  let sigstore: LocalSigstore;
  let workspace: string;
  let repo: RemoteRepository;
  let repository: string;
  const digests: Record<string, string> = {};
  before(async () => {
    [registry, sigstore] = await Promise.all([startRegistry('none'), startSigstore()]);
    proxy = await startFaultProxy(registry.url);
    workspace = makeWorkspace(componentFiles);
    repository = `${proxy.host}/acme/apps`;
    repo = new RegistryClient().repository({ registry: registry.host, repository: 'acme/apps/frontend' });
  });
  after(async () => {
    await proxy.close();
    await Promise.all([registry.stop(), sigstore.close()]);
  });

  const sigstoreInputs = (): Record<string, string> => ({
    'fulcio-url': sigstore.url,
    'rekor-url': sigstore.url,
    'trusted-root': sigstore.trustedRootFile,
  });
  /** The push workflow on main publishes `latest`, signed as push-artifact.yaml@refs/heads/main. */
  async function stagingPush(sha: string, inputs: Record<string, string> = {}, base = repository): Promise<string> {
    sigstore.claims = githubClaims({ sha });
    const run = await runAction(
      'push-artifact',
      {
        repository: `${base}/frontend`,
        path: 'components/frontend',
        'diff-tag': 'latest',
        'fulcio-url': sigstore.url,
        'rekor-url': sigstore.url,
        ...inputs,
      },
      { GITHUB_WORKSPACE: workspace, GITHUB_SHA: sha, ...sigstore.oidcEnv },
    );
    ok(run);
    return run.outputs.digest ?? '';
  }
  /** The release workflow, run for a pushed tag. */
  function release(tag: string, sha: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
    const ref = `refs/tags/${tag}`;
    sigstore.claims = githubClaims({
      ref,
      sha,
      job_workflow_ref: `acme/fleet/.github/workflows/release-artifact.yaml@${ref}`,
      workflow_ref: `acme/fleet/.github/workflows/release-artifact.yaml@${ref}`,
    });
    return runAction(
      'release-artifact',
      { repository, ...sigstoreInputs(), ...inputs },
      { GITHUB_WORKSPACE: workspace, GITHUB_REF: ref, GITHUB_SHA: sha, ...sigstore.oidcEnv },
    );
  }
  const signatures = async (digest: string | undefined): Promise<number> =>
    (parseManifest((await repo.fetchManifest(legacySignatureTag(digest ?? ''))).bytes).manifest as ImageManifest).layers.length;

  it('promotes the staging artifact for the tagged commit: verified, re-signed, tagged, no artifact upload', async () => {
    digests.a = await stagingPush(shaA);
    proxy.log.length = 0;
    const run = await release('frontend/v1.0.0', shaA);
    ok(run);
    assert.equal(run.outputs.version, 'v1.0.0');
    assert.equal(run.outputs.component, 'frontend');
    assert.equal(run.outputs.action, 'promoted');
    assert.equal(run.outputs.digest, digests.a, 'production gets the exact bytes staging ran');
    assert.equal(run.outputs['digest-url'], `${repository}/frontend@${digests.a}`);
    assert.equal(run.outputs['previous-digest'], '');
    assert.match(run.stdout, /found: latest names commit aaaaaaaaaaaa/);
    assert.match(
      run.stdout,
      /staging signature verified: https:\/\/github\.com\/acme\/fleet\/\.github\/workflows\/push-artifact\.yaml@refs\/heads\/main/,
    );
    assert.equal((await repo.resolve('v1.0.0')).digest, digests.a);
    assert.equal((await repo.resolve('latest-stable')).digest, digests.a);
    const manifest = parseManifest((await repo.fetchManifest(digests.a)).bytes).manifest as ImageManifest;
    const artifactBlobs = new Set([manifest.config.digest, ...manifest.layers.map((l) => l.digest)]);
    const uploads = proxy.log
      .filter((r) => r.method === 'PUT' && r.path.includes('/blobs/uploads/'))
      .map((r) => new URL(r.path, 'http://x').searchParams.get('digest') ?? '');
    assert.deepEqual(
      uploads.filter((d) => artifactBlobs.has(d)),
      [],
      'no artifact blob is uploaded again',
    );
    assert.equal(await signatures(digests.a), 2, 'staging and release signatures');
    assert.match(run.summary, /\| v1\.0\.0 \| promoted \|/);

    // Production's policy: the release workflow on a tag.
    const verified = await runAction(
      'verify-artifact',
      {
        repository: `${repository}/frontend`,
        ref: 'latest-stable',
        'certificate-identity-regexp': releaseIdentity,
        'trusted-root': sigstore.trustedRootFile,
      },
      { GITHUB_WORKSPACE: workspace },
    );
    ok(verified);
    assert.equal(verified.outputs.digest, digests.a);
  });

  it('re-runs a finished release without changing anything', async () => {
    const run = await release('frontend/v1.0.0', shaA);
    ok(run);
    assert.equal(run.outputs.action, 'unchanged');
    assert.equal(await signatures(digests.a), 2, 'not signed again');
  });

  it('promotes the next version, reporting the previous latest-stable', async () => {
    writeFileSync(
      join(workspace, 'components/frontend/base/podinfo.yaml'),
      `${componentFiles['components/frontend/base/podinfo.yaml'] ?? ''}# v1.1\n`,
    );
    digests.b = await stagingPush(shaB);
    const run = await release('frontend/v1.1.0', shaB);
    ok(run);
    assert.equal(run.outputs.digest, digests.b);
    assert.equal(run.outputs['previous-digest'], digests.a);
    assert.equal((await repo.resolve('latest-stable')).digest, digests.b);
  });

  it('refuses, moving nothing: a lower version, an existing version elsewhere, an unverified artifact, a malformed tag', async () => {
    const tagsBefore = await repo.tags();
    const downgrade = await release('frontend/v1.0.1', shaA);
    assert.equal(downgrade.code, 1);
    assert.match(
      downgrade.errors[0] ?? '',
      /^latest-stable holds v1\.1\.0, which is newer than v1\.0\.1; refusing to move it back \(set allow-downgrade, or roll back with rollback-to\) \(nothing was moved\)$/,
    );
    const overwrite = await release('frontend/v1.1.0', shaA);
    assert.equal(overwrite.code, 1);
    assert.match(
      overwrite.errors[0] ?? '',
      /^v1\.1\.0 already points at sha256:[0-9a-f]{64}, not at sha256:[0-9a-f]{64} \(the artifact for this commit\); refusing to overwrite a release \(nothing was moved\)$/,
    );
    const badTag = await release('frontend/1.2', shaA);
    assert.equal(badTag.code, 1);
    assert.match(
      badTag.errors[0] ?? '',
      /^input `tag-pattern`: release tag "frontend\/1\.2" is not a release: expected vX\.Y\.Z \(fleet repositories\) or <component>\/vX\.Y\.Z \(component repositories\)$/,
    );
    const wrongStaging = await release('frontend/v1.2.0', shaB, {
      'staging-identity': 'https://github.com/acme/fleet/.github/workflows/other.yaml@refs/heads/main',
    });
    assert.equal(wrongStaging.code, 1);
    assert.match(
      wrongStaging.errors[0] ?? '',
      /^the staging artifact sha256:[0-9a-f]{64} is not verified, so it is not promoted: .*expected identity https:\/\/github\.com\/acme\/fleet\/\.github\/workflows\/other\.yaml@refs\/heads\/main/,
    );
    const nothing = await release('frontend/v1.2.0', 'c'.repeat(40), { path: 'components/frontend/staging' });
    assert.equal(nothing.code, 1);
    assert.match(
      nothing.errors[0] ?? '',
      /^no artifact in .*\/acme\/apps\/frontend has a revision naming commit cccccccccccc or the tagged tree's content .*; run the push workflow for this commit first, or release with mode: build/,
    );
    assert.deepEqual(await repo.tags(), tagsBefore, 'no tag was added or moved');
    assert.equal((await repo.resolve('latest-stable')).digest, digests.b);
    assert.equal(await signatures(digests.a), 2, 'no signature was added by a refused release');
  });

  it('rolls latest-stable back to a verified earlier release, and refuses an unverified one', async () => {
    const run = await runAction(
      'release-artifact',
      { repository: `${repository}/frontend`, 'rollback-to': 'v1.0.0', 'trusted-root': sigstore.trustedRootFile },
      { GITHUB_WORKSPACE: workspace, GITHUB_REF: 'refs/heads/main', GITHUB_SHA: shaB },
    );
    ok(run);
    assert.equal(run.outputs.action, 'rolled back');
    assert.equal(run.outputs.digest, digests.a);
    assert.equal(run.outputs['previous-digest'], digests.b);
    assert.equal((await repo.resolve('latest-stable')).digest, digests.a);
    // v1.1.0 carries the release signature too; a version only staging signed cannot become latest-stable.
    await repo.tag(await repo.resolve('latest'), 'v0.9.0');
    const unsafe = await runAction(
      'release-artifact',
      {
        repository: `${repository}/frontend`,
        'rollback-to': 'v0.9.0',
        'trusted-root': sigstore.trustedRootFile,
        'production-identity-regexp': releaseIdentity.replace('.+$', 'frontend/v0\\.9\\.0$'),
      },
      { GITHUB_WORKSPACE: workspace },
    );
    assert.equal(unsafe.code, 1);
    assert.match(
      unsafe.errors[0] ?? '',
      /^v0\.9\.0 \(sha256:[0-9a-f]{64}\) is not verified, so latest-stable does not move to it: .* \(nothing was moved\)$/,
    );
    assert.equal((await repo.resolve('latest-stable')).digest, digests.a);
  });

  it('takes a component release tag for rollback-to, as the Git tags are named, from the base repository', async () => {
    const run = await runAction(
      'release-artifact',
      { repository, 'rollback-to': 'frontend/v1.1.0', 'trusted-root': sigstore.trustedRootFile },
      { GITHUB_WORKSPACE: workspace, GITHUB_REF: 'refs/heads/main' },
    );
    ok(run);
    assert.equal(run.outputs.component, 'frontend');
    assert.equal(run.outputs['digest-url'], `${repository}/frontend@${digests.b}`);
    assert.equal(run.outputs['previous-digest'], digests.a);
    assert.equal((await repo.resolve('latest-stable')).digest, digests.b);
    const bad = await runAction(
      'release-artifact',
      { repository, 'rollback-to': 'frontend/latest', 'trusted-root': sigstore.trustedRootFile },
      { GITHUB_WORKSPACE: workspace },
    );
    assert.equal(bad.code, 1);
    assert.match(
      bad.errors[0] ?? '',
      /^input `rollback-to`: "frontend\/latest" is not a release: expected vX\.Y\.Z .*; give the release to return to, e\.g\. v1\.2\.3 or frontend\/v1\.2\.3$/,
    );
    assert.equal((await repo.resolve('latest-stable')).digest, digests.b);
  });

  // Needs the dist bundle rebuilt with the signature-formats output (npm run build).
  it('signs the release as a bundle too when staging signed both, so Flux 2.6–2.9 all accept the release identity', async () => {
    const dual = `${proxy.host}/acme/dual`;
    const sha = 'd'.repeat(40);
    const digest = await stagingPush(sha, { 'signature-format': 'both' }, dual);
    const run = await release('frontend/v1.0.0', sha, { repository: dual, 'signature-annotations': 'env=production' });
    ok(run);
    assert.equal(run.outputs.digest, digest);
    assert.equal(run.outputs['signature-formats'], '["legacy","bundle"]');
    assert.match(
      run.stdout,
      /also signed as a Sigstore bundle because the staging digest carries one \(Flux 2\.8\+ reads only bundles when any exist\)/,
    );
    assert.match(run.summary, /\| legacy, bundle \|/);
    const dualRepo = new RegistryClient().repository({ registry: registry.host, repository: 'acme/dual/frontend' });
    const verification = {
      kind: 'keyless' as const,
      trustedRoot: await loadTrustedRoot({ trustedRootFile: sigstore.trustedRootFile }),
      policy: compilePolicy({ identityRegexp: releaseIdentity }),
    };
    for (const fluxVersion of ['2.7', '2.8', '2.9', 'all'] as const) {
      const verified = await verifyArtifact({ target: dualRepo, reference: 'latest-stable', verification, fluxVersion });
      assert.equal(verified.verified, true, `Flux ${fluxVersion}: ${verified.reasons.join('; ')}`);
      assert.match(verified.identity ?? '', /release-artifact\.yaml@refs\/tags\/frontend\/v1\.0\.0$/);
    }
    // signature-annotations went into both release signatures (the requested .sig and the widened bundle).
    for (const format of ['legacy', 'bundle'] as const) {
      const check = (env: string) =>
        verifyArtifact({ target: dualRepo, reference: 'latest-stable', verification, format, signatureAnnotations: { env } });
      const annotated = await check('production');
      assert.equal(annotated.verified, true, `${format}: ${annotated.reasons.join('; ')}`);
      assert.equal((await check('staging')).verified, false);
    }
  });

  it('builds, signs and tags a fleet release when there is no staging push (mode: build), and keeps prereleases off latest-stable', async () => {
    const fleet = `${proxy.host}/acme/fleet`;
    const build = await runAction(
      'release-artifact',
      { repository: fleet, mode: 'build', path: 'components', ...sigstoreInputs() },
      { GITHUB_WORKSPACE: workspace, GITHUB_REF: 'refs/tags/v2.0.0', GITHUB_SHA: shaB, ...sigstore.oidcEnv },
    );
    ok(build);
    assert.equal(build.outputs.action, 'built');
    assert.equal(build.outputs.component, '');
    const fleetRepo = new RegistryClient().repository({ registry: registry.host, repository: 'acme/fleet' });
    assert.equal((await fleetRepo.resolve('v2.0.0')).digest, build.outputs.digest);
    assert.equal((await fleetRepo.resolve('latest-stable')).digest, build.outputs.digest);
    assert.ok(build.outputs['signature-ref']?.endsWith('.sig'));
    writeFileSync(join(workspace, 'components/frontend/base/rc.yaml'), 'rc: 1\n');
    const rc = await runAction(
      'release-artifact',
      { repository: fleet, mode: 'build', path: 'components', ref: 'v2.1.0-rc.1', ...sigstoreInputs() },
      { GITHUB_WORKSPACE: workspace, GITHUB_SHA: shaB, ...sigstore.oidcEnv },
    );
    ok(rc);
    assert.match(rc.stdout, /v2\.1\.0-rc\.1 is a prerelease: latest-stable stays where it is/);
    assert.equal((await fleetRepo.resolve('latest-stable')).digest, build.outputs.digest);
    assert.equal((await fleetRepo.resolve('v2.1.0-rc.1')).digest, rc.outputs.digest);
  });

  it('finds the staging artifact by content when the tagged commit only touched paths push ignored (ignore-paths as push)', async () => {
    // The migration trial: push leaves notes/ out; the tagged commit only edits a note, so push skipped it as
    // unchanged and no artifact names that commit. Given push's ignore-paths, the release finds it by content.
    mkdirSync(join(workspace, 'components/backend/notes'), { recursive: true });
    writeFileSync(join(workspace, 'components/backend/deployment.yaml'), 'kind: Deployment\n');
    writeFileSync(join(workspace, 'components/backend/notes/todo.md'), 'one\n');
    const base = `${proxy.host}/acme/ignored`;
    const staged = await stagingPush('c'.repeat(40), {
      repository: `${base}/backend`,
      path: 'components/backend',
      'ignore-paths': 'notes/',
    });
    writeFileSync(join(workspace, 'components/backend/notes/todo.md'), 'two\n');
    const refused = await release('backend/v1.0.0', 'd'.repeat(40), { repository: base });
    assert.equal(refused.code, 1);
    assert.match(refused.errors[0] ?? '', /give the release the ignore-paths and source-ignore push was given/);
    const run = await release('backend/v1.0.0', 'd'.repeat(40), { repository: base, 'ignore-paths': 'notes/' });
    ok(run);
    assert.equal(run.outputs.action, 'promoted');
    assert.equal(run.outputs.digest, staged);
    assert.match(run.stdout, /found: latest has the tagged tree's exact content/);
  });
  it('takes tags without the v (frontend/1.0.1) with tag-pattern, as a D2 team with that scheme migrates', async () => {
    const base = `${proxy.host}/acme/nov`;
    const sha = 'e'.repeat(40);
    const staged = await stagingPush(sha, {}, base);
    const pattern = '^(?<component>[a-z0-9-]+)/(?<version>[0-9]+\\.[0-9]+\\.[0-9]+)$';
    const refused = await release('frontend/1.0.1', sha, { repository: base });
    assert.equal(refused.code, 1, 'the default pattern wants vX.Y.Z');
    const run = await release('frontend/1.0.1', sha, { repository: base, 'tag-pattern': pattern });
    ok(run);
    assert.equal(run.outputs.version, '1.0.1');
    assert.equal(run.outputs.component, 'frontend');
    const novRepo = new RegistryClient().repository({ registry: registry.host, repository: 'acme/nov/frontend' });
    assert.equal((await novRepo.resolve('1.0.1')).digest, staged);
    assert.equal((await novRepo.resolve('latest-stable')).digest, staged);
  });
});
