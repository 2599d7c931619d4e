import { updateImages, type ImageUpdateReport, type ImageUpdateRequest } from '@d2ci/core/imageupdate';
import { inputError, registryOptions, runner as core } from '@d2ci/action-kit';
import type { Inputs } from './inputs.ts';
import { pullRequestBody } from './pull-request-body.ts';
import { renderEvent, renderReport } from './render.ts';

/** The inputs as core's image update request. */
export function imageUpdateRequest(inputs: Inputs): ImageUpdateRequest {
  const { context } = inputs;
  return {
    engine: inputs.engine,
    repo: context.workspace,
    policiesPath: inputs.policiesPath,
    updatePath: inputs.updatePath,
    namespace: inputs.namespace,
    dryRun: inputs.dryRun,
    // `registry-username`/`registry-password` go to `registry-server` only; every other registry gets the job's.
    registries: registryOptions(inputs.registry, context, inputs.registryServer),
    commit: {
      base: inputs.baseBranch,
      branch: inputs.pushBranch,
      mode: inputs.branchStrategy,
      author: inputs.author,
      via: inputs.commitVia,
      messageTemplate: inputs.messageTemplate,
      messageValues: inputs.messageValues,
    },
    github: {
      repository: context.repository,
      serverUrl: context.serverUrl,
      apiUrl: process.env.GITHUB_API_URL,
      token: inputs.githubToken,
      app: inputs.app,
    },
    pullRequest: { labels: inputs.labels, body: (changes, message) => pullRequestBody(changes, message, context.runUrl) },
    kind: { tools: inputs.toolSources, clusterName: `d2ci-image-update-${process.env.GITHUB_RUN_ID ?? process.pid}` },
    onSecret: (secret) => core.setSecret(secret),
    onEvent: renderEvent,
  };
}

export async function run(inputs: Inputs): Promise<void> {
  let report: ImageUpdateReport;
  try {
    report = await updateImages(imageUpdateRequest(inputs));
  } catch (err) {
    // Errors about one input (the policies, the update path, the template, the app, `dry-run` or `commit-via` with
    // the kind engine) name it; the rest (a refused push names the permission to add) are shown as they are.
    throw inputError(err) ?? err;
  }
  renderReport(inputs, report);
}
