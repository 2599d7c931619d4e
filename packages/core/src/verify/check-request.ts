import type { Descriptor } from '../oci/descriptor.ts';
import type { Location } from '../oci/open.ts';
import type { Target } from '../oci/target.ts';
import type { NotationTrustPolicyDocument } from '../notation/trust-policy.ts';
import type { NotationTrustStore } from '../notation/trust-store.ts';
import type { FluxVerdict, FluxVersionOption } from './flux.ts';
import type { FluxManifestVerify } from './flux-manifest.ts';
import type { ClusterPolicy } from './cluster-policy.ts';
import type { DeployedClusterSource } from './deployed-cluster.ts';
import type { Verification } from './signatures.ts';
import type { AttestationCheck, VerifyFormat } from './verify.ts';

// What a verification asks for, once for both front doors (the verify-artifact action and `d2ci verify`): each
// reads its inputs or flags into one of these requests and renders the result in its own words.

/** cosign's signatures (legacy .sig and Sigstore bundles), checked as Flux's source-controller checks them. */
export interface CosignSignatures {
  provider: 'cosign';
  /** The public keys or keyless policy; with a flux manifest, built from its verify block (`clusterIdentityPolicy`). */
  verification: Verification;
  format?: VerifyFormat;
  /** In-toto predicate types that must be attested too, with the same policy. */
  requireAttestations?: readonly string[];
  /** Signature annotations each accepted signature must carry (cosign `verify -a key=value`; not manifest annotations). */
  signatureAnnotations?: Readonly<Record<string, string>>;
  /** With format auto: which Flux versions must accept it (default all), or none for cosign's rules alone. */
  fluxVersion?: FluxVersionOption | 'none';
}

/** A Notary Project signature, checked with a trust policy and trust store as Notation and Flux check it. */
export interface NotationSignatures {
  provider: 'notation';
  /** The trust policy document (object or JSON text); validated before anything is fetched from it. */
  trustPolicy: NotationTrustPolicyDocument | string | Buffer;
  trustStore: NotationTrustStore;
  /** For an OCI layout: the registry scope its trust policy statements name (`notation verify --oci-layout --scope`). */
  scope?: string;
}

export interface CheckRequest {
  /** Where the artifact is, and the target opened there. */
  location: Location;
  target: Target;
  /** Tag or digest; a tag is resolved once, and everything after is checked and reported by digest. */
  reference: string;
  signatures: CosignSignatures | NotationSignatures;
  /** Manifest annotations that must match, e.g. `org.opencontainers.image.revision` → /^refs\/heads\/main@/. */
  annotations?: Record<string, RegExp>;
  /** The cluster's verify block (flux manifest) and how it is checked: its identities and registry apply. */
  cluster?: ClusterPolicy;
  /**
   * Instead of `cluster`: the verify block the clusters run now, read from the artifact they follow (a fleet whose
   * verify block ships inside its own artifact). Its identities replace the keyless policy given.
   */
  clusterFrom?: DeployedClusterSource;
}

/** Everything the front doors show of a verification, whichever the signatures; core never prints. */
export interface CheckResult {
  verified: boolean;
  provider: 'cosign' | 'notation';
  /** The artifact as shown (`host/repo` or `oci-layout:DIR`) and the reference asked for. */
  name: string;
  reference: string;
  descriptor: Descriptor;
  /** `<name>@<digest>`: pin deployments to exactly what was verified. */
  digestUrl: string;
  /** Which signature verified: a cosign format, or notation. */
  format?: 'legacy' | 'bundle' | 'notation';
  /** The signer: certificate identity or `key:<sha256>` (cosign), `x509: <subject>` (Notation). */
  identity?: string;
  /** Notation: the signing certificate's subject. */
  subject?: string;
  issuer?: string;
  /** `owner/repo` of the GitHub run that signed, when the certificate says. */
  sourceRepository?: string;
  annotations: Record<string, string>;
  /** What the artifact claims (its source and revision annotations). */
  source?: string;
  revision?: string;
  /** In words: `N public key(s)` or the keyless identities (cosign); the trust policy statement applied (Notation). */
  policy?: string;
  /** Notation: the statement's verification level, and whether it skips verification altogether. */
  level?: string;
  skipped: boolean;
  /** Why it did not verify, one entry per signature examined (or why there was none). */
  reasons: string[];
  /** Why it did not verify, on one line (empty when verified). */
  why: string;
  warnings: string[];
  signaturesChecked: number;
  /** One entry per required attestation type. */
  attestations: AttestationCheck[];
  /** What each Flux version asked about would decide. */
  flux: FluxVerdict[];
  cluster?: FluxManifestVerify;
}
