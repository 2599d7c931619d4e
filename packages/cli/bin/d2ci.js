#!/usr/bin/env node
// d2ci runs its TypeScript sources directly, which needs Node.js 24 (type stripping).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `✗ d2ci needs Node.js 24 or newer (this is ${process.version}); run it with \`npx d2ci\` from the repository root, which uses the project's Node 24\n`,
  );
  process.exit(1);
}
// Cache compiled (type-stripped) modules between runs: start-up drops from ~300 ms to ~100 ms.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
