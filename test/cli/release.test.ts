import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegistryClient } from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';
import { d2ci } from '../harness/cli.ts';

function keyPair(dir: string, name: string): void {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  writeFileSync(join(dir, `${name}.key`), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(join(dir, `${name}.pub`), publicKey.export({ type: 'spki', format: 'pem' }));
}

describe('d2ci release (key-based pipeline)', () => {
  let registry: LocalRegistry;
  let ws: string;
  const sha = '1'.repeat(40);
  before(async () => {
    registry = await startRegistry('none');
    ws = makeWorkspace(componentFiles);
    keyPair(ws, 'staging');
    keyPair(ws, 'release');
  });
  after(() => registry.stop());

  it('promotes a staging artifact signed with one key, signs it with the release key, and rolls back', async () => {
    const base = `oci://${registry.host}/acme/apps`;
    const push = await d2ci(
      [
        'push',
        `${base}/frontend:latest`,
        '--path',
        'components/frontend',
        '--source',
        'https://github.com/acme/apps',
        '--revision',
        `refs/heads/main@sha1:${sha}`,
        '--key',
        'staging.key',
        '-o',
        'json',
      ],
      ws,
    );
    assert.equal(push.code, 0, push.stderr);
    const staged = JSON.parse(push.stdout) as { digest: string };

    const released = await d2ci(
      ['release', base, '--ref', 'frontend/v1.0.0', '--commit', sha, '--verify-key', 'staging.pub', '--key', 'release.key', '-o', 'json'],
      ws,
    );
    assert.equal(released.code, 0, released.stderr);
    const result = JSON.parse(released.stdout) as {
      action: string;
      version: string;
      component: string;
      digest: string;
      previousDigest: string | null;
      signatureRef: string;
    };
    assert.deepEqual(
      [result.action, result.version, result.component, result.digest, result.previousDigest],
      ['promoted', 'v1.0.0', 'frontend', staged.digest, null],
    );
    assert.match(result.signatureRef, /\.sig$/);
    const verified = await d2ci(['verify', `${base}/frontend:latest-stable`, '--key', 'release.pub'], ws);
    assert.equal(verified.code, 0, verified.stderr);

    // A policy the artifact does not satisfy stops the promotion.
    keyPair(ws, 'other');
    const wrongKey = await d2ci(
      ['release', base, '--ref', 'frontend/v1.0.1', '--commit', sha, '--verify-key', 'other.pub', '--key', 'release.key'],
      ws,
    );
    assert.equal(wrongKey.code, 1);
    assert.match(
      wrongKey.stderr,
      /^✗ the staging artifact sha256:[0-9a-f]{64} is not verified, so it is not promoted: legacy signature: the signature does not verify with any given key \(2 signatures\) \(nothing was moved\)$/m,
    );

    writeFileSync(join(ws, 'components/frontend/base/next.yaml'), 'next: 1\n');
    const sha2 = '2'.repeat(40);
    const push2 = await d2ci(
      [
        'push',
        `${base}/frontend:latest`,
        '--path',
        'components/frontend',
        '--source',
        's',
        '--revision',
        `refs/heads/main@sha1:${sha2}`,
        '--key',
        'staging.key',
      ],
      ws,
    );
    assert.equal(push2.code, 0, push2.stderr);
    const v2 = await d2ci(
      ['release', base, '--ref', 'frontend/v2.0.0', '--commit', sha2, '--verify-key', 'staging.pub', '--key', 'release.key', '-o', 'json'],
      ws,
    );
    assert.equal(v2.code, 0, v2.stderr);
    const second = JSON.parse(v2.stdout) as { digest: string; previousDigest: string };

    const down = await d2ci(
      ['release', base, '--ref', 'frontend/v1.5.0', '--commit', sha, '--verify-key', 'staging.pub', '--key', 'release.key'],
      ws,
    );
    assert.equal(down.code, 1);
    assert.match(
      down.stderr,
      /^✗ latest-stable holds v2\.0\.0, which is newer than v1\.5\.0; refusing to move it back \(set allow-downgrade, or roll back with rollback-to\) \(nothing was moved\)$/m,
    );

    const repo = new RegistryClient().repository({ registry: registry.host, repository: 'acme/apps/frontend' });
    const back = await d2ci(['release', `${base}/frontend`, '--rollback-to', 'v1.0.0', '--verify-key', 'release.pub', '-o', 'json'], ws);
    assert.equal(back.code, 0, back.stderr);
    assert.deepEqual((JSON.parse(back.stdout) as { action: string; previousDigest: string }).action, 'rolled back');
    assert.equal((await repo.resolve('latest-stable')).digest, staged.digest);
    assert.notEqual(second.digest, staged.digest);
    // The Git tag's form works too, from the base repository.
    const forward = await d2ci(['release', base, '--rollback-to', 'frontend/v2.0.0', '--verify-key', 'release.pub', '-o', 'json'], ws);
    assert.equal(forward.code, 0, forward.stderr);
    assert.equal((JSON.parse(forward.stdout) as { digestUrl: string }).digestUrl, `${registry.host}/acme/apps/frontend@${second.digest}`);
    assert.equal((await repo.resolve('latest-stable')).digest, second.digest);
    const bad = await d2ci(['release', base, '--rollback-to', 'frontend/two', '--verify-key', 'release.pub'], ws);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /^✗ --rollback-to: release tag "frontend\/two" is not a release: /m);
  });

  it('signs the release in every format the staging digest carries, so every Flux version accepts it (and d2ci sign too)', async () => {
    const base = `oci://${registry.host}/acme/dual`;
    const commit = '3'.repeat(40);
    // Staging signed both ways (a bundle is present, so Flux 2.8+ reads only bundles).
    const push = await d2ci(
      [
        'push',
        `${base}/frontend:latest`,
        '--path',
        'components/frontend',
        '--source',
        's',
        '--revision',
        `refs/heads/main@sha1:${commit}`,
        '--key',
        'staging.key',
        '--signature-format',
        'both',
        '-o',
        'json',
      ],
      ws,
    );
    assert.equal(push.code, 0, push.stderr);
    const staged = JSON.parse(push.stdout) as { digest: string };

    const released = await d2ci(
      [
        'release',
        base,
        '--ref',
        'frontend/v1.0.0',
        '--commit',
        commit,
        '--verify-key',
        'staging.pub',
        '--key',
        'release.key',
        '--signature-annotation',
        'env=production',
        '-o',
        'json',
      ],
      ws,
    );
    assert.equal(released.code, 0, released.stderr);
    const result = JSON.parse(released.stdout) as { digest: string; signatureFormats: string[]; notes: string[] };
    assert.equal(result.digest, staged.digest);
    assert.deepEqual(result.signatureFormats, ['legacy', 'bundle']);
    assert.ok(
      result.notes.includes(
        'also signed as a Sigstore bundle because the staging digest carries one (Flux 2.8+ reads only bundles when any exist)',
      ),
      result.notes.join('\n'),
    );
    assert.ok(
      result.notes.some((n) => /^release signature verified as Flux 2\.6–2\.9 read it: key:[0-9a-f]{64}$/.test(n)),
      result.notes.join('\n'),
    );
    for (const flux of ['2.7', '2.8', '2.9', 'all']) {
      const verified = await d2ci(['verify', `${base}/frontend:latest-stable`, '--key', 'release.pub', '--flux-version', flux], ws);
      assert.equal(verified.code, 0, `Flux ${flux}: ${verified.stderr}`);
    }
    // --signature-annotation: in the release signature, both formats (the staging key's signature has none).
    for (const format of ['legacy', 'bundle']) {
      const annotated = (env: string, key = 'release.pub') =>
        d2ci(
          ['verify', `${base}/frontend:latest-stable`, '--key', key, '--signature-format', format, '--signature-annotation', `env=${env}`],
          ws,
        );
      assert.equal((await annotated('production')).code, 0, format);
      assert.equal((await annotated('staging')).code, 1, format);
      assert.equal((await annotated('production', 'staging.pub')).code, 1, format);
    }

    // d2ci sign widens the same way: legacy asked for, a bundle present → both written, and it says why.
    const other = await d2ci(
      [
        'push',
        `${base}/other:latest`,
        '--path',
        'components/frontend',
        '--source',
        's',
        '--revision',
        'r',
        '--key',
        'staging.key',
        '--signature-format',
        'bundle',
      ],
      ws,
    );
    assert.equal(other.code, 0, other.stderr);
    const signed = await d2ci(['sign', `${base}/other:latest`, '--key', 'release.key'], ws);
    assert.equal(signed.code, 0, signed.stderr);
    assert.match(
      signed.stderr,
      /^ {2}also signed as a Sigstore bundle because the digest carries one \(Flux 2\.8\+ reads only bundles when any exist\)$/m,
    );
    assert.match(signed.stderr, /^✔ signed .*\/acme\/dual\/other@sha256:[0-9a-f]{64} as key:[0-9a-f]{64} \(legacy \+ bundle\): /m);
    const asJson = await d2ci(['sign', `${base}/other:latest`, '--key', 'release.key', '--signature-format', 'bundle', '-o', 'json'], ws);
    assert.equal(asJson.code, 0, asJson.stderr);
    assert.deepEqual(
      (JSON.parse(asJson.stdout) as { formats: string[] }).formats,
      ['legacy', 'bundle'],
      'a .sig is there now, so a bundle request writes one too',
    );
    const verified = await d2ci(['verify', `${base}/other:latest`, '--key', 'release.pub', '--flux-version', 'all'], ws);
    assert.equal(verified.code, 0, verified.stderr);
  });

  it('finds the staging artifact by content when the tagged commit only touched ignored paths (--ignore-paths as push)', async () => {
    // The migration trial: a fleet pushed with .github/ left out; the next commit only edits a workflow, so push
    // skips it and no artifact names that commit. A release given push's ignore rules finds the artifact by content.
    mkdirSync(join(ws, 'fleet/.github/workflows'), { recursive: true });
    mkdirSync(join(ws, 'fleet/clusters/prod'), { recursive: true });
    writeFileSync(join(ws, 'fleet/.github/workflows/push.yaml'), 'on: push\n');
    writeFileSync(join(ws, 'fleet/clusters/prod/kustomization.yaml'), 'resources: []\n');
    const fleet = `oci://${registry.host}/acme/ignored-fleet`;
    const pushed = await d2ci(
      [
        'push',
        `${fleet}:latest`,
        '--path',
        'fleet',
        '--ignore-paths',
        '.github/',
        '--source',
        's',
        '--revision',
        `refs/heads/main@sha1:${'a'.repeat(40)}`,
        '--key',
        'staging.key',
        '-o',
        'json',
      ],
      ws,
    );
    assert.equal(pushed.code, 0, pushed.stderr);
    writeFileSync(join(ws, 'fleet/.github/workflows/push.yaml'), 'on: [push, workflow_dispatch]\n');
    const release = (extra: string[]) =>
      d2ci(
        [
          'release',
          fleet,
          '--ref',
          'v1.0.0',
          '--commit',
          'b'.repeat(40),
          '--path',
          'fleet',
          '--verify-key',
          'staging.pub',
          '--key',
          'release.key',
          '-o',
          'json',
          ...extra,
        ],
        ws,
      );
    const without = await release([]);
    assert.equal(without.code, 1, 'the tree with .github/ packs to other content than push published');
    assert.match(without.stderr, /give the release the ignore-paths and source-ignore push was given/);
    const promoted = await release(['--ignore-paths', '.github/']);
    assert.equal(promoted.code, 0, promoted.stderr);
    const result = JSON.parse(promoted.stdout) as { action: string; digest: string };
    assert.deepEqual([result.action, result.digest], ['promoted', (JSON.parse(pushed.stdout) as { digest: string }).digest]);
  });

  it('builds a fleet release from the checkout and refuses a malformed tag', async () => {
    const fleet = `oci://${registry.host}/acme/fleet`;
    const built = await d2ci(
      [
        'release',
        fleet,
        '--ref',
        'v3.0.0',
        '--mode',
        'build',
        '--path',
        'components',
        '--source',
        's',
        '--revision',
        'refs/tags/v3.0.0@sha1:3',
        '--key',
        'release.key',
        '-o',
        'json',
      ],
      ws,
    );
    assert.equal(built.code, 0, built.stderr);
    assert.equal((JSON.parse(built.stdout) as { action: string }).action, 'built');
    const bad = await d2ci(['release', fleet, '--ref', 'release-3', '--key', 'release.key'], ws);
    assert.equal(bad.code, 1);
    assert.match(
      bad.stderr,
      /^✗ --ref: release tag "release-3" is not a release: expected vX\.Y\.Z \(fleet repositories\) or <component>\/vX\.Y\.Z \(component repositories\)$/m,
    );
  });
});
