// Masterminds/semver v3.5.0, the version and range semantics of Flux's ImagePolicy `spec.policy.semver`: a
// transcription of version.go (with CoerceNewVersion = true) and constraints.go. Exported names say "semver" where
// a plain one would collide with release/'s npm-semver helpers.
//
// npm `semver` is deliberately not reused: its range grammar (no commas, `!=`, `=>`, `=<`; "" means `*`), its
// prerelease scoping (same major.minor.patch only), its version parsing and its JS-number identifiers all differ
// from Masterminds, and no part of it gives identical results.
//
// Go's regexp and JavaScript's RegExp both use leftmost-first (backtracking-order) matching, so the patterns are
// transcribed as written, except that Go's `\s` is `[\t\n\f\r ]` (JavaScript's `\s` also takes \v and Unicode
// spaces). Numbers are uint64 in Go, so they are bigints here.
import { BaseError } from '../errors.ts';
import { NumError } from './strconv/errors.ts';
import { parseUint64, parsesAsUint64 } from './strconv/atoi.ts';
import { quote } from './strconv/quote.ts';

/** Which of Masterminds' errors it is. */
export type SemverErrorCode =
  | 'INVALID_SEMVER'
  | 'INVALID_PRERELEASE'
  | 'INVALID_METADATA'
  | 'SEGMENT_STARTS_ZERO'
  | 'SEGMENT_OUT_OF_RANGE'
  | 'IMPROPER_CONSTRAINT'
  | 'CONSTRAINT_PARSER';

/** An error with the message text Masterminds (or Go's strconv) would return. */
export class SemverError extends BaseError<SemverErrorCode> {
  constructor(code: SemverErrorCode, message: string) {
    super(code, message);
    this.name = 'SemverError';
  }
}

/** A parsed version (Masterminds `*semver.Version`). */
export interface SemverVersion {
  /** The text as given, including a `v` prefix; what an ImagePolicy reports. */
  readonly original: string;
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  /** Prerelease identifiers without the leading `-`; empty when none. */
  readonly prerelease: string;
  /** Build metadata without the leading `+`; empty when none. Ignored by comparisons. */
  readonly metadata: string;
}

// Masterminds' exported error values (version.go).
const errInvalidSemVer = 'invalid semantic version';
const errSegmentStartsZero = 'version segment starts with 0';
const errInvalidMetadata = 'invalid metadata string';
const errInvalidPrerelease = 'invalid prerelease string';

// Go regexp `\s`.
const S = '[\\t\\n\\f\\r ]';

// looseSemVerRegex: groups 1 major, 2 `.minor`, 3 `.patch`, 5 prerelease, 8 metadata.
const looseVersionRegex = new RegExp(
  '^v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?' + '(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?' + '(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?$',
);

const digitsOnly = /^[0-9]*$/;
const identifierCharsOnly = /^[0-9A-Za-z-]*$/;

/** Masterminds' `strconv.ParseUint(s, 10, 64)` of a segment the regex already limited to ASCII digits. */
function parseSegment(digits: string): bigint {
  try {
    return parseUint64(digits, 10);
  } catch (error) {
    if (error instanceof NumError) throw new SemverError('SEGMENT_OUT_OF_RANGE', `error parsing version segment: ${error.message}`);
    throw error;
  }
}

function validatePrerelease(prerelease: string): void {
  for (const part of prerelease.split('.')) {
    if (part === '') throw new SemverError('INVALID_PRERELEASE', errInvalidPrerelease);
    if (digitsOnly.test(part)) {
      if (part.length > 1 && part.startsWith('0')) throw new SemverError('SEGMENT_STARTS_ZERO', errSegmentStartsZero);
    } else if (!identifierCharsOnly.test(part)) {
      throw new SemverError('INVALID_PRERELEASE', errInvalidPrerelease);
    }
  }
}

function validateMetadata(metadata: string): void {
  for (const part of metadata.split('.')) {
    if (part === '' || !identifierCharsOnly.test(part)) throw new SemverError('INVALID_METADATA', errInvalidMetadata);
  }
}

/**
 * Masterminds `NewVersion` with coercion on (the default): an optional lowercase `v`, missing minor and patch
 * read as 0, leading zeros allowed in major, minor and patch but not in numeric prerelease identifiers.
 * @throws SemverError with Masterminds' message.
 */
export function newVersion(text: string): SemverVersion {
  const m = looseVersionRegex.exec(text);
  if (m === null) throw new SemverError('INVALID_SEMVER', errInvalidSemVer);
  const major = parseSegment(m[1] ?? '');
  const minor = m[2] ? parseSegment(m[2].slice(1)) : 0n;
  const patch = m[3] ? parseSegment(m[3].slice(1)) : 0n;
  const prerelease = m[5] ?? '';
  const metadata = m[8] ?? '';
  if (prerelease !== '') validatePrerelease(prerelease);
  if (metadata !== '') validateMetadata(metadata);
  return { original: text, major, minor, patch, prerelease, metadata };
}

/** Masterminds `Version.String()`: normalised, without the `v` prefix. */
export function versionToString(v: SemverVersion): string {
  let text = `${v.major}.${v.minor}.${v.patch}`;
  if (v.prerelease !== '') text += `-${v.prerelease}`;
  if (v.metadata !== '') text += `+${v.metadata}`;
  return text;
}

function compareSegment(a: bigint, b: bigint): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The identifier as a number when `strconv.ParseUint(s, 10, 64)` succeeds (larger ones compare as text). */
function asUint64(identifier: string): bigint | undefined {
  return parsesAsUint64(identifier, 10) ? BigInt(identifier) : undefined;
}

function comparePrePart(s: string, o: string): -1 | 0 | 1 {
  if (s === o) return 0;
  if (s === '') return -1;
  if (o === '') return 1;
  const oNumber = asUint64(o);
  const sNumber = asUint64(s);
  if (oNumber === undefined && sNumber === undefined) return s > o ? 1 : -1;
  if (oNumber === undefined) return -1;
  if (sNumber === undefined) return 1;
  return sNumber > oNumber ? 1 : -1;
}

function comparePrerelease(s: string, o: string): -1 | 0 | 1 {
  const sParts = s.split('.');
  const oParts = o.split('.');
  const length = Math.max(sParts.length, oParts.length);
  for (let i = 0; i < length; i++) {
    const d = comparePrePart(sParts[i] ?? '', oParts[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

/** Masterminds `Version.Compare`: SemVer precedence, build metadata ignored. */
export function compareSemver(a: SemverVersion, b: SemverVersion): -1 | 0 | 1 {
  const d = compareSegment(a.major, b.major) || compareSegment(a.minor, b.minor) || compareSegment(a.patch, b.patch);
  if (d !== 0) return d;
  if (a.prerelease === '' && b.prerelease === '') return 0;
  if (a.prerelease === '') return 1;
  if (b.prerelease === '') return -1;
  return comparePrerelease(a.prerelease, b.prerelease);
}

// ---------------------------------------------------------------------------------------------------------------
// Constraints (constraints.go)

/** Which Masterminds constraint function (`constraint<Kind>`) an operator selects. */
export type ComparatorKind =
  'tildeOrEqual' | 'notEqual' | 'greaterThan' | 'lessThan' | 'greaterThanEqual' | 'lessThanEqual' | 'tilde' | 'caret';

const operatorKinds: ReadonlyMap<string, ComparatorKind> = new Map([
  ['', 'tildeOrEqual'],
  ['=', 'tildeOrEqual'],
  ['!=', 'notEqual'],
  ['>', 'greaterThan'],
  ['<', 'lessThan'],
  ['>=', 'greaterThanEqual'],
  ['=>', 'greaterThanEqual'],
  ['<=', 'lessThanEqual'],
  ['=<', 'lessThanEqual'],
  ['~', 'tilde'],
  ['~>', 'tilde'],
  ['^', 'caret'],
]);

/** One comparator of an AND group (Masterminds' unexported `constraint`). */
export interface Comparator {
  /** The operator as written (`origfunc`), possibly empty. */
  readonly operator: string;
  readonly kind: ComparatorKind;
  /** The version as written (`orig`), e.g. `4.x`. */
  readonly original: string;
  /** The version compared against (`con`): wildcards and missing parts as 0. */
  readonly version: SemverVersion;
  /** A wildcard or missing part somewhere; `minorDirty`: from the minor on; `patchDirty`: only the patch. */
  readonly dirty: boolean;
  readonly minorDirty: boolean;
  readonly patchDirty: boolean;
  /** `constraint.check`; prereleases fail unless `includePrerelease` (decided per AND group). */
  check(v: SemverVersion, includePrerelease: boolean): boolean;
}

/** A parsed range: OR groups of AND-ed comparators (Masterminds `*semver.Constraints`). */
export interface Constraints {
  /** The range as given. */
  readonly original: string;
  /** The OR groups, each a list of comparators that must all hold; for inspection. */
  readonly groups: readonly (readonly Comparator[])[];
  /** Masterminds `Constraints.Check` with `IncludePrerelease` unset, as Flux uses it. */
  check(v: SemverVersion): boolean;
}

// cvRegex: 9 groups — 1 major, 2 `.minor`, 3 `.patch`, 4 `-prerelease`, 5 prerelease, 7 `+metadata`, 8 metadata.
// Note `[0-9|x|X|\*]` admits `|` too; such versions pass the syntax check and fail later in NewVersion.
const cv =
  'v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?' +
  '(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?' +
  '(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';
// The empty alternative is intended: no operator means `=`.
const ops = '=||!=|>|<|>=|=>|<=|=<|~|~>|\\^';

const constraintRegex = new RegExp(`^${S}*(${ops})${S}*(${cv})${S}*$`);
const constraintRangeRegex = new RegExp(`${S}*(${cv})${S}+-${S}+(${cv})${S}*`, 'g');
const findConstraintRegex = new RegExp(`(${ops})${S}*(${cv})`, 'g');
// Masterminds' validConstraintRegex is
//   ^(\s*(ops)\s*(cv)\s*)((?:\s+|,\s*)(ops)\s*(cv)\s*)*$
// RE2 matches it in linear time; a backtracking engine can take exponential time to reject a long invalid range
// (whitespace can be split between `\s*` and `\s+` in many ways). This form accepts the same language with one way
// to match each character: the whitespace after a version is folded into the separator (`\s*\s+` = `\s+`,
// `\s*,\s*`), and an operator is optional instead of empty, since no operator or version starts with whitespace.
// Each run of whitespace sits in a lookahead-captured group, so it is never re-split.
const ws = (group: number): string => `(?=(${S}*))\\${group}`;
const operatorPattern = '(?:!=|>=?|<=?|=[<>]?|~>?|\\^)';
const versionPattern = cv.replaceAll('(', '(?:');
const validConstraintRegex = new RegExp(
  `^${ws(1)}(?:${operatorPattern}${ws(2)})?${versionPattern}` +
    `(?:${ws(3)}(?:,${ws(4)})?(?<=[\\t\\n\\f\\r ,])(?:${operatorPattern}${ws(5)})?${versionPattern})*${ws(6)}$`,
);

function isX(part: string): boolean {
  return part === 'x' || part === '*' || part === 'X';
}

/** Masterminds `rewriteRange`: `A - B` becomes `>= A, <= B `, replacing the first occurrence of each match. */
function rewriteRange(range: string): string {
  let rewritten = range;
  for (const m of range.matchAll(constraintRangeRegex)) {
    const replacement = `>= ${m[1] ?? ''}, <= ${m[11] ?? ''} `;
    rewritten = rewritten.replace(m[0], () => replacement);
  }
  return rewritten;
}

type CheckFunction = (v: SemverVersion, c: Comparator, includePrerelease: boolean) => boolean;

function equal(a: SemverVersion, b: SemverVersion): boolean {
  return compareSemver(a, b) === 0;
}

const constraintTilde: CheckFunction = (v, c, includePre) => {
  if (v.prerelease !== '' && !includePre) return false;
  const con = c.version;
  if (compareSemver(v, con) < 0) return false;
  // ~0.0.0 (and `*`, `x`, "") matches anything.
  if (con.major === 0n && con.minor === 0n && con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== con.major) return false;
  if (v.minor !== con.minor && !c.minorDirty) return false;
  return true;
};

const checkFunctions: Readonly<Record<ComparatorKind, CheckFunction>> = {
  notEqual(v, c, includePre) {
    if (v.prerelease !== '' && !includePre) return false;
    const con = c.version;
    if (c.dirty) {
      if (con.major !== v.major) return true;
      if (con.minor !== v.minor && !c.minorDirty) return true;
      else if (c.minorDirty) return false;
      else if (con.patch !== v.patch && !c.patchDirty) return true;
      else if (c.patchDirty) {
        if (v.prerelease !== '' || con.prerelease !== '') return comparePrerelease(v.prerelease, con.prerelease) !== 0;
        return false;
      }
    }
    return !equal(v, con);
  },

  greaterThan(v, c, includePre) {
    if (v.prerelease !== '' && !includePre) return false;
    const con = c.version;
    if (!c.dirty) return compareSemver(v, con) === 1;
    if (v.major > con.major) return true;
    else if (v.major < con.major) return false;
    // `>11` needs major 12 or more.
    else if (c.minorDirty) return false;
    // `>11.1` needs minor 2 or more.
    else if (c.patchDirty) return v.minor > con.minor;
    return compareSemver(v, con) === 1;
  },

  lessThan(v, c, includePre) {
    if (v.prerelease !== '' && !includePre) return false;
    return compareSemver(v, c.version) < 0;
  },

  greaterThanEqual(v, c, includePre) {
    if (v.prerelease !== '' && !includePre) return false;
    return compareSemver(v, c.version) >= 0;
  },

  lessThanEqual(v, c, includePre) {
    if (v.prerelease !== '' && !includePre) return false;
    const con = c.version;
    if (!c.dirty) return compareSemver(v, con) <= 0;
    if (v.major > con.major) return false;
    else if (v.major === con.major && v.minor > con.minor && !c.minorDirty) return false;
    return true;
  },

  tilde: constraintTilde,

  tildeOrEqual(v, c, includePre) {
    if (v.prerelease !== '' && !includePre) return false;
    if (c.dirty) return constraintTilde(v, c, includePre);
    return equal(v, c.version);
  },

  caret(v, c, includePre) {
    if (v.prerelease !== '' && !includePre) return false;
    const con = c.version;
    if (compareSemver(v, con) < 0) return false;
    // ^1.2.3 is <2.0.0; `^0` and `^0.x` (minor dirty) are <1.0.0.
    if (con.major > 0n || c.minorDirty) return v.major === con.major;
    if (con.major === 0n && v.major > 0n) return false;
    // ^0.2.3 and ^0.0 (patch dirty) stay within the minor.
    if (con.minor > 0n || c.patchDirty) return v.minor === con.minor;
    if (con.minor === 0n && v.minor > 0n) return false;
    // ^0.0.3 is =0.0.3.
    return con.patch === v.patch;
  },
};

function makeComparator(
  operator: string,
  original: string,
  version: SemverVersion,
  dirtiness: { dirty: boolean; minorDirty: boolean; patchDirty: boolean },
): Comparator {
  const kind = operatorKinds.get(operator);
  if (kind === undefined) throw new SemverError('CONSTRAINT_PARSER', 'constraint parser error');
  const run = checkFunctions[kind];
  const comparator: Comparator = {
    operator,
    kind,
    original,
    version,
    ...dirtiness,
    check: (v, includePrerelease) => run(v, comparator, includePrerelease),
  };
  return comparator;
}

/**
 * Internal: Masterminds' unexported `parseConstraint`, one comparator such as `>= 1.2` or `~1.x`. Exported for
 * conformance tests and inspection; ranges go through {@link newConstraint}. Unlike `newConstraint`, it accepts
 * "" (meaning `*`), as upstream's `TestConstraintCheck` rows do.
 * @throws SemverError `improper constraint: "<c>"` or `constraint parser error`.
 */
export function parseComparator(text: string): Comparator {
  if (text.length === 0) {
    return makeComparator(
      '',
      '',
      { original: '0.0.0', major: 0n, minor: 0n, patch: 0n, prerelease: '', metadata: '' },
      {
        dirty: true,
        minorDirty: false,
        patchDirty: false,
      },
    );
  }
  const m = constraintRegex.exec(text);
  if (m === null) throw new SemverError('IMPROPER_CONSTRAINT', `improper constraint: ${quote(text)}`);
  const operator = m[1] ?? '';
  const original = m[2] ?? '';
  const major = m[3] ?? '';
  const minor = m[4] ?? '';
  const patch = m[5] ?? '';
  const prereleasePart = m[6] ?? '';

  // Wildcards and missing parts become 0; metadata is dropped from such versions.
  let versionText = original;
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(major) || major === '') {
    versionText = `0.0.0${prereleasePart}`;
    dirty = true;
  } else if (isX(minor.slice(1)) || minor === '') {
    minorDirty = true;
    dirty = true;
    versionText = `${major}.0.0${prereleasePart}`;
  } else if (isX(patch.slice(1)) || patch === '') {
    dirty = true;
    patchDirty = true;
    versionText = `${major}${minor}.0${prereleasePart}`;
  }

  let version: SemverVersion;
  try {
    version = newVersion(versionText);
  } catch (error) {
    if (error instanceof SemverError) throw new SemverError('CONSTRAINT_PARSER', 'constraint parser error');
    throw error;
  }
  return makeComparator(operator, original, version, { dirty, minorDirty, patchDirty });
}

/**
 * Masterminds `NewConstraint`: OR groups split on `||`, comparators AND-ed by whitespace or commas, hyphen ranges
 * `A - B`. An empty range is an error. Parse once and reuse: `check` is cheap.
 * @throws SemverError with Masterminds' message (`improper constraint: "<group>"`, `constraint parser error`).
 */
export function newConstraint(range: string): Constraints {
  const rewritten = rewriteRange(range);
  const groups: Comparator[][] = [];
  const groupHasPrerelease: boolean[] = [];
  for (const group of rewritten.split('||')) {
    if (!validConstraintRegex.test(group)) throw new SemverError('IMPROPER_CONSTRAINT', `improper constraint: ${quote(group)}`);
    const texts = Array.from(group.matchAll(findConstraintRegex), (m) => m[0]);
    if (texts.length === 0) texts.push(group);
    const comparators = texts.map(parseComparator);
    groups.push(comparators);
    // A prerelease anywhere in an AND group lets every prerelease version be checked by that group.
    groupHasPrerelease.push(comparators.some((c) => c.version.prerelease !== ''));
  }
  return {
    original: range,
    groups,
    check(v: SemverVersion): boolean {
      return groups.some((comparators, i) => {
        const includePrerelease = groupHasPrerelease[i] ?? false;
        return comparators.every((c) => c.check(v, includePrerelease));
      });
    },
  };
}
