import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { RegistryClient, OciLayout, parseManifest, FluxMediaType, Annotation, type ImageManifest } from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { runAction, type ActionRun } from '../harness/action.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';
import { skopeo } from '../harness/exec.ts';
import { startFaultProxy } from '../harness/fault-proxy.ts';

function assertOk(run: ActionRun): void {
  assert.equal(run.code, 0, `action failed:\n${run.stdout}\n${run.stderr}`);
}

describe('push-artifact bundle (no-auth registry)', () => {
  let registry: LocalRegistry;
  let workspace: string;
  before(async () => {
    registry = await startRegistry('none');
    workspace = makeWorkspace(componentFiles);
  });
  after(() => registry.stop());

  it('pushes a component with D2 defaults, then skips an unchanged re-run and re-pushes a change', async () => {
    const repository = `${registry.host}/acme/apps/frontend`;
    const first = await runAction(
      'push-artifact',
      { sign: 'false', repository, path: 'components/frontend', 'diff-tag': 'latest' },
      { GITHUB_WORKSPACE: workspace },
    );
    assertOk(first);
    assert.equal(first.outputs.pushed, 'true');
    assert.match(first.outputs.digest ?? '', /^sha256:[a-f0-9]{64}$/);
    assert.equal(first.outputs['digest-url'], `${repository}@${first.outputs.digest}`);
    assert.deepEqual(JSON.parse(first.outputs.tags ?? ''), ['latest']);
    assert.match(first.summary, /\| Repository \| Tags \| Digest \| Size \| Result \|/);
    // The first push says the diff tag did not exist yet, not that the content differed from it (issue 13).
    assert.match(first.summary, /pushed: latest not found in \S+acme\/apps\/frontend \(first push\)/);
    assert.match(first.summary, /not signed \(`sign: false`\)/);

    // The registry holds what the outputs say, with Flux's media types and D2's annotations.
    const repo = new RegistryClient().repository({ registry: registry.host, repository: 'acme/apps/frontend' });
    const fetched = await repo.fetchManifest('latest');
    assert.equal(fetched.descriptor.digest, first.outputs.digest);
    const manifest = parseManifest(fetched.bytes).manifest as ImageManifest;
    assert.equal(manifest.config.mediaType, FluxMediaType.config);
    assert.deepEqual(
      manifest.layers.map((l) => l.mediaType),
      [FluxMediaType.content],
    );
    assert.equal(manifest.annotations?.[Annotation.source], 'https://github.com/acme/fleet');
    assert.equal(manifest.annotations?.[Annotation.revision], 'refs/heads/main@sha1:0123456789abcdef0123456789abcdef01234567');
    assert.match(manifest.annotations?.[Annotation.created] ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // skopeo reads it back and copies every blob.
    assert.deepEqual(await skopeo(['inspect', '--raw', `docker://${repository}:latest`]), fetched.bytes);
    await skopeo(['copy', `docker://${repository}:latest`, `dir:${join(workspace, '..', `skopeo-${Date.now()}`)}`]);

    const again = await runAction(
      'push-artifact',
      { sign: 'false', repository, path: 'components/frontend', 'diff-tag': 'latest', tags: 'main-01234567' },
      { GITHUB_WORKSPACE: workspace },
    );
    assertOk(again);
    assert.equal(again.outputs.pushed, 'false');
    assert.equal(again.outputs.digest, '');
    assert.equal(again.outputs['digest-url'], '');
    assert.deepEqual(JSON.parse(again.outputs.tags ?? ''), ['latest', 'main-01234567']);
    assert.match(again.summary, /skipped: content unchanged since latest/);
    // Nothing was ever signed (`sign: false`): the summary must not claim an earlier signature.
    assert.doesNotMatch(again.summary, /already signed/);
    assert.match(again.summary, /not signed \(`sign: false`\)/);
    assert.equal(
      (await repo.resolve('main-01234567')).digest,
      first.outputs.digest,
      'tags are copied from diff-tag when nothing is pushed',
    );

    writeFileSync(
      join(workspace, 'components/frontend/base/podinfo.yaml'),
      componentFiles['components/frontend/base/podinfo.yaml']?.replace('6.14.0', '6.15.0') ?? '',
    );
    const changed = await runAction(
      'push-artifact',
      { sign: 'false', repository, path: 'components/frontend', 'diff-tag': 'latest' },
      { GITHUB_WORKSPACE: workspace },
    );
    assertOk(changed);
    assert.equal(changed.outputs.pushed, 'true');
    assert.notEqual(changed.outputs.digest, first.outputs.digest);
    assert.equal((await repo.resolve('latest')).digest, changed.outputs.digest);
    assert.match(changed.summary, /pushed: content differs from latest/);
    assert.equal((await repo.resolve('main-01234567')).digest, first.outputs.digest, 'other tags stay where they were');
  });

  it('stores the manifest by tag in one request when nothing runs before tagging; by digest first when it does', async () => {
    const proxy = await startFaultProxy(registry.url);
    try {
      const manifestPuts = () =>
        proxy.log
          .filter((r) => r.method === 'PUT' && r.path.includes('/manifests/'))
          .map((r) => r.path.replace(/^.*\/manifests\//, '').replace(/^sha256:.*/, 'digest'));
      const plain = await runAction(
        'push-artifact',
        { repository: `${proxy.host}/acme/plain`, path: 'components/frontend', sign: 'false' },
        { GITHUB_WORKSPACE: workspace },
      );
      assert.equal(plain.code, 0, plain.stderr);
      assert.deepEqual(manifestPuts(), ['latest']);
      proxy.log.length = 0;
      const withSbom = await runAction(
        'push-artifact',
        { repository: `${proxy.host}/acme/plain`, path: 'components/frontend', sign: 'false', sbom: 'spdx' },
        { GITHUB_WORKSPACE: workspace },
      );
      assert.equal(withSbom.code, 0, withSbom.stderr);
      // The artifact by digest, the SBOM referrer, the sha256-<hex> referrers index, and only then the tag.
      const puts = manifestPuts();
      assert.equal(puts[0], 'digest');
      assert.equal(puts.at(-1), 'latest');
      assert.ok(
        puts.some((p) => /^sha256-[0-9a-f]{64}$/.test(p)),
        puts.join(', '),
      );
    } finally {
      await proxy.close();
    }
  });

  it('gives the same layer digest for the same tree whatever the file times and umask', async () => {
    const a = makeWorkspace({ 'app/a.yaml': 'a: 1\n', 'app/run.sh*': '#!/bin/sh\n' });
    const b = makeWorkspace({ 'app/run.sh*': '#!/bin/sh\n', 'app/a.yaml': 'a: 1\n' });
    const { chmodSync, utimesSync } = await import('node:fs');
    chmodSync(join(b, 'app/a.yaml'), 0o600);
    chmodSync(join(b, 'app/run.sh'), 0o700);
    utimesSync(join(b, 'app/a.yaml'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    const inputs = { sign: 'false', path: 'app', reproducible: 'true', source: 'https://example.com/x', revision: 'main@sha1:1' };
    const runA = await runAction('push-artifact', { ...inputs, repository: `${registry.host}/acme/repro-a` }, { GITHUB_WORKSPACE: a });
    const runB = await runAction('push-artifact', { ...inputs, repository: `${registry.host}/acme/repro-b` }, { GITHUB_WORKSPACE: b });
    assertOk(runA);
    assertOk(runB);
    assert.equal(runA.outputs.digest, runB.outputs.digest, 'reproducible manifests are byte-identical');
  });

  it('pushes to an OCI image layout directory (no registry at all) that skopeo can read', async () => {
    const layoutDir = join(workspace, 'out', 'layout');
    const run = await runAction(
      'push-artifact',
      { sign: 'false', repository: `oci-layout:${layoutDir}`, path: 'components/frontend', tags: 'latest\nv1.0.0' },
      { GITHUB_WORKSPACE: workspace },
    );
    assertOk(run);
    assert.equal(run.outputs['digest-url'], `oci-layout:${layoutDir}@${run.outputs.digest}`);
    const layout = new OciLayout(layoutDir);
    assert.deepEqual(await layout.tags(), ['latest', 'v1.0.0']);
    const raw = await skopeo(['inspect', '--raw', `oci:${layoutDir}:v1.0.0`]);
    assert.equal(
      (await layout.resolve('v1.0.0')).digest,
      `sha256:${(await import('node:crypto')).createHash('sha256').update(raw).digest('hex')}`,
    );
  });

  it('leaves out symlinks by default and follows them within the root with resolve-symlinks', async () => {
    const ws = makeWorkspace({ 'app/real.yaml': 'x: 1\n' });
    symlinkSync('real.yaml', join(ws, 'app/link.yaml'));
    const plain = await runAction(
      'push-artifact',
      { sign: 'false', repository: `oci-layout:${join(ws, 'l1')}`, path: 'app' },
      { GITHUB_WORKSPACE: ws },
    );
    assertOk(plain);
    assert.match(plain.stdout, /Packed 1 files/);
    const resolved = await runAction(
      'push-artifact',
      { sign: 'false', repository: `oci-layout:${join(ws, 'l2')}`, path: 'app', 'resolve-symlinks': 'true' },
      { GITHUB_WORKSPACE: ws },
    );
    assertOk(resolved);
    assert.match(resolved.stdout, /Packed 2 files/);
  });
});

describe('push-artifact bundle credentials', () => {
  for (const mode of ['htpasswd', 'token'] as const) {
    it(`authenticates to a ${mode} registry with inputs or docker config and never shows a secret`, async () => {
      const registry = await startRegistry(mode);
      try {
        const workspace = makeWorkspace(componentFiles);
        const repository = `${registry.host}/acme/private`;
        const viaInputs = await runAction(
          'push-artifact',
          {
            sign: 'false',
            repository,
            path: 'components/frontend',
            'registry-username': registry.username,
            'registry-password': registry.password,
          },
          { GITHUB_WORKSPACE: workspace },
        );
        assertOk(viaInputs);
        assert.ok(viaInputs.masked.includes(registry.password), 'the password is masked');
        assert.ok(!viaInputs.visible.includes(registry.password), 'the password never shows');

        const dockerConfig = join(workspace, '.docker-config');
        mkdirSync(dockerConfig);
        writeFileSync(
          join(dockerConfig, 'config.json'),
          JSON.stringify({
            auths: { [`https://${registry.host}`]: { auth: Buffer.from(`${registry.username}:${registry.password}`).toString('base64') } },
          }),
        );
        const viaDocker = await runAction(
          'push-artifact',
          { sign: 'false', repository, path: 'components/frontend', tags: 'from-docker-config' },
          { GITHUB_WORKSPACE: workspace, DOCKER_CONFIG: dockerConfig },
        );
        assertOk(viaDocker);
        assert.ok(viaDocker.masked.includes(registry.password));
        for (const secret of [registry.password, ...(registry.tokenServer?.issued ?? [])]) {
          assert.ok(
            !viaInputs.visible.includes(secret) && !viaDocker.visible.includes(secret),
            'no credential or token in logs, outputs or summary',
          );
        }
        if (mode === 'token')
          assert.ok(
            (registry.tokenServer?.issued.length ?? 0) > 0 && viaDocker.masked.some((m) => registry.tokenServer?.issued.includes(m)),
            'bearer tokens are masked too',
          );
      } finally {
        await registry.stop();
      }
    });
  }
});
