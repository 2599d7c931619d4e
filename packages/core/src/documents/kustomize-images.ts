import { posix } from 'node:path';
import { compareBytes } from '../oci/order.ts';
import { parseReference } from '../oci/reference.ts';
import type { FoundAt } from './inventory-types.ts';
import { imageFound, imageProblem } from './image-references.ts';
import { foundAt, unresolved, type ContainerImage, type DocContext, type KustomizationFile, type Scan } from './scan-state.ts';
import { get, indexPath, str, text, type Node } from './yaml-tree.ts';

// kustomize `images`

interface ImageOverride {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  index: number;
  line: number;
}

export function readOverrides(scan: Scan, ctx: DocContext, node: Node | undefined, path: string): ImageOverride[] {
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

export function recordStandingOverrides(scan: Scan, ctx: DocContext, overrides: ImageOverride[], path: string): void {
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
export function applyKustomizeImages(scan: Scan): void {
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
