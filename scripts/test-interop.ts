// npm run test:interop — the interoperability suite: builds (or finds in the cache) the consumers at exact versions
// (test/interop/tools.sh, test/interop/flux/build.sh), runs every test/interop/*.interop.ts against real registries
// and the local Sigstore, then regenerates the README's compatibility table from the results. In CI a missing tool
// is a failure: the builds either succeed or the suite fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const step = (what: string): void => console.error(`\n► ${what}`);
const started = Date.now();

step('interop tools (Go module proxy, cached outside the clone)');
execFileSync('bash', [join(root, 'test/interop/tools.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
for (const version of ['v1.7.0', 'v1.8.5', 'v1.9.1'])
  execFileSync('bash', [join(root, 'test/interop/flux/build.sh'), version], { stdio: ['ignore', 'ignore', 'inherit'] });
console.error(`  tools ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);

step('interop suite');
const patterns = process.argv.slice(2);
const suite = spawnSync(
  process.execPath,
  ['--test', '--test-timeout=600000', '--test-concurrency=1', ...(patterns.length ? patterns : ['test/interop/*.interop.ts'])],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, D2CI_TEST: '1' },
  },
);
if (suite.status !== 0) process.exit(suite.status ?? 1);

// A narrowed local run (some files, stores or verifiers, or results elsewhere) is not the whole matrix: it must not
// rewrite the README's table. CI never narrows.
const narrowed =
  process.env.CI !== 'true' &&
  (patterns.length > 0 || ['D2CI_INTEROP_RESULTS', 'D2CI_INTEROP_STORES', 'D2CI_INTEROP_VERIFIERS'].some((v) => process.env[v]));
if (narrowed) {
  console.error('\n► README compatibility table: not rewritten (a narrowed run); run npm run test:interop alone to regenerate it');
} else {
  step('README compatibility table');
  execFileSync(process.execPath, [join(root, 'scripts/interop-table.ts')], { stdio: 'inherit' });
}
