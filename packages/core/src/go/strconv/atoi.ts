// Go's strconv/atoi.go: ParseUint and ParseInt (bitSize 64), with Go's NumError texts.
import { NumError, type NumErrorReason } from './errors.ts';

const maxUint64 = (1n << 64n) - 1n;

export function lowerByte(code: number): number {
  return code | 0x20;
}

/** Go's `ParseUint` (bitSize 64) without the error value: the number, or why it is not one. */
function scanUint(text: string, base: number): bigint | NumErrorReason {
  if (text === '') return 'invalid syntax';
  let s = text;
  let radix = base;
  if (radix === 0) {
    // Base 0 reads the prefix: 0b, 0o, 0x, or a bare leading 0 for octal; it also allows `_` between digits.
    radix = 10;
    if (s[0] === '0') {
      const prefix = s.length >= 3 ? lowerByte(s.charCodeAt(1)) : 0;
      if (prefix === 0x62) [radix, s] = [2, s.slice(2)];
      else if (prefix === 0x6f) [radix, s] = [8, s.slice(2)];
      else if (prefix === 0x78) [radix, s] = [16, s.slice(2)];
      else [radix, s] = [8, s.slice(1)];
    }
  }
  let n = 0n;
  let underscores = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5f && base === 0) {
      underscores = true;
      continue;
    }
    let digit: number;
    if (c >= 0x30 && c <= 0x39) digit = c - 0x30;
    else if (lowerByte(c) >= 0x61 && lowerByte(c) <= 0x7a) digit = lowerByte(c) - 0x61 + 10;
    else return 'invalid syntax';
    if (digit >= radix) return 'invalid syntax';
    n = n * BigInt(radix) + BigInt(digit);
    // Go stops at the first overflow, whatever follows.
    if (n > maxUint64) return 'value out of range';
  }
  if (underscores && !underscoreOK(text)) return 'invalid syntax';
  return n;
}

/** Go's `ParseInt` (bitSize 64) without the error value. */
function scanInt(text: string, base: number): bigint | NumErrorReason {
  if (text === '') return 'invalid syntax';
  const negative = text[0] === '-';
  const unsigned = scanUint(text[0] === '+' || negative ? text.slice(1) : text, base);
  if (unsigned === 'invalid syntax') return unsigned;
  const cutoff = 1n << 63n;
  if (unsigned === 'value out of range' || (!negative && unsigned >= cutoff) || (negative && unsigned > cutoff))
    return 'value out of range';
  return negative ? -unsigned : unsigned;
}

/**
 * Go's `strconv.ParseUint(text, base, 64)`: ASCII digits of the base (2 to 36), or with base 0 a `0b`/`0o`/`0x`/`0`
 * prefix and `_` between digits.
 * @throws NumError
 */
export function parseUint64(text: string, base: number): bigint {
  const value = scanUint(text, base);
  if (typeof value === 'string') throw new NumError('ParseUint', text, value);
  return value;
}

/** Go's `strconv.ParseInt(text, base, 64)`: an optional sign, then what ParseUint reads. @throws NumError */
export function parseInt64(text: string, base: number): bigint {
  const value = scanInt(text, base);
  if (typeof value === 'string') throw new NumError('ParseInt', text, value);
  return value;
}

/** Whether `strconv.ParseUint(text, base, 64)` succeeds. */
export function parsesAsUint64(text: string, base: number): boolean {
  return typeof scanUint(text, base) === 'bigint';
}

/** Whether `strconv.ParseInt(text, base, 64)` succeeds. */
export function parsesAsInt64(text: string, base: number): boolean {
  return typeof scanInt(text, base) === 'bigint';
}

/** Go's `underscoreOK`: each `_` sits between digits, or between a base prefix and a digit. */
export function underscoreOK(text: string): boolean {
  let s = text;
  let saw = '^';
  let i = 0;
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && [0x62, 0x6f, 0x78].includes(lowerByte(s.charCodeAt(1)))) {
    i = 2;
    saw = '0';
    hex = lowerByte(s.charCodeAt(1)) === 0x78;
  }
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (hex && lowerByte(c) >= 0x61 && lowerByte(c) <= 0x66)) {
      saw = '0';
      continue;
    }
    if (c === 0x5f) {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}
