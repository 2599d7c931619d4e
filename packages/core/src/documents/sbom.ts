import { createHash } from 'node:crypto';
import { compareBytes } from '../oci/order.ts';
import { parseDigest } from '../oci/digest.ts';
import { formatReference, parseReference, repositoryName, type Reference } from '../oci/reference.ts';
import { rfc3339 } from '../go/time.ts';
import { ociPackageUrl, type DeployedComponent, type DeployedInventory, type FoundAt } from './inventory.ts';

// CycloneDX 1.6 and SPDX 2.3 JSON documents of what a configuration artifact deploys, written directly (they
// are small, and a library would weigh on the bundled actions); the tests validate them against the official
// JSON schemas. Everything but the timestamp is deterministic: sorted, with identifiers derived from content.

/** Media types of the documents d2ci attaches to an artifact as referrers (OCI artifactType). */
export const documentMediaTypes = {
  spdx: 'application/spdx+json',
  cyclonedx: 'application/vnd.cyclonedx+json',
  openvex: 'application/openvex+json',
} as const;

export type DocumentFormat = keyof typeof documentMediaTypes;

/** The artifact a document describes. */
export interface SbomSubject {
  /** `registry/repository` of the artifact (`oci://` accepted); a tag or digest in it is used when not given below. */
  repository: string;
  /** The manifest digest the document is attached to. */
  digest?: string;
  tag?: string;
  /** The Git source and revision the artifact was built from (its `org.opencontainers.image.source`/`revision`). */
  source?: string;
  revision?: string;
}

export interface SbomOptions {
  /** `metadata.timestamp` / `creationInfo.created`; now by default. Rounded down to whole seconds. */
  timestamp?: Date | string;
  /** d2ci's version, recorded with the tool. */
  toolVersion?: string;
  /** Base of the SPDX `documentNamespace` (default `https://spdx.org/spdxdocs/d2ci`); a UUID from the content is appended. */
  namespaceBase?: string;
}

export class SbomError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SbomError';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Document shapes (the parts d2ci writes).

export interface CycloneDxHash {
  alg: 'SHA-256' | 'SHA-512';
  content: string;
}
export interface CycloneDxProperty {
  name: string;
  value: string;
}
export interface CycloneDxExternalReference {
  type: 'distribution' | 'vcs';
  url: string;
}
export interface CycloneDxComponent {
  type: 'container' | 'application' | 'data';
  'bom-ref': string;
  name: string;
  version?: string;
  hashes?: CycloneDxHash[];
  purl?: string;
  externalReferences?: CycloneDxExternalReference[];
  properties?: CycloneDxProperty[];
}
export interface CycloneDxDocument {
  $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json';
  bomFormat: 'CycloneDX';
  specVersion: '1.6';
  serialNumber: string;
  version: 1;
  metadata: {
    timestamp: string;
    tools: { components: { type: 'application'; name: string; version?: string }[] };
    component: CycloneDxComponent;
  };
  components: CycloneDxComponent[];
  dependencies: { ref: string; dependsOn: string[] }[];
}

export interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  downloadLocation: string;
  filesAnalyzed: false;
  primaryPackagePurpose: 'CONTAINER' | 'APPLICATION' | 'SOURCE' | 'ARCHIVE' | 'OTHER';
  checksums?: { algorithm: 'SHA256' | 'SHA512'; checksumValue: string }[];
  externalRefs?: { referenceCategory: 'PACKAGE-MANAGER'; referenceType: 'purl'; referenceLocator: string }[];
  comment?: string;
}
export interface SpdxRelationship {
  spdxElementId: string;
  relationshipType: 'DESCRIBES' | 'DEPENDS_ON';
  relatedSpdxElement: string;
}
export interface SpdxDocument {
  spdxVersion: 'SPDX-2.3';
  dataLicense: 'CC0-1.0';
  SPDXID: 'SPDXRef-DOCUMENT';
  name: string;
  documentNamespace: string;
  creationInfo: { created: string; creators: string[] };
  packages: SpdxPackage[];
  relationships: SpdxRelationship[];
}

// ---------------------------------------------------------------------------------------------------------------

interface Subject {
  ref: Reference;
  source?: string;
  revision?: string;
}

function readSubject(subject: SbomSubject): Subject {
  let ref: Reference;
  try {
    ref = parseReference(subject.repository);
  } catch (err) {
    throw new SbomError(`SBOM subject: ${(err as Error).message}`);
  }
  const tag = subject.tag ?? ref.tag;
  const digest = subject.digest ?? ref.digest;
  if (digest !== undefined) {
    try {
      parseDigest(digest);
    } catch (err) {
      throw new SbomError(`SBOM subject: ${(err as Error).message}`);
    }
  }
  const out: Subject = {
    ref: { registry: ref.registry, repository: ref.repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) },
  };
  if (subject.source) out.source = subject.source;
  if (subject.revision) out.revision = subject.revision;
  return out;
}

function timestampOf(options: SbomOptions): string {
  const value = options.timestamp ?? new Date();
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new SbomError(`SBOM timestamp "${String(value)}" is not a valid date`);
  return rfc3339(date);
}

// A fixed namespace for d2ci's name-based UUIDs.
const uuidNamespace = Buffer.from('8f1c7e52a3b94d0e9c6a2b5d7e4f1a30', 'hex');

/** An RFC 9562 version 5 (SHA-1, name-based) UUID: the same content always gives the same UUID. */
function uuidFromContent(content: string): string {
  const hash = createHash('sha1').update(uuidNamespace).update(content).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `file:line Kind/name path (via)`, plus what a kustomize override rewrote. */
export function formatFoundAt(at: FoundAt): string {
  const object = at.kind ? ` ${at.kind}${at.name ? `/${at.namespace ? `${at.namespace}/` : ''}${at.name}` : ''}` : '';
  const applied = at.appliedTo ? `, rewrites ${at.appliedTo.image} at ${at.appliedTo.file}:${at.appliedTo.line} ${at.appliedTo.path}` : '';
  return `${at.file}:${at.line}${object} ${at.path} (${at.via}${applied})`;
}

function digestHash(digest: string | undefined): { alg: 'SHA-256' | 'SHA-512'; hex: string } | undefined {
  if (!digest) return undefined;
  const { algorithm, hex } = parseDigest(digest);
  return { alg: algorithm === 'sha256' ? 'SHA-256' : 'SHA-512', hex };
}

const bomRef = (c: DeployedComponent): string => `${c.type}:${c.id}`;
const subjectRef = (s: Subject): string => `artifact:${formatReference(s.ref)}`;

function cycloneDxType(c: DeployedComponent): CycloneDxComponent['type'] {
  return c.type === 'image' ? 'container' : c.type === 'chart' ? 'application' : 'data';
}

function properties(c: DeployedComponent): CycloneDxProperty[] {
  const list: CycloneDxProperty[] = c.foundAt.map((at) => ({ name: 'd2ci:found-at', value: formatFoundAt(at) }));
  if (c.versionConstraint) list.push({ name: 'd2ci:version-constraint', value: c.versionConstraint });
  if (c.sourceKind) list.push({ name: 'd2ci:source-kind', value: c.sourceKind });
  if (c.sourceRef) list.push({ name: 'd2ci:source-ref', value: c.sourceRef });
  if (c.chart && c.type === 'chart') list.push({ name: 'd2ci:chart', value: c.chart });
  return list.sort((a, b) => compareBytes(a.name, b.name) || compareBytes(a.value, b.value));
}

/**
 * A Git repository's URL (`vcs`), an HTTP Helm repository's (`distribution`). Not `oci://` (the purl's
 * `repository_url` carries it, and CycloneDX validators check `iri-reference` against registered URI schemes)
 * nor buckets.
 */
function externalReferences(c: DeployedComponent): CycloneDxExternalReference[] {
  if (!c.url || !/^(https?|ssh|git):\/\//.test(c.url) || c.sourceKind === 'Bucket') return [];
  return [{ type: c.sourceKind === 'GitRepository' ? 'vcs' : 'distribution', url: c.url }];
}

function cycloneDxComponent(c: DeployedComponent): CycloneDxComponent {
  const out: CycloneDxComponent = { type: cycloneDxType(c), 'bom-ref': bomRef(c), name: c.name };
  const version = c.version ?? c.digest;
  if (version) out.version = version;
  const hash = digestHash(c.digest);
  if (hash) out.hashes = [{ alg: hash.alg, content: hash.hex }];
  if (c.purl) out.purl = c.purl;
  const refs = externalReferences(c);
  if (refs.length) out.externalReferences = refs;
  out.properties = properties(c);
  return out;
}

function subjectComponent(s: Subject): CycloneDxComponent {
  const out: CycloneDxComponent = { type: 'data', 'bom-ref': subjectRef(s), name: repositoryName(s.ref) };
  const version = s.ref.digest ?? s.ref.tag;
  if (version) out.version = version;
  const hash = digestHash(s.ref.digest);
  if (hash) out.hashes = [{ alg: hash.alg, content: hash.hex }];
  out.purl = ociPackageUrl(s.ref);
  if (s.source && /^(https?|ssh|git):\/\//.test(s.source)) out.externalReferences = [{ type: 'vcs', url: s.source }];
  const props: CycloneDxProperty[] = [];
  if (s.ref.tag) props.push({ name: 'd2ci:tag', value: s.ref.tag });
  if (s.revision) props.push({ name: 'org.opencontainers.image.revision', value: s.revision });
  if (s.source) props.push({ name: 'org.opencontainers.image.source', value: s.source });
  if (props.length) out.properties = props;
  return out;
}

function sortedComponents(inventory: DeployedInventory): DeployedComponent[] {
  return [...inventory.components].sort((a, b) => compareBytes(a.type, b.type) || compareBytes(a.id, b.id));
}

/**
 * A CycloneDX 1.6 JSON BOM: the artifact as `metadata.component` (type `data`, `pkg:oci` purl), each image a
 * `container`, each chart an `application`, each other source `data`, with purls, digests as hashes, where each
 * was found as `d2ci:found-at` properties, and the artifact depending on every one. `serialNumber` is a UUID
 * derived from the content (not the timestamp), so the same inventory gives the same document.
 */
export function cycloneDxDocument(inventory: DeployedInventory, subject: SbomSubject, options: SbomOptions = {}): CycloneDxDocument {
  const s = readSubject(subject);
  const components = sortedComponents(inventory).map(cycloneDxComponent);
  const tool: CycloneDxDocument['metadata']['tools']['components'][number] = {
    type: 'application',
    name: 'd2ci',
    ...(options.toolVersion ? { version: options.toolVersion } : {}),
  };
  const metadataComponent = subjectComponent(s);
  const document: CycloneDxDocument = {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: '',
    version: 1,
    metadata: { timestamp: '', tools: { components: [tool] }, component: metadataComponent },
    components,
    dependencies: [{ ref: metadataComponent['bom-ref'], dependsOn: components.map((c) => c['bom-ref']) }],
  };
  document.serialNumber = `urn:uuid:${uuidFromContent(`cyclonedx\n${JSON.stringify(document)}`)}`;
  document.metadata.timestamp = timestampOf(options);
  return document;
}

/** `SPDXRef-<type>-<name>-<12 hex of the identity>`: readable, stable, and unique per component. */
function spdxId(c: DeployedComponent): string {
  const slug = c.name
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  const hash = createHash('sha256').update(`${c.type} ${c.id}`).digest('hex').slice(0, 12);
  return `SPDXRef-${c.type}-${slug ? `${slug}-` : ''}${hash}`;
}

function spdxPurpose(c: DeployedComponent): SpdxPackage['primaryPackagePurpose'] {
  if (c.type === 'image') return 'CONTAINER';
  if (c.type === 'chart') return 'APPLICATION';
  if (c.sourceKind === 'GitRepository') return 'SOURCE';
  return c.sourceKind === 'OCIRepository' ? 'ARCHIVE' : 'OTHER';
}

/** Where the exact package can be downloaded: a Git source as a VCS location, else NOASSERTION (OCI content has its purl). */
function downloadLocation(c: DeployedComponent): string {
  if (c.sourceKind === 'GitRepository' && c.url && /^(https?|ssh):\/\//.test(c.url) && c.version) {
    return `git+${c.url}@${c.version}${c.type === 'chart' && c.chart ? `#${c.chart}` : ''}`;
  }
  return 'NOASSERTION';
}

function spdxPackage(c: DeployedComponent): SpdxPackage {
  const out: SpdxPackage = {
    SPDXID: spdxId(c),
    name: c.name,
    downloadLocation: downloadLocation(c),
    filesAnalyzed: false,
    primaryPackagePurpose: spdxPurpose(c),
  };
  const version = c.version ?? c.digest;
  if (version) out.versionInfo = version;
  const hash = digestHash(c.digest);
  if (hash) out.checksums = [{ algorithm: hash.alg === 'SHA-256' ? 'SHA256' : 'SHA512', checksumValue: hash.hex }];
  if (c.purl) out.externalRefs = [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: c.purl }];
  const notes = [
    c.versionConstraint && `version constraint: ${c.versionConstraint}`,
    c.sourceRef && `source: ${c.sourceRef}`,
    c.url && `location: ${c.url}`,
    ...c.foundAt.map((at) => `found at ${formatFoundAt(at)}`),
  ].filter((n): n is string => Boolean(n));
  out.comment = notes.join('\n');
  return out;
}

/**
 * An SPDX 2.3 JSON document: the artifact as the package the document DESCRIBES, DEPENDS_ON each image, chart
 * and source package (`filesAnalyzed: false`, purl external references, digests as checksums). The namespace
 * ends in a UUID derived from the content (not the timestamp).
 */
export function spdxDocument(inventory: DeployedInventory, subject: SbomSubject, options: SbomOptions = {}): SpdxDocument {
  const s = readSubject(subject);
  const artifactId = 'SPDXRef-Artifact';
  const artifact: SpdxPackage = {
    SPDXID: artifactId,
    name: repositoryName(s.ref),
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    primaryPackagePurpose: 'ARCHIVE',
  };
  const version = s.ref.digest ?? s.ref.tag;
  if (version) artifact.versionInfo = version;
  const hash = digestHash(s.ref.digest);
  if (hash) artifact.checksums = [{ algorithm: hash.alg === 'SHA-256' ? 'SHA256' : 'SHA512', checksumValue: hash.hex }];
  artifact.externalRefs = [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: ociPackageUrl(s.ref) }];
  const notes = [s.ref.tag && `tag: ${s.ref.tag}`, s.source && `source: ${s.source}`, s.revision && `revision: ${s.revision}`].filter(
    (n): n is string => Boolean(n),
  );
  if (notes.length) artifact.comment = notes.join('\n');

  const packages = sortedComponents(inventory).map(spdxPackage);
  const ids = new Set<string>([artifactId]);
  for (const p of packages) {
    if (ids.has(p.SPDXID)) throw new SbomError(`two components share the SPDX identifier ${p.SPDXID}`);
    ids.add(p.SPDXID);
  }
  const document: SpdxDocument = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: formatReference(s.ref),
    documentNamespace: '',
    creationInfo: { created: '', creators: [`Tool: d2ci${options.toolVersion ? `-${options.toolVersion}` : ''}`] },
    packages: [artifact, ...packages],
    relationships: [
      { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: artifactId },
      ...packages.map((p): SpdxRelationship => ({
        spdxElementId: artifactId,
        relationshipType: 'DEPENDS_ON',
        relatedSpdxElement: p.SPDXID,
      })),
    ],
  };
  const base = (options.namespaceBase ?? 'https://spdx.org/spdxdocs/d2ci').replace(/\/+$/, '');
  const slug = repositoryName(s.ref).replace(/[^A-Za-z0-9.-]+/g, '-');
  document.documentNamespace = `${base}/${slug}-${uuidFromContent(`spdx\n${base}\n${JSON.stringify(document)}`)}`;
  document.creationInfo.created = timestampOf(options);
  return document;
}

// ---------------------------------------------------------------------------------------------------------------

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
    if (text.startsWith('<')) throw new SbomError('the document is XML; give SPDX, CycloneDX or OpenVEX as JSON');
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new SbomError(`the document is not JSON (${(err as Error).message}); give an SPDX, CycloneDX or OpenVEX JSON document`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SbomError(
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
    throw new SbomError('the document is SPDX 3 (JSON-LD), which is not supported; give SPDX 2.x JSON, CycloneDX or OpenVEX');
  }
  const keys = Object.keys(doc).slice(0, 8);
  throw new SbomError(
    `the document is not SPDX, CycloneDX or OpenVEX JSON: expected "spdxVersion", "bomFormat": "CycloneDX" or an OpenVEX "@context" (https://openvex.dev/ns/…); its keys are ${keys.length ? keys.map((k) => JSON.stringify(k)).join(', ') : 'none'}${Object.keys(doc).length > keys.length ? ', …' : ''}`,
  );
}
