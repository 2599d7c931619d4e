/**
 * What a `flux-manifest` problem is about, so that each front door names its own flag or input with one table
 * (`manifest` → --flux-manifest / `flux-manifest`, `key` → --key / `key`, …) instead of reading the message.
 */
export type FluxManifestField = 'manifest' | 'name' | 'key' | 'identity' | 'trustedRoot' | 'notation';

export type FluxManifestCode =
  /** The file cannot be read, or is not YAML. */
  | 'FLUX_MANIFEST_UNREADABLE'
  | 'FLUX_MANIFEST_YAML'
  /** No OCIRepository (direct, patched or templated) in the file, or none by the name asked for. */
  | 'FLUX_MANIFEST_NOT_FOUND'
  /** Several OCIRepositories with different verify blocks and no name to pick one. */
  | 'FLUX_MANIFEST_AMBIGUOUS'
  /** The OCIRepository has no `spec.verify`: the cluster verifies nothing. */
  | 'FLUX_MANIFEST_NO_VERIFY'
  /** `spec.verify` is not what source-controller's CRD accepts. */
  | 'FLUX_MANIFEST_INVALID'
  /** A template (`<< inputs.x >>`) or a postBuild variable (`${VAR}`) d2ci cannot resolve. */
  | 'FLUX_MANIFEST_UNRESOLVED'
  /** A flag or input gives what the manifest already says (e.g. identities besides matchOIDCIdentity). */
  | 'FLUX_MANIFEST_CONFLICT'
  /** The manifest names a Secret whose content only the user can pass (keys, trusted root, trust policy). */
  | 'FLUX_MANIFEST_MATERIAL';

export class FluxManifestError extends Error {
  readonly code: FluxManifestCode;
  readonly field: FluxManifestField;
  constructor(code: FluxManifestCode, field: FluxManifestField, message: string) {
    super(message);
    this.name = 'FluxManifestError';
    this.code = code;
    this.field = field;
  }
}
