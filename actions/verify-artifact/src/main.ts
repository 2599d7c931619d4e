import { NotationPolicyError, openTarget } from '@d2ci/core';
import { checkArtifact, FluxManifestError, VerifyRequestError } from '@d2ci/core/verify';
import { fluxManifestInputError, inputError, registrySession } from '@d2ci/action-kit';
import type { Inputs } from './inputs.ts';
import { requestInputError } from './refusals.ts';
import { renderCheck } from './render.ts';

/** The step: inputs → one check request → core → outputs, job summary, and a failure unless verified. */
export async function run(inputs: Inputs): Promise<void> {
  const session = registrySession(inputs.registry, inputs.context, inputs.location);
  const result = await checkArtifact({
    ...inputs.check,
    location: inputs.location,
    target: openTarget(inputs.location, session.client),
    reference: inputs.reference,
  }).catch(async (err: unknown) => {
    // The trust policy or scope named by its input; a registry failure explained.
    if (err instanceof NotationPolicyError) throw inputError(err) ?? err;
    if (err instanceof VerifyRequestError) throw requestInputError(err);
    // The verify block read from the deployed artifact (flux-manifest-from).
    if (err instanceof FluxManifestError) throw fluxManifestInputError(err);
    throw await session.explain(err);
  });
  renderCheck(result);
}
