// What an artifact deploys (inventory), written as CycloneDX or SPDX, and documents attached to it as referrers.
export * from './inventory-types.ts';
export * from './purl.ts';
export * from './inventory.ts';
export { SbomError, DocumentPullError, type SbomErrorCode, type DocumentPullErrorCode } from './errors.ts';
export * from './document-type.ts';
export { formatFoundAt, type SbomOptions, type SbomSubject } from './sbom-common.ts';
export * from './cyclonedx.ts';
export * from './spdx.ts';
export * from './attach.ts';
export { pullDocument, type PullDocumentRequest, type PulledDocument } from './pull.ts';
