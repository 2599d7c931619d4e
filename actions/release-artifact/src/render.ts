import type { ReleaseOutcome } from '@d2ci/core/release';
import { cell, runner as core, shortDigest } from '@d2ci/action-kit';

const verbs = { promoted: 'Promoted', built: 'Built', 'rolled back': 'Rolled back', unchanged: 'Already released' } as const;

/** The log lines, step outputs and job summary of a release. */
export function renderRelease(result: ReleaseOutcome): void {
  const { name } = result;
  const digest = result.descriptor.digest;
  for (const note of result.notes) core.info(note);
  core.info(`${verbs[result.action]}: ${name}:${result.version} → ${digest}`);
  for (const t of result.tags) core.info(`${t.changed ? 'Tagged' : 'Already tagged'} ${name}:${t.tag}`);

  core.setOutput('version', result.version);
  core.setOutput('component', result.component ?? '');
  core.setOutput('digest', digest);
  core.setOutput('digest-url', `${name}@${digest}`);
  core.setOutput('previous-digest', result.previousDigest ?? '');
  core.setOutput('action', result.action);
  core.setOutput('signature-ref', result.signature?.signatureRef ?? '');
  core.setOutput('signature-formats', JSON.stringify(result.signature?.formats ?? []));

  core.appendSummary(
    [
      '### Flux artifact release',
      '',
      '| Artifact | Version | Action | Digest | latest-stable before | Signed by | Signature formats |',
      '|---|---|---|---|---|---|---|',
      `| ${cell(name)} | ${cell(result.version)} | ${result.action} | \`${shortDigest(digest)}\` | ${result.previousDigest ? `\`${shortDigest(result.previousDigest)}\`` : '—'} | ${cell(result.signature?.identity ?? '—')} | ${result.signature ? result.signature.formats.join(', ') : '—'} |`,
      '',
      ...result.notes.map((n) => `- ${cell(n)}`),
    ].join('\n'),
  );
}
