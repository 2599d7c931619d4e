export const id = 952;
export const ids = [952];
export const modules = {

/***/ 97164:
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

/***/ 29952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  O6: () => (/* binding */ d2MessageTemplate),
  NM: () => (/* binding */ defaultCommitTemplate),
  jq: () => (/* binding */ renderCommitMessage)
});

// UNUSED EXPORTS: TemplateError

// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __webpack_require__(85736);
// EXTERNAL MODULE: ../../packages/core/src/go/strings.ts
var strings = __webpack_require__(97164);
// EXTERNAL MODULE: ../../packages/core/src/go/strconv/quote.ts
var quote = __webpack_require__(38920);
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
    return verb === 'q' ? (0,quote/* quote */.h)(s) : s;
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
            throw unsupported(`printf verb or flag in ${(0,quote/* quote */.h)(`%${verb}`)} (supported: %v %s %q %d %t %%)`);
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
    return (0,quote/* isPrint */.O)(cp) ? `${code} '${String.fromCodePoint(cp)}'` : code;
}
/** fmt `%q` of an item, or `%.10q...` past 10 bytes (parse/lex.go item.String). */
function quoteItemValue(val) {
    if ((0,strings/* byteLength */.dp)(val) > 10)
        return `${(0,quote/* quote */.h)((0,strings/* runes */.mZ)(val).slice(0, 10).join(''))}...`;
    return (0,quote/* quote */.h)(val);
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
    if (cp < 0x80 && (0,quote/* isPrint */.O)(cp))
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
        return l.errorf(`bad number syntax: ${(0,quote/* quote */.h)(l.input.slice(l.start, l.pos))}`);
    const sign = l.peek();
    if (sign === 0x2b || sign === 0x2d) {
        if (!l.scanNumber() || l.input[l.pos - 1] !== 'i')
            return l.errorf(`bad number syntax: ${(0,quote/* quote */.h)(l.input.slice(l.start, l.pos))}`);
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
            this.errorf(`${(0,quote/* quote */.h)(node.ident)} is not a defined function`);
        if (found === 'unsupported')
            this.unsupported(`function ${(0,quote/* quote */.h)(node.ident)}`);
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
        else if (cp < 0x80 || (0,quote/* isPrint */.O)(cp))
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
                return this.errorf(`unexpected . after term ${(0,quote/* quote */.h)(nodeString(node))}`);
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
                    this.errorf(`function ${(0,quote/* quote */.h)(token.val)} not defined`);
                if (fn === 'unsupported')
                    throw unsupported(`function ${(0,quote/* quote */.h)(token.val)} (Flux has it, d2ci does not implement it)`, token.pos);
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
            this.errorf(`illegal number syntax: ${(0,quote/* quote */.h)(token.val)}`);
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
            this.errorf(`undefined variable ${(0,quote/* quote */.h)(v.ident[0] ?? '')}`);
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
var external_node_crypto_ = __webpack_require__(77598);
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
        throw unsupported(`${upper ? 'upper' : 'lower'} of ${(0,quote/* quote */.h)(ch)} (no one-to-one case mapping known to d2ci)`);
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
            .map((v) => (0,quote/* quote */.h)(strval(v)))
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
var result = __webpack_require__(63495);
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
/** The D2 reference architecture's message template, verbatim (d2-fleet clusters/update/automation.yaml). */
const d2MessageTemplate = `Automated image update

Files:
{{ range $filename, $_ := .Changed.FileChanges -}}
- {{ $filename }}
{{ end -}}

Objects:
{{ range $resource, $changes := .Changed.Objects -}}
- {{ $resource.Kind }} {{ $resource.Name }}
  Changes:
{{- range $_, $change := $changes }}
    - {{ $change.OldValue }} -> {{ $change.NewValue }}
{{ end -}}
{{ end -}}
`;
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

/***/ 63495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ resultChanges),
/* harmony export */   J1: () => (/* binding */ sortedFileChanges),
/* harmony export */   T5: () => (/* binding */ objectKey),
/* harmony export */   cL: () => (/* binding */ resultObjects)
/* harmony export */ });
/* unused harmony export compareObjects */
/* harmony import */ var _go_strings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97164);
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


/***/ })

};
