// The Notary Project signature manifest exactly as the released notation writes it, for registries and OCI image
// layouts alike. notation-go v1.3.2 (the library in Flux 2.6–2.9 and in the notation 1.3.x CLI) pushes every
// signature through registry/repository.go uploadSignatureManifest: oras.PackManifest(PackManifestVersion1_1,
// artifactType "", ConfigDescriptor = notationEmptyConfigDesc), i.e. an image manifest with NO artifactType and
// the config `{"mediaType":"application/vnd.cncf.notary.signature","digest":<sha256 of "{}">,"size":2}`
// (oras-go v2.5.0 pack.go packManifestV1_1 accepts an empty artifactType because that config is not the empty type).
//
// The config media type is what matters: on an OCI layout, notation-go v1.3.2 lists signatures with
// registry/repository.go signatureReferrers, which walks the store's predecessors and keeps an image manifest only
// when `image.Config.MediaType == "application/vnd.cncf.notary.signature"`; the OCI 1.1 form (artifactType set,
// empty config) is invisible there (fixed on notation-go main, unreleased). Registries see the same artifact type:
// the referrers API and oras-go's tag-schema fallback (registry/remote/repository.go indexReferrersForPush) both
// report `artifactType`, else `config.mediaType`, which d2ci's own listings do too (oci/descriptor.ts artifactTypeOf).
import { MediaType, emptyJson } from '../oci/media-types.ts';
import { descriptorFor, plainDescriptor, sortedAnnotations, type Descriptor, type ImageManifest } from '../oci/descriptor.ts';
import { bytesSource } from '../oci/content.ts';
import { pushIfMissing } from '../oci/attach.ts';
import type { Target } from '../oci/target.ts';
import { NotationMediaType } from './format.ts';

/** The signature manifest's config and effective artifact type (notation-go registry.ArtifactTypeNotation). */
const notationSignatureType = NotationMediaType.signature;

/** notation-go's notationEmptyConfigDesc: the `{}` blob under the signature media type. */
export const notationConfigDescriptor: Descriptor = descriptorFor(notationSignatureType, emptyJson);

export interface NotationManifestOptions {
  /** The signature envelope's media type (`application/jose+json` or `application/cose`). */
  envelopeMediaType: string;
  envelope: Buffer;
  annotations: Record<string, string>;
}

/** The signature manifest bytes and descriptor, in notation-go v1.3.2's form (see the top of this file). */
export function notationSignatureManifest(
  subject: Descriptor,
  options: NotationManifestOptions,
): { bytes: Buffer; descriptor: Descriptor; layer: Descriptor } {
  const layer = descriptorFor(options.envelopeMediaType, options.envelope);
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config: plainDescriptor(notationConfigDescriptor),
    layers: [plainDescriptor(layer)],
    subject: plainDescriptor({ mediaType: subject.mediaType, digest: subject.digest, size: subject.size }),
  };
  if (Object.keys(options.annotations).length) manifest.annotations = sortedAnnotations(options.annotations);
  const bytes = Buffer.from(JSON.stringify(manifest));
  // The type listings show for it (artifactType absent, so the config's), as d2ci's referrers listings report it.
  return { bytes, descriptor: descriptorFor(MediaType.ociManifest, bytes, { artifactType: notationSignatureType }), layer };
}

/**
 * Stores the envelope and its signature manifest as a referrer of `subject`: config and envelope blobs first, then
 * the manifest by digest. A registry without the referrers API gets the `sha256-<hex>` tag-schema index, whose entry
 * carries the config media type as artifactType (RemoteRepository, like oras-go), so notation and Flux find it.
 */
export async function attachNotationSignature(target: Target, subject: Descriptor, options: NotationManifestOptions): Promise<Descriptor> {
  const { bytes, descriptor, layer } = notationSignatureManifest(subject, options);
  await Promise.all([pushIfMissing(target, notationConfigDescriptor, emptyJson), pushIfMissing(target, layer, options.envelope)]);
  await target.push(descriptor, bytesSource(bytes));
  return descriptor;
}
