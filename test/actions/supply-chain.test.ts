import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegistryClient, attestDocument, fetchReferrerContent, githubActionsIdentity, predicateTypes, type Descriptor } from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startSigstore, githubClaims, type LocalSigstore } from '../harness/sigstore.ts';
import { runAction, type ActionRun } from '../harness/action.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';
import { TestCa } from '../harness/ca.ts';
import { skopeo } from '../harness/exec.ts';

function ok(run: ActionRun): void {
  assert.equal(run.code, 0, `action failed:\n${run.stdout}\n${run.stderr}`);
}

const pushWorkflow = 'https://github.com/acme/fleet/.github/workflows/push-artifact.yaml@refs/heads/main';

const openvex = JSON.stringify({
  '@context': 'https://openvex.dev/ns/v0.2.0',
  '@id': 'https://example.com/vex/1',
  author: 'acme',
  timestamp: '2026-11-01T00:00:00Z',
  version: 1,
  statements: [
    {
      vulnerability: { name: 'CVE-2026-0001' },
      products: [{ '@id': 'pkg:oci/podinfo' }],
      status: 'not_affected',
      justification: 'vulnerable_code_not_in_execute_path',
    },
  ],
});
const spdx = JSON.stringify({
  spdxVersion: 'SPDX-2.3',
  dataLicense: 'CC0-1.0',
  SPDXID: 'SPDXRef-DOCUMENT',
  name: 'hand-made',
  documentNamespace: 'https://example.com/spdx/1',
  creationInfo: { created: '2026-11-01T00:00:00Z', creators: ['Tool: hand'] },
  packages: [],
});

describe('supply-chain metadata through the actions: SBOM/VEX referrers, attestations, Notation', () => {
  let registry: LocalRegistry;
  let sigstore: LocalSigstore;
  before(async () => {
    [registry, sigstore] = await Promise.all([startRegistry('none'), startSigstore()]);
  });
  after(() => Promise.all([registry.stop(), sigstore.close()]));

  const sigstoreInputs = () => ({ 'fulcio-url': sigstore.url, 'rekor-url': sigstore.url });
  const referrersOf = async (repository: string, digest: string): Promise<Descriptor[]> =>
    new RegistryClient()
      .repository({ registry: registry.host, repository })
      .referrers({ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: 0 });

  it("attaches a generated SBOM and user documents as referrers, attests them with the signature's certificate, and verify-artifact requires them", async () => {
    const ws = makeWorkspace({ ...componentFiles, 'vex.json': openvex, 'sbom.spdx.json': spdx });
    const repository = `${registry.host}/acme/documents`;
    sigstore.claims = githubClaims();
    sigstore.requests.length = 0;
    const run = await runAction(
      'push-artifact',
      {
        repository,
        path: 'components/frontend',
        'diff-tag': 'latest',
        sbom: 'cyclonedx',
        attach: 'vex.json\nsbom.spdx.json',
        attest: 'true',
        ...sigstoreInputs(),
      },
      { GITHUB_WORKSPACE: ws, ...sigstore.oidcEnv },
    );
    ok(run);
    const digest = run.outputs.digest ?? '';
    const attached = JSON.parse(run.outputs.referrers ?? '[]') as {
      format: string;
      mediaType: string;
      source: string;
      digest: string;
      attestation: string;
    }[];
    assert.deepEqual(
      attached.map((a) => [a.format, a.mediaType, a.source]),
      [
        ['cyclonedx', 'application/vnd.cyclonedx+json', 'generated'],
        ['openvex', 'application/openvex+json', 'vex.json'],
        ['spdx', 'application/spdx+json', 'sbom.spdx.json'],
      ],
    );
    assert.ok(attached.every((a) => /^sha256:/.test(a.attestation)));
    assert.equal(
      sigstore.requests.filter((r) => r === 'POST /api/v2/signingCert').length,
      1,
      'one certificate for the signature and the three attestations',
    );

    // In the registry (no referrers API here: the sha256-<hex> tag schema), readable by a second implementation.
    const referrers = await referrersOf('acme/documents', digest);
    assert.deepEqual(
      referrers.map((r) => r.artifactType).sort(),
      [
        'application/openvex+json',
        'application/spdx+json',
        'application/vnd.cyclonedx+json',
        ...Array<string>(3).fill('application/vnd.dev.sigstore.bundle.v0.3+json'),
      ].sort(),
    );
    const index = JSON.parse(
      (await skopeo(['inspect', '--raw', '--tls-verify=false', `docker://${repository}:${digest.replace(':', '-')}`])).toString('utf8'),
    ) as { manifests: unknown[] };
    assert.equal(index.manifests.length, 6);
    const repo = new RegistryClient().repository({ registry: registry.host, repository: 'acme/documents' });
    const sbom = JSON.parse(
      (
        await fetchReferrerContent(repo, referrers.find((r) => r.artifactType === 'application/vnd.cyclonedx+json') as Descriptor)
      ).content.toString('utf8'),
    ) as { bomFormat: string; metadata: { component: { version: string } }; components: { purl: string }[] };
    assert.equal(sbom.bomFormat, 'CycloneDX');
    assert.match(JSON.stringify(sbom.metadata.component), new RegExp(digest.replace(':', '[:%3A]+')));
    assert.ok(
      sbom.components.some((c) => c.purl.startsWith('pkg:oci/podinfo')),
      'the podinfo chart the component deploys',
    );

    const verify = (inputs: Record<string, string>) =>
      runAction(
        'verify-artifact',
        { repository, ref: 'latest', 'certificate-identity': pushWorkflow, 'trusted-root': sigstore.trustedRootFile, ...inputs },
        { GITHUB_WORKSPACE: ws },
      );
    const required = await verify({ 'require-attestations': 'cyclonedx, openvex, spdx' });
    ok(required);
    assert.deepEqual(
      (JSON.parse(required.outputs.attestations ?? '[]') as { predicateType: string; verified: boolean }[]).map((a) => [
        a.predicateType,
        a.verified,
      ]),
      [
        [predicateTypes.cyclonedx, true],
        [predicateTypes.openvex, true],
        [predicateTypes.spdx, true],
      ],
    );
    assert.deepEqual(required.outputs.verified, 'true');
    const missing = await verify({ 'require-attestations': 'spdx,https://slsa.dev/provenance/v1' });
    assert.equal(missing.code, 1);
    assert.match(missing.errors[0] ?? '', /no https:\/\/slsa\.dev\/provenance\/v1 attestation is attached to sha256:/);
    const otherSigner = await verify({
      'certificate-identity': 'https://github.com/acme/other/.github/workflows/x.yaml@refs/heads/main',
      'require-attestations': 'openvex',
    });
    assert.equal(otherSigner.code, 1);
    assert.match(
      otherSigner.errors[0] ?? '',
      /no https:\/\/openvex\.dev\/ns attestation verifies: signed by https:\/\/github\.com\/acme\/fleet\//,
    );
    const bad = await verify({ 'require-attestations': 'sbom' });
    assert.match(bad.errors[0] ?? '', /^input `require-attestations`: "sbom" is not spdx, cyclonedx, openvex or a predicate type URI$/);
  });

  it('Flux 2.8+: an attestation by another identity neither breaks a bundle signature nor goes unnoticed next to a legacy one', async () => {
    const ws = makeWorkspace(componentFiles);
    const foreign = async (repository: string, digest: string): Promise<void> => {
      // What e.g. another pipeline's attest step would attach: signed by a workflow of another repository.
      const env = { ...sigstore.oidcEnv };
      sigstore.claims = githubClaims({
        repository: 'acme/scanner',
        job_workflow_ref: 'acme/scanner/.github/workflows/scan.yaml@refs/heads/main',
      });
      const repo = new RegistryClient().repository({ registry: registry.host, repository });
      await attestDocument(
        repo,
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: (await repo.resolve(digest)).size },
        {
          identity: {
            kind: 'keyless',
            identity: githubActionsIdentity('sigstore', { env }),
            fulcioUrl: sigstore.url,
            rekorUrl: sigstore.url,
          },
          predicateType: predicateTypes.openvex,
          predicate: JSON.parse(openvex),
        },
      );
      sigstore.claims = githubClaims();
    };
    const verify = (repository: string, fluxVersion = 'all') =>
      runAction(
        'verify-artifact',
        {
          repository,
          ref: 'latest',
          'certificate-identity': pushWorkflow,
          'trusted-root': sigstore.trustedRootFile,
          'flux-version': fluxVersion,
        },
        { GITHUB_WORKSPACE: ws },
      );

    sigstore.claims = githubClaims();
    const both = await runAction(
      'push-artifact',
      { repository: `${registry.host}/acme/flux28-both`, path: 'components/frontend', 'signature-format': 'both', ...sigstoreInputs() },
      { GITHUB_WORKSPACE: ws, ...sigstore.oidcEnv },
    );
    ok(both);
    await foreign('acme/flux28-both', both.outputs.digest ?? '');
    const withBundle = await verify(`${registry.host}/acme/flux28-both`);
    ok(withBundle);
    assert.equal(withBundle.outputs.format, 'bundle');
    assert.doesNotMatch(
      withBundle.stdout,
      /::warning::/,
      'a verifying bundle exists, so Flux 2.8+ accepts the artifact: nothing to warn about',
    );

    const legacy = await runAction(
      'push-artifact',
      { repository: `${registry.host}/acme/flux28-legacy`, path: 'components/frontend', ...sigstoreInputs() },
      { GITHUB_WORKSPACE: ws, ...sigstore.oidcEnv },
    );
    ok(legacy);
    await foreign('acme/flux28-legacy', legacy.outputs.digest ?? '');
    // By default (every Flux version) the gate fails: Flux 2.8+ would read only the foreign bundle.
    const rejected = await verify(`${registry.host}/acme/flux28-legacy`);
    assert.equal(rejected.code, 1);
    assert.match(rejected.stdout, /Flux 2\.8 and 2\.9 would reject it: it reads only the Sigstore bundles once any is attached/);
    // With cosign's rules only, it verifies and warns.
    const legacyOnly = await verify(`${registry.host}/acme/flux28-legacy`, 'none');
    ok(legacyOnly);
    assert.equal(legacyOnly.outputs.format, 'legacy');
    assert.match(
      legacyOnly.stdout,
      /::warning::a Sigstore bundle referrer is attached but does not verify: Flux 2\.8\+ checks only bundles when any exist, so it would reject this artifact/,
    );

    // The remedy: attest with the workflow's own identity; that bundle satisfies Flux 2.8+ by itself.
    const attested = await runAction(
      'push-artifact',
      {
        repository: `${registry.host}/acme/flux28-legacy`,
        path: 'components/frontend',
        sbom: 'spdx',
        attest: 'true',
        reproducible: 'true',
        ...sigstoreInputs(),
      },
      { GITHUB_WORKSPACE: ws, ...sigstore.oidcEnv },
    );
    ok(attested);
    await foreign(`acme/flux28-legacy`, attested.outputs.digest ?? '');
    const fixed = await verify(`${registry.host}/acme/flux28-legacy`);
    ok(fixed);
    assert.equal(fixed.outputs.format, 'bundle');
    assert.doesNotMatch(fixed.stdout, /::warning::/);
  });

  it('with components, each component gets the SBOM of what it deploys, attested by the one certificate', async () => {
    const ws = makeWorkspace({
      ...componentFiles,
      'components/backend/base/kustomization.yaml':
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - redis.yaml\nimages:\n  - name: redis\n    newTag: 7.4.1\n',
      'components/backend/base/redis.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: redis\nspec:\n  template:\n    spec:\n      containers:\n        - name: redis\n          image: docker.io/library/redis@sha256:' +
        'a'.repeat(64) +
        '\n',
    });
    const repository = `${registry.host}/acme/apps`;
    sigstore.claims = githubClaims();
    sigstore.requests.length = 0;
    const run = await runAction(
      'push-artifact',
      { repository, components: 'components/*', 'diff-tag': 'latest', sbom: 'spdx', attest: 'true', ...sigstoreInputs() },
      { GITHUB_WORKSPACE: ws, ...sigstore.oidcEnv },
    );
    ok(run);
    assert.equal(sigstore.requests.filter((r) => r === 'POST /api/v2/signingCert').length, 1);
    const report = JSON.parse(run.outputs.components ?? '[]') as {
      name: string;
      digest: string;
      referrers: { format: string; digest: string; attestation: string }[];
    }[];
    assert.deepEqual(
      report.map((r) => [r.name, r.referrers.map((a) => a.format), r.referrers.every((a) => /^sha256:/.test(a.attestation))]),
      [
        ['backend', ['spdx'], true],
        ['frontend', ['spdx'], true],
      ],
    );
    const packages: Record<string, string[]> = {};
    for (const component of report) {
      const repo = new RegistryClient().repository({ registry: registry.host, repository: `acme/apps/${component.name}` });
      const referrers = await referrersOf(`acme/apps/${component.name}`, component.digest);
      const document = referrers.find((r) => r.artifactType === 'application/spdx+json') as Descriptor;
      const spdxDoc = JSON.parse((await fetchReferrerContent(repo, document)).content.toString('utf8')) as {
        packages: { name: string; externalRefs?: { referenceLocator: string }[] }[];
      };
      packages[component.name] = spdxDoc.packages
        .flatMap((p) => (p.externalRefs ?? []).map((r) => r.referenceLocator))
        .filter((l) => l.startsWith('pkg:oci/'))
        .sort();
    }
    assert.ok(
      packages.backend?.some((purl) => purl.startsWith('pkg:oci/redis@sha256:' + 'a'.repeat(64))),
      JSON.stringify(packages.backend),
    );
    assert.ok(!packages.backend?.some((purl) => purl.includes('podinfo')), 'the backend SBOM lists only what the backend deploys');
    assert.ok(
      packages.frontend?.some((purl) => purl.startsWith('pkg:oci/podinfo')),
      JSON.stringify(packages.frontend),
    );
    const gate = await runAction(
      'verify-artifact',
      {
        repository: `${repository}/backend`,
        ref: 'latest',
        'certificate-identity': pushWorkflow,
        'trusted-root': sigstore.trustedRootFile,
        'require-attestations': 'spdx',
      },
      { GITHUB_WORKSPACE: ws },
    );
    ok(gate);
    writeFileSync(join(ws, 'vex.json'), openvex);
    const files = await runAction(
      'push-artifact',
      { repository, components: 'components/*', attach: 'vex.json', ...sigstoreInputs() },
      { GITHUB_WORKSPACE: ws, ...sigstore.oidcEnv },
    );
    assert.match(files.errors[0] ?? '', /^input `attach`: goes with `path`/);
  });

  it('signs with signature-format: notation and verifies with a Notation trust policy and trust store', async () => {
    const caDir = mkdtempSync(join(tmpdir(), 'd2ci-ca-'));
    const ca = new TestCa(caDir);
    const root = ca.issue('root', '/C=US/O=Acme/CN=Acme Root', 'EC-384', 'v3_root');
    const leaf = ca.issue('leaf', '/C=US/ST=WA/O=Acme/CN=Acme Release Signer', 'EC-256', 'v3_leaf', root);
    const rogueRoot = ca.issue('rogue-root', '/C=US/O=Mallory/CN=Mallory Root', 'EC-256', 'v3_root');
    const rogue = ca.issue('rogue', '/C=US/ST=WA/O=Acme/CN=Acme Release Signer', 'EC-256', 'v3_leaf', rogueRoot);
    const ws = makeWorkspace({ ...componentFiles, 'notation/trustpolicy.json': '' });
    const store = join(ws, 'notation/truststore/x509/ca/acme');
    mkdirSync(store, { recursive: true });
    writeFileSync(join(store, 'root.pem'), root.certPem);
    const repository = `${registry.host}/acme/notary`;
    writeFileSync(
      join(ws, 'notation/trustpolicy.json'),
      JSON.stringify({
        version: '1.0',
        trustPolicies: [
          {
            name: 'acme',
            registryScopes: [repository],
            signatureVerification: { level: 'strict' },
            trustStores: ['ca:acme'],
            trustedIdentities: ['x509.subject: C=US, ST=WA, O=Acme, CN=Acme Release Signer'],
          },
        ],
      }),
    );

    const pushed = await runAction(
      'push-artifact',
      {
        repository,
        path: 'components/frontend',
        'signature-format': 'notation',
        'notation-key': leaf.keyPem,
        'notation-certificate-chain': leaf.certPem + root.certPem,
      },
      { GITHUB_WORKSPACE: ws },
    );
    ok(pushed);
    assert.match(pushed.outputs['signature-ref'] ?? '', new RegExp(`^${repository.replace(/\./g, '\\.')}@sha256:`));
    assert.ok(
      pushed.masked.includes(leaf.keyPem.trim()) || pushed.masked.some((m) => leaf.keyPem.includes(m) && m.length > 40),
      'the key is masked',
    );
    const referrers = await referrersOf('acme/notary', pushed.outputs.digest ?? '');
    assert.deepEqual(
      referrers.map((r) => r.artifactType),
      ['application/vnd.cncf.notary.signature'],
    );

    const verify = () =>
      runAction(
        'verify-artifact',
        { repository, ref: 'latest', 'notation-trust-policy': 'notation/trustpolicy.json', 'notation-trust-store': 'notation/truststore' },
        { GITHUB_WORKSPACE: ws },
      );
    const verified = await verify();
    ok(verified);
    assert.equal(verified.outputs.format, 'notation');
    assert.equal(verified.outputs.identity, 'x509: CN=Acme Release Signer,O=Acme,ST=WA,C=US');
    assert.equal(verified.outputs.digest, pushed.outputs.digest);
    assert.match(verified.summary, /Notary Project/);
    const wrongRevision = await runAction(
      'verify-artifact',
      {
        repository,
        ref: 'latest',
        'notation-trust-policy': 'notation/trustpolicy.json',
        'notation-trust-store': 'notation/truststore',
        annotations: 'org.opencontainers.image.revision=^refs/tags/',
      },
      { GITHUB_WORKSPACE: ws },
    );
    assert.equal(wrongRevision.code, 1);
    assert.match(
      wrongRevision.errors[0] ?? '',
      /is not verified: annotation org\.opencontainers\.image\.revision is ".*", expected to match \^refs\/tags\/$/,
    );

    // A signature from a chain the trust store does not hold does not count: the same subject, another root.
    const forged = await runAction(
      'push-artifact',
      {
        repository,
        path: 'components/frontend',
        'signature-format': 'notation',
        'notation-key': rogue.keyPem,
        'notation-certificate-chain': rogue.certPem + rogueRoot.certPem,
        reproducible: 'true',
      },
      { GITHUB_WORKSPACE: ws },
    );
    ok(forged);
    const refused = await verify();
    assert.equal(refused.code, 1);
    assert.match(refused.errors[0] ?? '', /is not verified: .*(trust store|trusted)/i);

    const noChain = await runAction(
      'push-artifact',
      { repository, path: 'components/frontend', 'signature-format': 'notation', 'notation-key': leaf.keyPem },
      { GITHUB_WORKSPACE: ws },
    );
    assert.match(noChain.errors[0] ?? '', /^input `notation-certificate-chain`: is required with `notation-key`/);
    const mismatch = await runAction(
      'push-artifact',
      {
        repository,
        path: 'components/frontend',
        'signature-format': 'notation',
        'notation-key': rogue.keyPem,
        'notation-certificate-chain': leaf.certPem,
      },
      { GITHUB_WORKSPACE: ws },
    );
    assert.equal(mismatch.code, 1);
    assert.match(mismatch.errors[0] ?? '', /^input `notation-(key|certificate-chain)`: /);
    const attest = await runAction(
      'push-artifact',
      {
        repository,
        path: 'components/frontend',
        'signature-format': 'notation',
        'notation-key': leaf.keyPem,
        'notation-certificate-chain': leaf.certPem,
        sbom: 'spdx',
        attest: 'true',
      },
      { GITHUB_WORKSPACE: ws },
    );
    assert.match(attest.errors[0] ?? '', /^input `attest`: makes Sigstore attestations/);
  });
});
