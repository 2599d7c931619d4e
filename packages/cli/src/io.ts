// The CLI's streams, apart from output.ts's formatting so the entry (main.ts) loads nothing heavy before it knows
// which command runs: `d2ci --version` and `--help` stay at Node's own start-up cost.

/** Where a command writes: results to stdout, progress and errors to stderr (so `--output json` stays parseable). */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** What `--path -` reads; the process's stdin unless a test gives one. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

export const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  get stdin() {
    return process.stdin;
  },
};
