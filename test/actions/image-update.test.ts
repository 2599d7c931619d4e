import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RegistryClient, pushArtifact } from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.ts';
import { git, localRemote, type LocalRemote } from '../harness/git.ts';
import { runAction, repoRoot, type ActionRun } from '../harness/action.ts';
import { makeWorkspace } from '../harness/workspace.ts';

const fixture = join(repoRoot, 'test/fixtures/image-automation/d2/apps-44485db');
const scenario = JSON.parse(readFileSync(join(fixture, 'scenario.json'), 'utf8')) as {
  expectedCommit: { message: string; author: string };
  expectedChangedFiles: string[];
};
const bot = { 'author-name': 'controlplaneio-fluxcd-bot', 'author-email': 'controlplaneio-fluxcd-bot@users.noreply.github.com' };

function ok(run: ActionRun): void {
  assert.equal(run.code, 0, `action failed:\n${run.stdout}\n${run.stderr}`);
}

function files(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name), base) : [relative(base, join(dir, name))]))
    .sort();
}

/** Tags pointing at one small artifact, as a chart repository holds them. */
async function seedTags(registry: LocalRegistry, repository: string, tags: string[]): Promise<void> {
  const repo = new RegistryClient().repository({ registry: registry.host, repository });
  const pushed = await pushArtifact({
    path: makeWorkspace({ 'chart.yaml': `name: ${repository}\n` }),
    target: repo,
    tags: [tags[0] ?? 'x'],
    source: 's',
    revision: 'r',
  });
  for (const tag of tags.slice(1)) await repo.tag(pushed.descriptor, tag);
}

interface Repo {
  remote: LocalRemote;
  env: Record<string, string>;
}

describe('image-update-kind, native engine: the D2 image update loop in one step', () => {
  let registry: LocalRegistry;
  let github: GitHubApi;
  before(async () => {
    [registry, github] = await Promise.all([startRegistry('none'), startGitHubApi('acme/apps')]);
    await Promise.all([
      seedTags(registry, 'bitnamicharts/memcached', ['8.6.1', '8.6.2', '8.5.0', '9.0.0-rc.1', '7.9.9', 'latest']),
      seedTags(registry, 'bitnamicharts/redis', ['27.0.10', '27.0.9', '26.1.0']),
      seedTags(registry, 'stefanprodan/charts/podinfo', ['6.12.1', '6.13.0', '6.14.0', 'sha256-00.sig', 'main']),
    ]);
  });
  after(() => Promise.all([registry.stop(), github.close()]));

  /** The d2-apps tree before bot commit 44485db, its policies pointed at the local registry. */
  function d2Apps(): Repo {
    const remote = localRemote();
    remote.commit({ from: join(fixture, 'original') }, 'd2-apps before 44485db');
    const policies: Record<string, string> = {};
    for (const name of readdirSync(join(fixture, 'update-policies'))) {
      policies[`update-policies/${name}`] = readFileSync(join(fixture, 'update-policies', name), 'utf8').replace(
        /registry-1\.docker\.io|ghcr\.io/g,
        registry.host,
      );
    }
    remote.commit(policies, 'policies');
    const event = join(makeWorkspace({}), 'event.json');
    writeFileSync(event, JSON.stringify({ repository: { default_branch: 'main' } }));
    return {
      remote,
      env: {
        GITHUB_REPOSITORY: 'acme/apps',
        GITHUB_API_URL: github.url,
        GITHUB_EVENT_PATH: event,
        GITHUB_TOKEN: 'ghs_test_token_not_real',
      },
    };
  }

  const update = (repo: Repo, inputs: Record<string, string> = {}, env: Record<string, string> = {}) =>
    runAction(
      'image-update-kind',
      { 'policies-path': './update-policies', 'update-path': './components', namespace: 'apps', ...bot, ...inputs },
      { GITHUB_WORKSPACE: repo.remote.checkout(), ...repo.env, ...env },
    );

  it('commits exactly what the D2 bot committed, pushes image-updates and opens the pull request', async () => {
    const repo = d2Apps();
    github.pulls.length = 0;
    const run = await update(repo, { labels: 'dependencies, flux' });
    ok(run);
    assert.equal(run.outputs.updated, 'true');
    const branch = repo.remote.head('image-updates');
    assert.equal(run.outputs.commit, branch);
    // Every file of the tree equals the tree after the real bot commit, byte for byte.
    for (const file of files(join(fixture, 'expected'))) {
      assert.equal(repo.remote.show('image-updates', file), readFileSync(join(fixture, 'expected', file), 'utf8'), file);
    }
    assert.deepEqual(
      git(['diff', '--name-only', 'main', 'image-updates'], repo.remote.bare).trim().split('\n'),
      scenario.expectedChangedFiles,
    );
    assert.equal(git(['log', '-1', '--format=%B', 'image-updates'], repo.remote.bare), `${scenario.expectedCommit.message}\n`);
    assert.equal(
      git(['log', '-1', '--format=%an <%ae>|%cn <%ce>', 'image-updates'], repo.remote.bare).trim(),
      `${scenario.expectedCommit.author}|${scenario.expectedCommit.author}`,
    );
    assert.equal(git(['rev-parse', 'image-updates^'], repo.remote.bare).trim(), repo.remote.head('main'), 'branched from main');
    const changes = JSON.parse(run.outputs.changes ?? '[]') as {
      file: string;
      object: string;
      setter: string;
      old: string;
      new: string;
      image: string;
    }[];
    assert.deepEqual(
      changes.map((c) => [c.file, c.object, c.setter, c.old, c.new]),
      [
        ['components/backend/base/memcached.yaml', 'OCIRepository//memcached-chart', 'apps:backend-memcached:tag', '8.6.1', '8.6.2'],
        ['components/frontend/base/podinfo.yaml', 'OCIRepository//podinfo-chart', 'apps:frontend-podinfo:tag', '6.13.0', '6.14.0'],
      ],
    );
    assert.equal(changes[0]?.image, `${registry.host}/bitnamicharts/memcached`);
    // The pull request: opened once, with the token, labelled, with the change table.
    assert.equal(run.outputs['pr-number'], '1');
    assert.equal(run.outputs['pr-url'], 'https://github.com/acme/apps/pull/1');
    const pull = github.pulls[0];
    assert.equal(pull?.head, 'image-updates');
    assert.equal(pull?.base, 'main');
    assert.equal(pull?.title, 'Automated image update');
    assert.deepEqual(pull?.labels, ['dependencies', 'flux']);
    assert.match(
      pull?.body ?? '',
      new RegExp(
        `\\| \`${registry.host.replace(/\./g, '\\.')}/stefanprodan/charts/podinfo\` \\| \`6\\.13\\.0\` \\| \`6\\.14\\.0\` \\| components/frontend/base/podinfo\\.yaml \\|`,
      ),
    );
    assert.ok(github.requests.every((r) => r.authorization === 'token ghs_test_token_not_real'));
    assert.match(
      run.summary,
      /\| `[^`]*\/bitnamicharts\/memcached` \| `8\.6\.1` \| `8\.6\.2` \| \[components\/backend\/base\/memcached\.yaml\]\(https:\/\/github\.com\/acme\/apps\/blob\/image-updates\/components\/backend\/base\/memcached\.yaml\)/,
    );
    assert.match(run.summary, /\[pull request #1\]\(https:\/\/github\.com\/acme\/apps\/pull\/1\)/);
    // Only the runner's mask commands carry the token (and its basic-auth form); nothing else prints it.
    const printed = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    assert.ok(
      !printed.includes('ghs_test_token_not_real') &&
        !printed.includes(Buffer.from('x-access-token:ghs_test_token_not_real').toString('base64')),
      'the token never reaches the log',
    );

    // Nothing new: no commit, no push, the open pull request is reported as it is.
    github.requests.length = 0;
    const again = await update(repo);
    ok(again);
    assert.equal(again.outputs.updated, 'false');
    assert.equal(again.outputs.commit, '');
    assert.equal(again.outputs['pr-number'], '1');
    assert.equal(repo.remote.head('image-updates'), branch);
    assert.deepEqual(
      github.requests.map((r) => r.method),
      ['GET'],
    );

    // A newer podinfo: the commit stacks on the open branch (as Flux does) and the pull request is updated.
    await seedTags(registry, 'stefanprodan/charts/podinfo', ['6.15.0']);
    const third = await update(repo);
    ok(third);
    assert.equal(third.outputs.updated, 'true');
    assert.equal(git(['rev-parse', 'image-updates^'], repo.remote.bare).trim(), branch, 'stacked on the previous update');
    assert.match(
      repo.remote.show('image-updates', 'components/frontend/base/podinfo.yaml'),
      /semver: 6\.15\.0 # \{"\$imagepolicy": "apps:frontend-podinfo:tag"\}/,
    );
    assert.equal(
      git(['log', '-1', '--format=%B', 'image-updates'], repo.remote.bare),
      'Automated image update\n\nFiles:\n- frontend/base/podinfo.yaml\nObjects:\n- OCIRepository podinfo-chart\n  Changes:\n    - 6.14.0 -> 6.15.0\n\n',
    );
    assert.equal(third.outputs['pr-number'], '1');
    assert.equal(github.pulls.length, 1);
    assert.match(github.pulls[0]?.body ?? '', /6\.14\.0` \| `6\.15\.0`/);
  });

  it("defaults to the D2 reference architecture's message template, verbatim", async () => {
    const { d2MessageTemplate } = await import('../../packages/core/src/imageupdate/commit-message.ts');
    const { parse } = await import('yaml');
    const automation = parse(
      readFileSync(join(repoRoot, 'test/fixtures/image-automation/d2/fleet/clusters-update-automation.yaml'), 'utf8'),
    ) as { spec: { resources: { kind: string; spec?: { git?: { commit?: { messageTemplate?: string } } } }[] } };
    assert.equal(
      d2MessageTemplate,
      automation.spec.resources.find((r) => r.kind === 'ImageUpdateAutomation')?.spec?.git?.commit?.messageTemplate,
    );
  });

  it('branch-strategy reset starts from the base branch; dry-run writes nothing', async () => {
    const repo = d2Apps();
    const dry = await update(repo, { 'dry-run': 'true' });
    ok(dry);
    assert.equal(dry.outputs.updated, 'false');
    assert.equal((JSON.parse(dry.outputs.changes ?? '[]') as unknown[]).length, 2);
    assert.match(dry.stdout, /^- {4}semver: 6\.13\.0 # \{"\$imagepolicy": "apps:frontend-podinfo:tag"\}$/m);
    assert.match(dry.stdout, /^\+ {4}semver: 6\.15\.0 # \{"\$imagepolicy": "apps:frontend-podinfo:tag"\}$/m);
    assert.equal(repo.remote.head('image-updates'), undefined, 'nothing pushed');
    assert.match(dry.summary, /Dry run: 2 value\(s\) would change/);

    repo.remote.commit(
      {
        'components/frontend/base/podinfo.yaml': readFileSync(
          join(fixture, 'original/components/frontend/base/podinfo.yaml'),
          'utf8',
        ).replace('6.13.0', '6.12.1'),
      },
      'old branch content',
      'image-updates',
    );
    const old = repo.remote.head('image-updates');
    const reset = await update(repo, { 'branch-strategy': 'reset' });
    ok(reset);
    assert.equal(git(['rev-parse', 'image-updates^'], repo.remote.bare).trim(), repo.remote.head('main'), 'rebuilt from main');
    assert.notEqual(repo.remote.head('image-updates'), old);
  });

  it('warns about a marker without a policy and a registry it cannot read, and still applies the rest', async () => {
    const repo = d2Apps();
    repo.remote.commit(
      {
        'components/extra/app.yaml': 'image: nginx:1.0.0 # {"$imagepolicy": "apps:not-a-policy"}\n',
        'update-policies/backend-redis.yaml': readFileSync(join(fixture, 'update-policies/backend-redis.yaml'), 'utf8').replace(
          'registry-1.docker.io',
          '127.0.0.1:9',
        ),
      },
      'a marker for a missing policy; redis unreachable',
    );
    const run = await update(repo);
    ok(run);
    assert.match(
      run.stdout,
      /::warning::components\/extra\/app\.yaml:1: the marker names apps:not-a-policy, but no ImagePolicy apps\/not-a-policy is in \.\/update-policies; left unchanged/,
    );
    assert.match(
      run.stdout,
      /::warning::ImagePolicy apps\/backend-redis skipped: cannot list the tags of 127\.0\.0\.1:9\/bitnamicharts\/redis: /,
    );
    assert.equal(run.outputs.updated, 'true');
    assert.deepEqual(
      (JSON.parse(run.outputs.changes ?? '[]') as { setter: string }[]).map((c) => c.setter),
      ['apps:backend-memcached:tag', 'apps:frontend-podinfo:tag'],
    );
  });

  it("fails with Flux's message for an invalid policy, before anything is written", async () => {
    const repo = d2Apps();
    repo.remote.commit(
      {
        'update-policies/frontend-podinfo.yaml': readFileSync(join(fixture, 'update-policies/frontend-podinfo.yaml'), 'utf8')
          .replace('ghcr.io', registry.host)
          .replace('">=1.0.0"', '">=1.0.0 <<2"'),
      },
      'bad range',
    );
    const run = await update(repo);
    assert.equal(run.code, 1);
    assert.match(
      run.errors[0] ?? '',
      /^input `policies-path`: ImagePolicy apps\/frontend-podinfo \(frontend-podinfo\.yaml\): invalid policy: improper constraint: ">=1\.0\.0 <<2"$/,
    );
    assert.equal(repo.remote.head('image-updates'), undefined);
    const regex = d2Apps();
    regex.remote.commit(
      {
        'update-policies/x.yaml':
          'apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImagePolicy\nmetadata:\n  name: x\nspec:\n  imageRepositoryRef:\n    name: frontend-podinfo\n  filterTags:\n    pattern: "^(?<v>[0-9.]+"\n  policy:\n    alphabetical: {}\n',
      },
      'bad regex',
    );
    const bad = await update(regex);
    assert.equal(bad.code, 1);
    assert.match(
      bad.errors[0] ?? '',
      /ImagePolicy apps\/x \(x\.yaml\): failed to filter tags: invalid regular expression pattern '\^\(\?<v>\[0-9\.\]\+': error parsing regexp: missing closing \): `\^\(\?<v>\[0-9\.\]\+`/,
    );
  });

  it('says which permission is missing when the push or the pull request is refused', async () => {
    const repo = d2Apps();
    // GitHub's answer to a push with a read-only token, from a pre-receive hook.
    writeFileSync(
      join(repo.remote.bare, 'hooks/pre-receive'),
      '#!/bin/sh\necho "remote: Permission to acme/apps.git denied to github-actions[bot]." >&2\nexit 1\n',
      { mode: 0o755 },
    );
    const denied = await update(repo);
    assert.equal(denied.code, 1);
    assert.match(denied.errors[0] ?? '', /denied to github-actions\[bot\].*; add `permissions: contents: write` to the job/);
    git(['config', 'core.hooksPath', '/dev/null'], repo.remote.bare);

    github.forbidden = true;
    try {
      const refused = await update(repo);
      assert.equal(refused.code, 1);
      assert.match(
        refused.errors[0] ?? '',
        /listing pull requests of acme\/apps failed \(HTTP 403\): Resource not accessible by integration .*; add `permissions: pull-requests: write` to the job/,
      );
    } finally {
      github.forbidden = false;
    }
    // That run pushed the branch before the pull request was refused; the next run opens the pull request for it.
    github.pulls.length = 0;
    const pushedBefore = repo.remote.head('image-updates');
    assert.ok(pushedBefore);
    const converged = await update(repo);
    ok(converged);
    assert.equal(converged.outputs.updated, 'false');
    assert.equal(repo.remote.head('image-updates'), pushedBefore, 'nothing new pushed');
    assert.equal(converged.outputs['pr-number'], '1');
    assert.equal(github.pulls[0]?.title, 'Automated image update');
    assert.match(github.pulls[0]?.body ?? '', /memcached` \| `8\.6\.1` \| `8\.6\.2`/);
    assert.match(github.pulls[0]?.body ?? '', /podinfo` \| `6\.13\.0` \| `6\.15\.0`/);
    const bad = await update(repo, { 'commit-message-template': '{{ .Updated.Files }}' });
    assert.equal(bad.code, 1);
    assert.match(
      bad.errors[0] ?? '',
      /^input `commit-message-template`: template uses removed '\.Updated' field/,
      'a broken template fails even when nothing changed',
    );
    const same = await update(repo, { 'push-branch': 'main' });
    assert.match(
      same.errors[0] ?? '',
      /^input `push-branch`: is the base branch \(main\); the update goes to its own branch and a pull request$/,
    );
  });

  it('runs from the root action as command: image-update, whose post step is a no-op for the other commands', async () => {
    const repo = d2Apps();
    const run = await runAction(
      '.',
      {
        command: 'image-update',
        'policies-path': './update-policies',
        'update-path': './components',
        namespace: 'apps',
        'dry-run': 'true',
      },
      { GITHUB_WORKSPACE: repo.remote.checkout(), ...repo.env },
    );
    ok(run);
    assert.deepEqual(
      (JSON.parse(run.outputs.changes ?? '[]') as { setter: string }[]).map((c) => c.setter),
      ['apps:backend-memcached:tag', 'apps:frontend-podinfo:tag'],
    );
    assert.deepEqual(run.state, { phase: 'main' });
    const post = await runAction(
      '.',
      { command: 'push', repository: 'oci-layout:unused' },
      { GITHUB_WORKSPACE: repo.remote.checkout() },
      { post: { phase: 'main' } },
    );
    ok(post);
    assert.equal(post.stdout, '');
  });

  it('with a GitHub App: a short-lived installation token pushes and opens the pull request, then is revoked; commit-via api gets a signed commit', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const repo = d2Apps();
    const app = await startGitHubApi('acme/apps', {
      app: { id: '4242', publicKey, installationId: 77, slug: 'd2-updates' },
      gitDir: repo.remote.bare,
    });
    try {
      const env = { ...repo.env, GITHUB_API_URL: app.url };
      const noAuthor = { 'author-name': '', 'author-email': '' };
      const viaGit = await update(repo, { 'app-id': '4242', 'app-private-key': pem, ...noAuthor }, env);
      ok(viaGit);
      assert.equal(viaGit.outputs.updated, 'true');
      const issued = app.tokens[0];
      assert.ok(issued, 'an installation token was created');
      assert.deepEqual(issued.repositories, ['acme/apps'], 'scoped to this repository');
      assert.deepEqual(issued.permissions, { contents: 'write', pull_requests: 'write' });
      assert.equal(issued.revoked, true, 'revoked when the step ended');
      assert.ok(viaGit.masked.includes(issued.token), 'the token is masked');
      assert.ok(
        viaGit.masked.includes(pem.trim()) || viaGit.masked.some((m) => pem.includes(m) && m.length > 40),
        'the private key is masked',
      );
      assert.ok(!viaGit.visible.includes(issued.token));
      // The pull request was opened with the installation token, not GITHUB_TOKEN.
      assert.ok(app.requests.filter((r) => r.path.includes('/pulls')).every((r) => r.authorization === `token ${issued.token}`));
      assert.equal(git(['log', '-1', '--format=%an', 'image-updates'], repo.remote.bare).trim(), 'github-actions[bot]');

      // Commits through the API: no author, so GitHub signs them as the app.
      await seedTags(registry, 'bitnamicharts/memcached', ['8.7.0']);
      const viaApi = await update(repo, { 'app-id': '4242', 'app-private-key': pem, 'commit-via': 'api', ...noAuthor }, env);
      ok(viaApi);
      assert.equal(viaApi.outputs.updated, 'true');
      assert.equal(viaApi.outputs.verified, 'true');
      assert.equal(viaApi.outputs.commit, repo.remote.head('image-updates'));
      assert.equal(
        git(['log', '-1', '--format=%an <%ae>', 'image-updates'], repo.remote.bare).trim(),
        'd2-updates[bot] <104242+d2-updates[bot]@users.noreply.github.com>',
      );
      assert.match(
        repo.remote.show('image-updates', 'components/backend/base/memcached.yaml'),
        /semver: 8\.7\.0 # \{"\$imagepolicy": "apps:backend-memcached:tag"\}/,
      );
      assert.equal(
        git(['log', '-1', '--format=%B', 'image-updates'], repo.remote.bare),
        'Automated image update\n\nFiles:\n- backend/base/memcached.yaml\nObjects:\n- OCIRepository memcached-chart\n  Changes:\n    - 8.6.2 -> 8.7.0\n\n',
      );
      assert.equal(app.tokens.length, 2);
      assert.ok(app.tokens.every((t) => t.revoked));

      const bad = await update(repo, { 'app-id': '4242', 'app-private-key': 'not a key' }, env);
      assert.match(bad.errors[0] ?? '', /^input `app-private-key`: is not a PEM private key/);
      const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
      const refused = await update(repo, { 'app-id': '4242', 'app-private-key': other }, env);
      assert.equal(refused.code, 1);
      assert.match(refused.errors[0] ?? '', /^input `app-id`: .*401/);
    } finally {
      await app.close();
    }
  });
});
