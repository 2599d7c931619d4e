// Bundles every action (actions/<name>/src/index.ts) into its committed actions/<name>/dist with @vercel/ncc.
import { readdirSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = join(import.meta.dirname, '..');
const ncc = join(root, 'node_modules', '.bin', 'ncc');
const only = process.argv.slice(2);
const actions = readdirSync(join(root, 'actions')).filter(
  (name) => existsSync(join(root, 'actions', name, 'src', 'index.ts')) && (only.length === 0 || only.includes(name)),
);

await import('./root-action.ts').then(({ rootAction }) => writeFileSync(join(root, 'action.yml'), rootAction()));
console.log('wrote action.yml');

for (const name of actions) {
  const dir = join(root, 'actions', name);
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  execFileSync(ncc, ['build', 'src/index.ts', '--out', 'dist', '--license', 'licenses.txt', '--quiet'], { cwd: dir, stdio: 'inherit' });
  console.log(`built actions/${name}/dist`);
}
