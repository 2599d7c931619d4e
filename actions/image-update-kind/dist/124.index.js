export const id = 124;
export const ids = [124];
export const modules = {

/***/ 5451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CX: () => (/* binding */ parseUint64),
/* harmony export */   Jz: () => (/* binding */ parsesAsUint64),
/* harmony export */   Oi: () => (/* binding */ isPrint),
/* harmony export */   Wk: () => (/* binding */ parsesAsInt64),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   vQ: () => (/* binding */ NumError),
/* harmony export */   yE: () => (/* binding */ parseFloat64)
/* harmony export */ });
/* unused harmony export parseInt64 */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5736);
// Go's strconv, the parts d2ci's ports need to read and print what Go reads and prints: Quote and IsPrint
// (strconv/quote.go), ParseUint and ParseInt (strconv/atoi.go), ParseFloat (strconv/atof.go). Their errors are
// Go's *strconv.NumError texts, word for word.

const graphic = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
/** strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
function isPrint(cp) {
    if (cp < 0x80)
        return cp >= 0x20 && cp < 0x7f;
    return graphic.test(String.fromCodePoint(cp));
}
const shortEscapes = new Map([
    [0x07, '\\a'],
    [0x08, '\\b'],
    [0x0c, '\\f'],
    [0x0a, '\\n'],
    [0x0d, '\\r'],
    [0x09, '\\t'],
    [0x0b, '\\v'],
]);
/** strconv.Quote, which fmt's `%q` verb prints for a string. */
function quote(text) {
    let out = '"';
    for (const ch of text) {
        const cp = ch.codePointAt(0) ?? 0;
        if (ch === '"' || ch === '\\')
            out += `\\${ch}`;
        else if (cp >= 0xd800 && cp <= 0xdfff)
            out += '\\ufffd'; // a lone surrogate is not valid UTF-8
        else if (isPrint(cp))
            out += ch;
        else if (shortEscapes.has(cp))
            out += shortEscapes.get(cp) ?? '';
        else if (cp < 0x20 || cp === 0x7f)
            out += `\\x${cp.toString(16).padStart(2, '0')}`;
        else if (cp < 0x10000)
            out += `\\u${cp.toString(16).padStart(4, '0')}`;
        else
            out += `\\U${cp.toString(16).padStart(8, '0')}`;
    }
    return `${out}"`;
}
/** A string Go's strconv rejects: `*strconv.NumError`, whose text is `strconv.<Func>: parsing "<num>": <reason>`. */
class NumError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BaseError */ .Cf {
    /** Go's `Func`: the function that failed, e.g. `ParseFloat`. */
    func;
    /** Go's `Num`: the input. */
    input;
    reason;
    constructor(func, input, reason) {
        super(reason === 'invalid syntax' ? 'NUM_SYNTAX' : 'NUM_RANGE', `strconv.${func}: parsing ${quote(input)}: ${reason}`);
        this.name = 'NumError';
        this.func = func;
        this.input = input;
        this.reason = reason;
    }
}
const maxUint64 = (1n << 64n) - 1n;
function lowerByte(code) {
    return code | 0x20;
}
/** Go's `ParseUint` (bitSize 64) without the error value: the number, or why it is not one. */
function scanUint(text, base) {
    if (text === '')
        return 'invalid syntax';
    let s = text;
    let radix = base;
    if (radix === 0) {
        // Base 0 reads the prefix: 0b, 0o, 0x, or a bare leading 0 for octal; it also allows `_` between digits.
        radix = 10;
        if (s[0] === '0') {
            const prefix = s.length >= 3 ? lowerByte(s.charCodeAt(1)) : 0;
            if (prefix === 0x62)
                [radix, s] = [2, s.slice(2)];
            else if (prefix === 0x6f)
                [radix, s] = [8, s.slice(2)];
            else if (prefix === 0x78)
                [radix, s] = [16, s.slice(2)];
            else
                [radix, s] = [8, s.slice(1)];
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
        let digit;
        if (c >= 0x30 && c <= 0x39)
            digit = c - 0x30;
        else if (lowerByte(c) >= 0x61 && lowerByte(c) <= 0x7a)
            digit = lowerByte(c) - 0x61 + 10;
        else
            return 'invalid syntax';
        if (digit >= radix)
            return 'invalid syntax';
        n = n * BigInt(radix) + BigInt(digit);
        // Go stops at the first overflow, whatever follows.
        if (n > maxUint64)
            return 'value out of range';
    }
    if (underscores && !underscoreOK(text))
        return 'invalid syntax';
    return n;
}
/** Go's `ParseInt` (bitSize 64) without the error value. */
function scanInt(text, base) {
    if (text === '')
        return 'invalid syntax';
    const negative = text[0] === '-';
    const unsigned = scanUint(text[0] === '+' || negative ? text.slice(1) : text, base);
    if (unsigned === 'invalid syntax')
        return unsigned;
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
function parseUint64(text, base) {
    const value = scanUint(text, base);
    if (typeof value === 'string')
        throw new NumError('ParseUint', text, value);
    return value;
}
/** Go's `strconv.ParseInt(text, base, 64)`: an optional sign, then what ParseUint reads. @throws NumError */
function parseInt64(text, base) {
    const value = scanInt(text, base);
    if (typeof value === 'string')
        throw new NumError('ParseInt', text, value);
    return value;
}
/** Whether `strconv.ParseUint(text, base, 64)` succeeds. */
function parsesAsUint64(text, base) {
    return typeof scanUint(text, base) === 'bigint';
}
/** Whether `strconv.ParseInt(text, base, 64)` succeeds. */
function parsesAsInt64(text, base) {
    return typeof scanInt(text, base) === 'bigint';
}
/**
 * Go's `strconv.ParseFloat(text, 64)`: decimal (`1e5`, `.5`, `1.`, `-0`) and hexadecimal (`0x1.8p3`, exponent
 * required) floats with an optional sign; `_` between digits (and after `0x`); case-insensitive `inf`,
 * `infinity` (signed or not) and `nan` (unsigned only). Nothing else: no spaces, no trailing text, no `0b`/`0o`.
 * A value beyond the float64 range is an error (ErrRange), one below it rounds to zero.
 * @throws NumError
 */
function parseFloat64(text) {
    const special = parseSpecial(text);
    if (special) {
        if (special.length !== text.length)
            throw new NumError('ParseFloat', text, 'invalid syntax');
        return special.value;
    }
    const read = readFloat(text);
    if (!read.ok || read.length !== text.length)
        throw new NumError('ParseFloat', text, 'invalid syntax');
    // JavaScript's own decimal conversion is correctly rounded (IEEE 754 round-half-even), as Go's is; it is
    // only used once Go's grammar has accepted the text.
    const value = read.hex ? hexFloat(read.mantissa, read.exponent, read.negative, read.truncated) : Number(text.replaceAll('_', ''));
    if (!Number.isFinite(value))
        throw new NumError('ParseFloat', text, 'value out of range');
    return value;
}
function commonPrefixLengthIgnoreCase(text, prefix) {
    const n = Math.min(text.length, prefix.length);
    for (let i = 0; i < n; i++) {
        let code = text.charCodeAt(i);
        if (code >= 0x41 && code <= 0x5a)
            code += 0x20;
        if (code !== prefix.charCodeAt(i))
            return i;
    }
    return n;
}
/** Go's `special`: inf/infinity with an optional sign, or nan; the value and how much of `text` it used. */
function parseSpecial(text) {
    const first = text[0];
    if (first === 'n' || first === 'N')
        return commonPrefixLengthIgnoreCase(text, 'nan') === 3 ? { value: NaN, length: 3 } : undefined;
    const signed = first === '+' || first === '-';
    if (!signed && first !== 'i' && first !== 'I')
        return undefined;
    let n = commonPrefixLengthIgnoreCase(signed ? text.slice(1) : text, 'infinity');
    // Anything longer than "inf" counts only as "inf" unless it is all of "infinity".
    if (n > 3 && n < 8)
        n = 3;
    if (n !== 3 && n !== 8)
        return undefined;
    return { value: first === '-' ? -Infinity : Infinity, length: n + (signed ? 1 : 0) };
}
/** Go's `readFloat`: the syntax check and the mantissa/exponent split. */
function readFloat(s) {
    const result = { ok: false, length: 0, negative: false, hex: false, mantissa: 0n, exponent: 0, truncated: false };
    let i = 0;
    let underscores = false;
    if (s.length === 0)
        return result;
    if (s[i] === '+')
        i++;
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
        }
        else if (c === 0x2e) {
            if (sawDot)
                break;
            sawDot = true;
            decimalPoint = digits;
        }
        else if (c >= 0x30 && c <= 0x39) {
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
            }
            else if (c !== 0x30) {
                result.truncated = true;
            }
        }
        else if (base === 16 && lower >= 0x61 && lower <= 0x66) {
            sawDigits = true;
            digits++;
            if (mantissaDigits < maxMantissaDigits) {
                result.mantissa = result.mantissa * 16n + BigInt(lower - 0x61 + 10);
                mantissaDigits++;
            }
            else {
                result.truncated = true;
            }
        }
        else {
            break;
        }
    }
    if (!sawDigits)
        return { ...result, length: i };
    if (!sawDot)
        decimalPoint = digits;
    if (base === 16) {
        decimalPoint *= 4;
        mantissaDigits *= 4;
    }
    if (i < s.length && lowerByte(s.charCodeAt(i)) === exponentChar) {
        i++;
        if (i >= s.length)
            return { ...result, length: i };
        let sign = 1;
        if (s[i] === '+')
            i++;
        else if (s[i] === '-') {
            i++;
            sign = -1;
        }
        if (i >= s.length || s.charCodeAt(i) < 0x30 || s.charCodeAt(i) > 0x39)
            return { ...result, length: i };
        let e = 0;
        for (; i < s.length && ((s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) || s[i] === '_'); i++) {
            if (s[i] === '_') {
                underscores = true;
                continue;
            }
            // Go stops counting at 10000: that is far outside the float64 range either way.
            if (e < 10000)
                e = e * 10 + s.charCodeAt(i) - 0x30;
        }
        decimalPoint += e * sign;
    }
    else if (base === 16) {
        // A hex float needs its p exponent.
        return { ...result, length: i };
    }
    if (result.mantissa !== 0n)
        result.exponent = decimalPoint - mantissaDigits;
    if (underscores && !underscoreOK(s.slice(0, i)))
        return { ...result, length: i };
    return { ...result, ok: true, length: i };
}
/** Go's `underscoreOK`: each `_` sits between digits, or between a base prefix and a digit. */
function underscoreOK(text) {
    let s = text;
    let saw = '^';
    let i = 0;
    if (s.startsWith('-') || s.startsWith('+'))
        s = s.slice(1);
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
            if (saw !== '0')
                return false;
            saw = '_';
            continue;
        }
        if (saw === '_')
            return false;
        saw = '!';
    }
    return saw !== '_';
}
/** Go's `atofHex` for float64: `mantissa × 2^exponent`, rounded half to even, ±Infinity beyond the range. */
function hexFloat(mantissaIn, exponentIn, negative, truncated) {
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
    if (truncated)
        mantissa |= 1n;
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
    if (mantissa >> mantissaBits === 0n)
        exponent = bias;
    if (exponent > maxExponent)
        return negative ? -Infinity : Infinity;
    let bits = mantissa & ((1n << mantissaBits) - 1n);
    bits |= BigInt((exponent - bias) & 0x7ff) << mantissaBits;
    if (negative)
        bits |= 1n << 63n;
    const view = new DataView(new ArrayBuffer(8));
    view.setBigUint64(0, bits);
    return view.getFloat64(0);
}


/***/ }),

/***/ 7164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oh: () => (/* binding */ isUnicodeSpace),
/* harmony export */   dp: () => (/* binding */ byteLength),
/* harmony export */   gA: () => (/* binding */ isAlphaNumeric),
/* harmony export */   mA: () => (/* binding */ compareGoStrings),
/* harmony export */   mZ: () => (/* binding */ runes),
/* harmony export */   s5: () => (/* binding */ toUpper)
/* harmony export */ });
// Go string semantics JavaScript strings lack. A Go string is UTF-8 bytes: its length and order are the bytes'
// (builtin len, strings.Compare), its case mapping is Unicode's simple one (strings.ToUpper), and package unicode
// classifies its runes (unicode.IsSpace, IsLetter, IsDigit).
/** Go's `len(s)`: the UTF-8 byte length. */
function byteLength(s) {
    return Buffer.byteLength(s, 'utf8');
}
/** Go's `[]rune(s)`, as strings. */
function runes(s) {
    return Array.from(s);
}
/**
 * Go string order: byte-wise over UTF-8, which is code-point order. JavaScript's `<` compares UTF-16 code
 * units and puts U+10000 and above before U+E000..U+FFFF, so it is not used directly.
 */
function compareGoStrings(a, b) {
    if (a === b)
        return 0;
    const length = Math.min(a.length, b.length);
    for (let i = 0; i < length; i++) {
        const x = a.charCodeAt(i);
        const y = b.charCodeAt(i);
        if (x === y)
            continue;
        // Surrogates (astral code points) sort after every BMP code unit in UTF-8.
        const xSurrogate = x >= 0xd800 && x <= 0xdfff;
        const ySurrogate = y >= 0xd800 && y <= 0xdfff;
        if (xSurrogate !== ySurrogate)
            return xSurrogate ? 1 : -1;
        return x < y ? -1 : 1;
    }
    return a.length - b.length;
}
/**
 * strings.ToUpper: Unicode simple case mapping, one rune for one rune. JavaScript's toUpperCase applies the full
 * mapping (ß becomes SS); where that gives more than one character Go leaves the rune as it is.
 */
function toUpper(text) {
    let upper = '';
    for (const character of text) {
        const mapped = character.toUpperCase();
        upper += [...mapped].length === 1 ? mapped : character;
    }
    return upper;
}
/** unicode.IsSpace. */
function isUnicodeSpace(cp) {
    if (cp <= 0xff)
        return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85 || cp === 0xa0;
    return (cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000);
}
const letterOrDigit = /^[\p{L}\p{Nd}]$/u;
/**
 * `r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)`: what Go's template lexer calls alphanumeric
 * (text/template/parse/lex.go isAlphaNumeric), and what strings.Title does not take for a word separator.
 */
function isAlphaNumeric(cp) {
    if (cp < 0x80)
        return cp === 0x5f || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
    return letterOrDigit.test(String.fromCodePoint(cp));
}


/***/ }),

/***/ 9952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  NM: () => (/* binding */ defaultCommitTemplate),
  jq: () => (/* binding */ renderCommitMessage)
});

// UNUSED EXPORTS: TemplateError

// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __webpack_require__(5736);
// EXTERNAL MODULE: ../../packages/core/src/go/strings.ts
var strings = __webpack_require__(7164);
// EXTERNAL MODULE: ../../packages/core/src/go/strconv.ts
var strconv = __webpack_require__(5451);
;// CONCATENATED MODULE: ../../packages/core/src/go/template/errors.ts
// How a template fails. Go's own errors are kept apart from "d2ci cannot do this" so that callers can say which
// is which.

class GoTemplateError extends errors/* BaseError */.Cf {
    /** Where in the template text (a UTF-16 index) an unsupported construct is, when known. */
    pos;
    /** For `can't evaluate field F in type T`: F and T, so callers need not read the message. */
    missingField;
    constructor(code, message, pos, missingField) {
        super(code, message);
        this.name = 'GoTemplateError';
        this.pos = pos;
        this.missingField = missingField;
    }
}
/** A function's error, as Go's `error calling <name>: <message>` reports it. */
function callError(message) {
    return new GoTemplateError('CALL', message);
}
/** A construct d2ci does not render exactly as Go would, so refuses. */
function unsupported(construct, pos) {
    return new GoTemplateError('UNSUPPORTED', construct, pos);
}

;// CONCATENATED MODULE: ../../packages/core/src/go/template/value.ts
// The Go values a template sees: a small reflect (reflect/type.go, value.go, deepequal.go), with text/template's
// truth (exec.go isTrue) and fmt's map-key order (internal/fmtsort). Enough kinds to hold a struct of strings,
// maps and slices, and what functions make of it.

const stringType = { kind: 'string', name: 'string' };
const boolType = { kind: 'bool', name: 'bool' };
const intType = { kind: 'int', name: 'int' };
const int64Type = { kind: 'int', name: 'int64' };
const anyType = { kind: 'interface', name: 'interface {}' };
const stringSliceType = { kind: 'slice', name: '[]string', elem: stringType };
const anySliceType = { kind: 'slice', name: '[]interface {}', elem: anyType };
function str(value) {
    return { kind: 'string', type: stringType, value };
}
function bool(value) {
    return { kind: 'bool', type: boolType, value };
}
function value_int(value, type = intType) {
    return { kind: 'int', type, value };
}
/** A string struct field, with its json tag when it has one. */
function stringField(name, json) {
    return json ? { name, type: stringType, embedded: false, json } : { name, type: stringType, embedded: false };
}
/** The method set of a type templates cannot call methods on. */
const noMethods = new Map();
/** reflect.Zero. */
function zeroValue(type) {
    switch (type.kind) {
        case 'string':
            return { kind: 'string', type, value: '' };
        case 'bool':
            return { kind: 'bool', type, value: false };
        case 'int':
            return { kind: 'int', type, value: 0 };
        case 'interface':
            return null;
        case 'slice':
            return { kind: 'slice', type, items: null };
        case 'map':
            return { kind: 'map', type, entries: null };
        case 'struct':
            return { kind: 'struct', type, fields: type.fields.map((f) => zeroValue(f.type) ?? str('')) };
    }
}
function canBeNil(type) {
    return type.kind === 'interface' || type.kind === 'map' || type.kind === 'slice';
}
/** reflect AssignableTo for the types here: identical, to interface{}, or same underlying type when one is unnamed. */
function assignable(from, to) {
    if (to.kind === 'interface' || from.name === to.name)
        return true;
    const fromUnderlying = from.kind === 'map' ? (from.underlying ?? from.name) : from.name;
    const toUnderlying = to.kind === 'map' ? (to.underlying ?? to.name) : to.name;
    const fromNamed = from.kind === 'map' && from.underlying !== undefined;
    const toNamed = to.kind === 'map' && to.underlying !== undefined;
    return fromUnderlying === toUnderlying && !(fromNamed && toNamed);
}
/** reflect.Kind.String() of a value's type. */
function kindName(value) {
    return value.kind === 'string' || value.kind === 'bool' || value.kind === 'int' ? value.type.name : value.kind;
}
function valueLength(value) {
    if (value.kind === 'string')
        return (0,strings/* byteLength */.dp)(value.value);
    if (value.kind === 'slice')
        return value.items?.length ?? 0;
    return value.entries?.length ?? 0;
}
/** Go `==` on comparable values (strings, bools, ints, structs of them). */
function goEqual(a, b) {
    if (a.type.name !== b.type.name)
        return false;
    if (a.kind === 'struct' && b.kind === 'struct')
        return a.fields.every((f, i) => {
            const g = b.fields[i];
            return g !== undefined && goEqual(f, g);
        });
    if ((a.kind === 'string' && b.kind === 'string') || (a.kind === 'bool' && b.kind === 'bool') || (a.kind === 'int' && b.kind === 'int'))
        return a.value === b.value;
    return false;
}
function comparable(type) {
    if (type.kind === 'struct')
        return type.fields.every((f) => comparable(f.type));
    return type.kind !== 'slice' && type.kind !== 'map';
}
/** reflect.DeepEqual. */
function deepEqual(a, b) {
    if (a === null || b === null)
        return a === b;
    if (a.type.name !== b.type.name)
        return false;
    if (a.kind === 'slice' && b.kind === 'slice') {
        if ((a.items === null) !== (b.items === null))
            return false;
        const x = a.items ?? [];
        const y = b.items ?? [];
        return x.length === y.length && x.every((item, i) => deepEqual(item, y[i] ?? null));
    }
    if (a.kind === 'map' && b.kind === 'map') {
        if ((a.entries === null) !== (b.entries === null))
            return false;
        const x = a.entries ?? [];
        const y = b.entries ?? [];
        return (x.length === y.length &&
            x.every((entry) => {
                const other = mapLookup(b, entry.key);
                return other !== undefined && deepEqual(entry.value, other);
            }));
    }
    if (a.kind === 'struct' && b.kind === 'struct')
        return a.fields.every((f, i) => deepEqual(f, b.fields[i] ?? null));
    return goEqual(a, b);
}
function mapLookup(map, key) {
    const entry = map.entries?.find((e) => goEqual(e.key, key));
    return entry ? entry.value : undefined;
}
/** internal/fmtsort order for the key kinds here. */
function compareKeys(a, b) {
    if (a.kind === 'string' && b.kind === 'string')
        return (0,strings/* compareGoStrings */.mA)(a.value, b.value);
    if (a.kind === 'int' && b.kind === 'int')
        return a.value - b.value;
    if (a.kind === 'bool' && b.kind === 'bool')
        return Number(a.value) - Number(b.value);
    if (a.kind === 'struct' && b.kind === 'struct') {
        for (let i = 0; i < a.fields.length; i++) {
            const x = a.fields[i];
            const y = b.fields[i];
            if (!x || !y)
                break;
            const order = compareKeys(x, y);
            if (order !== 0)
                return order;
        }
        return 0;
    }
    throw new Error(`template: cannot order map keys of type ${a.type.name}`);
}
function sortedEntries(map) {
    return [...(map.entries ?? [])].sort((a, b) => compareKeys(a.key, b.key));
}
/** reflect FieldByName with embedded-field promotion (breadth first, as Go). */
function fieldByName(value, name) {
    let level = [value];
    while (level.length > 0) {
        const next = [];
        for (const v of level) {
            for (let i = 0; i < v.type.fields.length; i++) {
                const field = v.type.fields[i];
                const fieldValue = v.fields[i];
                if (!field || !fieldValue)
                    continue;
                if (field.name === name)
                    return fieldValue;
                if (field.embedded && fieldValue.kind === 'struct')
                    next.push(fieldValue);
            }
        }
        level = next;
    }
    return undefined;
}
/** text/template isTrue. */
function isTrue(value) {
    if (value === null)
        return false;
    switch (value.kind) {
        case 'string':
        case 'slice':
        case 'map':
            return valueLength(value) > 0;
        case 'bool':
            return value.value;
        case 'int':
            return value.value !== 0;
        case 'struct':
            return true;
    }
}

;// CONCATENATED MODULE: ../../packages/core/src/go/template/fmt.ts
// fmt as templates observe it (fmt/print.go): Print, Sprint, Sprintln and a Sprintf with the verbs %v %s %q %d %t
// and %%, without flags, width or precision; Stringers print through String().



/** `%0<width>x` (or `%0<width>X`) of a non-negative number. */
function hex(n, width, upper = false) {
    const digits = n.toString(16).padStart(width, '0');
    return upper ? digits.toUpperCase() : digits;
}
/** fmt printArg. A null argument is a nil interface. */
function printArg(arg, verb) {
    if (arg === null)
        return verb === 'v' ? '<nil>' : `%!${verb}(<nil>)`;
    if (arg.kind === 'struct' && arg.type.stringer && (verb === 'v' || verb === 's' || verb === 'q'))
        return fmtString(arg.type.stringer(arg), verb);
    return printValue(arg, verb, 0);
}
/** fmt printValue: composite values print their elements with the same verb. */
function printValue(value, verb, depth) {
    if (value === null) {
        if (depth === 0)
            return '<invalid reflect.Value>';
        return verb === 'v' ? '<nil>' : `%!${verb}(<nil>)`;
    }
    switch (value.kind) {
        case 'string':
            return verb === 'v' || verb === 's' || verb === 'q' ? fmtString(value.value, verb) : badVerb(value, verb);
        case 'bool':
            return verb === 'v' || verb === 't' ? String(value.value) : badVerb(value, verb);
        case 'int':
            if (verb === 'v' || verb === 'd')
                return String(value.value);
            if (verb === 'q')
                throw unsupported('%q of an integer');
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
function printNested(value, verb, depth) {
    if (value?.kind === 'struct' && value.type.stringer && (verb === 'v' || verb === 's' || verb === 'q'))
        return fmtString(value.type.stringer(value), verb);
    return printValue(value, verb, depth + 1);
}
function fmtString(s, verb) {
    return verb === 'q' ? (0,strconv/* quote */.hD)(s) : s;
}
function badVerb(value, verb) {
    return `%!${verb}(${value.type.name}=${printArg(value, 'v')})`;
}
/** fmt.Sprint: a space between operands when neither is a string. */
function sprint(args) {
    let out = '';
    let prevString = false;
    args.forEach((arg, i) => {
        const isString = arg?.kind === 'string';
        if (i > 0 && !isString && !prevString)
            out += ' ';
        out += printArg(arg, 'v');
        prevString = isString;
    });
    return out;
}
function sprintln(args) {
    return `${args.map((arg) => printArg(arg, 'v')).join(' ')}\n`;
}
function sprintf(format, args) {
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
        if (!'vsqdt'.includes(verb))
            throw unsupported(`printf verb or flag in ${(0,strconv/* quote */.hD)(`%${verb}`)} (supported: %v %s %q %d %t %%)`);
        if (argNum >= args.length) {
            out += `%!${verb}(MISSING)`;
            continue;
        }
        out += printArg(args[argNum++] ?? null, verb);
    }
    if (argNum < args.length) {
        const extra = args.slice(argNum).map((arg) => (arg === null ? '<nil>' : `${arg.type.name}=${printArg(arg, 'v')}`));
        out += `%!(EXTRA ${extra.join(', ')})`;
    }
    return out;
}

;// CONCATENATED MODULE: ../../packages/core/src/go/template/function.ts
function fn(params, call, variadic) {
    return variadic ? { params, call, variadic } : { params, call };
}
/** The i-th argument of a `string` parameter. */
function argString(args, i) {
    const v = args[i];
    return v?.kind === 'string' ? v.value : '';
}
/** The i-th argument of an `int` parameter. */
function argInt(args, i) {
    const v = args[i];
    return v?.kind === 'int' ? v.value : 0;
}

;// CONCATENATED MODULE: ../../packages/core/src/go/template/lex.ts
// The template lexer, a port of Go's text/template/parse/lex.go state function for state function, with the
// default delimiters and without comment items (no ParseComments mode). Positions are UTF-16 indexes.



/** fmt `%#U`, used in lexer errors. */
function goUnicode(cp) {
    const code = `U+${hex(cp, 4, true)}`;
    return (0,strconv/* isPrint */.Oi)(cp) ? `${code} '${String.fromCodePoint(cp)}'` : code;
}
/** fmt `%q` of an item, or `%.10q...` past 10 bytes (parse/lex.go item.String). */
function quoteItemValue(val) {
    if ((0,strings/* byteLength */.dp)(val) > 10)
        return `${(0,strconv/* quote */.hD)((0,strings/* runes */.mZ)(val).slice(0, 10).join(''))}...`;
    return (0,strconv/* quote */.hD)(val);
}
const keywords = new Map([
    ['.', 'dot'],
    ['block', 'block'],
    ['break', 'break'],
    ['continue', 'continue'],
    ['define', 'define'],
    ['else', 'else'],
    ['end', 'end'],
    ['if', 'if'],
    ['range', 'range'],
    ['nil', 'nil'],
    ['template', 'template'],
    ['with', 'with'],
]);
const keywordTypes = new Set(keywords.values());
/** parse/lex.go item.String. */
function itemString(item) {
    if (item.type === 'eof')
        return 'EOF';
    if (item.type === 'error')
        return item.val;
    if (keywordTypes.has(item.type))
        return `<${item.val}>`;
    return quoteItemValue(item.val);
}
const EOF = -1;
const leftDelim = '{{';
const rightDelim = '}}';
const leftComment = '/*';
const rightComment = '*/';
const trimMarkerLength = 2; // '-' plus a space
/** isSpace in lex.go: space, tab and line ends (newlines are allowed inside actions). */
function isSpace(cp) {
    return cp === 0x20 || cp === 0x09 || cp === 0x0d || cp === 0x0a;
}
function hasLeftTrimMarker(s, at) {
    return s.length >= at + 2 && s[at] === '-' && isSpace(s.charCodeAt(at + 1));
}
function hasRightTrimMarker(s, at) {
    return s.length >= at + 2 && isSpace(s.charCodeAt(at)) && s[at + 1] === '-';
}
function countNewlines(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++)
        if (s.charCodeAt(i) === 0x0a)
            n++;
    return n;
}
function trimmedLength(s, fromEnd) {
    let n = 0;
    if (fromEnd)
        while (n < s.length && isSpace(s.charCodeAt(s.length - 1 - n)))
            n++;
    else
        while (n < s.length && isSpace(s.charCodeAt(n)))
            n++;
    return n;
}
/** lex.go's lexer: `nextItem` runs state functions until one emits an item. */
class Lexer {
    input;
    pos = 0;
    start = 0;
    atEOF = false;
    parenDepth = 0;
    line = 1;
    startLine = 1;
    item = { type: 'eof', pos: 0, val: 'EOF', line: 1 };
    insideAction = false;
    constructor(input) {
        this.input = input;
    }
    next() {
        if (this.pos >= this.input.length) {
            this.atEOF = true;
            return EOF;
        }
        const cp = this.input.codePointAt(this.pos) ?? EOF;
        this.pos += cp > 0xffff ? 2 : 1;
        if (cp === 0x0a)
            this.line++;
        return cp;
    }
    peek() {
        const cp = this.next();
        this.backup();
        return cp;
    }
    backup() {
        if (this.atEOF || this.pos <= 0)
            return;
        const low = this.input.charCodeAt(this.pos - 1);
        const width = low >= 0xdc00 && low <= 0xdfff && this.pos >= 2 ? 2 : 1;
        this.pos -= width;
        if (low === 0x0a)
            this.line--;
    }
    thisItem(type) {
        const item = { type, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
        this.start = this.pos;
        this.startLine = this.line;
        return item;
    }
    emit(type) {
        return this.emitItem(this.thisItem(type));
    }
    emitItem(item) {
        this.item = item;
        return null;
    }
    ignore() {
        this.line += countNewlines(this.input.slice(this.start, this.pos));
        this.start = this.pos;
        this.startLine = this.line;
    }
    accept(valid) {
        const cp = this.next();
        if (cp !== EOF && valid.includes(String.fromCodePoint(cp)))
            return true;
        this.backup();
        return false;
    }
    acceptRun(valid) {
        for (;;) {
            const cp = this.next();
            if (cp === EOF || !valid.includes(String.fromCodePoint(cp)))
                break;
        }
        this.backup();
    }
    errorf(message) {
        this.item = { type: 'error', pos: this.start, val: message, line: this.startLine };
        this.start = 0;
        this.pos = 0;
        this.input = '';
        return null;
    }
    nextItem() {
        this.item = { type: 'eof', pos: this.pos, val: 'EOF', line: this.startLine };
        let state = this.insideAction ? lexInsideAction : lexText;
        while (state)
            state = state(this);
        return this.item;
    }
    atRightDelim() {
        if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(rightDelim, this.pos + trimMarkerLength))
            return [true, true];
        if (this.input.startsWith(rightDelim, this.pos))
            return [true, false];
        return [false, false];
    }
    atTerminator() {
        const cp = this.peek();
        if (isSpace(cp))
            return true;
        if (cp === EOF)
            return true;
        if ('.,|:)('.includes(String.fromCodePoint(cp)))
            return true;
        return this.input.startsWith(rightDelim, this.pos);
    }
    scanNumber() {
        this.accept('+-');
        let digits = '0123456789_';
        if (this.accept('0')) {
            if (this.accept('xX'))
                digits = '0123456789abcdefABCDEF_';
            else if (this.accept('oO'))
                digits = '01234567_';
            else if (this.accept('bB'))
                digits = '01_';
        }
        this.acceptRun(digits);
        if (this.accept('.'))
            this.acceptRun(digits);
        if (digits.length === 11 && this.accept('eE')) {
            this.accept('+-');
            this.acceptRun('0123456789_');
        }
        if (digits.length === 23 && this.accept('pP')) {
            this.accept('+-');
            this.acceptRun('0123456789_');
        }
        this.accept('i');
        if ((0,strings/* isAlphaNumeric */.gA)(this.peek())) {
            this.next();
            return false;
        }
        return true;
    }
}
function lexText(l) {
    const x = l.input.indexOf(leftDelim, l.pos);
    if (x >= 0) {
        if (x > l.pos) {
            l.pos = x;
            let trimLength = 0;
            if (hasLeftTrimMarker(l.input, l.pos + leftDelim.length))
                trimLength = trimmedLength(l.input.slice(l.start, l.pos), true);
            l.pos -= trimLength;
            l.line += countNewlines(l.input.slice(l.start, l.pos));
            const item = l.thisItem('text');
            l.pos += trimLength;
            l.ignore();
            if (item.val.length > 0)
                return l.emitItem(item);
        }
        return lexLeftDelim;
    }
    l.pos = l.input.length;
    if (l.pos > l.start) {
        l.line += countNewlines(l.input.slice(l.start, l.pos));
        return l.emit('text');
    }
    return l.emit('eof');
}
function lexLeftDelim(l) {
    l.pos += leftDelim.length;
    const afterMarker = hasLeftTrimMarker(l.input, l.pos) ? trimMarkerLength : 0;
    if (l.input.startsWith(leftComment, l.pos + afterMarker)) {
        l.pos += afterMarker;
        l.ignore();
        return lexComment;
    }
    const item = l.thisItem('leftDelim');
    l.insideAction = true;
    l.pos += afterMarker;
    l.ignore();
    l.parenDepth = 0;
    return l.emitItem(item);
}
function lexComment(l) {
    l.pos += leftComment.length;
    const x = l.input.indexOf(rightComment, l.pos);
    if (x < 0)
        return l.errorf('unclosed comment');
    l.pos = x + rightComment.length;
    const [delim, trimSpace] = l.atRightDelim();
    if (!delim)
        return l.errorf('comment ends before closing delimiter');
    l.line += countNewlines(l.input.slice(l.start, l.pos));
    l.thisItem('comment'); // comments are not emitted (no ParseComments mode)
    if (trimSpace)
        l.pos += trimMarkerLength;
    l.pos += rightDelim.length;
    if (trimSpace)
        l.pos += trimmedLength(l.input.slice(l.pos), false);
    l.ignore();
    return lexText;
}
function lexRightDelim(l) {
    const [, trimSpace] = l.atRightDelim();
    if (trimSpace) {
        l.pos += trimMarkerLength;
        l.ignore();
    }
    l.pos += rightDelim.length;
    const item = l.thisItem('rightDelim');
    if (trimSpace) {
        l.pos += trimmedLength(l.input.slice(l.pos), false);
        l.ignore();
    }
    l.insideAction = false;
    return l.emitItem(item);
}
function lexInsideAction(l) {
    const [delim] = l.atRightDelim();
    if (delim) {
        if (l.parenDepth === 0)
            return lexRightDelim;
        return l.errorf('unclosed left paren');
    }
    const cp = l.next();
    if (cp === EOF)
        return l.errorf('unclosed action');
    if (isSpace(cp)) {
        l.backup(); // put the space back in case this is " -}}"
        return lexSpace;
    }
    const ch = String.fromCodePoint(cp);
    switch (ch) {
        case '=':
            return l.emit('assign');
        case ':':
            if (l.next() !== 0x3d)
                return l.errorf('expected :=');
            return l.emit('declare');
        case '|':
            return l.emit('pipe');
        case '"':
            return lexQuote;
        case '`':
            return lexRawQuote;
        case '$':
            return lexVariable;
        case "'":
            return lexChar;
        case '(':
            l.parenDepth++;
            return l.emit('leftParen');
        case ')':
            l.parenDepth--;
            if (l.parenDepth < 0)
                return l.errorf('unexpected right paren');
            return l.emit('rightParen');
    }
    if (ch === '.') {
        // ".field" unless a digit follows ('.' can start a number).
        if (l.pos < l.input.length) {
            const next = l.input.charCodeAt(l.pos);
            if (next < 0x30 || next > 0x39)
                return lexField;
        }
    }
    if (ch === '.' || ch === '+' || ch === '-' || (cp >= 0x30 && cp <= 0x39)) {
        l.backup();
        return lexNumber;
    }
    if ((0,strings/* isAlphaNumeric */.gA)(cp)) {
        l.backup();
        return lexIdentifier;
    }
    if (cp < 0x80 && (0,strconv/* isPrint */.Oi)(cp))
        return l.emit('char');
    return l.errorf(`unrecognized character in action: ${goUnicode(cp)}`);
}
function lexSpace(l) {
    let spaces = 0;
    while (isSpace(l.peek())) {
        l.next();
        spaces++;
    }
    // A trim-marked right delimiter starts with a space: leave it for lexRightDelim.
    if (hasRightTrimMarker(l.input, l.pos - 1) && l.input.startsWith(rightDelim, l.pos - 1 + trimMarkerLength)) {
        l.backup();
        if (spaces === 1)
            return lexRightDelim;
    }
    return l.emit('space');
}
function lexIdentifier(l) {
    for (;;) {
        const cp = l.next();
        if ((0,strings/* isAlphaNumeric */.gA)(cp))
            continue;
        l.backup();
        const word = l.input.slice(l.start, l.pos);
        if (!l.atTerminator())
            return l.errorf(`bad character ${goUnicode(cp)}`);
        const keyword = keywords.get(word);
        if (keyword !== undefined)
            return l.emit(keyword);
        if (word === 'true' || word === 'false')
            return l.emit('bool');
        return l.emit('identifier');
    }
}
function lexField(l) {
    return lexFieldOrVariable(l, 'field');
}
function lexVariable(l) {
    if (l.atTerminator())
        return l.emit('variable');
    return lexFieldOrVariable(l, 'variable');
}
function lexFieldOrVariable(l, type) {
    if (l.atTerminator())
        return l.emit(type === 'variable' ? 'variable' : 'dot');
    let cp;
    for (;;) {
        cp = l.next();
        if (!(0,strings/* isAlphaNumeric */.gA)(cp)) {
            l.backup();
            break;
        }
    }
    if (!l.atTerminator())
        return l.errorf(`bad character ${goUnicode(cp)}`);
    return l.emit(type);
}
function lexChar(l) {
    for (;;) {
        const cp = l.next();
        if (cp === 0x5c) {
            const escaped = l.next();
            if (escaped !== EOF && escaped !== 0x0a)
                continue;
            return l.errorf('unterminated character constant');
        }
        if (cp === EOF || cp === 0x0a)
            return l.errorf('unterminated character constant');
        if (cp === 0x27)
            break;
    }
    return l.emit('charConstant');
}
function lexNumber(l) {
    if (!l.scanNumber())
        return l.errorf(`bad number syntax: ${(0,strconv/* quote */.hD)(l.input.slice(l.start, l.pos))}`);
    const sign = l.peek();
    if (sign === 0x2b || sign === 0x2d) {
        if (!l.scanNumber() || l.input[l.pos - 1] !== 'i')
            return l.errorf(`bad number syntax: ${(0,strconv/* quote */.hD)(l.input.slice(l.start, l.pos))}`);
        return l.emit('complex');
    }
    return l.emit('number');
}
function lexQuote(l) {
    for (;;) {
        const cp = l.next();
        if (cp === 0x5c) {
            const escaped = l.next();
            if (escaped !== EOF && escaped !== 0x0a)
                continue;
            return l.errorf('unterminated quoted string');
        }
        if (cp === EOF || cp === 0x0a)
            return l.errorf('unterminated quoted string');
        if (cp === 0x22)
            break;
    }
    return l.emit('string');
}
function lexRawQuote(l) {
    for (;;) {
        const cp = l.next();
        if (cp === EOF)
            return l.errorf('unterminated raw quoted string');
        if (cp === 0x60)
            break;
    }
    return l.emit('rawString');
}

;// CONCATENATED MODULE: ../../packages/core/src/go/template/node.ts
// The parse tree, after Go's text/template/parse/node.go: the node kinds templates need, and Node.String(),
// which Go's error messages quote. `pos` is a UTF-16 index into the template text.
/** Node.String() (parse/node.go writeTo), used in Go's error messages. */
function nodeString(n) {
    switch (n.type) {
        case 'list':
            return n.nodes.map(nodeString).join('');
        case 'text':
            return n.text;
        case 'action':
            return `{{${nodeString(n.pipe)}}}`;
        case 'if':
        case 'range':
        case 'with':
            return `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}${n.elseList ? `{{else}}${nodeString(n.elseList)}` : ''}{{end}}`;
        case 'break':
        case 'continue':
        case 'end':
        case 'else':
            return `{{${n.type}}}`;
        case 'pipe': {
            const decl = n.decl.length > 0 ? `${n.decl.map(nodeString).join(', ')} := ` : '';
            return decl + n.cmds.map(nodeString).join(' | ');
        }
        case 'command':
            return n.args.map((arg) => (arg.type === 'pipe' ? `(${nodeString(arg)})` : nodeString(arg))).join(' ');
        case 'field':
            return n.ident.map((id) => `.${id}`).join('');
        case 'variable':
            return n.ident.join('.');
        case 'chain':
            return (n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)) + n.fields.map((f) => `.${f}`).join('');
        case 'identifier':
            return n.ident;
        case 'dot':
            return '.';
        case 'nil':
            return 'nil';
        case 'bool':
            return n.value ? 'true' : 'false';
        case 'number':
            return n.text;
        case 'string':
            return n.quoted;
    }
}
/** A variable node; `$x.y` is one node with the identifiers `$x` and `y`. */
function newVariable(pos, ident) {
    return { type: 'variable', pos, ident: ident.split('.') };
}

;// CONCATENATED MODULE: ../../packages/core/src/go/template/exec.ts
// The template executor, a port of Go's text/template exec.go (state.walk, evalPipeline, evalCommand, evalField,
// evalCall, evalArg and their helpers): the same evaluation order, the same values, the same error texts.








const maxOutputLength = 1 << 24;
const MISSING = Symbol('missing');
/** {{break}} and {{continue}} unwind to their range as exceptions, as Go's panics do. */
class BreakSignal extends Error {
}
class ContinueSignal extends Error {
}
/** Go's exec state for one execution of a parsed template. */
class Executor {
    name;
    text;
    funcs;
    vars = [];
    node = null;
    output = '';
    /** `text` is the parsed template's source, for the line and column in error messages. */
    constructor(name, text, funcs) {
        this.name = name;
        this.text = text;
        this.funcs = funcs;
    }
    execute(root, data) {
        this.vars = [{ name: '$', value: data }];
        this.walk(data, root);
        return this.output;
    }
    at(node) {
        this.node = node;
    }
    errorf(message, missingField) {
        if (this.node === null)
            throw new GoTemplateError('EXEC', `template: ${this.name}: ${message}`, undefined, missingField);
        const pos = this.node.pos;
        const before = this.text.slice(0, pos);
        const lineStart = before.lastIndexOf('\n') + 1;
        const location = `${this.name}:${countNewlines(before) + 1}:${(0,strings/* byteLength */.dp)(before.slice(lineStart))}`;
        throw new GoTemplateError('EXEC', `template: ${location}: executing "${this.name}" at <${nodeString(this.node)}>: ${message}`, undefined, missingField);
    }
    unsupported(construct) {
        throw unsupported(construct, this.node?.pos);
    }
    mark() {
        return this.vars.length;
    }
    pop(mark) {
        this.vars.length = mark;
    }
    setVar(name, value) {
        for (let i = this.vars.length - 1; i >= 0; i--) {
            const v = this.vars[i];
            if (v?.name === name) {
                v.value = value;
                return;
            }
        }
        this.errorf(`undefined variable: ${name}`);
    }
    setTopVar(n, value) {
        const v = this.vars[this.vars.length - n];
        if (v)
            v.value = value;
    }
    varValue(name) {
        for (let i = this.vars.length - 1; i >= 0; i--) {
            const v = this.vars[i];
            if (v?.name === name)
                return v.value;
        }
        this.errorf(`undefined variable: ${name}`);
    }
    walk(dot, node) {
        this.at(node);
        switch (node.type) {
            case 'action': {
                // Declared variables persist until the enclosing {{end}}; a declaration prints nothing.
                const value = this.evalPipeline(dot, node.pipe);
                if (node.pipe.decl.length === 0)
                    this.printValue(node, value);
                return;
            }
            case 'break':
                throw new BreakSignal();
            case 'continue':
                throw new ContinueSignal();
            case 'if':
            case 'with':
                this.walkIfOrWith(node, dot);
                return;
            case 'list':
                for (const n of node.nodes)
                    this.walk(dot, n);
                return;
            case 'range':
                this.walkRange(dot, node);
                return;
            case 'text':
                this.write(node.text);
                return;
            default:
                this.errorf(`unknown node: ${nodeString(node)}`);
        }
    }
    walkIfOrWith(node, dot) {
        const mark = this.mark();
        try {
            const value = this.evalPipeline(dot, node.pipe);
            if (isTrue(value))
                this.walk(node.type === 'with' ? value : dot, node.list);
            else if (node.elseList)
                this.walk(dot, node.elseList);
        }
        finally {
            this.pop(mark);
        }
    }
    walkRange(dot, r) {
        this.at(r);
        const outer = this.mark();
        try {
            const value = this.evalPipeline(dot, r.pipe);
            const mark = this.mark();
            const oneIteration = (index, elem) => {
                const decl = r.pipe.decl;
                if (decl.length > 0) {
                    if (r.pipe.isAssign)
                        this.setVar(decl[0]?.ident[0] ?? '', decl.length > 1 ? index : elem);
                    else
                        this.setTopVar(1, elem);
                }
                if (decl.length > 1) {
                    if (r.pipe.isAssign)
                        this.setVar(decl[1]?.ident[0] ?? '', elem);
                    else
                        this.setTopVar(2, index);
                }
                try {
                    this.walk(elem, r.list);
                }
                catch (signal) {
                    if (!(signal instanceof ContinueSignal))
                        throw signal;
                }
                finally {
                    this.pop(mark);
                }
            };
            let iterated = false;
            if (value === null) {
                // An invalid value (nil map and the like) ranges like an empty map.
            }
            else if (value.kind === 'slice') {
                (value.items ?? []).forEach((item, i) => {
                    iterated = true;
                    oneIteration(value_int(i), item);
                });
            }
            else if (value.kind === 'map') {
                for (const entry of sortedEntries(value)) {
                    iterated = true;
                    oneIteration(entry.key, entry.value);
                }
            }
            else if (value.kind === 'int') {
                // Go 1.24+: {{range n}} counts 0..n-1, the count being both dot and the one variable.
                if (r.pipe.decl.length > 1)
                    this.errorf(`can't use ${value.value} to iterate over more than one variable`);
                for (let i = 0; i < value.value; i++) {
                    iterated = true;
                    oneIteration(null, value_int(i, value.type.kind === 'int' ? value.type : intType));
                }
            }
            else {
                this.errorf(`range can't iterate over ${printArg(value, 'v')}`);
            }
            if (!iterated && r.elseList)
                this.walk(dot, r.elseList);
        }
        catch (signal) {
            if (!(signal instanceof BreakSignal))
                throw signal;
        }
        finally {
            this.pop(outer);
        }
    }
    evalPipeline(dot, pipe) {
        this.at(pipe);
        let value = MISSING;
        for (const cmd of pipe.cmds)
            value = this.evalCommand(dot, cmd, value);
        const result = value === MISSING ? null : value;
        for (const variable of pipe.decl) {
            if (pipe.isAssign)
                this.setVar(variable.ident[0] ?? '', result);
            else
                this.vars.push({ name: variable.ident[0] ?? '', value: result });
        }
        return result;
    }
    notAFunction(args, final) {
        if ((args !== null && args.length > 1) || final !== MISSING)
            this.errorf(`can't give argument to non-function ${args?.[0] ? nodeString(args[0]) : ''}`);
    }
    evalCommand(dot, cmd, final) {
        const first = cmd.args[0];
        if (!first)
            this.errorf('empty command');
        switch (first.type) {
            case 'field':
                return this.evalFieldNode(dot, first, cmd.args, final);
            case 'chain':
                return this.evalChainNode(dot, first, cmd.args, final);
            case 'identifier':
                return this.evalFunction(dot, first, cmd, cmd.args, final);
            case 'pipe':
                this.notAFunction(cmd.args, final);
                return this.evalPipeline(dot, first);
            case 'variable':
                return this.evalVariableNode(dot, first, cmd.args, final);
        }
        this.at(first);
        this.notAFunction(cmd.args, final);
        switch (first.type) {
            case 'bool':
                return bool(first.value);
            case 'dot':
                return dot;
            case 'nil':
                return this.errorf('nil is not a command');
            case 'number':
                return this.idealConstant(first);
            case 'string':
                return str(first.text);
        }
    }
    idealConstant(constant) {
        this.at(constant);
        return value_int(constant.value);
    }
    evalFieldNode(dot, field, args, final) {
        this.at(field);
        return this.evalFieldChain(dot, dot, field, field.ident, args, final);
    }
    evalChainNode(dot, chain, args, final) {
        this.at(chain);
        if (chain.node.type === 'nil')
            this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
        const pipe = this.evalArg(dot, anyType, chain.node);
        return this.evalFieldChain(dot, pipe, chain, chain.fields, args, final);
    }
    evalVariableNode(dot, variable, args, final) {
        this.at(variable);
        const value = this.varValue(variable.ident[0] ?? '');
        if (variable.ident.length === 1) {
            this.notAFunction(args, final);
            return value;
        }
        return this.evalFieldChain(dot, value, variable, variable.ident.slice(1), args, final);
    }
    evalFieldChain(dot, receiver, node, ident, args, final) {
        let current = receiver;
        for (let i = 0; i < ident.length - 1; i++)
            current = this.evalField(dot, ident[i] ?? '', node, null, MISSING, current);
        return this.evalField(dot, ident[ident.length - 1] ?? '', node, args, final, current);
    }
    evalFunction(dot, node, cmd, args, final) {
        this.at(node);
        const found = this.funcs(node.ident);
        if (found === undefined)
            this.errorf(`${(0,strconv/* quote */.hD)(node.ident)} is not a defined function`);
        if (found === 'unsupported')
            this.unsupported(`function ${(0,strconv/* quote */.hD)(node.ident)}`);
        return this.evalCall(dot, found, cmd, node.ident, args, final);
    }
    evalField(dot, fieldName, node, args, final, receiver) {
        if (receiver === null)
            return null;
        if (receiver.kind === 'struct') {
            const method = receiver.type.methods.get(fieldName);
            if (method)
                return this.evalCall(dot, fn(method.params, () => method.call(receiver)), node, fieldName, args, final);
        }
        const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
        if (receiver.kind === 'struct') {
            const field = fieldByName(receiver, fieldName);
            if (field !== undefined) {
                if (hasArgs)
                    this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
                return field;
            }
        }
        else if (receiver.kind === 'map' && assignable(stringType, receiver.type.key)) {
            if (hasArgs)
                this.errorf(`${fieldName} is not a method but has arguments`);
            return mapLookup(receiver, str(fieldName)) ?? null;
        }
        this.errorf(`can't evaluate field ${fieldName} in type ${receiver.type.name}`, { field: fieldName, type: receiver.type.name });
    }
    evalCall(dot, fun, node, name, argNodes, final) {
        const args = argNodes ? argNodes.slice(1) : [];
        const numIn = args.length + (final === MISSING ? 0 : 1);
        if (fun === 'and' || fun === 'or') {
            if (numIn < 1)
                this.errorf(`wrong number of args for ${name}: want at least 1 got ${args.length}`);
            // and/or short-circuit, returning the deciding argument itself.
            let value = null;
            for (const arg of args) {
                value = this.evalArg(dot, anyType, arg);
                if (isTrue(value) === (fun === 'or'))
                    return value;
            }
            if (final !== MISSING)
                value = final;
            return value;
        }
        const numFixed = fun.variadic ? fun.params.length : args.length;
        if (fun.variadic) {
            if (numIn < numFixed)
                this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${args.length}`);
        }
        else if (numIn !== fun.params.length) {
            this.errorf(`wrong number of args for ${name}: want ${fun.params.length} got ${numIn}`);
        }
        const argv = args.map((arg, i) => this.evalArg(dot, i < numFixed ? (fun.params[i] ?? anyType) : (fun.variadic ?? anyType), arg));
        if (final !== MISSING) {
            let type = fun.params[fun.params.length - 1] ?? anyType;
            if (fun.variadic)
                type = numIn - 1 < numFixed ? (fun.params[numIn - 1] ?? anyType) : fun.variadic;
            argv.push(this.validateType(final, type));
        }
        try {
            return fun.call(argv);
        }
        catch (error) {
            if (!(error instanceof GoTemplateError))
                throw error;
            if (error.code === 'UNSUPPORTED' && error.pos === undefined)
                throw unsupported(error.message, node.pos);
            if (error.code !== 'CALL')
                throw error;
            this.at(node);
            return this.errorf(`error calling ${name}: ${error.message}`);
        }
    }
    validateType(value, type) {
        if (value === null) {
            if (canBeNil(type))
                return zeroValue(type);
            this.errorf(`invalid value; expected ${type.name}`);
        }
        if (!assignable(value.type, type))
            this.errorf(`wrong type for value; expected ${type.name}; got ${value.type.name}`);
        return value;
    }
    evalArg(dot, type, n) {
        this.at(n);
        switch (n.type) {
            case 'dot':
                return this.validateType(dot, type);
            case 'nil':
                if (canBeNil(type))
                    return zeroValue(type);
                return this.errorf(`cannot assign nil to ${type.name}`);
            case 'field':
                return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), type);
            case 'variable':
                return this.validateType(this.evalVariableNode(dot, n, null, MISSING), type);
            case 'pipe':
                return this.validateType(this.evalPipeline(dot, n), type);
            case 'identifier':
                return this.validateType(this.evalFunction(dot, n, n, null, MISSING), type);
            case 'chain':
                return this.validateType(this.evalChainNode(dot, n, null, MISSING), type);
        }
        switch (type.kind) {
            case 'bool':
                if (n.type === 'bool')
                    return bool(n.value);
                return this.errorf(`expected bool; found ${nodeString(n)}`);
            case 'int':
                if (n.type === 'number')
                    return value_int(n.value, type);
                return this.errorf(`expected integer; found ${nodeString(n)}`);
            case 'string':
                if (n.type === 'string')
                    return str(n.text);
                return this.errorf(`expected string; found ${nodeString(n)}`);
            case 'interface':
                return this.evalEmptyInterface(n);
        }
        this.errorf(`can't handle ${nodeString(n)} for arg of type ${type.name}`);
    }
    evalEmptyInterface(n) {
        this.at(n);
        if (n.type === 'bool')
            return bool(n.value);
        if (n.type === 'number')
            return this.idealConstant(n);
        return str(n.text);
    }
    printValue(node, value) {
        this.at(node);
        this.write(value === null ? '<no value>' : printArg(value, 'v'));
    }
    write(text) {
        this.output += text;
        // Go would grow the message until memory runs out; a commit message this large is a template bug.
        if (this.output.length > maxOutputLength)
            this.unsupported('a commit message over 16 MiB');
    }
}

;// CONCATENATED MODULE: ../../packages/core/src/go/template/funcs.ts
// text/template's builtin functions (funcs.go builtins and the escapers in funcs.go: and, or, not, the
// comparisons, len, index, print, printf, println, html, js, urlquery). `call` and `slice` are refused.






const utf8 = new TextEncoder();
/** text/template HTMLEscapeString. */
function htmlEscape(s) {
    return s.replace(/[\0"'&<>]/g, (c) => ({ '\0': '\ufffd', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
}
/** text/template JSEscapeString. */
function jsEscape(s) {
    let out = '';
    for (const ch of s) {
        const cp = ch.codePointAt(0) ?? 0;
        const special = { '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D' }[ch];
        if (special !== undefined)
            out += special;
        else if (cp < 0x20)
            out += `\\u00${hex(cp, 2, true)}`;
        else if (cp < 0x80 || (0,strconv/* isPrint */.Oi)(cp))
            out += ch;
        else
            out += `\\u${hex(cp, 4, true)}`;
    }
    return out;
}
/** url.QueryEscape. */
function queryEscape(s) {
    let out = '';
    for (const b of utf8.encode(s)) {
        const c = String.fromCharCode(b);
        if (/[A-Za-z0-9\-_.~]/.test(c))
            out += c;
        else if (c === ' ')
            out += '+';
        else
            out += `%${hex(b, 2, true)}`;
    }
    return out;
}
/** text/template evalArgs: fmt.Sprint, with "no value" for invalid arguments. */
function evalArgs(args) {
    if (args.length === 1 && args[0]?.kind === 'string')
        return args[0].value;
    return sprint(args.map((arg) => arg ?? str('<no value>')));
}
/** text/template basicKind, for comparisons. */
function basicKind(v) {
    return v !== null && (v.kind === 'bool' || v.kind === 'int' || v.kind === 'string') ? v.kind : 'invalid';
}
function isNilValue(v) {
    return v === null || (v.kind === 'slice' && v.items === null) || (v.kind === 'map' && v.entries === null);
}
/** text/template eq. */
function goEq(arg1, others) {
    if (others.length === 0)
        throw callError('missing argument for comparison');
    const k1 = basicKind(arg1);
    for (const arg of others) {
        const k2 = basicKind(arg);
        let truth = false;
        if (k1 !== k2) {
            if (arg1 !== null && arg !== null)
                throw callError(`incompatible types for comparison: ${arg1.type.name} and ${arg.type.name}`);
        }
        else if (k1 !== 'invalid' && arg1 !== null && arg !== null) {
            truth = goEqual(arg1, arg) || (arg1.kind === 'int' && arg.kind === 'int' && arg1.value === arg.value);
        }
        else if (arg1 === null || arg === null || isNilValue(arg1) || isNilValue(arg)) {
            if (arg1 !== null && arg !== null && arg1.kind !== arg.kind)
                throw callError(`non-comparable types ${printArg(arg1, 'v')}: ${arg1.type.name}, ${arg.type.name}: ${printArg(arg, 'v')}`);
            truth = isNilValue(arg1) === isNilValue(arg);
        }
        else {
            if (arg1.kind !== arg.kind)
                throw callError(`non-comparable types ${printArg(arg1, 'v')}: ${arg1.type.name}, ${arg.type.name}: ${printArg(arg, 'v')}`);
            if (!comparable(arg.type))
                throw callError(`non-comparable type ${printArg(arg, 'v')}: ${arg.type.name}`);
            truth = goEqual(arg1, arg);
        }
        if (truth)
            return true;
    }
    return false;
}
/** text/template lt. */
function goLt(arg1, arg2) {
    const k1 = basicKind(arg1);
    const k2 = basicKind(arg2);
    if (k1 === 'invalid' || k2 === 'invalid' || arg1 === null || arg2 === null)
        throw callError('invalid type for comparison');
    if (k1 !== k2)
        throw callError(`incompatible types for comparison: ${arg1.type.name} and ${arg2.type.name}`);
    if (arg1.kind === 'string' && arg2.kind === 'string')
        return (0,strings/* compareGoStrings */.mA)(arg1.value, arg2.value) < 0;
    if (arg1.kind === 'int' && arg2.kind === 'int')
        return arg1.value < arg2.value;
    throw callError('invalid type for comparison');
}
/** text/template index. */
function goIndex(item, indexes) {
    if (item === null)
        throw callError('index of untyped nil');
    let current = item;
    for (const index of indexes) {
        if (current === null)
            throw callError('index of untyped nil');
        if (current.kind === 'slice' || current.kind === 'string') {
            if (index === null)
                throw callError('cannot index slice/array with nil');
            if (index.kind !== 'int')
                throw callError(`cannot index slice/array with type ${index.type.name}`);
            const length = valueLength(current);
            if (index.value < 0 || index.value > length)
                throw callError(`index out of range: ${index.value}`);
            if (index.value === length)
                throw callError(`reflect: ${current.kind} index out of range`);
            if (current.kind === 'string')
                throw unsupported('index of a string (Go yields a byte)');
            current = current.items?.[index.value] ?? null;
        }
        else if (current.kind === 'map') {
            const keyType = current.type.key;
            if (index === null)
                throw callError(`value is nil; should be of type ${keyType.name}`);
            if (!assignable(index.type, keyType))
                throw callError(`value has type ${index.type.name}; should be ${keyType.name}`);
            const found = mapLookup(current, index);
            current = found === undefined ? zeroValue(current.type.elem) : found;
        }
        else {
            throw callError(`can't index item of type ${current.type.name}`);
        }
    }
    return current;
}
/** text/template's builtins, which a template's own functions shadow. */
const builtinFunctions = new Map([
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
            if (item === null)
                throw callError('reflect: call of reflect.Value.Type on zero Value');
            if (item.kind === 'string' || item.kind === 'slice' || item.kind === 'map')
                return value_int(valueLength(item));
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

;// CONCATENATED MODULE: ../../packages/core/src/go/template/parse.ts
// The template parser, a port of Go's text/template/parse/parse.go (Tree.Parse and what it calls) for one template
// without {{define}}, {{block}} or {{template}}. Function names are checked against the template's functions at
// parse time, as Go does.




/** parse.Tree for one template: `parse()` returns its root list. */
class Parser {
    name;
    funcs;
    lex;
    token = [];
    peekCount = 0;
    vars = ['$'];
    rangeDepth = 0;
    actionLine = 0;
    /** `name` is the template's name, which Go's messages cite; `funcs` finds a function by name. */
    constructor(name, text, funcs) {
        this.name = name;
        this.funcs = funcs;
        this.lex = new Lexer(text);
    }
    parse() {
        const root = { type: 'list', pos: this.peek().pos, nodes: [] };
        while (this.peek().type !== 'eof') {
            if (this.peek().type === 'leftDelim') {
                const delim = this.next();
                const keyword = this.nextNonSpace();
                if (keyword.type === 'define')
                    throw unsupported('{{define}}', keyword.pos);
                this.backup2(delim);
            }
            const n = this.textOrAction();
            if (n.type === 'end' || n.type === 'else')
                this.errorf(`unexpected ${nodeString(n)}`);
            root.nodes.push(n);
        }
        return root;
    }
    next() {
        if (this.peekCount > 0)
            this.peekCount--;
        else
            this.token[0] = this.lex.nextItem();
        return this.tokenAt(this.peekCount);
    }
    tokenAt(i) {
        const item = this.token[i];
        if (!item)
            throw new Error('template parser: token lookahead underflow');
        return item;
    }
    backup() {
        this.peekCount++;
    }
    backup2(t1) {
        this.token[1] = t1;
        this.peekCount = 2;
    }
    backup3(t2, t1) {
        this.token[1] = t1;
        this.token[2] = t2;
        this.peekCount = 3;
    }
    peek() {
        if (this.peekCount > 0)
            return this.tokenAt(this.peekCount - 1);
        this.peekCount = 1;
        this.token[0] = this.lex.nextItem();
        return this.token[0];
    }
    nextNonSpace() {
        let token;
        do
            token = this.next();
        while (token.type === 'space');
        return token;
    }
    peekNonSpace() {
        const token = this.nextNonSpace();
        this.backup();
        return token;
    }
    errorf(message) {
        throw new GoTemplateError('PARSE', `template: ${this.name}:${this.token[0]?.line ?? 1}: ${message}`);
    }
    expect(expected, context) {
        const token = this.nextNonSpace();
        if (token.type !== expected)
            this.unexpected(token, context);
        return token;
    }
    unexpected(token, context) {
        if (token.type === 'error') {
            let extra = '';
            if (this.actionLine !== 0 && this.actionLine !== token.line) {
                extra = ` in action started at ${this.name}:${this.actionLine}`;
                if (token.val.endsWith(' action'))
                    extra = extra.slice(' in action'.length);
            }
            this.errorf(`${itemString(token)}${extra}`);
        }
        this.errorf(`unexpected ${itemString(token)} in ${context}`);
    }
    itemList() {
        const list = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
        while (this.peekNonSpace().type !== 'eof') {
            const n = this.textOrAction();
            if (n.type === 'end' || n.type === 'else')
                return [list, n];
            list.nodes.push(n);
        }
        this.errorf('unexpected EOF');
    }
    textOrAction() {
        const token = this.nextNonSpace();
        switch (token.type) {
            case 'text':
                return { type: 'text', pos: token.pos, text: token.val };
            case 'leftDelim':
                this.actionLine = token.line;
                try {
                    return this.action();
                }
                finally {
                    this.actionLine = 0;
                }
            default:
                return this.unexpected(token, 'input');
        }
    }
    action() {
        const token = this.nextNonSpace();
        switch (token.type) {
            case 'block':
                throw unsupported('{{block}}', token.pos);
            case 'template':
                throw unsupported('{{template}}', token.pos);
            case 'break':
            case 'continue':
                return this.loopControl(token);
            case 'else':
                return this.elseControl();
            case 'end':
                return { type: 'end', pos: this.expect('rightDelim', 'end').pos };
            case 'if':
            case 'range':
            case 'with':
                return this.branchControl(token.type);
        }
        this.backup();
        const start = this.peek();
        // Declared variables persist until the enclosing {{end}}.
        return { type: 'action', pos: start.pos, pipe: this.pipeline('command', 'rightDelim') };
    }
    loopControl(keyword) {
        const type = keyword.type === 'break' ? 'break' : 'continue';
        const token = this.nextNonSpace();
        if (token.type !== 'rightDelim')
            this.unexpected(token, `{{${type}}}`);
        if (this.rangeDepth === 0)
            this.errorf(`{{${type}}} outside {{range}}`);
        return { type, pos: keyword.pos };
    }
    elseControl() {
        const peek = this.peekNonSpace();
        // "{{else if ...}}" and "{{else with ...}}" leave the keyword pending for parseControl.
        if (peek.type === 'if' || peek.type === 'with')
            return { type: 'else', pos: peek.pos };
        return { type: 'else', pos: this.expect('rightDelim', 'else').pos };
    }
    branchControl(context) {
        const parts = this.parseControl(context);
        return { type: context, pos: parts.pos, pipe: parts.pipe, list: parts.list, elseList: parts.elseList };
    }
    parseControl(context) {
        const varsLength = this.vars.length;
        try {
            const pipe = this.pipeline(context, 'rightDelim');
            if (context === 'range')
                this.rangeDepth++;
            const [list, next] = this.itemList();
            if (context === 'range')
                this.rangeDepth--;
            let elseList = null;
            if (next.type === 'else') {
                if ((context === 'if' && this.peek().type === 'if') || (context === 'with' && this.peek().type === 'with')) {
                    // {{if a}}_{{else if b}}_{{end}} is {{if a}}_{{else}}{{if b}}_{{end}}{{end}}.
                    this.next();
                    elseList = { type: 'list', pos: next.pos, nodes: [this.branchControl(context)] };
                }
                else {
                    const [otherwise, end] = this.itemList();
                    if (end.type !== 'end')
                        this.errorf(`expected end; found ${nodeString(end)}`);
                    elseList = otherwise;
                }
            }
            return { pos: pipe.pos, pipe, list, elseList };
        }
        finally {
            this.vars.length = varsLength;
        }
    }
    pipeline(context, end) {
        const pipe = { type: 'pipe', pos: this.peekNonSpace().pos, isAssign: false, decl: [], cmds: [] };
        for (;;) {
            const v = this.peekNonSpace();
            if (v.type !== 'variable')
                break;
            this.next();
            // Three-token lookahead: in "$x foo" the token after $x decides whether $x is declared or used.
            const tokenAfterVariable = this.peek();
            const next = this.peekNonSpace();
            if (next.type === 'assign' || next.type === 'declare') {
                pipe.isAssign = next.type === 'assign';
                this.nextNonSpace();
                pipe.decl.push(newVariable(v.pos, v.val));
                this.vars.push(v.val);
                break;
            }
            if (next.type === 'char' && next.val === ',') {
                this.nextNonSpace();
                pipe.decl.push(newVariable(v.pos, v.val));
                this.vars.push(v.val);
                if (context === 'range' && pipe.decl.length < 2) {
                    const after = this.peekNonSpace().type;
                    if (after === 'variable' || after === 'rightDelim' || after === 'rightParen')
                        continue;
                    this.errorf('range can only initialize variables');
                }
                this.errorf(`too many declarations in ${context}`);
            }
            if (tokenAfterVariable.type === 'space')
                this.backup3(v, tokenAfterVariable);
            else
                this.backup2(v);
            break;
        }
        for (;;) {
            const token = this.nextNonSpace();
            if (token.type === end) {
                this.checkPipeline(pipe, context);
                return pipe;
            }
            switch (token.type) {
                case 'bool':
                case 'charConstant':
                case 'complex':
                case 'dot':
                case 'field':
                case 'identifier':
                case 'number':
                case 'nil':
                case 'rawString':
                case 'string':
                case 'variable':
                case 'leftParen':
                    this.backup();
                    pipe.cmds.push(this.command());
                    break;
                default:
                    this.unexpected(token, context);
            }
        }
    }
    checkPipeline(pipe, context) {
        if (pipe.cmds.length === 0)
            this.errorf(`missing value for ${context}`);
        pipe.cmds.slice(1).forEach((cmd, i) => {
            const first = cmd.args[0]?.type;
            if (first === 'bool' || first === 'dot' || first === 'nil' || first === 'number' || first === 'string') {
                this.errorf(`non executable command in pipeline stage ${i + 2}`);
            }
        });
    }
    command() {
        const cmd = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
        for (;;) {
            this.peekNonSpace();
            const operand = this.operand();
            if (operand)
                cmd.args.push(operand);
            const token = this.next();
            if (token.type === 'space')
                continue;
            if (token.type === 'rightDelim' || token.type === 'rightParen')
                this.backup();
            else if (token.type !== 'pipe')
                this.unexpected(token, 'operand');
            break;
        }
        if (cmd.args.length === 0)
            this.errorf('empty command');
        return cmd;
    }
    operand() {
        const node = this.term();
        if (!node)
            return null;
        if (this.peek().type !== 'field')
            return node;
        const chain = { type: 'chain', pos: this.peek().pos, node, fields: [] };
        while (this.peek().type === 'field')
            chain.fields.push(this.next().val.slice(1));
        switch (node.type) {
            case 'field':
                return { type: 'field', pos: chain.pos, ident: nodeString(chain).slice(1).split('.') };
            case 'variable':
                return newVariable(chain.pos, nodeString(chain));
            case 'bool':
            case 'string':
            case 'number':
            case 'nil':
            case 'dot':
                return this.errorf(`unexpected . after term ${(0,strconv/* quote */.hD)(nodeString(node))}`);
            default:
                return chain;
        }
    }
    term() {
        const token = this.nextNonSpace();
        switch (token.type) {
            case 'identifier': {
                const fn = this.funcs(token.val);
                if (fn === undefined)
                    this.errorf(`function ${(0,strconv/* quote */.hD)(token.val)} not defined`);
                if (fn === 'unsupported')
                    throw unsupported(`function ${(0,strconv/* quote */.hD)(token.val)} (Flux has it, d2ci does not implement it)`, token.pos);
                return { type: 'identifier', pos: token.pos, ident: token.val };
            }
            case 'dot':
                return { type: 'dot', pos: token.pos };
            case 'nil':
                return { type: 'nil', pos: token.pos };
            case 'variable':
                return this.useVar(token.pos, token.val);
            case 'field':
                return { type: 'field', pos: token.pos, ident: token.val.slice(1).split('.') };
            case 'bool':
                return { type: 'bool', pos: token.pos, value: token.val === 'true' };
            case 'charConstant':
            case 'complex':
            case 'number':
                return this.number(token);
            case 'leftParen':
                return this.pipeline('parenthesized pipeline', 'rightParen');
            case 'string':
            case 'rawString':
                return { type: 'string', pos: token.pos, quoted: token.val, text: this.unquote(token) };
        }
        this.backup();
        return null;
    }
    /** Decimal integer literals only; Go's other number forms (hex, octal, floats, runes, complex) are refused. */
    number(token) {
        if (token.type === 'number' && /^[+-]?(0|[1-9][0-9]*)$/.test(token.val)) {
            const value = Number(token.val);
            if (Number.isSafeInteger(value))
                return { type: 'number', pos: token.pos, text: token.val, value };
        }
        // The lexer passes a lone sign or dot as a number; Go's strconv then rejects it.
        if (token.type === 'number' && !/[0-9]/.test(token.val))
            this.errorf(`illegal number syntax: ${(0,strconv/* quote */.hD)(token.val)}`);
        throw unsupported(`number literal ${token.val} (only decimal integers up to 2^53 are supported)`, token.pos);
    }
    /** strconv.Unquote for string tokens. */
    unquote(token) {
        const quoted = token.val;
        if (token.type === 'rawString')
            return quoted.slice(1, -1).replaceAll('\r', '');
        const body = quoted.slice(1, -1);
        let out = '';
        for (let i = 0; i < body.length; i++) {
            const ch = body[i] ?? '';
            if (ch !== '\\') {
                out += ch;
                continue;
            }
            const escape = body[++i] ?? '';
            const simple = goStringEscapes.get(escape);
            if (simple !== undefined) {
                out += simple;
                continue;
            }
            const digits = escape === 'x' ? 2 : escape === 'u' ? 4 : escape === 'U' ? 8 : /[0-7]/.test(escape) ? 3 : 0;
            if (digits === 0)
                this.errorf('invalid syntax');
            const text = escape >= '0' && escape <= '7' ? body.slice(i, i + 3) : body.slice(i + 1, i + 1 + digits);
            const valid = escape >= '0' && escape <= '7' ? /^[0-7]{3}$/.test(text) : new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(text);
            if (!valid)
                this.errorf('invalid syntax');
            const value = parseInt(text, escape >= '0' && escape <= '7' ? 8 : 16);
            i += escape >= '0' && escape <= '7' ? 2 : digits;
            if (escape === 'x' || (escape >= '0' && escape <= '7')) {
                if (value > 0xff)
                    this.errorf('invalid syntax');
                // A byte escape above 0x7f makes a raw byte, possibly invalid UTF-8, which JavaScript strings cannot hold.
                if (value > 0x7f)
                    throw unsupported('a string escape making a non-ASCII byte', token.pos);
                out += String.fromCharCode(value);
                continue;
            }
            if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))
                this.errorf('invalid syntax');
            out += String.fromCodePoint(value);
        }
        return out;
    }
    useVar(pos, name) {
        const v = newVariable(pos, name);
        if (!this.vars.includes(v.ident[0] ?? ''))
            this.errorf(`undefined variable ${(0,strconv/* quote */.hD)(v.ident[0] ?? '')}`);
        return v;
    }
}
const goStringEscapes = new Map([
    ['a', '\x07'],
    ['b', '\b'],
    ['f', '\f'],
    ['n', '\n'],
    ['r', '\r'],
    ['t', '\t'],
    ['v', '\v'],
    ['\\', '\\'],
    ['"', '"'],
]);

;// CONCATENATED MODULE: ../../packages/core/src/go/template/template.ts
// A template as Go's text/template/template.go makes one: `template.New(name).Funcs(funcs).Parse(text)`, then
// `Execute`. Functions are found as exec.go findFunction finds them: the template's own, then the builtins.



class Template {
    /** The name Go's error messages cite (`template: <name>:1: …`). */
    name;
    funcs;
    text = '';
    tree;
    constructor(name, funcs = new Map()) {
        this.name = name;
        this.funcs = funcs;
    }
    /** Parses `text` as the template's body. @throws GoTemplateError (`PARSE` or `UNSUPPORTED`) */
    parse(text) {
        this.tree = new Parser(this.name, text, this.lookup).parse();
        this.text = text;
        return this;
    }
    /** Runs the parsed template on `data`. @throws GoTemplateError (`EXEC` or `UNSUPPORTED`) */
    execute(data) {
        if (!this.tree)
            throw new Error(`template: ${this.name}: not parsed`);
        return new Executor(this.name, this.text, this.lookup).execute(this.tree, data);
    }
    lookup = (name) => this.funcs.get(name) ?? builtinFunctions.get(name);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ../../packages/core/src/go/template/json.ts
// encoding/json Marshal as sprig's toJson calls it (encoding/json encode.go), with Go 1.22+ escapes and HTML
// escaping: strings, bools, ints, slices, string-keyed maps in key order, structs by their json tags.



/** Go's `*json.UnsupportedTypeError`: `json: unsupported type: <type>`. */
class UnsupportedTypeError extends errors/* BaseError */.Cf {
    constructor(typeName) {
        super('JSON_UNSUPPORTED_TYPE', `json: unsupported type: ${typeName}`);
        this.name = 'UnsupportedTypeError';
    }
}
function jsonString(s) {
    let out = '"';
    for (const ch of s) {
        const cp = ch.codePointAt(0) ?? 0;
        if (cp < 0x80) {
            if (cp >= 0x20 && ch !== '"' && ch !== '\\' && ch !== '<' && ch !== '>' && ch !== '&')
                out += ch;
            else if (ch === '"' || ch === '\\')
                out += `\\${ch}`;
            else if (cp === 0x08)
                out += '\\b';
            else if (cp === 0x0c)
                out += '\\f';
            else if (cp === 0x0a)
                out += '\\n';
            else if (cp === 0x0d)
                out += '\\r';
            else if (cp === 0x09)
                out += '\\t';
            else
                out += `\\u00${hex(cp, 2)}`;
        }
        else if (cp === 0x2028 || cp === 0x2029)
            out += `\\u${hex(cp, 4)}`;
        else if (cp >= 0xd800 && cp <= 0xdfff)
            out += '\\ufffd';
        else
            out += ch;
    }
    return `${out}"`;
}
/** json.Marshal. @throws UnsupportedTypeError for a map whose keys are not strings. */
function jsonMarshal(value) {
    if (value === null)
        return 'null';
    switch (value.kind) {
        case 'string':
            return jsonString(value.value);
        case 'bool':
        case 'int':
            return String(value.value);
        case 'slice':
            return value.items === null ? 'null' : `[${value.items.map(jsonMarshal).join(',')}]`;
        case 'map':
            // Go refuses the map type itself (struct keys), even when the map is nil or empty.
            if (value.type.key.kind !== 'string')
                throw new UnsupportedTypeError(value.type.name);
            if (value.entries === null)
                return 'null';
            return `{${sortedEntries(value)
                .map((e) => `${jsonMarshal(e.key)}:${jsonMarshal(e.value)}`)
                .join(',')}}`;
        case 'struct':
            return `{${jsonFields(value).join(',')}}`;
    }
}
function jsonFields(value) {
    const out = [];
    value.type.fields.forEach((field, i) => {
        const fieldValue = value.fields[i];
        if (!fieldValue)
            return;
        // An embedded struct without a JSON name has its fields promoted.
        if (field.embedded && fieldValue.kind === 'struct') {
            out.push(...jsonFields(fieldValue));
            return;
        }
        const json = field.json ?? { name: field.name, omitEmpty: false };
        if (json.omitEmpty && fieldValue.kind === 'string' && fieldValue.value === '')
            return;
        out.push(`${jsonString(json.name)}:${jsonMarshal(fieldValue)}`);
    });
    return out;
}

;// CONCATENATED MODULE: ../../packages/core/src/go/template/sprig-strings.ts
// Go's strings and path packages (and goutils.DeleteWhiteSpace), as sprig's string functions call them: Go strings
// are UTF-8 bytes and Go's case mappings are Unicode's simple ones, so each differs from its JavaScript namesake
// somewhere. Where a result cannot be rendered exactly (invalid UTF-8, no known mapping) it is refused.



const sprig_strings_utf8 = new TextEncoder();
/** strings.Repeat, whose panics become call errors. */
function goRepeat(s, count) {
    if (count < 0)
        throw callError('strings: negative Repeat count');
    if (count * (0,strings/* byteLength */.dp)(s) > 1 << 24)
        throw unsupported('a repeat or indent result over 16 MiB');
    return s.repeat(count);
}
/** strings.ToLower/ToUpper: per code point, simple case mapping. */
function goChangeCase(s, upper) {
    if (/^[\x00-\x7f]*$/.test(s))
        return upper ? s.toUpperCase() : s.toLowerCase();
    let out = '';
    for (const ch of s)
        out += simpleCase(ch, upper);
    return out;
}
/**
 * unicode.ToUpper/ToLower of one character (UnicodeData's one-to-one mapping). JavaScript applies the full
 * mapping, which differs only where SpecialCasing gives several characters: there the simple mapping is the
 * character itself, except U+0130 (lower case i) and the Greek iota-subscript letters, which are refused.
 */
function simpleCase(ch, upper) {
    const mapped = upper ? ch.toUpperCase() : ch.toLowerCase();
    if ((0,strings/* runes */.mZ)(mapped).length === 1)
        return mapped;
    const cp = ch.codePointAt(0) ?? 0;
    if (!upper && cp === 0x0130)
        return 'i';
    if (cp >= 0x1f80 && cp <= 0x1fff)
        throw unsupported(`${upper ? 'upper' : 'lower'} of ${(0,strconv/* quote */.hD)(ch)} (no one-to-one case mapping known to d2ci)`);
    return ch;
}
/** strings.Title. */
function goTitle(s) {
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
function toTitle(ch) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80)
        return ch.toUpperCase();
    if (cp >= 0x01c4 && cp <= 0x01cc)
        return String.fromCodePoint(0x01c5 + 3 * Math.floor((cp - 0x01c4) / 3));
    if (cp >= 0x01f1 && cp <= 0x01f3)
        return '\u01f2';
    if ((cp >= 0x10d0 && cp <= 0x10fa) || (cp >= 0x10fd && cp <= 0x10ff))
        return ch;
    return simpleCase(ch, true);
}
/** strings.go isSeparator: ASCII that is not alphanumeric, or a Unicode space. */
function isTitleSeparator(cp) {
    if ((0,strings/* isAlphaNumeric */.gA)(cp))
        return false;
    return cp < 0x80 || (0,strings/* isUnicodeSpace */.Oh)(cp);
}
/** strings.TrimSpace. */
function goTrimSpace(s) {
    const chars = (0,strings/* runes */.mZ)(s);
    let start = 0;
    let end = chars.length;
    while (start < end && (0,strings/* isUnicodeSpace */.Oh)(chars[start]?.codePointAt(0) ?? 0))
        start++;
    while (end > start && (0,strings/* isUnicodeSpace */.Oh)(chars[end - 1]?.codePointAt(0) ?? 0))
        end--;
    return chars.slice(start, end).join('');
}
/** strings.Trim(s, cutset). */
function goTrim(s, cutset) {
    const cut = new Set((0,strings/* runes */.mZ)(cutset));
    const chars = (0,strings/* runes */.mZ)(s);
    let start = 0;
    let end = chars.length;
    while (start < end && cut.has(chars[start] ?? ''))
        start++;
    while (end > start && cut.has(chars[end - 1] ?? ''))
        end--;
    return chars.slice(start, end).join('');
}
/** strings.Replace(s, old, new, -1): an empty old matches before every rune and at the end. */
function goReplaceAll(s, old, replacement) {
    if (old === '')
        return (replacement +
            (0,strings/* runes */.mZ)(s)
                .map((ch) => ch + replacement)
                .join(''));
    return s.split(old).join(replacement);
}
/** strings.Split. */
function goSplit(s, sep) {
    return sep === '' ? (0,strings/* runes */.mZ)(s) : s.split(sep);
}
/** goutils.DeleteWhiteSpace, which walks bytes and re-encodes every kept byte as a rune. */
function goDeleteWhiteSpace(s) {
    if (s === '')
        return s;
    const bytes = sprig_strings_utf8.encode(s);
    const kept = bytes.filter((b) => !(0,strings/* isUnicodeSpace */.Oh)(b));
    if (kept.length === bytes.length)
        return s;
    // A byte b >= 0x80 becomes the rune U+00b: Latin-1 decoding is exactly that.
    return String.fromCharCode(...kept);
}
/** sprig trunc, which slices bytes. */
function goTrunc(c, s) {
    const bytes = sprig_strings_utf8.encode(s);
    let slice = null;
    if (c < 0 && bytes.length + c > 0)
        slice = bytes.subarray(bytes.length + c);
    else if (c >= 0 && bytes.length > c)
        slice = bytes.subarray(0, c);
    if (slice === null)
        return s;
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(slice);
    }
    catch {
        // Cutting inside a multi-byte character leaves invalid UTF-8, which a JavaScript string cannot carry.
        throw unsupported(`trunc ${c} cutting a multi-byte character`);
    }
}
/** path.Clean. */
function pathClean(p) {
    if (p === '')
        return '.';
    const rooted = p.startsWith('/');
    const out = [];
    for (const part of p.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (out.length > 0 && out[out.length - 1] !== '..')
                out.pop();
            else if (!rooted)
                out.push('..');
            continue;
        }
        out.push(part);
    }
    const joined = out.join('/');
    if (rooted)
        return `/${joined}`;
    return joined === '' ? '.' : joined;
}
/** path.Base. */
function pathBase(p) {
    if (p === '')
        return '.';
    let s = p;
    while (s.length > 0 && s.endsWith('/'))
        s = s.slice(0, -1);
    const i = s.lastIndexOf('/');
    if (i >= 0)
        s = s.slice(i + 1);
    return s === '' ? '/' : s;
}
/** path.Dir. */
function pathDir(p) {
    return pathClean(p.slice(0, p.lastIndexOf('/') + 1));
}
/** path.Ext. */
function pathExt(p) {
    for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--)
        if (p[i] === '.')
            return p.slice(i);
    return '';
}

;// CONCATENATED MODULE: ../../packages/core/src/go/template/sprig.ts
// The sprig functions Flux's commit templates can call (Masterminds/sprig v3.3.0 HermeticTxtFuncMap, as
// image-automation-controller passes it): the string, path, list, default, JSON and integer functions d2ci
// implements, and the names of the rest, which are refused rather than reported as undefined.









function stringFn(arity, body) {
    return fn(Array(arity).fill(stringType), (args) => str(body(...args.map((_, i) => argString(args, i)))));
}
function predicateFn(body) {
    return fn([stringType, stringType], (args) => bool(body(argString(args, 0), argString(args, 1))));
}
/** Go panics surface as call errors; this is the text a nil reflect.TypeOf(...).Kind() panic gives. */
const nilPointerPanic = 'runtime error: invalid memory address or nil pointer dereference';
/** sprig strval: strings as they are, Stringers through String(), the rest as %v. */
function strval(v) {
    return printArg(v, 'v');
}
/** sprig strslice. */
function strslice(v) {
    if (v === null)
        return [];
    if (v.kind === 'slice')
        return (v.items ?? []).filter((item) => item !== null).map(strval);
    return [strval(v)];
}
/** sprig empty. */
function isEmpty(v) {
    return !isTrue(v);
}
/** Sprig's list helpers take interface{} and panic on nil (reflect.TypeOf(nil).Kind()). */
function sliceArg(v, what) {
    if (v === null)
        throw callError(nilPointerPanic);
    if (v.kind !== 'slice')
        throw callError(`Cannot find ${what} on type ${kindName(v)}`);
    return v;
}
/** sprig toInt64, limited to Go ints (cast.ToInt64's string and float rules are not mirrored). */
function toInt64(v, name) {
    if (v?.kind !== 'int')
        throw unsupported(`${name} of a ${v === null ? 'nil' : v.type.name} (only integers are supported)`);
    return v.value;
}
function int64Result(n) {
    if (!Number.isSafeInteger(n))
        throw unsupported('integer arithmetic beyond 2^53');
    return value_int(n, int64Type);
}
const sprigFunctions = new Map([
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
        fn([], (a) => str(a
            .filter((v) => v !== null)
            .map((v) => (0,strconv/* quote */.hD)(strval(v)))
            .join(' ')), anyType),
    ],
    [
        'squote',
        fn([], (a) => str(a
            .filter((v) => v !== null)
            .map((v) => `'${printArg(v, 'v')}'`)
            .join(' ')), anyType),
    ],
    [
        'cat',
        fn([], (a) => str(a
            .filter((v) => v !== null)
            .map((v) => printArg(v, 'v'))
            .join(' ')), anyType),
    ],
    ['toString', fn([anyType], (a) => str(strval(a[0] ?? null)))],
    ['sha1sum', stringFn(1, (s) => (0,external_node_crypto_.createHash)('sha1').update(s, 'utf8').digest('hex'))],
    ['sha256sum', stringFn(1, (s) => (0,external_node_crypto_.createHash)('sha256').update(s, 'utf8').digest('hex'))],
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
            const items = list?.kind === 'slice' ? strslice(list).sort(strings/* compareGoStrings */.mA) : [strval(list)];
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
            }
            catch (error) {
                if (error instanceof UnsupportedTypeError)
                    return str('');
                throw error;
            }
        }),
    ],
    [
        'mustToJson',
        fn([anyType], (a) => {
            try {
                return str(jsonMarshal(a[0] ?? null));
            }
            catch (error) {
                if (error instanceof UnsupportedTypeError)
                    throw callError(error.message);
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
        fn([anyType], (a) => int64Result(a.slice(1).reduce((product, v) => product * toInt64(v, 'mul'), toInt64(a[0] ?? null, 'mul'))), anyType),
    ],
]);
/** sprig uniq: reflect.DeepEqual de-duplication into a []interface{}. */
function uniq(list) {
    const items = [];
    for (const item of sliceArg(list, 'uniq').items ?? [])
        if (!items.some((seen) => deepEqual(seen, item)))
            items.push(item);
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
const sprigHermeticFunctions = new Map([
    ...unsupportedSprigFunctions.map((name) => [name, 'unsupported']),
    ...sprigFunctions,
]);

// EXTERNAL MODULE: ../../packages/core/src/imageupdate/result.ts
var result = __webpack_require__(3495);
;// CONCATENATED MODULE: ../../packages/core/src/imageupdate/template-data.ts
// source.TemplateData, the value Flux's commit-message templates run on (image-automation-controller
// internal/source/source.go), as Go values: the same types, field names, methods and Stringers, so that a template
// sees, prints and compares what it sees in the controller.


/** Each `.Changed` value's UpdateResult, which its Changes() and Objects() methods read. */
const results = new WeakMap();
const changeType = {
    kind: 'struct',
    name: 'update.Change',
    fields: [stringField('OldValue'), stringField('NewValue'), stringField('Setter')],
    methods: noMethods,
};
const changeSliceType = { kind: 'slice', name: '[]update.Change', elem: changeType };
const typeMetaType = {
    kind: 'struct',
    name: 'yaml.TypeMeta',
    methods: noMethods,
    fields: [stringField('APIVersion', { name: 'apiVersion', omitEmpty: true }), stringField('Kind', { name: 'kind', omitEmpty: true })],
};
const nameMetaType = {
    kind: 'struct',
    name: 'yaml.NameMeta',
    methods: noMethods,
    fields: [stringField('Name', { name: 'name', omitEmpty: true }), stringField('Namespace', { name: 'namespace', omitEmpty: true })],
};
// GetName, GetKind... have pointer receivers, and map keys are not addressable: templates cannot call them.
const resourceIdentifierType = {
    kind: 'struct',
    name: 'yaml.ResourceIdentifier',
    methods: noMethods,
    fields: [
        { name: 'TypeMeta', type: typeMetaType, embedded: true },
        { name: 'NameMeta', type: nameMetaType, embedded: true },
    ],
};
const objectIdentifierType = {
    kind: 'struct',
    name: 'update.ObjectIdentifier',
    methods: noMethods,
    fields: [{ name: 'ResourceIdentifier', type: resourceIdentifierType, embedded: true }],
};
const objectChangesType = {
    kind: 'map',
    name: 'update.ObjectChanges',
    key: objectIdentifierType,
    elem: changeSliceType,
    underlying: 'map[update.ObjectIdentifier][]update.Change',
};
const fileChangesType = { kind: 'map', name: 'map[string]update.ObjectChanges', key: stringType, elem: objectChangesType };
const stringMapType = { kind: 'map', name: 'map[string]string', key: stringType, elem: stringType };
/** The anonymous struct NamespacedName.MarshalLog returns. */
const namespacedNameLogType = {
    kind: 'struct',
    name: 'struct { Name string "json:\\"name\\""; Namespace string "json:\\"namespace,omitempty\\"" }',
    methods: noMethods,
    fields: [stringField('Name', { name: 'name', omitEmpty: false }), stringField('Namespace', { name: 'namespace', omitEmpty: true })],
};
const namespacedNameType = {
    kind: 'struct',
    name: 'types.NamespacedName',
    fields: [stringField('Namespace'), stringField('Name')],
    stringer: (value) => `${stringAt(value, 0)}/${stringAt(value, 1)}`,
    methods: new Map([
        ['String', { params: [], call: (receiver) => str(`${stringAt(receiver, 0)}/${stringAt(receiver, 1)}`) }],
        [
            'MarshalLog',
            {
                params: [],
                call: (receiver) => ({
                    kind: 'struct',
                    type: namespacedNameLogType,
                    fields: [str(stringAt(receiver, 1)), str(stringAt(receiver, 0))],
                }),
            },
        ],
    ]),
};
const resultType = {
    kind: 'struct',
    name: 'update.Result',
    fields: [{ name: 'FileChanges', type: fileChangesType, embedded: false }],
    methods: new Map([
        ['Changes', { params: [], call: (receiver) => changesValue((0,result/* resultChanges */.DB)(receiverResult(receiver))) }],
        ['Objects', { params: [], call: (receiver) => objectChangesValue((0,result/* resultObjects */.cL)(receiverResult(receiver))) }],
    ]),
};
const templateDataType = {
    kind: 'struct',
    name: 'source.TemplateData',
    methods: noMethods,
    fields: [
        { name: 'AutomationObject', type: namespacedNameType, embedded: false },
        { name: 'Changed', type: resultType, embedded: false },
        { name: 'Values', type: stringMapType, embedded: false },
    ],
};
function stringAt(value, field) {
    const f = value.fields[field];
    return f?.kind === 'string' ? f.value : '';
}
function receiverResult(receiver) {
    const result = results.get(receiver);
    if (!result)
        throw new Error('template: update.Result without its source');
    return result;
}
function changeValue(change) {
    return { kind: 'struct', type: changeType, fields: [str(change.OldValue), str(change.NewValue), str(change.Setter)] };
}
/** A Go []update.Change: appending nothing to nil stays nil. */
function changesValue(changes) {
    return { kind: 'slice', type: changeSliceType, items: changes.length === 0 ? null : changes.map(changeValue) };
}
function objectIdentifierValue(o) {
    const typeMeta = { kind: 'struct', type: typeMetaType, fields: [str(o.APIVersion), str(o.Kind)] };
    const nameMeta = { kind: 'struct', type: nameMetaType, fields: [str(o.Name), str(o.Namespace)] };
    const resourceIdentifier = { kind: 'struct', type: resourceIdentifierType, fields: [typeMeta, nameMeta] };
    return { kind: 'struct', type: objectIdentifierType, fields: [resourceIdentifier] };
}
function objectChangesValue(objects) {
    return {
        kind: 'map',
        type: objectChangesType,
        entries: objects.map(({ object, changes }) => ({ key: objectIdentifierValue(object), value: changesValue(changes) })),
    };
}
/** source.TemplateData for `data`. */
function templateDataValue(data) {
    const files = (0,result/* sortedFileChanges */.J1)(data.result);
    const fileChanges = {
        kind: 'map',
        type: fileChangesType,
        entries: files.length === 0 ? null : files.map(([file, objects]) => ({ key: str(file), value: objectChangesValue(objects) })),
    };
    const values = {
        kind: 'map',
        type: stringMapType,
        entries: data.values ? Object.entries(data.values).map(([key, value]) => ({ key: str(key), value: str(value) })) : null,
    };
    const automation = {
        kind: 'struct',
        type: namespacedNameType,
        fields: [str(data.automation.namespace), str(data.automation.name)],
    };
    const changed = { kind: 'struct', type: resultType, fields: [fileChanges] };
    results.set(changed, data.result);
    return { kind: 'struct', type: templateDataType, fields: [automation, changed, values] };
}

;// CONCATENATED MODULE: ../../packages/core/src/imageupdate/commit-message.ts
// Flux image-automation commit messages, rendered as image-automation-controller renders them (internal/source
// source.go templateMsg): Go text/template with sprig.HermeticTxtFuncMap(), executed on source.TemplateData. What
// the Go port accepts renders byte for byte as Flux would; anything else is refused with a TemplateError.



/** IAC `defaultMessageTemplate`, used when `spec.git.commit.messageTemplate` is empty. */
const defaultCommitTemplate = 'Update from image update automation';
/** The name IAC gives the template, which Go's messages cite. */
const templateName = 'commit message';
const reasons = {
    TEMPLATE_PARSE: 'parse',
    TEMPLATE_EXECUTE: 'execute',
    TEMPLATE_REMOVED_FIELD: 'removedField',
    TEMPLATE_UNSUPPORTED: 'unsupported',
};
/** The commit message template cannot be rendered; about the message template the request gave. */
class TemplateError extends errors/* BaseError */.Cf {
    constructor(code, message) {
        super(code, message, { field: 'message-template' });
        this.name = 'TemplateError';
    }
    get reason() {
        return reasons[this.code];
    }
}
/**
 * IAC `templateMsg`: renders `template` (or the default message when it is empty) on the data. Errors carry
 * the controller's texts, including the removed-field messages for `.Updated` and `.Changed.ImageResult`.
 */
function renderCommitMessage(template, data) {
    const text = template === '' ? defaultCommitTemplate : template;
    const tmpl = new Template(templateName, sprigHermeticFunctions);
    try {
        tmpl.parse(text);
    }
    catch (error) {
        if (error instanceof GoTemplateError && error.code === 'PARSE')
            throw new TemplateError('TEMPLATE_PARSE', `unable to create commit message template from spec: ${error.message}`);
        throw translateUnsupported(error, text);
    }
    try {
        return tmpl.execute(templateDataValue(data));
    }
    catch (error) {
        if (error instanceof GoTemplateError && error.code === 'EXEC') {
            for (const [field, missing, replacement] of removedTemplateFields) {
                if (error.missingField?.field === missing.field && error.missingField.type === missing.type) {
                    throw new TemplateError('TEMPLATE_REMOVED_FIELD', `template uses removed '${field}' field. Please use ${replacement} instead. See: https://fluxcd.io/flux/components/image/imageupdateautomations/#message-template`);
                }
            }
            throw new TemplateError('TEMPLATE_EXECUTE', `failed to run template from spec: ${error.message}`);
        }
        throw translateUnsupported(error, text);
    }
}
/** IAC `checkRemovedTemplateField`: the Go error text each removed field produces, and what replaces it. */
// Flux matches "can't evaluate field Updated in type source.TemplateData" (and ImageResult in update.Result) in
// the error text; the port's error names the field and type instead.
const removedTemplateFields = [
    ['.Updated', { field: 'Updated', type: 'source.TemplateData' }, "'.Changed'"],
    ['.Changed.ImageResult', { field: 'ImageResult', type: 'update.Result' }, "'.Changed.FileChanges' or '.Changed.Objects'"],
];
/** A construct the Go port refuses, as the commit-message error saying where and why. */
function translateUnsupported(error, text) {
    if (!(error instanceof GoTemplateError) || error.code !== 'UNSUPPORTED')
        return error;
    const where = error.pos === undefined ? '' : ` (line ${lineAt(text, error.pos)})`;
    return new TemplateError('TEMPLATE_UNSUPPORTED', `unsupported commit message template: ${error.message}${where}; d2ci renders a subset of Go text/template and refuses what it cannot render exactly as Flux does`);
}
function lineAt(text, pos) {
    let line = 1;
    for (let i = 0; i < pos && i < text.length; i++)
        if (text.charCodeAt(i) === 0x0a)
            line++;
    return line;
}


/***/ }),

/***/ 8036:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cg: () => (/* binding */ openCommit),
/* harmony export */   DH: () => (/* binding */ openBranch),
/* harmony export */   TV: () => (/* binding */ pushBranch),
/* harmony export */   XS: () => (/* binding */ GitError),
/* harmony export */   df: () => (/* binding */ commitMessage),
/* harmony export */   fi: () => (/* binding */ commitAll),
/* harmony export */   om: () => (/* binding */ remoteBranchCommit)
/* harmony export */ });
/* unused harmony export diffWorktree */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5736);





class GitError extends _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .BaseError */ .Cf {
    stderr;
    constructor(code, message, stderr = '') {
        super(code, message);
        this.name = 'GitError';
        this.stderr = stderr;
    }
}
const permissionDenied = /\b403\b|denied|not allowed|permission/i;
function run(args, cwd, env = {}) {
    return new Promise((resolve, reject) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('git', args, { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
            if (err) {
                const command = args.filter((a) => !/extraheader=AUTHORIZATION/i.test(a)).join(' ');
                // The remote's own words (`remote: Permission to … denied`) say more than git's summary after them.
                const lines = stderr.trim().split('\n');
                const remote = lines.filter((l) => l.startsWith('remote:') && l.replace('remote:', '').trim());
                const shown = [...remote, ...lines.filter((l) => !l.startsWith('remote:')).slice(-2)];
                const code = permissionDenied.test(stderr) ? 'GIT_PERMISSION_DENIED' : 'GIT_FAILED';
                reject(new GitError(code, `git ${command.replace(/^(-c \S+ )+/, '')} failed: ${shown.join(' ') || err.message}`, stderr));
            }
            else {
                resolve(stdout);
            }
        });
    });
}
/**
 * `-c` options that authenticate HTTPS fetches and pushes to the remote's host only. The empty value first resets
 * any header a checkout step persisted, so exactly one Authorization header goes out.
 */
async function authConfig(options) {
    if (!options.auth?.token)
        return [];
    const url = (await run(['remote', 'get-url', 'origin'], options.repo)).trim();
    if (!/^https?:\/\//.test(url))
        return [];
    const origin = new URL(url).origin;
    const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${options.auth.token}`).toString('base64')}`;
    options.auth.onSecret?.(header.slice('AUTHORIZATION: basic '.length));
    return ['-c', `http.${origin}/.extraheader=`, '-c', `http.${origin}/.extraheader=${header}`];
}
/**
 * `--depth=1` for a shallow checkout (actions/checkout's default): a commit on top of a branch needs only its tip,
 * and a full fetch of a long history would take minutes. A full checkout stays full.
 */
async function shallowDepth(repo) {
    return (await run(['rev-parse', '--is-shallow-repository'], repo)).trim() === 'true' ? ['--depth=1'] : [];
}
/**
 * A separate worktree for `branch`, so the job's checkout is left alone. `stack` (Flux's behaviour) starts from
 * the remote branch when it exists, so new commits go on top of an open pull request; `reset` always starts from
 * `base`.
 */
async function openBranch(options) {
    const auth = await authConfig(options);
    const depth = await shallowDepth(options.repo);
    await run([...auth, 'fetch', '--no-tags', '--quiet', ...depth, 'origin', `+refs/heads/${options.base}:refs/remotes/origin/${options.base}`], options.repo);
    let existing = false;
    if (options.mode === 'stack') {
        try {
            await run([
                ...auth,
                'fetch',
                '--no-tags',
                '--quiet',
                ...depth,
                'origin',
                `+refs/heads/${options.branch}:refs/remotes/origin/${options.branch}`,
            ], options.repo);
            existing = true;
        }
        catch (err) {
            if (!/couldn't find remote ref|not found/i.test(err.stderr))
                throw err;
        }
    }
    const start = existing ? `refs/remotes/origin/${options.branch}` : `refs/remotes/origin/${options.base}`;
    const commit = (await run(['rev-parse', start], options.repo)).trim();
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'd2ci-image-update-'));
    await run(['worktree', 'add', '--quiet', '--force', '-B', options.branch, dir, commit], options.repo);
    return {
        dir,
        branch: options.branch,
        startedFrom: { commit, existing },
        remove: async () => {
            await run(['worktree', 'remove', '--force', dir], options.repo).catch(() => undefined);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
        },
    };
}
/** Commits every change in the worktree as `author` (also the committer, as Flux does); undefined when nothing changed. */
async function commitAll(dir, message, author) {
    await run(['add', '--all'], dir);
    const staged = (await run(['diff', '--cached', '--name-only'], dir)).trim();
    if (!staged)
        return undefined;
    const env = {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: author.name,
        GIT_COMMITTER_EMAIL: author.email,
    };
    // --cleanup=verbatim: the template's blank lines and indentation are the message (git would strip comments and trailing blank lines).
    await run(['-c', 'commit.gpgsign=false', 'commit', '--quiet', '--no-verify', '--cleanup=verbatim', '-m', message], dir, env);
    return (await run(['rev-parse', 'HEAD'], dir)).trim();
}
/** Force-pushes the worktree's branch (Flux force-pushes its push branch too). */
async function pushBranch(options) {
    const auth = await authConfig(options);
    await run([...auth, 'push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${options.branch}`], options.dir);
}
/** `git diff` of the uncommitted changes in a worktree (for dry runs). */
async function diffWorktree(dir) {
    return run(['diff', '--no-color'], dir);
}
/** The commit a remote branch points at, or undefined when it does not exist. */
async function remoteBranchCommit(options) {
    const auth = await authConfig(options);
    const line = (await run([...auth, 'ls-remote', 'origin', `refs/heads/${options.branch}`], options.repo)).trim();
    return line ? line.split(/\s+/)[0] : undefined;
}
/** A detached worktree at a commit or branch of the remote, for reading (and diffing against). */
async function openCommit(options) {
    const auth = await authConfig(options);
    const fetched = options.branch ? `+refs/heads/${options.branch}:refs/remotes/origin/${options.branch}` : options.ref;
    await run([...auth, 'fetch', '--no-tags', '--quiet', ...(await shallowDepth(options.repo)), 'origin', fetched], options.repo);
    const commit = options.branch ? `refs/remotes/origin/${options.branch}` : 'FETCH_HEAD';
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'd2ci-image-update-'));
    await run(['worktree', 'add', '--quiet', '--force', '--detach', dir, commit], options.repo);
    return {
        dir,
        remove: async () => {
            await run(['worktree', 'remove', '--force', dir], options.repo).catch(() => undefined);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
        },
    };
}
/** The full message of a branch's commit on the remote. */
async function commitMessage(options) {
    const auth = await authConfig(options);
    await run([...auth, 'fetch', '--no-tags', '--quiet', 'origin', `+refs/heads/${options.branch}:refs/remotes/origin/${options.branch}`], options.repo);
    return run(['log', '-1', '--format=%B', options.commit], options.repo);
}


/***/ }),

/***/ 5270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _f: () => (/* binding */ findPullRequest),
/* harmony export */   x5: () => (/* binding */ openOrUpdatePullRequest)
/* harmony export */ });
/* unused harmony export PullRequestError */
/* harmony import */ var _rest_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7869);
// Opening or updating the image-update pull request through GitHub's REST API (@actions/github's Octokit, loaded
// only when a pull request is needed).

class PullRequestError extends _rest_error_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubError */ .y_ {
    constructor(code, message, status) {
        super(code, message, status);
        this.name = 'PullRequestError';
    }
}
/** GitHub's refusal, and the fix a workflow author needs. */
function explain(err, doing) {
    return (0,_rest_error_js__WEBPACK_IMPORTED_MODULE_0__/* .explainRestFailure */ .y4)(PullRequestError, err, doing, 'errors', ({ status, message }) => {
        if (/not permitted to create or approve pull requests/i.test(message))
            return {
                code: 'PULL_REQUESTS_NOT_ALLOWED',
                fix: 'allow it in the repository (or organization) settings: Actions → General → "Allow GitHub Actions to create and approve pull requests", or pass a GitHub App token as `github-token`',
            };
        if (status === 403 || status === 404)
            return {
                code: 'PERMISSION_MISSING',
                fix: 'add `permissions: pull-requests: write` to the job (and check that `github-token` can reach this repository)',
            };
        if (status === 401)
            return { code: 'TOKEN_INVALID', fix: '`github-token` is not valid' };
        return { code: 'REQUEST_FAILED' };
    });
}
async function client(options) {
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(31), __webpack_require__.e(547), __webpack_require__.e(642), __webpack_require__.e(803)]).then(__webpack_require__.bind(__webpack_require__, 8803));
    return getOctokit(options.token, options.apiUrl ? { baseUrl: options.apiUrl } : {});
}
function split(repository) {
    const [owner = '', repo = ''] = repository.split('/');
    return { owner, repo };
}
/** The open pull request from `head` into `base`, if any. */
async function findPullRequest(options) {
    const octokit = await client({ ...options, title: '', body: '' });
    const { owner, repo } = split(options.repository);
    try {
        const { data } = await octokit.rest.pulls.list({
            owner,
            repo,
            state: 'open',
            head: `${owner}:${options.head}`,
            base: options.base,
            per_page: 1,
        });
        const found = data[0];
        return found ? { number: found.number, url: found.html_url } : undefined;
    }
    catch (err) {
        throw explain(err, `listing pull requests of ${options.repository}`);
    }
}
/**
 * Opens the pull request from `head` into `base`, or, when one is open, updates its title and body (the branch
 * already carries the new commit). Labels are added either way.
 */
async function openOrUpdatePullRequest(options) {
    const octokit = await client(options);
    const { owner, repo } = split(options.repository);
    const existing = await findPullRequest(options);
    let result;
    if (existing) {
        try {
            await octokit.rest.pulls.update({ owner, repo, pull_number: existing.number, title: options.title, body: options.body });
        }
        catch (err) {
            throw explain(err, `updating pull request #${existing.number}`);
        }
        result = { ...existing, created: false };
    }
    else {
        try {
            const { data } = await octokit.rest.pulls.create({
                owner,
                repo,
                head: options.head,
                base: options.base,
                title: options.title,
                body: options.body,
            });
            result = { number: data.number, url: data.html_url, created: true };
        }
        catch (err) {
            throw explain(err, `opening a pull request from ${options.head} into ${options.base}`);
        }
    }
    if (options.labels?.length) {
        try {
            await octokit.rest.issues.addLabels({ owner, repo, issue_number: result.number, labels: [...options.labels] });
        }
        catch (err) {
            throw explain(err, `labelling pull request #${result.number}`);
        }
    }
    return result;
}


/***/ }),

/***/ 7869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rR: () => (/* binding */ restStatus),
/* harmony export */   y4: () => (/* binding */ explainRestFailure),
/* harmony export */   y_: () => (/* binding */ GitHubError)
/* harmony export */ });
/* unused harmony export restFailure */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5736);
// GitHub REST failures, explained once for pull requests, API commits and App tokens: what GitHub answered (an
// Octokit RequestError's `status` and `response.data`, @octokit/request-error), and the fix a workflow author
// needs, on one line.

/** A GitHub REST failure (or a request refused before it was sent), with GitHub's HTTP status when there was one. */
class GitHubError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BaseError */ .Cf {
    status;
    constructor(code, message, status) {
        super(code, message);
        this.name = 'GitHubError';
        this.status = status;
    }
}
/** The HTTP status of a REST failure, if it has one. */
function restStatus(err) {
    return err.status;
}
/** Reads a REST failure: the status, and GitHub's words as `detail` chooses. */
function restFailure(err, detail) {
    const data = err.response?.data;
    const clientMessage = err.message || String(err);
    let message;
    if (detail === 'errors') {
        // GitHub's answer lists what failed in errors[].message (REST data, not an error of ours).
        const listed = data?.errors?.map((e) => e.message).join('; ');
        message = (listed || clientMessage).replace(/\s+/g, ' ');
    }
    else {
        const said = data?.message || clientMessage;
        const errors = detail === 'message-and-errors'
            ? data?.errors
                ?.map((e) => (typeof e === 'string' ? e : e.message))
                .filter(Boolean)
                .join('; ')
            : undefined;
        message = [said, errors].filter(Boolean).join(': ').replace(/\s+/g, ' ').trim();
    }
    return { status: restStatus(err), message };
}
/**
 * The one explainer of REST failures: `<doing> failed (HTTP <status>): <GitHub's words>[; <fix>]`, as an error of
 * the caller's type, with the code and fix `explain` picks for the failure.
 */
function explainRestFailure(ErrorType, err, doing, detail, explain) {
    const failure = restFailure(err, detail);
    const explanation = explain(failure);
    const fix = explanation.fix === undefined ? '' : `; ${explanation.fix}`;
    return new ErrorType(explanation.code, `${doing} failed (HTTP ${failure.status ?? '?'}): ${explanation.detail ?? failure.message}${fix}`, failure.status);
}


/***/ }),

/***/ 5124:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mH: () => (/* binding */ deleteKindCluster),
/* harmony export */   oN: () => (/* binding */ runKindImageUpdate)
/* harmony export */ });
/* unused harmony exports KindEngineError, toolSources, installTools */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3483);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5736);
/* harmony import */ var _oci_order_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8085);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(8936);
/* harmony import */ var _objects_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1596);
/* harmony import */ var _commit_message_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(9952);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8036);
/* harmony import */ var _github_pullrequest_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(5270);
/* harmony import */ var _update_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(595);
// The `kind` engine: Flux's own image-reflector and image-automation controllers in a throwaway Kind cluster, as
// the D2 reference architecture runs them (d2-fleet clusters/update), driven from one step with the job's token.















// Pinned releases and their SHA-256, as published by each project and recorded by cashapp/hermit-packages
// (kind.hcl, kubectl.hcl, flux.hcl), which computes them from the downloads; kind's also matches its
// .sha256sum. The `tool-sources` input overrides them (mirrors, other versions).
const pinned = {
    x64: {
        kind: {
            version: '0.32.0',
            url: 'https://github.com/kubernetes-sigs/kind/releases/download/v0.32.0/kind-linux-amd64',
            sha256: '50030de23cf40a18505f20426f6a8506bedf13c6e509244bd1fa9463721b0f54',
        },
        kubectl: {
            version: '1.35.2',
            url: 'https://dl.k8s.io/release/v1.35.2/bin/linux/amd64/kubectl',
            sha256: '924eb50779153f20cb668117d141440b95df2f325a64452d78dff9469145e277',
        },
        flux: {
            version: '2.9.4',
            url: 'https://github.com/fluxcd/flux2/releases/download/v2.9.4/flux_2.9.4_linux_amd64.tar.gz',
            sha256: 'c2c397a52930f52d2005c01d276116b059d062de379386d58e98115380a766a2',
        },
    },
    arm64: {
        kind: {
            version: '0.32.0',
            url: 'https://github.com/kubernetes-sigs/kind/releases/download/v0.32.0/kind-linux-arm64',
            sha256: 'b92cd615e97585de8ddade28ed5cd7feb4248d717c233eea5b03c37298900f5d',
        },
        kubectl: {
            version: '1.35.2',
            url: 'https://dl.k8s.io/release/v1.35.2/bin/linux/arm64/kubectl',
            sha256: 'cd859449f54ad2cb05b491c490c13bb836cdd0886ae013c0aed3dd67ff747467',
        },
        flux: {
            version: '2.9.4',
            url: 'https://github.com/fluxcd/flux2/releases/download/v2.9.4/flux_2.9.4_linux_arm64.tar.gz',
            sha256: 'dcab945f8d8658662fa1db93e150a602ba1f91da367a82e099bd65595fc7c62c',
        },
    },
};
class KindEngineError extends _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .BaseError */ .Cf {
    constructor(code, message) {
        super(code, message, code === 'TOOL_CHECKSUM' ? { field: 'tool-sources' } : {});
        this.name = 'KindEngineError';
    }
}
/** The pinned tools for this machine, with any overrides. */
function toolSources(overrides = {}, platform = process.platform, arch = process.arch) {
    const base = platform === 'linux' ? pinned[arch] : undefined;
    const tools = { ...base, ...overrides };
    for (const name of ['kind', 'kubectl', 'flux']) {
        if (!tools[name])
            throw new KindEngineError('TOOL_UNAVAILABLE', `no pinned ${name} for ${platform}/${arch}; engine: kind runs on Linux runners (x64, arm64), or give tool-sources`);
    }
    return tools;
}
async function sha256(file) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256');
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.createReadStream)(file))
        hash.update(chunk);
    return hash.digest('hex');
}
/**
 * Downloads each tool once per runner (the tool cache keeps it across steps on the runner), verifies its SHA-256
 * before anything runs it, and returns the directories to put on PATH.
 */
async function installTools(sources, log = () => undefined) {
    const tc = await Promise.all(/* import() */[__webpack_require__.e(31), __webpack_require__.e(717)]).then(__webpack_require__.bind(__webpack_require__, 5717));
    const dirs = [];
    for (const name of ['kind', 'kubectl', 'flux']) {
        const source = sources[name];
        let dir = tc.find(name, source.version);
        if (!dir || !(0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(dir, name))) {
            log(`downloading ${name} ${source.version} from ${source.url}`);
            const file = await tc.downloadTool(source.url);
            const actual = await sha256(file);
            if (actual !== source.sha256) {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rm)(file, { force: true });
                throw new KindEngineError('TOOL_CHECKSUM', `${name} ${source.version} from ${source.url} has SHA-256 ${actual}, expected ${source.sha256}; refusing to run it`);
            }
            if (source.url.endsWith('.tar.gz') || source.url.endsWith('.tgz')) {
                const extracted = await tc.extractTar(file);
                if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(extracted, name)))
                    throw new KindEngineError('TOOL_ARCHIVE', `${source.url} has no ${name} binary at its root`);
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.chmod)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(extracted, name), 0o755);
                dir = await tc.cacheDir(extracted, name, source.version);
            }
            else {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.chmod)(file, 0o755);
                dir = await tc.cacheFile(file, name, name, source.version);
            }
        }
        dirs.push(dir);
    }
    return dirs;
}
function exec(runner, command, args, input) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, { env: runner.env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout?.on('data', (c) => out.push(c));
        child.stderr?.on('data', (c) => err.push(c));
        child.on('error', (e) => reject(new KindEngineError('COMMAND_FAILED', `${command}: ${e.message}`)));
        child.on('close', (code) => {
            const stderr = Buffer.concat(err).toString('utf8').trim();
            if (code === 0)
                resolve(Buffer.concat(out).toString('utf8'));
            else
                reject(new KindEngineError('COMMAND_FAILED', `${command} ${args.slice(0, 3).join(' ')} failed (exit ${code}): ${stderr.split('\n').slice(-3).join(' ')}`));
        });
        // A command that exits before reading its input gives EPIPE here; its exit status tells what happened.
        child.stdin?.on('error', () => undefined);
        child.stdin?.end(input);
    });
}
const apply = (runner, objects) => exec(runner, 'kubectl', ['apply', '-f', '-'], objects.map((o) => (0,yaml__WEBPACK_IMPORTED_MODULE_6__/* .stringify */ .As)(o)).join('---\n'));
/** The ImageRepository and ImagePolicy documents under `dir`, moved into `namespace` (the Kustomization's targetNamespace). */
async function policyDocuments(dir, namespace) {
    const entries = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readdir)(dir, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
        .map((e) => (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(e.parentPath, e.name))
        .sort(_oci_order_js__WEBPACK_IMPORTED_MODULE_8__/* .compareBytes */ .X);
    const out = [];
    for (const file of entries) {
        for (const doc of (0,yaml__WEBPACK_IMPORTED_MODULE_6__/* .parseAllDocuments */ .hR)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readFile)(file, 'utf8'))) {
            const object = doc.toJS();
            if (!object || (object.kind !== 'ImageRepository' && object.kind !== 'ImagePolicy'))
                continue;
            out.push({ ...object, metadata: { ...object.metadata, namespace } });
        }
    }
    return out;
}
/**
 * Runs one image update with Flux's controllers: a Kind cluster with source, kustomize, image-reflector and
 * image-automation controllers; a GitRepository for this repository with the job's token; the repository's
 * policies; an ImageUpdateAutomation (Setters, the update path, the push branch, the message template). It waits
 * for the automation to report, then reads what it pushed and opens or updates the pull request. The cluster is
 * the caller's to delete (`deleteKindCluster`, from a post step).
 */
async function runKindImageUpdate(options) {
    const log = options.log ?? (() => undefined);
    const bins = await installTools(toolSources(options.tools), log);
    const work = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_4__.tmpdir)(), 'd2ci-kind-'));
    const runner = {
        env: { ...process.env, PATH: [...bins, process.env.PATH ?? ''].join(node_path__WEBPACK_IMPORTED_MODULE_5__.delimiter), KUBECONFIG: (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(work, 'kubeconfig') },
        log,
    };
    const auth = { token: options.token, onSecret: options.onSecret };
    const ns = options.namespace;
    const name = ns;
    const timeout = options.timeout ?? '5m';
    const before = await (0,_git_js__WEBPACK_IMPORTED_MODULE_9__/* .remoteBranchCommit */ .om)({ repo: options.repo, auth, branch: options.branch });
    const objects = await (0,_objects_js__WEBPACK_IMPORTED_MODULE_10__/* .loadAutomationObjects */ .K)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(options.repo, options.policiesPath), { namespace: ns });
    try {
        log(`creating Kind cluster ${options.clusterName}`);
        await exec(runner, 'kind', [
            'create',
            'cluster',
            '--name',
            options.clusterName,
            '--kubeconfig',
            (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(work, 'kubeconfig'),
            '--wait',
            '120s',
        ]);
        options.onCluster?.(options.clusterName, bins.join(node_path__WEBPACK_IMPORTED_MODULE_5__.delimiter));
        log('installing Flux: source, kustomize, image-reflector and image-automation controllers');
        await exec(runner, 'flux', [
            'install',
            '--components=source-controller,kustomize-controller',
            '--components-extra=image-reflector-controller,image-automation-controller',
            '--network-policy=false',
        ]);
        // Secrets go through stdin, never through arguments (visible to every process on the runner).
        const secrets = [
            {
                apiVersion: 'v1',
                kind: 'Secret',
                metadata: { name: 'github-auth', namespace: ns },
                stringData: { username: 'x-access-token', password: options.token },
            },
        ];
        for (const repository of objects.repositories) {
            if (!repository.secretRef || !options.credentials)
                continue;
            const registry = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_11__/* .parseReference */ .F2)(repository.image).registry;
            const credential = await options.credentials(registry);
            if (!credential)
                continue;
            const auths = { [registry]: { auth: Buffer.from(`${credential.username}:${credential.password}`).toString('base64') } };
            secrets.push({
                apiVersion: 'v1',
                kind: 'Secret',
                type: 'kubernetes.io/dockerconfigjson',
                metadata: { name: repository.secretRef, namespace: ns },
                stringData: { '.dockerconfigjson': JSON.stringify({ auths }) },
            });
        }
        await apply(runner, [...(ns === 'flux-system' ? [] : [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }]), ...secrets]);
        await apply(runner, [
            {
                apiVersion: 'source.toolkit.fluxcd.io/v1',
                kind: 'GitRepository',
                metadata: { name, namespace: ns },
                spec: {
                    interval: '1m',
                    url: `${options.serverUrl}/${options.repository}.git`,
                    ref: { branch: options.base },
                    secretRef: { name: 'github-auth' },
                },
            },
            ...(await policyDocuments((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(options.repo, options.policiesPath), ns)),
            {
                apiVersion: 'image.toolkit.fluxcd.io/v1',
                kind: 'ImageUpdateAutomation',
                metadata: { name, namespace: ns },
                spec: {
                    interval: '1m',
                    sourceRef: { kind: 'GitRepository', name },
                    git: {
                        checkout: { ref: { branch: options.base } },
                        commit: {
                            author: options.author,
                            messageTemplate: options.messageTemplate || _commit_message_js__WEBPACK_IMPORTED_MODULE_12__/* .defaultCommitTemplate */ .NM,
                            ...(options.messageValues ? { messageTemplateValues: options.messageValues } : {}),
                        },
                        push: { branch: options.branch },
                    },
                    update: { path: options.updatePath, strategy: 'Setters' },
                },
            },
        ]);
        log('waiting for the policies and the automation');
        await exec(runner, 'kubectl', ['-n', ns, 'wait', 'imagepolicies', '--all', '--for=condition=Ready', `--timeout=${timeout}`]);
        await exec(runner, 'kubectl', ['-n', ns, 'wait', `imageupdateautomation/${name}`, '--for=condition=Ready', `--timeout=${timeout}`]);
        const statuses = JSON.parse(await exec(runner, 'kubectl', ['-n', ns, 'get', 'imagepolicies', '-o', 'json']));
        const latest = new Map(statuses.items.flatMap((i) => (i.status?.latestRef ? [[i.metadata.name, i.status.latestRef]] : [])));
        const policies = objects.policies.map((policy) => {
            const ref = latest.get(policy.name);
            const repository = objects.repositories.find((r) => r.name === policy.imageRepositoryRef.name);
            return ref && repository
                ? { policy, repository, ok: true, latestRef: ref, tags: 0 }
                : { policy, ok: false, kind: 'registry', error: 'the controller reported no latest image' };
        });
        const after = await (0,_git_js__WEBPACK_IMPORTED_MODULE_9__/* .remoteBranchCommit */ .om)({ repo: options.repo, auth, branch: options.branch });
        const updated = Boolean(after && after !== before);
        // What the controller changed: the same setters over what it started from (the branch before, else the base).
        const setterPolicies = policies.flatMap((p) => p.ok ? [{ namespace: p.policy.namespace, name: p.policy.name, latestRef: p.latestRef }] : []);
        const start = await (0,_update_js__WEBPACK_IMPORTED_MODULE_13__/* .changesAt */ .vm)({
            repo: options.repo,
            auth,
            ref: before ?? options.base,
            branch: before ? undefined : options.base,
            updatePath: options.updatePath,
            policies: setterPolicies,
        });
        const report = {
            policies,
            result: start.result,
            changes: start.changes,
            files: start.files,
            unresolved: [],
            problems: objects.problems,
            updated,
            diff: '',
        };
        if (updated && after) {
            report.commit = after;
            // git log adds a newline after the message; the controller's template output is the message.
            report.message = (await (0,_git_js__WEBPACK_IMPORTED_MODULE_9__/* .commitMessage */ .df)({ repo: options.repo, auth, branch: options.branch, commit: after })).replace(/\n$/, '');
        }
        const pr = options.pullRequest;
        if (pr) {
            const target = {
                token: options.token,
                repository: options.repository,
                apiUrl: pr.apiUrl,
                head: options.branch,
                base: options.base,
                labels: pr.labels,
            };
            const open = (changes, text) => (0,_github_pullrequest_js__WEBPACK_IMPORTED_MODULE_14__/* .openOrUpdatePullRequest */ .x5)({ ...target, title: text.split('\n')[0] || _commit_message_js__WEBPACK_IMPORTED_MODULE_12__/* .defaultCommitTemplate */ .NM, body: pr.body(changes, text) });
            report.pullRequest = updated ? await open(report.changes, report.message ?? '') : await (0,_github_pullrequest_js__WEBPACK_IMPORTED_MODULE_14__/* .findPullRequest */ ._f)(target);
            // The branch carries updates from an earlier run whose pull request was not opened: open it now.
            if (!report.pullRequest && before) {
                const pending = await (0,_update_js__WEBPACK_IMPORTED_MODULE_13__/* .changesAt */ .vm)({
                    repo: options.repo,
                    auth,
                    ref: options.base,
                    branch: options.base,
                    updatePath: options.updatePath,
                    policies: setterPolicies,
                });
                if (pending.changes.length)
                    report.pullRequest = await open(pending.changes, (0,_commit_message_js__WEBPACK_IMPORTED_MODULE_12__/* .renderCommitMessage */ .jq)(options.messageTemplate || _commit_message_js__WEBPACK_IMPORTED_MODULE_12__/* .defaultCommitTemplate */ .NM, {
                        automation: { namespace: ns, name },
                        result: pending.result,
                        values: options.messageValues,
                    }));
            }
        }
        return report;
    }
    catch (err) {
        await diagnostics(runner, ns, options.onDiagnostics);
        throw err;
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rm)(work, { recursive: true, force: true });
    }
}
/** Controller logs and object status, for a failed run's log. */
async function diagnostics(runner, namespace, report) {
    if (!report)
        return;
    const show = async (title, args) => {
        report(title, await exec(runner, 'kubectl', args).catch((err) => err.message));
    };
    await show('Flux objects', ['get', 'gitrepositories,imagerepositories,imagepolicies,imageupdateautomations', '-A', '-o', 'wide']);
    await show(`Events in ${namespace}`, ['-n', namespace, 'get', 'events', '--sort-by=.lastTimestamp']);
    for (const controller of ['source-controller', 'image-reflector-controller', 'image-automation-controller']) {
        await show(`${controller} logs`, ['-n', 'flux-system', 'logs', `deploy/${controller}`, '--tail=200']);
    }
}
/** Deletes a Kind cluster (the post step's work); `path` puts the installed `kind` on PATH. */
async function deleteKindCluster(name, path = '') {
    await new Promise((resolve, reject) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('kind', ['delete', 'cluster', '--name', name], { env: { ...process.env, PATH: [path, process.env.PATH ?? ''].filter(Boolean).join(node_path__WEBPACK_IMPORTED_MODULE_5__.delimiter) } }, (err, _stdout, stderr) => {
            if (err)
                reject(new KindEngineError('CLUSTER_DELETE_FAILED', `kind delete cluster --name ${name} failed: ${stderr.trim() || err.message}`));
            else
                resolve();
        });
    });
}


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ loadAutomationObjects)
/* harmony export */ });
/* unused harmony export ObjectsError */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3483);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5736);
/* harmony import */ var _oci_order_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8085);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4252);






/** The policies directory cannot be read. */
class ObjectsError extends _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .BaseError */ .Cf {
    constructor(message) {
        super('POLICIES_UNREADABLE', message, { field: 'policies-path' });
        this.name = 'ObjectsError';
    }
}
const apiVersions = new Set(['image.toolkit.fluxcd.io/v1', 'image.toolkit.fluxcd.io/v1beta2']);
async function yamlFiles(dir) {
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, { recursive: true, withFileTypes: true });
    return entries
        .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
        .map((e) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(e.parentPath, e.name))
        .sort(_oci_order_js__WEBPACK_IMPORTED_MODULE_4__/* .compareBytes */ .X);
}
const record = (value) => (value && typeof value === 'object' && !Array.isArray(value) ? value : {});
const text = (value) => (typeof value === 'string' ? value : undefined);
/**
 * Reads the `ImageRepository` and `ImagePolicy` objects under `dir` (every `*.yaml`/`*.yml`, all documents; other
 * kinds such as a kustomization.yaml are ignored). `namespace` plays the part of the applying Kustomization's
 * `targetNamespace`: when given it replaces every object's namespace; otherwise an object keeps its own, or
 * `flux-system`.
 */
async function loadAutomationObjects(dir, options = {}) {
    let files;
    try {
        files = await yamlFiles(dir);
    }
    catch (err) {
        throw new ObjectsError(`cannot read ${dir}: ${err.code === 'ENOENT' ? 'no such directory' : err.message}`);
    }
    const out = { repositories: [], policies: [], problems: [] };
    for (const path of files) {
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(dir, path).split('\\').join('/');
        const docs = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseAllDocuments */ .hR)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8'));
        for (const doc of Array.isArray(docs) ? docs : [docs]) {
            if (doc.errors.length) {
                out.problems.push({ file, message: `not valid YAML: ${doc.errors[0] ? (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLineMessage */ .Wg)(doc.errors[0], { firstLine: true }) : ''}` });
                continue;
            }
            const object = record(doc.toJS());
            const kind = text(object.kind);
            if (kind !== 'ImageRepository' && kind !== 'ImagePolicy')
                continue;
            const apiVersion = text(object.apiVersion) ?? '';
            const metadata = record(object.metadata);
            const name = text(metadata.name);
            const where = `${kind} ${name ?? '(no name)'} in ${file}`;
            if (!apiVersions.has(apiVersion)) {
                out.problems.push({ file, message: `${where}: apiVersion "${apiVersion}" is not image.toolkit.fluxcd.io/v1` });
                continue;
            }
            if (!name) {
                out.problems.push({ file, message: `${where}: metadata.name is missing` });
                continue;
            }
            const namespace = options.namespace || text(metadata.namespace) || 'flux-system';
            const spec = record(object.spec);
            if (kind === 'ImageRepository') {
                const image = text(spec.image);
                if (!image) {
                    out.problems.push({ file, message: `${where}: spec.image is missing` });
                    continue;
                }
                const exclusion = spec.exclusionList;
                out.repositories.push({
                    namespace,
                    name,
                    image,
                    exclusionList: Array.isArray(exclusion) ? exclusion.map(String) : [..._policy_js__WEBPACK_IMPORTED_MODULE_5__/* .defaultExclusionList */ .e$],
                    provider: text(spec.provider) ?? 'generic',
                    insecure: spec.insecure === true,
                    ...(text(record(spec.secretRef).name) ? { secretRef: text(record(spec.secretRef).name) } : {}),
                    file,
                });
            }
            else {
                const ref = record(spec.imageRepositoryRef);
                const refName = text(ref.name);
                if (!refName) {
                    out.problems.push({ file, message: `${where}: spec.imageRepositoryRef.name is missing` });
                    continue;
                }
                const reflection = text(spec.digestReflectionPolicy) ?? 'Never';
                if (reflection !== 'Never' && reflection !== 'IfNotPresent' && reflection !== 'Always') {
                    out.problems.push({
                        file,
                        message: `${where}: spec.digestReflectionPolicy "${reflection}" is not Never, IfNotPresent or Always`,
                    });
                    continue;
                }
                const filter = spec.filterTags === undefined ? undefined : record(spec.filterTags);
                out.policies.push({
                    namespace,
                    name,
                    imageRepositoryRef: { namespace: options.namespace || text(ref.namespace) || namespace, name: refName },
                    policy: record(spec.policy),
                    ...(filter
                        ? {
                            filterTags: {
                                ...(text(filter.pattern) !== undefined ? { pattern: text(filter.pattern) } : {}),
                                ...(text(filter.extract) !== undefined ? { extract: text(filter.extract) } : {}),
                            },
                        }
                        : {}),
                    digestReflectionPolicy: reflection,
                    file,
                });
            }
        }
    }
    return out;
}


/***/ }),

/***/ 4252:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pn: () => (/* binding */ PolicyError),
  Nu: () => (/* binding */ compileImagePolicy),
  e$: () => (/* binding */ defaultExclusionList),
  M8: () => (/* binding */ orderTags),
  lH: () => (/* binding */ selectTag)
});

// UNUSED EXPORTS: RegexFilter, SelectionError, composeReadyMessage, digestFetchNeeded, imageRefString, newRegexFilter, parseSemverTag, policerFromSpec, reflectionPolicy, requeueAfter, sameImageRef, updateImageRefs

// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __webpack_require__(5736);
// EXTERNAL MODULE: ../../packages/core/src/oci/order.ts
var oci_order = __webpack_require__(8085);
// EXTERNAL MODULE: ../../node_modules/re2js/build/index.js
var build = __webpack_require__(3980);
;// CONCATENATED MODULE: ../../packages/core/src/go/regexp.ts
// Go regular expressions (package regexp, RE2 syntax) wherever d2ci must read a pattern exactly as a Go consumer
// does: Flux's tag filters and exclusion lists (image-reflector-controller), and keyless identity and issuer
// patterns (Flux matchOIDCIdentity, cosign --certificate-identity-regexp; both call regexp.MatchString). Matching is
// delegated to re2js, a pure-JS port of RE2/J whose parser follows Go's regexp/syntax (same error codes and texts,
// no lookaround or backreferences, linear time). This module closes the few gaps between re2js and Go: error
// texts re2js shortens, duplicate group names (Go allows them, RE2/J does not) and Go's Regexp.Expand template rules.

/** A pattern Go's `regexp.Compile` rejects; the message is Go's `*syntax.Error` text. */
class RegexpSyntaxError extends Error {
    /** Go's `syntax.ErrorCode`, e.g. `missing closing ]`. */
    code;
    /** The offending part of the expression, as Go reports it. */
    expr;
    constructor(code, expr) {
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
class GoRegexp {
    /** The pattern as given. */
    source;
    compiled;
    /** Group names by index; index 0 (the whole match) and unnamed groups are ''. Like Go's `SubexpNames()`. */
    names;
    constructor(source, compiled, names) {
        this.source = source;
        this.compiled = compiled;
        this.names = names;
    }
    /** Compiles `pattern` with Go's syntax; throws RegexpSyntaxError with Go's message when Go would refuse it. */
    static compile(pattern) {
        try {
            const compiled = build/* RE2JS */.L3.compile(pattern);
            return new GoRegexp(pattern, compiled, groupNames(compiled, (name) => name));
        }
        catch (err) {
            if (!(err instanceof build/* RE2JSSyntaxException */.pB) || err.error !== duplicateNameCode)
                throw goSyntaxError(err, pattern, (text) => text);
        }
        // Go accepts several groups with one name; give each a unique name for re2js and keep the real ones aside.
        const renamed = renameNamedGroups(pattern);
        try {
            const compiled = build/* RE2JS */.L3.compile(renamed.pattern);
            return new GoRegexp(pattern, compiled, groupNames(compiled, renamed.original));
        }
        catch (err) {
            throw goSyntaxError(err, pattern, renamed.restore);
        }
    }
    /** Number of capturing groups (Go's `NumSubexp()`). */
    get numSubexp() {
        return this.names.length - 1;
    }
    /** Go's `SubexpNames()`: one entry per group plus the whole match at index 0, '' when unnamed. */
    subexpNames() {
        return this.names;
    }
    /** Go's `MatchString`: whether the expression matches anywhere in `text`. */
    matchString(text) {
        return this.compiled.matcher(text).find();
    }
    /**
     * Go's `FindStringSubmatchIndex`: the leftmost match as `[start0, end0, start1, end1, …]` with -1 for a group
     * that took no part, or undefined when there is no match. Indexes are UTF-16 offsets into `text` (Go's are
     * UTF-8 byte offsets); they are meant for slicing `text`, as `expandString` does.
     */
    findStringSubmatchIndex(text) {
        const matcher = this.compiled.matcher(text);
        if (!matcher.find())
            return undefined;
        const indexes = [];
        for (let group = 0; group <= this.numSubexp; group++)
            indexes.push(matcher.start(group), matcher.end(group));
        return indexes;
    }
    /**
     * Go's `ExpandString`: `template` with `$name`, `${name}`, `$1` and `${1}` replaced by the groups of `match`
     * (from findStringSubmatchIndex on `src`). A `$name` takes as many letters, digits and underscores as it can
     * (`$1x` is `${1x}`); an unknown or unmatched group expands to nothing; `$$` is `$`; a `$` not followed by a
     * name is kept as is.
     */
    expandString(template, src, match) {
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
            }
            else {
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
function compileRegexp(pattern) {
    return GoRegexp.compile(pattern);
}
function groupText(src, match, group) {
    const start = match[2 * group] ?? -1;
    const end = match[2 * group + 1] ?? -1;
    return start >= 0 && end >= 0 ? src.slice(start, end) : '';
}
/** Go's regexp `extract`: the name after a `$` (bare or in braces) and its number, or -1 when it is not one. */
function extractReference(text) {
    let body = text;
    const brace = body.startsWith('{');
    if (brace)
        body = body.slice(1);
    let end = 0;
    while (end < body.length) {
        const character = String.fromCodePoint(body.codePointAt(end) ?? 0);
        if (!nameCharacter.test(character))
            break;
        end += character.length;
    }
    if (end === 0)
        return undefined;
    const name = body.slice(0, end);
    if (brace) {
        if (body[end] !== '}')
            return undefined;
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
    if (name.startsWith('0') && name.length > 1)
        number = -1;
    return { name, number, rest: body.slice(end) };
}
function groupNames(compiled, originalName) {
    const names = new Array(compiled.groupCount() + 1).fill('');
    for (const [name, index] of Object.entries(compiled.namedGroups()))
        names[index] = originalName(name);
    return names;
}
function goSyntaxError(err, pattern, restore) {
    if (!(err instanceof build/* RE2JSSyntaxException */.pB))
        return err;
    const expr = wholeExpressionCodes.has(err.error) ? pattern : restore(err.input ?? '');
    return new RegexpSyntaxError(err.error, expr);
}
/**
 * Gives every valid named group of `pattern` a unique name, scanning it the way Go's parser does (escapes,
 * `\Q…\E` and character classes are skipped, so a `(?P<` inside them is left alone). Invalid names are kept, so
 * re2js still reports them as Go would.
 */
function renameNamedGroups(pattern) {
    let stem = 'g';
    while (pattern.includes(stem))
        stem += 'g';
    const names = [];
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
    const original = (name) => names[Number(name.slice(stem.length))] ?? name;
    return { pattern: out, original, restore: (text) => text.replace(synthetic, (name) => original(name)) };
}
/** End of a `\Q…\E` starting at `start` (Go: everything up to `\E`, or to the end, is literal). */
function quotedEnd(pattern, start) {
    const end = pattern.indexOf('\\E', start + 2);
    return end < 0 ? pattern.length : end + 2;
}
/** End (exclusive) of the character class starting at `start`, by Go's parseClass rules. */
function classEnd(pattern, start) {
    let i = start + 1;
    if (pattern[i] === '^')
        i++;
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

// EXTERNAL MODULE: ../../packages/core/src/go/strconv.ts
var strconv = __webpack_require__(5451);
// EXTERNAL MODULE: ../../packages/core/src/go/strings.ts
var strings = __webpack_require__(7164);
;// CONCATENATED MODULE: ../../packages/core/src/go/semver.ts
// Masterminds/semver v3.5.0, the version and range semantics of Flux's ImagePolicy `spec.policy.semver`: a
// transcription of version.go (with CoerceNewVersion = true) and constraints.go. Exported names say "semver" where
// a plain one would collide with release/'s npm-semver helpers.
//
// npm `semver` is deliberately not reused: its range grammar (no commas, `!=`, `=>`, `=<`; "" means `*`), its
// prerelease scoping (same major.minor.patch only), its version parsing and its JS-number identifiers all differ
// from Masterminds, and no part of it gives identical results.
//
// Go's regexp and JavaScript's RegExp both use leftmost-first (backtracking-order) matching, so the patterns are
// transcribed as written, except that Go's `\s` is `[\t\n\f\r ]` (JavaScript's `\s` also takes \v and Unicode
// spaces). Numbers are uint64 in Go, so they are bigints here.


/** An error with the message text Masterminds (or Go's strconv) would return. */
class SemverError extends errors/* BaseError */.Cf {
    constructor(code, message) {
        super(code, message);
        this.name = 'SemverError';
    }
}
// Masterminds' exported error values (version.go).
const errInvalidSemVer = 'invalid semantic version';
const errSegmentStartsZero = 'version segment starts with 0';
const errInvalidMetadata = 'invalid metadata string';
const errInvalidPrerelease = 'invalid prerelease string';
// Go regexp `\s`.
const S = '[\\t\\n\\f\\r ]';
// looseSemVerRegex: groups 1 major, 2 `.minor`, 3 `.patch`, 5 prerelease, 8 metadata.
const looseVersionRegex = new RegExp('^v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?' + '(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?' + '(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?$');
const digitsOnly = /^[0-9]*$/;
const identifierCharsOnly = /^[0-9A-Za-z-]*$/;
/** Masterminds' `strconv.ParseUint(s, 10, 64)` of a segment the regex already limited to ASCII digits. */
function parseSegment(digits) {
    try {
        return (0,strconv/* parseUint64 */.CX)(digits, 10);
    }
    catch (error) {
        if (error instanceof strconv/* NumError */.vQ)
            throw new SemverError('SEGMENT_OUT_OF_RANGE', `error parsing version segment: ${error.message}`);
        throw error;
    }
}
function validatePrerelease(prerelease) {
    for (const part of prerelease.split('.')) {
        if (part === '')
            throw new SemverError('INVALID_PRERELEASE', errInvalidPrerelease);
        if (digitsOnly.test(part)) {
            if (part.length > 1 && part.startsWith('0'))
                throw new SemverError('SEGMENT_STARTS_ZERO', errSegmentStartsZero);
        }
        else if (!identifierCharsOnly.test(part)) {
            throw new SemverError('INVALID_PRERELEASE', errInvalidPrerelease);
        }
    }
}
function validateMetadata(metadata) {
    for (const part of metadata.split('.')) {
        if (part === '' || !identifierCharsOnly.test(part))
            throw new SemverError('INVALID_METADATA', errInvalidMetadata);
    }
}
/**
 * Masterminds `NewVersion` with coercion on (the default): an optional lowercase `v`, missing minor and patch
 * read as 0, leading zeros allowed in major, minor and patch but not in numeric prerelease identifiers.
 * @throws SemverError with Masterminds' message.
 */
function newVersion(text) {
    const m = looseVersionRegex.exec(text);
    if (m === null)
        throw new SemverError('INVALID_SEMVER', errInvalidSemVer);
    const major = parseSegment(m[1] ?? '');
    const minor = m[2] ? parseSegment(m[2].slice(1)) : 0n;
    const patch = m[3] ? parseSegment(m[3].slice(1)) : 0n;
    const prerelease = m[5] ?? '';
    const metadata = m[8] ?? '';
    if (prerelease !== '')
        validatePrerelease(prerelease);
    if (metadata !== '')
        validateMetadata(metadata);
    return { original: text, major, minor, patch, prerelease, metadata };
}
/** Masterminds `Version.String()`: normalised, without the `v` prefix. */
function versionToString(v) {
    let text = `${v.major}.${v.minor}.${v.patch}`;
    if (v.prerelease !== '')
        text += `-${v.prerelease}`;
    if (v.metadata !== '')
        text += `+${v.metadata}`;
    return text;
}
function compareSegment(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** The identifier as a number when `strconv.ParseUint(s, 10, 64)` succeeds (larger ones compare as text). */
function asUint64(identifier) {
    return (0,strconv/* parsesAsUint64 */.Jz)(identifier, 10) ? BigInt(identifier) : undefined;
}
function comparePrePart(s, o) {
    if (s === o)
        return 0;
    if (s === '')
        return -1;
    if (o === '')
        return 1;
    const oNumber = asUint64(o);
    const sNumber = asUint64(s);
    if (oNumber === undefined && sNumber === undefined)
        return s > o ? 1 : -1;
    if (oNumber === undefined)
        return -1;
    if (sNumber === undefined)
        return 1;
    return sNumber > oNumber ? 1 : -1;
}
function comparePrerelease(s, o) {
    const sParts = s.split('.');
    const oParts = o.split('.');
    const length = Math.max(sParts.length, oParts.length);
    for (let i = 0; i < length; i++) {
        const d = comparePrePart(sParts[i] ?? '', oParts[i] ?? '');
        if (d !== 0)
            return d;
    }
    return 0;
}
/** Masterminds `Version.Compare`: SemVer precedence, build metadata ignored. */
function compareSemver(a, b) {
    const d = compareSegment(a.major, b.major) || compareSegment(a.minor, b.minor) || compareSegment(a.patch, b.patch);
    if (d !== 0)
        return d;
    if (a.prerelease === '' && b.prerelease === '')
        return 0;
    if (a.prerelease === '')
        return 1;
    if (b.prerelease === '')
        return -1;
    return comparePrerelease(a.prerelease, b.prerelease);
}
const operatorKinds = new Map([
    ['', 'tildeOrEqual'],
    ['=', 'tildeOrEqual'],
    ['!=', 'notEqual'],
    ['>', 'greaterThan'],
    ['<', 'lessThan'],
    ['>=', 'greaterThanEqual'],
    ['=>', 'greaterThanEqual'],
    ['<=', 'lessThanEqual'],
    ['=<', 'lessThanEqual'],
    ['~', 'tilde'],
    ['~>', 'tilde'],
    ['^', 'caret'],
]);
// cvRegex: 9 groups — 1 major, 2 `.minor`, 3 `.patch`, 4 `-prerelease`, 5 prerelease, 7 `+metadata`, 8 metadata.
// Note `[0-9|x|X|\*]` admits `|` too; such versions pass the syntax check and fail later in NewVersion.
const cv = 'v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?' +
    '(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?' +
    '(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';
// The empty alternative is intended: no operator means `=`.
const ops = '=||!=|>|<|>=|=>|<=|=<|~|~>|\\^';
const constraintRegex = new RegExp(`^${S}*(${ops})${S}*(${cv})${S}*$`);
const constraintRangeRegex = new RegExp(`${S}*(${cv})${S}+-${S}+(${cv})${S}*`, 'g');
const findConstraintRegex = new RegExp(`(${ops})${S}*(${cv})`, 'g');
// Masterminds' validConstraintRegex is
//   ^(\s*(ops)\s*(cv)\s*)((?:\s+|,\s*)(ops)\s*(cv)\s*)*$
// RE2 matches it in linear time; a backtracking engine can take exponential time to reject a long invalid range
// (whitespace can be split between `\s*` and `\s+` in many ways). This form accepts the same language with one way
// to match each character: the whitespace after a version is folded into the separator (`\s*\s+` = `\s+`,
// `\s*,\s*`), and an operator is optional instead of empty, since no operator or version starts with whitespace.
// Each run of whitespace sits in a lookahead-captured group, so it is never re-split.
const ws = (group) => `(?=(${S}*))\\${group}`;
const operatorPattern = '(?:!=|>=?|<=?|=[<>]?|~>?|\\^)';
const versionPattern = cv.replaceAll('(', '(?:');
const validConstraintRegex = new RegExp(`^${ws(1)}(?:${operatorPattern}${ws(2)})?${versionPattern}` +
    `(?:${ws(3)}(?:,${ws(4)})?(?<=[\\t\\n\\f\\r ,])(?:${operatorPattern}${ws(5)})?${versionPattern})*${ws(6)}$`);
function isX(part) {
    return part === 'x' || part === '*' || part === 'X';
}
/** Masterminds `rewriteRange`: `A - B` becomes `>= A, <= B `, replacing the first occurrence of each match. */
function rewriteRange(range) {
    let rewritten = range;
    for (const m of range.matchAll(constraintRangeRegex)) {
        const replacement = `>= ${m[1] ?? ''}, <= ${m[11] ?? ''} `;
        rewritten = rewritten.replace(m[0], () => replacement);
    }
    return rewritten;
}
function equal(a, b) {
    return compareSemver(a, b) === 0;
}
const constraintTilde = (v, c, includePre) => {
    if (v.prerelease !== '' && !includePre)
        return false;
    const con = c.version;
    if (compareSemver(v, con) < 0)
        return false;
    // ~0.0.0 (and `*`, `x`, "") matches anything.
    if (con.major === 0n && con.minor === 0n && con.patch === 0n && !c.minorDirty && !c.patchDirty)
        return true;
    if (v.major !== con.major)
        return false;
    if (v.minor !== con.minor && !c.minorDirty)
        return false;
    return true;
};
const checkFunctions = {
    notEqual(v, c, includePre) {
        if (v.prerelease !== '' && !includePre)
            return false;
        const con = c.version;
        if (c.dirty) {
            if (con.major !== v.major)
                return true;
            if (con.minor !== v.minor && !c.minorDirty)
                return true;
            else if (c.minorDirty)
                return false;
            else if (con.patch !== v.patch && !c.patchDirty)
                return true;
            else if (c.patchDirty) {
                if (v.prerelease !== '' || con.prerelease !== '')
                    return comparePrerelease(v.prerelease, con.prerelease) !== 0;
                return false;
            }
        }
        return !equal(v, con);
    },
    greaterThan(v, c, includePre) {
        if (v.prerelease !== '' && !includePre)
            return false;
        const con = c.version;
        if (!c.dirty)
            return compareSemver(v, con) === 1;
        if (v.major > con.major)
            return true;
        else if (v.major < con.major)
            return false;
        // `>11` needs major 12 or more.
        else if (c.minorDirty)
            return false;
        // `>11.1` needs minor 2 or more.
        else if (c.patchDirty)
            return v.minor > con.minor;
        return compareSemver(v, con) === 1;
    },
    lessThan(v, c, includePre) {
        if (v.prerelease !== '' && !includePre)
            return false;
        return compareSemver(v, c.version) < 0;
    },
    greaterThanEqual(v, c, includePre) {
        if (v.prerelease !== '' && !includePre)
            return false;
        return compareSemver(v, c.version) >= 0;
    },
    lessThanEqual(v, c, includePre) {
        if (v.prerelease !== '' && !includePre)
            return false;
        const con = c.version;
        if (!c.dirty)
            return compareSemver(v, con) <= 0;
        if (v.major > con.major)
            return false;
        else if (v.major === con.major && v.minor > con.minor && !c.minorDirty)
            return false;
        return true;
    },
    tilde: constraintTilde,
    tildeOrEqual(v, c, includePre) {
        if (v.prerelease !== '' && !includePre)
            return false;
        if (c.dirty)
            return constraintTilde(v, c, includePre);
        return equal(v, c.version);
    },
    caret(v, c, includePre) {
        if (v.prerelease !== '' && !includePre)
            return false;
        const con = c.version;
        if (compareSemver(v, con) < 0)
            return false;
        // ^1.2.3 is <2.0.0; `^0` and `^0.x` (minor dirty) are <1.0.0.
        if (con.major > 0n || c.minorDirty)
            return v.major === con.major;
        if (con.major === 0n && v.major > 0n)
            return false;
        // ^0.2.3 and ^0.0 (patch dirty) stay within the minor.
        if (con.minor > 0n || c.patchDirty)
            return v.minor === con.minor;
        if (con.minor === 0n && v.minor > 0n)
            return false;
        // ^0.0.3 is =0.0.3.
        return con.patch === v.patch;
    },
};
function makeComparator(operator, original, version, dirtiness) {
    const kind = operatorKinds.get(operator);
    if (kind === undefined)
        throw new SemverError('CONSTRAINT_PARSER', 'constraint parser error');
    const run = checkFunctions[kind];
    const comparator = {
        operator,
        kind,
        original,
        version,
        ...dirtiness,
        check: (v, includePrerelease) => run(v, comparator, includePrerelease),
    };
    return comparator;
}
/**
 * Internal: Masterminds' unexported `parseConstraint`, one comparator such as `>= 1.2` or `~1.x`. Exported for
 * conformance tests and inspection; ranges go through {@link newConstraint}. Unlike `newConstraint`, it accepts
 * "" (meaning `*`), as upstream's `TestConstraintCheck` rows do.
 * @throws SemverError `improper constraint: "<c>"` or `constraint parser error`.
 */
function parseComparator(text) {
    if (text.length === 0) {
        return makeComparator('', '', { original: '0.0.0', major: 0n, minor: 0n, patch: 0n, prerelease: '', metadata: '' }, {
            dirty: true,
            minorDirty: false,
            patchDirty: false,
        });
    }
    const m = constraintRegex.exec(text);
    if (m === null)
        throw new SemverError('IMPROPER_CONSTRAINT', `improper constraint: ${(0,strconv/* quote */.hD)(text)}`);
    const operator = m[1] ?? '';
    const original = m[2] ?? '';
    const major = m[3] ?? '';
    const minor = m[4] ?? '';
    const patch = m[5] ?? '';
    const prereleasePart = m[6] ?? '';
    // Wildcards and missing parts become 0; metadata is dropped from such versions.
    let versionText = original;
    let dirty = false;
    let minorDirty = false;
    let patchDirty = false;
    if (isX(major) || major === '') {
        versionText = `0.0.0${prereleasePart}`;
        dirty = true;
    }
    else if (isX(minor.slice(1)) || minor === '') {
        minorDirty = true;
        dirty = true;
        versionText = `${major}.0.0${prereleasePart}`;
    }
    else if (isX(patch.slice(1)) || patch === '') {
        dirty = true;
        patchDirty = true;
        versionText = `${major}${minor}.0${prereleasePart}`;
    }
    let version;
    try {
        version = newVersion(versionText);
    }
    catch (error) {
        if (error instanceof SemverError)
            throw new SemverError('CONSTRAINT_PARSER', 'constraint parser error');
        throw error;
    }
    return makeComparator(operator, original, version, { dirty, minorDirty, patchDirty });
}
/**
 * Masterminds `NewConstraint`: OR groups split on `||`, comparators AND-ed by whitespace or commas, hyphen ranges
 * `A - B`. An empty range is an error. Parse once and reuse: `check` is cheap.
 * @throws SemverError with Masterminds' message (`improper constraint: "<group>"`, `constraint parser error`).
 */
function newConstraint(range) {
    const rewritten = rewriteRange(range);
    const groups = [];
    const groupHasPrerelease = [];
    for (const group of rewritten.split('||')) {
        if (!validConstraintRegex.test(group))
            throw new SemverError('IMPROPER_CONSTRAINT', `improper constraint: ${(0,strconv/* quote */.hD)(group)}`);
        const texts = Array.from(group.matchAll(findConstraintRegex), (m) => m[0]);
        if (texts.length === 0)
            texts.push(group);
        const comparators = texts.map(parseComparator);
        groups.push(comparators);
        // A prerelease anywhere in an AND group lets every prerelease version be checked by that group.
        groupHasPrerelease.push(comparators.some((c) => c.version.prerelease !== ''));
    }
    return {
        original: range,
        groups,
        check(v) {
            return groups.some((comparators, i) => {
                const includePrerelease = groupHasPrerelease[i] ?? false;
                return comparators.every((c) => c.check(v, includePrerelease));
            });
        },
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/imageupdate/policy.ts
// ImagePolicy tag selection as Flux's image-reflector-controller does it (internal/policy: factory.go, semver.go,
// alphabetical.go, numerical.go, filter.go; internal/controller: imagepolicy_controller.go applyPolicy,
// updateImageRefs and composeImagePolicyReadyMessage, imagerepository_controller.go filterOutTags and
// sortTagsAndGetLatestTags). Error messages are Flux's, word for word.






/**
 * The policy itself is wrong (Flux's errInvalidPolicy: the ImagePolicy is Stalled with reason InvalidPolicy and
 * not retried): no choice, a bad order or range, a filter pattern Go cannot compile.
 */
class PolicyError extends errors/* BaseError */.Cf {
    constructor(code, message, options = {}) {
        super(code, message, options);
        this.name = 'PolicyError';
    }
}
/**
 * The policy is valid but no tag could be chosen (Flux marks the ImagePolicy not Ready and retries): no tags at
 * all, none that satisfies the policy, or a tag the numerical policy cannot read as a number.
 */
class SelectionError extends errors/* BaseError */.Cf {
    constructor(code, message, options = {}) {
        super(code, message, options);
        this.name = 'SelectionError';
    }
}
const emptyListMessage = 'version list argument cannot be empty';
/**
 * Flux's `PolicerFromSpec`: semver first, then alphabetical, then numerical. Orders are upper-cased and must be
 * '' (ascending), ASC or DESC. Throws PolicyError with Flux's text (without the controller's `invalid policy: `
 * prefix, which selectTag adds).
 */
function policerFromSpec(choice) {
    if (choice.semver)
        return semverPolicer(choice.semver.range ?? '');
    if (choice.alphabetical)
        return alphabeticalPolicer(orderArgument(choice.alphabetical.order));
    if (choice.numerical)
        return numericalPolicer(orderArgument(choice.numerical.order));
    throw new PolicyError('NO_POLICY', 'given ImagePolicyChoice object is invalid');
}
function orderArgument(order) {
    const upper = (0,strings/* toUpper */.s5)(order ?? '');
    if (upper === '' || upper === 'ASC')
        return 'ASC';
    if (upper === 'DESC')
        return 'DESC';
    throw new PolicyError('INVALID_ORDER', `invalid order argument provided: '${upper}', must be one of: ASC, DESC`);
}
/**
 * fluxcd/pkg `version.ParseVersion`, the tag parser of the semver policy: the tag needs at least two dots
 * anywhere (`strings.SplitN(v, ".", 3)` must give 3 parts), then Masterminds `NewVersion`.
 * @returns undefined where Flux returns an error (the policy skips such tags).
 */
function parseSemverTag(tag) {
    const firstDot = tag.indexOf('.');
    if (firstDot < 0 || tag.indexOf('.', firstDot + 1) < 0)
        return undefined;
    try {
        return newVersion(tag);
    }
    catch (error) {
        if (error instanceof SemverError)
            return undefined;
        throw error;
    }
}
/**
 * Flux's SemVer policy: each tag parsed with fluxcd/pkg ParseVersion (tags that do not parse are skipped), checked
 * against the Masterminds range, and the strictly greatest kept, so of equal versions (`v1.0.0` and `1.0.0`, or
 * differing build metadata) the first one given wins.
 */
function semverPolicer(range) {
    let constraint;
    try {
        constraint = newConstraint(range);
    }
    catch (err) {
        if (err instanceof SemverError)
            throw new PolicyError('INVALID_RANGE', err.message, { cause: err });
        throw err;
    }
    return {
        latest(tags) {
            if (tags.length === 0)
                throw new SelectionError('NO_TAGS', emptyListMessage);
            let latest;
            for (const tag of tags) {
                const version = parseSemverTag(tag);
                if (version && constraint.check(version) && (!latest || compareSemver(version, latest) > 0))
                    latest = version;
            }
            if (!latest)
                throw new SelectionError('NO_MATCH', 'unable to determine latest version from provided list');
            return latest.original;
        },
    };
}
/** Flux's Alphabetical policy: byte-wise order; ASC takes the greatest tag, DESC the least. */
function alphabeticalPolicer(order) {
    return {
        latest(tags) {
            if (tags.length === 0)
                throw new SelectionError('NO_TAGS', emptyListMessage);
            const direction = order === 'ASC' ? 1 : -1;
            return tags.reduce((best, tag) => (direction * (0,oci_order/* compareBytes */.X)(tag, best) > 0 ? tag : best));
        },
    };
}
/**
 * Flux's Numerical policy: every tag must parse with Go's strconv.ParseFloat, or the whole policy fails. ASC
 * takes the greatest value, DESC the least; of equal values the last one given wins.
 */
function numericalPolicer(order) {
    return {
        latest(tags) {
            if (tags.length === 0)
                throw new SelectionError('NO_TAGS', emptyListMessage);
            let latest = '';
            let latestValue = 0;
            tags.forEach((tag, index) => {
                let value;
                try {
                    value = (0,strconv/* parseFloat64 */.yE)(tag);
                }
                catch (err) {
                    throw new SelectionError('NOT_NUMERIC', `failed to parse invalid numeric value '${tag}'`, { cause: err });
                }
                // Skipped only when strictly worse (Go's float comparisons, so NaN is never worse).
                if (index > 0 && (order === 'ASC' ? value < latestValue : value > latestValue))
                    return;
                latest = tag;
                latestValue = value;
            });
            return latest;
        },
    };
}
/** Flux's RegexFilter (`spec.filterTags`), compiled once. */
class RegexFilter {
    regexp;
    /** The Expand template; '' keeps matching tags as they are. */
    extract;
    constructor(regexp, extract) {
        this.regexp = regexp;
        this.extract = extract;
    }
    /**
     * The tags the pattern matches (anywhere in the tag), as a map from the extracted value to the original tag.
     * A later tag with the same extracted value replaces an earlier one, as in Flux's map; the keys keep the order
     * in which each value was first met (Go iterates its map in random order).
     */
    apply(tags) {
        const filtered = new Map();
        for (const tag of tags) {
            const match = this.regexp.findStringSubmatchIndex(tag);
            if (!match)
                continue;
            filtered.set(this.extract === '' ? tag : this.regexp.expandString(this.extract, tag, match), tag);
        }
        return filtered;
    }
}
/** Flux's NewRegexFilter. Throws PolicyError `invalid regular expression pattern '<p>': <Go's error>`. */
function newRegexFilter(pattern, extract = '') {
    try {
        return new RegexFilter(compileRegexp(pattern), extract);
    }
    catch (err) {
        throw new PolicyError('INVALID_PATTERN', `invalid regular expression pattern '${pattern}': ${err.message}`, { cause: err });
    }
}
/** The ImageRepository default `spec.exclusionList` (cosign signature tags). */
const defaultExclusionList = ['^.*\\.sig$'];
/**
 * The tags as image-reflector-controller stores them for its policies: those matching any exclusion pattern
 * dropped (an empty or missing list means the default one), then sorted descending byte-wise. Policies see tags
 * in this order, which decides semver and numerical ties.
 */
function orderTags(tags, exclusionList) {
    const patterns = exclusionList && exclusionList.length > 0 ? exclusionList : defaultExclusionList;
    const exclusions = patterns.map((pattern) => {
        try {
            return compileRegexp(pattern);
        }
        catch (err) {
            throw new Error(`failed to compile regex ${pattern}: ${err.message}`, { cause: err });
        }
    });
    return tags.filter((tag) => !exclusions.some((exclusion) => exclusion.matchString(tag))).sort((a, b) => (0,oci_order/* compareBytes */.X)(b, a));
}
/**
 * The controller's applyPolicy: the policy built (PolicyError `invalid policy: …`), the tags checked
 * (SelectionError `no tags in database`), the filter applied (PolicyError `failed to filter tags: …`), the
 * policy run on the extracted values, and the original tag of the winner returned. Give `tags` in the stored
 * order (see orderTags) to break ties as Flux does.
 */
function selectTag(choice, filterTags, tags) {
    const { policer, filter } = compileImagePolicy(choice, filterTags);
    if (tags.length === 0)
        throw new SelectionError('NO_TAGS', 'no tags in database');
    if (!filter)
        return policer.latest(tags);
    const filtered = filter.apply(tags);
    const latest = policer.latest([...filtered.keys()]);
    return filtered.get(latest) ?? latest;
}
/**
 * The policy and its tag filter, built once, with applyPolicy's errors (`invalid policy: …`, `failed to filter
 * tags: …`); a caller can check a policy before it lists any tags.
 */
function compileImagePolicy(choice, filterTags) {
    let policer;
    try {
        policer = policerFromSpec(choice);
    }
    catch (err) {
        if (err instanceof PolicyError)
            throw new PolicyError(err.code, `invalid policy: ${err.message}`, { cause: err });
        throw err;
    }
    if (!filterTags)
        return { policer };
    try {
        return { policer, filter: newRegexFilter(filterTags.pattern ?? '', filterTags.extract ?? '') };
    }
    catch (err) {
        throw new PolicyError('INVALID_PATTERN', `failed to filter tags: ${err.message}`, { cause: err });
    }
}
/** `spec.digestReflectionPolicy` with Flux's default: unset or '' means Never. */
function reflectionPolicy(policy) {
    return policy || 'Never';
}
/** Go's `ImageRef.String()`: `name:tag`, then `@digest` when there is one. */
function imageRefString(ref) {
    return `${ref.name}:${ref.tag}${ref.digest ? `@${ref.digest}` : ''}`;
}
/** Go's `*a == *b` on ImageRef (an empty digest equals a missing one). */
function sameImageRef(a, b) {
    return a.name === b.name && a.tag === b.tag && (a.digest ?? '') === (b.digest ?? '');
}
/**
 * Whether updateImageRefs must look the digest up: never for Never, always for Always, and for IfNotPresent only
 * when there is no previous ref, it names another image or tag, or it has no digest.
 */
function digestFetchNeeded(policy, previous, selected) {
    switch (reflectionPolicy(policy)) {
        case 'Always':
            return true;
        case 'IfNotPresent':
            return !previous || previous.name !== selected.name || previous.tag !== selected.tag || !previous.digest;
        case 'Never':
            return false;
    }
}
/**
 * Flux's updateImageRefs: the next status after `tag` was selected for `image` (ImageRepository `spec.image`).
 * The digest is fetched when digestFetchNeeded says so; IfNotPresent otherwise keeps the previous digest and
 * Never drops it. `latestRef` is replaced, and the old one becomes `observedPreviousRef`, only when name, tag or
 * digest differ; otherwise the previous status is returned as it was. `fetchDigest` resolves `image:tag` (a
 * manifest HEAD in Flux); its failure is rethrown as `failed fetching digest of <image>:<tag>: <error>`.
 */
async function updateImageRefs(previous, selected, fetchDigest) {
    const latestRef = { name: selected.image, tag: selected.tag };
    let digest = '';
    if (digestFetchNeeded(selected.digestReflectionPolicy, previous.latestRef, latestRef)) {
        try {
            digest = await fetchDigest(selected.image, selected.tag);
        }
        catch (err) {
            throw new Error(`failed fetching digest of ${imageRefString(latestRef)}: ${err.message}`, { cause: err });
        }
    }
    else if (reflectionPolicy(selected.digestReflectionPolicy) === 'IfNotPresent') {
        digest = previous.latestRef?.digest ?? '';
    }
    if (digest)
        latestRef.digest = digest;
    if (previous.latestRef && sameImageRef(latestRef, previous.latestRef))
        return { ...previous, latestRef: previous.latestRef };
    return { latestRef, ...(previous.latestRef ? { observedPreviousRef: previous.latestRef } : {}) };
}
/**
 * Flux's ImagePolicy `GetInterval()`, the delay before the next reconciliation in milliseconds: `spec.interval`
 * (10 minutes when unset or zero) for Always, 0 (no periodic reconciliation) otherwise.
 */
function requeueAfter(policy, intervalMs) {
    if (reflectionPolicy(policy) !== 'Always')
        return 0;
    return intervalMs || 10 * 60 * 1000;
}
/**
 * Flux's composeImagePolicyReadyMessage: `Latest image tag for <name> resolved to <tag>[ with digest <d>]`, then
 * ` (previously <name>:<tag>[@<digest>])` when there is a previous ref that differs.
 */
function composeReadyMessage(status) {
    const { latestRef, observedPreviousRef: previous } = status;
    let message = `Latest image tag for ${latestRef.name} resolved to ${latestRef.tag}`;
    if (latestRef.digest)
        message += ` with digest ${latestRef.digest}`;
    if (previous && !sameImageRef(latestRef, previous))
        message += ` (previously ${imageRefString(previous)})`;
    return message;
}


/***/ }),

/***/ 3495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ resultChanges),
/* harmony export */   J1: () => (/* binding */ sortedFileChanges),
/* harmony export */   T5: () => (/* binding */ objectKey),
/* harmony export */   cL: () => (/* binding */ resultObjects)
/* harmony export */ });
/* unused harmony export compareObjects */
/* harmony import */ var _go_strings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7164);
// What an image update changed, shaped as Flux's update.Result (image-automation-controller internal/update
// result.go), so commit-message templates written for Flux render the same here.

/** A stable key for an object (Go compares ObjectIdentifier structs field by field). */
function objectKey(o) {
    return JSON.stringify([o.APIVersion, o.Kind, o.Name, o.Namespace]);
}
/** Go `fmtsort` order for ObjectIdentifier keys: field by field in declaration order (APIVersion, Kind, Name, Namespace). */
function compareObjects(a, b) {
    for (const field of ['APIVersion', 'Kind', 'Name', 'Namespace']) {
        const order = (0,_go_strings_js__WEBPACK_IMPORTED_MODULE_0__/* .compareGoStrings */ .mA)(a[field], b[field]);
        if (order !== 0)
            return order;
    }
    return 0;
}
/**
 * `Result.FileChanges` as Go holds it: files in sorted order, and in each file every object once (a Go map
 * key), its change lists merged in the order given, objects in `compareObjects` order. This is the one order
 * every helper below walks, so nothing depends on how the result was assembled.
 */
function sortedFileChanges(result) {
    const files = [...result.fileChanges.keys()].sort(_go_strings_js__WEBPACK_IMPORTED_MODULE_0__/* .compareGoStrings */ .mA);
    return files.map((file) => {
        const merged = new Map();
        for (const { object, changes } of result.fileChanges.get(file) ?? []) {
            const key = objectKey(object);
            const entry = merged.get(key) ?? { object, changes: [] };
            entry.changes.push(...changes);
            merged.set(key, entry);
        }
        return [file, [...merged.values()].sort((a, b) => compareObjects(a.object, b.object))];
    });
}
/**
 * Result.Objects(): each object's changes, merged across files (IAC 1.2.0, fix #1042), objects in
 * `compareObjects` order. Go concatenates the per-file lists in random map order; here files are taken in
 * sorted order so the result is deterministic.
 */
function resultObjects(result) {
    const merged = new Map();
    for (const [, objects] of sortedFileChanges(result)) {
        for (const { object, changes } of objects) {
            const key = objectKey(object);
            const entry = merged.get(key) ?? { object, changes: [] };
            entry.changes.push(...changes);
            merged.set(key, entry);
        }
    }
    return [...merged.values()].sort((a, b) => compareObjects(a.object, b.object));
}
/**
 * Result.Changes(): every change once (de-duplicated by value). Go walks its maps in random order; here the
 * order is files sorted, then objects in `compareObjects` order, then the order the changes were recorded.
 */
function resultChanges(result) {
    const seen = new Set();
    const out = [];
    for (const [, objects] of sortedFileChanges(result)) {
        for (const { changes } of objects) {
            for (const change of changes) {
                const key = JSON.stringify([change.OldValue, change.NewValue, change.Setter]);
                if (seen.has(key))
                    continue;
                seen.add(key);
                out.push(change);
            }
        }
    }
    return out;
}


/***/ }),

/***/ 595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vm: () => (/* binding */ changesAt),
  sm: () => (/* binding */ runImageUpdate)
});

// UNUSED EXPORTS: InvalidPolicyError

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __webpack_require__(5736);
// EXTERNAL MODULE: ../../packages/core/src/imageupdate/objects.ts
var imageupdate_objects = __webpack_require__(1596);
// EXTERNAL MODULE: ../../packages/core/src/oci/reference.ts
var oci_reference = __webpack_require__(8936);
;// CONCATENATED MODULE: ../../packages/core/src/oci/concurrency.ts
/** Maps over items with at most `limit` calls in flight; rejects with the first failure after in-flight calls settle. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    let failure;
    const worker = async () => {
        while (!failure && next < items.length) {
            const index = next++;
            try {
                results[index] = await fn(items[index], index);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    if (failure)
        throw failure.error;
    return results;
}
/** Like mapLimit, but every item runs to completion and each outcome is returned (one failure stops nothing). */
async function settleLimit(items, limit, fn) {
    return mapLimit(items, limit, async (item, index) => {
        try {
            return { ok: true, value: await fn(item, index) };
        }
        catch (error) {
            return { ok: false, error };
        }
    });
}

// EXTERNAL MODULE: ../../packages/core/src/imageupdate/policy.ts + 2 modules
var imageupdate_policy = __webpack_require__(4252);
;// CONCATENATED MODULE: ../../packages/core/src/imageupdate/reflect.ts



const key = (namespace, name) => `${namespace}/${name}`;
/**
 * What image-reflector-controller would put in each policy's `status.latestRef`: the repository's tags (listed
 * once per ImageRepository, exclusion list applied, sorted descending byte-wise as the controller stores them),
 * the policy's selection, and the digest when `digestReflectionPolicy` asks for it. CI has no previous status,
 * so `IfNotPresent` and `Always` both resolve the digest. One policy failing does not stop the others.
 */
async function reflectPolicies(options) {
    const repositories = new Map(options.repositories.map((r) => [key(r.namespace, r.name), r]));
    const scans = new Map();
    const scan = (repository) => {
        const id = key(repository.namespace, repository.name);
        let tags = scans.get(id);
        if (!tags) {
            const reference = (0,oci_reference/* parseReference */.F2)(repository.image);
            tags = options.clientFor(repository).repository(reference).tags();
            tags.catch(() => undefined);
            scans.set(id, tags);
        }
        return tags;
    };
    return mapLimit(options.policies, options.concurrency ?? 8, async (policy) => {
        const repository = repositories.get(key(policy.imageRepositoryRef.namespace, policy.imageRepositoryRef.name));
        if (!repository)
            return {
                policy,
                ok: false,
                kind: 'missing',
                error: `ImageRepository ${key(policy.imageRepositoryRef.namespace, policy.imageRepositoryRef.name)} not found`,
            };
        let reference;
        try {
            reference = (0,oci_reference/* parseReference */.F2)(repository.image);
            // As the controller, a policy that cannot work fails before any registry is asked.
            (0,imageupdate_policy/* compileImagePolicy */.Nu)(policy.policy, policy.filterTags);
        }
        catch (err) {
            return {
                policy,
                repository,
                ok: false,
                kind: 'invalid',
                error: err instanceof imageupdate_policy/* PolicyError */.pn ? err.message : `ImageRepository ${repository.name}: ${err.message}`,
            };
        }
        let listed;
        try {
            listed = await scan(repository);
        }
        catch (err) {
            return {
                policy,
                repository,
                ok: false,
                kind: 'registry',
                error: `cannot list the tags of ${repository.image}: ${err.message}`,
            };
        }
        let tags;
        let tag;
        try {
            tags = (0,imageupdate_policy/* orderTags */.M8)(listed, repository.exclusionList);
            tag = (0,imageupdate_policy/* selectTag */.lH)(policy.policy, policy.filterTags, tags);
        }
        catch (err) {
            return { policy, repository, ok: false, kind: 'invalid', error: err.message };
        }
        const latestRef = { name: repository.image, tag };
        if (policy.digestReflectionPolicy !== 'Never') {
            try {
                latestRef.digest = (await options.clientFor(repository).repository({ registry: reference.registry, repository: reference.repository }).resolve(tag)).digest;
            }
            catch (err) {
                return {
                    policy,
                    repository,
                    ok: false,
                    kind: 'registry',
                    error: `cannot resolve the digest of ${repository.image}:${tag}: ${err.message}`,
                };
            }
        }
        return { policy, repository, ok: true, latestRef, tags: tags.length };
    });
}

// EXTERNAL MODULE: ../../node_modules/yaml/dist/index.js
var dist = __webpack_require__(3483);
// EXTERNAL MODULE: ../../packages/core/src/go/strconv.ts
var strconv = __webpack_require__(5451);
;// CONCATENATED MODULE: ../../packages/core/src/go/yaml.ts
// The scalar rules of Go's YAML libraries, as kyaml applies them when Flux's Setters write a value: go-yaml's
// `resolve` for plain scalars (gopkg.in/yaml.v2 and v3 resolve.go: which texts are bools, ints, floats, nulls or
// timestamps), kyaml's `IsValueNonString` (which values must be quoted to stay strings), and yaml.v3's emitter
// (emitterc.go `yaml_emitter_analyze_scalar` and the double-quoted writer: which styles can hold a value).


const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/**
 * The int/float branch of go-yaml's `resolve` for a plain scalar starting with a digit or sign (v3 adds `0o`):
 * strconv.ParseInt, then ParseUint, of the text without underscores.
 */
function goYamlNumber(value, octalPrefix) {
    const plain = value.replaceAll('_', '');
    if ((0,strconv/* parsesAsInt64 */.Wk)(plain, 0) || (0,strconv/* parsesAsUint64 */.Jz)(plain, 0))
        return 'int';
    if (yamlStyleFloat.test(plain) && Number.isFinite(Number(plain)))
        return 'float';
    if (plain.startsWith('0b')) {
        if ((0,strconv/* parsesAsInt64 */.Wk)(plain.slice(2), 2) || (0,strconv/* parsesAsUint64 */.Jz)(plain.slice(2), 2))
            return 'int';
    }
    else if (plain.startsWith('-0b')) {
        if ((0,strconv/* parsesAsInt64 */.Wk)(`-${plain.slice(3)}`, 2))
            return 'int';
    }
    if (octalPrefix) {
        if (plain.startsWith('0o')) {
            if ((0,strconv/* parsesAsInt64 */.Wk)(plain.slice(2), 8) || (0,strconv/* parsesAsUint64 */.Jz)(plain.slice(2), 8))
                return 'int';
        }
        else if (plain.startsWith('-0o')) {
            if ((0,strconv/* parsesAsInt64 */.Wk)(`-${plain.slice(3)}`, 8))
                return 'int';
        }
    }
    return undefined;
}
const infNaN = ['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF'];
const v2Words = new Map([
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
    ].map((w) => [w, 'bool']),
    ...['', '~', 'null', 'Null', 'NULL'].map((w) => [w, 'null']),
    ...infNaN.map((w) => [w, 'float']),
]);
const v3Words = new Map([
    ...['true', 'True', 'TRUE', 'false', 'False', 'FALSE'].map((w) => [w, 'bool']),
    ...['', '~', 'null', 'Null', 'NULL'].map((w) => [w, 'null']),
    ...infNaN.map((w) => [w, 'float']),
]);
/**
 * go-yaml's `resolve("", value)` for a plain scalar: v2 knows the YAML 1.1 words, v3 also `0o` octals. The first
 * character decides what is tried at all (so `<<` and words such as `nil` are strings).
 */
function goYamlResolve(value, version, checkTimestamp = true) {
    const first = value[0];
    const hint = first === undefined
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
    if (hint === '')
        return 'str';
    const word = (version === 2 ? v2Words : v3Words).get(value);
    if (word !== undefined)
        return word;
    if (hint === '.')
        return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(value) && Number.isFinite(Number(value)) ? 'float' : 'str';
    if (hint === 'D' || hint === 'S') {
        if (checkTimestamp && isGoYamlTimestamp(value))
            return 'timestamp';
        return goYamlNumber(value, version === 3) ?? 'str';
    }
    return 'str';
}
const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const timestampPattern = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(?:Z|([+-])(\d{2}):(\d{2}))| (\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?)?$/;
/** go-yaml's `parseTimestamp`: Go `time.Parse` with its four layouts, range checks included. */
function isGoYamlTimestamp(value) {
    const m = timestampPattern.exec(value);
    if (!m)
        return false;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    if (month < 1 || month > 12 || day < 1 || day > (month === 2 && leap ? 29 : (daysInMonth[month - 1] ?? 0)))
        return false;
    const [hour, minute, second] = m[4] !== undefined ? [m[4], m[5], m[6]] : [m[10], m[11], m[12]];
    if (hour !== undefined && (Number(hour) >= 24 || Number(minute) >= 60 || Number(second) >= 60))
        return false;
    if (m[8] !== undefined && (Number(m[8]) > 24 || Number(m[9]) > 60))
        return false;
    return true;
}
/**
 * kyaml `IsValueNonString`: does `value`, unquoted, decode as something other than a string with go-yaml v2 (YAML 1.1
 * ints incl. `0x`/octal/underscores, floats such as `1.10`, bools yes/no/on/off/y/n/true/false, null/`~`, a whole
 * map or sequence, an empty document)? Such a value is written double-quoted unless its node is already quoted.
 */
function needsQuoting(value) {
    if (value === '' || value.includes('\n'))
        return false;
    const doc = (0,dist/* parseDocument */.Tp)(value, { schema: 'failsafe', uniqueKeys: false, version: '1.1' });
    // v2 fails to decode it, so kyaml leaves the style alone.
    if (doc.errors.length)
        return false;
    const node = doc.contents;
    if (node === null)
        return true;
    if ((0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node))
        return true;
    if (!(0,dist/* isScalar */.jn)(node))
        return false;
    if (node.range[0] === node.range[1] && node.tag === undefined)
        return true;
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
    if (node.type !== dist/* Scalar */.X5.PLAIN)
        return false;
    // A timestamp decodes into interface{} as its string (go-yaml v2 backward compatibility).
    return !['str', 'timestamp'].includes(goYamlResolve(text, 2));
}
/** yaml.v3's encoder double-quotes a `!!str` node whose plain text would resolve to another type (YAML 1.2 rules, timestamps and "" included). */
function resolvesAsNonString(value) {
    return goYamlResolve(value, 3) !== 'str';
}
// yaml.v3 emitter's character classes (emitterc.go / yamlprivateh.go), per code point, with unicode output on.
const isBreak = (c) => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
const isPrintable = (c) => c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
/** yaml.v3 `yaml_emitter_analyze_scalar`: which styles can hold `value`. */
function analyzeScalar(value) {
    if (value === '')
        return { flowPlain: false, blockPlain: true, singleQuoted: true, block: false, lineBreaks: false };
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
            if ('#,[]{}&*!|>\'"%@`'.includes(ch))
                flowIndicators = blockIndicators = true;
            else if (ch === '?' || ch === ':') {
                flowIndicators = true;
                if (followedByWhitespace)
                    blockIndicators = true;
            }
            else if (ch === '-' && followedByWhitespace)
                flowIndicators = blockIndicators = true;
        }
        else if (',?[]{}'.includes(ch))
            flowIndicators = true;
        else if (ch === ':') {
            flowIndicators = true;
            if (followedByWhitespace)
                blockIndicators = true;
        }
        else if (ch === '#' && precededByWhitespace)
            flowIndicators = blockIndicators = true;
        if (c === 0x09)
            tabs = true;
        else if (!isPrintable(c))
            special = true;
        const last = i === points.length - 1;
        if (c === 0x20) {
            leadingSpace ||= i === 0;
            trailingSpace ||= last;
            breakSpace ||= previousBreak;
            [previousSpace, previousBreak] = [true, false];
        }
        else if (isBreak(c)) {
            lineBreaks = true;
            leadingBreak ||= i === 0;
            trailingBreak ||= last;
            spaceBreak ||= previousSpace;
            [previousSpace, previousBreak] = [false, true];
        }
        else {
            [previousSpace, previousBreak] = [false, false];
        }
        precededByWhitespace = c === 0x20 || c === 0x09 || c === 0 || isBreak(c);
    });
    const analysis = { flowPlain: true, blockPlain: true, singleQuoted: true, block: true, lineBreaks };
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak)
        analysis.flowPlain = analysis.blockPlain = false;
    if (trailingSpace)
        analysis.block = false;
    if (breakSpace || spaceBreak || tabs || special)
        analysis.flowPlain = analysis.blockPlain = analysis.singleQuoted = false;
    if (spaceBreak || special)
        analysis.block = false;
    if (lineBreaks)
        analysis.flowPlain = analysis.blockPlain = false;
    if (flowIndicators)
        analysis.flowPlain = false;
    if (blockIndicators)
        analysis.blockPlain = false;
    return analysis;
}
const doubleQuoteEscapes = new Map([
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
function doubleQuoted(value) {
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
const singleQuoted = (value) => `'${value.replaceAll("'", "''")}'`;

// EXTERNAL MODULE: ../../packages/core/src/imageupdate/result.ts
var result = __webpack_require__(3495);
;// CONCATENATED MODULE: ../../packages/core/src/imageupdate/setters.ts






/** Every setters failure stops the update of `update-path`, and is reported against it. */
class SettersError extends errors/* BaseError */.Cf {
    constructor(code, message) {
        super(code, message, { field: 'update-path' });
        this.name = 'SettersError';
    }
}
/** Upstream only parses files whose bytes contain this, quotes included (`fmt.Sprintf("%q", "$imagepolicy")`). */
const markerToken = '"$imagepolicy"';
const markerTokenBytes = Buffer.from(markerToken);
const shortHandRef = '$imagepolicy';
// ---------------------------------------------------------------------------------------------------------------
// Setter values
const tagChars = /^[a-zA-Z0-9_.-]{1,128}$/;
const repositoryChars = /^[a-z0-9_./-]{1,255}$/;
/**
 * go-containerregistry `name.ParseReference(s, name.WeakValidation)` succeeds: a tag reference or a sha256 digest
 * reference, with Docker Hub and `latest` implied.
 */
function isWeakReference(image) {
    return isWeakTag(image) || isWeakDigest(image);
}
/** `name.NewTag`: an optional `:tag` (a last part with "/" is a registry port), then a repository. */
function isWeakTag(name) {
    const parts = name.split(':');
    const last = parts[parts.length - 1] ?? '';
    if (parts.length > 1 && !last.includes('/'))
        return tagChars.test(last) && isWeakRepository(parts.slice(0, -1).join(':'));
    return isWeakRepository(name);
}
/** `name.NewDigest`: exactly one `@`, a sha256 digest, and a tag or repository before it. */
function isWeakDigest(name) {
    const parts = name.split('@');
    return parts.length === 2 && /^sha256:[a-f0-9]{64}$/.test(parts[1] ?? '') && isWeakTag(parts[0] ?? '');
}
/** `name.NewRepository`: an optional registry (first part with `.` or `:`, or `localhost`), then lowercase path characters. */
function isWeakRepository(name) {
    const slash = name.indexOf('/');
    const first = slash < 0 ? '' : name.slice(0, slash);
    const hasRegistry = first === 'localhost' || /[.:]/.test(first);
    return repositoryChars.test(hasRegistry ? name.slice(slash + 1) : name) && validAuthority(hasRegistry ? first : '');
}
/** Go `url.Parse("//" + name).Host == name`, for the characters a registry can hold. */
function validAuthority(host) {
    if (host === '')
        return true;
    if (/[@/?#%\s]/.test(host))
        return false;
    const bracketed = /^\[[^\]]*\](.*)$/.exec(host);
    const port = bracketed ? (bracketed[1] ?? '') : host.includes(':') ? host.slice(host.lastIndexOf(':')) : '';
    if (port !== '' && !/^:[0-9]*$/.test(port))
        return false;
    const hostname = bracketed ? '' : host.slice(0, host.length - port.length);
    // Go rejects ASCII that would need escaping in a host; non-ASCII passes.
    return !/[^A-Za-z0-9\-._~!$&'()*+,;=\u0080-\uffff]/.test(hostname);
}
/** The setter definitions upstream builds: `<ns>:<name>`, `:tag`, `:name` and `:digest` for each policy. */
function setterValues(policies) {
    const values = new Map();
    for (const policy of policies) {
        const { name, tag, digest } = policy.latestRef;
        const image = `${name}:${tag}${digest ? `@${digest}` : ''}`;
        if (!isWeakReference(image))
            throw new SettersError('INVALID_IMAGE_REF', `encountered invalid image ref ${JSON.stringify(image)}: could not parse reference: ${image}`);
        const setter = `${policy.namespace}:${policy.name}`;
        values.set(setter, image);
        values.set(`${setter}:tag`, tag);
        values.set(`${setter}:name`, name);
        values.set(`${setter}:digest`, digest ?? '');
    }
    return values;
}
/**
 * The new source text for a scalar. Existing quotes are kept (single falls back to double where yaml.v3 would);
 * a plain scalar is double-quoted when the value would not read back as a string (kyaml FormatNonStringStyle, then
 * the encoder's own check), and otherwise written plain, or quoted where plain text cannot hold it.
 */
function renderScalar(node, value, inFlow, text) {
    const analysis = analyzeScalar(value);
    switch (node.type) {
        case dist/* Scalar */.X5.QUOTE_DOUBLE:
            return doubleQuoted(value);
        case dist/* Scalar */.X5.QUOTE_SINGLE:
            return analysis.singleQuoted && !analysis.lineBreaks ? singleQuoted(value) : doubleQuoted(value);
        case dist/* Scalar */.X5.BLOCK_LITERAL:
        case dist/* Scalar */.X5.BLOCK_FOLDED:
            return renderBlockScalar(node, value, analysis, text);
        default:
            if (needsQuoting(value) || resolvesAsNonString(value) || analysis.lineBreaks)
                return doubleQuoted(value);
            if (inFlow ? analysis.flowPlain : analysis.blockPlain)
                return value;
            return analysis.singleQuoted ? singleQuoted(value) : doubleQuoted(value);
    }
}
/** A block scalar keeps its indicator (`|-`/`>-`, as yaml.v3 writes a value without a final newline), header comment and indentation. */
function renderBlockScalar(node, value, analysis, text) {
    const [start, end] = node.range;
    const source = text.slice(start, end);
    const headerEnd = source.indexOf('\n');
    const header = stripCR(headerEnd < 0 ? source : source.slice(0, headerEnd));
    const eol = source[headerEnd - 1] === '\r' ? '\r\n' : '\n';
    const [, indicator = '|', tail = ''] = /^([|>])[-+0-9]*(.*)$/.exec(header) ?? [];
    const body = headerEnd < 0 ? '' : source.slice(headerEnd + 1);
    // The content ends with the last non-blank line; blank lines after it stay as they are.
    const last = /[^ \t\r\n][^\n]*(\n|$)(?![\s\S]*[^ \t\r\n])/.exec(body);
    const contentEnd = last ? last.index + last[0].length : 0;
    const lastBreak = last ? (last[1] === '' ? '' : last[0].endsWith('\r\n') ? '\r\n' : '\n') : eol;
    const trailing = last ? body.slice(contentEnd) : body.replace(/^\r?\n/, '');
    if (needsQuoting(value) || !analysis.block || analysis.lineBreaks || value.startsWith(' ')) {
        return `${doubleQuoted(value)}${tail}${last ? lastBreak : headerEnd < 0 ? '' : eol}${trailing}`;
    }
    const contentIndent = /^[ \t\r\n]*?( *)[^ \t\r\n]/.exec(body)?.[1]?.length;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const indent = contentIndent ?? (/^ */.exec(text.slice(lineStart, start))?.[0].length ?? 0) + 2;
    return `${indicator}-${tail}${eol}${' '.repeat(indent)}${value}${lastBreak}${trailing}`;
}
// ---------------------------------------------------------------------------------------------------------------
// Markers
/** kyaml fieldmeta `processShortHand`: `strings.TrimLeft(c, "#")`, JSON into `map[string]string`, a non-empty `$imagepolicy`. */
function parseMarker(comment) {
    let parsed;
    try {
        parsed = JSON.parse(comment.replace(/^#+/, ''));
    }
    catch {
        return undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return undefined;
    const fields = parsed;
    if (Object.values(fields).some((v) => typeof v !== 'string' && v !== null))
        return undefined;
    const setter = fields[shortHandRef];
    return typeof setter === 'string' && setter !== '' ? setter : undefined;
}
const lineEnd = (text, from) => {
    const eol = text.indexOf('\n', from);
    return eol < 0 ? text.length : eol;
};
const stripCR = (line) => (line.endsWith('\r') ? line.slice(0, -1) : line);
/** yaml.v3's LineComment of a scalar: a comment after it on its last line (after a `,` in flow), or after a block scalar's header. */
function lineComment(node, inFlow, text) {
    if (node.type === dist/* Scalar */.X5.BLOCK_LITERAL || node.type === dist/* Scalar */.X5.BLOCK_FOLDED) {
        const start = node.range[0];
        const header = stripCR(text.slice(start, lineEnd(text, start)));
        const m = /^[|>][-+0-9]*[ \t]+(#.*)$/.exec(header);
        return m?.[1] === undefined ? undefined : { comment: m[1], offset: start + header.indexOf('#') };
    }
    let i = node.range[1];
    while (text[i] === ' ' || text[i] === '\t')
        i++;
    if (inFlow && text[i] === ',') {
        i++;
        while (text[i] === ' ' || text[i] === '\t')
            i++;
    }
    if (text[i] !== '#')
        return undefined;
    return { comment: stripCR(text.slice(i, lineEnd(text, i))), offset: i };
}
/**
 * yaml.v3's HeadComment of a scalar sequence item: the comment lines right above its `- ` line (no blank line
 * between), joined with newlines, not reaching back into the previous item.
 */
function headComment(node, floor, text) {
    const lineStart = text.lastIndexOf('\n', node.range[0] - 1) + 1;
    if (!/^[ \t]*-[ \t]+(?:[!&][^ \t]*[ \t]+)*$/.test(text.slice(lineStart, node.range[0])))
        return undefined;
    const lines = [];
    let offset = -1;
    let end = lineStart - 1;
    while (end >= 0) {
        const start = text.lastIndexOf('\n', end - 1) + 1;
        if (start < floor)
            break;
        const line = stripCR(text.slice(start, end));
        const trimmed = line.trimStart();
        if (!trimmed.startsWith('#'))
            break;
        lines.unshift(trimmed);
        offset = start + (line.length - trimmed.length);
        end = start - 1;
    }
    return lines.length ? { comment: lines.join('\n'), offset } : undefined;
}
const nullWords = new Set(['', '~', 'null', 'Null', 'NULL']);
const nullTag = 'tag:yaml.org,2002:null';
/** yaml.v3 `Node.Value` as kyaml reads identifying fields: a scalar's text ('' for null), an alias's anchor name, '' for collections. */
function nodeText(node) {
    if (isNullNode(node))
        return '';
    if ((0,dist/* isScalar */.jn)(node))
        return String(node.value);
    if ((0,dist/* isAlias */.Vj)(node))
        return node.source;
    return '';
}
/** kyaml `RNode.Field`: the first pair whose key text matches. */
function field(map, name) {
    return map.items.find((pair) => nodeText(pair.key) === name)?.value;
}
/** kyaml `GetMeta().GetIdentifier()` of a document. */
function identify(root) {
    const metadata = field(root, 'metadata');
    return {
        APIVersion: nodeText(field(root, 'apiVersion')),
        Kind: nodeText(field(root, 'kind')),
        Name: (0,dist/* isMap */.jh)(metadata) ? nodeText(field(metadata, 'name')) : '',
        Namespace: (0,dist/* isMap */.jh)(metadata) ? nodeText(field(metadata, 'namespace')) : '',
    };
}
/** kyaml `IsMissingOrNull`: absent, or a null scalar. */
const isNullNode = (node) => node === null ||
    node === undefined ||
    ((0,dist/* isScalar */.jn)(node) && (node.tag === nullTag || (node.tag === undefined && node.type === dist/* Scalar */.X5.PLAIN && nullWords.has(String(node.value)))));
const kindName = (node) => (0,dist/* isSeq */.oP)(node) ? 'SequenceNode' : (0,dist/* isScalar */.jn)(node) ? 'ScalarNode' : (0,dist/* isAlias */.Vj)(node) ? 'AliasNode' : 'MappingNode';
/** kio.ByteReader splits documents on `\n---.*\n` and rejects such a line unless only a comment follows `---`. */
function invalidSeparator(text) {
    for (const m of text.replaceAll('\r\n', '\n').matchAll(/\n---([^\n]*)\n/g)) {
        const rest = (m[1] ?? '').trim();
        if (rest !== '' && !rest.startsWith('#'))
            return `invalid document separator: ${`---${m[1] ?? ''}`.trim()}`;
    }
    return undefined;
}
/** kio.ByteReader annotates each document, which fails for a non-mapping document or metadata that is not a mapping. */
function unreadableDocument(roots) {
    for (const root of roots) {
        if (isNullNode(root))
            continue;
        if (!(0,dist/* isMap */.jh)(root))
            return `wrong node kind: expected MappingNode but got ${kindName(root)}`;
        const metadata = field(root, 'metadata');
        if (isNullNode(metadata))
            continue;
        if (!(0,dist/* isMap */.jh)(metadata))
            return `wrong node kind: expected MappingNode but got ${kindName(metadata)} for metadata`;
        const annotations = field(metadata, 'annotations');
        if (!isNullNode(annotations) && !(0,dist/* isMap */.jh)(annotations))
            return `wrong node kind: expected MappingNode but got ${kindName(annotations)} for metadata.annotations`;
    }
    return undefined;
}
function lineOf(text, offset) {
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}
/** Finds the markers of one file's text and what to splice, as upstream's `accept` walk (filter.go) visits nodes. */
function scanText(text, setters) {
    const scan = { edits: [], changes: [], unresolved: [] };
    const separator = invalidSeparator(text);
    if (separator !== undefined)
        return { ...scan, problem: separator };
    const docs = (0,dist/* parseAllDocuments */.hR)(text, { schema: 'failsafe', uniqueKeys: false });
    for (const doc of docs) {
        const error = doc.errors[0];
        if (error)
            return { ...scan, problem: error.message };
    }
    const roots = docs.map((doc) => doc.contents);
    const problem = unreadableDocument(roots);
    if (problem !== undefined)
        return { ...scan, problem };
    const visitScalar = (node, object, inFlow, itemFloor) => {
        // An implicit empty value has no text to carry a marker.
        if (node.range[0] === node.range[1])
            return;
        // First non-empty of LineComment, HeadComment; only sequence items get a head comment of their own.
        const found = lineComment(node, inFlow, text) ?? (itemFloor === undefined ? undefined : headComment(node, itemFloor, text));
        if (!found)
            return;
        const setter = parseMarker(found.comment);
        if (setter === undefined)
            return;
        const value = setters.get(setter);
        if (value === undefined) {
            scan.unresolved.push({ line: lineOf(text, found.offset), setter });
            return;
        }
        const old = String(node.value);
        if (old === value)
            return;
        scan.edits.push({ start: node.range[0], end: node.range[1], text: renderScalar(node, value, inFlow, text) });
        scan.changes.push({ object, change: { OldValue: old, NewValue: value, Setter: setter } });
    };
    const visit = (node, object, inFlow, itemFloor) => {
        if ((0,dist/* isMap */.jh)(node)) {
            const flow = inFlow || node.flow === true;
            // kyaml VisitFields looks each key up by name, so a repeated key visits its first value only.
            const seen = new Set();
            for (const pair of node.items) {
                const key = nodeText(pair.key);
                if (seen.has(key))
                    continue;
                seen.add(key);
                if (pair.value)
                    visit(pair.value, object, flow);
            }
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            const flow = inFlow || node.flow === true;
            let floor = 0;
            for (const item of node.items) {
                visit(item, object, flow, floor);
                floor = item.range[1];
            }
        }
        else if ((0,dist/* isScalar */.jn)(node)) {
            visitScalar(node, object, inFlow, itemFloor);
        }
    };
    for (const root of roots) {
        if ((0,dist/* isMap */.jh)(root))
            visit(root, identify(root), false);
    }
    return scan;
}
/** Applies non-overlapping edits to `text`. */
function splice(text, edits) {
    let out = '';
    let at = 0;
    for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
        out += text.slice(at, edit.start) + edit.text;
        at = edit.end;
    }
    return out + text.slice(at);
}
const compareNames = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const isCandidateName = (name) => ['.yaml', '.yml'].includes((0,external_node_path_.extname)(name)) || name === 'Kustomization';
const errorText = (err) => (err instanceof Error ? err.message : String(err));
/**
 * Go `filepath.Walk` as ScreeningLocalReader uses it: lexical order, symlinks not followed, no ignore rules. Paths
 * are relative to the root, or to its directory when the root is a file.
 */
async function listCandidates(root) {
    const top = (0,external_node_path_.resolve)(root);
    let info;
    try {
        info = await (0,promises_.lstat)(top);
    }
    catch (err) {
        throw new SettersError('WALK_FAILED', `walking path for files: ${errorText(err)}`);
    }
    if (!info.isDirectory()) {
        const candidate = { absolute: top, path: (0,external_node_path_.basename)(top), symlink: info.isSymbolicLink() };
        const wanted = isCandidateName(candidate.path) && (info.isFile() || info.isSymbolicLink());
        return { base: (0,external_node_path_.dirname)(top), candidates: wanted ? [candidate] : [] };
    }
    const out = [];
    const walk = async (dir, prefix) => {
        let entries;
        try {
            entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        }
        catch (err) {
            throw new SettersError('WALK_FAILED', `walking path for files: ${errorText(err)}`);
        }
        entries.sort((a, b) => compareNames(a.name, b.name));
        for (const entry of entries) {
            const absolute = (0,external_node_path_.join)(dir, entry.name);
            const path = prefix + entry.name;
            if (entry.isDirectory())
                await walk(absolute, `${path}/`);
            // A FIFO or device named *.yaml would block or never end; upstream would read it.
            else if (isCandidateName(entry.name) && (entry.isFile() || entry.isSymbolicLink()))
                out.push({ absolute, path, symlink: entry.isSymbolicLink() });
        }
    };
    await walk(top, '');
    return { base: top, candidates: out };
}
/** Reads a candidate; undefined for an unreadable symlink (e.g. dangling), which upstream skips (fix #996). */
async function readCandidate(candidate) {
    try {
        return await (0,promises_.readFile)(candidate.absolute);
    }
    catch (err) {
        if (candidate.symlink)
            return undefined;
        throw new SettersError('READ_FAILED', `reading YAML file: ${errorText(err)}`);
    }
}
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const readBatch = 32;
/**
 * Applies the policies' setter markers under `root`, editing only the changed scalars. Throws SettersError for an
 * invalid full image reference, an unreadable root or directory, or an unreadable regular file, before writing anything.
 */
async function applySetters(options) {
    const setters = setterValues(options.policies);
    const { base, candidates } = await listCandidates(options.root);
    const outcome = { result: { fileChanges: new Map() }, files: [], problems: [], unresolved: [] };
    for (let i = 0; i < candidates.length; i += readBatch) {
        const batch = candidates.slice(i, i + readBatch);
        const contents = await Promise.all(batch.map(readCandidate));
        batch.forEach((candidate, j) => {
            const bytes = contents[j];
            if (!bytes?.includes(markerTokenBytes))
                return;
            let text;
            try {
                text = utf8.decode(bytes);
            }
            catch (err) {
                outcome.problems.push({ path: candidate.path, message: errorText(err) });
                return;
            }
            const scan = scanText(text, setters);
            if (scan.problem !== undefined) {
                outcome.problems.push({ path: candidate.path, message: scan.problem });
                return;
            }
            outcome.unresolved.push(...scan.unresolved.map((u) => ({ path: candidate.path, ...u })));
            if (!scan.edits.length)
                return;
            // Go keys changes by object identifier, so objects met twice in a file share one entry.
            const objects = new Map();
            for (const { object, change } of scan.changes) {
                const key = (0,result/* objectKey */.T5)(object);
                const entry = objects.get(key) ?? { object, changes: [] };
                entry.changes.push(change);
                objects.set(key, entry);
            }
            outcome.result.fileChanges.set(candidate.path, [...objects.values()]);
            outcome.files.push({ path: candidate.path, before: text, after: splice(text, scan.edits) });
        });
    }
    const write = options.write ?? 'in-place';
    if (write !== false) {
        for (const file of outcome.files) {
            const target = write === 'in-place' ? (0,external_node_path_.join)(base, file.path) : (0,external_node_path_.join)(write.outDir, file.path);
            if (write !== 'in-place')
                await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
            await (0,promises_.writeFile)(target, file.after);
        }
    }
    return outcome;
}
/**
 * cyphar/filepath-securejoin `SecureJoin`: joins `unsafePath` to `root` resolving symlinks as if `root` were the
 * filesystem root, so neither `..` nor a symlink leads outside it. Missing components are joined lexically.
 */
async function secureJoin(root, unsafePath) {
    let current = [];
    let remaining = unsafePath;
    let links = 0;
    while (remaining !== '') {
        const slash = remaining.indexOf('/');
        const part = slash < 0 ? remaining : remaining.slice(0, slash);
        remaining = slash < 0 ? '' : remaining.slice(slash + 1);
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            current.pop();
            continue;
        }
        const next = [...current, part];
        const full = (0,external_node_path_.join)(root, ...next);
        let info;
        try {
            info = await (0,promises_.lstat)(full);
        }
        catch (err) {
            const code = err.code;
            if (code !== 'ENOENT' && code !== 'ENOTDIR')
                throw err;
        }
        if (!info?.isSymbolicLink()) {
            current = next;
            continue;
        }
        if (++links > 255)
            throw new SettersError('SYMLINK_LOOP', `SecureJoin ${(0,external_node_path_.join)(root, unsafePath)}: too many levels of symbolic links`);
        const target = await (0,promises_.readlink)(full);
        remaining = `${target}/${remaining}`;
        // An absolute link is relative to the root.
        if ((0,external_node_path_.isAbsolute)(target))
            current = [];
    }
    return (0,external_node_path_.join)(root, ...current);
}
/**
 * image-automation-controller `policy.ApplyPolicies`: checks the update strategy, resolves `update.path` inside
 * `workDir` (SecureJoin), and applies the setters there in place (or as `write` says).
 */
async function applyPolicies(options) {
    const { update } = options;
    if (!update)
        throw new SettersError('NO_STRATEGY', 'no update strategy');
    if (update.strategy !== 'Setters')
        throw new SettersError('UNSUPPORTED_STRATEGY', `unsupported update strategy: ${update.strategy}`);
    let root = options.workDir;
    if (update.path) {
        try {
            root = await secureJoin(options.workDir, update.path);
        }
        catch (err) {
            throw new SettersError('SECURE_JOIN_FAILED', `failed to secure join manifest path: ${errorText(err)}`);
        }
    }
    return applySetters({ root, policies: options.policies, write: options.write });
}

// EXTERNAL MODULE: ../../packages/core/src/imageupdate/commit-message.ts + 14 modules
var commit_message = __webpack_require__(9952);
// EXTERNAL MODULE: ../../packages/core/src/imageupdate/git.ts
var imageupdate_git = __webpack_require__(8036);
// EXTERNAL MODULE: ../../packages/core/src/imageupdate/github/pullrequest.ts
var pullrequest = __webpack_require__(5270);
// EXTERNAL MODULE: ../../packages/core/src/imageupdate/github/rest-error.ts
var rest_error = __webpack_require__(7869);
;// CONCATENATED MODULE: ../../packages/core/src/imageupdate/github/apicommit.ts
// Committing changed files through GitHub's Git Data REST API (blobs, a tree, a commit, the ref) instead of
// `git push`, so that GitHub itself makes, and signs, the commit (@actions/github's Octokit, loaded when needed).
//
// When GitHub signs: "Signature verification for bots will only work if the request is verified and authenticated as
// the GitHub App or bot and contains no custom author information, custom committer information, and no custom
// signature information, such as Commits API." (docs.github.com, "About commit signature verification" → "Signature
// verification for bots"; GitHub.com and GHE.com: GitHub Enterprise Server signs only when its site administrator
// enabled web commit signing). And "Create a commit" (docs.github.com/rest/git/commits): "By default, committer will
// use the information set in author". So the commit is signed ("Verified", by the app's `[bot]` user, committer
// GitHub) only when made with an App installation token and neither `author` nor `committer` is sent: passing
// `author` trades the signature for the attribution. `verified` in the result says which it was.

class ApiCommitError extends rest_error/* GitHubError */.y_ {
    constructor(code, message, status) {
        super(code, message, status);
        this.name = 'ApiCommitError';
    }
}
const contentsWrite = 'add `permissions: contents: write` to the job (for a GitHub App token: give the app Contents: Read and write)';
/** GitHub's refusal, and the fix a workflow author needs, on one line. */
function explain(err, doing, options) {
    return (0,rest_error/* explainRestFailure */.y4)(ApiCommitError, err, doing, 'message-and-errors', ({ status, message }) => {
        if (/not a fast forward|reference already exists/i.test(message))
            return { code: 'BRANCH_MOVED', fix: `${options.branch} moved while this commit was made: run the update again` };
        if (/rule violation|protected branch/i.test(message))
            return {
                code: 'BRANCH_PROTECTED',
                fix: `${options.branch} is protected by a rule this token cannot bypass: exempt ${options.branch} from the rule, or let the GitHub App bypass it`,
            };
        if (status === 401)
            return {
                code: 'TOKEN_INVALID',
                fix: 'the token is not valid or has expired (a GitHub App installation token lasts one hour: create a fresh one)',
            };
        if (status === 403)
            return { code: 'PERMISSION_MISSING', fix: contentsWrite };
        if (status === 404)
            return {
                code: 'PERMISSION_MISSING',
                fix: `${contentsWrite}, and check that the token can reach ${options.repository} (a GitHub App token must be scoped to it)`,
            };
        if (status === 422)
            return { code: 'PERMISSION_MISSING', fix: `${contentsWrite}, and check that ${options.base} exists` };
        if (status === 409 && /empty/i.test(message))
            return { code: 'REPOSITORY_EMPTY', fix: `${options.repository} has no commits yet: push ${options.base} first` };
        return { code: 'REQUEST_FAILED' };
    });
}
function split(repository) {
    const [owner = '', repo = '', ...rest] = repository.split('/');
    if (!owner || !repo || rest.length)
        throw new ApiCommitError('INVALID_REPOSITORY', `repository "${repository}" is not owner/repo`);
    return { owner, repo };
}
function checkPath(path) {
    if (!path || path.startsWith('/') || path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
        throw new ApiCommitError('INVALID_PATH', `"${path}" is not a relative path inside the repository`);
    }
}
/**
 * Commits `files` to `branch` of `repository` through the Git Data API: one blob per file, one tree on top of the
 * start commit's tree, the commit (no committer, so GitHub can sign it), then the ref — updated (forced for `reset`)
 * or created. `stack` starts from the branch tip when the branch exists, else from `base`; `reset` from `base`.
 */
async function commitViaApi(options) {
    const { owner, repo } = split(options.repository);
    for (const file of options.files)
        checkPath(file.path);
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(31), __webpack_require__.e(547), __webpack_require__.e(642), __webpack_require__.e(803)]).then(__webpack_require__.bind(__webpack_require__, 8803));
    const octokit = getOctokit(options.token, options.apiUrl ? { baseUrl: options.apiUrl.replace(/\/+$/, '') } : {});
    const tip = async (branch) => {
        try {
            const { data } = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
            return data.object.sha;
        }
        catch (err) {
            if ((0,rest_error/* restStatus */.rR)(err) === 404)
                return undefined;
            throw explain(err, `reading branch ${branch} of ${options.repository}`, options);
        }
    };
    const branchTip = await tip(options.branch);
    const stackOnBranch = options.mode === 'stack' && branchTip !== undefined;
    const start = stackOnBranch ? branchTip : await tip(options.base);
    // GitHub answers 404 alike for a missing branch and for a repository the token cannot reach.
    if (!start)
        throw new ApiCommitError('BRANCH_NOT_FOUND', `branch ${options.base} of ${options.repository} was not found (HTTP 404): check that it exists and that the token can reach ${options.repository} (a GitHub App token must be scoped to it); ${contentsWrite}`, 404);
    if (options.parent && options.parent !== start) {
        throw new ApiCommitError('BRANCH_MOVED', `${stackOnBranch ? options.branch : options.base} is at ${start}, not at ${options.parent} the files were computed from: it moved since the checkout; run the update again`);
    }
    const step = async (doing, call) => {
        try {
            return await call();
        }
        catch (err) {
            throw explain(err, `${doing} in ${options.repository}`, options);
        }
    };
    const { data: startCommit } = await step(`reading commit ${start}`, () => octokit.rest.git.getCommit({ owner, repo, commit_sha: start }));
    const entries = [];
    for (const file of options.files) {
        // Bytes go base64; text as UTF-8, which GitHub stores as sent.
        const body = typeof file.content === 'string'
            ? { content: file.content, encoding: 'utf-8' }
            : { content: file.content.toString('base64'), encoding: 'base64' };
        const { data: blob } = await step(`uploading ${file.path}`, () => octokit.rest.git.createBlob({ owner, repo, ...body }));
        entries.push({ path: file.path, mode: file.mode ?? '100644', type: 'blob', sha: blob.sha });
    }
    const { data: tree } = await step('writing the tree', () => octokit.rest.git.createTree({ owner, repo, base_tree: startCommit.tree.sha, tree: entries }));
    if (tree.sha === startCommit.tree.sha) {
        return { sha: start, verified: startCommit.verification?.verified ?? false, parent: start };
    }
    const { data: commit } = await step('creating the commit', () => octokit.rest.git.createCommit({
        owner,
        repo,
        message: options.message,
        tree: tree.sha,
        parents: [start],
        ...(options.author ? { author: options.author } : {}),
    }));
    if (branchTip === undefined) {
        await step(`creating branch ${options.branch}`, () => octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${options.branch}`, sha: commit.sha }));
    }
    else {
        // No compare-and-swap in the REST API: `stack` is safe (GitHub refuses a non-fast-forward), `reset` overwrites
        // whatever landed on the branch since it was read.
        await step(`updating branch ${options.branch}`, () => octokit.rest.git.updateRef({ owner, repo, ref: `heads/${options.branch}`, sha: commit.sha, force: options.mode === 'reset' }));
    }
    return { sha: commit.sha, verified: commit.verification?.verified ?? false, parent: start };
}

// EXTERNAL MODULE: ../../node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(5415);
;// CONCATENATED MODULE: ../../packages/core/src/imageupdate/diff.ts

/** A `git diff`-style unified diff of one file (what `--dry-run` prints). */
function unifiedDiff(path, before, after) {
    if (before === after)
        return '';
    // jsdiff starts with a line of '=' signs, which git's format does not have.
    const patch = (0,create/* createTwoFilesPatch */.ss)(`a/${path}`, `b/${path}`, before, after).replace(/^=+\n/, '');
    return patch.endsWith('\n') ? patch : `${patch}\n`;
}

;// CONCATENATED MODULE: ../../packages/core/src/imageupdate/update.ts











/** Policies that cannot work (a bad range or pattern, a missing ImageRepository), each named with why. */
class InvalidPolicyError extends errors/* BaseError */.Cf {
    constructor(message) {
        super('INVALID_POLICY', message, { field: 'policies-path' });
        this.name = 'InvalidPolicyError';
    }
}
const objectName = (o) => `${o.Kind}/${o.Namespace}/${o.Name}`;
function flatten(result, updatePath, images) {
    const out = [];
    for (const [file, objects] of result.fileChanges) {
        for (const { object, changes } of objects) {
            for (const change of changes) {
                const policy = change.Setter.split(':').slice(0, 2).join(':');
                out.push({
                    file: (0,external_node_path_.join)(updatePath, file).split('\\').join('/'),
                    object: objectName(object),
                    setter: change.Setter,
                    old: change.OldValue,
                    new: change.NewValue,
                    image: images.get(policy)?.name ?? '',
                });
            }
        }
    }
    return out;
}
/**
 * What the setters would change in a remote commit or branch (`ref`), without writing: used to describe a branch
 * that already carries updates, against what it started from.
 */
async function changesAt(options) {
    const checkout = await (0,imageupdate_git/* openCommit */.Cg)({ repo: options.repo, auth: options.auth, ref: options.ref, branch: options.branch });
    try {
        const setters = await applySetters({
            root: await secureJoin(checkout.dir, options.updatePath),
            policies: options.policies,
            write: false,
        });
        const images = new Map(options.policies.map((p) => [`${p.namespace}:${p.name}`, p.latestRef]));
        return {
            result: setters.result,
            changes: flatten(setters.result, options.updatePath, images),
            files: setters.files.map((f) => (0,external_node_path_.join)(options.updatePath, f.path).split('\\').join('/')),
        };
    }
    finally {
        await checkout.remove();
    }
}
/**
 * Flux image automation without a cluster: reflect each ImagePolicy from its registry (as image-reflector-controller
 * does), apply the Setters markers under the update path (as image-automation-controller does, but editing only
 * the changed values), then commit with the message template, push the branch and open or update the pull request.
 * A policy whose registry cannot be read is reported and skipped; the others still apply.
 */
async function runImageUpdate(options) {
    const objects = await (0,imageupdate_objects/* loadAutomationObjects */.K)((0,external_node_path_.join)(options.repo, options.policiesPath), { namespace: options.namespace });
    const policies = await reflectPolicies({ repositories: objects.repositories, policies: objects.policies, clientFor: options.clientFor });
    // A policy that cannot work (bad range or pattern, missing ImageRepository) is a configuration error: say so before
    // anything is written. A registry that cannot be read is not: that policy is skipped and reported.
    const invalid = policies.filter((p) => !p.ok && p.kind !== 'registry');
    if (invalid.length)
        throw new InvalidPolicyError(invalid.map((p) => `ImagePolicy ${p.policy.namespace}/${p.policy.name} (${p.policy.file}): ${p.ok ? '' : p.error}`).join('; '));
    const inScope = policies.filter((p) => p.ok);
    const images = new Map(inScope.map((p) => [`${p.policy.namespace}:${p.policy.name}`, p.latestRef]));
    const setterPolicies = inScope.map((p) => ({ namespace: p.policy.namespace, name: p.policy.name, latestRef: p.latestRef }));
    const message = (result) => options.git && result.fileChanges.size
        ? (0,commit_message/* renderCommitMessage */.jq)(options.git.messageTemplate || commit_message/* defaultCommitTemplate */.NM, {
            automation: options.git.automation,
            result,
            values: options.git.messageValues,
        })
        : undefined;
    // A template that cannot render fails now, not on the first week with an update.
    if (options.git)
        (0,commit_message/* renderCommitMessage */.jq)(options.git.messageTemplate || commit_message/* defaultCommitTemplate */.NM, {
            automation: options.git.automation,
            result: { fileChanges: new Map() },
            values: options.git.messageValues,
        });
    const worktree = options.git && !options.dryRun
        ? await (0,imageupdate_git/* openBranch */.DH)({
            repo: options.repo,
            auth: options.git.auth,
            base: options.git.base,
            branch: options.git.branch,
            mode: options.git.mode,
        })
        : undefined;
    try {
        // Resolved as Flux does (securejoin): the update path cannot leave the checkout, even through a symlink.
        const root = await secureJoin(worktree?.dir ?? options.repo, options.updatePath);
        const setters = await applySetters({ root, policies: setterPolicies, write: options.dryRun ? false : 'in-place' });
        const report = {
            policies,
            result: setters.result,
            changes: flatten(setters.result, options.updatePath, images),
            files: setters.files.map((f) => (0,external_node_path_.join)(options.updatePath, f.path).split('\\').join('/')),
            unresolved: setters.unresolved.map((u) => ({
                file: (0,external_node_path_.join)(options.updatePath, u.path).split('\\').join('/'),
                line: u.line,
                setter: u.setter,
            })),
            problems: [
                ...objects.problems.map((p) => ({ file: (0,external_node_path_.join)(options.policiesPath, p.file), message: p.message })),
                ...setters.problems.map((p) => ({ file: (0,external_node_path_.join)(options.updatePath, p.path), message: p.message })),
            ],
            updated: false,
            diff: setters.files
                .map((f) => unifiedDiff((0,external_node_path_.relative)(options.repo, (0,external_node_path_.join)(options.repo, options.updatePath, f.path))
                .split('\\')
                .join('/'), f.before, f.after))
                .join(''),
        };
        if (!options.git) {
            report.updated = setters.files.length > 0 && !options.dryRun;
            return report;
        }
        const git = options.git;
        report.message = message(setters.result);
        if (worktree && report.message) {
            if (git.via?.kind === 'api') {
                // secureJoin resolved symlinks, so compare with the worktree's real path.
                const updatePrefix = (0,external_node_path_.relative)(await (0,promises_.realpath)(worktree.dir), root)
                    .split('\\')
                    .join('/');
                const commit = await commitViaApi({
                    token: git.via.token,
                    repository: git.via.repository,
                    apiUrl: git.via.apiUrl,
                    branch: git.branch,
                    base: git.base,
                    mode: git.mode,
                    parent: worktree.startedFrom.commit,
                    files: setters.files.map((f) => ({ path: [updatePrefix, f.path].filter(Boolean).join('/'), content: f.after })),
                    message: report.message,
                    ...(git.author ? { author: git.author } : {}),
                });
                if (commit.sha !== commit.parent) {
                    report.commit = commit.sha;
                    report.verified = commit.verified;
                    report.updated = true;
                }
            }
            else {
                report.commit = await (0,imageupdate_git/* commitAll */.fi)(worktree.dir, report.message, git.author ?? { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' });
                if (report.commit) {
                    await (0,imageupdate_git/* pushBranch */.TV)({ repo: options.repo, auth: git.auth, dir: worktree.dir, branch: git.branch });
                    report.updated = true;
                }
            }
        }
        const pr = options.pullRequest;
        if (pr && !options.dryRun) {
            const target = { token: pr.token, repository: pr.repository, apiUrl: pr.apiUrl, head: git.branch, base: git.base, labels: pr.labels };
            const open = (changes, text) => (0,pullrequest/* openOrUpdatePullRequest */.x5)({ ...target, title: text.split('\n')[0] || commit_message/* defaultCommitTemplate */.NM, body: pr.body(changes, text) });
            if (report.updated) {
                report.pullRequest = await open(report.changes, report.message ?? '');
            }
            else {
                report.pullRequest = await (0,pullrequest/* findPullRequest */._f)(target);
                // The branch carries updates but has no pull request (an earlier run pushed, then failed to open it):
                // open it now, describing what the branch changes from the base.
                if (!report.pullRequest && worktree?.startedFrom.existing) {
                    const pending = await changesAt({
                        repo: options.repo,
                        auth: git.auth,
                        ref: git.base,
                        branch: git.base,
                        updatePath: options.updatePath,
                        policies: setterPolicies,
                    });
                    const text = message(pending.result);
                    if (text)
                        report.pullRequest = await open(pending.changes, text);
                }
            }
        }
        return report;
    }
    finally {
        await worktree?.remove();
    }
}


/***/ })

};
