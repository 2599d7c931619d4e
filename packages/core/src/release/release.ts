import { mapLimit } from '../oci/concurrency.ts';
import { applyTag, currentDigest, type TagResult } from '../oci/copy.ts';
import { parseManifest, type Descriptor } from '../oci/descriptor.ts';
import type { FetchedManifest, Target } from '../oci/target.ts';
import { hashLayer } from '../artifact/build.ts';
import { Annotation, isSignatureTag } from '../artifact/flux.ts';
import { fetchIfExists, pushArtifact } from '../artifact/push.ts';
import { isContentError } from '../artifact/list.ts';
import { sameContent } from '../artifact/layer.ts';
import type { ArtifactMetadata } from '../artifact/manifest.ts';
import type { WalkOptions } from '../artifact/walk.ts';
import type { SignatureFormat } from '../sign/sign.ts';
import {
  addedFormatNotes,
  legacyWriteAhead,
  presentSignatureFormats,
  signInPresentFormats,
  type PresentSignResult,
} from '../sign/present.ts';
import { createBundleSigner, type SigningIdentity } from '../sign/signer.ts';
import { verifyArtifact } from '../verify/verify.ts';
import type { Verification } from '../verify/signatures.ts';
import { checkReleaseSignature } from './self-check.ts';
import { claimVersion, lastLook } from './claim.ts';
import { ReleaseRefused } from './errors.ts';
import { compareVersions, isVersionTag, type ReleaseTag } from './tag.ts';

export const stableTag = 'latest-stable';

export { ReleaseRefused } from './errors.ts';

export interface ReleaseSigning {
  identity: SigningIdentity;
  /** Widened to every format the digest already carries (see signInPresentFormats), so every Flux version reads it. */
  format: SignatureFormat;
  /** Signature annotations (cosign `sign -a key=value`) for the release signature. */
  claims?: Record<string, string>;
}

interface Common {
  target: Target;
  release: ReleaseTag;
  /** Sign with the release workflow's identity (what production's matchOIDCIdentity expects). */
  signing?: ReleaseSigning;
  /** Move `latest-stable` below the version it holds. */
  allowDowngrade?: boolean;
  /** How long to wait before reading the version tag back (races with another run; see claim.ts). */
  settleMs?: number;
}

export interface PromoteReleaseOptions extends Common {
  mode: 'promote';
  /** The tagged commit: an artifact whose revision names it is the one staging ran. */
  commit?: string;
  /** The tagged tree, to find an artifact with identical content when no revision names the commit. */
  path?: string;
  walk?: WalkOptions;
  /** The staging signature the artifact must carry before it is promoted. */
  verification: Verification;
}

export interface BuildReleaseOptions extends Common, ArtifactMetadata {
  mode: 'build';
  path: string;
  walk?: WalkOptions;
}

export interface RollbackOptions {
  target: Target;
  /** The earlier release to point `latest-stable` at again. */
  version: string;
  /** Its signature must verify (production's policy) before anything moves. */
  verification: Verification;
}

export interface ReleaseResult {
  action: 'promoted' | 'built' | 'unchanged' | 'rolled back';
  version: string;
  component?: string;
  descriptor: Descriptor;
  /** What `latest-stable` pointed at before (undefined when it did not exist). */
  previousDigest?: string;
  tags: TagResult[];
  /** The release signature; `formats` says what was written, `added` what the digest's own signatures required. */
  signature?: PresentSignResult;
  /** How the artifact was found (promote) or why something was skipped. */
  notes: string[];
}

/** The commit SHA an artifact's revision names (`<ref>@sha1:<sha>`, or a bare SHA). */
export function revisionCommit(revision: string | undefined): string | undefined {
  return /(?:^|@sha1:|@sha256:)([0-9a-f]{40}|[0-9a-f]{64})$/.exec(revision ?? '')?.[1];
}

function annotationsOf(fetched: FetchedManifest): Record<string, string> {
  return parseManifest(fetched.bytes, fetched.descriptor.mediaType).manifest.annotations ?? {};
}

/**
 * The artifact the push workflow published for a commit. A revision naming the commit wins (it is an explicit
 * claim), looked for on `latest` first and then on the other tags; failing that, identical content to the tagged
 * tree (the push skips unchanged components, so `latest` may carry an older commit's revision).
 */
async function findPublished(
  options: PromoteReleaseOptions,
  latestRead: Promise<FetchedManifest | undefined>,
  skipped: string[],
): Promise<{ fetched: FetchedManifest; how: string }> {
  const commit = options.commit?.toLowerCase();
  const localLayer = options.path ? hashLayer({ path: options.path, ...options.walk }) : undefined;
  localLayer?.catch(() => undefined);
  const namesCommit = (fetched: FetchedManifest | undefined): fetched is FetchedManifest =>
    Boolean(fetched && commit && revisionCommit(annotationsOf(fetched)[Annotation.revision]) === commit);
  // The content layer decided as pull and diff decide it (an ambiguous artifact matches nothing); the same tar
  // compressed by an earlier d2ci counts (layer.ts sameContent).
  const holdsTree = async (fetched: FetchedManifest | undefined): Promise<boolean> => {
    const local = localLayer ? await localLayer : undefined;
    return Boolean(local && fetched && sameContent(fetched, local));
  };
  const latest = await latestRead;
  if (namesCommit(latest)) return { fetched: latest, how: `latest names commit ${commit?.slice(0, 12)}` };
  const tags = (await options.target.tags()).filter((t) => t !== 'latest' && t !== stableTag && !isSignatureTag(t)).reverse();
  // One unreadable tag (malformed, wrong digest) is skipped and reported; it does not stop the release.
  const manifests = await mapLimit(tags, 8, async (tag) => {
    try {
      const fetched = await fetchIfExists(options.target, tag);
      if (fetched) annotationsOf(fetched); // parses: a malformed manifest is skipped here, not later
      return fetched;
    } catch (err) {
      if (!isContentError(err)) throw err;
      skipped.push(`skipped tag ${tag}: ${(err as Error).message}`);
      return undefined;
    }
  });
  for (const [i, fetched] of manifests.entries()) {
    if (namesCommit(fetched)) return { fetched, how: `${tags[i]} names commit ${commit?.slice(0, 12)}` };
  }
  if (latest && (await holdsTree(latest))) return { fetched: latest, how: "latest has the tagged tree's exact content" };
  for (const [i, fetched] of manifests.entries()) {
    if (fetched && (await holdsTree(fetched))) return { fetched, how: `${tags[i]} has the tagged tree's exact content` };
  }
  const what = [commit ? `a revision naming commit ${commit.slice(0, 12)}` : '', localLayer ? "the tagged tree's content" : '']
    .filter(Boolean)
    .join(' or ');
  // A push that found its content unchanged published nothing for this commit: only the content can match, and
  // only when the release packs the tree as push did.
  const sameRules = localLayer
    ? ' (if push skipped this commit as unchanged, give the release the ignore-paths and source-ignore push was given)'
    : '';
  throw new ReleaseRefused(
    `no artifact in ${options.target.name} has ${what || 'anything to match (give the commit or the path)'} (looked at latest and ${tags.length} other tag(s)${skipped.length ? `; ${skipped.join('; ')}` : ''}); run the push workflow for this commit first, or release with mode: build${sameRules}`,
  );
}

/** The highest version tag pointing at a digest (what `latest-stable` "holds"), if any. */
async function versionAt(target: Target, digest: string): Promise<string | undefined> {
  const versions = (await target.tags()).filter(isVersionTag).sort((a, b) => compareVersions(b, a));
  for (const version of versions) {
    if ((await currentDigest(target, version)) === digest) return version;
  }
  return undefined;
}

/** Refuses to move latest-stable below what it holds, unless allowed. */
async function checkDowngrade(target: Target, version: string, stable: string | undefined, allow: boolean): Promise<string | undefined> {
  if (!stable) return undefined;
  const held = await versionAt(target, stable);
  if (held && compareVersions(version, held) < 0) {
    if (!allow)
      throw new ReleaseRefused(
        `${stableTag} holds ${held}, which is newer than ${version}; refusing to move it back (set allow-downgrade, or roll back with rollback-to)`,
      );
    return `${stableTag} moved back from ${held} (allow-downgrade)`;
  }
  return undefined;
}

/**
 * Releases a version. `promote` finds the artifact staging ran for the tagged commit, checks its staging
 * signature, signs it again with the release identity — in every format the digest already carries, so Flux 2.8+
 * (bundles only, once any exists) and 2.6/2.7 (`.sig` only) both read it — verifies that as production would, then
 * tags `vX.Y.Z` and moves `latest-stable` — the same bytes, no upload. `build` packs and pushes (signed before
 * tagging) as the D2 release workflows do. Both refuse, moving nothing, to overwrite a version that points
 * elsewhere or to move `latest-stable` backwards; re-running a finished release changes nothing. Prereleases get their version tag but leave `latest-stable` alone.
 */
export async function releaseArtifact(options: PromoteReleaseOptions | BuildReleaseOptions): Promise<ReleaseResult> {
  const { target, release } = options;
  // Every release writes (a signature, tags): one pull+push token for its reads and writes. Its widest fan-out
  // (the staging check's and the format detection's reads, the signature's writes) takes four connections.
  target.expectPush?.();
  target.preconnect?.(4);
  // Where the version and latest-stable point, and (promote) the likeliest staging candidate, in one round trip.
  const latestRead = options.mode === 'promote' ? fetchIfExists(target, 'latest') : Promise.resolve(undefined);
  latestRead.catch(() => undefined); // awaited by findPublished; a failed first read must not leave it unhandled
  const reads = Promise.all([fetchIfExists(target, release.version), currentDigest(target, stableTag)]);
  // While those are out: the OIDC token and loading @sigstore/sign, which cost nothing if the release stops early.
  const signer = options.mode === 'promote' && options.signing ? createBundleSigner(options.signing.identity) : undefined;
  signer?.then((s) => setImmediate(() => s.warm())).catch(() => undefined);
  const [existing, stable] = await reads;
  const notes: string[] = [];
  const moveStable = !release.prerelease;
  const lookAtStable = moveStable ? () => currentDigest(target, stableTag) : undefined;
  if (release.prerelease) notes.push(`${release.version} is a prerelease: ${stableTag} stays where it is`);
  const base = {
    version: release.version,
    ...(release.component ? { component: release.component } : {}),
    ...(stable ? { previousDigest: stable } : {}),
  };

  let artifact: FetchedManifest | undefined;
  let action: ReleaseResult['action'];
  if (options.mode === 'promote') {
    const skipped: string[] = [];
    const found = await findPublished(options, latestRead, skipped).finally(() => notes.push(...skipped));
    notes.push(`found: ${found.how}`);
    artifact = found.fetched;
    action = 'promoted';
  } else {
    action = 'built';
  }

  if (existing) {
    const same = artifact
      ? existing.descriptor.digest === artifact.descriptor.digest
      : options.mode === 'build' && sameContent(existing, await hashLayer({ path: options.path, ...options.walk })) !== undefined;
    if (!same)
      throw new ReleaseRefused(
        `${release.version} already points at ${existing.descriptor.digest}${artifact ? `, not at ${artifact.descriptor.digest} (the artifact for this commit)` : ', whose content differs from this tree'}; refusing to overwrite a release`,
      );
    // A finished (or half-finished) earlier run: make sure latest-stable is right, change nothing else.
    const tags: TagResult[] = [{ tag: release.version, changed: false }];
    if (moveStable) {
      const note = await checkDowngrade(target, release.version, stable, options.allowDowngrade ?? false);
      if (note) notes.push(note);
      tags.push(await applyTag(target, existing, stableTag, { lookFirst: true }));
    }
    notes.push(`${release.version} was already released`);
    return { ...base, action: tags.some((t) => t.changed) ? action : 'unchanged', descriptor: existing.descriptor, tags, notes };
  }

  if (moveStable) {
    const note = await checkDowngrade(target, release.version, stable, options.allowDowngrade ?? false);
    if (note) notes.push(note);
  }

  if (options.mode === 'promote' && artifact) {
    // While the staging signature is checked: the release signer's OIDC token and Fulcio certificate, and which
    // formats the digest carries. Reads and a certificate only; nothing is written before the check passes.
    const signing = options.signing && { ...options.signing, signer: await (signer ?? createBundleSigner(options.signing.identity)) };
    signing?.signer.prepare();
    // The legacy signature's reads (the .sig it appends to, its blobs' HEADs) too; its uploads wait until the check
    // passed and the formats are decided (signInPresentFormats opens it), and never happen if the release stops.
    // Its read of the .sig also says whether the digest carries a legacy signature.
    const ahead = signing ? legacyWriteAhead(target, artifact.descriptor, { repository: target.name, claims: signing.claims }) : undefined;
    const present = ahead ? presentSignatureFormats(target, artifact.descriptor, ahead.write.write.existingLayers) : undefined;
    present?.catch(() => undefined); // awaited when signing; a refused release must not leave it unhandled
    // "Did the push workflow sign this?" — cosign's question, not Flux's: a bundle-only staging signature is fine
    // here (Flux 2.6/2.7 would not read it, but production reads the release signature, written in every format
    // below). Flux's rules are checked on the result instead.
    const checked = await verifyArtifact({
      target,
      reference: artifact.descriptor.digest,
      verification: options.verification,
      fluxVersion: 'none',
    }).catch((err: unknown) => {
      ahead?.open(false);
      throw err;
    });
    if (!checked.verified) {
      ahead?.open(false);
      throw new ReleaseRefused(
        `the staging artifact ${artifact.descriptor.digest} is not verified, so it is not promoted: ${checked.reasons.join('; ')}`,
      );
    }
    notes.push(`staging signature verified: ${checked.identity}`);
    let signature: PresentSignResult | undefined;
    if (signing) {
      // Signatures first, then the self-check, then the tags: a failure leaves at most an extra signature on an
      // untagged-for-release digest, never a release tag production would reject.
      signature = await signInPresentFormats(target, artifact.descriptor, { ...signing, repository: target.name }, present, ahead).finally(
        () => ahead?.open(false), // a no-op once opened; shuts it if the formats could not be read
      );
      notes.push(...addedFormatNotes(signature.added, 'the staging digest'));
      const checkedRelease = await checkReleaseSignature(target, artifact.descriptor, signing.identity, signature, options.verification);
      if (checkedRelease) notes.push(checkedRelease);
    }
    // The version first, read back after a settle time; latest-stable only for the run whose digest it kept.
    // The last look comes right before the write, not alongside the self-check: the time between them is the
    // window the other run's settle must outlast (claim.ts), so it stays one round trip, however far the registry.
    // It just read the version tag: the write does not look again (one round trip fewer).
    const results: TagResult[] = (await lastLook(target, release.version, artifact.descriptor.digest))
      ? [{ tag: release.version, changed: false }]
      : [await applyTag(target, artifact, release.version, { lookFirst: false })];
    // latest-stable is looked at together with the read-back (one round trip), and moved only for the claim's winner.
    const stableNow = await claimVersion(target, release.version, artifact.descriptor.digest, options.settleMs, lookAtStable);
    if (moveStable) results.push(await applyTag(target, artifact, stableTag, { seen: stableNow }));
    return { ...base, action, descriptor: artifact.descriptor, tags: results, ...(signature ? { signature } : {}), notes };
  }

  const build = options as BuildReleaseOptions;
  const buildSigning = build.signing;
  let signature: PresentSignResult | undefined;
  const pushed = await pushArtifact({
    ...build.walk,
    path: build.path,
    target,
    tags: [release.version],
    // The version is release's own tag: lastLook/claimVersion decide it (a race gets its own answer).
    force: [release.version],
    source: build.source,
    revision: build.revision,
    created: build.created,
    reproducible: build.reproducible,
    annotations: build.annotations,
    beforeTag: buildSigning
      ? async (descriptor) => {
          // The same bytes may have been pushed (and signed) before: sign in every format already there.
          signature = await signInPresentFormats(target, descriptor, { ...buildSigning, repository: target.name });
          notes.push(...addedFormatNotes(signature.added, 'the digest'));
          const checkedRelease = await checkReleaseSignature(target, descriptor, buildSigning.identity, signature);
          if (checkedRelease) notes.push(checkedRelease);
          await lastLook(target, release.version, descriptor.digest);
        }
      : async (descriptor) => {
          await lastLook(target, release.version, descriptor.digest);
        },
  });
  const stableNow = await claimVersion(target, release.version, pushed.descriptor.digest, options.settleMs, lookAtStable);
  const stableResult = moveStable
    ? [await applyTag(target, await target.fetchManifest(pushed.descriptor.digest), stableTag, { seen: stableNow })]
    : [];
  return {
    ...base,
    action,
    descriptor: pushed.descriptor,
    tags: [...pushed.tags, ...stableResult],
    ...(signature ? { signature } : {}),
    notes,
  };
}

/** Points `latest-stable` back at an earlier release, after verifying that release's signature. */
export async function rollbackRelease(options: RollbackOptions): Promise<ReleaseResult> {
  const { target, version } = options;
  const [fetched, stable] = await Promise.all([fetchIfExists(target, version), currentDigest(target, stableTag)]);
  if (!fetched) throw new ReleaseRefused(`cannot roll back to ${version}: no such tag in ${target.name}`);
  const checked = await verifyArtifact({ target, reference: fetched.descriptor.digest, verification: options.verification });
  if (!checked.verified)
    throw new ReleaseRefused(
      `${version} (${fetched.descriptor.digest}) is not verified, so ${stableTag} does not move to it: ${checked.reasons.join('; ')}`,
    );
  const tag = await applyTag(target, fetched, stableTag, { lookFirst: true });
  return {
    action: tag.changed ? 'rolled back' : 'unchanged',
    version,
    descriptor: fetched.descriptor,
    ...(stable ? { previousDigest: stable } : {}),
    tags: [tag],
    notes: [`${version} verified: ${checked.identity}`],
  };
}
