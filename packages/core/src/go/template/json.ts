// encoding/json Marshal as sprig's toJson calls it (encoding/json encode.go), with Go 1.22+ escapes and HTML
// escaping: strings, bools, ints, slices, string-keyed maps in key order, structs by their json tags.
import { BaseError } from '../../errors.ts';
import { hex } from './fmt.ts';
import type { StructValue, Value } from './value.ts';
import { sortedEntries } from './value.ts';

/** Go's `*json.UnsupportedTypeError`: `json: unsupported type: <type>`. */
export class UnsupportedTypeError extends BaseError<'JSON_UNSUPPORTED_TYPE'> {
  constructor(typeName: string) {
    super('JSON_UNSUPPORTED_TYPE', `json: unsupported type: ${typeName}`);
    this.name = 'UnsupportedTypeError';
  }
}

function jsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      if (cp >= 0x20 && ch !== '"' && ch !== '\\' && ch !== '<' && ch !== '>' && ch !== '&') out += ch;
      else if (ch === '"' || ch === '\\') out += `\\${ch}`;
      else if (cp === 0x08) out += '\\b';
      else if (cp === 0x0c) out += '\\f';
      else if (cp === 0x0a) out += '\\n';
      else if (cp === 0x0d) out += '\\r';
      else if (cp === 0x09) out += '\\t';
      else out += `\\u00${hex(cp, 2)}`;
    } else if (cp === 0x2028 || cp === 0x2029) out += `\\u${hex(cp, 4)}`;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return `${out}"`;
}

/** json.Marshal. @throws UnsupportedTypeError for a map whose keys are not strings. */
export function jsonMarshal(value: Value): string {
  if (value === null) return 'null';
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
      if (value.type.key.kind !== 'string') throw new UnsupportedTypeError(value.type.name);
      if (value.entries === null) return 'null';
      return `{${sortedEntries(value)
        .map((e) => `${jsonMarshal(e.key)}:${jsonMarshal(e.value)}`)
        .join(',')}}`;
    case 'struct':
      return `{${jsonFields(value).join(',')}}`;
  }
}

function jsonFields(value: StructValue): string[] {
  const out: string[] = [];
  value.type.fields.forEach((field, i) => {
    const fieldValue = value.fields[i];
    if (!fieldValue) return;
    // An embedded struct without a JSON name has its fields promoted.
    if (field.embedded && fieldValue.kind === 'struct') {
      out.push(...jsonFields(fieldValue));
      return;
    }
    const json = field.json ?? { name: field.name, omitEmpty: false };
    if (json.omitEmpty && fieldValue.kind === 'string' && fieldValue.value === '') return;
    out.push(`${jsonString(json.name)}:${jsonMarshal(fieldValue)}`);
  });
  return out;
}
