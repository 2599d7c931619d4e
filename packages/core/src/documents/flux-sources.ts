import { posix } from 'node:path';
import { parseDigest } from '../oci/digest.ts';
import { formatReference, parseReference, repositoryName, type Reference } from '../oci/reference.ts';
import type { DeployedComponentType, FoundAt } from './inventory-types.ts';
import { gitPackageUrl, ociPackageUrl } from './purl.ts';
import { unresolved, type FluxObject, type Found, type Scan } from './scan-state.ts';
import { get, getPath, str, text, type Node } from './yaml-tree.ts';

// Flux source objects (OCIRepository, HelmRepository, GitRepository, Bucket): what each points at, and which
// objects a sourceRef names.

const exactSemver = /^=?\s*(v?[0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;

/** An exact version from a semver constraint (`6.14.0`, `=6.14.0`), else undefined. */
export function exactVersion(constraint: string): string | undefined {
  return exactSemver.exec(constraint.trim())?.[1];
}

export interface SourceRef {
  kind: string;
  name: string;
  namespace?: string;
}

export function readSourceRef(node: Node | undefined): SourceRef | undefined {
  const kind = str(get(node, 'kind'));
  const name = str(get(node, 'name'));
  if (!kind || !name) return undefined;
  const namespace = str(get(node, 'namespace'));
  return { kind, name, ...(namespace ? { namespace } : {}) };
}

export const formatSourceRef = (ref: SourceRef): string => `${ref.kind}/${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;

function commonPrefix(a: string, b: string): number {
  const x = posix.dirname(a).split('/');
  const y = posix.dirname(b).split('/');
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/**
 * The objects a reference names: same kind and name, same namespace when both say; nearest first (same file,
 * then the longest shared directory), and every one of the nearest when several are equally near.
 */
export function lookup(objects: FluxObject[], ref: SourceRef, from: FluxObject): FluxObject[] {
  const namespace = ref.namespace ?? from.namespace;
  const candidates = objects.filter(
    (o) => o.kind === ref.kind && o.name === ref.name && (!namespace || !o.namespace || o.namespace === namespace),
  );
  if (candidates.length <= 1) return candidates;
  const score = (o: FluxObject): number => (o.ctx.file === from.ctx.file ? 10_000 : commonPrefix(o.ctx.file, from.ctx.file));
  const best = Math.max(...candidates.map(score));
  return candidates.filter((o) => score(o) === best);
}

export interface OciSource {
  ref: Reference;
  url: string;
  tag?: string;
  digest?: string;
  semver?: string;
  helmMediaType: boolean;
}

export function readOciRepository(scan: Scan, o: FluxObject): OciSource | undefined {
  const urlNode = getPath(o.node, 'spec', 'url');
  const url = str(urlNode);
  if (!url) {
    unresolved(scan, o.ctx, 'spec.url', o.node.line, '', 'OCIRepository without spec.url (a patch?)');
    return undefined;
  }
  const problem = /\$\{/.test(url) ? 'contains a variable' : !url.startsWith('oci://') ? 'is not an oci:// URL' : undefined;
  let ref: Reference | undefined;
  try {
    if (!problem) ref = parseReference(url);
  } catch (err) {
    unresolved(scan, o.ctx, 'spec.url', urlNode?.line ?? o.node.line, url, `OCIRepository URL ${(err as Error).message}`);
    return undefined;
  }
  if (problem || !ref || ref.tag || ref.digest) {
    unresolved(
      scan,
      o.ctx,
      'spec.url',
      urlNode?.line ?? o.node.line,
      url,
      `OCIRepository URL ${problem ?? 'must name a repository, without tag or digest'}`,
    );
    return undefined;
  }
  const refNode = getPath(o.node, 'spec', 'ref');
  const source: OciSource = {
    ref: { registry: ref.registry, repository: ref.repository },
    url,
    helmMediaType: /helm\.chart/.test(str(getPath(o.node, 'spec', 'layerSelector', 'mediaType')) ?? ''),
  };
  const digest = str(get(refNode, 'digest'));
  const semver = text(get(refNode, 'semver'));
  const tag = text(get(refNode, 'tag'));
  if (digest) {
    try {
      parseDigest(digest);
      source.digest = digest;
    } catch (err) {
      unresolved(scan, o.ctx, 'spec.ref.digest', get(refNode, 'digest')?.line ?? o.node.line, digest, (err as Error).message);
    }
  }
  // Flux's precedence: digest, then semver, then tag; no ref at all means `latest`.
  if (semver) source.semver = semver;
  else if (tag) source.tag = tag;
  else if (!digest) source.tag = 'latest';
  return source;
}

export function ociComponent(source: OciSource, type: DeployedComponentType, at: FoundAt, extra: Partial<Found['fields']> = {}): Found {
  const ref: Reference = { ...source.ref };
  if (source.tag) ref.tag = source.tag;
  if (source.digest) ref.digest = source.digest;
  const fields: Found['fields'] = {
    name: repositoryName(ref),
    registry: ref.registry,
    repository: ref.repository,
    url: `oci://${repositoryName(ref)}`,
    purl: ociPackageUrl(ref),
    ...extra,
  };
  if (source.tag) fields.version = fields.tag = source.tag;
  if (source.digest) fields.digest = source.digest;
  let id = formatReference(ref);
  if (source.semver) {
    fields.versionConstraint = source.semver;
    const exact = exactVersion(source.semver);
    if (exact) fields.version = exact;
    id += `?semver=${source.semver}`;
  }
  return { type, id, fields, at };
}

export interface HelmRepositorySource {
  url: string;
  oci: boolean;
}

export function readHelmRepository(scan: Scan, o: FluxObject): HelmRepositorySource | undefined {
  const urlNode = getPath(o.node, 'spec', 'url');
  const url = str(urlNode)?.replace(/\/+$/, '');
  if (!url) {
    unresolved(scan, o.ctx, 'spec.url', o.node.line, '', 'HelmRepository without spec.url (a patch?)');
    return undefined;
  }
  return { url, oci: str(getPath(o.node, 'spec', 'type')) === 'oci' || url.startsWith('oci://') };
}

export interface GitSource {
  url: string;
  version?: string;
  semver?: string;
  /** A commit or tag, fit for a purl version. */
  pin?: string;
}

export function readGitRepository(o: FluxObject): GitSource | undefined {
  const url = str(getPath(o.node, 'spec', 'url'));
  if (!url) return undefined;
  const ref = getPath(o.node, 'spec', 'ref');
  const commit = str(get(ref, 'commit'));
  const name = str(get(ref, 'name'));
  const semver = text(get(ref, 'semver'));
  const tag = text(get(ref, 'tag'));
  const branch = str(get(ref, 'branch'));
  // Flux's precedence: commit, name, semver, tag, branch.
  const source: GitSource = { url };
  if (commit) source.version = source.pin = commit;
  else if (name) source.version = name;
  else if (semver) source.semver = semver;
  else if (tag) source.version = source.pin = tag;
  else if (branch) source.version = branch;
  return source;
}

export function gitComponent(source: GitSource, at: FoundAt): Found {
  const fields: Found['fields'] = { name: source.url, url: source.url, sourceKind: 'GitRepository' };
  if (source.version) fields.version = source.version;
  if (source.semver) fields.versionConstraint = source.semver;
  const purl = gitPackageUrl(source.url, source.pin);
  if (purl) fields.purl = purl;
  const id = `${source.url}${source.version ? `@${source.version}` : ''}${source.semver ? `?semver=${source.semver}` : ''}`;
  return { type: 'source', id, fields, at };
}

export interface BucketSource {
  url: string;
  bucket: string;
}

export function readBucket(o: FluxObject): BucketSource | undefined {
  const bucket = str(getPath(o.node, 'spec', 'bucketName'));
  const endpoint = str(getPath(o.node, 'spec', 'endpoint'));
  if (!bucket || !endpoint) return undefined;
  const provider = str(getPath(o.node, 'spec', 'provider')) ?? 'generic';
  const scheme = provider === 'gcp' ? 'gs' : provider === 'azure' ? 'azblob' : 's3';
  return { bucket, url: `${scheme}://${endpoint.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '')}/${bucket}` };
}
