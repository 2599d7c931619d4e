// The kind engine cannot run here (no Docker engine), so kind, kubectl and flux are stand-ins that record their
// arguments and stdin, downloaded over HTTP and checksum-verified like the real ones. The stand-in kubectl plays the
// controller where it matters: when the step waits for the automation, it pushes the commit Flux would push.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.ts';
import { git, localRemote } from '../harness/git.ts';
import { runAction, repoRoot, type ActionRun } from '../harness/action.ts';
import { makeWorkspace } from '../harness/workspace.ts';

const fixture = join(repoRoot, 'test/fixtures/image-automation/d2/apps-44485db');
const token = 'ghs_kind_token_not_real';

function ok(run: ActionRun): void {
  assert.equal(run.code, 0, `action failed:\n${run.stdout}\n${run.stderr}`);
}

/** Each stand-in appends `<tool> <args>` to $FAKE_LOG, and stdin (for kubectl apply) to $FAKE_LOG.stdin. */
const record = (tool: string) => `#!/bin/bash\nprintf '%s\\n' "${tool} $*" >> "$FAKE_LOG"\n`;
const kind = `${record('kind')}exit 0\n`;
const flux = `${record('flux')}exit 0\n`;
const kubectl = `${record('kubectl')}
case "$*" in
  "apply -f -") cat >> "$FAKE_LOG.stdin"; printf -- '---\\n' >> "$FAKE_LOG.stdin" ;;
  *"wait imageupdateautomation"*)
    [ -n "$FAKE_FAIL_WAIT" ] && { echo "error: timed out waiting for the condition on imageupdateautomations/apps" >&2; exit 1; }
    # What image-automation-controller does: commit the marker update to the push branch.
    work=$(mktemp -d); git clone -q "$FAKE_REMOTE" "$work"; cd "$work"
    git checkout -q -B image-updates origin/main
    sed -i 's/semver: 6.13.0/semver: 6.14.0/' components/frontend/base/podinfo.yaml
    sed -i 's/semver: 8.6.1/semver: 8.6.2/' components/backend/base/memcached.yaml
    git -c user.name=controlplaneio-fluxcd-bot -c user.email=controlplaneio-fluxcd-bot@users.noreply.github.com commit -q -a -F "$FAKE_MESSAGE"
    git push -q -f origin image-updates ;;
  *"get imagepolicies -o json"*) cat "$FAKE_POLICIES" ;;
  *" logs "*) echo "controller log line for $*" ;;
  *) ;;
esac
exit 0
`;

function tarball(name: string, script: string): Buffer {
  const dir = makeWorkspace({ [name]: script });
  return execFileSync('tar', ['-czf', '-', '-C', dir, name]);
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

describe("image-update-kind, kind engine: orchestration of Flux's controllers", () => {
  let server: Server;
  let base = '';
  let github: GitHubApi;
  const files: Record<string, Buffer> = {
    '/kind': Buffer.from(kind),
    '/kubectl': Buffer.from(kubectl),
    '/flux.tar.gz': tarball('flux', flux),
  };
  const downloads: string[] = [];
  before(async () => {
    server = createServer((req, res) => {
      downloads.push(req.url ?? '');
      const body = files[req.url ?? ''];
      res.writeHead(body ? 200 : 404);
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    github = await startGitHubApi('acme/apps');
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await github.close();
  });

  const sources = (overrides: Record<string, string> = {}) =>
    JSON.stringify({
      kind: { version: '0.32.0', url: `${base}/kind`, sha256: overrides.kind ?? sha256(files['/kind'] ?? '') },
      kubectl: { version: '1.35.2', url: `${base}/kubectl`, sha256: sha256(files['/kubectl'] ?? '') },
      flux: { version: '2.9.4', url: `${base}/flux.tar.gz`, sha256: sha256(files['/flux.tar.gz'] ?? '') },
    });

  function setup() {
    const remote = localRemote();
    remote.commit({ from: join(fixture, 'original') }, 'd2-apps before 44485db');
    remote.commit({ from: join(fixture, 'update-policies'), to: 'update-policies' }, 'policies');
    const scratch = makeWorkspace({});
    const log = join(scratch, 'calls.log');
    writeFileSync(
      join(scratch, 'message.txt'),
      (JSON.parse(readFileSync(join(fixture, 'scenario.json'), 'utf8')) as { expectedCommit: { message: string } }).expectedCommit.message,
    );
    writeFileSync(
      join(scratch, 'policies.json'),
      JSON.stringify({
        items: [
          {
            metadata: { name: 'backend-memcached' },
            status: { latestRef: { name: 'registry-1.docker.io/bitnamicharts/memcached', tag: '8.6.2' } },
          },
          {
            metadata: { name: 'backend-redis' },
            status: { latestRef: { name: 'registry-1.docker.io/bitnamicharts/redis', tag: '27.0.10' } },
          },
          { metadata: { name: 'frontend-podinfo' }, status: { latestRef: { name: 'ghcr.io/stefanprodan/charts/podinfo', tag: '6.14.0' } } },
        ],
      }),
    );
    const toolCache = join(scratch, 'tool-cache');
    mkdirSync(toolCache);
    const event = join(scratch, 'event.json');
    writeFileSync(event, JSON.stringify({ repository: { default_branch: 'main' } }));
    const env = {
      GITHUB_WORKSPACE: remote.checkout(),
      GITHUB_REPOSITORY: 'acme/apps',
      GITHUB_API_URL: github.url,
      GITHUB_EVENT_PATH: event,
      GITHUB_TOKEN: token,
      GITHUB_RUN_ID: '4242',
      RUNNER_TOOL_CACHE: toolCache,
      FAKE_LOG: log,
      FAKE_REMOTE: remote.bare,
      FAKE_MESSAGE: join(scratch, 'message.txt'),
      FAKE_POLICIES: join(scratch, 'policies.json'),
    };
    const calls = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);
    const applied = () => (existsSync(`${log}.stdin`) ? readFileSync(`${log}.stdin`, 'utf8') : '');
    return { remote, env, calls, applied };
  }

  const inputs = {
    engine: 'kind',
    'policies-path': './update-policies',
    'update-path': './components',
    namespace: 'apps',
    'author-name': 'controlplaneio-fluxcd-bot',
    'author-email': 'controlplaneio-fluxcd-bot@users.noreply.github.com',
  };

  it('installs verified tools, runs the controllers against this repository, and opens the pull request; the post step deletes the cluster', async () => {
    const { remote, env, calls, applied } = setup();
    github.pulls.length = 0;
    downloads.length = 0;
    const run = await runAction('image-update-kind', { ...inputs, 'tool-sources': sources() }, env);
    ok(run);
    assert.deepEqual(downloads.sort(), ['/flux.tar.gz', '/kind', '/kubectl']);
    assert.deepEqual(calls(), [
      `kind create cluster --name d2ci-image-update-4242 --kubeconfig ${calls()[0]?.split('--kubeconfig ')[1]?.split(' ')[0] ?? ''} --wait 120s`,
      'flux install --components=source-controller,kustomize-controller --components-extra=image-reflector-controller,image-automation-controller --network-policy=false',
      'kubectl apply -f -',
      'kubectl apply -f -',
      'kubectl -n apps wait imagepolicies --all --for=condition=Ready --timeout=5m',
      'kubectl -n apps wait imageupdateautomation/apps --for=condition=Ready --timeout=5m',
      'kubectl -n apps get imagepolicies -o json',
    ]);
    assert.ok(!calls().some((c) => c.includes(token)), 'the token never goes into a command line');
    const objects = applied();
    assert.match(
      objects,
      /kind: Secret\nmetadata:\n {2}name: github-auth\n {2}namespace: apps\nstringData:\n {2}username: x-access-token\n {2}password: ghs_kind_token_not_real/,
    );
    assert.match(
      objects,
      /kind: GitRepository\nmetadata:\n {2}name: apps\n {2}namespace: apps\nspec:\n {2}interval: 1m\n {2}url: https:\/\/github\.com\/acme\/apps\.git\n {2}ref:\n {4}branch: main\n {2}secretRef:\n {4}name: github-auth/,
    );
    assert.match(objects, /kind: ImagePolicy\nmetadata:\n {2}name: frontend-podinfo\n {2}namespace: apps\n/);
    assert.match(
      objects,
      /kind: ImageUpdateAutomation[\s\S]*push:\n {6}branch: image-updates\n {2}update:\n {4}path: \.\/components\n {4}strategy: Setters/,
    );
    assert.match(objects, /messageTemplate: \|[\s\S]*Automated image update/);
    // What the controller pushed, read back: the commit, the changes, the pull request.
    assert.equal(run.outputs.updated, 'true');
    assert.equal(run.outputs.commit, remote.head('image-updates'));
    assert.deepEqual(
      (JSON.parse(run.outputs.changes ?? '[]') as { setter: string; old: string; new: string }[]).map((c) => [c.setter, c.old, c.new]),
      [
        ['apps:backend-memcached:tag', '8.6.1', '8.6.2'],
        ['apps:frontend-podinfo:tag', '6.13.0', '6.14.0'],
      ],
    );
    assert.equal(run.outputs['pr-number'], '1');
    assert.equal(github.pulls[0]?.title, 'Automated image update');
    assert.deepEqual(run.state, { phase: 'main', kind_cluster: 'd2ci-image-update-4242', kind_path: run.state.kind_path ?? '' });
    assert.match(run.state.kind_path ?? '', /tool-cache\/kind\/0\.32\.0/);

    const post = await runAction('image-update-kind', { ...inputs, 'tool-sources': sources() }, env, { post: run.state });
    ok(post);
    assert.equal(calls().at(-1), 'kind delete cluster --name d2ci-image-update-4242');
    assert.match(post.stdout, /Deleted Kind cluster d2ci-image-update-4242/);

    // The tools come from the runner's tool cache the second time.
    downloads.length = 0;
    git(['push', '-q', remote.bare, '--delete', 'image-updates'], remote.bare);
    ok(await runAction('image-update-kind', { ...inputs, 'tool-sources': sources() }, env));
    assert.deepEqual(downloads, []);
  });

  it("shows the controllers' logs when the automation does not report, and still deletes the cluster", async () => {
    const { env, calls } = setup();
    const run = await runAction('image-update-kind', { ...inputs, 'tool-sources': sources() }, { ...env, FAKE_FAIL_WAIT: '1' });
    assert.equal(run.code, 1);
    assert.match(run.errors[0] ?? '', /kubectl -n apps wait failed \(exit 1\): error: timed out waiting for the condition/);
    for (const controller of ['source-controller', 'image-reflector-controller', 'image-automation-controller']) {
      assert.match(
        run.stdout,
        new RegExp(`::group::${controller} logs\\ncontroller log line for -n flux-system logs deploy/${controller} --tail=200`),
      );
    }
    assert.equal(run.state.kind_cluster, 'd2ci-image-update-4242');
    ok(await runAction('image-update-kind', inputs, env, { post: run.state }));
    assert.equal(calls().at(-1), 'kind delete cluster --name d2ci-image-update-4242');
  });

  it('refuses a download whose checksum does not match, before running anything', async () => {
    const { env, calls } = setup();
    const run = await runAction('image-update-kind', { ...inputs, 'tool-sources': sources({ kind: '0'.repeat(64) }) }, env);
    assert.equal(run.code, 1);
    assert.match(
      run.errors[0] ?? '',
      new RegExp(
        `^input \`tool-sources\`: kind 0\\.32\\.0 from ${base.replace(/\./g, '\\.')}/kind has SHA-256 ${sha256(files['/kind'] ?? '')}, expected 0{64}; refusing to run it$`,
      ),
    );
    assert.deepEqual(calls(), []);
    assert.equal(run.state.kind_cluster, undefined);
    const dry = await runAction('image-update-kind', { ...inputs, 'dry-run': 'true' }, env);
    assert.match(dry.errors[0] ?? '', /^input `dry-run`: is for `engine: native`/);
  });
});
