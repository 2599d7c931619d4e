import { escapeControls } from '@d2ci/core';

/** Human-readable byte counts for logs and summaries (1 kB = 1000 B). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

/** A digest shortened for tables: `sha256:0123456789ab`. */
export function shortDigest(digest: string): string {
  return digest.replace(/^(sha256:[a-f0-9]{12})[a-f0-9]*$/, '$1');
}

/** Escapes text for a markdown table cell. */
export function cell(text: string): string {
  // Registry text in a Markdown table: one line, no cell breaks, no HTML, no links or images (a tracking pixel in a
  // job summary), no code-span break-out, no control characters.
  return escapeControls(text.replace(/\r?\n/g, ' '))
    .replace(/[|[\]`]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
