import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Deep imports on purpose: the package index loads nock, which would intercept every real HTTP request.
import { initializeTUFRepo } from '@tufjs/repo-mock/dist/repo.js';
import { tufHandlers } from '@tufjs/repo-mock/dist/handler.js';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { OciLayout, loadTrustedRoot, compilePolicy, verifyArtifact, TrustError } from '@d2ci/core';
import { startSigstore, type LocalSigstore } from '../harness/sigstore.ts';
import { makeWorkspace } from '../harness/workspace.ts';
import { keyless, pushFresh, workflowIdentity } from '../sign/helpers.ts';

interface TufServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** A TUF repository serving `trusted_root.json` over node:http on 127.0.0.1 (metadata at /, targets at /targets). */
async function serveTuf(trustedRoot: string): Promise<TufServer & { rootJson: string }> {
  const repo = initializeTUFRepo([{ name: 'trusted_root.json', content: trustedRoot }]);
  const handlers = new Map(tufHandlers(repo, { metadataPathPrefix: '', targetPathPrefix: '/targets' }).map((h) => [h.path, h.fn]));
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const handler = handlers.get(path);
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    const answer = handler();
    res.writeHead(answer.statusCode, { 'content-type': answer.contentType ?? 'application/octet-stream' });
    res.end(answer.response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    requests,
    rootJson: JSON.stringify(repo.rootMeta.toJSON()),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('loadTrustedRoot', () => {
  let sigstore: LocalSigstore;
  let dir: string;

  before(async () => {
    sigstore = await startSigstore();
    dir = mkdtempSync(join(tmpdir(), 'd2ci-trust-test-'));
  });
  after(async () => {
    await sigstore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a trusted_root.json file, and verifies signatures with it', async () => {
    const root = await loadTrustedRoot({ trustedRootFile: sigstore.trustedRootFile });
    assert.deepEqual(TrustedRoot.toJSON(root), sigstore.trustedRoot);
    assert.equal(root.tlogs.length, 1);
    assert.equal(root.certificateAuthorities.length, 1);
    assert.equal(root.ctlogs.length, 1);
    assert.equal(root.timestampAuthorities.length, 1);

    const target = new OciLayout(join(makeWorkspace({}), 'layout'));
    await pushFresh(target, { sign: { identity: keyless(sigstore), format: 'both' } });
    const result = await verifyArtifact({
      target,
      reference: 'latest',
      verification: { kind: 'keyless', trustedRoot: root, policy: compilePolicy({ identity: workflowIdentity }) },
    });
    assert.equal(result.verified, true, result.reasons.join('; '));
  });

  it('says which file is missing', async () => {
    const missing = join(dir, 'nope', 'trusted_root.json');
    await assert.rejects(
      loadTrustedRoot({ trustedRootFile: missing }),
      (err: Error) =>
        err instanceof TrustError && err.message.startsWith(`cannot read trusted root ${missing}: `) && /ENOENT/.test(err.message),
    );
  });

  it('says when the file is not JSON', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"mediaType": "application/vnd.dev.sigstore.trustedroot+json;version=0.1", "tlogs": [');
    await assert.rejects(
      loadTrustedRoot({ trustedRootFile: file }),
      (err: Error) => err instanceof TrustError && err.message.startsWith(`cannot read trusted root ${file}: `) && /JSON/.test(err.message),
    );
  });

  for (const [what, content] of [
    ['an unrelated JSON object', '{"hello": "world"}'],
    ['a JSON array', '[1, 2, 3]'],
    ['null', 'null'],
    [
      'a Sigstore bundle',
      JSON.stringify({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', verificationMaterial: {}, dsseEnvelope: {} }),
    ],
  ] as const) {
    it(`refuses ${what} as a trusted root`, async () => {
      const file = join(dir, `${what.replace(/\W+/g, '-')}.json`);
      writeFileSync(file, content);
      await assert.rejects(
        loadTrustedRoot({ trustedRootFile: file }),
        (err: Error) => err instanceof TrustError && err.message.startsWith(`${file} is not a Sigstore trusted_root.json`),
      );
    });
  }

  it('names the media type it found instead of a trusted root', async () => {
    const file = join(dir, 'bundle-named.json');
    writeFileSync(file, JSON.stringify({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' }));
    await assert.rejects(loadTrustedRoot({ trustedRootFile: file }), {
      name: 'TrustError',
      message: `${file} is not a Sigstore trusted_root.json (its mediaType is "application/vnd.dev.sigstore.bundle.v0.3+json")`,
    });
  });

  it('fetches the trusted root through a TUF repository and verifies with it', async () => {
    const tuf = await serveTuf(JSON.stringify(sigstore.trustedRoot));
    try {
      const rootPath = join(dir, '1.root.json');
      writeFileSync(rootPath, tuf.rootJson);
      const cachePath = join(dir, 'tuf-cache');
      const root = await loadTrustedRoot({ tufMirrorUrl: tuf.url, tufRootPath: rootPath, tufCachePath: cachePath });
      assert.deepEqual(TrustedRoot.toJSON(root), sigstore.trustedRoot);
      assert.ok(tuf.requests.includes('/timestamp.json'), tuf.requests.join(', '));
      assert.ok(
        tuf.requests.some((p) => p.startsWith('/targets/') && p.endsWith('trusted_root.json')),
        tuf.requests.join(', '),
      );
      assert.ok(readdirSync(cachePath).length > 0, 'the TUF cache was written');

      const target = new OciLayout(join(makeWorkspace({}), 'layout'));
      await pushFresh(target, { sign: { identity: keyless(sigstore), format: 'both' } });
      const result = await verifyArtifact({
        target,
        reference: 'latest',
        verification: { kind: 'keyless', trustedRoot: root, policy: compilePolicy({ identity: workflowIdentity }) },
      });
      assert.equal(result.verified, true, result.reasons.join('; '));
      assert.equal(result.signaturesChecked, 2);
    } finally {
      await tuf.close();
    }
  });

  it('refuses a TUF repository that the initial root does not trust', async () => {
    const tuf = await serveTuf(JSON.stringify(sigstore.trustedRoot));
    const other = await serveTuf(JSON.stringify(sigstore.trustedRoot));
    try {
      const rootPath = join(dir, 'other-1.root.json');
      writeFileSync(rootPath, other.rootJson);
      await assert.rejects(
        loadTrustedRoot({ tufMirrorUrl: tuf.url, tufRootPath: rootPath, tufCachePath: join(dir, 'tuf-cache-other') }),
        (err: Error) =>
          err instanceof TrustError &&
          err.message.startsWith(`cannot fetch the Sigstore trusted root through TUF from ${tuf.url}: `) &&
          err.message.endsWith('(pass trusted-root to verify offline)'),
      );
      assert.equal(
        tuf.requests.some((p) => p.startsWith('/targets/')),
        false,
        'no target is fetched from an untrusted repository',
      );
    } finally {
      await Promise.all([tuf.close(), other.close()]);
    }
  });
});
