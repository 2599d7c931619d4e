import { isIndex, parseManifest, type Descriptor } from '../oci/descriptor.ts';
import { isNotFound } from '../oci/errors.ts';
import type { Target } from '../oci/target.ts';
import { legacySignatureTag } from './legacy.ts';
import { SigningConfigError } from './signing-config.ts';
import {
  prepareLegacyWrite,
  signArtifact,
  type PreparedLegacyWrite,
  type SignOptions,
  type SignResult,
  type SignatureFormat,
} from './sign.ts';

// Which signature formats a digest already carries, and signing in all of them. Flux picks ONE format to read
// (source-controller internal/oci/cosign/cosign.go): 2.6/2.7 (cosign v2.5 VerifyImageSignatures) read only the
// legacy `sha256-<hex>.sig` tag; 2.8/2.9 (cosign v3.0 GetBundles) list every referrer and, when any Sigstore
// bundle is among them — a signature or an attestation, by any identity — verify only bundles and never look at
// `.sig`. So a new identity's signature (a release re-signing what staging signed) is seen by every Flux version
// only if it is written in every format the digest already has.

/** A Sigstore bundle layer's media type starts with this (`…bundle.v0.3+json`, `…bundle+json;version=0.2`). */
export const sigstoreBundlePrefix = 'application/vnd.dev.sigstore.bundle';

/** The formats `signArtifact` writes, one by one. */
export type WrittenFormat = 'legacy' | 'bundle';

export interface PresentFormats {
  /** The legacy `sha256-<hex>.sig` manifest exists with at least one signature layer. */
  legacy: boolean;
  /** The referrers that are Sigstore bundles (signatures and attestations, any identity). */
  bundles: Descriptor[];
}

/**
 * The Sigstore bundles among a manifest's referrers, with each one's bundle layer, decided by the referrer
 * manifest's single layer as cosign's `GetBundles` (so Flux 2.8+) does — not by the listed artifactType: cosign
 * v3.0.x (go-containerregistry v0.20.3–v0.21.3) lists its bundles in the tag-schema index with the config's
 * `application/vnd.oci.empty.v1+json`. Whether the bundle parses is left to the reader.
 */
export async function sigstoreBundleLayers(target: Target, subject: Descriptor): Promise<{ referrer: Descriptor; layer: Descriptor }[]> {
  const referrers = await target.referrers(subject);
  const found = await Promise.all(
    referrers.map(async (referrer) => {
      const { bytes, descriptor } = await target.fetchManifest(referrer.digest);
      const manifest = parseManifest(bytes, descriptor.mediaType).manifest;
      if (isIndex(manifest) || manifest.layers.length !== 1) return undefined;
      const layer = manifest.layers[0] as Descriptor;
      return layer.mediaType.startsWith(sigstoreBundlePrefix) ? { referrer, layer } : undefined;
    }),
  );
  return found.filter((f) => f !== undefined);
}

/** The referrers that are Sigstore bundles; counted whether or not they parse (at worst a signature Flux did not need). */
export async function sigstoreBundleReferrers(target: Target, subject: Descriptor): Promise<Descriptor[]> {
  return (await sigstoreBundleLayers(target, subject)).map(({ referrer }) => referrer);
}

async function hasLegacySignature(target: Target, subject: Descriptor): Promise<boolean> {
  try {
    const fetched = await target.fetchManifest(legacySignatureTag(subject.digest));
    const { manifest } = parseManifest(fetched.bytes, fetched.descriptor.mediaType);
    return !isIndex(manifest) && manifest.layers.length > 0;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

/** The cosign signature formats a digest already carries (whoever signed them). */
export async function presentSignatureFormats(
  target: Target,
  subject: Descriptor,
  /** The `.sig`'s layers when a legacy write already reads them (prepareLegacySignature), instead of a second read. */
  legacyLayers?: Promise<readonly Descriptor[]>,
): Promise<PresentFormats> {
  const [legacy, bundles] = await Promise.all([
    legacyLayers ? legacyLayers.then((layers) => layers.length > 0) : hasLegacySignature(target, subject),
    sigstoreBundleReferrers(target, subject),
  ]);
  return { legacy, bundles };
}

const formatsOf = (format: SignatureFormat): WrittenFormat[] => (format === 'both' ? ['legacy', 'bundle'] : [format]);

/** The requested format widened by what is present: the union, so no Flux version reads only the others'. */
export function unionFormat(requested: SignatureFormat, present: PresentFormats): SignatureFormat {
  const legacy = requested !== 'bundle' || present.legacy;
  const bundle = requested !== 'legacy' || present.bundles.length > 0;
  return legacy && bundle ? 'both' : legacy ? 'legacy' : 'bundle';
}

export interface PresentSignResult extends SignResult {
  /** What was asked for. */
  requested: SignatureFormat;
  /** What was written: the request and every format the digest already carried. */
  formats: WrittenFormat[];
  /** The formats written beyond the request, because the digest carried them. */
  added: WrittenFormat[];
}

/**
 * Signs in the requested format and in every format the digest already carries, so that every Flux version
 * (2.6–2.9) reads a signature by this identity: the union of `options.format` and what is present.
 */
export async function signInPresentFormats(
  target: Target,
  subject: Descriptor,
  options: SignOptions,
  /** What presentSignatureFormats found, when the caller looked ahead (overlapping other reads). */
  found?: Promise<PresentFormats>,
  /** A legacy write whose reads the caller started ahead (legacyWriteAhead); opened here once the format is known. */
  ahead?: LegacyWriteAhead,
): Promise<PresentSignResult> {
  const present = await (found ?? presentSignatureFormats(target, subject));
  const format = unionFormat(options.format, present);
  const identity = options.identity;
  // A .sig needs Rekor v1's signed entry timestamp: refuse before anything is logged or pushed, not half-way.
  const refused = format !== 'bundle' && identity.kind === 'keyless' && (identity.rekorVersion === 2 || identity.signingConfigFromTuf);
  // The write started ahead may upload its blobs only if a .sig will be written.
  ahead?.open(format !== 'bundle' && !refused);
  if (refused)
    throw new SigningConfigError(
      'SIGNING_CONFIG_FORMAT',
      `${identity.rekorVersion === 2 ? 'selects Rekor v2' : 'public-good may select Rekor v2'}, but the digest carries a legacy .sig signature (Flux 2.6 and 2.7 read only that), so this signature must be written as a .sig too, which needs Rekor v1's signed entry timestamp: ask for signature format both (the config's Rekor v1 log then logs both), or leave signing-config empty`,
    );
  const legacyWrite = format !== 'bundle' && ahead?.write.digest === subject.digest ? ahead.write : options.legacyWrite;
  const signed = await signArtifact(target, subject, { ...options, format, ...(legacyWrite ? { legacyWrite } : {}) });
  const formats = formatsOf(format);
  const requested = formatsOf(options.format);
  return { ...signed, requested: options.format, formats, added: formats.filter((f) => !requested.includes(f)) };
}

/** A legacy signature write whose reads started before it was known to be wanted; `open` decides its uploads. */
export interface LegacyWriteAhead {
  write: PreparedLegacyWrite;
  /** true: the .sig will be written, its blobs may go up; false: nothing is written. The first call decides. */
  open(go: boolean): void;
}

/**
 * Starts the reads of a legacy signature write — the `.sig` there is, HEADs of its payload and config blobs — before
 * it is known whether one will be written (a release reads them while the staging signature is still being
 * checked); uploads wait until signInPresentFormats opens it.
 */
export function legacyWriteAhead(
  target: Target,
  subject: Descriptor,
  options: Pick<SignOptions, 'repository' | 'claims'>,
): LegacyWriteAhead {
  let open: (go: boolean) => void = () => undefined;
  const writes = new Promise<boolean>((resolve) => (open = resolve));
  return { write: prepareLegacyWrite(target, subject, options, writes), open };
}

/**
 * Why formats were added, one line each, for notes and job summaries; `what` names the digest ("the staging
 * digest").
 */
export function addedFormatNotes(added: readonly WrittenFormat[], what = 'the digest'): string[] {
  return added.map((format) =>
    format === 'bundle'
      ? `also signed as a Sigstore bundle because ${what} carries one (Flux 2.8+ reads only bundles when any exist)`
      : `also signed as a legacy .sig signature because ${what} carries one (Flux 2.6 and 2.7 read only .sig)`,
  );
}
