// A port of the subset of Go's text/template (with the sprig functions Flux passes) that renders byte for byte as
// Go does; anything else is refused with a GoTemplateError `UNSUPPORTED` instead of being approximated.
export { Template } from './template.ts';
export { GoTemplateError, type GoTemplateErrorCode } from './errors.ts';
export type { FuncMap, FuncMapEntry, GoFunction } from './function.ts';
export { sprigHermeticFunctions } from './sprig.ts';
export {
  anyType,
  boolType,
  int64Type,
  intType,
  noMethods,
  str,
  stringField,
  stringType,
  type GoType,
  type GoValue,
  type MapType,
  type MapValue,
  type Method,
  type SliceType,
  type SliceValue,
  type StructField,
  type StructType,
  type StructValue,
  type Value,
} from './value.ts';
