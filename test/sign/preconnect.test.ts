// A keyless push opens Rekor's connection while it uploads (core sign/preconnect.ts), through the same
// make-fetch-happen agent @sigstore/sign then logs the signature with: the log entry goes out on a connection whose
// handshake is done. This holds only while @npmcli/agent shares agents by options, so it is tested through the real
// @sigstore/sign against the local Sigstore behind a proxy that marks requests which waited for a handshake.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { RegistryClient, publishArtifact } from '@d2ci/core';
import { makeWorkspace } from '../harness/workspace.ts';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startSigstore, type LocalSigstore } from '../harness/sigstore.ts';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy.ts';
import { keyless } from './helpers.ts';

describe("Rekor's connection opened ahead of the signature", () => {
  let registry: LocalRegistry;
  let sigstore: LocalSigstore;
  let rekor: FaultProxy;
  let slowRegistry: FaultProxy;
  before(async () => {
    [registry, sigstore] = await Promise.all([startRegistry('none'), startSigstore()]);
    // The proxy numbers the connections that carry the requests. The registry is 20 ms away, so the push's uploads
    // (after which the signature is logged) take longer than opening Rekor's connection (10 ms away) does.
    rekor = await startFaultProxy(sigstore.url, { latency: { oneWayMs: 5 }, name: 'rekor' });
    slowRegistry = await startFaultProxy(registry.url, { latency: { oneWayMs: 10 } });
  });
  after(async () => {
    await slowRegistry.close();
    await rekor.close();
    await sigstore.close();
    await registry.stop();
  });

  it('logs the signature on the connection opened while the push uploaded', async () => {
    const ws = makeWorkspace({ 'app/kustomization.yaml': 'resources: []\n' });
    const target = new RegistryClient().repository({ registry: slowRegistry.host, repository: 'acme/preconnect' });
    await publishArtifact({
      source: 'https://github.com/acme/apps',
      revision: 'main@sha1:0123456789abcdef0123456789abcdef01234567',
      path: join(ws, 'app'),
      target,
      signing: { kind: 'cosign', identity: keyless(sigstore, { rekorUrl: rekor.url }), format: 'legacy' },
    });
    // The POST went on the GET's connection, and waited for no handshake.
    assert.deepEqual(
      rekor.log.map((r) => [r.method, r.path, r.connection]),
      [
        ['GET', '/api/v1/log', 1],
        ['POST', '/api/v1/log/entries', 1],
      ],
    );
    assert.equal(rekor.log[1]?.newConnection, false);
  });
});
