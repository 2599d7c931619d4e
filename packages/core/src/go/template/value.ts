// The Go values a template sees: a small reflect (reflect/type.go, value.go, deepequal.go), with text/template's
// truth (exec.go isTrue) and fmt's map-key order (internal/fmtsort). Enough kinds to hold a struct of strings,
// maps and slices, and what functions make of it.
import { byteLength, compareGoStrings } from '../strings.ts';

export interface BasicType {
  readonly kind: 'string' | 'bool' | 'int';
  readonly name: string;
}
export interface InterfaceType {
  readonly kind: 'interface';
  readonly name: string;
}
export interface SliceType {
  readonly kind: 'slice';
  readonly name: string;
  readonly elem: GoType;
}
export interface MapType {
  readonly kind: 'map';
  readonly name: string;
  readonly key: GoType;
  readonly elem: GoType;
  readonly underlying?: string;
}
export interface StructField {
  readonly name: string;
  readonly type: GoType;
  readonly embedded: boolean;
  readonly json?: { name: string; omitEmpty: boolean };
}
export interface StructType {
  readonly kind: 'struct';
  readonly name: string;
  readonly fields: readonly StructField[];
  readonly methods: ReadonlyMap<string, Method>;
  /** fmt.Stringer. */
  readonly stringer?: (value: StructValue) => string;
}
export type GoType = BasicType | InterfaceType | SliceType | MapType | StructType;

export interface StringValue {
  readonly kind: 'string';
  readonly type: GoType;
  readonly value: string;
}
export interface BoolValue {
  readonly kind: 'bool';
  readonly type: GoType;
  readonly value: boolean;
}
export interface IntValue {
  readonly kind: 'int';
  readonly type: GoType;
  readonly value: number;
}
export interface SliceValue {
  readonly kind: 'slice';
  readonly type: SliceType;
  readonly items: readonly Value[] | null;
}
export interface MapEntry {
  readonly key: GoValue;
  readonly value: Value;
}
export interface MapValue {
  readonly kind: 'map';
  readonly type: MapType;
  readonly entries: readonly MapEntry[] | null;
}
export interface StructValue {
  readonly kind: 'struct';
  readonly type: StructType;
  readonly fields: readonly GoValue[];
}
export type GoValue = StringValue | BoolValue | IntValue | SliceValue | MapValue | StructValue;
/** `null` is Go's invalid reflect.Value: a missing map key, a nil interface, "no value". */
export type Value = GoValue | null;

export interface Method {
  readonly params: readonly GoType[];
  readonly call: (receiver: StructValue) => Value;
}

export const stringType: BasicType = { kind: 'string', name: 'string' };
export const boolType: BasicType = { kind: 'bool', name: 'bool' };
export const intType: BasicType = { kind: 'int', name: 'int' };
export const int64Type: BasicType = { kind: 'int', name: 'int64' };
export const anyType: InterfaceType = { kind: 'interface', name: 'interface {}' };
export const stringSliceType: SliceType = { kind: 'slice', name: '[]string', elem: stringType };
export const anySliceType: SliceType = { kind: 'slice', name: '[]interface {}', elem: anyType };

export function str(value: string): StringValue {
  return { kind: 'string', type: stringType, value };
}

export function bool(value: boolean): BoolValue {
  return { kind: 'bool', type: boolType, value };
}

export function int(value: number, type: BasicType = intType): IntValue {
  return { kind: 'int', type, value };
}

/** A string struct field, with its json tag when it has one. */
export function stringField(name: string, json?: { name: string; omitEmpty: boolean }): StructField {
  return json ? { name, type: stringType, embedded: false, json } : { name, type: stringType, embedded: false };
}

/** The method set of a type templates cannot call methods on. */
export const noMethods: ReadonlyMap<string, Method> = new Map();

/** reflect.Zero. */
export function zeroValue(type: GoType): Value {
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

export function canBeNil(type: GoType): boolean {
  return type.kind === 'interface' || type.kind === 'map' || type.kind === 'slice';
}

/** reflect AssignableTo for the types here: identical, to interface{}, or same underlying type when one is unnamed. */
export function assignable(from: GoType, to: GoType): boolean {
  if (to.kind === 'interface' || from.name === to.name) return true;
  const fromUnderlying = from.kind === 'map' ? (from.underlying ?? from.name) : from.name;
  const toUnderlying = to.kind === 'map' ? (to.underlying ?? to.name) : to.name;
  const fromNamed = from.kind === 'map' && from.underlying !== undefined;
  const toNamed = to.kind === 'map' && to.underlying !== undefined;
  return fromUnderlying === toUnderlying && !(fromNamed && toNamed);
}

/** reflect.Kind.String() of a value's type. */
export function kindName(value: GoValue): string {
  return value.kind === 'string' || value.kind === 'bool' || value.kind === 'int' ? value.type.name : value.kind;
}

export function valueLength(value: StringValue | SliceValue | MapValue): number {
  if (value.kind === 'string') return byteLength(value.value);
  if (value.kind === 'slice') return value.items?.length ?? 0;
  return value.entries?.length ?? 0;
}

/** Go `==` on comparable values (strings, bools, ints, structs of them). */
export function goEqual(a: GoValue, b: GoValue): boolean {
  if (a.type.name !== b.type.name) return false;
  if (a.kind === 'struct' && b.kind === 'struct')
    return a.fields.every((f, i) => {
      const g = b.fields[i];
      return g !== undefined && goEqual(f, g);
    });
  if ((a.kind === 'string' && b.kind === 'string') || (a.kind === 'bool' && b.kind === 'bool') || (a.kind === 'int' && b.kind === 'int'))
    return a.value === b.value;
  return false;
}

export function comparable(type: GoType): boolean {
  if (type.kind === 'struct') return type.fields.every((f) => comparable(f.type));
  return type.kind !== 'slice' && type.kind !== 'map';
}

/** reflect.DeepEqual. */
export function deepEqual(a: Value, b: Value): boolean {
  if (a === null || b === null) return a === b;
  if (a.type.name !== b.type.name) return false;
  if (a.kind === 'slice' && b.kind === 'slice') {
    if ((a.items === null) !== (b.items === null)) return false;
    const x = a.items ?? [];
    const y = b.items ?? [];
    return x.length === y.length && x.every((item, i) => deepEqual(item, y[i] ?? null));
  }
  if (a.kind === 'map' && b.kind === 'map') {
    if ((a.entries === null) !== (b.entries === null)) return false;
    const x = a.entries ?? [];
    const y = b.entries ?? [];
    return (
      x.length === y.length &&
      x.every((entry) => {
        const other = mapLookup(b, entry.key);
        return other !== undefined && deepEqual(entry.value, other);
      })
    );
  }
  if (a.kind === 'struct' && b.kind === 'struct') return a.fields.every((f, i) => deepEqual(f, b.fields[i] ?? null));
  return goEqual(a, b);
}

export function mapLookup(map: MapValue, key: GoValue): Value | undefined {
  const entry = map.entries?.find((e) => goEqual(e.key, key));
  return entry ? entry.value : undefined;
}

/** internal/fmtsort order for the key kinds here. */
function compareKeys(a: GoValue, b: GoValue): number {
  if (a.kind === 'string' && b.kind === 'string') return compareGoStrings(a.value, b.value);
  if (a.kind === 'int' && b.kind === 'int') return a.value - b.value;
  if (a.kind === 'bool' && b.kind === 'bool') return Number(a.value) - Number(b.value);
  if (a.kind === 'struct' && b.kind === 'struct') {
    for (let i = 0; i < a.fields.length; i++) {
      const x = a.fields[i];
      const y = b.fields[i];
      if (!x || !y) break;
      const order = compareKeys(x, y);
      if (order !== 0) return order;
    }
    return 0;
  }
  throw new Error(`template: cannot order map keys of type ${a.type.name}`);
}

export function sortedEntries(map: MapValue): MapEntry[] {
  return [...(map.entries ?? [])].sort((a, b) => compareKeys(a.key, b.key));
}

/** reflect FieldByName with embedded-field promotion (breadth first, as Go). */
export function fieldByName(value: StructValue, name: string): GoValue | undefined {
  let level: StructValue[] = [value];
  while (level.length > 0) {
    const next: StructValue[] = [];
    for (const v of level) {
      for (let i = 0; i < v.type.fields.length; i++) {
        const field = v.type.fields[i];
        const fieldValue = v.fields[i];
        if (!field || !fieldValue) continue;
        if (field.name === name) return fieldValue;
        if (field.embedded && fieldValue.kind === 'struct') next.push(fieldValue);
      }
    }
    level = next;
  }
  return undefined;
}

/** text/template isTrue. */
export function isTrue(value: Value): boolean {
  if (value === null) return false;
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
