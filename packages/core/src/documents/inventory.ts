import { readFile } from 'node:fs/promises';
import { basename, join, posix } from 'node:path';
import { compareBytes } from '../oci/order.ts';
import { walkEntries } from '../artifact/walk.ts';
import type { DeployedComponent, DeployedInventory, FindDeployedComponentsOptions, FoundAt, SkippedFile } from './inventory-types.ts';
import { applyKustomizeImages } from './kustomize-images.ts';
import { kustomizeHelmCharts, resolveFlux } from './flux-resolve.ts';
import { scanFile } from './scan-file.ts';
import type { Found, Scan } from './scan-state.ts';

// What a configuration artifact deploys, read from its YAML alone: container images, Helm charts and Flux
// sources, each with every place it was found. Nothing is executed (no kustomize build, no helm template), so
// what charts render from their own defaults, and what variables substitute at deploy time, stay unknown.

const isYamlName = (name: string): boolean => /\.ya?ml$/i.test(name) || basename(name) === 'Kustomization';

function compareFoundAt(a: FoundAt, b: FoundAt): number {
  return (
    compareBytes(a.file, b.file) ||
    a.line - b.line ||
    compareBytes(a.path, b.path) ||
    compareBytes(a.via, b.via) ||
    compareBytes(JSON.stringify(a.appliedTo ?? null), JSON.stringify(b.appliedTo ?? null))
  );
}

const componentKeys = [
  'type',
  'id',
  'name',
  'version',
  'versionConstraint',
  'digest',
  'registry',
  'repository',
  'tag',
  'url',
  'chart',
  'sourceKind',
  'sourceRef',
  'purl',
  'foundAt',
] as const;
const foundAtKeys = ['file', 'document', 'kind', 'name', 'namespace', 'path', 'line', 'via', 'appliedTo'] as const;

/** The same object with its keys in a fixed order and no undefined values, so JSON output is stable. */
function ordered<T extends object>(value: T, keys: readonly (keyof T)[]): T {
  const out: Partial<T> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}

function merge(found: Found[]): DeployedComponent[] {
  const byKey = new Map<string, DeployedComponent>();
  const seen = new Set<string>();
  for (const f of found) {
    const key = `${f.type} ${f.id}`;
    let component = byKey.get(key);
    if (!component) {
      component = { type: f.type, id: f.id, ...f.fields, foundAt: [] };
      byKey.set(key, component);
    }
    const atKey = `${key}\n${JSON.stringify(f.at)}`;
    if (seen.has(atKey)) continue;
    seen.add(atKey);
    component.foundAt.push(f.at);
  }
  const components = [...byKey.values()].map((c) =>
    ordered({ ...c, foundAt: c.foundAt.sort(compareFoundAt).map((at) => ordered(at, foundAtKeys)) }, componentKeys),
  );
  return components.sort((a, b) => compareBytes(a.type, b.type) || compareBytes(a.id, b.id));
}

async function listFiles(
  dir: string,
  options: FindDeployedComponentsOptions,
): Promise<{ files: { name: string; path: string }[]; skipped: SkippedFile[] }> {
  const skipped: SkippedFile[] = [];
  if (options.files) {
    const files: { name: string; path: string }[] = [];
    for (const entry of options.files) {
      const name = posix.normalize(entry.split('\\').join('/')).replace(/^\.\//, '');
      if (name.startsWith('../') || name === '..' || posix.isAbsolute(name)) {
        skipped.push({ file: entry, reason: 'outside the directory' });
        continue;
      }
      if (isYamlName(name)) files.push({ name, path: join(dir, name) });
    }
    return { files: files.sort((a, b) => compareBytes(a.name, b.name)), skipped };
  }
  const { files: _files, ...walkOptions } = options;
  const files = [...walkEntries(dir, walkOptions)]
    .filter((e) => e.type === 'file' && isYamlName(e.name))
    .map((e) => ({ name: e.name, path: e.source }));
  return { files, skipped };
}

/**
 * Every container image, Helm chart and Flux source the YAML under `dir` references, de-duplicated and sorted,
 * with where each was found. Reads files only: nothing is built, templated or run. Files that are not valid
 * YAML are skipped and reported; values that are not references (variables, templates) are reported as unresolved.
 */
export async function findDeployedComponents(dir: string, options: FindDeployedComponentsOptions = {}): Promise<DeployedInventory> {
  const { files, skipped } = await listFiles(dir, options);
  const scan: Scan = { found: [], unresolved: [], containers: new Map(), flux: [], kustomizations: new Map(), files: new Set() };
  // Reads a window of files at once (a file at a time spends most of the time waiting on the thread pool), and
  // scans them in order, so the result does not depend on which read finished first.
  const window = 32;
  for (let start = 0; start < files.length; start += window) {
    const batch = files.slice(start, start + window);
    const reads = await Promise.all(
      batch.map((file) =>
        readFile(file.path, 'utf8').then(
          (content) => ({ content }),
          (error: unknown) => ({ error: error as Error }),
        ),
      ),
    );
    batch.forEach((file, i) => scanFile(scan, skipped, file.name, reads[i] as { content: string } | { error: Error }));
  }
  applyKustomizeImages(scan);
  resolveFlux(scan);
  kustomizeHelmCharts(scan);
  const unresolvedSorted = scan.unresolved.sort(
    (a, b) => compareBytes(a.file, b.file) || a.line - b.line || compareBytes(a.path, b.path) || compareBytes(a.reason, b.reason),
  );
  return {
    components: merge(scan.found),
    skipped: skipped.sort((a, b) => compareBytes(a.file, b.file)),
    unresolved: unresolvedSorted.filter((u, i) => i === 0 || JSON.stringify(u) !== JSON.stringify(unresolvedSorted[i - 1])),
  };
}
