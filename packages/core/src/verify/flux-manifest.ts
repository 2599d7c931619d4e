import { readFile } from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';
import { oneLineMessage } from '../errors.ts';
import { FluxManifestError } from './flux-manifest-error.ts';
import { verifyPatch } from './flux-manifest-patch.ts';
import { renderObject, renderString, unresolved } from './flux-manifest-template.ts';

// "Will my cluster accept this artifact?": the verify block of the cluster's own OCIRepository, read from the
// manifests that define it. source-controller api/v1 ociverification_types.go: `spec.verify` is
// `{provider: cosign|notation (default cosign), secretRef: {name}, matchOIDCIdentity: [{issuer, subject}]}`, plus
// `trustedRootSecretRef: {name}` from source-controller v1.9.0 (Flux 2.9). The Secrets themselves (public keys,
// trusted_root.json, Notation's trust policy and CAs) are cluster objects: the user passes their content.

export interface OidcIdentity {
  issuer: string;
  subject: string;
}

/** An OCIRepository's `spec.verify`, as source-controller reads it. */
export interface FluxVerifySpec {
  provider: 'cosign' | 'notation';
  /** `secretRef.name`: cosign public keys (`*.pub`), or Notation's `trustpolicy.json` and CA certificates. */
  secretName?: string;
  /** `matchOIDCIdentity`, in order (keyless; any entry may match). */
  identities: OidcIdentity[];
  /** `trustedRootSecretRef.name` (Flux 2.9): a Secret holding `trusted_root.json`. */
  trustedRootSecretName?: string;
}

export interface FluxManifestVerify extends FluxVerifySpec {
  file: string;
  /** The OCIRepository the block applies to. */
  name: string;
  namespace?: string;
  /** Where it is written: `OCIRepository flux-system/flux-system`, `FluxInstance flux (kustomize patch 1)`, … */
  origin: string;
  /** How the cluster reaches the registry: `spec.url`'s host and `spec.insecure` (when the manifest has the URL). */
  registry?: { registry: string; plainHttp: boolean };
}

interface Candidate {
  name: string;
  namespace?: string;
  origin: string;
  verify: unknown;
  registry?: { registry: string; plainHttp: boolean };
}

type Json = Record<string, unknown>;
const record = (value: unknown): Json | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const group = (apiVersion: unknown): string => (typeof apiVersion === 'string' ? (apiVersion.split('/')[0] ?? '') : '');
const qualified = (c: { name: string; namespace?: string }): string => (c.namespace ? `${c.namespace}/${c.name}` : c.name);

function ociRepository(doc: Json, origin: string): Candidate | undefined {
  if (doc.kind !== 'OCIRepository' || group(doc.apiVersion) !== 'source.toolkit.fluxcd.io') return undefined;
  const metadata = record(doc.metadata);
  const namespace = text(metadata?.namespace);
  const spec = record(doc.spec);
  const host = /^oci:\/\/([^/]+)/.exec(text(spec?.url) ?? '')?.[1];
  const registry = host ? { registry: host, plainHttp: spec?.insecure === true } : undefined;
  return {
    name: text(metadata?.name) ?? '(unnamed)',
    ...(namespace ? { namespace } : {}),
    origin,
    verify: spec?.verify,
    ...(registry ? { registry } : {}),
  };
}

/**
 * Kustomize patches whose target is an OCIRepository and that set its verify block. For a FluxInstance the patch
 * usually targets the sync source, which flux-operator names after the instance's namespace
 * (internal/builder/templates.go `syncTmpl`).
 */
function patched(patches: unknown, kind: string, owner: string, fallback: { name?: string; namespace?: string }): Candidate[] {
  if (!Array.isArray(patches)) return [];
  return patches.flatMap((entry, index) => {
    const patch = verifyPatch(entry);
    if (!patch || patch.target.kind !== 'OCIRepository') return [];
    const namespace = patch.target.namespace ?? fallback.namespace;
    return [
      {
        name: patch.target.name ?? fallback.name ?? '(every OCIRepository)',
        ...(namespace ? { namespace } : {}),
        origin: `${kind} ${owner} (kustomize patch ${index + 1})`,
        verify: patch.verify,
      },
    ];
  });
}

/** A ResourceSet's OCIRepository templates, rendered once per inline input set (`spec.inputs`). */
function resourceSet(doc: Json, owner: string): Candidate[] {
  const spec = record(doc.spec);
  const inputs = Array.isArray(spec?.inputs) && spec.inputs.length > 0 ? spec.inputs.map((i) => record(i) ?? {}) : [{}];
  const found: Candidate[] = [];
  inputs.forEach((input, i) => {
    const origin = `ResourceSet ${owner}${inputs.length > 1 ? ` (inputs[${i}])` : ''}`;
    for (const resource of Array.isArray(spec?.resources) ? spec.resources : []) {
      const object = record(resource);
      const candidate = object && ociRepository(renderObject(object, input), origin);
      if (candidate) found.push(candidate);
    }
    if (typeof spec?.resourcesTemplate === 'string') {
      // Control actions (<< if >>, << range >>) are not rendered: documents that do not parse are skipped.
      for (const rendered of parseAllDocuments(renderString(spec.resourcesTemplate, input))) {
        const object = rendered.errors.length ? undefined : record(rendered.toJS());
        const candidate = object && ociRepository(object, origin);
        if (candidate) found.push(candidate);
      }
    }
  });
  return found;
}

function candidates(doc: Json): Candidate[] {
  const metadata = record(doc.metadata);
  const owner = text(metadata?.name) ?? '(unnamed)';
  const namespace = text(metadata?.namespace);
  const spec = record(doc.spec);
  const direct = ociRepository(doc, `OCIRepository ${qualified({ name: owner, ...(namespace ? { namespace } : {}) })}`);
  if (direct) return [direct];
  const api = group(doc.apiVersion);
  if (api === 'fluxcd.controlplane.io' && doc.kind === 'FluxInstance') {
    const instanceNamespace = namespace ?? 'flux-system';
    const sync = record(spec?.sync);
    return patched(record(spec?.kustomize)?.patches, 'FluxInstance', owner, {
      namespace: instanceNamespace,
      ...(sync?.kind === 'OCIRepository' ? { name: instanceNamespace } : {}),
    });
  }
  if (api === 'fluxcd.controlplane.io' && doc.kind === 'ResourceSet') return resourceSet(doc, owner);
  if (api === 'kustomize.toolkit.fluxcd.io' && doc.kind === 'Kustomization')
    return patched(spec?.patches, 'Kustomization', owner, namespace ? { namespace } : {});
  if (api === 'kustomize.config.k8s.io' && doc.kind === 'Kustomization') return patched(doc.patches, 'kustomization.yaml', owner, {});
  return [];
}

/** `spec.verify` as the CRD validates it; `where` names the object for errors. */
function verifySpec(raw: unknown, where: string): FluxVerifySpec {
  const invalid = (problem: string) => new FluxManifestError('FLUX_MANIFEST_INVALID', 'manifest', `${where}: ${problem}`);
  const verify = record(raw);
  if (!verify) throw invalid('spec.verify is not an object');
  const provider = verify.provider ?? 'cosign';
  if (provider !== 'cosign' && provider !== 'notation')
    throw invalid(`spec.verify.provider is ${JSON.stringify(provider)}, not cosign or notation`);
  const secretName = (key: 'secretRef' | 'trustedRootSecretRef'): string | undefined => {
    if (verify[key] === undefined) return undefined;
    const name = text(record(verify[key])?.name);
    if (!name) throw invalid(`spec.verify.${key} has no name`);
    return name;
  };
  const list = verify.matchOIDCIdentity ?? [];
  if (!Array.isArray(list)) throw invalid('spec.verify.matchOIDCIdentity is not a list');
  const identities = list.map((entry, i) => {
    const issuer = text(record(entry)?.issuer);
    const subject = text(record(entry)?.subject);
    // Both are required by the CRD (and an empty pattern would match any signer).
    if (!issuer || !subject) throw invalid(`spec.verify.matchOIDCIdentity[${i}] needs both issuer and subject`);
    return { issuer, subject };
  });
  const secret = secretName('secretRef');
  const trustedRoot = secretName('trustedRootSecretRef');
  const token = unresolved(verify);
  if (token) {
    const fix = token.startsWith('<<')
      ? 'a ResourceSet template d2ci renders only from inline spec.inputs'
      : 'a Flux postBuild variable: substitute it first, e.g. with `flux envsubst --strict`';
    throw new FluxManifestError('FLUX_MANIFEST_UNRESOLVED', 'manifest', `${where}: spec.verify holds ${token}, ${fix}`);
  }
  return {
    provider,
    ...(secret ? { secretName: secret } : {}),
    identities,
    ...(trustedRoot ? { trustedRootSecretName: trustedRoot } : {}),
  };
}

/**
 * The verify block of one OCIRepository in a multi-document YAML text: written on the OCIRepository itself,
 * patched in by a FluxInstance or Kustomization, or templated by a ResourceSet. `name` (`name` or
 * `namespace/name`) picks one when several OCIRepositories verify differently.
 */
export function parseFluxManifest(source: string, file: string, options: { name?: string } = {}): FluxManifestVerify {
  const docs = parseAllDocuments(source, { prettyErrors: true });
  const found: Candidate[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const error = doc.errors[0];
    if (error)
      throw new FluxManifestError(
        'FLUX_MANIFEST_YAML',
        'manifest',
        `${file}${error.linePos ? `:${error.linePos[0].line}` : ''} is not valid YAML: ${oneLineMessage(error, { firstLine: true })}`,
      );
    const object = record(doc.toJS());
    if (object) found.push(...candidates(object));
  }
  const names = (list: Candidate[]): string => [...new Set(list.map(qualified))].join(', ');
  if (found.length === 0)
    throw new FluxManifestError(
      'FLUX_MANIFEST_NOT_FOUND',
      'manifest',
      `${file} defines no OCIRepository (directly, by a FluxInstance or Kustomization patch, or in a ResourceSet)`,
    );
  const name = options.name?.trim();
  const named = name ? found.filter((c) => c.name === name || qualified(c) === name) : found;
  if (named.length === 0)
    throw new FluxManifestError('FLUX_MANIFEST_NOT_FOUND', 'name', `no OCIRepository "${name}" in ${file}; it has ${names(found)}`);
  const verifying = named.filter((c) => c.verify !== undefined);
  if (verifying.length === 0) {
    throw new FluxManifestError(
      'FLUX_MANIFEST_NO_VERIFY',
      name ? 'name' : 'manifest',
      `${names(named)} in ${file} has no spec.verify: the cluster does not verify ${named.length > 1 ? 'their' : 'its'} artifacts`,
    );
  }
  // Several sources that verify alike (a ResourceSet's tenants) are one answer; different ones need a name.
  const distinct = new Map(verifying.map((c) => [JSON.stringify(c.verify), c]));
  if (distinct.size > 1)
    throw new FluxManifestError(
      'FLUX_MANIFEST_AMBIGUOUS',
      'name',
      `${file} has ${distinct.size} OCIRepositories that verify differently (${names(verifying)}): name one`,
    );
  const chosen = verifying[0] as Candidate;
  const where = `${chosen.origin} in ${file}`;
  return {
    ...verifySpec(chosen.verify, where),
    file,
    name: chosen.name,
    ...(chosen.namespace ? { namespace: chosen.namespace } : {}),
    origin: chosen.origin,
    ...(chosen.registry ? { registry: chosen.registry } : {}),
  };
}

/** {@link parseFluxManifest} of a file; `shownAs` names it in messages (e.g. relative to the workspace). */
export async function readFluxManifest(file: string, options: { name?: string; shownAs?: string } = {}): Promise<FluxManifestVerify> {
  const shown = options.shownAs ?? file;
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (err) {
    throw new FluxManifestError(
      'FLUX_MANIFEST_UNREADABLE',
      'manifest',
      `cannot read ${shown}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  return parseFluxManifest(source, shown, options.name === undefined ? {} : { name: options.name });
}
