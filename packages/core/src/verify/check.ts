import { locationName } from '../oci/open.ts';
import { verifyNotation } from '../notation/verify.ts';
import { VerifyRequestError } from './check-errors.ts';
import type { CheckRequest, CheckResult, CosignSignatures, NotationSignatures } from './check-request.ts';
import { artifactOrigin, verifyArtifact } from './verify.ts';
import { clusterIdentityPolicy } from './cluster-policy.ts';
import { readDeployedClusterPolicy, type DeployedClusterSource } from './deployed-cluster.ts';

/** The policy checked, in words: how many keys, or the keyless identities. */
function describePolicy(signatures: CosignSignatures): string {
  const { verification } = signatures;
  return verification.kind === 'key' ? `${verification.keys.length} public key(s)` : verification.policy.describe;
}

async function checkCosign(request: CheckRequest, signatures: CosignSignatures): Promise<CheckResult> {
  const { cluster } = request;
  const plan = cluster?.plan;
  const identities =
    plan?.provider === 'cosign' && plan.kind === 'keyless' && plan.identities !== undefined
      ? plan.identities
      : signatures.verification.kind === 'keyless'
        ? signatures.verification.policy.entries
        : undefined;
  const result = await verifyArtifact({
    target: request.target,
    reference: request.reference,
    verification: signatures.verification,
    format: signatures.format,
    annotations: request.annotations,
    requireAttestations: signatures.requireAttestations,
    ...(signatures.signatureAnnotations ? { signatureAnnotations: signatures.signatureAnnotations } : {}),
    fluxVersion: signatures.fluxVersion,
    // Flux 2.8+ verifies bundles with one matchOIDCIdentity entry only (the cluster's list, else the identities
    // given, which stand for the list the cluster would be given), and reaches the registry as the cluster does.
    ...(identities !== undefined ? { identities } : {}),
    ...(cluster?.manifest.registry ? { clusterRegistry: cluster.manifest.registry } : {}),
  });
  const name = locationName(request.location);
  return {
    ...result,
    ...artifactOrigin(result.annotations),
    provider: 'cosign',
    name,
    reference: request.reference,
    digestUrl: `${name}@${result.descriptor.digest}`,
    policy: describePolicy(signatures),
    skipped: false,
    why: result.reasons.join('; '),
    ...(cluster ? { cluster: cluster.manifest } : {}),
  };
}

/** Trust policies scope repositories: a registry's own name, or for an OCI layout the scope the user names. */
function notationRepository(request: CheckRequest, signatures: NotationSignatures): string {
  if (request.location.kind === 'registry') return locationName(request.location);
  if (signatures.scope) return signatures.scope;
  throw new VerifyRequestError(
    'NOTATION_SCOPE_REQUIRED',
    'notation-scope',
    'is required for an OCI layout: the registry scope its trust policy statement names, e.g. local/my-layout (as notation verify --oci-layout --scope)',
  );
}

async function checkNotation(request: CheckRequest, signatures: NotationSignatures): Promise<CheckResult> {
  const repository = notationRepository(request, signatures);
  const result = await verifyNotation({
    target: request.target,
    reference: request.reference,
    repository,
    trustPolicy: signatures.trustPolicy,
    trustStore: signatures.trustStore,
    annotations: request.annotations,
  });
  const name = locationName(request.location);
  const subject = result.signer?.subject;
  return {
    ...artifactOrigin(result.annotations),
    verified: result.verified,
    provider: 'notation',
    name,
    reference: request.reference,
    descriptor: result.descriptor,
    digestUrl: `${name}@${result.descriptor.digest}`,
    format: 'notation',
    ...(subject !== undefined ? { identity: `x509: ${subject}`, subject } : {}),
    annotations: result.annotations,
    ...(result.policy !== undefined ? { policy: result.policy } : {}),
    ...(result.level !== undefined ? { level: result.level } : {}),
    skipped: result.skipped,
    reasons: result.reasons,
    why: result.skipped ? `the trust policy ${result.policy ?? ''} skips verification` : result.reasons.join('; '),
    warnings: result.warnings,
    signaturesChecked: result.signaturesChecked,
    attestations: [],
    flux: [],
    ...(request.cluster ? { cluster: request.cluster.manifest } : {}),
  };
}

/**
 * Verifies an artifact as the cluster would: cosign's signatures (legacy .sig and Sigstore bundles, with the Flux
 * versions' rules and the required attestations) or a Notary Project signature (trust policy and trust store), as
 * the request says. With a flux manifest, its identities and registry apply, and its provider must be the
 * request's. The reference is resolved to a digest once; everything is checked and reported for that digest.
 */
export async function checkArtifact(asked: CheckRequest): Promise<CheckResult> {
  const request = asked.clusterFrom ? await withDeployedCluster(asked, asked.clusterFrom) : asked;
  const { signatures, cluster } = request;
  if (cluster && cluster.plan.provider !== signatures.provider)
    throw new VerifyRequestError(
      'CLUSTER_PROVIDER_MISMATCH',
      undefined,
      `${cluster.manifest.origin} in ${cluster.manifest.file} verifies with ${cluster.plan.provider}, not ${signatures.provider}`,
    );
  return signatures.provider === 'notation' ? checkNotation(request, signatures) : checkCosign(request, signatures);
}

/** The request with the verify block the clusters run now, read from their artifact; its identities apply. */
async function withDeployedCluster(request: CheckRequest, source: DeployedClusterSource): Promise<CheckRequest> {
  const cluster = await readDeployedClusterPolicy(request.target, source);
  const policy = clusterIdentityPolicy(cluster);
  const { signatures } = request;
  const replaced =
    policy && signatures.provider === 'cosign' && signatures.verification.kind === 'keyless'
      ? { ...signatures, verification: { ...signatures.verification, policy } }
      : signatures;
  return { ...request, signatures: replaced, cluster };
}
