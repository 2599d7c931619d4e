import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.ts';
import { timeoutOptions, type TransportOptions, type WalkOptions } from '@d2ci/core';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags every registry command takes. */
export const registryFlags = {
  creds: { type: 'string' },
  provider: { type: 'string' },
  'aws-role-arn': { type: 'string' },
  'aws-region': { type: 'string' },
  'gcp-workload-identity-provider': { type: 'string' },
  'gcp-service-account': { type: 'string' },
  'azure-client-id': { type: 'string' },
  'azure-tenant-id': { type: 'string' },
  'insecure-registry': { type: 'boolean' },
  timeout: { type: 'string' },
  debug: { type: 'boolean' },
} as const satisfies Options;

/** Flags that select what goes into an artifact. */
export const treeFlags = {
  path: { type: 'string', short: 'f' },
  'ignore-paths': { type: 'string', multiple: true },
  'add-ignore-paths': { type: 'string', multiple: true },
  'source-ignore': { type: 'boolean' },
  'resolve-symlinks': { type: 'boolean' },
} as const satisfies Options;

export interface Parsed<T extends Options> {
  values: { [K in keyof T]?: T[K] extends { multiple: true } ? string[] : T[K] extends { type: 'boolean' } ? boolean : string } & {
    help?: boolean;
  };
  positionals: string[];
}

/**
 * Parses a command's flags strictly (an unknown flag is an error naming it), allowing `--flag=value`. Arguments
 * beyond `maxPositionals` (one URL for most commands) are refused: a stray `app` in `d2ci push URL app` must not
 * be ignored while the current directory is packed.
 */
export function parseFlags<T extends Options>(verb: string, args: string[], options: T, maxPositionals = 1): Parsed<T> {
  let parsed: Parsed<T>;
  const config = { args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true } as const;
  try {
    const { values, positionals } = parseArgs({ ...config, strict: true });
    parsed = { values, positionals };
  } catch (err) {
    // Node's own wording, except for an unknown flag, whose advice about `--` does not fit a CLI that takes URLs.
    const problem =
      (err as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `unknown flag '${unknownFlag(config)}'`
        : (err as Error).message;
    throw new UsageError(`${problem}; see d2ci ${verb} --help`);
  }
  const extra = parsed.positionals[maxPositionals];
  if (extra !== undefined && !parsed.values.help) {
    const takes =
      maxPositionals === 0 ? 'takes no arguments' : maxPositionals === 1 ? 'takes one URL' : `takes at most ${maxPositionals} arguments`;
    const hint = 'path' in options ? '; a directory is given with --path' : '';
    throw new UsageError(`unexpected argument "${extra}": d2ci ${verb} ${takes}${hint}; see d2ci ${verb} --help`);
  }
  return parsed;
}

/**
 * The flag strict parsing refused as unknown, as written (`--bogus`, `-x`): node:util's error carries only a code,
 * so the arguments are read again, leniently, and the first option it does not define is the one.
 */
function unknownFlag(config: { args: string[]; options: Options; allowPositionals: true }): string {
  const { tokens } = parseArgs({ ...config, strict: false, tokens: true });
  const token = tokens.find((t) => t.kind === 'option' && !Object.hasOwn(config.options, t.name));
  return token?.kind === 'option' ? token.rawName : '';
}

/** Comma-separated, repeatable list flags (`--tag a,b --tag c`), as Flux's StringSlice flags. */
/** The tree flags as core's walk options, with push's meaning (so a release packs what push packed). */
export function walkFlags(values: Parsed<typeof treeFlags>['values']): WalkOptions {
  return {
    ignorePaths: values['ignore-paths'] ? splitList(values['ignore-paths']) : undefined,
    addIgnorePaths: splitList(values['add-ignore-paths']),
    sourceIgnore: values['source-ignore'],
    resolveSymlinks: values['resolve-symlinks'],
  };
}

export function splitList(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((value) => value.split(','))
    .map((item) => item.trim())
    .filter(Boolean);
}

/** `--annotation key=value` (repeatable); the value may contain `=`. */
export function parseAnnotations(values: readonly string[] | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of values ?? []) {
    const cut = pair.indexOf('=');
    if (cut <= 0) throw new UsageError(`--annotation "${pair}" is not key=value`);
    result[pair.slice(0, cut).trim()] = pair.slice(cut + 1);
  }
  return result;
}

/** `--max-size 100Mi` / `512M` / `1048576`. */
export function parseSize(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^([0-9]+)\s*(k|ki|m|mi|g|gi)?b?$/i.exec(value.trim());
  if (!match) throw new UsageError(`--${flag} "${value}" is not a size; use bytes or a suffix such as 500Mi or 2Gi`);
  const units: Record<string, number> = { k: 1e3, ki: 1024, m: 1e6, mi: 1024 ** 2, g: 1e9, gi: 1024 ** 3 };
  return Number(match[1]) * (match[2] ? (units[match[2].toLowerCase()] ?? 1) : 1);
}

/** `--creds user:password` (or `user:token`) as a username and password. */
export function parseCreds(value: string | undefined): { username?: string; password?: string } {
  if (value === undefined) return {};
  const cut = value.indexOf(':');
  const username = cut < 0 ? value : value.slice(0, cut);
  if (!username) throw new UsageError('--creds must be user:password (or user:token)');
  return { username, password: cut < 0 ? '' : value.slice(cut + 1) };
}

/** `--timeout SECONDS` as transport options (see core `timeoutOptions`). */
export function parseTimeout(value: string | undefined): Pick<TransportOptions, 'timeouts' | 'retry'> {
  try {
    return timeoutOptions(value);
  } catch (err) {
    throw new UsageError(`--timeout: ${(err as Error).message}`);
  }
}
