// npm run build:binary — d2ci as one executable file (dist/d2ci) that needs no Node.js and no node_modules: Node's
// single executable applications (nodejs.org/api/single-executable-applications.html, the Node 24 steps): the CLI
// bundled into one CommonJS script (scripts/build-cli.ts), turned into a blob by `node --experimental-sea-config`,
// and injected with postject into a copy of the Node 24 binary that runs this script (node_modules/node's).
//
// The binary is rebuilt only when its inputs change: dist/d2ci.key holds a hash of the script, the SEA config and
// the Node version, so a second run (CI's warm run, a test after a build) costs the one-second bundle.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleForBinary } from './build-cli.ts';

const root = join(import.meta.dirname, '..');
// The fuse Node's official binaries carry, which postject flips so Node looks for the blob (Node's SEA docs).
const fuse = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/** Runs a build step, printing its output only when it fails. */
function quiet(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
}

/** Builds (or finds up to date) dist/d2ci and returns its path. */
export async function buildBinary(): Promise<string> {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24)
    throw new Error(`the single executable is built from Node.js 24; this is ${process.version} (run it with npm run build:binary)`);
  const work = join(root, 'build', 'sea');
  const dist = join(root, 'dist');
  const binary = join(dist, 'd2ci');
  const script = await bundleForBinary(work);
  const blob = join(work, 'd2ci.blob');
  const config = {
    main: script,
    output: blob,
    // d2ci prints its own lines; "Single executable application is an experimental feature" would be noise on each run.
    disableExperimentalSEAWarning: true,
    // V8's compiled code for the script, made now: start-up without compiling 6 MB of JavaScript on each run.
    useCodeCache: true,
  };
  const key = createHash('sha256')
    .update(readFileSync(script))
    .update(JSON.stringify({ ...config, main: 'd2ci.cjs', output: 'd2ci.blob' }))
    .update(process.version)
    .digest('hex');
  if (existsSync(binary) && existsSync(`${binary}.key`) && readFileSync(`${binary}.key`, 'utf8') === key) return binary;

  const configFile = join(work, 'sea-config.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  quiet(process.execPath, ['--experimental-sea-config', configFile]);
  mkdirSync(dist, { recursive: true });
  const partial = `${binary}.partial`;
  copyFileSync(process.execPath, partial);
  chmodSync(partial, 0o755);
  // postject's CLI in a child: its ELF library prints harmless "Can't find string offset" warnings, shown on failure only.
  quiet(process.execPath, [
    join(root, 'node_modules', 'postject', 'dist', 'cli.js'),
    partial,
    'NODE_SEA_BLOB',
    blob,
    '--sentinel-fuse',
    fuse,
  ]);
  renameSync(partial, binary);
  copyFileSync(join(work, 'licenses.txt'), join(dist, 'd2ci.licenses.txt'));
  writeFileSync(`${binary}.key`, key);
  rmSync(blob, { force: true });
  return binary;
}

if (import.meta.main) {
  const started = Date.now();
  const binary = await buildBinary();
  const mb = (statSync(binary).size / 1024 / 1024).toFixed(0);
  console.error(`dist/d2ci: ${mb} MiB, Node ${process.version}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
