export * from './request.ts';
export * from './errors.ts';
export { publishArtifact } from './publish.ts';
export { publishComponents, planPublishComponents } from './components.ts';
