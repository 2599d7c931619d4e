import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegistryClient } from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startSigstore, type LocalSigstore } from '../harness/sigstore.ts';
import { runAction, type ActionRun } from '../harness/action.ts';
import { makeWorkspace } from '../harness/workspace.ts';

function ok(run: ActionRun): void {
  assert.equal(run.code, 0, `action failed:\n${run.stdout}\n${run.stderr}`);
}

function componentTree(count: number): string {
  const files: Record<string, string> = { 'README.md': '# apps\n' };
  for (let i = 0; i < count; i++) {
    files[`components/app-${String(i).padStart(2, '0')}/base/kustomization.yaml`] = `resources: [deploy.yaml]\n`;
    files[`components/app-${String(i).padStart(2, '0')}/base/deploy.yaml`] = `kind: Deployment\nmetadata: {name: app-${i}}\n`;
  }
  return makeWorkspace(files);
}

describe('push-artifact with components: many artifacts in one step, and the fan-out plan', () => {
  let registry: LocalRegistry;
  let sigstore: LocalSigstore;
  before(async () => {
    [registry, sigstore] = await Promise.all([startRegistry('none'), startSigstore()]);
  });
  after(() => Promise.all([registry.stop(), sigstore.close()]));

  it('pushes each directory to <repository>/<name>, signed with one certificate, and reports each', async () => {
    const ws = componentTree(12);
    const repository = `${registry.host}/acme/apps`;
    const run = await runAction(
      'push-artifact',
      { repository, components: 'components/*', 'diff-tag': 'latest', 'fulcio-url': sigstore.url, 'rekor-url': sigstore.url },
      { GITHUB_WORKSPACE: ws, ...sigstore.oidcEnv },
    );
    ok(run);
    const report = JSON.parse(run.outputs.components ?? '[]') as {
      name: string;
      repository: string;
      pushed: boolean;
      digest: string;
      tags: string[];
      'signature-ref': string;
    }[];
    assert.equal(report.length, 12);
    assert.equal(run.outputs.pushed, 'true');
    assert.deepEqual(
      report.map((r) => r.name),
      Array.from({ length: 12 }, (_, i) => `app-${String(i).padStart(2, '0')}`),
    );
    for (const entry of report) {
      assert.equal(entry.repository, `${repository}/${entry.name}`);
      assert.ok(entry.pushed);
      assert.match(entry['signature-ref'], /\.sig$/);
      const repo = new RegistryClient().repository({ registry: registry.host, repository: `acme/apps/${entry.name}` });
      assert.equal((await repo.resolve('latest')).digest, entry.digest);
    }
    assert.equal(sigstore.requests.filter((r) => r === 'POST /api/v2/signingCert').length, 1, 'one Fulcio certificate for all components');
    assert.match(run.summary, /### Flux artifacts: 12 components \(12 pushed, 0 failed\)/);

    // Plan: nothing changed; then change two components.
    const plan = await runAction('push-artifact', { repository, components: 'components/*', plan: 'true' }, { GITHUB_WORKSPACE: ws });
    ok(plan);
    assert.deepEqual(JSON.parse(plan.outputs.matrix ?? ''), { include: [] });
    writeFileSync(join(ws, 'components/app-03/base/deploy.yaml'), 'kind: Deployment\nmetadata: {name: changed}\n');
    mkdirSync(join(ws, 'components/app-99/base'), { recursive: true });
    writeFileSync(join(ws, 'components/app-99/base/new.yaml'), 'new: true\n');
    const plan2 = await runAction('push-artifact', { repository, components: 'components/*', plan: 'true' }, { GITHUB_WORKSPACE: ws });
    ok(plan2);
    assert.deepEqual(JSON.parse(plan2.outputs.matrix ?? ''), {
      include: [
        { component: 'app-03', path: 'components/app-03', repository: `${repository}/app-03` },
        { component: 'app-99', path: 'components/app-99', repository: `${repository}/app-99` },
      ],
    });
    assert.deepEqual(JSON.parse(plan2.outputs.changed ?? ''), ['app-03', 'app-99']);

    // Only the changed ones are pushed again.
    const again = await runAction(
      'push-artifact',
      { repository, components: 'components/*', 'diff-tag': 'latest', sign: 'false' },
      { GITHUB_WORKSPACE: ws },
    );
    ok(again);
    const second = JSON.parse(again.outputs.components ?? '[]') as { name: string; pushed: boolean }[];
    assert.deepEqual(
      second.filter((r) => r.pushed).map((r) => r.name),
      ['app-03', 'app-99'],
    );
  });

  it('refuses bad component sets before pushing anything, and reports failures without stopping the others', async () => {
    const ws = makeWorkspace({ 'components/Frontend/a.yaml': 'a: 1\n', 'components/ok/a.yaml': 'a: 1\n' });
    const bad = await runAction(
      'push-artifact',
      { repository: `${registry.host}/acme/bad`, components: 'components/*', sign: 'false' },
      { GITHUB_WORKSPACE: ws },
    );
    assert.equal(bad.code, 1);
    assert.match(
      bad.errors[0] ?? '',
      /^input `components`: component directories must be lowercase repository names \(letters, digits, "\.", "_", "-"\): components\/Frontend; check `components`/,
    );
    const none = await runAction(
      'push-artifact',
      { repository: `${registry.host}/acme/bad`, components: 'nothing/*', sign: 'false' },
      { GITHUB_WORKSPACE: ws },
    );
    assert.match(none.errors[0] ?? '', /^input `components`: "nothing\/\*" matches no directory/);
    const both = await runAction(
      'push-artifact',
      { repository: `${registry.host}/acme/bad`, components: 'components/*', path: 'components/ok', sign: 'false' },
      { GITHUB_WORKSPACE: ws },
    );
    assert.match(both.errors[0] ?? '', /^input `components`: give `path` or `components`, not both$/);
    const planOnly = await runAction(
      'push-artifact',
      { repository: `${registry.host}/acme/bad`, plan: 'true', sign: 'false' },
      { GITHUB_WORKSPACE: ws },
    );
    assert.match(planOnly.errors[0] ?? '', /^input `plan`: needs `components`/);

    const mixed = makeWorkspace({ 'components/good/a.yaml': 'a: 1\n', 'components/empty/.gitignore': 'x' });
    // `path: ./` (as the D2 workflows write the default) goes with components.
    const partial = await runAction(
      'push-artifact',
      { repository: `${registry.host}/acme/mixed`, components: 'components/*', path: './', sign: 'false' },
      { GITHUB_WORKSPACE: mixed },
    );
    assert.equal(partial.code, 1);
    assert.match(
      partial.errors.at(-1) ?? '',
      /^1 of 2 components failed \(the others are complete\): empty: input `components`: "components\/empty" has no files to pack/,
    );
    const report = JSON.parse(partial.outputs.components ?? '[]') as { name: string; pushed: boolean; error?: string }[];
    assert.deepEqual(
      report.map((r) => [r.name, r.pushed, Boolean(r.error)]),
      [
        ['empty', false, true],
        ['good', true, false],
      ],
    );
    assert.equal(
      (await new RegistryClient().repository({ registry: registry.host, repository: 'acme/mixed/good' }).tags()).includes('latest'),
      true,
    );
  });
});

describe('the root action dispatches by command', () => {
  it('pushes, verifies and refuses an unknown command', async () => {
    const ws = makeWorkspace({ 'app/a.yaml': 'a: 1\n' });
    const layout = join(ws, 'layout');
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const pushed = await runAction(
      '.',
      {
        command: 'push',
        repository: `oci-layout:${layout}`,
        path: 'app',
        'signing-key': privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
      { GITHUB_WORKSPACE: ws },
    );
    ok(pushed);
    const verified = await runAction(
      '.',
      { command: 'verify', repository: `oci-layout:${layout}`, key: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
      { GITHUB_WORKSPACE: ws },
    );
    ok(verified);
    assert.equal(verified.outputs.digest, pushed.outputs.digest);
    assert.equal(verified.outputs.format, 'legacy');
    const unknown = await runAction('.', { command: 'deploy', repository: `oci-layout:${layout}` }, { GITHUB_WORKSPACE: ws });
    assert.equal(unknown.code, 1);
    assert.match(unknown.errors[0] ?? '', /^input `command`: "deploy" is not one of push, release, verify, copy, image-update$/);
  });

  it('is generated from the actions it dispatches to', async () => {
    const { readFileSync } = await import('node:fs');
    const { rootAction } = await import('../../scripts/root-action.ts');
    const { repoRoot } = await import('../harness/action.ts');
    assert.equal(readFileSync(join(repoRoot, 'action.yml'), 'utf8'), rootAction(), 'run npm run build to regenerate action.yml');
  });

  it("describes a shared input or output in each command's words where the meaning differs (issue 13)", async () => {
    const { parse } = await import('yaml');
    const { rootAction } = await import('../../scripts/root-action.ts');
    const spec = parse(rootAction()) as {
      inputs: Record<string, { description: string }>;
      outputs: Record<string, { description: string }>;
    };
    // push writes key=value annotations; verify requires key=regexp ones.
    assert.match(spec.inputs.annotations?.description ?? '', /`push`: .*key=value.*`verify`: .*key=regexp/);
    assert.match(spec.inputs.ref?.description ?? '', /`release`: The release tag.*`verify`: Tag or digest to verify/);
    // verify-artifact's `verified` is about a signature; image-update's about GitHub signing a commit.
    assert.match(spec.outputs.verified?.description ?? '', /^\(verify, image-update\) `verify`: .*policy.*`image-update`: .*commit/);
    // An output one command sets says which.
    assert.match(spec.outputs.pushed?.description ?? '', /^\(push\) /);
  });
});
