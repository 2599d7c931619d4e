#!/usr/bin/env node
// The d2ci command. Installed from the npm package it runs the bundle (dist/d2ci.mjs, made by `npm pack`); in this
// repository, where the TypeScript sources sit beside it, it runs them (Node 24 strips the types).
// Plain JavaScript that any Node.js parses, so an older Node gets one line saying what to do instead of a stack.
const major = Number(process.versions.node.split('.')[0]);
if (!(major >= 24)) {
  process.stderr.write(
    `✗ d2ci needs Node.js 24 or newer, and this is Node.js ${process.version} (${process.execPath}): install Node 24 (https://nodejs.org, or nvm install 24), or use the single executable d2ci, which needs no Node.js\n`,
  );
  process.exit(1);
}
// Cache compiled modules between runs (in the OS temp folder): start-up drops by about a third.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
const { existsSync } = await import('node:fs');
const sources = new globalThis.URL('../src/run.ts', import.meta.url);
await import(existsSync(sources) ? sources.href : '../dist/d2ci.mjs');
