// Every cell of the interoperability suite, written when the suite's process ends to
// test/interop/results/<suite file>.json (sorted, verdicts only: the same run gives the same bytes). The README's
// compatibility table is generated from these files (scripts/interop-table.ts), never written by hand.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface Cell {
  suite: 'd2ci→consumer' | 'consumer→d2ci';
  store: string;
  scenario: string;
  format: string;
  verifier: string;
  consumer: boolean;
  d2ci: boolean;
  expected?: boolean;
}

const cells: Cell[] = [];
let registered = false;

export const resultsDir = process.env.D2CI_INTEROP_RESULTS || join(import.meta.dirname, '..', 'results');

export function recordCell(cell: Cell): void {
  cells.push(cell);
  if (registered) return;
  registered = true;
  const file = join(resultsDir, `${basename(process.argv[1] ?? 'interop').replace(/\.interop\.ts$/, '')}.json`);
  process.on('exit', () => {
    const key = (c: Cell): string => [c.suite, c.store, c.scenario, c.verifier].join('\u0000');
    const sorted = [...cells].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(sorted, null, 1)}\n`);
  });
}
