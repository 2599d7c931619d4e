// `signing-config: public-good` reads Sigstore's signing config from a TUF repository, as cosign v3 does by default.
// Public-good's repository cannot be reached here, so a local one stands in for it: @tufjs/repo-mock's signed
// metadata (root, timestamp, snapshot, targets) served by node:http on 127.0.0.1, read by @sigstore/tuf, the TUF
// client d2ci uses, with the mirror and root public-good's path would use by default.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Its modules, not its index: the index loads nock, which would intercept every HTTP request of this process.
import { initializeTUFRepo } from '@tufjs/repo-mock/dist/repo.js';
import { tufHandlers } from '@tufjs/repo-mock/dist/handler.js';
import { verifyArtifact } from '@d2ci/core';
import { SigningConfigError, tufSigningConfig, type TufOptions } from '@d2ci/core/sign';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startSigstore, type LocalSigstore } from '../harness/sigstore.ts';
import { keyless, keylessVerification, pushFresh, remote } from './helpers.ts';

interface TufMirror {
  url: string;
  rootFile: string;
  requests: string[];
  close(): Promise<void>;
}

/** A TUF repository holding `targets` (name → content), served over HTTP as a mirror. */
async function startTufMirror(dir: string, targets: Record<string, string>): Promise<TufMirror> {
  const repo = initializeTUFRepo(Object.entries(targets).map(([name, content]) => ({ name, content })));
  const handlers = new Map(tufHandlers(repo, { metadataPathPrefix: '', targetPathPrefix: '/targets' }).map((h) => [h.path, h.fn]));
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const found = handlers.get(path)?.();
    res.writeHead(found?.statusCode ?? 404, { 'content-type': found?.contentType ?? 'application/octet-stream' });
    res.end(found?.response ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const rootFile = join(dir, 'root.json');
  writeFileSync(rootFile, JSON.stringify(repo.rootMeta.toJSON()));
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    rootFile,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('signing config from TUF (signing-config: public-good), against a local TUF repository', () => {
  let registry: LocalRegistry;
  let sigstore: LocalSigstore;
  let mirror: TufMirror;
  let dir: string;
  const tuf = (): TufOptions => ({
    tufMirrorUrl: mirror.url,
    tufRootPath: mirror.rootFile,
    tufCachePath: mkdtempSync(join(dir, 'cache-')),
  });
  before(async () => {
    [registry, sigstore] = await Promise.all([startRegistry('none'), startSigstore()]);
    dir = mkdtempSync(join(tmpdir(), 'd2ci-tuf-'));
    mirror = await startTufMirror(dir, { 'signing_config.v0.2.json': readFileSync(sigstore.signingConfigFile, 'utf8') });
  });
  after(async () => {
    await Promise.all([registry.stop(), sigstore.close(), mirror.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('selects the services the TUF target names (Rekor v2 and the TSA) and signs a bundle verified against them', async () => {
    const services = await tufSigningConfig(tuf());
    assert.deepEqual(services, {
      fulcioUrl: sigstore.url,
      rekorUrl: sigstore.url,
      rekorVersion: 2,
      tsaUrl: `${sigstore.url}/api/v1/timestamp`,
    });
    assert.ok(
      mirror.requests.some((p) => p.endsWith('signing_config.v0.2.json')),
      mirror.requests.join(', '),
    );

    const target = remote(registry.host, 'acme/tuf');
    const identity = keyless(sigstore, { fulcioUrl: undefined, rekorUrl: undefined, signingConfigFromTuf: tuf() });
    const pushed = await pushFresh(target, { sign: { identity, format: 'bundle' } });
    assert.ok(sigstore.requests.includes('POST /api/v2/log/entries'), sigstore.requests.join(', '));
    assert.ok(sigstore.requests.includes('POST /api/v1/timestamp'));
    const verified = await verifyArtifact({
      target,
      reference: pushed.descriptor.digest,
      verification: await keylessVerification(sigstore),
      format: 'bundle',
    });
    assert.equal(verified.verified, true, verified.reasons.join('; '));
  });

  it('metadata the trusted TUF root did not sign is refused in one line naming what to give instead', async () => {
    // Another repository's root: the mirror's metadata is not signed by it, so TUF refuses it and d2ci signs nothing.
    const other = await startTufMirror(mkdtempSync(join(dir, 'other-')), { 'signing_config.v0.2.json': '{}' });
    try {
      await assert.rejects(
        tufSigningConfig({ tufMirrorUrl: mirror.url, tufRootPath: other.rootFile, tufCachePath: mkdtempSync(join(dir, 'cache-')) }),
        (err: unknown) =>
          err instanceof SigningConfigError &&
          err.code === 'SIGNING_CONFIG_UNAVAILABLE' &&
          /cannot be fetched through TUF from http:\/\/127\.0\.0\.1:\d+ .*give fulcio-url and rekor-url, or a signing-config file$/.test(
            err.message,
          ),
      );
    } finally {
      await other.close();
    }
  });
});
