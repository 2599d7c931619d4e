// Opening or updating the image-update pull request through GitHub's REST API (@actions/github's Octokit, loaded
// only when a pull request is needed).
import { explainRestFailure, GitHubError, type GitHubErrorCode } from './rest-error.ts';

export interface PullRequestOptions {
  token: string;
  /** `owner/repo`. */
  repository: string;
  head: string;
  base: string;
  title: string;
  body: string;
  labels?: readonly string[];
  /** GitHub's API URL (GITHUB_API_URL on a runner; GitHub Enterprise Server differs). */
  apiUrl?: string;
}

export interface PullRequest {
  number: number;
  url: string;
  /** True when this call opened it; false when an open one was updated. */
  created: boolean;
}

export class PullRequestError extends GitHubError {
  constructor(code: GitHubErrorCode, message: string, status?: number) {
    super(code, message, status);
    this.name = 'PullRequestError';
  }
}

/** GitHub's refusal, and the fix a workflow author needs. */
function explain(err: unknown, doing: string): PullRequestError {
  return explainRestFailure(PullRequestError, err, doing, 'errors', ({ status, message }) => {
    if (/not permitted to create or approve pull requests/i.test(message))
      return {
        code: 'PULL_REQUESTS_NOT_ALLOWED',
        fix: 'allow it in the repository (or organization) settings: Actions → General → "Allow GitHub Actions to create and approve pull requests", or pass a GitHub App token as `github-token`',
      };
    if (status === 403 || status === 404)
      return {
        code: 'PERMISSION_MISSING',
        fix: 'add `permissions: pull-requests: write` to the job (and check that `github-token` can reach this repository)',
      };
    if (status === 401) return { code: 'TOKEN_INVALID', fix: '`github-token` is not valid' };
    return { code: 'REQUEST_FAILED' };
  });
}

async function client(options: PullRequestOptions) {
  const { getOctokit } = await import('@actions/github');
  return getOctokit(options.token, options.apiUrl ? { baseUrl: options.apiUrl } : {});
}

function split(repository: string): { owner: string; repo: string } {
  const [owner = '', repo = ''] = repository.split('/');
  return { owner, repo };
}

/** The open pull request from `head` into `base`, if any. */
export async function findPullRequest(
  options: Omit<PullRequestOptions, 'title' | 'body'>,
): Promise<Omit<PullRequest, 'created'> | undefined> {
  const octokit = await client({ ...options, title: '', body: '' });
  const { owner, repo } = split(options.repository);
  try {
    const { data } = await octokit.rest.pulls.list({
      owner,
      repo,
      state: 'open',
      head: `${owner}:${options.head}`,
      base: options.base,
      per_page: 1,
    });
    const found = data[0];
    return found ? { number: found.number, url: found.html_url } : undefined;
  } catch (err) {
    throw explain(err, `listing pull requests of ${options.repository}`);
  }
}

/**
 * Opens the pull request from `head` into `base`, or, when one is open, updates its title and body (the branch
 * already carries the new commit). Labels are added either way.
 */
export async function openOrUpdatePullRequest(options: PullRequestOptions): Promise<PullRequest> {
  const octokit = await client(options);
  const { owner, repo } = split(options.repository);
  const existing = await findPullRequest(options);
  let result: PullRequest;
  if (existing) {
    try {
      await octokit.rest.pulls.update({ owner, repo, pull_number: existing.number, title: options.title, body: options.body });
    } catch (err) {
      throw explain(err, `updating pull request #${existing.number}`);
    }
    result = { ...existing, created: false };
  } else {
    try {
      const { data } = await octokit.rest.pulls.create({
        owner,
        repo,
        head: options.head,
        base: options.base,
        title: options.title,
        body: options.body,
      });
      result = { number: data.number, url: data.html_url, created: true };
    } catch (err) {
      throw explain(err, `opening a pull request from ${options.head} into ${options.base}`);
    }
  }
  if (options.labels?.length) {
    try {
      await octokit.rest.issues.addLabels({ owner, repo, issue_number: result.number, labels: [...options.labels] });
    } catch (err) {
      throw explain(err, `labelling pull request #${result.number}`);
    }
  }
  return result;
}
