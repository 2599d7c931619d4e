// What an artifact deploys (inventory), written as CycloneDX or SPDX, and documents attached to it as referrers.
export {
  attachDocuments,
  attestationPredicateType,
  generateSbom,
  readDocument,
  type ArtifactDocument,
  type AttachedDocument,
} from './attach.ts';
export { cycloneDxDocument, type CycloneDxDocument } from './cyclonedx.ts';
export { detectDocumentType, documentMediaTypes } from './document-type.ts';
export { DocumentPullError, SbomError } from './errors.ts';
export { type DeployedComponent, type DeployedInventory } from './inventory-types.ts';
export { findDeployedComponents } from './inventory.ts';
export { pullDocument, type PulledDocument } from './pull.ts';
export { gitPackageUrl, helmPackageUrl, ociPackageUrl } from './purl.ts';
export { formatFoundAt } from './sbom-common.ts';
export { spdxDocument, type SpdxDocument } from './spdx.ts';
