import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { crc32, gunzipSync, gzipSync, inflateRawSync } from 'node:zlib';
import { gzipChunkBytes } from '../../packages/core/src/artifact/gzip.ts';
import { join } from 'node:path';
import tar from 'tar-stream';
import {
  buildLayer,
  hashLayer,
  fluxManifest,
  FluxMediaType,
  Annotation,
  reproducibleCreated,
  fluxConfig,
  artifactAnnotations,
} from '@d2ci/core';
import { makeWorkspace } from '../harness/workspace.ts';
import { run } from '../harness/exec.ts';

async function entriesOf(tgz: Buffer): Promise<tar.Header[]> {
  const headers: tar.Header[] = [];
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    headers.push(header);
    stream.on('end', next);
    stream.resume();
  });
  await new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('error', reject);
    extract.end(gunzipSync(tgz));
  });
  return headers;
}

const sample = {
  'clusters/staging/flux.yaml': 'kind: Kustomization\n',
  'clusters/prod/flux.yaml': 'kind: Kustomization\nspec: {}\n',
  'scripts/run.sh*': '#!/bin/sh\n',
  'README.md': '# fleet\n',
};

describe('layer build', () => {
  it('writes a deterministic tar: "." first, uid/gid 0, no owner names, mtime 0, normalised modes', async () => {
    const root = makeWorkspace(sample);
    const out = join(root, '..', `${Date.now()}-layer.tgz`);
    const info = await buildLayer({ path: root }, out);
    const tgz = readFileSync(out);
    assert.equal(info.digest, `sha256:${createHash('sha256').update(tgz).digest('hex')}`);
    assert.equal(info.size, tgz.length);
    assert.equal(info.diffId, `sha256:${createHash('sha256').update(gunzipSync(tgz)).digest('hex')}`);
    assert.deepEqual([...tgz.subarray(0, 10)], [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff], "Go's gzip header: no name, mtime 0, OS 255");
    const headers = await entriesOf(tgz);
    assert.deepEqual(
      headers.map((h) => h.name),
      [
        '.',
        'README.md',
        'clusters',
        'clusters/prod',
        'clusters/prod/flux.yaml',
        'clusters/staging',
        'clusters/staging/flux.yaml',
        'scripts',
        'scripts/run.sh',
      ],
    );
    for (const h of headers) {
      assert.equal(h.uid, 0);
      assert.equal(h.gid, 0);
      assert.equal(h.uname, '');
      assert.equal(h.gname, '');
      assert.equal(h.mtime?.getTime(), 0);
      assert.equal(h.mode, h.type === 'directory' || h.name === 'scripts/run.sh' ? 0o755 : 0o644, h.name);
    }
    // GNU tar, an independent reader, lists and extracts it.
    const listed = await run('tar', ['-tvzf', out]);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /-rwxr-xr-x 0\/0 +10 1970-01-01 00:00 scripts\/run.sh/);
  });

  it('gives the same digest for the same content regardless of mtime, umask, creation order or location', async () => {
    const a = makeWorkspace(sample);
    const b = makeWorkspace(Object.fromEntries(Object.entries(sample).reverse()));
    chmodSync(join(b, 'README.md'), 0o600);
    chmodSync(join(b, 'scripts/run.sh'), 0o700);
    chmodSync(join(b, 'clusters'), 0o700);
    utimesSync(join(b, 'README.md'), new Date(2020, 1, 1), new Date(2020, 1, 1));
    const [ha, hb] = await Promise.all([hashLayer({ path: a }), hashLayer({ path: b })]);
    assert.equal(ha.digest, hb.digest);
    assert.equal(ha.diffId, hb.diffId);
    writeFileSync(join(b, 'README.md'), '# fleet!\n');
    assert.notEqual((await hashLayer({ path: b })).digest, ha.digest, 'content changes change the digest');
  });

  it('pins the digest of a known tree, so a toolchain change that alters layer bytes is caught', async () => {
    // If this fails after a Node/zlib/tar-stream upgrade, every artifact would look changed to diff-tag users:
    // treat it as a breaking change, not a fixture to refresh. This tree's tar fits in one gzip chunk (gzip.ts), so
    // it is one zlib stream, byte for byte what d2ci wrote before packing in parallel: the pin has not changed.
    const root = makeWorkspace(sample);
    const info = await hashLayer({ path: root });
    assert.equal(info.diffId, 'sha256:8d69abeb20a07a776a8a5470a3e5482d08434e6297a2628abe6daeb312fded72');
    assert.equal(info.digest, 'sha256:e8b2c184115c31245b450ca5efa0174975fc767d284fcb410c4b1b1d5330c89c');
  });

  it('pins the digest of a tree whose tar spans several gzip chunks, packed as one gzip member', async () => {
    // A change of chunk size, dictionary priming or flush would change this digest (and every big layer's).
    const line = (i: number): string => `- name: app-${i % 97}\n  image: registry.example/app-${(i * 31) % 89}:v1.${i % 13}\n`;
    const text = (from: number, bytes: number): string => {
      let out = '';
      for (let i = from; out.length < bytes; i++) out += line(i);
      return out.slice(0, bytes);
    };
    const root = makeWorkspace({ 'a.yaml': text(0, 1_500_000), 'b/c.yaml': text(7, 1_300_000), 'd.yaml': 'x: 1\n' });
    const out = join(root, '..', `${Date.now()}-multi.tgz`);
    const info = await buildLayer({ path: root }, out);
    assert.ok(info.uncompressedSize > 2 * gzipChunkBytes, 'three chunks');
    const tgz = readFileSync(out);
    const tarBytes = gunzipSync(tgz);
    // One member: a raw inflater finds a single deflate stream that ends right before the 8-byte trailer.
    const { engine } = inflateRawSync(tgz.subarray(10, tgz.length - 8), { info: true }) as unknown as { engine: { bytesWritten: number } };
    assert.equal(engine.bytesWritten, tgz.length - 18);
    assert.equal(tgz.readUInt32LE(tgz.length - 8), crc32(tarBytes));
    // Not one zlib stream any more (that is what an earlier d2ci wrote): a different digest for the same tar.
    const single = gzipSync(tarBytes, { level: 6 });
    single[9] = 0xff;
    assert.notDeepEqual(tgz, single);
    assert.equal(info.diffId, 'sha256:439f135c16f962cca2ea54870c69a2015ac3ff86760c2a9b68f8d131f4373c96');
    assert.equal(info.digest, 'sha256:24a71cda681b85ed4fa216d9445dcec2d92913b1630394083ec69dc08e901cd3');
  });

  it('writes a tar that fits in one chunk as the one zlib stream an earlier d2ci wrote', async () => {
    const root = makeWorkspace({ ...sample, 'big.yaml': 'k: v\n'.repeat(150_000) });
    const info = await hashLayer({ path: root });
    assert.ok(info.uncompressedSize > 512 << 10 && info.uncompressedSize <= gzipChunkBytes);
    const out = join(root, '..', `${Date.now()}-one.tgz`);
    await buildLayer({ path: root }, out);
    const tgz = readFileSync(out);
    const single = gzipSync(gunzipSync(tgz), { level: 6 });
    single[9] = 0xff; // the OS byte, as Go writes it
    assert.deepEqual(tgz, single);
  });

  it('streams large files and long names through PAX headers that GNU tar reads', async () => {
    const long = `${'very-long-directory-name/'.repeat(6)}file-with-a-long-name.yaml`;
    const big = randomBytes(3 * 1024 * 1024 + 17);
    const root = makeWorkspace({ [long]: 'x: 1\n' });
    mkdirSync(join(root, 'blobs'));
    writeFileSync(join(root, 'blobs', 'big.bin'), big);
    const out = join(root, '..', `${Date.now()}-long.tgz`);
    const info = await buildLayer({ path: root }, out);
    assert.equal(info.files, 2);
    const dest = makeWorkspace({});
    const extracted = await run('tar', ['-xzf', out, '-C', dest]);
    assert.equal(extracted.code, 0, extracted.stderr);
    assert.equal(readFileSync(join(dest, long), 'utf8'), 'x: 1\n');
    assert.deepEqual(readFileSync(join(dest, 'blobs/big.bin')), big);
  });

  it('builds the Flux manifest and config', () => {
    const layer = { digest: `sha256:${'a'.repeat(64)}`, size: 123, diffId: `sha256:${'b'.repeat(64)}` };
    const built = fluxManifest(layer, {
      source: 'https://github.com/acme/fleet',
      revision: 'refs/heads/main@sha1:abc',
      reproducible: true,
      annotations: { 'z.custom': 'v', [Annotation.source]: 'override' },
    });
    const manifest = JSON.parse(built.manifest.toString()) as {
      mediaType: string;
      config: { mediaType: string; size: number };
      layers: { mediaType: string }[];
      annotations: Record<string, string>;
    };
    assert.equal(manifest.mediaType, 'application/vnd.oci.image.manifest.v1+json');
    assert.equal(manifest.config.mediaType, FluxMediaType.config);
    assert.deepEqual(
      manifest.layers.map((l) => l.mediaType),
      [FluxMediaType.content],
    );
    assert.deepEqual(
      Object.keys(manifest.annotations),
      [Annotation.created, Annotation.revision, Annotation.source, 'z.custom'],
      'sorted like Go maps',
    );
    assert.equal(manifest.annotations[Annotation.created], reproducibleCreated);
    assert.equal(manifest.annotations[Annotation.source], 'override', 'user annotations win, as in Flux');
    assert.ok(
      built.manifest
        .toString()
        .startsWith('{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":'),
      'field order as go-containerregistry writes it',
    );
    assert.equal(built.config.length, 233, 'the same size as the config Flux writes');
    assert.equal(
      fluxConfig(layer.diffId).toString(),
      `{"architecture":"","created":"0001-01-01T00:00:00Z","history":[{"created":"0001-01-01T00:00:00Z"}],"os":"","rootfs":{"type":"layers","diff_ids":["${layer.diffId}"]},"config":{}}`,
      'the exact config Flux 2.6–2.8 write',
    );
    assert.deepEqual(
      fluxManifest(layer, { source: 's', revision: 'r' }).configDescriptor,
      built.configDescriptor,
      'the config depends on the content only',
    );
    assert.match(
      artifactAnnotations({ source: 's', revision: 'r' }, new Date('2025-03-07T10:11:12.345Z'))[Annotation.created] ?? '',
      /^2025-03-07T10:11:12Z$/,
    );
  });
});
