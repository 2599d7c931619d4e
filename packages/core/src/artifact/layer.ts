import { descriptorFor, isIndex, parseManifest, type Descriptor } from '../oci/descriptor.ts';
import type { FetchedManifest } from '../oci/target.ts';
import { BaseError } from '../errors.ts';
import type { LayerInfo } from './build.ts';
import { FluxMediaType } from './flux.ts';
import { fluxConfig } from './manifest.ts';

// Which layer of an artifact is its content, decided once for pull, diff, push's diff-tag check, release and list.
// source-controller extracts the first layer when `spec.layerSelector` is unset, else the first layer of the
// selector's media type (internal/controller/ocirepository_controller.go). An artifact with several layers and
// no selector would make d2ci and a cluster without a selector silently disagree on a decoy, so d2ci refuses it
// and asks for the media type, as a cluster's layerSelector names it.

export type AmbiguousLayerCode = 'LAYER_INDEX' | 'LAYER_MEDIA_TYPE_ABSENT' | 'LAYER_NONE' | 'LAYERS_SEVERAL';

/** No one content layer. About `layer-media-type` when naming (another) media type is the fix. */
export class AmbiguousLayerError extends BaseError<AmbiguousLayerCode> {
  constructor(code: AmbiguousLayerCode, message: string) {
    super(code, message, code === 'LAYER_MEDIA_TYPE_ABSENT' || code === 'LAYERS_SEVERAL' ? { field: 'layer-media-type' } : {});
  }
}

/** The content layer of a manifest (as `layerSelector.mediaType` would pick it), or why there is none. */
export function contentLayer(fetched: FetchedManifest, reference: string, mediaType?: string): Descriptor {
  const { manifest } = parseManifest(fetched.bytes, fetched.descriptor.mediaType);
  if (isIndex(manifest)) throw new AmbiguousLayerError('LAYER_INDEX', `${reference} is an image index, not an artifact`);
  if (mediaType) {
    const layer = manifest.layers.find((l) => l.mediaType === mediaType);
    if (!layer)
      throw new AmbiguousLayerError(
        'LAYER_MEDIA_TYPE_ABSENT',
        `${reference} has no layer of media type ${mediaType} (it has ${manifest.layers.map((l) => l.mediaType).join(', ') || 'no layers'})`,
      );
    return layer;
  }
  const [first, ...rest] = manifest.layers;
  if (!first) throw new AmbiguousLayerError('LAYER_NONE', `${reference} has no layers`);
  if (rest.length > 0) {
    throw new AmbiguousLayerError(
      'LAYERS_SEVERAL',
      `${reference} has ${manifest.layers.length} layers (${manifest.layers.map((l) => l.mediaType).join(', ')}): name the one to use with its media type, as the cluster's spec.layerSelector does`,
    );
  }
  return first;
}

/** The one layer of an artifact, or undefined when it has none or several (for comparisons that then say "differs"). */
export function soleLayer(fetched: FetchedManifest): Descriptor | undefined {
  try {
    return contentLayer(fetched, fetched.descriptor.digest);
  } catch (err) {
    if (err instanceof AmbiguousLayerError) return undefined;
    throw err;
  }
}

export type SameContent = 'layer' | 'tar' | undefined;

/**
 * Whether an artifact holds what a local tree packs to, for diff-tag's "unchanged" and `diff`: 'layer' when its
 * one layer is the same blob (digest and size, as `flux diff artifact` compares), 'tar' when the layer differs but
 * the config is byte for byte the one d2ci writes for the same uncompressed tar (fluxConfig: the tar's digest in
 * `rootfs.diff_ids`, nothing else), undefined otherwise.
 *
 * The 'tar' case is what keeps an upgrade quiet: earlier d2ci packed one gzip stream, it now compresses chunks in
 * parallel (gzip.ts), so the same tree gives another layer digest but the same tar, hence the same config digest,
 * which the manifest already names: no request is added. Without it, the first diff-tag push after the
 * upgrade would push (and sign, and make every cluster reconcile) an artifact that differs only in compression.
 * The config is only the pusher's claim about the layer (nothing checks diff_ids against it); someone who can
 * write such a claim can also move the tag, and an unchanged push signs nothing, so trusting it gives no one more.
 */
export function sameContent(fetched: FetchedManifest, layer: Pick<LayerInfo, 'digest' | 'size' | 'diffId'>): SameContent {
  const remote = soleLayer(fetched);
  if (!remote) return undefined;
  if (remote.digest === layer.digest && remote.size === layer.size) return 'layer';
  const { manifest } = parseManifest(fetched.bytes, fetched.descriptor.mediaType);
  if (isIndex(manifest) || remote.mediaType !== FluxMediaType.content) return undefined;
  const ours = descriptorFor(FluxMediaType.config, fluxConfig(layer.diffId));
  return manifest.config.digest === ours.digest && manifest.config.size === ours.size ? 'tar' : undefined;
}
