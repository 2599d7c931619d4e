import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegistryClient, attestDocument, githubActionsIdentity, predicateTypes } from '@d2ci/core';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startSigstore, unsignedJwt, type LocalSigstore } from '../harness/sigstore.ts';
import { skopeo } from '../harness/exec.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';
import { TestCa } from '../harness/ca.ts';
import { d2ci } from '../harness/cli.ts';

const identity = 'https://github.com/acme/fleet/.github/workflows/push-artifact.yaml@refs/heads/main';

const openvex = JSON.stringify({
  '@context': 'https://openvex.dev/ns/v0.2.0',
  '@id': 'https://example.com/vex/2',
  author: 'acme',
  timestamp: '2026-11-02T00:00:00Z',
  version: 1,
  statements: [
    {
      vulnerability: { name: 'CVE-2026-0002' },
      products: [{ '@id': 'pkg:oci/podinfo' }],
      status: 'not_affected',
      justification: 'component_not_present',
    },
  ],
});
const spdx = JSON.stringify({
  spdxVersion: 'SPDX-2.3',
  dataLicense: 'CC0-1.0',
  SPDXID: 'SPDXRef-DOCUMENT',
  name: 'later',
  documentNamespace: 'https://example.com/spdx/2',
  creationInfo: { created: '2026-11-02T00:00:00Z', creators: ['Tool: hand'] },
  packages: [],
});

interface Tree {
  subject: { digest: string };
  referrers: { descriptor: { artifactType?: string; digest: string; annotations?: Record<string, string> }; referrers: unknown[] }[];
  legacySignatureTag: string | null;
}

describe('d2ci attach, discover, pull --referrer, and Notation signing', () => {
  let registry: LocalRegistry;
  let sigstore: LocalSigstore;
  before(async () => {
    [registry, sigstore] = await Promise.all([startRegistry('none'), startSigstore()]);
  });
  after(() => Promise.all([registry.stop(), sigstore.close()]));

  it('pushes with a generated SBOM and an attested VEX, lists the referrers, fetches each, attaches more later and requires them', async () => {
    const ws = makeWorkspace({ ...componentFiles, 'vex.json': openvex, 'sbom.spdx.json': spdx, 'notes.txt': 'not a document' });
    const url = `oci://${registry.host}/acme/cli-documents`;
    const token = unsignedJwt({ ...sigstore.claims, aud: 'sigstore' });
    const keyless = ['--identity-token', token, '--fulcio-url', sigstore.url, '--rekor-url', sigstore.url];
    const pushed = await d2ci(
      [
        'push',
        `${url}:latest`,
        '--path',
        'components/frontend',
        '--source',
        's',
        '--revision',
        'refs/heads/main@sha1:3',
        '--sign',
        ...keyless,
        '--sbom',
        'cyclonedx',
        '--attach',
        'vex.json',
        '--attest',
        '-o',
        'json',
      ],
      ws,
    );
    assert.equal(pushed.code, 0, pushed.stderr);
    const out = JSON.parse(pushed.stdout) as {
      digest: string;
      referrers: { format: string; source: string; digest: string; attestation: string | null }[];
    };
    assert.deepEqual(
      out.referrers.map((r) => [r.format, r.source, r.attestation !== null]),
      [
        ['cyclonedx', 'generated', true],
        ['openvex', 'vex.json', true],
      ],
    );

    const discovered = await d2ci(['discover', `${url}:latest`, '-o', 'json'], ws);
    assert.equal(discovered.code, 0, discovered.stderr);
    const tree = JSON.parse(discovered.stdout) as Tree;
    assert.equal(tree.subject.digest, out.digest);
    assert.equal(tree.legacySignatureTag, `${out.digest.replace(':', '-')}.sig`);
    const types = tree.referrers.map((r) => r.descriptor.artifactType).sort();
    assert.deepEqual(types, [
      'application/openvex+json',
      'application/vnd.cyclonedx+json',
      'application/vnd.dev.sigstore.bundle.v0.3+json',
      'application/vnd.dev.sigstore.bundle.v0.3+json',
    ]);
    const predicates = tree.referrers
      .map((r) => r.descriptor.annotations?.['dev.sigstore.bundle.predicateType'])
      .filter(Boolean)
      .sort();
    assert.deepEqual(predicates, [predicateTypes.cyclonedx, predicateTypes.openvex]);
    const text = await d2ci(['discover', `${url}:latest`], ws);
    assert.match(text.stdout, new RegExp(`^${registry.host.replace(/\./g, '\\.')}/acme/cli-documents@${out.digest}\n`));
    assert.match(text.stdout, /^├── application\/vnd\.cyclonedx\+json {2}sha256:[0-9a-f]{64}/m);
    assert.match(text.stdout, /^cosign signature tag: .*\.sig$/m);
    const onlyVex = JSON.parse(
      (await d2ci(['discover', `${url}:latest`, '--artifact-type', 'application/openvex+json', '-o', 'json'], ws)).stdout,
    ) as Tree;
    assert.deepEqual(
      onlyVex.referrers.map((r) => r.descriptor.artifactType),
      ['application/openvex+json'],
    );

    // pull --referrer: the document itself, byte for byte, to a file or stdout.
    const vex = await d2ci(['pull', `${url}:latest`, '--referrer', 'openvex'], ws);
    assert.equal(vex.code, 0, vex.stderr);
    assert.equal(vex.stdout, openvex);
    const sbomPull = await d2ci(
      ['pull', `${url}@${out.digest}`, '--referrer', 'application/vnd.cyclonedx+json', '--output', 'sbom.cdx.json'],
      ws,
    );
    assert.equal(sbomPull.code, 0, sbomPull.stderr);
    const sbom = JSON.parse(readFileSync(join(ws, 'sbom.cdx.json'), 'utf8')) as {
      bomFormat: string;
      specVersion: string;
      components: { purl?: string }[];
    };
    assert.equal(sbom.bomFormat, 'CycloneDX');
    assert.equal(sbom.specVersion, '1.6');
    assert.ok(sbom.components.some((c) => c.purl?.startsWith('pkg:oci/podinfo')));
    const none = await d2ci(['pull', `${url}:latest`, '--referrer', 'spdx'], ws);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /^✗ no spdx document is attached to .*\/acme\/cli-documents:latest$/m);

    const verify = (list: string) =>
      d2ci(
        [
          'verify',
          `${url}:latest`,
          '--certificate-identity',
          identity,
          '--trusted-root',
          sigstore.trustedRootFile,
          '--require-attestations',
          list,
          '-o',
          'json',
        ],
        ws,
      );
    const missing = await verify('cyclonedx,spdx');
    assert.equal(missing.code, 1);
    assert.match(
      (JSON.parse(missing.stdout) as { reasons: string[] }).reasons.join('\n'),
      /no https:\/\/spdx\.dev\/Document attestation is attached/,
    );

    // Attach later (a scanner step after the push): by tag, resolved once, attested with the same kind of identity.
    const attached = await d2ci(['attach', `${url}:latest`, '--file', 'sbom.spdx.json', '--attest', ...keyless, '-o', 'json'], ws);
    assert.equal(attached.code, 0, attached.stderr);
    assert.deepEqual(
      (JSON.parse(attached.stdout) as { format: string }[]).map((a) => a.format),
      ['spdx'],
    );
    const all = await verify('cyclonedx,openvex,spdx');
    assert.equal(all.code, 0, all.stdout + all.stderr);
    assert.deepEqual(
      (JSON.parse(all.stdout) as { attestations: { verified: boolean }[] }).attestations.map((a) => a.verified),
      [true, true, true],
    );
    // A second OCI implementation sees the same referrers (the sha256-<hex> index tag; no referrers API here).
    const index = JSON.parse(
      (
        await skopeo([
          'inspect',
          '--raw',
          '--tls-verify=false',
          `docker://${registry.host}/acme/cli-documents:${out.digest.replace(':', '-')}`,
        ])
      ).toString('utf8'),
    ) as { manifests: { artifactType?: string }[] };
    assert.equal(index.manifests.length, 6);

    const notDocument = await d2ci(['attach', `${url}:latest`, '--file', 'notes.txt'], ws);
    assert.equal(notDocument.code, 1);
    assert.match(notDocument.stderr, /^✗ --file: .*notes\.txt/m);
    const nothing = await d2ci(['attach', `${url}:latest`], ws);
    assert.match(nothing.stderr, /^✗ nothing to attach: give --file or --sbom$/m);
    const unsigned = await d2ci(
      ['push', `${url}:other`, '--path', 'components/frontend', '--source', 's', '--revision', 'r', '--sbom', 'spdx', '--attest'],
      ws,
    );
    assert.match(unsigned.stderr, /^✗ --attest signs with Sigstore: add --sign \(keyless\) or --key$/m);

    // An attestation without the plain document next to it (as `cosign attest` leaves): pull gives its predicate.
    const only = await d2ci(
      [
        'push',
        `oci://${registry.host}/acme/cli-attested:latest`,
        '--path',
        'components/frontend',
        '--source',
        's',
        '--revision',
        'r',
        '-o',
        'json',
      ],
      ws,
    );
    assert.equal(only.code, 0, only.stderr);
    const repo = new RegistryClient().repository({ registry: registry.host, repository: 'acme/cli-attested' });
    const subject = await repo.resolve('latest');
    await attestDocument(repo, subject, {
      identity: {
        kind: 'keyless',
        identity: githubActionsIdentity('sigstore', { env: { ...sigstore.oidcEnv } }),
        fulcioUrl: sigstore.url,
        rekorUrl: sigstore.url,
      },
      predicateType: predicateTypes.spdx,
      predicate: JSON.parse(spdx),
    });
    const predicate = await d2ci(['pull', `oci://${registry.host}/acme/cli-attested:latest`, '--referrer', 'spdx'], ws);
    assert.equal(predicate.code, 0, predicate.stderr);
    assert.deepEqual(JSON.parse(predicate.stdout), JSON.parse(spdx));
    assert.match(
      predicate.stderr,
      /^✔ spdx from sha256:[0-9a-f]{64} \(attestation; verify it with d2ci verify --require-attestations spdx\)$/m,
    );
  });

  it('signs an OCI layout artifact with --signature-format notation and verifies it with a trust policy and store', async () => {
    const ws = makeWorkspace(componentFiles);
    const ca = new TestCa(join(ws, 'ca'));
    const root = ca.issue('root', '/C=US/ST=WA/O=Acme/CN=Acme Root', 'EC-384', 'v3_root');
    const leaf = ca.issue('leaf', '/C=US/ST=WA/O=Acme/CN=Acme Release Signer', 'EC-256', 'v3_leaf', root);
    const otherRoot = ca.issue('other-root', '/C=US/ST=WA/O=Other/CN=Other Root', 'EC-256', 'v3_root');
    writeFileSync(join(ws, 'signer.key'), leaf.keyPem);
    writeFileSync(join(ws, 'chain.pem'), leaf.certPem + root.certPem);
    for (const [store, cert] of [
      ['acme', root.certPem],
      ['other', otherRoot.certPem],
    ] as const) {
      mkdirSync(join(ws, 'truststore', 'x509', 'ca', store), { recursive: true });
      writeFileSync(join(ws, 'truststore', 'x509', 'ca', store, 'root.pem'), cert);
    }
    const policy = (store: string) =>
      JSON.stringify({
        version: '1.0',
        trustPolicies: [
          {
            name: 'layout',
            registryScopes: ['local/release'],
            signatureVerification: { level: 'strict' },
            trustStores: [`ca:${store}`],
            trustedIdentities: ['*'],
          },
        ],
      });
    writeFileSync(join(ws, 'trustpolicy.json'), policy('acme'));
    writeFileSync(join(ws, 'other-policy.json'), policy('other'));

    const pushed = await d2ci(
      ['push', 'oci-layout:layout:latest', '--path', 'components/frontend', '--source', 's', '--revision', 'main@sha1:4', '-o', 'json'],
      ws,
    );
    assert.equal(pushed.code, 0, pushed.stderr);
    const digest = (JSON.parse(pushed.stdout) as { digest: string }).digest;
    const signed = await d2ci(
      [
        'sign',
        'oci-layout:layout:latest',
        '--signature-format',
        'notation',
        '--notation-key',
        'signer.key',
        '--notation-cert',
        'chain.pem',
        '-o',
        'json',
      ],
      ws,
    );
    assert.equal(signed.code, 0, signed.stderr);
    assert.equal((JSON.parse(signed.stdout) as { identity: string }).identity, 'x509: CN=Acme Release Signer,O=Acme,ST=WA,C=US');
    const tree = JSON.parse((await d2ci(['discover', 'oci-layout:layout:latest', '-o', 'json'], ws)).stdout) as Tree;
    assert.deepEqual(
      tree.referrers.map((r) => r.descriptor.artifactType),
      ['application/vnd.cncf.notary.signature'],
    );
    assert.equal(tree.legacySignatureTag, null);

    const verify = (policyFile: string, extra: string[] = []) =>
      d2ci(
        [
          'verify',
          'oci-layout:layout:latest',
          '--notation-trust-policy',
          policyFile,
          '--notation-trust-store',
          'truststore',
          ...extra,
          '-o',
          'json',
        ],
        ws,
      );
    const verified = await verify('trustpolicy.json', ['--notation-scope', 'local/release']);
    assert.equal(verified.code, 0, verified.stdout + verified.stderr);
    const result = JSON.parse(verified.stdout) as {
      verified: boolean;
      digest: string;
      format: string;
      identity: string;
      policy: string;
      level: string;
    };
    assert.deepEqual(
      [result.verified, result.digest, result.format, result.policy, result.level],
      [true, digest, 'notation', 'layout', 'strict'],
    );
    const untrusted = await verify('other-policy.json', ['--notation-scope', 'local/release']);
    assert.equal(untrusted.code, 1);
    assert.equal((JSON.parse(untrusted.stdout) as { verified: boolean }).verified, false);
    const noScope = await verify('trustpolicy.json');
    assert.match(noScope.stderr, /^✗ --notation-scope is required for an OCI layout/m);
    const otherScope = await verify('trustpolicy.json', ['--notation-scope', 'local/elsewhere']);
    assert.equal(otherScope.code, 1);
    assert.match(otherScope.stdout + otherScope.stderr, /local\/elsewhere/);
    const noCert = await d2ci(['sign', 'oci-layout:layout:latest', '--signature-format', 'notation', '--notation-key', 'signer.key'], ws);
    assert.equal(noCert.code, 1);
    assert.match(noCert.stderr, /^✗ --signature-format notation needs --notation-key KEY.pem and --notation-cert CHAIN.pem/m);
  });
});
