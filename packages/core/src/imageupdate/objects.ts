import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { BaseError, oneLineMessage } from '../errors.ts';
import { compareBytes } from '../oci/order.ts';
import { defaultExclusionList, type DigestReflectionPolicy } from './policy.ts';

/** The spec fields of an `ImageRepository` the native engine uses (image.toolkit.fluxcd.io/v1). */
export interface ImageRepositoryObject {
  namespace: string;
  name: string;
  /** `spec.image` as written: it is also what `:name` markers and `latestRef.name` get. */
  image: string;
  /** `spec.exclusionList`; Flux's default drops cosign signature tags. */
  exclusionList: string[];
  provider: string;
  insecure: boolean;
  /** `spec.secretRef.name`: a cluster Secret; in CI the registry credentials come from the job instead. */
  secretRef?: string;
  file: string;
}

/** The spec fields of an `ImagePolicy`. */
export interface ImagePolicyObject {
  namespace: string;
  name: string;
  imageRepositoryRef: { namespace: string; name: string };
  policy: { semver?: { range: string }; alphabetical?: { order?: string }; numerical?: { order?: string } };
  filterTags?: { pattern?: string; extract?: string };
  digestReflectionPolicy: DigestReflectionPolicy;
  file: string;
}

export interface AutomationObjects {
  repositories: ImageRepositoryObject[];
  policies: ImagePolicyObject[];
  /** Files and documents that could not be read as what they claim to be, with why. */
  problems: { file: string; message: string }[];
}

/** The policies directory cannot be read. */
export class ObjectsError extends BaseError<'POLICIES_UNREADABLE'> {
  constructor(message: string) {
    super('POLICIES_UNREADABLE', message, { field: 'policies-path' });
    this.name = 'ObjectsError';
  }
}

const apiVersions = new Set(['image.toolkit.fluxcd.io/v1', 'image.toolkit.fluxcd.io/v1beta2']);

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort(compareBytes);
}

type Json = Record<string, unknown>;
const record = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Reads the `ImageRepository` and `ImagePolicy` objects under `dir` (every `*.yaml`/`*.yml`, all documents; other
 * kinds such as a kustomization.yaml are ignored). `namespace` plays the part of the applying Kustomization's
 * `targetNamespace`: when given it replaces every object's namespace; otherwise an object keeps its own, or
 * `flux-system`.
 */
export async function loadAutomationObjects(dir: string, options: { namespace?: string } = {}): Promise<AutomationObjects> {
  let files: string[];
  try {
    files = await yamlFiles(dir);
  } catch (err) {
    throw new ObjectsError(
      `cannot read ${dir}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : (err as Error).message}`,
    );
  }
  const out: AutomationObjects = { repositories: [], policies: [], problems: [] };
  for (const path of files) {
    const file = relative(dir, path).split('\\').join('/');
    const docs = parseAllDocuments(await readFile(path, 'utf8'));
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      if (doc.errors.length) {
        out.problems.push({ file, message: `not valid YAML: ${doc.errors[0] ? oneLineMessage(doc.errors[0], { firstLine: true }) : ''}` });
        continue;
      }
      const object = record(doc.toJS());
      const kind = text(object.kind);
      if (kind !== 'ImageRepository' && kind !== 'ImagePolicy') continue;
      const apiVersion = text(object.apiVersion) ?? '';
      const metadata = record(object.metadata);
      const name = text(metadata.name);
      const where = `${kind} ${name ?? '(no name)'} in ${file}`;
      if (!apiVersions.has(apiVersion)) {
        out.problems.push({ file, message: `${where}: apiVersion "${apiVersion}" is not image.toolkit.fluxcd.io/v1` });
        continue;
      }
      if (!name) {
        out.problems.push({ file, message: `${where}: metadata.name is missing` });
        continue;
      }
      const namespace = options.namespace || text(metadata.namespace) || 'flux-system';
      const spec = record(object.spec);
      if (kind === 'ImageRepository') {
        const image = text(spec.image);
        if (!image) {
          out.problems.push({ file, message: `${where}: spec.image is missing` });
          continue;
        }
        const exclusion = spec.exclusionList;
        out.repositories.push({
          namespace,
          name,
          image,
          exclusionList: Array.isArray(exclusion) ? exclusion.map(String) : [...defaultExclusionList],
          provider: text(spec.provider) ?? 'generic',
          insecure: spec.insecure === true,
          ...(text(record(spec.secretRef).name) ? { secretRef: text(record(spec.secretRef).name) } : {}),
          file,
        });
      } else {
        const ref = record(spec.imageRepositoryRef);
        const refName = text(ref.name);
        if (!refName) {
          out.problems.push({ file, message: `${where}: spec.imageRepositoryRef.name is missing` });
          continue;
        }
        const reflection = text(spec.digestReflectionPolicy) ?? 'Never';
        if (reflection !== 'Never' && reflection !== 'IfNotPresent' && reflection !== 'Always') {
          out.problems.push({
            file,
            message: `${where}: spec.digestReflectionPolicy "${reflection}" is not Never, IfNotPresent or Always`,
          });
          continue;
        }
        const filter = spec.filterTags === undefined ? undefined : record(spec.filterTags);
        out.policies.push({
          namespace,
          name,
          imageRepositoryRef: { namespace: options.namespace || text(ref.namespace) || namespace, name: refName },
          policy: record(spec.policy),
          ...(filter
            ? {
                filterTags: {
                  ...(text(filter.pattern) !== undefined ? { pattern: text(filter.pattern) } : {}),
                  ...(text(filter.extract) !== undefined ? { extract: text(filter.extract) } : {}),
                },
              }
            : {}),
          digestReflectionPolicy: reflection,
          file,
        });
      }
    }
  }
  return out;
}
