// Flux's own extraction (source-controller's tar.Untar) reads every layer d2ci packs, and refuses the names d2ci
// refuses to pack (issue 10, defect 5): a backslash, or a `..` element such as a directory `v1..`. The cluster's
// answer and d2ci's are compared for the same layer.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildLayer, UnpackableNameError } from '@d2ci/core';
import { tarball } from '../harness/crafted.ts';
import { fluxUntar } from './lib/consumers.ts';
import { recordCell } from './lib/results.ts';

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
