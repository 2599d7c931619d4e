// Runs every test under test/ on Node 24, after making sure the real services the tests use are installed:
// Debian's docker-registry (CNCF distribution) and skopeo. A missing service is a failure, never a skip.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`✗ tests need Node.js 24 (this is ${process.version}); run them with npm test`);
  process.exit(1);
}

const has = (binary: string): boolean => spawnSync('sh', ['-c', `command -v ${binary}`]).status === 0;
const missing = ['docker-registry', 'skopeo', 'openssl'].filter((binary) => !has(binary));
if (missing.length) {
  const packages = missing.map((binary) => (binary === 'openssl' ? 'openssl' : binary)).join(' ');
  const asRoot = process.getuid?.() === 0;
  if (!asRoot && !has('sudo')) {
    console.error(`✗ the tests need ${missing.join(', ')}; install them with: apt-get install -y ${packages}`);
    process.exit(1);
  }
  console.error(`► installing ${packages} (Debian packages the tests run for real)`);
  const sudo = asRoot ? [] : ['sudo'];
  execFileSync(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(asRoot ? [] : ['apt-get']), 'update', '-qq'], { stdio: 'inherit' });
  execFileSync(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(asRoot ? [] : ['apt-get']), 'install', '-y', '-qq', ...packages.split(' ')], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

const patterns = process.argv.slice(2);
const result = spawnSync(
  process.execPath,
  ['--test', '--test-timeout=180000', '--test-concurrency=2', ...(patterns.length ? patterns : ['test/**/*.test.ts'])],
  { cwd: root, stdio: 'inherit', env: { ...process.env, D2CI_TEST: '1' } },
);
process.exit(result.status ?? 1);
