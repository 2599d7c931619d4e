import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { RegistryClient, pushArtifact, isIndex, parseManifest, OciError, type RemoteRepository } from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startFaultProxy, type FaultProxy, type Fault } from '../harness/fault-proxy.ts';
import { makeWorkspace } from '../harness/workspace.ts';
import { runAction } from '../harness/action.ts';

/** The property that matters: every tag points at a manifest whose blobs are all in the registry. */
async function assertEveryTagComplete(repo: RemoteRepository): Promise<number> {
  let checked = 0;
  for (const tag of await repo.tags()) {
    const { bytes, descriptor } = await repo.fetchManifest(tag);
    const { manifest } = parseManifest(bytes, descriptor.mediaType);
    const children = isIndex(manifest) ? manifest.manifests : [manifest.config, ...manifest.layers];
    for (const child of children)
      assert.ok(await repo.exists(child), `tag ${tag} points at ${descriptor.digest}, whose ${child.digest} is missing`);
    checked++;
  }
  return checked;
}

/** A seeded generator, so a failing chaos run can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('pushes through a fault-injecting proxy', () => {
  let registry: LocalRegistry;
  let proxy: FaultProxy;
  let direct: RegistryClient;
  const fast = { attempts: 6, baseDelayMs: 10, maxDelayMs: 100, maxRetryAfterMs: 5_000 };
  before(async () => {
    registry = await startRegistry('none');
    proxy = await startFaultProxy(registry.url);
    direct = new RegistryClient();
  });
  after(async () => {
    await proxy.close();
    await registry.stop();
  });

  const viaProxy = (repository: string, upload = {}): RemoteRepository =>
    new RegistryClient({ transport: { retry: fast }, upload }).repository({ registry: proxy.host, repository });
  const tree = (): string =>
    makeWorkspace({ 'app/a.yaml': `a: ${randomBytes(4).toString('hex')}\n`, 'app/big.bin': randomBytes(300_000).toString('base64') });
  const push = (repository: string, path: string, upload = {}) =>
    pushArtifact({ path: join(path, 'app'), target: viaProxy(repository, upload), source: 's', revision: 'r', tags: ['latest', 'v1'] });

  it('retries 5xx answers and completes', async () => {
    proxy.plan = ({ n }) => (n % 3 === 0 ? { kind: 'status', status: 503 } : { kind: 'pass' });
    const result = await push('faults/five-hundreds', tree());
    assert.ok(
      proxy.log.some((r) => r.fault === 'status'),
      'faults were injected',
    );
    assert.equal(
      (await direct.repository({ registry: registry.host, repository: 'faults/five-hundreds' }).resolve('v1')).digest,
      result.descriptor.digest,
    );
  });

  it('honours Retry-After on 429', async () => {
    proxy.log.length = 0;
    let injected = false;
    proxy.plan = ({ method, path }) => {
      if (!injected && method === 'POST' && path.includes('/blobs/uploads/')) {
        injected = true;
        return { kind: 'status', status: 429, retryAfter: '1' };
      }
      return { kind: 'pass' };
    };
    const started = Date.now();
    await push('faults/rate-limited', tree());
    assert.ok(Date.now() - started >= 1000, 'waited the second the registry asked for');
    assert.equal(proxy.log.filter((r) => r.status === 429).length, 1);
  });

  it('survives dropped connections, including one after the registry stored a blob', async () => {
    let dropped = 0;
    proxy.plan = ({ method, path }) => {
      if (method === 'PUT' && path.includes('/blobs/uploads/') && dropped === 0) {
        dropped++;
        return { kind: 'drop-after-forward' };
      }
      if (method === 'HEAD' && dropped === 1) {
        dropped++;
        return { kind: 'drop' };
      }
      return { kind: 'pass' };
    };
    const result = await push('faults/dropped', tree());
    assert.equal(dropped, 2);
    assert.equal(
      (await direct.repository({ registry: registry.host, repository: 'faults/dropped' }).resolve('latest')).digest,
      result.descriptor.digest,
    );
  });

  it('resumes chunked uploads after a dropped PATCH', async () => {
    let patches = 0;
    proxy.plan = ({ method }) => (method === 'PATCH' && ++patches === 2 ? { kind: 'drop' } : { kind: 'pass' });
    const result = await push('faults/chunked', tree(), { monolithicLimit: 64 * 1024, chunkSize: 64 * 1024 });
    assert.ok(patches > 3);
    const repo = direct.repository({ registry: registry.host, repository: 'faults/chunked' });
    assert.equal((await repo.resolve('latest')).digest, result.descriptor.digest);
    assert.equal(await assertEveryTagComplete(repo), 2);
  });

  it('copes with slow responses', async () => {
    proxy.plan = () => ({ kind: 'delay', ms: 40 });
    await push('faults/slow', tree());
  });

  it('fails with one clear line and moves no tag when the registry keeps failing', async () => {
    const repository = 'faults/persistent';
    const first = await push(repository, tree());
    proxy.plan = ({ method, path }) =>
      method === 'PUT' && path.includes('/manifests/') ? { kind: 'status', status: 503 } : { kind: 'pass' };
    await assert.rejects(
      push(repository, tree()),
      (err: Error) =>
        err instanceof OciError &&
        /^push manifest .*: 503 UNAVAILABLE: injected fault \(after 6 attempts\)$/.test(err.message) &&
        !err.message.includes('\n'),
    );
    proxy.plan = () => ({ kind: 'pass' });
    const repo = direct.repository({ registry: registry.host, repository });
    assert.equal((await repo.resolve('latest')).digest, first.descriptor.digest, 'latest did not move');
    assert.equal((await repo.resolve('v1')).digest, first.descriptor.digest);
  });

  it('never leaves a tag pointing at a manifest with missing blobs under random faults', async () => {
    const random = seeded(20261121);
    const faults: Fault[] = [
      { kind: 'status', status: 500 },
      { kind: 'status', status: 503 },
      { kind: 'status', status: 429, retryAfter: '0' },
      { kind: 'drop' },
      { kind: 'drop-after-forward' },
      { kind: 'delay', ms: 5 },
    ];
    proxy.plan = () => (random() < 0.25 ? (faults[Math.floor(random() * faults.length)] as Fault) : { kind: 'pass' });
    const repository = 'faults/chaos';
    const repo = direct.repository({ registry: registry.host, repository });
    let succeeded = 0;
    let failed = 0;
    for (let round = 0; round < 12; round++) {
      try {
        await push(repository, tree(), round % 2 ? { monolithicLimit: 100 * 1024, chunkSize: 100 * 1024 } : {});
        succeeded++;
      } catch (err) {
        failed++;
        assert.ok(err instanceof Error && !err.message.includes('\n'), `one-line error, got: ${String(err)}`);
      }
      await assertEveryTagComplete(repo).catch((err: unknown) => {
        if (err instanceof OciError && err.status === 404) return 0; // nothing tagged yet
        throw err;
      });
    }
    proxy.plan = () => ({ kind: 'pass' });
    assert.ok(succeeded >= 6, `most pushes complete within the retry budget (succeeded ${succeeded}, failed ${failed})`);
    assert.equal(await assertEveryTagComplete(repo), 2);
  });

  it('the committed bundle completes through faults with its default retry policy', async () => {
    const workspace = tree();
    let n = 0;
    proxy.plan = ({ method }) => (method !== 'GET' && ++n % 4 === 0 ? { kind: 'status', status: 502 } : { kind: 'pass' });
    writeFileSync(join(workspace, 'app/extra.yaml'), 'x: 1\n');
    const run = await runAction(
      'push-artifact',
      { sign: 'false', repository: `${proxy.host}/faults/bundle`, path: 'app', 'diff-tag': 'latest' },
      { GITHUB_WORKSPACE: workspace },
    );
    proxy.plan = () => ({ kind: 'pass' });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.pushed, 'true');
    assert.equal(await assertEveryTagComplete(direct.repository({ registry: registry.host, repository: 'faults/bundle' })), 1);
  });
});
