export * as runner from './runner.ts';
export { booleanInput, InputError, integerInput, keyValueInput, linesInput, listInput, stringInput } from './inputs.ts';
export { defaultRevision, defaultSource, githubContext, workspacePath, type GitHubContext } from './context.ts';
export {
  registryInputs,
  registryOptions,
  registryServerInput,
  registrySession,
  repositoryInput,
  type RegistryInputs,
  type RegistrySession,
} from './registry.ts';
export { githubAppInput } from './github-app.ts';
export { runAction } from './run.ts';
export { cell, formatBytes, shortDigest } from './summary.ts';
export { cosignSigningInputs, signingInputs, type SigningInputs } from './signing.ts';
export { verificationInputs, verifyInputNames } from './verification.ts';
export { deployedFluxManifestInputs, fluxManifestInputError, fluxManifestInputs } from './flux-manifest.ts';
export { inputError, inputNames } from './fields.ts';
