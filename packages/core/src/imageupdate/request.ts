import type { AppCredentials } from './github/githubapp.ts';
import type { ToolName, ToolSource } from './kind.ts';
import type { PullRequestBody } from './pull-request-flow.ts';
import type { ImageRegistryOptions } from './registries.ts';

// What an image update asks for, once for both front doors (the image-update-kind action and `d2ci image-update`):
// each parses its inputs or flags into one request, and renders the report in its own words.

/**
 * `native`: d2ci reflects the policies and applies the markers itself. `kind`: Flux's own controllers do, in a
 * throwaway Kind cluster (the caller deletes it after the `cluster-created` event).
 */
export type ImageUpdateEngine = 'native' | 'kind';

/** Where the update is committed. */
export interface CommitPlan {
  /** Where a new push branch starts. */
  base: string;
  /** The push branch. */
  branch: string;
  /** `stack` (Flux's): on top of the remote push branch when it exists; `reset`: from `base` every time. */
  mode: 'stack' | 'reset';
  /** Commit author; default github-actions[bot] for git commits, and none for API commits (GitHub signs those). */
  author?: { name: string; email: string };
  /** `git` (default): commit and push with git. `api`: create the commit through GitHub's API (native engine). */
  via?: 'git' | 'api';
  /** Flux's template language; default Flux's message. */
  messageTemplate?: string;
  /** `spec.git.commit.messageTemplateValues`. */
  messageValues?: Record<string, string>;
  /** `{{ .AutomationObject }}`'s name (its namespace is the policies'); default the namespace, as the kind engine names it. */
  automationName?: string;
}

/** The GitHub repository the checkout is of, and the token that pushes and opens the pull request. */
export interface GitHubTarget {
  /** `owner/repo`; without it the branch is pushed but no pull request is opened. */
  repository: string;
  /** Where the kind engine's cluster clones from (`<serverUrl>/<repository>.git`). */
  serverUrl: string;
  /** GitHub's API URL (GITHUB_API_URL on a runner). */
  apiUrl?: string;
  /** Authenticates pushes, API commits and the pull request, unless `app` gives a token. */
  token: string;
  /** A GitHub App whose short-lived installation token (for `repository` only) is used instead, then revoked. */
  app?: AppCredentials;
}

export interface ImageUpdateRequest {
  /** Default `native`. */
  engine?: ImageUpdateEngine;
  /** The checkout: policies are read from it, and its `origin` is where the branch is pushed. */
  repo: string;
  /** The ImageRepository and ImagePolicy manifests, relative to `repo`. */
  policiesPath: string;
  /** Where markers are updated, relative to `repo` (Flux `spec.update.path`). */
  updatePath: string;
  /** The policies' namespace (the applying Kustomization's `targetNamespace`). */
  namespace?: string;
  /** Compute everything, write nothing (native engine). */
  dryRun?: boolean;
  /** How the registries are reached and with which credentials. */
  registries: ImageRegistryOptions;
  /** Commit and push to a branch; without it the files are edited in place (native engine). */
  commit?: CommitPlan;
  github?: GitHubTarget;
  /** Open or update a pull request from the push branch (with `github`). */
  pullRequest?: { labels?: string[]; body: PullRequestBody };
  /** The kind engine's tools (overriding the pinned ones) and cluster name. */
  kind?: { tools?: Partial<Record<ToolName, ToolSource>>; clusterName: string };
  /** Told every secret met on the way (tokens, their derived headers), so CI logs can mask it. */
  onSecret?: (secret: string) => void;
  onEvent?: (event: ImageUpdateEvent) => void;
}

/** Progress a front door may show as it happens; core never prints. */
export type ImageUpdateEvent =
  | { type: 'app-token'; repository: string; expiresAt: Date }
  /** The installation token could not be revoked (it still expires on its own). */
  | { type: 'app-token-kept'; error: Error }
  /** The kind engine's cluster exists: delete it when the job ends, whatever happens next. */
  | { type: 'cluster-created'; name: string; path: string }
  /** What the kind engine is doing. */
  | { type: 'progress'; line: string }
  /** The kind engine's controller logs and object status after a failure. */
  | { type: 'diagnostics'; title: string; text: string };
