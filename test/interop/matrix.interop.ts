// The interoperability matrix, d2ci → consumers: every signature format d2ci writes, in every store, checked by the
// code that reads it in production — cosign v2.5/v2 newest/v3.0/v3 newest, Flux source-controller's own verifier
// (1.7 = Flux 2.7, 1.8 = Flux 2.8 for keys, 1.9 = Flux 2.9), notation 1.3.2, oras and crane — and, in the same cell, d2ci's own verdict in the
// matching mode. A cell passes when the two agree (and, where the README promises an outcome, when it is that one).
// Every cell is recorded in test/interop/results.json, from which the README's compatibility table is generated.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  OciLayout,
  attachDocuments,
  loadPublicKey,
  compilePolicy,
  createNotationKeySigner,
  loadTrustedRoot,
  readDocument,
  signArtifact,
  signNotation,
  verifyArtifact,
  verifyNotation,
  notationDirectoryTrustStore,
  type Descriptor,
  type SigningIdentity,
  type Target,
  type Verification,
} from '@d2ci/core';
import { startSigstore, type LocalSigstore } from '../harness/sigstore.ts';
import { TestCa, type Issued } from '../harness/ca.ts';
import { keyless, pushFresh, remote, workflowIdentity, githubIssuerUrl } from '../sign/helpers.ts';
import { exportTrust, type TrustFiles } from './lib/trust.ts';
import { interopRegistries as registries, narrowedTo, startPlainHttpStore, startStore, type Store, type StoreName } from './lib/stores.ts';
import {
  cosignVerify,
  craneValidate,
  fluxVerify,
  notationConfig,
  notationVerify,
  orasDiscover,
  type Policy,
  type Verdict,
} from './lib/consumers.ts';
import { cosignVersions, type CosignVersion } from './lib/tools.ts';
import { recordCell } from './lib/results.ts';

// D2CI_INTEROP_STORES / D2CI_INTEROP_VERIFIERS narrow a local run (comma-separated, lib/stores.ts); CI runs everything.
/** The verifiers of a cosign-format cell and the d2ci mode each corresponds to. */
type Verifier = `cosign ${CosignVersion}` | 'flux 2.7' | 'flux 2.8' | 'flux 2.9';
const verifiers: Verifier[] = ([...cosignVersions.map((v) => `cosign ${v}` as const), 'flux 2.7', 'flux 2.8', 'flux 2.9'] as const).filter(
  (v) => narrowedTo('D2CI_INTEROP_VERIFIERS')?.includes(v) ?? true,
);

/**
 * d2ci's answer for the question a verifier answers: cosign v2.5 reads only `.sig` (Flux 2.7's rules plus cosign's
 * claim check, which `verified` includes); cosign v2.6.3+ and v3 read only bundles once any exists (Flux 2.8's);
 * the Flux verifiers are compared with d2ci's per-version prediction.
 */
async function d2ciVerdict(
  verifier: Verifier,
  target: Target,
  digest: string,
  verification: Verification,
  identities?: number,
): Promise<Verdict> {
  const fluxVersion = verifier === 'flux 2.7' || verifier === 'cosign v2.5.2' ? '2.7' : verifier === 'flux 2.9' ? '2.9' : '2.8';
  const result = await verifyArtifact({ target, reference: digest, verification, fluxVersion, ...(identities ? { identities } : {}) });
  if (verifier.startsWith('flux')) return { accepted: result.flux[0]?.accepted ?? false, detail: result.flux[0]?.reason ?? '' };
  return { accepted: result.verified, detail: result.reasons.join('; ') };
}

async function consumerVerdict(verifier: Verifier, reference: string, policy: Policy): Promise<Verdict> {
  if (verifier === 'flux 2.7') return fluxVerify('2.7', reference, policy);
  if (verifier === 'flux 2.8') return fluxVerify('2.8', reference, policy);
  if (verifier === 'flux 2.9') return fluxVerify('2.9', reference, policy);
  return cosignVerify(verifier.slice('cosign '.length) as CosignVersion, reference, policy);
}

interface Scenario {
  name: string;
  /** Which formats the artifact carries, for the table. */
  format: string;
  /** Builds the artifact (and its signatures) in `target`; returns the digest to verify. */
  make(target: Target): Promise<string>;
  policy: 'keyless' | 'key' | 'other-identity' | 'other-issuer' | 'foreign-key' | 'identity-re2' | 'two-identities';
  /** What the README promises, per verifier; unlisted verifiers are only compared with d2ci. */
  expect?: Partial<Record<Verifier, boolean>>;
}

const all = (accepted: boolean): Record<Verifier, boolean> =>
  Object.fromEntries(verifiers.map((v) => [v, accepted])) as Record<Verifier, boolean>;
const bundleReaders = (accepted: boolean): Partial<Record<Verifier, boolean>> => ({
  'cosign v2.6.5': accepted,
  'cosign v3.0.6': accepted,
  'cosign v3.1.3': accepted,
  'flux 2.8': accepted,
  'flux 2.9': accepted,
});
const legacyReaders = (accepted: boolean): Partial<Record<Verifier, boolean>> => ({ 'cosign v2.5.2': accepted, 'flux 2.7': accepted });

describe('interop: what d2ci signs, the consumers accept (and d2ci predicts it)', () => {
  let work: string;
  let sigstore: LocalSigstore;
  let stranger: LocalSigstore;
  let trust: TrustFiles;
  let keyFiles: { privateKey: ReturnType<typeof generateKeyPairSync>['privateKey']; publicFile: string; foreignFile: string };
  let keylessVerification: Verification;
  const stores = new Map<StoreName, Store>();

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'd2ci-interop-'));
    [sigstore, stranger] = await Promise.all([startSigstore(), startSigstore()]);
    trust = exportTrust(sigstore, work);
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const foreign = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey;
    writeFileSync(join(work, 'cosign.pub'), publicKey.export({ format: 'pem', type: 'spki' }));
    writeFileSync(join(work, 'foreign.pub'), foreign.export({ format: 'pem', type: 'spki' }));
    keyFiles = { privateKey, publicFile: join(work, 'cosign.pub'), foreignFile: join(work, 'foreign.pub') };
    keylessVerification = {
      kind: 'keyless',
      trustedRoot: await loadTrustedRoot({ trustedRootFile: trust.trustedRoot }),
      policy: compilePolicy({ identity: workflowIdentity, issuer: githubIssuerUrl }),
    };
    for (const name of registries) stores.set(name, await startStore(name));
  });
  after(async () => {
    await Promise.all([...stores.values()].map((s) => s.stop()));
    await Promise.all([sigstore?.close(), stranger?.close()]);
    rmSync(work, { recursive: true, force: true });
  });

  const keyIdentity = (): SigningIdentity => ({ kind: 'key', privateKey: keyFiles.privateKey });
  const signed = (identity: () => SigningIdentity, format: 'legacy' | 'bundle' | 'both') => async (target: Target) =>
    (await pushFresh(target, { sign: { identity: identity(), format } })).descriptor.digest;
  const sbom = async (): Promise<string> => {
    const file = join(work, `sbom-${randomBytes(4).toString('hex')}.spdx.json`);
    writeFileSync(
      file,
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
    return file;
  };

  const scenarios: Scenario[] = [
    { name: 'legacy keyless', format: 'legacy', policy: 'keyless', make: signed(() => keyless(sigstore), 'legacy'), expect: all(true) },
    { name: 'legacy key', format: 'legacy', policy: 'key', make: signed(keyIdentity, 'legacy'), expect: all(true) },
    {
      name: 'bundle keyless',
      format: 'bundle',
      policy: 'keyless',
      make: signed(() => keyless(sigstore), 'bundle'),
      expect: { ...legacyReaders(false), ...bundleReaders(true) },
    },
    {
      name: 'bundle key',
      format: 'bundle',
      policy: 'key',
      make: signed(keyIdentity, 'bundle'),
      expect: { ...legacyReaders(false), ...bundleReaders(true) },
    },
    { name: 'both keyless', format: 'both', policy: 'keyless', make: signed(() => keyless(sigstore), 'both'), expect: all(true) },
    { name: 'both key', format: 'both', policy: 'key', make: signed(keyIdentity, 'both'), expect: all(true) },
    {
      name: 'legacy + SBOM attestation, keyless',
      format: 'legacy+attestation',
      policy: 'keyless',
      make: async (target) => {
        const pushed = await pushFresh(target, { sign: { identity: keyless(sigstore), format: 'legacy' } });
        await attachDocuments(target, pushed.descriptor, [await readDocument(await sbom())], { attest: { identity: keyless(sigstore) } });
        return pushed.descriptor.digest;
      },
      expect: { ...legacyReaders(true), 'flux 2.9': true },
    },
    {
      name: 'legacy + SBOM attestation, key',
      format: 'legacy+attestation',
      policy: 'key',
      make: async (target) => {
        const pushed = await pushFresh(target, { sign: { identity: keyIdentity(), format: 'legacy' } });
        await attachDocuments(target, pushed.descriptor, [await readDocument(await sbom())], { attest: { identity: keyIdentity() } });
        return pushed.descriptor.digest;
      },
      expect: { ...legacyReaders(true), 'flux 2.8': true, 'flux 2.9': true },
    },
    {
      name: 'RE2 identity pattern (?i) and \\z',
      format: 'both',
      policy: 'identity-re2',
      make: signed(() => keyless(sigstore), 'both'),
      expect: all(true),
    },
    {
      name: 'two matchOIDCIdentity entries, legacy',
      format: 'legacy',
      policy: 'two-identities',
      make: signed(() => keyless(sigstore), 'legacy'),
      expect: { 'flux 2.7': true, 'flux 2.9': true },
    },
    {
      name: 'two matchOIDCIdentity entries, both',
      format: 'both',
      policy: 'two-identities',
      make: signed(() => keyless(sigstore), 'both'),
      expect: { 'flux 2.7': true, 'flux 2.9': false },
    },
    { name: 'wrong identity', format: 'both', policy: 'other-identity', make: signed(() => keyless(sigstore), 'both'), expect: all(false) },
    { name: 'wrong issuer', format: 'both', policy: 'other-issuer', make: signed(() => keyless(sigstore), 'both'), expect: all(false) },
    { name: 'foreign key', format: 'both', policy: 'foreign-key', make: signed(keyIdentity, 'both'), expect: all(false) },
    {
      name: 'unsigned',
      format: 'none',
      policy: 'keyless',
      make: async (target) => (await pushFresh(target)).descriptor.digest,
      expect: all(false),
    },
    {
      // Another artifact's .sig manifest copied under this digest's tag: cosign checks the payload's digest claim;
      // Flux passes no claim verifier and accepts it (d2ci's gate refuses it whatever the version).
      name: 'legacy signature of another digest',
      format: 'legacy (copied)',
      policy: 'keyless',
      make: async (target) => {
        const a = await pushFresh(target, { sign: { identity: keyless(sigstore), format: 'legacy' } });
        const b = await pushFresh(target);
        const sig = await target.fetchManifest(`sha256-${a.descriptor.digest.slice(7)}.sig`);
        await target.pushReference(sig.descriptor, sig.bytes, `sha256-${b.descriptor.digest.slice(7)}.sig`);
        return b.descriptor.digest;
      },
      expect: { 'cosign v2.5.2': false, 'cosign v3.0.6': false, 'flux 2.7': true, 'flux 2.9': true },
    },
    {
      name: 'tampered legacy payload',
      format: 'legacy (tampered)',
      policy: 'keyless',
      make: async (target) => {
        const pushed = await pushFresh(target, { sign: { identity: keyless(sigstore), format: 'legacy' } });
        const tag = `sha256-${pushed.descriptor.digest.slice(7)}.sig`;
        const sig = await target.fetchManifest(tag);
        const manifest = JSON.parse(sig.bytes.toString()) as { layers: Descriptor[] };
        const layer = manifest.layers[0] as Descriptor;
        const { readAll, bytesSource, descriptorFor } = await import('@d2ci/core');
        const payload = JSON.parse((await readAll(await target.fetch(layer))).toString()) as { optional?: Record<string, string> };
        const tampered = Buffer.from(JSON.stringify({ ...payload, optional: { ...payload.optional, injected: 'yes' } }));
        const tamperedLayer = { ...descriptorFor(layer.mediaType, tampered), annotations: layer.annotations };
        await target.push(tamperedLayer, bytesSource(tampered));
        const bytes = Buffer.from(JSON.stringify({ ...manifest, layers: [tamperedLayer] }));
        await target.pushReference(descriptorFor(sig.descriptor.mediaType, bytes), bytes, tag);
        return pushed.descriptor.digest;
      },
      expect: all(false),
    },
    {
      // A bundle from another Sigstore beside a good legacy signature: Flux 2.8+ and cosign v2.6.3+ read only it.
      name: 'foreign bundle hiding a good legacy signature',
      format: 'legacy + foreign bundle',
      policy: 'keyless',
      make: async (target) => {
        const pushed = await pushFresh(target, { sign: { identity: keyless(sigstore), format: 'legacy' } });
        await signArtifact(target, pushed.descriptor, { identity: keyless(stranger), format: 'bundle', repository: target.name });
        return pushed.descriptor.digest;
      },
      expect: { ...legacyReaders(true), ...bundleReaders(false) },
    },
  ];

  const policyFor = (scenario: Scenario): { policy: Policy; verification: Verification; identities?: number } => {
    switch (scenario.policy) {
      case 'key':
        return {
          policy: { kind: 'key', publicKeyFile: keyFiles.publicFile, trust },
          verification: { kind: 'key', keys: [keyFiles.privateKey] },
        };
      case 'foreign-key': {
        const foreign = { kind: 'key', publicKeyFile: keyFiles.foreignFile, trust } as const;
        return { policy: foreign, verification: { kind: 'key', keys: [loadPublicKey(readFileSync(keyFiles.foreignFile, 'utf8'))] } };
      }
      case 'other-identity': {
        const identity = workflowIdentity.replace('refs/heads/main', 'refs/heads/feature');
        return {
          policy: { kind: 'keyless', identity, issuer: githubIssuerUrl, trust },
          verification: { ...keylessVerification, policy: compilePolicy({ identity, issuer: githubIssuerUrl }) } as Verification,
        };
      }
      case 'other-issuer': {
        const issuer = 'https://accounts.google.com';
        return {
          policy: { kind: 'keyless', identity: workflowIdentity, issuer, trust },
          verification: { ...keylessVerification, policy: compilePolicy({ identity: workflowIdentity, issuer }) } as Verification,
        };
      }
      case 'identity-re2': {
        // Valid in Go's RE2, not in JavaScript: case-insensitive flag group and \z.
        const identityRegexp = '(?i)^https://GITHUB\\.com/acme/fleet/\\.github/workflows/push-artifact\\.yaml@refs/heads/main\\z';
        const issuerRegexp = '^https://token\\.actions\\.githubusercontent\\.com$';
        return {
          policy: { kind: 'keyless', identityRegexp, issuerRegexp, trust },
          verification: { ...keylessVerification, policy: compilePolicy({ identityRegexp, issuerRegexp }) } as Verification,
        };
      }
      case 'two-identities': {
        const identities = [
          {
            subject: '^https://github\\.com/acme/fleet/\\.github/workflows/release\\.yaml@refs/tags/v.*$',
            issuer: '^https://token\\.actions\\.githubusercontent\\.com$',
          },
          {
            subject: '^https://github\\.com/acme/fleet/\\.github/workflows/push-artifact\\.yaml@refs/heads/main$',
            issuer: '^https://token\\.actions\\.githubusercontent\\.com$',
          },
        ];
        // d2ci's own policy: the second entry matches; `identities` tells verify how many the cluster has.
        return {
          policy: { kind: 'keyless', trust, identities },
          verification: {
            ...keylessVerification,
            policy: compilePolicy({ identityRegexp: identities[1]?.subject, issuerRegexp: identities[1]?.issuer }),
          } as Verification,
          identities: 2,
        };
      }
      default:
        return {
          policy: { kind: 'keyless', identity: workflowIdentity, issuer: githubIssuerUrl, trust },
          verification: keylessVerification,
        };
    }
  };

  for (const storeName of registries) {
    describe(storeName, () => {
      for (const scenario of scenarios) {
        it(scenario.name, async () => {
          const store = stores.get(storeName);
          assert.ok(store);
          const target = remote(
            store.host,
            `interop/${scenario.name
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, '-')
              .replace(/^-+|-+$/g, '')}`,
          );
          const digest = await scenario.make(target);
          const reference = `${store.host}/${target.name.split('/').slice(1).join('/')}@${digest}`;
          const { policy, verification, identities } = policyFor(scenario);
          const problems: string[] = [];
          // The two-identity scenarios ask a question only Flux asks (cosign takes one identity). Flux 2.8 verifies
          // keylessly only with the public-good TUF root (no trusted-root option, no TUF mirror here): keys only.
          const keyed = scenario.policy === 'key' || scenario.policy === 'foreign-key';
          const asked = (scenario.policy === 'two-identities' ? verifiers.filter((v) => v.startsWith('flux')) : verifiers).filter(
            (v) => keyed || v !== 'flux 2.8',
          );
          for (const verifier of asked) {
            const [consumer, d2ci] = await Promise.all([
              consumerVerdict(verifier, reference, policy),
              d2ciVerdict(verifier, target, digest, verification, identities),
            ]);
            const expected = scenario.expect?.[verifier];
            recordCell({
              suite: 'd2ci→consumer',
              store: storeName,
              scenario: scenario.name,
              format: scenario.format,
              verifier,
              consumer: consumer.accepted,
              d2ci: d2ci.accepted,
              ...(expected !== undefined ? { expected } : {}),
            });
            if (consumer.accepted !== d2ci.accepted)
              problems.push(
                `${verifier}: consumer ${consumer.accepted ? 'accepts' : 'rejects'} (${consumer.detail}), d2ci ${d2ci.accepted ? 'accepts' : 'rejects'} (${d2ci.detail})`,
              );
            else if (expected !== undefined && consumer.accepted !== expected)
              problems.push(
                `${verifier}: both ${consumer.accepted ? 'accept' : 'reject'}, the README promises the opposite (${consumer.detail})`,
              );
          }
          assert.deepEqual(problems, []);
        });
      }

      it('oras discover lists the referrers d2ci lists; crane validate accepts the artifact and its signature manifests', async () => {
        const store = stores.get(storeName);
        assert.ok(store);
        const target = remote(store.host, 'interop/discover');
        const pushed = await pushFresh(target, { sign: { identity: keyless(sigstore), format: 'both' } });
        await attachDocuments(target, pushed.descriptor, [await readDocument(await sbom())], { attest: { identity: keyless(sigstore) } });
        const reference = `${store.host}/interop/discover@${pushed.descriptor.digest}`;
        const oras = await orasDiscover(reference);
        const ours = await target.referrers(pushed.descriptor);
        const sorted = (list: { digest: string; artifactType?: string }[]): string[] =>
          list.map((r) => `${r.artifactType ?? ''} ${r.digest}`).sort();
        recordCell({
          suite: 'd2ci→consumer',
          store: storeName,
          scenario: 'referrers listing',
          format: 'bundle+sbom+attestation',
          verifier: 'oras v1.3.6 discover',
          consumer: oras.referrers.length === 3,
          d2ci: ours.length === 3,
        });
        assert.deepEqual(sorted(oras.referrers), sorted(ours), oras.detail);
        const crane = await craneValidate(reference);
        const craneSig = await craneValidate(`${store.host}/interop/discover:sha256-${pushed.descriptor.digest.slice(7)}.sig`);
        recordCell({
          suite: 'd2ci→consumer',
          store: storeName,
          scenario: 'artifact and .sig manifests are complete',
          format: 'both',
          verifier: 'crane v0.21.6 validate',
          consumer: crane.accepted && craneSig.accepted,
          d2ci: true,
          expected: true,
        });
        assert.ok(crane.accepted, crane.detail);
        assert.ok(craneSig.accepted, craneSig.detail);
      });
    });
  }

  it('Flux 2.8 cannot fetch bundles from a plain-HTTP registry it does not treat as local: it reads the .sig, as d2ci predicts', async () => {
    const store = await startPlainHttpStore();
    try {
      const target = remote(store.host, 'interop/plain-http');
      const pushed = await pushFresh(target, { sign: { identity: keyIdentity(), format: 'legacy' } });
      // A bundle by another key beside the good .sig: Flux 2.8+ read only bundles once one exists — where they can.
      const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
      await signArtifact(target, pushed.descriptor, {
        identity: { kind: 'key', privateKey: other },
        format: 'bundle',
        repository: target.name,
      });
      const reference = `${store.host}/interop/plain-http@${pushed.descriptor.digest}`;
      const problems: string[] = [];
      for (const flux of ['2.7', '2.8', '2.9'] as const) {
        const consumer = await fluxVerify(flux, reference, { kind: 'key', publicKeyFile: keyFiles.publicFile });
        const ours = await verifyArtifact({
          target,
          reference: pushed.descriptor.digest,
          verification: { kind: 'key', keys: [keyFiles.privateKey] },
          fluxVersion: flux,
        });
        const d2ci = ours.flux[0]?.accepted ?? false;
        const expected = flux !== '2.9';
        recordCell({
          suite: 'd2ci→consumer',
          store: 'distribution-v3 on 127.0.0.2 (plain HTTP, insecure)',
          scenario: 'legacy key + bundle by another key',
          format: 'legacy + foreign bundle',
          verifier: `flux ${flux}`,
          consumer: consumer.accepted,
          d2ci,
          expected,
        });
        if (consumer.accepted !== d2ci || d2ci !== expected)
          problems.push(
            `flux ${flux}: consumer ${consumer.accepted} (${consumer.detail}), d2ci ${d2ci} (${ours.flux[0]?.reason ?? ''}), expected ${expected}`,
          );
      }
      assert.deepEqual(problems, []);
    } finally {
      await store.stop();
    }
  });

  describe('notation', () => {
    let ca: TestCa;
    let root: Issued;
    let leaf: Issued;
    let otherLeaf: Issued;
    before(() => {
      ca = new TestCa(join(work, 'ca'));
      root = ca.issue('root', '/C=US/ST=WA/O=d2ci Interop/CN=d2ci Interop Root', 'EC-384', 'v3_root');
      leaf = ca.issue('leaf', '/C=US/ST=WA/L=Seattle/O=d2ci Interop/CN=d2ci signer', 'EC-256', 'v3_leaf', root);
      const otherRoot = ca.issue('other-root', '/C=US/ST=WA/O=d2ci Interop/CN=Untrusted Root', 'EC-256', 'v3_root');
      otherLeaf = ca.issue('other-leaf', '/C=US/ST=WA/L=Seattle/O=d2ci Interop/CN=d2ci signer', 'EC-256', 'v3_leaf', otherRoot);
    });
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

    for (const [storeName, trusted] of [
      ...registries.flatMap(
        (s) =>
          [
            [s, true],
            [s, false],
          ] as const,
      ),
      ['oci-layout', true],
      ['oci-layout', false],
    ] as const) {
      it(`${storeName}: ${trusted ? 'signed by the trusted CA' : 'signed by an untrusted CA'}`, async () => {
        const store = storeName === 'oci-layout' ? await startStore('oci-layout') : stores.get(storeName);
        assert.ok(store);
        const issued = trusted ? leaf : otherLeaf;
        const signer = await createNotationKeySigner({
          privateKey: issued.keyPem,
          certificateChain: issued.certPem + (trusted ? root.certPem : readRoot(ca, 'other-root')),
        });
        const layout = storeName === 'oci-layout';
        const target: Target = layout ? new OciLayout(store.host) : remote(store.host, 'interop/notation');
        const scope = layout ? 'local/interop' : `${store.host}/interop/notation`;
        const pushed = await pushFresh(target);
        await signNotation(target, pushed.descriptor, { signer });
        const config = notationConfig(trustPolicy(scope), root.certPem);
        const reference = layout
          ? `${store.host}@${pushed.descriptor.digest}`
          : `${store.host}/interop/notation@${pushed.descriptor.digest}`;
        const ours = await verifyNotation({
          target,
          reference: pushed.descriptor.digest,
          repository: scope,
          trustPolicy: JSON.stringify(trustPolicy(scope)),
          trustStore: notationDirectoryTrustStore(config.storeDir),
        });
        const problems: string[] = [];
        const consumers: [string, Verdict][] = [
          ['notation v1.3.2', await notationVerify(reference, config.configHome, layout ? { scope } : undefined)],
        ];
        if (!layout)
          for (const flux of ['2.7', '2.8', '2.9'] as const)
            consumers.push([`flux ${flux}`, await fluxVerify(flux, reference, { kind: 'notation', secretDir: config.secretDir })]);
        for (const [verifier, verdict] of consumers) {
          recordCell({
            suite: 'd2ci→consumer',
            store: storeName,
            scenario: trusted ? 'notation, trusted CA' : 'notation, untrusted CA',
            format: 'notation',
            verifier,
            consumer: verdict.accepted,
            d2ci: ours.verified,
            expected: trusted,
          });
          if (verdict.accepted !== ours.verified)
            problems.push(
              `${verifier}: consumer ${verdict.accepted ? 'accepts' : 'rejects'} (${verdict.detail}), d2ci ${ours.verified ? 'accepts' : 'rejects'} (${ours.reasons.join('; ')})`,
            );
          else if (verdict.accepted !== trusted) problems.push(`${verifier}: ${verdict.detail}`);
        }
        // oras discover, on the registry or the layout (--oci-layout), lists what d2ci lists.
        const oras = await orasDiscover(reference, layout);
        const listed = await target.referrers(pushed.descriptor);
        const sorted = (list: { digest: string; artifactType?: string }[]): string[] =>
          list.map((r) => `${r.artifactType ?? ''} ${r.digest}`).sort();
        if (trusted)
          recordCell({
            suite: 'd2ci→consumer',
            store: storeName,
            scenario: 'notation signature listed',
            format: 'notation',
            verifier: 'oras v1.3.6 discover',
            consumer: oras.referrers.length === 1,
            d2ci: listed.length === 1,
          });
        if (JSON.stringify(sorted(oras.referrers)) !== JSON.stringify(sorted(listed)))
          problems.push(
            `oras discover lists ${sorted(oras.referrers).join(', ') || 'nothing'} (${oras.detail}), d2ci ${sorted(listed).join(', ') || 'nothing'}`,
          );
        if (layout) await store.stop();
        assert.deepEqual(problems, []);
      });
    }
  });
});

function readRoot(ca: TestCa, name: string): string {
  return readFileSync(join(ca.dir, `${name}.pem`), 'utf8');
}
