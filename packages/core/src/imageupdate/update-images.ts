// The image update use case, once for every front door: the request checked against its engine, the token that
// pushes (a GitHub App's, revoked after), then the native engine (update.ts) or Flux's controllers (kind.ts).
import { BaseError } from '../errors.ts';
import { githubActionsAuthor, withPushPermission } from './git.ts';
import { installationToken } from './github/githubapp.ts';
import { runKindImageUpdate } from './kind.ts';
import { imageRegistryClients, imageRegistryCredentials } from './registries.ts';
import type { CommitPlan, GitHubTarget, ImageUpdateRequest } from './request.ts';
import { runImageUpdate, type ImageUpdateReport } from './update.ts';

/**
 * `KIND_DRY_RUN`: the controllers push as they go. `KIND_COMMIT_VIA_API`: image-automation-controller commits with
 * git. `KIND_NEEDS_GITHUB`: the cluster clones the GitHub repository and pushes the branch. `API_COMMIT_NEEDS_GITHUB`:
 * API commits are made in a GitHub repository, with its token.
 */
export type ImageUpdateRequestErrorCode = 'KIND_DRY_RUN' | 'KIND_COMMIT_VIA_API' | 'KIND_NEEDS_GITHUB' | 'API_COMMIT_NEEDS_GITHUB';

/** A request its engine cannot carry out; nothing was done. */
export class ImageUpdateRequestError extends BaseError<ImageUpdateRequestErrorCode> {}

/** Refuses what the request's engine cannot do, before anything is fetched, created or pushed. */
function checkRequest(request: ImageUpdateRequest): void {
  if (request.engine === 'kind') {
    if (request.dryRun) {
      const problem = 'is for `engine: native`: the controllers in the cluster push as they go';
      throw new ImageUpdateRequestError('KIND_DRY_RUN', `dry-run ${problem}`, { field: 'dry-run', problem });
    }
    if (request.commit?.via === 'api') {
      const problem = 'is `git` with `engine: kind`: image-automation-controller commits and pushes itself';
      throw new ImageUpdateRequestError('KIND_COMMIT_VIA_API', `commit-via ${problem}`, { field: 'commit-via', problem });
    }
    if (!request.commit || !request.github)
      throw new ImageUpdateRequestError(
        'KIND_NEEDS_GITHUB',
        'engine: kind needs a push branch and a GitHub repository with a token: the controllers clone it and push the branch',
      );
  }
  if (request.commit?.via === 'api' && !request.github) {
    const problem = 'is `api`, which needs a GitHub repository and token';
    throw new ImageUpdateRequestError('API_COMMIT_NEEDS_GITHUB', `commit-via ${problem}`, { field: 'commit-via', problem });
  }
}

interface WriteToken {
  token: string | undefined;
  revoke(): Promise<void>;
}

/** The token that pushes and opens the pull request: a fresh app installation token, else the given one. */
async function writeToken(request: ImageUpdateRequest): Promise<WriteToken> {
  const github = request.github;
  const kept = { token: github?.token, revoke: async () => undefined };
  // A dry run writes nothing, so it needs no token with write access.
  if (!github?.app || request.dryRun) return kept;
  const created = await installationToken({
    app: github.app,
    repository: github.repository,
    apiUrl: github.apiUrl,
    onSecret: request.onSecret,
  });
  request.onEvent?.({ type: 'app-token', repository: github.repository, expiresAt: created.expiresAt });
  return { token: created.token, revoke: () => created.revoke() };
}

/** Template values as Flux takes them: none rather than an empty map. */
const templateValues = (commit: CommitPlan | undefined): Record<string, string> | undefined =>
  commit?.messageValues && Object.keys(commit.messageValues).length ? commit.messageValues : undefined;

function runNative(request: ImageUpdateRequest, token: string | undefined): Promise<ImageUpdateReport> {
  const { commit, github, pullRequest } = request;
  const namespace = request.namespace ?? 'flux-system';
  return runImageUpdate({
    repo: request.repo,
    policiesPath: request.policiesPath,
    updatePath: request.updatePath,
    namespace: request.namespace,
    clientFor: imageRegistryClients(request.registries),
    dryRun: request.dryRun,
    git: commit && {
      base: commit.base,
      branch: commit.branch,
      mode: commit.mode,
      auth: token ? { token, onSecret: request.onSecret } : undefined,
      author: commit.author,
      via:
        commit.via === 'api' && github
          ? { kind: 'api', token: token ?? '', repository: github.repository, apiUrl: github.apiUrl }
          : { kind: 'git' },
      messageTemplate: commit.messageTemplate,
      messageValues: templateValues(commit),
      // As the kind engine (and D2) name the ImageUpdateAutomation: after its namespace.
      automation: { namespace, name: commit.automationName ?? namespace },
    },
    // A pull request is opened in a GitHub repository; elsewhere the branch is only pushed.
    pullRequest:
      pullRequest && github?.repository
        ? { token: token ?? '', repository: github.repository, apiUrl: github.apiUrl, labels: pullRequest.labels, body: pullRequest.body }
        : undefined,
  });
}

function runKind(request: ImageUpdateRequest, commit: CommitPlan, github: GitHubTarget, token: string): Promise<ImageUpdateReport> {
  const event = request.onEvent ?? (() => undefined);
  const namespace = request.namespace ?? 'flux-system';
  return runKindImageUpdate({
    repo: request.repo,
    repository: github.repository,
    serverUrl: github.serverUrl,
    token,
    policiesPath: request.policiesPath,
    updatePath: request.updatePath,
    namespace,
    base: commit.base,
    branch: commit.branch,
    author: commit.author ?? githubActionsAuthor,
    messageTemplate: commit.messageTemplate,
    messageValues: templateValues(commit),
    credentials: imageRegistryCredentials(request.registries),
    pullRequest: request.pullRequest && { apiUrl: github.apiUrl, labels: request.pullRequest.labels, body: request.pullRequest.body },
    tools: request.kind?.tools,
    clusterName: request.kind?.clusterName ?? `d2ci-image-update-${process.pid}`,
    onCluster: (name, path) => event({ type: 'cluster-created', name, path }),
    onSecret: request.onSecret,
    log: (line) => event({ type: 'progress', line }),
    onDiagnostics: request.onEvent && ((title, text) => event({ type: 'diagnostics', title, text })),
  });
}

/**
 * Flux image automation in CI: the latest image for each ImagePolicy, the markers updated, committed to the push
 * branch and the pull request opened or updated, by d2ci itself (`native`) or by Flux's controllers in a Kind
 * cluster (`kind`). A remote's refusal of the token names the permission the job needs.
 */
export async function updateImages(request: ImageUpdateRequest): Promise<ImageUpdateReport> {
  checkRequest(request);
  const write = await writeToken(request);
  try {
    const { commit, github } = request;
    if (request.engine === 'kind' && commit && github) return await runKind(request, commit, github, write.token ?? '');
    return await runNative(request, write.token);
  } catch (err) {
    throw request.github && request.commit ? withPushPermission(err, request.commit.branch) : err;
  } finally {
    // A short-lived token is revoked as soon as the update is done with it.
    await write.revoke().catch((err: unknown) => request.onEvent?.({ type: 'app-token-kept', error: err as Error }));
  }
}
