import { glob } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { settleLimit, type Settled } from '../oci/concurrency.ts';
import { compareBytes } from '../oci/order.ts';
import type { Target } from '../oci/target.ts';
import { ArtifactPathError } from './walk.ts';
import { pushArtifact, type PushArtifactOptions, type PushArtifactResult } from './push.ts';
import { diffArtifact, type DiffArtifactResult } from './diff.ts';

/** One component directory, published as `<base repository>/<name>`. */
export interface Component {
  name: string;
  /** Absolute path. */
  path: string;
  /** Path relative to the root the pattern was matched in, with `/`. */
  relative: string;
}

const componentName = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;

/**
 * The directories a glob such as `components/*` matches under `root`, sorted by name. Each name must be a valid
 * OCI repository path element (it becomes `<repository>/<name>`); files are ignored.
 */
export async function findComponents(root: string, pattern: string): Promise<Component[]> {
  const found: Component[] = [];
  for await (const entry of glob(pattern, { cwd: root, withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(entry.parentPath, entry.name);
    found.push({ name: entry.name, path, relative: relative(root, path).split('\\').join('/') });
  }
  if (found.length === 0) throw new ArtifactPathError('COMPONENTS_NONE', `"${pattern}" matches no directory`);
  const bad = found.filter((c) => !componentName.test(c.name)).map((c) => c.relative);
  if (bad.length)
    throw new ArtifactPathError(
      'COMPONENTS_INVALID_NAME',
      `component directories must be lowercase repository names (letters, digits, ".", "_", "-"): ${bad.join(', ')}`,
    );
  const names = new Map<string, string>();
  for (const c of found) {
    const other = names.get(c.name);
    if (other)
      throw new ArtifactPathError(
        'COMPONENTS_DUPLICATE',
        `"${pattern}" matches two directories named ${c.name} (${other}, ${c.relative}); each becomes <repository>/${c.name}`,
      );
    names.set(c.name, c.relative);
  }
  return found.sort((a, b) => compareBytes(a.name, b.name));
}

function report<R>(component: Component, target: Target, outcome: Settled<R>): ComponentOutcome<R> {
  return outcome.ok
    ? { component, target: target.name, ok: true, result: outcome.value }
    : { component, target: target.name, ok: false, error: outcome.error as Error };
}

export type ComponentOutcome<R> = { component: Component; target: string } & ({ ok: true; result: R } | { ok: false; error: Error });

export interface PushComponentsOptions extends Omit<PushArtifactOptions, 'path' | 'target' | 'beforeTag' | 'onPushing'> {
  /** Opens the target for a component (same client, so one auth session serves them all). */
  open: (component: Component) => Target;
  /** A beforeTag step per component (signing). */
  beforeTag?: (target: Target, component: Component) => PushArtifactOptions['beforeTag'];
  /** An onPushing hook per component (signing starts its network work ahead). */
  onPushing?: (target: Target, component: Component) => PushArtifactOptions['onPushing'];
  /** Components pushed at once (default 6). */
  concurrency?: number;
}

/**
 * Pushes every component, several at a time. Each is independent and complete on its own (blobs, manifest,
 * signature, then tags); one failing stops none of the others, and every outcome is reported.
 */
export async function pushComponents(
  components: readonly Component[],
  options: PushComponentsOptions,
): Promise<ComponentOutcome<PushArtifactResult>[]> {
  const { open, beforeTag, onPushing, concurrency, ...push } = options;
  const targets = components.map(open);
  const outcomes = await settleLimit(components, concurrency ?? 6, (component, i) => {
    const target = targets[i] as Target;
    // beforeTag first: it makes the component's signing step, which onPushing then prepares.
    const tagStep = beforeTag?.(target, component);
    return pushArtifact({ ...push, path: component.path, target, beforeTag: tagStep, onPushing: onPushing?.(target, component) });
  });
  return outcomes.map((outcome, i) => report(components[i] as Component, targets[i] as Target, outcome));
}

/** Which components differ from what `reference` (e.g. `latest`) holds: the fan-out plan for a CI matrix. */
export async function planComponents(
  components: readonly Component[],
  options: { open: (component: Component) => Target; reference: string; concurrency?: number } & Omit<
    PushArtifactOptions,
    'path' | 'target' | 'source' | 'revision'
  >,
): Promise<ComponentOutcome<DiffArtifactResult>[]> {
  const { open, reference, concurrency, ...walk } = options;
  const targets = components.map(open);
  const outcomes = await settleLimit(components, concurrency ?? 8, (component, i) =>
    diffArtifact({ ...walk, path: component.path, target: targets[i] as Target, reference }),
  );
  return outcomes.map((outcome, i) => report(components[i] as Component, targets[i] as Target, outcome));
}
