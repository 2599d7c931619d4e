// Go regular expressions (package regexp, RE2 syntax) wherever d2ci must read a pattern exactly as a Go consumer
// does: Flux's tag filters and exclusion lists (image-reflector-controller), and keyless identity and issuer
// patterns (Flux matchOIDCIdentity, cosign --certificate-identity-regexp; both call regexp.MatchString). Matching is
// delegated to re2js, a pure-JS port of RE2/J whose parser follows Go's regexp/syntax (same error codes and texts,
// no lookaround or backreferences, linear time). This module closes the few gaps between re2js and Go: error
// texts re2js shortens, duplicate group names (Go allows them, RE2/J does not) and Go's Regexp.Expand template rules.
import { RE2JS, RE2JSSyntaxException } from 're2js';

/** A pattern Go's `regexp.Compile` rejects; the message is Go's `*syntax.Error` text. */
export class RegexpSyntaxError extends Error {
  /** Go's `syntax.ErrorCode`, e.g. `missing closing ]`. */
  readonly code: string;
  /** The offending part of the expression, as Go reports it. */
  readonly expr: string;

  constructor(code: string, expr: string) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
    this.name = 'RegexpSyntaxError';
    this.code = code;
    this.expr = expr;
  }
}

// Go reports these two for the whole expression (regexp/syntax parse: the panics ErrLarge and ErrNestingDepth are
// recovered as &Error{Code, s}); re2js leaves the expression out.
const wholeExpressionCodes = new Set(['expression too large', 'expression nests too deeply']);
const duplicateNameCode = 'duplicate capture group name';
const captureName = /^[A-Za-z0-9_]+$/;
// unicode.IsLetter, unicode.IsDigit or '_': what Go's Expand accepts in a `$name`.
const nameCharacter = /^[\p{L}\p{Nd}_]$/u;

/** A compiled Go regular expression (leftmost-first, unanchored, like Go's `regexp.Compile`). */
export class GoRegexp {
  /** The pattern as given. */
  readonly source: string;
  private readonly compiled: RE2JS;
  /** Group names by index; index 0 (the whole match) and unnamed groups are ''. Like Go's `SubexpNames()`. */
  private readonly names: readonly string[];

  private constructor(source: string, compiled: RE2JS, names: readonly string[]) {
    this.source = source;
    this.compiled = compiled;
    this.names = names;
  }

  /** Compiles `pattern` with Go's syntax; throws RegexpSyntaxError with Go's message when Go would refuse it. */
  static compile(pattern: string): GoRegexp {
    try {
      const compiled = RE2JS.compile(pattern);
      return new GoRegexp(
        pattern,
        compiled,
        groupNames(compiled, (name) => name),
      );
    } catch (err) {
      if (!(err instanceof RE2JSSyntaxException) || err.error !== duplicateNameCode) throw goSyntaxError(err, pattern, (text) => text);
    }
    // Go accepts several groups with one name; give each a unique name for re2js and keep the real ones aside.
    const renamed = renameNamedGroups(pattern);
    try {
      const compiled = RE2JS.compile(renamed.pattern);
      return new GoRegexp(pattern, compiled, groupNames(compiled, renamed.original));
    } catch (err) {
      throw goSyntaxError(err, pattern, renamed.restore);
    }
  }

  /** Number of capturing groups (Go's `NumSubexp()`). */
  get numSubexp(): number {
    return this.names.length - 1;
  }

  /** Go's `SubexpNames()`: one entry per group plus the whole match at index 0, '' when unnamed. */
  subexpNames(): readonly string[] {
    return this.names;
  }

  /** Go's `MatchString`: whether the expression matches anywhere in `text`. */
  matchString(text: string): boolean {
    return this.compiled.matcher(text).find();
  }

  /**
   * Go's `FindStringSubmatchIndex`: the leftmost match as `[start0, end0, start1, end1, …]` with -1 for a group
   * that took no part, or undefined when there is no match. Indexes are UTF-16 offsets into `text` (Go's are
   * UTF-8 byte offsets); they are meant for slicing `text`, as `expandString` does.
   */
  findStringSubmatchIndex(text: string): number[] | undefined {
    const matcher = this.compiled.matcher(text);
    if (!matcher.find()) return undefined;
    const indexes: number[] = [];
    for (let group = 0; group <= this.numSubexp; group++) indexes.push(matcher.start(group), matcher.end(group));
    return indexes;
  }

  /**
   * Go's `ExpandString`: `template` with `$name`, `${name}`, `$1` and `${1}` replaced by the groups of `match`
   * (from findStringSubmatchIndex on `src`). A `$name` takes as many letters, digits and underscores as it can
   * (`$1x` is `${1x}`); an unknown or unmatched group expands to nothing; `$$` is `$`; a `$` not followed by a
   * name is kept as is.
   */
  expandString(template: string, src: string, match: readonly number[]): string {
    let out = '';
    let rest = template;
    for (let dollar = rest.indexOf('$'); dollar >= 0; dollar = rest.indexOf('$')) {
      out += rest.slice(0, dollar);
      rest = rest.slice(dollar + 1);
      if (rest.startsWith('$')) {
        out += '$';
        rest = rest.slice(1);
        continue;
      }
      const reference = extractReference(rest);
      if (!reference) {
        out += '$';
        continue;
      }
      rest = reference.rest;
      if (reference.number >= 0) {
        out += groupText(src, match, reference.number);
      } else {
        // The first group of that name that took part (Go loops over SubexpNames the same way).
        for (let group = 0; group < this.names.length; group++) {
          if (this.names[group] === reference.name && (match[2 * group] ?? -1) >= 0 && 2 * group + 1 < match.length) {
            out += groupText(src, match, group);
            break;
          }
        }
      }
    }
    return out + rest;
  }
}

/** Compiles a Go regular expression; see GoRegexp.compile. */
export function compileRegexp(pattern: string): GoRegexp {
  return GoRegexp.compile(pattern);
}

function groupText(src: string, match: readonly number[], group: number): string {
  const start = match[2 * group] ?? -1;
  const end = match[2 * group + 1] ?? -1;
  return start >= 0 && end >= 0 ? src.slice(start, end) : '';
}

/** Go's regexp `extract`: the name after a `$` (bare or in braces) and its number, or -1 when it is not one. */
function extractReference(text: string): { name: string; number: number; rest: string } | undefined {
  let body = text;
  const brace = body.startsWith('{');
  if (brace) body = body.slice(1);
  let end = 0;
  while (end < body.length) {
    const character = String.fromCodePoint(body.codePointAt(end) ?? 0);
    if (!nameCharacter.test(character)) break;
    end += character.length;
  }
  if (end === 0) return undefined;
  const name = body.slice(0, end);
  if (brace) {
    if (body[end] !== '}') return undefined;
    end++;
  }
  // Go: decimal digits only, stop growing at 1e8, and no leading zero ($01 is the group *named* 01).
  let number = 0;
  for (let i = 0; i < name.length; i++) {
    const digit = name.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9 || number >= 1e8) {
      number = -1;
      break;
    }
    number = number * 10 + digit;
  }
  if (name.startsWith('0') && name.length > 1) number = -1;
  return { name, number, rest: body.slice(end) };
}

function groupNames(compiled: RE2JS, originalName: (name: string) => string): string[] {
  const names: string[] = new Array<string>(compiled.groupCount() + 1).fill('');
  for (const [name, index] of Object.entries(compiled.namedGroups())) names[index] = originalName(name);
  return names;
}

function goSyntaxError(err: unknown, pattern: string, restore: (text: string) => string): unknown {
  if (!(err instanceof RE2JSSyntaxException)) return err;
  const expr = wholeExpressionCodes.has(err.error) ? pattern : restore(err.input ?? '');
  return new RegexpSyntaxError(err.error, expr);
}

/**
 * Gives every valid named group of `pattern` a unique name, scanning it the way Go's parser does (escapes,
 * `\Q…\E` and character classes are skipped, so a `(?P<` inside them is left alone). Invalid names are kept, so
 * re2js still reports them as Go would.
 */
function renameNamedGroups(pattern: string): { pattern: string; original: (name: string) => string; restore: (text: string) => string } {
  let stem = 'g';
  while (pattern.includes(stem)) stem += 'g';
  const names: string[] = [];
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const character = pattern[i];
    if (character === '\\') {
      const stop = pattern[i + 1] === 'Q' ? quotedEnd(pattern, i) : i + 2;
      out += pattern.slice(i, stop);
      i = stop;
      continue;
    }
    if (character === '[') {
      const stop = classEnd(pattern, i);
      out += pattern.slice(i, stop);
      i = stop;
      continue;
    }
    if (character === '(' && pattern[i + 1] === '?') {
      // Go: `(?P<` needs something after it; `(?<` too (and `(?<=`/`(?<!` end up as invalid names).
      const left = pattern.length - i;
      const nameStart = left > 4 && pattern.startsWith('P<', i + 2) ? i + 4 : left > 3 && pattern[i + 2] === '<' ? i + 3 : -1;
      const nameEnd = nameStart < 0 ? -1 : pattern.indexOf('>', i);
      const name = nameEnd < 0 ? '' : pattern.slice(nameStart, nameEnd);
      if (captureName.test(name)) {
        out += `${pattern.slice(i, nameStart)}${stem}${names.length}>`;
        names.push(name);
        i = nameEnd + 1;
        continue;
      }
    }
    out += character;
    i++;
  }
  const synthetic = new RegExp(`${stem}(\\d+)`, 'g');
  const original = (name: string): string => names[Number(name.slice(stem.length))] ?? name;
  return { pattern: out, original, restore: (text) => text.replace(synthetic, (name) => original(name)) };
}

/** End of a `\Q…\E` starting at `start` (Go: everything up to `\E`, or to the end, is literal). */
function quotedEnd(pattern: string, start: number): number {
  const end = pattern.indexOf('\\E', start + 2);
  return end < 0 ? pattern.length : end + 2;
}

/** End (exclusive) of the character class starting at `start`, by Go's parseClass rules. */
function classEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '^') i++;
  // A `]` first in the class is a literal.
  let first = true;
  while (i < pattern.length && (pattern[i] !== ']' || first)) {
    first = false;
    if (pattern.startsWith('[:', i)) {
      const close = pattern.indexOf(':]', i + 2);
      if (close >= 0) {
        i = close + 2;
        continue;
      }
    }
    i += pattern[i] === '\\' ? 2 : 1;
  }
  return Math.min(i + 1, pattern.length);
}
