// The interoperability of signing with a Sigstore signing config, as cosign v3 signs by default: Fulcio (the local
// stand-in), Rekor v2 (sigstore/rekor-tiles, run here for real) and an RFC 3161 timestamp authority
// (sigstore/timestamp-authority, run here for real). A Rekor v2 entry has an inclusion proof and a signed
// checkpoint but no signed entry timestamp; the time the certificate is checked at comes from the TSA.
// - d2ci → consumers: `d2ci sign --signing-config` writes the bundle; cosign v3 and Flux 2.9's verifier must accept
//   it, and refuse it with a trusted root that lacks the TSA.
// - consumers → d2ci: `cosign sign --signing-config` (v3.0 and v3.1) writes the bundle; d2ci must accept it as
//   cosign and Flux 2.9 do. Flux 2.8 checks keyless signatures only against public-good's TUF root, so it cannot be
//   asked about a private instance; Flux 2.7 reads no bundles.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSigstore, type LocalSigstore } from '../harness/sigstore.ts';
import { d2ci } from '../harness/cli.ts';
import { bundleOf, githubIssuerUrl, pushFresh, remote, workflowIdentity } from '../sign/helpers.ts';
import {
  combinedTrust,
  startRekorV2,
  startTimestampAuthority,
  type CombinedTrust,
  type RekorV2,
  type TimestampAuthority,
} from './lib/sigstore-v2.ts';
import { oidcTokenFile } from './lib/trust.ts';
import { startStore, type Store } from './lib/stores.ts';
import { cosignVerify, cosignVerifyAttestation, fluxVerify, type Policy, type Verdict } from './lib/consumers.ts';
import { run, tool } from './lib/tools.ts';
import { recordCell } from './lib/results.ts';

const storeName = 'distribution-v3';

describe('interop: Rekor v2 and a timestamp authority (a signing config, as cosign v3 signs)', () => {
  let work: string;
  let sigstore: LocalSigstore;
  let rekor: RekorV2;
  let tsa: TimestampAuthority;
  let trust: CombinedTrust;
  let store: Store;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'd2ci-interop-rekor-v2-'));
    [sigstore, rekor, tsa, store] = await Promise.all([startSigstore(), startRekorV2(), startTimestampAuthority(), startStore(storeName)]);
    trust = combinedTrust(sigstore, rekor, tsa, work);
  });
  after(async () => {
    await Promise.all([store?.stop(), rekor?.stop(), tsa?.stop(), sigstore?.close()]);
    rmSync(work, { recursive: true, force: true });
  });

  const tokenFile = (): string => oidcTokenFile(sigstore, work);
  const policy = (trustedRoot = trust.trustedRoot): Policy => ({
    kind: 'keyless',
    identity: workflowIdentity,
    issuer: githubIssuerUrl,
    trust: { ...trust, trustedRoot },
  });
  /** `d2ci verify` of the bundle as the given Flux version reads it (with a private instance's trusted root). */
  const d2ciVerify = async (reference: string, trustedRoot: string, flux: '2.8' | '2.9'): Promise<Verdict> => {
    const ran = await d2ci(
      [
        'verify',
        `oci://${reference}`,
        '--certificate-identity',
        workflowIdentity,
        '--certificate-oidc-issuer',
        githubIssuerUrl,
        '--trusted-root',
        trustedRoot,
        '--signature-format',
        'bundle',
        '--flux-version',
        flux,
      ],
      work,
    );
    return { accepted: ran.code === 0, detail: ran.stderr.trim().split('\n').at(-1) ?? '' };
  };

  /**
   * Each consumer and d2ci on one signed digest, with the full trusted root (accepted) and without the TSA (refused).
   * d2ci answers each as the Flux version that embeds the same verifier: cosign v3.0.6 is Flux 2.8's (source-controller
   * v1.8.5 embeds it; its keyless check cannot take a private root, so cosign stands in for it), Flux 2.9 embeds
   * sigstore-go v1.2 as cosign v3.1 does. cosign v2 refuses every Rekor v2 bundle: it wants an integrated time from
   * the log ("threshold not met for verified log entry integrated timestamps: 0 < 1") and no Flux embeds it for
   * bundles, so d2ci has no verdict to pair with it; the test holds that it refuses.
   */
  async function judge(suite: 'd2ci→consumer' | 'consumer→d2ci', scenario: string, reference: string) {
    const problems: string[] = [];
    for (const [trustedRoot, expected, label] of [
      [trust.trustedRoot, true, ''],
      [trust.trustedRootWithoutTsa, false, '; trusted root without the TSA'],
    ] as const) {
      const verdicts = { '2.8': await d2ciVerify(reference, trustedRoot, '2.8'), '2.9': await d2ciVerify(reference, trustedRoot, '2.9') };
      const consumers: [string, Verdict, '2.8' | '2.9'][] = [
        ['cosign v3.0.6', await cosignVerify('v3.0.6', reference, policy(trustedRoot)), '2.8'],
        ['cosign v3.1.3', await cosignVerify('v3.1.3', reference, policy(trustedRoot)), '2.9'],
        ['flux 2.9', await fluxVerify('2.9', reference, policy(trustedRoot)), '2.9'],
      ];
      for (const [verifier, consumer, flux] of consumers) {
        const ours = verdicts[flux];
        recordCell({
          suite,
          store: storeName,
          scenario: `${scenario}${label}`,
          format: 'bundle (Rekor v2, TSA)',
          verifier,
          consumer: consumer.accepted,
          d2ci: ours.accepted,
          expected,
        });
        if (consumer.accepted !== expected || ours.accepted !== expected)
          problems.push(
            `${scenario}${label} / ${verifier}: consumer ${consumer.accepted} (${consumer.detail}), d2ci as Flux ${flux} ${ours.accepted} (${ours.detail}), expected ${expected}`,
          );
      }
    }
    const v2 = await cosignVerify('v2.6.5', reference, policy());
    if (v2.accepted) problems.push('cosign v2.6.5 accepted a Rekor v2 bundle: the README says cosign v2 refuses them');
    return problems;
  }

  it('d2ci sign --signing-config: the bundle is in Rekor v2 and timestamped; cosign v3 and Flux 2.9 accept it as d2ci does', async () => {
    const target = remote(store.host, 'rekor-v2/d2ci');
    const pushed = await pushFresh(target);
    const reference = `${store.host}/rekor-v2/d2ci@${pushed.descriptor.digest}`;
    const signed = await d2ci(
      [
        'sign',
        `oci://${reference}`,
        '--identity-token',
        tokenFile(),
        '--signing-config',
        trust.signingConfig,
        '--signature-format',
        'bundle',
      ],
      work,
    );
    assert.equal(signed.code, 0, signed.stderr);
    // The form cosign v3 writes: a dsse v0.0.2 entry with an inclusion proof and checkpoint, no promise, one timestamp.
    const { json } = await bundleOf(target, pushed.descriptor);
    const material = json.verificationMaterial as {
      tlogEntries: { kindVersion: unknown; inclusionPromise?: unknown; inclusionProof?: { checkpoint?: { envelope?: string } } }[];
      timestampVerificationData?: { rfc3161Timestamps?: unknown[] };
    };
    assert.equal(material.tlogEntries.length, 1);
    // Rekor v2 logs only hashedrekord entries: the DSSE envelope as a hashedrekord over its PAE (as cosign v3.1).
    assert.deepEqual(material.tlogEntries[0]?.kindVersion, { kind: 'hashedrekord', version: '0.0.2' });
    assert.equal(material.tlogEntries[0]?.inclusionPromise, undefined);
    assert.match(material.tlogEntries[0]?.inclusionProof?.checkpoint?.envelope ?? '', /^127\.0\.0\.1\n\d+\n/);
    assert.equal(material.timestampVerificationData?.rfc3161Timestamps?.length, 1);
    assert.deepEqual(await judge('d2ci→consumer', 'd2ci sign --signing-config (keyless)', reference), []);
  });

  it('d2ci attach --attest --signing-config: the SBOM attestation in Rekor v2 passes cosign v3 verify-attestation as d2ci verify', async () => {
    const target = remote(store.host, 'rekor-v2/attest');
    const pushed = await pushFresh(target);
    const reference = `${store.host}/rekor-v2/attest@${pushed.descriptor.digest}`;
    const sbom = join(work, 'sbom.spdx.json');
    writeFileSync(
      sbom,
      JSON.stringify({
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: 'app',
        documentNamespace: 'https://example.com/app',
        creationInfo: { created: '2026-01-01T00:00:00Z', creators: ['Tool: d2ci'] },
        packages: [],
      }),
    );
    const signed = await d2ci(
      [
        'sign',
        `oci://${reference}`,
        '--identity-token',
        tokenFile(),
        '--signing-config',
        trust.signingConfig,
        '--signature-format',
        'bundle',
      ],
      work,
    );
    assert.equal(signed.code, 0, signed.stderr);
    const attached = await d2ci(
      [
        'attach',
        `oci://${reference}`,
        '--file',
        sbom,
        '--attest',
        '--identity-token',
        tokenFile(),
        '--signing-config',
        trust.signingConfig,
      ],
      work,
    );
    assert.equal(attached.code, 0, attached.stderr);
    const ran = await d2ci(
      [
        'verify',
        `oci://${reference}`,
        '--certificate-identity',
        workflowIdentity,
        '--certificate-oidc-issuer',
        githubIssuerUrl,
        '--trusted-root',
        trust.trustedRoot,
        '--require-attestations',
        'spdx',
        '--flux-version',
        '2.9',
      ],
      work,
    );
    // d2ci's verdict: the signature and the required SPDX attestation, both logged in Rekor v2, verified.
    const ours = ran.code === 0;
    const problems: string[] = [];
    for (const version of ['v3.0.6', 'v3.1.3'] as const) {
      const consumer = await cosignVerifyAttestation(version, reference, 'https://spdx.dev/Document', policy());
      recordCell({
        suite: 'd2ci→consumer',
        store: storeName,
        scenario: 'd2ci attach --attest --signing-config (SPDX, keyless)',
        format: 'bundle attestation (Rekor v2, TSA)',
        verifier: `cosign ${version}`,
        consumer: consumer.accepted,
        d2ci: ours,
        expected: true,
      });
      if (!consumer.accepted || !ours)
        problems.push(`cosign ${version}: ${consumer.detail}; d2ci: ${ran.stderr.trim().split('\n').at(-1) ?? ''}`);
    }
    assert.deepEqual(problems, []);
  });

  // cosign v3.0.6 cannot sign here: it logs a DSSE envelope as a `dsse` entry, which rekor-tiles v2.3 refuses ("invalid
  // type, must be hashedrekord"); v3.1 logs it as a hashedrekord, as d2ci does.
  for (const version of ['v3.1.3'] as const) {
    it(`cosign ${version} sign --signing-config (Rekor v2, TSA): d2ci accepts it as cosign and Flux 2.9 do`, async () => {
      const target = remote(store.host, `rekor-v2/cosign-${version.replace(/\./g, '-')}`);
      const pushed = await pushFresh(target);
      const reference = `${store.host}/${target.name.split('/').slice(1).join('/')}@${pushed.descriptor.digest}`;
      const ran = await run(
        tool('cosign', version),
        [
          'sign',
          '--signing-config',
          trust.signingConfig,
          '--trusted-root',
          trust.trustedRoot,
          '--identity-token',
          tokenFile(),
          '--new-bundle-format=true',
          '--allow-http-registry',
          '-y',
          reference,
        ],
        { env: { TUF_ROOT: join(work, 'tuf') } },
      );
      assert.equal(ran.code, 0, `cosign ${version} sign --signing-config: ${ran.stderr}`);
      const { json } = await bundleOf(target, pushed.descriptor);
      const entries = (json.verificationMaterial as { tlogEntries: { kindVersion: { version: string } }[] }).tlogEntries;
      assert.equal(entries[0]?.kindVersion.version, '0.0.2', 'cosign logged the signature in Rekor v2');
      assert.deepEqual(await judge('consumer→d2ci', `cosign ${version} sign --signing-config (keyless)`, reference), []);
    });
  }
});
