import { existsSync, readFileSync } from 'node:fs';
import { d2MessageTemplate, type AppCredentials, type ToolName, type ToolSource } from '@d2ci/core/imageupdate';
import {
  InputError,
  booleanInput,
  githubAppInput,
  githubContext,
  keyValueInput,
  listInput,
  registryInputs,
  registryServerInput,
  runner as core,
  stringInput,
  workspacePath,
  type GitHubContext,
  type RegistryInputs,
} from '@d2ci/action-kit';

export interface Inputs {
  engine: 'native' | 'kind';
  policiesPath: string;
  updatePath: string;
  namespace: string | undefined;
  pushBranch: string;
  baseBranch: string;
  branchStrategy: 'stack' | 'reset';
  messageTemplate: string;
  messageValues: Record<string, string>;
  /** Unset means: github-actions[bot] for git commits, the token's app for API commits (so GitHub signs them). */
  author: { name: string; email: string } | undefined;
  commitVia: 'git' | 'api';
  app: AppCredentials | undefined;
  githubToken: string;
  labels: string[];
  dryRun: boolean;
  registry: RegistryInputs;
  /** The registry `registry-username`/`registry-password` are for (the only one that receives them). */
  registryServer: string | undefined;
  toolSources: Partial<Record<ToolName, ToolSource>>;
  context: GitHubContext;
}

/** Git's ref-name rules that matter for a branch input (git check-ref-format). */
function branchName(input: string, value: string): string {
  if (
    !value ||
    /(^[./-]|\.\.|[\s~^:?*[\\]|@\{|\/\/|\.lock$|\/$|\.$)/.test(value) ||
    [...value].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)
  ) {
    throw new InputError(input, `"${value}" is not a valid branch name`);
  }
  return value;
}

/** The repository's default branch, from the event the workflow runs for. */
function defaultBranch(): string | undefined {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return undefined;
  try {
    const event = JSON.parse(readFileSync(path, 'utf8')) as { repository?: { default_branch?: string } };
    return event.repository?.default_branch || undefined;
  } catch {
    return undefined;
  }
}

function toolSources(): Partial<Record<ToolName, ToolSource>> {
  const text = stringInput('tool-sources');
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new InputError('tool-sources', `is not JSON: ${(err as Error).message}`);
  }
  const out: Partial<Record<ToolName, ToolSource>> = {};
  for (const [name, value] of Object.entries((parsed ?? {}) as Record<string, Partial<ToolSource>>)) {
    if (!['kind', 'kubectl', 'flux'].includes(name)) throw new InputError('tool-sources', `"${name}" is not one of kind, kubectl, flux`);
    if (!value.version || !value.url || !/^[0-9a-f]{64}$/.test(value.sha256 ?? ''))
      throw new InputError('tool-sources', `${name} needs "version", "url" and a hex "sha256"`);
    out[name as ToolName] = { version: value.version, url: value.url, sha256: value.sha256 ?? '' };
  }
  return out;
}

function author(): { name: string; email: string } | undefined {
  const name = stringInput('author-name');
  const email = stringInput('author-email');
  if (!name && !email) return undefined;
  if (!name || !email)
    throw new InputError(name ? 'author-email' : 'author-name', 'is empty; give both the author name and email, or neither');
  return { name, email };
}

/** Reads and validates every input before anything touches a registry, Git or a cluster. */
export function getInputs(): Inputs {
  const context = githubContext();
  const engine = stringInput('engine', { fallback: 'native' });
  if (engine !== 'native' && engine !== 'kind') throw new InputError('engine', `"${engine}" is not native or kind`);
  const policiesValue = stringInput('policies-path', { fallback: './update-policies' });
  workspacePath('policies-path', policiesValue, context);
  const updateValue = stringInput('update-path', { fallback: '.' });
  workspacePath('update-path', updateValue, context);
  const namespace = stringInput('namespace') || undefined;
  if (namespace && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace))
    throw new InputError('namespace', `"${namespace}" is not a Kubernetes namespace name (lowercase letters, digits, "-")`);
  const pushBranch = branchName('push-branch', stringInput('push-branch', { fallback: 'image-updates' }));
  const baseValue = stringInput('base-branch') || defaultBranch();
  if (!baseValue)
    throw new InputError('base-branch', 'is empty and the event does not name the default branch; set it, e.g. base-branch: main');
  const baseBranch = branchName('base-branch', baseValue);
  if (baseBranch === pushBranch)
    throw new InputError('push-branch', `is the base branch (${baseBranch}); the update goes to its own branch and a pull request`);
  const branchStrategy = stringInput('branch-strategy', { fallback: 'stack' });
  if (branchStrategy !== 'stack' && branchStrategy !== 'reset')
    throw new InputError('branch-strategy', `"${branchStrategy}" is not stack or reset`);
  const commitVia = stringInput('commit-via', { fallback: 'git' });
  if (commitVia !== 'git' && commitVia !== 'api') throw new InputError('commit-via', `"${commitVia}" is not git or api`);
  const app = githubAppInput();
  const registry = registryInputs();
  const registryServer = registryServerInput(registry);
  const githubToken = registry.githubToken;
  const labels = listInput('labels');
  const dryRun = booleanInput('dry-run', false);
  if (!githubToken && !app && !dryRun)
    throw new InputError('github-token', 'is empty; the branch push and the pull request need it (the default is ${{ github.token }})');
  if (githubToken) core.setSecret(githubToken);
  for (const label of labels) if (label.length > 50) throw new InputError('labels', `"${label}" is too long (GitHub allows 50 characters)`);
  return {
    engine,
    policiesPath: policiesValue,
    updatePath: updateValue,
    namespace,
    pushBranch,
    baseBranch,
    branchStrategy,
    messageTemplate: stringInput('commit-message-template') || d2MessageTemplate,
    messageValues: keyValueInput('commit-message-values'),
    author: author(),
    commitVia,
    app,
    githubToken,
    labels,
    dryRun,
    registry,
    registryServer,
    toolSources: toolSources(),
    context,
  };
}
