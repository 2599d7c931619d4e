/**
 * The GitHub Actions runner protocol: inputs from `INPUT_*`, outputs and state through the `GITHUB_OUTPUT` /
 * `GITHUB_STATE` files, the job summary file, and `::command::` lines on stdout.
 *
 * We speak it directly instead of bundling @actions/core: that package pulls in an HTTP client (undici) whose
 * start-up is about 70 ms of a ~110 ms cold start, for the one call (the OIDC token) that Node's own fetch does.
 * Behaviour follows @actions/core 3 (core.ts, command.ts, file-command.ts); the OIDC token comes from
 * @d2ci/core's githubActionsIdentity.
 */
import { appendFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { EOL } from 'node:os';
import { escapeControls } from '@d2ci/core';

/** Escapes a command's message as the runner expects (command.ts `escapeData`). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function issue(command: string, message: string): void {
  process.stdout.write(`::${command}::${escapeData(message)}${EOL}`);
}

export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** A `name<<delimiter` record for the runner's file commands (file-command.ts `prepareKeyValueMessage`). */
function keyValueRecord(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter))
    throw new Error(`unexpected input: name or value contains the delimiter ${delimiter}`);
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT;
  if (file) appendFileSync(file, keyValueRecord(name, value), 'utf8');
  else process.stdout.write(`${EOL}::set-output name=${name}::${escapeData(value)}${EOL}`);
}

export function saveState(name: string, value: string): void {
  const file = process.env.GITHUB_STATE;
  if (file) appendFileSync(file, keyValueRecord(name, value), 'utf8');
  else process.stdout.write(`::save-state name=${name}::${escapeData(value)}${EOL}`);
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}

const masked = new Set<string>();

/** Registers a secret with the runner so it never appears in the log; each line of a multi-line value too. */
export function setSecret(secret: string): void {
  for (const value of [secret, ...secret.split(/\r?\n/)]) {
    if (!value || masked.has(value)) continue;
    masked.add(value);
    issue('add-mask', value);
  }
}

/**
 * Writes a log line. Messages carry registry text (annotations, tags, reasons): control characters are shown
 * escaped, and a line that would start a workflow command (`::name::`) has its first colon escaped, so data can
 * never drive the runner.
 */
export function info(message: string): void {
  const safe = message
    .split('\n')
    .map((line) => escapeControls(line.replace(/\r$/, '')).replace(/^(\s*):(?=:)/, '$1\\u003a'))
    .join(EOL);
  process.stdout.write(`${safe}${EOL}`);
}

export function debug(message: string): void {
  issue('debug', message);
}

export function warning(message: string): void {
  issue('warning', message);
}

export function error(message: string): void {
  issue('error', message);
}

export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

export function startGroup(name: string): void {
  issue('group', name);
}

export function endGroup(): void {
  process.stdout.write(`::endgroup::${EOL}`);
}

/** Appends markdown to the job summary (no-op outside a runner). */
export function appendSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
}
