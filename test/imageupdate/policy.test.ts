// ImagePolicy tag selection against the image-reflector-controller conformance fixtures, plus Go strconv.ParseFloat
// and regexp (syntax, matching, Expand) edge cases.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../harness/action.ts';
import {
  composeReadyMessage,
  digestFetchNeeded,
  newRegexFilter,
  orderTags,
  PolicyError,
  policerFromSpec,
  requeueAfter,
  selectTag,
  SelectionError,
  updateImageRefs,
  type DigestReflectionPolicy,
  type FilterTags,
  type ImagePolicyRefs,
  type ImageRef,
  type PolicyChoice,
} from '../../packages/core/src/imageupdate/policy.ts';
import { compileRegexp, RegexpSyntaxError } from '../../packages/core/src/go/regexp.ts';
import { NumError as ParseFloatError } from '../../packages/core/src/go/strconv/errors.ts';
import { parseFloat64 } from '../../packages/core/src/go/strconv/atof.ts';
import { newConstraint } from '../../packages/core/src/go/semver.ts';

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/image-automation/image-reflector', name), 'utf8')) as T;

interface Source {
  test: string;
  label?: string;
}

interface PolicyCase {
  id: string;
  level: 'policer' | 'applyPolicy';
  policy: PolicyChoice;
  filterTags?: FilterTags;
  tags: string[];
  expected: string | null;
  expectError: boolean;
  inputShuffledInTest?: boolean;
  notes?: string;
}

interface ConstructorCase {
  source: Source;
  policy: PolicyChoice;
  constructorOrderArg?: string;
  expectError: boolean;
  notes?: string;
}

interface FilterCase {
  label: string;
  tags: string[];
  pattern: string;
  extract: string;
  expectedSorted: string[];
}

interface ReadyCase {
  label: string;
  latestRef: ImageRef;
  observedPreviousRef: ImageRef | null;
  expected: string;
}

interface DigestCase {
  label: string;
  policy1: DigestReflectionPolicy | '';
  policy2: DigestReflectionPolicy | '';
  range2: string | null;
  digest1: string;
  digest2: string;
  observedPreviousRef2: ImageRef | null;
  requeueAfter1: string;
  requeueAfter2: string;
}

interface DigestFixture {
  imageRepoTags: string[];
  pass1Range: string;
  cases: DigestCase[];
}

/** Asserts that `run` throws an error of `type` with exactly `message`. */
function assertThrowsExactly(run: () => unknown, type: new (...args: never[]) => Error, message: string): void {
  assert.throws(run, (err: unknown) => {
    assert.ok(err instanceof type, `expected ${type.name}, got ${String(err)}`);
    assert.equal(err.message, message);
    return true;
  });
}

/** A deterministic Fisher–Yates shuffle (the upstream numerical tests shuffle their input). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe('policies.json', () => {
  const { cases } = fixture<{ cases: PolicyCase[] }>('policies.json');
  // Flux's texts for the fixture's error cases (Latest errors are bare, applyPolicy wraps invalid policies).
  const expectedErrors: Record<string, { type: new (...args: never[]) => Error; message: string }> = {
    'semver-empty-list': { type: SelectionError, message: 'version list argument cannot be empty' },
    'semver-no-match': { type: SelectionError, message: 'unable to determine latest version from provided list' },
    'num-empty': { type: SelectionError, message: 'version list argument cannot be empty' },
    'apply-invalid-policy': { type: PolicyError, message: 'invalid policy: given ImagePolicyChoice object is invalid' },
    'apply-invalid-filter': {
      type: PolicyError,
      message: "failed to filter tags: invalid regular expression pattern '[=': error parsing regexp: missing closing ]: `[=`",
    },
  };

  it('has an expected error text for every error case', () => {
    assert.deepEqual(
      cases
        .filter((c) => c.expectError)
        .map((c) => c.id)
        .sort(),
      Object.keys(expectedErrors).sort(),
    );
  });

  for (const testCase of cases) {
    it(testCase.id, () => {
      const select = (tags: readonly string[]): string =>
        testCase.level === 'policer'
          ? policerFromSpec(testCase.policy).latest(tags)
          : selectTag(testCase.policy, testCase.filterTags, tags);
      const inputs = [testCase.tags];
      // applyPolicy reads the tags in the order the ImageRepository scan stored them.
      if (testCase.level === 'applyPolicy') inputs.push(orderTags(testCase.tags));
      if (testCase.inputShuffledInTest) for (let seed = 1; seed <= 5; seed++) inputs.push(shuffled(testCase.tags, seed));
      for (const tags of inputs) {
        if (testCase.expectError) {
          const expected = expectedErrors[testCase.id];
          assert.ok(expected, `no expected error text for ${testCase.id}`);
          assertThrowsExactly(() => select(tags), expected.type, expected.message);
          // Texts quoted in the fixture's notes are part of Flux's message.
          for (const [, quoted] of (testCase.notes ?? '').matchAll(/'([^']+)'/g))
            if (quoted?.includes(' ')) assert.ok(expected.message.includes(quoted), quoted);
        } else {
          assert.equal(select(tags), testCase.expected, `tags ${JSON.stringify(tags)}`);
        }
      }
    });
  }
});

describe('policy-constructors.json', () => {
  const { cases } = fixture<{ cases: ConstructorCase[] }>('policy-constructors.json');
  for (const testCase of cases) {
    const name = `${testCase.source.test}${testCase.source.label ? ` ${testCase.source.label}` : ''} ${JSON.stringify(testCase.policy)}`;
    it(name, () => {
      if (!testCase.expectError) {
        const policer = policerFromSpec(testCase.policy);
        assert.equal(typeof policer.latest, 'function');
        return;
      }
      const { semver, alphabetical, numerical } = testCase.policy;
      let message: string;
      if (semver) {
        // The range error is Masterminds' own text, passed through unchanged.
        message = (() => {
          try {
            newConstraint(semver.range ?? '');
          } catch (err) {
            return (err as Error).message;
          }
          assert.fail(`range ${semver.range} should be invalid`);
        })();
      } else if (alphabetical || numerical) {
        // Upstream calls the constructor directly; through PolicerFromSpec it gets the upper-cased value.
        const order = (alphabetical ?? numerical)?.order ?? '';
        assert.equal(order.toUpperCase(), testCase.constructorOrderArg?.toUpperCase());
        message = `invalid order argument provided: '${order.toUpperCase()}', must be one of: ASC, DESC`;
      } else {
        message = 'given ImagePolicyChoice object is invalid';
      }
      assertThrowsExactly(() => policerFromSpec(testCase.policy), PolicyError, message);
    });
  }
});

describe('filter-tags.json', () => {
  const { cases } = fixture<{ cases: FilterCase[] }>('filter-tags.json');
  for (const testCase of cases) {
    it(testCase.label, () => {
      const filtered = newRegexFilter(testCase.pattern, testCase.extract).apply(testCase.tags);
      assert.deepEqual([...filtered.keys()].sort(), testCase.expectedSorted);
      for (const [extracted, original] of filtered) {
        assert.ok(testCase.tags.includes(original), `${extracted} maps to ${original}, which is not a tag`);
        // Of tags extracting to the same value, the last one is kept.
        const sources = testCase.tags.filter((tag) => newRegexFilter(testCase.pattern, testCase.extract).apply([tag]).has(extracted));
        assert.equal(original, sources.at(-1));
      }
    });
  }

  it('keeps the last of the tags that extract to one value', () => {
    const filtered = newRegexFilter('^(\\d+)-', '$1').apply(['1-b', '2-a', '1-a']);
    assert.deepEqual(
      [...filtered],
      [
        ['1', '1-a'],
        ['2', '2-a'],
      ],
    );
  });
});

describe('ready-messages.json', () => {
  const { cases } = fixture<{ cases: ReadyCase[] }>('ready-messages.json');
  for (const testCase of cases) {
    it(testCase.label, () => {
      assert.equal(
        composeReadyMessage({ latestRef: testCase.latestRef, observedPreviousRef: testCase.observedPreviousRef }),
        testCase.expected,
      );
    });
  }
});

describe('digest-reflection.json', () => {
  const data = fixture<DigestFixture>('digest-reflection.json');
  const image = 'registry.example/foo/bar';
  // Every pass re-pushes all images, so each (tag, pass) has its own digest.
  const digestOf = (tag: string, pass: number): string => `sha256:${tag}-pass${pass}`;
  const symbolicDigest = (text: string): string => {
    if (text === '') return '';
    const match = /^<digest of (\S+) at (1st|2nd) pass/.exec(text);
    assert.ok(match?.[1] && match[2], `unknown digest placeholder ${text}`);
    return digestOf(match[1], match[2] === '1st' ? 1 : 2);
  };
  const expectedRef = (ref: ImageRef | null): ImageRef | undefined => {
    if (!ref) return undefined;
    const name = ref.name === '<imgRepo>' ? image : ref.name;
    const digest = symbolicDigest(ref.digest ?? '');
    return digest ? { name, tag: ref.tag, digest } : { name, tag: ref.tag };
  };
  const duration = (text: string): number => {
    const match = /^(\d+)(m?)$/.exec(text);
    assert.ok(match?.[1] !== undefined, `unknown duration ${text}`);
    return Number(match[1]) * (match[2] ? 60_000 : 1);
  };
  const interval = 10 * 60_000; // the upstream test sets spec.interval to 10m on every case

  for (const testCase of data.cases) {
    it(testCase.label, async () => {
      const tags = orderTags(data.imageRepoTags);
      const fetched: string[] = [];
      const pass = async (
        number: number,
        previous: ImagePolicyRefs,
        range: string,
        policy: DigestReflectionPolicy | '',
      ): Promise<ImagePolicyRefs & { latestRef: ImageRef }> => {
        const tag = selectTag({ semver: { range } }, undefined, tags);
        return updateImageRefs(previous, { image, tag, digestReflectionPolicy: policy }, async (name, fetchedTag) => {
          assert.equal(name, image);
          fetched.push(`${fetchedTag}@${number}`);
          return digestOf(fetchedTag, number);
        });
      };

      const first = await pass(1, {}, data.pass1Range, testCase.policy1);
      assert.equal(first.latestRef.digest ?? '', symbolicDigest(testCase.digest1));
      assert.equal(first.observedPreviousRef, undefined, 'observedPreviousRef is always nil after a single pass');
      assert.equal(requeueAfter(testCase.policy1, interval), duration(testCase.requeueAfter1));

      // As upstream: the policy is reassigned only when it changes, the range only when the case gives one.
      const policy2 = testCase.policy1 !== testCase.policy2 ? testCase.policy2 : testCase.policy1;
      const second = await pass(2, first, testCase.range2 ?? data.pass1Range, policy2);
      assert.equal(second.latestRef.digest ?? '', symbolicDigest(testCase.digest2));
      assert.deepEqual(second.observedPreviousRef, expectedRef(testCase.observedPreviousRef2));
      assert.equal(requeueAfter(policy2, interval), duration(testCase.requeueAfter2));
      assert.equal(second.latestRef.name, image);
      // A digest is looked up only when the policy calls for one.
      for (const entry of fetched) assert.match(entry, /^v\d+\.\d+\.\d+@[12]$/);
    });
  }
});

describe('digest reflection and status', () => {
  const image = 'ghcr.io/acme/app';
  const noFetch = async (): Promise<string> => assert.fail('no digest lookup expected');

  it('IfNotPresent fetches only for a new image, a new tag or a missing digest', () => {
    const selected = { name: image, tag: '1.0.0' };
    assert.equal(digestFetchNeeded('IfNotPresent', undefined, selected), true);
    assert.equal(digestFetchNeeded('IfNotPresent', { name: image, tag: '1.0.0', digest: 'sha256:a' }, selected), false);
    assert.equal(digestFetchNeeded('IfNotPresent', { name: image, tag: '0.9.0', digest: 'sha256:a' }, selected), true);
    assert.equal(digestFetchNeeded('IfNotPresent', { name: 'other', tag: '1.0.0', digest: 'sha256:a' }, selected), true);
    assert.equal(digestFetchNeeded('IfNotPresent', { name: image, tag: '1.0.0' }, selected), true);
    assert.equal(digestFetchNeeded('Always', { name: image, tag: '1.0.0', digest: 'sha256:a' }, selected), true);
    assert.equal(digestFetchNeeded('Never', undefined, selected), false);
    assert.equal(digestFetchNeeded('', undefined, selected), false);
    assert.equal(digestFetchNeeded(undefined, undefined, selected), false);
  });

  it('keeps the previous status when the ref did not change', async () => {
    const previous: ImagePolicyRefs = { latestRef: { name: image, tag: '1.1.0' }, observedPreviousRef: { name: image, tag: '1.0.0' } };
    assert.deepEqual(await updateImageRefs(previous, { image, tag: '1.1.0', digestReflectionPolicy: 'Never' }, noFetch), previous);
    const next = await updateImageRefs(previous, { image, tag: '1.2.0' }, noFetch);
    assert.deepEqual(next, { latestRef: { name: image, tag: '1.2.0' }, observedPreviousRef: { name: image, tag: '1.1.0' } });
    assert.equal(composeReadyMessage(next), `Latest image tag for ${image} resolved to 1.2.0 (previously ${image}:1.1.0)`);
  });

  it('wraps a failed digest lookup as Flux does', async () => {
    await assert.rejects(
      updateImageRefs({}, { image, tag: '1.0.0', digestReflectionPolicy: 'Always' }, async () => Promise.reject(new Error('HEAD 404'))),
      { message: `failed fetching digest of ${image}:1.0.0: HEAD 404` },
    );
  });

  it('requeues only Always policies, after spec.interval or 10 minutes', () => {
    assert.equal(requeueAfter('Always'), 600_000);
    assert.equal(requeueAfter('Always', 0), 600_000);
    assert.equal(requeueAfter('Always', 300_000), 300_000);
    assert.equal(requeueAfter('IfNotPresent', 300_000), 0);
    assert.equal(requeueAfter(undefined, 300_000), 0);
  });
});

describe('policers and applyPolicy', () => {
  it('semver keeps the first of equal versions, so the stored (descending) order decides', () => {
    const policer = policerFromSpec({ semver: { range: '>=1.0.0' } });
    assert.equal(policer.latest(['1.0.0', 'v1.0.0']), '1.0.0');
    assert.equal(policer.latest(['v1.0.0', '1.0.0']), 'v1.0.0');
    assert.equal(policer.latest(orderTags(['1.0.0+a', '1.0.0+b'])), '1.0.0+b');
    assert.equal(policer.latest(['1.2', 'latest', '1.0.0']), '1.0.0', 'tags that do not parse are skipped');
  });

  it('numerical keeps the last of equal values and fails on any non-number', () => {
    assert.equal(policerFromSpec({ numerical: {} }).latest(['1', '1.0', '01']), '01');
    assert.equal(policerFromSpec({ numerical: { order: 'desc' } }).latest(['2', '1', '1e0', '3']), '1e0');
    assertThrowsExactly(
      () => policerFromSpec({ numerical: {} }).latest(['1', 'latest', '2']),
      SelectionError,
      "failed to parse invalid numeric value 'latest'",
    );
    assertThrowsExactly(
      () => policerFromSpec({ numerical: {} }).latest(['1', '1e400']),
      SelectionError,
      "failed to parse invalid numeric value '1e400'",
    );
    assert.equal(policerFromSpec({ numerical: {} }).latest(['9', '1_000', '0x1p4']), '1_000');
  });

  it('alphabetical compares bytes, not locale order', () => {
    assert.equal(policerFromSpec({ alphabetical: {} }).latest(['a', 'B', 'b']), 'b');
    assert.equal(policerFromSpec({ alphabetical: { order: 'desc' } }).latest(['a', 'B', 'b']), 'B');
    assert.equal(policerFromSpec({ alphabetical: {} }).latest(['z', 'ä']), 'ä');
    assert.equal(policerFromSpec({ alphabetical: {} }).latest(['1.10', '1.9']), '1.9');
  });

  it('upper-cases the order as Go does', () => {
    assert.equal(policerFromSpec({ alphabetical: { order: 'Desc' } }).latest(['a', 'b']), 'a');
    assert.equal(policerFromSpec({ numerical: { order: 'aſc' } }).latest(['1', '2']), '2', 'ſ upper-cases to S in Go too');
    assertThrowsExactly(
      () => policerFromSpec({ numerical: { order: 'ß' } }),
      PolicyError,
      "invalid order argument provided: 'ß', must be one of: ASC, DESC",
    );
    assertThrowsExactly(
      () => policerFromSpec({ alphabetical: { order: 'up' } }),
      PolicyError,
      "invalid order argument provided: 'UP', must be one of: ASC, DESC",
    );
  });

  it('applyPolicy: upstream cases not in the fixture', () => {
    const filter = { pattern: '1.0.0-rc\\.(?P<num>[0-9]+)', extract: '$num' };
    assert.equal(
      selectTag({ numerical: { order: 'ASC' } }, filter, ['1.0.0', '1.0.0-rc.1', '1.0.0-rc.2', '1.0.0-rc.3', '1.0.1-rc.2']),
      '1.0.0-rc.3',
    );
    assert.equal(selectTag({ semver: { range: 'v1.0.x' } }, undefined, ['1.0.0', '2.0.0', '1.0.1', '1.2.0']), '1.0.1');
    assertThrowsExactly(() => selectTag({ semver: { range: '1.0.x' } }, undefined, []), SelectionError, 'no tags in database');
  });

  it('applyPolicy: a filter that keeps nothing leaves the policy an empty list', () => {
    assertThrowsExactly(
      () => selectTag({ alphabetical: {} }, { pattern: '^release-' }, ['1', '2']),
      SelectionError,
      'version list argument cannot be empty',
    );
  });

  it('applyPolicy: an invalid range is an invalid policy', () => {
    assert.throws(
      () => selectTag({ semver: { range: '' } }, undefined, ['1.0.0']),
      (err: unknown) => err instanceof PolicyError && err.message.startsWith('invalid policy: '),
    );
  });

  it('applyPolicy: ranks extracted values and returns the original tag', () => {
    const tags = ['RELEASE.2024-01-02T03-04-05Z', 'RELEASE.2023-12-31T23-59-59Z', 'latest'];
    assert.equal(selectTag({ alphabetical: {} }, { pattern: '^RELEASE\\.(?P<timestamp>.*)Z$', extract: '$timestamp' }, tags), tags[0]);
    assert.equal(
      selectTag({ semver: { range: '^1.x-0' } }, { pattern: '.*-rc.*' }, ['1.2.0', '1.3.0-rc.1', '1.3.0-rc.2', '2.0.0-rc.1']),
      '1.3.0-rc.2',
    );
  });
});

describe('orderTags (ImageRepository scan)', () => {
  it('drops signature tags by default and sorts descending byte-wise', () => {
    const tags = ['1.0.0', 'sha256-abc.sig', '1.10.0', 'v2', 'V3', '1.9.0'];
    const expected = ['v2', 'V3', '1.9.0', '1.10.0', '1.0.0'];
    assert.deepEqual(orderTags(tags), expected);
    assert.deepEqual(orderTags(tags, []), expected, 'an empty list means the default one');
  });

  it('applies a given exclusion list instead of the default', () => {
    assert.deepEqual(orderTags(['a.sig', 'dev-1', 'b', 'pr-2'], ['^dev-', '^pr-']), ['b', 'a.sig']);
  });

  it('reports an exclusion pattern Go cannot compile', () => {
    assertThrowsExactly(() => orderTags(['a'], ['[']), Error, 'failed to compile regex [: error parsing regexp: missing closing ]: `[`');
  });
});

describe('Go regexp', () => {
  const match = (pattern: string, text: string): (string | undefined)[] | undefined => {
    const regexp = compileRegexp(pattern);
    const indexes = regexp.findStringSubmatchIndex(text);
    if (!indexes) return undefined;
    return Array.from({ length: indexes.length / 2 }, (_, group) => {
      const [start = -1, end = -1] = indexes.slice(2 * group, 2 * group + 2);
      return start < 0 ? undefined : text.slice(start, end);
    });
  };

  it('supports Go syntax: named groups, flags, POSIX and Unicode classes, \\z, \\Q…\\E', () => {
    assert.deepEqual(compileRegexp('(?P<a>x)(y)(?<b>z)').subexpNames(), ['', 'a', '', 'b']);
    assert.deepEqual(match('(?i)v(\\d+)', 'xV12'), ['V12', '12']);
    assert.deepEqual(match('[[:alpha:]]+', '12ab3'), ['ab']);
    assert.deepEqual(match('\\pL+\\z', 'ab12cd'), ['cd']);
    assert.deepEqual(match('\\Qa.b\\E', 'axb a.b'), ['a.b']);
    assert.deepEqual(match('(?U)(a+)', 'aaa'), ['a', 'a']);
    assert.equal(match('a$', 'a\n'), undefined, '$ is end of text without (?m)');
    assert.deepEqual(match('(?m)a$', 'a\n'), ['a']);
  });

  it('finds the leftmost-first match, unanchored, with unmatched groups', () => {
    assert.deepEqual(match('(a|ab)(c|bcd)(d*)', 'abcd'), ['abcd', 'a', 'bcd', '']);
    assert.deepEqual(match('(x)?(y)', 'zy'), ['y', undefined, 'y']);
    assert.deepEqual(match('', 'abc'), ['']);
    assert.deepEqual(compileRegexp('b').findStringSubmatchIndex('😀b'), [2, 3], 'UTF-16 offsets');
  });

  it('rejects what Go rejects, with Go’s messages', () => {
    const cases: [string, string][] = [
      ['(?=x)', 'invalid or unsupported Perl syntax: `(?=`'],
      ['(?!x)', 'invalid or unsupported Perl syntax: `(?!`'],
      ['(?<=a)b', 'invalid named capture: `(?<=a)b`'],
      ['(?<!a)b', 'invalid named capture: `(?<!a)b`'],
      ['(a)\\1', 'invalid escape sequence: `\\1`'],
      ['(?P=n)', 'invalid or unsupported Perl syntax: `(?P`'],
      ['a**', 'invalid nested repetition operator: `**`'],
      ['a{1001}', 'invalid repeat count: `{1001}`'],
      ['x\\C', 'invalid escape sequence: `\\C`'],
      ['[[:foo:]]', 'invalid character class range: `[:foo:]`'],
      ['a)b', 'unexpected ): `a)b`'],
      ['(?P<n!>a)', 'invalid named capture: `(?P<n!>`'],
      ['\\', 'trailing backslash at end of expression: ``'],
      ['(?x)a', 'invalid or unsupported Perl syntax: `(?x`'],
    ];
    for (const [pattern, message] of cases) {
      assertThrowsExactly(() => compileRegexp(pattern), RegexpSyntaxError, `error parsing regexp: ${message}`);
    }
    const deep = `${'('.repeat(1001)}${')'.repeat(1001)}`;
    assertThrowsExactly(() => compileRegexp(deep), RegexpSyntaxError, `error parsing regexp: expression nests too deeply: \`${deep}\``);
    assertThrowsExactly(
      () => newRegexFilter('(?=x)'),
      PolicyError,
      "invalid regular expression pattern '(?=x)': error parsing regexp: invalid or unsupported Perl syntax: `(?=`",
    );
  });

  it('accepts repeated group names, as Go does', () => {
    const regexp = compileRegexp('(?P<v>a)|(?<v>b)|[(?P<v>]');
    assert.deepEqual(regexp.subexpNames(), ['', 'v', 'v']);
    for (const [text, expanded] of [
      ['a', 'a'],
      ['b', 'b'],
      ['(', ''],
    ] as const) {
      assert.equal(regexp.expandString('$v', text, regexp.findStringSubmatchIndex(text) ?? []), expanded, text);
    }
    assertThrowsExactly(
      () => compileRegexp('(?P<v>a)(?P<v>b)('),
      RegexpSyntaxError,
      'error parsing regexp: missing closing ): `(?P<v>a)(?P<v>b)(`',
    );
  });
});

describe('Go Regexp.ExpandString', () => {
  const expand = (pattern: string, template: string, text: string): string => {
    const regexp = compileRegexp(pattern);
    const indexes = regexp.findStringSubmatchIndex(text);
    assert.ok(indexes, `${pattern} should match ${text}`);
    return regexp.expandString(template, text, indexes);
  };

  it('takes the longest name: $1x is ${1x}', () => {
    assert.equal(expand('(\\w+)-(\\d+)', '$1x', 'app-12'), '');
    assert.equal(expand('(\\w+)-(\\d+)', '${1}x', 'app-12'), 'appx');
    assert.equal(expand('(\\w+)-(\\d+)', '$1-$2', 'app-12'), 'app-12');
    assert.equal(expand('(\\w+)-(\\d+)', '$1.$2', 'app-12'), 'app.12');
    assert.equal(expand('(a)', '$10', 'a'), '', '$10 is group 10, not $1 then 0');
  });

  it('expands $$ to $ and keeps a $ without a name', () => {
    assert.equal(expand('(a)', '$$1', 'a'), '$1');
    assert.equal(expand('(a)', 'cost: $', 'a'), 'cost: $');
    assert.equal(expand('(a)', '${', 'a'), '${');
    assert.equal(expand('(a)', '${1', 'a'), '${1');
    assert.equal(expand('(a)', '$-$1', 'a'), '$-a');
  });

  it('expands ${name} and $name, and unknown or unmatched groups to nothing', () => {
    const pattern = '(?P<major>\\d+)\\.(?P<minor>\\d+)(?:-(?P<pre>\\w+))?';
    assert.equal(expand(pattern, '${major}_${minor}', '1.2'), '1_2');
    assert.equal(expand(pattern, '$major.$minor', '1.2'), '1.2');
    assert.equal(expand(pattern, '[$pre][$nope][${nope}][$9]', '1.2'), '[][][][]');
    assert.equal(expand(pattern, '$pre', '1.2-rc'), 'rc');
    assert.equal(expand(pattern, '$0', 'v1.2-rc!'), '1.2-rc');
    assert.equal(expand('(?P<01>x)(y)', '$01|$1|$2', 'xy'), 'x|x|y', '$01 is the group named 01');
    assert.equal(expand('(x)', '$1ä|$1_|$1-', 'x'), '||x-', 'a name takes Unicode letters, digits and _');
  });
});

describe('Go strconv.ParseFloat', () => {
  // strconv/atof_test.go atoftests (golang/go), float64 cases.
  const atoftests: [string, string, ('syntax' | 'range')?][] = [
    ['', '0', 'syntax'],
    ['1', '1'],
    ['+1', '1'],
    ['1x', '0', 'syntax'],
    ['1.1.', '0', 'syntax'],
    ['1e23', '1e+23'],
    ['1E23', '1e+23'],
    ['100000000000000000000000', '1e+23'],
    ['1e-100', '1e-100'],
    ['123456700', '1.234567e+08'],
    ['99999999999999974834176', '9.999999999999997e+22'],
    ['100000000000000000000001', '1.0000000000000001e+23'],
    ['100000000000000008388608', '1.0000000000000001e+23'],
    ['100000000000000016777215', '1.0000000000000001e+23'],
    ['100000000000000016777216', '1.0000000000000003e+23'],
    ['-1', '-1'],
    ['-0.1', '-0.1'],
    ['-0', '-0'],
    ['1e-20', '1e-20'],
    ['625e-3', '0.625'],
    ['0x1p0', '1'],
    ['0x1p1', '2'],
    ['0x1p-1', '0.5'],
    ['0x1ep-1', '15'],
    ['-0x1ep-1', '-15'],
    ['-0x1_ep-1', '-15'],
    ['0x1p-200', '6.223015277861142e-61'],
    ['0x1p200', '1.6069380442589903e+60'],
    ['0x1fFe2.p0', '131042'],
    ['0x1fFe2.P0', '131042'],
    ['-0x2p3', '-16'],
    ['0x0.fp4', '15'],
    ['0x0.fp0', '0.9375'],
    ['0x1e2', '0', 'syntax'],
    ['1p2', '0', 'syntax'],
    ['0', '0'],
    ['0e0', '0'],
    ['-0e0', '-0'],
    ['+0e0', '0'],
    ['0e-0', '0'],
    ['-0e-0', '-0'],
    ['0e+01234567890123456789', '0'],
    ['0.00e-01234567890123456789', '0'],
    ['-0e+01234567890123456789', '-0'],
    ['0x0p+01234567890123456789', '0'],
    ['-0x0.00p-01234567890123456789', '-0'],
    ['0e291', '0'],
    ['0e348', '0'],
    ['-0e348', '-0'],
    ['0x0p1026', '0'],
    ['-0x0p1026', '-0'],
    ['nan', 'NaN'],
    ['NaN', 'NaN'],
    ['NAN', 'NaN'],
    ['inf', '+Inf'],
    ['-Inf', '-Inf'],
    ['+INF', '+Inf'],
    ['-Infinity', '-Inf'],
    ['+INFINITY', '+Inf'],
    ['Infinity', '+Inf'],
    ['1.7976931348623157e308', '1.7976931348623157e+308'],
    ['-1.7976931348623157e308', '-1.7976931348623157e+308'],
    ['0x1.fffffffffffffp1023', '1.7976931348623157e+308'],
    ['-0x1.fffffffffffffp1023', '-1.7976931348623157e+308'],
    ['0x1fffffffffffffp+971', '1.7976931348623157e+308'],
    ['0x.1fffffffffffffp1027', '1.7976931348623157e+308'],
    ['1.7976931348623159e308', '+Inf', 'range'],
    ['-1.7976931348623159e308', '-Inf', 'range'],
    ['0x1p1024', '+Inf', 'range'],
    ['-0x1p1024', '-Inf', 'range'],
    ['0x2p1023', '+Inf', 'range'],
    ['0x.1p1028', '+Inf', 'range'],
    ['0x.2p1027', '+Inf', 'range'],
    ['1.7976931348623158e308', '1.7976931348623157e+308'],
    ['0x1.fffffffffffff7fffp1023', '1.7976931348623157e+308'],
    ['1.797693134862315808e308', '+Inf', 'range'],
    ['0x1.fffffffffffff8p1023', '+Inf', 'range'],
    ['0x1fffffffffffff.8p+971', '+Inf', 'range'],
    ['-0x1fffffffffffff8p+967', '-Inf', 'range'],
    ['0x.1fffffffffffff8p1027', '+Inf', 'range'],
    ['-0x.1fffffffffffff9p1027', '-Inf', 'range'],
    ['1e308', '1e+308'],
    ['2e308', '+Inf', 'range'],
    ['1e309', '+Inf', 'range'],
    ['0x1p1025', '+Inf', 'range'],
    ['1e310', '+Inf', 'range'],
    ['-1e400', '-Inf', 'range'],
    ['1e400000', '+Inf', 'range'],
    ['0x1p2000000000', '+Inf', 'range'],
    ['-0x1p1030', '-Inf', 'range'],
    ['1e-305', '1e-305'],
    ['1e-308', '1e-308'],
    ['1e-310', '1e-310'],
    ['1e-322', '1e-322'],
    ['5e-324', '5e-324'],
    ['4e-324', '5e-324'],
    ['3e-324', '5e-324'],
    ['2e-324', '0'],
    ['1e-350', '0'],
    ['1e-400000', '0'],
    ['0x2.00000000000000p-1010', '1.8227805048890994e-304'],
    ['0x1.fffffffffffff0p-1010', '1.8227805048890992e-304'],
    ['0x1.fffffffffffff7p-1010', '1.8227805048890992e-304'],
    ['0x1.fffffffffffff8p-1010', '1.8227805048890994e-304'],
    ['0x1.fffffffffffff9p-1010', '1.8227805048890994e-304'],
    ['0x2.00000000000000p-1022', '4.450147717014403e-308'],
    ['0x1.fffffffffffff0p-1022', '4.4501477170144023e-308'],
    ['0x1.fffffffffffff7p-1022', '4.4501477170144023e-308'],
    ['0x1.fffffffffffff8p-1022', '4.450147717014403e-308'],
    ['0x1.00000000000000p-1022', '2.2250738585072014e-308'],
    ['0x0.fffffffffffff0p-1022', '2.225073858507201e-308'],
    ['0x0.ffffffffffffe0p-1022', '2.2250738585072004e-308'],
    ['0x0.ffffffffffffe7p-1022', '2.2250738585072004e-308'],
    ['0x1.ffffffffffffe8p-1023', '2.225073858507201e-308'],
    ['0x1.ffffffffffffe9p-1023', '2.225073858507201e-308'],
    ['0x0.00000003fffff0p-1022', '2.072261e-317'],
    ['0x0.00000003456780p-1022', '1.694649e-317'],
    ['0x0.00000003456787p-1022', '1.694649e-317'],
    ['0x0.00000003456788p-1022', '1.694649e-317'],
    ['0x0.00000003456790p-1022', '1.6946496e-317'],
    ['0x0.00000003456789p-1022', '1.6946496e-317'],
    ['0x0.0000000345678800000000000000000000000001p-1022', '1.6946496e-317'],
    ['0x0.000000000000f0p-1022', '7.4e-323'],
    ['0x0.00000000000060p-1022', '3e-323'],
    ['0x0.00000000000058p-1022', '3e-323'],
    ['0x0.00000000000057p-1022', '2.5e-323'],
    ['0x0.00000000000050p-1022', '2.5e-323'],
    ['0x0.00000000000010p-1022', '5e-324'],
    ['0x0.000000000000081p-1022', '5e-324'],
    ['0x0.00000000000008p-1022', '0'],
    ['0x0.00000000000007fp-1022', '0'],
    ['1e-4294967296', '0'],
    ['1e+4294967296', '+Inf', 'range'],
    ['1e-18446744073709551616', '0'],
    ['1e+18446744073709551616', '+Inf', 'range'],
    ['0x1p-4294967296', '0'],
    ['0x1p+4294967296', '+Inf', 'range'],
    ['0x1p-18446744073709551616', '0'],
    ['0x1p+18446744073709551616', '+Inf', 'range'],
    ['1e', '0', 'syntax'],
    ['1e-', '0', 'syntax'],
    ['.e-1', '0', 'syntax'],
    ['1\x00.2', '0', 'syntax'],
    ['0x', '0', 'syntax'],
    ['0x.', '0', 'syntax'],
    ['0x1', '0', 'syntax'],
    ['0x.1', '0', 'syntax'],
    ['0x1p', '0', 'syntax'],
    ['0x.1p', '0', 'syntax'],
    ['0x1p+', '0', 'syntax'],
    ['0x.1p+', '0', 'syntax'],
    ['0x1p-', '0', 'syntax'],
    ['0x.1p-', '0', 'syntax'],
    ['0x1p+2', '4'],
    ['0x.1p+2', '0.25'],
    ['0x1p-2', '0.25'],
    ['0x.1p-2', '0.015625'],
    ['2.2250738585072012e-308', '2.2250738585072014e-308'],
    ['2.2250738585072011e-308', '2.225073858507201e-308'],
    ['4.630813248087435e+307', '4.630813248087435e+307'],
    ['22.222222222222222', '22.22222222222222'],
    [`2.${'2'.repeat(4000)}e+1`, '22.22222222222222'],
    ['0x1.1111111111111p222', '7.18931911124017e+66'],
    ['0x2.2222222222222p221', '7.18931911124017e+66'],
    [`0x2.${'2'.repeat(4000)}p221`, '7.18931911124017e+66'],
    ['1.00000000000000011102230246251565404236316680908203125', '1'],
    ['0x1.00000000000008p0', '1'],
    ['1.00000000000000011102230246251565404236316680908203124', '1'],
    ['0x1.00000000000007Fp0', '1'],
    ['1.00000000000000011102230246251565404236316680908203126', '1.0000000000000002'],
    ['0x1.000000000000081p0', '1.0000000000000002'],
    ['0x1.00000000000009p0', '1.0000000000000002'],
    [`1.00000000000000011102230246251565404236316680908203125${'0'.repeat(10000)}1`, '1.0000000000000002'],
    [`0x1.00000000000008${'0'.repeat(10000)}1p0`, '1.0000000000000002'],
    ['1.00000000000000033306690738754696212708950042724609375', '1.0000000000000004'],
    ['0x1.00000000000018p0', '1.0000000000000004'],
    ['1090544144181609348671888949248', '1.0905441441816093e+30'],
    ['1090544144181609348835077142190', '1.0905441441816094e+30'],
    ['1_23.50_0_0e+1_2', '1.235e+14'],
    ['-_123.5e+12', '0', 'syntax'],
    ['+_123.5e+12', '0', 'syntax'],
    ['_123.5e+12', '0', 'syntax'],
    ['1__23.5e+12', '0', 'syntax'],
    ['123_.5e+12', '0', 'syntax'],
    ['123._5e+12', '0', 'syntax'],
    ['123.5_e+12', '0', 'syntax'],
    ['123.5__0e+12', '0', 'syntax'],
    ['123.5e_+12', '0', 'syntax'],
    ['123.5e+_12', '0', 'syntax'],
    ['123.5e_-12', '0', 'syntax'],
    ['123.5e-_12', '0', 'syntax'],
    ['123.5e+1__2', '0', 'syntax'],
    ['123.5e+12_', '0', 'syntax'],
    ['0x_1_2.3_4_5p+1_2', '74565'],
    ['-_0x12.345p+12', '0', 'syntax'],
    ['+_0x12.345p+12', '0', 'syntax'],
    ['_0x12.345p+12', '0', 'syntax'],
    ['0x__12.345p+12', '0', 'syntax'],
    ['0x1__2.345p+12', '0', 'syntax'],
    ['0x12_.345p+12', '0', 'syntax'],
    ['0x12._345p+12', '0', 'syntax'],
    ['0x12.3__45p+12', '0', 'syntax'],
    ['0x12.345_p+12', '0', 'syntax'],
    ['0x12.345p_+12', '0', 'syntax'],
    ['0x12.345p+_12', '0', 'syntax'],
    ['0x12.345p_-12', '0', 'syntax'],
    ['0x12.345p-_12', '0', 'syntax'],
    ['0x12.345p+1__2', '0', 'syntax'],
    ['0x12.345p+12_', '0', 'syntax'],
  ];
  const goValue = (text: string): number => ({ '+Inf': Infinity, '-Inf': -Infinity, NaN })[text] ?? Number(text);

  it('matches the Go atoftests table', () => {
    for (const [input, output, error] of atoftests) {
      const label = JSON.stringify(input.length > 60 ? `${input.slice(0, 60)}…` : input);
      if (error) {
        assert.throws(
          () => parseFloat64(input),
          (err: unknown) => err instanceof ParseFloatError && err.reason === (error === 'syntax' ? 'invalid syntax' : 'value out of range'),
          label,
        );
      } else {
        const value = parseFloat64(input);
        assert.ok(Object.is(value, goValue(output)) || (Number.isNaN(value) && output === 'NaN'), `${label}: ${value} != ${output}`);
      }
    }
  });

  it('rejects what JavaScript would accept', () => {
    for (const input of [
      ' 1',
      '1 ',
      '0b101',
      '0o17',
      '0x10',
      '1_',
      '+NaN',
      '-nan',
      'infin',
      'Infinityy',
      '1.2.3',
      '1,5',
      'Infinity1',
      '١',
    ]) {
      assert.throws(() => parseFloat64(input), ParseFloatError, JSON.stringify(input));
    }
  });

  it('accepts what Go accepts', () => {
    assert.equal(parseFloat64('1_000'), 1000);
    assert.equal(parseFloat64('.5'), 0.5);
    assert.equal(parseFloat64('5.'), 5);
    assert.equal(parseFloat64('0007'), 7);
    assert.equal(parseFloat64('0X1P-2'), 0.25);
    assert.equal(parseFloat64('-iNf'), -Infinity);
  });

  it('uses Go’s error text', () => {
    assertThrowsExactly(() => parseFloat64('v1.2'), ParseFloatError, 'strconv.ParseFloat: parsing "v1.2": invalid syntax');
    assertThrowsExactly(() => parseFloat64('1e999'), ParseFloatError, 'strconv.ParseFloat: parsing "1e999": value out of range');
  });
});
