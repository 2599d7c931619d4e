import { openTarget, ProtectedTagError, CopyError, copyErrorSide } from '@d2ci/core';
import { copyArtifact } from '@d2ci/core/copy';
import { InputError, inputError, registrySession } from '@d2ci/action-kit';
import type { Inputs } from './inputs.ts';
import { renderCopy } from './render.ts';

/** The step: inputs → one copy → outputs and summary. Each side opens its own session, so credentials stay on their host. */
export async function run(inputs: Inputs): Promise<void> {
  const from = registrySession(inputs.registries.from, inputs.context, inputs.from);
  const to = registrySession(inputs.registries.to, inputs.context, inputs.to);
  const result = await copyArtifact({
    ...inputs.request,
    source: { location: inputs.from, target: openTarget(inputs.from, from.client) },
    destination: { location: inputs.to, target: openTarget(inputs.to, to.client) },
  }).catch(async (err: unknown) => {
    if (err instanceof ProtectedTagError)
      throw err.forcible ? new InputError('tags', `${err.problem}, or name it in \`force\``) : (inputError(err) ?? err);
    if (err instanceof CopyError) throw err;
    const side = copyErrorSide(err) === 'source' ? 'from' : 'to';
    throw await (side === 'from' ? from : to).explain(err, {
      credentialFix: `set \`${side}-username\` and \`${side}-password\`, or \`${side}-provider\`, or \`github-token\` for ghcr.io`,
    });
  });
  renderCopy(result);
}
