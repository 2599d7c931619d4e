// The results table: one row per measured goal, printed for the terminal and written as JSON and Markdown.

export type Met = 'yes' | 'NO' | 'n/a';

export interface Row {
  /** Section number from the issue (1–6), with a letter for sub-measurements. */
  id: string;
  metric: string;
  measured: string;
  baseline: string;
  ratio: string;
  goal: string;
  met: Met;
}

export interface SectionResult {
  rows: Row[];
  /** Raw figures (samples, request logs, sizes) for results.json. */
  details: Record<string, unknown>;
}

const headers: readonly (keyof Row)[] = ['id', 'metric', 'measured', 'baseline', 'ratio', 'goal', 'met'];
const titles: Record<keyof Row, string> = {
  id: '#',
  metric: 'benchmark',
  measured: 'measured (ours)',
  baseline: 'baseline',
  ratio: 'ratio',
  goal: 'goal',
  met: 'met',
};

export function met(ok: boolean): Met {
  return ok ? 'yes' : 'NO';
}

export function textTable(rows: readonly Row[]): string {
  const widths = headers.map((h) => Math.max(titles[h].length, ...rows.map((r) => r[h].length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    line(headers.map((h) => titles[h])),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map((r) => line(headers.map((h) => r[h]))),
  ].join('\n');
}

export function markdownTable(rows: readonly Row[]): string {
  const escape = (s: string): string => s.replace(/\|/g, '\\|');
  return [
    `| ${headers.map((h) => titles[h]).join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${headers.map((h) => escape(r[h])).join(' | ')} |`),
  ].join('\n');
}
