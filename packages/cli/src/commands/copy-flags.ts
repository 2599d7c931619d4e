import { registryFlags, type Parsed } from '../flags.ts';
import { UsageError } from '../errors.ts';
import { verifyFlags, type VerifyValues } from './verify-flags.ts';

// `d2ci copy` reaches two registries that may want different credentials (GHCR by GITHUB_TOKEN, ECR by provider
// aws): each side has its own --from-/--to- credentials and provider, and each goes only to its own host. The
// verification flags are `d2ci verify`'s: given, the source must verify before anything is copied.

export const copyFlags = {
  ...verifyFlags,
  'from-creds': { type: 'string' },
  'from-provider': { type: 'string' },
  'to-creds': { type: 'string' },
  'to-provider': { type: 'string' },
  tag: { type: 'string', multiple: true },
  force: { type: 'string', multiple: true },
  'no-referrers': { type: 'boolean' },
} as const;

export type CopyValues = Parsed<typeof copyFlags>['values'];
type RegistryValues = Pick<CopyValues, keyof typeof registryFlags>;

/** The flags that ask for a verification (as they choose one in `d2ci verify`); the others only refine it. */
const gateFlags = [
  'key',
  'certificate-identity',
  'certificate-identity-regexp',
  'notation-trust-policy',
  'notation-trust-store',
  'flux-manifest',
] as const;
const refiningFlags = [
  'certificate-oidc-issuer',
  'certificate-oidc-issuer-regexp',
  'certificate-github-workflow-repository',
  'trusted-root',
  'signature-format',
  'flux-version',
  'flux-manifest-name',
  'require-attestations',
  'notation-scope',
  'annotation',
] as const;

/** Whether the copy must verify the source first; a refining flag without a verification to refine is refused. */
export function gateRequested(values: CopyValues): boolean {
  if (gateFlags.some((flag) => values[flag] !== undefined)) return true;
  const stray = refiningFlags.find((flag) => values[flag] !== undefined);
  if (stray)
    throw new UsageError(
      `--${stray} refines a verification, but none was asked for: add --key, --certificate-identity(-regexp), --notation-trust-policy or --flux-manifest`,
    );
  return false;
}

/** One side's registry flags as `openLocation` reads them: its own credentials and provider, the shared rest. */
export function sideValues(values: CopyValues, side: 'from' | 'to'): RegistryValues & VerifyValues {
  if (values.creds !== undefined || values.provider !== undefined)
    throw new UsageError(
      `d2ci copy takes --from-${values.creds !== undefined ? 'creds' : 'provider'} for the source and --to-${values.creds !== undefined ? 'creds' : 'provider'} for the destination, not --${values.creds !== undefined ? 'creds' : 'provider'}`,
    );
  return { ...values, creds: values[`${side}-creds`], provider: values[`${side}-provider`] };
}
