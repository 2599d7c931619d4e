import { canMount, type Target } from '../oci/target.ts';

/** Which side of a copy a request failed on, so a front door explains it with that side's credentials. */
export type CopySide = 'source' | 'destination';

const sides = new WeakMap<object, CopySide>();

/** The side whose target threw `err` during a copy, if it came from one. */
export function copyErrorSide(err: unknown): CopySide | undefined {
  return typeof err === 'object' && err !== null ? sides.get(err) : undefined;
}

/** Marks what `call` throws as this side's (the first side to see an error keeps it). */
async function marked<T>(side: CopySide, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (typeof err === 'object' && err !== null && !sides.has(err)) sides.set(err, side);
    throw err;
  }
}

/**
 * The target, unchanged, except that its failures remember their side. The errors themselves are not wrapped:
 * the copy still decides on them (`isNotFound`) as on any target's.
 */
export function sided(target: Target, side: CopySide): Target {
  const wrapped: Target & { mount?: unknown } = {
    name: target.name,
    resolve: (reference) => marked(side, () => target.resolve(reference)),
    fetchManifest: (reference) => marked(side, () => target.fetchManifest(reference)),
    fetch: (descriptor) => marked(side, () => target.fetch(descriptor)),
    exists: (descriptor) => marked(side, () => target.exists(descriptor)),
    source: (descriptor) => target.source(descriptor),
    push: (descriptor, content) => marked(side, () => target.push(descriptor, content)),
    pushReference: (descriptor, bytes, reference) => marked(side, () => target.pushReference(descriptor, bytes, reference)),
    tag: (descriptor, tag) => marked(side, () => target.tag(descriptor, tag)),
    tags: () => marked(side, () => target.tags()),
    referrers: (descriptor, options) => marked(side, () => target.referrers(descriptor, options)),
    delete: (descriptor) => marked(side, () => target.delete(descriptor)),
  };
  if (canMount(target)) wrapped.mount = (...args: Parameters<typeof target.mount>) => marked(side, () => target.mount(...args));
  return wrapped;
}
