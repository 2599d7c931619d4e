import type { Target } from '../oci/target.ts';
import { hashLayer, type LayerInfo } from './build.ts';
import { fetchIfExists } from './push.ts';
import type { WalkOptions } from './walk.ts';
import { contentLayer } from './layer.ts';

export interface DiffArtifactOptions extends WalkOptions {
  path: string;
  target: Target;
  /** Tag or digest to compare with. */
  reference: string;
  /** The layer to compare, by media type (as `pull --layer-media-type` and a cluster's layerSelector). */
  layerMediaType?: string;
}

export interface DiffArtifactResult {
  /** True when the local tree packs to exactly the remote layer (digest and size), as `flux diff artifact` checks. */
  identical: boolean;
  reason: string;
  local: LayerInfo;
  remote?: { digest: string; size: number; manifestDigest: string };
}

/** Compares a local tree with an artifact's content layer, without downloading the layer. */
export async function diffArtifact(options: DiffArtifactOptions): Promise<DiffArtifactResult> {
  const [local, fetched] = await Promise.all([hashLayer(options), fetchIfExists(options.target, options.reference)]);
  if (!fetched) return { identical: false, reason: `${options.reference} not found in ${options.target.name}`, local };
  // The same layer pull extracts (layer.ts): an ambiguous artifact is refused, not compared with a decoy.
  const layer = contentLayer(fetched, options.reference, options.layerMediaType);
  const remote = { digest: layer.digest, size: layer.size, manifestDigest: fetched.descriptor.digest };
  const identical = layer.digest === local.digest && layer.size === local.size;
  return {
    identical,
    reason: identical ? 'no changes detected' : 'the remote artifact contents differs from the local one',
    local,
    remote,
  };
}
