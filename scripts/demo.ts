// The main job on the embedded default, no registry needed: pack the sample D2 component shipped in
// workflows-examples, push it to a local OCI image layout, tag it, diff it, pull it back, printing each step.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const demo = join(root, '.d2ci', 'demo');
const component = join(root, 'workflows-examples', 'd2-apps', 'components', 'frontend');
const layout = `oci-layout:${relative(root, join(demo, 'layout'))}`;
const rel = (path: string): string => relative(root, path);

function step(title: string, args: string[], expectCode = 0): void {
  console.log(`\n── ${title}\n$ d2ci ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [join(root, 'packages', 'cli', 'bin', 'd2ci.js'), ...args], { cwd: root, encoding: 'utf8' });
  process.stdout.write(result.stdout);
  process.stdout.write(result.stderr);
  if (result.status !== expectCode) {
    console.error(`✗ demo step failed (exit ${result.status}, expected ${expectCode})`);
    process.exit(1);
  }
}

rmSync(demo, { recursive: true, force: true });
mkdirSync(demo, { recursive: true });
const meta = ['--source', 'https://github.com/acme/d2-apps', '--revision', 'refs/heads/main@sha1:0123456789abcdef0123456789abcdef01234567'];

// A throwaway signing key, as `cosign generate-key-pair` would make (Flux verifies such keys via verify.secretRef).
const keys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
writeFileSync(join(demo, 'cosign.key'), keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
writeFileSync(join(demo, 'cosign.pub'), keys.publicKey.export({ type: 'spki', format: 'pem' }));
const key = rel(join(demo, 'cosign.key'));
const pub = rel(join(demo, 'cosign.pub'));

step('Pack the frontend component into the Flux artifact tarball', [
  'build',
  '--path',
  rel(component),
  '--output',
  rel(join(demo, 'frontend.tgz')),
]);
step('Push it to a local OCI image layout as `latest`, signed before the tag moves (diff-tag: only if changed)', [
  'push',
  `${layout}:latest`,
  '--path',
  rel(component),
  '--diff-tag',
  'latest',
  '--key',
  key,
  '--signature-format',
  'both',
  ...meta,
]);
step('Verify the signature, by digest, as Flux would with verify.secretRef', ['verify', `${layout}:latest`, '--key', pub]);
step('Push again: same content, so nothing is uploaded (or signed again)', [
  'push',
  `${layout}:latest`,
  '--path',
  rel(component),
  '--diff-tag',
  'latest',
  '--key',
  key,
  ...meta,
]);
step(
  'Release it: find the artifact staging pushed for the commit, verify its signature, sign it again, then point v1.0.0 and latest-stable at it (no blobs)',
  ['release', layout, '--ref', 'v1.0.0', '--commit', '0123456789abcdef0123456789abcdef01234567', '--verify-key', pub, '--key', key],
);
step('Diff the working tree against latest', ['diff', `${layout}:latest`, '--path', rel(component)]);
const edited = join(demo, 'edited');
cpSync(component, edited, { recursive: true });
writeFileSync(join(edited, 'base', 'podinfo.yaml'), '# edited\n', { flag: 'a' });
step('Diff an edited copy: exit code 1 means "differs"', ['diff', `${layout}:latest`, '--path', rel(edited)], 1);
step('Verify the release tag: the same digest, so the same signature', ['verify', `${layout}:latest-stable`, '--key', pub]);
step('Pull latest-stable back and extract it safely', ['pull', `${layout}:latest-stable`, '--output', rel(join(demo, 'pulled'))]);
step('List the artifacts in the layout', ['list', layout]);

console.log(`\n✔ demo done. The layout in ${rel(join(demo, 'layout'))} is a standard OCI image layout:`);
console.log(`  ${readdirSync(join(demo, 'layout')).sort().join(', ')}`);
console.log(`  e.g. skopeo inspect --raw oci:${rel(join(demo, 'layout'))}:latest`);
