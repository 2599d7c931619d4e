import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  RegistryClient,
  MediaType,
  bytesSource,
  descriptorFor,
  readAll,
  referrersTag,
  copy,
  MemoryStore,
  OciError,
  type Credential,
} from '@d2ci/core/oci';
import { startRegistry, type AuthMode, type LocalRegistry } from '../harness/registry.ts';
import { skopeo } from '../harness/exec.ts';

for (const mode of ['none', 'htpasswd', 'token'] as AuthMode[]) {
  describe(`OCI client against docker-registry (${mode} auth)`, () => {
    let registry: LocalRegistry;
    let client: RegistryClient;
    const secrets: string[] = [];
    before(async () => {
      registry = await startRegistry(mode);
      const credential: Credential | undefined = mode === 'none' ? undefined : { username: registry.username, password: registry.password };
      client = new RegistryClient({
        credentials: async (host) => (host === registry.host ? credential : undefined),
        onSecret: (s) => secrets.push(s),
      });
    });
    after(() => registry.stop());

    it('uploads blobs monolithically and in chunks, skips what exists and verifies downloads', async () => {
      const repo = client.repository({ registry: registry.host, repository: 'acme/blobs' });
      const small = randomBytes(1000);
      const smallDesc = descriptorFor('application/octet-stream', small);
      assert.equal(await repo.exists(smallDesc), false);
      await repo.push(smallDesc, bytesSource(small));
      assert.equal(await repo.exists(smallDesc), true);
      assert.deepEqual(await readAll(await repo.fetch(smallDesc)), small);

      const chunked = new RegistryClient({
        credentials: client.options.credentials,
        upload: { monolithicLimit: 1024, chunkSize: 700 },
      }).repository({ registry: registry.host, repository: 'acme/blobs' });
      const big = randomBytes(5000);
      const bigDesc = descriptorFor('application/octet-stream', big);
      await chunked.push(bigDesc, bytesSource(big));
      assert.deepEqual(await readAll(await repo.fetch(bigDesc)), big);

      const other = client.repository({ registry: registry.host, repository: 'acme/other' });
      assert.equal(await other.mount(bigDesc, 'acme/blobs', bytesSource(big)), 'mounted');
      assert.equal(await other.exists(bigDesc), true);

      const lie = { ...smallDesc, digest: descriptorFor('x', randomBytes(3)).digest };
      await assert.rejects(
        async () => readAll(await repo.fetch({ ...lie, digest: smallDesc.digest, size: small.length - 1 })),
        /larger than its descriptor size|does not match/,
      );
    });

    it('pushes, resolves, tags, lists and deletes manifests; keeps the referrers index', async () => {
      const repo = client.repository({ registry: registry.host, repository: 'acme/app' });
      const config = Buffer.from('{}');
      const configDesc = descriptorFor(MediaType.ociEmpty, config);
      const layer = randomBytes(64);
      const layerDesc = descriptorFor('application/vnd.cncf.flux.content.v1.tar+gzip', layer);
      await repo.push(configDesc, bytesSource(config));
      await repo.push(layerDesc, bytesSource(layer));
      const manifest = Buffer.from(
        JSON.stringify({ schemaVersion: 2, mediaType: MediaType.ociManifest, config: configDesc, layers: [layerDesc] }),
      );
      const manifestDesc = descriptorFor(MediaType.ociManifest, manifest);
      await repo.pushReference(manifestDesc, manifest, 'v1.0.0');
      await repo.tag(manifestDesc, 'latest');
      await repo.tag(manifestDesc, 'b-tag');
      assert.deepEqual(await repo.resolve('latest'), {
        mediaType: MediaType.ociManifest,
        digest: manifestDesc.digest,
        size: manifest.length,
      });
      assert.deepEqual((await repo.fetchManifest('v1.0.0')).bytes, manifest);
      assert.deepEqual(await repo.tags(), ['b-tag', 'latest', 'v1.0.0']);
      await assert.rejects(repo.resolve('missing'), (err: OciError) => err.status === 404 && /tag "missing" not found/.test(err.message));

      // skopeo, a second OCI implementation, reads back the exact bytes.
      const raw = await skopeo(['inspect', '--raw', `docker://${registry.host}/acme/app:latest`], mode === 'none' ? undefined : registry);
      assert.deepEqual(raw, manifest);

      // A referrer: distribution 2.8 has no referrers API, so the client maintains the sha256-<hex> index tag.
      const sig = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: MediaType.ociManifest,
          artifactType: 'application/example',
          config: configDesc,
          layers: [layerDesc],
          subject: manifestDesc,
          annotations: { purpose: 'test' },
        }),
      );
      const sigDesc = descriptorFor(MediaType.ociManifest, sig);
      await repo.push(sigDesc, bytesSource(sig));
      const referrers = await repo.referrers(manifestDesc);
      assert.deepEqual(
        referrers.map((d) => [d.digest, d.artifactType, d.annotations?.purpose]),
        [[sigDesc.digest, 'application/example', 'test']],
      );
      assert.deepEqual(await repo.referrers(manifestDesc, { artifactType: 'other/type' }), []);
      assert.ok((await repo.tags()).includes(referrersTag(manifestDesc.digest)));
      await repo.delete(sigDesc);
      assert.deepEqual(await repo.referrers(manifestDesc), []);

      // Copy the graph into memory and back to another repository.
      const memory = new MemoryStore();
      const pulled = await copy(repo, 'latest', memory, { tags: ['latest'] });
      assert.equal(pulled.descriptor.digest, manifestDesc.digest);
      const pushed = await copy(memory, 'latest', client.repository({ registry: registry.host, repository: 'acme/copy' }), {
        tags: ['x', 'y'],
      });
      assert.deepEqual(
        pushed.tags.map((t) => t.tag),
        ['x', 'y'],
      );
      const again = await copy(memory, 'latest', client.repository({ registry: registry.host, repository: 'acme/copy' }), {
        tags: ['x', 'y'],
      });
      assert.equal(again.existed, true);
      assert.deepEqual(
        again.tags.map((t) => t.changed),
        [false, false],
      );

      await repo.delete(manifestDesc);
      await assert.rejects(repo.resolve('latest'), (err: OciError) => err.status === 404);
    });

    if (mode !== 'none') {
      it('reports every secret it used and refuses without credentials', async () => {
        assert.ok(secrets.includes(registry.password));
        if (mode === 'token') assert.ok(secrets.some((s) => registry.tokenServer?.issued.includes(s)));
        const anonymous = new RegistryClient().repository({ registry: registry.host, repository: 'acme/app' });
        const blob = randomBytes(10);
        await assert.rejects(
          anonymous.push(descriptorFor('application/octet-stream', blob), bytesSource(blob)),
          (err: OciError) => err.status === 401 && /UNAUTHORIZED/.test(err.message),
        );
        const wrong = new RegistryClient({ credentials: async () => ({ username: registry.username, password: 'wrong' }) }).repository({
          registry: registry.host,
          repository: 'acme/app',
        });
        await assert.rejects(wrong.tags(), (err: OciError) => err.status === 401);
      });
    }

    if (mode === 'token') {
      it('uses anonymous pull tokens and exchanges identity tokens', async () => {
        const anonymous = new RegistryClient().repository({ registry: registry.host, repository: 'acme/copy' });
        assert.deepEqual(await anonymous.tags(), ['x', 'y']);
        const identity = new RegistryClient({ credentials: async () => ({ identityToken: registry.refreshToken }) }).repository({
          registry: registry.host,
          repository: 'acme/id',
        });
        const blob = randomBytes(10);
        await identity.push(descriptorFor('application/octet-stream', blob), bytesSource(blob));
        assert.ok(registry.tokenServer?.requests.some((r) => r.grant === 'refresh_token' && r.user === registry.username));
      });
    }
  });
}
