// Bundles the d2ci CLI (packages/cli/src/run.ts and everything it imports, @d2ci/core and the npm dependencies
// included) with esbuild, for the two ways users install it:
//
//   node scripts/build-cli.ts            → packages/cli/dist/d2ci.mjs + dist/chunks/ (the npm package; `npm pack`
//                                          runs it as packages/cli's prepack)
//   node scripts/build-cli.ts --binary   → build/sea/d2ci.cjs, one CommonJS file (the single executable's script;
//                                          scripts/build-binary.ts takes it from there)
//
// Why esbuild, where the actions use ncc: a single executable runs exactly one CommonJS script whose require()
// reaches only Node's built-ins (nodejs.org/api/single-executable-applications.html), and ncc emits a chunk per
// dynamic import; esbuild's cjs format inlines every import() into one file, and its esm format with splitting keeps
// each command's import() a chunk of its own for the npm package, so `d2ci --version` loads 8 kB, not 6 MB. Both
// builds take about a second.
//
// What the bundle must not leave outside: the CLI reads no data files of its own (sigstore's TUF seeds are a JSON
// require, inlined); `@aws-sdk/signature-v4-crt` is an optional require in a try (absent, as under ncc); tool-cache's
// Windows-only PowerShell script path is never reached on the paths the CLI uses.
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'packages', 'cli');
const entry = join(cli, 'src', 'run.ts');

const common: BuildOptions = {
  entryPoints: [entry],
  // Paths in the metafile (and so in licenses.txt) are relative to the repository, wherever the build runs from.
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node24',
  logLevel: 'warning',
  // Names stay readable in a stack trace (`--debug`); minifying saves ~1 MB but start-up only ~10 ms.
  keepNames: true,
  legalComments: 'none',
};

/** The npm package's bundle: ESM, one chunk per lazily imported command, in packages/cli/dist. */
export async function bundleForNpm(): Promise<string> {
  const out = join(cli, 'dist');
  rmSync(out, { recursive: true, force: true });
  const result = await build({
    ...common,
    format: 'esm',
    metafile: true,
    splitting: true,
    outdir: out,
    entryNames: 'd2ci',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    // CommonJS dependencies call require() for Node's built-ins; an ES module has none of its own.
    banner: { js: "import { createRequire as __d2ciRequire } from 'node:module'; const require = __d2ciRequire(import.meta.url);" },
  });
  writeFileSync(join(out, 'licenses.txt'), licenses(result.metafile));
  return join(out, 'd2ci.mjs');
}

/** The single executable's script: one self-contained CommonJS file. */
export async function bundleForBinary(out = join(root, 'build', 'sea')): Promise<string> {
  mkdirSync(out, { recursive: true });
  const file = join(out, 'd2ci.cjs');
  // `dynamic-import: false` turns each import() esbuild cannot inline (a built-in, an optional package such as
  // kerberos) into a require(): the executable's code cache cannot serve import() at all.
  const result = await build({ ...common, format: 'cjs', metafile: true, outfile: file, supported: { 'dynamic-import': false } });
  const dynamic = Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((i) => i.kind === 'dynamic-import'));
  if (dynamic.length) throw new Error(`the single-executable bundle still imports ${dynamic.map((i) => i.path).join(', ')} with import()`);
  writeFileSync(join(out, 'licenses.txt'), licenses(result.metafile));
  return file;
}

/** The licence of every npm package inside the bundle, as ncc's licenses.txt lists them for the actions. */
function licenses(metafile: Metafile): string {
  const packages = new Map<string, string>();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match?.[1]) packages.set(match[1], join(root, match[1]));
  }
  const sections: string[] = [];
  for (const dir of [...packages.values()].sort()) {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
    const file = readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : '';
    sections.push(`${manifest.name}@${manifest.version}\n${manifest.license ?? 'UNKNOWN'}${text ? `\n${text}` : ''}`);
  }
  return `${sections.join('\n\n')}\n`;
}

if (import.meta.main) {
  const binary = process.argv.includes('--binary');
  const started = Date.now();
  const file = binary ? await bundleForBinary() : await bundleForNpm();
  if (!existsSync(file)) throw new Error(`esbuild wrote no ${file}`);
  console.error(`built ${relative(root, dirname(file))}/${relative(dirname(file), file)} in ${Date.now() - started} ms`);
}
