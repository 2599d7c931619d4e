import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegistryClient, legacySignatureTag } from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { run } from '../harness/exec.ts';
import { repoRoot } from '../harness/action.ts';
import { makeWorkspace } from '../harness/workspace.ts';
import { TestCa } from '../harness/ca.ts';

const bin = join(repoRoot, 'packages', 'cli', 'bin', 'd2ci.js');
function d2ci(args: string[], cwd: string) {
  return run(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env.PATH, HOME: cwd } });
}

const metadata = ['--source', 'https://github.com/acme/apps', '--revision', 'main@sha1:0123456789abcdef0123456789abcdef01234567'];

function tree(names: string[]): string {
  const files: Record<string, string> = { 'README.md': '# apps\n' };
  for (const name of names) files[`components/${name}/kustomization.yaml`] = `resources: []\nnamePrefix: ${name}-\n`;
  return makeWorkspace(files);
}

interface Reported {
  name: string;
  repository: string;
  pushed: boolean;
  digest?: string;
  tags?: string[];
  signatureRef?: string;
  referrers?: { format: string; digest: string; attestation: string | null }[];
  error?: string;
}

describe('d2ci push --components', () => {
  let registry: LocalRegistry;
  before(async () => {
    registry = await startRegistry('none');
  });
  after(() => registry.stop());

  it('pushes each directory to BASE/<name> at latest, signed with the key, and re-runs push nothing', async () => {
    const ws = tree(['api', 'frontend', 'worker']);
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    writeFileSync(join(ws, 'cosign.key'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const base = `oci://${registry.host}/acme/components`;
    const first = await d2ci(
      ['push', base, '--components', 'components/*', '--key', 'cosign.key', '--diff-tag', 'latest', '-o', 'json', ...metadata],
      ws,
    );
    assert.equal(first.code, 0, first.stderr);
    const report = JSON.parse(first.stdout) as Reported[];
    assert.deepEqual(
      report.map((r) => [r.name, r.repository, r.pushed, r.tags]),
      [
        ['api', `${registry.host}/acme/components/api`, true, ['latest']],
        ['frontend', `${registry.host}/acme/components/frontend`, true, ['latest']],
        ['worker', `${registry.host}/acme/components/worker`, true, ['latest']],
      ],
    );
    const client = new RegistryClient();
    for (const r of report) {
      const repo = client.repository({ registry: registry.host, repository: `acme/components/${r.name}` });
      assert.equal((await repo.resolve('latest')).digest, r.digest);
      assert.equal(r.signatureRef, `${r.repository}:${legacySignatureTag(r.digest ?? '')}`);
      await repo.resolve(legacySignatureTag(r.digest ?? ''));
    }
    assert.match(first.stderr, /3 components: 3 pushed, 0 unchanged, 0 failed/);

    const again = await d2ci(['push', base, '--components', 'components/*', '--diff-tag', 'latest', '-o', 'json', ...metadata], ws);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(
      (JSON.parse(again.stdout) as Reported[]).map((r) => [r.pushed, r.digest]),
      report.map((r) => [false, r.digest]),
    );
    assert.match(again.stderr, /3 components: 0 pushed, 3 unchanged, 0 failed/);
  });

  it('--tag replaces latest, and --plan lists only what differs from latest as a strategy.matrix', async () => {
    const ws = tree(['api', 'frontend', 'worker']);
    const base = `oci://${registry.host}/acme/planned`;
    const pushed = await d2ci(['push', base, '--components', 'components/*', ...metadata], ws);
    assert.equal(pushed.code, 0, pushed.stderr);
    const tagged = await d2ci(['push', base, '--components', 'components/*', '--tag', 'main-01234567', '-o', 'json', ...metadata], ws);
    assert.equal(tagged.code, 0, tagged.stderr);
    assert.deepEqual(
      (JSON.parse(tagged.stdout) as Reported[]).map((r) => r.tags),
      [['main-01234567'], ['main-01234567'], ['main-01234567']],
    );

    const unchanged = await d2ci(['push', base, '--components', 'components/*', '--plan', '-o', 'json'], ws);
    assert.equal(unchanged.code, 0, unchanged.stderr);
    assert.deepEqual(JSON.parse(unchanged.stdout), { include: [] });

    writeFileSync(join(ws, 'components/frontend/extra.yaml'), 'kind: ConfigMap\n');
    mkdirSync(join(ws, 'components/batch'));
    writeFileSync(join(ws, 'components/batch/job.yaml'), 'kind: Job\n');
    const plan = await d2ci(['push', base, '--components', 'components/*', '--plan', '-o', 'json'], ws);
    assert.equal(plan.code, 0, plan.stderr);
    assert.deepEqual(JSON.parse(plan.stdout), {
      include: [
        { component: 'batch', path: 'components/batch', repository: `${registry.host}/acme/planned/batch` },
        { component: 'frontend', path: 'components/frontend', repository: `${registry.host}/acme/planned/frontend` },
      ],
    });
    // Against another tag: main-01234567 was pushed from the same content, so the plan is the same.
    const table = await d2ci(['push', base, '--components', 'components/*', '--plan', '--diff-tag', 'main-01234567'], ws);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^COMPONENT\s+CHANGED\s+REASON\n/);
    assert.match(table.stdout, /\nfrontend\s+yes\s/);
    assert.match(table.stdout, /\napi\s+no\s/);
    assert.match(table.stderr, /2 of 4 components differ from main-01234567/);
  });

  it('one failing component stops none of the others, and the exit code says so', async () => {
    const ws = tree(['api', 'escape', 'worker']);
    symlinkSync('/etc', join(ws, 'components/escape/outside'));
    const base = `oci://${registry.host}/acme/partial`;
    const result = await d2ci(['push', base, '--components', 'components/*', '--resolve-symlinks', '-o', 'json', ...metadata], ws);
    assert.equal(result.code, 1, result.stderr);
    const report = JSON.parse(result.stdout) as Reported[];
    assert.deepEqual(
      report.map((r) => [r.name, r.pushed]),
      [
        ['api', true],
        ['escape', false],
        ['worker', true],
      ],
    );
    assert.match(report[1]?.error ?? '', /symlink/);
    assert.match(result.stderr, /✗ escape: .*symlink/);
    assert.match(result.stderr, /3 components: 2 pushed, 0 unchanged, 1 failed \(the others are complete\)/);
    const client = new RegistryClient();
    await assert.rejects(client.repository({ registry: registry.host, repository: 'acme/partial/escape' }).resolve('latest'));
    for (const name of ['api', 'worker'])
      await client.repository({ registry: registry.host, repository: `acme/partial/${name}` }).resolve('latest');
  });

  it('pushes what the action pushes: a generated SBOM per component (attested), or Notation signatures; not --attach', async () => {
    const ws = tree(['api', 'worker']);
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    writeFileSync(join(ws, 'cosign.key'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const base = `oci://${registry.host}/acme/documented`;
    const documented = await d2ci(
      ['push', base, '--components', 'components/*', '--key', 'cosign.key', '--sbom', 'cyclonedx', '--attest', '-o', 'json', ...metadata],
      ws,
    );
    assert.equal(documented.code, 0, documented.stderr);
    const report = JSON.parse(documented.stdout) as Reported[];
    assert.deepEqual(
      report.map((r) => [r.name, r.referrers?.map((a) => [a.format, a.attestation !== null])]),
      [
        ['api', [['cyclonedx', true]]],
        ['worker', [['cyclonedx', true]]],
      ],
    );
    assert.match(documented.stderr, /✔ api: pushed .*, signed as key:[0-9a-f]+, attached cyclonedx \(attested\)/);

    const ca = new TestCa(join(ws, 'ca'));
    const root = ca.issue('root', '/C=US/O=Acme/CN=Acme Root', 'EC-384', 'v3_root');
    const leaf = ca.issue('leaf', '/C=US/O=Acme/CN=Acme Component Signer', 'EC-256', 'v3_leaf', root);
    writeFileSync(join(ws, 'signer.key'), leaf.keyPem);
    writeFileSync(join(ws, 'chain.pem'), leaf.certPem + root.certPem);
    const notation = ['--signature-format', 'notation', '--notation-key', 'signer.key', '--notation-cert', 'chain.pem'];
    const signed = await d2ci(['push', 'oci-layout:layout', '--components', 'components/*', ...notation, '-o', 'json', ...metadata], ws);
    assert.equal(signed.code, 0, signed.stderr);
    assert.deepEqual(
      (JSON.parse(signed.stdout) as Reported[]).map((r) => [r.name, r.pushed, Boolean(r.signatureRef)]),
      [
        ['api', true, true],
        ['worker', true, true],
      ],
    );
    assert.match(signed.stderr, /✔ worker: pushed .*, signed as x509: CN=Acme Component Signer,O=Acme,C=US/);

    writeFileSync(join(ws, 'vex.json'), '{}');
    const attach = await d2ci(['push', base, '--components', 'components/*', '--attach', 'vex.json', ...metadata], ws);
    assert.equal(attach.code, 1);
    assert.match(
      attach.stderr,
      /^✗ --attach goes with one artifact \(--path\); with --components, generate an SBOM per component with --sbom$/m,
    );
  });

  it('explains bad component flags in one line', async () => {
    const ws = tree(['api', 'Bad_Name']);
    const base = `oci://${registry.host}/acme/bad`;
    const cases: [string[], RegExp][] = [
      [['--components', 'nothing/*'], /^✗ --components: "nothing\/\*" matches no directory\n$/],
      [
        ['--components', 'components/*'],
        /^✗ --components: component directories must be lowercase repository names .*: components\/Bad_Name\n$/,
      ],
      [['--plan'], /^✗ --plan needs --components/],
      [['--components', 'components/*', '--concurrency', '0'], /^✗ --concurrency "0" must be a whole number from 1 to 64\n$/],
    ];
    for (const [flags, expected] of cases) {
      const result = await d2ci(['push', base, ...flags, ...metadata], ws);
      assert.equal(result.code, 1, flags.join(' '));
      assert.match(result.stderr, expected);
    }
  });
});
