// Signature annotations (cosign `sign -a key=value` / `verify -a key=value`), both ways. d2ci signs them where cosign
// does — the `.sig` payload's `optional` map (legacy) and the in-toto statement's subject `annotations` (cosign v3's
// bundle, cmd/cosign/cli/sign/sign.go signDigestBundle) — and cosign v2/v3 `verify -a` must accept the value signed
// and refuse another; cosign's own `sign -a` signatures must get the same verdicts from d2ci's `signatureAnnotations`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compilePolicy, loadTrustedRoot, verifyArtifact, type SigningIdentity, type Target, type Verification } from '@d2ci/core';
import { startSigstore, type LocalSigstore } from '../harness/sigstore.ts';
import { githubIssuerUrl, keyless, pushFresh, remote, workflowIdentity } from '../sign/helpers.ts';
import { exportTrust, type TrustFiles } from './lib/trust.ts';
import { interopRegistries as registries, startStore, type Store, type StoreName } from './lib/stores.ts';
import { cosignVerify, type Policy } from './lib/consumers.ts';
import { cosignVersions, run, tool, type CosignVersion } from './lib/tools.ts';
import { recordCell } from './lib/results.ts';

const signed = { env: 'prod' };
/** What each `verify -a` asks, and whether it holds for a signature carrying `signed`. */
const asks: { flag: string; wanted: Record<string, string>; holds: boolean }[] = [
  { flag: 'env=prod', wanted: { env: 'prod' }, holds: true },
  { flag: 'env=staging', wanted: { env: 'staging' }, holds: false },
];

/** The d2ci mode matching a cosign version: v2.5 reads only `.sig`; v2.6.3+ and v3 only bundles once any exists. */
const d2ciFormat = (version: CosignVersion): 'legacy' | 'auto' => (version === 'v2.5.2' ? 'legacy' : 'auto');
const readsFormat = (version: CosignVersion, format: 'legacy' | 'bundle'): boolean => format === 'legacy' || version !== 'v2.5.2';
/**
 * cosign v2.6 neither signs annotations into a bundle (its signDigestBundle takes none) nor checks them on bundles
 * (verifyImageAttestationsSigstoreBundle calls no ClaimVerifier; cosign v2.6.4 cmd/cosign/cli/sign/sign.go,
 * pkg/cosign/verify.go): there `verify -a` accepts any value. d2ci checks as cosign v3 does, so it disagrees there.
 */
const checksAnnotations = (version: CosignVersion, format: 'legacy' | 'bundle'): boolean => format === 'legacy' || version !== 'v2.6.5';
const reference = (store: Store, target: Target, digest: string): string =>
  `${store.host}/${target.name.split('/').slice(1).join('/')}@${digest}`;

describe('interop: signature annotations (cosign sign -a / verify -a), both ways', () => {
  let work: string;
  let sigstore: LocalSigstore;
  let trust: TrustFiles;
  let privateKey: SigningIdentity & { kind: 'key' };
  let publicFile: string;
  let keyVerification: Verification;
  let keylessVerification: Verification;
  let cosignKey: { keyFile: string; pubFile: string; verification: Verification };
  const stores = new Map<StoreName, Store>();

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'd2ci-interop-annotations-'));
    sigstore = await startSigstore();
    trust = exportTrust(sigstore, work);
    const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    publicFile = join(work, 'd2ci.pub');
    writeFileSync(publicFile, pair.publicKey.export({ format: 'pem', type: 'spki' }));
    privateKey = { kind: 'key', privateKey: pair.privateKey };
    keyVerification = { kind: 'key', keys: [pair.publicKey] };
    keylessVerification = {
      kind: 'keyless',
      trustedRoot: await loadTrustedRoot({ trustedRootFile: trust.trustedRoot }),
      policy: compilePolicy({ identity: workflowIdentity, issuer: githubIssuerUrl }),
    };
    // cosign signs only with its own key file, made by cosign itself (COSIGN_PASSWORD empty).
    const made = await run(tool('cosign', 'v2.5.2'), ['generate-key-pair'], { cwd: work, env: { COSIGN_PASSWORD: '' } });
    assert.equal(made.code, 0, made.stderr);
    const pubFile = join(work, 'cosign.pub');
    cosignKey = {
      keyFile: join(work, 'cosign.key'),
      pubFile,
      verification: { kind: 'key', keys: [createPublicKey(readFileSync(pubFile))] },
    };
    for (const name of registries) stores.set(name, await startStore(name));
  });
  after(async () => {
    await Promise.all([...stores.values()].map((s) => s.stop()));
    await sigstore?.close();
    rmSync(work, { recursive: true, force: true });
  });

  for (const storeName of registries) {
    describe(storeName, () => {
      for (const mode of ['key', 'keyless'] as const) {
        for (const format of ['legacy', 'bundle'] as const) {
          it(`d2ci signs ${format} ${mode} with env=prod: cosign verify -a accepts that value and refuses another`, async () => {
            const store = stores.get(storeName);
            assert.ok(store);
            const target = remote(store.host, `annotations/d2ci-${mode}-${format}`);
            const identity = mode === 'key' ? privateKey : keyless(sigstore);
            const pushed = await pushFresh(target, { sign: { identity, format, claims: signed } });
            const ref = reference(store, target, pushed.descriptor.digest);
            const policy: Policy =
              mode === 'key'
                ? { kind: 'key', publicKeyFile: publicFile, trust }
                : { kind: 'keyless', identity: workflowIdentity, issuer: githubIssuerUrl, trust };
            const verification = mode === 'key' ? keyVerification : keylessVerification;
            const problems: string[] = [];
            for (const version of cosignVersions) {
              for (const ask of asks) {
                const consumer = await cosignVerify(version, ref, policy, ['-a', ask.flag]);
                const ours = await verifyArtifact({
                  target,
                  reference: pushed.descriptor.digest,
                  verification,
                  format: d2ciFormat(version),
                  fluxVersion: 'none',
                  signatureAnnotations: ask.wanted,
                });
                const expected = ask.holds && readsFormat(version, format);
                const consumerExpected = readsFormat(version, format) && (ask.holds || !checksAnnotations(version, format));
                recordCell({
                  suite: 'd2ci→consumer',
                  store: storeName,
                  scenario: `${format} ${mode}, signature annotation env=prod; verify -a ${ask.flag}`,
                  format,
                  verifier: `cosign ${version}`,
                  consumer: consumer.accepted,
                  d2ci: ours.verified,
                  expected: consumerExpected,
                });
                if (consumer.accepted !== consumerExpected || ours.verified !== expected)
                  problems.push(
                    `cosign ${version} -a ${ask.flag}: cosign ${consumer.accepted} (${consumer.detail}), expected ${consumerExpected}; d2ci ${ours.verified} (${ours.reasons.join('; ')}), expected ${expected}`,
                  );
              }
            }
            assert.deepEqual(problems, []);
          });
        }
      }

      // What each cosign writes with `sign -a`: v2.5 the legacy .sig only; v2.6 and v3 a bundle (v3 also legacy).
      const signers: [CosignVersion, boolean][] = [
        ['v2.5.2', false],
        ['v2.6.5', true],
        ['v3.0.6', false],
        ['v3.0.6', true],
        ['v3.1.3', true],
      ];
      for (const [version, bundle] of signers) {
        const format = bundle ? 'bundle' : 'legacy';
        it(`cosign ${version} sign --key -a env=prod (${format}): d2ci checks the annotation as cosign verify -a does`, async () => {
          const store = stores.get(storeName);
          assert.ok(store);
          const target = remote(store.host, `annotations/cosign-${version.replace(/\./g, '-')}-${format}`);
          const pushed = await pushFresh(target);
          const ref = reference(store, target, pushed.descriptor.digest);
          const args = ['sign', '--key', cosignKey.keyFile, '--tlog-upload=false', '--allow-http-registry', '-y', '-a', 'env=prod'];
          if (version.startsWith('v3')) args.push(`--new-bundle-format=${bundle}`, '--use-signing-config=false');
          else if (bundle) args.push('--new-bundle-format');
          const ran = await run(tool('cosign', version), [...args, ref], { env: { COSIGN_PASSWORD: '', TUF_ROOT: join(work, 'tuf') } });
          assert.equal(ran.code, 0, `cosign ${version} sign -a: ${ran.stderr}`);
          const problems: string[] = [];
          // v2.6 signs no annotations into its bundle: cosign v3 (and d2ci) find none there.
          const holds = (ask: (typeof asks)[number]): boolean => ask.holds && checksAnnotations(version, format);
          for (const ask of asks) {
            const policy: Policy = { kind: 'key', publicKeyFile: cosignKey.pubFile, trust };
            const consumer = await cosignVerify(version, ref, policy, ['-a', ask.flag]);
            const newest = await cosignVerify('v3.1.3', ref, policy, ['-a', ask.flag]);
            const ours = await verifyArtifact({
              target,
              reference: pushed.descriptor.digest,
              verification: cosignKey.verification,
              format: d2ciFormat(version),
              fluxVersion: 'none',
              signatureAnnotations: ask.wanted,
            });
            recordCell({
              suite: 'consumer→d2ci',
              store: storeName,
              scenario: `cosign ${version} sign --key -a env=prod (${format})`,
              format,
              verifier: `cosign (the signer's version) verify -a ${ask.flag}`,
              consumer: consumer.accepted,
              d2ci: ours.verified,
              expected: ask.holds || !checksAnnotations(version, format),
            });
            recordCell({
              suite: 'consumer→d2ci',
              store: storeName,
              scenario: `cosign ${version} sign --key -a env=prod (${format})`,
              format,
              verifier: `cosign v3.1.3 verify -a ${ask.flag}`,
              consumer: newest.accepted,
              d2ci: ours.verified,
              expected: holds(ask),
            });
            if (consumer.accepted !== (ask.holds || !checksAnnotations(version, format)))
              problems.push(`-a ${ask.flag}: cosign ${version} ${consumer.accepted} (${consumer.detail})`);
            if (newest.accepted !== holds(ask) || ours.verified !== holds(ask))
              problems.push(
                `-a ${ask.flag}: cosign v3.1.3 ${newest.accepted} (${newest.detail}), d2ci ${ours.verified} (${ours.reasons.join('; ')}), expected ${holds(ask)}`,
              );
          }
          assert.deepEqual(problems, []);
        });
      }
    });
  }
});
