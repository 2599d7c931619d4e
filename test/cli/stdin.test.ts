// `--path -`: one YAML stream from stdin, as `flux push artifact --path=-` and `flux build artifact --path=-`
// (flux2 cmd/flux/build_artifact.go, saveReaderToFile): the whole stream, trailing "\r" and "\n" bytes trimmed, as one
// .yaml file at the artifact's root. Flux names that file os.CreateTemp's random `<digits>.yaml` (a new name, and so
// a new digest, on every push); d2ci names it stdin.yaml so the same stream packs to the same digest.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { RegistryClient } from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { d2ci, d2ciBin, lastLine } from '../harness/cli.ts';
import { run } from '../harness/exec.ts';
import { makeWorkspace } from '../harness/workspace.ts';
import { localRemote } from '../harness/git.ts';

/** What `kustomize build` writes: several documents, and the trailing newline flux trims (here with a stray \r). */
const stream = [
  'apiVersion: v1',
  'kind: Namespace',
  'metadata:',
  '  name: apps',
  '---',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: settings',
  '  namespace: apps',
  'data:',
  '  mode: "fast"',
  '',
].join('\n');
const input = `${stream}\r\n\n`;
/** saveReaderToFile's bytes.TrimRight(b, "\r\n"): what flux writes into the file it packs. */
const fluxContent = input.replace(/[\r\n]+$/, '');

async function tarEntries(tgz: Buffer): Promise<{ name: string; type: string; mode: number; content: string }[]> {
  const entries: { name: string; type: string; mode: number; content: string }[] = [];
  const extract = tar.extract();
  extract.on('entry', (header, body, next) => {
    const chunks: Buffer[] = [];
    body.on('data', (c: unknown) => void chunks.push(c as Buffer));
    body.on('end', () => {
      entries.push({ name: header.name, type: header.type ?? 'file', mode: header.mode ?? 0, content: Buffer.concat(chunks).toString() });
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

describe('d2ci --path - (one YAML stream from stdin, as flux)', () => {
  let registry: LocalRegistry;
  let checkout: string;
  before(async () => {
    registry = await startRegistry('none');
    const remote = localRemote();
    remote.commit({ 'README.md': '# apps\n' }, 'seed');
    checkout = remote.checkout();
  });
  after(() => registry.stop());

  it('push packs the stream as "." plus one YAML file holding it, as flux does; build and diff read it the same way', async () => {
    const url = `oci://${registry.host}/apps/stream:v1`;
    const pushed = await d2ci(['push', url, '--path', '-', '--reproducible', '-o', 'json'], checkout, {}, input);
    assert.equal(pushed.code, 0, pushed.stderr);
    const digest = (JSON.parse(pushed.stdout) as { digest: string }).digest;

    const repo = new RegistryClient().repository({ registry: registry.host, repository: 'apps/stream' });
    const fetched = await repo.fetchManifest('v1');
    assert.equal(fetched.descriptor.digest, digest);
    const manifest = JSON.parse(fetched.bytes.toString()) as {
      layers: { digest: string; size: number }[];
      annotations: Record<string, string>;
    };
    // source and revision come from the checkout the command ran in, as for a directory.
    assert.match(manifest.annotations['org.opencontainers.image.revision'] ?? '', /^main@sha1:[0-9a-f]{40}$/);
    assert.ok(manifest.annotations['org.opencontainers.image.source']);
    const [layer] = manifest.layers;
    assert.ok(layer && manifest.layers.length === 1);
    const chunks: Buffer[] = [];
    for await (const chunk of await repo.fetch({ mediaType: 'application/vnd.cncf.flux.content.v1.tar+gzip', ...layer }))
      chunks.push(chunk as Buffer);
    const entries = await tarEntries(Buffer.concat(chunks));
    // Flux's layer is [".", "<random digits>.yaml"] with the same content; d2ci's file has a stable name.
    assert.deepEqual(
      entries.map((e) => [e.name, e.type]),
      [
        ['.', 'directory'],
        ['stdin.yaml', 'file'],
      ],
    );
    assert.equal(entries[1]?.content, fluxContent);
    assert.equal(entries[1]?.mode, 0o644);

    // attach --sbom reads the same stream for the SBOM it generates.
    const attached = await d2ci(['attach', url, '--sbom', 'cyclonedx', '--path', '-', '-o', 'json'], checkout, {}, input);
    assert.equal(attached.code, 0, attached.stderr);
    assert.deepEqual(
      (JSON.parse(attached.stdout) as { format: string; source: string }[]).map((a) => [a.format, a.source]),
      [['cyclonedx', 'generated']],
    );

    // The same stream builds the same layer, and diff finds no change; an edited stream differs.
    const built = await d2ci(['build', '--path', '-', '-o', 'out.tgz', '--json'], checkout, {}, input);
    assert.equal(built.code, 0, built.stderr);
    assert.equal((JSON.parse(built.stdout) as { digest: string }).digest, layer.digest);
    assert.deepEqual(await tarEntries(readFileSync(join(checkout, 'out.tgz'))), entries);
    const same = await d2ci(['diff', url, '--path', '-'], checkout, {}, stream);
    assert.equal(same.code, 0, same.stderr);
    assert.match(same.stderr, /no changes detected/);
    const changed = await d2ci(['diff', url, '--path', '-'], checkout, {}, stream.replace('fast', 'slow'));
    assert.equal(changed.code, 1, changed.stderr);

    // Pulled back, the artifact is the one file.
    const pulled = await d2ci(['pull', url, '-o', 'pulled'], checkout);
    assert.equal(pulled.code, 0, pulled.stderr);
    assert.deepEqual(readdirSync(join(checkout, 'pulled')), ['stdin.yaml']);
    assert.equal(readFileSync(join(checkout, 'pulled', 'stdin.yaml'), 'utf8'), fluxContent);
  });

  it('release --mode build packs the stream as push does', async () => {
    const repo = `oci://${registry.host}/apps/released`;
    const args = [
      'release',
      repo,
      '--ref',
      'v1.0.0',
      '--mode',
      'build',
      '--path',
      '-',
      '--source',
      's',
      '--revision',
      'refs/tags/v1.0.0@sha1:1',
    ];
    const released = await d2ci([...args, '-o', 'json'], checkout, {}, input);
    assert.equal(released.code, 0, released.stderr);
    assert.equal((JSON.parse(released.stdout) as { action: string }).action, 'built');
    const same = await d2ci(['diff', `${repo}:v1.0.0`, '--path', '-'], checkout, {}, input);
    assert.equal(same.code, 0, same.stderr);
    const empty = await d2ci(args, checkout, {}, '');
    assert.equal(empty.code, 1);
    assert.match(lastLine(empty.stderr), /^✗ --path -: stdin is empty/);
  });

  it('refuses, in one line naming --path -, a stream that is not YAML manifests, an empty one, and a terminal', async () => {
    const ws = makeWorkspace({});
    const url = `oci://${registry.host}/apps/refused:v1`;
    const meta = ['--source', 'https://example.com/apps', '--revision', 'main@sha1:0000000000000000000000000000000000000000'];
    const cases: [string, string | Buffer, RegExp][] = [
      ['not YAML', 'kind: [ConfigMap\n', /^✗ --path -: stdin is not a YAML stream: .*line 1, column/],
      [
        'a scalar, not an object',
        'hello world\n',
        /^✗ --path -: stdin is not a stream of Kubernetes objects: document 1 \(line 1\) is not a mapping$/,
      ],
      ['binary', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x00]), /^✗ --path -: stdin is not a YAML stream: it is not UTF-8 text$/],
      ['empty', '', /^✗ --path -: stdin is empty; pipe the manifests in/],
      ['only line breaks', '\r\n\n', /^✗ --path -: stdin is empty/],
    ];
    for (const [what, bytes, expected] of cases) {
      for (const args of [
        ['push', url, '--path', '-', ...meta],
        ['build', '--path', '-'],
        ['diff', url, '--path', '-'],
      ]) {
        const result = await d2ci(args, ws, {}, bytes);
        assert.equal(result.code, 1, `${what} ${args[0]}: ${result.stderr}`);
        assert.match(lastLine(result.stderr), expected, `${what} ${args[0]}`);
        assert.equal(result.stderr.trim().split('\n').length, 1, `${what} ${args[0]}: one line only\n${result.stderr}`);
      }
    }
    // Nothing was pushed.
    await assert.rejects(new RegistryClient().repository({ registry: registry.host, repository: 'apps/refused' }).fetchManifest('v1'));

    // A terminal on stdin (a pseudo-terminal from util-linux's script, present on Debian and GitHub's runners).
    const command = [process.execPath, d2ciBin, 'build', '--path', '-'].map((a) => `'${a}'`).join(' ');
    const tty = await run('script', ['-qec', command, '/dev/null'], { cwd: ws, env: { PATH: process.env.PATH, HOME: ws } });
    assert.equal(tty.code, 1, tty.stdout + tty.stderr);
    assert.match(tty.stdout, /✗ --path -: stdin is a terminal; pipe the manifests in, e.g\. kustomize build \. \| d2ci … --path -/);

    const components = await d2ci(['push', `oci://${registry.host}/apps`, '--components', '*', '--path', '-', ...meta], ws, {}, stream);
    assert.equal(components.code, 1);
    assert.match(lastLine(components.stderr), /^✗ --path - is one YAML stream, and --components globs directories/);
  });
});
