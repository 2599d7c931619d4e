// d2ci's copy use case between real targets: two local registries (two hosts in URL terms, neither with the
// referrers API: the `sha256-<hex>` tag index) and an OCI layout. An artifact signed every way d2ci signs —
// cosign .sig and Sigstore bundle by key, an SBOM with its attestation, a Notary Project signature — arrives whole
// and verifies on the destination; a repeated copy writes nothing; a broken source or a refusing destination
// leaves the destination tag where it was.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  OciLayout,
  RegistryClient,
  attachDocuments,
  parseLocation,
  readDocument,
  signArtifact,
  signNotation,
  verifyArtifact,
  verifyNotation,
  type Descriptor,
  type Location,
  type Target,
} from '@d2ci/core';
import { copyArtifact, CopyError, type CopyRequest } from '@d2ci/core/copy';
import { startRegistry, tagDigest, type LocalRegistry } from '../harness/registry.ts';
import { startFaultProxy } from '../harness/fault-proxy.ts';
import { pushFresh } from '../sign/helpers.ts';
import { policyFor, setUpNotationCa, type NotationCa } from '../notation/fixture.ts';

const client = new RegistryClient();
const end = (url: string): CopyRequest['source'] => {
  const location: Location = parseLocation(url);
  return {
    location,
    target: location.kind === 'registry' ? client.repository(location.reference) : new OciLayout(location.dir),
  };
};
const sortedReferrers = async (target: Target, subject: Descriptor): Promise<string[]> =>
  (await target.referrers(subject)).map((d) => `${d.artifactType ?? ''} ${d.digest}`).sort();

describe('copy: an artifact with all its signatures, between any two targets', () => {
  let a: LocalRegistry;
  let b: LocalRegistry;
  let work: string;
  let notation: NotationCa;
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;

  before(async () => {
    [a, b, notation] = await Promise.all([startRegistry('none'), startRegistry('none'), setUpNotationCa()]);
    work = mkdtempSync(join(tmpdir(), 'd2ci-copy-'));
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    rmSync(work, { recursive: true, force: true });
    rmSync(notation?.work ?? '', { recursive: true, force: true });
  });

  /** An artifact on `target` signed every way: .sig and bundle by key, an SBOM attested by key, a notation signature. */
  async function signedEverywhere(target: Target, tag = 'v1.0.0'): Promise<Descriptor> {
    const pushed = await pushFresh(target, { tags: [tag], sign: { identity: { kind: 'key', privateKey }, format: 'both' } });
    const sbom = join(work, `sbom-${randomBytes(4).toString('hex')}.spdx.json`);
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
    await attachDocuments(target, pushed.descriptor, [await readDocument(sbom)], { attest: { identity: { kind: 'key', privateKey } } });
    await signNotation(target, pushed.descriptor, { signer: notation.signer });
    return pushed.descriptor;
  }

  it('registry → registry on another host: same digest, every referrer and the .sig, verifiable there; again: nothing written', async () => {
    const source = end(`${a.host}/staging/app:v1.0.0`);
    const subject = await signedEverywhere(source.target);
    const destination = end(`${b.host}/prod/app`);
    const result = await copyArtifact({ source, destination, tags: ['latest'] });
    assert.equal(result.descriptor.digest, subject.digest);
    assert.deepEqual(
      result.tags.map((t) => [t.tag, t.changed]),
      [
        ['v1.0.0', true],
        ['latest', true],
      ],
    );
    assert.equal(await tagDigest(b, 'prod/app', 'v1.0.0'), subject.digest);
    // Bundle, SBOM, notation on the artifact; the attestation on the SBOM.
    assert.deepEqual(result.referrers.map((r) => r.kind).sort(), [
      'notation-signature',
      'sbom',
      'sigstore-attestation',
      'sigstore-signature',
    ]);
    assert.deepEqual(
      result.cosignTags.map((c) => [c.kind, c.action]),
      [['sig', 'copied']],
    );
    assert.deepEqual(await sortedReferrers(destination.target, subject), await sortedReferrers(source.target, subject));
    assert.ok(result.changed && result.blobs.uploaded > 0 && result.bytes > 0);

    for (const fluxVersion of ['2.7', '2.8'] as const) {
      const verified = await verifyArtifact({
        target: destination.target,
        reference: subject.digest,
        verification: { kind: 'key', keys: [privateKey] },
        fluxVersion,
      });
      assert.ok(verified.verified, `Flux ${fluxVersion} rules: ${verified.reasons.join('; ')}`);
    }
    const notary = await verifyNotation({
      target: destination.target,
      reference: subject.digest,
      repository: `${b.host}/prod/app`,
      trustPolicy: policyFor(`${b.host}/prod/app`),
      trustStore: notation.trustStore,
    });
    assert.ok(notary.verified, notary.reasons.join('; '));

    const again = await copyArtifact({ source, destination, tags: ['latest'] });
    assert.equal(again.changed, false);
    assert.equal(again.manifests + again.blobs.uploaded + again.blobs.mounted + again.bytes, 0);
    assert.ok(again.referrers.every((r) => !r.copied));
    assert.deepEqual(
      again.cosignTags.map((c) => c.action),
      ['present'],
    );
  });

  it('registry → OCI layout → registry: the layout holds the referrers, and the artifact comes back whole', async () => {
    const source = end(`${a.host}/staging/roundtrip:v2.0.0`);
    const subject = await signedEverywhere(source.target, 'v2.0.0');
    const dir = join(work, 'layout');
    const layout = end(`oci-layout:${dir}:v2.0.0`);
    const out = await copyArtifact({ source, destination: layout });
    assert.equal(out.referrers.length, 4);
    assert.deepEqual(await sortedReferrers(layout.target, subject), await sortedReferrers(source.target, subject));
    const back = end(`${b.host}/from-layout/app`);
    const result = await copyArtifact({ source: end(`oci-layout:${dir}:v2.0.0`), destination: back });
    assert.deepEqual(
      result.tags.map((t) => t.tag),
      ['v2.0.0'],
    );
    assert.deepEqual(await sortedReferrers(back.target, subject), await sortedReferrers(source.target, subject));
    const verified = await verifyArtifact({
      target: back.target,
      reference: subject.digest,
      verification: { kind: 'key', keys: [privateKey] },
      fluxVersion: '2.7',
      requireAttestations: ['https://spdx.dev/Document'],
    });
    assert.ok(verified.verified, verified.reasons.join('; '));
  });

  it("keeps the destination's own .sig signatures and adds the source's (a merge, as cosign appends)", async () => {
    const source = end(`${a.host}/staging/merge:v1.0.0`);
    const pushed = await pushFresh(source.target, { tags: ['v1.0.0'], sign: { identity: { kind: 'key', privateKey }, format: 'legacy' } });
    const destination = end(`${b.host}/prod/merge`);
    await copyArtifact({ source, destination, referrers: false });
    await signArtifact(destination.target, pushed.descriptor, {
      identity: { kind: 'key', privateKey: other },
      format: 'legacy',
      repository: destination.target.name,
    });
    const result = await copyArtifact({ source, destination });
    assert.deepEqual(
      result.cosignTags.map((c) => c.action),
      ['merged'],
    );
    for (const key of [privateKey, other]) {
      const verified = await verifyArtifact({
        target: destination.target,
        reference: pushed.descriptor.digest,
        verification: { kind: 'key', keys: [key] },
        fluxVersion: '2.7',
      });
      assert.ok(verified.verified, verified.reasons.join('; '));
    }
    assert.deepEqual(
      (await copyArtifact({ source, destination })).cosignTags.map((c) => c.action),
      ['present'],
    );
  });

  it('mounts blobs from the source repository on the same registry', async () => {
    const source = end(`${a.host}/staging/mount:v1.0.0`);
    await pushFresh(source.target, { tags: ['v1.0.0'], sign: { identity: { kind: 'key', privateKey }, format: 'both' } });
    const result = await copyArtifact({ source, destination: end(`${a.host}/prod/mount`) });
    assert.ok(result.blobs.mounted >= 2, JSON.stringify(result.blobs));
    assert.equal(result.blobs.uploaded, 0);
  });

  it('a required verification that fails copies nothing', async () => {
    const source = end(`${a.host}/staging/unsigned:v1.0.0`);
    await pushFresh(source.target, { tags: ['v1.0.0'] });
    const destination = end(`${b.host}/prod/unsigned`);
    await assert.rejects(
      copyArtifact({
        source,
        destination,
        verify: { signatures: { provider: 'cosign', verification: { kind: 'key', keys: [privateKey] }, fluxVersion: 'none' } },
      }),
      (err: unknown) => err instanceof CopyError && err.code === 'COPY_REFUSED',
    );
    assert.deepEqual(await destination.target.tags(), []);
  });

  it('a referrer whose blob is gone from the source stops the copy before the destination tag moves', async () => {
    const source = end(`${a.host}/staging/broken:v1.0.0`);
    const subject = await signedEverywhere(source.target);
    const destination = end(`${b.host}/prod/broken`);
    const old = await pushFresh(destination.target, { tags: ['v1.0.0'] });
    const sbom = (await source.target.referrers(subject)).find((r) => r.artifactType === 'application/spdx+json');
    assert.ok(sbom);
    const layer = (JSON.parse((await source.target.fetchManifest(sbom.digest)).bytes.toString()) as { layers: Descriptor[] })
      .layers[0] as Descriptor;
    await source.target.delete(layer);
    await assert.rejects(
      copyArtifact({ source, destination, force: ['v1.0.0'] }),
      (err: unknown) => err instanceof CopyError && err.code === 'REFERRER_INCOMPLETE' && err.message.includes(layer.digest),
    );
    assert.equal(await tagDigest(b, 'prod/broken', 'v1.0.0'), old.descriptor.digest);
  });

  it('a destination refusing a referrer write leaves its tag where it was', async () => {
    const proxy = await startFaultProxy(b.url);
    try {
      const source = end(`${a.host}/staging/refused:v1.0.0`);
      await signedEverywhere(source.target);
      const destination = end(`${proxy.host}/prod/refused`);
      const old = await pushFresh(destination.target, { tags: ['v1.0.0'] });
      // Every manifest PUT by digest but the artifact's own is refused: the referrers cannot land.
      let first = true;
      proxy.plan = ({ method, path }) => {
        if (method !== 'PUT' || !path.includes('/manifests/sha256:')) return { kind: 'pass' };
        if (first) {
          first = false;
          return { kind: 'pass' };
        }
        return { kind: 'status', status: 403, body: '{"errors":[{"code":"DENIED","message":"write refused"}]}' };
      };
      await assert.rejects(copyArtifact({ source, destination, force: ['v1.0.0'] }));
      assert.equal(await tagDigest(b, 'prod/refused', 'v1.0.0'), old.descriptor.digest);
    } finally {
      await proxy.close();
    }
  });
});
