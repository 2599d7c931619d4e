// The template executor, a port of Go's text/template exec.go (state.walk, evalPipeline, evalCommand, evalField,
// evalCall, evalArg and their helpers): the same evaluation order, the same values, the same error texts.
import { byteLength } from '../strings.ts';
import { quote } from '../strconv/quote.ts';
import { GoTemplateError, unsupported } from './errors.ts';
import { printArg } from './fmt.ts';
import { fn, type FuncMapEntry, type GoFunction, type SpecialFunction } from './function.ts';
import { countNewlines } from './lex.ts';
import {
  nodeString,
  type ArgNode,
  type BoolNode,
  type BranchNode,
  type ChainNode,
  type CommandNode,
  type FieldNode,
  type IdentifierNode,
  type ListNode,
  type Node,
  type NumberNode,
  type PipeNode,
  type StringNode,
  type VariableNode,
} from './node.ts';
import {
  anyType,
  assignable,
  bool,
  canBeNil,
  fieldByName,
  int,
  intType,
  isTrue,
  mapLookup,
  sortedEntries,
  str,
  stringType,
  zeroValue,
  type GoType,
  type Value,
} from './value.ts';

const maxOutputLength = 1 << 24;

const MISSING = Symbol('missing');
type Final = Value | typeof MISSING;

/** {{break}} and {{continue}} unwind to their range as exceptions, as Go's panics do. */
class BreakSignal extends Error {}
class ContinueSignal extends Error {}

interface Variable {
  readonly name: string;
  value: Value;
}

/** Go's exec state for one execution of a parsed template. */
export class Executor {
  private readonly name: string;
  private readonly text: string;
  private readonly funcs: (name: string) => FuncMapEntry | undefined;
  private vars: Variable[] = [];
  private node: Node | null = null;
  private output = '';

  /** `text` is the parsed template's source, for the line and column in error messages. */
  constructor(name: string, text: string, funcs: (name: string) => FuncMapEntry | undefined) {
    this.name = name;
    this.text = text;
    this.funcs = funcs;
  }

  execute(root: ListNode, data: Value): string {
    this.vars = [{ name: '$', value: data }];
    this.walk(data, root);
    return this.output;
  }

  private at(node: Node): void {
    this.node = node;
  }

  private errorf(message: string, missingField?: { field: string; type: string }): never {
    if (this.node === null) throw new GoTemplateError('EXEC', `template: ${this.name}: ${message}`, undefined, missingField);
    const pos = this.node.pos;
    const before = this.text.slice(0, pos);
    const lineStart = before.lastIndexOf('\n') + 1;
    const location = `${this.name}:${countNewlines(before) + 1}:${byteLength(before.slice(lineStart))}`;
    throw new GoTemplateError(
      'EXEC',
      `template: ${location}: executing "${this.name}" at <${nodeString(this.node)}>: ${message}`,
      undefined,
      missingField,
    );
  }

  private unsupported(construct: string): never {
    throw unsupported(construct, this.node?.pos);
  }

  private mark(): number {
    return this.vars.length;
  }

  private pop(mark: number): void {
    this.vars.length = mark;
  }

  private setVar(name: string, value: Value): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i];
      if (v?.name === name) {
        v.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private setTopVar(n: number, value: Value): void {
    const v = this.vars[this.vars.length - n];
    if (v) v.value = value;
  }

  private varValue(name: string): Value {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i];
      if (v?.name === name) return v.value;
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private walk(dot: Value, node: Node): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        // Declared variables persist until the enclosing {{end}}; a declaration prints nothing.
        const value = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, value);
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
        for (const n of node.nodes) this.walk(dot, n);
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

  private walkIfOrWith(node: BranchNode, dot: Value): void {
    const mark = this.mark();
    try {
      const value = this.evalPipeline(dot, node.pipe);
      if (isTrue(value)) this.walk(node.type === 'with' ? value : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.pop(mark);
    }
  }

  private walkRange(dot: Value, r: BranchNode): void {
    this.at(r);
    const outer = this.mark();
    try {
      const value = this.evalPipeline(dot, r.pipe);
      const mark = this.mark();
      const oneIteration = (index: Value, elem: Value): void => {
        const decl = r.pipe.decl;
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[0]?.ident[0] ?? '', decl.length > 1 ? index : elem);
          else this.setTopVar(1, elem);
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1]?.ident[0] ?? '', elem);
          else this.setTopVar(2, index);
        }
        try {
          this.walk(elem, r.list);
        } catch (signal) {
          if (!(signal instanceof ContinueSignal)) throw signal;
        } finally {
          this.pop(mark);
        }
      };
      let iterated = false;
      if (value === null) {
        // An invalid value (nil map and the like) ranges like an empty map.
      } else if (value.kind === 'slice') {
        (value.items ?? []).forEach((item, i) => {
          iterated = true;
          oneIteration(int(i), item);
        });
      } else if (value.kind === 'map') {
        for (const entry of sortedEntries(value)) {
          iterated = true;
          oneIteration(entry.key, entry.value);
        }
      } else if (value.kind === 'int') {
        // Go 1.24+: {{range n}} counts 0..n-1, the count being both dot and the one variable.
        if (r.pipe.decl.length > 1) this.errorf(`can't use ${value.value} to iterate over more than one variable`);
        for (let i = 0; i < value.value; i++) {
          iterated = true;
          oneIteration(null, int(i, value.type.kind === 'int' ? value.type : intType));
        }
      } else {
        this.errorf(`range can't iterate over ${printArg(value, 'v')}`);
      }
      if (!iterated && r.elseList) this.walk(dot, r.elseList);
    } catch (signal) {
      if (!(signal instanceof BreakSignal)) throw signal;
    } finally {
      this.pop(outer);
    }
  }

  private evalPipeline(dot: Value, pipe: PipeNode): Value {
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) value = this.evalCommand(dot, cmd, value);
    const result = value === MISSING ? null : value;
    for (const variable of pipe.decl) {
      if (pipe.isAssign) this.setVar(variable.ident[0] ?? '', result);
      else this.vars.push({ name: variable.ident[0] ?? '', value: result });
    }
    return result;
  }

  private notAFunction(args: readonly ArgNode[] | null, final: Final): void {
    if ((args !== null && args.length > 1) || final !== MISSING)
      this.errorf(`can't give argument to non-function ${args?.[0] ? nodeString(args[0]) : ''}`);
  }

  private evalCommand(dot: Value, cmd: CommandNode, final: Final): Value {
    const first = cmd.args[0];
    if (!first) this.errorf('empty command');
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

  private idealConstant(constant: NumberNode): Value {
    this.at(constant);
    return int(constant.value);
  }

  private evalFieldNode(dot: Value, field: FieldNode, args: readonly ArgNode[] | null, final: Final): Value {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(dot: Value, chain: ChainNode, args: readonly ArgNode[] | null, final: Final): Value {
    this.at(chain);
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, anyType, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.fields, args, final);
  }

  private evalVariableNode(dot: Value, variable: VariableNode, args: readonly ArgNode[] | null, final: Final): Value {
    this.at(variable);
    const value = this.varValue(variable.ident[0] ?? '');
    if (variable.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, variable, variable.ident.slice(1), args, final);
  }

  private evalFieldChain(
    dot: Value,
    receiver: Value,
    node: Node,
    ident: readonly string[],
    args: readonly ArgNode[] | null,
    final: Final,
  ): Value {
    let current = receiver;
    for (let i = 0; i < ident.length - 1; i++) current = this.evalField(dot, ident[i] ?? '', node, null, MISSING, current);
    return this.evalField(dot, ident[ident.length - 1] ?? '', node, args, final, current);
  }

  private evalFunction(dot: Value, node: IdentifierNode, cmd: Node, args: readonly ArgNode[] | null, final: Final): Value {
    this.at(node);
    const found = this.funcs(node.ident);
    if (found === undefined) this.errorf(`${quote(node.ident)} is not a defined function`);
    if (found === 'unsupported') this.unsupported(`function ${quote(node.ident)}`);
    return this.evalCall(dot, found, cmd, node.ident, args, final);
  }

  private evalField(dot: Value, fieldName: string, node: Node, args: readonly ArgNode[] | null, final: Final, receiver: Value): Value {
    if (receiver === null) return null;
    if (receiver.kind === 'struct') {
      const method = receiver.type.methods.get(fieldName);
      if (method)
        return this.evalCall(
          dot,
          fn(method.params, () => method.call(receiver)),
          node,
          fieldName,
          args,
          final,
        );
    }
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (receiver.kind === 'struct') {
      const field = fieldByName(receiver, fieldName);
      if (field !== undefined) {
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        return field;
      }
    } else if (receiver.kind === 'map' && assignable(stringType, receiver.type.key)) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      return mapLookup(receiver, str(fieldName)) ?? null;
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${receiver.type.name}`, { field: fieldName, type: receiver.type.name });
  }

  private evalCall(
    dot: Value,
    fun: GoFunction | SpecialFunction,
    node: Node,
    name: string,
    argNodes: readonly ArgNode[] | null,
    final: Final,
  ): Value {
    const args = argNodes ? argNodes.slice(1) : [];
    const numIn = args.length + (final === MISSING ? 0 : 1);
    if (fun === 'and' || fun === 'or') {
      if (numIn < 1) this.errorf(`wrong number of args for ${name}: want at least 1 got ${args.length}`);
      // and/or short-circuit, returning the deciding argument itself.
      let value: Value = null;
      for (const arg of args) {
        value = this.evalArg(dot, anyType, arg);
        if (isTrue(value) === (fun === 'or')) return value;
      }
      if (final !== MISSING) value = final;
      return value;
    }
    const numFixed = fun.variadic ? fun.params.length : args.length;
    if (fun.variadic) {
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${args.length}`);
    } else if (numIn !== fun.params.length) {
      this.errorf(`wrong number of args for ${name}: want ${fun.params.length} got ${numIn}`);
    }
    const argv = args.map((arg, i) => this.evalArg(dot, i < numFixed ? (fun.params[i] ?? anyType) : (fun.variadic ?? anyType), arg));
    if (final !== MISSING) {
      let type = fun.params[fun.params.length - 1] ?? anyType;
      if (fun.variadic) type = numIn - 1 < numFixed ? (fun.params[numIn - 1] ?? anyType) : fun.variadic;
      argv.push(this.validateType(final, type));
    }
    try {
      return fun.call(argv);
    } catch (error) {
      if (!(error instanceof GoTemplateError)) throw error;
      if (error.code === 'UNSUPPORTED' && error.pos === undefined) throw unsupported(error.message, node.pos);
      if (error.code !== 'CALL') throw error;
      this.at(node);
      return this.errorf(`error calling ${name}: ${error.message}`);
    }
  }

  private validateType(value: Value, type: GoType): Value {
    if (value === null) {
      if (canBeNil(type)) return zeroValue(type);
      this.errorf(`invalid value; expected ${type.name}`);
    }
    if (!assignable(value.type, type)) this.errorf(`wrong type for value; expected ${type.name}; got ${value.type.name}`);
    return value;
  }

  private evalArg(dot: Value, type: GoType, n: ArgNode): Value {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, type);
      case 'nil':
        if (canBeNil(type)) return zeroValue(type);
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
        if (n.type === 'bool') return bool(n.value);
        return this.errorf(`expected bool; found ${nodeString(n)}`);
      case 'int':
        if (n.type === 'number') return int(n.value, type);
        return this.errorf(`expected integer; found ${nodeString(n)}`);
      case 'string':
        if (n.type === 'string') return str(n.text);
        return this.errorf(`expected string; found ${nodeString(n)}`);
      case 'interface':
        return this.evalEmptyInterface(n);
    }
    this.errorf(`can't handle ${nodeString(n)} for arg of type ${type.name}`);
  }

  private evalEmptyInterface(n: BoolNode | NumberNode | StringNode): Value {
    this.at(n);
    if (n.type === 'bool') return bool(n.value);
    if (n.type === 'number') return this.idealConstant(n);
    return str(n.text);
  }

  private printValue(node: Node, value: Value): void {
    this.at(node);
    this.write(value === null ? '<no value>' : printArg(value, 'v'));
  }

  private write(text: string): void {
    this.output += text;
    // Go would grow the message until memory runs out; a commit message this large is a template bug.
    if (this.output.length > maxOutputLength) this.unsupported('a commit message over 16 MiB');
  }
}
