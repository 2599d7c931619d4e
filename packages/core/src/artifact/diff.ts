import type { Target } from '../oci/target.ts';
import { hashLayer, type LayerInfo } from './build.ts';
import { fetchIfExists } from './push.ts';
import type { WalkOptions } from './walk.ts';
import { contentLayer, sameContent } from './layer.ts';

export interface DiffArtifactOptions extends WalkOptions {
  path: string;
  target: Target;
  /** Tag or digest to compare with. */
  reference: string;
  /** The layer to compare, by media type (as `pull --layer-media-type` and a cluster's layerSelector). */
  layerMediaType?: string;
}

export interface DiffArtifactResult {
  /**
   * True when the local tree packs to exactly the remote layer (digest and size), as `flux diff artifact` checks,
   * or to the same tar an earlier d2ci compressed differently (its config names the same uncompressed digest).
   */
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
  // The same blob, as `flux diff artifact` compares; or the same tar compressed by an earlier d2ci (layer.ts).
  const same = layer.digest === local.digest && layer.size === local.size ? 'layer' : sameContent(fetched, local);
  const identical = same !== undefined;
  return {
    identical,
    reason: !identical
      ? 'the remote artifact contents differs from the local one'
      : same === 'tar'
        ? 'no changes detected (the same tar, compressed by an earlier d2ci)'
        : 'no changes detected',
    local,
    remote,
  };
}
