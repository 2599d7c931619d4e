import {
  ArtifactPathError,
  ReleaseRefused,
  childLocation,
  locationName,
  openTarget,
  releaseArtifact,
  rollbackRelease,
  type Location,
  type ReleaseResult,
} from '@d2ci/core';
import { InputError, cell, registrySession, runner as core, shortDigest } from '@d2ci/action-kit';
import type { Inputs } from './inputs.ts';

/** `<repository>/<component>` for component releases, as the D2 component repositories publish them. */
function componentLocation(base: Location, component: string | undefined): Location {
  return component ? childLocation(base, component) : base;
}

export async function run(inputs: Inputs): Promise<void> {
  const plan = inputs.plan;
  const location = componentLocation(inputs.base, plan.release.component);
  const session = registrySession(inputs.registry, inputs.context, location);
  const target = openTarget(location, session.client);
  const name = locationName(location);
  let result: ReleaseResult;
  try {
    if (plan.kind === 'rollback') {
      result = await rollbackRelease({ target, version: plan.release.version, verification: plan.verification });
    } else if (plan.kind === 'promote') {
      result = await releaseArtifact({
        mode: 'promote',
        target,
        release: plan.release,
        commit: inputs.commit,
        path: plan.path,
        verification: plan.verification,
        signing: inputs.signing,
        allowDowngrade: inputs.allowDowngrade,
      });
    } else {
      result = await releaseArtifact({
        mode: 'build',
        target,
        release: plan.release,
        path: plan.path,
        source: inputs.source,
        revision: inputs.revision,
        signing: inputs.signing,
        allowDowngrade: inputs.allowDowngrade,
      });
    }
  } catch (err) {
    if (err instanceof ReleaseRefused) throw new Error(`${err.message} (nothing was moved)`);
    if (err instanceof ArtifactPathError) throw new InputError('path', `${err.message}; check \`path\``);
    throw await session.explain(err);
  }
  const digest = result.descriptor.digest;
  for (const note of result.notes) core.info(note);
  const verb = { promoted: 'Promoted', built: 'Built', 'rolled back': 'Rolled back', unchanged: 'Already released' }[result.action];
  core.info(`${verb}: ${name}:${result.version} → ${digest}`);
  for (const t of result.tags) core.info(`${t.changed ? 'Tagged' : 'Already tagged'} ${name}:${t.tag}`);

  core.setOutput('version', result.version);
  core.setOutput('component', result.component ?? plan.release.component ?? '');
  core.setOutput('digest', digest);
  core.setOutput('digest-url', `${name}@${digest}`);
  core.setOutput('previous-digest', result.previousDigest ?? '');
  core.setOutput('action', result.action);
  core.setOutput('signature-ref', result.signature?.signatureRef ?? '');
  core.setOutput('signature-formats', JSON.stringify(result.signature?.formats ?? []));

  core.appendSummary(
    [
      '### Flux artifact release',
      '',
      '| Artifact | Version | Action | Digest | latest-stable before | Signed by | Signature formats |',
      '|---|---|---|---|---|---|---|',
      `| ${cell(name)} | ${cell(result.version)} | ${result.action} | \`${shortDigest(digest)}\` | ${result.previousDigest ? `\`${shortDigest(result.previousDigest)}\`` : '—'} | ${cell(result.signature?.identity ?? '—')} | ${result.signature ? result.signature.formats.join(', ') : '—'} |`,
      '',
      ...result.notes.map((n) => `- ${cell(n)}`),
    ].join('\n'),
  );
}
