import {
  FluxManifestError,
  readClusterPolicy,
  type ClusterPolicy,
  type DeployedClusterSource,
  type FluxManifestField,
  type GivenMaterial,
} from '@d2ci/core/verify';
import { UsageError } from './errors.ts';

/** The flag each flux-manifest problem is about (one table; messages are never read). */
const flags: Record<FluxManifestField, string> = {
  manifest: '--flux-manifest',
  name: '--flux-manifest-name',
  key: '--key',
  identity: '--certificate-identity(-regexp)',
  trustedRoot: '--trusted-root',
  notation: '--notation-trust-policy',
};

export interface FluxManifestValues {
  'flux-manifest'?: string;
  'flux-manifest-from'?: string;
  'flux-manifest-name'?: string;
  key?: string;
  'certificate-identity'?: readonly string[];
  'certificate-identity-regexp'?: readonly string[];
  'certificate-oidc-issuer'?: string;
  'certificate-oidc-issuer-regexp'?: string;
  'certificate-github-workflow-repository'?: string;
  'trusted-root'?: string;
  'notation-trust-policy'?: string;
  'notation-trust-store'?: string;
}

/** The identity flags given (they conflict with a manifest's matchOIDCIdentity). */
function identityFlags(values: FluxManifestValues): string[] {
  return (
    [
      'certificate-identity',
      'certificate-identity-regexp',
      'certificate-oidc-issuer',
      'certificate-oidc-issuer-regexp',
      'certificate-github-workflow-repository',
    ] as const
  ).filter((flag) => values[flag]?.length);
}

function givenMaterial(values: FluxManifestValues): GivenMaterial {
  return {
    key: Boolean(values.key),
    identity: identityFlags(values).length > 0,
    trustedRoot: Boolean(values['trusted-root']),
    notation: Boolean(values['notation-trust-policy'] || values['notation-trust-store']),
  };
}

/** A flux-manifest problem as the flag it is about. */
export function fluxManifestUsageError(err: FluxManifestError, values: FluxManifestValues): UsageError {
  const identity = identityFlags(values);
  return new UsageError(`${err.field === 'identity' && identity[0] ? `--${identity[0]}` : flags[err.field]}: ${err.message}`);
}

/** `--flux-manifest FILE [--flux-manifest-name NAME]`: the cluster's verify block and how to check it, or undefined. */
export async function fluxManifestFromFlags(values: FluxManifestValues): Promise<ClusterPolicy | undefined> {
  const file = values['flux-manifest'];
  if (values['flux-manifest-from']) return undefined;
  if (!file) {
    if (values['flux-manifest-name'])
      throw new UsageError('--flux-manifest-name needs --flux-manifest FILE: it picks one OCIRepository of that file');
    return undefined;
  }
  try {
    return await readClusterPolicy(file, { name: values['flux-manifest-name'] }, givenMaterial(values));
  } catch (err) {
    if (err instanceof FluxManifestError) throw fluxManifestUsageError(err, values);
    throw err;
  }
}

/** `--flux-manifest-from latest --flux-manifest PATH`: the verify block the clusters run now, inside that artifact. */
export function deployedFromFlags(values: FluxManifestValues): DeployedClusterSource | undefined {
  const reference = values['flux-manifest-from'];
  if (!reference) return undefined;
  const file = values['flux-manifest'];
  if (!file)
    throw new UsageError(
      '--flux-manifest-from needs --flux-manifest PATH: the cluster manifest inside that artifact, e.g. clusters/staging/flux-system/flux-instance.yaml',
    );
  const name = values['flux-manifest-name'];
  return { reference, file, ...(name ? { name } : {}), given: givenMaterial(values) };
}
