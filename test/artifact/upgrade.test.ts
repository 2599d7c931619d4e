// Upgrading from a d2ci that packed one gzip stream: a tree whose tar spans several chunks now packs to another
// layer digest (the same tar, compressed in parallel), and diff-tag, `diff` and release must still see it unchanged
// through the config, which names the tar's digest (layer.ts sameContent).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  OciLayout,
  buildLayer,
  bytesSource,
  diffArtifact,
  fluxManifest,
  parseReleaseTag,
  pushArtifact,
  releaseArtifact,
  type Target,
} from '@d2ci/core';
import { makeWorkspace } from '../harness/workspace.ts';

const metadata = { source: 'https://github.com/acme/fleet', revision: 'refs/heads/main@sha1:0123456789abcdef0123456789abcdef01234567' };

/** A tree of about 2.5 MiB of YAML: three 1 MiB gzip chunks. */
function bigTree(): string {
  const lines = Array.from({ length: 100_000 }, (_, i) => `  key-${i}: value-${(i * 7919) % 100_003}\n`).join('');
  return makeWorkspace({ 'app/config.yaml': `kind: ConfigMap\ndata:\n${lines}`, 'app/kustomization.yaml': 'resources: []\n' });
}

/** Stores, tagged `tag`, the artifact an earlier d2ci pushed for this tree: the same tar in ONE zlib gzip stream. */
async function pushedByEarlierD2ci(ws: string, target: Target, tag: string): Promise<{ layerDigest: string; manifestDigest: string }> {
  const file = join(ws, 'new.tgz');
  const info = await buildLayer({ path: join(ws, 'app') }, file);
  const old = gzipSync(gunzipSync(readFileSync(file)), { level: 6 });
  old[9] = 0xff; // the OS byte the single-stream writer set, as Go writes it
  const built = fluxManifest({ diffId: info.diffId, ...descriptorOf(old) }, metadata);
  assert.notEqual(descriptorOf(old).digest, info.digest, 'the compression changed the layer digest');
  await target.push(built.configDescriptor, bytesSource(built.config));
  await target.push(built.layerDescriptor, bytesSource(old));
  await target.pushReference(built.descriptor, built.manifest, tag);
  return { layerDigest: built.layerDescriptor.digest, manifestDigest: built.descriptor.digest };
}

function descriptorOf(bytes: Buffer): { digest: string; size: number } {
  return { digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, size: bytes.length };
}

describe('upgrade from single-stream gzip layers', () => {
  it('diff-tag sees the same tar as unchanged (no request added), a changed file as changed', async () => {
    const ws = bigTree();
    const target = new OciLayout(join(ws, 'layout'));
    const earlier = await pushedByEarlierD2ci(ws, target, 'latest');

    const again = await pushArtifact({ ...metadata, path: join(ws, 'app'), target, diffTag: 'latest' });
    assert.equal(again.pushed, false);
    assert.equal(again.reason, 'content unchanged since latest (the same tar, compressed by an earlier d2ci)');
    assert.equal(again.descriptor.digest, earlier.manifestDigest);
    assert.notEqual(again.layer.digest, earlier.layerDigest);

    const diff = await diffArtifact({ path: join(ws, 'app'), target, reference: 'latest' });
    assert.equal(diff.identical, true);
    assert.match(diff.reason, /the same tar, compressed by an earlier d2ci/);

    writeFileSync(join(ws, 'app', 'kustomization.yaml'), 'resources: [config.yaml]\n');
    const changed = await pushArtifact({ ...metadata, path: join(ws, 'app'), target, diffTag: 'latest' });
    assert.equal(changed.pushed, true);
    assert.equal(changed.reason, 'content differs from latest');
    assert.equal((await diffArtifact({ path: join(ws, 'app'), target, reference: 'latest' })).identical, true, 'now the same blob');
  });

  it('a release re-run after the upgrade finds its earlier (single-stream) release, and does not refuse it', async () => {
    const ws = bigTree();
    const target = new OciLayout(join(ws, 'layout'));
    const earlier = await pushedByEarlierD2ci(ws, target, 'v1.0.0');
    const rerun = await releaseArtifact({
      mode: 'build',
      target,
      release: parseReleaseTag('v1.0.0'),
      path: join(ws, 'app'),
      source: metadata.source,
      revision: metadata.revision,
    });
    assert.equal(rerun.descriptor.digest, earlier.manifestDigest);
    assert.ok(rerun.notes.includes('v1.0.0 was already released'), rerun.notes.join('; '));
  });
});
