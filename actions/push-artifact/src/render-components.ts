import type { Component, PlanComponentsResult, PublishComponentsResult } from '@d2ci/core';
import { cell, formatBytes, runner as core, shortDigest } from '@d2ci/action-kit';
import type { Inputs } from './inputs.ts';
import { signatureCell } from './render.ts';

/** Why a component failed, in one line (explain.ts, at that component's repository and path). */
export type Why = (failed: { component: Component; error: Error }) => Promise<string>;

/** The log lines, step outputs and job summary of a components push; throws when any component failed. */
export async function renderComponents(inputs: Inputs, published: PublishComponentsResult, why: Why): Promise<void> {
  const { components: found, outcomes } = published;
  const rows = [];
  const report = [];
  const failures: string[] = [];
  for (const outcome of outcomes) {
    const { component, target } = outcome;
    if (!outcome.ok) {
      const message = await why(outcome);
      failures.push(`${component.name}: ${message}`);
      report.push({ name: component.name, repository: target, pushed: false, error: message });
      rows.push(`| ${cell(component.name)} | ${cell(target)} | — | — | — | ❌ ${cell(message)} | — |`);
      core.error(`${component.name}: ${message}`);
      continue;
    }
    const result = outcome.result;
    const digest = result.descriptor.digest;
    const signed = result.signature;
    const tags = result.tags.map((t) => t.tag);
    core.info(
      `${component.name}: ${result.pushed ? `pushed ${target}@${digest}` : `unchanged (${result.reason})`}${signed ? `, signed as ${signed.identity}` : ''}`,
    );
    report.push({
      name: component.name,
      repository: target,
      pushed: result.pushed,
      digest: result.pushed ? digest : '',
      'digest-url': result.pushed ? `${target}@${digest}` : '',
      tags,
      'signature-ref': signed?.signatureRef ?? '',
      referrers: result.attached.map((a) => ({ format: a.format, digest: a.referrer.digest, attestation: a.attestation?.digest ?? '' })),
    });
    rows.push(
      `| ${cell(component.name)} | ${cell(target)} | ${cell(tags.join(', '))} | \`${shortDigest(digest)}\` | ${formatBytes(result.layer.size)} | ${result.pushed ? 'pushed' : 'skipped'}: ${cell(result.reason)} | ${signatureCell(signed, result.pushed, inputs.signing?.format)} |`,
    );
  }
  core.setOutput('components', JSON.stringify(report));
  core.setOutput('pushed', String(report.some((r) => r.pushed)));
  core.setOutput('digest', '');
  core.setOutput('digest-url', '');
  core.setOutput('tags', JSON.stringify([...new Set(report.flatMap((r) => ('tags' in r ? r.tags : [])))]));
  core.setOutput('signature-ref', '');
  core.setOutput('rekor-log-index', '');
  core.setOutput('referrers', '[]');
  core.appendSummary(
    [
      `### Flux artifacts: ${found.length} components (${report.filter((r) => r.pushed).length} pushed, ${failures.length} failed)`,
      '',
      '| Component | Repository | Tags | Digest | Size | Result | Signature |',
      '|---|---|---|---|---|---|---|',
      ...rows,
    ].join('\n'),
  );
  if (failures.length)
    throw new Error(`${failures.length} of ${found.length} components failed (the others are complete): ${failures.join('; ')}`);
}

/** The step outputs (a `strategy.matrix` of the changed components) and summary of `plan: true`. */
export async function renderPlan(plan: PlanComponentsResult, why: Why): Promise<void> {
  const { components: found, reference, outcomes } = plan;
  const failed = outcomes.flatMap((o) => (o.ok ? [] : [o]));
  if (failed.length) {
    const messages = await Promise.all(failed.map(async (o) => `${o.component.name}: ${await why(o)}`));
    throw new Error(`could not compare ${failed.length} of ${found.length} components with ${reference}: ${messages.join('; ')}`);
  }
  const changed = outcomes.filter((o) => o.ok && !o.result.identical);
  const include = changed.map((o) => ({ component: o.component.name, path: o.component.relative, repository: o.target }));
  core.setOutput('matrix', JSON.stringify({ include }));
  core.setOutput('changed', JSON.stringify(include.map((i) => i.component)));
  core.setOutput('pushed', 'false');
  core.info(
    `${changed.length} of ${found.length} components differ from ${reference}: ${include.map((i) => i.component).join(', ') || '(none)'}`,
  );
  core.appendSummary(
    [
      `### Plan: ${changed.length} of ${found.length} components changed since \`${reference}\``,
      '',
      '| Component | Repository | Changed |',
      '|---|---|---|',
      ...outcomes.map(
        (o) =>
          `| ${cell(o.component.name)} | ${cell(o.target)} | ${o.ok && !o.result.identical ? `yes: ${cell(o.result.reason)}` : 'no'} |`,
      ),
    ].join('\n'),
  );
}
