import { execFile } from 'node:child_process';

function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['-C', cwd, ...args], { timeout: 10_000 }, (error, stdout) => resolve(error ? undefined : stdout.trim() || undefined));
  });
}

/** `git@github.com:owner/repo.git` and `https://…/repo.git` → `https://github.com/owner/repo`. */
export function normaliseRemote(url: string): string {
  const scp = /^[^@/]+@([^:/]+):(.+)$/.exec(url);
  const https = scp ? `https://${scp[1]}/${scp[2]}` : url.replace(/^git:\/\//, 'https://').replace(/^ssh:\/\/[^@/]+@/, 'https://');
  return https.replace(/\.git$/, '').replace(/\/+$/, '');
}

/**
 * Defaults for `org.opencontainers.image.source` and `.revision`: on a GitHub runner the same as the push
 * action; in a git checkout `origin`'s URL and `<branch>@sha1:<commit>` (the form Flux documents).
 */
export async function gitDefaults(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<{ source?: string; revision?: string }> {
  if (env.GITHUB_ACTIONS === 'true' && env.GITHUB_REPOSITORY && env.GITHUB_SHA) {
    return {
      source: `${(env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}`,
      revision: `${env.GITHUB_REF}@sha1:${env.GITHUB_SHA}`,
    };
  }
  const [remote, sha, branch] = await Promise.all([
    git(cwd, ['config', '--get', 'remote.origin.url']),
    git(cwd, ['rev-parse', 'HEAD']),
    git(cwd, ['branch', '--show-current']),
  ]);
  return { source: remote ? normaliseRemote(remote) : undefined, revision: sha ? `${branch ?? 'HEAD'}@sha1:${sha}` : undefined };
}

/** The commit a ref (a tag) names in the checkout at `cwd`, if it is one. */
export function gitCommit(ref: string, cwd = '.'): Promise<string | undefined> {
  return git(cwd, ['rev-parse', `${ref}^{commit}`]);
}
