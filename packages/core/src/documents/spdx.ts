import { createHash } from 'node:crypto';
import { formatReference, repositoryName } from '../oci/reference.ts';
import { SbomError } from './errors.ts';
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
} from './sbom-common.ts';

// An SPDX 2.3 JSON document of what a configuration artifact deploys (see sbom-common.ts).

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
    if (ids.has(p.SPDXID)) throw new SbomError('SPDX_ID_COLLISION', `two components share the SPDX identifier ${p.SPDXID}`);
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
