// ImagePolicy tag selection as Flux's image-reflector-controller does it (internal/policy: factory.go, semver.go,
// alphabetical.go, numerical.go, filter.go; internal/controller: imagepolicy_controller.go applyPolicy,
// updateImageRefs and composeImagePolicyReadyMessage, imagerepository_controller.go filterOutTags and
// sortTagsAndGetLatestTags). Error messages are Flux's, word for word.
import { BaseError } from '../errors.ts';
import { compareBytes } from '../oci/order.ts';
import { compileRegexp, type GoRegexp } from '../go/regexp.ts';
import { parseFloat64 } from '../go/strconv/atof.ts';
import { toUpper } from '../go/strings.ts';
import { compareSemver, newConstraint, newVersion, SemverError, type SemverVersion } from '../go/semver.ts';

/** `spec.policy` of an ImagePolicy: exactly one choice is expected; the first set one wins, as in Flux. */
export interface PolicyChoice {
  /** A missing range is Go's zero value '', which Masterminds rejects. */
  semver?: { range?: string };
  alphabetical?: { order?: string };
  numerical?: { order?: string };
}

/** `spec.digestReflectionPolicy`: when the selected tag's digest is looked up. */
export type DigestReflectionPolicy = 'Never' | 'IfNotPresent' | 'Always';

/** `spec.filterTags`. */
export interface FilterTags {
  pattern?: string;
  extract?: string;
}

/** No policy chosen, an order that is not ASC or DESC, a range Masterminds rejects, a pattern Go cannot compile. */
export type PolicyErrorCode = 'NO_POLICY' | 'INVALID_ORDER' | 'INVALID_RANGE' | 'INVALID_PATTERN';

/**
 * The policy itself is wrong (Flux's errInvalidPolicy: the ImagePolicy is Stalled with reason InvalidPolicy and
 * not retried): no choice, a bad order or range, a filter pattern Go cannot compile.
 */
export class PolicyError extends BaseError<PolicyErrorCode> {
  constructor(code: PolicyErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
    this.name = 'PolicyError';
  }
}

/** No tags at all, none that satisfies the policy, or one the numerical policy cannot read. */
export type SelectionErrorCode = 'NO_TAGS' | 'NO_MATCH' | 'NOT_NUMERIC';

/**
 * The policy is valid but no tag could be chosen (Flux marks the ImagePolicy not Ready and retries): no tags at
 * all, none that satisfies the policy, or a tag the numerical policy cannot read as a number.
 */
export class SelectionError extends BaseError<SelectionErrorCode> {
  constructor(code: SelectionErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
    this.name = 'SelectionError';
  }
}

/** A policy ready to rank tags (Flux's `policy.Policer`). */
export interface Policer {
  /** The latest of `tags`, as given (never a normalised form). Throws SelectionError with Flux's text. */
  latest(tags: readonly string[]): string;
}

const emptyListMessage = 'version list argument cannot be empty';

/**
 * Flux's `PolicerFromSpec`: semver first, then alphabetical, then numerical. Orders are upper-cased and must be
 * '' (ascending), ASC or DESC. Throws PolicyError with Flux's text (without the controller's `invalid policy: `
 * prefix, which selectTag adds).
 */
export function policerFromSpec(choice: PolicyChoice): Policer {
  if (choice.semver) return semverPolicer(choice.semver.range ?? '');
  if (choice.alphabetical) return alphabeticalPolicer(orderArgument(choice.alphabetical.order));
  if (choice.numerical) return numericalPolicer(orderArgument(choice.numerical.order));
  throw new PolicyError('NO_POLICY', 'given ImagePolicyChoice object is invalid');
}

type Order = 'ASC' | 'DESC';

function orderArgument(order: string | undefined): Order {
  const upper = toUpper(order ?? '');
  if (upper === '' || upper === 'ASC') return 'ASC';
  if (upper === 'DESC') return 'DESC';
  throw new PolicyError('INVALID_ORDER', `invalid order argument provided: '${upper}', must be one of: ASC, DESC`);
}

/**
 * fluxcd/pkg `version.ParseVersion`, the tag parser of the semver policy: the tag needs at least two dots
 * anywhere (`strings.SplitN(v, ".", 3)` must give 3 parts), then Masterminds `NewVersion`.
 * @returns undefined where Flux returns an error (the policy skips such tags).
 */
export function parseSemverTag(tag: string): SemverVersion | undefined {
  const firstDot = tag.indexOf('.');
  if (firstDot < 0 || tag.indexOf('.', firstDot + 1) < 0) return undefined;
  try {
    return newVersion(tag);
  } catch (error) {
    if (error instanceof SemverError) return undefined;
    throw error;
  }
}

/**
 * Flux's SemVer policy: each tag parsed with fluxcd/pkg ParseVersion (tags that do not parse are skipped), checked
 * against the Masterminds range, and the strictly greatest kept, so of equal versions (`v1.0.0` and `1.0.0`, or
 * differing build metadata) the first one given wins.
 */
function semverPolicer(range: string): Policer {
  let constraint;
  try {
    constraint = newConstraint(range);
  } catch (err) {
    if (err instanceof SemverError) throw new PolicyError('INVALID_RANGE', err.message, { cause: err });
    throw err;
  }
  return {
    latest(tags) {
      if (tags.length === 0) throw new SelectionError('NO_TAGS', emptyListMessage);
      let latest: SemverVersion | undefined;
      for (const tag of tags) {
        const version = parseSemverTag(tag);
        if (version && constraint.check(version) && (!latest || compareSemver(version, latest) > 0)) latest = version;
      }
      if (!latest) throw new SelectionError('NO_MATCH', 'unable to determine latest version from provided list');
      return latest.original;
    },
  };
}

/** Flux's Alphabetical policy: byte-wise order; ASC takes the greatest tag, DESC the least. */
function alphabeticalPolicer(order: Order): Policer {
  return {
    latest(tags) {
      if (tags.length === 0) throw new SelectionError('NO_TAGS', emptyListMessage);
      const direction = order === 'ASC' ? 1 : -1;
      return tags.reduce((best, tag) => (direction * compareBytes(tag, best) > 0 ? tag : best));
    },
  };
}

/**
 * Flux's Numerical policy: every tag must parse with Go's strconv.ParseFloat, or the whole policy fails. ASC
 * takes the greatest value, DESC the least; of equal values the last one given wins.
 */
function numericalPolicer(order: Order): Policer {
  return {
    latest(tags) {
      if (tags.length === 0) throw new SelectionError('NO_TAGS', emptyListMessage);
      let latest = '';
      let latestValue = 0;
      tags.forEach((tag, index) => {
        let value: number;
        try {
          value = parseFloat64(tag);
        } catch (err) {
          throw new SelectionError('NOT_NUMERIC', `failed to parse invalid numeric value '${tag}'`, { cause: err });
        }
        // Skipped only when strictly worse (Go's float comparisons, so NaN is never worse).
        if (index > 0 && (order === 'ASC' ? value < latestValue : value > latestValue)) return;
        latest = tag;
        latestValue = value;
      });
      return latest;
    },
  };
}

/** Flux's RegexFilter (`spec.filterTags`), compiled once. */
export class RegexFilter {
  readonly regexp: GoRegexp;
  /** The Expand template; '' keeps matching tags as they are. */
  readonly extract: string;

  constructor(regexp: GoRegexp, extract: string) {
    this.regexp = regexp;
    this.extract = extract;
  }

  /**
   * The tags the pattern matches (anywhere in the tag), as a map from the extracted value to the original tag.
   * A later tag with the same extracted value replaces an earlier one, as in Flux's map; the keys keep the order
   * in which each value was first met (Go iterates its map in random order).
   */
  apply(tags: readonly string[]): Map<string, string> {
    const filtered = new Map<string, string>();
    for (const tag of tags) {
      const match = this.regexp.findStringSubmatchIndex(tag);
      if (!match) continue;
      filtered.set(this.extract === '' ? tag : this.regexp.expandString(this.extract, tag, match), tag);
    }
    return filtered;
  }
}

/** Flux's NewRegexFilter. Throws PolicyError `invalid regular expression pattern '<p>': <Go's error>`. */
export function newRegexFilter(pattern: string, extract = ''): RegexFilter {
  try {
    return new RegexFilter(compileRegexp(pattern), extract);
  } catch (err) {
    throw new PolicyError('INVALID_PATTERN', `invalid regular expression pattern '${pattern}': ${(err as Error).message}`, { cause: err });
  }
}

/** The ImageRepository default `spec.exclusionList` (cosign signature tags). */
export const defaultExclusionList: readonly string[] = ['^.*\\.sig$'];

/**
 * The tags as image-reflector-controller stores them for its policies: those matching any exclusion pattern
 * dropped (an empty or missing list means the default one), then sorted descending byte-wise. Policies see tags
 * in this order, which decides semver and numerical ties.
 */
export function orderTags(tags: readonly string[], exclusionList?: readonly string[]): string[] {
  const patterns = exclusionList && exclusionList.length > 0 ? exclusionList : defaultExclusionList;
  const exclusions = patterns.map((pattern) => {
    try {
      return compileRegexp(pattern);
    } catch (err) {
      throw new Error(`failed to compile regex ${pattern}: ${(err as Error).message}`, { cause: err });
    }
  });
  return tags.filter((tag) => !exclusions.some((exclusion) => exclusion.matchString(tag))).sort((a, b) => compareBytes(b, a));
}

/**
 * The controller's applyPolicy: the policy built (PolicyError `invalid policy: …`), the tags checked
 * (SelectionError `no tags in database`), the filter applied (PolicyError `failed to filter tags: …`), the
 * policy run on the extracted values, and the original tag of the winner returned. Give `tags` in the stored
 * order (see orderTags) to break ties as Flux does.
 */
export function selectTag(choice: PolicyChoice, filterTags: FilterTags | undefined, tags: readonly string[]): string {
  const { policer, filter } = compileImagePolicy(choice, filterTags);
  if (tags.length === 0) throw new SelectionError('NO_TAGS', 'no tags in database');
  if (!filter) return policer.latest(tags);
  const filtered = filter.apply(tags);
  const latest = policer.latest([...filtered.keys()]);
  return filtered.get(latest) ?? latest;
}

/**
 * The policy and its tag filter, built once, with applyPolicy's errors (`invalid policy: …`, `failed to filter
 * tags: …`); a caller can check a policy before it lists any tags.
 */
export function compileImagePolicy(choice: PolicyChoice, filterTags: FilterTags | undefined): { policer: Policer; filter?: RegexFilter } {
  let policer: Policer;
  try {
    policer = policerFromSpec(choice);
  } catch (err) {
    if (err instanceof PolicyError) throw new PolicyError(err.code, `invalid policy: ${err.message}`, { cause: err });
    throw err;
  }
  if (!filterTags) return { policer };
  try {
    return { policer, filter: newRegexFilter(filterTags.pattern ?? '', filterTags.extract ?? '') };
  } catch (err) {
    throw new PolicyError('INVALID_PATTERN', `failed to filter tags: ${(err as Error).message}`, { cause: err });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Status: digest reflection and the Ready message.

/** `status.latestRef` / `status.observedPreviousRef` (Flux's ImageRef); `digest` is absent rather than ''. */
export interface ImageRef {
  name: string;
  tag: string;
  digest?: string;
}

/** The part of an ImagePolicy's status that selection writes. */
export interface ImagePolicyRefs {
  latestRef?: ImageRef;
  observedPreviousRef?: ImageRef;
}

/** `spec.digestReflectionPolicy` with Flux's default: unset or '' means Never. */
export function reflectionPolicy(policy: DigestReflectionPolicy | '' | undefined): DigestReflectionPolicy {
  return policy || 'Never';
}

/** Go's `ImageRef.String()`: `name:tag`, then `@digest` when there is one. */
export function imageRefString(ref: ImageRef): string {
  return `${ref.name}:${ref.tag}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** Go's `*a == *b` on ImageRef (an empty digest equals a missing one). */
export function sameImageRef(a: ImageRef, b: ImageRef): boolean {
  return a.name === b.name && a.tag === b.tag && (a.digest ?? '') === (b.digest ?? '');
}

/**
 * Whether updateImageRefs must look the digest up: never for Never, always for Always, and for IfNotPresent only
 * when there is no previous ref, it names another image or tag, or it has no digest.
 */
export function digestFetchNeeded(
  policy: DigestReflectionPolicy | '' | undefined,
  previous: ImageRef | undefined,
  selected: { name: string; tag: string },
): boolean {
  switch (reflectionPolicy(policy)) {
    case 'Always':
      return true;
    case 'IfNotPresent':
      return !previous || previous.name !== selected.name || previous.tag !== selected.tag || !previous.digest;
    case 'Never':
      return false;
  }
}

/**
 * Flux's updateImageRefs: the next status after `tag` was selected for `image` (ImageRepository `spec.image`).
 * The digest is fetched when digestFetchNeeded says so; IfNotPresent otherwise keeps the previous digest and
 * Never drops it. `latestRef` is replaced, and the old one becomes `observedPreviousRef`, only when name, tag or
 * digest differ; otherwise the previous status is returned as it was. `fetchDigest` resolves `image:tag` (a
 * manifest HEAD in Flux); its failure is rethrown as `failed fetching digest of <image>:<tag>: <error>`.
 */
export async function updateImageRefs(
  previous: ImagePolicyRefs,
  selected: { image: string; tag: string; digestReflectionPolicy?: DigestReflectionPolicy | '' },
  fetchDigest: (image: string, tag: string) => Promise<string>,
): Promise<ImagePolicyRefs & { latestRef: ImageRef }> {
  const latestRef: ImageRef = { name: selected.image, tag: selected.tag };
  let digest = '';
  if (digestFetchNeeded(selected.digestReflectionPolicy, previous.latestRef, latestRef)) {
    try {
      digest = await fetchDigest(selected.image, selected.tag);
    } catch (err) {
      throw new Error(`failed fetching digest of ${imageRefString(latestRef)}: ${(err as Error).message}`, { cause: err });
    }
  } else if (reflectionPolicy(selected.digestReflectionPolicy) === 'IfNotPresent') {
    digest = previous.latestRef?.digest ?? '';
  }
  if (digest) latestRef.digest = digest;
  if (previous.latestRef && sameImageRef(latestRef, previous.latestRef)) return { ...previous, latestRef: previous.latestRef };
  return { latestRef, ...(previous.latestRef ? { observedPreviousRef: previous.latestRef } : {}) };
}

/**
 * Flux's ImagePolicy `GetInterval()`, the delay before the next reconciliation in milliseconds: `spec.interval`
 * (10 minutes when unset or zero) for Always, 0 (no periodic reconciliation) otherwise.
 */
export function requeueAfter(policy: DigestReflectionPolicy | '' | undefined, intervalMs?: number): number {
  if (reflectionPolicy(policy) !== 'Always') return 0;
  return intervalMs || 10 * 60 * 1000;
}

/**
 * Flux's composeImagePolicyReadyMessage: `Latest image tag for <name> resolved to <tag>[ with digest <d>]`, then
 * ` (previously <name>:<tag>[@<digest>])` when there is a previous ref that differs.
 */
export function composeReadyMessage(status: { latestRef: ImageRef; observedPreviousRef?: ImageRef | null }): string {
  const { latestRef, observedPreviousRef: previous } = status;
  let message = `Latest image tag for ${latestRef.name} resolved to ${latestRef.tag}`;
  if (latestRef.digest) message += ` with digest ${latestRef.digest}`;
  if (previous && !sameImageRef(latestRef, previous)) message += ` (previously ${imageRefString(previous)})`;
  return message;
}
