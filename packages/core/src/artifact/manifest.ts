import { MediaType } from '../oci/media-types.ts';
import { descriptorFor, plainDescriptor, sortedAnnotations, type Descriptor, type ImageManifest } from '../oci/descriptor.ts';
import { rfc3339 } from '../go/time.ts';
import { Annotation, FluxMediaType, reproducibleCreated } from './flux.ts';
import type { LayerInfo } from './build.ts';

export interface ArtifactMetadata {
  /** `org.opencontainers.image.source`, e.g. `https://github.com/owner/repo`. */
  source: string;
  /** `org.opencontainers.image.revision`, e.g. `refs/heads/main@sha1:<sha>`. */
  revision: string;
  /** RFC 3339 creation time; defaults to now, or the epoch with `reproducible`. */
  created?: string;
  reproducible?: boolean;
  /** Extra annotations, merged after the built-ins so they can override them (as Flux does). */
  annotations?: Record<string, string>;
}

export function artifactAnnotations(metadata: ArtifactMetadata, now = new Date()): Record<string, string> {
  const created = metadata.created ?? (metadata.reproducible ? reproducibleCreated : rfc3339(now));
  return sortedAnnotations({
    [Annotation.created]: created,
    [Annotation.source]: metadata.source,
    [Annotation.revision]: metadata.revision,
    ...metadata.annotations,
  });
}

/** Go's zero time, which go-containerregistry writes for an unset `created`. */
const goZeroTime = '0001-01-01T00:00:00Z';

/**
 * The config blob go-containerregistry writes for Flux 2.6–2.8 (a `v1.ConfigFile`, 233 bytes): the uncompressed
 * tar's digest in `rootfs.diff_ids` and Go's zero time as `created`. Flux 2.9 copies the creation time in, but no
 * consumer reads it; keeping it out makes the config depend on the content only, so an unchanged tree pushed again
 * uploads no blob at all. The time stays in the manifest's `org.opencontainers.image.created` annotation.
 */
export function fluxConfig(diffId: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      architecture: '',
      created: goZeroTime,
      history: [{ created: goZeroTime }],
      os: '',
      rootfs: { type: 'layers', diff_ids: [diffId] },
      config: {},
    }),
  );
}

export interface BuiltManifest {
  manifest: Buffer;
  descriptor: Descriptor;
  config: Buffer;
  configDescriptor: Descriptor;
  layerDescriptor: Descriptor;
  annotations: Record<string, string>;
}

/** The OCI image manifest of a Flux artifact: Flux config, one tar+gzip content layer, the annotations. */
export function fluxManifest(layer: Pick<LayerInfo, 'digest' | 'size' | 'diffId'>, metadata: ArtifactMetadata, now?: Date): BuiltManifest {
  const annotations = artifactAnnotations(metadata, now);
  const config = fluxConfig(layer.diffId);
  const configDescriptor = plainDescriptor(descriptorFor(FluxMediaType.config, config));
  const layerDescriptor = plainDescriptor({ mediaType: FluxMediaType.content, digest: layer.digest, size: layer.size });
  const body: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config: configDescriptor,
    layers: [layerDescriptor],
    annotations,
  };
  const manifest = Buffer.from(JSON.stringify(body));
  return { manifest, descriptor: descriptorFor(MediaType.ociManifest, manifest), config, configDescriptor, layerDescriptor, annotations };
}
