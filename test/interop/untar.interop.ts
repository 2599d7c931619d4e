// Flux's own extraction (source-controller's tar.Untar) reads every layer d2ci packs, and refuses the names d2ci
// refuses to pack (issue 10, defect 5): a backslash, or a `..` element such as a directory `v1..`. The cluster's
// answer and d2ci's are compared for the same layer. A YAML stream from stdin (`d2ci build --path -`) is packed as
// the flux CLI packs `flux build artifact --path=-` (the flux binary itself, built by tools.sh, on the same stream)
// and extracted by Flux like any other layer.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { buildLayer, UnpackableNameError } from '@d2ci/core';
import { tarball } from '../harness/crafted.ts';
import { fluxUntar } from './lib/consumers.ts';
import { recordCell } from './lib/results.ts';
import { fluxCliVersion, tool } from './lib/tools.ts';
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
    await buildLayer({ path: tree }, layer);
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
