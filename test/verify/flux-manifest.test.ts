import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compileIdentityList,
  FluxManifestError,
  parseFluxManifest,
  planFluxVerification,
  readFluxManifest,
  type FluxManifestVerify,
  type GivenMaterial,
} from '@d2ci/core';

const issuer = '^https://token\\.actions\\.githubusercontent\\.com$';
const fleetMain = '^https://github\\.com/controlplaneio-fluxcd/d2-fleet/\\.github/workflows/push-artifact\\.yaml@refs/heads/main$';
const gha = 'https://token.actions.githubusercontent.com';
const pushMain = 'https://github.com/controlplaneio-fluxcd/d2-fleet/.github/workflows/push-artifact.yaml@refs/heads/main';

function fails(fn: () => unknown, code: string, field: string, message: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof FluxManifestError, String(err));
    assert.equal(err.code, code);
    assert.equal(err.field, field);
    assert.match(err.message, message);
    return true;
  });
}

const ociRepository = (name: string, verify: string) => `apiVersion: source.toolkit.fluxcd.io/v1
kind: OCIRepository
metadata:
  name: ${name}
  namespace: flux-system
spec:
  interval: 1m
  url: oci://ghcr.io/acme/${name}
  ref:
    tag: latest
${verify}`;

describe('parseFluxManifest', () => {
  it('reads an OCIRepository verify block among other documents', () => {
    const text = `apiVersion: v1
kind: Namespace
metadata:
  name: flux-system
---
${ociRepository(
  'fleet',
  `  verify:
    provider: cosign
    matchOIDCIdentity:
      - issuer: ${issuer}
        subject: ${fleetMain}
      - issuer: ${issuer}
        subject: '^https://github\\.com/acme/fleet/'
    trustedRootSecretRef:
      name: private-sigstore`,
)}`;
    const got = parseFluxManifest(text, 'fleet.yaml');
    assert.deepEqual(got, {
      provider: 'cosign',
      identities: [
        { issuer, subject: fleetMain },
        { issuer, subject: '^https://github\\.com/acme/fleet/' },
      ],
      trustedRootSecretName: 'private-sigstore',
      file: 'fleet.yaml',
      name: 'fleet',
      namespace: 'flux-system',
      origin: 'OCIRepository flux-system/fleet',
      registry: { registry: 'ghcr.io', plainHttp: false },
    });
    // Key mode and Notation: the Secret named, provider defaulting to cosign.
    assert.deepEqual(parseFluxManifest(ociRepository('keys', '  verify:\n    secretRef:\n      name: cosign-keys'), 'k.yaml'), {
      provider: 'cosign',
      secretName: 'cosign-keys',
      identities: [],
      file: 'k.yaml',
      name: 'keys',
      namespace: 'flux-system',
      origin: 'OCIRepository flux-system/keys',
      registry: { registry: 'ghcr.io', plainHttp: false },
    });
    // spec.insecure: how the cluster reaches the registry, which decides whether Flux 2.8 can fetch bundles.
    const insecure = ociRepository('plain', '  insecure: true\n  verify:\n    secretRef:\n      name: k').replace(
      'oci://ghcr.io/acme/plain',
      'oci://registry.internal:5000/acme/plain',
    );
    assert.deepEqual(parseFluxManifest(insecure, 'p.yaml').registry, { registry: 'registry.internal:5000', plainHttp: true });
    assert.equal(
      parseFluxManifest(ociRepository('n', '  verify:\n    provider: notation\n    secretRef:\n      name: notation-config'), 'n.yaml')
        .provider,
      'notation',
    );
  });

  it('reads the verify block a FluxInstance patches onto its sync OCIRepository (as d2-fleet does)', () => {
    const text = `apiVersion: fluxcd.controlplane.io/v1
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
    url: oci://ghcr.io/controlplaneio-fluxcd/d2-fleet
    ref: latest
    path: clusters/staging
  kustomize:
    patches:
      - target:
          kind: Deployment
        patch: |
          - op: add
            path: /spec/replicas
            value: 2
      - target:
          kind: OCIRepository
          name: flux-system
        patch: |
          - op: add
            path: /spec/verify
            value:
              provider: cosign
              matchOIDCIdentity:
              - issuer: ${issuer}
                subject: ${fleetMain}
`;
    const got = parseFluxManifest(text, 'flux-instance.yaml');
    assert.deepEqual(got, {
      provider: 'cosign',
      identities: [{ issuer, subject: fleetMain }],
      file: 'flux-instance.yaml',
      name: 'flux-system',
      namespace: 'flux-system',
      origin: 'FluxInstance flux (kustomize patch 2)',
    });
    // Element by element, and a strategic merge patch naming its target itself.
    const pieces = text.replace(
      /- op: add\n {12}path: \/spec\/verify\n[\s\S]*$/,
      `- op: add
            path: /spec/verify
            value: {provider: cosign}
          - op: add
            path: /spec/verify/matchOIDCIdentity
            value: []
          - op: add
            path: /spec/verify/matchOIDCIdentity/-
            value: {issuer: a, subject: b}
`,
    );
    assert.deepEqual(parseFluxManifest(pieces, 'f.yaml').identities, [{ issuer: 'a', subject: 'b' }]);
    const strategic = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
patches:
  - patch: |
      apiVersion: source.toolkit.fluxcd.io/v1
      kind: OCIRepository
      metadata:
        name: apps
      spec:
        verify:
          provider: cosign
          secretRef:
            name: keys
`;
    assert.deepEqual(parseFluxManifest(strategic, 'kustomization.yaml'), {
      provider: 'cosign',
      secretName: 'keys',
      identities: [],
      file: 'kustomization.yaml',
      name: 'apps',
      origin: 'kustomization.yaml (unnamed) (kustomize patch 1)',
    });
  });

  it('renders a ResourceSet OCIRepository template with its inputs (as d2-fleet tenants do)', () => {
    const resourceSet = (inputs: string) => `apiVersion: fluxcd.controlplane.io/v1
kind: ResourceSet
metadata:
  name: apps
  namespace: flux-system
spec:
  inputs:
${inputs}
  resources:
    - apiVersion: v1
      kind: Namespace
      metadata:
        name: << inputs.tenant >>
    - apiVersion: source.toolkit.fluxcd.io/v1
      kind: OCIRepository
      metadata:
        name: apps
        namespace: << inputs.tenant >>
      spec:
        url: "oci://ghcr.io/controlplaneio-fluxcd/d2-apps/<< inputs.tenant >>"
        ref:
          tag: << inputs.tag >>
        verify:
          provider: cosign
          matchOIDCIdentity:
          - issuer: ^https://token\\.actions\\.githubusercontent\\.com$
            subject: ^https://github\\.com/controlplaneio-fluxcd/d2-apps/\\.github/workflows/<< inputs.workflow >>\\.yaml@<< inputs.ref >>$
`;
    const two = resourceSet(`    - {tenant: frontend, tag: latest, workflow: push-artifact, ref: refs/heads/main}
    - {tenant: backend, tag: latest, workflow: push-artifact, ref: refs/heads/main}`);
    const subject = '^https://github\\.com/controlplaneio-fluxcd/d2-apps/\\.github/workflows/push-artifact\\.yaml@refs/heads/main$';
    // Tenants that verify alike are one answer; a name picks one all the same.
    assert.deepEqual(parseFluxManifest(two, 'apps.yaml').identities, [{ issuer, subject }]);
    const backend = parseFluxManifest(two, 'apps.yaml', { name: 'backend/apps' });
    assert.equal(backend.namespace, 'backend');
    assert.equal(backend.origin, 'ResourceSet apps (inputs[1])');
    // D2's own inputs are Kustomization postBuild variables: not something d2ci can guess.
    fails(
      () =>
        parseFluxManifest(
          resourceSet('    - {tenant: frontend, tag: "${ARTIFACT_TAG}", workflow: "${ARTIFACT_SUBJECT_WORKFLOW}", ref: refs/heads/main}'),
          'apps.yaml',
        ),
      'FLUX_MANIFEST_UNRESOLVED',
      'manifest',
      /^ResourceSet apps in apps\.yaml: spec\.verify holds \$\{ARTIFACT_SUBJECT_WORKFLOW\}, a Flux postBuild variable: substitute it first/,
    );
    fails(
      () => parseFluxManifest(resourceSet('    - {tenant: frontend}'), 'apps.yaml'),
      'FLUX_MANIFEST_UNRESOLVED',
      'manifest',
      /spec\.verify holds << inputs\.workflow >>, a ResourceSet template/,
    );
  });

  it('needs a name when OCIRepositories verify differently, and lists them', () => {
    const text = [
      ociRepository('fleet', `  verify:\n    matchOIDCIdentity:\n      - {issuer: a, subject: b}`),
      ociRepository('charts', `  verify:\n    matchOIDCIdentity:\n      - {issuer: a, subject: c}`),
      ociRepository('podinfo', ''),
    ].join('\n---\n');
    fails(
      () => parseFluxManifest(text, 'all.yaml'),
      'FLUX_MANIFEST_AMBIGUOUS',
      'name',
      /^all\.yaml has 2 OCIRepositories that verify differently \(flux-system\/fleet, flux-system\/charts\): name one$/,
    );
    assert.equal(parseFluxManifest(text, 'all.yaml', { name: 'charts' }).identities[0]?.subject, 'c');
    assert.equal(parseFluxManifest(text, 'all.yaml', { name: 'flux-system/fleet' }).identities[0]?.subject, 'b');
    fails(
      () => parseFluxManifest(text, 'all.yaml', { name: 'nope' }),
      'FLUX_MANIFEST_NOT_FOUND',
      'name',
      /^no OCIRepository "nope" in all\.yaml; it has flux-system\/fleet, flux-system\/charts, flux-system\/podinfo$/,
    );
    fails(
      () => parseFluxManifest(text, 'all.yaml', { name: 'podinfo' }),
      'FLUX_MANIFEST_NO_VERIFY',
      'name',
      /^flux-system\/podinfo in all\.yaml has no spec\.verify: the cluster does not verify its artifacts$/,
    );
  });

  it('says when there is nothing to verify with, or the block is not what the CRD takes', () => {
    fails(
      () => parseFluxManifest(ociRepository('podinfo', ''), 'p.yaml'),
      'FLUX_MANIFEST_NO_VERIFY',
      'manifest',
      /^flux-system\/podinfo in p\.yaml has no spec\.verify/,
    );
    fails(
      () => parseFluxManifest('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n', 'cm.yaml'),
      'FLUX_MANIFEST_NOT_FOUND',
      'manifest',
      /^cm\.yaml defines no OCIRepository/,
    );
    fails(
      () => parseFluxManifest(ociRepository('x', '  verify:\n    provider: sigstore'), 'x.yaml'),
      'FLUX_MANIFEST_INVALID',
      'manifest',
      /^OCIRepository flux-system\/x in x\.yaml: spec\.verify\.provider is "sigstore", not cosign or notation$/,
    );
    fails(
      () => parseFluxManifest(ociRepository('x', '  verify:\n    matchOIDCIdentity:\n      - subject: b'), 'x.yaml'),
      'FLUX_MANIFEST_INVALID',
      'manifest',
      /matchOIDCIdentity\[0\] needs both issuer and subject$/,
    );
  });

  it('names the file and line of malformed YAML', async () => {
    fails(
      () => parseFluxManifest('kind: OCIRepository\nspec:\n  verify: [\n', 'broken.yaml'),
      'FLUX_MANIFEST_YAML',
      'manifest',
      /^broken\.yaml:\d+ is not valid YAML: /,
    );
    const dir = mkdtempSync(join(tmpdir(), 'd2ci-flux-manifest-'));
    writeFileSync(join(dir, 'bad.yaml'), 'a: b\n  c: d\n');
    await assert.rejects(
      readFluxManifest(join(dir, 'bad.yaml')),
      (err: unknown) =>
        err instanceof FluxManifestError && err.code === 'FLUX_MANIFEST_YAML' && err.message.startsWith(`${join(dir, 'bad.yaml')}:`),
    );
    await assert.rejects(
      readFluxManifest(join(dir, 'missing.yaml')),
      (err: unknown) =>
        err instanceof FluxManifestError &&
        err.code === 'FLUX_MANIFEST_UNREADABLE' &&
        err.message === `cannot read ${join(dir, 'missing.yaml')}: ENOENT`,
    );
  });
});

describe('planFluxVerification', () => {
  const none: GivenMaterial = { key: false, identity: false, trustedRoot: false, notation: false };
  const keyless: FluxManifestVerify = {
    provider: 'cosign',
    identities: [
      { issuer, subject: fleetMain },
      { issuer, subject: '^https://github\\.com/acme/' },
    ],
    file: 'f.yaml',
    name: 'fleet',
    origin: 'OCIRepository flux-system/fleet',
  };

  it('turns matchOIDCIdentity into a policy any entry satisfies, and counts the entries', () => {
    const plan = planFluxVerification(keyless, none);
    assert.ok(plan.provider === 'cosign' && plan.kind === 'keyless' && plan.policy);
    assert.equal(plan.identities, 2);
    assert.equal(plan.policy.mismatch({ identity: pushMain, issuer: gha }), undefined);
    assert.equal(plan.policy.mismatch({ identity: 'https://github.com/acme/x', issuer: gha }), undefined);
    assert.match(
      plan.policy.mismatch({ identity: 'https://github.com/other/x', issuer: gha }) ?? '',
      /^signed by https:\/\/github\.com\/other\/x, issued by https:\/\/token\.actions\.githubusercontent\.com, expected any of 2: /,
    );
    // Subject AND issuer of the same entry.
    assert.ok(plan.policy.mismatch({ identity: pushMain, issuer: 'https://accounts.google.com' }));
  });

  it('refuses what the manifest already decides, and asks for the Secrets it names', () => {
    fails(
      () => planFluxVerification(keyless, { ...none, identity: true }),
      'FLUX_MANIFEST_CONFLICT',
      'identity',
      /^conflicts with the flux manifest: OCIRepository flux-system\/fleet in f\.yaml already gives verify\.matchOIDCIdentity \(2 entries\)$/,
    );
    fails(() => planFluxVerification(keyless, { ...none, key: true }), 'FLUX_MANIFEST_CONFLICT', 'key', /verifies keylessly/);
    fails(
      () => planFluxVerification({ ...keyless, trustedRootSecretName: 'root' }, none),
      'FLUX_MANIFEST_MATERIAL',
      'trustedRoot',
      /^is required: verify\.trustedRootSecretRef root .* holds the trusted_root\.json/,
    );
    const keys: FluxManifestVerify = { ...keyless, identities: [], secretName: 'cosign-keys' };
    fails(
      () => planFluxVerification(keys, none),
      'FLUX_MANIFEST_MATERIAL',
      'key',
      /^is required: verify\.secretRef cosign-keys \(OCIRepository flux-system\/fleet in f\.yaml\) holds the public keys the cluster verifies with; pass its \*\.pub keys$/,
    );
    assert.deepEqual(planFluxVerification(keys, { ...none, key: true }), { provider: 'cosign', kind: 'key' });
    const notation: FluxManifestVerify = { ...keys, provider: 'notation', secretName: 'notation-config' };
    fails(
      () => planFluxVerification(notation, none),
      'FLUX_MANIFEST_MATERIAL',
      'notation',
      /verify\.secretRef notation-config holds the trustpolicy\.json and CA certificates; pass the trust policy and the trust store$/,
    );
    fails(
      () => planFluxVerification(notation, { ...none, notation: true, key: true }),
      'FLUX_MANIFEST_CONFLICT',
      'key',
      /verifies with Notation/,
    );
    assert.deepEqual(planFluxVerification(notation, { ...none, notation: true }), { provider: 'notation' });
    fails(
      () => planFluxVerification({ ...keyless, identities: [{ issuer, subject: '(?=lookahead)' }] }, none),
      'FLUX_MANIFEST_INVALID',
      'manifest',
      /spec\.verify\.matchOIDCIdentity\[0\]\.subject "\(\?=lookahead\)" is not a valid regular expression in Go's RE2 syntax/,
    );
  });

  it('compileIdentityList needs an entry', () => {
    assert.throws(() => compileIdentityList([]), /has no entries/);
  });
});
