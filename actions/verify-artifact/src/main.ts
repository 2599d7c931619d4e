import { OciError, artifactOrigin, locationName, networkErrorCode, openTarget, verifyArtifact, withAuthHint } from '@d2ci/core';
import { InputError, cell, registrySession, runner as core, shortDigest } from '@d2ci/action-kit';
import type { Inputs } from './inputs.ts';

export async function run(inputs: Inputs): Promise<void> {
  const { client, credentials } = registrySession(inputs.registry, inputs.context, inputs.location);
  const target = openTarget(inputs.location, client);
  const name = locationName(inputs.location);
  let result;
  try {
    result = await verifyArtifact({ target, reference: inputs.reference, verification: inputs.verification, format: inputs.format, annotations: inputs.annotations });
  } catch (err) {
    if (err instanceof OciError && err.code === 'NETWORK' && networkErrorCode(err.cause) === 'ENOTFOUND') throw new InputError('repository', err.message);
    if (inputs.location.kind === 'registry') {
      const { registry, repository } = inputs.location.reference;
      throw withAuthHint(err, { registry, repository, hasCredentials: (await credentials(registry).catch(() => undefined)) !== undefined, vocabulary: 'action', provider: inputs.registry.provider });
    }
    throw err;
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
  core.setOutput('revision', revision ?? '');
  core.setOutput('source', source ?? '');
  for (const warning of result.warnings) core.warning(warning);

  const policy = inputs.verification.kind === 'key' ? `${inputs.verification.keys.length} public key(s)` : inputs.verification.policy.describe;
  core.appendSummary(
    [
      '### Flux artifact verification',
      '',
      '| Artifact | Digest | Result | Signer | Revision |',
      '|---|---|---|---|---|',
      `| ${cell(`${name}:${inputs.reference}`)} | \`${shortDigest(digest)}\` | ${result.verified ? `✅ verified (${result.format})` : '❌ not verified'} | ${cell(result.identity ?? '—')}${result.issuer ? ` (${cell(result.issuer)})` : ''}${result.sourceRepository ? `, run in ${cell(result.sourceRepository)}` : ''} | ${cell(revision ?? '—')} |`,
      '',
      `Policy: ${cell(policy)}. ${result.signaturesChecked} signature(s) examined.`,
      ...result.warnings.map((w) => `> ⚠ ${cell(w)}`),
      ...(result.verified ? [] : ['', ...result.reasons.map((r) => `- ${cell(r)}`)]),
    ].join('\n'),
  );
  if (result.verified) {
    core.info(`Verified ${name}@${digest} (${result.format}): signed by ${result.identity}${result.issuer ? ` (${result.issuer})` : ''}${result.sourceRepository ? ` in a run of ${result.sourceRepository}` : ''}`);
    return;
  }
  throw new Error(`${name}:${inputs.reference} (${digest}) is not verified: ${result.reasons.join('; ')}`);
}
