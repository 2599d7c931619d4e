import type { VerifyResult } from '@d2ci/core';
import { cell, shortDigest } from '@d2ci/action-kit';
import type { Inputs } from './inputs.ts';

/** Flux version → accepts / rejects and why: what each source-controller would decide (flux-version). */
function fluxTable(result: VerifyResult): string[] {
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

/** The job summary of a cosign verification: the artifact, the policy (and the cluster's, with flux-manifest), Flux's verdicts. */
export function verificationSummary(inputs: Inputs, result: VerifyResult, name: string): string {
  const digest = result.descriptor.digest;
  const revision = result.annotations['org.opencontainers.image.revision'];
  const policy =
    inputs.verification.kind === 'key' ? `${inputs.verification.keys.length} public key(s)` : inputs.verification.policy.describe;
  const cluster = inputs.fluxManifest ? ` (from ${cell(inputs.fluxManifest.origin)} in \`${cell(inputs.fluxManifest.file)}\`)` : '';
  return [
    '### Flux artifact verification',
    '',
    '| Artifact | Digest | Result | Signer | Revision |',
    '|---|---|---|---|---|',
    `| ${cell(`${name}:${inputs.reference}`)} | \`${shortDigest(digest)}\` | ${result.verified ? `✅ verified (${result.format})` : '❌ not verified'} | ${cell(result.identity ?? '—')}${result.issuer ? ` (${cell(result.issuer)})` : ''}${result.sourceRepository ? `, run in ${cell(result.sourceRepository)}` : ''} | ${cell(revision ?? '—')} |`,
    '',
    `Policy: ${cell(policy)}${cluster}. ${result.signaturesChecked} signature(s) examined.`,
    ...fluxTable(result),
    ...result.attestations.map(
      (a) =>
        `- attestation \`${cell(a.predicateType)}\`: ${a.verified ? `✅ verified (${shortDigest(a.referrer ?? '')})` : `❌ ${cell(a.reason ?? '')}`}`,
    ),
    ...result.warnings.map((w) => `> ⚠ ${cell(w)}`),
    ...(result.verified ? [] : ['', ...result.reasons.map((r) => `- ${cell(r)}`)]),
  ].join('\n');
}
