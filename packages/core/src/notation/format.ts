// The Notary Project's names: media types, manifest annotations and JWS header names (notaryproject/specifications
// signature-specification.md, signature-envelope-jws.md; notation-go and notation-core-go use the same strings).

export const NotationMediaType = {
  /** The signature manifest's config media type as notation-go v1.3.2 writes it (artifactType in the OCI 1.1 form). */
  signature: 'application/vnd.cncf.notary.signature',
  payload: 'application/vnd.cncf.notary.payload.v1+json',
  jws: 'application/jose+json',
  cose: 'application/cose',
} as const;

export const NotationAnnotation = {
  /** JSON array of the chain's SHA-256 thumbprints, leaf first (lower-case hex, as notation-go writes them). */
  thumbprintS256: 'io.cncf.notary.x509chain.thumbprint#S256',
  /** The signing time, which notation-go (through oras PackManifest) puts on every signature manifest. */
  created: 'org.opencontainers.image.created',
} as const;

export const NotationHeader = {
  signingScheme: 'io.cncf.notary.signingScheme',
  signingTime: 'io.cncf.notary.signingTime',
  authenticSigningTime: 'io.cncf.notary.authenticSigningTime',
  expiry: 'io.cncf.notary.expiry',
  signingAgent: 'io.cncf.notary.signingAgent',
  timestampSignature: 'io.cncf.notary.timestampSignature',
  verificationPlugin: 'io.cncf.notary.verificationPlugin',
  verificationPluginMinVersion: 'io.cncf.notary.verificationPluginMinVersion',
} as const;

export type NotationSigningScheme = 'notary.x509' | 'notary.x509.signingAuthority';
