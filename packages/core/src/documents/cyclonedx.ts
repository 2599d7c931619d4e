import { compareBytes } from '../oci/order.ts';
import { formatReference, repositoryName } from '../oci/reference.ts';
import type { DeployedComponent, DeployedInventory } from './inventory-types.ts';
import { ociPackageUrl } from './purl.ts';
import {
  digestHash,
  formatFoundAt,
  readSubject,
  sortedComponents,
  timestampOf,
  uuidFromContent,
  type SbomOptions,
  type SbomSubject,
  type Subject,
} from './sbom-common.ts';

// A CycloneDX 1.6 JSON BOM of what a configuration artifact deploys (see sbom-common.ts).

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
