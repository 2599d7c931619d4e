// Malformed and conflicting input through the CLI: each is one line naming the flag or argument, exit 1, and the
// registry or layout as it was.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';
import { d2ci, lastLine } from '../harness/cli.ts';

describe('malformed and conflicting input', () => {
  let registry: LocalRegistry;
  let ws: string;
  let url: string;
  before(async () => {
    registry = await startRegistry('none');
    ws = makeWorkspace(componentFiles);
    url = `oci://${registry.host}/acme/inputs`;
    const key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    writeFileSync(join(ws, 'k.pem'), key.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const pushed = await d2ci(['push', `${url}:latest`, '--path', 'components/frontend', '--source', 's', '--revision', 'main@sha1:1'], ws);
    assert.equal(pushed.code, 0, pushed.stderr);
  });
  after(() => registry.stop());

  const refusals: [string, string[], RegExp][] = [
    [
      'a stray argument to list',
      ['list', 'URL', 'extra'],
      /^✗ unexpected argument "extra": d2ci list takes one URL; see d2ci list --help$/,
    ],
    ['a stray argument to pull', ['pull', 'URL', 'out'], /^✗ unexpected argument "out": d2ci pull takes one URL; see d2ci pull --help$/],
    [
      'a stray argument to verify',
      ['verify', 'URL', 'k.pub'],
      /^✗ unexpected argument "k\.pub": d2ci verify takes one URL; see d2ci verify --help$/,
    ],
    ['an unknown flag', ['list', 'URL', '--tags'], /^✗ unknown flag '--tags'; see d2ci list --help$/],
    [
      '--key with --identity-token',
      ['sign', 'URL:latest', '--key', 'k.pem', '--identity-token', 'x'],
      /^✗ --identity-token is for keyless signing and conflicts with --key; give one or the other$/,
    ],
    [
      '--key with --fulcio-url',
      ['sign', 'URL:latest', '--key', 'k.pem', '--fulcio-url', 'https://fulcio.example'],
      /^✗ --fulcio-url is for keyless signing and conflicts with --key/,
    ],
    [
      '--referrer with --layer-media-type',
      ['pull', 'URL', '--referrer', 'spdx', '--layer-media-type', 'x'],
      /^✗ --layer-media-type applies to extracting the artifact and conflicts with --referrer/,
    ],
    [
      '--referrer with --max-size',
      ['pull', 'URL', '--referrer', 'spdx', '--max-size', '1Mi'],
      /^✗ --max-size applies to extracting the artifact and conflicts with --referrer/,
    ],
    [
      '--key with --certificate-identity',
      ['verify', 'URL', '--key', 'k.pem', '--certificate-identity', 'x'],
      /^✗ give --key or --certificate-identity\(-regexp\), not both$/,
    ],
    ['a --max-size that is not a size', ['pull', 'URL', '--output', 'o', '--max-size', 'lots'], /^✗ --max-size "lots" is not a size/],
    ['--timeout 0', ['list', 'URL', '--timeout', '0'], /^✗ --timeout: "0" is not a timeout between 1 s and 60 m/],
    ['--timeout over an hour', ['list', 'URL', '--timeout', '2h'], /^✗ --timeout: "2h" is not a timeout/],
    [
      'a tag signature tag with d2ci tag',
      ['tag', 'URL:latest', '--tag', `sha256-${'b'.repeat(64)}.att`],
      /^✗ --tag: tag "sha256-b{64}\.att" holds the cosign signature/,
    ],
    [
      '--diff-tag latest-stable on push (the push would move production)',
      ['push', 'URL:latest', '--path', 'components/frontend', '--diff-tag', 'latest-stable', '--source', 's', '--revision', 'r@sha1:2'],
      /^✗ --tag: tag "latest-stable" is what production follows/,
    ],
  ];
  for (const [what, args, message] of refusals) {
    it(`refuses ${what}`, async () => {
      const before = await (await fetch(`${registry.url}/v2/acme/inputs/tags/list`)).text();
      const result = await d2ci(
        args.map((a) => a.replace(/^URL/, url)),
        ws,
      );
      assert.equal(result.code, 1, result.stderr);
      assert.match(lastLine(result.stderr), message);
      assert.equal(await (await fetch(`${registry.url}/v2/acme/inputs/tags/list`)).text(), before, 'no tag changed');
    });
  }

  it('release names an unreadable tag it skipped, and still finds the artifact', async () => {
    const layout = join(ws, 'layout-release');
    const key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    writeFileSync(join(ws, 'r.key'), key.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(join(ws, 'r.pub'), key.publicKey.export({ type: 'spki', format: 'pem' }));
    mkdirSync(join(ws, 'tree'), { recursive: true });
    writeFileSync(join(ws, 'tree', 'a.yaml'), 'a\n');
    const pushed = await d2ci(
      [
        'push',
        `oci-layout:${layout}:staged`,
        '--path',
        'tree',
        '--key',
        'r.key',
        '--source',
        's',
        '--revision',
        'main@sha1:0123456789abcdef0123456789abcdef01234567',
      ],
      ws,
    );
    assert.equal(pushed.code, 0, pushed.stderr);
    // A tag whose manifest blob does not match its digest (a corrupted or tampered layout).
    writeFileSync(join(layout, 'blobs', 'sha256', 'c'.repeat(64)), 'not a manifest');
    const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as { manifests: Record<string, unknown>[] };
    index.manifests.push({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: `sha256:${'c'.repeat(64)}`,
      size: 14,
      annotations: { 'org.opencontainers.image.ref.name': 'broken' },
    });
    writeFileSync(join(layout, 'index.json'), JSON.stringify(index));
    const released = await d2ci(
      [
        'release',
        `oci-layout:${layout}`,
        '--ref',
        'v1.0.0',
        '--commit',
        '0123456789abcdef0123456789abcdef01234567',
        '--verify-key',
        'r.pub',
        '--key',
        'r.key',
      ],
      ws,
    );
    assert.equal(released.code, 0, released.stderr);
    assert.match(released.stderr, /skipped tag broken: .*sha256:c{64}/);
    assert.match(released.stderr, /found: staged names commit 0123456789ab/);
  });
});
