// Conformance of the Masterminds/semver + fluxcd/pkg ParseVersion port against the transcribed upstream tables in
// test/fixtures/image-automation/semver and the semver rows of image-reflector/policy-constructors.json.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../harness/action.ts';
import {
  SemverError,
  compareSemver,
  newConstraint,
  newVersion,
  parseComparator,
  versionToString,
  type ComparatorKind,
  type SemverVersion,
} from '../../packages/core/src/go/semver.ts';
import { parseSemverTag } from '../../packages/core/src/imageupdate/policy.ts';
import { quote as goQuote } from '../../packages/core/src/go/strconv/quote.ts';

const fixtures = join(repoRoot, 'test/fixtures/image-automation');
const load = <T>(path: string): T => JSON.parse(readFileSync(join(fixtures, path), 'utf8')) as T;

interface Cases<T> {
  cases: T[];
}
interface ParseVersionFixture {
  parseVersion: { version: string; expectError: boolean }[];
  sort: { constraint: string; input: string[]; expectedDescending: string[] };
}
interface CheckCase {
  constraint: string;
  version: string;
  check: boolean;
}
interface NewConstraintCase {
  constraint: string;
  ors: number;
  andsInFirstOr: number;
  expectError: boolean;
}
interface ParseConstraintCase {
  constraint: string;
  operatorFunc: string;
  normalizedVersion: string;
  expectError: boolean;
}
interface PolicyConstructorCase {
  policy: { semver?: { range: string } };
  expectError: boolean;
}

const flux = load<ParseVersionFixture>('semver/flux-parseversion.json');
const constraintsCheck = load<Cases<CheckCase>>('semver/masterminds-constraints-check.json').cases;
const singleCheck = load<Cases<CheckCase>>('semver/masterminds-constraint-check-single.json').cases;
const newConstraintCases = load<Cases<NewConstraintCase>>('semver/masterminds-new-constraint.json').cases;
const parseConstraintCases = load<Cases<ParseConstraintCase>>('semver/masterminds-parse-constraint.json').cases;
const newVersionCases = load<Cases<{ version: string; expectError: boolean }>>('semver/masterminds-new-version.json').cases;
const compareCases = load<Cases<{ v1: string; v2: string; expected: number }>>('semver/masterminds-compare.json').cases;
const semverConstructorCases = load<Cases<PolicyConstructorCase>>('image-reflector/policy-constructors.json').cases.flatMap((c) =>
  c.policy.semver ? [{ range: c.policy.semver.range, expectError: c.expectError }] : [],
);

// The fixtures give no error texts. These are the messages Masterminds returns for every invalid fixture input,
// recorded by running its Go code at the fixture commit (71f2b39). Every invalid row must have an entry here.
const rangeErrors: Readonly<Record<string, string>> = {
  'v1.2.3-beta.01': 'constraint parser error',
  '>= bar': 'improper constraint: ">= bar"',
  'BAR >= 1.2.3': 'improper constraint: "BAR >= 1.2.3"',
  '12.3.4.1234': 'improper constraint: "12.3.4.1234"',
  '12.23.4.1234': 'improper constraint: "12.23.4.1234"',
  '12.3.34.1234': 'improper constraint: "12.3.34.1234"',
  '12.3.34~ 1.2.3': 'improper constraint: "12.3.34~ 1.2.3"',
  '1.0.0p': 'improper constraint: "1.0.0p"',
  '1x': 'constraint parser error',
  x1: 'constraint parser error',
  '-1': 'improper constraint: "-1"',
  a: 'improper constraint: "a"',
  '': 'improper constraint: ""',
  '*-*': 'improper constraint: "*-*"',
  foo: 'improper constraint: "foo"',
};
const versionErrors: Readonly<Record<string, string>> = {
  '1.2.3-alpha.01': 'version segment starts with 0',
  '1.2.beta': 'invalid semantic version',
  'v1.2.beta': 'invalid semantic version',
  foo: 'invalid semantic version',
  '\n1.2': 'invalid semantic version',
  '\nv1.2': 'invalid semantic version',
  '1.2.3-beta.01': 'version segment starts with 0',
  '1.2.3.4': 'invalid semantic version',
  'v1.2.3.4': 'invalid semantic version',
  '12.3.4.1234': 'invalid semantic version',
  '12.23.4.1234': 'invalid semantic version',
  '12.3.34.1234': 'invalid semantic version',
  '1.1.2+.123': 'invalid semantic version',
  '1.0.0-alpha_beta': 'invalid semantic version',
  '1.0.0-alpha..': 'invalid semantic version',
  '1.0.0-alpha..1': 'invalid semantic version',
  '9.8.7+meta+meta': 'invalid semantic version',
  '1.2.31----RC-SNAPSHOT.12.09.1--.12+788': 'version segment starts with 0',
};

const name = (text: string): string => JSON.stringify(text);

function expectedError(table: Readonly<Record<string, string>>, input: string): string {
  const message = table[input];
  assert.ok(message !== undefined, `no recorded upstream error text for ${name(input)}`);
  return message;
}

function assertRangeError(range: string, context: string): void {
  const message = expectedError(rangeErrors, range);
  assert.throws(
    () => newConstraint(range),
    (err: unknown) => err instanceof SemverError && err.message === message,
    `${context}: expected SemverError ${name(message)}`,
  );
}

function parse(text: string, context: string): SemverVersion {
  try {
    return newVersion(text);
  } catch (err) {
    assert.fail(`${context}: NewVersion(${name(text)}) failed: ${String(err)}`);
  }
}

describe('fluxcd/pkg version.ParseVersion (flux-parseversion.json)', () => {
  it('has every transcribed row', () => assert.equal(flux.parseVersion.length, 12));
  for (const { version, expectError } of flux.parseVersion) {
    it(`ParseVersion(${name(version)}) ${expectError ? 'is invalid' : 'is valid'}`, () => {
      const parsed = parseSemverTag(version);
      if (expectError) {
        assert.equal(parsed, undefined, `ParseVersion(${name(version)}) should be invalid`);
      } else {
        assert.ok(parsed, `ParseVersion(${name(version)}) should be valid`);
        assert.equal(parsed.original, version);
      }
    });
  }
  it(`version.Sort(${name(flux.sort.constraint)}) keeps matching tags, descending, equal ones in input order`, () => {
    const constraint = newConstraint(flux.sort.constraint);
    const kept = flux.sort.input.flatMap((tag) => {
      const v = parseSemverTag(tag);
      return v && constraint.check(v) ? [v] : [];
    });
    // Array.prototype.sort is stable, like Go's sort on this input (see the fixture notes).
    const sorted = kept.sort((a, b) => compareSemver(b, a)).map((v) => v.original);
    assert.deepEqual(sorted, flux.sort.expectedDescending);
  });
});

describe('Masterminds NewVersion (masterminds-new-version.json)', () => {
  it('has every transcribed row', () => assert.equal(newVersionCases.length, 44));
  for (const { version, expectError } of newVersionCases) {
    it(`NewVersion(${name(version)}) ${expectError ? 'fails' : 'parses'}`, () => {
      if (expectError) {
        const message = expectedError(versionErrors, version);
        assert.throws(
          () => newVersion(version),
          (err: unknown) => err instanceof SemverError && err.message === message,
          `NewVersion(${name(version)}): expected ${name(message)}`,
        );
      } else {
        const parsed = parse(version, 'row');
        assert.equal(parsed.original, version);
        // Masterminds String() drops the `v` and fills missing parts; parsing it again gives the same version.
        assert.equal(compareSemver(parse(versionToString(parsed), 'String()'), parsed), 0);
      }
    });
  }
});

describe('Masterminds Version.Compare (masterminds-compare.json)', () => {
  it('has every transcribed row', () => assert.equal(compareCases.length, 19));
  for (const { v1, v2, expected } of compareCases) {
    it(`Compare(${name(v1)}, ${name(v2)}) = ${expected}`, () => {
      const a = parse(v1, 'v1');
      const b = parse(v2, 'v2');
      assert.equal(compareSemver(a, b), expected, `Compare(${v1}, ${v2})`);
      assert.equal(compareSemver(b, a), -expected || 0, `Compare(${v2}, ${v1}) must be the opposite`);
    });
  }
});

describe('Masterminds NewConstraint(c).Check(v) (masterminds-constraints-check.json)', () => {
  it('has every transcribed row', () => assert.equal(constraintsCheck.length, 84));
  for (const { constraint, version, check } of constraintsCheck) {
    it(`${name(constraint)} ${check ? 'admits' : 'rejects'} ${name(version)}`, () => {
      assert.equal(
        newConstraint(constraint).check(parse(version, 'version')),
        check,
        `NewConstraint(${name(constraint)}).Check(${name(version)})`,
      );
    });
  }
});

describe('Masterminds single comparator check (masterminds-constraint-check-single.json)', () => {
  it('has every transcribed row', () => assert.equal(singleCheck.length, 79));
  for (const { constraint, version, check } of singleCheck) {
    it(`${name(constraint)} ${check ? 'admits' : 'rejects'} ${name(version)}`, () => {
      const v = parse(version, 'version');
      // Upstream: parseConstraint, then check with includePre = the comparator has a prerelease.
      const comparator = parseComparator(constraint);
      assert.equal(
        comparator.check(v, comparator.version.prerelease !== ''),
        check,
        `parseConstraint(${name(constraint)}).check(${name(version)})`,
      );
      if (constraint === '') {
        // Only the internal parser accepts "" (as `*`); a range of "" is an error, as in Flux.
        assertRangeError(constraint, 'NewConstraint("")');
      } else {
        assert.equal(newConstraint(constraint).check(v), check, `NewConstraint(${name(constraint)}).Check(${name(version)}) must agree`);
      }
    });
  }
});

describe('Masterminds NewConstraint parsing (masterminds-new-constraint.json)', () => {
  it('has every transcribed row', () => assert.equal(newConstraintCases.length, 19));
  for (const { constraint, ors, andsInFirstOr, expectError } of newConstraintCases) {
    it(`NewConstraint(${name(constraint)}) ${expectError ? 'fails' : `has ${ors} OR group(s), ${andsInFirstOr} in the first`}`, () => {
      if (expectError) {
        assertRangeError(constraint, `NewConstraint(${name(constraint)})`);
        return;
      }
      const parsed = newConstraint(constraint);
      assert.equal(parsed.original, constraint);
      assert.equal(parsed.groups.length, ors, 'OR groups');
      assert.equal(parsed.groups[0]?.length, andsInFirstOr, 'comparators in the first OR group');
    });
  }
});

describe('Masterminds parseConstraint (masterminds-parse-constraint.json)', () => {
  it('has every transcribed row', () => assert.equal(parseConstraintCases.length, 11));
  for (const { constraint, operatorFunc, normalizedVersion, expectError } of parseConstraintCases) {
    it(`parseConstraint(${name(constraint)}) ${expectError ? 'fails' : `is ${operatorFunc} ${normalizedVersion}`}`, () => {
      if (expectError) {
        const message = expectedError(rangeErrors, constraint);
        assert.throws(
          () => parseComparator(constraint),
          (err: unknown) => err instanceof SemverError && err.message === message,
        );
        assertRangeError(constraint, `NewConstraint(${name(constraint)})`);
        return;
      }
      // Fixture names are Masterminds' function names: constraintGreaterThanEqual → greaterThanEqual.
      const kind = operatorFunc.replace(/^constraint(.)/, (_all, first: string) => first.toLowerCase()) as ComparatorKind;
      const comparator = parseComparator(constraint);
      assert.equal(comparator.kind, kind);
      assert.equal(versionToString(comparator.version), normalizedVersion);
    });
  }
});

describe('ImagePolicy semver range validation (image-reflector/policy-constructors.json)', () => {
  it('has every semver row', () => assert.equal(semverConstructorCases.length, 13));
  for (const { range, expectError } of semverConstructorCases) {
    it(`range ${name(range)} is ${expectError ? 'invalid' : 'valid'}`, () => {
      if (expectError) assertRangeError(range, `range ${name(range)}`);
      else assert.equal(newConstraint(range).original, range);
    });
  }
});

// Behaviour the fixtures do not pin, with results recorded from Masterminds' Go code at the fixture commit.
describe('uint64 limits, error texts and coercion beyond the fixtures', () => {
  it('an overflowing version part is an error with Go strconv text', () => {
    assert.throws(
      () => newVersion('1.18446744073709551616.0'),
      (err: unknown) =>
        err instanceof SemverError &&
        err.message === 'error parsing version segment: strconv.ParseUint: parsing "18446744073709551616": value out of range',
    );
    const max = newVersion('18446744073709551615.0.0');
    assert.equal(max.major, 18446744073709551615n);
    assert.equal(newConstraint('>=18446744073709551615').check(max), true);
    assert.throws(() => newConstraint('>=18446744073709551616'), { message: 'constraint parser error' });
  });
  it('numeric prerelease identifiers compare as uint64, larger ones as text', () => {
    assert.equal(compareSemver(newVersion('1.0.0-9'), newVersion('1.0.0-10')), -1);
    assert.equal(compareSemver(newVersion('1.0.0-18446744073709551616'), newVersion('1.0.0-18446744073709551615')), 1);
  });
  it('an invalid OR group is quoted with Go %q, whitespace and escapes included', () => {
    assert.throws(() => newConstraint('>= 1.2 || foo'), { message: 'improper constraint: " foo"' });
    assert.throws(() => newConstraint('1.2\u00a0\t"\\'), { message: 'improper constraint: "1.2\\u00a0\\t\\"\\\\"' });
    assert.equal(goQuote('a\x07\x7f\u{1f600}\u200b'), '"a\\a\\x7f\u{1f600}\\u200b"');
  });
  it('hyphen ranges are rewritten once, left to right', () => {
    assert.throws(() => newConstraint('1.2.3 - 2 - 3'), { message: 'improper constraint: ">= 1.2.3, <= 2 - 3"' });
  });
  it('ParseVersion needs two dots, then coerces', () => {
    const v = parseSemverTag('1.2-rc.1');
    assert.ok(v);
    assert.equal(versionToString(v), '1.2.0-rc.1');
    assert.equal(parseSemverTag('1.2'), undefined);
    assert.equal(parseSemverTag(''), undefined);
  });
  it('a long invalid range is rejected quickly (Go regexp is linear; a naive backtracking port is exponential)', () => {
    const started = performance.now();
    assert.throws(() => newConstraint(`>1${'   1'.repeat(200)} !`), SemverError);
    assert.ok(performance.now() - started < 1000, 'validation must not backtrack exponentially');
  });
});
