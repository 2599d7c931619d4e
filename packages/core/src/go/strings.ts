// Go string semantics JavaScript strings lack. A Go string is UTF-8 bytes: its length and order are the bytes'
// (builtin len, strings.Compare), its case mapping is Unicode's simple one (strings.ToUpper), and package unicode
// classifies its runes (unicode.IsSpace, IsLetter, IsDigit).

/** Go's `len(s)`: the UTF-8 byte length. */
export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Go's `[]rune(s)`, as strings. */
export function runes(s: string): string[] {
  return Array.from(s);
}

/**
 * Go string order: byte-wise over UTF-8, which is code-point order. JavaScript's `<` compares UTF-16 code
 * units and puts U+10000 and above before U+E000..U+FFFF, so it is not used directly.
 */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort after every BMP code unit in UTF-8.
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * strings.ToUpper: Unicode simple case mapping, one rune for one rune. JavaScript's toUpperCase applies the full
 * mapping (ß becomes SS); where that gives more than one character Go leaves the rune as it is.
 */
export function toUpper(text: string): string {
  let upper = '';
  for (const character of text) {
    const mapped = character.toUpperCase();
    upper += [...mapped].length === 1 ? mapped : character;
  }
  return upper;
}

/** unicode.IsSpace. */
export function isUnicodeSpace(cp: number): boolean {
  if (cp <= 0xff) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85 || cp === 0xa0;
  return (
    cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000
  );
}

const letterOrDigit = /^[\p{L}\p{Nd}]$/u;

/**
 * `r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)`: what Go's template lexer calls alphanumeric
 * (text/template/parse/lex.go isAlphaNumeric), and what strings.Title does not take for a word separator.
 */
export function isAlphaNumeric(cp: number): boolean {
  if (cp < 0x80) return cp === 0x5f || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return letterOrDigit.test(String.fromCodePoint(cp));
}
