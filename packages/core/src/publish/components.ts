import { childLocation, openTarget } from '../oci/open.ts';
import type { Target } from '../oci/target.ts';
import { findComponents, planComponents, pushComponents, type Component } from '../artifact/components.ts';
import { assertAttestable } from './documents.ts';
import { prepareSigning } from './signing.ts';
import { artifactSteps, type ArtifactSteps } from './steps.ts';
import type {
  ComponentsSelection,
  PlanComponentsRequest,
  PlanComponentsResult,
  PublishComponentsRequest,
  PublishComponentsResult,
  PublishEvent,
} from './request.ts';

/** `<base>/<name>` for a component, opened with the request's client (one auth session for all). */
function opener(selection: ComponentsSelection): (component: Component) => Target {
  return (component) => openTarget(childLocation(selection.base, component.name), selection.client);
}

async function find(selection: ComponentsSelection, onEvent: ((event: PublishEvent) => void) | undefined): Promise<Component[]> {
  const components = await findComponents(selection.root, selection.pattern);
  onEvent?.({ type: 'components-found', components });
  return components;
}

/**
 * Publishes every component directory as its own artifact, several at a time, each signed (one certificate for
 * all) and given its generated SBOM as `publishArtifact` would. Each is complete on its own; one failing stops
 * none of the others, and every outcome is reported. A bad glob or component name throws before anything is pushed.
 */
export async function publishComponents(request: PublishComponentsRequest): Promise<PublishComponentsResult> {
  const { components: selection, onEvent, documents, signing, ...push } = request;
  assertAttestable(signing, documents);
  const components = await find(selection, onEvent);
  const signatures = await prepareSigning(signing);
  const steps = new Map<string, ArtifactSteps>();
  const outcomes = await pushComponents(components, {
    ...push,
    open: opener(selection),
    concurrency: selection.concurrency,
    onPushing: (_target, component) => (descriptor) => steps.get(component.name)?.prepare(descriptor),
    beforeTag: (target, component) => {
      const step = artifactSteps(target, component.name, component.path, { ...push, signing, documents, signatures });
      steps.set(component.name, step);
      return step.beforeTag;
    },
  });
  return {
    components,
    outcomes: outcomes.map((outcome) => {
      if (!outcome.ok) return outcome;
      const step = steps.get(outcome.component.name);
      return { ...outcome, result: { ...outcome.result, signature: step?.signature(), attached: step?.attached() ?? [] } };
    }),
  };
}

/** The components whose content differs from `diffTag` (default `latest`): the fan-out plan for a CI matrix. */
export async function planPublishComponents(request: PlanComponentsRequest): Promise<PlanComponentsResult> {
  const { components: selection, onEvent, diffTag, ...walk } = request;
  const components = await find(selection, onEvent);
  const reference = diffTag ?? 'latest';
  const outcomes = await planComponents(components, {
    ...walk,
    open: opener(selection),
    reference,
    concurrency: selection.concurrency,
  });
  return { components, reference, outcomes };
}
