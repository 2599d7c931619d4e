import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { InputError } from './inputs.ts';

/** What the runner tells a step about its job, read from the environment GitHub sets. */
export interface GitHubContext {
  serverUrl: string;
  repository: string;
  ref: string;
  sha: string;
  actor: string;
  workspace: string;
  runnerTemp: string | undefined;
  runUrl: string | undefined;
}

export function githubContext(env: NodeJS.ProcessEnv = process.env): GitHubContext {
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const repository = env.GITHUB_REPOSITORY ?? '';
  return {
    serverUrl,
    repository,
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    runnerTemp: env.RUNNER_TEMP || undefined,
    runUrl: repository && env.GITHUB_RUN_ID ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
  };
}

/** `https://github.com/<owner>/<repo>`, the artifact's default `source` (what the D2 push action derives). */
export function defaultSource(context: GitHubContext): string {
  return context.repository ? `${context.serverUrl}/${context.repository}` : '';
}

/** `<ref>@sha1:<sha>`, e.g. `refs/heads/main@sha1:…`, the D2 push action's default `revision`. */
export function defaultRevision(context: GitHubContext): string {
  return context.ref && context.sha ? `${context.ref}@sha1:${context.sha}` : '';
}

/**
 * Resolves a path input against the workspace and refuses one that leaves it (following symlinks), so a
 * step can only publish what the job checked out.
 */
export function workspacePath(input: string, value: string, context: GitHubContext): string {
  let workspace: string;
  try {
    workspace = realpathSync(context.workspace);
  } catch {
    // Not an input's fault: the job's checkout folder itself is missing (GITHUB_WORKSPACE names no folder).
    throw new Error(`the workspace ${context.workspace} (GITHUB_WORKSPACE) does not exist; run actions/checkout before this step`);
  }
  const path = resolve(workspace, value);
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    throw new InputError(input, `"${value}" does not exist in the workspace; check the path (it is relative to the repository root)`);
  }
  const rel = relative(workspace, real);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new InputError(input, `"${value}" is outside the workspace (${workspace}); use a path inside the checked-out repository`);
  }
  return real;
}
