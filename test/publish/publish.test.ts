import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import {
  ArtifactPathError,
  OciLayout,
  ProtectedTagError,
  PublishError,
  RegistryClient,
  publishArtifact,
  publishComponents,
  type PublishEvent,
} from '@d2ci/core';
import { makeWorkspace } from '../harness/workspace.ts';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';

const metadata = { source: 'https://github.com/acme/apps', revision: 'main@sha1:0123456789abcdef0123456789abcdef01234567' };

function keyIdentity() {
  return { kind: 'key' as const, privateKey: generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey };
}

describe('publishArtifact and publishComponents: one request for both front doors', () => {
  let registry: LocalRegistry;
  before(async () => {
    registry = await startRegistry('none');
  });
  after(() => registry.stop());

  it('signs, attaches a generated SBOM with its attestation, then tags; the result says what was done', async () => {
    const ws = makeWorkspace({ 'app/kustomization.yaml': 'resources: []\n' });
    const target = new RegistryClient().repository({ registry: registry.host, repository: 'acme/published' });
    const result = await publishArtifact({
      ...metadata,
      path: join(ws, 'app'),
      target,
      signing: { kind: 'cosign', identity: keyIdentity(), format: 'legacy' },
      documents: { sbom: 'spdx', attest: true },
    });
    assert.equal(result.pushed, true);
    assert.match(result.signature?.identity ?? '', /^key:/);
    assert.deepEqual(
      result.attached.map((a) => [a.format, a.source, Boolean(a.attestation)]),
      [['spdx', 'generated', true]],
    );
    assert.equal((await target.fetchManifest('latest')).descriptor.digest, result.descriptor.digest);
  });

  it('refuses, before anything is pushed, attestations without cosign and unreadable documents, naming the field', async () => {
    const ws = makeWorkspace({ 'app/a.yaml': 'a: 1\n', 'notes.txt': 'not a document' });
    const target = new OciLayout(join(ws, 'layout'));
    const request = { ...metadata, path: join(ws, 'app'), target };
    await assert.rejects(
      publishArtifact({ ...request, documents: { sbom: 'spdx', attest: true } }),
      (err: unknown) => err instanceof PublishError && err.code === 'ATTEST_NEEDS_COSIGN' && err.field === 'attest',
    );
    await assert.rejects(
      publishArtifact({ ...request, documents: { files: [join(ws, 'notes.txt')] } }),
      (err: unknown) => err instanceof PublishError && err.code === 'DOCUMENT_INVALID' && err.field === 'attach',
    );
    assert.deepEqual(await target.tags().catch(() => []), []);
  });

  it('errors carry what a front door needs: the protected diff tag, the path as given, a followed symlink', async () => {
    const ws = makeWorkspace({ 'app/a.yaml': 'a: 1\n' });
    symlinkSync('/etc', join(ws, 'app/outside'));
    const target = new OciLayout(join(ws, 'layout'));
    await assert.rejects(
      publishArtifact({ ...metadata, path: join(ws, 'app'), target, diffTag: 'latest-stable' }),
      (err: unknown) =>
        err instanceof ProtectedTagError &&
        err.field === 'diff-tag' &&
        err.forcible &&
        err.problem ===
          'tag "latest-stable" is what production follows: only a release moves it (d2ci release, the release-artifact action)' &&
        err.message === `${err.problem}, or name it in --force`,
    );
    await assert.rejects(
      publishArtifact({ ...metadata, path: join(ws, 'nowhere'), target }),
      (err: unknown) =>
        err instanceof ArtifactPathError &&
        err.field === 'path' &&
        err.path === join(ws, 'nowhere') &&
        err.detail === 'does not exist' &&
        err.message === `path "${join(ws, 'nowhere')}" does not exist`,
    );
    await assert.rejects(
      publishArtifact({ ...metadata, path: join(ws, 'app'), target, resolveSymlinks: true }),
      (err: unknown) => err instanceof ArtifactPathError && err.code === 'SYMLINK_OUTSIDE_ROOT' && err.symlink && err.path === undefined,
    );
  });

  it('publishes components, each signed and with its SBOM, and reports each; a bad glob names `components`', async () => {
    const ws = makeWorkspace({ 'components/api/a.yaml': 'a: 1\n', 'components/web/a.yaml': 'a: 2\n' });
    const events: PublishEvent[] = [];
    const components = {
      root: ws,
      pattern: 'components/*',
      base: { kind: 'registry' as const, reference: { registry: registry.host, repository: 'acme/components' } },
      client: new RegistryClient(),
    };
    const published = await publishComponents({
      ...metadata,
      components,
      signing: { kind: 'cosign', identity: keyIdentity(), format: 'bundle' },
      documents: { sbom: 'cyclonedx' },
      onEvent: (event) => events.push(event),
    });
    assert.deepEqual(
      events.map((e) => e.components.map((c) => c.name)),
      [['api', 'web']],
    );
    assert.deepEqual(
      published.outcomes.map((o) => [
        o.component.name,
        o.ok && o.result.pushed,
        o.ok && o.result.signature?.identity.startsWith('key:'),
        o.ok && o.result.attached.map((a) => a.format),
      ]),
      [
        ['api', true, true, ['cyclonedx']],
        ['web', true, true, ['cyclonedx']],
      ],
    );
    await assert.rejects(
      publishComponents({ ...metadata, components: { ...components, pattern: 'nothing/*' } }),
      (err: unknown) => err instanceof ArtifactPathError && err.code === 'COMPONENTS_NONE' && err.field === 'components',
    );
  });
});
