import { resolve } from 'node:path';
import type { CommitPlan, ImageUpdateRequest } from '@d2ci/core/imageupdate';
import { parseCreds, parseTimeout, type Parsed } from '../flags.ts';
import { UsageError } from '../errors.ts';

export const imageUpdateFlags = {
  engine: { type: 'string' },
  'policies-path': { type: 'string' },
  'update-path': { type: 'string' },
  namespace: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'push-branch': { type: 'string' },
  'base-branch': { type: 'string' },
  reset: { type: 'boolean' },
  'message-template': { type: 'string' },
  'message-values': { type: 'string', multiple: true },
  'author-name': { type: 'string' },
  'author-email': { type: 'string' },
  creds: { type: 'string' },
  'creds-registry': { type: 'string' },
  'insecure-registry': { type: 'boolean' },
  timeout: { type: 'string' },
  output: { type: 'string', short: 'o' },
} as const;

export type ImageUpdateValues = Parsed<typeof imageUpdateFlags>['values'];

/** `--message-values key=value` (repeatable): `.Values` in the template; the value may contain `=`. */
function messageValues(pairs: readonly string[] | undefined): Record<string, string> | undefined {
  if (!pairs?.length) return undefined;
  const values: Record<string, string> = {};
  for (const pair of pairs) {
    const cut = pair.indexOf('=');
    if (cut <= 0) throw new UsageError(`--message-values "${pair}" is not key=value`);
    values[pair.slice(0, cut).trim()] = pair.slice(cut + 1);
  }
  return values;
}

/** `--push-branch`: the commit, with the base branch and author from the checkout's git when not given. */
async function commitPlan(values: ImageUpdateValues, branch: string, repo: string): Promise<CommitPlan> {
  const { execFileSync } = await import('node:child_process');
  const gitValue = (args: string[]): string => {
    try {
      return execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  const base = values['base-branch'] ?? gitValue(['branch', '--show-current']);
  if (!base) throw new UsageError('--base-branch is required here (no current branch)');
  const name = values['author-name'] ?? gitValue(['config', 'user.name']);
  const email = values['author-email'] ?? gitValue(['config', 'user.email']);
  if (!name || !email) throw new UsageError('--author-name and --author-email are required here (no git config user.name/user.email)');
  return {
    base,
    branch,
    mode: values.reset ? 'reset' : 'stack',
    author: { name, email },
    messageTemplate: values['message-template'],
    messageValues: messageValues(values['message-values']),
    automationName: 'image-update',
  };
}

/** The flags as core's image update request, checked in the order the CLI has always refused them. */
export async function imageUpdateRequest(values: ImageUpdateValues, log: (line: string) => void): Promise<ImageUpdateRequest> {
  if (values.engine !== undefined && values.engine !== 'native')
    throw new UsageError(
      `--engine "${values.engine}": the CLI runs the native engine; the kind engine runs in the image-update-kind action`,
    );
  // ImageRepositories name many registries: explicit credentials go to the one they are for, never to the others.
  if (values.creds !== undefined && !values['creds-registry'])
    throw new UsageError(
      '--creds needs --creds-registry HOST: image-update reads every registry the ImageRepositories name, and credentials go only to the registry they are for',
    );
  if (values['creds-registry'] !== undefined && values.creds === undefined)
    throw new UsageError('--creds-registry names the registry --creds are for; give --creds USER:PASS too');
  const creds = parseCreds(values.creds);
  const transport = parseTimeout(values.timeout);
  const repo = resolve('.');
  const branch = values['push-branch'];
  return {
    engine: 'native',
    repo,
    policiesPath: values['policies-path'] ?? './update-policies',
    updatePath: values['update-path'] ?? '.',
    namespace: values.namespace,
    dryRun: values['dry-run'],
    registries: {
      ...creds,
      ...(values['creds-registry'] ? { registry: values['creds-registry'] } : {}),
      githubToken: process.env.GITHUB_TOKEN,
      insecure: values['insecure-registry'] === true,
      transport,
      onWarning: (message) => log(`⚠ ${message}`),
    },
    commit: branch ? await commitPlan(values, branch, repo) : undefined,
  };
}
