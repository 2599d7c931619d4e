import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const identity = {
  GIT_AUTHOR_NAME: 'Dev',
  GIT_AUTHOR_EMAIL: 'dev@example.com',
  GIT_COMMITTER_NAME: 'Dev',
  GIT_COMMITTER_EMAIL: 'dev@example.com',
};

/** Runs git and returns its stdout (throws with stderr on failure). */
export function git(args: string[], cwd: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...identity, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface LocalRemote {
  /** The bare repository: what `origin` is for checkouts. */
  bare: string;
  /** Commits files (path → content, or a directory to copy) to `branch` of the remote. */
  commit(files: Record<string, string> | { from: string; to?: string }, message: string, branch?: string): string;
  /** A fresh clone at `branch`, as actions/checkout leaves the workspace: one commit deep (`fetch-depth: 1`). */
  checkout(branch?: string): string;
  /** `git show <ref>:<path>` from the remote. */
  show(ref: string, path: string): string;
  /** The commit a branch points at, or undefined. */
  head(branch: string): string | undefined;
}

/** A bare Git repository on disk standing in for GitHub's, with `main` seeded from `files`. */
export function localRemote(): LocalRemote {
  const root = mkdtempSync(join(tmpdir(), 'd2ci-git-'));
  const bare = join(root, 'remote.git');
  git(['init', '--quiet', '--bare', '--initial-branch=main', bare], root);
  let clones = 0;
  const remote: LocalRemote = {
    bare,
    commit(files, message, branch = 'main') {
      const work = join(root, `seed-${clones++}`);
      const exists = remote.head(branch) !== undefined;
      git(['clone', '--quiet', bare, work], root);
      if (exists) git(['checkout', '--quiet', branch], work);
      else git(['checkout', '--quiet', '-b', branch], work);
      if ('from' in files && typeof files.from === 'string') {
        cpSync(files.from, join(work, files.to ?? '.'), { recursive: true, verbatimSymlinks: true });
      } else {
        for (const [path, content] of Object.entries(files as Record<string, string>)) {
          mkdirSync(dirname(join(work, path)), { recursive: true });
          writeFileSync(join(work, path), content);
        }
      }
      git(['add', '--all'], work);
      git(['commit', '--quiet', '-m', message], work);
      git(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`], work);
      return git(['rev-parse', 'HEAD'], work).trim();
    },
    checkout(branch = 'main') {
      const work = join(root, `checkout-${clones++}`);
      git(['clone', '--quiet', '--depth=1', '--branch', branch, `file://${bare}`, work], root);
      return work;
    },
    show(ref, path) {
      return git(['show', `${ref}:${path}`], bare);
    },
    head(branch) {
      try {
        return git(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], bare).trim() || undefined;
      } catch {
        return undefined;
      }
    },
  };
  return remote;
}
