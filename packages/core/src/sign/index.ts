export { attestDocument, predicateTypes } from './attest.ts';
export { KeyError, keyId, loadPrivateKey, loadPublicKey, publicKeyPem } from './keys.ts';
export { appendLegacySignature, CosignAnnotation, legacySignatureTag } from './legacy.ts';
export { simpleSigningPayload } from './payload.ts';
export { parseSignatureAnnotations, SignatureAnnotationError, signatureAnnotationMismatch } from './annotations.ts';
export { addedFormatNotes, presentSignatureFormats, signInPresentFormats, unionFormat, type WrittenFormat } from './present.ts';
export {
  signArtifact,
  signatureFormats,
  sigstoreBundleMediaType,
  type SignatureFormat,
  type SignOptions,
  type SignResult,
} from './sign.ts';
export { publicGood, SigningError, type KeylessIdentity, type KmsIdentity, type SigningIdentity } from './signer.ts';
export {
  keylessServices,
  SigningConfigError,
  signingConfigMediaType,
  signingConfigServices,
  tufSigningConfig,
  type KeylessServices,
  type SigstoreServices,
  type TufOptions,
} from './signing-config.ts';
