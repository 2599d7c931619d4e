// Tags that must not move, and arguments that must not be ignored: each refusal is one line naming the flag, and
// the registry is as it was (no tag moved, no manifest written).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startRegistry, tagDigest, type LocalRegistry } from '../harness/registry.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';
import { d2ci, lastLine } from '../harness/cli.ts';

describe('tags that must not move', () => {
  let registry: LocalRegistry;
  let ws: string;
  let url: string;
  const state = async (): Promise<Record<string, string>> => {
    const list = (await (await fetch(`${registry.url}/v2/acme/guard/tags/list`)).json()) as { tags?: string[] };
    const out: Record<string, string> = {};
    for (const tag of list.tags ?? []) out[tag] = (await tagDigest(registry, 'acme/guard', tag)) ?? '';
    return out;
  };
  const push = (tags: string[], extra: string[] = [], path = 'components/frontend') =>
    d2ci(
      [
        'push',
        `${url}:latest`,
        '--path',
        path,
        '--source',
        's',
        '--revision',
        'main@sha1:1',
        ...tags.flatMap((t) => ['--tag', t]),
        ...extra,
      ],
      ws,
    );

  before(async () => {
    registry = await startRegistry('none');
    ws = makeWorkspace(componentFiles);
    url = `oci://${registry.host}/acme/guard`;
    const first = await push(['v1.0.0', 'latest-stable'], ['--force', 'latest-stable', '--reproducible']);
    assert.equal(first.code, 0, first.stderr);
  });
  after(() => registry.stop());

  it('a signature tag (sha256-….sig) is never written by push, even with --force', async () => {
    const before = await state();
    const digest = before.latest?.slice(7) ?? '';
    for (const extra of [[], ['--force', `sha256-${digest}.sig`]]) {
      const result = await push([`sha256-${digest}.sig`], extra, 'components/frontend/base');
      assert.equal(result.code, 1);
      assert.equal(
        lastLine(result.stderr),
        `✗ --tag: tag "sha256-${digest}.sig" holds the cosign signature, attestation or referrers index of artifact sha256:${digest}; a push never writes it`,
      );
    }
    assert.deepEqual(await state(), before);
  });

  it('the referrers index tag (sha256-<hex>) is refused too', async () => {
    const digest = (await state()).latest?.slice(7) ?? '';
    const result = await push([`sha256-${digest}`], [], 'components/frontend/base');
    assert.equal(result.code, 1);
    assert.match(lastLine(result.stderr), /^✗ --tag: tag "sha256-[0-9a-f]{64}" holds the cosign signature/);
  });

  it('latest-stable moves only with --force naming it', async () => {
    const before = await state();
    const refused = await push(['latest-stable'], [], 'components/frontend/base');
    assert.equal(refused.code, 1);
    assert.equal(
      lastLine(refused.stderr),
      '✗ --tag: tag "latest-stable" is what production follows: only a release moves it (d2ci release, the release-artifact action), or name it in --force',
    );
    assert.deepEqual(await state(), before, 'nothing moved, latest included');
  });

  it('an existing release version pointing elsewhere is refused; the same digest again is a no-op', async () => {
    const before = await state();
    const refused = await push(['v1.0.0'], [], 'components/frontend/base');
    assert.equal(refused.code, 1);
    assert.equal(
      lastLine(refused.stderr),
      `✗ --tag: tag "v1.0.0" is a released version pointing at ${before['v1.0.0']}; a release never moves: release a new version, or name it in --force`,
    );
    assert.deepEqual(await state(), before);
    const same = await push(['v1.0.0'], ['--reproducible']);
    assert.equal(same.code, 0, same.stderr);
    assert.deepEqual(await state(), before);
    // A version that does not exist yet is an ordinary tag.
    const fresh = await push(['v1.1.0'], [], 'components/frontend/base');
    assert.equal(fresh.code, 0, fresh.stderr);
  });

  it('d2ci tag refuses latest-stable and moves it with --force', async () => {
    const refused = await d2ci(['tag', `${url}:v1.1.0`, '--tag', 'latest-stable'], ws);
    assert.equal(refused.code, 1);
    assert.match(lastLine(refused.stderr), /^✗ --tag: tag "latest-stable" is what production follows/);
    const forced = await d2ci(['tag', `${url}:v1.1.0`, '--tag', 'latest-stable', '--force', 'latest-stable'], ws);
    assert.equal(forced.code, 0, forced.stderr);
    const now = await state();
    assert.equal(now['latest-stable'], now['v1.1.0']);
  });

  it('a stray argument is refused instead of packing the current directory', async () => {
    const before = await state();
    const result = await d2ci(['push', `${url}:stray`, 'components/frontend', '--source', 's', '--revision', 'main@sha1:1'], ws);
    assert.equal(result.code, 1);
    assert.equal(
      lastLine(result.stderr),
      '✗ unexpected argument "components/frontend": d2ci push takes one URL; a directory is given with --path; see d2ci push --help',
    );
    assert.deepEqual(await state(), before);
    const build = await d2ci(['build', 'components/frontend'], ws);
    assert.equal(build.code, 1);
    assert.equal(
      lastLine(build.stderr),
      '✗ unexpected argument "components/frontend": d2ci build takes no arguments; a directory is given with --path; see d2ci build --help',
    );
  });
});
