import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaseError } from '../errors.ts';

/** `GIT_PERMISSION_DENIED`: the remote refused the token (its words say 403, denied, not allowed or permission). */
export type GitErrorCode = 'GIT_FAILED' | 'GIT_PERMISSION_DENIED';

export class GitError extends BaseError<GitErrorCode> {
  readonly stderr: string;
  constructor(code: GitErrorCode, message: string, stderr = '') {
    super(code, message);
    this.name = 'GitError';
    this.stderr = stderr;
  }
}

const permissionDenied = /\b403\b|denied|not allowed|permission/i;

/**
 * A remote's refusal of a GitHub job's token, with the permission to add: the token fetches and pushes `branch`.
 * Any other error is returned as it is.
 */
export function withPushPermission(err: unknown, branch: string): unknown {
  if (!(err instanceof GitError) || err.code !== 'GIT_PERMISSION_DENIED') return err;
  return new GitError(
    err.code,
    `${err.message}; add \`permissions: contents: write\` to the job (and check that \`github-token\` may push to ${branch})`,
    err.stderr,
  );
}

/** Who commits when no author is given: the GitHub Actions bot, as GitHub shows it. */
export const githubActionsAuthor = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };

export interface GitAuth {
  /** A token for HTTPS remotes (GitHub's `x-access-token` basic auth). */
  token: string;
  /** Told every derived secret (the basic-auth header value), so CI logs can mask it. */
  onSecret?: (secret: string) => void;
}

export interface GitOptions {
  /** The checkout to work from (its `origin` is where branches are fetched from and pushed to). */
  repo: string;
  auth?: GitAuth;
  /** Extra environment, e.g. GIT_AUTHOR_* for commits. */
  env?: NodeJS.ProcessEnv;
}

function run(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) {
          const command = args.filter((a) => !/extraheader=AUTHORIZATION/i.test(a)).join(' ');
          // The remote's own words (`remote: Permission to … denied`) say more than git's summary after them.
          const lines = stderr.trim().split('\n');
          const remote = lines.filter((l) => l.startsWith('remote:') && l.replace('remote:', '').trim());
          const shown = [...remote, ...lines.filter((l) => !l.startsWith('remote:')).slice(-2)];
          const code = permissionDenied.test(stderr) ? 'GIT_PERMISSION_DENIED' : 'GIT_FAILED';
          reject(new GitError(code, `git ${command.replace(/^(-c \S+ )+/, '')} failed: ${shown.join(' ') || err.message}`, stderr));
        } else {
          resolve(stdout);
        }
      },
    );
  });
}

/**
 * `-c` options that authenticate HTTPS fetches and pushes to the remote's host only. The empty value first resets
 * any header a checkout step persisted, so exactly one Authorization header goes out.
 */
async function authConfig(options: GitOptions): Promise<string[]> {
  if (!options.auth?.token) return [];
  const url = (await run(['remote', 'get-url', 'origin'], options.repo)).trim();
  if (!/^https?:\/\//.test(url)) return [];
  const origin = new URL(url).origin;
  const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${options.auth.token}`).toString('base64')}`;
  options.auth.onSecret?.(header.slice('AUTHORIZATION: basic '.length));
  return ['-c', `http.${origin}/.extraheader=`, '-c', `http.${origin}/.extraheader=${header}`];
}

/**
 * `--depth=1` for a shallow checkout (actions/checkout's default): a commit on top of a branch needs only its tip,
 * and a full fetch of a long history would take minutes. A full checkout stays full.
 */
async function shallowDepth(repo: string): Promise<string[]> {
  return (await run(['rev-parse', '--is-shallow-repository'], repo)).trim() === 'true' ? ['--depth=1'] : [];
}

export interface Worktree {
  dir: string;
  branch: string;
  /** The commit the branch starts from, and whether that is the existing remote branch (stacking). */
  startedFrom: { commit: string; existing: boolean };
  remove(): Promise<void>;
}

/**
 * A separate worktree for `branch`, so the job's checkout is left alone. `stack` (Flux's behaviour) starts from
 * the remote branch when it exists, so new commits go on top of an open pull request; `reset` always starts from
 * `base`.
 */
export async function openBranch(options: GitOptions & { base: string; branch: string; mode: 'stack' | 'reset' }): Promise<Worktree> {
  const auth = await authConfig(options);
  const depth = await shallowDepth(options.repo);
  await run(
    [...auth, 'fetch', '--no-tags', '--quiet', ...depth, 'origin', `+refs/heads/${options.base}:refs/remotes/origin/${options.base}`],
    options.repo,
  );
  let existing = false;
  if (options.mode === 'stack') {
    try {
      await run(
        [
          ...auth,
          'fetch',
          '--no-tags',
          '--quiet',
          ...depth,
          'origin',
          `+refs/heads/${options.branch}:refs/remotes/origin/${options.branch}`,
        ],
        options.repo,
      );
      existing = true;
    } catch (err) {
      if (!/couldn't find remote ref|not found/i.test((err as GitError).stderr)) throw err;
    }
  }
  const start = existing ? `refs/remotes/origin/${options.branch}` : `refs/remotes/origin/${options.base}`;
  const commit = (await run(['rev-parse', start], options.repo)).trim();
  const dir = await mkdtemp(join(tmpdir(), 'd2ci-image-update-'));
  await run(['worktree', 'add', '--quiet', '--force', '-B', options.branch, dir, commit], options.repo);
  return {
    dir,
    branch: options.branch,
    startedFrom: { commit, existing },
    remove: async () => {
      await run(['worktree', 'remove', '--force', dir], options.repo).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Commits every change in the worktree as `author` (also the committer, as Flux does); undefined when nothing changed. */
export async function commitAll(dir: string, message: string, author: { name: string; email: string }): Promise<string | undefined> {
  await run(['add', '--all'], dir);
  const staged = (await run(['diff', '--cached', '--name-only'], dir)).trim();
  if (!staged) return undefined;
  const env = {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
  };
  // --cleanup=verbatim: the template's blank lines and indentation are the message (git would strip comments and trailing blank lines).
  await run(['-c', 'commit.gpgsign=false', 'commit', '--quiet', '--no-verify', '--cleanup=verbatim', '-m', message], dir, env);
  return (await run(['rev-parse', 'HEAD'], dir)).trim();
}

/** Force-pushes the worktree's branch (Flux force-pushes its push branch too). */
export async function pushBranch(options: GitOptions & { dir: string; branch: string }): Promise<void> {
  const auth = await authConfig(options);
  await run([...auth, 'push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${options.branch}`], options.dir);
}

/** `git diff` of the uncommitted changes in a worktree (for dry runs). */
export async function diffWorktree(dir: string): Promise<string> {
  return run(['diff', '--no-color'], dir);
}

/** The commit a remote branch points at, or undefined when it does not exist. */
export async function remoteBranchCommit(options: GitOptions & { branch: string }): Promise<string | undefined> {
  const auth = await authConfig(options);
  const line = (await run([...auth, 'ls-remote', 'origin', `refs/heads/${options.branch}`], options.repo)).trim();
  return line ? line.split(/\s+/)[0] : undefined;
}

/** A detached worktree at a commit or branch of the remote, for reading (and diffing against). */
export async function openCommit(
  options: GitOptions & { ref: string; branch?: string },
): Promise<{ dir: string; remove(): Promise<void> }> {
  const auth = await authConfig(options);
  const fetched = options.branch ? `+refs/heads/${options.branch}:refs/remotes/origin/${options.branch}` : options.ref;
  await run([...auth, 'fetch', '--no-tags', '--quiet', ...(await shallowDepth(options.repo)), 'origin', fetched], options.repo);
  const commit = options.branch ? `refs/remotes/origin/${options.branch}` : 'FETCH_HEAD';
  const dir = await mkdtemp(join(tmpdir(), 'd2ci-image-update-'));
  await run(['worktree', 'add', '--quiet', '--force', '--detach', dir, commit], options.repo);
  return {
    dir,
    remove: async () => {
      await run(['worktree', 'remove', '--force', dir], options.repo).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The full message of a branch's commit on the remote. */
export async function commitMessage(options: GitOptions & { branch: string; commit: string }): Promise<string> {
  const auth = await authConfig(options);
  await run(
    [...auth, 'fetch', '--no-tags', '--quiet', 'origin', `+refs/heads/${options.branch}:refs/remotes/origin/${options.branch}`],
    options.repo,
  );
  return run(['log', '-1', '--format=%B', options.commit], options.repo);
}
