import type { CheckResult } from '@d2ci/core/verify';
import { cell, shortDigest } from '@d2ci/action-kit';

/** Flux version → accepts / rejects and why: what each source-controller would decide (flux-version). */
function fluxTable(result: CheckResult): string[] {
  if (result.flux.length === 0) return [];
  return [
    '',
    '| Flux | Reads | Decision |',
    '|---|---|---|',
    ...result.flux.map(
      (v) =>
        `| ${v.version} | ${v.reads === 'bundles' ? 'Sigstore bundles' : 'legacy `.sig`'} | ${v.accepted ? '✅ accepts' : `❌ rejects: ${cell(v.reason ?? '')}`} |`,
    ),
    '',
  ];
}

/** The artifact's row: what was asked for, the digest checked, the verdict, the signer and the revision. */
function artifactRow(result: CheckResult, verdict: string, signer: string): string[] {
  return [
    '| Artifact | Digest | Result | Signer | Revision |',
    '|---|---|---|---|---|',
    `| ${cell(`${result.name}:${result.reference}`)} | \`${shortDigest(result.descriptor.digest)}\` | ${verdict} | ${signer} | ${cell(result.revision ?? '—')} |`,
  ];
}

/** A Notary Project verification: the trust policy statement that applied, and its level. */
function notationSummary(result: CheckResult): string {
  const verdict = result.verified ? '✅ verified (notation)' : result.skipped ? '⏭ skipped by the trust policy' : '❌ not verified';
  return [
    '### Flux artifact verification (Notary Project)',
    '',
    ...artifactRow(result, verdict, cell(result.subject ?? '—')),
    '',
    `Trust policy: ${cell(result.policy ?? '—')} (${result.level ?? '—'}). ${result.signaturesChecked} signature(s) examined.`,
    ...(result.verified ? [] : ['', ...result.reasons.map((r) => `- ${cell(r)}`)]),
  ].join('\n');
}

/** The job summary: the artifact, the policy (and the cluster's, with flux-manifest), Flux's verdicts, attestations. */
export function checkSummary(result: CheckResult): string {
  if (result.provider === 'notation') return notationSummary(result);
  const signer = `${cell(result.identity ?? '—')}${result.issuer ? ` (${cell(result.issuer)})` : ''}${result.sourceRepository ? `, run in ${cell(result.sourceRepository)}` : ''}`;
  const cluster = result.cluster ? ` (from ${cell(result.cluster.origin)} in \`${cell(result.cluster.file)}\`)` : '';
  return [
    '### Flux artifact verification',
    '',
    ...artifactRow(result, result.verified ? `✅ verified (${result.format ?? ''})` : '❌ not verified', signer),
    '',
    `Policy: ${cell(result.policy ?? '')}${cluster}. ${result.signaturesChecked} signature(s) examined.`,
    ...fluxTable(result),
    ...result.attestations.map(
      (a) =>
        `- attestation \`${cell(a.predicateType)}\`: ${a.verified ? `✅ verified (${shortDigest(a.referrer ?? '')})` : `❌ ${cell(a.reason ?? '')}`}`,
    ),
    ...result.warnings.map((w) => `> ⚠ ${cell(w)}`),
    ...(result.verified ? [] : ['', ...result.reasons.map((r) => `- ${cell(r)}`)]),
  ].join('\n');
}
