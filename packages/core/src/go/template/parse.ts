// The template parser, a port of Go's text/template/parse/parse.go (Tree.Parse and what it calls) for one template
// without {{define}}, {{block}} or {{template}}. Function names are checked against the template's functions at
// parse time, as Go does.
import { quote } from '../strconv/quote.ts';
import { GoTemplateError, unsupported } from './errors.ts';
import type { FuncMapEntry } from './function.ts';
import { itemString, Lexer, type Item, type ItemType } from './lex.ts';
import {
  newVariable,
  nodeString,
  type ArgNode,
  type BranchNode,
  type ChainNode,
  type CommandNode,
  type EndOrElseNode,
  type ListNode,
  type LoopControlNode,
  type Node,
  type NumberNode,
  type PipeNode,
  type VariableNode,
} from './node.ts';

interface ControlParts {
  pos: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | null;
}

/** parse.Tree for one template: `parse()` returns its root list. */
export class Parser {
  private readonly name: string;
  private readonly funcs: (name: string) => FuncMapEntry | undefined;
  private readonly lex: Lexer;
  private readonly token: Item[] = [];
  private peekCount = 0;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  private actionLine = 0;

  /** `name` is the template's name, which Go's messages cite; `funcs` finds a function by name. */
  constructor(name: string, text: string, funcs: (name: string) => FuncMapEntry | undefined) {
    this.name = name;
    this.funcs = funcs;
    this.lex = new Lexer(text);
  }

  parse(): ListNode {
    const root: ListNode = { type: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().type !== 'eof') {
      if (this.peek().type === 'leftDelim') {
        const delim = this.next();
        const keyword = this.nextNonSpace();
        if (keyword.type === 'define') throw unsupported('{{define}}', keyword.pos);
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      root.nodes.push(n);
    }
    return root;
  }

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex.nextItem();
    return this.tokenAt(this.peekCount);
  }

  private tokenAt(i: number): Item {
    const item = this.token[i];
    if (!item) throw new Error('template parser: token lookahead underflow');
    return item;
  }

  private backup(): void {
    this.peekCount++;
  }

  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  private peek(): Item {
    if (this.peekCount > 0) return this.tokenAt(this.peekCount - 1);
    this.peekCount = 1;
    this.token[0] = this.lex.nextItem();
    return this.token[0];
  }

  private nextNonSpace(): Item {
    let token: Item;
    do token = this.next();
    while (token.type === 'space');
    return token;
  }

  private peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  private errorf(message: string): never {
    throw new GoTemplateError('PARSE', `template: ${this.name}:${this.token[0]?.line ?? 1}: ${message}`);
  }

  private expect(expected: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.type !== expected) this.unexpected(token, context);
    return token;
  }

  private unexpected(token: Item, context: string): never {
    if (token.type === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.name}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  private itemList(): [ListNode, Node] {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().type !== 'eof') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'text':
        return { type: 'text', pos: token.pos, text: token.val };
      case 'leftDelim':
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      default:
        return this.unexpected(token, 'input');
    }
  }

  private action(): Node {
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

  private loopControl(keyword: Item): LoopControlNode {
    const type = keyword.type === 'break' ? 'break' : 'continue';
    const token = this.nextNonSpace();
    if (token.type !== 'rightDelim') this.unexpected(token, `{{${type}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${type}}} outside {{range}}`);
    return { type, pos: keyword.pos };
  }

  private elseControl(): EndOrElseNode {
    const peek = this.peekNonSpace();
    // "{{else if ...}}" and "{{else with ...}}" leave the keyword pending for parseControl.
    if (peek.type === 'if' || peek.type === 'with') return { type: 'else', pos: peek.pos };
    return { type: 'else', pos: this.expect('rightDelim', 'else').pos };
  }

  private branchControl(context: 'if' | 'range' | 'with'): BranchNode {
    const parts = this.parseControl(context);
    return { type: context, pos: parts.pos, pipe: parts.pipe, list: parts.list, elseList: parts.elseList };
  }

  private parseControl(context: 'if' | 'range' | 'with'): ControlParts {
    const varsLength = this.vars.length;
    try {
      const pipe = this.pipeline(context, 'rightDelim');
      if (context === 'range') this.rangeDepth++;
      const [list, next] = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === 'else') {
        if ((context === 'if' && this.peek().type === 'if') || (context === 'with' && this.peek().type === 'with')) {
          // {{if a}}_{{else if b}}_{{end}} is {{if a}}_{{else}}{{if b}}_{{end}}{{end}}.
          this.next();
          elseList = { type: 'list', pos: next.pos, nodes: [this.branchControl(context)] };
        } else {
          const [otherwise, end] = this.itemList();
          if (end.type !== 'end') this.errorf(`expected end; found ${nodeString(end)}`);
          elseList = otherwise;
        }
      }
      return { pos: pipe.pos, pipe, list, elseList };
    } finally {
      this.vars.length = varsLength;
    }
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const pipe: PipeNode = { type: 'pipe', pos: this.peekNonSpace().pos, isAssign: false, decl: [], cmds: [] };
    for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== 'variable') break;
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
          if (after === 'variable' || after === 'rightDelim' || after === 'rightParen') continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      }
      if (tokenAfterVariable.type === 'space') this.backup3(v, tokenAfterVariable);
      else this.backup2(v);
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

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((cmd, i) => {
      const first = cmd.args[0]?.type;
      if (first === 'bool' || first === 'dot' || first === 'nil' || first === 'number' || first === 'string') {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const token = this.next();
      if (token.type === 'space') continue;
      if (token.type === 'rightDelim' || token.type === 'rightParen') this.backup();
      else if (token.type !== 'pipe') this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): ArgNode | null {
    const node = this.term();
    if (!node) return null;
    if (this.peek().type !== 'field') return node;
    const chain: ChainNode = { type: 'chain', pos: this.peek().pos, node, fields: [] };
    while (this.peek().type === 'field') chain.fields.push(this.next().val.slice(1));
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
        return this.errorf(`unexpected . after term ${quote(nodeString(node))}`);
      default:
        return chain;
    }
  }

  private term(): ArgNode | null {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'identifier': {
        const fn = this.funcs(token.val);
        if (fn === undefined) this.errorf(`function ${quote(token.val)} not defined`);
        if (fn === 'unsupported') throw unsupported(`function ${quote(token.val)} (Flux has it, d2ci does not implement it)`, token.pos);
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
  private number(token: Item): NumberNode {
    if (token.type === 'number' && /^[+-]?(0|[1-9][0-9]*)$/.test(token.val)) {
      const value = Number(token.val);
      if (Number.isSafeInteger(value)) return { type: 'number', pos: token.pos, text: token.val, value };
    }
    // The lexer passes a lone sign or dot as a number; Go's strconv then rejects it.
    if (token.type === 'number' && !/[0-9]/.test(token.val)) this.errorf(`illegal number syntax: ${quote(token.val)}`);
    throw unsupported(`number literal ${token.val} (only decimal integers up to 2^53 are supported)`, token.pos);
  }

  /** strconv.Unquote for string tokens. */
  private unquote(token: Item): string {
    const quoted = token.val;
    if (token.type === 'rawString') return quoted.slice(1, -1).replaceAll('\r', '');
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
      if (digits === 0) this.errorf('invalid syntax');
      const text = escape >= '0' && escape <= '7' ? body.slice(i, i + 3) : body.slice(i + 1, i + 1 + digits);
      const valid = escape >= '0' && escape <= '7' ? /^[0-7]{3}$/.test(text) : new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(text);
      if (!valid) this.errorf('invalid syntax');
      const value = parseInt(text, escape >= '0' && escape <= '7' ? 8 : 16);
      i += escape >= '0' && escape <= '7' ? 2 : digits;
      if (escape === 'x' || (escape >= '0' && escape <= '7')) {
        if (value > 0xff) this.errorf('invalid syntax');
        // A byte escape above 0x7f makes a raw byte, possibly invalid UTF-8, which JavaScript strings cannot hold.
        if (value > 0x7f) throw unsupported('a string escape making a non-ASCII byte', token.pos);
        out += String.fromCharCode(value);
        continue;
      }
      if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) this.errorf('invalid syntax');
      out += String.fromCodePoint(value);
    }
    return out;
  }

  private useVar(pos: number, name: string): VariableNode {
    const v = newVariable(pos, name);
    if (!this.vars.includes(v.ident[0] ?? '')) this.errorf(`undefined variable ${quote(v.ident[0] ?? '')}`);
    return v;
  }
}

const goStringEscapes: ReadonlyMap<string, string> = new Map([
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
