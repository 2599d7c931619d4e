// Runs d2ci with the process's arguments: the entry of the bundles (the npm package's dist/d2ci.mjs and the single
// executable's script, scripts/build-cli.ts) and of bin/d2ci.js in this repository. No top-level await, so the same
// file bundles to CommonJS for the single executable.
import { main } from './main.ts';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
