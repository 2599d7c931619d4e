/** Media types and annotations of Flux OCI artifacts (fluxcd/pkg oci/constants.go, meta.go). */
export const FluxMediaType = {
  config: 'application/vnd.cncf.flux.config.v1+json',
  content: 'application/vnd.cncf.flux.content.v1.tar+gzip',
} as const;

export const Annotation = {
  created: 'org.opencontainers.image.created',
  source: 'org.opencontainers.image.source',
  revision: 'org.opencontainers.image.revision',
} as const;

/** `--reproducible` fixes the creation time to the Unix epoch, as `flux push artifact --reproducible` does. */
export const reproducibleCreated = '1970-01-01T00:00:00Z';

/** Tag suffixes of cosign signatures, attestations and SBOMs, hidden from artifact listings (flux `IsCosignArtifact`). */
export const cosignTagSuffixes = ['.sig', '.att', '.sbom'] as const;

/** The Referrers Tag Schema's index tag (`sha256-<hex>`), kept by registries without the referrers API. */
const referrersIndexTag = /^sha(?:256|512)-[a-f0-9]{64,128}$/;

/** A tag that holds another artifact's cosign signature, attestation or SBOM, or its referrers index: not a release. */
export function isSignatureTag(tag: string): boolean {
  return cosignTagSuffixes.some((suffix) => tag.endsWith(suffix)) || referrersIndexTag.test(tag);
}
