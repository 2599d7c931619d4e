import type { ImageUpdateReport } from '@d2ci/core/imageupdate';
import { cell } from '@d2ci/action-kit';
import type { Inputs } from './inputs.ts';

/** The job summary: what was pushed (or would change), each change linked to its file on the push branch, and each policy's pick. */
export function summary(report: ImageUpdateReport, inputs: Inputs): string {
  const { serverUrl, repository } = inputs.context;
  const blob = (file: string): string =>
    repository && report.updated ? `[${cell(file)}](${serverUrl}/${repository}/blob/${inputs.pushBranch}/${file})` : cell(file);
  const rows = report.changes.map(
    (c) => `| \`${cell(c.image || c.setter)}\` | \`${cell(c.old)}\` | \`${cell(c.new)}\` | ${blob(c.file)} | ${cell(c.object)} |`,
  );
  const pr = report.pullRequest;
  const headline = inputs.dryRun
    ? `Dry run: ${report.changes.length} value(s) would change`
    : report.updated
      ? `Pushed ${report.commit ? `[\`${report.commit.slice(0, 7)}\`](${serverUrl}/${repository}/commit/${report.commit})` : ''} to \`${inputs.pushBranch}\`${pr ? ` — [pull request #${pr.number}](${pr.url})` : ''}`
      : `No new images${pr ? ` — [pull request #${pr.number}](${pr.url}) is open` : ''}`;
  const policies = report.policies.map(
    (p) =>
      `| ${cell(`${p.policy.namespace}/${p.policy.name}`)} | ${p.ok ? `\`${cell(p.latestRef.name)}:${cell(p.latestRef.tag)}\`${p.latestRef.digest ? ` (\`${p.latestRef.digest.slice(0, 19)}…\`)` : ''}` : `⚠ ${cell(p.error)}`} |`,
  );
  return [
    '### Image update',
    '',
    headline,
    '',
    ...(rows.length ? ['| Image | Old | New | File | Object |', '|---|---|---|---|---|', ...rows, ''] : []),
    '<details><summary>Policies</summary>',
    '',
    '| ImagePolicy | Latest |',
    '|---|---|',
    ...policies,
    '',
    '</details>',
  ].join('\n');
}
