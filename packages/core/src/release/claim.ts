import { setTimeout as sleep } from 'node:timers/promises';
import { currentDigest } from '../oci/copy.ts';
import type { Target } from '../oci/target.ts';
import { ReleaseRaced } from './errors.ts';

// Registries have no compare-and-swap for tags, so two release runs of one version can both find it free and both
// tag it. The last writer's digest is what the tag keeps; each run reads the tag back after a settle time longer
// than the window between its last look and its write, and only the run that finds its own digest goes on (and
// moves latest-stable). The window is small because the last look comes right before the write, after signing.

/** Default wait between writing the version tag and reading it back. */
export const defaultSettleMs = 1_000;

/**
 * Right before tagging: refuse when another digest took the version since the release started. Says whether the
 * version already names this digest, so the tag write need not look again.
 */
export async function lastLook(target: Target, version: string, digest: string): Promise<boolean> {
  const now = await currentDigest(target, version);
  if (now !== undefined && now !== digest) throw new ReleaseRaced(version, now, digest);
  return now === digest;
}

/**
 * After tagging: wait, read the version back, and refuse unless it still names this run's digest. `alongside` is
 * a read sent together with the read-back (where `latest-stable` points now), one round trip instead of two.
 */
export async function claimVersion<T = undefined>(
  target: Target,
  version: string,
  digest: string,
  settleMs = defaultSettleMs,
  alongside?: () => Promise<T>,
): Promise<T | undefined> {
  if (settleMs > 0) await sleep(settleMs);
  const [now, other] = await Promise.all([currentDigest(target, version), alongside?.()]);
  if (now !== digest) throw new ReleaseRaced(version, now ?? '(nothing: the tag was deleted)', digest);
  return other;
}
