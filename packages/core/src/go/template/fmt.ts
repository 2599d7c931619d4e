// fmt as templates observe it (fmt/print.go): Print, Sprint, Sprintln and a Sprintf with the verbs %v %s %q %d %t
// and %%, without flags, width or precision; Stringers print through String().
import { quote } from '../strconv/quote.ts';
import { unsupported } from './errors.ts';
import type { GoValue, Value } from './value.ts';
import { sortedEntries } from './value.ts';

/** `%0<width>x` (or `%0<width>X`) of a non-negative number. */
export function hex(n: number, width: number, upper = false): string {
  const digits = n.toString(16).padStart(width, '0');
  return upper ? digits.toUpperCase() : digits;
}

export type Verb = 'v' | 's' | 'q' | 'd' | 't';

/** fmt printArg. A null argument is a nil interface. */
export function printArg(arg: Value, verb: Verb): string {
  if (arg === null) return verb === 'v' ? '<nil>' : `%!${verb}(<nil>)`;
  if (arg.kind === 'struct' && arg.type.stringer && (verb === 'v' || verb === 's' || verb === 'q'))
    return fmtString(arg.type.stringer(arg), verb);
  return printValue(arg, verb, 0);
}

/** fmt printValue: composite values print their elements with the same verb. */
function printValue(value: Value, verb: Verb, depth: number): string {
  if (value === null) {
    if (depth === 0) return '<invalid reflect.Value>';
    return verb === 'v' ? '<nil>' : `%!${verb}(<nil>)`;
  }
  switch (value.kind) {
    case 'string':
      return verb === 'v' || verb === 's' || verb === 'q' ? fmtString(value.value, verb) : badVerb(value, verb);
    case 'bool':
      return verb === 'v' || verb === 't' ? String(value.value) : badVerb(value, verb);
    case 'int':
      if (verb === 'v' || verb === 'd') return String(value.value);
      if (verb === 'q') throw unsupported('%q of an integer');
      return badVerb(value, verb);
    case 'map':
      return `map[${sortedEntries(value)
        .map((e) => `${printNested(e.key, verb, depth)}:${printNested(e.value, verb, depth)}`)
        .join(' ')}]`;
    case 'struct':
      return `{${value.fields.map((f) => printNested(f, verb, depth)).join(' ')}}`;
    case 'slice':
      return `[${(value.items ?? []).map((item) => printNested(item, verb, depth)).join(' ')}]`;
  }
}

function printNested(value: Value, verb: Verb, depth: number): string {
  if (value?.kind === 'struct' && value.type.stringer && (verb === 'v' || verb === 's' || verb === 'q'))
    return fmtString(value.type.stringer(value), verb);
  return printValue(value, verb, depth + 1);
}

function fmtString(s: string, verb: Verb): string {
  return verb === 'q' ? quote(s) : s;
}

function badVerb(value: GoValue, verb: Verb): string {
  return `%!${verb}(${value.type.name}=${printArg(value, 'v')})`;
}

/** fmt.Sprint: a space between operands when neither is a string. */
export function sprint(args: readonly Value[]): string {
  let out = '';
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = arg?.kind === 'string';
    if (i > 0 && !isString && !prevString) out += ' ';
    out += printArg(arg, 'v');
    prevString = isString;
  });
  return out;
}

export function sprintln(args: readonly Value[]): string {
  return `${args.map((arg) => printArg(arg, 'v')).join(' ')}\n`;
}

export function sprintf(format: string, args: readonly Value[]): string {
  let out = '';
  let argNum = 0;
  let i = 0;
  while (i < format.length) {
    const percent = format.indexOf('%', i);
    if (percent < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, percent);
    i = percent + 1;
    if (i >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (!'vsqdt'.includes(verb)) throw unsupported(`printf verb or flag in ${quote(`%${verb}`)} (supported: %v %s %q %d %t %%)`);
    if (argNum >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += printArg(args[argNum++] ?? null, verb as Verb);
  }
  if (argNum < args.length) {
    const extra = args.slice(argNum).map((arg) => (arg === null ? '<nil>' : `${arg.type.name}=${printArg(arg, 'v')}`));
    out += `%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}
