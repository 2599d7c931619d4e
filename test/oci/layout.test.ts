import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { OciLayout, MediaType, OciError, bytesSource, readAll, refNameAnnotation, copy, type Descriptor } from '@d2ci/core/oci';
import { blob, imageManifest, imageIndex } from './fixtures.ts';
import { skopeo } from '../harness/exec.ts';

interface IndexFile {
  schemaVersion: number;
  mediaType?: string;
  manifests: Descriptor[];
}

const readIndex = (dir: string): IndexFile => JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as IndexFile;
const entries = (dir: string): [string, string | undefined][] =>
  readIndex(dir).manifests.map((d) => [d.digest, d.annotations?.[refNameAnnotation]]);
const blobPath = (dir: string, digest: string): string => join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length));

/** An artifact: config, a layer and a manifest, pushed (manifest untagged unless `tag`). */
async function pushArtifact(
  layout: OciLayout,
  seed: string,
  extra: Partial<Parameters<typeof imageManifest>[0]> = {},
  tag?: string,
): Promise<ReturnType<typeof imageManifest> & { layer: ReturnType<typeof blob> }> {
  const config = blob('{}', MediaType.ociEmpty);
  const layer = blob(`layer ${seed} ${randomBytes(4).toString('hex')}`, 'application/vnd.cncf.flux.content.v1.tar+gzip');
  await layout.push(config.descriptor, bytesSource(config.bytes));
  await layout.push(layer.descriptor, bytesSource(layer.bytes));
  const manifest = imageManifest({ config: config.descriptor, layers: [layer.descriptor], ...extra });
  if (tag) await layout.pushReference(manifest.descriptor, manifest.bytes, tag);
  else await layout.push(manifest.descriptor, bytesSource(manifest.bytes));
  return { ...manifest, layer };
}

describe('OciLayout', () => {
  let root: string;
  let n = 0;
  const freshDir = (): string => join(root, `layout-${++n}`);
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'd2ci-layout-test-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('writes spec-compliant files: oci-layout, index.json with ref.name annotations, blobs/sha256/<hex>', async () => {
    const dir = freshDir();
    const layout = new OciLayout(dir);
    const artifact = await pushArtifact(layout, 'a', {}, 'v1');
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'oci-layout'), 'utf8')), { imageLayoutVersion: '1.0.0' });
    const index = readIndex(dir);
    assert.equal(index.schemaVersion, 2);
    assert.equal(index.mediaType, MediaType.ociIndex);
    assert.deepEqual(index.manifests, [
      {
        mediaType: MediaType.ociManifest,
        size: artifact.bytes.length,
        digest: artifact.descriptor.digest,
        annotations: { [refNameAnnotation]: 'v1' },
      },
    ]);
    assert.deepEqual(readFileSync(blobPath(dir, artifact.descriptor.digest)), artifact.bytes);
    assert.deepEqual(readFileSync(blobPath(dir, artifact.layer.descriptor.digest)), artifact.layer.bytes);
    assert.deepEqual(readdirSync(join(dir, 'blobs')), ['sha256']);
    assert.equal(readdirSync(join(dir, 'blobs', 'sha256')).length, 3);
    // Nothing half-written is left behind.
    assert.deepEqual(
      readdirSync(dir).filter((f) => !['blobs', 'index.json', 'oci-layout', 'ingest'].includes(f)),
      [],
    );
    assert.deepEqual(readdirSync(join(dir, 'ingest')), []);

    assert.deepEqual(await layout.resolve('v1'), artifact.descriptor);
    assert.deepEqual(await layout.resolve(artifact.descriptor.digest), artifact.descriptor);
    assert.deepEqual((await layout.fetchManifest('v1')).bytes, artifact.bytes);
    assert.deepEqual(await readAll(await layout.fetch(artifact.layer.descriptor)), artifact.layer.bytes);
    assert.deepEqual(await layout.tags(), ['v1']);
    assert.equal(layout.name, `oci-layout:${dir}`);
  });

  it('lists a pushed manifest once, untagged, however often it is pushed', async () => {
    const dir = freshDir();
    const layout = new OciLayout(dir);
    const artifact = await pushArtifact(layout, 'b');
    await layout.push(artifact.descriptor, bytesSource(artifact.bytes));
    assert.deepEqual(entries(dir), [[artifact.descriptor.digest, undefined]]);
    assert.deepEqual(await layout.tags(), []);
    await assert.rejects(layout.resolve('latest'), (err: OciError) => err.status === 404 && /tag "latest" not found/.test(err.message));
  });

  it('moves tags: the previous manifest stays listed untagged, a still-tagged one is not duplicated', async () => {
    const dir = freshDir();
    const layout = new OciLayout(dir);
    const a = await pushArtifact(layout, 'a', {}, 'latest');
    await layout.tag(a.descriptor, 'stable');
    const b = await pushArtifact(layout, 'b', {}, 'latest');
    assert.deepEqual((await layout.resolve('latest')).digest, b.descriptor.digest);
    assert.deepEqual((await layout.resolve('stable')).digest, a.descriptor.digest);
    assert.deepEqual(
      entries(dir).sort(),
      [
        [a.descriptor.digest, 'stable'],
        [b.descriptor.digest, 'latest'],
      ].sort(),
    );

    await layout.tag(b.descriptor, 'stable');
    assert.deepEqual(
      entries(dir).sort(),
      [
        [a.descriptor.digest, undefined],
        [b.descriptor.digest, 'latest'],
        [b.descriptor.digest, 'stable'],
      ].sort(),
    );
    assert.deepEqual(
      (await layout.resolve(a.descriptor.digest)).digest,
      a.descriptor.digest,
      'the untagged manifest still resolves by digest',
    );
    assert.deepEqual(await layout.tags(), ['latest', 'stable']);

    // Tagging the untagged manifest replaces its untagged entry; re-tagging the same target changes nothing.
    await layout.tag(a.descriptor, 'old');
    await layout.tag(a.descriptor, 'old');
    assert.deepEqual(
      entries(dir).sort(),
      [
        [a.descriptor.digest, 'old'],
        [b.descriptor.digest, 'latest'],
        [b.descriptor.digest, 'stable'],
      ].sort(),
    );
  });

  it('refuses to tag a manifest it does not hold, and to store bytes that do not match', async () => {
    const dir = freshDir();
    const layout = new OciLayout(dir);
    const ghost = imageManifest({ config: blob('{}', MediaType.ociEmpty).descriptor, layers: [] });
    await assert.rejects(layout.tag(ghost.descriptor, 'x'), (err: OciError) => err.status === 404);
    const other = blob('not the manifest');
    await assert.rejects(layout.pushReference(ghost.descriptor, other.bytes, 'x'), (err: OciError) => err.code === 'DIGEST_MISMATCH');
    await assert.rejects(
      layout.push(ghost.descriptor, bytesSource(Buffer.concat([ghost.bytes.subarray(1), Buffer.from(' ')]))),
      (err: OciError) => err.code === 'DIGEST_MISMATCH',
    );
    assert.equal(existsSync(blobPath(dir, ghost.descriptor.digest)), false);
    assert.deepEqual(readdirSync(join(dir, 'ingest')), [], 'the rejected upload left no temp file');
    assert.deepEqual(await layout.tags(), []);
  });

  it('finds referrers by subject, with artifact type and annotations, and filters them', async () => {
    const dir = freshDir();
    const layout = new OciLayout(dir);
    const subject = await pushArtifact(layout, 's', {}, 'v1');
    const sig = await pushArtifact(layout, 'sig', {
      artifactType: 'application/vnd.example.sig',
      subject: subject.descriptor,
      annotations: { kind: 'sig' },
    });
    const sbom = await pushArtifact(layout, 'sbom', { artifactType: 'application/vnd.example.sbom', subject: subject.descriptor });
    await pushArtifact(layout, 'unrelated', {
      artifactType: 'application/vnd.example.sig',
      subject: blob('elsewhere', MediaType.ociManifest).descriptor,
    });
    const found = await layout.referrers(subject.descriptor);
    assert.deepEqual(
      found.map((d) => [d.digest, d.artifactType, d.annotations]).sort(),
      [
        [sig.descriptor.digest, 'application/vnd.example.sig', { kind: 'sig' }],
        [sbom.descriptor.digest, 'application/vnd.example.sbom', undefined],
      ].sort(),
    );
    assert.deepEqual(
      (await layout.referrers(subject.descriptor, { artifactType: 'application/vnd.example.sbom' })).map((d) => d.digest),
      [sbom.descriptor.digest],
    );
    assert.deepEqual(await layout.referrers(sig.descriptor), []);
    // A referrer stays findable after its subject's tag moves away.
    await pushArtifact(layout, 'next', {}, 'v1');
    assert.equal((await layout.referrers(subject.descriptor)).length, 2);
  });

  it('deletes manifests (and every tag on them) and blobs', async () => {
    const dir = freshDir();
    const layout = new OciLayout(dir);
    const a = await pushArtifact(layout, 'a', {}, 'v1');
    await layout.tag(a.descriptor, 'v2');
    const b = await pushArtifact(layout, 'b', {}, 'v3');
    await layout.delete(a.descriptor);
    assert.deepEqual(entries(dir), [[b.descriptor.digest, 'v3']]);
    assert.equal(existsSync(blobPath(dir, a.descriptor.digest)), false);
    await assert.rejects(layout.resolve('v1'), (err: OciError) => err.status === 404);
    assert.deepEqual(await layout.tags(), ['v3']);
    await layout.delete(a.layer.descriptor);
    assert.equal(await layout.exists(a.layer.descriptor), false);
    assert.deepEqual(entries(dir), [[b.descriptor.digest, 'v3']]);
    await assert.rejects(layout.delete(a.descriptor), (err: OciError) => err.status === 404);
  });

  it('keeps index.json valid and complete under concurrent pushes and tag moves from one process', async () => {
    const dir = freshDir();
    const count = 24;
    // Separate instances on one directory, as separate copy() calls would have.
    const results = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const layout = new OciLayout(dir);
        const artifact = await pushArtifact(layout, `c${i}`, {}, `t${i}`);
        await layout.tag(artifact.descriptor, 'latest');
        return artifact;
      }),
    );
    const index = readIndex(dir);
    const tagged = index.manifests.filter((d) => d.annotations?.[refNameAnnotation]);
    assert.equal(tagged.filter((d) => d.annotations?.[refNameAnnotation] === 'latest').length, 1, 'exactly one latest');
    for (const [i, artifact] of results.entries()) {
      assert.ok(
        tagged.some((d) => d.digest === artifact.descriptor.digest && d.annotations?.[refNameAnnotation] === `t${i}`),
        `t${i} kept`,
      );
    }
    const listed = new Set(index.manifests.map((d) => d.digest));
    assert.equal(listed.size, count, 'every manifest listed');
    const layout = new OciLayout(dir);
    assert.equal((await layout.tags()).length, count + 1);
    const latest = await layout.resolve('latest');
    assert.ok(results.some((r) => r.descriptor.digest === latest.digest));
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.startsWith('.index.json')),
      [],
      'no temp index files left',
    );
  });

  it('detects a corrupted blob on fetch, and a truncated one as missing', async () => {
    const dir = freshDir();
    const layout = new OciLayout(dir);
    const artifact = await pushArtifact(layout, 'x', {}, 'v1');
    const layerFile = blobPath(dir, artifact.layer.descriptor.digest);
    writeFileSync(layerFile, Buffer.alloc(artifact.layer.bytes.length, 0x41));
    await assert.rejects(
      async () => readAll(await layout.fetch(artifact.layer.descriptor)),
      (err: OciError) => err.code === 'DIGEST_MISMATCH',
    );
    await assert.rejects(
      copy(layout, 'v1', new OciLayout(freshDir()), { tags: ['v1'] }),
      (err: OciError) => err.code === 'DIGEST_MISMATCH',
    );

    const manifestFile = blobPath(dir, artifact.descriptor.digest);
    const bytes = readFileSync(manifestFile);
    writeFileSync(manifestFile, Buffer.from(bytes.toString('utf8').replace('"layers"', '"Layers"')));
    await assert.rejects(layout.fetchManifest('v1'), (err: OciError) => err.code === 'DIGEST_MISMATCH');

    truncateSync(layerFile, 1);
    assert.equal(await layout.exists(artifact.layer.descriptor), false);
    await assert.rejects(layout.fetch(artifact.layer.descriptor), (err: OciError) => err.status === 404 && err.code === 'BLOB_UNKNOWN');
  });

  it('reads an empty or missing directory as an empty layout and refuses an unknown layout version', async () => {
    const dir = freshDir();
    const layout = new OciLayout(dir);
    assert.deepEqual(await layout.tags(), []);
    await assert.rejects(layout.resolve('v1'), (err: OciError) => err.status === 404);
    const strange = freshDir();
    await pushArtifact(new OciLayout(strange), 'x');
    writeFileSync(join(strange, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '2.0.0' }));
    await assert.rejects(pushArtifact(new OciLayout(strange), 'y'), (err: OciError) => err.code === 'UNSUPPORTED');
  });

  it('stores an index and its children', async () => {
    const dir = freshDir();
    const layout = new OciLayout(dir);
    const one = await pushArtifact(layout, '1');
    const two = await pushArtifact(layout, '2');
    const index = imageIndex([one.descriptor, two.descriptor]);
    await layout.pushReference(index.descriptor, index.bytes, 'multi');
    const fetched = await layout.fetchManifest('multi');
    assert.equal(fetched.descriptor.mediaType, MediaType.ociIndex);
    assert.deepEqual(fetched.bytes, index.bytes);
  });

  describe('racing first writes to a new layout (slow disk)', () => {
    // node:fs/promises as layout.ts sees it: replacing writeFile on the CommonJS object and syncing the builtin ESM
    // exports makes layout.ts call our version, which truncates the file at once (as writeFile does) but only
    // writes the bytes after a delay, so another writer in this process can observe the in-between state.
    const fsp = createRequire(import.meta.url)('node:fs/promises') as typeof import('node:fs/promises');
    const original = fsp.writeFile;
    let delayFor: (path: string, data: string) => number = () => 0;
    before(() => {
      const slow = async (
        path: Parameters<typeof original>[0],
        data: Parameters<typeof original>[1],
        options?: Parameters<typeof original>[2],
      ): Promise<void> => {
        const ms = typeof path === 'string' && typeof data === 'string' ? delayFor(path, data) : 0;
        if (ms === 0) return original(path, data, options);
        const handle = await fsp.open(path as string, 'w');
        try {
          await sleep(ms);
          await handle.writeFile(data);
        } finally {
          await handle.close();
        }
      };
      fsp.writeFile = slow as typeof original;
      syncBuiltinESMExports();
    });
    after(() => {
      fsp.writeFile = original;
      syncBuiltinESMExports();
    });

    it('a second writer never reads a half-written oci-layout file', async () => {
      const dir = freshDir();
      delayFor = (path) => (basename(path).includes('oci-layout') ? 60 : 0);
      try {
        const first = pushArtifact(new OciLayout(dir), 'first', {}, 'a');
        await sleep(20); // the first writer is now in the middle of writing oci-layout
        const second = pushArtifact(new OciLayout(dir), 'second', {}, 'b');
        await Promise.all([first, second]);
      } finally {
        delayFor = () => 0;
      }
      assert.deepEqual(JSON.parse(readFileSync(join(dir, 'oci-layout'), 'utf8')), { imageLayoutVersion: '1.0.0' });
      assert.deepEqual(await new OciLayout(dir).tags(), ['a', 'b']);
    });

    it('creating index.json never overwrites entries another writer already added', async () => {
      const dir = freshDir();
      let emptyWrites = 0;
      // The first writer creates its empty index quickly; the second, which also found none, is slow to write its own.
      delayFor = (path, data) =>
        basename(path).startsWith('.index.json') && data.includes('"manifests":[]') ? (++emptyWrites === 1 ? 10 : 150) : 0;
      try {
        const first = pushArtifact(new OciLayout(dir), 'first', {}, 'a');
        await sleep(2);
        const second = pushArtifact(new OciLayout(dir), 'second', {}, 'b');
        await Promise.all([first, second]);
      } finally {
        delayFor = () => 0;
      }
      assert.deepEqual(await new OciLayout(dir).tags(), ['a', 'b']);
    });
  });

  describe('interoperability with skopeo', () => {
    it('skopeo inspects and copies what we wrote (oci:DIR:TAG)', async () => {
      const dir = freshDir();
      const layout = new OciLayout(dir);
      const first = await pushArtifact(layout, 'first', { artifactType: 'application/vnd.example.artifact' }, 'v1');
      const second = await pushArtifact(layout, 'second', {}, 'v1'); // moves v1: first stays listed untagged
      await layout.tag(first.descriptor, 'old');
      assert.deepEqual(await skopeo(['inspect', '--raw', `oci:${dir}:v1`]), second.bytes);
      assert.deepEqual(await skopeo(['inspect', '--raw', `oci:${dir}:old`]), first.bytes);
      const out = join(root, `dir-out-${n}`);
      await skopeo(['copy', `oci:${dir}:old`, `dir:${out}`]);
      assert.deepEqual(readFileSync(join(out, 'manifest.json')), first.bytes);
      assert.deepEqual(readFileSync(join(out, first.layer.descriptor.digest.slice(7))), first.layer.bytes);
      assert.equal(readFileSync(join(out, blob('{}').descriptor.digest.slice(7)), 'utf8'), '{}');
    });

    it('we read what skopeo wrote (oci:DIR:TAG, index.json without mediaType)', async () => {
      const source = freshDir();
      const artifact = await pushArtifact(new OciLayout(source), 'src', {}, 'v1');
      const target = freshDir();
      await skopeo(['copy', `oci:${source}:v1`, `oci:${target}:copied`]);
      const layout = new OciLayout(target);
      assert.deepEqual(await layout.tags(), ['copied']);
      const fetched = await layout.fetchManifest('copied');
      assert.deepEqual(fetched.bytes, artifact.bytes);
      assert.deepEqual(await readAll(await layout.fetch(artifact.layer.descriptor)), artifact.layer.bytes);
      // And we can add to it without breaking it for skopeo.
      const more = await pushArtifact(layout, 'more', {}, 'more');
      assert.deepEqual(await skopeo(['inspect', '--raw', `oci:${target}:more`]), more.bytes);
      assert.deepEqual(await skopeo(['inspect', '--raw', `oci:${target}:copied`]), artifact.bytes);
    });
  });
});
