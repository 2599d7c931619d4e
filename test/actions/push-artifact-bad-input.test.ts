import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy.ts';
import { runAction } from '../harness/action.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';

interface Case {
  name: string;
  inputs: (hosts: { open: string; basic: string; denied: string }) => Record<string, string>;
  env?: Record<string, string | undefined>;
  /** The one-line error, which names the input (or the permission) and the fix. */
  error: RegExp;
  /** Repository (on the no-auth or basic registry) that must not exist afterwards. */
  untouched?: (hosts: { open: string; basic: string; denied: string }) => [registry: 'open' | 'basic', repository: string];
}

const tooLong = 'x'.repeat(129);

const cases: Case[] = [
  {
    name: 'missing repository',
    inputs: () => ({ path: 'components/frontend' }),
    error: /^input `repository`: is required; add `repository:` to the step's `with:`$/,
  },
  {
    name: 'uppercase repository',
    inputs: (h) => ({ repository: `${h.open}/Acme/App` }),
    error: /^input `repository`: "[^"]+": repository "Acme\/App" must be lowercase/,
  },
  {
    name: 'repository with a tag',
    inputs: (h) => ({ repository: `${h.open}/acme/tagged:latest` }),
    error:
      /^input `repository`: ".*:latest" must not include a tag \(":latest"\); give the repository only and set the tags with `tags` or `diff-tag`$/,
  },
  {
    name: 'repository with a digest',
    inputs: (h) => ({ repository: `${h.open}/acme/app@sha256:${'a'.repeat(64)}` }),
    error: /^input `repository`: .* must not include a digest/,
  },
  {
    name: 'repository with a bad character',
    inputs: (h) => ({ repository: `${h.open}/acme/app$` }),
    error: /^input `repository`: .*path element "app\$" is invalid/,
  },
  {
    name: 'repository with an http scheme',
    inputs: (h) => ({ repository: `https://${h.open}/acme/app` }),
    error: /^input `repository`: .*unsupported scheme "https:\/\/"; use oci:\/\/host\/repository/,
  },
  {
    name: 'repository without a path',
    inputs: (h) => ({ repository: `${h.open}/` }),
    error: /^input `repository`: .*the repository path is missing/,
  },
  {
    name: 'repository with a port out of range',
    inputs: () => ({ repository: '127.0.0.1:99999/acme/app' }),
    error: /^input `repository`: .*registry port "99999" is out of range/,
  },
  {
    name: 'digest as diff-tag',
    inputs: (h) => ({ repository: `${h.open}/acme/bad-diff`, 'diff-tag': 'sha256:abc' }),
    error: /^input `diff-tag`: "sha256:abc" is not a valid tag: use up to 128/,
    untouched: () => ['open', 'acme/bad-diff'],
  },
  {
    name: 'tag starting with a dash',
    inputs: (h) => ({ repository: `${h.open}/acme/bad-tag`, tags: 'latest\n-oops' }),
    error: /^input `tags`: "-oops" is not a valid tag/,
    untouched: () => ['open', 'acme/bad-tag'],
  },
  {
    name: 'tag with a space',
    inputs: (h) => ({ repository: `${h.open}/acme/bad-tag2`, tags: 'main build' }),
    error: /^input `tags`: "main build" is not a valid tag/,
    untouched: () => ['open', 'acme/bad-tag2'],
  },
  {
    name: 'tag longer than 128 characters',
    inputs: (h) => ({ repository: `${h.open}/acme/bad-tag3`, tags: tooLong }),
    error: /^input `tags`: "x{129}" is not a valid tag/,
    untouched: () => ['open', 'acme/bad-tag3'],
  },
  {
    name: 'path that does not exist',
    inputs: (h) => ({ repository: `${h.open}/acme/no-path`, path: 'components/missing' }),
    error: /^input `path`: "components\/missing" does not exist in the workspace; check the path/,
    untouched: () => ['open', 'acme/no-path'],
  },
  {
    name: 'empty path directory',
    inputs: (h) => ({ repository: `${h.open}/acme/empty`, path: 'empty' }),
    error: /^input `path`: "empty" has no files to pack \(after ignore rules\); check `path` and `ignore-paths`$/,
    untouched: () => ['open', 'acme/empty'],
  },
  {
    name: 'path holding only ignored files',
    inputs: (h) => ({ repository: `${h.open}/acme/ignored`, path: 'images' }),
    error: /^input `path`: "images" has no files to pack/,
    untouched: () => ['open', 'acme/ignored'],
  },
  {
    name: 'ignore-paths that leave nothing',
    inputs: (h) => ({ repository: `${h.open}/acme/ignore-all`, path: 'components/frontend', 'ignore-paths': '*\n' }),
    error: /^input `path`: .*no files to pack.*`ignore-paths`/,
    untouched: () => ['open', 'acme/ignore-all'],
  },
  {
    name: 'path outside the workspace',
    inputs: (h) => ({ repository: `${h.open}/acme/outside`, path: '..' }),
    error: /^input `path`: "\.\." is outside the workspace/,
    untouched: () => ['open', 'acme/outside'],
  },
  {
    name: 'absolute path outside the workspace',
    inputs: (h) => ({ repository: `${h.open}/acme/abs`, path: '/etc' }),
    error: /^input `path`: "\/etc" is outside the workspace/,
    untouched: () => ['open', 'acme/abs'],
  },
  {
    name: 'path that is a symlink leaving the workspace',
    inputs: (h) => ({ repository: `${h.open}/acme/link-out`, path: 'escape' }),
    error: /^input `path`: "escape" is outside the workspace/,
    untouched: () => ['open', 'acme/link-out'],
  },
  {
    name: 'resolved symlink escaping the path',
    inputs: (h) => ({ repository: `${h.open}/acme/sym`, path: 'leaky', 'resolve-symlinks': 'true' }),
    error: /^input `path`: symlink "passwd" points outside the artifact root .*; check `path` \(or leave `resolve-symlinks` off\)$/,
    untouched: () => ['open', 'acme/sym'],
  },
  {
    name: 'annotation without =',
    inputs: (h) => ({ repository: `${h.open}/acme/ann`, annotations: 'team=platform\nfoo' }),
    error: /^input `annotations`: "foo" is not key=value; write one annotation per line/,
    untouched: () => ['open', 'acme/ann'],
  },
  {
    name: 'annotation with an empty key',
    inputs: (h) => ({ repository: `${h.open}/acme/ann2`, annotations: '=value' }),
    error: /^input `annotations`: "=value" is not key=value/,
    untouched: () => ['open', 'acme/ann2'],
  },
  {
    name: 'annotation key with a space',
    inputs: (h) => ({ repository: `${h.open}/acme/ann3`, annotations: 'my key=v' }),
    error: /^input `annotations`: key "my key" contains whitespace$/,
    untouched: () => ['open', 'acme/ann3'],
  },
  {
    name: 'reproducible that is not a boolean',
    inputs: (h) => ({ repository: `${h.open}/acme/bool`, reproducible: 'yes' }),
    error: /^input `reproducible`: "yes" is not a boolean; use true or false$/,
    untouched: () => ['open', 'acme/bool'],
  },
  {
    name: 'insecure that is not a boolean',
    inputs: (h) => ({ repository: `${h.open}/acme/bool2`, insecure: 'maybe' }),
    error: /^input `insecure`: "maybe" is not a boolean/,
    untouched: () => ['open', 'acme/bool2'],
  },
  {
    name: 'unknown provider',
    inputs: (h) => ({ repository: `${h.open}/acme/prov`, provider: 'dockerhub' }),
    error: /^input `provider`: unknown provider "dockerhub": use one of generic, aws, gcp, azure$/,
    untouched: () => ['open', 'acme/prov'],
  },
  {
    name: 'username without password',
    inputs: (h) => ({ repository: `${h.basic}/acme/nopw`, 'registry-username': 'ci' }),
    error: /^input `registry-password`: is empty but `registry-username` is set/,
    untouched: () => ['basic', 'acme/nopw'],
  },
  {
    name: 'password without username',
    inputs: (h) => ({ repository: `${h.basic}/acme/nouser`, 'registry-password': 'secret-value' }),
    error: /^input `registry-username`: is empty but `registry-password` is set; add the user name$/,
    untouched: () => ['basic', 'acme/nouser'],
  },
  {
    name: 'unknown registry host',
    inputs: () => ({ repository: 'registry.invalid/acme/app' }),
    error: /^input `repository`: cannot resolve registry host registry\.invalid: check the registry name/,
  },
  {
    name: 'registry needing credentials (401)',
    inputs: (h) => ({ repository: `${h.basic}/acme/anon` }),
    error: /401 UNAUTHORIZED.*; no credentials for 127\.0\.0\.1:\d+: set `registry-username` and `registry-password`/,
    untouched: () => ['basic', 'acme/anon'],
  },
  {
    name: 'wrong password (401)',
    inputs: (h) => ({ repository: `${h.basic}/acme/wrong`, 'registry-username': 'ci', 'registry-password': 'not-the-password' }),
    error: /401 UNAUTHORIZED.*; the registry rejected the credentials for 127\.0\.0\.1:\d+; check them$/,
    untouched: () => ['basic', 'acme/wrong'],
  },
  {
    name: 'registry denying anonymous pushes (403)',
    inputs: (h) => ({ repository: `${h.denied}/acme/denied` }),
    error: /403 DENIED.*; no credentials for 127\.0\.0\.1:\d+: set `registry-username`/,
    untouched: () => ['open', 'acme/denied'],
  },
  {
    name: 'credentials without push permission (403)',
    inputs: (h) => ({ repository: `${h.denied}/acme/denied2`, 'registry-username': 'reader', 'registry-password': 'read-only-token' }),
    error: /403 DENIED.*; the credentials lack permission for 127\.0\.0\.1:\d+\/acme\/denied2$/,
    untouched: () => ['open', 'acme/denied2'],
  },
  {
    name: 'keyless signing without the id-token permission',
    inputs: (h) => ({ repository: `${h.open}/acme/unsigned`, sign: 'true' }),
    error:
      /^input `sign`: keyless signing needs the job's OIDC token: add `permissions: id-token: write` to the job, or set `sign: false`$/,
    untouched: () => ['open', 'acme/unsigned'],
  },
  {
    name: 'unknown signature format',
    inputs: (h) => ({ repository: `${h.open}/acme/fmt`, sign: 'true', 'signature-format': 'cosign' }),
    error: /^input `signature-format`: "cosign" is not one of legacy, bundle, both, notation$/,
    untouched: () => ['open', 'acme/fmt'],
  },
  {
    name: 'signing key that is not a key',
    inputs: (h) => ({
      repository: `${h.open}/acme/badkey`,
      sign: 'true',
      'signing-key': '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----',
    }),
    error: /^input `signing-key`: the signing key is not a PEM private key/,
    untouched: () => ['open', 'acme/badkey'],
  },
  {
    name: 'signing key path that does not exist',
    inputs: (h) => ({ repository: `${h.open}/acme/nokey`, sign: 'true', 'signing-key': 'keys/cosign.key' }),
    error: /^input `signing-key`: is neither a PEM key nor a file in the workspace \("keys\/cosign\.key"\)/,
    untouched: () => ['open', 'acme/nokey'],
  },
  {
    name: 'GITHUB_WORKSPACE names no folder',
    inputs: (h) => ({ repository: `${h.open}/acme/noworkspace` }),
    env: { GITHUB_WORKSPACE: '/nonexistent/d2ci-workspace' },
    error: /^the workspace \/nonexistent\/d2ci-workspace \(GITHUB_WORKSPACE\) does not exist; run actions\/checkout before this step$/,
    untouched: () => ['open', 'acme/noworkspace'],
  },
  {
    name: 'tags naming latest-stable (production; only a release moves it)',
    inputs: (h) => ({ repository: `${h.open}/acme/stable`, tags: 'latest,latest-stable' }),
    error:
      /^input `tags`: tag "latest-stable" is what production follows: only a release moves it \(d2ci release, the release-artifact action\)$/,
    untouched: () => ['open', 'acme/stable'],
  },
  {
    name: 'tags naming a signature tag',
    inputs: (h) => ({ repository: `${h.open}/acme/sigtag`, tags: `sha256-${'a'.repeat(64)}.sig` }),
    error:
      /^input `tags`: tag "sha256-a{64}\.sig" holds the cosign signature, attestation or referrers index of artifact sha256:a{64}; a push never writes it$/,
    untouched: () => ['open', 'acme/sigtag'],
  },
  {
    name: 'a timeout that is not a number of seconds',
    inputs: (h) => ({ repository: `${h.open}/acme/timeout`, timeout: 'forever' }),
    error: /^input `timeout`: "forever" is not a timeout between 1 s and 60 m/,
    untouched: () => ['open', 'acme/timeout'],
  },
  {
    name: 'no source outside GitHub',
    inputs: (h) => ({ repository: `${h.open}/acme/nosource` }),
    env: { GITHUB_REPOSITORY: undefined },
    error: /^input `source`: is empty and GITHUB_REPOSITORY is not set/,
    untouched: () => ['open', 'acme/nosource'],
  },
];

describe('push-artifact refuses bad input with one clear line, exit 1, nothing pushed', () => {
  let open: LocalRegistry;
  let basic: LocalRegistry;
  let denied: FaultProxy;
  let workspace: string;
  before(async () => {
    [open, basic] = await Promise.all([startRegistry('none'), startRegistry('htpasswd')]);
    denied = await startFaultProxy(open.url);
    denied.plan = ({ method }) => (method === 'GET' || method === 'HEAD' ? { kind: 'pass' } : { kind: 'status', status: 403 });
    const outside = makeWorkspace({ passwd: 'root:x:0:0' });
    workspace = makeWorkspace({ ...componentFiles, 'images/logo.png': 'png', 'leaky/ok.yaml': 'a: 1\n' });
    mkdirSync(join(workspace, 'empty'));
    symlinkSync(outside, join(workspace, 'escape'));
    symlinkSync(join(outside, 'passwd'), join(workspace, 'leaky', 'passwd'));
  });
  after(async () => {
    await denied.close();
    await Promise.all([open.stop(), basic.stop()]);
  });

  it('has at least 25 cases', () => assert.ok(cases.length >= 25, `${cases.length} cases`));

  for (const c of cases) {
    it(c.name, async () => {
      const hosts = { open: open.host, basic: basic.host, denied: denied.host };
      const run = await runAction(
        'push-artifact',
        { path: 'components/frontend', sign: 'false', ...c.inputs(hosts) },
        { GITHUB_WORKSPACE: workspace, ...c.env },
      );
      assert.equal(run.code, 1, `exit code; stdout:\n${run.stdout}`);
      assert.equal(run.errors.length, 1, `exactly one error line:\n${run.stdout}`);
      const [error] = run.errors;
      assert.ok(error && !error.includes('\n'), 'one line');
      assert.match(error ?? '', c.error);
      assert.deepEqual(run.outputs, {}, 'no outputs on failure');
      assert.equal(run.stderr, '', 'nothing on stderr (no stack traces)');
      if (c.untouched) {
        const [which, repository] = c.untouched(hosts);
        const registry = which === 'open' ? open : basic;
        const headers: Record<string, string> =
          which === 'basic' ? { authorization: `Basic ${Buffer.from(`${basic.username}:${basic.password}`).toString('base64')}` } : {};
        const catalog = (await (await fetch(`${registry.url}/v2/_catalog`, { headers })).json()) as { repositories: string[] };
        assert.ok(!catalog.repositories.includes(repository), `${repository} must not exist in the registry`);
      }
    });
  }
});
