import { NotationPolicyError, artifactOrigin, locationName, openTarget, verifyArtifact, verifyNotation, type Target } from '@d2ci/core';
import { InputError, cell, registrySession, runner as core, shortDigest } from '@d2ci/action-kit';
import type { Inputs } from './inputs.ts';
import { verificationSummary } from './summary.ts';

/** Notary Project verification with a trust policy and trust store, as Flux's `verify.provider: notation`. */
async function runNotation(
  inputs: Inputs,
  notation: NonNullable<Inputs['notation']>,
  target: Target,
  name: string,
  explain: (err: unknown) => Promise<unknown>,
): Promise<void> {
  let result;
  try {
    result = await verifyNotation({
      target,
      reference: inputs.reference,
      repository: inputs.location.kind === 'registry' ? name : undefined,
      trustPolicy: notation.trustPolicy,
      trustStore: notation.trustStore,
      annotations: inputs.annotations,
    });
  } catch (err) {
    if (err instanceof NotationPolicyError) throw new InputError('notation-trust-policy', err.message);
    throw await explain(err);
  }
  const digest = result.descriptor.digest;
  const { source, revision } = artifactOrigin(result.annotations);
  const { verified, reasons } = result;
  core.setOutput('verified', String(verified));
  core.setOutput('digest', digest);
  core.setOutput('digest-url', `${name}@${digest}`);
  core.setOutput('format', 'notation');
  core.setOutput('identity', result.signer ? `x509: ${result.signer.subject}` : '');
  core.setOutput('issuer', '');
  core.setOutput('signer-repository', '');
  core.setOutput('attestations', '[]');
  core.setOutput('flux', '[]');
  core.setOutput('revision', revision ?? '');
  core.setOutput('source', source ?? '');
  for (const warning of result.warnings) core.warning(warning);
  core.appendSummary(
    [
      '### Flux artifact verification (Notary Project)',
      '',
      '| Artifact | Digest | Result | Signer | Revision |',
      '|---|---|---|---|---|',
      `| ${cell(`${name}:${inputs.reference}`)} | \`${shortDigest(digest)}\` | ${verified ? '✅ verified (notation)' : result.skipped ? '⏭ skipped by the trust policy' : '❌ not verified'} | ${cell(result.signer?.subject ?? '—')} | ${cell(revision ?? '—')} |`,
      '',
      `Trust policy: ${cell(result.policy ?? '—')} (${result.level ?? '—'}). ${result.signaturesChecked} signature(s) examined.`,
      ...(verified ? [] : ['', ...reasons.map((r) => `- ${cell(r)}`)]),
    ].join('\n'),
  );
  if (verified) {
    core.info(`Verified ${name}@${digest} (notation): signed by ${result.signer?.subject ?? ''}, trust policy ${result.policy ?? ''}`);
    return;
  }
  throw new Error(
    `${name}:${inputs.reference} (${digest}) is not verified: ${result.skipped ? `the trust policy ${result.policy ?? ''} skips verification` : reasons.join('; ')}`,
  );
}

export async function run(inputs: Inputs): Promise<void> {
  const session = registrySession(inputs.registry, inputs.context, inputs.location);
  const target = openTarget(inputs.location, session.client);
  const name = locationName(inputs.location);
  const explainRegistry = (err: unknown): Promise<unknown> => session.explain(err);
  if (inputs.notation) return runNotation(inputs, inputs.notation, target, name, explainRegistry);
  let result;
  try {
    result = await verifyArtifact({
      target,
      reference: inputs.reference,
      verification: inputs.verification,
      format: inputs.format,
      annotations: inputs.annotations,
      requireAttestations: inputs.requireAttestations,
      fluxVersion: inputs.fluxVersion,
      ...(inputs.identities !== undefined ? { identities: inputs.identities } : {}),
      ...(inputs.fluxManifest?.registry ? { clusterRegistry: inputs.fluxManifest.registry } : {}),
    });
  } catch (err) {
    throw await explainRegistry(err);
  }
  const digest = result.descriptor.digest;
  const { source, revision } = artifactOrigin(result.annotations);
  core.setOutput('verified', String(result.verified));
  core.setOutput('digest', digest);
  core.setOutput('digest-url', `${name}@${digest}`);
  core.setOutput('format', result.format ?? '');
  core.setOutput('identity', result.identity ?? '');
  core.setOutput('issuer', result.issuer ?? '');
  core.setOutput('signer-repository', result.sourceRepository ?? '');
  core.setOutput('attestations', JSON.stringify(result.attestations));
  core.setOutput('flux', JSON.stringify(result.flux));
  core.setOutput('revision', revision ?? '');
  core.setOutput('source', source ?? '');
  for (const warning of result.warnings) core.warning(warning);

  core.appendSummary(verificationSummary(inputs, result, name));
  if (result.verified) {
    core.info(
      `Verified ${name}@${digest} (${result.format}): signed by ${result.identity}${result.issuer ? ` (${result.issuer})` : ''}${result.sourceRepository ? ` in a run of ${result.sourceRepository}` : ''}`,
    );
    return;
  }
  throw new Error(`${name}:${inputs.reference} (${digest}) is not verified: ${result.reasons.join('; ')}`);
}
