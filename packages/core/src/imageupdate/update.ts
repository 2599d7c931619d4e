import { realpath } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { BaseError } from '../errors.ts';
import type { RegistryClient } from '../oci/registry.ts';
import { loadAutomationObjects, type ImageRepositoryObject } from './objects.ts';
import { reflectPolicies, type PolicyOutcome } from './reflect.ts';
import { applySetters, secureJoin } from './setters.ts';
import { defaultCommitTemplate, renderCommitMessage } from './commit-message.ts';
import { commitAll, githubActionsAuthor, openBranch, pushBranch, type GitAuth } from './git.ts';
import type { PullRequest } from './github/pullrequest.ts';
import { commitViaApi } from './github/apicommit.ts';
import type { UpdateResult } from './result.ts';
import { unifiedDiff } from './diff.ts';
import { changesAt, repoPath, valueChanges, type ValueChange } from './changes.ts';
import { settlePullRequest, type PullRequestBody } from './pull-request-flow.ts';

export interface ImageUpdateOptions {
  /** The checkout: policies are read from it, and it is the Git repository commits go to. */
  repo: string;
  /** Where the ImageRepository/ImagePolicy manifests are, relative to `repo`. */
  policiesPath: string;
  /** Where markers are updated, relative to `repo` (Flux `spec.update.path`). */
  updatePath: string;
  /** The namespace the policies live in (the applying Kustomization's `targetNamespace`). */
  namespace?: string;
  clientFor: (repository: ImageRepositoryObject) => RegistryClient;
  /** Commit and push to a branch; without it, files are edited in place in `repo`. */
  git?: {
    base: string;
    branch: string;
    mode: 'stack' | 'reset';
    auth?: GitAuth;
    /** Commit and push author; with `via: api` leave it out so GitHub signs the commit. */
    author?: { name: string; email: string };
    /**
     * `git` (default): commit in a worktree and push. `api`: create the commit through GitHub's REST API, which
     * GitHub signs ("Verified") when the token is an app installation's and no author is given.
     */
    via?: { kind: 'git' } | { kind: 'api'; token: string; repository: string; apiUrl?: string };
    messageTemplate?: string;
    messageValues?: Record<string, string>;
    /** `{{ .AutomationObject }}`: the automation's namespace/name. */
    automation: { namespace: string; name: string };
  };
  /** Open or update a pull request from `git.branch` into `git.base`. */
  pullRequest?: {
    token: string;
    repository: string;
    apiUrl?: string;
    labels?: string[];
    body: PullRequestBody;
  };
  /** Compute everything, write nothing (no files, no commit, no push, no pull request). */
  dryRun?: boolean;
}

export interface ImageUpdateReport {
  policies: PolicyOutcome[];
  result: UpdateResult;
  changes: ValueChange[];
  /** Files changed (or that would change), from the repository root. */
  files: string[];
  /** Markers naming a policy that is not among the loaded ones, and unreadable files: worth a warning. */
  unresolved: { file: string; line: number; setter: string }[];
  problems: { file: string; message: string }[];
  updated: boolean;
  message?: string;
  commit?: string;
  /** With commits made through GitHub's API: whether GitHub signed it. */
  verified?: boolean;
  pullRequest?: PullRequest | Omit<PullRequest, 'created'>;
  /** Unified diff of what changed (or would). */
  diff: string;
}

/** Policies that cannot work (a bad range or pattern, a missing ImageRepository), each named with why. */
export class InvalidPolicyError extends BaseError<'INVALID_POLICY'> {
  constructor(message: string) {
    super('INVALID_POLICY', message, { field: 'policies-path' });
    this.name = 'InvalidPolicyError';
  }
}

/**
 * Flux image automation without a cluster: reflect each ImagePolicy from its registry (as image-reflector-controller
 * does), apply the Setters markers under the update path (as image-automation-controller does, but editing only
 * the changed values), then commit with the message template, push the branch and open or update the pull request.
 * A policy whose registry cannot be read is reported and skipped; the others still apply.
 */
export async function runImageUpdate(options: ImageUpdateOptions): Promise<ImageUpdateReport> {
  const objects = await loadAutomationObjects(join(options.repo, options.policiesPath), { namespace: options.namespace });
  const policies = await reflectPolicies({ repositories: objects.repositories, policies: objects.policies, clientFor: options.clientFor });
  // A policy that cannot work (bad range or pattern, missing ImageRepository) is a configuration error: say so before
  // anything is written. A registry that cannot be read is not: that policy is skipped and reported.
  const invalid = policies.filter((p) => !p.ok && p.kind !== 'registry');
  if (invalid.length)
    throw new InvalidPolicyError(
      invalid.map((p) => `ImagePolicy ${p.policy.namespace}/${p.policy.name} (${p.policy.file}): ${p.ok ? '' : p.error}`).join('; '),
    );
  const inScope = policies.filter((p) => p.ok);
  const images = new Map(inScope.map((p) => [`${p.policy.namespace}:${p.policy.name}`, p.latestRef]));
  const setterPolicies = inScope.map((p) => ({ namespace: p.policy.namespace, name: p.policy.name, latestRef: p.latestRef }));
  const message = (result: UpdateResult): string | undefined =>
    options.git && result.fileChanges.size
      ? renderCommitMessage(options.git.messageTemplate || defaultCommitTemplate, {
          automation: options.git.automation,
          result,
          values: options.git.messageValues,
        })
      : undefined;
  // A template that cannot render fails now, not on the first week with an update.
  if (options.git)
    renderCommitMessage(options.git.messageTemplate || defaultCommitTemplate, {
      automation: options.git.automation,
      result: { fileChanges: new Map() },
      values: options.git.messageValues,
    });

  const worktree =
    options.git && !options.dryRun
      ? await openBranch({
          repo: options.repo,
          auth: options.git.auth,
          base: options.git.base,
          branch: options.git.branch,
          mode: options.git.mode,
        })
      : undefined;
  try {
    // Resolved as Flux does (securejoin): the update path cannot leave the checkout, even through a symlink.
    const root = await secureJoin(worktree?.dir ?? options.repo, options.updatePath);
    const setters = await applySetters({ root, policies: setterPolicies, write: options.dryRun ? false : 'in-place' });
    const report: ImageUpdateReport = {
      policies,
      result: setters.result,
      changes: valueChanges(setters.result, options.updatePath, images),
      files: setters.files.map((f) => repoPath(options.updatePath, f.path)),
      unresolved: setters.unresolved.map((u) => ({
        file: repoPath(options.updatePath, u.path),
        line: u.line,
        setter: u.setter,
      })),
      problems: [
        ...objects.problems.map((p) => ({ file: join(options.policiesPath, p.file), message: p.message })),
        ...setters.problems.map((p) => ({ file: join(options.updatePath, p.path), message: p.message })),
      ],
      updated: false,
      diff: setters.files
        .map((f) =>
          unifiedDiff(
            relative(options.repo, join(options.repo, options.updatePath, f.path))
              .split('\\')
              .join('/'),
            f.before,
            f.after,
          ),
        )
        .join(''),
    };
    if (!options.git) {
      report.updated = setters.files.length > 0 && !options.dryRun;
      return report;
    }
    const git = options.git;
    report.message = message(setters.result);
    if (worktree && report.message) {
      if (git.via?.kind === 'api') {
        // secureJoin resolved symlinks, so compare with the worktree's real path.
        const updatePrefix = relative(await realpath(worktree.dir), root)
          .split('\\')
          .join('/');
        const commit = await commitViaApi({
          token: git.via.token,
          repository: git.via.repository,
          apiUrl: git.via.apiUrl,
          branch: git.branch,
          base: git.base,
          mode: git.mode,
          parent: worktree.startedFrom.commit,
          files: setters.files.map((f) => ({ path: [updatePrefix, f.path].filter(Boolean).join('/'), content: f.after })),
          message: report.message,
          ...(git.author ? { author: git.author } : {}),
        });
        if (commit.sha !== commit.parent) {
          report.commit = commit.sha;
          report.verified = commit.verified;
          report.updated = true;
        }
      } else {
        report.commit = await commitAll(worktree.dir, report.message, git.author ?? githubActionsAuthor);
        if (report.commit) {
          await pushBranch({ repo: options.repo, auth: git.auth, dir: worktree.dir, branch: git.branch });
          report.updated = true;
        }
      }
    }
    const pr = options.pullRequest;
    if (pr && !options.dryRun)
      report.pullRequest = await settlePullRequest({
        target: { token: pr.token, repository: pr.repository, apiUrl: pr.apiUrl, head: git.branch, base: git.base, labels: pr.labels },
        body: pr.body,
        pushed: report.updated ? { changes: report.changes, commitMessage: report.message ?? '' } : undefined,
        branchExisted: worktree?.startedFrom.existing ?? false,
        pending: async () => {
          const pending = await changesAt({
            repo: options.repo,
            auth: git.auth,
            ref: git.base,
            branch: git.base,
            updatePath: options.updatePath,
            policies: setterPolicies,
          });
          return { changes: pending.changes, commitMessage: message(pending.result) || undefined };
        },
      });
    return report;
  } finally {
    await worktree?.remove();
  }
}
