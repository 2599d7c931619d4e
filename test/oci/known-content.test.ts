// A repository client reads a digest once (core oci/known-content.ts): content addressed by digest never changes,
// so what it has read or written is not asked for again; tags and referrers always are. It also asks only once
// whether the registry has the referrers API.
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { RegistryClient, MediaType, bytesSource, readAll } from '@d2ci/core/oci';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy.ts';
import { blob, imageManifest } from './fixtures.ts';

describe('a repository client remembers digests it has read or written', () => {
  let registry: LocalRegistry;
  let proxy: FaultProxy;
  let client: RegistryClient;
  let n = 0;
  const repo = () => client.repository({ registry: proxy.host, repository: `acme/known-${++n}` });
  const requests = (): string[] => proxy.log.map((r) => `${r.method} ${r.path.replace(/^\/v2\/[^/]+\/[^/]+\//, '')}`);

  before(async () => {
    registry = await startRegistry('none');
    proxy = await startFaultProxy(registry.url);
    client = new RegistryClient();
  });
  after(async () => {
    await proxy.close();
    await registry.stop();
  });
  beforeEach(() => {
    proxy.log.length = 0;
  });

  /** A manifest with an empty config and one small layer, pushed under `v1` by `writer`. */
  async function pushed(writer: ReturnType<typeof repo>, layerBytes = randomBytes(200)) {
    const config = blob('{}', MediaType.ociEmpty);
    const layer = blob(layerBytes);
    for (const part of [config, layer]) await writer.push(part.descriptor, bytesSource(part.bytes));
    const manifest = imageManifest({ config: config.descriptor, layers: [layer.descriptor] });
    await writer.pushReference(manifest.descriptor, manifest.bytes, 'v1');
    return { config, layer, manifest };
  }

  it('reads a manifest by digest, and a small blob, once; a tag every time', async () => {
    const writer = repo();
    const { layer, manifest } = await pushed(writer);
    const reader = client.repository({ registry: proxy.host, repository: writer.repository });
    proxy.log.length = 0;
    const byTag = await reader.fetchManifest('v1');
    const byDigest = await reader.fetchManifest(manifest.descriptor.digest);
    assert.deepEqual(byDigest, byTag);
    assert.deepEqual(await readAll(await reader.fetch(layer.descriptor)), layer.bytes);
    assert.deepEqual(await readAll(await reader.fetch(layer.descriptor)), layer.bytes);
    assert.equal(await reader.exists(layer.descriptor), true);
    await reader.fetchManifest('v1');
    assert.deepEqual(requests(), ['GET manifests/v1', `GET blobs/${layer.descriptor.digest}`, 'GET manifests/v1']);
  });

  it('knows what it pushed exists, without a HEAD', async () => {
    const writer = repo();
    const { config, layer, manifest } = await pushed(writer);
    proxy.log.length = 0;
    for (const d of [config.descriptor, layer.descriptor, manifest.descriptor]) assert.equal(await writer.exists(d), true);
    assert.deepEqual((await writer.fetchManifest(manifest.descriptor.digest)).bytes, manifest.bytes);
    assert.deepEqual(requests(), []);
  });

  it('streams a large blob each time, and keeps only that it exists', async () => {
    const writer = repo();
    const { layer } = await pushed(writer, randomBytes(200 * 1024));
    const reader = client.repository({ registry: proxy.host, repository: writer.repository });
    proxy.log.length = 0;
    for (let i = 0; i < 2; i++) assert.deepEqual(await readAll(await reader.fetch(layer.descriptor)), layer.bytes);
    assert.equal(await reader.exists(layer.descriptor), true);
    assert.deepEqual(requests(), [`GET blobs/${layer.descriptor.digest}`, `GET blobs/${layer.descriptor.digest}`]);
  });

  it('asks once whether the registry has the referrers API (distribution 2.8 has not), then reads the tag schema', async () => {
    const writer = repo();
    const { manifest } = await pushed(writer);
    proxy.log.length = 0;
    for (let i = 0; i < 2; i++) assert.deepEqual(await writer.referrers(manifest.descriptor), []);
    const tagIndex = `GET manifests/${manifest.descriptor.digest.replace(':', '-')}`;
    assert.deepEqual(requests(), [`GET referrers/${manifest.descriptor.digest}`, tagIndex, tagIndex]);
  });

  it('keeps nothing that failed its digest check, and forgets what it deletes', async () => {
    const writer = repo();
    const { manifest } = await pushed(writer);
    const reader = client.repository({ registry: proxy.host, repository: writer.repository });
    const other = blob(randomBytes(100));
    // Asked for with a size its bytes do not have: refused, and not remembered as present.
    await writer.push(other.descriptor, bytesSource(other.bytes));
    await assert.rejects(async () => readAll(await reader.fetch({ ...other.descriptor, size: other.bytes.length - 1 })));
    proxy.log.length = 0;
    assert.equal(await reader.exists(other.descriptor), true, 'asked the registry');
    assert.equal(requests().length, 1);
    await writer.delete(manifest.descriptor);
    proxy.log.length = 0;
    assert.equal(await writer.exists(manifest.descriptor), false);
    assert.deepEqual(requests(), [`HEAD manifests/${manifest.descriptor.digest}`]);
  });
});
