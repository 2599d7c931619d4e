import type { CheckResult } from '@d2ci/core/verify';
import { runner as core } from '@d2ci/action-kit';
import { checkSummary } from './summary.ts';

/** Who signed, for the log. */
function signedBy(result: CheckResult): string {
  if (result.provider === 'notation') return `${result.subject ?? ''}, trust policy ${result.policy ?? ''}`;
  return `${result.identity ?? ''}${result.issuer ? ` (${result.issuer})` : ''}${result.sourceRepository ? ` in a run of ${result.sourceRepository}` : ''}`;
}

/** The step's outputs, warnings and job summary; then the verified line, or the failure. */
export function renderCheck(result: CheckResult): void {
  const digest = result.descriptor.digest;
  core.setOutput('verified', String(result.verified));
  core.setOutput('digest', digest);
  core.setOutput('digest-url', result.digestUrl);
  core.setOutput('format', result.format ?? '');
  core.setOutput('identity', result.identity ?? '');
  core.setOutput('issuer', result.issuer ?? '');
  core.setOutput('signer-repository', result.sourceRepository ?? '');
  core.setOutput('attestations', JSON.stringify(result.attestations));
  core.setOutput('flux', JSON.stringify(result.flux));
  core.setOutput('revision', result.revision ?? '');
  core.setOutput('source', result.source ?? '');
  for (const warning of result.warnings) core.warning(warning);
  core.appendSummary(checkSummary(result));
  if (!result.verified) throw new Error(`${result.name}:${result.reference} (${digest}) is not verified: ${result.why}`);
  core.info(`Verified ${result.digestUrl} (${result.format ?? ''}): signed by ${signedBy(result)}`);
}
