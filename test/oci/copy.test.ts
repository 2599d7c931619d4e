import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  copy,
  copyGraph,
  applyTag,
  currentDigest,
  MemoryStore,
  OciLayout,
  RegistryClient,
  MediaType,
  OciError,
  bytesSource,
  readAll,
  type Descriptor,
  type FetchedManifest,
  type Target,
} from '@d2ci/core/oci';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startFaultProxy, type FaultProxy, type LoggedRequest } from '../harness/fault-proxy.ts';
import { blob, imageIndex, imageManifest } from './fixtures.ts';

interface Artifact {
  root: FetchedManifest;
  blobs: ReturnType<typeof blob>[];
}

/** An artifact staged in memory and tagged `tag`: an empty config and `layers` random layers. */
async function memoryArtifact(
  store: MemoryStore,
  tag: string,
  layers = 2,
  extra: Partial<Parameters<typeof imageManifest>[0]> = {},
): Promise<Artifact> {
  const config = blob('{}', MediaType.ociEmpty);
  const parts = [config, ...Array.from({ length: layers }, () => blob(randomBytes(300), 'application/vnd.cncf.flux.content.v1.tar+gzip'))];
  for (const part of parts) store.stage(part.descriptor, bytesSource(part.bytes));
  const manifest = imageManifest({ config: config.descriptor, layers: parts.slice(1).map((p) => p.descriptor), ...extra });
  await store.pushReference(manifest.descriptor, manifest.bytes, tag);
  return { root: { descriptor: manifest.descriptor, bytes: manifest.bytes }, blobs: parts };
}

const manifestPuts = (log: LoggedRequest[]): string[] =>
  log
    .filter((r) => r.method === 'PUT' && r.path.includes('/manifests/'))
    .map((r) => decodeURIComponent(r.path.split('/manifests/')[1] ?? ''));

describe('copy between memory, layout and a registry', () => {
  let registry: LocalRegistry;
  let proxy: FaultProxy;
  let client: RegistryClient;
  let dir: string;
  let layouts = 0;
  const remote = (repository: string): ReturnType<RegistryClient['repository']> => client.repository({ registry: proxy.host, repository });
  const layout = (): OciLayout => new OciLayout(join(dir, `layout-${++layouts}`));

  before(async () => {
    registry = await startRegistry('none');
    proxy = await startFaultProxy(registry.url);
    client = new RegistryClient({ transport: { retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 10 } } });
    dir = mkdtempSync(join(tmpdir(), 'd2ci-copy-test-'));
  });
  after(async () => {
    await proxy.close();
    await registry.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    proxy.log.length = 0;
    proxy.plan = () => ({ kind: 'pass' });
  });

  it('round-trips memory → layout → registry → memory with identical bytes', async () => {
    const memory = new MemoryStore();
    const artifact = await memoryArtifact(memory, 'src');
    const disk = layout();
    const toDisk = await copy(memory, 'src', disk, { tags: ['v1'] });
    assert.equal(toDisk.existed, false);
    assert.deepEqual(toDisk.blobs.map((b) => b.result).sort(), ['uploaded', 'uploaded', 'uploaded']);
    assert.deepEqual(toDisk.tags, [{ tag: 'v1', changed: true }]);

    const repo = remote('acme/roundtrip');
    const toRegistry = await copy(disk, 'v1', repo, { tags: ['v1', 'latest'] });
    assert.deepEqual(toRegistry.descriptor, artifact.root.descriptor);
    assert.deepEqual(await repo.tags(), ['latest', 'v1']);
    assert.deepEqual((await repo.fetchManifest('latest')).bytes, artifact.root.bytes);

    const back = new MemoryStore();
    await copy(repo, 'latest', back, { tags: ['pulled'] });
    assert.deepEqual((await back.fetchManifest('pulled')).bytes, artifact.root.bytes);
    for (const part of artifact.blobs) assert.deepEqual(await readAll(await back.fetch(part.descriptor)), part.bytes);
  });

  it('copies an index graph children first: blobs, then manifests, then the index', async () => {
    const memory = new MemoryStore();
    const one = await memoryArtifact(memory, 'one', 1);
    const two = await memoryArtifact(memory, 'two', 1);
    const index = imageIndex([one.root.descriptor, two.root.descriptor]);
    await memory.pushReference(index.descriptor, index.bytes, 'multi');
    const repo = remote('acme/index');
    const result = await copy(memory, 'multi', repo, { tags: ['multi'] });
    assert.equal(result.descriptor.mediaType, MediaType.ociIndex);
    // Bottom-up per node: each manifest is written after the blobs it references, the index after both manifests
    // (children of different manifests may interleave; distribution refuses a manifest whose blobs are missing).
    const writes = proxy.log
      .filter((r) => r.method === 'PUT')
      .map((r) => {
        const url = new URL(r.path, 'http://x');
        return url.pathname.includes('/blobs/uploads/')
          ? (url.searchParams.get('digest') ?? '')
          : decodeURIComponent(url.pathname.split('/manifests/')[1] ?? '');
      });
    const at = (name: string): number => writes.indexOf(name);
    for (const child of [one, two]) {
      const manifestAt = at(child.root.descriptor.digest);
      assert.ok(manifestAt >= 0, `manifest ${child.root.descriptor.digest} written`);
      for (const part of child.blobs)
        assert.ok(
          at(part.descriptor.digest) >= 0 && at(part.descriptor.digest) < manifestAt,
          `${part.descriptor.digest} before its manifest: ${writes.join(' ')}`,
        );
      assert.ok(manifestAt < at('multi'), 'child manifests before the index');
    }
    assert.equal(writes.at(-1), 'multi');
    assert.deepEqual(
      proxy.log.filter((r) => r.method !== 'HEAD' && (r.status ?? 0) >= 400),
      [],
      'the registry accepted every write',
    );
    const back = layout();
    await copy(repo, 'multi', back, { tags: ['m'] });
    assert.deepEqual((await back.fetchManifest('m')).bytes, index.bytes);
    assert.deepEqual((await back.fetchManifest(two.root.descriptor.digest)).bytes, two.root.bytes);
  });

  it('stores the root under its first tag in one request when there is no beforeTag', async () => {
    const memory = new MemoryStore();
    await memoryArtifact(memory, 'src');
    await copy(memory, 'src', remote('acme/onestep'), { tags: ['a', 'b'] });
    assert.deepEqual(manifestPuts(proxy.log), ['a', 'b']);
  });

  describe('beforeTag', () => {
    it('runs after the root is stored by digest and before any tag moves', async () => {
      const memory = new MemoryStore();
      const artifact = await memoryArtifact(memory, 'src');
      const repo = remote('acme/signed');
      let seen: { logAt: number; resolved: string; tagBefore: string | undefined } | undefined;
      const result = await copy(memory, 'src', repo, {
        tags: ['t1', 't2'],
        beforeTag: async (root) => {
          const logAt = proxy.log.length;
          seen = { logAt, resolved: (await repo.resolve(root.digest)).digest, tagBefore: await currentDigest(repo, 't1') };
        },
      });
      assert.ok(seen);
      assert.equal(seen.resolved, artifact.root.descriptor.digest);
      assert.equal(seen.tagBefore, undefined);
      assert.deepEqual(manifestPuts(proxy.log.slice(0, seen.logAt)), [artifact.root.descriptor.digest]);
      assert.deepEqual(manifestPuts(proxy.log.slice(seen.logAt)).sort(), ['t1', 't2']);
      assert.deepEqual(result.tags, [
        { tag: 't1', changed: true },
        { tag: 't2', changed: true },
      ]);
    });

    it('leaves every tag where it was when it throws', async () => {
      const memory = new MemoryStore();
      const old = await memoryArtifact(memory, 'old');
      const repo = remote('acme/unsigned');
      await copy(memory, 'old', repo, { tags: ['t1'] });
      const fresh = await memoryArtifact(memory, 'new');
      proxy.log.length = 0;
      const failure = new Error('signing failed');
      await assert.rejects(
        copy(memory, 'new', repo, { tags: ['t1', 't2'], beforeTag: async () => Promise.reject(failure) }),
        (err) => err === failure,
      );
      assert.deepEqual(manifestPuts(proxy.log), [fresh.root.descriptor.digest]);
      assert.equal(await currentDigest(repo, 't1'), old.root.descriptor.digest);
      assert.equal(await currentDigest(repo, 't2'), undefined);
      assert.equal(await repo.exists(fresh.root.descriptor), true, 'the root itself was stored (untagged)');
    });

    it('works the same into a layout: untagged first, then tagged', async () => {
      const memory = new MemoryStore();
      const artifact = await memoryArtifact(memory, 'src');
      const disk = layout();
      let tagsDuring: string[] | undefined;
      let listedDuring = false;
      await copy(memory, 'src', disk, {
        tags: ['v1'],
        beforeTag: async (root) => {
          tagsDuring = await disk.tags();
          listedDuring = (await disk.resolve(root.digest)).digest === artifact.root.descriptor.digest;
        },
      });
      assert.deepEqual(tagsDuring, []);
      assert.equal(listedDuring, true);
      assert.deepEqual(await disk.tags(), ['v1']);
      await assert.rejects(copy(memory, 'src', layout(), { tags: ['v1'], beforeTag: () => Promise.reject(new Error('no')) }), /no/);
    });
  });

  describe('checkRoot and tag no-ops', () => {
    it('skips the whole graph when the root exists, and moves no tag that already points there', async () => {
      const memory = new MemoryStore();
      const artifact = await memoryArtifact(memory, 'src');
      const repo = remote('acme/again');
      await copy(memory, 'src', repo, { tags: ['x', 'y'] });
      proxy.log.length = 0;
      // Another run (a new client: this one remembers what it pushed, and would not even look).
      const again = await copy(memory, 'src', remote('acme/again'), { tags: ['x', 'y'] });
      assert.equal(again.existed, true);
      assert.deepEqual(again.blobs, []);
      assert.deepEqual(again.tags, [
        { tag: 'x', changed: false },
        { tag: 'y', changed: false },
      ]);
      assert.deepEqual(
        proxy.log.filter((r) => r.method !== 'HEAD' && r.method !== 'GET'),
        [],
        'nothing written',
      );
      assert.equal(proxy.log.filter((r) => r.path.includes('/blobs/')).length, 0, 'no blob even checked');
      assert.deepEqual(proxy.log.map((r) => `${r.method} ${decodeURIComponent(r.path.split('/manifests/')[1] ?? r.path)}`).sort(), [
        `HEAD ${artifact.root.descriptor.digest}`,
        'HEAD x',
        'HEAD y',
      ]);

      proxy.log.length = 0;
      const moved = await copy(memory, 'src', remote('acme/again'), { tags: ['x', 'z'] });
      assert.deepEqual(moved.tags, [
        { tag: 'x', changed: false },
        { tag: 'z', changed: true },
      ]);
      assert.deepEqual(manifestPuts(proxy.log), ['z']);
    });

    it('with checkRoot:false, does not ask about the root but still skips blobs that exist', async () => {
      const memory = new MemoryStore();
      const artifact = await memoryArtifact(memory, 'src');
      const repo = remote('acme/nocheck');
      await copy(memory, 'src', repo, { tags: ['x'] });
      proxy.log.length = 0;
      const result = await copy(memory, 'src', repo, { tags: ['x'], checkRoot: false });
      assert.equal(result.existed, false);
      assert.deepEqual(
        result.blobs.map((b) => b.result),
        ['exists', 'exists', 'exists'],
      );
      assert.equal(
        proxy.log.filter((r) => r.method === 'HEAD' && r.path.endsWith(`/manifests/${artifact.root.descriptor.digest}`)).length,
        0,
      );
      assert.equal(proxy.log.filter((r) => r.method === 'POST').length, 0, 'no upload started');
      assert.deepEqual(manifestPuts(proxy.log), ['x'], 'a new root is written without a lookup');
    });

    it('reports blobs the destination already had as exists', async () => {
      const memory = new MemoryStore();
      const artifact = await memoryArtifact(memory, 'src');
      const repo = remote('acme/partial');
      const first = artifact.blobs[1] as ReturnType<typeof blob>;
      await repo.push(first.descriptor, bytesSource(first.bytes));
      const result = await copy(memory, 'src', repo, { tags: ['x'] });
      const byDigest = new Map(result.blobs.map((b) => [b.descriptor.digest, b.result]));
      assert.equal(byDigest.get(first.descriptor.digest), 'exists');
      assert.equal(byDigest.get(artifact.blobs[2]?.descriptor.digest ?? ''), 'uploaded');
    });
  });

  describe('applyTag', () => {
    /** A target with immutable tags: re-pointing an existing tag (even to the same digest) is a 400. */
    class ImmutableTags extends MemoryStore {
      writes = 0;
      override async pushReference(descriptor: Descriptor, bytes: Buffer, reference: string): Promise<void> {
        this.writes++;
        if ((await this.tags()).includes(reference)) throw new OciError('TAG_INVALID', `tag ${reference} is immutable`, { status: 400 });
        await super.pushReference(descriptor, bytes, reference);
      }
    }

    it('forgives a rejected write only when the tag already points at the manifest', async () => {
      const target = new ImmutableTags();
      const a = await memoryArtifact(target, 'a');
      const b = await memoryArtifact(target, 'b');
      assert.deepEqual(await applyTag(target, a.root, 'a', { lookFirst: false }), { tag: 'a', changed: false });
      await assert.rejects(applyTag(target, a.root, 'b', { lookFirst: false }), (err: OciError) => err.code === 'TAG_INVALID');
      assert.equal(await currentDigest(target, 'b'), b.root.descriptor.digest);
      target.writes = 0;
      assert.deepEqual(await applyTag(target, a.root, 'a', { lookFirst: true }), { tag: 'a', changed: false });
      assert.equal(target.writes, 0, 'looked first, wrote nothing');
      assert.deepEqual(await applyTag(target, a.root, 'new', { lookFirst: true }), { tag: 'new', changed: true });
    });

    it('does not forgive server errors', async () => {
      const failing = new MemoryStore();
      const a = await memoryArtifact(failing, 'a');
      failing.pushReference = () => Promise.reject(new OciError('SERVER_ERROR', 'boom', { status: 500 }));
      await assert.rejects(applyTag(failing, a.root, 'a', { lookFirst: false }), (err: OciError) => err.status === 500);
    });

    it('does not fail when an identical push lands first on an immutable-tag registry', async () => {
      const memory = new MemoryStore();
      const artifact = await memoryArtifact(memory, 'src');
      const repo = remote('acme/immutable');
      await copy(memory, 'src', repo, { tags: ['v1', 'v2'] });
      // Another job pushes the same artifact at the same time: when this copy looks, the root is not there yet, and
      // by the time it writes its tags, the registry (immutable tags) refuses every re-put of them.
      const rootPath = `/manifests/${artifact.root.descriptor.digest}`;
      proxy.plan = ({ method, path }) => {
        if (method === 'HEAD' && path.endsWith(rootPath)) return { kind: 'status', status: 404 };
        if (method === 'PUT' && path.includes('/manifests/')) return { kind: 'status', status: 400 };
        return { kind: 'pass' };
      };
      const result = await copy(memory, 'src', remote('acme/immutable'), { tags: ['v1', 'v2'] });
      assert.equal(result.existed, false);
      assert.deepEqual(result.tags, [
        { tag: 'v1', changed: false },
        { tag: 'v2', changed: false },
      ]);
      // But a tag that points elsewhere is still an error.
      const other = await memoryArtifact(memory, 'other');
      proxy.plan = () => ({ kind: 'pass' });
      await copy(memory, 'other', repo, { tags: ['v3'] });
      proxy.plan = ({ method, path }) =>
        method === 'PUT' && path.includes('/manifests/') ? { kind: 'status', status: 400 } : { kind: 'pass' };
      await assert.rejects(copy(memory, 'src', repo, { tags: ['v3'], checkRoot: false }), (err: OciError) => err.status === 400);
      assert.equal(await currentDigest(repo, 'v3'), other.root.descriptor.digest);
    });
  });

  describe('mountFrom', () => {
    it('mounts blobs from another repository and uploads only what is not there', async () => {
      const memory = new MemoryStore();
      const artifact = await memoryArtifact(memory, 'src');
      await copy(memory, 'src', remote('acme/base'), { tags: ['v1'] });
      const extra = blob(randomBytes(200), 'application/vnd.cncf.flux.content.v1.tar+gzip');
      memory.stage(extra.descriptor, bytesSource(extra.bytes));
      const manifest = imageManifest({
        config: artifact.blobs[0]?.descriptor as Descriptor,
        layers: [...artifact.blobs.slice(1).map((b) => b.descriptor), extra.descriptor],
      });
      await memory.pushReference(manifest.descriptor, manifest.bytes, 'extended');
      proxy.log.length = 0;

      const result = await copy(memory, 'extended', remote('acme/app'), { tags: ['v1'], mountFrom: 'acme/base' });
      const byDigest = new Map(result.blobs.map((b) => [b.descriptor.digest, b.result]));
      for (const part of artifact.blobs) assert.equal(byDigest.get(part.descriptor.digest), 'mounted', part.descriptor.digest);
      assert.equal(byDigest.get(extra.descriptor.digest), 'uploaded');
      const posts = proxy.log.filter((r) => r.method === 'POST');
      assert.equal(posts.length, 4);
      assert.ok(
        posts.every((r) => r.path.includes('from=acme%2Fbase') && r.path.includes('mount=sha256%3A')),
        posts.map((r) => r.path).join('\n'),
      );
      const uploads = proxy.log.filter((r) => r.method === 'PUT' && r.path.includes('/blobs/uploads/'));
      assert.equal(uploads.length, 1, 'only the new layer was uploaded');
      assert.equal(uploads[0]?.bytesIn, extra.bytes.length);
      const pulled = new MemoryStore();
      await copy(remote('acme/app'), 'v1', pulled, { tags: ['v1'] });
      assert.deepEqual(await readAll(await pulled.fetch(extra.descriptor)), extra.bytes);
    });

    it('ignores mountFrom for a target that cannot mount', async () => {
      const memory = new MemoryStore();
      await memoryArtifact(memory, 'src');
      const result = await copy(memory, 'src', layout(), { tags: ['v1'], mountFrom: 'acme/base' });
      assert.ok(result.blobs.every((b) => b.result === 'uploaded'));
    });
  });

  describe('failures', () => {
    it('never tags a root whose content is corrupt in the source', async () => {
      const memory = new MemoryStore();
      const artifact = await memoryArtifact(memory, 'src');
      const layer = artifact.blobs[1] as ReturnType<typeof blob>;
      const tampered = Buffer.from(layer.bytes);
      tampered[0] = (tampered[0] ?? 0) ^ 0xff;
      memory.stage(layer.descriptor, bytesSource(tampered)); // staged content is trusted, not re-hashed
      const disk = layout();
      await assert.rejects(copy(memory, 'src', disk, { tags: ['v1'] }), (err: OciError) => err.code === 'DIGEST_MISMATCH');
      assert.deepEqual(await disk.tags(), []);
      const repo = remote('acme/corrupt');
      await assert.rejects(
        copy(memory, 'src', repo, { tags: ['v1'] }),
        (err: OciError) => err.code === 'DIGEST_INVALID' && err.status === 400,
      );
      assert.deepEqual(await repo.tags(), []);
      assert.equal(manifestPuts(proxy.log).length, 0);
    });

    it('fails with not-found for a missing source reference', async () => {
      await assert.rejects(copy(new MemoryStore(), 'nothing', layout()), (err: OciError) => err.status === 404);
      await assert.rejects(
        copy(remote('acme/absent'), 'v1', new MemoryStore()),
        (err: OciError) => err.status === 404 && err.code === 'MANIFEST_UNKNOWN',
      );
    });

    it('survives transient registry faults during a copy', async () => {
      const memory = new MemoryStore();
      const artifact = await memoryArtifact(memory, 'src');
      // Every distinct request fails once with 503 before it succeeds.
      const failed = new Set<string>();
      proxy.plan = ({ method, path }) => {
        const key = `${method} ${(path.split('?')[0] ?? '').replace(/\/uploads\/.+$/, '/uploads/<session>')}`;
        if (failed.has(key)) return { kind: 'pass' };
        failed.add(key);
        return { kind: 'status', status: 503, retryAfter: '0' };
      };
      const repo = remote('acme/flaky');
      await copy(memory, 'src', repo, { tags: ['v1'] });
      proxy.plan = () => ({ kind: 'pass' });
      assert.deepEqual((await repo.fetchManifest('v1')).bytes, artifact.root.bytes);
      assert.ok(proxy.log.some((r) => r.fault === 'status'));
    });
  });

  it('copyGraph copies an already-fetched manifest', async () => {
    const memory = new MemoryStore();
    const artifact = await memoryArtifact(memory, 'src');
    const target: Target = layout();
    const result = await copyGraph(memory, artifact.root, target, { tags: ['g'] });
    assert.equal(result.descriptor.digest, artifact.root.descriptor.digest);
    assert.equal((await target.resolve('g')).digest, artifact.root.descriptor.digest);
    assert.deepEqual(result.tags, [{ tag: 'g', changed: true }]);
  });
});
