// text/template's builtin functions (funcs.go builtins and the escapers in funcs.go: and, or, not, the
// comparisons, len, index, print, printf, println, html, js, urlquery). `call` and `slice` are refused.
import { compareGoStrings } from '../strings.ts';
import { isPrint } from '../strconv/quote.ts';
import { callError, unsupported } from './errors.ts';
import { hex, printArg, sprint, sprintf, sprintln } from './fmt.ts';
import { argString, fn, type FuncMap, type FuncMapEntry } from './function.ts';
import {
  anyType,
  assignable,
  bool,
  comparable,
  goEqual,
  int,
  isTrue,
  mapLookup,
  str,
  stringType,
  valueLength,
  zeroValue,
  type Value,
} from './value.ts';

const utf8 = new TextEncoder();

/** text/template HTMLEscapeString. */
function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => ({ '\0': '\ufffd', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
}

/** text/template JSEscapeString. */
function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const special = (
      { '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D' } as Record<string, string>
    )[ch];
    if (special !== undefined) out += special;
    else if (cp < 0x20) out += `\\u00${hex(cp, 2, true)}`;
    else if (cp < 0x80 || isPrint(cp)) out += ch;
    else out += `\\u${hex(cp, 4, true)}`;
  }
  return out;
}

/** url.QueryEscape. */
function queryEscape(s: string): string {
  let out = '';
  for (const b of utf8.encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${hex(b, 2, true)}`;
  }
  return out;
}

/** text/template evalArgs: fmt.Sprint, with "no value" for invalid arguments. */
function evalArgs(args: readonly Value[]): string {
  if (args.length === 1 && args[0]?.kind === 'string') return args[0].value;
  return sprint(args.map((arg) => arg ?? str('<no value>')));
}

/** text/template basicKind, for comparisons. */
function basicKind(v: Value): 'bool' | 'int' | 'string' | 'invalid' {
  return v !== null && (v.kind === 'bool' || v.kind === 'int' || v.kind === 'string') ? v.kind : 'invalid';
}

function isNilValue(v: Value): boolean {
  return v === null || (v.kind === 'slice' && v.items === null) || (v.kind === 'map' && v.entries === null);
}

/** text/template eq. */
function goEq(arg1: Value, others: readonly Value[]): boolean {
  if (others.length === 0) throw callError('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (const arg of others) {
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (arg1 !== null && arg !== null) throw callError(`incompatible types for comparison: ${arg1.type.name} and ${arg.type.name}`);
    } else if (k1 !== 'invalid' && arg1 !== null && arg !== null) {
      truth = goEqual(arg1, arg) || (arg1.kind === 'int' && arg.kind === 'int' && arg1.value === arg.value);
    } else if (arg1 === null || arg === null || isNilValue(arg1) || isNilValue(arg)) {
      if (arg1 !== null && arg !== null && arg1.kind !== arg.kind)
        throw callError(`non-comparable types ${printArg(arg1, 'v')}: ${arg1.type.name}, ${arg.type.name}: ${printArg(arg, 'v')}`);
      truth = isNilValue(arg1) === isNilValue(arg);
    } else {
      if (arg1.kind !== arg.kind)
        throw callError(`non-comparable types ${printArg(arg1, 'v')}: ${arg1.type.name}, ${arg.type.name}: ${printArg(arg, 'v')}`);
      if (!comparable(arg.type)) throw callError(`non-comparable type ${printArg(arg, 'v')}: ${arg.type.name}`);
      truth = goEqual(arg1, arg);
    }
    if (truth) return true;
  }
  return false;
}

/** text/template lt. */
function goLt(arg1: Value, arg2: Value): boolean {
  const k1 = basicKind(arg1);
  const k2 = basicKind(arg2);
  if (k1 === 'invalid' || k2 === 'invalid' || arg1 === null || arg2 === null) throw callError('invalid type for comparison');
  if (k1 !== k2) throw callError(`incompatible types for comparison: ${arg1.type.name} and ${arg2.type.name}`);
  if (arg1.kind === 'string' && arg2.kind === 'string') return compareGoStrings(arg1.value, arg2.value) < 0;
  if (arg1.kind === 'int' && arg2.kind === 'int') return arg1.value < arg2.value;
  throw callError('invalid type for comparison');
}

/** text/template index. */
function goIndex(item: Value, indexes: readonly Value[]): Value {
  if (item === null) throw callError('index of untyped nil');
  let current: Value = item;
  for (const index of indexes) {
    if (current === null) throw callError('index of untyped nil');
    if (current.kind === 'slice' || current.kind === 'string') {
      if (index === null) throw callError('cannot index slice/array with nil');
      if (index.kind !== 'int') throw callError(`cannot index slice/array with type ${index.type.name}`);
      const length = valueLength(current);
      if (index.value < 0 || index.value > length) throw callError(`index out of range: ${index.value}`);
      if (index.value === length) throw callError(`reflect: ${current.kind} index out of range`);
      if (current.kind === 'string') throw unsupported('index of a string (Go yields a byte)');
      current = current.items?.[index.value] ?? null;
    } else if (current.kind === 'map') {
      const keyType = current.type.key;
      if (index === null) throw callError(`value is nil; should be of type ${keyType.name}`);
      if (!assignable(index.type, keyType)) throw callError(`value has type ${index.type.name}; should be ${keyType.name}`);
      const found = mapLookup(current, index);
      current = found === undefined ? zeroValue(current.type.elem) : found;
    } else {
      throw callError(`can't index item of type ${current.type.name}`);
    }
  }
  return current;
}

/** text/template's builtins, which a template's own functions shadow. */
export const builtinFunctions: FuncMap = new Map<string, FuncMapEntry>([
  ['and', 'and'],
  ['or', 'or'],
  ['not', fn([anyType], (a) => bool(!isTrue(a[0] ?? null)))],
  ['eq', fn([anyType], (a) => bool(goEq(a[0] ?? null, a.slice(1))), anyType)],
  ['ne', fn([anyType, anyType], (a) => bool(!goEq(a[0] ?? null, [a[1] ?? null])))],
  ['lt', fn([anyType, anyType], (a) => bool(goLt(a[0] ?? null, a[1] ?? null)))],
  ['le', fn([anyType, anyType], (a) => bool(goLt(a[0] ?? null, a[1] ?? null) || goEq(a[0] ?? null, [a[1] ?? null])))],
  ['gt', fn([anyType, anyType], (a) => bool(!(goLt(a[0] ?? null, a[1] ?? null) || goEq(a[0] ?? null, [a[1] ?? null]))))],
  ['ge', fn([anyType, anyType], (a) => bool(!goLt(a[0] ?? null, a[1] ?? null)))],
  [
    'len',
    fn([anyType], (a) => {
      const item = a[0] ?? null;
      if (item === null) throw callError('reflect: call of reflect.Value.Type on zero Value');
      if (item.kind === 'string' || item.kind === 'slice' || item.kind === 'map') return int(valueLength(item));
      throw callError(`len of type ${item.type.name}`);
    }),
  ],
  ['index', fn([anyType], (a) => goIndex(a[0] ?? null, a.slice(1)), anyType)],
  ['print', fn([], (a) => str(sprint(a)), anyType)],
  ['println', fn([], (a) => str(sprintln(a)), anyType)],
  ['printf', fn([stringType], (a) => str(sprintf(argString(a, 0), a.slice(1))), anyType)],
  ['html', fn([], (a) => str(htmlEscape(evalArgs(a))), anyType)],
  ['js', fn([], (a) => str(jsEscape(evalArgs(a))), anyType)],
  ['urlquery', fn([], (a) => str(queryEscape(evalArgs(a))), anyType)],
  // No data d2ci renders holds functions, and sprig's `slice` shadows Go's.
  ['call', 'unsupported'],
  ['slice', 'unsupported'],
]);
