import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { OciLayout, pullArtifact, pushArtifact, UnsafeArchiveError, type Target } from '@d2ci/core';
import { makeWorkspace } from '../harness/workspace.ts';
import { artifactWithLayers, tarball, type Entry } from '../harness/crafted.ts';

/** Stores a hand-made layer as a Flux artifact in an OCI layout, tagged `latest`. */
const artifactWithLayer = (layer: Buffer): Promise<{ target: Target; dir: string }> => artifactWithLayers([{ bytes: layer }]);

function leftovers(output: string): string[] {
  return readdirSync(dirname(output)).filter((name) => name.startsWith('.d2ci-pull-'));
}

describe('pullArtifact', () => {
  it('round-trips a pushed tree with normalised modes', async () => {
    const ws = makeWorkspace({ 'app/base/a.yaml': 'a: 1\n', 'app/run.sh*': '#!/bin/sh\n' });
    const layout = new OciLayout(join(ws, 'layout'));
    const pushed = await pushArtifact({ path: join(ws, 'app'), target: layout, source: 's', revision: 'r' });
    const output = join(ws, 'out', 'app');
    const pulled = await pullArtifact({ target: layout, reference: 'latest', output });
    assert.equal(pulled.descriptor.digest, pushed.descriptor.digest);
    assert.equal(pulled.files, 2);
    assert.equal(readFileSync(join(output, 'base/a.yaml'), 'utf8'), 'a: 1\n');
    assert.equal(statSync(join(output, 'run.sh')).mode & 0o777, 0o755);
    assert.equal(statSync(join(output, 'base/a.yaml')).mode & 0o777, 0o644);
    assert.deepEqual(leftovers(output), []);

    // Pulling again into the same directory replaces what is there.
    writeFileSync(join(output, 'base/a.yaml'), 'stale');
    await pullArtifact({ target: layout, reference: pushed.descriptor.digest, output });
    assert.equal(readFileSync(join(output, 'base/a.yaml'), 'utf8'), 'a: 1\n');
  });

  it('round-trips a tree whose layer spans several gzip chunks (one member, sync-flushed joints)', async () => {
    const big =
      'kind: ConfigMap\ndata:\n' + Array.from({ length: 120_000 }, (_, i) => `  key-${i}: value-${(i * 7919) % 100_003}\n`).join('');
    const ws = makeWorkspace({ 'app/big.yaml': big, 'app/small.yaml': 'a: 1\n' });
    const layout = new OciLayout(join(ws, 'layout'));
    const pushed = await pushArtifact({ path: join(ws, 'app'), target: layout, source: 's', revision: 'r' });
    assert.ok(pushed.layer.uncompressedSize > 2 * (1 << 20), 'more than two 1 MiB chunks');
    const output = join(ws, 'out');
    const pulled = await pullArtifact({ target: layout, reference: 'latest', output });
    assert.equal(pulled.files, 2);
    assert.equal(readFileSync(join(output, 'big.yaml'), 'utf8'), big);
  });

  it('reads a layer of several concatenated gzip members, as other packers (pigz -i, some Go writers) may write', async () => {
    const tar = await tarball([
      { name: '.', type: 'directory', mode: 0o755 },
      { name: 'a.yaml', content: 'a: 1\n'.repeat(20_000) },
      { name: 'b.yaml', content: 'b: 2\n' },
    ]);
    // Three members, cut anywhere (even inside a tar header): Go's gzip reader and zlib's gunzip read on.
    const cuts = [0, 1000, 70_000, tar.length];
    const layer = Buffer.concat(cuts.slice(1).map((end, i) => gzipSync(tar.subarray(cuts[i], end))));
    const { target, dir } = await artifactWithLayer(layer);
    const output = join(dir, '..', 'out');
    const pulled = await pullArtifact({ target, reference: 'latest', output });
    assert.equal(pulled.files, 2);
    assert.equal(readFileSync(join(output, 'a.yaml'), 'utf8'), 'a: 1\n'.repeat(20_000));
    assert.equal(readFileSync(join(output, 'b.yaml'), 'utf8'), 'b: 2\n');
  });

  const refused: [string, Entry[], RegExp][] = [
    ['a ".." traversal', [{ name: '../evil.yaml', content: 'x' }], /path traversal/],
    ['a nested traversal', [{ name: 'ok/../../evil.yaml', content: 'x' }], /path traversal/],
    ['an absolute path', [{ name: '/etc/evil', content: 'x' }], /absolute path/],
    ['a symlink', [{ name: 'link', type: 'symlink', linkname: '/etc/passwd' }], /refusing symlink entry "link" -> \/etc\/passwd/],
    [
      'a hard link',
      [
        { name: 'a', content: 'x' },
        { name: 'b', type: 'link', linkname: 'a' },
      ],
      /refusing link entry "b"/,
    ],
    ['a character device', [{ name: 'dev', type: 'character-device' }], /refusing character-device entry/],
    ['a fifo', [{ name: 'pipe', type: 'fifo' }], /refusing fifo entry/],
    ['a backslash name', [{ name: '..\\evil', content: 'x' }], /backslashes/],
    [
      'a duplicate file',
      [
        { name: 'a', content: 'x' },
        { name: 'a', content: 'y' },
      ],
      /the archive names it twice/,
    ],
  ];
  for (const [what, entries, message] of refused) {
    it(`refuses ${what} and leaves nothing behind`, async () => {
      const { target, dir } = await artifactWithLayer(
        gzipSync(await tarball([{ name: '.', type: 'directory', mode: 0o755 }, { name: 'fine.yaml', content: 'ok' }, ...entries])),
      );
      const output = join(dir, '..', 'out');
      await assert.rejects(pullArtifact({ target, reference: 'latest', output }), message);
      assert.equal(existsSync(output), false, 'no partial output');
      assert.deepEqual(leftovers(output), []);
      assert.equal(existsSync(join(dir, '..', 'evil.yaml')) || existsSync(join(dir, '..', '..', 'evil.yaml')), false);
    });
  }

  it('refuses an artifact that unpacks beyond max-size', async () => {
    const { target, dir } = await artifactWithLayer(gzipSync(await tarball([{ name: 'big', content: Buffer.alloc(200_000) }])));
    await assert.rejects(
      pullArtifact({ target, reference: 'latest', output: join(dir, '..', 'out'), maxSize: 100_000 }),
      (err: Error) => err instanceof UnsafeArchiveError && /more than the 100000-byte limit/.test(err.message),
    );
    await assert.rejects(
      pullArtifact({ target, reference: 'latest', output: join(dir, '..', 'out'), maxSize: 100 }),
      /layer is \d+ bytes, over the 100-byte limit/,
    );
    assert.equal(existsSync(join(dir, '..', 'out')), false);
  });

  it('refuses a corrupted layer blob (digest verified while streaming) and keeps the old output', async () => {
    const { target, dir } = await artifactWithLayer(gzipSync(await tarball([{ name: 'a.yaml', content: 'a: 1\n' }])));
    const blobs = join(dir, 'blobs', 'sha256');
    const layer = readdirSync(blobs)
      .map((name) => join(blobs, name))
      .find((path) => readFileSync(path)[0] === 0x1f) as string;
    const bytes = readFileSync(layer);
    bytes[bytes.length - 9] = (bytes[bytes.length - 9] ?? 0) ^ 0xff;
    writeFileSync(layer, bytes);
    const output = join(dir, '..', 'out');
    mkdirSync(output);
    writeFileSync(join(output, 'keep.txt'), 'previous pull');
    await assert.rejects(pullArtifact({ target, reference: 'latest', output }), /does not match|gzip|crc|check/i);
    assert.deepEqual(readdirSync(output), ['keep.txt']);
    assert.deepEqual(leftovers(output), []);
  });

  it('refuses a layer that is not gzip', async () => {
    const { target, dir } = await artifactWithLayer(Buffer.from('plain text, not a tarball'));
    await assert.rejects(pullArtifact({ target, reference: 'latest', output: join(dir, '..', 'out') }), /not a valid gzip stream/);
  });
});
