import { FluxManifestError, readClusterPolicy, type ClusterPolicy, type FluxManifestField } from '@d2ci/core/verify';
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
  'flux-manifest-name'?: string;
  key?: string;
  'certificate-identity'?: string;
  'certificate-identity-regexp'?: string;
  'certificate-oidc-issuer'?: string;
  'certificate-oidc-issuer-regexp'?: string;
  'certificate-github-workflow-repository'?: string;
  'trusted-root'?: string;
  'notation-trust-policy'?: string;
  'notation-trust-store'?: string;
}

/** `--flux-manifest FILE [--flux-manifest-name NAME]`: the cluster's verify block and how to check it, or undefined. */
export async function fluxManifestFromFlags(values: FluxManifestValues): Promise<ClusterPolicy | undefined> {
  const file = values['flux-manifest'];
  if (!file) {
    if (values['flux-manifest-name'])
      throw new UsageError('--flux-manifest-name needs --flux-manifest FILE: it picks one OCIRepository of that file');
    return undefined;
  }
  const identity = (
    [
      'certificate-identity',
      'certificate-identity-regexp',
      'certificate-oidc-issuer',
      'certificate-oidc-issuer-regexp',
      'certificate-github-workflow-repository',
    ] as const
  ).filter((flag) => values[flag]);
  try {
    return await readClusterPolicy(
      file,
      { name: values['flux-manifest-name'] },
      {
        key: Boolean(values.key),
        identity: identity.length > 0,
        trustedRoot: Boolean(values['trusted-root']),
        notation: Boolean(values['notation-trust-policy'] || values['notation-trust-store']),
      },
    );
  } catch (err) {
    if (err instanceof FluxManifestError)
      throw new UsageError(`${err.field === 'identity' && identity[0] ? `--${identity[0]}` : flags[err.field]}: ${err.message}`);
    throw err;
  }
}
