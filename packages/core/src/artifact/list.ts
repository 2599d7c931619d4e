import semver from 'semver';
import { BaseError } from '../errors.ts';
import { mapLimit } from '../oci/concurrency.ts';
import { parseManifest } from '../oci/descriptor.ts';
import { compareBytes } from '../oci/order.ts';
import { OciError } from '../oci/errors.ts';
import type { Target } from '../oci/target.ts';
import { Annotation, isSignatureTag } from './flux.ts';

export interface ListArtifactsOptions {
  /** Keep tags that are semver versions within this range (e.g. `>=1.0.0`). */
  semver?: string;
  /** Keep tags matching this regular expression. */
  regex?: string;
  /** Also list cosign `.sig`/`.att`/`.sbom` tags and `sha256-…` referrers-index tags. */
  all?: boolean;
  /** Told about tags left out because their manifest cannot be read (the rest are still listed). */
  onUnreadable?: (tags: UnreadableTag[]) => void;
}

export interface ListedArtifact {
  tag: string;
  digest: string;
  source?: string;
  revision?: string;
  created?: string;
}

/** A tag whose manifest cannot be read as an artifact (malformed, wrong digest, missing); named, not fatal. */
export interface UnreadableTag {
  tag: string;
  reason: string;
}

/** A `semver` or `regex` filter that does not parse; its field says which. */
export class ListFilterError extends BaseError<'FILTER_INVALID'> {
  constructor(field: 'filter-semver' | 'filter-regex', message: string) {
    super('FILTER_INVALID', message, { field });
  }
}

/**
 * Whether an error is about one tag's content (skip it and say so) rather than the registry as a whole (a network
 * failure, a timeout, missing credentials: those stop the listing).
 */
export function isContentError(err: unknown): boolean {
  if (!(err instanceof OciError)) return err instanceof Error && !(err as NodeJS.ErrnoException).code;
  if (err.status === 401 || err.status === 403) return false;
  return !['NETWORK', 'TIMEOUT', 'CROSS_ORIGIN', 'INSECURE_REALM', 'INVALID_REALM', 'TOOMANYREQUESTS', 'SERVER_ERROR'].includes(err.code);
}

/** Lists a repository's tags with their digest, source and revision, newest-looking first (as `flux list artifacts`). */
export async function listArtifacts(target: Target, options: ListArtifactsOptions = {}): Promise<ListedArtifact[]> {
  let range: semver.Range | undefined;
  if (options.semver) {
    try {
      range = new semver.Range(options.semver);
    } catch {
      throw new ListFilterError('filter-semver', `invalid semver range "${options.semver}"`);
    }
  }
  let pattern: RegExp | undefined;
  if (options.regex) {
    try {
      pattern = new RegExp(options.regex);
    } catch (err) {
      throw new ListFilterError('filter-regex', `invalid regular expression "${options.regex}": ${(err as Error).message}`);
    }
  }
  const tags = (await target.tags())
    .filter((tag) => options.all || !isSignatureTag(tag))
    .filter((tag) => !range || (semver.valid(tag) !== null && range.test(semver.valid(tag) as string)))
    .filter((tag) => !pattern || pattern.test(tag))
    .sort((a, b) => compareBytes(b, a));
  const listed = await mapLimit(tags, 8, async (tag): Promise<ListedArtifact | UnreadableTag> => {
    try {
      const { descriptor, bytes } = await target.fetchManifest(tag);
      const annotations = parseManifest(bytes, descriptor.mediaType).manifest.annotations ?? {};
      const item: ListedArtifact = { tag, digest: descriptor.digest };
      if (annotations[Annotation.source]) item.source = annotations[Annotation.source];
      if (annotations[Annotation.revision]) item.revision = annotations[Annotation.revision];
      if (annotations[Annotation.created]) item.created = annotations[Annotation.created];
      return item;
    } catch (err) {
      if (!isContentError(err)) throw err;
      return { tag, reason: (err as Error).message };
    }
  });
  const unreadable = listed.filter((l): l is UnreadableTag => 'reason' in l);
  if (unreadable.length) options.onUnreadable?.(unreadable);
  return listed.filter((l): l is ListedArtifact => !('reason' in l));
}
