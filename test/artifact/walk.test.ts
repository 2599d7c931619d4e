import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { walkTree, ArtifactPathError, IgnoreRules, fluxDefaultIgnore } from '@d2ci/core';
import { makeWorkspace } from '../harness/workspace.ts';

const names = async (root: string, options = {}): Promise<string[]> => (await walkTree(root, options)).map((e) => e.name);

describe('walkTree', () => {
  it('lists depth-first in byte-wise order with the root as "." and no trailing slashes, like Go filepath.Walk', async () => {
    const root = makeWorkspace({ 'a.b': '', 'a-b': '', 'B/x': '', 'a/z': '', 'a/y/1': '', 'é': '', '_': '' });
    assert.deepEqual(await names(root), ['.', 'B', 'B/x', '_', 'a', 'a/y', 'a/y/1', 'a/z', 'a-b', 'a.b', 'é']);
  });

  it('applies Flux default ignores, replaced by ignorePaths and extended by addIgnorePaths', async () => {
    const root = makeWorkspace({ '.git/HEAD': '', '.gitignore': '', 'a.png': '', 'b.tar.gz': '', 'deep/.git/x': '', 'keep.yaml': '', '.github/workflows/ci.yaml': '' });
    assert.deepEqual(await names(root), ['.', '.github', '.github/workflows', '.github/workflows/ci.yaml', 'deep', 'keep.yaml']);
    assert.deepEqual(await names(root, { ignorePaths: ['*.png'] }), ['.', '.git', '.git/HEAD', '.github', '.github/workflows', '.github/workflows/ci.yaml', '.gitignore', 'b.tar.gz', 'deep', 'deep/.git', 'deep/.git/x', 'keep.yaml']);
    assert.deepEqual(await names(root, { addIgnorePaths: ['.github/'] }), ['.', 'deep', 'keep.yaml']);
    assert.deepEqual(await names(root, { ignorePaths: ['*', '!keep.yaml'] }), ['.', 'keep.yaml']);
  });

  it('honours nested .sourceignore files only when asked, deeper files overriding', async () => {
    const root = makeWorkspace({ '.sourceignore': '*.tmp\n', 'a.tmp': '', 'sub/.sourceignore': '!keep.tmp\n', 'sub/keep.tmp': '', 'sub/drop.tmp': '', 'other/keep.tmp': '' });
    assert.ok((await names(root)).includes('a.tmp'));
    assert.deepEqual(await names(root, { sourceIgnore: true }), ['.', '.sourceignore', 'other', 'sub', 'sub/.sourceignore', 'sub/keep.tmp']);
  });

  it('leaves symlinks out by default and follows them within the root with resolveSymlinks', async () => {
    const root = makeWorkspace({ 'real/file.yaml': 'x', 'other.yaml': 'y' });
    symlinkSync('real', join(root, 'linkdir'));
    symlinkSync('other.yaml', join(root, 'link.yaml'));
    symlinkSync('.', join(root, 'real/loop'));
    assert.deepEqual(await names(root), ['.', 'other.yaml', 'real', 'real/file.yaml']);
    const resolved = await walkTree(root, { resolveSymlinks: true });
    assert.deepEqual(resolved.map((e) => e.name), ['.', 'link.yaml', 'linkdir', 'linkdir/file.yaml', 'other.yaml', 'real', 'real/file.yaml']);
    assert.equal(resolved.find((e) => e.name === 'link.yaml')?.size, 1);
  });

  it('refuses a resolved symlink that leaves the root, and a broken one, naming it', async () => {
    const outside = makeWorkspace({ 'secret.txt': 's' });
    const root = makeWorkspace({ 'ok.yaml': '' });
    symlinkSync(join(outside, 'secret.txt'), join(root, 'escape.txt'));
    await assert.rejects(walkTree(root, { resolveSymlinks: true }), (err: Error) => err instanceof ArtifactPathError && /symlink "escape.txt" points outside the artifact root/.test(err.message));
    const broken = makeWorkspace({ 'ok.yaml': '' });
    symlinkSync('missing', join(broken, 'dangling'));
    await assert.rejects(walkTree(broken, { resolveSymlinks: true }), /symlink "dangling" is broken/);
    assert.deepEqual(await names(broken), ['.', 'ok.yaml'], 'unresolved, a broken link is simply left out');
  });

  it('normalises modes to 0644/0755 and skips special files', async () => {
    const root = makeWorkspace({ 'plain.txt': '', 'run.sh*': '' });
    execFileSync('mkfifo', [join(root, 'fifo')]);
    const entries = await walkTree(root);
    assert.deepEqual(entries.map((e) => [e.name, e.mode.toString(8)]), [['.', '755'], ['plain.txt', '644'], ['run.sh', '755']]);
  });

  it('packs a single file as "." plus the file, like Flux 2.9', async () => {
    const root = makeWorkspace({ 'dir/app.yaml': 'a: 1\n' });
    assert.deepEqual(await names(join(root, 'dir/app.yaml')), ['.', 'app.yaml']);
  });

  it('names a missing path', async () => {
    await assert.rejects(walkTree('/nonexistent/d2ci'), (err: Error) => err instanceof ArtifactPathError && err.message === 'path "/nonexistent/d2ci" does not exist');
  });

  it('keeps Flux\'s exact default list', () => {
    assert.equal(fluxDefaultIgnore.join(','), '.git/,.gitignore,.gitmodules,.gitattributes,*.jpg,*.jpeg,*.gif,*.png,*.wmv,*.flv,*.tar.gz,*.zip');
    const rules = new IgnoreRules();
    assert.equal(rules.ignores('x/.git', true), true);
    assert.equal(rules.ignores('x/.git', false), false, '.git/ is a directory pattern');
    assert.equal(rules.ignores('charts/app.tar.gz', false), true);
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
