import type { Bundle } from '@sigstore/bundle';
import { MediaType } from '../oci/media-types.ts';
import { parseDigest } from '../oci/digest.ts';
import { descriptorFor, parseManifest, plainDescriptor, type Descriptor, type ImageManifest } from '../oci/descriptor.ts';
import { pushIfMissing } from '../oci/attach.ts';
import { isNotFound } from '../oci/errors.ts';
import type { Target } from '../oci/target.ts';
import { simpleSigningMediaType } from './payload.ts';
import { SigningError } from './errors.ts';

/** The annotations cosign puts on each signature layer (cosign pkg/oci/static/signature.go). */
export const CosignAnnotation = {
  signature: 'dev.cosignproject.cosign/signature',
  certificate: 'dev.sigstore.cosign/certificate',
  chain: 'dev.sigstore.cosign/chain',
  bundle: 'dev.sigstore.cosign/bundle',
  timestamp: 'dev.sigstore.cosign/rfc3161timestamp',
} as const;

/** The tag cosign stores legacy signatures under: `sha256-<hex>.sig` (cosign pkg/oci/remote SignatureTag). */
export function legacySignatureTag(digest: string): string {
  const { algorithm, hex } = parseDigest(digest);
  return `${algorithm}-${hex}.sig`;
}

export function toPem(der: Buffer, label = 'CERTIFICATE'): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The DER certificates in a PEM text (Fulcio may or may not wrap base64 at 64 columns; Go's pem.Encode does). */
function pemCertificates(pem: string): Buffer[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) =>
    Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'),
  );
}

/**
 * The cosign legacy annotations for a message-signature bundle, as cosign v3's own legacy path maps its bundle
 * (`RekorBundleFromProtoTlogEntry`): base64 signature, leaf certificate PEM, chain, and the Rekor "bundle" JSON
 * whose body is a string, integratedTime and logIndex numbers, and logID hex.
 */
export function legacyAnnotations(bundle: Bundle, fulcioChain: readonly string[] = []): Record<string, string> {
  if (bundle.content.$case !== 'messageSignature')
    throw new SigningError('SIGN_FORMAT', 'a legacy signature needs a message-signature bundle');
  const annotations: Record<string, string> = {
    [CosignAnnotation.signature]: bundle.content.messageSignature.signature.toString('base64'),
  };
  const material = bundle.verificationMaterial;
  const certificates =
    material.content.$case === 'x509CertificateChain'
      ? material.content.x509CertificateChain.certificates
      : material.content.$case === 'certificate'
        ? [material.content.certificate]
        : [];
  if (certificates.length === 0) return annotations; // key-based, offline: the signature is all cosign writes
  const [leaf, ...chain] = certificates;
  annotations[CosignAnnotation.certificate] = toPem(Buffer.from(leaf?.rawBytes ?? []));
  // Fulcio's chain after the leaf, as cosign writes it (cosign `pkg/cosign/fulcio` signer Chain()); a v0.3 bundle
  // carries the leaf only, so the chain comes from Fulcio's answer, else from a chain-carrying bundle.
  const pems =
    fulcioChain.length > 0
      ? fulcioChain.flatMap(pemCertificates).map((der) => toPem(der))
      : chain.map((c) => toPem(Buffer.from(c.rawBytes)));
  annotations[CosignAnnotation.chain] = pems.join('');
  const entry = material.tlogEntries[0];
  if (!entry?.inclusionPromise)
    throw new SigningError('SIGN_REKOR', 'Rekor returned no signed entry timestamp, which the legacy format needs (use a Rekor v1 log)');
  annotations[CosignAnnotation.bundle] = JSON.stringify({
    SignedEntryTimestamp: entry.inclusionPromise.signedEntryTimestamp.toString('base64'),
    Payload: {
      body: entry.canonicalizedBody.toString('base64'),
      integratedTime: Number(entry.integratedTime),
      logIndex: Number(entry.logIndex),
      logID: entry.logId.keyId.toString('hex'),
    },
  });
  const timestamp = material.timestampVerificationData?.rfc3161Timestamps?.[0];
  if (timestamp)
    annotations[CosignAnnotation.timestamp] = JSON.stringify({ SignedRFC3161Timestamp: timestamp.signedTimestamp.toString('base64') });
  return annotations;
}

/** go-containerregistry's config for a signature image: one diff ID (and history entry) per layer. */
export function signatureConfig(layers: Descriptor[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      architecture: '',
      created: '0001-01-01T00:00:00Z',
      history: layers.map(() => ({ created: '0001-01-01T00:00:00Z' })),
      os: '',
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
      config: {},
    }),
  );
}

export interface LegacyWriteResult {
  tag: string;
  manifest: Descriptor;
  /** Signatures now stored under the tag (cosign appends on re-signing). */
  signatures: number;
}

/**
 * Adds a signature to the subject's `sha256-<hex>.sig` manifest — one layer per signature, the simple-signing
 * payload as blob, cosign's annotations on the layer — appending to what is there, as cosign does.
 */
export async function appendLegacySignature(
  target: Target,
  subjectDigest: string,
  payload: Buffer,
  annotations: Record<string, string>,
): Promise<LegacyWriteResult> {
  return prepareLegacySignature(target, subjectDigest, payload).complete(annotations);
}

/**
 * appendLegacySignature in two halves, so the registry work that does not need the signature runs while Fulcio and
 * Rekor make it: reading the `.sig` manifest there is, and storing the payload blob and the config for the layers
 * that will be (both depend only on the payload and the existing layers' digests). `complete` then writes the
 * manifest with the signature's annotations; only it points the `.sig` tag at anything. If the signature turns out
 * to be one already there (a repeated signature), the config stored ahead is left unreferenced, as an orphan blob.
 */
export function prepareLegacySignature(
  target: Target,
  subjectDigest: string,
  payload: Buffer,
  /** When given, only the reads start now; the blob uploads wait for it to say true (and never happen on false). */
  writes?: Promise<boolean>,
): {
  /** The signature layers the `.sig` already holds (none when it is missing or an index), read once. */
  existingLayers: Promise<Descriptor[]>;
  complete(annotations: Record<string, string>): Promise<LegacyWriteResult>;
} {
  const tag = legacySignatureTag(subjectDigest);
  const payloadDescriptor = descriptorFor(simpleSigningMediaType, payload);
  const existingLayers = (async (): Promise<Descriptor[]> => {
    try {
      const existing = await target.fetchManifest(tag);
      return (parseManifest(existing.bytes, existing.descriptor.mediaType).manifest as ImageManifest).layers ?? [];
    } catch (err) {
      if (!isNotFound(err)) throw err;
      return [];
    }
  })();
  const configFor = (layers: readonly Descriptor[]): { descriptor: Descriptor; bytes: Buffer } => {
    const bytes = signatureConfig([...layers]);
    return { descriptor: descriptorFor(MediaType.ociConfig, bytes), bytes };
  };
  const payloadStored = pushIfMissing(target, payloadDescriptor, payload, writes);
  const configStored = existingLayers.then((layers) => {
    const config = configFor([...layers, payloadDescriptor]);
    return pushIfMissing(target, config.descriptor, config.bytes, writes);
  });
  // Awaited in `complete`; a signing failure before then must not leave these rejections unhandled.
  for (const pending of [payloadStored, configStored]) pending.catch(() => undefined);
  return {
    existingLayers,
    async complete(annotations) {
      let layers = await existingLayers;
      const layer = plainDescriptor({ ...payloadDescriptor, annotations });
      const duplicate = layers.some(
        (l) => l.digest === layer.digest && l.annotations?.[CosignAnnotation.signature] === annotations[CosignAnnotation.signature],
      );
      if (!duplicate) layers = [...layers, layer];
      const config = configFor(layers);
      const manifest: ImageManifest = {
        schemaVersion: 2,
        mediaType: MediaType.ociManifest,
        config: plainDescriptor(config.descriptor),
        layers,
      };
      const bytes = Buffer.from(JSON.stringify(manifest));
      const descriptor = descriptorFor(MediaType.ociManifest, bytes);
      await Promise.all([payloadStored, configStored]);
      // The config stored ahead is this one unless the signature was a repeat (then the existing .sig has its config).
      if (duplicate) await pushIfMissing(target, config.descriptor, config.bytes);
      await target.pushReference(descriptor, bytes, tag);
      return { tag, manifest: descriptor, signatures: layers.length };
    },
  };
}
