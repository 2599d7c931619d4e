// A template as Go's text/template/template.go makes one: `template.New(name).Funcs(funcs).Parse(text)`, then
// `Execute`. Functions are found as exec.go findFunction finds them: the template's own, then the builtins.
import { Executor } from './exec.ts';
import type { FuncMap, FuncMapEntry } from './function.ts';
import { builtinFunctions } from './funcs.ts';
import type { ListNode } from './node.ts';
import { Parser } from './parse.ts';
import type { Value } from './value.ts';

export class Template {
  /** The name Go's error messages cite (`template: <name>:1: …`). */
  readonly name: string;
  private readonly funcs: FuncMap;
  private text = '';
  private tree: ListNode | undefined;

  constructor(name: string, funcs: FuncMap = new Map()) {
    this.name = name;
    this.funcs = funcs;
  }

  /** Parses `text` as the template's body. @throws GoTemplateError (`PARSE` or `UNSUPPORTED`) */
  parse(text: string): this {
    this.tree = new Parser(this.name, text, this.lookup).parse();
    this.text = text;
    return this;
  }

  /** Runs the parsed template on `data`. @throws GoTemplateError (`EXEC` or `UNSUPPORTED`) */
  execute(data: Value): string {
    if (!this.tree) throw new Error(`template: ${this.name}: not parsed`);
    return new Executor(this.name, this.text, this.lookup).execute(this.tree, data);
  }

  private readonly lookup = (name: string): FuncMapEntry | undefined => this.funcs.get(name) ?? builtinFunctions.get(name);
}
