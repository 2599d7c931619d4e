import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegistryClient, pushArtifact } from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { makeWorkspace } from '../harness/workspace.ts';
import { git, localRemote } from '../harness/git.ts';
import { d2ci } from '../harness/cli.ts';

describe('d2ci image-policy', () => {
  it('prints the tag Flux selects, as in the documented example', async () => {
    const result = await d2ci(['image-policy', '--policy', '{"semver":{"range":">=1.0.0 <2.0.0"}}', '--', '1.0.0', '1.2.0', '2.0.0']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '1.2.0\n');
  });

  it('takes every policy kind and filter, and tags after -- literally', async () => {
    const cases: [string[], string][] = [
      [['--policy', '{"numerical":{"order":"asc"}}', '--', '-1', '-5', '2'], '2'],
      [['--policy', '{"numerical":{"order":"desc"}}', '--', '-1', '-5', '2'], '-5'],
      [['--policy', '{"alphabetical":{"order":"desc"}}', '--', 'b', 'a', 'c'], 'a'],
      [
        [
          '--policy',
          'semver: {range: "^1.x-0"}',
          '--filter-tags',
          '{"pattern":".*-rc.*"}',
          '--',
          '1.0.0',
          '1.1.0-rc.1',
          '1.2.0-rc.2',
          '1.3.0',
        ],
        '1.2.0-rc.2',
      ],
      [
        [
          '--policy',
          '{"alphabetical":{}}',
          '--filter-tags',
          '{"pattern":"^RELEASE\\\\.(?P<timestamp>.*)Z$","extract":"$timestamp"}',
          '--',
          'RELEASE.2024-01-01T00-00-00Z',
          'RELEASE.2025-02-02T00-00-00Z',
          'latest',
        ],
        'RELEASE.2025-02-02T00-00-00Z',
      ],
      // Ties break as in the cluster: tags are stored in descending order and semver keeps the first maximum.
      [['--policy', '{"semver":{"range":">=1.0.0"}}', '--', '1.0.0', 'v1.0.0'], 'v1.0.0'],
      // cosign signature tags are excluded as by an ImageRepository's default exclusionList.
      [['--policy', '{"alphabetical":{}}', '--', 'a', 'sha256-abc.sig'], 'a'],
    ];
    for (const [args, expected] of cases) {
      const result = await d2ci(['image-policy', ...args]);
      assert.equal(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
      assert.equal(result.stdout, `${expected}\n`, args.join(' '));
    }
  });

  it("prints Flux's error and exits 1", async () => {
    const cases: [string[], RegExp][] = [
      [['--policy', '{"semver":{"range":">=1.0.0 <<2"}}', '--', '1.0.0'], /^✗ invalid policy: improper constraint: ">=1\.0\.0 <<2"\n$/],
      [['--policy', '{"semver":{"range":">=3.0.0"}}', '--', '1.0.0'], /^✗ unable to determine latest version from provided list\n$/],
      [['--policy', '{"numerical":{}}', '--', '1', 'one'], /^✗ failed to parse invalid numeric value 'one'\n$/],
      [
        ['--policy', '{"alphabetical":{}}', '--filter-tags', '{"pattern":"(?=x)"}', '--', 'a'],
        /^✗ failed to filter tags: invalid regular expression pattern '\(\?=x\)': error parsing regexp: invalid or unsupported Perl syntax: `\(\?=`\n$/,
      ],
      [
        ['--policy', '{"alphabetical":{"order":"up"}}', '--', 'a'],
        /^✗ invalid policy: invalid order argument provided: 'UP', must be one of: ASC, DESC\n$/,
      ],
      [['--', 'a'], /^✗ --policy is required/],
      [['--policy', '{"semver":{"range":"1"}}'], /^✗ no tags: give them after --, or --image-repository/],
    ];
    for (const [args, expected] of cases) {
      const result = await d2ci(['image-policy', ...args]);
      assert.equal(result.code, 1, args.join(' '));
      assert.match(result.stderr, expected, args.join(' '));
    }
  });

  describe('with a registry', () => {
    let registry: LocalRegistry;
    before(async () => {
      registry = await startRegistry('none');
      const repo = new RegistryClient().repository({ registry: registry.host, repository: 'acme/chart' });
      const pushed = await pushArtifact({
        path: makeWorkspace({ 'a.yaml': 'a: 1\n' }),
        target: repo,
        tags: ['1.0.0'],
        source: 's',
        revision: 'r',
      });
      for (const tag of ['1.1.0', '2.0.0-rc.1', 'sha256-1.1.1.sig', '1.1.1']) await repo.tag(pushed.descriptor, tag);
    });
    after(() => registry.stop());

    it('--image-repository lists the tags from the registry, excluding signature tags', async () => {
      const result = await d2ci([
        'image-policy',
        '--policy',
        '{"semver":{"range":">=1.0.0"}}',
        '--image-repository',
        `oci://${registry.host}/acme/chart`,
      ]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, '1.1.1\n');
      const withSig = await d2ci([
        'image-policy',
        '--policy',
        '{"alphabetical":{}}',
        '--image-repository',
        `oci://${registry.host}/acme/chart`,
        '--exclusion-list',
        '^2\\.',
      ]);
      assert.equal(withSig.stdout, 'sha256-1.1.1.sig\n', 'a given exclusion list replaces the default');
    });

    it('d2ci image-update edits in place, prints the diff on --dry-run, and pushes with --push-branch', async () => {
      const files = {
        'update-policies/chart.yaml': `apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata:\n  name: chart\nspec:\n  image: ${registry.host}/acme/chart\n---\napiVersion: image.toolkit.fluxcd.io/v1\nkind: ImagePolicy\nmetadata:\n  name: chart\nspec:\n  imageRepositoryRef:\n    name: chart\n  policy:\n    semver:\n      range: "1.x"\n`,
        'apps/release.yaml': `# keep me\napiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata:\n  name: chart\nspec:\n  ref:\n    tag: "1.0.0" # {"$imagepolicy": "team:chart:tag"}\n  url: oci://${registry.host}/acme/chart\n  chart: ${registry.host}/acme/chart # {"$imagepolicy": "team:chart:name"}\n`,
      };
      const ws = makeWorkspace(files);
      const dry = await d2ci(['image-update', '--update-path', 'apps', '--namespace', 'team', '--dry-run'], ws);
      assert.equal(dry.code, 0, dry.stderr);
      assert.equal(
        dry.stdout,
        `--- a/apps/release.yaml\n+++ b/apps/release.yaml\n@@ -4,7 +4,7 @@\n metadata:\n   name: chart\n spec:\n   ref:\n-    tag: "1.0.0" # {"$imagepolicy": "team:chart:tag"}\n+    tag: "1.1.1" # {"$imagepolicy": "team:chart:tag"}\n   url: oci://${registry.host}/acme/chart\n   chart: ${registry.host}/acme/chart # {"$imagepolicy": "team:chart:name"}\n`,
      );
      assert.match(dry.stderr, /✔ 1 value\(s\) would change in 1 file\(s\)/);
      assert.equal(readFileSync(join(ws, 'apps/release.yaml'), 'utf8'), files['apps/release.yaml']);

      const edit = await d2ci(['image-update', '--update-path', 'apps', '--namespace', 'team', '-o', 'json'], ws);
      assert.equal(edit.code, 0, edit.stderr);
      const report = JSON.parse(edit.stdout) as { updated: boolean; changes: { file: string; setter: string; old: string; new: string }[] };
      assert.equal(report.updated, true);
      assert.deepEqual(
        report.changes.map((c) => [c.file, c.setter, c.old, c.new]),
        [['apps/release.yaml', 'team:chart:tag', '1.0.0', '1.1.1']],
      );
      assert.equal(readFileSync(join(ws, 'apps/release.yaml'), 'utf8'), files['apps/release.yaml'].replace('"1.0.0"', '"1.1.1"'));
      const none = await d2ci(['image-update', '--update-path', 'apps'], ws);
      assert.match(
        none.stderr,
        /⚠ apps\/release\.yaml:8: no ImagePolicy for marker team:chart:tag; left unchanged/,
        'without --namespace the markers name no loaded policy',
      );

      const remote = localRemote();
      remote.commit(files, 'seed');
      const checkout = remote.checkout();
      const pushed = await d2ci(
        [
          'image-update',
          '--update-path',
          'apps',
          '--namespace',
          'team',
          '--push-branch',
          'image-updates',
          '--author-name',
          'Bot',
          '--author-email',
          'bot@example.com',
          '--message-template',
          'Update {{ range .Changed.Changes }}{{ .OldValue }} to {{ .NewValue }}{{ end }}',
        ],
        checkout,
      );
      assert.equal(pushed.code, 0, pushed.stderr);
      assert.match(pushed.stderr, /pushed [0-9a-f]{7} to image-updates/);
      assert.equal(
        git(['log', '-1', '--format=%an <%ae>%n%B', 'image-updates'], remote.bare),
        'Bot <bot@example.com>\nUpdate 1.0.0 to 1.1.1\n\n',
      );
      assert.match(remote.show('image-updates', 'apps/release.yaml'), /tag: "1\.1\.1"/);
      assert.equal(git(['status', '--porcelain'], checkout), '', 'the checkout itself is left as it was');
    });
  });

  it('d2ci image-update reflects digests when the policy asks: the full image gets @digest, :digest markers the digest', async () => {
    const registry = await startRegistry('none');
    try {
      const repo = new RegistryClient().repository({ registry: registry.host, repository: 'acme/app' });
      const pushed = await pushArtifact({
        path: makeWorkspace({ 'a.yaml': 'a: 1\n' }),
        target: repo,
        tags: ['1.0.0'],
        source: 's',
        revision: 'r',
      });
      await repo.tag(pushed.descriptor, '1.2.0');
      const digest = (await repo.resolve('1.2.0')).digest;
      const policy = (reflection: string) =>
        `apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata:\n  name: app\nspec:\n  image: ${registry.host}/acme/app\n---\napiVersion: image.toolkit.fluxcd.io/v1\nkind: ImagePolicy\nmetadata:\n  name: app\nspec:\n  imageRepositoryRef:\n    name: app\n  digestReflectionPolicy: ${reflection}\n  policy:\n    semver:\n      range: ">=1.0.0"\n`;
      const deploy = `image: ${registry.host}/acme/app:1.0.0 # {"$imagepolicy": "flux-system:app"}\ndigest: "" # {"$imagepolicy": "flux-system:app:digest"}\n`;
      for (const reflection of ['IfNotPresent', 'Always']) {
        const ws = makeWorkspace({ 'update-policies/app.yaml': policy(reflection), 'deploy.yaml': deploy });
        const result = await d2ci(['image-update'], ws);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(
          readFileSync(join(ws, 'deploy.yaml'), 'utf8'),
          `image: ${registry.host}/acme/app:1.2.0@${digest} # {"$imagepolicy": "flux-system:app"}\ndigest: "${digest}" # {"$imagepolicy": "flux-system:app:digest"}\n`,
          reflection,
        );
      }
      const never = makeWorkspace({ 'update-policies/app.yaml': policy('Never'), 'deploy.yaml': deploy });
      assert.equal((await d2ci(['image-update'], never)).code, 0);
      assert.equal(
        readFileSync(join(never, 'deploy.yaml'), 'utf8'),
        deploy.replace('app:1.0.0', 'app:1.2.0'),
        'Never: no digest, and an empty :digest stays empty',
      );
    } finally {
      await registry.stop();
    }
  });

  it('explains bad image-update flags', async () => {
    const ws = makeWorkspace({ 'a.yaml': 'a: 1\n' });
    const missing = await d2ci(['image-update', '--policies-path', 'nope'], ws);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^✗ --policies-path: cannot read .*nope: no such directory$/m);
    const engine = await d2ci(['image-update', '--engine', 'kind'], ws);
    assert.match(engine.stderr, /^✗ --engine "kind": the CLI runs the native engine/m);
  });
});
