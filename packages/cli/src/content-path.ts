import { resolve } from 'node:path';
import { ManifestStreamError, withManifestStream } from '@d2ci/core';
import { usageError } from './fields.ts';
import type { Io } from './io.ts';

/** `--path -`: one YAML stream on stdin instead of a directory or file, as `flux push artifact --path=-`. */
export const fromStdin = (path: string | undefined): path is '-' => path === '-';

/**
 * Runs `fn` with what `--path` packs: the directory or file it names (resolved, `fallback` when absent), or for
 * `--path -` stdin's stream, checked and staged as a temporary stdin.yaml (core `withManifestStream`) that is
 * removed when `fn` ends.
 */
export async function withContentPath<T>(path: string | undefined, fallback: string, io: Io, fn: (path: string) => Promise<T>): Promise<T> {
  if (!fromStdin(path)) return fn(resolve(path ?? fallback));
  try {
    return await withManifestStream(io.stdin ?? process.stdin, fn);
  } catch (err) {
    if (err instanceof ManifestStreamError) throw usageError(err, { path: '--path -' }) ?? err;
    throw err;
  }
}
