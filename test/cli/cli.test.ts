import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import tar from 'tar-stream';
import { parse as parseYaml } from 'yaml';
import { OciLayout, bytesSource, descriptorFor, fluxManifest, FluxMediaType, RegistryClient, MediaType } from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { run } from '../harness/exec.ts';
import { repoRoot } from '../harness/action.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';

const bin = join(repoRoot, 'packages', 'cli', 'bin', 'd2ci.js');
function d2ci(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return run(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, HOME: options.cwd ?? '/tmp', ...options.env },
  });
}

async function evilLayout(entries: { name: string; size?: number; type?: 'file' | 'symlink' }[]): Promise<string> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: unknown) => void chunks.push(c as Buffer));
  const ended = new Promise<void>((resolve) => pack.on('end', () => resolve()));
  for (const e of entries) {
    if (e.type === 'symlink') pack.entry({ name: e.name, type: 'symlink', linkname: '/etc/passwd' });
    else pack.entry({ name: e.name, type: 'file' }, Buffer.alloc(e.size ?? 1));
  }
  pack.finalize();
  await ended;
  const layer = gzipSync(Buffer.concat(chunks));
  const dir = join(makeWorkspace({}), 'layout');
  const layout = new OciLayout(dir);
  const layerDesc = descriptorFor(FluxMediaType.content, layer);
  const built = fluxManifest({ ...layerDesc, diffId: layerDesc.digest }, { source: 's', revision: 'r' });
  await layout.push(built.configDescriptor, bytesSource(built.config));
  await layout.push(layerDesc, bytesSource(layer));
  await layout.pushReference(built.descriptor, built.manifest, 'latest');
  return dir;
}

describe('d2ci CLI', () => {
  let registry: LocalRegistry;
  let basic: LocalRegistry;
  let ws: string;
  before(async () => {
    [registry, basic] = await Promise.all([startRegistry('none'), startRegistry('htpasswd')]);
    ws = makeWorkspace(componentFiles);
  });
  after(() => Promise.all([registry.stop(), basic.stop()]));

  it('push --output json prints the documented fields and the digest in the registry', async () => {
    const result = await d2ci(
      [
        'push',
        `oci://${registry.host}/acme/cli:v1.0.0`,
        '--path',
        'components/frontend',
        '--source',
        'https://github.com/acme/apps',
        '--revision',
        'v1.0.0@sha1:abc',
        '--tag',
        'latest,stable',
        '-a',
        'team=platform',
        '--output',
        'json',
      ],
      { cwd: ws },
    );
    assert.equal(result.code, 0, result.stderr);
    const out = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(out), ['pushed', 'url', 'repository', 'tag', 'tags', 'digest']);
    assert.equal(out.pushed, true);
    assert.equal(out.repository, `${registry.host}/acme/cli`);
    assert.equal(out.tag, 'v1.0.0');
    assert.deepEqual(out.tags, ['v1.0.0', 'latest', 'stable']);
    assert.equal(out.url, `oci://${registry.host}/acme/cli@${String(out.digest)}`);
    const repo = new RegistryClient().repository({ registry: registry.host, repository: 'acme/cli' });
    const fetched = await repo.fetchManifest('stable');
    assert.equal(fetched.descriptor.digest, out.digest);
    assert.match(fetched.bytes.toString(), /"team":"platform"/);
  });

  it('diff exits 0 when identical and 1 when the content differs or the tag is missing', async () => {
    const url = `oci://${registry.host}/acme/cli:v1.0.0`;
    const same = await d2ci(['diff', url, '--path', 'components/frontend'], { cwd: ws });
    assert.equal(same.code, 0, same.stderr);
    assert.match(same.stderr, /✔ no changes detected/);
    const changed = makeWorkspace({ ...componentFiles, 'components/frontend/base/new.yaml': 'x: 1\n' });
    const differs = await d2ci(['diff', url, '--path', 'components/frontend'], { cwd: changed });
    assert.equal(differs.code, 1);
    assert.match(differs.stderr, /✗ the remote artifact contents differs from the local one/);
    const missing = await d2ci(['diff', `oci://${registry.host}/acme/cli:nope`, '--path', 'components/frontend', '-o', 'json'], {
      cwd: ws,
    });
    assert.equal(missing.code, 1);
    assert.equal((JSON.parse(missing.stdout) as { identical: boolean }).identical, false);
  });

  it('build writes the same layer push uploads', async () => {
    const result = await d2ci(['build', '--path', 'components/frontend', '-o', 'out.tgz', '--json'], { cwd: ws });
    assert.equal(result.code, 0, result.stderr);
    const built = JSON.parse(result.stdout) as { digest: string; path: string };
    assert.equal(
      built.digest,
      `sha256:${createHash('sha256')
        .update(readFileSync(join(ws, 'out.tgz')))
        .digest('hex')}`,
    );
    const manifest = JSON.parse(
      (await new RegistryClient().repository({ registry: registry.host, repository: 'acme/cli' }).fetchManifest('latest')).bytes.toString(),
    ) as { layers: { digest: string }[] };
    assert.equal(manifest.layers[0]?.digest, built.digest);
  });

  it('tag points more tags at an artifact and skips tags already there', async () => {
    const first = await d2ci(['tag', `${registry.host}/acme/cli:v1.0.0`, '--tag', 'prod', '-o', 'json']);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual((JSON.parse(first.stdout) as { tags: unknown }).tags, [{ tag: 'prod', changed: true }]);
    const again = await d2ci(['tag', `${registry.host}/acme/cli:v1.0.0`, '--tag', 'prod', '-o', 'json']);
    assert.deepEqual((JSON.parse(again.stdout) as { tags: unknown }).tags, [{ tag: 'prod', changed: false }]);
    // -o yaml prints the same document as YAML (as flux -o yaml); an unknown format is refused before any request.
    const yaml = await d2ci(['tag', `${registry.host}/acme/cli:v1.0.0`, '--tag', 'prod', '-o', 'yaml']);
    assert.equal(yaml.code, 0, yaml.stderr);
    assert.deepEqual((parseYaml(yaml.stdout) as { tags: unknown }).tags, [{ tag: 'prod', changed: false }]);
    assert.equal((parseYaml(yaml.stdout) as { digest: string }).digest, (JSON.parse(again.stdout) as { digest: string }).digest);
    const wide = await d2ci(['tag', `${registry.host}/acme/cli:v1.0.0`, '--tag', 'prod', '-o', 'wide']);
    assert.equal(wide.code, 1);
    assert.match(wide.stderr, /^✗ --output "wide" is not supported; use --output json or --output yaml$/m);
  });

  it('list shows source and revision, filters by semver and regex, and hides signature tags', async () => {
    const repo = new RegistryClient().repository({ registry: registry.host, repository: 'acme/cli' });
    const { descriptor, bytes } = await repo.fetchManifest('v1.0.0');
    for (const t of ['v1.2.0', 'v0.9.0', `sha256-${'a'.repeat(64)}.sig`]) await repo.pushReference(descriptor, bytes, t);
    const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: [] }));
    await repo.pushReference(descriptorFor(MediaType.ociIndex, index), index, `sha256-${'b'.repeat(64)}`);
    const table = await d2ci(['list', `oci://${registry.host}/acme/cli`]);
    assert.equal(table.code, 0, table.stderr);
    const lines = table.stdout.trim().split('\n');
    assert.match(lines[0] ?? '', /^ARTIFACT +DIGEST +SOURCE +REVISION$/);
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(/\s+/)[0]?.split(':').pop()),
      ['v1.2.0', 'v1.0.0', 'v0.9.0', 'stable', 'prod', 'latest'],
    );
    assert.match(lines[2] ?? '', /https:\/\/github\.com\/acme\/apps +v1\.0\.0@sha1:abc$/);
    const semver = JSON.parse((await d2ci(['list', `${registry.host}/acme/cli`, '--filter-semver', '>=1.0.0', '-o', 'json'])).stdout) as {
      tag: string;
    }[];
    assert.deepEqual(
      semver.map((a) => a.tag),
      ['v1.2.0', 'v1.0.0'],
    );
    const regex = JSON.parse((await d2ci(['list', `${registry.host}/acme/cli`, '--filter-regex', '^v0', '-o', 'json'])).stdout) as {
      tag: string;
    }[];
    assert.deepEqual(
      regex.map((a) => a.tag),
      ['v0.9.0'],
    );
    const all = JSON.parse((await d2ci(['list', `${registry.host}/acme/cli`, '--all', '-o', 'json'])).stdout) as { tag: string }[];
    assert.equal(all.length, 8);
  });

  it('pull extracts, and push/pull authenticate with --creds', async () => {
    const pushed = await d2ci(
      [
        'push',
        `oci://${basic.host}/acme/private:latest`,
        '--path',
        'components/frontend',
        '--source',
        's',
        '--revision',
        'r',
        '--creds',
        `${basic.username}:${basic.password}`,
      ],
      { cwd: ws },
    );
    assert.equal(pushed.code, 0, pushed.stderr);
    const pulled = await d2ci(
      ['pull', `oci://${basic.host}/acme/private:latest`, '-o', 'pulled', '--creds', `${basic.username}:${basic.password}`, '--json'],
      { cwd: ws },
    );
    assert.equal(pulled.code, 0, pulled.stderr);
    assert.equal((JSON.parse(pulled.stdout) as { files: number }).files, 5);
    assert.equal(readFileSync(join(ws, 'pulled', 'base', 'podinfo.yaml'), 'utf8'), componentFiles['components/frontend/base/podinfo.yaml']);
    for (const output of [pushed, pulled]) assert.ok(!output.stdout.includes(basic.password) && !output.stderr.includes(basic.password));
    const denied = await d2ci(['pull', `oci://${basic.host}/acme/private:latest`, '-o', 'nope'], { cwd: ws });
    assert.equal(denied.code, 1);
    assert.match(
      denied.stderr,
      /^✗ .*401 UNAUTHORIZED.*; no credentials for 127\.0\.0\.1:\d+: pass --creds user:password, or run docker login$/m,
    );
  });

  it('defaults source and revision from the git checkout', async () => {
    const repo = makeWorkspace({ 'app/a.yaml': 'a: 1\n' });
    for (const args of [
      ['init', '-q', '-b', 'main'],
      ['remote', 'add', 'origin', 'git@github.com:acme/fleet.git'],
      ['add', '.'],
      ['-c', 'user.email=a@b', '-c', 'user.name=a', 'commit', '-qm', 'x'],
    ]) {
      assert.equal((await run('git', ['-C', repo, ...args])).code, 0);
    }
    const sha = (await run('git', ['-C', repo, 'rev-parse', 'HEAD'])).stdout.trim();
    const pushed = await d2ci(['push', `oci-layout:${join(repo, '..', 'git-layout')}:latest`, '--path', 'app'], { cwd: repo });
    assert.equal(pushed.code, 0, pushed.stderr);
    const manifest = JSON.parse((await new OciLayout(join(repo, '..', 'git-layout')).fetchManifest('latest')).bytes.toString()) as {
      annotations: Record<string, string>;
    };
    assert.equal(manifest.annotations['org.opencontainers.image.source'], 'https://github.com/acme/fleet');
    assert.equal(manifest.annotations['org.opencontainers.image.revision'], `main@sha1:${sha}`);
  });

  const refusals: [string, () => Promise<string[]>, RegExp][] = [
    ['an unknown flag', async () => ['push', 'oci://r.io/a:b', '--bogus'], /^✗ unknown flag '--bogus'; see d2ci push --help$/],
    ['an unknown command', async () => ['shove'], /^✗ unknown command "shove"; run d2ci --help$/],
    [
      'an uppercase repository',
      async () => ['push', 'oci://ghcr.io/Acme/App:latest', '--source', 's', '--revision', 'r'],
      /^✗ invalid reference "oci:\/\/ghcr\.io\/Acme\/App:latest": repository "Acme\/App" must be lowercase/,
    ],
    [
      'a malformed digest',
      async () => ['pull', 'ghcr.io/acme/app@sha256:xyz', '-o', 'x'],
      /^✗ invalid reference .*: digest "sha256:xyz": sha256 needs 64 lowercase hex characters$/,
    ],
    ['a malformed tag', async () => ['tag', 'oci-layout:./l:latest', '--tag', 'bad:tag'], /^✗ --tag "bad:tag" is invalid/],
    [
      'a missing path',
      async () => ['push', 'oci-layout:./l:latest', '--path', 'nowhere', '--source', 's', '--revision', 'r'],
      /^✗ --path: path ".*nowhere" does not exist$/,
    ],
    // fluxcd/pkg tar validRelPath refuses it in the cluster; refused at pack time, before any upload.
    [
      'a name Flux cannot unpack on push',
      async () => [
        'push',
        'oci-layout:./l:latest',
        '--path',
        makeWorkspace({ 'ok.yaml': '', 'a\\b.yaml': '' }),
        '--source',
        's',
        '--revision',
        'r',
      ],
      /^✗ --path: file "a\\b\.yaml" would fail the whole artifact in Flux: its Untar refuses names containing a backslash; rename it, or leave it out with an ignore pattern$/,
    ],
    // Flux and cosign compile identity patterns with Go's regexp (RE2): JavaScript-only lookahead is refused.
    [
      'a lookahead in --certificate-identity-regexp',
      async () => ['verify', 'oci-layout:./l:latest', '--certificate-identity-regexp', '^https://github\\.com/(?=acme)'],
      /^✗ --certificate-identity-regexp "\^https:\/\/github\\\.com\/\(\?=acme\)" is not a valid regular expression in Go's RE2 syntax \(what Flux and cosign use\): error parsing regexp: invalid or unsupported Perl syntax: `\(\?=`$/,
    ],
    [
      'an annotation without =',
      async () => ['push', 'oci-layout:./l:latest', '-a', 'novalue', '--source', 's', '--revision', 'r'],
      /^✗ --annotation "novalue" is not key=value$/,
    ],
    ['a pull without --output', async () => ['pull', 'oci-layout:./l:latest'], /^✗ --output is required/],
    [
      'a bad --max-size',
      async () => ['pull', 'oci-layout:./l:latest', '-o', 'x', '--max-size', 'lots'],
      /^✗ --max-size "lots" is not a size/,
    ],
    [
      'a bad semver filter',
      async () => ['list', 'oci-layout:./l', '--filter-semver', '>>>'],
      /^✗ --filter-semver: invalid semver range ">>>"$/,
    ],
    [
      'a traversal entry on pull',
      async () => ['pull', `oci-layout:${await evilLayout([{ name: 'ok' }, { name: '../../escape' }])}:latest`, '-o', 'out'],
      /^✗ refusing entry "\.\.\/\.\.\/escape": path traversal \(".."\)$/,
    ],
    [
      'a symlink entry on pull',
      async () => ['pull', `oci-layout:${await evilLayout([{ name: 'link', type: 'symlink' }])}:latest`, '-o', 'out'],
      /^✗ refusing symlink entry "link" -> \/etc\/passwd: only files and directories are extracted$/,
    ],
    [
      'an oversize artifact on pull',
      async () => [
        'pull',
        `oci-layout:${await evilLayout([{ name: 'big', size: 5 * 1024 * 1024 }])}:latest`,
        '-o',
        'out',
        '--max-size',
        '1Mi',
      ],
      /^✗ artifact unpacks to more than the 1048576-byte limit \(raise max-size\)$/,
    ],
  ];
  for (const [what, args, message] of refusals) {
    it(`refuses ${what} with one line and exit 1`, async () => {
      const cwd = makeWorkspace({ 'a.yaml': 'a: 1\n' });
      const result = await d2ci(await args(), { cwd });
      assert.equal(result.code, 1);
      assert.match(
        result.stderr
          .split('\n')
          .filter((l) => l.startsWith('✗'))
          .join('\n'),
        message,
      );
      assert.equal(result.stderr.split('\n').filter((l) => l.startsWith('✗')).length, 1);
      assert.equal(existsSync(join(cwd, 'out')), false, 'nothing extracted');
    });
  }

  it('prints help', async () => {
    const help = await d2ci(['push', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: d2ci push URL \[flags\]/);
  });
});
