// The notation room's public API: Notary Project (Notation) signatures for OCI artifacts, signed and verified as
// the notation CLI and Flux do (notaryproject/specifications; notation-go, notation-core-go). Helpers the files
// share among themselves (Go-style printing, the DN and pkix name ports, the signature manifest) stay inside.
export { notationSignWithKey, type NotationKeySpec } from './algorithms.ts';
export { signNotationBeforeTagging } from './before-tag.ts';
export { parseNotationEnvelope } from './envelope.ts';
export { NotationError, NotationPluginError, NotationPolicyError } from './errors.ts';
export { NotationAnnotation, NotationMediaType } from './format.ts';
export { notationPayload, parseNotationPayload } from './payload.ts';
export { createNotationPluginSigner } from './plugin-signer.ts';
export { decodeNotationProtectedHeader } from './protected-header.ts';
export { createNotationEnvelope, signNotation } from './sign.ts';
export { createNotationKeySigner, type NotationSigner } from './signer.ts';
export { applicableNotationTrustPolicy, parseNotationTrustPolicy, type NotationTrustPolicyDocument } from './trust-policy.ts';
export { notationDirectoryTrustStore, notationFluxTrustStore, notationMemoryTrustStore, type NotationTrustStore } from './trust-store.ts';
export { verifyNotationEnvelope } from './verify-envelope.ts';
export { verifyNotation } from './verify.ts';
