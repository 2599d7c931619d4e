// The house's floor plan, checked (run by `npm run lint`; prints each breach and exits 1 when there is one):
// - no import cycle among the sources (packages/*/src, actions/*/src), type-only imports included (eslint's
//   import-x/no-cycle skips `import type`, yet a type cycle still says two modules are one), between files and
//   between core's rooms and the packages;
// - dependencies point inwards: actions and cli → action-kit → core rooms → oci (core imports no front door,
//   action-kit no action or CLI, oci nothing of ours but errors.ts);
// - every workspace declares the packages its sources import (package.json dependencies).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `@d2ci/<name>[/<sub>]` → the file its package.json `exports` names. */
const workspace = new Map<string, string>();
for (const group of ['packages', 'actions']) {
  for (const name of readdirSync(join(root, group))) {
    const manifest = join(root, group, name, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; exports?: Record<string, string> | string };
    if (!pkg.name) continue;
    const exportsMap = typeof pkg.exports === 'string' ? { '.': pkg.exports } : (pkg.exports ?? {});
    for (const [key, target] of Object.entries(exportsMap))
      if (typeof target === 'string') workspace.set(join(pkg.name, key), join(root, group, name, target));
  }
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (specifier.startsWith('.')) {
    const path = resolve(dirname(from), specifier);
    return existsSync(path) && statSync(path).isFile() ? path : undefined;
  }
  return workspace.get(specifier);
}

const workspaceDirs = ['packages', 'actions'].flatMap((group) =>
  readdirSync(join(root, group))
    .filter((name) => existsSync(join(root, group, name, 'package.json')))
    .map((name) => join(root, group, name)),
);

const files = ['packages', 'actions'].flatMap((group) =>
  readdirSync(join(root, group)).flatMap((name) => sourceFiles(join(root, group, name, 'src'))),
);
const graph = new Map<string, string[]>();
const bareImports = new Map<string, string[]>();
for (const file of files) {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  bareImports.set(
    file,
    importedFiles.map((i) => i.fileName).filter((name) => !name.startsWith('.') && !name.startsWith('node:')),
  );
  graph.set(file, [...new Set(importedFiles.map((i) => resolveImport(file, i.fileName)).filter((p): p is string => p !== undefined))]);
}

/** Tarjan's strongly connected components: each of more than one node (or a node importing itself) is a cycle. */
function cyclesOf(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (node: string): void => {
    indexOf.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!indexOf.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indexOf.get(next)!));
    }
    if (low.get(node) !== indexOf.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (edges.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };
  for (const node of edges.keys()) if (!indexOf.has(node)) connect(node);
  return cycles;
}

/**
 * The part a file belongs to: a room of core (`core/sign`), one of core's leaf files (`core/errors.ts`), core's
 * front (its index.ts, re-exporting every room), or a package (`packages/cli`, `actions/push-artifact`).
 */
function partOf(file: string): string {
  const [group, name, , room] = relative(root, file).split(sep);
  if (group === 'packages' && name === 'core') return room === 'index.ts' ? 'core' : `core/${room}`;
  return `${group}/${name}`;
}
const parts = new Map<string, Set<string>>();
for (const [file, imports] of graph) {
  const from = partOf(file);
  const targets = parts.get(from) ?? new Set<string>();
  for (const target of imports) {
    const to = partOf(target);
    if (to !== from) targets.add(to);
  }
  parts.set(from, targets);
}

/** Breaches of the direction rule: what each layer may not import. */
const layerOf = (part: string): number =>
  part === 'core/errors.ts' ? 0 : part === 'core/oci' ? 1 : part.startsWith('core') ? 2 : part === 'packages/action-kit' ? 3 : 4;
const upward: string[] = [];
for (const [from, targets] of parts) {
  for (const to of targets) {
    const fromLayer = layerOf(from);
    const toLayer = layerOf(to);
    // Same layer is allowed between core's rooms (their cycles are caught above); a front door never imports another.
    if (toLayer > fromLayer || (fromLayer === 4 && toLayer === 4 && !(from === 'actions/d2ci' && to.startsWith('actions/'))))
      upward.push(`${from} → ${to}`);
  }
}

/** Bare imports a workspace's sources make but its package.json does not declare. */
const undeclared: string[] = [];
for (const dir of workspaceDirs) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    private?: boolean;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  // The one published workspace (the d2ci CLI) ships a bundle made at prepack: what it imports is bundled in, so it
  // declares those as devDependencies and its users install nothing else.
  const declared = new Set(Object.keys({ ...pkg.dependencies, ...(pkg.private ? {} : pkg.devDependencies) }));
  const needed = new Set<string>();
  for (const [file, names] of bareImports) {
    if (!file.startsWith(dir + sep)) continue;
    for (const name of names) {
      const parts = name.split('/');
      const packageName = name.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? name);
      if (packageName !== pkg.name) needed.add(packageName);
    }
  }
  for (const name of needed) if (!declared.has(name)) undeclared.push(`${pkg.name} imports ${name} without declaring it`);
}

const fileCycles = cyclesOf(graph);
const partCycles = cyclesOf(new Map([...parts].map(([part, targets]) => [part, [...targets]])));
for (const cycle of fileCycles) console.error(`import cycle: ${cycle.map((f) => relative(root, f)).join(' ↔ ')}`);
for (const cycle of partCycles) console.error(`cycle between rooms or packages: ${cycle.join(' ↔ ')}`);
for (const arrow of upward) console.error(`import against the direction (actions/cli → action-kit → core → oci): ${arrow}`);
for (const line of undeclared) console.error(line);
if (fileCycles.length || partCycles.length || upward.length || undeclared.length) process.exit(1);
console.log(`no import cycles, no upward imports, every import declared: ${graph.size} files in ${parts.size} rooms and packages`);
