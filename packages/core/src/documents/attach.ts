// SBOM and VEX documents attached to an artifact as OCI 1.1 referrers, optionally also as signed in-toto
// attestations, so registries, Trivy-style scanners (they look for these artifact types) and cosign find them.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Descriptor } from '../oci/descriptor.ts';
import type { Target } from '../oci/target.ts';
import { attachReferrer } from '../oci/attach.ts';
import { attestDocument, predicateTypes } from '../sign/attest.ts';
import type { BundleSigner, SigningIdentity } from '../sign/signer.ts';
import { rfc3339 } from '../go/time.ts';
import { cycloneDxDocument } from './cyclonedx.ts';
import { detectDocumentType, documentMediaTypes, type DocumentFormat } from './document-type.ts';
import { SbomError } from './errors.ts';
import type { FindDeployedComponentsOptions } from './inventory-types.ts';
import { findDeployedComponents } from './inventory.ts';
import type { SbomSubject } from './sbom-common.ts';
import { spdxDocument } from './spdx.ts';

export interface ArtifactDocument {
  format: DocumentFormat;
  mediaType: string;
  content: Buffer;
  /** Where it came from: a file name, or `generated`. */
  source: string;
}

export interface AttachedDocument {
  format: DocumentFormat;
  mediaType: string;
  source: string;
  referrer: Descriptor;
  /** The signed in-toto attestation of the same document, when asked for. */
  attestation?: Descriptor;
}

/** A user's SPDX, CycloneDX or OpenVEX JSON file, recognised by its content. */
export async function readDocument(path: string): Promise<ArtifactDocument> {
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch (err) {
    throw new SbomError(
      'DOCUMENT_UNREADABLE',
      `cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
      { field: 'attach', cause: err },
    );
  }
  let detected;
  try {
    detected = detectDocumentType(content);
  } catch (err) {
    if (err instanceof SbomError) throw new SbomError(err.code, `${basename(path)}: ${err.message}`, { field: 'attach', cause: err });
    throw err;
  }
  return { format: detected.format, mediaType: detected.mediaType, content, source: basename(path) };
}

/** The SBOM of what a tree deploys (images, charts, sources), as CycloneDX or SPDX JSON. */
export async function generateSbom(
  dir: string,
  format: 'cyclonedx' | 'spdx',
  subject: SbomSubject,
  options: FindDeployedComponentsOptions & { timestamp?: Date } = {},
): Promise<ArtifactDocument> {
  const { timestamp, ...walk } = options;
  const inventory = await findDeployedComponents(dir, walk);
  const document =
    format === 'cyclonedx' ? cycloneDxDocument(inventory, subject, { timestamp }) : spdxDocument(inventory, subject, { timestamp });
  return {
    format,
    mediaType: documentMediaTypes[format],
    content: Buffer.from(`${JSON.stringify(document, null, 2)}\n`),
    source: 'generated',
  };
}

/**
 * Attaches each document to `subject` as a referrer whose artifactType is the document's media type, and, with
 * `attest`, also as a signed in-toto attestation (the same signer as the artifact's signature, so one certificate).
 */
export async function attachDocuments(
  target: Target,
  subject: Descriptor,
  documents: readonly ArtifactDocument[],
  options: { attest?: { identity: SigningIdentity; signer?: BundleSigner } } = {},
): Promise<AttachedDocument[]> {
  const attached: AttachedDocument[] = [];
  for (const document of documents) {
    const referrer = await attachReferrer(target, subject, {
      artifactType: document.mediaType,
      content: document.content,
      annotations: {
        'org.opencontainers.image.created': rfc3339(new Date()),
        ...(document.source !== 'generated' ? { 'org.opencontainers.image.title': document.source } : {}),
      },
    });
    const entry: AttachedDocument = { format: document.format, mediaType: document.mediaType, source: document.source, referrer };
    if (options.attest) {
      const attestation = await attestDocument(target, subject, {
        identity: options.attest.identity,
        signer: options.attest.signer,
        predicateType: predicateTypes[document.format],
        predicate: JSON.parse(document.content.toString('utf8')) as unknown,
      });
      entry.attestation = attestation.referrer;
    }
    attached.push(entry);
  }
  return attached;
}

/** `spdx`, `cyclonedx`, `openvex` or a predicate type URI, as the predicate type to require. */
export function attestationPredicateType(name: string): string {
  const known = predicateTypes[name.trim().toLowerCase() as keyof typeof predicateTypes] as string | undefined;
  if (known) return known;
  if (/^https?:\/\//.test(name.trim())) return name.trim();
  throw new SbomError('PREDICATE_TYPE', `"${name}" is not spdx, cyclonedx, openvex or a predicate type URI`, {
    field: 'require-attestations',
  });
}
