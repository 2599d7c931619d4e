import {
  GitError,
  GitHubAppError,
  installationToken,
  runImageUpdate,
  runKindImageUpdate,
  type ImageUpdateReport,
  type ValueChange,
} from '@d2ci/core/imageupdate';
import { InputError, cell, inputError, jobCredentials, registryClients, runner as core } from '@d2ci/action-kit';
import type { Inputs } from './inputs.ts';

/** The pull request's body: what changed, with the commit message (which the template shaped) underneath. */
export function pullRequestBody(changes: ValueChange[], message: string, runUrl: string | undefined): string {
  const rows = changes.map((c) => `| \`${cell(c.image || c.setter)}\` | \`${cell(c.old)}\` | \`${cell(c.new)}\` | ${cell(c.file)} |`);
  return [
    `Newer images for ${changes.length} marker(s), found by d2ci image-update${runUrl ? ` in [this run](${runUrl})` : ''}.`,
    '',
    '| Image | Old | New | File |',
    '|---|---|---|---|',
    ...rows,
    '',
    '<details><summary>Commit message</summary>',
    '',
    '```',
    message.trimEnd(),
    '```',
    '',
    '</details>',
  ].join('\n');
}

/** Turns a failure into the one line the workflow author needs: an input to fix, or the permission to add. */
function explain(err: unknown, inputs: Inputs): unknown {
  if (err instanceof GitError && err.code === 'GIT_PERMISSION_DENIED') {
    return new Error(
      `${err.message}; add \`permissions: contents: write\` to the job (and check that \`github-token\` may push to ${inputs.pushBranch})`,
    );
  }
  return inputError(err) ?? err;
}

function summary(report: ImageUpdateReport, inputs: Inputs): string {
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

/** Flux's controllers in a Kind cluster (the post step deletes it). */
async function runKind(inputs: Inputs, token: string): Promise<ImageUpdateReport> {
  if (inputs.dryRun) throw new InputError('dry-run', 'is for `engine: native`: the controllers in the cluster push as they go');
  if (inputs.commitVia === 'api')
    throw new InputError('commit-via', 'is `git` with `engine: kind`: image-automation-controller commits and pushes itself');
  return runKindImageUpdate({
    repo: inputs.context.workspace,
    repository: inputs.context.repository,
    serverUrl: inputs.context.serverUrl,
    token,
    policiesPath: inputs.policiesPath,
    updatePath: inputs.updatePath,
    namespace: inputs.namespace ?? 'flux-system',
    base: inputs.baseBranch,
    branch: inputs.pushBranch,
    author: inputs.author ?? defaultAuthor,
    messageTemplate: inputs.messageTemplate,
    messageValues: Object.keys(inputs.messageValues).length ? inputs.messageValues : undefined,
    credentials: jobCredentials(inputs.registry, inputs.context, inputs.registry.provider, inputs.registryServer),
    pullRequest: {
      apiUrl: process.env.GITHUB_API_URL,
      labels: inputs.labels,
      body: (changes, message) => pullRequestBody(changes, message, inputs.context.runUrl),
    },
    tools: inputs.toolSources,
    clusterName: `d2ci-image-update-${process.env.GITHUB_RUN_ID ?? process.pid}`,
    onCluster: (name, path) => {
      core.saveState('kind_cluster', name);
      core.saveState('kind_path', path);
    },
    onSecret: (secret) => core.setSecret(secret),
    log: (line) => core.info(line),
    onDiagnostics: (title, text) => {
      core.startGroup(title);
      core.info(text);
      core.endGroup();
    },
  });
}

const defaultAuthor = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };

/** The token that pushes and opens the pull request: a fresh app installation token, else `github-token`. */
async function writeToken(inputs: Inputs): Promise<{ token: string; revoke: () => Promise<void>; expiresAt?: Date }> {
  if (!inputs.app) return { token: inputs.githubToken, revoke: async () => undefined };
  if (inputs.dryRun) return { token: inputs.githubToken, revoke: async () => undefined };
  try {
    const created = await installationToken({
      app: inputs.app,
      repository: inputs.context.repository,
      apiUrl: process.env.GITHUB_API_URL,
      onSecret: (secret) => core.setSecret(secret),
    });
    core.info(`Using a GitHub App installation token for ${inputs.context.repository} (expires ${created.expiresAt.toISOString()})`);
    return { token: created.token, revoke: () => created.revoke(), expiresAt: created.expiresAt };
  } catch (err) {
    if (err instanceof GitHubAppError) throw new InputError('app-id', err.message);
    throw err;
  }
}

export async function run(inputs: Inputs): Promise<void> {
  const clients = registryClients(inputs.registry, inputs.context, inputs.registryServer);
  const write = await writeToken(inputs);
  const token = write.token;
  let report: ImageUpdateReport;
  try {
    report =
      inputs.engine === 'kind'
        ? await runKind(inputs, token)
        : await runImageUpdate({
            repo: inputs.context.workspace,
            policiesPath: inputs.policiesPath,
            updatePath: inputs.updatePath,
            namespace: inputs.namespace,
            clientFor: (repository) => clients(repository.provider, repository.insecure),
            dryRun: inputs.dryRun,
            git: {
              base: inputs.baseBranch,
              branch: inputs.pushBranch,
              mode: inputs.branchStrategy,
              auth: { token, onSecret: (secret) => core.setSecret(secret) },
              author: inputs.commitVia === 'api' ? inputs.author : (inputs.author ?? defaultAuthor),
              via:
                inputs.commitVia === 'api'
                  ? { kind: 'api', token, repository: inputs.context.repository, apiUrl: process.env.GITHUB_API_URL }
                  : { kind: 'git' },
              messageTemplate: inputs.messageTemplate,
              messageValues: Object.keys(inputs.messageValues).length ? inputs.messageValues : undefined,
              // As the kind engine (and D2) name the ImageUpdateAutomation: after its namespace.
              automation: { namespace: inputs.namespace ?? 'flux-system', name: inputs.namespace ?? 'flux-system' },
            },
            pullRequest: inputs.context.repository
              ? {
                  token,
                  repository: inputs.context.repository,
                  apiUrl: process.env.GITHUB_API_URL,
                  labels: inputs.labels,
                  body: (changes, message) => pullRequestBody(changes, message, inputs.context.runUrl),
                }
              : undefined,
          });
  } catch (err) {
    throw explain(err, inputs);
  } finally {
    // A short-lived token is revoked as soon as the step is done with it.
    await write.revoke().catch((err: unknown) => core.warning(`could not revoke the installation token: ${(err as Error).message}`));
  }

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
