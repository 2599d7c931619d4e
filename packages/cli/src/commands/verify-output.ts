import type { CheckResult } from '@d2ci/core/verify';
import { data, structured, type OutputFormat, type Io } from '../output.ts';

/** `-o json`: the verdict and what verified it; cosign adds its attestations and each Flux version's decision. */
function checkJson(result: CheckResult): Record<string, unknown> {
  const common = {
    verified: result.verified,
    digest: result.descriptor.digest,
    digestUrl: result.digestUrl,
    format: result.format ?? null,
    identity: result.identity ?? null,
  };
  const origin = { revision: result.revision ?? null, source: result.source ?? null };
  const cluster = result.cluster ? { fluxManifest: result.cluster } : {};
  const why = { reasons: result.reasons, warnings: result.warnings };
  if (result.provider === 'notation')
    return {
      ...common,
      policy: result.policy ?? null,
      level: result.level ?? null,
      skipped: result.skipped,
      ...origin,
      ...cluster,
      ...why,
    };
  return {
    ...common,
    issuer: result.issuer ?? null,
    signerRepository: result.sourceRepository ?? null,
    ...origin,
    attestations: result.attestations,
    flux: result.flux,
    ...cluster,
    ...why,
  };
}

/** Who signed, in the verified line. */
function signedBy(result: CheckResult): string {
  if (result.provider === 'notation') return `${data(result.subject)}, trust policy ${data(result.policy)} (${result.level ?? ''})`;
  return `${data(result.identity)}${result.issuer ? `, issuer ${data(result.issuer)}` : ''}${result.sourceRepository ? `, in a run of ${data(result.sourceRepository)}` : ''}`;
}

/** The cluster's policy and each Flux version's decision, before the verdict. */
function printCosign(io: Io, result: CheckResult): void {
  const { cluster } = result;
  if (cluster)
    io.err(
      `  cluster policy: ${cluster.origin} in ${cluster.file} (${result.policy ?? ''}${cluster.secretName ? ` from verify.secretRef ${cluster.secretName}` : ''})`,
    );
  for (const verdict of result.flux)
    io.err(
      `  Flux ${verdict.version}: ${verdict.accepted ? '✔ accepts' : '✗ rejects'} (reads ${verdict.reads === 'bundles' ? 'Sigstore bundles' : 'the legacy .sig'})${verdict.reason ? `: ${data(verdict.reason)}` : ''}`,
    );
}

/** The verdict on stderr (warnings, cluster, Flux versions, then ✔ or ✗), or the JSON on stdout. */
export function printCheck(io: Io, result: CheckResult, format: OutputFormat | undefined): void {
  if (format) return structured(io, format, checkJson(result));
  for (const warning of result.warnings) io.err(`⚠ ${data(warning)}`);
  if (result.provider === 'cosign') printCosign(io, result);
  const digest = result.descriptor.digest;
  if (!result.verified) return io.err(`✗ ${result.name}:${result.reference} (${digest}) is not verified: ${data(result.why)}`);
  io.err(`✔ verified ${result.digestUrl} (${result.format ?? ''}): signed by ${signedBy(result)}`);
  if (result.provider === 'cosign' && (result.revision || result.source))
    io.err(`  revision ${data(result.revision ?? '?')}, source ${data(result.source ?? '?')}`);
}
