import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import {
  walkTree,
  writeLayer,
  walkEntries,
  pushArtifact,
  OciLayout,
  ArtifactPathError,
  UnpackableNameError,
  IgnoreRules,
  fluxDefaultIgnore,
} from '@d2ci/core';
import { makeWorkspace } from '../harness/workspace.ts';

const names = async (root: string, options = {}): Promise<string[]> => (await walkTree(root, options)).map((e) => e.name);

describe('walkTree', () => {
  it('lists depth-first in byte-wise order with the root as "." and no trailing slashes, like Go filepath.Walk', async () => {
    const root = makeWorkspace({ 'a.b': '', 'a-b': '', 'B/x': '', 'a/z': '', 'a/y/1': '', é: '', _: '' });
    assert.deepEqual(await names(root), ['.', 'B', 'B/x', '_', 'a', 'a/y', 'a/y/1', 'a/z', 'a-b', 'a.b', 'é']);
  });

  it('applies Flux default ignores, replaced by ignorePaths and extended by addIgnorePaths', async () => {
    const root = makeWorkspace({
      '.git/HEAD': '',
      '.gitignore': '',
      'a.png': '',
      'b.tar.gz': '',
      'deep/.git/x': '',
      'keep.yaml': '',
      '.github/workflows/ci.yaml': '',
    });
    assert.deepEqual(await names(root), ['.', '.github', '.github/workflows', '.github/workflows/ci.yaml', 'deep', 'keep.yaml']);
    assert.deepEqual(await names(root, { ignorePaths: ['*.png'] }), [
      '.',
      '.git',
      '.git/HEAD',
      '.github',
      '.github/workflows',
      '.github/workflows/ci.yaml',
      '.gitignore',
      'b.tar.gz',
      'deep',
      'deep/.git',
      'deep/.git/x',
      'keep.yaml',
    ]);
    assert.deepEqual(await names(root, { addIgnorePaths: ['.github/'] }), ['.', 'deep', 'keep.yaml']);
    assert.deepEqual(await names(root, { ignorePaths: ['*', '!keep.yaml'] }), ['.', 'keep.yaml']);
  });

  it('honours nested .sourceignore files only when asked, deeper files overriding', async () => {
    const root = makeWorkspace({
      '.sourceignore': '*.tmp\n',
      'a.tmp': '',
      'sub/.sourceignore': '!keep.tmp\n',
      'sub/keep.tmp': '',
      'sub/drop.tmp': '',
      'other/keep.tmp': '',
    });
    assert.ok((await names(root)).includes('a.tmp'));
    assert.deepEqual(await names(root, { sourceIgnore: true }), [
      '.',
      '.sourceignore',
      'other',
      'sub',
      'sub/.sourceignore',
      'sub/keep.tmp',
    ]);
  });

  it('leaves symlinks out by default and follows them within the root with resolveSymlinks', async () => {
    const root = makeWorkspace({ 'real/file.yaml': 'x', 'other.yaml': 'y' });
    symlinkSync('real', join(root, 'linkdir'));
    symlinkSync('other.yaml', join(root, 'link.yaml'));
    symlinkSync('.', join(root, 'real/loop'));
    assert.deepEqual(await names(root), ['.', 'other.yaml', 'real', 'real/file.yaml']);
    const resolved = await walkTree(root, { resolveSymlinks: true });
    assert.deepEqual(
      resolved.map((e) => e.name),
      ['.', 'link.yaml', 'linkdir', 'linkdir/file.yaml', 'other.yaml', 'real', 'real/file.yaml'],
    );
    assert.equal(resolved.find((e) => e.name === 'link.yaml')?.size, 1);
  });

  it('refuses a resolved symlink that leaves the root, and a broken one, naming it', async () => {
    const outside = makeWorkspace({ 'secret.txt': 's' });
    const root = makeWorkspace({ 'ok.yaml': '' });
    symlinkSync(join(outside, 'secret.txt'), join(root, 'escape.txt'));
    await assert.rejects(
      walkTree(root, { resolveSymlinks: true }),
      (err: Error) => err instanceof ArtifactPathError && /symlink "escape.txt" points outside the artifact root/.test(err.message),
    );
    const broken = makeWorkspace({ 'ok.yaml': '' });
    symlinkSync('missing', join(broken, 'dangling'));
    await assert.rejects(walkTree(broken, { resolveSymlinks: true }), /symlink "dangling" is broken/);
    assert.deepEqual(await names(broken), ['.', 'ok.yaml'], 'unresolved, a broken link is simply left out');
  });

  it('normalises modes to 0644/0755 and skips special files', async () => {
    const root = makeWorkspace({ 'plain.txt': '', 'run.sh*': '' });
    execFileSync('mkfifo', [join(root, 'fifo')]);
    const entries = await walkTree(root);
    assert.deepEqual(
      entries.map((e) => [e.name, e.mode.toString(8)]),
      [
        ['.', '755'],
        ['plain.txt', '644'],
        ['run.sh', '755'],
      ],
    );
  });

  it('packs a single file as "." plus the file, like Flux 2.9', async () => {
    const root = makeWorkspace({ 'dir/app.yaml': 'a: 1\n' });
    assert.deepEqual(await names(join(root, 'dir/app.yaml')), ['.', 'app.yaml']);
  });

  it('names a missing path', async () => {
    await assert.rejects(
      walkTree('/nonexistent/d2ci'),
      (err: Error) => err instanceof ArtifactPathError && err.message === 'path "/nonexistent/d2ci" does not exist',
    );
  });

  it("keeps Flux's exact default list", () => {
    assert.equal(
      fluxDefaultIgnore.join(','),
      '.git/,.gitignore,.gitmodules,.gitattributes,*.jpg,*.jpeg,*.gif,*.png,*.wmv,*.flv,*.tar.gz,*.zip',
    );
    const rules = new IgnoreRules();
    assert.equal(rules.ignores('x/.git', true), true);
    assert.equal(rules.ignores('x/.git', false), false, '.git/ is a directory pattern');
    assert.equal(rules.ignores('charts/app.tar.gz', false), true);
  });

  // fluxcd/pkg tar validRelPath (tar/tar.go@tar/v0.17.0, tar/untar.go@tar/v1.2.0), on the tar header name.
  const fluxValidRelPath = (p: string): boolean => !(p === '' || p.includes('\\') || p.startsWith('/') || p.includes('../'));

  /** The raw ustar header names (tar-stream's extract would drop a directory's trailing slash). */
  async function headerNames(root: string): Promise<string[]> {
    const chunks: Buffer[] = [];
    const out = new Writable({ write: (chunk: Buffer, _encoding, callback) => void (chunks.push(chunk), callback()) });
    await writeLayer(walkEntries(root), out);
    const archive = gunzipSync(Buffer.concat(chunks));
    const field = (block: Buffer, start: number, length: number) =>
      block
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const names: string[] = [];
    for (let offset = 0; offset + 512 <= archive.length;) {
      const block = archive.subarray(offset, offset + 512);
      if (block.every((byte) => byte === 0)) break;
      const prefix = field(block, 345, 155);
      names.push(prefix ? `${prefix}/${field(block, 0, 100)}` : field(block, 0, 100));
      offset += 512 + Math.ceil(parseInt(field(block, 124, 12).trim() || '0', 8) / 512) * 512;
    }
    return names;
  }

  it('refuses, naming it, what Flux\'s Untar refuses: a backslash anywhere, a directory name ending in ".."', async () => {
    const refused = (entry: string, type: string, reason: RegExp) => (err: Error) =>
      err instanceof UnpackableNameError &&
      err instanceof ArtifactPathError &&
      err.code === 'FLUX_UNTAR_NAME' &&
      err.entry === entry &&
      err.message.startsWith(`${type} "${entry}" would fail the whole artifact in Flux: `) &&
      reason.test(err.message) &&
      /; rename it, or leave it out with an ignore pattern$/.test(err.message) &&
      !err.message.includes('\n');
    await assert.rejects(
      walkTree(makeWorkspace({ 'ok.yaml': '', 'apps/a\\b.yaml': '' })),
      refused('apps/a\\b.yaml', 'file', /refuses names containing a backslash/),
    );
    await assert.rejects(walkTree(makeWorkspace({ 'ok\\dir/x.yaml': '' })), refused('ok\\dir', 'directory', /backslash/));
    // Directory names carry no trailing slash, so a directory `v1..` passes by itself; whatever is in it fails.
    const dotted = makeWorkspace({ 'ok.yaml': '', 'releases/v1../app.yaml': '' });
    await assert.rejects(
      walkTree(dotted),
      refused('releases/v1../app.yaml', 'file', /refuses names containing "\.\.\/" \(directory "releases\/v1\.\." ends in "\.\."\)/),
    );
    await assert.rejects(
      walkTree(makeWorkspace({ 'x../sub/deploy.yaml': '' })),
      refused('x../sub', 'directory', /directory "x\.\." ends in/),
    );
    await assert.rejects(walkTree(makeWorkspace({ '.../z': '' })), refused('.../z', 'file', /directory "\.\.\." ends in/));
    // A single file given as the path is checked too.
    const single = makeWorkspace({ 'a\\b.yaml': '' });
    await assert.rejects(walkTree(join(single, 'a\\b.yaml')), refused('a\\b.yaml', 'file', /backslash/));
    // An ignored name never reaches the archive, so it is not refused.
    assert.deepEqual(await names(makeWorkspace({ 'ok.yaml': '', 'a\\b.yaml': '' }), { addIgnorePaths: ['a\\\\b.yaml'] }), ['.', 'ok.yaml']);
    assert.deepEqual(await names(dotted, { addIgnorePaths: ['v1../'] }), ['.', 'ok.yaml', 'releases']);
  });

  it('still packs the dotted names Flux accepts (an empty directory `empty..` too), and every header name passes validRelPath', async () => {
    const root = makeWorkspace({ 'v1..2': '', 'a/b..': '', 'a/...': '', '..x/y.yaml': '', 'c/..d/e..f/g': '' });
    mkdirSync(join(root, 'empty..'));
    const walked = await names(root);
    assert.deepEqual(walked, [
      '.',
      '..x',
      '..x/y.yaml',
      'a',
      'a/...',
      'a/b..',
      'c',
      'c/..d',
      'c/..d/e..f',
      'c/..d/e..f/g',
      'empty..',
      'v1..2',
    ]);
    const headers = await headerNames(root);
    assert.deepEqual(headers, walked, 'the header names are the walked names: no trailing slash on directories');
    assert.deepEqual(
      headers.filter((h) => !fluxValidRelPath(h)),
      [],
    );
  });

  it('refuses before pushing: nothing reaches the target', async () => {
    const root = makeWorkspace({ 'ok.yaml': 'a: 1\n', 'bad\\name.yaml': '' });
    const layout = join(makeWorkspace({}), 'layout');
    await assert.rejects(pushArtifact({ path: root, target: new OciLayout(layout), source: 's', revision: 'r' }), UnpackableNameError);
    assert.ok(!existsSync(join(layout, 'blobs')) || readdirSync(join(layout, 'blobs', 'sha256')).length === 0);
  });

  it('walks large trees', async () => {
    const root = makeWorkspace({});
    for (let d = 0; d < 20; d++) {
      mkdirSync(join(root, `d${d}`));
      for (let f = 0; f < 50; f++) writeFileSync(join(root, `d${d}`, `f${f}.yaml`), `k: ${f}\n`);
    }
    assert.equal((await walkTree(root)).length, 1 + 20 + 1000);
  });
});
