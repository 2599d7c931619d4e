import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startSigstore, type LocalSigstore } from '../harness/sigstore.ts';
import { runAction, type ActionRun } from '../harness/action.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';

// The cluster's OCIRepository with two matchOIDCIdentity entries (staging and release workflows), as a D2 fleet
// that accepts both would write it; the private Sigstore's root comes from a Secret (Flux 2.9).
const manifest = `apiVersion: source.toolkit.fluxcd.io/v1
kind: OCIRepository
metadata:
  name: flux-system
  namespace: flux-system
spec:
  url: oci://ghcr.io/acme/fleet
  ref:
    tag: latest
  verify:
    provider: cosign
    matchOIDCIdentity:
      - issuer: ^https://token\\.actions\\.githubusercontent\\.com$
        subject: ^https://github\\.com/acme/fleet/\\.github/workflows/push-artifact\\.yaml@refs/heads/main$
      - issuer: ^https://token\\.actions\\.githubusercontent\\.com$
        subject: ^https://github\\.com/acme/fleet/\\.github/workflows/release-artifact\\.yaml@refs/tags/v\\d+\\.\\d+\\.\\d+$
    trustedRootSecretRef:
      name: sigstore-root
`;

function ok(run: ActionRun): void {
  assert.equal(run.code, 0, `action failed:\n${run.stdout}\n${run.stderr}`);
}

interface Verdict {
  version: string;
  accepted: boolean;
  reads: string;
  reason?: string;
}

describe('verify-artifact flux-version and flux-manifest: will my cluster accept it?', () => {
  let registry: LocalRegistry;
  let sigstore: LocalSigstore;
  let workspace: string;
  before(async () => {
    [registry, sigstore] = await Promise.all([startRegistry('none'), startSigstore()]);
    workspace = makeWorkspace(componentFiles);
    writeFileSync(join(workspace, 'cluster.yaml'), manifest);
  });
  after(() => Promise.all([registry.stop(), sigstore.close()]));

  async function pushSigned(name: string, format: string): Promise<string> {
    const repository = `${registry.host}/acme/${name}`;
    ok(
      await runAction(
        'push-artifact',
        { repository, path: 'components/frontend', 'signature-format': format, 'fulcio-url': sigstore.url, 'rekor-url': sigstore.url },
        { GITHUB_WORKSPACE: workspace, ...sigstore.oidcEnv },
      ),
    );
    return repository;
  }

  it('accepts a legacy signature on Flux 2.6–2.9 with both entries, and tables the verdicts', async () => {
    const repository = await pushSigned('legacy', 'legacy');
    const verified = await runAction(
      'verify-artifact',
      { repository, 'flux-manifest': 'cluster.yaml', 'trusted-root': sigstore.trustedRootFile },
      { GITHUB_WORKSPACE: workspace },
    );
    ok(verified);
    assert.deepEqual(
      JSON.parse(verified.outputs.flux ?? '') as Verdict[],
      ['2.6', '2.7', '2.8', '2.9'].map((version) => ({ version, accepted: true, reads: 'legacy' })),
    );
    assert.match(
      verified.summary,
      /^Policy: any of 2: .* \(from OCIRepository flux-system\/flux-system in `cluster\.yaml`\)\. 1 signature\(s\) examined\.$/m,
    );
    assert.match(verified.summary, /^\| 2\.8 \| legacy `\.sig` \| ✅ accepts \|$/m);
  });

  it('rejects a bundle-only signature, saying why per version', async () => {
    const repository = await pushSigned('bundle', 'bundle');
    const rejected = await runAction(
      'verify-artifact',
      { repository, 'flux-manifest': 'cluster.yaml', 'trusted-root': sigstore.trustedRootFile },
      { GITHUB_WORKSPACE: workspace },
    );
    assert.equal(rejected.code, 1);
    assert.equal(rejected.outputs.verified, 'false');
    const flux = JSON.parse(rejected.outputs.flux ?? '') as Verdict[];
    assert.deepEqual(
      flux.map((v) => [v.version, v.accepted, v.reads]),
      [
        ['2.6', false, 'legacy'],
        ['2.7', false, 'legacy'],
        ['2.8', false, 'bundles'],
        ['2.9', false, 'bundles'],
      ],
    );
    assert.match(
      rejected.summary,
      /^\| 2\.9 \| Sigstore bundles \| ❌ rejects: it verifies bundles with one matchOIDCIdentity entry only \("unsupported: multiple identities"\), and the policy has 2: give the cluster one entry whose subject pattern accepts them all, e.g. \^\(A\\\|B\)\$ \|$/m,
    );
    assert.match(
      rejected.summary,
      /^\| 2\.6 \| legacy `\.sig` \| ❌ rejects: it reads only the legacy \.sig signature, and there is none \|$/m,
    );
    // One Flux version, one input: 2.8 with the staging entry only takes the bundle.
    writeFileSync(join(workspace, 'one.yaml'), manifest.replace(/ {6}- issuer: [^\n]*\n {8}subject: [^\n]*release-artifact[^\n]*\n/, ''));
    const one = await runAction(
      'verify-artifact',
      { repository, 'flux-manifest': 'one.yaml', 'flux-version': '2.8', 'trusted-root': sigstore.trustedRootFile },
      { GITHUB_WORKSPACE: workspace },
    );
    ok(one);
    assert.deepEqual(JSON.parse(one.outputs.flux ?? '') as Verdict[], [{ version: '2.8', accepted: true, reads: 'bundles' }]);
  });

  it('refuses inputs the manifest already decides, in one line naming the input', async () => {
    const repository = `${registry.host}/acme/legacy`;
    const both = await runAction(
      'verify-artifact',
      { repository, 'flux-manifest': 'cluster.yaml', 'certificate-identity-regexp': '.', 'trusted-root': sigstore.trustedRootFile },
      { GITHUB_WORKSPACE: workspace },
    );
    assert.equal(both.code, 1);
    assert.deepEqual(both.errors, [
      'input `certificate-identity-regexp`: conflicts with the flux manifest: OCIRepository flux-system/flux-system in cluster.yaml already gives verify.matchOIDCIdentity (2 entries)',
    ]);
    const noRoot = await runAction('verify-artifact', { repository, 'flux-manifest': 'cluster.yaml' }, { GITHUB_WORKSPACE: workspace });
    assert.deepEqual(noRoot.errors, [
      'input `trusted-root`: is required: verify.trustedRootSecretRef sigstore-root (OCIRepository flux-system/flux-system in cluster.yaml) holds the trusted_root.json the cluster verifies with; pass it',
    ]);
    const missing = await runAction('verify-artifact', { repository, 'flux-manifest': 'nope.yaml' }, { GITHUB_WORKSPACE: workspace });
    assert.deepEqual(missing.errors, ['input `flux-manifest`: cannot read nope.yaml: ENOENT']);
    const version = await runAction(
      'verify-artifact',
      { repository, 'flux-version': '2.5', 'certificate-identity-regexp': '.', 'trusted-root': sigstore.trustedRootFile },
      { GITHUB_WORKSPACE: workspace },
    );
    assert.deepEqual(version.errors, ['input `flux-version`: flux version "2.5" is not one of 2.6, 2.7, 2.8, 2.9 or all, or none']);
  });
});
