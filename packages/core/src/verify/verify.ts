import { parseManifest, type Descriptor, type ImageManifest } from '../oci/descriptor.ts';
import { readAll } from '../oci/content.ts';
import { isNotFound } from '../oci/errors.ts';
import type { Target } from '../oci/target.ts';
import { RemoteRepository } from '../oci/remote.ts';
import { Annotation } from '../artifact/flux.ts';
import { annotationMismatches } from '../artifact/required-annotations.ts';
import { legacySignatureTag } from '../sign/legacy.ts';
import { sigstoreBundleLayers } from '../sign/present.ts';
import { signatureAnnotationMismatch } from '../sign/annotations.ts';
import { verifyBundleSignature, verifyLegacySignature, type SignatureCheck, type Verification } from './signatures.ts';
import { fluxRejections, fluxVerdict, parseFluxVersion, type FluxVerdict, type FluxVersion, type FluxVersionOption } from './flux.ts';

export const verifyFormats = ['auto', 'legacy', 'bundle'] as const;
export type VerifyFormat = (typeof verifyFormats)[number];

export interface VerifyOptions {
  target: Target;
  /** Tag or digest; a tag is resolved once, and everything after is checked and reported by digest. */
  reference: string;
  verification: Verification;
  /** Which signatures to look at: `auto` (both, as Flux 2.8+ and cosign v3), `legacy` or `bundle`. */
  format?: VerifyFormat;
  /** Manifest annotations that must match, e.g. `org.opencontainers.image.revision` → /^refs\/heads\/main@/. */
  annotations?: Record<string, RegExp>;
  /**
   * In-toto predicate types that must be attested: a Sigstore bundle referrer signing a statement of that type
   * about this digest, verified with the same policy (e.g. an SPDX SBOM, an OpenVEX document).
   */
  requireAttestations?: readonly string[];
  /**
   * Signature annotations that must be signed (cosign `verify -a key=value`): a signature counts only when its
   * annotations hold each key with exactly this value. Flux checks none, so its verdicts ignore them.
   */
  signatureAnnotations?: Readonly<Record<string, string>>;
  /**
   * With `format: auto`: verified only when this Flux version (or every version 2.6–2.9, `all`, the default) would
   * accept the artifact, read as its source-controller reads it; a list, when every one of those versions would.
   * `none` checks as cosign does, without Flux's rules.
   */
  fluxVersion?: FluxVersionOption | readonly FluxVersion[] | 'none';
  /** Keyless: how many `matchOIDCIdentity` entries the cluster has (Flux 2.8+ bundles take exactly one). */
  identities?: number;
  /**
   * How the cluster reaches the registry (its OCIRepository's `spec.url` host and `spec.insecure`), which decides
   * whether Flux 2.8 can fetch bundles at all. By default: as this client reached it.
   */
  clusterRegistry?: { registry: string; plainHttp: boolean };
}

export interface AttestationCheck {
  predicateType: string;
  verified: boolean;
  /** The referrer that verified, or why none did. */
  referrer?: string;
  reason?: string;
}

export interface VerifyResult {
  verified: boolean;
  descriptor: Descriptor;
  /** Which format verified. */
  format?: 'legacy' | 'bundle';
  identity?: string;
  issuer?: string;
  /** `owner/repo` of the GitHub run that signed, when the certificate says. */
  sourceRepository?: string;
  annotations: Record<string, string>;
  /** Why it did not verify, one entry per signature examined (or why there was none). */
  reasons: string[];
  /** Things a Flux cluster would see differently, e.g. a failing bundle hiding a good legacy signature. */
  warnings: string[];
  signaturesChecked: number;
  /** One entry per required attestation type. */
  attestations: AttestationCheck[];
  /** What each Flux version asked about would decide (empty with an explicit format or `fluxVersion: none`). */
  flux: FluxVerdict[];
}

const maxSignatureBytes = 4 * 1024 * 1024;

async function readBlob(target: Target, descriptor: Descriptor): Promise<Buffer> {
  return readAll(await target.fetch(descriptor), maxSignatureBytes);
}

async function legacyChecks(target: Target, digest: string, verification: Verification): Promise<SignatureCheck[]> {
  let signatures;
  try {
    signatures = await target.fetchManifest(legacySignatureTag(digest));
  } catch (err) {
    if (isNotFound(err)) return [];
    throw err;
  }
  const manifest = parseManifest(signatures.bytes, signatures.descriptor.mediaType).manifest as ImageManifest;
  const checks: SignatureCheck[] = [];
  for (const layer of manifest.layers ?? []) {
    const payload = await readBlob(target, layer);
    checks.push(await verifyLegacySignature(payload, layer.annotations ?? {}, digest, verification));
  }
  return checks;
}

/** The in-toto statement a bundle's DSSE envelope signs (undefined when it holds none). */
export function bundleStatement(json: unknown): { predicateType?: string; predicate?: unknown } | undefined {
  const payload = (json as { dsseEnvelope?: { payload?: string } } | null)?.dsseEnvelope?.payload;
  if (typeof payload !== 'string') return undefined;
  try {
    const statement = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as {
      predicateType?: unknown;
      predicate?: unknown;
    } | null;
    if (statement === null || typeof statement !== 'object') return undefined;
    return {
      ...(typeof statement.predicateType === 'string' ? { predicateType: statement.predicateType } : {}),
      predicate: statement.predicate,
    };
  } catch {
    return undefined;
  }
}

type BundleCheck = SignatureCheck & { predicateType?: string; referrer: string };

async function bundleChecks(target: Target, subject: Descriptor, verification: Verification): Promise<BundleCheck[]> {
  const checks: BundleCheck[] = [];
  for (const { referrer, layer } of await sigstoreBundleLayers(target, subject)) {
    let json: unknown;
    try {
      json = JSON.parse((await readBlob(target, layer)).toString('utf8'));
    } catch {
      checks.push({ ok: false, reason: `referrer ${referrer.digest} holds no JSON bundle`, referrer: referrer.digest });
      continue;
    }
    const predicateType = bundleStatement(json)?.predicateType;
    checks.push({
      ...(await verifyBundleSignature(json, subject.digest, verification)),
      referrer: referrer.digest,
      ...(predicateType ? { predicateType } : {}),
    });
  }
  return checks;
}

/**
 * Verifies an artifact's signatures as Flux's source-controller and cosign do, for both formats. The reference
 * is resolved to a digest once; signatures are looked up for that digest, so a tag moved meanwhile cannot swap
 * what is verified (Flux ≤ 2.8 resolved twice). Verified when any signature passes.
 */
export async function verifyArtifact(options: VerifyOptions): Promise<VerifyResult> {
  const fetched = await options.target.fetchManifest(options.reference);
  const descriptor = fetched.descriptor;
  const { manifest } = parseManifest(fetched.bytes, descriptor.mediaType);
  const annotations = manifest.annotations ?? {};
  const result: VerifyResult = {
    verified: false,
    descriptor,
    annotations,
    reasons: [],
    warnings: [],
    signaturesChecked: 0,
    attestations: [],
    flux: [],
  };

  result.reasons.push(...annotationMismatches(annotations, options.annotations));

  const format = options.format ?? 'auto';
  const required = options.requireAttestations ?? [];
  const [allBundles, legacies] = await Promise.all([
    format === 'legacy' && required.length === 0 ? Promise.resolve([]) : bundleChecks(options.target, descriptor, options.verification),
    format === 'bundle' ? Promise.resolve([]) : legacyChecks(options.target, descriptor.digest, options.verification),
  ]);
  const fluxBundles = format === 'legacy' ? [] : allBundles;
  // d2ci's own verdict also asks for the signature annotations (cosign verify -a); Flux's does not (raw checks).
  const wanted = options.signatureAnnotations ?? {};
  const annotated = <C extends SignatureCheck>(check: C): C => {
    const mismatch = check.ok ? signatureAnnotationMismatch(wanted, check.signed) : undefined;
    return mismatch ? { ...check, ok: false, reason: mismatch } : check;
  };
  const bundles = Object.keys(wanted).length ? fluxBundles.map(annotated) : fluxBundles;
  const checkedLegacies = Object.keys(wanted).length ? legacies.map(annotated) : legacies;
  for (const predicateType of required) {
    const ofType = allBundles.filter((c) => c.predicateType === predicateType);
    const good = ofType.find((c) => c.ok);
    if (good) {
      result.attestations.push({ predicateType, verified: true, referrer: good.referrer });
      continue;
    }
    const reason =
      ofType.length === 0
        ? `no ${predicateType} attestation is attached to ${descriptor.digest}`
        : `no ${predicateType} attestation verifies: ${[...new Set(ofType.map((c) => (c.ok ? '' : c.reason)))].join('; ')}`;
    result.attestations.push({ predicateType, verified: false, reason });
    result.reasons.push(reason);
  }
  result.signaturesChecked = bundles.length + legacies.length;
  const goodBundle = bundles.find((c) => c.ok);
  const goodLegacy = checkedLegacies.find((c) => c.ok);
  const good = goodBundle ?? goodLegacy;
  if (bundles.length === 0 && legacies.length === 0) {
    result.reasons.push(`no ${format === 'auto' ? '' : `${format} `}signature found for ${descriptor.digest}`);
  }
  if (!good) {
    // One line per distinct reason, with how many signatures gave it.
    const counts = new Map<string, number>();
    for (const [kind, check] of [...bundles.map((c) => ['bundle', c] as const), ...checkedLegacies.map((c) => ['legacy', c] as const)]) {
      if (!check.ok) counts.set(`${kind} signature: ${check.reason}`, (counts.get(`${kind} signature: ${check.reason}`) ?? 0) + 1);
    }
    for (const [reason, count] of counts) result.reasons.push(count > 1 ? `${reason} (${count} signatures)` : reason);
  }
  const fluxMode = format === 'auto' ? (options.fluxVersion ?? 'all') : 'none';
  if (fluxMode !== 'none') {
    const cluster =
      options.clusterRegistry ??
      (options.target instanceof RemoteRepository ? { registry: options.target.registry, plainHttp: options.target.plainHttp } : undefined);
    const evidence = {
      legacies,
      bundles: fluxBundles,
      ...(options.identities !== undefined ? { identities: options.identities } : {}),
      ...(cluster?.plainHttp ? { plainHttpRegistry: cluster.registry } : {}),
    };
    result.flux = (typeof fluxMode === 'string' ? parseFluxVersion(fluxMode) : fluxMode).map((version) => fluxVerdict(version, evidence));
    // When d2ci's own check fails, its reasons say why; Flux's verdicts add a reason only where they differ.
    if (good?.ok) result.reasons.push(...fluxRejections(result.flux));
  } else if (format === 'auto') {
    if (bundles.length > 0 && !fluxBundles.some((c) => c.ok) && legacies.some((c) => c.ok)) {
      result.warnings.push(
        'a Sigstore bundle referrer is attached but does not verify: Flux 2.8+ checks only bundles when any exist, so it would reject this artifact',
      );
    }
    if (!legacies.some((c) => c.ok) && fluxBundles.some((c) => c.ok)) {
      result.warnings.push(
        'only a Sigstore bundle verifies: Flux 2.6 and 2.7 read only legacy .sig signatures and would reject this artifact',
      );
    }
  }
  if (good?.ok && result.reasons.length === 0) {
    result.verified = true;
    result.format = goodBundle ? 'bundle' : 'legacy';
    result.identity = good.identity;
    if (good.issuer !== undefined) result.issuer = good.issuer;
    if (good.sourceRepository !== undefined) result.sourceRepository = good.sourceRepository;
  }
  return result;
}

/** The source and revision a verified artifact claims (its OCI annotations). */
export function artifactOrigin(annotations: Record<string, string>): { source?: string; revision?: string } {
  return { source: annotations[Annotation.source], revision: annotations[Annotation.revision] };
}
