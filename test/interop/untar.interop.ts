// Flux's own extraction (source-controller's tar.Untar) reads every layer d2ci packs, and refuses the names d2ci
// refuses to pack (issue 10, defect 5): a backslash, or a `..` element such as a directory `v1..`. The cluster's
// answer and d2ci's are compared for the same layer. A YAML stream from stdin (`d2ci build --path -`) is packed as
// the flux CLI packs `flux build artifact --path=-` (the flux binary itself, built by tools.sh, on the same stream)
// and extracted by Flux like any other layer.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync, inflateRawSync } from 'node:zlib';
import tar from 'tar-stream';
import { buildLayer, pullArtifact, pushArtifact, RegistryClient, UnpackableNameError } from '@d2ci/core';
import { gzipChunkBytes } from '../../packages/core/src/artifact/gzip.ts';
import { artifactWithLayers, tarball } from '../harness/crafted.ts';
import { craneRun, craneValidate, fluxUntar } from './lib/consumers.ts';
import { startStore } from './lib/stores.ts';
import { recordCell } from './lib/results.ts';
import { craneVersion, fluxCliVersion, tool } from './lib/tools.ts';
import { run } from '../harness/exec.ts';
import { d2ci } from '../harness/cli.ts';

/** Each entry of a gzipped tarball: name, type, mode and content. */
async function entriesOf(tgz: Buffer): Promise<{ name: string; type: string; mode: string; content: string }[]> {
  const entries: { name: string; type: string; mode: string; content: string }[] = [];
  const extract = tar.extract();
  extract.on('entry', (header, body, next) => {
    const chunks: Buffer[] = [];
    body.on('data', (c: unknown) => void chunks.push(c as Buffer));
    body.on('end', () => {
      const mode = (header.mode ?? 0).toString(8);
      entries.push({ name: header.name, type: header.type ?? 'file', mode, content: Buffer.concat(chunks).toString() });
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('error', reject);
    extract.end(gunzipSync(tgz));
  });
  return entries;
}

const versions = ['2.7', '2.8', '2.9'] as const;

describe('interop: Flux extracts what d2ci packs', () => {
  let work: string;
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'd2ci-interop-untar-'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('a tree with nested folders, an executable, dotfiles, unicode names, an empty folder and a 3 MiB file', async () => {
    const tree = join(work, 'tree');
    mkdirSync(join(tree, 'base', 'deep', 'er'), { recursive: true });
    mkdirSync(join(tree, 'empty'));
    writeFileSync(join(tree, 'base', 'kustomization.yaml'), 'resources: []\n');
    writeFileSync(join(tree, 'base', 'deep', 'er', 'cm.yaml'), 'kind: ConfigMap\n');
    writeFileSync(join(tree, '.hidden'), 'x');
    writeFileSync(join(tree, 'ünïcødé ✓.yaml'), 'a: 1\n');
    writeFileSync(join(tree, 'run.sh'), '#!/bin/sh\n');
    chmodSync(join(tree, 'run.sh'), 0o755);
    writeFileSync(join(tree, 'big.bin'), Buffer.alloc(3 * 1024 * 1024, 7));
    const layer = join(work, 'layer.tgz');
    const info = await buildLayer({ path: tree }, layer);
    assert.ok(info.uncompressedSize > 3 * gzipChunkBytes, 'the 3 MiB file makes a layer of four gzip chunks');
    const expected: Record<string, string> = {
      '.hidden': '644 1',
      base: 'dir',
      'base/deep': 'dir',
      'base/deep/er': 'dir',
      'base/deep/er/cm.yaml': '644 16',
      'base/kustomization.yaml': '644 14',
      'big.bin': `644 ${3 * 1024 * 1024}`,
      empty: 'dir',
      'run.sh': '755 10',
      'ünïcødé ✓.yaml': '644 5',
    };
    const problems: string[] = [];
    for (const flux of versions) {
      const answer = await fluxUntar(flux, layer);
      recordCell({
        suite: 'd2ci→consumer',
        store: 'layer file',
        scenario: 'd2ci pack of an everyday tree',
        format: 'artifact layer',
        verifier: `flux ${flux} untar`,
        consumer: answer.ok,
        d2ci: true,
        expected: true,
      });
      if (!answer.ok) problems.push(`flux ${flux}: ${answer.error ?? ''}`);
      else assert.deepEqual(answer.files, expected, `flux ${flux} extracted something else`);
    }
    assert.deepEqual(problems, []);
  });

  it('a YAML stream from stdin: d2ci build --path - packs what flux build artifact --path=- packs, and Flux extracts it', async () => {
    const stream =
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n\r\n\n';
    const layer = join(work, 'stdin-d2ci.tgz');
    const built = await d2ci(['build', '--path', '-', '-o', layer], work, {}, stream);
    assert.equal(built.code, 0, built.stderr);
    const fluxLayer = join(work, 'stdin-flux.tgz');
    const flux = await run(tool('flux', fluxCliVersion), ['build', 'artifact', '--path=-', `--output=${fluxLayer}`], {
      cwd: work,
      env: { PATH: process.env.PATH, HOME: work },
      input: stream,
    });
    assert.equal(flux.code, 0, flux.stderr);
    const ours = await entriesOf(readFileSync(layer));
    const theirs = await entriesOf(readFileSync(fluxLayer));
    // Flux names the file os.CreateTemp's "<digits>.yaml" and keeps the temporary file's mode 0600 and its staging
    // folder's 0700 (as "."); d2ci writes stdin.yaml (the same digest for the same stream) with its normalised 0644
    // and 0755. Everything else, the trimmed content included, is the same.
    const fileName = theirs[1]?.name ?? '';
    assert.match(fileName, /^[0-9]+\.yaml$/);
    assert.deepEqual(
      theirs.map((e) => [e.name === fileName ? 'stdin.yaml' : e.name, e.mode]),
      [
        ['.', '700'],
        ['stdin.yaml', '600'],
      ],
    );
    assert.deepEqual(
      ours.map((e) => [e.name, e.mode]),
      [
        ['.', '755'],
        ['stdin.yaml', '644'],
      ],
    );
    const same = (entries: typeof ours) => entries.map((e) => ({ type: e.type, content: e.content }));
    assert.deepEqual(same(ours), same(theirs));
    const problems: string[] = [];
    for (const version of versions) {
      const answer = await fluxUntar(version, layer);
      recordCell({
        suite: 'd2ci→consumer',
        store: 'layer file',
        scenario: 'd2ci pack of a YAML stream from stdin (--path -)',
        format: 'artifact layer',
        verifier: `flux ${version} untar`,
        consumer: answer.ok,
        d2ci: true,
        expected: true,
      });
      if (!answer.ok) problems.push(`flux ${version}: ${answer.error ?? ''}`);
      else assert.deepEqual(answer.files, { 'stdin.yaml': `644 ${Buffer.byteLength(stream.replace(/[\r\n]+$/, ''))}` });
    }
    assert.deepEqual(problems, []);
  });

  it('a tree whose tar spans several gzip chunks: Flux untar, flux pull artifact, crane export and validate read it', async () => {
    // The layer is one gzip member whose deflate stream was compressed in 1 MiB chunks on several threads (gzip.ts):
    // every chunk joint is a sync flush, chunks reach back into the previous one's last 32 KiB, and random stretches
    // are stored blocks.
    const tree = join(work, 'chunked');
    mkdirSync(join(tree, 'apps'), { recursive: true });
    const yaml = (n: number): string =>
      Array.from(
        { length: n },
        (_, i) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  k: v${(i * 7919) % 10007}\n`,
      ).join('');
    writeFileSync(join(tree, 'apps', 'configmaps.yaml'), yaml(40_000));
    writeFileSync(join(tree, 'apps', 'kustomization.yaml'), 'resources: [configmaps.yaml]\n');
    // Random bytes: incompressible 64 KiB blocks are written as stored blocks, not deflated (gzip.ts).
    writeFileSync(
      join(tree, 'blob.bin'),
      createCipheriv('aes-128-ctr', Buffer.alloc(16, 7), Buffer.alloc(16)).update(Buffer.alloc(2_560_000)),
    );
    const layer = join(work, 'chunked.tgz');
    const info = await buildLayer({ path: tree }, layer);
    assert.ok(info.uncompressedSize > 4 * gzipChunkBytes, `${info.uncompressedSize} bytes of tar: at least five chunks`);
    const tgz = readFileSync(layer);
    const { engine } = inflateRawSync(tgz.subarray(10, tgz.length - 8), { info: true }) as unknown as { engine: { bytesWritten: number } };
    assert.equal(engine.bytesWritten, tgz.length - 18, 'one gzip member');
    assert.ok(tgz.includes(readFileSync(join(tree, 'blob.bin')).subarray(1_000_000, 1_010_000)), 'random bytes stored as they are');
    const sizes = {
      apps: 'dir',
      'apps/configmaps.yaml': `644 ${Buffer.byteLength(yaml(40_000))}`,
      'apps/kustomization.yaml': '644 29',
      'blob.bin': `644 ${128 * 20_000}`,
    };
    const problems: string[] = [];
    const cell = (verifier: string, ok: boolean, detail: string): void => {
      recordCell({
        suite: 'd2ci→consumer',
        store: 'layer file',
        scenario: 'd2ci pack of a tree spanning several gzip chunks (one member)',
        format: 'artifact layer',
        verifier,
        consumer: ok,
        d2ci: true,
        expected: true,
      });
      if (!ok) problems.push(`${verifier}: ${detail}`);
    };
    for (const flux of versions) {
      const answer = await fluxUntar(flux, layer);
      cell(`flux ${flux} untar`, answer.ok && JSON.stringify(answer.files) === JSON.stringify(sizes), JSON.stringify(answer));
    }

    const store = await startStore('docker-registry-2.8');
    try {
      const target = new RegistryClient().repository({ registry: store.host, repository: 'interop/chunked' });
      const pushed = await pushArtifact({ path: tree, target, source: 'https://github.com/acme/fleet', revision: 'main@sha1:1234567' });
      assert.equal(pushed.layer.digest, info.digest, 'push packs the same bytes as build');
      const reference = `${store.host}/interop/chunked:latest`;

      const pulled = join(work, 'flux-pulled');
      mkdirSync(pulled); // flux pull extracts into an existing directory
      const flux = await run(
        tool('flux', fluxCliVersion),
        ['pull', 'artifact', `oci://${reference}`, '--insecure-registry', `--output=${pulled}`],
        {
          cwd: work,
          env: { PATH: process.env.PATH, HOME: work },
        },
      );
      const fluxRead =
        flux.code === 0 &&
        readFileSync(join(pulled, 'apps', 'configmaps.yaml'), 'utf8') === yaml(40_000) &&
        readFileSync(join(pulled, 'blob.bin')).length === 128 * 20_000;
      cell(`flux ${fluxCliVersion} pull artifact`, fluxRead, flux.stderr);

      // crane export writes the layer's uncompressed tar (Go's gzip reader): it must be the very tar d2ci hashed.
      const exported = join(work, 'crane-export.tar');
      const crane = await craneRun(['export', reference, exported]);
      const tarDigest = crane.code === 0 ? `sha256:${createHash('sha256').update(readFileSync(exported)).digest('hex')}` : '';
      cell(`crane ${craneVersion} export`, tarDigest === info.diffId, `${crane.stderr} ${tarDigest} ≠ ${info.diffId}`);

      // crane validate downloads the layer, checks its digest, and gunzips it to check the config's diff_ids.
      const valid = await craneValidate(reference);
      cell(`crane ${craneVersion} validate`, valid.accepted, valid.detail);

      const ours = await pullArtifact({ target, reference: 'latest', output: join(work, 'd2ci-pulled') });
      assert.equal(ours.files, 3);
    } finally {
      await store.stop();
    }
    assert.deepEqual(problems, []);
  });

  it('a layer of several concatenated gzip members (as pigz -i writes): Flux untar and d2ci pull both read it', async () => {
    // Not what d2ci writes (one member), but what another packer may: Go's gzip reader is multistream by default,
    // and d2ci's pull (zlib's gunzip) reads on after a member's trailer as well.
    const tar = await tarball([
      { name: 'a.yaml', content: 'a: 1\n'.repeat(30_000) },
      { name: 'b.yaml', content: 'b: 2\n' },
    ]);
    const cuts = [0, 700, 100_000, tar.length];
    const layer = join(work, 'members.tgz');
    writeFileSync(layer, Buffer.concat(cuts.slice(1).map((end, i) => gzipSync(tar.subarray(cuts[i], end)))));
    const { target } = await artifactWithLayers([{ bytes: readFileSync(layer) }]);
    const pulled = await pullArtifact({ target, reference: 'latest', output: join(work, 'members-pulled') }).then(
      (r) => r.files === 2,
      () => false,
    );
    const problems: string[] = [];
    for (const flux of versions) {
      const answer = await fluxUntar(flux, layer);
      recordCell({
        suite: 'd2ci→consumer',
        store: 'layer file',
        scenario: 'a layer of 3 concatenated gzip members',
        format: 'artifact layer',
        verifier: `flux ${flux} untar`,
        consumer: answer.ok,
        d2ci: pulled,
        expected: true,
      });
      if (!answer.ok || !pulled) problems.push(`flux ${flux}: ${answer.error ?? 'ok'}; d2ci pull ${pulled ? 'reads it' : 'fails'}`);
      else assert.deepEqual(answer.files, { 'a.yaml': `644 ${5 * 30_000}`, 'b.yaml': '644 5' });
    }
    assert.deepEqual(problems, []);
  });

  for (const [what, name] of [
    ['a directory named "v1.."', 'v1../app.yaml'],
    ['a backslash in a name', 'a\\b.yaml'],
  ] as const) {
    it(`${what}: Flux refuses the layer, and d2ci refuses to pack such a tree`, async () => {
      const layer = join(work, `crafted-${what.replace(/\W+/g, '-')}.tgz`);
      writeFileSync(
        layer,
        gzipSync(
          await tarball([
            { name: 'ok.yaml', content: 'a: 1\n' },
            { name, content: 'b: 2\n' },
          ]),
        ),
      );
      const tree = join(work, `tree-${what.replace(/\W+/g, '-')}`);
      mkdirSync(join(tree, ...name.split('/').slice(0, -1)), { recursive: true });
      writeFileSync(join(tree, name), 'b: 2\n');
      const packed = await buildLayer({ path: tree }, join(work, 'never.tgz')).then(
        () => true,
        (err: unknown) => {
          assert.ok(err instanceof UnpackableNameError, String(err));
          return false;
        },
      );
      const problems: string[] = [];
      for (const flux of versions) {
        const answer = await fluxUntar(flux, layer);
        recordCell({
          suite: 'd2ci→consumer',
          store: 'layer file',
          scenario: `a layer with ${what}`,
          format: 'artifact layer',
          verifier: `flux ${flux} untar`,
          consumer: answer.ok,
          d2ci: packed,
          expected: false,
        });
        if (answer.ok !== packed || answer.ok)
          problems.push(
            `flux ${flux}: consumer ${answer.ok ? 'accepts' : `refuses (${answer.error ?? ''})`}, d2ci ${packed ? 'packs' : 'refuses'}`,
          );
      }
      assert.deepEqual(problems, []);
    });
  }
});
