export { buildLayer, hashLayer, writeLayer, type LayerInfo } from './build.ts';
export { type Component } from './components.ts';
export { diffArtifact } from './diff.ts';
export { Annotation, FluxMediaType, reproducibleCreated } from './flux.ts';
export { fluxDefaultIgnore, IgnoreRules } from './ignore.ts';
export { AmbiguousLayerError } from './layer.ts';
export { listArtifacts, ListFilterError } from './list.ts';
export { artifactAnnotations, fluxConfig, fluxManifest } from './manifest.ts';
export { pullArtifact, UnsafeArchiveError, type PullArtifactResult } from './pull.ts';
export { pushArtifact, type PushArtifactResult } from './push.ts';
export {
  manifestStreamFile,
  ManifestStreamError,
  maxManifestStream,
  readManifestStream,
  withManifestStream,
  type ManifestStreamInput,
} from './stdin.ts';
export { ProtectedTagError } from './tag-guard.ts';
export { tagArtifact } from './tag.ts';
export { removeTempOnSignal } from './temp.ts';
export { ArtifactPathError, UnpackableNameError, walkEntries, walkTree, type WalkOptions } from './walk.ts';
