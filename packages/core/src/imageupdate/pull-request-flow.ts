// The pull request around the push branch, the same for both engines: opened or updated after a push, found when
// nothing was pushed, and opened late for a branch an earlier run pushed but could not open it for.
import { defaultCommitTemplate } from './commit-message.ts';
import { findPullRequest, openOrUpdatePullRequest, type PullRequest, type PullRequestOptions } from './github/pullrequest.ts';
import type { ValueChange } from './changes.ts';

/** The pull request's body: the front door's words for what changed and the commit message. */
export type PullRequestBody = (changes: ValueChange[], message: string) => string;

export interface PullRequestFlow {
  /** The pull request from the push branch (`head`) into the base. */
  target: Omit<PullRequestOptions, 'title' | 'body'>;
  body: PullRequestBody;
  /** What this run pushed, and its commit message; undefined when it pushed nothing. */
  pushed: { changes: ValueChange[]; commitMessage: string } | undefined;
  /** Whether the push branch existed before this run (it may carry updates an earlier run pushed). */
  branchExisted: boolean;
  /** What the branch changes from the base, with the message to describe it (undefined: nothing to describe). */
  pending: () => Promise<{ changes: ValueChange[]; commitMessage: string | undefined }>;
}

/**
 * The pull request after an update: opened or updated (title: the commit message's first line) when this run
 * pushed; otherwise the open one, if any. A branch that existed without a pull request carries updates an earlier
 * run pushed and then failed to open it for: it is opened now, describing what the branch changes from the base.
 */
export async function settlePullRequest(flow: PullRequestFlow): Promise<PullRequest | Omit<PullRequest, 'created'> | undefined> {
  const open = (changes: ValueChange[], message: string): Promise<PullRequest> =>
    openOrUpdatePullRequest({ ...flow.target, title: message.split('\n')[0] || defaultCommitTemplate, body: flow.body(changes, message) });
  if (flow.pushed) return open(flow.pushed.changes, flow.pushed.commitMessage);
  const found = await findPullRequest(flow.target);
  if (found || !flow.branchExisted) return found;
  const { changes, commitMessage } = await flow.pending();
  return changes.length && commitMessage !== undefined ? open(changes, commitMessage) : undefined;
}
