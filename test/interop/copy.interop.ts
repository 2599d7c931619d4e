// The interoperability of `d2ci copy`: an artifact signed every way d2ci signs — a keyless Sigstore bundle and
// legacy .sig, a key signature, an SBOM with its keyless attestation, a Notary Project signature — on one registry
// (distribution 2.8: referrers by `sha256-<hex>` tag index) is copied by the d2ci CLI to registries on other ports
// (olareg: the referrers API; distribution v3: the tag index) and through an OCI layout back to a registry; on each
// destination cosign (v2 and v3), `cosign verify-attestation`, `notation verify` and `d2ci verify` must accept it,
// and what d2ci copied is compared with what `oras cp -r` and `cosign copy` copy.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachDocuments, readDocument, signArtifact, signNotation, createNotationKeySigner, type Descriptor } from '@d2ci/core';
import { startSigstore, type LocalSigstore } from '../harness/sigstore.ts';
import { TestCa, type Issued } from '../harness/ca.ts';
import { d2ci } from '../harness/cli.ts';
import { githubIssuerUrl, keyless, pushFresh, remote, workflowIdentity } from '../sign/helpers.ts';
import { exportTrust, type TrustFiles } from './lib/trust.ts';
import { startStore, type Store, type StoreName } from './lib/stores.ts';
import {
  cosignVerify,
  cosignVerifyAttestation,
  notationConfig,
  notationVerify,
  orasDiscover,
  type Policy,
  type Verdict,
} from './lib/consumers.ts';
import { cosignVersions, orasVersion, run, tool, type CosignVersion } from './lib/tools.ts';
import { recordCell } from './lib/results.ts';

const spdxPredicate = 'https://spdx.dev/Document';

describe('interop: d2ci copy carries every signature, and the consumers accept the copy', () => {
  let work: string;
  let sigstore: LocalSigstore;
  let trust: TrustFiles;
  let keyFile: string;
  let root: Issued;
  let leaf: Issued;
  let source: Store;
  let subject: Descriptor;
  const destinations = new Map<StoreName, Store>();
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'd2ci-interop-copy-'));
    sigstore = await startSigstore();
    trust = exportTrust(sigstore, work);
    keyFile = join(work, 'cosign.pub');
    writeFileSync(keyFile, publicKey.export({ format: 'pem', type: 'spki' }));
    const ca = new TestCa(join(work, 'ca'));
    root = ca.issue('root', '/C=US/ST=WA/O=d2ci Interop/CN=d2ci Interop Root', 'EC-384', 'v3_root');
    leaf = ca.issue('leaf', '/C=US/ST=WA/L=Seattle/O=d2ci Interop/CN=d2ci signer', 'EC-256', 'v3_leaf', root);
    source = await startStore('docker-registry-2.8');
    for (const name of ['olareg', 'distribution-v3'] as const) destinations.set(name, await startStore(name));

    // The staging artifact, signed every way.
    const target = remote(source.host, 'staging/app');
    subject = (await pushFresh(target, { tags: ['v1.0.0'], sign: { identity: keyless(sigstore), format: 'both' } })).descriptor;
    await signArtifact(target, subject, { identity: { kind: 'key', privateKey }, format: 'both', repository: target.name });
    const sbom = join(work, 'sbom.spdx.json');
    writeFileSync(
      sbom,
      JSON.stringify({
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: 'app',
        documentNamespace: `https://example.com/${randomBytes(4).toString('hex')}`,
        creationInfo: { created: '2026-01-01T00:00:00Z', creators: ['Tool: d2ci'] },
        packages: [],
      }),
    );
    await attachDocuments(target, subject, [await readDocument(sbom)], { attest: { identity: keyless(sigstore) } });
    const signer = await createNotationKeySigner({ privateKey: leaf.keyPem, certificateChain: leaf.certPem + root.certPem });
    await signNotation(target, subject, { signer });
  });
  after(async () => {
    await Promise.all([source?.stop(), ...[...destinations.values()].map((s) => s.stop())]);
    await sigstore?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const keylessPolicy = (): Policy => ({ kind: 'keyless', identity: workflowIdentity, issuer: githubIssuerUrl, trust });
  const keylessFlags = (): string[] => [
    '--certificate-identity',
    workflowIdentity,
    '--certificate-oidc-issuer',
    githubIssuerUrl,
    '--trusted-root',
    trust.trustedRoot,
  ];
  /** `d2ci verify` on the copy, in the mode that answers a verifier's question (as the matrix pairs them). */
  const d2ciVerify = async (reference: string, flags: string[], fluxVersion: string): Promise<Verdict> => {
    const ran = await d2ci(['verify', reference, ...flags, '--flux-version', fluxVersion], work);
    return { accepted: ran.code === 0, detail: ran.stderr.trim().split('\n').at(-1) ?? '' };
  };
  const trustPolicy = (scope: string): object => ({
    version: '1.0',
    trustPolicies: [
      {
        name: 'interop',
        registryScopes: [scope],
        signatureVerification: { level: 'strict' },
        trustStores: ['ca:interop'],
        trustedIdentities: ['x509.subject: C=US, ST=WA, L=Seattle, O=d2ci Interop, CN=d2ci signer'],
      },
    ],
  });

  /** Every consumer on one copy; a cell fails when the consumer and d2ci disagree or either rejects. */
  async function judge(store: string, reference: string, scope: string): Promise<string[]> {
    const problems: string[] = [];
    const cell = (scenario: string, format: string, verifier: string, consumer: Verdict, ours: Verdict): void => {
      recordCell({
        suite: 'd2ci→consumer',
        store,
        scenario,
        format,
        verifier,
        consumer: consumer.accepted,
        d2ci: ours.accepted,
        expected: true,
      });
      if (!consumer.accepted || !ours.accepted)
        problems.push(
          `${scenario} / ${verifier}: consumer ${consumer.accepted} (${consumer.detail}), d2ci ${ours.accepted} (${ours.detail})`,
        );
    };
    for (const version of cosignVersions) {
      const mode = version === 'v2.5.2' ? '2.7' : '2.8';
      cell(
        'copied: keyless',
        'bundle+legacy',
        `cosign ${version}`,
        await cosignVerify(version, reference, keylessPolicy()),
        await d2ciVerify(reference, keylessFlags(), mode),
      );
      cell(
        'copied: key',
        'bundle+legacy',
        `cosign ${version}`,
        await cosignVerify(version, reference, { kind: 'key', publicKeyFile: keyFile, trust }),
        await d2ciVerify(reference, ['--key', keyFile, '--trusted-root', trust.trustedRoot], mode),
      );
    }
    for (const version of ['v3.0.6', 'v3.1.3'] as CosignVersion[])
      cell(
        'copied: SBOM attestation',
        'bundle attestation',
        `cosign ${version}`,
        await cosignVerifyAttestation(version, reference, spdxPredicate, keylessPolicy()),
        await d2ciVerify(reference, [...keylessFlags(), '--require-attestations', 'spdx'], '2.8'),
      );
    const config = notationConfig(trustPolicy(scope), root.certPem);
    cell(
      'copied: notation',
      'notation',
      'notation v1.3.2',
      await notationVerify(reference, config.configHome),
      await d2ciVerify(reference, ['--notation-trust-policy', config.policyFile, '--notation-trust-store', config.storeDir], 'all'),
    );
    return problems;
  }

  for (const name of ['olareg', 'distribution-v3'] as const) {
    it(`docker-registry-2.8 → ${name} (another host): every consumer accepts the copy; oras cp -r and cosign copy copy no more`, async () => {
      const destination = destinations.get(name);
      assert.ok(destination);
      const from = `${source.host}/staging/app:v1.0.0`;
      const copied = await d2ci(['copy', from, `${destination.host}/prod/app`, '-o', 'json'], work);
      assert.equal(copied.code, 0, copied.stderr);
      const result = JSON.parse(copied.stdout) as { referrers: { total: number }; cosignTags: { kind: string }[] };
      // The keyless and key bundles, the SBOM, its attestation and the notation signature.
      assert.equal(result.referrers.total, 5);
      const reference = `${destination.host}/prod/app@${subject.digest}`;
      const problems = await judge(`${name} (copied from docker-registry-2.8)`, reference, `${destination.host}/prod/app`);

      // What oras cp -r copies (referrers, recursively) is what d2ci copied; d2ci also copied cosign's .sig tag.
      const oras = await run(tool('oras', orasVersion), [
        'cp',
        '-r',
        // One request at a time: olareg's referrers API loses entries pushed at once (oras's default of three has
        // left a bundle behind there between runs), and this cell is about what oras copies, not how fast.
        '--concurrency',
        '1',
        '--from-plain-http',
        '--to-plain-http',
        `${source.host}/staging/app@${subject.digest}`,
        `${destination.host}/oras/app`,
      ]);
      assert.equal(oras.code, 0, oras.stderr);
      const ours = await orasDiscover(reference);
      const theirs = await orasDiscover(`${destination.host}/oras/app@${subject.digest}`);
      const set = (list: { digest: string; artifactType: string }[]): string[] => list.map((r) => `${r.artifactType} ${r.digest}`).sort();
      // Every referrer oras copied, d2ci copied too; each cell says whether that tool's copy has all five.
      const mine = set(ours.referrers);
      const missing = set(theirs.referrers).filter((r) => !mine.includes(r));
      recordCell({
        suite: 'd2ci→consumer',
        store: `${name} (copied from docker-registry-2.8)`,
        scenario: 'copied: every referrer (as oras cp -r)',
        format: 'all referrers',
        verifier: 'oras v1.3.6 cp -r',
        consumer: theirs.referrers.length === 5,
        d2ci: ours.referrers.length === 5,
      });
      if (missing.length || ours.referrers.length !== 5)
        problems.push(`oras cp -r copied ${set(theirs.referrers).join(', ')}; d2ci ${mine.join(', ')}`);

      // cosign copy copies the .sig tag as it is: d2ci's copy of it is the same manifest.
      const cosign = await run(tool('cosign', 'v2.6.5'), [
        'copy',
        '--allow-http-registry',
        `${source.host}/staging/app@${subject.digest}`,
        `${destination.host}/cosign/app`,
      ]);
      const sigTag = `sha256-${subject.digest.slice(7)}.sig`;
      const sigOf = async (repository: string): Promise<string | undefined> =>
        (
          await remote(destination.host, repository)
            .resolve(sigTag)
            .catch(() => undefined)
        )?.digest;
      const [sig, cosigns] = await Promise.all([sigOf('prod/app'), sigOf('cosign/app')]);
      recordCell({
        suite: 'd2ci→consumer',
        store: `${name} (copied from docker-registry-2.8)`,
        scenario: 'copied: the .sig cosign copy copies',
        format: 'legacy',
        verifier: 'cosign v2.6.5',
        consumer: cosign.code === 0 && cosigns !== undefined,
        d2ci: sig !== undefined && sig === cosigns,
        expected: true,
      });
      if (cosign.code !== 0 || sig === undefined || sig !== cosigns)
        problems.push(`cosign copy (exit ${cosign.code}: ${cosign.stderr.trim().split('\n').at(-1)}) .sig ${cosigns}, d2ci's ${sig}`);

      const again = await d2ci(['copy', from, `${destination.host}/prod/app`, '-o', 'json'], work);
      assert.equal((JSON.parse(again.stdout) as { changed: boolean }).changed, false, 'a second copy wrote something');
      assert.deepEqual(problems, []);
    });
  }

  it('docker-registry-2.8 → OCI layout → distribution-v3: the layout holds every signature, and the copy back verifies', async () => {
    const back = destinations.get('distribution-v3');
    assert.ok(back);
    const layout = join(work, 'layout');
    const out = await d2ci(['copy', `${source.host}/staging/app:v1.0.0`, `oci-layout:${layout}:v1.0.0`], work);
    assert.equal(out.code, 0, out.stderr);
    const config = notationConfig(trustPolicy('local/layout'), root.certPem);
    const onLayout = await notationVerify(`${layout}@${subject.digest}`, config.configHome, { scope: 'local/layout' });
    const ours = await d2ciVerify(
      `oci-layout:${layout}@${subject.digest}`,
      ['--notation-trust-policy', config.policyFile, '--notation-trust-store', config.storeDir, '--notation-scope', 'local/layout'],
      'all',
    );
    recordCell({
      suite: 'd2ci→consumer',
      store: 'oci-layout (copied from docker-registry-2.8)',
      scenario: 'copied: notation',
      format: 'notation',
      verifier: 'notation v1.3.2',
      consumer: onLayout.accepted,
      d2ci: ours.accepted,
      expected: true,
    });
    const problems = onLayout.accepted && ours.accepted ? [] : [`layout notation: ${onLayout.detail} / ${ours.detail}`];
    const copied = await d2ci(['copy', `oci-layout:${layout}:v1.0.0`, `${back.host}/roundtrip/app`], work);
    assert.equal(copied.code, 0, copied.stderr);
    problems.push(
      ...(await judge(
        'distribution-v3 (copied through an OCI layout)',
        `${back.host}/roundtrip/app@${subject.digest}`,
        `${back.host}/roundtrip/app`,
      )),
    );
    assert.deepEqual(problems, []);
  });
});
