// Distinguished names in `x509.subject` trusted identities, as notation-go reads them (internal/pkix/pkix.go
// ParseDistinguishedName and IsSubsetDN over go-ldap's ParseDN).
import { quote } from '../go/strconv/quote.ts';
import { NotationPolicyError } from './errors.ts';

/** go-ldap's stripLeadingAndTrailingSpaces: a trailing space survives only when escaped. */
function stripSpaces(value: string): string {
  let trimmed = value.replace(/^ +| +$/g, '');
  if (trimmed.length > 0 && value.endsWith(' ')) {
    let backslashes = 0;
    for (let i = trimmed.length - 1; i >= 0 && trimmed[i] === '\\'; i--) backslashes++;
    if (backslashes % 2 === 1) trimmed += ' ';
  }
  return trimmed;
}

/** go-ldap's decodeString: unescapes `\c` and `\XX` (bytes, so escaped UTF-8 sequences join up). */
function decodeDnString(value: string): string {
  const chars = [...stripSpaces(value)];
  const bytes: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c !== '\\') {
      if ('";<>'.includes(c)) throw new Error(`got unescaped character: '${c}'`);
      if (c === '\0') throw new Error('got unescaped NULL character');
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = chars[i + 1];
    if (next === undefined) throw new Error(`got corrupted escaped character: '${chars.join('')}'`);
    if (' "#+,;<=>\\'.includes(next)) {
      bytes.push(next.charCodeAt(0));
      i++;
      continue;
    }
    const hex = `${next}${chars[i + 2] ?? ''}`;
    if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new Error(`failed to decode escaped character: encoding/hex: invalid byte: ${hex}`);
    bytes.push(parseInt(hex, 16));
    i += 2;
  }
  return Buffer.from(bytes).toString('utf8');
}

/** go-ldap ParseDN: RDNs split on `,` or `;`, multi-valued attributes on `+`; types as written. */
function parseDn(value: string): { type: string; value: string }[][] {
  const rdns: { type: string; value: string }[][] = [];
  if (value.trim() === '') return rdns;
  let rdn: { type: string; value: string }[] = [];
  let type: string | undefined;
  let escaping = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (escaping) escaping = false;
    else if (c === '\\') escaping = true;
    else if (c === '=' && !type) {
      type = decodeDnString(value.slice(start, i));
      start = i + 1;
    } else if (c === ',' || c === '+' || c === ';') {
      if (!type) throw new Error('incomplete type, value pair');
      rdn.push({ type, value: decodeDnString(value.slice(start, i)) });
      type = undefined;
      start = i + 1;
      if (c !== '+') {
        rdns.push(rdn);
        rdn = [];
      }
    }
  }
  if (!type) throw new Error('DN ended with incomplete type, value pair');
  rdn.push({ type, value: decodeDnString(value.slice(start)) });
  rdns.push(rdn);
  return rdns;
}

/**
 * Parses an `x509.subject` value with notation's rules: RFC 4514, no `=#` values, no multi-valued RDNs, no
 * repeated attribute, `S` read as `ST`, and C, ST and O required. Returns attribute → value.
 */
export function parseNotationDistinguishedName(name: string): Record<string, string> {
  if (name.includes('=#'))
    throw new NotationPolicyError(
      `unsupported distinguished name (DN) ${quote(name)}: notation does not support x509.subject identities containing "=#"`,
    );
  let rdns;
  try {
    rdns = parseDn(name);
  } catch (err) {
    throw new NotationPolicyError(
      `parsing distinguished name (DN) ${quote(name)} failed with err: ${(err as Error).message}. A valid DN must contain 'C', 'ST' or 'S', and 'O' RDN attributes at a minimum, and follow RFC 4514 standard`,
    );
  }
  const attributes: Record<string, string> = {};
  for (const rdn of rdns) {
    if (rdn.length > 1)
      throw new NotationPolicyError(
        `distinguished name (DN) ${quote(name)} has multi-valued RDN attributes, remove multi-valued RDN attributes as they are not supported`,
      );
    for (const attribute of rdn) {
      const type = attribute.type === 'S' ? 'ST' : attribute.type;
      if (attributes[type])
        throw new NotationPolicyError(
          `distinguished name (DN) ${quote(name)} has duplicate RDN attribute for ${quote(type)}, DN can only have unique RDN attributes`,
        );
      attributes[type] = attribute.value;
    }
  }
  for (const field of ['C', 'ST', 'O']) {
    if (!attributes[field])
      throw new NotationPolicyError(
        `distinguished name (DN) ${quote(name)} has no mandatory RDN attribute for ${quote(field)}, it must contain 'C', 'ST' or 'S', and 'O' RDN attributes at a minimum`,
      );
  }
  return attributes;
}

/** Every attribute of `subset` is in `dn` with the same value (notation-go pkix.IsSubsetDN). */
export function isSubsetDn(subset: Record<string, string>, dn: Record<string, string>): boolean {
  return Object.entries(subset).every(([key, value]) => dn[key] === value);
}

/** Go's `%q` of a []map[string]string, the form notation prints identities in. */
export function goMaps(maps: readonly Record<string, string>[]): string {
  return `[${maps
    .map(
      (m) =>
        `map[${Object.keys(m)
          .sort()
          .map((k) => `${quote(k)}:${quote(m[k] as string)}`)
          .join(' ')}]`,
    )
    .join(' ')}]`;
}
