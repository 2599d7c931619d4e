import { oneLineMessage } from '../errors.ts';
import { InvalidReferenceError } from '../oci/errors.ts';
import { formatReference, parseReference, repositoryName, type Reference } from '../oci/reference.ts';
import type { FoundAt, FoundVia } from './inventory-types.ts';
import { ociPackageUrl } from './purl.ts';
import { foundAt, unresolved, type DocContext, type Found, type Scan } from './scan-state.ts';
import { get, str, text, type MapNode } from './yaml-tree.ts';

// Image references as written (a string, or a Helm-style `image:` map), recorded as components or as unresolved.

/** Why an image string is not a reference, or undefined when it is one. */
export function imageProblem(value: string): string | undefined {
  if (/\$\{[^}]*\}|\$[A-Za-z_]/.test(value))
    return 'contains a variable (substituted at deploy time, e.g. by Flux post-build substitution)';
  if (/\{\{|\}\}/.test(value)) return 'contains a template expression';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return 'is a URL, not an image reference';
  try {
    parseReference(value);
    return undefined;
  } catch (err) {
    if (err instanceof InvalidReferenceError && err.kind === 'reference') return `is not a valid image reference: ${err.reason}`;
    return oneLineMessage(err);
  }
}

export function imageFound(ref: Reference, at: FoundAt): Found {
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

export function recordImage(scan: Scan, ctx: DocContext, value: string, path: string, line: number, via: FoundVia): void {
  const problem = imageProblem(value);
  if (problem) {
    unresolved(scan, ctx, path, line, value, `image ${problem}`);
    return;
  }
  scan.found.push(imageFound(parseReference(value), foundAt(ctx, path, line, via)));
}

/** `image: {registry, repository, tag, digest}`; true when the map was one (a reference or not). */
export function recordImageMap(scan: Scan, ctx: DocContext, node: MapNode, path: string): boolean {
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

export function addContainer(scan: Scan, ctx: DocContext, value: string, path: string, line: number, via: FoundVia): void {
  const list = scan.containers.get(ctx.file) ?? [];
  list.push({ value, at: foundAt(ctx, path, line, via) });
  scan.containers.set(ctx.file, list);
}
