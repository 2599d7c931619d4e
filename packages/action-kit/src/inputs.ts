import * as core from './runner.ts';

/**
 * A bad input: the message names the input and the fix, on one line, e.g.
 * "input `repository`: "Acme/App" must be lowercase; use acme/app".
 */
export class InputError extends Error {
  readonly input: string;
  constructor(input: string, problem: string) {
    super(`input \`${input}\`: ${problem}`.replace(/\s*\n\s*/g, ' '));
    this.name = 'InputError';
    this.input = input;
  }
}

export function stringInput(name: string, options: { required?: boolean; fallback?: string } = {}): string {
  const value = core.getInput(name).trim();
  if (!value && options.required) throw new InputError(name, `is required; add \`${name}:\` to the step's \`with:\``);
  return value || options.fallback || '';
}

/** YAML 1.2 core booleans, like `core.getBooleanInput`, but with a one-line error that names the input. */
export function booleanInput(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim();
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(name, `"${value}" is not a boolean; use true or false`);
}

/** Items separated by newlines or commas; blank lines and `#` comments are dropped. */
export function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '' && !item.startsWith('#'));
}

/** Patterns one per line (commas are part of gitignore patterns, so only newlines separate). */
export function linesInput(name: string): string[] {
  return core
    .getInput(name)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** `key=value` lines (the value may contain `=`). */
export function keyValueInput(name: string): Record<string, string> {
  const result: Record<string, string> = {};
  linesInput(name).forEach((line) => {
    const cut = line.indexOf('=');
    const key = cut > 0 ? line.slice(0, cut).trim() : '';
    if (cut < 0 || !key)
      throw new InputError(
        name,
        `"${line}" is not key=value; write one annotation per line, e.g. org.opencontainers.image.description=My app`,
      );
    if (/\s/.test(key)) throw new InputError(name, `key "${key}" contains whitespace`);
    result[key] = line.slice(cut + 1).trim();
  });
  return result;
}

/** A positive integer input. */
export function integerInput(name: string, fallback: number): number {
  const value = core.getInput(name).trim();
  if (value === '') return fallback;
  if (!/^[0-9]+$/.test(value) || Number(value) <= 0) throw new InputError(name, `"${value}" is not a positive whole number`);
  return Number(value);
}
