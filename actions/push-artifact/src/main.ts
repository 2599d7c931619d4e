import {
  childLocation,
  openTarget,
  planPublishComponents,
  publishArtifact,
  publishComponents,
  type Component,
  type ComponentsSelection,
  type PublishOptions,
} from '@d2ci/core';
import { registrySession, type RegistrySession } from '@d2ci/action-kit';
import type { Inputs } from './inputs.ts';
import { explain, type Place } from './explain.ts';
import { renderArtifact } from './render.ts';
import { renderComponents, renderPlan, type Why } from './render-components.ts';

/** What every artifact of the step shares, as core's publish request takes it. */
function publishOptions(inputs: Inputs): PublishOptions {
  const { signing } = inputs;
  return {
    tags: inputs.tags,
    diffTag: inputs.diffTag,
    ignorePaths: inputs.ignorePaths,
    sourceIgnore: inputs.sourceIgnore,
    resolveSymlinks: inputs.resolveSymlinks,
    source: inputs.source,
    revision: inputs.revision,
    reproducible: inputs.reproducible,
    annotations: inputs.annotations,
    tempDir: inputs.context.runnerTemp,
    signing:
      signing &&
      (signing.kind === 'notation'
        ? { kind: 'notation', signer: signing.signer }
        : { kind: 'cosign', identity: signing.identity, format: signing.format, ...(signing.claims ? { claims: signing.claims } : {}) }),
  };
}

/** Rethrows an error explained at `place`. */
function rethrow(inputs: Inputs, session: RegistrySession, place: Place): (err: unknown) => Promise<never> {
  return async (err) => {
    throw await explain(err, inputs, session, place);
  };
}

/** A component's failure explained at its own repository and directory. */
function why(inputs: Inputs, session: RegistrySession): Why {
  return async ({ component, error }: { component: Component; error: Error }) => {
    const place = { location: childLocation(inputs.location, component.name), shown: component.relative };
    return ((await explain(error, inputs, session, place)) as Error).message;
  };
}

export async function run(inputs: Inputs): Promise<void> {
  const session = registrySession(inputs.registry, inputs.context, inputs.location);
  const { client } = session;
  if (!inputs.components) {
    const published = await publishArtifact({
      ...publishOptions(inputs),
      path: inputs.path,
      target: openTarget(inputs.location, client),
      documents: inputs.documents,
    }).catch(rethrow(inputs, session, { location: inputs.location, shown: inputs.pathInput }));
    return renderArtifact(inputs, published);
  }
  const components: ComponentsSelection = {
    root: inputs.context.workspace,
    pattern: inputs.components,
    base: inputs.location,
    client,
    concurrency: inputs.concurrency,
  };
  const failed = rethrow(inputs, session, { location: inputs.location, shown: inputs.components });
  if (inputs.plan) {
    const { ignorePaths, sourceIgnore, resolveSymlinks, diffTag } = inputs;
    const plan = await planPublishComponents({ components, diffTag, ignorePaths, sourceIgnore, resolveSymlinks }).catch(failed);
    return renderPlan(plan, why(inputs, session));
  }
  // The user's own documents describe one artifact: inputs.ts refuses `attach` with `components`.
  const documents = { sbom: inputs.documents.sbom, attest: inputs.documents.attest };
  const published = await publishComponents({ ...publishOptions(inputs), components, documents }).catch(failed);
  return renderComponents(inputs, published, why(inputs, session));
}
