import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from '../harness/action.ts';
import { checkActionFile, checkWorkflow, findWorkflows, readYaml, type CheckOptions } from '../harness/workflows.ts';
import {
  MemoryStore,
  createNotationKeySigner,
  notationFluxTrustStore,
  notationDirectoryTrustStore,
  parseNotationTrustPolicy,
  pushArtifact,
  signNotationBeforeTagging,
  verifyNotation,
} from '@d2ci/core';
import { TestCa } from '../harness/ca.ts';

const examplesRoot = join(repoRoot, 'workflows-examples');
const options: CheckOptions = { projectRoot: repoRoot, examplesRoot };

describe('workflows-examples: every workflow is one GitHub runs, as intended', () => {
  const workflows = findWorkflows(examplesRoot);

  it('finds the reusable workflows and their callers', () => {
    assert.deepEqual(
      workflows.map((w) => relative(examplesRoot, w)),
      [
        'd2-apps/.github/workflows/image-updates.yaml',
        'd2-apps/.github/workflows/push-artifact.yaml',
        'd2-apps/.github/workflows/release-artifact.yaml',
        'd2-fleet/.github/workflows/push-artifact.yaml',
        'd2-fleet/.github/workflows/release-artifact.yaml',
        'd2-infra/.github/workflows/image-updates.yaml',
        'd2-infra/.github/workflows/push-artifact.yaml',
        'direct/d2-apps/.github/workflows/image-updates.yaml',
        'direct/d2-apps/.github/workflows/push-artifact.yaml',
        'direct/d2-apps/.github/workflows/release-artifact.yaml',
        'direct/d2-apps/.github/workflows/verify-artifact.yaml',
        'direct/d2-fleet/.github/workflows/push-artifact.yaml',
        'identity-transition/phase-2/.github/workflows/push-artifact.yaml',
        'notation/.github/workflows/push-artifact.yaml',
        'platform-workflows/.github/workflows/d2-fan-out.yaml',
        'platform-workflows/.github/workflows/d2-image-update.yaml',
        'platform-workflows/.github/workflows/d2-push.yaml',
        'platform-workflows/.github/workflows/d2-release.yaml',
        'platform-workflows/.github/workflows/d2-verify.yaml',
      ],
    );
  });

  for (const file of workflows) {
    it(`${relative(examplesRoot, file)}: schema, uses, inputs, outputs and permissions`, async () => {
      assert.deepEqual(await checkWorkflow(file, options), []);
    });
  }

  it("the action.yml files pass GitHub's action schema", () => {
    const files = [
      'action.yml',
      ...readdirSync(join(repoRoot, 'actions'))
        .map((a) => join('actions', a, 'action.yml'))
        .filter((f) => existsSync(join(repoRoot, f))),
    ];
    assert.equal(files.length, 6);
    for (const file of files) assert.deepEqual(checkActionFile(join(repoRoot, file)), [], file);
  });
});

describe('the workflow checker catches each kind of mistake', () => {
  /** A copy of the examples with one caller replaced, checked. */
  async function problems(workflow: string, reusable?: { name: string; content: string }): Promise<string[]> {
    const root = mkdtempSync(join(tmpdir(), 'd2ci-workflows-'));
    cpSync(join(examplesRoot, 'platform-workflows'), join(root, 'platform-workflows'), { recursive: true });
    if (reusable) writeFileSync(join(root, 'platform-workflows/.github/workflows', reusable.name), reusable.content);
    mkdirSync(join(root, 'repo/.github/workflows'), { recursive: true });
    const file = join(root, 'repo/.github/workflows/w.yaml');
    writeFileSync(file, workflow);
    return (await checkWorkflow(file, { projectRoot: repoRoot, examplesRoot: root })).map((p) => p.message);
  }
  const job = (steps: string, permissions = 'contents: read\n      packages: write\n      id-token: write') =>
    `on: push\njobs:\n  push:\n    runs-on: ubuntu-latest\n    permissions:\n      ${permissions}\n    steps:\n${steps}`;
  const push = (extra = '') =>
    `      - id: push\n        uses: d2ci/d2ci/actions/push-artifact@v1\n        with:\n          repository: ghcr.io/acme/app\n${extra}`;

  it('passes a correct workflow', async () => {
    assert.deepEqual(await problems(job(push())), []);
  });

  it("schema errors, from GitHub's parser", async () => {
    assert.match((await problems('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n')).join('\n'), /stepz/);
  });

  it('an input the action does not declare, and a missing required one', async () => {
    assert.deepEqual(await problems(job(push('          diff_tag: latest\n'))), [
      'job push, step push: push-artifact has no input "diff_tag"',
    ]);
    assert.deepEqual(await problems(job('      - uses: d2ci/d2ci/actions/push-artifact@v1\n')), [
      'job push, step 1: push-artifact requires input "repository"',
    ]);
  });

  it('a local path or action that does not exist, and an unpinned third-party action', async () => {
    const local = await problems(job('      - uses: ./actions/missing\n'));
    assert.equal(local.length, 1);
    assert.match(local[0] ?? '', /^job push, step 1: uses: \.\/actions\/missing: no action\.yml in .*repo\/actions\/missing$/);
    assert.deepEqual(await problems(job('      - uses: d2ci/d2ci/actions/nope@v1\n')), [
      'job push, step 1: uses: d2ci/d2ci/actions/nope@v1: actions/nope/action.yml does not exist',
    ]);
    assert.deepEqual(await problems(job('      - uses: actions/checkout@main\n')), [
      'job push, step 1: uses: actions/checkout@main: pin a release (vN) or a commit SHA',
    ]);
    assert.deepEqual(await problems('on: push\njobs:\n  a:\n    uses: acme/platform-workflows/.github/workflows/nope.yaml@v1\n'), [
      'w.yaml (Line: 4, Col: 11): Unable to find reusable workflow',
    ]);
  });

  it('an output no step or job declares', async () => {
    assert.deepEqual(await problems(job(`${push()}      - run: echo \${{ steps.push.outputs.digest-uri }}\n`)), [
      'job push, step 2: step push has no output digest-uri',
    ]);
    assert.deepEqual(await problems(job(`      - run: echo \${{ steps.later.outputs.x }}\n${push()}`)), [
      'job push, step 1: reads steps.later.outputs.x, but no earlier step has id later',
    ]);
    const caller =
      'on: push\njobs:\n  push:\n    permissions:\n      contents: read\n      packages: write\n      id-token: write\n    uses: acme/platform-workflows/.github/workflows/d2-push.yaml@v1\n  next:\n    needs: push\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ needs.push.outputs.digest }}\n';
    assert.deepEqual(await problems(caller), ['job next: job push has no output digest']);
    assert.deepEqual(await problems(caller.replace('needs: push', 'needs: []')), [
      'job next: reads needs.push.outputs.digest but does not list push in needs',
    ]);
  });

  it('permissions that signing or pushing lack, in a job and through a reusable workflow', async () => {
    assert.deepEqual(await problems(job(push(), 'contents: read\n      packages: write')), [
      'job push: needs permissions id-token: write (signing needs id-token: write; pushing to GHCR packages: write; image-update contents: write and pull-requests: write)',
    ]);
    assert.deepEqual(await problems(job(push("          sign: 'false'\n"), 'contents: read\n      packages: write')), []);
    assert.deepEqual(await problems(job(push(), 'contents: read\n      id-token: write')), [
      'job push: needs permissions packages: write (signing needs id-token: write; pushing to GHCR packages: write; image-update contents: write and pull-requests: write)',
    ]);
    const caller =
      'on: push\njobs:\n  push:\n    permissions:\n      contents: read\n      packages: write\n    uses: acme/platform-workflows/.github/workflows/d2-push.yaml@v1\n';
    assert.deepEqual(await problems(caller), [
      "job push: calls d2-push.yaml, whose jobs need id-token: write; grant it in the calling job's permissions",
    ]);
    const update = (permissions: string) =>
      `on: push\njobs:\n  u:\n    runs-on: ubuntu-latest\n    permissions:\n      ${permissions}\n    steps:\n      - uses: d2ci/d2ci/actions/image-update-kind@v1\n`;
    assert.deepEqual(await problems(update('contents: write\n      packages: read')), [
      'job u: needs permissions pull-requests: write (signing needs id-token: write; pushing to GHCR packages: write; image-update contents: write and pull-requests: write)',
    ]);
    assert.deepEqual(await problems(update('contents: read\n      pull-requests: write\n      packages: read')), [
      'job u: needs permissions contents: write (signing needs id-token: write; pushing to GHCR packages: write; image-update contents: write and pull-requests: write)',
    ]);
  });

  it('an input of a reusable workflow that it does not declare, and an undeclared inputs.* read', async () => {
    const caller =
      'on: push\njobs:\n  push:\n    permissions: write-all\n    uses: acme/platform-workflows/.github/workflows/d2-push.yaml@v1\n    with:\n      component: x\n';
    assert.match((await problems(caller)).join('\n'), /component is not defined in the referenced workflow/);
    const reusable = {
      name: 'r.yaml',
      content:
        'on:\n  workflow_call:\n    inputs:\n      a: {type: string}\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ inputs.b }}\n',
    };
    assert.ok(
      (await problems('on: push\njobs:\n  j:\n    uses: acme/platform-workflows/.github/workflows/r.yaml@v1\n', reusable)).length === 0,
    );
    const own = await problems(
      'on:\n  workflow_call:\n    inputs:\n      a: {type: string}\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ inputs.b }}\n',
    );
    assert.deepEqual(own, ['job j: reads inputs.b, which the workflow does not declare']);
  });
});

/**
 * The Flux side: each environment's `matchOIDCIdentity` must accept exactly the certificate identities the
 * workflows that publish for it produce, and none of the other environment's.
 */
describe('workflows-examples: Flux verifies the identities the workflows sign with', () => {
  const issuer = 'https://token.actions.githubusercontent.com';
  /** GitHub's SAN for a job: the workflow file that runs it (the reusable one, if called), at the ref it ran at. */
  const san = (repo: string, file: string, ref: string) => `https://github.com/${repo}/.github/workflows/${file}@${ref}`;

  /** The signing identities a caller's workflows produce, by the action that signs (push → staging, release → production). */
  function identitiesOf(
    repoDir: string,
    repo: string,
    ref: { branch: string; tag: string },
  ): { staging: Set<string>; production: Set<string> } {
    const out = { staging: new Set<string>(), production: new Set<string>() };
    const visit = (file: string, identityFile: string, identityRepo: string, identityRef: string | undefined): void => {
      for (const job of Object.values(readYaml(file).jobs as Record<string, Record<string, unknown>>)) {
        if (typeof job.uses === 'string') {
          const m = /^acme\/([^/]+)\/\.github\/workflows\/([^@]+)@(.+)$/.exec(job.uses);
          assert.ok(m, job.uses);
          // A called workflow's identity is its own file at the ref it was called with (tags become refs/tags/…).
          visit(join(examplesRoot, m[1] ?? '', '.github/workflows', m[2] ?? ''), m[2] ?? '', `acme/${m[1]}`, `refs/tags/${m[3]}`);
          continue;
        }
        for (const step of (job.steps ?? []) as Record<string, unknown>[]) {
          const uses = typeof step.uses === 'string' ? step.uses : '';
          const kind =
            /push-artifact@/.test(uses) && (step.with as Record<string, unknown> | undefined)?.plan !== true
              ? 'staging'
              : /release-artifact@/.test(uses)
                ? 'production'
                : undefined;
          if (!kind) continue;
          // Direct workflows run at the caller's ref: main for pushes, the release tag for releases.
          out[kind].add(san(identityRepo, identityFile, identityRef ?? (kind === 'staging' ? ref.branch : ref.tag)));
        }
      }
    };
    for (const file of findWorkflows(repoDir)) visit(file, relative(join(repoDir, '.github/workflows'), file), repo, undefined);
    return out;
  }

  /** `${VAR}` from the environment's runtime ConfigMap, then `<< inputs.x >>` per ResourceSet input. */
  function subjects(env: 'staging' | 'production'): { where: string; subject: RegExp; issuer: RegExp }[] {
    const fleet = join(examplesRoot, 'd2-fleet');
    const runtime = readYaml(join(fleet, `clusters/${env}/flux-system/runtime-info.yaml`)).data as Record<string, string>;
    const substitute = (text: string): string => text.replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => runtime[name] ?? `\${${name}}`);
    const found: { where: string; subject: RegExp; issuer: RegExp }[] = [];
    const instance = readYaml(join(fleet, `clusters/${env}/flux-system/flux-instance.yaml`)) as {
      spec: { kustomize: { patches: { patch: string }[] } };
    };
    for (const { patch } of instance.spec.kustomize.patches) {
      for (const op of parseAllDocuments(patch)[0]?.toJS() as { value: { matchOIDCIdentity: { subject: string; issuer: string }[] } }[]) {
        for (const m of op.value.matchOIDCIdentity)
          found.push({ where: `FluxInstance ${env}`, subject: new RegExp(m.subject), issuer: new RegExp(m.issuer) });
      }
    }
    const resourceSet = parseAllDocuments(substitute(readFileSync(join(fleet, 'tenants/apps.yaml'), 'utf8')))[0]?.toJS() as {
      spec: { inputs: Record<string, string>[]; resources: Record<string, unknown>[] };
    };
    for (const input of resourceSet.spec.inputs) {
      const render = (text: string): string => text.replace(/<<\s*inputs\.(\w+)\s*>>/g, (_, name: string) => input[name] ?? '');
      for (const resource of resourceSet.spec.resources) {
        if (resource.kind !== 'OCIRepository') continue;
        const verify = (resource.spec as { verify: { matchOIDCIdentity: { subject: string; issuer: string }[] } }).verify;
        for (const m of verify.matchOIDCIdentity)
          found.push({
            where: `OCIRepository ${input.tenant} (${env})`,
            subject: new RegExp(render(m.subject)),
            issuer: new RegExp(render(m.issuer)),
          });
      }
    }
    return found;
  }

  it('staging verifies what d2-push signs; production what d2-release signs; neither the other', () => {
    const fleet = identitiesOf(join(examplesRoot, 'd2-fleet'), 'acme/d2-fleet', { branch: 'refs/heads/main', tag: 'refs/tags/v1.2.3' });
    const apps = identitiesOf(join(examplesRoot, 'd2-apps'), 'acme/d2-apps', {
      branch: 'refs/heads/main',
      tag: 'refs/tags/frontend/v1.2.3',
    });
    const infra = identitiesOf(join(examplesRoot, 'd2-infra'), 'acme/d2-infra', { branch: 'refs/heads/main', tag: 'refs/tags/x/v1.0.0' });
    const staging = new Set([...fleet.staging, ...apps.staging, ...infra.staging]);
    const production = new Set([...fleet.production, ...apps.production]);
    // Reusable workflows: one identity per environment, whichever repository calls them.
    assert.deepEqual([...staging], [san('acme/platform-workflows', 'd2-push.yaml', 'refs/tags/v1')]);
    assert.deepEqual([...production], [san('acme/platform-workflows', 'd2-release.yaml', 'refs/tags/v1')]);

    for (const [env, accepted, refused] of [
      ['staging', staging, production],
      ['production', production, staging],
    ] as const) {
      const policies = subjects(env);
      assert.ok(policies.length >= 3, `${env}: the fleet source and each tenant`);
      for (const policy of policies) {
        assert.ok(policy.issuer.test(issuer), `${policy.where}: issuer`);
        for (const identity of accepted)
          assert.ok(policy.subject.test(identity), `${policy.where} must accept ${identity} (${policy.subject})`);
        // A patch release of the platform workflows (@v1.4) still verifies; @main or another repository does not.
        for (const identity of accepted) {
          assert.ok(policy.subject.test(identity.replace(/@refs\/tags\/v1$/, '@refs/tags/v1.4')), `${policy.where}: v1.4`);
          assert.ok(!policy.subject.test(identity.replace(/@refs\/tags\/v1$/, '@refs/heads/main')), `${policy.where}: @main`);
          assert.ok(
            !policy.subject.test(identity.replace('acme/platform-workflows', 'mallory/platform-workflows')),
            `${policy.where}: another owner`,
          );
        }
        for (const identity of refused) assert.ok(!policy.subject.test(identity), `${policy.where} must refuse ${identity}`);
      }
    }
  });

  it('the direct workflows sign with the identities D2 clusters already verify', () => {
    // d2-fleet and d2-apps clusters, as the D2 reference architecture configures them (owner acme).
    const d2 = {
      fleetStaging: /^https:\/\/github\.com\/acme\/d2-fleet\/\.github\/workflows\/push-artifact\.yaml@refs\/heads\/main$/,
      fleetProduction: /^https:\/\/github\.com\/acme\/d2-fleet\/\.github\/workflows\/push-artifact\.yaml@refs\/tags\/v\d+\.\d+\.\d+$/,
      appsStaging: /^https:\/\/github\.com\/acme\/d2-apps\/\.github\/workflows\/push-artifact\.yaml@refs\/heads\/main$/,
      appsProduction: /^https:\/\/github\.com\/acme\/d2-apps\/\.github\/workflows\/release-artifact\.yaml@refs\/tags\/.*$/,
    };
    const fleet = identitiesOf(join(examplesRoot, 'direct/d2-fleet'), 'acme/d2-fleet', {
      branch: 'refs/heads/main',
      tag: 'refs/tags/v1.2.3',
    });
    const apps = identitiesOf(join(examplesRoot, 'direct/d2-apps'), 'acme/d2-apps', {
      branch: 'refs/heads/main',
      tag: 'refs/tags/frontend/v1.2.3',
    });
    assert.deepEqual(
      [...fleet.staging].map((i) => d2.fleetStaging.test(i)),
      [true],
    );
    assert.deepEqual(
      [...fleet.production].map((i) => [d2.fleetProduction.test(i), d2.fleetStaging.test(i)]),
      [[true, false]],
    );
    assert.deepEqual(
      [...apps.staging].map((i) => d2.appsStaging.test(i)),
      [true],
    );
    assert.deepEqual(
      [...apps.production].map((i) => [d2.appsProduction.test(i), d2.appsStaging.test(i)]),
      [[true, false]],
    );
  });
  it('identity-transition: phase 1 accepts the old and the new fleet signer with one entry; phase 2 gates latest on it', () => {
    const dir = join(examplesRoot, 'identity-transition');
    const old = identitiesOf(join(examplesRoot, 'direct/d2-fleet'), 'acme/d2-fleet', {
      branch: 'refs/heads/main',
      tag: 'refs/tags/v1.2.3',
    });
    const next = identitiesOf(join(dir, 'phase-2'), 'acme/d2-fleet', { branch: 'refs/heads/main', tag: 'refs/tags/v1.2.3' });
    assert.deepEqual([...next.staging], [san('acme/platform-workflows', 'd2-push.yaml', 'refs/tags/v1')]);
    const instance = readYaml(join(dir, 'phase-1/clusters/staging/flux-system/flux-instance.yaml')) as {
      spec: { kustomize: { patches: { patch: string }[] } };
    };
    const entries = instance.spec.kustomize.patches.flatMap(({ patch }) =>
      (parseAllDocuments(patch)[0]?.toJS() as { value: { matchOIDCIdentity: { subject: string; issuer: string }[] } }[]).flatMap(
        (op) => op.value.matchOIDCIdentity,
      ),
    );
    // One entry: Flux 2.8+ verifies bundles with one matchOIDCIdentity entry only.
    assert.equal(entries.length, 1);
    const subject = new RegExp(entries[0]?.subject ?? '');
    assert.ok(new RegExp(entries[0]?.issuer ?? '').test(issuer));
    for (const identity of [...old.staging, ...next.staging]) assert.ok(subject.test(identity), `phase 1 must accept ${identity}`);
    for (const identity of [...old.production, san('acme/platform-workflows', 'd2-release.yaml', 'refs/tags/v1')])
      assert.ok(!subject.test(identity), `phase 1 must still refuse ${identity}`);
    assert.ok(!subject.test(san('mallory/platform-workflows', 'd2-push.yaml', 'refs/tags/v1')));
    // Phase 2: the gate reads the verify block from the artifact at latest, and latest moves to what it verified.
    const workflow = readYaml(join(dir, 'phase-2/.github/workflows/push-artifact.yaml')) as {
      jobs: Record<string, { with?: Record<string, string>; needs?: string; steps?: { uses?: string; with?: Record<string, string> }[] }>;
    };
    assert.equal(workflow.jobs.push?.with?.['diff-tag'], 'transition');
    const gate = workflow.jobs.gate?.steps?.find((step) => step.uses?.includes('verify-artifact'));
    assert.equal(gate?.with?.['flux-manifest-from'], 'latest');
    assert.match(gate?.with?.url ?? '', /:transition$/);
    const promote = workflow.jobs.promote?.steps?.find((step) => step.uses?.includes('copy-artifact'));
    assert.equal(workflow.jobs.promote?.needs, 'gate');
    assert.equal(promote?.with?.from, '${{ needs.gate.outputs.digest-url }}');
    assert.match(promote?.with?.to ?? '', /:latest$/);
  });
});

describe('workflows-examples/notation: the clusters accept what the workflow signs, with the policy both hold', () => {
  const dir = join(examplesRoot, 'notation');

  it('the gate and the cluster Secret hold the same trust policy, for the repository the workflow pushes to', () => {
    const secret = parseAllDocuments(readFileSync(join(dir, 'clusters/staging/fleet-source.yaml'), 'utf8')).map(
      (d) =>
        d.toJS() as {
          kind: string;
          spec?: { url: string; verify: { provider: string; secretRef: { name: string } } };
          metadata: { name: string };
          stringData?: Record<string, string>;
        },
    );
    const source = secret.find((d) => d.kind === 'OCIRepository');
    const config = secret.find((d) => d.kind === 'Secret');
    assert.equal(source?.spec?.verify.provider, 'notation');
    assert.equal(source?.spec?.verify.secretRef.name, config?.metadata.name);
    const fromSecret = parseNotationTrustPolicy(config?.stringData?.['trustpolicy.json'] ?? '');
    const fromRepo = parseNotationTrustPolicy(readFileSync(join(dir, '.notation/trustpolicy.json'), 'utf8'));
    assert.deepEqual(fromSecret, fromRepo);
    assert.deepEqual(
      fromRepo.trustPolicies.flatMap((p) => p.registryScopes),
      [source?.spec?.url.replace(/^oci:\/\//, '')],
    );
    // The workflow pushes ghcr.io/${{ github.repository }}: the fleet repository of the URL above.
    const steps =
      (
        readYaml(join(dir, '.github/workflows/push-artifact.yaml')).jobs as Record<
          string,
          { steps: { uses?: string; with?: Record<string, string> }[] }
        >
      )['flux-push']?.steps ?? [];
    const push = steps.find((s) => s.uses?.includes('push-artifact@'));
    const gate = steps.find((s) => s.uses?.includes('verify-artifact@'));
    assert.equal(push?.with?.['signature-format'], 'notation');
    assert.equal(gate?.with?.['notation-trust-policy'], '.notation/trustpolicy.json');
    assert.equal(source?.spec?.url, 'oci://ghcr.io/acme/d2-fleet');
  });

  it("a certificate with the policy's subject from the trusted CA verifies, as Flux and as the gate check; another subject does not", async () => {
    const work = mkdtempSync(join(tmpdir(), 'd2ci-notation-example-'));
    const ca = new TestCa(join(work, 'ca'));
    const root = ca.issue('root', '/C=US/ST=WA/O=Acme/CN=Acme Root CA', 'EC-384', 'v3_root');
    const signerCert = ca.issue('signer', '/C=US/ST=WA/O=Acme/CN=Acme Fleet Signer', 'EC-256', 'v3_leaf', root);
    const stranger = ca.issue('stranger', '/C=US/ST=WA/O=Acme/CN=Acme Intern', 'EC-256', 'v3_leaf', root);
    const policy = readFileSync(join(dir, '.notation/trustpolicy.json'), 'utf8');
    // The gate's store, laid out as the workflow's step writes it; the cluster's, as source-controller reads the Secret.
    mkdirSync(join(work, 'truststore/x509/ca/acme'), { recursive: true });
    writeFileSync(join(work, 'truststore/x509/ca/acme/root.pem'), root.certPem);
    const stores = {
      gate: notationDirectoryTrustStore(join(work, 'truststore')),
      flux: notationFluxTrustStore({ 'acme-root.crt': root.certPem, 'trustpolicy.json': policy }),
    };
    mkdirSync(join(work, 'fleet'));
    writeFileSync(
      join(work, 'fleet/kustomization.yaml'),
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n',
    );
    const signed = async (cert: typeof signerCert): Promise<MemoryStore> => {
      const target = new MemoryStore('ghcr.io/acme/d2-fleet');
      const step = signNotationBeforeTagging(
        target,
        await createNotationKeySigner({ privateKey: cert.keyPem, certificateChain: cert.certPem + root.certPem }),
      );
      await pushArtifact({
        path: join(work, 'fleet'),
        target,
        source: 'https://github.com/acme/d2-fleet',
        revision: 'refs/heads/main@sha1:1',
        diffTag: 'latest',
        beforeTag: step.beforeTag,
      });
      return target;
    };
    const good = await signed(signerCert);
    const bad = await signed(stranger);
    for (const [name, trustStore] of Object.entries(stores)) {
      const accepted = await verifyNotation({
        target: good,
        reference: 'latest',
        repository: 'ghcr.io/acme/d2-fleet',
        trustPolicy: policy,
        trustStore,
      });
      assert.deepEqual([accepted.verified, accepted.reasons], [true, []], name);
      const refused = await verifyNotation({
        target: bad,
        reference: 'latest',
        repository: 'ghcr.io/acme/d2-fleet',
        trustPolicy: policy,
        trustStore,
      });
      assert.equal(refused.verified, false, name);
      assert.match(refused.reasons.join('\n'), /trusted identit/i, name);
    }
  });
});
