import { readFluxManifest, type FluxManifestVerify } from './flux-manifest.ts';
import { planFluxVerification, type FluxManifestPlan, type GivenMaterial } from './flux-manifest-plan.ts';
import type { CompiledPolicy } from './policy.ts';

/** The cluster's verify block (`flux-manifest`) and how d2ci checks it with the material the user gives. */
export interface ClusterPolicy {
  manifest: FluxManifestVerify;
  plan: FluxManifestPlan;
}

/**
 * Reads the cluster's OCIRepository verify block from `file` (`name` picks one; `shownAs` is the file as the user
 * named it) and plans its check, refusing material the manifest already decides (FluxManifestError).
 */
export async function readClusterPolicy(
  file: string,
  options: { name?: string; shownAs?: string },
  given: GivenMaterial,
): Promise<ClusterPolicy> {
  const manifest = await readFluxManifest(file, options);
  return { manifest, plan: planFluxVerification(manifest, given) };
}

/** The keyless policy a cluster's `matchOIDCIdentity` gives, replacing the identity flags or inputs (else undefined). */
export function clusterIdentityPolicy(cluster: ClusterPolicy | undefined): CompiledPolicy | undefined {
  const plan = cluster?.plan;
  return plan?.provider === 'cosign' && plan.kind === 'keyless' ? plan.policy : undefined;
}
