import { readFile } from 'node:fs/promises';
import { basename, join, posix } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, Scalar, type Document } from 'yaml';
import { compareBytes } from '../oci/order.ts';
import { parseDigest } from '../oci/digest.ts';
import { formatReference, parseReference, repositoryName, type Reference } from '../oci/reference.ts';
import { walkEntries, type WalkOptions } from '../artifact/walk.ts';

// What a configuration artifact deploys, read from its YAML alone: container images, Helm charts and Flux
// sources, each with every place it was found. Nothing is executed (no kustomize build, no helm template), so
// what charts render from their own defaults, and what variables substitute at deploy time, stay unknown.

/** `image`: a container image; `chart`: a Helm chart; `source`: a Flux source that is not a chart (Git, bucket, OCI, Helm repository). */
export type DeployedComponentType = 'image' | 'chart' | 'source';

/**
 * How a reference was found:
 * - `container`: `image` of an item of `containers`, `initContainers` or `ephemeralContainers` (any Pod spec);
 * - `image-field`: any other `image` string, such as one in HelmRelease values;
 * - `image-map`: an `image: {registry, repository, tag, digest}` map as Helm charts take them;
 * - `json-patch`: the value of a JSON 6902 patch operation on a path ending in `/image`;
 * - `kustomize-images`: a kustomize `images` entry applied to an image of that kustomization's resources
 *   (`appliedTo` tells which);
 * - `images-override`: an `images` entry recorded as it stands because it could not be applied: a Flux
 *   Kustomization's or a HelmRelease post-renderer's, or a kustomization's whose resources are not all local;
 * - `flux-source`: a Flux source object (OCIRepository, HelmRepository, GitRepository, Bucket);
 * - `helm-release`, `helm-chart`: a HelmRelease's chart (`spec.chart` or `spec.chartRef`), a HelmChart object;
 * - `kustomize-helm-chart`: an entry of a kustomization's `helmCharts`.
 */
export type FoundVia =
  | 'container'
  | 'image-field'
  | 'image-map'
  | 'json-patch'
  | 'kustomize-images'
  | 'images-override'
  | 'flux-source'
  | 'helm-release'
  | 'helm-chart'
  | 'kustomize-helm-chart';

/** One place a reference was found. */
export interface FoundAt {
  /** Path relative to the directory, with `/`. */
  file: string;
  /** Index of the YAML document in the file, from 0. */
  document: number;
  /** `kind` and `metadata.name` of the object (for a `List`, of the item). */
  kind?: string;
  name?: string;
  namespace?: string;
  /** Field path in the object, e.g. `spec.template.spec.containers[0].image`; `#` enters an inline patch. */
  path: string;
  /** 1-based line in the file. */
  line: number;
  via: FoundVia;
  /** For `kustomize-images`: the image as written before the override, and where that was found. */
  appliedTo?: { image: string; file: string; path: string; line: number };
}

/** An image, chart or source the manifests reference, with every place it was found. */
export interface DeployedComponent {
  type: DeployedComponentType;
  /**
   * Identity, unique per type: `registry/repository[:tag][@digest]` for OCI content (`?semver=` added for a
   * semver range), `url#chart@version` for a chart of an HTTP repository, the URL (and ref) for other sources.
   */
  id: string;
  /** `registry/repository` for OCI content, the chart name for other charts, the URL for other sources. */
  name: string;
  /** An exact version: the tag, the chart version (or an exact semver), the Git reference. */
  version?: string;
  /** A version range (Flux `semver`, a HelmRelease chart version range), when one chooses the version. */
  versionConstraint?: string;
  /** The pinned digest (`@sha256:…`, `ref.digest`, kustomize `digest`). */
  digest?: string;
  /** For content in an OCI registry: canonical registry (Docker Hub as `docker.io`), repository and tag. */
  registry?: string;
  repository?: string;
  tag?: string;
  /** Chart repository or source URL (`oci://…`, `https://…`, `ssh://…`, `s3://endpoint/bucket`). */
  url?: string;
  /** For a chart: its name, or its path in a Git repository or bucket. */
  chart?: string;
  /** The Flux source kind it comes from, when known. */
  sourceKind?: 'OCIRepository' | 'HelmRepository' | 'GitRepository' | 'Bucket';
  /** For a chart whose source is not in the tree: the source reference as written, `Kind/[namespace/]name`. */
  sourceRef?: string;
  /** Package URL (see `ociPackageUrl`, `helmPackageUrl`, `gitPackageUrl`); none for buckets and Helm repositories. */
  purl?: string;
  foundAt: FoundAt[];
}

/** Something that looks like a reference but could not be read as one (a variable, a template, a missing source). */
export interface UnresolvedReference {
  file: string;
  document: number;
  kind?: string;
  name?: string;
  path: string;
  line: number;
  value: string;
  reason: string;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface DeployedInventory {
  /** Sorted by type, then id (byte-wise). */
  components: DeployedComponent[];
  /** Files that could not be read or parsed, sorted. */
  skipped: SkippedFile[];
  /** Sorted by file, line, path. */
  unresolved: UnresolvedReference[];
}

export interface FindDeployedComponentsOptions extends WalkOptions {
  /**
   * Exactly these files, relative to the directory (e.g. what the artifact packs). Files other than `*.yaml`,
   * `*.yml` and `Kustomization` are ignored. Without it, the directory is walked as the artifact is (same ignores).
   */
  files?: readonly string[];
}

const kustomizationNames = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);
const isYamlName = (name: string): boolean => /\.ya?ml$/i.test(name) || basename(name) === 'Kustomization';

// ---------------------------------------------------------------------------------------------------------------
// Package URLs (purl-spec: percent-encode all but A–Z a–z 0–9 . - _ ~ and ':'; qualifiers sorted by key).

function purlEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/%3A/gi, ':')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function packageUrl(
  type: string,
  path: readonly string[],
  version: string | undefined,
  qualifiers: Record<string, string | undefined>,
  subpath?: string,
): string {
  let purl = `pkg:${type}/${path.map(purlEncode).join('/')}`;
  if (version) purl += `@${purlEncode(version)}`;
  const pairs = Object.entries(qualifiers)
    .filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== '')
    .map(([key, value]) => `${key}=${purlEncode(value)}`)
    .sort(compareBytes);
  if (pairs.length) purl += `?${pairs.join('&')}`;
  const segments = (subpath ?? '').split('/').filter((s) => s !== '' && s !== '.' && s !== '..');
  if (segments.length) purl += `#${segments.map(purlEncode).join('/')}`;
  return purl;
}

/**
 * `pkg:oci/<name>[@<digest>]?repository_url=<registry/repository>[&tag=<tag>]`, the registered purl type for
 * anything in an OCI registry (images and OCI Helm charts alike): the name is the last path element, the
 * version only ever a digest, the tag a qualifier.
 */
export function ociPackageUrl(ref: Reference): string {
  const name = (ref.repository.split('/').pop() ?? ref.repository).toLowerCase();
  return packageUrl('oci', [name], ref.digest, { repository_url: repositoryName(ref), tag: ref.tag });
}

/** `pkg:helm/<chart>[@<version>][?repository_url=<url>]`, the proposed `helm` type (purl-spec #236) for charts of HTTP repositories. */
export function helmPackageUrl(chart: string, version?: string, repositoryUrl?: string): string {
  return packageUrl('helm', [chart], version, { repository_url: repositoryUrl });
}

/** `pkg:github/<owner>/<repo>@<ref>` for GitHub, else `pkg:git/<host>/<path>@<ref>`; `subpath` for a chart's path. */
export function gitPackageUrl(url: string, ref?: string, subpath?: string): string | undefined {
  const location = gitLocation(url);
  if (!location) return undefined;
  const { host, path } = location;
  if (host === 'github.com' && path.length === 2)
    return packageUrl(
      'github',
      path.map((p) => p.toLowerCase()),
      ref,
      {},
      subpath,
    );
  return packageUrl('git', [host, ...path], ref, {}, subpath);
}

function gitLocation(url: string): { host: string; path: string[] } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!['http:', 'https:', 'ssh:', 'git:'].includes(parsed.protocol) || parsed.hostname === '') return undefined;
  const path = decodeURIComponent(parsed.pathname)
    .replace(/\.git\/?$/, '')
    .split('/')
    .filter((s) => s !== '');
  if (path.length === 0) return undefined;
  return { host: parsed.host.toLowerCase(), path };
}

// ---------------------------------------------------------------------------------------------------------------
// YAML, read into a small tree that keeps lines and scalars as written (`tag: 1.10` stays "1.10").

type Node = MapNode | SeqNode | ScalarNode;
interface MapNode {
  t: 'map';
  line: number;
  entries: [string, Node][];
}
interface SeqNode {
  t: 'seq';
  line: number;
  items: Node[];
}
interface ScalarNode {
  t: 'scalar';
  line: number;
  value: unknown;
  /** The value as a string: strings as they are, other scalars as written. */
  text: string;
  /** A `|` or `>` block scalar: its content starts on the next line. */
  block: boolean;
}

function toTree(node: unknown, doc: Document, lines: LineCounter | undefined, fallbackLine: number, depth = 0): Node {
  const lineOf = (n: { range?: [number, number, number] | null }): number =>
    n.range && lines ? lines.linePos(n.range[0]).line : fallbackLine;
  if (depth > 200) return { t: 'scalar', line: fallbackLine, value: null, text: '', block: false };
  if (isAlias(node)) return toTree(node.resolve(doc), doc, lines, lineOf(node), depth + 1);
  if (isMap(node)) {
    const line = lineOf(node);
    const entries: [string, Node][] = [];
    for (const pair of node.items) {
      // A complex key (a map or list as a key) matches no field d2ci reads.
      const key = isScalar(pair.key) ? scalarText(pair.key) : '';
      const keyLine = isScalar(pair.key) ? lineOf(pair.key) : line;
      const value = toTree(pair.value, doc, lines, keyLine, depth + 1);
      // A block map or list under a key is found at the key's line.
      if (value.t !== 'scalar') value.line = keyLine;
      entries.push([key, value]);
    }
    return { t: 'map', line, entries };
  }
  if (isSeq(node)) {
    const line = lineOf(node);
    return { t: 'seq', line, items: node.items.map((item) => toTree(item, doc, lines, line, depth + 1)) };
  }
  if (isScalar(node)) {
    return {
      t: 'scalar',
      line: lineOf(node),
      value: node.value,
      text: scalarText(node),
      block: node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED,
    };
  }
  return { t: 'scalar', line: fallbackLine, value: null, text: '', block: false };
}

function scalarText(node: Scalar): string {
  if (typeof node.value === 'string') return node.value;
  if (node.value === null || node.value === undefined) return '';
  const value: unknown = node.value;
  return node.source ?? (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '');
}

function get(node: Node | undefined, key: string): Node | undefined {
  if (node?.t !== 'map') return undefined;
  for (const [k, v] of node.entries) if (k === key) return v;
  return undefined;
}

function getPath(node: Node | undefined, ...keys: string[]): Node | undefined {
  let current = node;
  for (const key of keys) current = get(current, key);
  return current;
}

/** A string scalar's value (not numbers or booleans), trimmed; undefined when absent or empty. */
function str(node: Node | undefined): string | undefined {
  if (node?.t !== 'scalar' || typeof node.value !== 'string') return undefined;
  const value = node.value.trim();
  return value === '' ? undefined : value;
}

/** A scalar as written, strings and numbers alike (`tag: 1.10`, `version: 2`). */
function text(node: Node | undefined): string | undefined {
  if (node?.t !== 'scalar' || node.value === null || typeof node.value === 'boolean') return undefined;
  const value = node.text.trim();
  return value === '' ? undefined : value;
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
const childPath = (path: string, key: string): string => {
  if (!identifier.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' || path.endsWith('#') ? `${path}${key}` : `${path}.${key}`;
};
const indexPath = (path: string, index: number): string => `${path}[${index}]`;

// ---------------------------------------------------------------------------------------------------------------
// Scanning

interface DocContext {
  file: string;
  document: number;
  kind?: string;
  name?: string;
  namespace?: string;
}

interface Found {
  type: DeployedComponentType;
  id: string;
  fields: Omit<DeployedComponent, 'type' | 'id' | 'foundAt'>;
  at: FoundAt;
}

/** An `image` value of a container list item (or a JSON patch on one), as written, for kustomize `images`. */
interface ContainerImage {
  value: string;
  at: FoundAt;
}

interface FluxObject {
  group: string;
  kind: string;
  name: string;
  namespace?: string;
  node: MapNode;
  ctx: DocContext;
}

interface KustomizationFile {
  file: string;
  dir: string;
  node: MapNode;
  ctx: DocContext;
}

interface Scan {
  found: Found[];
  unresolved: UnresolvedReference[];
  /** Container images per file. */
  containers: Map<string, ContainerImage[]>;
  flux: FluxObject[];
  kustomizations: Map<string, KustomizationFile>;
  files: Set<string>;
}

const containerLists = new Set(['containers', 'initContainers', 'ephemeralContainers']);
const imageAutomationGroup = 'image.toolkit.fluxcd.io';
const fluxGroups = ['source.toolkit.fluxcd.io', 'helm.toolkit.fluxcd.io', 'kustomize.toolkit.fluxcd.io'];

function unresolved(scan: Scan, ctx: DocContext, path: string, line: number, value: string, reason: string): void {
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

function foundAt(ctx: DocContext, path: string, line: number, via: FoundVia): FoundAt {
  const at: FoundAt = { file: ctx.file, document: ctx.document, path, line, via };
  if (ctx.kind) at.kind = ctx.kind;
  if (ctx.name) at.name = ctx.name;
  if (ctx.namespace) at.namespace = ctx.namespace;
  return at;
}

/** Why an image string is not a reference, or undefined when it is one. */
function imageProblem(value: string): string | undefined {
  if (/\$\{[^}]*\}|\$[A-Za-z_]/.test(value))
    return 'contains a variable (substituted at deploy time, e.g. by Flux post-build substitution)';
  if (/\{\{|\}\}/.test(value)) return 'contains a template expression';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return 'is a URL, not an image reference';
  try {
    parseReference(value);
    return undefined;
  } catch (err) {
    return (err as Error).message.replace(/^invalid reference "[^"]*": /, 'is not a valid image reference: ');
  }
}

function imageFound(ref: Reference, at: FoundAt): Found {
  const fields: Found['fields'] = {
    name: repositoryName(ref),
    registry: ref.registry,
    repository: ref.repository,
    purl: ociPackageUrl(ref),
  };
  if (ref.tag) fields.version = fields.tag = ref.tag;
  if (ref.digest) fields.digest = ref.digest;
  return { type: 'image', id: formatReference(ref), fields, at };
}

function recordImage(scan: Scan, ctx: DocContext, value: string, path: string, line: number, via: FoundVia): void {
  const problem = imageProblem(value);
  if (problem) {
    unresolved(scan, ctx, path, line, value, `image ${problem}`);
    return;
  }
  scan.found.push(imageFound(parseReference(value), foundAt(ctx, path, line, via)));
}

/** `image: {registry, repository, tag, digest}`; true when the map was one (a reference or not). */
function recordImageMap(scan: Scan, ctx: DocContext, node: MapNode, path: string): boolean {
  const repository = str(get(node, 'repository'));
  const registry = str(get(node, 'registry'));
  const tag = text(get(node, 'tag'));
  const digest = str(get(node, 'digest'));
  if (!repository) {
    if (tag || digest)
      unresolved(
        scan,
        ctx,
        path,
        node.line,
        [tag && `tag ${tag}`, digest && `digest ${digest}`].filter(Boolean).join(', '),
        'image map without a repository: it overrides the tag or digest of the image the chart chooses',
      );
    return tag !== undefined || digest !== undefined;
  }
  const value = `${registry ? `${registry.replace(/\/+$/, '')}/` : ''}${repository}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
  const problem = imageProblem(value);
  if (problem) {
    unresolved(scan, ctx, path, node.line, value, `image map ${problem}`);
    return true;
  }
  const ref = parseReference(value);
  if ((tag && ref.tag !== tag) || (digest && ref.digest !== digest)) {
    unresolved(scan, ctx, path, node.line, value, 'image map repository already holds a tag or digest');
    return true;
  }
  scan.found.push(imageFound(ref, foundAt(ctx, path, node.line, 'image-map')));
  return true;
}

function addContainer(scan: Scan, ctx: DocContext, value: string, path: string, line: number, via: FoundVia): void {
  const list = scan.containers.get(ctx.file) ?? [];
  list.push({ value, at: foundAt(ctx, path, line, via) });
  scan.containers.set(ctx.file, list);
}

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

function scanFile(scan: Scan, skipped: SkippedFile[], file: string, read: { content: string } | { error: Error }): void {
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
    skipped.push({ file, reason: `not valid YAML: ${(broken.errors[0]?.message ?? 'parse error').split('\n')[0]}` });
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

// ---------------------------------------------------------------------------------------------------------------
// kustomize `images`

interface ImageOverride {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  index: number;
  line: number;
}

function readOverrides(scan: Scan, ctx: DocContext, node: Node | undefined, path: string): ImageOverride[] {
  if (node?.t !== 'seq') return [];
  const overrides: ImageOverride[] = [];
  node.items.forEach((item, index) => {
    const name = str(get(item, 'name'));
    if (!name) {
      unresolved(scan, ctx, indexPath(path, index), item.line, '', 'images entry without a name');
      return;
    }
    const o: ImageOverride = { name, index, line: item.line };
    const newName = str(get(item, 'newName'));
    const newTag = text(get(item, 'newTag'));
    const digest = str(get(item, 'digest'));
    if (newName) o.newName = newName;
    if (newTag) o.newTag = newTag;
    if (digest) o.digest = digest;
    overrides.push(o);
  });
  return overrides;
}

/** kustomize's image.Split: name, tag and digest of an image string, whatever it holds. */
function splitImage(value: string): { name: string; tag: string; digest: string } {
  let rest = value;
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.indexOf('/');
  const colon = rest.slice(Math.max(slash, 0)).lastIndexOf(':');
  if (colon < 0) return { name: rest, tag: '', digest };
  const i = Math.max(slash, 0) + colon;
  return { name: rest.slice(0, i), tag: rest.slice(i + 1), digest };
}

/** The image an override makes of `value` (kustomize imagetag updater), or undefined when it does not match. */
function applyOverride(value: string, o: ImageOverride): string | undefined {
  const parts = splitImage(value);
  if (parts.name !== o.name || !/^[a-zA-Z0-9_.{}-]*$/.test(parts.tag)) return undefined;
  let { name, tag, digest } = parts;
  if (o.newName) name = o.newName;
  if (o.newTag && o.digest) {
    tag = o.newTag;
    digest = o.digest;
  } else if (o.newTag) {
    tag = o.newTag;
    digest = '';
  } else if (o.digest) {
    tag = '';
    digest = o.digest;
  }
  return `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}

/** An override as it stands, when nothing it applies to can be seen. */
function standingOverride(o: ImageOverride): string | undefined {
  if (!o.newName && !o.newTag && !o.digest) return undefined;
  return `${o.newName ?? o.name}${o.newTag ? `:${o.newTag}` : ''}${o.digest ? `@${o.digest}` : ''}`;
}

function recordStandingOverrides(scan: Scan, ctx: DocContext, overrides: ImageOverride[], path: string): void {
  for (const o of overrides) {
    const value = standingOverride(o);
    if (value === undefined) continue;
    const here = indexPath(path, o.index);
    const problem = imageProblem(value);
    if (problem) unresolved(scan, ctx, here, o.line, value, `images override ${problem}`);
    else scan.found.push(imageFound(parseReference(value), foundAt(ctx, here, o.line, 'images-override')));
  }
}

const isRemote = (entry: string): boolean =>
  /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) ||
  /^git@/.test(entry) ||
  /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(entry) ||
  entry.includes('?ref=');

/**
 * What each kustomization makes of the container images of its resources, components and patches: kustomize's
 * `images` applied in order (each entry to the output of the previous, overlays to their bases' output, a
 * Component's to what the kustomization including it has accumulated). Purely from the files: resources that are
 * remote or not in the tree make the kustomization incomplete, and its entries that match nothing are then
 * recorded as they stand. Patches are not applied: an image a patch replaces is kept as well as the patch's.
 */
function applyKustomizeImages(scan: Scan): void {
  const outputs = new Map<string, { images: ContainerImage[]; complete: boolean }>();
  const building = new Set<string>();
  const usedComponents = new Set<string>();
  const isComponent = (k: KustomizationFile): boolean => str(get(k.node, 'kind')) === 'Component';

  const resolve = (dir: string, entry: string): string | undefined => {
    const path = posix.normalize(posix.join(dir, entry)).replace(/\/$/, '');
    return path.startsWith('../') || path === '..' ? undefined : path;
  };

  /** `incoming`: for a Component, the images of the kustomization including it, which its transformers see too. */
  const run = (k: KustomizationFile, incoming: ContainerImage[] | undefined): { images: ContainerImage[]; complete: boolean } => {
    const dir = k.dir;
    let complete = true;
    let inputs: ContainerImage[] = [...(incoming ?? [])];
    // A resource's own containers (an inline patch string in it is not a container kustomize sees).
    const addFile = (file: string, patches = false): void => {
      inputs.push(...(scan.containers.get(file) ?? []).filter((c) => patches || !c.at.path.includes('#')));
    };
    const addEntry = (entry: string, component: boolean): void => {
      const path = isRemote(entry) ? undefined : resolve(dir, entry);
      const sub = path === undefined ? undefined : scan.kustomizations.get(path);
      if (path !== undefined && scan.files.has(path) && !component) {
        addFile(path);
      } else if (sub && component && isComponent(sub)) {
        usedComponents.add(sub.dir);
        const out = building.has(sub.dir) ? { images: inputs, complete: false } : run(sub, inputs);
        inputs = out.images;
        complete &&= out.complete;
      } else if (sub && !component) {
        const out = build(sub);
        inputs.push(...out.images);
        complete &&= out.complete;
      } else {
        // Remote, outside the tree, a directory without a kustomization, or a file that is not here (not packed,
        // not YAML, unparsable).
        complete = false;
      }
    };
    building.add(dir);
    for (const key of ['resources', 'bases', 'components']) {
      const list = get(k.node, key);
      if (list?.t === 'seq')
        for (const item of list.items)
          if (item.t === 'scalar' && typeof item.value === 'string') addEntry(item.value.trim(), key === 'components');
    }
    building.delete(dir);
    // Patch files, and patches written inline in the kustomization itself.
    const patchFile = (entry: string | undefined): void => {
      if (!entry) return;
      const path = resolve(dir, entry);
      if (path !== undefined && scan.files.has(path)) addFile(path, true);
      else complete = false;
    };
    for (const key of ['patches', 'patchesJson6902']) {
      const list = get(k.node, key);
      if (list?.t === 'seq') for (const item of list.items) patchFile(str(get(item, 'path')));
    }
    const smp = get(k.node, 'patchesStrategicMerge');
    if (smp?.t === 'seq')
      for (const item of smp.items)
        if (item.t === 'scalar' && typeof item.value === 'string' && !item.value.includes('\n')) patchFile(item.value.trim());
    inputs.push(...(scan.containers.get(k.file) ?? []).filter((c) => c.at.path.includes('#')));

    const overrides = readOverrides(scan, k.ctx, get(k.node, 'images'), 'images');
    let current = inputs;
    for (const o of overrides) {
      let matched = false;
      current = current.map((image) => {
        const value = applyOverride(image.value, o);
        if (value === undefined) return image;
        matched = true;
        const at: FoundAt = {
          ...foundAt(k.ctx, indexPath('images', o.index), o.line, 'kustomize-images'),
          appliedTo: { image: image.value, file: image.at.file, path: image.at.path, line: image.at.line },
        };
        const problem = imageProblem(value);
        if (problem) unresolved(scan, k.ctx, at.path, o.line, value, `images override ${problem}`);
        else scan.found.push(imageFound(parseReference(value), at));
        return { value, at };
      });
      if (!matched) {
        if (complete)
          unresolved(
            scan,
            k.ctx,
            indexPath('images', o.index),
            o.line,
            o.name,
            "images entry matches no container image of this kustomization's resources",
          );
        else recordStandingOverrides(scan, k.ctx, [o], 'images');
      }
    }
    return { images: current, complete };
  };

  const build = (k: KustomizationFile): { images: ContainerImage[]; complete: boolean } => {
    const done = outputs.get(k.dir);
    if (done) return done;
    if (building.has(k.dir)) return { images: [], complete: false };
    const out = run(k, undefined);
    outputs.set(k.dir, out);
    return out;
  };

  const all = [...scan.kustomizations.values()].sort((a, b) => compareBytes(a.dir, b.dir));
  for (const k of all) if (!isComponent(k)) build(k);
  // A Component no kustomization here includes: what it applies to is unknown, so its entries stand as written.
  for (const k of all)
    if (isComponent(k) && !usedComponents.has(k.dir))
      recordStandingOverrides(scan, k.ctx, readOverrides(scan, k.ctx, get(k.node, 'images'), 'images'), 'images');
}

// ---------------------------------------------------------------------------------------------------------------
// Flux sources, charts and releases

const exactSemver = /^=?\s*(v?[0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;

/** An exact version from a semver constraint (`6.14.0`, `=6.14.0`), else undefined. */
function exactVersion(constraint: string): string | undefined {
  return exactSemver.exec(constraint.trim())?.[1];
}

interface SourceRef {
  kind: string;
  name: string;
  namespace?: string;
}

function readSourceRef(node: Node | undefined): SourceRef | undefined {
  const kind = str(get(node, 'kind'));
  const name = str(get(node, 'name'));
  if (!kind || !name) return undefined;
  const namespace = str(get(node, 'namespace'));
  return { kind, name, ...(namespace ? { namespace } : {}) };
}

const formatSourceRef = (ref: SourceRef): string => `${ref.kind}/${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;

function commonPrefix(a: string, b: string): number {
  const x = posix.dirname(a).split('/');
  const y = posix.dirname(b).split('/');
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/**
 * The objects a reference names: same kind and name, same namespace when both say; nearest first (same file,
 * then the longest shared directory), and every one of the nearest when several are equally near.
 */
function lookup(objects: FluxObject[], ref: SourceRef, from: FluxObject): FluxObject[] {
  const namespace = ref.namespace ?? from.namespace;
  const candidates = objects.filter(
    (o) => o.kind === ref.kind && o.name === ref.name && (!namespace || !o.namespace || o.namespace === namespace),
  );
  if (candidates.length <= 1) return candidates;
  const score = (o: FluxObject): number => (o.ctx.file === from.ctx.file ? 10_000 : commonPrefix(o.ctx.file, from.ctx.file));
  const best = Math.max(...candidates.map(score));
  return candidates.filter((o) => score(o) === best);
}

interface OciSource {
  ref: Reference;
  url: string;
  tag?: string;
  digest?: string;
  semver?: string;
  helmMediaType: boolean;
}

function readOciRepository(scan: Scan, o: FluxObject): OciSource | undefined {
  const urlNode = getPath(o.node, 'spec', 'url');
  const url = str(urlNode);
  if (!url) {
    unresolved(scan, o.ctx, 'spec.url', o.node.line, '', 'OCIRepository without spec.url (a patch?)');
    return undefined;
  }
  const problem = /\$\{/.test(url) ? 'contains a variable' : !url.startsWith('oci://') ? 'is not an oci:// URL' : undefined;
  let ref: Reference | undefined;
  try {
    if (!problem) ref = parseReference(url);
  } catch (err) {
    unresolved(scan, o.ctx, 'spec.url', urlNode?.line ?? o.node.line, url, `OCIRepository URL ${(err as Error).message}`);
    return undefined;
  }
  if (problem || !ref || ref.tag || ref.digest) {
    unresolved(
      scan,
      o.ctx,
      'spec.url',
      urlNode?.line ?? o.node.line,
      url,
      `OCIRepository URL ${problem ?? 'must name a repository, without tag or digest'}`,
    );
    return undefined;
  }
  const refNode = getPath(o.node, 'spec', 'ref');
  const source: OciSource = {
    ref: { registry: ref.registry, repository: ref.repository },
    url,
    helmMediaType: /helm\.chart/.test(str(getPath(o.node, 'spec', 'layerSelector', 'mediaType')) ?? ''),
  };
  const digest = str(get(refNode, 'digest'));
  const semver = text(get(refNode, 'semver'));
  const tag = text(get(refNode, 'tag'));
  if (digest) {
    try {
      parseDigest(digest);
      source.digest = digest;
    } catch (err) {
      unresolved(scan, o.ctx, 'spec.ref.digest', get(refNode, 'digest')?.line ?? o.node.line, digest, (err as Error).message);
    }
  }
  // Flux's precedence: digest, then semver, then tag; no ref at all means `latest`.
  if (semver) source.semver = semver;
  else if (tag) source.tag = tag;
  else if (!digest) source.tag = 'latest';
  return source;
}

function ociComponent(source: OciSource, type: DeployedComponentType, at: FoundAt, extra: Partial<Found['fields']> = {}): Found {
  const ref: Reference = { ...source.ref };
  if (source.tag) ref.tag = source.tag;
  if (source.digest) ref.digest = source.digest;
  const fields: Found['fields'] = {
    name: repositoryName(ref),
    registry: ref.registry,
    repository: ref.repository,
    url: `oci://${repositoryName(ref)}`,
    purl: ociPackageUrl(ref),
    ...extra,
  };
  if (source.tag) fields.version = fields.tag = source.tag;
  if (source.digest) fields.digest = source.digest;
  let id = formatReference(ref);
  if (source.semver) {
    fields.versionConstraint = source.semver;
    const exact = exactVersion(source.semver);
    if (exact) fields.version = exact;
    id += `?semver=${source.semver}`;
  }
  return { type, id, fields, at };
}

interface HelmRepositorySource {
  url: string;
  oci: boolean;
}

function readHelmRepository(scan: Scan, o: FluxObject): HelmRepositorySource | undefined {
  const urlNode = getPath(o.node, 'spec', 'url');
  const url = str(urlNode)?.replace(/\/+$/, '');
  if (!url) {
    unresolved(scan, o.ctx, 'spec.url', o.node.line, '', 'HelmRepository without spec.url (a patch?)');
    return undefined;
  }
  return { url, oci: str(getPath(o.node, 'spec', 'type')) === 'oci' || url.startsWith('oci://') };
}

interface GitSource {
  url: string;
  version?: string;
  semver?: string;
  /** A commit or tag, fit for a purl version. */
  pin?: string;
}

function readGitRepository(o: FluxObject): GitSource | undefined {
  const url = str(getPath(o.node, 'spec', 'url'));
  if (!url) return undefined;
  const ref = getPath(o.node, 'spec', 'ref');
  const commit = str(get(ref, 'commit'));
  const name = str(get(ref, 'name'));
  const semver = text(get(ref, 'semver'));
  const tag = text(get(ref, 'tag'));
  const branch = str(get(ref, 'branch'));
  // Flux's precedence: commit, name, semver, tag, branch.
  const source: GitSource = { url };
  if (commit) source.version = source.pin = commit;
  else if (name) source.version = name;
  else if (semver) source.semver = semver;
  else if (tag) source.version = source.pin = tag;
  else if (branch) source.version = branch;
  return source;
}

function gitComponent(source: GitSource, at: FoundAt): Found {
  const fields: Found['fields'] = { name: source.url, url: source.url, sourceKind: 'GitRepository' };
  if (source.version) fields.version = source.version;
  if (source.semver) fields.versionConstraint = source.semver;
  const purl = gitPackageUrl(source.url, source.pin);
  if (purl) fields.purl = purl;
  const id = `${source.url}${source.version ? `@${source.version}` : ''}${source.semver ? `?semver=${source.semver}` : ''}`;
  return { type: 'source', id, fields, at };
}

interface BucketSource {
  url: string;
  bucket: string;
}

function readBucket(o: FluxObject): BucketSource | undefined {
  const bucket = str(getPath(o.node, 'spec', 'bucketName'));
  const endpoint = str(getPath(o.node, 'spec', 'endpoint'));
  if (!bucket || !endpoint) return undefined;
  const provider = str(getPath(o.node, 'spec', 'provider')) ?? 'generic';
  const scheme = provider === 'gcp' ? 'gs' : provider === 'azure' ? 'azblob' : 's3';
  return { bucket, url: `${scheme}://${endpoint.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '')}/${bucket}` };
}

/** A chart named in a HelmRelease, HelmChart or kustomize `helmCharts`, from the source it resolves to. */
function chartFound(
  scan: Scan,
  chart: string,
  version: string | undefined,
  source: { helm?: HelmRepositorySource; git?: GitSource; bucket?: BucketSource; ref?: SourceRef },
  at: FoundAt,
): Found | undefined {
  const exact = version ? exactVersion(version) : undefined;
  const constraint = version && !exact ? version : undefined;
  const versionFields = (): Partial<Found['fields']> => ({
    ...(exact ? { version: exact } : {}),
    ...(constraint ? { versionConstraint: constraint } : {}),
  });
  if (source.helm?.oci) {
    const base = source.helm.url.replace(/^oci:\/\//, '');
    let ref: Reference;
    try {
      // Helm pushes a chart version as the tag, with `+` as `_`.
      ref = parseReference(`${base}/${chart}${exact ? `:${exact.replace(/\+/g, '_')}` : ''}`);
    } catch (err) {
      unresolved(
        scan,
        { file: at.file, document: at.document, ...(at.kind ? { kind: at.kind } : {}), ...(at.name ? { name: at.name } : {}) },
        at.path,
        at.line,
        `${source.helm.url}/${chart}`,
        (err as Error).message,
      );
      return undefined;
    }
    const oci: OciSource = { ref: { registry: ref.registry, repository: ref.repository }, url: source.helm.url, helmMediaType: true };
    if (ref.tag) oci.tag = ref.tag;
    if (constraint) oci.semver = constraint;
    const found = ociComponent(oci, 'chart', at, { chart, sourceKind: 'HelmRepository' });
    if (exact) found.fields.version = exact;
    return found;
  }
  if (source.helm) {
    const fields: Found['fields'] = {
      name: chart,
      chart,
      url: source.helm.url,
      sourceKind: 'HelmRepository',
      purl: helmPackageUrl(chart, exact, source.helm.url),
      ...versionFields(),
    };
    return {
      type: 'chart',
      id: `${source.helm.url}#${chart}${exact ? `@${exact}` : ''}${constraint ? `?version=${constraint}` : ''}`,
      fields,
      at,
    };
  }
  if (source.git || source.bucket) {
    const path = posix.normalize(chart).replace(/^\.\//, '').replace(/\/$/, '');
    const url = source.git?.url ?? source.bucket?.url ?? '';
    const fields: Found['fields'] = { name: path, chart: path, url, sourceKind: source.git ? 'GitRepository' : 'Bucket' };
    if (source.git?.version) fields.version = source.git.version;
    if (source.git?.semver) fields.versionConstraint = source.git.semver;
    const purl = source.git ? gitPackageUrl(source.git.url, source.git.pin, path) : undefined;
    if (purl) fields.purl = purl;
    return { type: 'chart', id: `${url}${fields.version ? `@${fields.version}` : ''}#${path}`, fields, at };
  }
  // The source is not in the tree: the chart is known by name and version only.
  const fields: Found['fields'] = { name: chart, chart, purl: helmPackageUrl(chart, exact), ...versionFields() };
  if (source.ref) {
    fields.sourceRef = formatSourceRef(source.ref);
    if (source.ref.kind === 'HelmRepository' || source.ref.kind === 'GitRepository' || source.ref.kind === 'Bucket')
      fields.sourceKind = source.ref.kind;
  }
  return {
    type: 'chart',
    id: `${fields.sourceRef ?? ''}#${chart}${exact ? `@${exact}` : ''}${constraint ? `?version=${constraint}` : ''}`,
    fields,
    at,
  };
}

function resolveFlux(scan: Scan): void {
  const objects = scan.flux;
  const of = (kind: string): FluxObject[] =>
    objects.filter(
      (o) =>
        o.kind === kind &&
        o.group ===
          (kind === 'HelmRelease'
            ? 'helm.toolkit.fluxcd.io'
            : kind === 'Kustomization'
              ? 'kustomize.toolkit.fluxcd.io'
              : 'source.toolkit.fluxcd.io'),
    );
  const oci = new Map<FluxObject, OciSource | undefined>(of('OCIRepository').map((o) => [o, readOciRepository(scan, o)]));
  const helmRepos = new Map<FluxObject, HelmRepositorySource | undefined>(
    of('HelmRepository').map((o) => [o, readHelmRepository(scan, o)]),
  );
  const git = new Map<FluxObject, GitSource | undefined>(of('GitRepository').map((o) => [o, readGitRepository(o)]));
  const buckets = new Map<FluxObject, BucketSource | undefined>(of('Bucket').map((o) => [o, readBucket(o)]));
  const charts = new Set<FluxObject>();

  const at = (o: FluxObject, path: string, via: FoundVia): FoundAt => {
    const node = getPath(o.node, ...path.split('.'));
    return foundAt(o.ctx, path, node?.line ?? o.node.line, via);
  };

  /**
   * A chart from `{chart, version, sourceRef}`: HelmRelease `spec.chart.spec`, HelmChart `spec` (`from` is the
   * object holding it, whose namespace and place resolve the sourceRef), found at `o`'s `path`.
   */
  const chartSpec = (o: FluxObject, from: FluxObject, spec: Node | undefined, path: string, via: FoundVia): void => {
    const chart = text(get(spec, 'chart'));
    const ref = readSourceRef(get(spec, 'sourceRef'));
    if (!chart || !ref) {
      unresolved(
        scan,
        from.ctx,
        from === o ? path : 'spec',
        spec?.line ?? from.node.line,
        chart ?? '',
        'chart spec without chart or sourceRef',
      );
      return;
    }
    const version = text(get(spec, 'version'));
    const targets = lookup(
      objects.filter((x) => x.group === 'source.toolkit.fluxcd.io'),
      ref,
      from,
    );
    const here = at(o, path, via);
    const sources = targets
      .map((t) => ({ helm: helmRepos.get(t), git: git.get(t), bucket: buckets.get(t) }))
      .filter((s) => s.helm ?? s.git ?? s.bucket);
    if (sources.length === 0) sources.push({ helm: undefined, git: undefined, bucket: undefined });
    for (const source of sources) {
      const found = chartFound(
        scan,
        chart,
        version,
        {
          ...(source.helm ? { helm: source.helm } : {}),
          ...(source.git ? { git: source.git } : {}),
          ...(source.bucket ? { bucket: source.bucket } : {}),
          ref,
        },
        here,
      );
      if (found) scan.found.push(found);
    }
  };

  for (const o of of('HelmChart')) chartSpec(o, o, get(o.node, 'spec'), 'spec', 'helm-chart');

  for (const o of of('HelmRelease')) {
    const spec = get(o.node, 'spec');
    const chartRef = readSourceRef(get(spec, 'chartRef'));
    if (chartRef) {
      const targets = lookup(objects, chartRef, o).filter((t) => t.kind === 'OCIRepository' || t.kind === 'HelmChart');
      if (targets.length === 0)
        unresolved(
          scan,
          o.ctx,
          'spec.chartRef',
          get(spec, 'chartRef')?.line ?? o.node.line,
          formatSourceRef(chartRef),
          'chartRef names no OCIRepository or HelmChart in the tree',
        );
      for (const t of targets) {
        if (t.kind === 'HelmChart') {
          chartSpec(o, t, get(t.node, 'spec'), 'spec.chartRef', 'helm-release');
          continue;
        }
        const source = oci.get(t);
        if (!source) continue;
        charts.add(t);
        scan.found.push(
          ociComponent(source, 'chart', at(o, 'spec.chartRef', 'helm-release'), {
            chart: source.ref.repository.split('/').pop() ?? '',
            sourceKind: 'OCIRepository',
          }),
        );
      }
    } else if (get(getPath(spec, 'chart'), 'spec')) {
      chartSpec(o, o, getPath(spec, 'chart', 'spec'), 'spec.chart.spec', 'helm-release');
    }
    const renderers = get(spec, 'postRenderers');
    if (renderers?.t === 'seq') {
      renderers.items.forEach((r, i) => {
        const path = `spec.postRenderers[${i}].kustomize.images`;
        recordStandingOverrides(scan, o.ctx, readOverrides(scan, o.ctx, getPath(r, 'kustomize', 'images'), path), path);
      });
    }
  }

  for (const o of of('Kustomization')) {
    const path = 'spec.images';
    recordStandingOverrides(scan, o.ctx, readOverrides(scan, o.ctx, getPath(o.node, 'spec', 'images'), path), path);
  }

  for (const [o, source] of oci) {
    if (!source) continue;
    const type = charts.has(o) || source.helmMediaType ? 'chart' : 'source';
    scan.found.push(
      ociComponent(source, type, at(o, 'spec.url', 'flux-source'), {
        sourceKind: 'OCIRepository',
        ...(type === 'chart' ? { chart: source.ref.repository.split('/').pop() ?? '' } : {}),
      }),
    );
  }
  for (const [o, source] of helmRepos) {
    if (!source) continue;
    scan.found.push({
      type: 'source',
      id: source.url,
      fields: { name: source.url, url: source.url, sourceKind: 'HelmRepository' },
      at: at(o, 'spec.url', 'flux-source'),
    });
  }
  for (const [o, source] of git) if (source) scan.found.push(gitComponent(source, at(o, 'spec.url', 'flux-source')));
  for (const [o, source] of buckets) {
    if (!source) continue;
    scan.found.push({
      type: 'source',
      id: source.url,
      fields: { name: source.url, url: source.url, sourceKind: 'Bucket' },
      at: at(o, 'spec.bucketName', 'flux-source'),
    });
  }
}

/** kustomize `helmCharts` (inflated by `kustomize build --enable-helm`). */
function kustomizeHelmCharts(scan: Scan): void {
  for (const k of scan.kustomizations.values()) {
    const list = get(k.node, 'helmCharts');
    if (list?.t !== 'seq') continue;
    list.items.forEach((item, i) => {
      const name = text(get(item, 'name'));
      const repo = str(get(item, 'repo'))?.replace(/\/+$/, '');
      const path = indexPath('helmCharts', i);
      if (!name) return;
      const at = foundAt(k.ctx, path, item.line, 'kustomize-helm-chart');
      const helm = repo ? { url: repo, oci: repo.startsWith('oci://') } : undefined;
      const found = chartFound(scan, name, text(get(item, 'version')), helm ? { helm } : {}, at);
      if (!found) return;
      // kustomize pulls the chart itself: no Flux source is involved.
      delete found.fields.sourceKind;
      scan.found.push(found);
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------

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
