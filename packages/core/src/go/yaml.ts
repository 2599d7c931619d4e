// The scalar rules of Go's YAML libraries, as kyaml applies them when Flux's Setters write a value: go-yaml's
// `resolve` for plain scalars (gopkg.in/yaml.v2 and v3 resolve.go: which texts are bools, ints, floats, nulls or
// timestamps), kyaml's `IsValueNonString` (which values must be quoted to stay strings), and yaml.v3's emitter
// (emitterc.go `yaml_emitter_analyze_scalar` and the double-quoted writer: which styles can hold a value).
import { isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';
import { parsesAsInt64, parsesAsUint64 } from './strconv/atoi.ts';

const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/**
 * The int/float branch of go-yaml's `resolve` for a plain scalar starting with a digit or sign (v3 adds `0o`):
 * strconv.ParseInt, then ParseUint, of the text without underscores.
 */
function goYamlNumber(value: string, octalPrefix: boolean): 'int' | 'float' | undefined {
  const plain = value.replaceAll('_', '');
  if (parsesAsInt64(plain, 0) || parsesAsUint64(plain, 0)) return 'int';
  if (yamlStyleFloat.test(plain) && Number.isFinite(Number(plain))) return 'float';
  if (plain.startsWith('0b')) {
    if (parsesAsInt64(plain.slice(2), 2) || parsesAsUint64(plain.slice(2), 2)) return 'int';
  } else if (plain.startsWith('-0b')) {
    if (parsesAsInt64(`-${plain.slice(3)}`, 2)) return 'int';
  }
  if (octalPrefix) {
    if (plain.startsWith('0o')) {
      if (parsesAsInt64(plain.slice(2), 8) || parsesAsUint64(plain.slice(2), 8)) return 'int';
    } else if (plain.startsWith('-0o')) {
      if (parsesAsInt64(`-${plain.slice(3)}`, 8)) return 'int';
    }
  }
  return undefined;
}

const infNaN = ['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF'];
const v2Words = new Map<string, ResolvedTag>([
  ...[
    'y',
    'Y',
    'yes',
    'Yes',
    'YES',
    'n',
    'N',
    'no',
    'No',
    'NO',
    'true',
    'True',
    'TRUE',
    'false',
    'False',
    'FALSE',
    'on',
    'On',
    'ON',
    'off',
    'Off',
    'OFF',
  ].map((w): [string, ResolvedTag] => [w, 'bool']),
  ...['', '~', 'null', 'Null', 'NULL'].map((w): [string, ResolvedTag] => [w, 'null']),
  ...infNaN.map((w): [string, ResolvedTag] => [w, 'float']),
]);
const v3Words = new Map<string, ResolvedTag>([
  ...['true', 'True', 'TRUE', 'false', 'False', 'FALSE'].map((w): [string, ResolvedTag] => [w, 'bool']),
  ...['', '~', 'null', 'Null', 'NULL'].map((w): [string, ResolvedTag] => [w, 'null']),
  ...infNaN.map((w): [string, ResolvedTag] => [w, 'float']),
]);

type ResolvedTag = 'str' | 'null' | 'bool' | 'int' | 'float' | 'timestamp';

/**
 * go-yaml's `resolve("", value)` for a plain scalar: v2 knows the YAML 1.1 words, v3 also `0o` octals. The first
 * character decides what is tried at all (so `<<` and words such as `nil` are strings).
 */
function goYamlResolve(value: string, version: 2 | 3, checkTimestamp = true): ResolvedTag {
  const first = value[0];
  const hint =
    first === undefined
      ? 'N'
      : /[0-9]/.test(first)
        ? 'D'
        : first === '+' || first === '-'
          ? 'S'
          : first === '.'
            ? '.'
            : 'yYnNtTfFoO~'.includes(first)
              ? 'M'
              : '';
  if (hint === '') return 'str';
  const word = (version === 2 ? v2Words : v3Words).get(value);
  if (word !== undefined) return word;
  if (hint === '.') return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(value) && Number.isFinite(Number(value)) ? 'float' : 'str';
  if (hint === 'D' || hint === 'S') {
    if (checkTimestamp && isGoYamlTimestamp(value)) return 'timestamp';
    return goYamlNumber(value, version === 3) ?? 'str';
  }
  return 'str';
}

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const timestampPattern =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(?:Z|([+-])(\d{2}):(\d{2}))| (\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?)?$/;

/** go-yaml's `parseTimestamp`: Go `time.Parse` with its four layouts, range checks included. */
function isGoYamlTimestamp(value: string): boolean {
  const m = timestampPattern.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && leap ? 29 : (daysInMonth[month - 1] ?? 0))) return false;
  const [hour, minute, second] = m[4] !== undefined ? [m[4], m[5], m[6]] : [m[10], m[11], m[12]];
  if (hour !== undefined && (Number(hour) >= 24 || Number(minute) >= 60 || Number(second) >= 60)) return false;
  if (m[8] !== undefined && (Number(m[8]) > 24 || Number(m[9]) > 60)) return false;
  return true;
}

/**
 * kyaml `IsValueNonString`: does `value`, unquoted, decode as something other than a string with go-yaml v2 (YAML 1.1
 * ints incl. `0x`/octal/underscores, floats such as `1.10`, bools yes/no/on/off/y/n/true/false, null/`~`, a whole
 * map or sequence, an empty document)? Such a value is written double-quoted unless its node is already quoted.
 */
export function needsQuoting(value: string): boolean {
  if (value === '' || value.includes('\n')) return false;
  const doc = parseDocument(value, { schema: 'failsafe', uniqueKeys: false, version: '1.1' });
  // v2 fails to decode it, so kyaml leaves the style alone.
  if (doc.errors.length) return false;
  const node = doc.contents;
  if (node === null) return true;
  if (isMap(node) || isSeq(node)) return true;
  if (!isScalar(node)) return false;
  if (node.range[0] === node.range[1] && node.tag === undefined) return true;
  const text = String(node.value);
  switch (node.tag) {
    case undefined:
      break;
    case 'tag:yaml.org,2002:int':
      return goYamlResolve(text, 2, false) === 'int';
    case 'tag:yaml.org,2002:float':
      return ['int', 'float'].includes(goYamlResolve(text, 2, false));
    case 'tag:yaml.org,2002:bool':
      return goYamlResolve(text, 2, false) === 'bool';
    case 'tag:yaml.org,2002:null':
      return goYamlResolve(text, 2, false) === 'null';
    default:
      return false;
  }
  if (node.type !== Scalar.PLAIN) return false;
  // A timestamp decodes into interface{} as its string (go-yaml v2 backward compatibility).
  return !['str', 'timestamp'].includes(goYamlResolve(text, 2));
}

/** yaml.v3's encoder double-quotes a `!!str` node whose plain text would resolve to another type (YAML 1.2 rules, timestamps and "" included). */
export function resolvesAsNonString(value: string): boolean {
  return goYamlResolve(value, 3) !== 'str';
}

// yaml.v3 emitter's character classes (emitterc.go / yamlprivateh.go), per code point, with unicode output on.
const isBreak = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
const isPrintable = (c: number): boolean =>
  c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);

export interface ScalarAnalysis {
  flowPlain: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
  block: boolean;
  lineBreaks: boolean;
}

/** yaml.v3 `yaml_emitter_analyze_scalar`: which styles can hold `value`. */
export function analyzeScalar(value: string): ScalarAnalysis {
  if (value === '') return { flowPlain: false, blockPlain: true, singleQuoted: true, block: false, lineBreaks: false };
  const points = Array.from(value, (c) => c.codePointAt(0) ?? 0);
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let flowIndicators = blockIndicators;
  let lineBreaks = false;
  let special = false;
  let tabs = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  points.forEach((c, i) => {
    const next = points[i + 1];
    const followedByWhitespace = next === undefined || next === 0x20 || next === 0x09;
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) flowIndicators = blockIndicators = true;
      else if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (ch === '-' && followedByWhitespace) flowIndicators = blockIndicators = true;
    } else if (',?[]{}'.includes(ch)) flowIndicators = true;
    else if (ch === ':') {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (ch === '#' && precededByWhitespace) flowIndicators = blockIndicators = true;

    if (c === 0x09) tabs = true;
    else if (!isPrintable(c)) special = true;
    const last = i === points.length - 1;
    if (c === 0x20) {
      leadingSpace ||= i === 0;
      trailingSpace ||= last;
      breakSpace ||= previousBreak;
      [previousSpace, previousBreak] = [true, false];
    } else if (isBreak(c)) {
      lineBreaks = true;
      leadingBreak ||= i === 0;
      trailingBreak ||= last;
      spaceBreak ||= previousSpace;
      [previousSpace, previousBreak] = [false, true];
    } else {
      [previousSpace, previousBreak] = [false, false];
    }
    precededByWhitespace = c === 0x20 || c === 0x09 || c === 0 || isBreak(c);
  });
  const analysis = { flowPlain: true, blockPlain: true, singleQuoted: true, block: true, lineBreaks };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) analysis.flowPlain = analysis.blockPlain = false;
  if (trailingSpace) analysis.block = false;
  if (breakSpace || spaceBreak || tabs || special) analysis.flowPlain = analysis.blockPlain = analysis.singleQuoted = false;
  if (spaceBreak || special) analysis.block = false;
  if (lineBreaks) analysis.flowPlain = analysis.blockPlain = false;
  if (flowIndicators) analysis.flowPlain = false;
  if (blockIndicators) analysis.blockPlain = false;
  return analysis;
}

const doubleQuoteEscapes = new Map<number, string>([
  [0x00, '0'],
  [0x07, 'a'],
  [0x08, 'b'],
  [0x09, 't'],
  [0x0a, 'n'],
  [0x0b, 'v'],
  [0x0c, 'f'],
  [0x0d, 'r'],
  [0x1b, 'e'],
  [0x22, '"'],
  [0x5c, '\\'],
  [0x85, 'N'],
  [0xa0, '_'],
  [0x2028, 'L'],
  [0x2029, 'P'],
]);

/** A double-quoted scalar as yaml.v3 writes it (`yaml_emitter_write_double_quoted_scalar`, without line folding). */
export function doubleQuoted(value: string): string {
  let out = '"';
  for (const ch of value) {
    const c = ch.codePointAt(0) ?? 0;
    if (isPrintable(c) && !isBreak(c) && c !== 0x22 && c !== 0x5c) {
      out += ch;
      continue;
    }
    const hex = c.toString(16).toUpperCase();
    out += `\\${doubleQuoteEscapes.get(c) ?? (c <= 0xff ? `x${hex.padStart(2, '0')}` : c <= 0xffff ? `u${hex.padStart(4, '0')}` : `U${hex.padStart(8, '0')}`)}`;
  }
  return `${out}"`;
}

/** A single-quoted scalar as yaml.v3 writes it (quotes doubled, without line folding). */
export const singleQuoted = (value: string): string => `'${value.replaceAll("'", "''")}'`;
