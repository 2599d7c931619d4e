import { isIndex, parseManifest, type Descriptor } from '../oci/descriptor.ts';
import type { FetchedManifest } from '../oci/target.ts';
import { BaseError } from '../errors.ts';

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
