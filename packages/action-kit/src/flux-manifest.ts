import { resolve } from 'node:path';
import { FluxManifestError, readClusterPolicy, type ClusterPolicy, type FluxManifestField } from '@d2ci/core/verify';
import { InputError, stringInput } from './inputs.ts';
import type { GitHubContext } from './context.ts';
import { verifyInputNames } from './verification.ts';

/** The input each flux-manifest problem is about (one table; messages are never read). */
const inputs: Record<FluxManifestField, string> = {
  manifest: 'flux-manifest',
  name: 'flux-manifest-name',
  key: verifyInputNames.key,
  identity: verifyInputNames.identityRegexp,
  trustedRoot: verifyInputNames.trustedRoot,
  notation: 'notation-trust-policy',
};

/**
 * `flux-manifest` (a file in the workspace) and `flux-manifest-name`: the verify block of the cluster's
 * OCIRepository, and how d2ci checks it with the material the other inputs give. Undefined without a manifest.
 */
export async function fluxManifestInputs(context: GitHubContext): Promise<ClusterPolicy | undefined> {
  const file = stringInput(inputs.manifest);
  const name = stringInput(inputs.name);
  if (!file) {
    if (name) throw new InputError(inputs.name, 'needs `flux-manifest`: it picks one OCIRepository of that file');
    return undefined;
  }
  const identity = [
    verifyInputNames.identity,
    verifyInputNames.identityRegexp,
    verifyInputNames.issuer,
    verifyInputNames.issuerRegexp,
    verifyInputNames.sourceRepository,
  ].filter((input) => stringInput(input));
  try {
    return await readClusterPolicy(
      resolve(context.workspace, file),
      { name, shownAs: file },
      {
        key: Boolean(stringInput(verifyInputNames.key)),
        identity: identity.length > 0,
        trustedRoot: Boolean(stringInput(verifyInputNames.trustedRoot)),
        notation: Boolean(stringInput('notation-trust-policy') || stringInput('notation-trust-store')),
      },
    );
  } catch (err) {
    if (err instanceof FluxManifestError)
      throw new InputError(err.field === 'identity' && identity[0] ? identity[0] : inputs[err.field], err.message);
    throw err;
  }
}
