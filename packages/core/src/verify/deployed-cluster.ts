import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pullArtifact, safeEntryName } from '../artifact/pull.ts';
import { withTempDir } from '../artifact/temp.ts';
import type { Target } from '../oci/target.ts';
import { clusterIdentityPolicy, type ClusterPolicy } from './cluster-policy.ts';
import { FluxManifestError } from './flux-manifest-error.ts';
import { readFluxManifest } from './flux-manifest.ts';
import { planFluxVerification, type GivenMaterial } from './flux-manifest-plan.ts';
import type { CompiledPolicy } from './policy.ts';

// A fleet whose cluster verify block ships inside its own artifact (D2's FluxInstance patch) installs a new signer
// identity only with an artifact the OLD identity signed. Before a new signer's artifact is tagged, the question is
// "do the clusters that run <tag> today accept it?": the verify block to check with is the one in the artifact the
// clusters run now, not the one in this commit.

/** The cluster's verify block as deployed: `file` inside the artifact at `reference` of the same repository. */
export interface DeployedClusterSource {
  /** Tag or digest the clusters follow now, e.g. `latest` (staging) or `latest-stable` (production). */
  reference: string;
  /** Path of the manifest inside the artifact, e.g. `clusters/staging/flux-system/flux-instance.yaml`. */
  file: string;
  /** Picks one OCIRepository when the file has several (`flux-manifest-name`). */
  name?: string;
  /** What the user gives besides the manifest; conflicts are refused as for a manifest file. */
  given: GivenMaterial;
}

/** A deployed fleet artifact is small; refuse to unpack more than this to read one file of it. */
const maxDeployedSize = 256 * 1024 * 1024;

/** Reads the verify block the clusters run now from the artifact they follow, and plans its check. */
export async function readDeployedClusterPolicy(target: Target, source: DeployedClusterSource): Promise<ClusterPolicy> {
  let relative: string;
  try {
    relative = safeEntryName(source.file);
  } catch {
    relative = '';
  }
  if (!relative)
    throw new FluxManifestError(
      'FLUX_MANIFEST_UNREADABLE',
      'manifest',
      `"${source.file}" is not a path inside the artifact (relative, no ..), e.g. clusters/staging/flux-system/flux-instance.yaml`,
    );
  const shownAs = `${relative} in the artifact at ${source.reference}`;
  return withTempDir(join(tmpdir(), 'd2ci-deployed-'), async (dir) => {
    await pullArtifact({ target, reference: source.reference, output: join(dir, 'artifact'), maxSize: maxDeployedSize });
    const manifest = await readFluxManifest(join(dir, 'artifact', relative), {
      shownAs,
      ...(source.name === undefined ? {} : { name: source.name }),
    });
    return { manifest, plan: planFluxVerification(manifest, source.given) };
  });
}

/**
 * The keyless policy a front door builds before the deployed verify block is read: `checkArtifact` replaces it
 * with the block's matchOIDCIdentity. Never matches, so a request that skipped that step can only fail.
 */
export function deployedIdentityPolicy(source: Pick<DeployedClusterSource, 'reference' | 'file'>): CompiledPolicy {
  const describe = `matchOIDCIdentity of ${source.file} in the artifact at ${source.reference}`;
  return { describe, entries: 1, mismatch: () => `${describe} was not read` };
}

/**
 * The keyless policy a front door passes to `checkArtifact` in place of its identity inputs: a flux manifest's
 * matchOIDCIdentity, else (keyless only) the placeholder the deployed verify block replaces once the registry is
 * open, else none, and the identity inputs decide.
 */
export function presetIdentityPolicy(
  cluster: ClusterPolicy | undefined,
  from: Pick<DeployedClusterSource, 'reference' | 'file'> | undefined,
  keyGiven: boolean,
): CompiledPolicy | undefined {
  return clusterIdentityPolicy(cluster) ?? (from && !keyGiven ? deployedIdentityPolicy(from) : undefined);
}
