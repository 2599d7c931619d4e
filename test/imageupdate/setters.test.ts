import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  applyPolicies,
  applySetters,
  parseMarker,
  secureJoin,
  SettersError,
  type SetterPolicy,
  type SettersOutcome,
} from '../../packages/core/src/imageupdate/setters.ts';
import { needsQuoting } from '../../packages/core/src/go/yaml.ts';
import { compareObjects, resultObjects, type ObjectIdentifier, type UpdateResult } from '../../packages/core/src/imageupdate/result.ts';
import { repoRoot } from '../harness/action.ts';

const fixtures = join(repoRoot, 'test/fixtures/image-automation');

const temps: string[] = [];
after(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'd2ci-setters-'));
  temps.push(dir);
  return dir;
}

/** Copies a fixture tree, symlinks as symlinks (the dangling `test.yaml` must stay dangling). */
async function copyTree(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true, verbatimSymlinks: true });
}

/** Every file and symlink under `dir`, relative with `/`, sorted. */
async function listTree(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listTree(dir, path)));
    else out.push(path);
  }
  return out.sort();
}

/** Both trees hold the same files with the same bytes. */
async function assertSameTree(actual: string, expected: string): Promise<void> {
  const files = await listTree(expected);
  assert.deepEqual(await listTree(actual), files);
  for (const file of files) {
    if ((await lstat(join(expected, file))).isSymbolicLink()) {
      assert.equal(await readlink(join(actual, file)), await readlink(join(expected, file)), file);
      continue;
    }
    assert.ok((await readFile(join(actual, file))).equals(await readFile(join(expected, file))), `${file} differs from ${expected}`);
  }
}

async function replaceInFile(path: string, search: string, replacement: string): Promise<void> {
  await writeFile(path, (await readFile(path, 'utf8')).replaceAll(search, replacement));
}

interface PolicyFixture {
  metadata: { namespace: string; name: string };
  status: { latestRef: { name: string; tag: string; digest?: string } };
}
const toSetterPolicy = (p: PolicyFixture): SetterPolicy => ({
  namespace: p.metadata.namespace,
  name: p.metadata.name,
  latestRef: p.status.latestRef,
});

/** image-automation-controller testutil.ImageToRef. */
function imageToRef(image: string): SetterPolicy['latestRef'] {
  let rest = image;
  let digest: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at >= 0) [rest, digest] = [rest.slice(0, at), rest.slice(at + 1)];
  const colon = rest.lastIndexOf(':');
  const [name, tag] = colon >= 0 ? [rest.slice(0, colon), rest.slice(colon + 1)] : [rest, ''];
  return digest === undefined ? { name, tag } : { name, tag, digest };
}

/** Result.FileChanges in the shape policies.json writes it: object keys as kyaml prints ResourceIdentifier. */
function fileChangesAsJson(result: UpdateResult): Record<string, Record<string, unknown[]>> {
  const show = (v: string): string => v || "''";
  const key = (o: ObjectIdentifier): string =>
    `{apiVersion: ${show(o.APIVersion)}, kind: ${show(o.Kind)}, name: ${show(o.Name)}, namespace: ${show(o.Namespace)}}`;
  const out: Record<string, Record<string, unknown[]>> = {};
  for (const [file, objects] of result.fileChanges) {
    out[file] = Object.fromEntries(objects.map(({ object, changes }) => [key(object), changes]));
  }
  return out;
}

const marker = (setter: string): string => `# {"$imagepolicy": "${setter}"}`;

/** Writes `files` into a fresh directory and applies the setters in place. */
async function applyTo(
  files: Record<string, string>,
  policies: readonly SetterPolicy[],
): Promise<{ dir: string; outcome: SettersOutcome; read: (path: string) => Promise<string> }> {
  const dir = await tempDir();
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  const outcome = await applySetters({ root: dir, policies });
  return { dir, outcome, read: (path) => readFile(join(dir, path), 'utf8') };
}

const app: SetterPolicy = { namespace: 'apps', name: 'app', latestRef: { name: 'ghcr.io/org/app', tag: 'v2.0.0' } };
const withTag = (tag: string, name = `tag-${tag}`): SetterPolicy => ({
  namespace: 'apps',
  name,
  latestRef: { name: 'ghcr.io/org/app', tag },
});

describe('setters: upstream internal/update/testdata/setters', () => {
  const dir = join(fixtures, 'setters');

  it('writes exactly expected/ to an empty output directory, with the upstream Result', async () => {
    const spec = JSON.parse(await readFile(join(dir, 'policies.json'), 'utf8')) as {
      policies: PolicyFixture[];
      expectedFilesWritten: string[];
      expectedFilesNotWritten: Record<string, string>;
      expectedResult: { FileChanges: Record<string, Record<string, unknown[]>> };
    };
    const work = await tempDir();
    const input = join(work, 'original');
    const output = join(work, 'out');
    await copyTree(join(dir, 'original'), input);
    await mkdir(output);
    // The copy keeps the dangling symlink the upstream fix #996 is about.
    assert.ok((await lstat(join(input, 'test.yaml'))).isSymbolicLink());
    await assert.rejects(stat(join(input, 'test.yaml')), { code: 'ENOENT' });

    const outcome = await applySetters({ root: input, policies: spec.policies.map(toSetterPolicy), write: { outDir: output } });

    await assertSameTree(output, join(dir, 'expected'));
    assert.deepEqual(await listTree(output), [...spec.expectedFilesWritten].sort());
    assert.deepEqual(outcome.files.map((f) => f.path).sort(), [...spec.expectedFilesWritten].sort());
    for (const file of Object.keys(spec.expectedFilesNotWritten)) assert.ok(!outcome.files.some((f) => f.path === file), file);
    assert.deepEqual(fileChangesAsJson(outcome.result), spec.expectedResult.FileChanges);
    // Walk order is lexical by bytes: upper case first.
    assert.deepEqual([...outcome.result.fileChanges.keys()], ['Kustomization', 'kustomization.yml', 'marked.yaml']);
    assert.deepEqual(outcome.problems, []);
    // otherns.yaml names a policy that is not in the list: ignored, and reported for a warning.
    assert.deepEqual(outcome.unresolved, [{ path: 'otherns.yaml', line: 11, setter: 'other-namespace:policy' }]);
    // Writing elsewhere leaves the input alone.
    await assertSameTree(input, join(dir, 'original'));
    for (const f of outcome.files) assert.equal(f.after, await readFile(join(dir, 'expected', f.path), 'utf8'));
  });

  it('edits in place: changed files become expected/, the others keep their bytes', async () => {
    const spec = JSON.parse(await readFile(join(dir, 'policies.json'), 'utf8')) as { policies: PolicyFixture[] };
    const work = await tempDir();
    await copyTree(join(dir, 'original'), work);
    const outcome = await applySetters({ root: work, policies: spec.policies.map(toSetterPolicy) });
    assert.equal(outcome.files.length, 3);
    for (const file of await listTree(join(dir, 'expected'))) {
      assert.equal(await readFile(join(work, file), 'utf8'), await readFile(join(dir, 'expected', file), 'utf8'), file);
    }
    for (const file of ['otherns.yaml', 'unmarked.yaml']) {
      assert.ok((await readFile(join(work, file))).equals(await readFile(join(dir, 'original', file))), file);
    }
    assert.ok((await lstat(join(work, 'test.yaml'))).isSymbolicLink());
  });
});

describe('setters: upstream internal/policy Test_applyPolicies (setters-applier/)', async () => {
  const dir = join(fixtures, 'setters-applier');
  const spec = JSON.parse(await readFile(join(dir, 'cases.json'), 'utf8')) as {
    placeholder: string;
    markerTemplate: string;
    namespace: string;
    cases: {
      name: string;
      update: { strategy: string; path?: string } | null;
      policyLatestImages?: Record<string, string>;
      targetPolicyName?: string;
      inputDir?: string;
      expectedDir?: string;
      placeholderFiles?: string[];
      expectError: boolean;
      notes?: string;
    }[];
  };
  assert.equal(spec.cases.length, 5);

  for (const testCase of spec.cases) {
    it(testCase.name, async () => {
      const policies = Object.entries(testCase.policyLatestImages ?? {}).map(([name, image]) => ({
        namespace: spec.namespace,
        name,
        latestRef: imageToRef(image),
      }));
      if (testCase.expectError) {
        const message = /'([^']+)'/.exec(testCase.notes ?? '')?.[1];
        assert.ok(message, 'the case names its error');
        await assert.rejects(
          applyPolicies({ workDir: await tempDir(), update: testCase.update, policies }),
          (err: unknown) => err instanceof SettersError && err.message === message,
        );
        return;
      }
      const { inputDir = '', expectedDir = '', targetPolicyName = '', placeholderFiles = [] } = testCase;
      const setterRef = spec.markerTemplate.replace('<namespace>', spec.namespace).replace('<name>', targetPolicyName);
      const work = await tempDir();
      const workDir = join(work, 'work');
      const expected = join(work, 'expected');
      await copyTree(join(dir, inputDir), workDir);
      await copyTree(join(dir, expectedDir), expected);
      for (const file of placeholderFiles) {
        await replaceInFile(join(workDir, file), spec.placeholder, setterRef);
        await replaceInFile(join(expected, file), spec.placeholder, setterRef);
      }
      assert.ok((await readFile(join(workDir, placeholderFiles[0] ?? ''), 'utf8')).includes(setterRef));

      const outcome = await applyPolicies({ workDir, update: testCase.update, policies });

      // Byte-exact: for these fixtures kyaml's re-emitted output is the minimal edit.
      await assertSameTree(workDir, expected);
      // Paths are relative to the update path.
      assert.deepEqual(
        outcome.files.map((f) => f.path),
        ['deploy.yaml'],
      );
      const [file] = [...outcome.result.fileChanges.values()];
      assert.deepEqual(
        file?.map((o) => o.changes),
        [[{ OldValue: 'helloworld:1.0.0', NewValue: 'helloworld:1.0.1', Setter: `${spec.namespace}:${targetPolicyName}` }]],
      );
      assert.equal(file?.[0]?.object.Name, testCase.update?.path === './yes' ? 'update-yes' : 'test');
    });
  }
});

describe('setters: Flux D2 bot commits (d2/)', () => {
  for (const scenario of ['apps-44485db', 'infra-6e500d4']) {
    it(scenario, async () => {
      const dir = join(fixtures, 'd2', scenario);
      const spec = JSON.parse(await readFile(join(dir, 'scenario.json'), 'utf8')) as {
        updatePath: string;
        policies: PolicyFixture[];
        expectedChangedFiles: string[];
        expectedCommit: { message: string };
      };
      const work = await tempDir();
      await copyTree(join(dir, 'original'), work);
      const policies = spec.policies.map(toSetterPolicy);

      const outcome = await applySetters({ root: join(work, spec.updatePath), policies });

      // Every file, changed or not, equals the tree after the bot commit.
      await assertSameTree(work, join(dir, 'expected'));
      const prefix = `${spec.updatePath.replace(/^\.\//, '')}/`;
      assert.deepEqual(
        outcome.files.map((f) => prefix + f.path),
        spec.expectedChangedFiles,
      );
      assert.deepEqual(outcome.problems, []);
      assert.deepEqual(outcome.unresolved, []);

      // FileChanges as the bot's commit message lists them ("Files:" then "Objects:" with "old -> new").
      const message = spec.expectedCommit.message;
      const filesSection = message.slice(message.indexOf('Files:\n') + 7, message.indexOf('Objects:\n'));
      assert.deepEqual(
        [...outcome.result.fileChanges.keys()].sort(),
        [...filesSection.matchAll(/^- (.+)$/gm)].map((m) => m[1]),
      );
      const objectsSection = message.slice(message.indexOf('Objects:\n') + 9);
      const expectedObjects = objectsSection
        .split(/^- /m)
        .filter(Boolean)
        .map((block) => {
          const [head = '', ...rest] = block.split('\n');
          const [kind, name] = head.split(' ');
          return { kind, name, changes: rest.flatMap((line) => /^ {4}- (\S+) -> (\S+)$/.exec(line)?.slice(1) ?? []) };
        });
      const objects = resultObjects(outcome.result).sort((a, b) => compareObjects(a.object, b.object));
      assert.deepEqual(
        objects.map(({ object, changes }) => ({
          kind: object.Kind,
          name: object.Name,
          changes: changes.flatMap((c) => [c.OldValue, c.NewValue]),
        })),
        expectedObjects,
      );
      // Each change came from the `:tag` marker of the policy whose latest tag it wrote.
      for (const { changes } of objects) {
        for (const change of changes) {
          const policy = policies.find((p) => p.latestRef.tag === change.NewValue);
          assert.equal(change.Setter, `${policy?.namespace}:${policy?.name}:tag`);
        }
      }
    });
  }
});

describe('setters: text edits', () => {
  it('keeps CRLF line endings', async () => {
    const before = `apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: crlf\r\ndata:\r\n  image: ghcr.io/org/app:v1.0.0 ${marker('apps:app')}\r\n  tag: v1.0.0 ${marker('apps:app:tag')}\r\n  block: | ${marker('apps:app:tag')}\r\n    v1.0.0\r\n`;
    const { outcome, read } = await applyTo({ 'cm.yaml': before }, [app]);
    const after = await read('cm.yaml');
    assert.equal(
      after,
      before
        .replace('app:v1.0.0 ', 'app:v2.0.0 ')
        .replace('tag: v1.0.0', 'tag: v2.0.0')
        .replace('| #', '|- #')
        .replace('    v1.0.0', '    v2.0.0'),
    );
    assert.equal(after.split('\r\n').length, after.split('\n').length);
    assert.equal(outcome.files[0]?.after, after);
  });

  it('keeps a leading ---, comments, blank lines, indentation and quoting elsewhere', async () => {
    const before = [
      '---',
      '# head comment',
      '',
      'apiVersion: apps/v1   # trailing',
      'kind: Deployment',
      'metadata:',
      '    name: web',
      '    labels: {app: "web", tier: \'front\'}',
      '',
      '',
      'spec:',
      '    template:',
      '        spec:',
      '            containers:',
      '                -   name: web',
      `                    image: ghcr.io/org/app:v1.0.0     ${marker('apps:app')}   `,
      '                    args: [ "--a",   --b ]',
      '# foot comment',
      '...',
      '',
    ].join('\n');
    const { read } = await applyTo({ 'deploy.yaml': before }, [app]);
    assert.equal(await read('deploy.yaml'), before.replace('app:v1.0.0 ', 'app:v2.0.0 '));
  });

  it('keeps single and double quotes', async () => {
    const policies = [withTag('v2.0.0', 'a'), withTag('1.10', 'b')];
    const before = [
      'kind: Values',
      `single: 'v1.0.0' ${marker('apps:a:tag')}`,
      `double: "v1.0.0" ${marker('apps:a:tag')}`,
      `numeric: '1.9' ${marker('apps:b:tag')}`,
      `numericDouble: "1.9" ${marker('apps:b:tag')}`,
      `escaped: "ghcr.io/org/\\u0061pp" ${marker('apps:a:name')}`,
      '',
    ].join('\n');
    const { read, outcome } = await applyTo({ 'values.yaml': before }, policies);
    assert.equal(
      await read('values.yaml'),
      [
        'kind: Values',
        `single: 'v2.0.0' ${marker('apps:a:tag')}`,
        `double: "v2.0.0" ${marker('apps:a:tag')}`,
        `numeric: '1.10' ${marker('apps:b:tag')}`,
        `numericDouble: "1.10" ${marker('apps:b:tag')}`,
        // The parsed old value equals the new one: no change, the escape stays.
        `escaped: "ghcr.io/org/\\u0061pp" ${marker('apps:a:name')}`,
        '',
      ].join('\n'),
    );
    assert.equal(outcome.result.fileChanges.get('values.yaml')?.[0]?.changes.length, 4);
  });

  it('double-quotes a plain value that would not read back as a string', async () => {
    const tags = ['1.10', '20240101', 'yes', 'on', 'N', '0x1F', '1e3', '2024-01-01', 'v1.10', '-rc1', '---'];
    const policies = tags.map((tag, i) => withTag(tag, `p${i}`));
    const before = ['kind: Values', ...tags.map((_, i) => `t${i}: v0 ${marker(`apps:p${i}:tag`)}`), ''].join('\n');
    const { read } = await applyTo({ 'values.yaml': before }, policies);
    const written = ['"1.10"', '"20240101"', '"yes"', '"on"', '"N"', '"0x1F"', '"1e3"', '"2024-01-01"', 'v1.10', '-rc1', '"---"'];
    assert.equal(
      await read('values.yaml'),
      ['kind: Values', ...written.map((w, i) => `t${i}: ${w} ${marker(`apps:p${i}:tag`)}`), ''].join('\n'),
    );
  });

  it('writes an empty digest as "" when the policy reflects none', async () => {
    const before = `kind: Kustomization\nimages:\n  - name: app\n    digest: sha256:${'a'.repeat(64)} ${marker('apps:app:digest')}\n`;
    const { read, outcome } = await applyTo({ 'kustomization.yaml': before }, [app]);
    assert.equal(
      await read('kustomization.yaml'),
      `kind: Kustomization\nimages:\n  - name: app\n    digest: "" ${marker('apps:app:digest')}\n`,
    );
    assert.deepEqual(outcome.result.fileChanges.get('kustomization.yaml')?.[0]?.changes, [
      { OldValue: `sha256:${'a'.repeat(64)}`, NewValue: '', Setter: 'apps:app:digest' },
    ]);
  });

  it('reads a head-comment marker on a scalar sequence item; a line comment comes first', async () => {
    const before = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  args:',
      `    ${marker('apps:app')}`,
      '    - ghcr.io/org/app:v1.0.0',
      '    - other',
      `    ${marker('apps:app:tag')}`,
      '    - v1.0.0 # pinned',
      '  images:',
      `  ${marker('apps:app:tag')}`,
      '  - v1.0.0',
      '',
    ].join('\n');
    const { read, outcome } = await applyTo({ 'pod.yaml': before }, [app]);
    assert.equal(
      await read('pod.yaml'),
      before.replace('- ghcr.io/org/app:v1.0.0', '- ghcr.io/org/app:v2.0.0').replace('  - v1.0.0\n', '  - v2.0.0\n'),
    );
    assert.deepEqual(
      outcome.result.fileChanges.get('pod.yaml')?.[0]?.changes.map((c) => c.Setter),
      ['apps:app', 'apps:app:tag'],
    );
  });

  it('changes only the second document of a multi-document file, under its own object', async () => {
    const first = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\ndata:\n  image: ghcr.io/org/app:v2.0.0 ${marker('apps:app')}\n`;
    const second = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: second\n  namespace: prod\nspec:\n  image: ghcr.io/org/app:v1.0.0 ${marker('apps:app')}\n`;
    const third = `kind: Values\nmetadata:\n  name: ~\n  namespace: null\nimage: ghcr.io/org/app:v1.0.0 ${marker('apps:app')}\n`;
    const before = `---\n${first}---\n${second}--- # third\n${third}`;
    const { read, outcome } = await applyTo({ 'multi.yaml': before }, [app]);
    assert.equal(
      await read('multi.yaml'),
      `---\n${first}---\n${second.replace('v1.0.0', 'v2.0.0')}--- # third\n${third.replace('v1.0.0', 'v2.0.0')}`,
    );
    assert.deepEqual(outcome.result.fileChanges.get('multi.yaml'), [
      {
        object: { APIVersion: 'apps/v1', Kind: 'Deployment', Name: 'second', Namespace: 'prod' },
        changes: [{ OldValue: 'ghcr.io/org/app:v1.0.0', NewValue: 'ghcr.io/org/app:v2.0.0', Setter: 'apps:app' }],
      },
      {
        // Null fields identify as empty strings.
        object: { APIVersion: '', Kind: 'Values', Name: '', Namespace: '' },
        changes: [{ OldValue: 'ghcr.io/org/app:v1.0.0', NewValue: 'ghcr.io/org/app:v2.0.0', Setter: 'apps:app' }],
      },
    ]);
  });

  it('merges changes of the same object met twice in a file', async () => {
    const doc = (tag: string): string => `kind: Values\nimage:\n  tag: ${tag} ${marker('apps:app:tag')}\n`;
    const { outcome } = await applyTo({ 'values.yaml': `${doc('v1')}---\n${doc('v0')}` }, [app]);
    assert.deepEqual(outcome.result.fileChanges.get('values.yaml'), [
      {
        object: { APIVersion: '', Kind: 'Values', Name: '', Namespace: '' },
        changes: [
          { OldValue: 'v1', NewValue: 'v2.0.0', Setter: 'apps:app:tag' },
          { OldValue: 'v0', NewValue: 'v2.0.0', Setter: 'apps:app:tag' },
        ],
      },
    ]);
  });

  it('ignores comments that are not well-formed markers, and markers on keys', async () => {
    const comments = [
      '# {"$imagepolicy": "apps:app"',
      '# {"$imagepolicy": "apps:app"} and more',
      "# {'$imagepolicy': 'apps:app'}",
      '# {"$imagepolicy": "apps:app", "replicas": 3}',
      '# {"$imagepolicy": ""}',
      '# ["$imagepolicy", "apps:app"]',
      '# $imagepolicy: apps:app',
      '# see {"$imagepolicy": "apps:app"}',
    ];
    const before = [
      'kind: Values',
      ...comments.map((c, i) => `image${i}: ghcr.io/org/app:v1.0.0 ${c}`),
      `empty: ${marker('apps:app')}`,
      `nested: ${marker('apps:app')}`,
      '  image: ghcr.io/org/app:v1.0.0',
      'list:',
      '# {"$imagepolicy": "apps:app"',
      '- ghcr.io/org/app:v1.0.0',
      '',
    ].join('\n');
    const { read, outcome } = await applyTo({ 'values.yaml': before }, [app]);
    assert.equal(await read('values.yaml'), before);
    assert.deepEqual(outcome.files, []);
    assert.equal(outcome.result.fileChanges.size, 0);
    assert.deepEqual(outcome.unresolved, []);
  });

  it('follows kyaml where it differs from a plain reading: repeated keys, the byte screen, comments inside block scalars', async () => {
    const before = [
      'kind: Values',
      'image: ghcr.io/org/app:v0.0.1',
      // kyaml looks fields up by name, so the second "image" is never visited.
      `image: ghcr.io/org/app:v1.0.0 ${marker('apps:app')}`,
      'args:',
      '  - |',
      `    ${marker('apps:app')}`,
      '  - ghcr.io/org/app:v1.0.0',
      '',
    ].join('\n');
    const escaped = `kind: Values\nimage: ghcr.io/org/app:v1.0.0 # {"\\u0024imagepolicy": "apps:app"}\n`;
    assert.equal(parseMarker('# {"\\u0024imagepolicy": "apps:app"}'), 'apps:app');
    const { read, outcome } = await applyTo({ 'values.yaml': before, 'escaped.yaml': escaped }, [app]);
    assert.equal(await read('values.yaml'), before);
    // Without the literal bytes "$imagepolicy" the file is never parsed.
    assert.equal(await read('escaped.yaml'), escaped);
    assert.deepEqual(outcome.files, []);
  });

  it('accepts extra string keys, ## and no space in a marker', async () => {
    assert.equal(parseMarker('#{"$imagepolicy":"apps:app"}'), 'apps:app');
    assert.equal(parseMarker('## {"note": "x", "$imagepolicy": "apps:app:tag", "other": null}  '), 'apps:app:tag');
    assert.equal(parseMarker('# {"$imagepolicy": "apps:app", "n": 1}'), undefined);
    assert.equal(parseMarker('# null'), undefined);
  });

  it('reports markers naming a setter that is not defined', async () => {
    const before = [
      'kind: Values',
      `a: x ${marker('apps:other')}`,
      `b: x ${marker('apps:app:bogus')}`,
      `c: ghcr.io/org/app:v1.0.0 ${marker('apps:app')}`,
      '',
    ].join('\n');
    const { outcome } = await applyTo({ 'dir/values.yaml': before }, [app]);
    assert.deepEqual(outcome.unresolved, [
      { path: 'dir/values.yaml', line: 2, setter: 'apps:other' },
      { path: 'dir/values.yaml', line: 3, setter: 'apps:app:bogus' },
    ]);
    assert.deepEqual(
      outcome.files.map((f) => f.path),
      ['dir/values.yaml'],
    );
  });

  it('rejects an invalid full image reference before touching anything', async () => {
    const before = `kind: Values\nimage: ghcr.io/org/app:v1.0.0 ${marker('apps:app')}\n`;
    const dir = await tempDir();
    await writeFile(join(dir, 'values.yaml'), before);
    const bad = (latestRef: SetterPolicy['latestRef']): Promise<SettersOutcome> =>
      applySetters({ root: dir, policies: [app, { namespace: 'apps', name: 'bad', latestRef }] });
    await assert.rejects(
      bad({ name: 'ghcr.io/org/app', tag: '' }),
      new SettersError(
        'INVALID_IMAGE_REF',
        'encountered invalid image ref "ghcr.io/org/app:": could not parse reference: ghcr.io/org/app:',
      ),
    );
    await assert.rejects(bad({ name: 'ghcr.io/Org/App', tag: 'v1' }), {
      name: 'SettersError',
      message: 'encountered invalid image ref "ghcr.io/Org/App:v1": could not parse reference: ghcr.io/Org/App:v1',
    });
    await assert.rejects(
      bad({ name: 'app', tag: 'v1', digest: 'sha256:1234' }),
      /^SettersError: encountered invalid image ref "app:v1@sha256:1234"/,
    );
    assert.equal(await readFile(join(dir, 'values.yaml'), 'utf8'), before);
    // Weak validation accepts Docker Hub short names, registry ports and a digest with a tag.
    const ok = await applySetters({
      root: dir,
      policies: [
        { namespace: 'apps', name: 'app', latestRef: { name: 'localhost:5000/app', tag: 'v2', digest: `sha256:${'b'.repeat(64)}` } },
      ],
      write: false,
    });
    assert.equal(ok.files[0]?.after, `kind: Values\nimage: localhost:5000/app:v2@sha256:${'b'.repeat(64)} ${marker('apps:app')}\n`);
  });

  it('reports files kyaml cannot read as problems and still updates the others', async () => {
    const good = `kind: Values\nimage: ghcr.io/org/app:v1.0.0 ${marker('apps:app')}\n`;
    const { outcome, read } = await applyTo(
      {
        'a-broken.yaml': `kind: Values\nimage: [ghcr.io/org/app:v1.0.0 ${marker('apps:app')}\n`,
        'b-list.yaml': `- ghcr.io/org/app:v1.0.0 ${marker('apps:app')}\n`,
        'c-separator.yaml': `${good}---foo\n${good}`,
        'd-metadata.yaml': `kind: Values\nmetadata: [x]\n${good.slice('kind: Values\n'.length)}`,
        'e-good.yaml': good,
        'f-no-token.yaml': "kind: Values\nimage: x # {'$imagepolicy': 'apps:app'}\n",
      },
      [app],
    );
    assert.deepEqual(
      outcome.problems.map((p) => p.path),
      ['a-broken.yaml', 'b-list.yaml', 'c-separator.yaml', 'd-metadata.yaml'],
    );
    assert.equal(outcome.problems[2]?.message, 'invalid document separator: ---foo');
    assert.deepEqual(
      outcome.files.map((f) => f.path),
      ['e-good.yaml'],
    );
    assert.equal(await read('e-good.yaml'), good.replace('v1.0.0', 'v2.0.0'));
    assert.equal(await read('b-list.yaml'), `- ghcr.io/org/app:v1.0.0 ${marker('apps:app')}\n`);
  });

  it('walks like ScreeningLocalReader: names, dot-dirs, no symlinked dirs, lexical order', async () => {
    const content = `kind: Values\nimage: ghcr.io/org/app:v1.0.0 ${marker('apps:app')}\n`;
    const { dir, outcome } = await applyTo(
      {
        'b.yml': content,
        '.hidden/a.yaml': content,
        Kustomization: content,
        'upper.YAML': content,
        'notes.txt': content,
        kustomization: content,
        'z/nested/deep.yaml': content,
        'a.yaml.bak': content,
      },
      [app],
    );
    assert.deepEqual(
      outcome.files.map((f) => f.path),
      ['.hidden/a.yaml', 'Kustomization', 'b.yml', 'z/nested/deep.yaml'],
    );
    assert.equal(await readFile(join(dir, 'upper.YAML'), 'utf8'), content);

    await symlink(join(dir, 'z'), join(dir, 'linked'));
    await symlink(join(dir, 'z'), join(dir, 'dir-link.yaml'));
    await symlink(join(dir, 'b.yml'), join(dir, 'c-link.yaml'));
    await writeFile(join(dir, 'b.yml'), content);
    await writeFile(join(dir, 'z/nested/deep.yaml'), content);
    const again = await applySetters({ root: dir, policies: [app], write: false });
    // Symlinked directories are not walked (nor read as files); a symlinked file is read through its link.
    assert.deepEqual(
      again.files.map((f) => f.path),
      ['b.yml', 'c-link.yaml', 'z/nested/deep.yaml'],
    );
    assert.deepEqual(again.problems, []);
  });

  it('takes a single file as the root, paths relative to its directory', async () => {
    const content = `kind: Values\nimage: ghcr.io/org/app:v1.0.0 ${marker('apps:app')}\n`;
    const { dir } = await applyTo({ 'sub/one.yaml': content, 'sub/two.yaml': content }, []);
    const outcome = await applySetters({ root: join(dir, 'sub/one.yaml'), policies: [app] });
    assert.deepEqual(
      outcome.files.map((f) => f.path),
      ['one.yaml'],
    );
    assert.deepEqual([...outcome.result.fileChanges.keys()], ['one.yaml']);
    assert.equal(await readFile(join(dir, 'sub/one.yaml'), 'utf8'), content.replace('v1.0.0', 'v2.0.0'));
    assert.equal(await readFile(join(dir, 'sub/two.yaml'), 'utf8'), content);
  });

  it('writes only changed files under outDir, creating directories', async () => {
    const content = `kind: Values\nimage: ghcr.io/org/app:v1.0.0 ${marker('apps:app')}\n`;
    const { dir } = await applyTo({ 'a/b/c.yaml': content, 'a/same.yaml': content.replace('v1.0.0', 'v2.0.0') }, []);
    const outDir = join(await tempDir(), 'new', 'out');
    await applySetters({ root: dir, policies: [app], write: { outDir } });
    assert.deepEqual(await listTree(outDir), ['a/b/c.yaml']);
    assert.equal(await readFile(join(outDir, 'a/b/c.yaml'), 'utf8'), content.replace('v1.0.0', 'v2.0.0'));
    assert.equal(await readFile(join(dir, 'a/b/c.yaml'), 'utf8'), content);
  });

  it('writes nothing with write: false, and fails on a missing root', async () => {
    const content = `kind: Values\nimage: ghcr.io/org/app:v1.0.0 ${marker('apps:app')}\n`;
    const { dir } = await applyTo({ 'v.yaml': content }, []);
    const outcome = await applySetters({ root: dir, policies: [app], write: false });
    assert.equal(outcome.files[0]?.after, content.replace('v1.0.0', 'v2.0.0'));
    assert.equal(await readFile(join(dir, 'v.yaml'), 'utf8'), content);
    await assert.rejects(applySetters({ root: join(dir, 'missing'), policies: [app] }), /^SettersError: walking path for files: ENOENT/);
  });

  it('handles flow collections and block scalars', async () => {
    const before = [
      'kind: Values',
      'images: [',
      `  ghcr.io/org/app:v1.0.0, ${marker('apps:app')}`,
      '  other',
      ']',
      `block: | ${marker('apps:app')}`,
      '  ghcr.io/org/app:v1.0.0',
      '',
      `folded: >+ ${marker('apps:app:tag')}`,
      '    v1.0.0',
      'end: true',
      '',
    ].join('\n');
    const { read } = await applyTo({ 'values.yaml': before }, [withTag('1.2', 'app')]);
    assert.equal(
      await read('values.yaml'),
      [
        'kind: Values',
        'images: [',
        // In a flow collection yaml.v3 cannot write a ':' plain.
        `  'ghcr.io/org/app:1.2', ${marker('apps:app')}`,
        '  other',
        ']',
        `block: |- ${marker('apps:app')}`,
        '  ghcr.io/org/app:1.2',
        '',
        `folded: "1.2" ${marker('apps:app:tag')}`,
        'end: true',
        '',
      ].join('\n'),
    );
  });
});

describe('setters: needsQuoting (kyaml IsValueNonString, go-yaml v2)', () => {
  const nonStrings = [
    '1.10',
    '20240101',
    '0x1F',
    '0o17',
    '017',
    '08',
    '1_000',
    '-1',
    '+1',
    '.5',
    '1e3',
    '1.',
    'yes',
    'No',
    'ON',
    'off',
    'y',
    'n',
    'true',
    'FALSE',
    '~',
    'null',
    'NULL',
    '.inf',
    '-.Inf',
    '.NaN',
    '99999999999999999999',
    '- a',
    'a: b',
    '{a: 1}',
    '[a]',
    '#x',
    '---',
    '!!int 5',
    '&a 5',
  ];
  const strings = [
    '',
    'v1.0',
    '1.2.3',
    'sha256:abc',
    'latest',
    '2024-01-01',
    'a#b',
    'Yes!',
    'nil',
    '0x',
    '1e400',
    '<<',
    '"1"',
    "'yes'",
    '!!str 5',
    '[a',
    'a: b: c',
    '*a',
    'ghcr.io/org/app:v1',
  ];
  for (const value of nonStrings) it(`quotes ${JSON.stringify(value)}`, () => assert.equal(needsQuoting(value), true));
  for (const value of strings) it(`leaves ${JSON.stringify(value)}`, () => assert.equal(needsQuoting(value), false));
});

describe('setters: applyPolicies and secureJoin', () => {
  it('resolves update.path inside the work directory', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'real/apps'), { recursive: true });
    await symlink('real', join(dir, 'link'));
    await symlink('/real', join(dir, 'abs'));
    await symlink('/real/apps', join(dir, 'real/inner'));
    assert.equal(await secureJoin(dir, './link/apps'), join(dir, 'real/apps'));
    assert.equal(await secureJoin(dir, '../../../etc'), join(dir, 'etc'));
    assert.equal(await secureJoin(dir, 'abs/apps/../..'), dir);
    assert.equal(await secureJoin(dir, 'abs/missing/x'), join(dir, 'real/missing/x'));
    assert.equal(await secureJoin(dir, 'real/inner/../x'), join(dir, 'real/x'));
  });

  it('applies under the secure-joined path, which may be a file', async () => {
    const content = `kind: Values\nimage: ghcr.io/org/app:v1.0.0 ${marker('apps:app')}\n`;
    const { dir } = await applyTo({ 'a/v.yaml': content, 'b/v.yaml': content }, []);
    const outcome = await applyPolicies({ workDir: dir, update: { strategy: 'Setters', path: '../a/v.yaml' }, policies: [app] });
    assert.deepEqual(
      outcome.files.map((f) => f.path),
      ['v.yaml'],
    );
    assert.equal(await readFile(join(dir, 'a/v.yaml'), 'utf8'), content.replace('v1.0.0', 'v2.0.0'));
    assert.equal(await readFile(join(dir, 'b/v.yaml'), 'utf8'), content);
  });
});
