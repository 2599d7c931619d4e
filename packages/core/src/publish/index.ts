export { planPublishComponents, publishComponents } from './components.ts';
export { PublishError } from './errors.ts';
export { publishArtifact } from './publish.ts';
export {
  type ComponentsSelection,
  type PlanComponentsResult,
  type PublishComponentsResult,
  type PublishEvent,
  type PublishOptions,
  type PublishResult,
  type SbomFormat,
  type SigningPlan,
} from './request.ts';
