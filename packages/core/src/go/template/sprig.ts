// The sprig functions Flux's commit templates can call (Masterminds/sprig v3.3.0 HermeticTxtFuncMap, as
// image-automation-controller passes it): the string, path, list, default, JSON and integer functions d2ci
// implements, and the names of the rest, which are refused rather than reported as undefined.
import { createHash } from 'node:crypto';
import { compareGoStrings } from '../strings.ts';
import { quote } from '../strconv/quote.ts';
import { callError, unsupported } from './errors.ts';
import { printArg } from './fmt.ts';
import { argInt, argString, fn, type FuncMap, type FuncMapEntry, type GoFunction } from './function.ts';
import { jsonMarshal, UnsupportedTypeError } from './json.ts';
import {
  goChangeCase,
  goDeleteWhiteSpace,
  goRepeat,
  goReplaceAll,
  goSplit,
  goTitle,
  goTrim,
  goTrimSpace,
  goTrunc,
  pathBase,
  pathClean,
  pathDir,
  pathExt,
} from './sprig-strings.ts';
import {
  anySliceType,
  anyType,
  bool,
  boolType,
  deepEqual,
  int,
  int64Type,
  intType,
  isTrue,
  kindName,
  str,
  stringSliceType,
  stringType,
  type GoType,
  type IntValue,
  type SliceValue,
  type Value,
} from './value.ts';

function stringFn(arity: number, body: (...s: string[]) => string): GoFunction {
  return fn(Array<GoType>(arity).fill(stringType), (args) => str(body(...args.map((_, i) => argString(args, i)))));
}

function predicateFn(body: (a: string, b: string) => boolean): GoFunction {
  return fn([stringType, stringType], (args) => bool(body(argString(args, 0), argString(args, 1))));
}

/** Go panics surface as call errors; this is the text a nil reflect.TypeOf(...).Kind() panic gives. */
const nilPointerPanic = 'runtime error: invalid memory address or nil pointer dereference';

/** sprig strval: strings as they are, Stringers through String(), the rest as %v. */
function strval(v: Value): string {
  return printArg(v, 'v');
}

/** sprig strslice. */
function strslice(v: Value): string[] {
  if (v === null) return [];
  if (v.kind === 'slice') return (v.items ?? []).filter((item) => item !== null).map(strval);
  return [strval(v)];
}

/** sprig empty. */
function isEmpty(v: Value): boolean {
  return !isTrue(v);
}

/** Sprig's list helpers take interface{} and panic on nil (reflect.TypeOf(nil).Kind()). */
function sliceArg(v: Value, what: string): SliceValue {
  if (v === null) throw callError(nilPointerPanic);
  if (v.kind !== 'slice') throw callError(`Cannot find ${what} on type ${kindName(v)}`);
  return v;
}

/** sprig toInt64, limited to Go ints (cast.ToInt64's string and float rules are not mirrored). */
function toInt64(v: Value, name: string): number {
  if (v?.kind !== 'int') throw unsupported(`${name} of a ${v === null ? 'nil' : v.type.name} (only integers are supported)`);
  return v.value;
}

function int64Result(n: number): IntValue {
  if (!Number.isSafeInteger(n)) throw unsupported('integer arithmetic beyond 2^53');
  return int(n, int64Type);
}

const sprigFunctions: ReadonlyMap<string, GoFunction> = new Map<string, GoFunction>([
  ['hello', fn([], () => str('Hello!'))],
  // strings
  ['lower', stringFn(1, (s) => goChangeCase(s, false))],
  ['upper', stringFn(1, (s) => goChangeCase(s, true))],
  ['title', stringFn(1, goTitle)],
  ['trim', stringFn(1, goTrimSpace)],
  ['trimAll', stringFn(2, (cutset, s) => goTrim(s, cutset))],
  ['trimall', stringFn(2, (cutset, s) => goTrim(s, cutset))],
  ['trimPrefix', stringFn(2, (prefix, s) => (s.startsWith(prefix) ? s.slice(prefix.length) : s))],
  ['trimSuffix', stringFn(2, (suffix, s) => (suffix !== '' && s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s))],
  ['replace', stringFn(3, (old, replacement, s) => goReplaceAll(s, old, replacement))],
  ['nospace', stringFn(1, goDeleteWhiteSpace)],
  ['contains', predicateFn((substr, s) => s.includes(substr))],
  ['hasPrefix', predicateFn((prefix, s) => s.startsWith(prefix))],
  ['hasSuffix', predicateFn((suffix, s) => s.endsWith(suffix))],
  ['repeat', fn([intType, stringType], (a) => str(goRepeat(argString(a, 1), argInt(a, 0))))],
  ['trunc', fn([intType, stringType], (a) => str(goTrunc(argInt(a, 0), argString(a, 1))))],
  [
    'indent',
    fn([intType, stringType], (a) => {
      const pad = goRepeat(' ', argInt(a, 0));
      return str(pad + argString(a, 1).replaceAll('\n', `\n${pad}`));
    }),
  ],
  [
    'nindent',
    fn([intType, stringType], (a) => {
      const pad = goRepeat(' ', argInt(a, 0));
      return str(`\n${pad}${argString(a, 1).replaceAll('\n', `\n${pad}`)}`);
    }),
  ],
  [
    'quote',
    fn(
      [],
      (a) =>
        str(
          a
            .filter((v) => v !== null)
            .map((v) => quote(strval(v)))
            .join(' '),
        ),
      anyType,
    ),
  ],
  [
    'squote',
    fn(
      [],
      (a) =>
        str(
          a
            .filter((v) => v !== null)
            .map((v) => `'${printArg(v, 'v')}'`)
            .join(' '),
        ),
      anyType,
    ),
  ],
  [
    'cat',
    fn(
      [],
      (a) =>
        str(
          a
            .filter((v) => v !== null)
            .map((v) => printArg(v, 'v'))
            .join(' '),
        ),
      anyType,
    ),
  ],
  ['toString', fn([anyType], (a) => str(strval(a[0] ?? null)))],
  ['sha1sum', stringFn(1, (s) => createHash('sha1').update(s, 'utf8').digest('hex'))],
  ['sha256sum', stringFn(1, (s) => createHash('sha256').update(s, 'utf8').digest('hex'))],
  ['b64enc', stringFn(1, (s) => Buffer.from(s, 'utf8').toString('base64'))],
  // paths
  ['base', stringFn(1, pathBase)],
  ['dir', stringFn(1, pathDir)],
  ['ext', stringFn(1, pathExt)],
  ['clean', stringFn(1, pathClean)],
  // lists
  ['join', fn([stringType, anyType], (a) => str(strslice(a[1] ?? null).join(argString(a, 0))))],
  [
    'splitList',
    fn([stringType, stringType], (a) => ({
      kind: 'slice',
      type: stringSliceType,
      items: goSplit(argString(a, 1), argString(a, 0)).map(str),
    })),
  ],
  ['toStrings', fn([anyType], (a) => ({ kind: 'slice', type: stringSliceType, items: strslice(a[0] ?? null).map(str) }))],
  [
    'sortAlpha',
    fn([anyType], (a) => {
      const list = a[0] ?? null;
      const items = list?.kind === 'slice' ? strslice(list).sort(compareGoStrings) : [strval(list)];
      return { kind: 'slice', type: stringSliceType, items: items.map(str) };
    }),
  ],
  ['first', fn([anyType], (a) => sliceArg(a[0] ?? null, 'first').items?.[0] ?? null)],
  ['mustFirst', fn([anyType], (a) => sliceArg(a[0] ?? null, 'first').items?.[0] ?? null)],
  [
    'last',
    fn([anyType], (a) => {
      const items = sliceArg(a[0] ?? null, 'last').items ?? [];
      return items[items.length - 1] ?? null;
    }),
  ],
  [
    'mustLast',
    fn([anyType], (a) => {
      const items = sliceArg(a[0] ?? null, 'last').items ?? [];
      return items[items.length - 1] ?? null;
    }),
  ],
  ['uniq', fn([anyType], (a) => uniq(a[0] ?? null))],
  ['mustUniq', fn([anyType], (a) => uniq(a[0] ?? null))],
  // defaults
  ['default', fn([anyType], (a) => (a.length < 2 || isEmpty(a[1] ?? null) ? (a[0] ?? null) : (a[1] ?? null)), anyType)],
  ['empty', fn([anyType], (a) => bool(isEmpty(a[0] ?? null)))],
  ['coalesce', fn([], (a) => a.find((v) => !isEmpty(v)) ?? null, anyType)],
  ['ternary', fn([anyType, anyType, boolType], (a) => (a[2]?.kind === 'bool' && a[2].value ? (a[0] ?? null) : (a[1] ?? null)))],
  [
    'toJson',
    fn([anyType], (a) => {
      try {
        return str(jsonMarshal(a[0] ?? null));
      } catch (error) {
        if (error instanceof UnsupportedTypeError) return str('');
        throw error;
      }
    }),
  ],
  [
    'mustToJson',
    fn([anyType], (a) => {
      try {
        return str(jsonMarshal(a[0] ?? null));
      } catch (error) {
        if (error instanceof UnsupportedTypeError) throw callError(error.message);
        throw error;
      }
    }),
  ],
  // integers
  ['add1', fn([anyType], (a) => int64Result(toInt64(a[0] ?? null, 'add1') + 1))],
  ['add', fn([], (a) => int64Result(a.reduce((sum, v) => sum + toInt64(v, 'add'), 0)), anyType)],
  ['sub', fn([anyType, anyType], (a) => int64Result(toInt64(a[0] ?? null, 'sub') - toInt64(a[1] ?? null, 'sub')))],
  [
    'mul',
    fn(
      [anyType],
      (a) => int64Result(a.slice(1).reduce((product, v) => product * toInt64(v, 'mul'), toInt64(a[0] ?? null, 'mul'))),
      anyType,
    ),
  ],
]);

/** sprig uniq: reflect.DeepEqual de-duplication into a []interface{}. */
function uniq(list: Value): SliceValue {
  const items: Value[] = [];
  for (const item of sliceArg(list, 'uniq').items ?? []) if (!items.some((seen) => deepEqual(seen, item))) items.push(item);
  return { kind: 'slice', type: anySliceType, items };
}

/** sprig.HermeticTxtFuncMap() (v3.3.0) names d2ci does not implement: Go knows them, so they are not "undefined". */
const unsupportedSprigFunctions = [
  'abbrev',
  'abbrevboth',
  'add1f',
  'addf',
  'adler32sum',
  'ago',
  'all',
  'any',
  'append',
  'atoi',
  'b32dec',
  'b32enc',
  'b64dec',
  'bcrypt',
  'biggest',
  'buildCustomCert',
  'camelcase',
  'ceil',
  'chunk',
  'compact',
  'concat',
  'decryptAES',
  'deepCopy',
  'deepEqual',
  'derivePassword',
  'dict',
  'dig',
  'div',
  'divf',
  'duration',
  'durationRound',
  'encryptAES',
  'fail',
  'float64',
  'floor',
  'fromJson',
  'genCA',
  'genCAWithKey',
  'genPrivateKey',
  'genSelfSignedCert',
  'genSelfSignedCertWithKey',
  'genSignedCert',
  'genSignedCertWithKey',
  'get',
  'has',
  'hasKey',
  'htpasswd',
  'initial',
  'initials',
  'int',
  'int64',
  'isAbs',
  'kebabcase',
  'keys',
  'kindIs',
  'kindOf',
  'list',
  'max',
  'maxf',
  'merge',
  'mergeOverwrite',
  'min',
  'minf',
  'mod',
  'mulf',
  'mustAppend',
  'mustChunk',
  'mustCompact',
  'mustDateModify',
  'mustDeepCopy',
  'mustFromJson',
  'mustHas',
  'mustInitial',
  'mustMerge',
  'mustMergeOverwrite',
  'mustPrepend',
  'mustPush',
  'mustRegexFind',
  'mustRegexFindAll',
  'mustRegexMatch',
  'mustRegexReplaceAll',
  'mustRegexReplaceAllLiteral',
  'mustRegexSplit',
  'mustRest',
  'mustReverse',
  'mustSlice',
  'mustToDate',
  'mustToPrettyJson',
  'mustToRawJson',
  'mustWithout',
  'must_date_modify',
  'omit',
  'osBase',
  'osClean',
  'osDir',
  'osExt',
  'osIsAbs',
  'pick',
  'pluck',
  'plural',
  'prepend',
  'push',
  'randInt',
  'regexFind',
  'regexFindAll',
  'regexMatch',
  'regexQuoteMeta',
  'regexReplaceAll',
  'regexReplaceAllLiteral',
  'regexSplit',
  'rest',
  'reverse',
  'round',
  'semver',
  'semverCompare',
  'seq',
  'set',
  'sha512sum',
  'shuffle',
  'slice',
  'snakecase',
  'split',
  'splitn',
  'subf',
  'substr',
  'swapcase',
  'toDate',
  'toDecimal',
  'toPrettyJson',
  'toRawJson',
  'tuple',
  'typeIs',
  'typeIsLike',
  'typeOf',
  'unixEpoch',
  'unset',
  'until',
  'untilStep',
  'untitle',
  'urlJoin',
  'urlParse',
  'values',
  'without',
  'wrap',
  'wrapWith',
];

/** sprig.HermeticTxtFuncMap(): what d2ci implements, and the rest by name. */
export const sprigHermeticFunctions: FuncMap = new Map<string, FuncMapEntry>([
  ...unsupportedSprigFunctions.map((name): [string, 'unsupported'] => [name, 'unsupported']),
  ...sprigFunctions,
]);
