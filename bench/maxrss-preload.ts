// Preloaded with `node --import` when /usr/bin/time is missing: writes the process's peak RSS (KiB) on exit.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_MAXRSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, `${process.resourceUsage().maxRSS}\n`));
