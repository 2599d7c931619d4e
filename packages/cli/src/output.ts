import { escapeControls } from '@d2ci/core';

/** Where a command writes: results to stdout, progress and errors to stderr (so `--output json` stays parseable). */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export function json(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
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
