import type { DeployedComponent, DeployedComponentType, FoundAt, FoundVia, UnresolvedReference } from './inventory-types.ts';
import type { MapNode } from './yaml-tree.ts';

// What the scan of a tree has found so far, shared by the passes over it: the files' own references, then kustomize
// `images`, then Flux sources, charts and releases.

export interface DocContext {
  file: string;
  document: number;
  kind?: string;
  name?: string;
  namespace?: string;
}

export interface Found {
  type: DeployedComponentType;
  id: string;
  fields: Omit<DeployedComponent, 'type' | 'id' | 'foundAt'>;
  at: FoundAt;
}

/** An `image` value of a container list item (or a JSON patch on one), as written, for kustomize `images`. */
export interface ContainerImage {
  value: string;
  at: FoundAt;
}

export interface FluxObject {
  group: string;
  kind: string;
  name: string;
  namespace?: string;
  node: MapNode;
  ctx: DocContext;
}

export interface KustomizationFile {
  file: string;
  dir: string;
  node: MapNode;
  ctx: DocContext;
}

export interface Scan {
  found: Found[];
  unresolved: UnresolvedReference[];
  /** Container images per file. */
  containers: Map<string, ContainerImage[]>;
  flux: FluxObject[];
  kustomizations: Map<string, KustomizationFile>;
  files: Set<string>;
}

export function unresolved(scan: Scan, ctx: DocContext, path: string, line: number, value: string, reason: string): void {
  scan.unresolved.push({
    file: ctx.file,
    document: ctx.document,
    ...(ctx.kind ? { kind: ctx.kind } : {}),
    ...(ctx.name ? { name: ctx.name } : {}),
    path,
    line,
    value,
    reason,
  });
}

export function foundAt(ctx: DocContext, path: string, line: number, via: FoundVia): FoundAt {
  const at: FoundAt = { file: ctx.file, document: ctx.document, path, line, via };
  if (ctx.kind) at.kind = ctx.kind;
  if (ctx.name) at.name = ctx.name;
  if (ctx.namespace) at.namespace = ctx.namespace;
  return at;
}
