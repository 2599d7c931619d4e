// Go's strings and path packages (and goutils.DeleteWhiteSpace), as sprig's string functions call them: Go strings
// are UTF-8 bytes and Go's case mappings are Unicode's simple ones, so each differs from its JavaScript namesake
// somewhere. Where a result cannot be rendered exactly (invalid UTF-8, no known mapping) it is refused.
import { byteLength, isAlphaNumeric, isUnicodeSpace, runes } from '../strings.ts';
import { quote } from '../strconv/quote.ts';
import { callError, unsupported } from './errors.ts';

const utf8 = new TextEncoder();

/** strings.Repeat, whose panics become call errors. */
export function goRepeat(s: string, count: number): string {
  if (count < 0) throw callError('strings: negative Repeat count');
  if (count * byteLength(s) > 1 << 24) throw unsupported('a repeat or indent result over 16 MiB');
  return s.repeat(count);
}

/** strings.ToLower/ToUpper: per code point, simple case mapping. */
export function goChangeCase(s: string, upper: boolean): string {
  if (/^[\x00-\x7f]*$/.test(s)) return upper ? s.toUpperCase() : s.toLowerCase();
  let out = '';
  for (const ch of s) out += simpleCase(ch, upper);
  return out;
}

/**
 * unicode.ToUpper/ToLower of one character (UnicodeData's one-to-one mapping). JavaScript applies the full
 * mapping, which differs only where SpecialCasing gives several characters: there the simple mapping is the
 * character itself, except U+0130 (lower case i) and the Greek iota-subscript letters, which are refused.
 */
function simpleCase(ch: string, upper: boolean): string {
  const mapped = upper ? ch.toUpperCase() : ch.toLowerCase();
  if (runes(mapped).length === 1) return mapped;
  const cp = ch.codePointAt(0) ?? 0;
  if (!upper && cp === 0x0130) return 'i';
  if (cp >= 0x1f80 && cp <= 0x1fff)
    throw unsupported(`${upper ? 'upper' : 'lower'} of ${quote(ch)} (no one-to-one case mapping known to d2ci)`);
  return ch;
}

/** strings.Title. */
export function goTitle(s: string): string {
  let out = '';
  let prev = 0x20;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    out += isTitleSeparator(prev) ? toTitle(ch) : ch;
    prev = cp;
  }
  return out;
}

/**
 * unicode.ToTitle of one character. Title case is upper case (JavaScript's one-to-one mapping) except for the
 * DŽ/LJ/NJ/DZ digraphs, which have their own title forms, and Georgian Mkhedruli, which has none.
 */
function toTitle(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x80) return ch.toUpperCase();
  if (cp >= 0x01c4 && cp <= 0x01cc) return String.fromCodePoint(0x01c5 + 3 * Math.floor((cp - 0x01c4) / 3));
  if (cp >= 0x01f1 && cp <= 0x01f3) return '\u01f2';
  if ((cp >= 0x10d0 && cp <= 0x10fa) || (cp >= 0x10fd && cp <= 0x10ff)) return ch;
  return simpleCase(ch, true);
}

/** strings.go isSeparator: ASCII that is not alphanumeric, or a Unicode space. */
function isTitleSeparator(cp: number): boolean {
  if (isAlphaNumeric(cp)) return false;
  return cp < 0x80 || isUnicodeSpace(cp);
}

/** strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  const chars = runes(s);
  let start = 0;
  let end = chars.length;
  while (start < end && isUnicodeSpace(chars[start]?.codePointAt(0) ?? 0)) start++;
  while (end > start && isUnicodeSpace(chars[end - 1]?.codePointAt(0) ?? 0)) end--;
  return chars.slice(start, end).join('');
}

/** strings.Trim(s, cutset). */
export function goTrim(s: string, cutset: string): string {
  const cut = new Set(runes(cutset));
  const chars = runes(s);
  let start = 0;
  let end = chars.length;
  while (start < end && cut.has(chars[start] ?? '')) start++;
  while (end > start && cut.has(chars[end - 1] ?? '')) end--;
  return chars.slice(start, end).join('');
}

/** strings.Replace(s, old, new, -1): an empty old matches before every rune and at the end. */
export function goReplaceAll(s: string, old: string, replacement: string): string {
  if (old === '')
    return (
      replacement +
      runes(s)
        .map((ch) => ch + replacement)
        .join('')
    );
  return s.split(old).join(replacement);
}

/** strings.Split. */
export function goSplit(s: string, sep: string): string[] {
  return sep === '' ? runes(s) : s.split(sep);
}

/** goutils.DeleteWhiteSpace, which walks bytes and re-encodes every kept byte as a rune. */
export function goDeleteWhiteSpace(s: string): string {
  if (s === '') return s;
  const bytes = utf8.encode(s);
  const kept = bytes.filter((b) => !isUnicodeSpace(b));
  if (kept.length === bytes.length) return s;
  // A byte b >= 0x80 becomes the rune U+00b: Latin-1 decoding is exactly that.
  return String.fromCharCode(...kept);
}

/** sprig trunc, which slices bytes. */
export function goTrunc(c: number, s: string): string {
  const bytes = utf8.encode(s);
  let slice: Uint8Array | null = null;
  if (c < 0 && bytes.length + c > 0) slice = bytes.subarray(bytes.length + c);
  else if (c >= 0 && bytes.length > c) slice = bytes.subarray(0, c);
  if (slice === null) return s;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(slice);
  } catch {
    // Cutting inside a multi-byte character leaves invalid UTF-8, which a JavaScript string cannot carry.
    throw unsupported(`trunc ${c} cutting a multi-byte character`);
  }
}

/** path.Clean. */
export function pathClean(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** path.Base. */
export function pathBase(p: string): string {
  if (p === '') return '.';
  let s = p;
  while (s.length > 0 && s.endsWith('/')) s = s.slice(0, -1);
  const i = s.lastIndexOf('/');
  if (i >= 0) s = s.slice(i + 1);
  return s === '' ? '/' : s;
}

/** path.Dir. */
export function pathDir(p: string): string {
  return pathClean(p.slice(0, p.lastIndexOf('/') + 1));
}

/** path.Ext. */
export function pathExt(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}
