// `d2ci copy` as a user runs it: staging on one registry, production on another host that wants credentials,
// a verification gate, protected tags, each side's credentials going to its own host only, and an OCI layout.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { RegistryClient } from '@d2ci/core';
import { startRegistry, tagDigest, type LocalRegistry } from '../harness/registry.ts';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy.ts';
import { d2ci, lastLine } from '../harness/cli.ts';
import { pushFresh } from '../sign/helpers.ts';

interface CopyJson {
  digest: string;
  digestUrl: string;
  changed: boolean;
  tags: { tag: string; changed: boolean }[];
  referrers: { total: number; copied: number; byKind: Record<string, number> };
  cosignTags: { tag: string; kind: string; action: string }[];
  manifests: number;
  bytes: number;
  verified: { identity: string | null; format: string | null } | null;
}

describe('d2ci copy', () => {
  let staging: LocalRegistry;
  let production: LocalRegistry;
  let proxy: FaultProxy;
  let work: string;
  let digest: string;
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const foreign = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey;

  before(async () => {
    [staging, production] = await Promise.all([startRegistry('none'), startRegistry('htpasswd')]);
    // Staging behind a logging proxy: what reaches its host (and with which Authorization) is seen.
    proxy = await startFaultProxy(staging.url);
    work = mkdtempSync(join(tmpdir(), 'd2ci-cli-copy-'));
    writeFileSync(join(work, 'cosign.pub'), publicKey.export({ format: 'pem', type: 'spki' }));
    writeFileSync(join(work, 'foreign.pub'), foreign.export({ format: 'pem', type: 'spki' }));
    const target = new RegistryClient().repository({ registry: proxy.host, repository: 'acme/app' });
    digest = (await pushFresh(target, { tags: ['v1.2.3'], sign: { identity: { kind: 'key', privateKey }, format: 'both' } })).descriptor
      .digest;
  });
  after(async () => {
    await proxy?.close();
    await Promise.all([staging?.stop(), production?.stop()]);
    rmSync(work, { recursive: true, force: true });
  });

  const creds = () => `${production.username}:${production.password}`;

  it('copies a verified artifact to another host with its own credentials, which never reach the source; again: nothing', async () => {
    proxy.log.length = 0;
    const args = ['copy', `${proxy.host}/acme/app:v1.2.3`, `oci://${production.host}/prod/app`, '--to-creds', creds()];
    const first = await d2ci([...args, '--key', join(work, 'cosign.pub'), '--flux-version', 'none', '-o', 'json'], work);
    assert.equal(first.code, 0, first.stderr);
    const result = JSON.parse(first.stdout) as CopyJson;
    assert.equal(result.digest, digest);
    assert.equal(result.digestUrl, `${production.host}/prod/app@${digest}`);
    assert.deepEqual(result.tags, [{ tag: 'v1.2.3', changed: true }]);
    assert.deepEqual(result.referrers.byKind, { 'sigstore-signature': 1 });
    assert.deepEqual(
      result.cosignTags.map((c) => [c.kind, c.action]),
      [['sig', 'copied']],
    );
    assert.ok(result.changed && result.bytes > 0 && result.verified?.identity?.startsWith('key:'));
    assert.ok(proxy.log.length > 0);
    assert.deepEqual(
      proxy.log.filter((r) => r.authorization),
      [],
      'the destination credentials went to the source host',
    );

    const verified = await d2ci(
      ['verify', `${production.host}/prod/app:v1.2.3`, '--creds', creds(), '--key', join(work, 'cosign.pub'), '--flux-version', 'all'],
      work,
    );
    assert.equal(verified.code, 0, verified.stderr);

    const again = await d2ci(args, work);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /v1\.2\.3 → sha256:[0-9a-f]{64} \(already there\)/);
    assert.match(again.stderr, /nothing to copy: the destination already had everything/);
  });

  it('refuses, writing nothing, a source that does not verify, and protected tags without --force', async () => {
    const args = ['copy', `${proxy.host}/acme/app:v1.2.3`, `${production.host}/gated/app`, '--to-creds', creds()];
    const unverified = await d2ci([...args, '--key', join(work, 'foreign.pub')], work);
    assert.equal(unverified.code, 1);
    assert.match(
      lastLine(unverified.stderr),
      /^✗ .*@sha256:[0-9a-f]{64} is not verified, so it is not copied: .*\(no destination tag was moved\)$/,
    );
    const stable = await d2ci([...args, '--tag', 'latest-stable'], work);
    assert.equal(stable.code, 1);
    assert.match(lastLine(stable.stderr), /^✗ --tag: tag "latest-stable" is what production follows.*name it in --force$/);
    assert.equal(await tagDigest(production, 'gated/app', 'v1.2.3'), undefined);
    const forced = await d2ci([...args, '--tag', 'latest-stable', '--force', 'latest-stable', '-o', 'yaml'], work);
    assert.equal(forced.code, 0, forced.stderr);
    assert.deepEqual(
      (parseYaml(forced.stdout) as CopyJson).tags.map((t) => t.tag),
      ['v1.2.3', 'latest-stable'],
    );
  });

  it("names the destination's credential flag when the destination refuses anonymous access", async () => {
    const result = await d2ci(['copy', `${proxy.host}/acme/app:v1.2.3`, `${production.host}/anon/app`], work);
    assert.equal(result.code, 1);
    assert.match(lastLine(result.stderr), new RegExp(`no credentials for ${production.host.replace(/\./g, '\\.')}: pass --to-creds`));
  });

  it('refuses flags that do not fit a copy before any request', async () => {
    const creds = await d2ci(['copy', 'a.example/x:1', 'b.example/y', '--creds', 'u:p'], work);
    assert.match(lastLine(creds.stderr), /^✗ d2ci copy takes --from-creds for the source and --to-creds for the destination, not --creds$/);
    const stray = await d2ci(['copy', 'a.example/x:1', 'b.example/y', '--trusted-root', 'x.json'], work);
    assert.match(lastLine(stray.stderr), /^✗ --trusted-root refines a verification, but none was asked for/);
    const one = await d2ci(['copy', 'a.example/x:1'], work);
    assert.match(lastLine(one.stderr), /^✗ d2ci copy takes SRC and DST/);
    const help = await d2ci(['copy', '--help'], work);
    assert.match(help.stdout, /--from-creds USER:PASS/);
  });

  it('registry → OCI layout → registry, with the signatures', async () => {
    const layout = `oci-layout:${join(work, 'layout')}`;
    const out = await d2ci(['copy', `${proxy.host}/acme/app:v1.2.3`, layout, '-o', 'json'], work);
    assert.equal(out.code, 0, out.stderr);
    assert.equal((JSON.parse(out.stdout) as CopyJson).referrers.total, 1);
    const back = await d2ci(
      ['copy', `${layout}:v1.2.3`, `${production.host}/from-layout/app:v1`, '--to-creds', creds(), '-o', 'json'],
      work,
    );
    assert.equal(back.code, 0, back.stderr);
    assert.deepEqual((JSON.parse(back.stdout) as CopyJson).tags, [{ tag: 'v1', changed: true }]);
    const verified = await d2ci(
      ['verify', `${production.host}/from-layout/app:v1`, '--creds', creds(), '--key', join(work, 'cosign.pub'), '--flux-version', '2.7'],
      work,
    );
    assert.equal(verified.code, 0, verified.stderr);
  });
});
