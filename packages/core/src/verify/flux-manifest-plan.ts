import { FluxManifestError } from './flux-manifest-error.ts';
import type { FluxManifestVerify } from './flux-manifest.ts';
import { compileIdentityList, PolicyInputError, type CompiledPolicy } from './policy.ts';

// How a cluster's verify block (flux-manifest.ts) becomes d2ci's verification, the way source-controller
// internal/oci/cosign/cosign.go and internal/oci/notation pick theirs: `provider: notation` → Notation's trust
// policy and store; cosign with `secretRef` → every `*.pub` key in it (matchOIDCIdentity unused); cosign without
// → keyless, `matchOIDCIdentity` as cosign `CheckOpts.Identities` (any entry). The Secrets' content is the user's
// to pass; what the manifest already decides may not be given a second time.

/** Which verification material the user gave besides the manifest (flags or inputs, by what they supply). */
export interface GivenMaterial {
  key: boolean;
  /** Any keyless identity or issuer (exact or regexp) or signer repository. */
  identity: boolean;
  trustedRoot: boolean;
  /** A Notation trust policy or trust store. */
  notation: boolean;
}

export type FluxManifestPlan =
  | { provider: 'notation' }
  | { provider: 'cosign'; kind: 'key' }
  /** `policy` from matchOIDCIdentity, or undefined when it has no entries and the given identity applies. */
  | { provider: 'cosign'; kind: 'keyless'; policy: CompiledPolicy | undefined; identities: number | undefined };

const conflict = (field: 'key' | 'identity' | 'notation', message: string) =>
  new FluxManifestError('FLUX_MANIFEST_CONFLICT', field, message);
const missing = (field: 'key' | 'trustedRoot' | 'notation', message: string) =>
  new FluxManifestError('FLUX_MANIFEST_MATERIAL', field, message);

export function planFluxVerification(manifest: FluxManifestVerify, given: GivenMaterial): FluxManifestPlan {
  const where = `${manifest.origin} in ${manifest.file}`;
  if (manifest.provider === 'notation') {
    if (given.key)
      throw conflict(
        'key',
        `conflicts with the flux manifest: ${where} verifies with Notation (verify.provider: notation), not cosign keys`,
      );
    if (given.identity)
      throw conflict(
        'identity',
        `conflicts with the flux manifest: ${where} verifies with Notation (verify.provider: notation), whose trust policy names the identities`,
      );
    if (!given.notation)
      throw missing(
        'notation',
        `is required: ${where} verifies with Notation${manifest.secretName ? `, and its verify.secretRef ${manifest.secretName} holds the trustpolicy.json and CA certificates` : ''}; pass the trust policy and the trust store`,
      );
    return { provider: 'notation' };
  }
  if (given.notation)
    throw conflict(
      'notation',
      `conflicts with the flux manifest: ${where} verifies with cosign (verify.provider: ${manifest.provider}), not Notation`,
    );
  if (manifest.secretName) {
    if (given.identity)
      throw conflict(
        'identity',
        `conflicts with the flux manifest: ${where} verifies with the public keys of Secret ${manifest.secretName} (verify.secretRef), not a keyless identity`,
      );
    if (!given.key)
      throw missing(
        'key',
        `is required: verify.secretRef ${manifest.secretName} (${where}) holds the public keys the cluster verifies with; pass its *.pub keys`,
      );
    return { provider: 'cosign', kind: 'key' };
  }
  if (given.key) throw conflict('key', `conflicts with the flux manifest: ${where} verifies keylessly (it has no verify.secretRef)`);
  if (manifest.trustedRootSecretName && !given.trustedRoot)
    throw missing(
      'trustedRoot',
      `is required: verify.trustedRootSecretRef ${manifest.trustedRootSecretName} (${where}) holds the trusted_root.json the cluster verifies with; pass it`,
    );
  if (manifest.identities.length === 0) return { provider: 'cosign', kind: 'keyless', policy: undefined, identities: undefined };
  if (given.identity)
    throw conflict(
      'identity',
      `conflicts with the flux manifest: ${where} already gives verify.matchOIDCIdentity (${manifest.identities.length} ${manifest.identities.length === 1 ? 'entry' : 'entries'})`,
    );
  let policy: CompiledPolicy;
  try {
    policy = compileIdentityList(
      manifest.identities.map((i) => ({ subjectRegexp: i.subject, issuerRegexp: i.issuer })),
      'spec.verify.matchOIDCIdentity',
    );
  } catch (err) {
    if (err instanceof PolicyInputError) throw new FluxManifestError('FLUX_MANIFEST_INVALID', 'manifest', `${where}: ${err.message}`);
    throw err;
  }
  return { provider: 'cosign', kind: 'keyless', policy, identities: manifest.identities.length };
}
