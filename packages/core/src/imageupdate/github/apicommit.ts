// Committing changed files through GitHub's Git Data REST API (blobs, a tree, a commit, the ref) instead of
// `git push`, so that GitHub itself makes, and signs, the commit (@actions/github's Octokit, loaded when needed).
//
// When GitHub signs: "Signature verification for bots will only work if the request is verified and authenticated as
// the GitHub App or bot and contains no custom author information, custom committer information, and no custom
// signature information, such as Commits API." (docs.github.com, "About commit signature verification" → "Signature
// verification for bots"; GitHub.com and GHE.com: GitHub Enterprise Server signs only when its site administrator
// enabled web commit signing). And "Create a commit" (docs.github.com/rest/git/commits): "By default, committer will
// use the information set in author". So the commit is signed ("Verified", by the app's `[bot]` user, committer
// GitHub) only when made with an App installation token and neither `author` nor `committer` is sent: passing
// `author` trades the signature for the attribution. `verified` in the result says which it was.
import { explainRestFailure, GitHubError, restStatus, type GitHubErrorCode, type RestExplanation } from './rest-error.ts';

export interface ApiCommitFile {
  /** Path in the repository, `/`-separated, relative. */
  path: string;
  content: string | Buffer;
  mode?: '100644' | '100755';
}

export interface ApiCommitOptions {
  token: string;
  /** `owner/repo`. */
  repository: string;
  /** GitHub's API URL (GITHUB_API_URL on a runner; GitHub Enterprise Server differs). */
  apiUrl?: string;
  branch: string;
  /** The branch to start from when `branch` does not exist (and always, for `reset`). */
  base: string;
  /** `stack`: on the tip of `branch` when it exists (as Flux does); `reset`: on `base`, the branch forced there. */
  mode: 'stack' | 'reset';
  /** The commit the caller expects to build on (what it computed the files from); refused when the start is elsewhere. */
  parent?: string;
  files: ApiCommitFile[];
  message: string;
  /** Sent as the commit's author; GitHub then does not sign the commit (see above). */
  author?: { name: string; email: string };
}

export interface ApiCommit {
  /** The new commit; `parent` itself when the files change nothing there (no commit made, the ref left alone). */
  sha: string;
  /** GitHub's `verification.verified` for it. */
  verified: boolean;
  /** The commit it was built on. */
  parent: string;
}

export class ApiCommitError extends GitHubError {
  constructor(code: GitHubErrorCode, message: string, status?: number) {
    super(code, message, status);
    this.name = 'ApiCommitError';
  }
}

const contentsWrite = 'add `permissions: contents: write` to the job (for a GitHub App token: give the app Contents: Read and write)';

/** GitHub's refusal, and the fix a workflow author needs, on one line. */
function explain(err: unknown, doing: string, options: ApiCommitOptions): ApiCommitError {
  return explainRestFailure(ApiCommitError, err, doing, 'message-and-errors', ({ status, message }): RestExplanation => {
    if (/not a fast forward|reference already exists/i.test(message))
      return { code: 'BRANCH_MOVED', fix: `${options.branch} moved while this commit was made: run the update again` };
    if (/rule violation|protected branch/i.test(message))
      return {
        code: 'BRANCH_PROTECTED',
        fix: `${options.branch} is protected by a rule this token cannot bypass: exempt ${options.branch} from the rule, or let the GitHub App bypass it`,
      };
    if (status === 401)
      return {
        code: 'TOKEN_INVALID',
        fix: 'the token is not valid or has expired (a GitHub App installation token lasts one hour: create a fresh one)',
      };
    if (status === 403) return { code: 'PERMISSION_MISSING', fix: contentsWrite };
    if (status === 404)
      return {
        code: 'PERMISSION_MISSING',
        fix: `${contentsWrite}, and check that the token can reach ${options.repository} (a GitHub App token must be scoped to it)`,
      };
    if (status === 422) return { code: 'PERMISSION_MISSING', fix: `${contentsWrite}, and check that ${options.base} exists` };
    if (status === 409 && /empty/i.test(message))
      return { code: 'REPOSITORY_EMPTY', fix: `${options.repository} has no commits yet: push ${options.base} first` };
    return { code: 'REQUEST_FAILED' };
  });
}

function split(repository: string): { owner: string; repo: string } {
  const [owner = '', repo = '', ...rest] = repository.split('/');
  if (!owner || !repo || rest.length) throw new ApiCommitError('INVALID_REPOSITORY', `repository "${repository}" is not owner/repo`);
  return { owner, repo };
}

function checkPath(path: string): void {
  if (!path || path.startsWith('/') || path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    throw new ApiCommitError('INVALID_PATH', `"${path}" is not a relative path inside the repository`);
  }
}

/**
 * Commits `files` to `branch` of `repository` through the Git Data API: one blob per file, one tree on top of the
 * start commit's tree, the commit (no committer, so GitHub can sign it), then the ref — updated (forced for `reset`)
 * or created. `stack` starts from the branch tip when the branch exists, else from `base`; `reset` from `base`.
 */
export async function commitViaApi(options: ApiCommitOptions): Promise<ApiCommit> {
  const { owner, repo } = split(options.repository);
  for (const file of options.files) checkPath(file.path);
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(options.token, options.apiUrl ? { baseUrl: options.apiUrl.replace(/\/+$/, '') } : {});

  const tip = async (branch: string): Promise<string | undefined> => {
    try {
      const { data } = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
      return data.object.sha;
    } catch (err) {
      if (restStatus(err) === 404) return undefined;
      throw explain(err, `reading branch ${branch} of ${options.repository}`, options);
    }
  };
  const branchTip = await tip(options.branch);
  const stackOnBranch = options.mode === 'stack' && branchTip !== undefined;
  const start = stackOnBranch ? branchTip : await tip(options.base);
  // GitHub answers 404 alike for a missing branch and for a repository the token cannot reach.
  if (!start)
    throw new ApiCommitError(
      'BRANCH_NOT_FOUND',
      `branch ${options.base} of ${options.repository} was not found (HTTP 404): check that it exists and that the token can reach ${options.repository} (a GitHub App token must be scoped to it); ${contentsWrite}`,
      404,
    );
  if (options.parent && options.parent !== start) {
    throw new ApiCommitError(
      'BRANCH_MOVED',
      `${stackOnBranch ? options.branch : options.base} is at ${start}, not at ${options.parent} the files were computed from: it moved since the checkout; run the update again`,
    );
  }

  const step = async <T>(doing: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (err) {
      throw explain(err, `${doing} in ${options.repository}`, options);
    }
  };
  const { data: startCommit } = await step(`reading commit ${start}`, () => octokit.rest.git.getCommit({ owner, repo, commit_sha: start }));
  const entries: { path: string; mode: '100644' | '100755'; type: 'blob'; sha: string }[] = [];
  for (const file of options.files) {
    // Bytes go base64; text as UTF-8, which GitHub stores as sent.
    const body =
      typeof file.content === 'string'
        ? { content: file.content, encoding: 'utf-8' }
        : { content: file.content.toString('base64'), encoding: 'base64' };
    const { data: blob } = await step(`uploading ${file.path}`, () => octokit.rest.git.createBlob({ owner, repo, ...body }));
    entries.push({ path: file.path, mode: file.mode ?? '100644', type: 'blob', sha: blob.sha });
  }
  const { data: tree } = await step('writing the tree', () =>
    octokit.rest.git.createTree({ owner, repo, base_tree: startCommit.tree.sha, tree: entries }),
  );
  if (tree.sha === startCommit.tree.sha) {
    return { sha: start, verified: startCommit.verification?.verified ?? false, parent: start };
  }

  const { data: commit } = await step('creating the commit', () =>
    octokit.rest.git.createCommit({
      owner,
      repo,
      message: options.message,
      tree: tree.sha,
      parents: [start],
      ...(options.author ? { author: options.author } : {}),
    }),
  );
  if (branchTip === undefined) {
    await step(`creating branch ${options.branch}`, () =>
      octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${options.branch}`, sha: commit.sha }),
    );
  } else {
    // No compare-and-swap in the REST API: `stack` is safe (GitHub refuses a non-fast-forward), `reset` overwrites
    // whatever landed on the branch since it was read.
    await step(`updating branch ${options.branch}`, () =>
      octokit.rest.git.updateRef({ owner, repo, ref: `heads/${options.branch}`, sha: commit.sha, force: options.mode === 'reset' }),
    );
  }
  return { sha: commit.sha, verified: commit.verification?.verified ?? false, parent: start };
}
