import { assertValidTag } from '../oci/reference.ts';
import { locationName, type Location } from '../oci/open.ts';
import type { TagResult } from '../oci/copy.ts';
import type { Descriptor } from '../oci/descriptor.ts';
import type { Target } from '../oci/target.ts';
import { guardTags } from '../artifact/tag-guard.ts';
import { checkArtifact } from '../verify/check.ts';
import type { CheckRequest, CheckResult } from '../verify/check-request.ts';
import { copyManifest, emptyStats, type CopyContext, type CopyStats } from './context.ts';
import { copyReferrers, type ReferrerCopy } from './referrers.ts';
import type { CosignTagCopy } from './legacy.ts';
import { CopyError } from './errors.ts';
import { sided } from './sided.ts';

/** One side of a copy: where it is (for names, tags and the verification's scope) and the target opened there. */
export interface CopyEnd {
  location: Location;
  target: Target;
}

export interface CopyRequest {
  source: CopyEnd;
  destination: CopyEnd;
  /** More destination tags, besides the destination URL's tag (or, without one, the source's). */
  tags?: readonly string[];
  /** Protected tags (`latest-stable`, a released version pointing elsewhere) these tags may move, as `d2ci tag --force`. */
  force?: readonly string[];
  /** Copy the referrers and cosign's signature tags too (default true). */
  referrers?: boolean;
  /**
   * Mount blobs from the source repository when both are on one registry (default true). Off when the two sides
   * use different credentials: the destination's may not read the source repository.
   */
  mount?: boolean;
  /** Copy only what verifies: the source digest is checked as `d2ci verify` checks it before anything is written. */
  verify?: Pick<CheckRequest, 'signatures' | 'annotations' | 'cluster'>;
}

export interface CopyArtifactResult extends CopyStats {
  source: string;
  destination: string;
  descriptor: Descriptor;
  /** `<destination>@<digest>`: pin deployments to exactly what was copied. */
  digestUrl: string;
  tags: TagResult[];
  referrers: ReferrerCopy[];
  cosignTags: CosignTagCopy[];
  /** Whether anything was written on the destination; a repeated copy writes nothing. */
  changed: boolean;
  /** The source's verification, when the copy required one. */
  check?: CheckResult;
}

const tagOf = (location: Location): string | undefined => (location.kind === 'registry' ? location.reference.tag : location.tag);
const digestOf = (location: Location): string | undefined => (location.kind === 'registry' ? location.reference.digest : location.digest);

/**
 * The destination's tags: the destination URL's tag, else the source's (none when the source is named by digest
 * only), then `extra` — so `copy ghcr.io/a/app:v1.2.3 ecr/app` keeps `v1.2.3`, and `--tag latest-stable` adds one.
 */
export function copyTags(source: Location, destination: Location, extra: readonly string[] = []): string[] {
  const first = tagOf(destination) ?? (digestOf(source) ? undefined : (tagOf(source) ?? 'latest'));
  const tags = [...new Set([...(first ? [first] : []), ...extra])];
  tags.forEach(assertValidTag);
  return tags;
}

function mountSource(request: CopyRequest): string | undefined {
  const { source, destination } = request;
  if (request.mount === false || source.location.kind !== 'registry' || destination.location.kind !== 'registry') return undefined;
  const from = source.location.reference;
  const to = destination.location.reference;
  return from.registry === to.registry && from.repository !== to.repository ? from.repository : undefined;
}

/**
 * Copies an artifact between any two targets (registry ↔ registry across hosts, registry ↔ OCI layout) with
 * everything that vouches for it: the manifest graph (blobs the destination has are skipped, blobs on the same
 * registry mounted), then every referrer, recursively — Sigstore bundles, attestations, SBOMs, Notary Project
 * signatures and their own signatures — and cosign's `.sig`/`.att`/`.sbom` tags; only then do the destination
 * tags move, so no tag ever names an artifact whose content or signatures are missing there. Protected tags are
 * refused and a required verification is checked before anything is written. Copying again writes nothing.
 */
export async function copyArtifact(request: CopyRequest): Promise<CopyArtifactResult> {
  const { source: from, destination: to } = request;
  // Failures remember their side (copyErrorSide), for the front door to explain with that side's credentials.
  const source = { location: from.location, target: sided(from.target, 'source') };
  const destination = { location: to.location, target: sided(to.target, 'destination') };
  const reference = digestOf(source.location) ?? tagOf(source.location) ?? 'latest';
  const tags = copyTags(source.location, destination.location, request.tags);
  const root = await source.target.fetchManifest(reference);
  const digest = root.descriptor.digest;
  const wanted = digestOf(destination.location);
  if (wanted && wanted !== digest)
    throw new CopyError('DESTINATION_DIGEST', `the destination names ${wanted}, but the source ${reference} is ${digest}`);
  await guardTags(destination.target, tags, digest, request.force);
  let check: CheckResult | undefined;
  if (request.verify) {
    check = await checkArtifact({ ...request.verify, location: source.location, target: source.target, reference: digest });
    if (!check.verified)
      throw new CopyError(
        'COPY_REFUSED',
        `${check.digestUrl} is not verified, so it is not copied: ${check.why || 'no signature verified'}`,
      );
  }
  const stats = emptyStats();
  const mountFrom = mountSource(request);
  const context: CopyContext = { source: source.target, destination: destination.target, stats, ...(mountFrom ? { mountFrom } : {}) };
  let below: Awaited<ReturnType<typeof copyReferrers>> = { referrers: [], cosignTags: [] };
  const copied = await copyManifest(context, root, {
    tags,
    beforeTag: async () => {
      if (request.referrers !== false) below = await copyReferrers(context, root.descriptor);
    },
  });
  const destinationName = locationName(destination.location);
  return {
    source: locationName(source.location),
    destination: destinationName,
    descriptor: root.descriptor,
    digestUrl: `${destinationName}@${digest}`,
    tags: copied.tags,
    ...below,
    ...stats,
    changed:
      stats.manifests > 0 ||
      stats.blobs.uploaded + stats.blobs.mounted > 0 ||
      copied.tags.some((t) => t.changed) ||
      below.cosignTags.some((c) => c.action === 'copied' || c.action === 'merged'),
    ...(check ? { check } : {}),
  };
}
