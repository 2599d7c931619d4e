import { mapLimit } from '../oci/concurrency.ts';
import { isManifestMediaType } from '../oci/media-types.ts';
import { parseManifest, successors, type Descriptor } from '../oci/descriptor.ts';
import { isNotFound } from '../oci/errors.ts';
import type { FetchedManifest } from '../oci/target.ts';
import { copyManifest, type CopyContext } from './context.ts';
import { copyCosignTags, type CosignTagCopy } from './legacy.ts';
import { CopyError } from './errors.ts';
import { referrerKind, type ReferrerKind } from './kinds.ts';

/** How deep referrers of referrers are followed (a signature of an attestation of an SBOM is three). */
export const maxReferrerDepth = 16;

export interface ReferrerCopy {
  digest: string;
  artifactType?: string;
  kind: ReferrerKind;
  /** The manifest it refers to. */
  subject: string;
  /** False when the destination already listed it, so nothing was written. */
  copied: boolean;
}

export interface ReferrersCopy {
  referrers: ReferrerCopy[];
  cosignTags: CosignTagCopy[];
}

/** A referrer's manifest from the source; one the source lists but cannot give stops the copy, named. */
async function fetchReferrer(context: CopyContext, referrer: Descriptor, subject: Descriptor): Promise<FetchedManifest> {
  try {
    return await context.source.fetchManifest(referrer.digest);
  } catch (err) {
    if (!isNotFound(err)) throw err;
    throw new CopyError(
      'REFERRER_INCOMPLETE',
      `${context.source.name} lists ${referrer.artifactType ?? 'a referrer'} ${referrer.digest} for ${subject.digest}, but its manifest is missing; repair the source or copy without referrers`,
      { cause: err },
    );
  }
}

/**
 * Checks that the source can give every blob of a referrer the destination lacks, before anything is uploaded: a
 * referrer whose signature or document blob is gone is named here, instead of failing mid-upload.
 */
async function checkComplete(context: CopyContext, referrer: FetchedManifest): Promise<void> {
  const { manifest } = parseManifest(referrer.bytes, referrer.descriptor.mediaType);
  const blobs = successors(manifest).filter((d) => !isManifestMediaType(d.mediaType));
  await mapLimit(blobs, 4, async (blob) => {
    if ((await context.destination.exists(blob)) || (await context.source.exists(blob))) return;
    throw new CopyError(
      'REFERRER_INCOMPLETE',
      `${context.source.name}: referrer ${referrer.descriptor.digest} names ${blob.mediaType} ${blob.digest}, which the source does not have; repair the source or copy without referrers`,
    );
  });
}

/**
 * Copies everything that refers to `subject`, and what refers to that in turn (signatures of attestations, of SBOMs):
 * OCI referrers as the source lists them (its referrers API, else its `sha256-<hex>` tag index), each stored on the
 * destination by digest — which keeps the destination's own listing right: its referrers API, or the tag index
 * RemoteRepository maintains when the registry has none — and cosign's `.sig`/`.att`/`.sbom` tags of every subject.
 * A referrer the destination already lists is not written again, but its own referrers are still followed.
 */
export async function copyReferrers(
  context: CopyContext,
  subject: Descriptor,
  seen: Set<string> = new Set([subject.digest]),
  depth = 0,
): Promise<ReferrersCopy> {
  const [listed, present, cosignTags] = await Promise.all([
    context.source.referrers(subject),
    context.destination.referrers(subject),
    copyCosignTags(context, subject.digest),
  ]);
  const there = new Set(present.map((d) => d.digest));
  const fresh = listed.filter((d) => !seen.has(d.digest));
  for (const d of fresh) seen.add(d.digest);
  const below = await mapLimit(fresh, 1, async (referrer): Promise<ReferrersCopy> => {
    const copied = !there.has(referrer.digest);
    let descriptor = referrer;
    if (copied) {
      const fetched = await fetchReferrer(context, referrer, subject);
      await checkComplete(context, fetched);
      await copyManifest(context, fetched, { checkRoot: false });
      descriptor = { ...referrer, mediaType: fetched.descriptor.mediaType, size: fetched.descriptor.size };
    }
    const entry: ReferrerCopy = {
      digest: referrer.digest,
      ...(referrer.artifactType ? { artifactType: referrer.artifactType } : {}),
      kind: referrerKind(referrer),
      subject: subject.digest,
      copied,
    };
    const deeper = depth + 1 < maxReferrerDepth ? await copyReferrers(context, descriptor, seen, depth + 1) : undefined;
    return { referrers: [entry, ...(deeper?.referrers ?? [])], cosignTags: deeper?.cosignTags ?? [] };
  });
  return { referrers: below.flatMap((b) => b.referrers), cosignTags: [...cosignTags, ...below.flatMap((b) => b.cosignTags)] };
}
