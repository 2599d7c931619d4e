import { escapeControls } from '@d2ci/core';
import { stringify } from 'yaml';
import { UsageError } from './errors.ts';
import type { Io } from './io.ts';

export { processIo, type Io } from './io.ts';

/** `-o json` or `-o yaml`, as flux's `-o`: one document for scripts instead of the lines for people. */
export type OutputFormat = 'json' | 'yaml';

/** The `--output` flag of a command that prints a result; undefined for the human-readable lines. */
export function outputFormat(value: string | undefined): OutputFormat | undefined {
  if (value === undefined) return undefined;
  if (value === 'json' || value === 'yaml') return value;
  throw new UsageError(`--output "${value}" is not supported; use --output json or --output yaml`);
}

/** The result as one JSON or YAML document on stdout. */
export function structured(io: Io, format: OutputFormat, value: unknown): void {
  io.out(format === 'yaml' ? stringify(value).trimEnd() : JSON.stringify(value, null, 2));
}

export function json(io: Io, value: unknown): void {
  structured(io, 'json', value);
}

/**
 * Text that came from a registry or a signature (annotations, tags, identities, reasons) as printable data: control
 * characters escaped, so a value cannot move the cursor, colour the terminal or start a new line — and so never a
 * `::workflow-command::` when the CLI runs in a GitHub `run:` step.
 */
export const data = (text: string | undefined): string => escapeControls(text ?? '');

/** Left-aligned columns, as Flux prints tables; every cell is data. */
export function table(input: string[][]): string {
  const rows = input.map((row) => row.map((cell) => data(cell)));
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((value, column) => value.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
