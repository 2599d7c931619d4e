import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { run } from './exec.ts';

export const repoRoot = join(import.meta.dirname, '..', '..');

interface ActionYaml {
  inputs?: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; main: string; post?: string };
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Values registered with `::add-mask::`. */
  masked: string[];
  /** `::error::` messages. */
  errors: string[];
  /** Everything a user could see: stdout, stderr, outputs and summary. */
  visible: string;
  /** What the step saved for its post step (`saveState`). */
  state: Record<string, string>;
}

/** Parses the runner's `name<<delimiter` file-command records. */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const [, name = '', delimiter] = match;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
    result[name] = value.join('\n');
  }
  return result;
}

/**
 * The environment the GitHub runner gives a JavaScript action: the job's GITHUB_* variables, `env` on top (an
 * undefined value removes a variable), and `INPUT_*` for every input of its action.yml (defaults filled in,
 * `${{ github.token }}` from GITHUB_TOKEN). An input the action does not declare is an error.
 */
export function runnerEnv(action: string, inputs: Record<string, string>, env: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const dir = action === '.' ? repoRoot : join(repoRoot, 'actions', action);
  const spec = parse(readFileSync(join(dir, 'action.yml'), 'utf8')) as ActionYaml;
  const childEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/fleet',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_ACTOR: 'octocat',
    GITHUB_RUN_ID: '42',
  };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[name];
    else childEnv[name] = value;
  }
  for (const [name, spec_] of Object.entries(spec.inputs ?? {})) {
    let value = inputs[name] ?? spec_.default ?? '';
    value = value.replace(/\$\{\{\s*github\.token\s*\}\}/g, childEnv.GITHUB_TOKEN ?? '');
    childEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const name of Object.keys(inputs)) {
    if (!spec.inputs?.[name]) throw new Error(`${action} has no input "${name}"`);
  }
  return childEnv;
}

/**
 * Runs an action's committed bundle the way the runner does: `runs.main` of its action.yml under Node 24, with
 * `INPUT_*` for every input (action.yml defaults filled in, `${{ github.token }}` from GITHUB_TOKEN), and the
 * GITHUB_OUTPUT, GITHUB_STATE and GITHUB_STEP_SUMMARY files.
 */
export async function runAction(
  action: string,
  inputs: Record<string, string>,
  env: Record<string, string | undefined> = {},
  phase: { post: Record<string, string> } | undefined = undefined,
): Promise<ActionRun> {
  const dir = action === '.' ? repoRoot : join(repoRoot, 'actions', action);
  const spec = parse(readFileSync(join(dir, 'action.yml'), 'utf8')) as ActionYaml;
  if (spec.runs.using !== 'node24') throw new Error(`${action}: runs.using is ${spec.runs.using}, expected node24`);
  if (Number(process.versions.node.split('.')[0]) < 24) throw new Error(`tests must run on Node 24 (got ${process.version}); use npm test`);
  const work = mkdtempSync(join(tmpdir(), 'd2ci-action-'));
  const files = { GITHUB_OUTPUT: join(work, 'output'), GITHUB_STATE: join(work, 'state'), GITHUB_STEP_SUMMARY: join(work, 'summary') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const runnerTemp = join(work, 'runner-temp');
  mkdirSync(runnerTemp);
  // A post step gets the main step's saved state as STATE_<name>, as the runner passes it.
  const state = Object.fromEntries(Object.entries(phase?.post ?? {}).map(([name, value]) => [`STATE_${name}`, value]));
  const childEnv = runnerEnv(action, inputs, { HOME: work, RUNNER_TEMP: runnerTemp, ...files, ...state, ...env });
  const entry = phase ? spec.runs.post : spec.runs.main;
  if (!entry) throw new Error(`${action} has no post step`);
  // The runner starts a step in GITHUB_WORKSPACE; one an earlier step removed is simulated from the repository root.
  const cwd = childEnv.GITHUB_WORKSPACE && existsSync(childEnv.GITHUB_WORKSPACE) ? childEnv.GITHUB_WORKSPACE : repoRoot;
  const result = await run(process.execPath, [join(dir, entry)], { env: childEnv, cwd });
  const outputText = readFileSync(files.GITHUB_OUTPUT, 'utf8');
  const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
  const commands = [...result.stdout.matchAll(/^::([a-z-]+)::(.*)$/gm)];
  const unescape = (s: string): string => s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
  return {
    code: result.code,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs: parseFileCommands(outputText),
    summary,
    masked: commands.filter((m) => m[1] === 'add-mask').map((m) => unescape(m[2] ?? '')),
    errors: commands.filter((m) => m[1] === 'error').map((m) => unescape(m[2] ?? '')),
    visible: [result.stdout.replace(/^::add-mask::.*$/gm, ''), result.stderr, outputText, summary].join('\n'),
    state: parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8')),
  };
}
