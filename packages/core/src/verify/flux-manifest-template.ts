// flux-operator ResourceSets template their resources with Go text/template under `<< >>` delimiters, once per
// input set (flux-operator internal/builder/resourceset.go). D2's tenants (d2-fleet tenants/apps.yaml) template the
// OCIRepository's verify subject this way: `…/workflows/<< inputs.artifactSubjectWorkflow >>\.yaml@…`. Only the
// plain value forms are rendered here (`<< inputs.a.b >>`, `<< inputs.a | quote >>`); anything else is left in
// place, and the caller refuses a verify block that still holds a template.

type Json = Record<string, unknown>;

const action = /<<-?\s*inputs((?:\.[A-Za-z_][A-Za-z0-9_]*)+)\s*(\|\s*quote\s*)?-?>>/g;

function lookup(inputs: Json, path: string): unknown {
  let value: unknown = inputs;
  for (const key of path.slice(1).split('.')) value = value && typeof value === 'object' ? (value as Json)[key] : undefined;
  return value;
}

/** Renders the plain `<< inputs.x >>` actions of one string with one input set. */
export function renderString(text: string, inputs: Json): string {
  return text.replace(action, (whole, path: string, quote: string | undefined) => {
    const value = lookup(inputs, path);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean' && value !== null) return whole;
    const text_ = value === null ? '' : String(value);
    return quote ? JSON.stringify(text_) : text_;
  });
}

/** Renders every string of an object (keys untouched) with one input set. */
export function renderObject<T>(value: T, inputs: Json): T {
  if (typeof value === 'string') return renderString(value, inputs) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => renderObject(v, inputs)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderObject(v, inputs)])) as T;
  return value;
}

/** Whether a value still holds a template action or a Flux postBuild variable (`${VAR}`), and which. */
export function unresolved(value: unknown): string | undefined {
  if (typeof value === 'string') return /<<.*?>>/.exec(value)?.[0] ?? /\$\{[^}]*\}/.exec(value)?.[0];
  if (Array.isArray(value)) return value.map(unresolved).find((u) => u !== undefined);
  if (value && typeof value === 'object')
    return Object.values(value)
      .map(unresolved)
      .find((u) => u !== undefined);
  return undefined;
}
