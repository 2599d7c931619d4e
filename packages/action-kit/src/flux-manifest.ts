import { resolve } from 'node:path';
import {
  FluxManifestError,
  readClusterPolicy,
  type ClusterPolicy,
  type DeployedClusterSource,
  type FluxManifestField,
  type GivenMaterial,
} from '@d2ci/core/verify';
import { InputError, stringInput } from './inputs.ts';
import type { GitHubContext } from './context.ts';
import { verifyInputNames } from './verification.ts';

/** The input each flux-manifest problem is about (one table; messages are never read). */
const inputs: Record<FluxManifestField, string> & { from: string } = {
  from: 'flux-manifest-from',
  manifest: 'flux-manifest',
  name: 'flux-manifest-name',
  key: verifyInputNames.key,
  identity: verifyInputNames.identityRegexp,
  trustedRoot: verifyInputNames.trustedRoot,
  notation: 'notation-trust-policy',
};

/** The identity inputs given (they conflict with a manifest's matchOIDCIdentity). */
function identityInputs(): string[] {
  return [
    verifyInputNames.identity,
    verifyInputNames.identityRegexp,
    verifyInputNames.issuer,
    verifyInputNames.issuerRegexp,
    verifyInputNames.sourceRepository,
  ].filter((input) => stringInput(input));
}

function givenMaterial(identity: string[]): GivenMaterial {
  return {
    key: Boolean(stringInput(verifyInputNames.key)),
    identity: identity.length > 0,
    trustedRoot: Boolean(stringInput(verifyInputNames.trustedRoot)),
    notation: Boolean(stringInput('notation-trust-policy') || stringInput('notation-trust-store')),
  };
}

/** A flux-manifest problem as the input it is about. */
export function fluxManifestInputError(err: FluxManifestError): InputError {
  const identity = identityInputs();
  return new InputError(err.field === 'identity' && identity[0] ? identity[0] : inputs[err.field], err.message);
}

/**
 * `flux-manifest` (a file in the workspace) and `flux-manifest-name`: the verify block of the cluster's
 * OCIRepository, and how d2ci checks it with the material the other inputs give. Undefined without a manifest,
 * or when `flux-manifest-from` says the manifest is read from the deployed artifact (`deployedFluxManifestInputs`).
 */
export async function fluxManifestInputs(context: GitHubContext): Promise<ClusterPolicy | undefined> {
  const file = stringInput(inputs.manifest);
  const name = stringInput(inputs.name);
  if (stringInput(inputs.from)) return undefined;
  if (!file) {
    if (name) throw new InputError(inputs.name, 'needs `flux-manifest`: it picks one OCIRepository of that file');
    return undefined;
  }
  try {
    return await readClusterPolicy(resolve(context.workspace, file), { name, shownAs: file }, givenMaterial(identityInputs()));
  } catch (err) {
    if (err instanceof FluxManifestError) throw fluxManifestInputError(err);
    throw err;
  }
}

/**
 * `flux-manifest-from: latest` with `flux-manifest: clusters/staging/flux-system/flux-instance.yaml`: the verify
 * block the clusters run now, read from the artifact at that tag (core reads it once the registry is open).
 */
export function deployedFluxManifestInputs(): DeployedClusterSource | undefined {
  const reference = stringInput(inputs.from);
  if (!reference) return undefined;
  const file = stringInput(inputs.manifest);
  if (!file)
    throw new InputError(
      inputs.from,
      'needs `flux-manifest`: the path of the cluster manifest inside that artifact, e.g. clusters/staging/flux-system/flux-instance.yaml',
    );
  const name = stringInput(inputs.name);
  return { reference, file, ...(name ? { name } : {}), given: givenMaterial(identityInputs()) };
}
