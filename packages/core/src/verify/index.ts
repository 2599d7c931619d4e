export * from './policy.ts';
export * from './trust.ts';
export * from './signatures.ts';
export * from './verify.ts';
export * from './flux.ts';
export * from './flux-manifest-error.ts';
export * from './flux-manifest.ts';
export * from './flux-manifest-plan.ts';
export * from './attestations.ts';
export { readClusterPolicy, clusterIdentityPolicy, type ClusterPolicy } from './cluster-policy.ts';
export { VerifyRequestError, type VerifyRequestCode } from './check-errors.ts';
export {
  verifySignatureFormats,
  parseSignatureFormat,
  chooseSignatures,
  type VerifySignatureFormat,
  type GivenSignatures,
  type SignatureChoice,
} from './signature-choice.ts';
export type { CheckRequest, CheckResult, CosignSignatures, NotationSignatures } from './check-request.ts';
export { checkArtifact } from './check.ts';
