export { newestAttestation } from './attestations.ts';
export { FluxManifestError, type FluxManifestField } from './flux-manifest-error.ts';
export { planFluxVerification, type FluxManifestPlan, type GivenMaterial } from './flux-manifest-plan.ts';
export { parseFluxManifest, readFluxManifest, type FluxManifestVerify } from './flux-manifest.ts';
export { fluxVerdict, FluxVersionError, goImplicitlyPlainHttp, parseFluxVersionOption, type FluxVersionOption } from './flux.ts';
export { compileIdentityList, compilePolicy, githubIssuer, PolicyInputError, type CompiledPolicy, type IdentityPolicy } from './policy.ts';
export { type SignatureCheck, type Verification } from './signatures.ts';
export { loadTrustedRoot, TrustError, type TrustedRoot } from './trust.ts';
export { artifactOrigin, verifyArtifact, verifyFormats, type VerifyFormat, type VerifyResult } from './verify.ts';
