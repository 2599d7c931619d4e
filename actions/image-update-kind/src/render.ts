import type { ImageUpdateEvent, ImageUpdateReport } from '@d2ci/core/imageupdate';
import { runner as core } from '@d2ci/action-kit';
import type { Inputs } from './inputs.ts';
import { summary } from './summary.ts';

/** Progress as it happens: the app token, the kind engine's steps, its cluster (for the post step) and diagnostics. */
export function renderEvent(event: ImageUpdateEvent): void {
  switch (event.type) {
    case 'app-token':
      core.info(`Using a GitHub App installation token for ${event.repository} (expires ${event.expiresAt.toISOString()})`);
      return;
    case 'app-token-kept':
      core.warning(`could not revoke the installation token: ${event.error.message}`);
      return;
    case 'cluster-created':
      // The post step deletes the cluster, whatever happens next.
      core.saveState('kind_cluster', event.name);
      core.saveState('kind_path', event.path);
      return;
    case 'progress':
      core.info(event.line);
      return;
    case 'diagnostics':
      core.startGroup(event.title);
      core.info(event.text);
      core.endGroup();
  }
}

/** The log lines, step outputs and job summary of one image update. */
export function renderReport(inputs: Inputs, report: ImageUpdateReport): void {
  for (const p of report.policies) {
    if (p.ok)
      core.info(
        `${p.policy.namespace}/${p.policy.name}: ${p.latestRef.name}:${p.latestRef.tag}${p.latestRef.digest ? `@${p.latestRef.digest}` : ''} (of ${p.tags} tags)`,
      );
    else core.warning(`ImagePolicy ${p.policy.namespace}/${p.policy.name} skipped: ${p.error}`);
  }
  for (const u of report.unresolved)
    core.warning(
      `${u.file}:${u.line}: the marker names ${u.setter}, but no ImagePolicy ${u.setter.split(':').slice(0, 2).join('/')} is in ${inputs.policiesPath}${inputs.namespace ? '' : ' (set `namespace` if the policies are applied into one)'}; left unchanged`,
    );
  for (const p of report.problems) core.warning(`${p.file}: ${p.message}`);
  for (const c of report.changes) core.info(`${c.file}: ${c.object} ${c.setter}: ${c.old} -> ${c.new}`);
  if (inputs.dryRun && report.diff) core.info(report.diff);
  if (report.updated) core.info(`Pushed ${report.commit ?? ''} to ${inputs.pushBranch}`);
  else if (!inputs.dryRun) core.info('No new images: nothing committed');
  if (report.pullRequest) core.info(`Pull request #${report.pullRequest.number}: ${report.pullRequest.url}`);

  core.setOutput('updated', String(report.updated));
  core.setOutput('changes', JSON.stringify(report.changes));
  core.setOutput('commit', report.commit ?? '');
  core.setOutput('verified', report.verified === undefined ? '' : String(report.verified));
  core.setOutput('pr-number', report.pullRequest ? String(report.pullRequest.number) : '');
  core.setOutput('pr-url', report.pullRequest?.url ?? '');
  core.appendSummary(summary(report, inputs));
}
