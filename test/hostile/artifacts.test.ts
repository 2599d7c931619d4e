// Crafted artifacts, pulled and diffed through the CLI: every case is refused in one line, exit 1, nothing written
// outside the output directory, no output created, and an existing output keeps what the artifact does not name.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { makeWorkspace } from '../harness/workspace.ts';
import { artifactWithLayers, tarball, type Entry } from '../harness/crafted.ts';
import { d2ci, lastLine } from '../harness/cli.ts';

describe('crafted artifacts', () => {
  let ws: string;
  before(() => {
    ws = makeWorkspace({ 'keep/me.txt': 'mine\n' });
  });

  /** Pulls a one-layer artifact made of `entries` into a fresh output; returns the CLI result and the output path. */
  async function pullEntries(entries: Entry[], extra: string[] = []) {
    const layer = gzipSync(await tarball(entries));
    const { dir } = await artifactWithLayers([{ bytes: layer }], join(ws, `layout-${Math.random().toString(16).slice(2)}`));
    const out = join(ws, `out-${Math.random().toString(16).slice(2)}`);
    const result = await d2ci(['pull', `oci-layout:${dir}:latest`, '--output', out, ...extra], ws);
    return { result, out };
  }
  const refused = async (entries: Entry[], message: RegExp, extra: string[] = []) => {
    const { result, out } = await pullEntries(entries, extra);
    assert.equal(result.code, 1, result.stderr);
    assert.match(lastLine(result.stderr), message);
    assert.equal(existsSync(out), false, 'no output directory');
    assert.deepEqual(
      readdirSync(dirname(out)).filter((n) => n.startsWith('.d2ci-pull-')),
      [],
      'no staging folder left',
    );
    assert.equal(existsSync(join(ws, 'evil')), false, 'nothing outside the output');
  };

  const cases: [string, Entry[], RegExp][] = [
    ['a "../" traversal', [{ name: '../evil', content: 'x' }], /^✗ refusing entry "\.\.\/evil": path traversal/],
    ['a deeper traversal', [{ name: 'a/../../evil', content: 'x' }], /^✗ refusing entry "a\/\.\.\/\.\.\/evil": path traversal/],
    ['an absolute path', [{ name: '/tmp/evil', content: 'x' }], /^✗ refusing entry "\/tmp\/evil": absolute path/],
    ['a Windows drive path', [{ name: 'C:/evil', content: 'x' }], /^✗ refusing entry "C:\/evil": absolute path/],
    [
      'a backslash name',
      [{ name: 'a\\..\\evil', content: 'x' }],
      /^✗ refusing entry "a\\\.\.\\evil": backslashes in names are not portable$/,
    ],
    [
      'a symlink out of the output',
      [{ name: 'link', type: 'symlink', linkname: '/etc/passwd' }],
      /^✗ refusing symlink entry "link" -> \/etc\/passwd: only files and directories are extracted/,
    ],
    [
      'a symlink, then a file through it',
      [
        { name: 'dir', type: 'symlink', linkname: '..' },
        { name: 'dir/evil', content: 'x' },
      ],
      /^✗ refusing symlink entry "dir" -> \.\./,
    ],
    [
      'a hard link',
      [
        { name: 'a', content: 'x' },
        { name: 'b', type: 'link', linkname: 'a' },
      ],
      /^✗ refusing link entry "b" -> a/,
    ],
    ['a character device', [{ name: 'dev', type: 'character-device' }], /^✗ refusing character-device entry "dev"/],
    ['a block device', [{ name: 'blk', type: 'block-device' }], /^✗ refusing block-device entry "blk"/],
    ['a FIFO', [{ name: 'fifo', type: 'fifo' }], /^✗ refusing fifo entry "fifo"/],
    ['a file named "."', [{ name: '.', content: 'x' }], /^✗ refusing a file entry named "\."/],
    [
      'the same file twice (the second would overwrite the first)',
      [
        { name: 'a', content: '1' },
        { name: 'a', content: '2' },
      ],
      /^✗ refusing entry "a": the archive names it twice$/,
    ],
    [
      'a file where a directory is',
      [
        { name: 'd/', type: 'directory' },
        { name: 'd', content: 'x' },
      ],
      /^✗ refusing entry "d": the archive names it twice$/,
    ],
  ];
  for (const [what, entries, message] of cases) {
    it(`refuses ${what}`, () => refused(entries, message));
  }

  it('refuses a gzip bomb (50 MB of zeros in ~50 kB) over --max-size, quickly', async () => {
    await refused(
      [{ name: 'zeros', content: Buffer.alloc(50 * 1024 * 1024) }],
      /^✗ artifact unpacks to more than the 1048576-byte limit \(raise max-size\)/,
      ['--max-size', '1Mi'],
    );
  });

  it('refuses a header flood (entries with no data) within the archive allowance', async () => {
    const entries: Entry[] = Array.from({ length: 20_000 }, (_, i) => ({ name: `d${i}`, type: 'directory' }));
    await refused(
      entries,
      /^✗ artifact unpacks to more than 4194304 bytes of archive \(file data over the 2097152-byte limit, or a flood of entry headers\)/,
      ['--max-size', '2Mi'],
    );
  });

  it('refuses a layer whose blob is not gzip, in one line', async () => {
    const { dir } = await artifactWithLayers([{ bytes: Buffer.from('plain text, not gzip') }], join(ws, 'layout-notgz'));
    const out = join(ws, 'out-notgz');
    const result = await d2ci(['pull', `oci-layout:${dir}:latest`, '--output', out], ws);
    assert.equal(result.code, 1);
    assert.equal(lastLine(result.stderr), '✗ the layer is not a valid gzip stream');
    assert.equal(existsSync(out), false);
  });

  it('refuses an artifact with a decoy layer: pull and diff name the layers and the flag; --layer-media-type chooses', async () => {
    const real = gzipSync(await tarball([{ name: 'app.yaml', content: 'real\n' }]));
    const decoy = gzipSync(await tarball([{ name: 'app.yaml', content: 'decoy\n' }]));
    const { dir } = await artifactWithLayers(
      [{ bytes: decoy, mediaType: 'application/vnd.example.decoy.tar+gzip' }, { bytes: real }],
      join(ws, 'layout-decoy'),
    );
    const out = join(ws, 'out-decoy');
    const pulled = await d2ci(['pull', `oci-layout:${dir}:latest`, '--output', out], ws);
    assert.equal(pulled.code, 1);
    assert.equal(
      lastLine(pulled.stderr),
      "✗ latest has 2 layers (application/vnd.example.decoy.tar+gzip, application/vnd.cncf.flux.content.v1.tar+gzip): name the one to use with its media type, as the cluster's spec.layerSelector does (--layer-media-type)",
    );
    assert.equal(existsSync(out), false);
    mkdirSync(join(ws, 'tree'), { recursive: true });
    writeFileSync(join(ws, 'tree', 'app.yaml'), 'real\n');
    const diffed = await d2ci(['diff', `oci-layout:${dir}:latest`, '--path', 'tree'], ws);
    assert.equal(diffed.code, 1);
    assert.match(lastLine(diffed.stderr), /^✗ latest has 2 layers .*\(--layer-media-type\)$/);
    const chosen = await d2ci(
      ['pull', `oci-layout:${dir}:latest`, '--output', out, '--layer-media-type', 'application/vnd.cncf.flux.content.v1.tar+gzip'],
      ws,
    );
    assert.equal(chosen.code, 0, chosen.stderr);
    assert.equal(readFileSync(join(out, 'app.yaml'), 'utf8'), 'real\n');
  });

  it('pulling into an existing directory replaces only what the artifact has; the neighbours stay', async () => {
    const out = join(ws, 'keep');
    writeFileSync(join(out, 'app.yaml'), 'old\n');
    mkdirSync(join(out, 'base'), { recursive: true });
    writeFileSync(join(out, 'base', 'local.yaml'), 'local\n');
    const layer = gzipSync(
      await tarball([
        { name: 'app.yaml', content: 'new\n' },
        { name: 'base/', type: 'directory' },
        { name: 'base/k.yaml', content: 'k\n' },
      ]),
    );
    const { dir } = await artifactWithLayers([{ bytes: layer }], join(ws, 'layout-merge'));
    const result = await d2ci(['pull', `oci-layout:${dir}:latest`, '--output', out], ws);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(readFileSync(join(out, 'app.yaml'), 'utf8'), 'new\n');
    assert.equal(readFileSync(join(out, 'base', 'k.yaml'), 'utf8'), 'k\n');
    assert.equal(readFileSync(join(out, 'base', 'local.yaml'), 'utf8'), 'local\n', 'a file the artifact does not name stays');
    assert.equal(readFileSync(join(out, 'me.txt'), 'utf8'), 'mine\n');
  });

  it('refuses a layout manifest above 8 MiB without reading it whole', async () => {
    const layer = gzipSync(await tarball([{ name: 'a', content: 'x' }]));
    const { dir, manifest } = await artifactWithLayers([{ bytes: layer }], join(ws, 'layout-huge'));
    // Replace the manifest blob with 9 MiB (its digest no longer matches, but the size is checked first).
    writeFileSync(join(dir, 'blobs', 'sha256', manifest.digest.slice(7)), Buffer.alloc(9 * 1024 * 1024, 0x20));
    const out = join(ws, 'out-huge');
    const result = await d2ci(['pull', `oci-layout:${dir}:latest`, '--output', out], ws);
    assert.equal(result.code, 1);
    assert.match(lastLine(result.stderr), /manifest sha256:[0-9a-f]{64} is 9437184 bytes, over the 8388608 bytes a manifest may have/);
    assert.equal(existsSync(out), false);
    // list names the tag and goes on (one bad tag does not hide the others).
    const listed = await d2ci(['list', `oci-layout:${dir}`], ws);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stderr, /^⚠ latest skipped: .*is 9437184 bytes, over the 8388608 bytes a manifest may have$/m);
  });

  it('refuses a manifest whose layer descriptor has a negative size, in one line', async () => {
    const layer = gzipSync(await tarball([{ name: 'a', content: 'x' }]));
    const { dir } = await artifactWithLayers([{ bytes: layer }], join(ws, 'layout-negative'));
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { manifests: { digest: string }[] };
    const digest = index.manifests[0]?.digest.slice(7) ?? '';
    const manifest = JSON.parse(readFileSync(join(dir, 'blobs', 'sha256', digest), 'utf8')) as { layers: { size: number }[] };
    (manifest.layers[0] as { size: number }).size = -1;
    const { descriptorFor } = await import('@d2ci/core');
    const bytes = Buffer.from(JSON.stringify(manifest));
    const d = descriptorFor('application/vnd.oci.image.manifest.v1+json', bytes);
    writeFileSync(join(dir, 'blobs', 'sha256', d.digest.slice(7)), bytes);
    writeFileSync(
      join(dir, 'index.json'),
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [{ ...d, annotations: { 'org.opencontainers.image.ref.name': 'latest' } }],
      }),
    );
    const out = join(ws, 'out-negative');
    const result = await d2ci(['pull', `oci-layout:${dir}:latest`, '--output', out], ws);
    assert.equal(result.code, 1);
    assert.match(lastLine(result.stderr), /^✗ .*size/);
    assert.equal(existsSync(out), false);
  });
});
