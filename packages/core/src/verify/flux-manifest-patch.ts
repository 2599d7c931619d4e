import { parseAllDocuments } from 'yaml';

// The kustomize patches a FluxInstance (flux-operator `spec.kustomize.patches`), a Flux Kustomization
// (`spec.patches`) or a kustomization.yaml (`patches`) applies to OCIRepositories. D2 injects the fleet root's
// verify block this way (d2-fleet clusters/*/flux-system/flux-instance.yaml): a JSON 6902 `add /spec/verify`.
// Only what a patch does under /spec/verify matters here; the rest of the object is the operator's to render.

type Json = Record<string, unknown>;
const record = (value: unknown): Json | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;

export interface PatchTarget {
  kind?: string;
  name?: string;
  namespace?: string;
}

/** What one patch does to an OCIRepository's `spec.verify`; `undefined` when it does not touch it. */
export interface VerifyPatch {
  target: PatchTarget;
  /** `spec.verify` after the patch, applied to an object without one (as the operator renders the sync source). */
  verify: unknown;
}

/** RFC 6901 pointer segments (`~1` is `/`, `~0` is `~`). */
const segments = (path: string): string[] =>
  path
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

/** Applies the add/replace/remove operations of a JSON 6902 patch that fall under /spec/verify. */
function applyJson6902(ops: unknown[]): { touched: boolean; verify: unknown } {
  const doc: Json = { spec: {} };
  let touched = false;
  for (const raw of ops) {
    const op = record(raw);
    if (!op || typeof op.path !== 'string' || !op.path.startsWith('/spec/verify')) continue;
    touched = true;
    const path = segments(op.path);
    const last = path.pop() ?? '';
    let parent: unknown = doc;
    for (const key of path) {
      const container = parent as Json | unknown[];
      let next = Array.isArray(container) ? container[Number(key)] : container[key];
      if (next === undefined && op.op !== 'remove') {
        next = {};
        if (!Array.isArray(container)) container[key] = next;
      }
      parent = next;
    }
    if (parent === undefined || parent === null || typeof parent !== 'object') continue;
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : Number(last);
      if (op.op === 'remove') parent.splice(index, 1);
      else if (op.op === 'add') parent.splice(index, 0, op.value);
      else if (op.op === 'replace') parent[index] = op.value;
    } else {
      const object = parent as Json;
      if (op.op === 'remove') delete object[last];
      else if (op.op === 'add' || op.op === 'replace') object[last] = structuredClone(op.value);
    }
  }
  return { touched, verify: record(doc.spec)?.verify };
}

/**
 * A kustomize `patches` entry (`{target, patch}`, or `{path}` which cannot be read here) as what it does to
 * `spec.verify`. The patch text is JSON 6902 (a YAML list of operations) or a strategic merge patch (an object,
 * whose `kind`/`metadata` say the target when `target` does not); `matchOIDCIdentity` has no merge key, so a
 * strategic merge replaces the list, as for any list without one.
 */
export function verifyPatch(entry: unknown): VerifyPatch | undefined {
  const patch = record(entry);
  if (!patch || typeof patch.patch !== 'string') return undefined;
  const target: PatchTarget = {};
  const t = record(patch.target);
  for (const key of ['kind', 'name', 'namespace'] as const) if (typeof t?.[key] === 'string') target[key] = t[key];
  const docs = parseAllDocuments(patch.patch);
  const body: unknown = docs[0]?.errors.length ? undefined : docs[0]?.toJS();
  if (Array.isArray(body)) {
    const { touched, verify } = applyJson6902(body);
    return touched ? { target, verify } : undefined;
  }
  const object = record(body);
  const spec = record(object?.spec);
  if (!object || !spec || !('verify' in spec)) return undefined;
  const metadata = record(object.metadata);
  return {
    target: {
      ...(typeof object.kind === 'string' ? { kind: object.kind } : {}),
      ...(typeof metadata?.name === 'string' ? { name: metadata.name } : {}),
      ...(typeof metadata?.namespace === 'string' ? { namespace: metadata.namespace } : {}),
      ...target,
    },
    verify: spec.verify,
  };
}
