import {
  ArtifactPathError,
  childLocation,
  findComponents,
  locationName,
  openTarget,
  planComponents,
  pushComponents,
  signEachBeforeTagging,
  withAuthHint,
  type Component,
  type SignatureFormat,
  type SigningIdentity,
  type Target,
} from '@d2ci/core';
import type { Opened } from '../registry.ts';
import { UsageError } from '../errors.ts';
import { json, table, type Io } from '../output.ts';

export interface ComponentsRun {
  opened: Opened;
  /** The glob, e.g. `components/*`, matched under `root`. */
  pattern: string;
  root: string;
  diffTag?: string;
  concurrency?: number;
  walk: { ignorePaths?: string[]; addIgnorePaths?: string[]; sourceIgnore?: boolean; resolveSymlinks?: boolean };
  /** Print results as JSON on stdout. */
  json: boolean;
}

export interface ComponentsPush extends ComponentsRun {
  tags: string[];
  signing?: { identity: SigningIdentity; format: SignatureFormat };
  source: string;
  revision: string;
  annotations: Record<string, string>;
  reproducible?: boolean;
}

async function find(run: ComponentsRun): Promise<Component[]> {
  try {
    return await findComponents(run.root, run.pattern);
  } catch (err) {
    if (err instanceof ArtifactPathError) throw new UsageError(`--components: ${err.message}`);
    throw err;
  }
}

/** The one-line reason a component failed, with the auth fix when the registry refused. */
async function explain(run: ComponentsRun, target: string, err: Error): Promise<string> {
  const { opened } = run;
  if (err instanceof ArtifactPathError || opened.location.kind !== 'registry') return err.message;
  const hinted = withAuthHint(opened.explain(err), {
    registry: opened.location.reference.registry,
    repository: target.slice(opened.location.reference.registry.length + 1),
    hasCredentials: (await opened.credentials(opened.location.reference.registry).catch(() => undefined)) !== undefined,
    vocabulary: 'cli',
    provider: opened.provider,
  });
  return (hinted as Error).message;
}

function openComponent(run: ComponentsRun): (component: Component) => Target {
  return (component) => openTarget(childLocation(run.opened.location, component.name), run.opened.client);
}

/**
 * `d2ci push oci://HOST/BASE --components 'components/*'`: each matched directory goes to `BASE/<name>`, several
 * at a time with one auth session and one signing certificate. Each component is complete on its own; one failure
 * stops none of the others, and the exit code is 1 when any failed.
 */
export async function pushManyComponents(run: ComponentsPush, io: Io): Promise<number> {
  const found = await find(run);
  const base = locationName(run.opened.location);
  io.err(`► pushing ${found.length} components to ${base}/<name>:${run.tags.join(',')}`);
  const signatures = run.signing && (await signEachBeforeTagging(run.signing));
  const outcomes = await pushComponents(found, {
    open: openComponent(run),
    concurrency: run.concurrency,
    tags: run.tags.length ? run.tags : undefined,
    diffTag: run.diffTag,
    ...run.walk,
    source: run.source,
    revision: run.revision,
    annotations: run.annotations,
    reproducible: run.reproducible,
    beforeTag: signatures && ((target, component) => signatures.beforeTag(target, component.name)),
  });
  const report = [];
  let failed = 0;
  for (const outcome of outcomes) {
    const { component, target } = outcome;
    if (!outcome.ok) {
      failed++;
      const message = await explain(run, target, outcome.error);
      report.push({ name: component.name, repository: target, pushed: false, error: message });
      io.err(`✗ ${component.name}: ${message}`);
      continue;
    }
    const { result } = outcome;
    const digest = result.descriptor.digest;
    const signed = signatures?.result(component.name);
    report.push({
      name: component.name,
      repository: target,
      pushed: result.pushed,
      digest,
      tags: result.tags.map((t) => t.tag),
      ...(signed ? { signatureRef: signed.signatureRef } : {}),
    });
    io.err(
      `✔ ${component.name}: ${result.pushed ? `pushed ${target}@${digest}` : `no changes (${result.reason})`}${signed ? `, signed as ${signed.identity}` : ''}`,
    );
  }
  if (run.json) json(io, report);
  const pushed = report.filter((r) => r.pushed).length;
  io.err(
    `${failed ? '✗' : '✔'} ${found.length} components: ${pushed} pushed, ${found.length - pushed - failed} unchanged, ${failed} failed${failed ? ' (the others are complete)' : ''}`,
  );
  return failed ? 1 : 0;
}

/** `--plan`: the components whose content differs from `--diff-tag` (default latest), as a `strategy.matrix`. */
export async function planManyComponents(run: ComponentsRun, io: Io): Promise<number> {
  const found = await find(run);
  const reference = run.diffTag ?? 'latest';
  const outcomes = await planComponents(found, { open: openComponent(run), reference, ...run.walk, concurrency: run.concurrency });
  const failures = [];
  for (const o of outcomes) if (!o.ok) failures.push(`${o.component.name}: ${await explain(run, o.target, o.error)}`);
  if (failures.length)
    throw new Error(`could not compare ${failures.length} of ${found.length} components with ${reference}: ${failures.join('; ')}`);
  const include = outcomes
    .filter((o) => o.ok && !o.result.identical)
    .map((o) => ({ component: o.component.name, path: o.component.relative, repository: o.target }));
  if (run.json) {
    json(io, { include });
  } else {
    io.out(
      table([
        ['COMPONENT', 'CHANGED', 'REASON'],
        ...outcomes.map((o) => [o.component.name, o.ok && !o.result.identical ? 'yes' : 'no', o.ok ? o.result.reason : '']),
      ]),
    );
  }
  io.err(`✔ ${include.length} of ${found.length} components differ from ${reference}`);
  return 0;
}
