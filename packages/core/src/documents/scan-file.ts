import { posix } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { oneLineMessage } from '../errors.ts';
import type { SkippedFile } from './inventory-types.ts';
import { addContainer, recordImage, recordImageMap } from './image-references.ts';
import { unresolved, type DocContext, type Scan } from './scan-state.ts';
import { childPath, get, getPath, indexPath, str, toTree, type MapNode, type Node, type ScalarNode, type SeqNode } from './yaml-tree.ts';

// One YAML file's own references: `image` fields, image maps, JSON and inline patches, kustomizations and Flux
// objects, recorded in the scan for the passes that resolve them.

const kustomizationNames = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);
const containerLists = new Set(['containers', 'initContainers', 'ephemeralContainers']);
const imageAutomationGroup = 'image.toolkit.fluxcd.io';
const fluxGroups = ['source.toolkit.fluxcd.io', 'helm.toolkit.fluxcd.io', 'kustomize.toolkit.fluxcd.io'];

function isJsonPatch(node: SeqNode): boolean {
  return node.items.length > 0 && node.items.every((item) => str(get(item, 'op')) !== undefined && str(get(item, 'path')) !== undefined);
}

/** Walks one object for `image` fields, image maps, JSON patches and inline patches. */
function walk(scan: Scan, ctx: DocContext, node: Node, path: string, inContainerList: boolean, lineBase: number): void {
  if (node.t === 'map') {
    for (const [key, value] of node.entries) {
      const here = childPath(path, key);
      if (key === 'image') {
        if (value.t === 'scalar' && typeof value.value === 'string') {
          const image = value.value.trim();
          if (inContainerList && image !== '') addContainer(scan, ctx, image, here, value.line + lineBase, 'container');
          if (image !== '') recordImage(scan, ctx, image, here, value.line + lineBase, inContainerList ? 'container' : 'image-field');
          continue;
        }
        if (value.t === 'map' && recordImageMap(scan, ctx, { ...value, line: value.line + lineBase }, here)) continue;
      }
      if (key === 'patch' && value.t === 'scalar' && typeof value.value === 'string' && value.value.includes('\n')) {
        walkInlinePatch(scan, ctx, value, `${here}#`, lineBase);
        continue;
      }
      walk(scan, ctx, value, here, containerLists.has(key) && value.t === 'seq', lineBase);
    }
  } else if (node.t === 'seq') {
    if (isJsonPatch(node)) {
      node.items.forEach((op, i) => {
        const target = str(get(op, 'path')) ?? '';
        const value = get(op, 'value');
        const opName = str(get(op, 'op'));
        if (
          (opName === 'add' || opName === 'replace') &&
          /\/image$/.test(target) &&
          value?.t === 'scalar' &&
          typeof value.value === 'string'
        ) {
          const here = childPath(indexPath(path, i), 'value');
          const image = value.value.trim();
          if (image !== '' && /\/(containers|initContainers|ephemeralContainers)\/[^/]+\/image$/.test(target))
            addContainer(scan, ctx, image, here, value.line + lineBase, 'json-patch');
          if (image !== '') recordImage(scan, ctx, image, here, value.line + lineBase, 'json-patch');
        } else if (value) {
          // An added container (or list of them), or any value holding its own `image` fields.
          const inList = /\/(containers|initContainers|ephemeralContainers)(\/-|\/[0-9]+)?$/.test(target);
          walk(scan, ctx, value, childPath(indexPath(path, i), 'value'), inList, lineBase);
        }
      });
      return;
    }
    node.items.forEach((item, i) => walk(scan, ctx, item, indexPath(path, i), inContainerList && item.t === 'map', lineBase));
  }
}

/** A `patch: |` string: a strategic-merge patch or JSON 6902 operations, scanned as a nested document. */
function walkInlinePatch(scan: Scan, ctx: DocContext, node: ScalarNode, path: string, lineBase: number): void {
  const lines = new LineCounter();
  const docs = parseAllDocuments(String(node.value), { lineCounter: lines });
  const list = Array.isArray(docs) ? docs : [];
  if (list.some((d) => d.errors.length > 0)) {
    unresolved(
      scan,
      ctx,
      path.slice(0, -1),
      node.line + lineBase,
      String(node.value).split('\n')[0] ?? '',
      'inline patch is not valid YAML',
    );
    return;
  }
  // Inner lines count from the scalar's content: the next line for a block scalar.
  const base = lineBase + node.line - 1 + (node.block ? 1 : 0);
  for (const doc of list) {
    if (doc.contents === null) continue;
    walk(scan, ctx, toTree(doc.contents, doc, lines, 1), path, false, base);
  }
}

function kindOf(node: Node): { apiVersion?: string; group: string; kind?: string; name?: string; namespace?: string } {
  const apiVersion = str(get(node, 'apiVersion'));
  const group = apiVersion?.includes('/') ? (apiVersion.split('/')[0] ?? '') : '';
  return {
    apiVersion,
    group,
    kind: str(get(node, 'kind')),
    name: str(getPath(node, 'metadata', 'name')),
    namespace: str(getPath(node, 'metadata', 'namespace')),
  };
}

function scanObject(scan: Scan, file: string, document: number, node: Node, pathPrefix: string): void {
  const meta = kindOf(node);
  // A List's items are objects of their own.
  const items = get(node, 'items');
  if (meta.kind?.endsWith('List') && items?.t === 'seq') {
    items.items.forEach((item, i) => scanObject(scan, file, document, item, indexPath(childPath(pathPrefix, 'items'), i)));
    return;
  }
  const ctx: DocContext = { file, document };
  if (meta.kind) ctx.kind = meta.kind;
  if (meta.name) ctx.name = meta.name;
  if (meta.namespace) ctx.namespace = meta.namespace;
  // A CRD's schema describes `image` fields, it sets none; ImageRepositories name images to scan, not to deploy.
  if (meta.kind === 'CustomResourceDefinition' || meta.group === imageAutomationGroup) return;
  walk(scan, ctx, node, pathPrefix, false, 0);
  if (node.t === 'map' && meta.kind && meta.name && fluxGroups.includes(meta.group)) {
    scan.flux.push({
      group: meta.group,
      kind: meta.kind,
      name: meta.name,
      ...(meta.namespace ? { namespace: meta.namespace } : {}),
      node,
      ctx,
    });
  }
}

export function scanFile(scan: Scan, skipped: SkippedFile[], file: string, read: { content: string } | { error: Error }): void {
  if ('error' in read) {
    skipped.push({ file, reason: `cannot read: ${read.error.message}` });
    return;
  }
  const content = read.content;
  const lines = new LineCounter();
  const parsed = parseAllDocuments(content, { lineCounter: lines });
  const docs = Array.isArray(parsed) ? parsed : [];
  const broken = docs.find((d) => d.errors.length > 0);
  if (broken) {
    skipped.push({
      file,
      reason: `not valid YAML: ${broken.errors[0] ? oneLineMessage(broken.errors[0], { firstLine: true }) : 'parse error'}`,
    });
    return;
  }
  scan.files.add(file);
  docs.forEach((doc, index) => {
    if (doc.contents === null) return;
    const node = toTree(doc.contents, doc, lines, 1);
    const isKustomization = kustomizationNames.has(posix.basename(file)) && index === 0 && node.t === 'map' && isKustomizeConfig(node);
    if (isKustomization) {
      const ctx: DocContext = { file, document: index, kind: str(get(node, 'kind')) ?? 'Kustomization' };
      scan.kustomizations.set(posix.dirname(file), { file, dir: posix.dirname(file), node, ctx });
      walk(scan, ctx, node, '', false, 0);
      scanKustomizationStrings(scan, ctx, node);
      return;
    }
    scanObject(scan, file, index, node, '');
  });
}

function isKustomizeConfig(node: MapNode): boolean {
  const apiVersion = str(get(node, 'apiVersion'));
  const kind = str(get(node, 'kind'));
  return (
    (apiVersion === undefined || apiVersion.startsWith('kustomize.config.k8s.io/')) &&
    (kind === undefined || kind === 'Kustomization' || kind === 'Component')
  );
}

/** `patchesStrategicMerge` entries written inline. */
function scanKustomizationStrings(scan: Scan, ctx: DocContext, node: MapNode): void {
  const smp = get(node, 'patchesStrategicMerge');
  if (smp?.t !== 'seq') return;
  smp.items.forEach((item, i) => {
    if (item.t === 'scalar' && typeof item.value === 'string' && item.value.includes('\n'))
      walkInlinePatch(scan, ctx, item, `${indexPath('patchesStrategicMerge', i)}#`, 0);
  });
}
