import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startSigstore, githubClaims, type LocalSigstore } from '../harness/sigstore.ts';
import { runAction, type ActionRun } from '../harness/action.ts';
import { d2ci } from '../harness/cli.ts';
import { makeWorkspace } from '../harness/workspace.ts';

// A D2 fleet moves its signer from its own push workflow to a platform team's reusable workflow. Its clusters'
// verify block ships inside the fleet artifact (the FluxInstance patch), so the clusters learn the new identity
// only from an artifact the OLD identity signed. The gate: before a new signer's artifact is tagged, check it
// against the verify block inside the artifact the clusters run now (`flux-manifest-from: latest`).
const oldWorkflow = 'acme/fleet/.github/workflows/push-artifact.yaml@refs/heads/main';
const newWorkflow = 'acme/platform-workflows/.github/workflows/d2-push.yaml@refs/heads/main';
const instancePath = 'clusters/staging/flux-system/flux-instance.yaml';

function fluxInstance(subject: string): string {
  return `apiVersion: fluxcd.controlplane.io/v1
kind: FluxInstance
metadata:
  name: flux
  namespace: flux-system
spec:
  distribution:
    version: "2.x"
    registry: ghcr.io/fluxcd
  sync:
    kind: OCIRepository
    url: oci://ghcr.io/acme/fleet
    ref: latest
    path: clusters/staging
  kustomize:
    patches:
      - target:
          kind: OCIRepository
          name: flux-system
        patch: |
          - op: add
            path: /spec/verify
            value:
              provider: cosign
              matchOIDCIdentity:
              - issuer: ^https://token\\.actions\\.githubusercontent\\.com$
                subject: ${subject}
`;
}
const oldOnly = '^https://github\\.com/acme/fleet/\\.github/workflows/push-artifact\\.yaml@refs/heads/main$';
// Phase 1 widens with ONE entry whose pattern accepts both: Flux 2.8+ verifies bundles with one entry only.
const widened =
  '^https://github\\.com/acme/(fleet/\\.github/workflows/push-artifact|platform-workflows/\\.github/workflows/d2-push)\\.yaml@refs/heads/main$';

function ok(run: ActionRun): void {
  assert.equal(run.code, 0, `action failed:\n${run.stdout}\n${run.stderr}`);
}

describe('identity transition: verify a new signer against the verify block the clusters run now', () => {
  let registry: LocalRegistry;
  let sigstore: LocalSigstore;
  let workspace: string;
  let repository: string;
  let candidate: string;
  before(async () => {
    [registry, sigstore] = await Promise.all([startRegistry('none'), startSigstore()]);
    workspace = makeWorkspace({ [instancePath]: fluxInstance(oldOnly), 'clusters/staging/tenants.yaml': 'kind: ConfigMap\n' });
    repository = `${registry.host}/acme/fleet`;
  });
  after(() => Promise.all([registry.stop(), sigstore.close()]));

  async function push(workflow: string, inputs: Record<string, string>): Promise<string> {
    sigstore.claims = githubClaims({ job_workflow_ref: workflow });
    const run = await runAction(
      'push-artifact',
      { repository, path: '.', 'signature-format': 'both', 'fulcio-url': sigstore.url, 'rekor-url': sigstore.url, ...inputs },
      { GITHUB_WORKSPACE: workspace, ...sigstore.oidcEnv },
    );
    ok(run);
    return run.outputs.digest ?? '';
  }
  const gate = (digest: string, extra: Record<string, string> = {}) =>
    runAction(
      'verify-artifact',
      {
        url: `oci://${repository}@${digest}`,
        'flux-manifest': instancePath,
        'flux-manifest-from': 'latest',
        'trusted-root': sigstore.trustedRootFile,
        ...extra,
      },
      { GITHUB_WORKSPACE: workspace },
    );

  it('refuses the new signer while the deployed verify block names only the old one (the trial’s failing case)', async () => {
    await push(oldWorkflow, { 'diff-tag': 'latest' });
    // The new signer's first artifact, tagged aside (not latest) until the gate passes.
    writeFileSync(join(workspace, 'clusters/staging/tenants.yaml'), 'kind: ConfigMap\nmetadata:\n  name: changed\n');
    candidate = await push(newWorkflow, { tags: 'candidate' });
    const refused = await gate(candidate);
    assert.equal(refused.code, 1);
    assert.equal(refused.outputs.verified, 'false');
    assert.match(
      refused.stdout + refused.stderr,
      /signed by https:\/\/github\.com\/acme\/platform-workflows\/.*expected identity matching/,
    );
    assert.match(refused.summary, new RegExp(`${instancePath.replace(/\./g, '\\.')} in the artifact at latest`));
  });

  it('accepts it once the old signer delivered the widened verify block (one entry, so Flux 2.8+ takes it)', async () => {
    writeFileSync(join(workspace, instancePath), fluxInstance(widened));
    await push(oldWorkflow, { 'diff-tag': 'latest' });
    const accepted = await gate(candidate);
    ok(accepted);
    assert.equal(accepted.outputs.verified, 'true');
    assert.equal(accepted.outputs.identity, `https://github.com/${newWorkflow}`);
    const verdicts = JSON.parse(accepted.outputs.flux ?? '[]') as { version: string; accepted: boolean }[];
    assert.deepEqual(
      verdicts.map((v) => [v.version, v.accepted]),
      ['2.6', '2.7', '2.8', '2.9'].map((v) => [v, true]),
    );
    // The CLI asks the same question.
    const cli = await d2ci([
      'verify',
      `oci://${repository}@${candidate}`,
      '--flux-manifest',
      instancePath,
      '--flux-manifest-from',
      'latest',
      '--trusted-root',
      sigstore.trustedRootFile,
      '--insecure-registry',
      '-o',
      'json',
    ]);
    assert.equal(cli.code, 0, cli.stderr);
    assert.equal((JSON.parse(cli.stdout) as { verified: boolean }).verified, true);
  });

  it('a list of identities accepts either signer, and the Flux verdict says 2.8+ takes one entry with bundles', async () => {
    const list = `https://github.com/${oldWorkflow}\nhttps://github.com/${newWorkflow}`;
    const cosignOnly = await runAction(
      'verify-artifact',
      {
        url: `oci://${repository}@${candidate}`,
        'certificate-identity': list,
        'trusted-root': sigstore.trustedRootFile,
        'flux-version': 'none',
      },
      { GITHUB_WORKSPACE: workspace },
    );
    ok(cosignOnly);
    assert.equal(cosignOnly.outputs.identity, `https://github.com/${newWorkflow}`);
    const everyFlux = await runAction(
      'verify-artifact',
      { url: `oci://${repository}@${candidate}`, 'certificate-identity': list, 'trusted-root': sigstore.trustedRootFile },
      { GITHUB_WORKSPACE: workspace },
    );
    assert.equal(everyFlux.code, 1);
    const verdicts = JSON.parse(everyFlux.outputs.flux ?? '[]') as { version: string; accepted: boolean; reason?: string }[];
    assert.deepEqual(
      verdicts.map((v) => [v.version, v.accepted]),
      [
        ['2.6', true],
        ['2.7', true],
        ['2.8', false],
        ['2.9', false],
      ],
    );
    assert.match(verdicts[2]?.reason ?? '', /one matchOIDCIdentity entry only .*policy has 2: give the cluster one entry/);
    // The CLI takes the list as repeated flags.
    const args = (...identities: string[]) => [
      'verify',
      `oci://${repository}@${candidate}`,
      ...identities.flatMap((identity) => ['--certificate-identity', identity]),
      '--trusted-root',
      sigstore.trustedRootFile,
      '--flux-version',
      'none',
      '--insecure-registry',
      '-o',
      'json',
    ];
    const either = await d2ci(args(`https://github.com/${oldWorkflow}`, `https://github.com/${newWorkflow}`));
    assert.equal(either.code, 0, either.stderr);
    assert.equal((JSON.parse(either.stdout) as { identity: string }).identity, `https://github.com/${newWorkflow}`);
    const oldOnlyCli = await d2ci(args(`https://github.com/${oldWorkflow}`));
    assert.equal(oldOnlyCli.code, 1, 'the old identity alone does not accept the new signer');
  });

  it('refuses a path outside the artifact, a missing file and a missing flux-manifest, naming the input', async () => {
    const escape = await gate(candidate, { 'flux-manifest': '../etc/passwd' });
    assert.equal(escape.code, 1);
    assert.match(escape.errors[0] ?? '', /^input `flux-manifest`: .*not a path inside the artifact/);
    const missing = await gate(candidate, { 'flux-manifest': 'clusters/prod/flux-instance.yaml' });
    assert.equal(missing.code, 1);
    assert.match(
      missing.errors[0] ?? '',
      /^input `flux-manifest`: .*cannot read clusters\/prod\/flux-instance\.yaml in the artifact at latest/,
    );
    const without = await gate(candidate, { 'flux-manifest': '' });
    assert.equal(without.code, 1);
    assert.match(without.errors[0] ?? '', /^input `flux-manifest-from`: needs `flux-manifest`/);
  });
});
