import { BaseError, type Field } from '../errors.ts';

/**
 * DOCUMENT_UNREADABLE: a document file cannot be read; DOCUMENT_UNRECOGNIZED: it is not SPDX 2.x, CycloneDX or
 * OpenVEX JSON; SBOM_SUBJECT, SBOM_TIMESTAMP: the artifact or time an SBOM is written for is not valid;
 * SPDX_ID_COLLISION: two components would share an SPDX identifier; PREDICATE_TYPE: not a document type or URI.
 */
export type SbomErrorCode =
  'DOCUMENT_UNREADABLE' | 'DOCUMENT_UNRECOGNIZED' | 'SBOM_SUBJECT' | 'SBOM_TIMESTAMP' | 'SPDX_ID_COLLISION' | 'PREDICATE_TYPE';

/**
 * A document to attach, an SBOM to write or an attestation type to require that cannot be used. A user's file is
 * about the documents to attach (`attach`), a required type about `require-attestations`.
 */
export class SbomError extends BaseError<SbomErrorCode> {
  constructor(code: SbomErrorCode, message: string, options: { field?: Field; cause?: unknown } = {}) {
    super(code, message, options);
    this.name = 'SbomError';
  }
}

/** ATTESTATION_WITHOUT_PREDICATE: the attestation found for the document asked for holds no predicate to give. */
export type DocumentPullErrorCode = 'ATTESTATION_WITHOUT_PREDICATE';

/** The document asked for (`referrer`) is attached, but in a form that cannot be given. */
export class DocumentPullError extends BaseError<DocumentPullErrorCode> {
  constructor(code: DocumentPullErrorCode, message: string) {
    super(code, message, { field: 'referrer' });
  }
}
