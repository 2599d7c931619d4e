// The template lexer, a port of Go's text/template/parse/lex.go state function for state function, with the
// default delimiters and without comment items (no ParseComments mode). Positions are UTF-16 indexes.
import { byteLength, isAlphaNumeric, runes } from '../strings.ts';
import { isPrint, quote } from '../strconv/quote.ts';
import { hex } from './fmt.ts';

/** fmt `%#U`, used in lexer errors. */
function goUnicode(cp: number): string {
  const code = `U+${hex(cp, 4, true)}`;
  return isPrint(cp) ? `${code} '${String.fromCodePoint(cp)}'` : code;
}

/** fmt `%q` of an item, or `%.10q...` past 10 bytes (parse/lex.go item.String). */
function quoteItemValue(val: string): string {
  if (byteLength(val) > 10) return `${quote(runes(val).slice(0, 10).join(''))}...`;
  return quote(val);
}

export type ItemType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'comment'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'eof'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  // keywords
  | 'block'
  | 'break'
  | 'continue'
  | 'dot'
  | 'define'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with';

const keywords: ReadonlyMap<string, ItemType> = new Map<string, ItemType>([
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
const keywordTypes: ReadonlySet<ItemType> = new Set(keywords.values());

export interface Item {
  readonly type: ItemType;
  readonly pos: number;
  readonly val: string;
  readonly line: number;
}

/** parse/lex.go item.String. */
export function itemString(item: Item): string {
  if (item.type === 'eof') return 'EOF';
  if (item.type === 'error') return item.val;
  if (keywordTypes.has(item.type)) return `<${item.val}>`;
  return quoteItemValue(item.val);
}

const EOF = -1;
const leftDelim = '{{';
const rightDelim = '}}';
const leftComment = '/*';
const rightComment = '*/';
const trimMarkerLength = 2; // '-' plus a space

type StateFn = (l: Lexer) => StateFn | null;

/** isSpace in lex.go: space, tab and line ends (newlines are allowed inside actions). */
function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x0d || cp === 0x0a;
}

function hasLeftTrimMarker(s: string, at: number): boolean {
  return s.length >= at + 2 && s[at] === '-' && isSpace(s.charCodeAt(at + 1));
}

function hasRightTrimMarker(s: string, at: number): boolean {
  return s.length >= at + 2 && isSpace(s.charCodeAt(at)) && s[at + 1] === '-';
}

export function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 0x0a) n++;
  return n;
}

function trimmedLength(s: string, fromEnd: boolean): number {
  let n = 0;
  if (fromEnd) while (n < s.length && isSpace(s.charCodeAt(s.length - 1 - n))) n++;
  else while (n < s.length && isSpace(s.charCodeAt(n))) n++;
  return n;
}

/** lex.go's lexer: `nextItem` runs state functions until one emits an item. */
export class Lexer {
  input: string;
  pos = 0;
  start = 0;
  atEOF = false;
  parenDepth = 0;
  line = 1;
  startLine = 1;
  item: Item = { type: 'eof', pos: 0, val: 'EOF', line: 1 };
  insideAction = false;

  constructor(input: string) {
    this.input = input;
  }

  next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    const cp = this.input.codePointAt(this.pos) ?? EOF;
    this.pos += cp > 0xffff ? 2 : 1;
    if (cp === 0x0a) this.line++;
    return cp;
  }

  peek(): number {
    const cp = this.next();
    this.backup();
    return cp;
  }

  backup(): void {
    if (this.atEOF || this.pos <= 0) return;
    const low = this.input.charCodeAt(this.pos - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && this.pos >= 2 ? 2 : 1;
    this.pos -= width;
    if (low === 0x0a) this.line--;
  }

  thisItem(type: ItemType): Item {
    const item = { type, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return item;
  }

  emit(type: ItemType): null {
    return this.emitItem(this.thisItem(type));
  }

  emitItem(item: Item): null {
    this.item = item;
    return null;
  }

  ignore(): void {
    this.line += countNewlines(this.input.slice(this.start, this.pos));
    this.start = this.pos;
    this.startLine = this.line;
  }

  accept(valid: string): boolean {
    const cp = this.next();
    if (cp !== EOF && valid.includes(String.fromCodePoint(cp))) return true;
    this.backup();
    return false;
  }

  acceptRun(valid: string): void {
    for (;;) {
      const cp = this.next();
      if (cp === EOF || !valid.includes(String.fromCodePoint(cp))) break;
    }
    this.backup();
  }

  errorf(message: string): null {
    this.item = { type: 'error', pos: this.start, val: message, line: this.startLine };
    this.start = 0;
    this.pos = 0;
    this.input = '';
    return null;
  }

  nextItem(): Item {
    this.item = { type: 'eof', pos: this.pos, val: 'EOF', line: this.startLine };
    let state: StateFn | null = this.insideAction ? lexInsideAction : lexText;
    while (state) state = state(this);
    return this.item;
  }

  atRightDelim(): [delim: boolean, trimSpaces: boolean] {
    if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(rightDelim, this.pos + trimMarkerLength)) return [true, true];
    if (this.input.startsWith(rightDelim, this.pos)) return [true, false];
    return [false, false];
  }

  atTerminator(): boolean {
    const cp = this.peek();
    if (isSpace(cp)) return true;
    if (cp === EOF) return true;
    if ('.,|:)('.includes(String.fromCodePoint(cp))) return true;
    return this.input.startsWith(rightDelim, this.pos);
  }

  scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    if (isAlphaNumeric(this.peek())) {
      this.next();
      return false;
    }
    return true;
  }
}

function lexText(l: Lexer): StateFn | null {
  const x = l.input.indexOf(leftDelim, l.pos);
  if (x >= 0) {
    if (x > l.pos) {
      l.pos = x;
      let trimLength = 0;
      if (hasLeftTrimMarker(l.input, l.pos + leftDelim.length)) trimLength = trimmedLength(l.input.slice(l.start, l.pos), true);
      l.pos -= trimLength;
      l.line += countNewlines(l.input.slice(l.start, l.pos));
      const item = l.thisItem('text');
      l.pos += trimLength;
      l.ignore();
      if (item.val.length > 0) return l.emitItem(item);
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

function lexLeftDelim(l: Lexer): StateFn | null {
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

function lexComment(l: Lexer): StateFn | null {
  l.pos += leftComment.length;
  const x = l.input.indexOf(rightComment, l.pos);
  if (x < 0) return l.errorf('unclosed comment');
  l.pos = x + rightComment.length;
  const [delim, trimSpace] = l.atRightDelim();
  if (!delim) return l.errorf('comment ends before closing delimiter');
  l.line += countNewlines(l.input.slice(l.start, l.pos));
  l.thisItem('comment'); // comments are not emitted (no ParseComments mode)
  if (trimSpace) l.pos += trimMarkerLength;
  l.pos += rightDelim.length;
  if (trimSpace) l.pos += trimmedLength(l.input.slice(l.pos), false);
  l.ignore();
  return lexText;
}

function lexRightDelim(l: Lexer): StateFn | null {
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

function lexInsideAction(l: Lexer): StateFn | null {
  const [delim] = l.atRightDelim();
  if (delim) {
    if (l.parenDepth === 0) return lexRightDelim;
    return l.errorf('unclosed left paren');
  }
  const cp = l.next();
  if (cp === EOF) return l.errorf('unclosed action');
  if (isSpace(cp)) {
    l.backup(); // put the space back in case this is " -}}"
    return lexSpace;
  }
  const ch = String.fromCodePoint(cp);
  switch (ch) {
    case '=':
      return l.emit('assign');
    case ':':
      if (l.next() !== 0x3d) return l.errorf('expected :=');
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
      if (l.parenDepth < 0) return l.errorf('unexpected right paren');
      return l.emit('rightParen');
  }
  if (ch === '.') {
    // ".field" unless a digit follows ('.' can start a number).
    if (l.pos < l.input.length) {
      const next = l.input.charCodeAt(l.pos);
      if (next < 0x30 || next > 0x39) return lexField;
    }
  }
  if (ch === '.' || ch === '+' || ch === '-' || (cp >= 0x30 && cp <= 0x39)) {
    l.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(cp)) {
    l.backup();
    return lexIdentifier;
  }
  if (cp < 0x80 && isPrint(cp)) return l.emit('char');
  return l.errorf(`unrecognized character in action: ${goUnicode(cp)}`);
}

function lexSpace(l: Lexer): StateFn | null {
  let spaces = 0;
  while (isSpace(l.peek())) {
    l.next();
    spaces++;
  }
  // A trim-marked right delimiter starts with a space: leave it for lexRightDelim.
  if (hasRightTrimMarker(l.input, l.pos - 1) && l.input.startsWith(rightDelim, l.pos - 1 + trimMarkerLength)) {
    l.backup();
    if (spaces === 1) return lexRightDelim;
  }
  return l.emit('space');
}

function lexIdentifier(l: Lexer): StateFn | null {
  for (;;) {
    const cp = l.next();
    if (isAlphaNumeric(cp)) continue;
    l.backup();
    const word = l.input.slice(l.start, l.pos);
    if (!l.atTerminator()) return l.errorf(`bad character ${goUnicode(cp)}`);
    const keyword = keywords.get(word);
    if (keyword !== undefined) return l.emit(keyword);
    if (word === 'true' || word === 'false') return l.emit('bool');
    return l.emit('identifier');
  }
}

function lexField(l: Lexer): StateFn | null {
  return lexFieldOrVariable(l, 'field');
}

function lexVariable(l: Lexer): StateFn | null {
  if (l.atTerminator()) return l.emit('variable');
  return lexFieldOrVariable(l, 'variable');
}

function lexFieldOrVariable(l: Lexer, type: 'field' | 'variable'): StateFn | null {
  if (l.atTerminator()) return l.emit(type === 'variable' ? 'variable' : 'dot');
  let cp: number;
  for (;;) {
    cp = l.next();
    if (!isAlphaNumeric(cp)) {
      l.backup();
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${goUnicode(cp)}`);
  return l.emit(type);
}

function lexChar(l: Lexer): StateFn | null {
  for (;;) {
    const cp = l.next();
    if (cp === 0x5c) {
      const escaped = l.next();
      if (escaped !== EOF && escaped !== 0x0a) continue;
      return l.errorf('unterminated character constant');
    }
    if (cp === EOF || cp === 0x0a) return l.errorf('unterminated character constant');
    if (cp === 0x27) break;
  }
  return l.emit('charConstant');
}

function lexNumber(l: Lexer): StateFn | null {
  if (!l.scanNumber()) return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos))}`);
  const sign = l.peek();
  if (sign === 0x2b || sign === 0x2d) {
    if (!l.scanNumber() || l.input[l.pos - 1] !== 'i') return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos))}`);
    return l.emit('complex');
  }
  return l.emit('number');
}

function lexQuote(l: Lexer): StateFn | null {
  for (;;) {
    const cp = l.next();
    if (cp === 0x5c) {
      const escaped = l.next();
      if (escaped !== EOF && escaped !== 0x0a) continue;
      return l.errorf('unterminated quoted string');
    }
    if (cp === EOF || cp === 0x0a) return l.errorf('unterminated quoted string');
    if (cp === 0x22) break;
  }
  return l.emit('string');
}

function lexRawQuote(l: Lexer): StateFn | null {
  for (;;) {
    const cp = l.next();
    if (cp === EOF) return l.errorf('unterminated raw quoted string');
    if (cp === 0x60) break;
  }
  return l.emit('rawString');
}
