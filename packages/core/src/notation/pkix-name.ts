// Distinguished names as Go prints them (crypto/x509/pkix Name.String): notation matches trusted identities
// against that string, so its quirks are ported as they are.
import type { ASN1Obj } from '@sigstore/core';

/** One attribute of a distinguished name; `value` is undefined when it is not a string type. */
export interface NotationNameAttribute {
  oid: string;
  value: string | undefined;
}

// Go's attributeTypeNames: the only attribute types pkix.Name.String() prints by name.
const attributeNames: Record<string, string> = {
  '2.5.4.6': 'C',
  '2.5.4.8': 'ST',
  '2.5.4.7': 'L',
  '2.5.4.9': 'STREET',
  '2.5.4.17': 'POSTALCODE',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.3': 'CN',
  '2.5.4.5': 'SERIALNUMBER',
};

function asn1String(obj: ASN1Obj): string | undefined {
  if (obj.tag.class !== 0) return undefined;
  switch (obj.tag.number) {
    case 12: // UTF8String
    case 18: // NumericString
    case 19: // PrintableString
    case 22: // IA5String
      return obj.value.toString('utf8');
    case 20: // T61String: Go reads it as bytes
      return obj.value.toString('latin1');
    case 30: // BMPString
      return new TextDecoder('utf-16be').decode(obj.value);
    default:
      return undefined;
  }
}

export function parsePkixName(name: ASN1Obj): NotationNameAttribute[][] {
  return name.subs.map((set) =>
    set.subs.map((atv) => ({ oid: atv.subs[0]?.toOID() ?? '', value: atv.subs[1] ? asn1String(atv.subs[1]) : undefined })),
  );
}

/** Go's RDN value escaping in RDNSequence.String(). */
function escapeRdnValue(value: string): string {
  const chars = [...value];
  return chars
    .map((c, k) => {
      const escape = ',+"\\<>;'.includes(c) || (c === ' ' && (k === 0 || k === chars.length - 1)) || (c === '#' && k === 0);
      return escape ? `\\${c}` : c;
    })
    .join('');
}

/**
 * A name as Go's pkix.Name.String() prints it: attributes regrouped by type (C, ST, L, STREET, POSTALCODE, O, OU,
 * then CN and SERIALNUMBER, last value wins for those two), printed in reverse, other types as `oid=#hex`. Notation
 * parses this string to match trusted identities, so its quirks (multi-valued groups, `=#`) matter.
 */
export function pkixNameString(name: NotationNameAttribute[][]): string {
  const grouped = new Map<string, string[]>();
  const others: string[] = [];
  let commonName: string | undefined;
  let serialNumber: string | undefined;
  for (const atv of name.flat()) {
    if (atv.value === undefined) continue;
    if (atv.oid === '2.5.4.3') commonName = atv.value;
    else if (atv.oid === '2.5.4.5') serialNumber = atv.value;
    else if (attributeNames[atv.oid]) grouped.set(atv.oid, [...(grouped.get(atv.oid) ?? []), atv.value]);
    else others.push(`${atv.oid}=#${Buffer.from(atv.value, 'utf8').toString('hex')}`);
  }
  const rdns: string[] = [...others];
  for (const oid of ['2.5.4.6', '2.5.4.8', '2.5.4.7', '2.5.4.9', '2.5.4.17', '2.5.4.10', '2.5.4.11']) {
    const values = grouped.get(oid);
    if (values) rdns.push(values.map((v) => `${attributeNames[oid]}=${escapeRdnValue(v)}`).join('+'));
  }
  if (commonName) rdns.push(`CN=${escapeRdnValue(commonName)}`);
  if (serialNumber) rdns.push(`SERIALNUMBER=${escapeRdnValue(serialNumber)}`);
  return rdns.reverse().join(',');
}
