// The functions a template calls, as Go's executor sees them through reflect (text/template funcs.go FuncMap,
// exec.go evalCall): parameter types to check and convert arguments against, an optional variadic element type,
// and the call itself.
import type { GoType, Value } from './value.ts';

export interface GoFunction {
  readonly params: readonly GoType[];
  /** Element type of a trailing variadic parameter. */
  readonly variadic?: GoType;
  readonly call: (args: Value[]) => Value;
}

/** Builtins the executor handles itself (and/or short-circuit). */
export type SpecialFunction = 'and' | 'or';

/**
 * A template.FuncMap: each name a template may call. `'unsupported'` is a function Go knows and d2ci does not
 * implement: a template naming it is refused rather than reported as calling an undefined function.
 */
export type FuncMap = ReadonlyMap<string, FuncMapEntry>;
export type FuncMapEntry = GoFunction | SpecialFunction | 'unsupported';

export function fn(params: readonly GoType[], call: (args: Value[]) => Value, variadic?: GoType): GoFunction {
  return variadic ? { params, call, variadic } : { params, call };
}

/** The i-th argument of a `string` parameter. */
export function argString(args: readonly Value[], i: number): string {
  const v = args[i];
  return v?.kind === 'string' ? v.value : '';
}

/** The i-th argument of an `int` parameter. */
export function argInt(args: readonly Value[], i: number): number {
  const v = args[i];
  return v?.kind === 'int' ? v.value : 0;
}
