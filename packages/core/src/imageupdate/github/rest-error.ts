// GitHub REST failures, explained once for pull requests, API commits and App tokens: what GitHub answered (an
// Octokit RequestError's `status` and `response.data`, @octokit/request-error), and the fix a workflow author
// needs, on one line.
import { BaseError, type Field } from '../../errors.ts';

/** What went wrong, by what fixes it. */
export type GitHubErrorCode =
  /** GitHub refused a call; nothing more specific is known. */
  | 'REQUEST_FAILED'
  /** The token is not valid (401). */
  | 'TOKEN_INVALID'
  /** The token lacks a permission, or cannot reach the repository. */
  | 'PERMISSION_MISSING'
  /** The repository does not let GitHub Actions open pull requests. */
  | 'PULL_REQUESTS_NOT_ALLOWED'
  /** The branch moved under the update. */
  | 'BRANCH_MOVED'
  | 'BRANCH_PROTECTED'
  | 'BRANCH_NOT_FOUND'
  | 'REPOSITORY_EMPTY'
  /** A repository that is not `owner/repo`. */
  | 'INVALID_REPOSITORY'
  /** A file path that is not relative and inside the repository. */
  | 'INVALID_PATH'
  | 'APP_ID_MISSING'
  | 'APP_KEY_INVALID'
  | 'APP_NOT_FOUND'
  | 'APP_NOT_INSTALLED'
  /** The app's JWT was refused: app ID and private key do not belong together. */
  | 'APP_CREDENTIALS_MISMATCH'
  /** The app's JWT was refused for its time claims: the runner's clock is off. */
  | 'APP_CLOCK_SKEW'
  | 'APP_PERMISSIONS_NOT_GRANTED'
  | 'APP_REPOSITORY_NOT_ACCESSIBLE'
  | 'APP_SUSPENDED';

/** A GitHub REST failure (or a request refused before it was sent), with GitHub's HTTP status when there was one. */
export class GitHubError extends BaseError<GitHubErrorCode> {
  readonly status: number | undefined;

  constructor(code: GitHubErrorCode, message: string, status?: number, field?: Field) {
    super(code, message, field === undefined ? {} : { field });
    this.name = 'GitHubError';
    this.status = status;
  }
}

/** The HTTP status of a REST failure, if it has one. */
export function restStatus(err: unknown): number | undefined {
  return (err as { status?: number }).status;
}

/**
 * Which of GitHub's words to show. `message`: its `message`. `message-and-errors`: its `message`, then its
 * `errors[]` (the Git Data API puts the reason there). `errors`: its `errors[]` instead of its `message`, else the
 * client's message (the pulls API answers "Validation Failed" and names the problem in `errors[]`).
 */
export type RestDetail = 'message' | 'message-and-errors' | 'errors';

/** A REST failure as read: its status, and what GitHub said on one line. */
export interface RestFailure {
  readonly status: number | undefined;
  readonly message: string;
}

interface RestErrorData {
  message?: string;
  errors?: ({ message?: string } | string)[];
}

/** Reads a REST failure: the status, and GitHub's words as `detail` chooses. */
export function restFailure(err: unknown, detail: RestDetail): RestFailure {
  const data = (err as { response?: { data?: RestErrorData } }).response?.data;
  const clientMessage = (err as Error).message || String(err);
  let message: string;
  if (detail === 'errors') {
    // GitHub's answer lists what failed in errors[].message (REST data, not an error of ours).
    const listed = data?.errors?.map((e) => (e as { message?: string }).message).join('; ');
    message = (listed || clientMessage).replace(/\s+/g, ' ');
  } else {
    const said = data?.message || clientMessage;
    const errors =
      detail === 'message-and-errors'
        ? data?.errors
            ?.map((e) => (typeof e === 'string' ? e : e.message))
            .filter(Boolean)
            .join('; ')
        : undefined;
    message = [said, errors].filter(Boolean).join(': ').replace(/\s+/g, ' ').trim();
  }
  return { status: restStatus(err), message };
}

/** What a failure means: its code, and optionally the fix to append and plainer words than GitHub's. */
export interface RestExplanation {
  code: GitHubErrorCode;
  /** Shown instead of GitHub's words. */
  detail?: string;
  /** Appended after `; `. */
  fix?: string;
}

/**
 * The one explainer of REST failures: `<doing> failed (HTTP <status>): <GitHub's words>[; <fix>]`, as an error of
 * the caller's type, with the code and fix `explain` picks for the failure.
 */
export function explainRestFailure<E extends GitHubError>(
  ErrorType: new (code: GitHubErrorCode, message: string, status?: number) => E,
  err: unknown,
  doing: string,
  detail: RestDetail,
  explain: (failure: RestFailure) => RestExplanation,
): E {
  const failure = restFailure(err, detail);
  const explanation = explain(failure);
  const fix = explanation.fix === undefined ? '' : `; ${explanation.fix}`;
  return new ErrorType(
    explanation.code,
    `${doing} failed (HTTP ${failure.status ?? '?'}): ${explanation.detail ?? failure.message}${fix}`,
    failure.status,
  );
}
