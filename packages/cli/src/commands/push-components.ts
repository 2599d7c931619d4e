import { ArtifactPathError, childLocation, PublishError, type PlanComponentsResult, type PublishComponentsResult } from '@d2ci/core';
import { explainAuth, type Opened } from '../registry.ts';
import { usageError } from '../fields.ts';
import { structured, type OutputFormat, table, type Io } from '../output.ts';

/** A failure before any component is pushed (a bad glob or component name), naming the flag to fix. */
export function componentsError(err: unknown): never {
  if (err instanceof ArtifactPathError || err instanceof PublishError) throw usageError(err) ?? err;
  throw err;
}

/** The one-line reason a component failed, with the auth fix when its repository refused (the one explainer). */
async function explain(opened: Opened, name: string, err: Error): Promise<string> {
  if (err instanceof ArtifactPathError) return err.message;
  return ((await explainAuth(opened, err, childLocation(opened.location, name))) as Error).message;
}

/**
 * `d2ci push oci://HOST/BASE --components 'components/*'`: a line per component, and the exit code 1 when any
 * failed (the others are complete).
 */
export async function printComponents(
  io: Io,
  opened: Opened,
  published: PublishComponentsResult,
  format: OutputFormat | undefined,
): Promise<number> {
  const { components: found, outcomes } = published;
  const report = [];
  let failed = 0;
  for (const outcome of outcomes) {
    const { component, target } = outcome;
    if (!outcome.ok) {
      failed++;
      const message = await explain(opened, component.name, outcome.error);
      report.push({ name: component.name, repository: target, pushed: false, error: message });
      io.err(`✗ ${component.name}: ${message}`);
      continue;
    }
    const { result } = outcome;
    const digest = result.descriptor.digest;
    const { signature: signed, attached } = result;
    report.push({
      name: component.name,
      repository: target,
      pushed: result.pushed,
      digest,
      tags: result.tags.map((t) => t.tag),
      ...(signed ? { signatureRef: signed.signatureRef } : {}),
      ...(attached.length
        ? { referrers: attached.map((a) => ({ format: a.format, digest: a.referrer.digest, attestation: a.attestation?.digest ?? null })) }
        : {}),
    });
    io.err(
      `✔ ${component.name}: ${result.pushed ? `pushed ${target}@${digest}` : `no changes (${result.reason})`}${signed ? `, signed as ${signed.identity}` : ''}${attached.length ? `, attached ${attached.map((a) => `${a.format}${a.attestation ? ' (attested)' : ''}`).join(', ')}` : ''}`,
    );
  }
  if (format) structured(io, format, report);
  const pushed = report.filter((r) => r.pushed).length;
  io.err(
    `${failed ? '✗' : '✔'} ${found.length} components: ${pushed} pushed, ${found.length - pushed - failed} unchanged, ${failed} failed${failed ? ' (the others are complete)' : ''}`,
  );
  return failed ? 1 : 0;
}

/** `--plan`: the components whose content differs from `--diff-tag` (default latest), as a `strategy.matrix`. */
export async function printPlan(io: Io, opened: Opened, plan: PlanComponentsResult, format: OutputFormat | undefined): Promise<number> {
  const { components: found, reference, outcomes } = plan;
  const failures = [];
  for (const o of outcomes) if (!o.ok) failures.push(`${o.component.name}: ${await explain(opened, o.component.name, o.error)}`);
  if (failures.length)
    throw new Error(`could not compare ${failures.length} of ${found.length} components with ${reference}: ${failures.join('; ')}`);
  const include = outcomes
    .filter((o) => o.ok && !o.result.identical)
    .map((o) => ({ component: o.component.name, path: o.component.relative, repository: o.target }));
  if (format) {
    structured(io, format, { include });
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
