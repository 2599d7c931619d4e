import { SbomError } from './errors.ts';

// The kinds of document d2ci attaches (SPDX, CycloneDX, OpenVEX), and which one a user's file is.

/** Media types of the documents d2ci attaches to an artifact as referrers (OCI artifactType). */
export const documentMediaTypes = {
  spdx: 'application/spdx+json',
  cyclonedx: 'application/vnd.cyclonedx+json',
  openvex: 'application/openvex+json',
} as const;

export type DocumentFormat = keyof typeof documentMediaTypes;

export interface DetectedDocument {
  format: DocumentFormat;
  mediaType: (typeof documentMediaTypes)[DocumentFormat];
  /** `spdxVersion`, `specVersion`, or the OpenVEX `@context` version. */
  version?: string;
}

/**
 * Which kind of document a user gave, by its content: SPDX 2.x JSON (`spdxVersion`), CycloneDX JSON
 * (`bomFormat: CycloneDX`) or OpenVEX (`@context` https://openvex.dev/ns…). Accepts the parsed JSON, its text or
 * bytes; throws an SbomError saying what was found otherwise.
 */
export function detectDocumentType(json: unknown): DetectedDocument {
  let value = json;
  if (typeof value === 'string' || value instanceof Uint8Array) {
    const text = (typeof value === 'string' ? value : Buffer.from(value).toString('utf8')).replace(/^\uFEFF/, '').trim();
    if (text.startsWith('<')) throw new SbomError('DOCUMENT_UNRECOGNIZED', 'the document is XML; give SPDX, CycloneDX or OpenVEX as JSON');
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new SbomError(
        'DOCUMENT_UNRECOGNIZED',
        `the document is not JSON (${(err as Error).message}); give an SPDX, CycloneDX or OpenVEX JSON document`,
      );
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SbomError(
      'DOCUMENT_UNRECOGNIZED',
      `the document is ${Array.isArray(value) ? 'a JSON array' : `JSON ${value === null ? 'null' : typeof value}`}; expected an SPDX, CycloneDX or OpenVEX JSON object`,
    );
  }
  const doc = value as Record<string, unknown>;
  if (typeof doc.spdxVersion === 'string' && /^SPDX-/.test(doc.spdxVersion)) {
    return { format: 'spdx', mediaType: documentMediaTypes.spdx, version: doc.spdxVersion.slice('SPDX-'.length) };
  }
  if (doc.bomFormat === 'CycloneDX') {
    return {
      format: 'cyclonedx',
      mediaType: documentMediaTypes.cyclonedx,
      ...(typeof doc.specVersion === 'string' ? { version: doc.specVersion } : {}),
    };
  }
  const context = doc['@context'];
  const contexts = (Array.isArray(context) ? context : [context]).filter((c): c is string => typeof c === 'string');
  const openvex = contexts.find((c) => /^https:\/\/openvex\.dev\/ns(\/|$)/.test(c));
  if (openvex) {
    const version = /^https:\/\/openvex\.dev\/ns\/v?([0-9][^/]*)/.exec(openvex)?.[1];
    return { format: 'openvex', mediaType: documentMediaTypes.openvex, ...(version ? { version } : {}) };
  }
  if (contexts.some((c) => /spdx\.org\/rdf\/3/.test(c))) {
    throw new SbomError(
      'DOCUMENT_UNRECOGNIZED',
      'the document is SPDX 3 (JSON-LD), which is not supported; give SPDX 2.x JSON, CycloneDX or OpenVEX',
    );
  }
  const keys = Object.keys(doc).slice(0, 8);
  throw new SbomError(
    'DOCUMENT_UNRECOGNIZED',
    `the document is not SPDX, CycloneDX or OpenVEX JSON: expected "spdxVersion", "bomFormat": "CycloneDX" or an OpenVEX "@context" (https://openvex.dev/ns/…); its keys are ${keys.length ? keys.map((k) => JSON.stringify(k)).join(', ') : 'none'}${Object.keys(doc).length > keys.length ? ', …' : ''}`,
  );
}
