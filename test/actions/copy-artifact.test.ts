// The copy-artifact action and the root action's `command: copy`, run from their committed bundles as the runner
// runs them: staging on one registry, production on another host with its own credentials (masked), a key gate,
// outputs, a repeated copy that writes nothing, and a refusal that leaves the production tag alone.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { RegistryClient } from '@d2ci/core';
import { startRegistry, tagDigest, type LocalRegistry } from '../harness/registry.ts';
import { runAction } from '../harness/action.ts';
import { pushFresh } from '../sign/helpers.ts';

describe('copy-artifact action', () => {
  let staging: LocalRegistry;
  let production: LocalRegistry;
  let digest: string;
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();

  before(async () => {
    [staging, production] = await Promise.all([startRegistry('none'), startRegistry('htpasswd')]);
    const target = new RegistryClient().repository({ registry: staging.host, repository: 'acme/fleet' });
    digest = (await pushFresh(target, { tags: ['v1.2.3'], sign: { identity: { kind: 'key', privateKey }, format: 'both' } })).descriptor
      .digest;
  });
  after(async () => {
    await Promise.all([staging?.stop(), production?.stop()]);
  });

  const inputs = () => ({
    from: `${staging.host}/acme/fleet:v1.2.3`,
    to: `${production.host}/fleet`,
    tags: 'latest-stable',
    force: 'latest-stable',
    'to-username': production.username,
    'to-password': production.password,
    key: pem,
    'flux-version': 'none',
  });

  it('copies a verified artifact with its signatures; the root action runs it as command: copy and writes nothing again', async () => {
    const first = await runAction('copy-artifact', inputs());
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.equal(first.outputs.digest, digest);
    assert.equal(first.outputs['digest-url'], `${production.host}/fleet@${digest}`);
    assert.equal(first.outputs.tags, 'v1.2.3,latest-stable');
    assert.equal(first.outputs.copied, 'true');
    assert.equal(first.outputs['referrers-copied'], '1');
    assert.ok(first.masked.includes(production.password));
    assert.ok(!first.visible.includes(production.password));
    assert.match(first.summary, /sigstore-signature/);
    assert.equal(await tagDigest(production, 'fleet', 'latest-stable'), digest);

    const again = await runAction('.', { command: 'copy', ...inputs() });
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.equal(again.outputs.copied, 'false');
    assert.equal(again.outputs['referrers-copied'], '0');
    assert.match(again.summary, /nothing to copy/);
  });

  it('refuses a source that does not verify, and a protected tag without force, moving nothing', async () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const unverified = await runAction('copy-artifact', { ...inputs(), to: `${production.host}/gated`, key: other });
    assert.equal(unverified.code, 1);
    assert.match(unverified.errors.join('\n'), /is not verified, so it is not copied: .*\(no destination tag was moved\)/);
    const unforced = await runAction('copy-artifact', { ...inputs(), to: `${production.host}/gated`, force: '' });
    assert.equal(unforced.code, 1);
    assert.match(unforced.errors.join('\n'), /input `tags`: tag "latest-stable" is what production follows.*name it in `force`/);
    assert.equal(await tagDigest(production, 'gated', 'v1.2.3'), undefined);
    const anonymous = await runAction('copy-artifact', { ...inputs(), 'to-username': '', 'to-password': '' });
    assert.equal(anonymous.code, 1);
    assert.match(anonymous.errors.join('\n'), /no credentials for .*: set `to-username` and `to-password`/);
  });
});
