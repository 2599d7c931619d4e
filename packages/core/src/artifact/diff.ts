import { isIndex, parseManifest } from '../oci/descriptor.ts';
import type { Target } from '../oci/target.ts';
import { hashLayer, type LayerInfo } from './build.ts';
import { fetchIfExists } from './push.ts';
import type { WalkOptions } from './walk.ts';

export interface DiffArtifactOptions extends WalkOptions {
  path: string;
  target: Target;
  /** Tag or digest to compare with. */
  reference: string;
}

export interface DiffArtifactResult {
  /** True when the local tree packs to exactly the remote layer (digest and size), as `flux diff artifact` checks. */
  identical: boolean;
  reason: string;
  local: LayerInfo;
  remote?: { digest: string; size: number; manifestDigest: string };
}

/** Compares a local tree with an artifact's first layer, without downloading the layer. */
export async function diffArtifact(options: DiffArtifactOptions): Promise<DiffArtifactResult> {
  const [local, fetched] = await Promise.all([hashLayer(options), fetchIfExists(options.target, options.reference)]);
  if (!fetched) return { identical: false, reason: `${options.reference} not found in ${options.target.name}`, local };
  const { manifest } = parseManifest(fetched.bytes, fetched.descriptor.mediaType);
  const layer = isIndex(manifest) ? undefined : manifest.layers[0];
  if (!layer) return { identical: false, reason: `${options.reference} has no layers`, local };
  const remote = { digest: layer.digest, size: layer.size, manifestDigest: fetched.descriptor.digest };
  const identical = layer.digest === local.digest && layer.size === local.size;
  return { identical, reason: identical ? 'no changes detected' : 'the remote artifact contents differs from the local one', local, remote };
}
