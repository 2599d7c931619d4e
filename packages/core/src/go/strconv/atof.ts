// Go's strconv/atof.go: ParseFloat (bitSize 64), with Go's NumError texts.
import { NumError } from './errors.ts';
import { lowerByte, underscoreOK } from './atoi.ts';

/**
 * Go's `strconv.ParseFloat(text, 64)`: decimal (`1e5`, `.5`, `1.`, `-0`) and hexadecimal (`0x1.8p3`, exponent
 * required) floats with an optional sign; `_` between digits (and after `0x`); case-insensitive `inf`,
 * `infinity` (signed or not) and `nan` (unsigned only). Nothing else: no spaces, no trailing text, no `0b`/`0o`.
 * A value beyond the float64 range is an error (ErrRange), one below it rounds to zero.
 * @throws NumError
 */
export function parseFloat64(text: string): number {
  const special = parseSpecial(text);
  if (special) {
    if (special.length !== text.length) throw new NumError('ParseFloat', text, 'invalid syntax');
    return special.value;
  }
  const read = readFloat(text);
  if (!read.ok || read.length !== text.length) throw new NumError('ParseFloat', text, 'invalid syntax');
  // JavaScript's own decimal conversion is correctly rounded (IEEE 754 round-half-even), as Go's is; it is
  // only used once Go's grammar has accepted the text.
  const value = read.hex ? hexFloat(read.mantissa, read.exponent, read.negative, read.truncated) : Number(text.replaceAll('_', ''));
  if (!Number.isFinite(value)) throw new NumError('ParseFloat', text, 'value out of range');
  return value;
}

function commonPrefixLengthIgnoreCase(text: string, prefix: string): number {
  const n = Math.min(text.length, prefix.length);
  for (let i = 0; i < n; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    if (code !== prefix.charCodeAt(i)) return i;
  }
  return n;
}

/** Go's `special`: inf/infinity with an optional sign, or nan; the value and how much of `text` it used. */
function parseSpecial(text: string): { value: number; length: number } | undefined {
  const first = text[0];
  if (first === 'n' || first === 'N') return commonPrefixLengthIgnoreCase(text, 'nan') === 3 ? { value: NaN, length: 3 } : undefined;
  const signed = first === '+' || first === '-';
  if (!signed && first !== 'i' && first !== 'I') return undefined;
  let n = commonPrefixLengthIgnoreCase(signed ? text.slice(1) : text, 'infinity');
  // Anything longer than "inf" counts only as "inf" unless it is all of "infinity".
  if (n > 3 && n < 8) n = 3;
  if (n !== 3 && n !== 8) return undefined;
  return { value: first === '-' ? -Infinity : Infinity, length: n + (signed ? 1 : 0) };
}

interface ReadFloat {
  ok: boolean;
  /** How much of the text was read. */
  length: number;
  negative: boolean;
  hex: boolean;
  /** Up to 19 decimal or 16 hex digits (uint64), the rest only noted in `truncated`. */
  mantissa: bigint;
  /** Power of the base (10, or 2 for hex) to apply to `mantissa`. */
  exponent: number;
  truncated: boolean;
}

/** Go's `readFloat`: the syntax check and the mantissa/exponent split. */
function readFloat(s: string): ReadFloat {
  const result: ReadFloat = { ok: false, length: 0, negative: false, hex: false, mantissa: 0n, exponent: 0, truncated: false };
  let i = 0;
  let underscores = false;
  if (s.length === 0) return result;
  if (s[i] === '+') i++;
  else if (s[i] === '-') {
    result.negative = true;
    i++;
  }
  let base = 10;
  let maxMantissaDigits = 19;
  let exponentChar = 0x65; // 'e'
  if (i + 2 < s.length && s[i] === '0' && lowerByte(s.charCodeAt(i + 1)) === 0x78) {
    base = 16;
    maxMantissaDigits = 16;
    i += 2;
    exponentChar = 0x70; // 'p'
    result.hex = true;
  }
  let sawDot = false;
  let sawDigits = false;
  let digits = 0;
  let mantissaDigits = 0;
  let decimalPoint = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const lower = lowerByte(c);
    if (c === 0x5f) {
      underscores = true;
    } else if (c === 0x2e) {
      if (sawDot) break;
      sawDot = true;
      decimalPoint = digits;
    } else if (c >= 0x30 && c <= 0x39) {
      sawDigits = true;
      if (c === 0x30 && digits === 0) {
        // A leading zero only moves the decimal point.
        decimalPoint--;
        continue;
      }
      digits++;
      if (mantissaDigits < maxMantissaDigits) {
        result.mantissa = result.mantissa * BigInt(base) + BigInt(c - 0x30);
        mantissaDigits++;
      } else if (c !== 0x30) {
        result.truncated = true;
      }
    } else if (base === 16 && lower >= 0x61 && lower <= 0x66) {
      sawDigits = true;
      digits++;
      if (mantissaDigits < maxMantissaDigits) {
        result.mantissa = result.mantissa * 16n + BigInt(lower - 0x61 + 10);
        mantissaDigits++;
      } else {
        result.truncated = true;
      }
    } else {
      break;
    }
  }
  if (!sawDigits) return { ...result, length: i };
  if (!sawDot) decimalPoint = digits;
  if (base === 16) {
    decimalPoint *= 4;
    mantissaDigits *= 4;
  }
  if (i < s.length && lowerByte(s.charCodeAt(i)) === exponentChar) {
    i++;
    if (i >= s.length) return { ...result, length: i };
    let sign = 1;
    if (s[i] === '+') i++;
    else if (s[i] === '-') {
      i++;
      sign = -1;
    }
    if (i >= s.length || s.charCodeAt(i) < 0x30 || s.charCodeAt(i) > 0x39) return { ...result, length: i };
    let e = 0;
    for (; i < s.length && ((s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) || s[i] === '_'); i++) {
      if (s[i] === '_') {
        underscores = true;
        continue;
      }
      // Go stops counting at 10000: that is far outside the float64 range either way.
      if (e < 10000) e = e * 10 + s.charCodeAt(i) - 0x30;
    }
    decimalPoint += e * sign;
  } else if (base === 16) {
    // A hex float needs its p exponent.
    return { ...result, length: i };
  }
  if (result.mantissa !== 0n) result.exponent = decimalPoint - mantissaDigits;
  if (underscores && !underscoreOK(s.slice(0, i))) return { ...result, length: i };
  return { ...result, ok: true, length: i };
}

/** Go's `atofHex` for float64: `mantissa × 2^exponent`, rounded half to even, ±Infinity beyond the range. */
function hexFloat(mantissaIn: bigint, exponentIn: number, negative: boolean, truncated: boolean): number {
  const mantissaBits = 52n;
  const bias = -1023;
  const maxExponent = (1 << 11) + bias - 2;
  const minExponent = bias + 1;
  let mantissa = mantissaIn;
  let exponent = exponentIn + Number(mantissaBits);
  // Bring the mantissa to 1 + 52 bits plus two rounding bits; the lowest one is sticky.
  while (mantissa !== 0n && mantissa >> (mantissaBits + 2n) === 0n) {
    mantissa <<= 1n;
    exponent--;
  }
  if (truncated) mantissa |= 1n;
  while (mantissa >> (1n + mantissaBits + 2n) !== 0n) {
    mantissa = (mantissa >> 1n) | (mantissa & 1n);
    exponent++;
  }
  // Denormalise when the exponent is too small.
  while (mantissa > 1n && exponent < minExponent - 2) {
    mantissa = (mantissa >> 1n) | (mantissa & 1n);
    exponent++;
  }
  let round = mantissa & 3n;
  mantissa >>= 2n;
  round |= mantissa & 1n;
  exponent += 2;
  if (round === 3n) {
    mantissa++;
    if (mantissa === 1n << (1n + mantissaBits)) {
      mantissa >>= 1n;
      exponent++;
    }
  }
  if (mantissa >> mantissaBits === 0n) exponent = bias;
  if (exponent > maxExponent) return negative ? -Infinity : Infinity;
  let bits = mantissa & ((1n << mantissaBits) - 1n);
  bits |= BigInt((exponent - bias) & 0x7ff) << mantissaBits;
  if (negative) bits |= 1n << 63n;
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
}
