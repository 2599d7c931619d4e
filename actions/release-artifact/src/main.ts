import { ArtifactPathError, ReleaseRefused, SigningConfigError } from '@d2ci/core';
import { releaseLocation, runRelease } from '@d2ci/core/release';
import { InputError, inputError, registrySession } from '@d2ci/action-kit';
import type { Inputs } from './inputs.ts';
import { renderRelease } from './render.ts';

/** The inputs' plan → one core release → the log, outputs and summary. */
export async function run(inputs: Inputs): Promise<void> {
  const { plan, repository } = inputs;
  // The session explains a refusal at the repository the release goes to (a component's, for its tags).
  const session = registrySession(inputs.registry, inputs.context, releaseLocation(repository, plan.release));
  const result = await runRelease({ ...plan, repository, client: session.client }).catch(async (err: unknown) => {
    if (err instanceof ReleaseRefused) throw err;
    if (err instanceof ArtifactPathError) throw new InputError('path', `${err.message}; check \`path\``);
    if (err instanceof SigningConfigError) throw inputError(err) ?? err;
    throw await session.explain(err);
  });
  renderRelease(result);
}
