// Racing processes: two release runs of one version, and many pushes into one OCI layout. Real CLI processes at
// the same time against a real registry or folder; each race must be decided, never silently lost.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRegistry, tagDigest, type LocalRegistry } from '../harness/registry.ts';
import { makeWorkspace } from '../harness/workspace.ts';
import { OciLayout, ReleaseRefused, parseReleaseTag, pushArtifact, releaseArtifact, type Target } from '@d2ci/core';
import { d2ci } from '../harness/cli.ts';

describe('racing releases and writers', () => {
  let registry: LocalRegistry;
  let ws: string;
  before(async () => {
    registry = await startRegistry('none');
    ws = makeWorkspace({ 'a/app.yaml': 'kind: ConfigMap\nmetadata: {name: a}\n', 'b/app.yaml': 'kind: ConfigMap\nmetadata: {name: b}\n' });
  });
  after(() => registry.stop());

  for (const version of ['v2.0.1', 'v2.0.2', 'v2.0.3']) {
    it(`two build releases of ${version} for different trees at once: exactly one wins, the other names the winner`, async () => {
      const url = `oci://${registry.host}/acme/race`;
      const release = (tree: string) =>
        d2ci(
          [
            'release',
            url,
            '--ref',
            version,
            '--mode',
            'build',
            '--path',
            tree,
            '--source',
            'https://github.com/acme/race',
            '--revision',
            `${version}@sha1:${tree}`,
            '-o',
            'json',
          ],
          ws,
        );
      const [a, b] = await Promise.all([release('a'), release('b')]);
      const results = [a, b];
      const won = results.filter((r) => r.code === 0);
      const lost = results.filter((r) => r.code !== 0);
      assert.equal(won.length, 1, `exactly one release succeeds:\n${a.stderr}\n${b.stderr}`);
      assert.equal(lost.length, 1);
      const winner = (JSON.parse(won[0]?.stdout ?? '{}') as { digest: string }).digest;
      const line = lost[0]?.stderr.trim().split('\n').at(-1) ?? '';
      // Decided either way, naming the winner: by the read-back (both wrote), or by the look before writing (the
      // winner was already there when the slower run looked).
      const v = version.replace(/\./g, '\\.');
      assert.match(
        line,
        new RegExp(
          `^✗ (${v} was released by another run at the same time: it points at ${winner}, not at this run's sha256:[0-9a-f]{64}, so this run released nothing \\(latest-stable not moved\\); serialise release jobs with a workflow concurrency group|${v} already points at ${winner}, whose content differs from this tree; refusing to overwrite a release)`,
        ),
      );
      assert.equal(await tagDigest(registry, 'acme/race', version), winner, 'the version tag keeps the winner');
      assert.equal(await tagDigest(registry, 'acme/race', 'latest-stable'), winner, 'latest-stable is the winner');
    });
  }

  it('a later release of a released version for another tree is refused before anything moves; the same tree is a no-op', async () => {
    const url = `oci://${registry.host}/acme/race`;
    const first = await d2ci(
      ['release', url, '--ref', 'v2.1.0', '--mode', 'build', '--path', 'a', '--source', 's', '--revision', 'v2.1.0@sha1:a'],
      ws,
    );
    assert.equal(first.code, 0, first.stderr);
    const released = await tagDigest(registry, 'acme/race', 'v2.1.0');
    const other = await d2ci(
      ['release', url, '--ref', 'v2.1.0', '--mode', 'build', '--path', 'b', '--source', 's', '--revision', 'v2.1.0@sha1:b'],
      ws,
    );
    assert.equal(other.code, 1);
    assert.match(
      other.stderr.trim().split('\n').at(-1) ?? '',
      /^✗ v2\.1\.0 already points at sha256:[0-9a-f]{64}, whose content differs from this tree; refusing to overwrite a release \(nothing was moved\)$/,
    );
    assert.equal(await tagDigest(registry, 'acme/race', 'v2.1.0'), released);
    const same = await d2ci(
      ['release', url, '--ref', 'v2.1.0', '--mode', 'build', '--path', 'a', '--source', 's', '--revision', 'v2.1.0@sha1:a'],
      ws,
    );
    assert.equal(same.code, 0, same.stderr);
    assert.equal(await tagDigest(registry, 'acme/race', 'v2.1.0'), released);
  });

  it('the read-back decides a write that lands after the last look (another run overwrites the version tag)', async () => {
    const dir = join(ws, 'layout-readback');
    const layout = new OciLayout(dir);
    const other = await pushArtifact({ target: layout, path: join(ws, 'b'), tags: ['other'], source: 's', revision: 'r@sha1:b' });
    const otherManifest = await layout.fetchManifest(other.descriptor.digest);
    // Every write of v3.0.0 by this run is followed at once by the other run's write of its own digest.
    const racing: Target = new Proxy(layout, {
      get(object, property) {
        const value: unknown = Reflect.get(object, property, object);
        if (property === 'pushReference' || property === 'tag') {
          return async (...args: unknown[]) => {
            await (value as (...a: unknown[]) => Promise<void>).apply(object, args);
            if (args.includes('v3.0.0')) await layout.pushReference(otherManifest.descriptor, otherManifest.bytes, 'v3.0.0');
          };
        }
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(object) : value;
      },
    });
    await assert.rejects(
      releaseArtifact({
        mode: 'build',
        target: racing,
        release: parseReleaseTag('v3.0.0'),
        path: join(ws, 'a'),
        source: 's',
        revision: 'v3.0.0@sha1:a',
        settleMs: 0,
      }),
      (err: unknown) => {
        assert.ok(err instanceof ReleaseRefused);
        assert.equal(err.code, 'RELEASE_RACED');
        assert.match(
          err.message,
          new RegExp(`^v3\\.0\\.0 was released by another run at the same time: it points at ${other.descriptor.digest}`),
        );
        return true;
      },
    );
    assert.equal((await layout.resolve('v3.0.0')).digest, other.descriptor.digest);
    assert.equal((await layout.tags()).includes('latest-stable'), false, 'latest-stable not moved by the loser');
  });

  it('eight pushes to one OCI layout at once keep all eight tags', async () => {
    const layout = join(ws, 'layout');
    const trees = Array.from({ length: 8 }, (_, i) => {
      const dir = join(ws, `t${i}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'app.yaml'), `kind: ConfigMap\nmetadata: {name: t${i}}\n`);
      return dir;
    });
    const pushes = await Promise.all(
      trees.map((dir, i) =>
        d2ci(['push', `oci-layout:${layout}:t${i}`, '--path', dir, '--source', 's', '--revision', `main@sha1:${i}`], ws),
      ),
    );
    for (const push of pushes) assert.equal(push.code, 0, push.stderr);
    const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as { manifests: { annotations?: Record<string, string> }[] };
    const tags = index.manifests
      .map((m) => m.annotations?.['org.opencontainers.image.ref.name'])
      .filter(Boolean)
      .sort();
    assert.deepEqual(tags, ['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7']);
  });

  it('a corrupt index.json is one clear line, not a JSON parser error', async () => {
    const layout = join(ws, 'broken');
    mkdirSync(layout, { recursive: true });
    writeFileSync(join(layout, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
    writeFileSync(join(layout, 'index.json'), '{"manifests": [');
    const listed = await d2ci(['list', `oci-layout:${layout}`], ws);
    assert.equal(listed.code, 1);
    assert.match(listed.stderr.trim(), /^✗ oci-layout:.*broken\/index\.json is not valid JSON \(.*\); restore it or start a new layout$/);
  });
});
