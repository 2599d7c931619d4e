// The interoperability matrix, consumers → d2ci: what `cosign sign` (v2 and v3), `cosign attest`, `notation sign`
// and a Flux-format push by `oras` write, d2ci must verify, list, discover, pull and diff — and its verdict must be
// the one the consumers' own verifiers give (cosign, and Flux source-controller's verifier) for the same artifact.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  attestationPredicateType,
  compilePolicy,
  diffArtifact,
  loadTrustedRoot,
  newestAttestation,
  signInPresentFormats,
  listArtifacts,
  notationDirectoryTrustStore,
  parseManifest,
  pullArtifact,
  verifyArtifact,
  verifyNotation,
  type ImageIndex,
  type Target,
  type Verification,
} from '@d2ci/core';
import { TestCa } from '../harness/ca.ts';
import { startSigstore, type LocalSigstore } from '../harness/sigstore.ts';
import { githubIssuerUrl, pushFresh, remote, workflowIdentity } from '../sign/helpers.ts';
import { exportTrust, oidcTokenFile, type TrustFiles } from './lib/trust.ts';
import { interopRegistries as registries, startStore, type Store, type StoreName } from './lib/stores.ts';
import { cosignVerifyAttestation, fluxVerify, notationConfig, notationVerify } from './lib/consumers.ts';
import { notationVersion, orasVersion, run, tool, type CosignVersion } from './lib/tools.ts';
import { recordCell } from './lib/results.ts';

describe('interop: what the consumers sign and push, d2ci reads (and judges as they do)', () => {
  let work: string;
  let sigstore: LocalSigstore;
  let trust: TrustFiles;
  let keyFile: string;
  let pubFile: string;
  let verification: Verification;
  let keylessVerification: Verification;
  const stores = new Map<StoreName, Store>();

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'd2ci-interop-reverse-'));
    sigstore = await startSigstore();
    trust = exportTrust(sigstore, work);
    keylessVerification = {
      kind: 'keyless',
      trustedRoot: await loadTrustedRoot({ trustedRootFile: trust.trustedRoot }),
      policy: compilePolicy({ identity: workflowIdentity, issuer: githubIssuerUrl }),
    };
    // cosign signs only with its own key file (ENCRYPTED SIGSTORE PRIVATE KEY), made by cosign itself.
    const made = await run(tool('cosign', 'v2.5.2'), ['generate-key-pair'], { cwd: work, env: { COSIGN_PASSWORD: '' } });
    assert.equal(made.code, 0, made.stderr);
    keyFile = join(work, 'cosign.key');
    pubFile = join(work, 'cosign.pub');
    verification = { kind: 'key', keys: [createPublicKey(readFileSync(pubFile))] };
    for (const name of registries) stores.set(name, await startStore(name));
  });
  after(async () => {
    await Promise.all([...stores.values()].map((s) => s.stop()));
    await sigstore?.close();
    rmSync(work, { recursive: true, force: true });
  });

  /**
   * cosign sign keylessly against the local Sigstore (Fulcio v1 for cosign ≤ v3.0, v2 for sigstore-go in v3.1+,
   * Rekor v1) with a GitHub Actions OIDC token. cosign reads the token without verifying it, but only a signed JWT.
   */
  const cosignSignKeyless = async (version: CosignVersion, reference: string, bundle: boolean): Promise<void> => {
    const token = oidcTokenFile(sigstore, work);
    const v3 = version.startsWith('v3');
    const args = [
      'sign',
      '--fulcio-url',
      sigstore.url,
      '--rekor-url',
      sigstore.url,
      '--identity-token',
      token,
      '--allow-http-registry',
      '-y',
    ];
    if (v3) args.push('--use-signing-config=false', `--new-bundle-format=${bundle}`, '--trusted-root', trust.trustedRoot);
    else if (bundle) args.push('--new-bundle-format');
    const ran = await run(tool('cosign', version), [...args, reference], {
      env: { ...(v3 ? {} : trust.legacyEnv), TUF_ROOT: join(work, 'tuf') },
    });
    assert.equal(ran.code, 0, `cosign ${version} keyless sign: ${ran.stderr}`);
  };

  /** cosign sign with a key (an unencrypted PEM; COSIGN_PASSWORD empty), no transparency log, as Flux keys are checked. */
  const cosignSign = async (version: CosignVersion, reference: string, bundle: boolean): Promise<void> => {
    const args = ['sign', '--key', keyFile, '--tlog-upload=false', '--allow-http-registry', '-y'];
    if (version.startsWith('v3')) args.push(`--new-bundle-format=${bundle}`, '--use-signing-config=false');
    else if (bundle) args.push('--new-bundle-format');
    const ran = await run(tool('cosign', version), [...args, reference], { env: { COSIGN_PASSWORD: '', TUF_ROOT: join(work, 'tuf') } });
    assert.equal(ran.code, 0, `cosign ${version} sign: ${ran.stderr}`);
  };

  for (const storeName of registries) {
    describe(storeName, () => {
      const signers: [CosignVersion, boolean][] = [
        ['v2.5.2', false],
        ['v2.6.5', true],
        ['v3.0.6', true],
        ['v3.0.6', false],
        ['v3.1.3', true],
      ];
      for (const [version, bundle] of signers) {
        it(`cosign ${version} sign --key (${bundle ? 'bundle' : 'legacy'}): d2ci verifies as cosign and Flux do`, async () => {
          const store = stores.get(storeName);
          assert.ok(store);
          const target = remote(store.host, `reverse/cosign-${version.replace(/\./g, '-')}-${bundle ? 'bundle' : 'legacy'}`);
          const pushed = await pushFresh(target);
          const reference = `${store.host}/${target.name.split('/').slice(1).join('/')}@${pushed.descriptor.digest}`;
          await cosignSign(version, reference, bundle);
          if (bundle && !store.referrersApi && version === 'v3.0.6') {
            // The case d2ci used to miss: go-containerregistry ≤ v0.21.3 lists the bundle with the config's media type.
            const index = await target.fetchManifest(`sha256-${pushed.descriptor.digest.slice(7)}`);
            const listed = (parseManifest(index.bytes, index.descriptor.mediaType).manifest as ImageIndex).manifests.map(
              (m) => m.artifactType,
            );
            assert.deepEqual(
              listed,
              ['application/vnd.oci.empty.v1+json'],
              'cosign v3.0.6 lists its bundle with artifactType = the empty config media type',
            );
          }
          const problems: string[] = [];
          for (const flux of ['2.7', '2.8', '2.9'] as const) {
            const consumer = await fluxVerify(flux, reference, { kind: 'key', publicKeyFile: pubFile });
            const ours = await verifyArtifact({ target, reference: pushed.descriptor.digest, verification, fluxVersion: flux });
            const d2ci = ours.flux[0]?.accepted ?? false;
            const expected = flux !== '2.7' || !bundle;
            recordCell({
              suite: 'consumer→d2ci',
              store: storeName,
              scenario: `cosign ${version} sign --key (${bundle ? 'bundle' : 'legacy'})`,
              format: bundle ? 'bundle' : 'legacy',
              verifier: `flux ${flux}`,
              consumer: consumer.accepted,
              d2ci,
              expected,
            });
            if (consumer.accepted !== d2ci || d2ci !== expected)
              problems.push(
                `flux ${flux}: consumer ${consumer.accepted} (${consumer.detail}), d2ci ${d2ci} (${ours.reasons.join('; ')}), expected ${expected}`,
              );
          }
          // d2ci discover/list: the signature is seen (bundle as a referrer, legacy as the .sig tag).
          const referrers = await target.referrers(pushed.descriptor);
          if (bundle) assert.equal(referrers.length, 1, 'the bundle is listed as a referrer');
          const listed = await listArtifacts(target);
          assert.ok(
            listed.some((a) => a.digest === pushed.descriptor.digest),
            'the artifact is listed',
          );
          assert.deepEqual(problems, []);
        });
      }

      const keylessSigners: [CosignVersion, boolean][] = [
        ['v2.5.2', false],
        ['v2.6.5', true],
        ['v3.0.6', false],
        ['v3.0.6', true],
        ['v3.1.3', true],
      ];
      for (const [version, bundle] of keylessSigners) {
        it(`cosign ${version} sign keyless (${bundle ? 'bundle' : 'legacy'}): d2ci verifies as cosign and Flux do`, async () => {
          const store = stores.get(storeName);
          assert.ok(store);
          const target = remote(store.host, `reverse/keyless-${version.replace(/\./g, '-')}-${bundle ? 'bundle' : 'legacy'}`);
          const pushed = await pushFresh(target);
          const reference = `${store.host}/${target.name.split('/').slice(1).join('/')}@${pushed.descriptor.digest}`;
          await cosignSignKeyless(version, reference, bundle);
          const problems: string[] = [];
          // Flux 2.8 verifies keylessly only with the public-good TUF root: asked about keys only.
          for (const flux of ['2.7', '2.9'] as const) {
            const consumer = await fluxVerify(flux, reference, {
              kind: 'keyless',
              identity: workflowIdentity,
              issuer: githubIssuerUrl,
              trust,
            });
            const ours = await verifyArtifact({
              target,
              reference: pushed.descriptor.digest,
              verification: keylessVerification,
              fluxVersion: flux,
            });
            const d2ci = ours.flux[0]?.accepted ?? false;
            const expected = flux === '2.9' || !bundle;
            recordCell({
              suite: 'consumer→d2ci',
              store: storeName,
              scenario: `cosign ${version} sign keyless (${bundle ? 'bundle' : 'legacy'})`,
              format: bundle ? 'bundle' : 'legacy',
              verifier: `flux ${flux}`,
              consumer: consumer.accepted,
              d2ci,
              expected,
            });
            if (consumer.accepted !== d2ci || d2ci !== expected)
              problems.push(
                `flux ${flux}: consumer ${consumer.accepted} (${consumer.detail}), d2ci ${d2ci} (${ours.reasons.join('; ')}; ${ours.flux[0]?.reason ?? ''}), expected ${expected}`,
              );
          }
          assert.deepEqual(problems, []);
        });
      }

      it('a digest cosign v3.0.6 signed as a bundle, promoted by d2ci with another key: Flux 2.7, 2.8 and 2.9 accept the release', async () => {
        const store = stores.get(storeName);
        assert.ok(store);
        const target = remote(store.host, 'reverse/promote');
        const pushed = await pushFresh(target);
        const reference = `${store.host}/reverse/promote@${pushed.descriptor.digest}`;
        await cosignSign('v3.0.6', reference, true);
        // The release key: d2ci asked for legacy only, and adds a bundle because the digest carries one.
        const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
        const releasePub = join(work, `release-${storeName}.pub`);
        writeFileSync(releasePub, publicKey.export({ format: 'pem', type: 'spki' }));
        const signed = await signInPresentFormats(target, pushed.descriptor, {
          identity: { kind: 'key', privateKey },
          format: 'legacy',
          repository: target.name,
        });
        assert.deepEqual(signed.formats, ['legacy', 'bundle']);
        const problems: string[] = [];
        for (const flux of ['2.7', '2.8', '2.9'] as const) {
          const consumer = await fluxVerify(flux, reference, { kind: 'key', publicKeyFile: releasePub });
          const ours = await verifyArtifact({
            target,
            reference: pushed.descriptor.digest,
            verification: { kind: 'key', keys: [publicKey] },
            fluxVersion: flux,
          });
          const d2ci = ours.flux[0]?.accepted ?? false;
          recordCell({
            suite: 'consumer→d2ci',
            store: storeName,
            scenario: 'cosign v3.0.6 bundle, promoted by d2ci sign',
            format: 'bundle + d2ci legacy + d2ci bundle',
            verifier: `flux ${flux}`,
            consumer: consumer.accepted,
            d2ci,
            expected: true,
          });
          if (!consumer.accepted || !d2ci)
            problems.push(`flux ${flux}: consumer ${consumer.accepted} (${consumer.detail}), d2ci ${d2ci} (${ours.reasons.join('; ')})`);
        }
        assert.deepEqual(problems, []);
      });

      it('cosign v3.0.6 attest --key --type spdxjson: d2ci verifies the attestation, cosign verify-attestation agrees', async () => {
        const store = stores.get(storeName);
        assert.ok(store);
        const target = remote(store.host, 'reverse/cosign-attest');
        const pushed = await pushFresh(target);
        const reference = `${store.host}/reverse/cosign-attest@${pushed.descriptor.digest}`;
        const predicate = join(work, `sbom-${randomBytes(4).toString('hex')}.json`);
        writeFileSync(predicate, JSON.stringify({ spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT', name: 'app' }));
        const ran = await run(
          tool('cosign', 'v3.0.6'),
          [
            'attest',
            '--key',
            keyFile,
            '--type',
            'spdxjson',
            '--predicate',
            predicate,
            '--tlog-upload=false',
            '--use-signing-config=false',
            '--allow-http-registry',
            '-y',
            reference,
          ],
          { env: { COSIGN_PASSWORD: '', TUF_ROOT: join(work, 'tuf') } },
        );
        assert.equal(ran.code, 0, ran.stderr);
        const consumer = await cosignVerifyAttestation('v3.0.6', reference, 'spdxjson', { kind: 'key', publicKeyFile: pubFile, trust });
        const ours = await verifyArtifact({
          target,
          reference: pushed.descriptor.digest,
          verification,
          fluxVersion: '2.9',
          requireAttestations: [attestationPredicateType('spdx')],
        });
        recordCell({
          suite: 'consumer→d2ci',
          store: storeName,
          scenario: 'cosign v3.0.6 attest --key',
          format: 'attestation',
          verifier: 'cosign v3.0.6 verify-attestation',
          consumer: consumer.accepted,
          d2ci: ours.verified,
          expected: true,
        });
        assert.ok(consumer.accepted, consumer.detail);
        assert.equal(ours.verified, true, ours.reasons.join('; '));
        // d2ci pull --referrer spdx finds it too (cosign v3.0.6 lists it with the empty config's artifactType).
        const found = await newestAttestation(target, pushed.descriptor, attestationPredicateType('spdx'));
        assert.deepEqual(found?.predicate, { spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT', name: 'app' });
      });

      it('notation 1.3.2 sign: d2ci verifies it with the same trust policy', async () => {
        const store = stores.get(storeName);
        assert.ok(store);
        const ca = new TestCa(join(work, `ca-${storeName}`));
        const root = ca.issue('root', '/C=US/ST=WA/O=d2ci Interop/CN=d2ci Interop Root', 'EC-384', 'v3_root');
        const leaf = ca.issue('leaf', '/C=US/ST=WA/L=Seattle/O=d2ci Interop/CN=notation signer', 'EC-256', 'v3_leaf', root);
        const target = remote(store.host, 'reverse/notation');
        const pushed = await pushFresh(target);
        const scope = `${store.host}/reverse/notation`;
        const policy = {
          version: '1.0',
          trustPolicies: [
            {
              name: 'interop',
              registryScopes: [scope],
              signatureVerification: { level: 'strict' },
              trustStores: ['ca:interop'],
              trustedIdentities: ['*'],
            },
          ],
        };
        const config = notationConfig(policy, root.certPem);
        const chain = join(work, `chain-${storeName}.pem`);
        writeFileSync(chain, leaf.certPem + root.certPem);
        mkdirSync(join(config.configHome, 'notation'), { recursive: true });
        writeFileSync(
          join(config.configHome, 'notation', 'signingkeys.json'),
          JSON.stringify({ default: 'interop', keys: [{ name: 'interop', keyPath: leaf.keyFile, certPath: chain }] }),
        );
        const signed = await run(
          tool('notation', notationVersion),
          ['sign', '--insecure-registry', '--key', 'interop', `${scope}@${pushed.descriptor.digest}`],
          { env: { XDG_CONFIG_HOME: config.configHome } },
        );
        assert.equal(signed.code, 0, signed.stderr);
        const ours = await verifyNotation({
          target,
          reference: pushed.descriptor.digest,
          repository: scope,
          trustPolicy: JSON.stringify(policy),
          trustStore: notationDirectoryTrustStore(config.storeDir),
        });
        const flux = await fluxVerify('2.9', `${scope}@${pushed.descriptor.digest}`, { kind: 'notation', secretDir: config.secretDir });
        const cli = await notationVerify(`${scope}@${pushed.descriptor.digest}`, config.configHome);
        // olareg 0.1.2's referrers API lists notation's manifest (no artifactType, the notary config) without the
        // config-media-type fallback the spec asks for, and notation filters on it: invisible to notation, Flux and
        // d2ci alike there. What matters is that d2ci says what the consumers say.
        const expected = storeName !== 'olareg';
        recordCell({
          suite: 'consumer→d2ci',
          store: storeName,
          scenario: 'notation 1.3.2 sign',
          format: 'notation',
          verifier: 'flux 2.9',
          consumer: flux.accepted,
          d2ci: ours.verified,
          expected,
        });
        recordCell({
          suite: 'consumer→d2ci',
          store: storeName,
          scenario: 'notation 1.3.2 sign',
          format: 'notation',
          verifier: 'notation v1.3.2',
          consumer: cli.accepted,
          d2ci: ours.verified,
          expected,
        });
        assert.deepEqual(
          { d2ci: ours.verified, flux: flux.accepted, notation: cli.accepted },
          { d2ci: expected, flux: expected, notation: expected },
          `d2ci: ${ours.reasons.join('; ')} | flux: ${flux.detail} | notation: ${cli.detail}`,
        );
      });

      it('oras push of a Flux-format artifact: d2ci lists, pulls and diffs it', async () => {
        const store = stores.get(storeName);
        assert.ok(store);
        const dir = mkdtempSync(join(work, 'oras-'));
        mkdirSync(join(dir, 'app'));
        writeFileSync(join(dir, 'app', 'deploy.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\n');
        // What `flux push artifact` stores, written by oras: the Flux config type and a tar+gzip layer.
        const tar = await run('tar', ['-czf', join(dir, 'app.tgz'), '-C', join(dir, 'app'), '.']);
        assert.equal(tar.code, 0, tar.stderr);
        writeFileSync(join(dir, 'config.json'), '{}');
        const ref = `${store.host}/reverse/oras:v1`;
        const pushedByOras = await run(
          tool('oras', orasVersion),
          [
            'push',
            '--plain-http',
            '--config',
            'config.json:application/vnd.cncf.flux.config.v1+json',
            '--annotation',
            'org.opencontainers.image.revision=main@sha1:0123',
            ref,
            'app.tgz:application/vnd.cncf.flux.content.v1.tar+gzip',
          ],
          { cwd: dir },
        );
        assert.equal(pushedByOras.code, 0, pushedByOras.stderr);
        const target: Target = remote(store.host, 'reverse/oras');
        const listed = await listArtifacts(target);
        assert.ok(
          listed.some((a) => a.tag === 'v1'),
          'd2ci lists the tag oras pushed',
        );
        const out = join(dir, 'pulled');
        await pullArtifact({ target, reference: 'v1', output: out });
        assert.equal(readFileSync(join(out, 'deploy.yaml'), 'utf8'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\n');
        const diff = await diffArtifact({ target, reference: 'v1', path: join(dir, 'app') });
        recordCell({
          suite: 'consumer→d2ci',
          store: storeName,
          scenario: 'oras push (Flux format)',
          format: 'artifact',
          verifier: 'd2ci pull',
          consumer: true,
          d2ci: true,
          expected: true,
        });
        // d2ci reads oras's layer (its tar headers differ from d2ci's, so the bytes never match: a first push re-pushes).
        assert.ok(diff.remote?.digest.startsWith('sha256:'), diff.reason);
      });
    });
  }
});
