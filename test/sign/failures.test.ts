import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  OciLayout,
  pushArtifact,
  signArtifact,
  githubActionsIdentity,
  legacySignatureTag,
  isNotFound,
  SigningError,
  type Descriptor,
  type KeylessIdentity,
  type SignatureFormat,
  type Target,
} from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startSigstore, type LocalSigstore } from '../harness/sigstore.ts';
import { makeWorkspace } from '../harness/workspace.ts';
import { keyless, pushFresh, remote } from './helpers.ts';

/** Pushes new content with signing in beforeTag; returns the error and the manifest that was stored before signing. */
async function pushFailing(
  target: Target,
  identity: KeylessIdentity,
  format: SignatureFormat,
  tags: string[],
): Promise<{ error: Error; stored: Descriptor }> {
  const ws = makeWorkspace({ 'app/config.yaml': `value: ${randomBytes(8).toString('hex')}\n` });
  let stored: Descriptor | undefined;
  const error = await pushArtifact({
    path: join(ws, 'app'),
    target,
    source: 'https://github.com/acme/fleet',
    revision: 'refs/heads/main@sha1:feedfacefeedfacefeedfacefeedfacefeedface',
    tags,
    beforeTag: async (descriptor) => {
      stored = descriptor;
      await signArtifact(target, descriptor, { identity, format, repository: target.name });
    },
  }).then(
    () => undefined,
    (err: unknown) => err as Error,
  );
  assert.ok(error, 'the push must fail');
  assert.ok(stored, 'the manifest was stored before signing');
  return { error, stored };
}

async function resolves(target: Target, reference: string): Promise<string | undefined> {
  try {
    return (await target.resolve(reference)).digest;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** No tag moved: `latest` still names the previous artifact, `fresh` does not exist; the new manifest is stored untagged and unsigned. */
async function assertNothingMoved(target: Target, previous: string, stored: Descriptor): Promise<void> {
  assert.notEqual(stored.digest, previous);
  assert.equal(await resolves(target, 'latest'), previous, 'latest still points at the previous artifact');
  assert.equal(await resolves(target, 'fresh'), undefined, 'a new tag was not created');
  assert.equal(await target.exists(stored), true, 'the new manifest is stored (untagged)');
  assert.equal(await resolves(target, legacySignatureTag(stored.digest)), undefined, 'no .sig was written');
  assert.deepEqual(await target.referrers(stored), [], 'no bundle was attached');
  assert.deepEqual(
    (await target.tags()).filter((t) => !t.endsWith('.sig') && !/^sha256-[0-9a-f]{64}$/.test(t)),
    ['latest'],
  );
}

describe('signing failures inside pushArtifact leave every tag where it was', () => {
  let registry: LocalRegistry;
  let sigstore: LocalSigstore;
  let repos = 0;

  before(async () => {
    [registry, sigstore] = await Promise.all([startRegistry('none'), startSigstore()]);
  });
  after(async () => {
    await sigstore.close();
    await registry.stop();
  });
  afterEach(() => {
    sigstore.failing.clear();
  });

  /** A repository whose `latest` is a previous, signed artifact. */
  async function repositoryWithPrevious(): Promise<{ target: Target; previous: string }> {
    const target = remote(registry.host, `acme/fail-${++repos}`);
    const previous = await pushFresh(target, { sign: { identity: keyless(sigstore), format: 'legacy' } });
    return { target, previous: previous.descriptor.digest };
  }

  for (const format of ['legacy', 'bundle', 'both'] as const) {
    it(`fails "${format}" signing without an OIDC token, naming permissions: id-token: write`, async () => {
      const { target, previous } = await repositoryWithPrevious();
      const requests = sigstore.requests.length;
      const identity: KeylessIdentity = { ...keyless(sigstore), identity: githubActionsIdentity('sigstore', { env: {} }) };
      const { error, stored } = await pushFailing(target, identity, format, ['latest', 'fresh']);
      assert.ok(error instanceof SigningError, `${error.name}: ${error.message}`);
      assert.match(error.message, /no OIDC token/);
      assert.match(error.message, /permissions: id-token: write/);
      assert.doesNotMatch(error.message, /\n/);
      assert.deepEqual(sigstore.requests.slice(requests), [], 'neither Fulcio nor Rekor was asked');
      await assertNothingMoved(target, previous, stored);
    });
  }

  it('names an OIDC token service that answers 503', async () => {
    const { target, previous } = await repositoryWithPrevious();
    sigstore.failing.add('oidc');
    const { error, stored } = await pushFailing(target, keyless(sigstore), 'legacy', ['latest', 'fresh']);
    assert.match(error.message, /could not get an OIDC token for audience sigstore \(HTTP 503\)/);
    await assertNothingMoved(target, previous, stored);
  });

  it('retries an unreachable Fulcio a bounded number of times, then fails in one line naming it', async () => {
    const { target, previous } = await repositoryWithPrevious();
    sigstore.failing.add('fulcio');
    const requests = sigstore.requests.length;
    const started = Date.now();
    const { error, stored } = await pushFailing(target, keyless(sigstore, { retries: 2, timeoutMs: 2_000 }), 'both', ['latest', 'fresh']);
    assert.ok(error instanceof SigningError);
    assert.match(error.message, new RegExp(`^Fulcio at ${sigstore.url.replace(/[.]/g, '\\.')} did not issue a certificate: `));
    assert.match(error.message, /503|unavailable/);
    assert.doesNotMatch(error.message, /\n/);
    const seen = sigstore.requests.slice(requests);
    assert.equal(seen.filter((r) => r === 'POST /api/v2/signingCert').length, 3, `1 try + 2 retries: ${seen.join(', ')}`);
    assert.equal(seen.filter((r) => r === 'POST /api/v1/log/entries').length, 0, 'nothing was logged without a certificate');
    assert.ok(Date.now() - started < 15_000);
    await assertNothingMoved(target, previous, stored);
  });

  it('retries an unreachable Rekor a bounded number of times, then fails in one line naming it', async () => {
    const { target, previous } = await repositoryWithPrevious();
    sigstore.failing.add('rekor');
    const requests = sigstore.requests.length;
    const { error, stored } = await pushFailing(target, keyless(sigstore, { retries: 1, timeoutMs: 2_000 }), 'legacy', ['latest', 'fresh']);
    assert.ok(error instanceof SigningError);
    assert.match(error.message, new RegExp(`^Rekor at ${sigstore.url.replace(/[.]/g, '\\.')} did not log the signature: `));
    assert.match(error.message, /503|unavailable/);
    assert.doesNotMatch(error.message, /\n/);
    const seen = sigstore.requests.slice(requests);
    assert.equal(seen.filter((r) => r === 'POST /api/v1/log/entries').length, 2, `1 try + 1 retry: ${seen.join(', ')}`);
    assert.equal(seen.filter((r) => r === 'POST /api/v2/signingCert').length, 1);
    await assertNothingMoved(target, previous, stored);
  });

  it('names an unreachable timestamp authority', async () => {
    const { target, previous } = await repositoryWithPrevious();
    sigstore.failing.add('tsa');
    const { error, stored } = await pushFailing(target, keyless(sigstore, { tsaUrl: sigstore.url, retries: 0 }), 'legacy', [
      'latest',
      'fresh',
    ]);
    assert.match(error.message, new RegExp(`^the timestamp authority at ${sigstore.url.replace(/[.]/g, '\\.')} did not answer: `));
    await assertNothingMoved(target, previous, stored);
  });

  it('leaves an OCI layout untagged too when Rekor is down', async () => {
    const target = new OciLayout(join(makeWorkspace({}), 'layout'));
    const previous = (await pushFresh(target, { sign: { identity: keyless(sigstore), format: 'legacy' } })).descriptor.digest;
    sigstore.failing.add('rekor');
    const { error, stored } = await pushFailing(target, keyless(sigstore, { retries: 0 }), 'bundle', ['latest', 'fresh']);
    assert.match(error.message, /^Rekor at .* did not log the signature/);
    await assertNothingMoved(target, previous, stored);
  });

  it('signs again once the services are back (the failed push can simply be re-run)', async () => {
    const { target } = await repositoryWithPrevious();
    sigstore.failing.add('fulcio');
    const { stored } = await pushFailing(target, keyless(sigstore), 'legacy', ['latest']);
    sigstore.failing.clear();
    await signArtifact(target, stored, { identity: keyless(sigstore), format: 'legacy', repository: target.name });
    assert.notEqual(await resolves(target, legacySignatureTag(stored.digest)), undefined);
  });
});
