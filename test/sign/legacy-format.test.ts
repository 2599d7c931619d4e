// An independent check of the cosign legacy signature format: everything here is read over plain HTTP from the
// registry and re-derived with node:crypto alone (no @d2ci/core verification code, no @sigstore packages), as
// cosign's VerifyBundle / verifyInternal would check it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createHash, createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startSigstore, type LocalSigstore } from '../harness/sigstore.ts';
import { githubIssuerUrl, keyless, pushFresh, remote, workflowIdentity } from './helpers.ts';

const sha256 = (data: Buffer | string): Buffer => createHash('sha256').update(data).digest();

/** RFC 8785 canonical JSON for a flat object of strings and safe integers: sorted keys, no whitespace. */
function canonicalJson(value: Record<string, string | number>): string {
  return `{${Object.keys(value)
    .sort()
    .map((key) => {
      const v = value[key];
      if (typeof v === 'number' && !Number.isSafeInteger(v)) throw new Error(`${key} is not a safe integer`);
      return `${JSON.stringify(key)}:${JSON.stringify(v)}`;
    })
    .join(',')}}`;
}

interface RawManifest {
  schemaVersion: number;
  mediaType: string;
  config: { mediaType: string; digest: string; size: number };
  layers: { mediaType: string; digest: string; size: number; annotations?: Record<string, string> }[];
}

interface TrustedRootJson {
  tlogs: { publicKey: { rawBytes: string }; logId: { keyId: string } }[];
  certificateAuthorities: { certChain: { certificates: { rawBytes: string }[] } }[];
}

describe('cosign legacy .sig format, checked independently over HTTP with node:crypto', () => {
  let registry: LocalRegistry;
  let sigstore: LocalSigstore;
  const repository = 'acme/independent';

  before(async () => {
    [registry, sigstore] = await Promise.all([startRegistry('none'), startSigstore()]);
  });
  after(async () => {
    await sigstore.close();
    await registry.stop();
  });

  async function get(path: string, accept?: string, repo = repository): Promise<{ bytes: Buffer; headers: Headers }> {
    const response = await fetch(`${registry.url}/v2/${repo}/${path}`, { headers: accept ? { accept } : {} });
    assert.equal(response.status, 200, `GET ${path}`);
    return { bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  }

  it('writes a .sig manifest cosign and every Flux version accept', async () => {
    const target = remote(registry.host, repository);
    const pushed = await pushFresh(target, { sign: { identity: keyless(sigstore, { tsaUrl: sigstore.url }), format: 'legacy' } });

    // The artifact's digest, computed from the bytes the registry serves for the tag.
    const artifact = await get('manifests/latest', 'application/vnd.oci.image.manifest.v1+json');
    const digest = `sha256:${sha256(artifact.bytes).toString('hex')}`;
    assert.equal(digest, pushed.descriptor.digest);

    // The signature manifest, under cosign's tag.
    const tag = `sha256-${digest.slice('sha256:'.length)}.sig`;
    const tags = JSON.parse((await get('tags/list')).bytes.toString('utf8')) as { tags: string[] };
    assert.deepEqual(tags.tags.sort(), ['latest', tag]);
    const sig = await get(`manifests/${tag}`, 'application/vnd.oci.image.manifest.v1+json');
    assert.equal(sig.headers.get('content-type'), 'application/vnd.oci.image.manifest.v1+json');
    const manifest = JSON.parse(sig.bytes.toString('utf8')) as RawManifest;
    assert.equal(manifest.schemaVersion, 2);
    assert.equal(manifest.mediaType, 'application/vnd.oci.image.manifest.v1+json');
    assert.equal(manifest.config.mediaType, 'application/vnd.oci.image.config.v1+json');
    assert.equal(manifest.layers.length, 1);
    const layer = manifest.layers[0];
    assert.ok(layer);
    assert.equal(layer.mediaType, 'application/vnd.dev.cosign.simplesigning.v1+json');

    // The config blob: one diff ID per layer, as go-containerregistry writes signature images.
    const config = await get(`blobs/${manifest.config.digest}`);
    assert.equal(`sha256:${sha256(config.bytes).toString('hex')}`, manifest.config.digest);
    assert.equal(config.bytes.length, manifest.config.size);
    assert.deepEqual((JSON.parse(config.bytes.toString('utf8')) as { rootfs: unknown }).rootfs, {
      type: 'layers',
      diff_ids: [layer.digest],
    });

    // The payload, byte for byte as Go's json.Marshal writes cosign's simple-signing claim.
    const payload = (await get(`blobs/${layer.digest}`)).bytes;
    assert.equal(`sha256:${sha256(payload).toString('hex')}`, layer.digest);
    assert.equal(payload.length, layer.size);
    assert.equal(
      payload.toString('utf8'),
      `{"critical":{"identity":{"docker-reference":"${registry.host}/${repository}"},"image":{"docker-manifest-digest":"${digest}"},"type":"cosign container image signature"},"optional":null}`,
    );
    const claim = JSON.parse(payload.toString('utf8')) as { critical: { image: { 'docker-manifest-digest': string } } };
    assert.equal(claim.critical.image['docker-manifest-digest'], digest, 'SimpleClaimVerifier: the payload names this manifest');

    // Exactly cosign's five annotations.
    const annotations = layer.annotations ?? {};
    assert.deepEqual(Object.keys(annotations).sort(), [
      'dev.cosignproject.cosign/signature',
      'dev.sigstore.cosign/bundle',
      'dev.sigstore.cosign/certificate',
      'dev.sigstore.cosign/chain',
      'dev.sigstore.cosign/rfc3161timestamp',
    ]);
    const signatureB64 = annotations['dev.cosignproject.cosign/signature'] ?? '';
    const signature = Buffer.from(signatureB64, 'base64');
    assert.equal(signature.toString('base64'), signatureB64, 'standard base64 with padding');
    // Fulcio's chain after the leaf, as cosign writes it (cosign v2/v3 fill it; it was empty before issue 10).
    const chainPem = annotations['dev.sigstore.cosign/chain'] ?? '';
    assert.match(
      chainPem,
      /^(?:-----BEGIN CERTIFICATE-----\n(?:[A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n)+$/,
      'PEM certificates, one after another',
    );
    const issuer = new X509Certificate(chainPem);
    assert.ok(
      new X509Certificate(annotations['dev.sigstore.cosign/certificate'] ?? '').checkIssued(issuer),
      "the chain starts with the leaf's issuer",
    );

    // The certificate: a leaf PEM whose key signed the payload (ECDSA P-256, SHA-256), issued by the trusted CA.
    const certPem = annotations['dev.sigstore.cosign/certificate'] ?? '';
    assert.match(certPem, /^-----BEGIN CERTIFICATE-----\n(?:[A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n$/);
    const cert = new X509Certificate(certPem);
    assert.equal(cryptoVerify('sha256', payload, cert.publicKey, signature), true, 'the signature verifies over the payload');
    assert.equal(
      cryptoVerify('sha256', Buffer.concat([payload, Buffer.from(' ')]), cert.publicKey, signature),
      false,
      'and over nothing else',
    );
    assert.equal(cert.publicKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
    const root = JSON.parse(JSON.stringify(sigstore.trustedRoot)) as TrustedRootJson;
    const caCert = new X509Certificate(Buffer.from(root.certificateAuthorities[0]?.certChain.certificates[0]?.rawBytes ?? '', 'base64'));
    assert.equal(cert.verify(caCert.publicKey), true, 'the leaf is issued by the trusted root CA');
    assert.equal(cert.checkIssued(caCert), true);
    assert.equal(cert.subjectAltName, `URI:${workflowIdentity}`);
    assert.ok(cert.raw.includes(Buffer.from(githubIssuerUrl)), 'the certificate carries the GitHub OIDC issuer');
    assert.equal(cert.keyUsage?.includes('1.3.6.1.5.5.7.3.3'), true, 'code signing EKU');

    // The Rekor bundle annotation: cosign's RekorBundle JSON, types as Go writes them.
    const rekor = JSON.parse(annotations['dev.sigstore.cosign/bundle'] ?? '') as {
      SignedEntryTimestamp: string;
      Payload: { body: string; integratedTime: number; logIndex: number; logID: string };
    };
    assert.deepEqual(Object.keys(rekor).sort(), ['Payload', 'SignedEntryTimestamp']);
    assert.deepEqual(Object.keys(rekor.Payload).sort(), ['body', 'integratedTime', 'logID', 'logIndex']);
    assert.equal(typeof rekor.Payload.body, 'string');
    assert.equal(typeof rekor.Payload.integratedTime, 'number');
    assert.equal(typeof rekor.Payload.logIndex, 'number');
    assert.match(rekor.Payload.logID, /^[0-9a-f]{64}$/);

    // The logged entry is a hashedrekord of this signature, this certificate and this payload's hash.
    const body = JSON.parse(Buffer.from(rekor.Payload.body, 'base64').toString('utf8')) as {
      kind: string;
      apiVersion: string;
      spec: { data: { hash: { algorithm: string; value: string } }; signature: { content: string; publicKey: { content: string } } };
    };
    assert.equal(body.kind, 'hashedrekord');
    assert.equal(body.apiVersion, '0.0.1');
    assert.equal(body.spec.signature.content, signatureB64, 'compareSigs');
    const loggedPem = Buffer.from(body.spec.signature.publicKey.content, 'base64').toString('utf8');
    assert.deepEqual(new X509Certificate(loggedPem).raw, cert.raw, 'comparePublicKey');
    assert.deepEqual(body.spec.data.hash, { algorithm: 'sha256', value: sha256(payload).toString('hex') }, 'bundleHash');

    // The SignedEntryTimestamp: the Rekor key from trusted_root.json signed the canonical JSON of the entry.
    const tlog = root.tlogs[0];
    assert.ok(tlog);
    const rekorDer = Buffer.from(tlog.publicKey.rawBytes, 'base64');
    assert.equal(rekor.Payload.logID, Buffer.from(tlog.logId.keyId, 'base64').toString('hex'), 'logID names the trusted log');
    assert.equal(rekor.Payload.logID, sha256(rekorDer).toString('hex'));
    const rekorKey = createPublicKey({ key: rekorDer, format: 'der', type: 'spki' });
    assert.equal(rekorKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
    const set = Buffer.from(rekor.SignedEntryTimestamp, 'base64');
    const signed = {
      body: rekor.Payload.body,
      integratedTime: rekor.Payload.integratedTime,
      logIndex: rekor.Payload.logIndex,
      logID: rekor.Payload.logID,
    };
    const canonical = canonicalJson(signed);
    assert.equal(
      canonical,
      `{"body":${JSON.stringify(signed.body)},"integratedTime":${signed.integratedTime},"logID":"${signed.logID}","logIndex":${signed.logIndex}}`,
    );
    assert.equal(cryptoVerify('sha256', Buffer.from(canonical), rekorKey, set), true, 'VerifySET');
    assert.equal(
      cryptoVerify('sha256', Buffer.from(canonicalJson({ ...signed, logIndex: signed.logIndex + 1 })), rekorKey, set),
      false,
      'the SET covers the log index',
    );
    assert.equal(
      cryptoVerify('sha256', Buffer.from(canonicalJson({ ...signed, integratedTime: signed.integratedTime - 1 })), rekorKey, set),
      false,
      'and the time',
    );

    // The certificate was valid when the entry was integrated (and the entry is recent).
    const integrated = rekor.Payload.integratedTime * 1000;
    assert.ok(new Date(cert.validFrom).getTime() <= integrated, `${cert.validFrom} ≤ integratedTime`);
    assert.ok(integrated <= new Date(cert.validTo).getTime(), `integratedTime ≤ ${cert.validTo}`);
    assert.ok(Math.abs(Date.now() - integrated) < 5 * 60_000);

    // The RFC 3161 timestamp: cosign's JSON wrapper around a DER TimeStampResp over the raw signature bytes.
    const timestamp = JSON.parse(annotations['dev.sigstore.cosign/rfc3161timestamp'] ?? '') as Record<string, string>;
    assert.deepEqual(Object.keys(timestamp), ['SignedRFC3161Timestamp']);
    const response = Buffer.from(timestamp.SignedRFC3161Timestamp ?? '', 'base64');
    assert.equal(response[0], 0x30, 'a DER SEQUENCE');
    assert.ok(response.includes(sha256(signature)), 'the message imprint is sha256(signature)');
  });

  it('signs claims as a sorted "optional" object in the payload', async () => {
    const target = remote(registry.host, `${repository}-claims`);
    const pushed = await pushFresh(target, {
      tags: ['claims'],
      sign: { identity: keyless(sigstore), format: 'legacy', claims: { zeta: 'z', alpha: 'a "quoted" value' } },
    });
    const digest = pushed.descriptor.digest;
    const sig = JSON.parse(
      (
        await get(`manifests/sha256-${digest.slice(7)}.sig`, 'application/vnd.oci.image.manifest.v1+json', target.repository)
      ).bytes.toString('utf8'),
    ) as RawManifest;
    const layer = sig.layers[0];
    assert.ok(layer);
    const payload = (await get(`blobs/${layer.digest}`, undefined, target.repository)).bytes;
    assert.equal(
      payload.toString('utf8'),
      `{"critical":{"identity":{"docker-reference":"${registry.host}/${repository}-claims"},"image":{"docker-manifest-digest":"${digest}"},"type":"cosign container image signature"},"optional":{"alpha":"a \\"quoted\\" value","zeta":"z"}}`,
    );
    const cert = new X509Certificate(layer.annotations?.['dev.sigstore.cosign/certificate'] ?? '');
    assert.equal(
      cryptoVerify(
        'sha256',
        payload,
        cert.publicKey,
        Buffer.from(layer.annotations?.['dev.cosignproject.cosign/signature'] ?? '', 'base64'),
      ),
      true,
    );
    // No TSA was configured: four annotations, no timestamp.
    assert.equal(layer.annotations?.['dev.sigstore.cosign/rfc3161timestamp'], undefined);
    assert.equal(Object.keys(layer.annotations ?? {}).length, 4);
  });
});
