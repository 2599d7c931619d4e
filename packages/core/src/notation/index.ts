// The notation room's public API: Notary Project (Notation) signatures for OCI artifacts, signed and verified as
// the notation CLI and Flux do (notaryproject/specifications; notation-go, notation-core-go). Helpers the files
// share among themselves (Go-style printing, the DN and pkix name ports, the signature manifest) stay inside.

export {
  NotationError,
  NotationPolicyError,
  NotationTrustStoreError,
  NotationPluginError,
  type NotationErrorCode,
  type NotationPolicyErrorCode,
  type NotationTrustStoreErrorCode,
  type NotationPluginProtocolErrorCode,
  type NotationPluginErrorCode,
} from './errors.ts';
export { NotationMediaType, NotationAnnotation, NotationHeader, type NotationSigningScheme } from './format.ts';
export {
  notationAlgorithms,
  isNotationKeySpec,
  notationAlgorithmForJws,
  notationKeySpecOf,
  notationSignWithKey,
  verifyNotationJwsSignature,
  type NotationKeySpec,
  type NotationJwsAlgorithm,
  type NotationHashAlgorithm,
  type NotationSigningAlgorithm,
  type NotationAlgorithm,
} from './algorithms.ts';
export {
  splitNotationCertificates,
  parseNotationCertificate,
  parseNotationCertificates,
  notationThumbprints,
  type NotationCertificate,
} from './certificate.ts';
export { notationSigningTimeProblem, notationLeafCertificateProblem, notationCertificateChainProblem } from './certificate-chain.ts';
export { type NotationNameAttribute } from './pkix-name.ts';
export { notationRfc1123z } from './time.ts';
export { notationPayload, parseNotationPayload, type NotationTargetArtifact, type NotationPayload } from './payload.ts';
export { decodeNotationProtectedHeader, type NotationProtectedHeader } from './protected-header.ts';
export {
  parseNotationEnvelope,
  notationEnvelopeSignatureProblem,
  type NotationJwsEnvelope,
  type ParsedNotationEnvelope,
} from './envelope.ts';
export { createNotationKeySigner, type NotationSigner, type NotationKeySignerOptions } from './signer.ts';
export {
  createNotationEnvelope,
  notationSignatureAnnotations,
  signNotation,
  type NotationEnvelopeOptions,
  type NotationEnvelope,
  type NotationSignOptions,
  type NotationSignResult,
} from './sign.ts';
export {
  notationPluginContractVersion,
  NotationPluginCapability,
  defaultNotationPluginDirectory,
  notationPluginPath,
  NotationPlugin,
  type NotationPluginMetadata,
  type NotationDescribeKeyResponse,
  type NotationGenerateSignatureResponse,
  type NotationPluginOptions,
} from './plugin.ts';
export { createNotationPluginSigner, type NotationPluginSignerOptions, type NotationPluginSigner } from './plugin-signer.ts';
export {
  notationValidationTypes,
  notationVerificationLevels,
  notationVerificationLevel,
  type NotationValidationType,
  type NotationValidationAction,
  type NotationSignatureVerification,
  type NotationVerificationLevel,
} from './verification-level.ts';
export { parseNotationDistinguishedName } from './distinguished-name.ts';
export {
  parseNotationTrustPolicy,
  applicableNotationTrustPolicy,
  type NotationTrustPolicy,
  type NotationTrustPolicyDocument,
} from './trust-policy.ts';
export {
  notationDirectoryTrustStore,
  notationMemoryTrustStore,
  notationFluxTrustStore,
  type NotationTrustStoreType,
  type NotationTrustStore,
  type NotationCertificateSource,
} from './trust-store.ts';
export {
  verifyNotationEnvelope,
  type NotationValidationResult,
  type NotationSignerInfo,
  type NotationSignatureOutcome,
  type NotationVerifyEnvelopeOptions,
} from './verify-envelope.ts';
export { verifyNotation, type NotationVerifyOptions, type NotationVerifyResult } from './verify.ts';
export { signNotationBeforeTagging } from './before-tag.ts';
