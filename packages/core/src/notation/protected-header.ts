// The JWS protected header: decoding and the spec's header rules (notation-core-go signature/jws/envelope.go
// parseProtectedHeaders and validateProtectedHeaders; signature-envelope-jws.md).
import { NotationError } from './errors.ts';
import { NotationHeader, type NotationSigningScheme } from './format.ts';

/** A validated protected header (notation-core-go parseProtectedHeaders + validateProtectedHeaders). */
export interface NotationProtectedHeader {
  algorithm: string;
  contentType: string;
  signingScheme: NotationSigningScheme;
  critical: string[];
  signingTime?: Date;
  authenticSigningTime?: Date;
  expiry?: Date;
  /** Headers other than the ones the spec defines, by name (values as in the JSON). */
  extended: Record<string, unknown>;
}

const knownHeaders = new Set([
  'alg',
  'cty',
  'crit',
  NotationHeader.expiry,
  NotationHeader.signingTime,
  NotationHeader.signingScheme,
  NotationHeader.authenticSigningTime,
]);
const base64url = /^[A-Za-z0-9_-]*$/;
// RFC 3339 date-time (Go's time.Time JSON form).
const rfc3339Pattern = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** Strict unpadded base64url, failing with Go's message (as notation reports a JWS it cannot decode). */
export function decodeBase64url(value: unknown, what: string): Buffer {
  if (typeof value !== 'string') throw new NotationError('NOTATION_ENVELOPE_INVALID', `signature is invalid. Error: ${what} is missing`);
  if (!base64url.test(value) || value.length % 4 === 1) {
    const bad = [...value].findIndex((c) => !/[A-Za-z0-9_-]/.test(c));
    throw new NotationError(
      'NOTATION_ENVELOPE_INVALID',
      `signature is invalid. Error: illegal base64 data at input byte ${bad >= 0 ? bad : value.length - 1}`,
    );
  }
  return Buffer.from(value, 'base64url');
}

function parseTime(value: unknown, header: string): Date {
  const date = typeof value === 'string' && rfc3339Pattern.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime()))
    throw new NotationError(
      'NOTATION_ENVELOPE_INVALID',
      `jws envelope protected header can't be decoded: ${header} is not an RFC 3339 time`,
    );
  return date;
}

/**
 * Reads and checks a protected header as notation-core-go does: the signing scheme and its time headers, expiry,
 * and `crit` (which must name the signing scheme and, when present, expiry and authentic signing time; every other
 * name in it must be a header that is present). Takes the JSON object, its text, or the envelope's base64url field.
 */
export function decodeNotationProtectedHeader(input: string | Buffer | Record<string, unknown>): NotationProtectedHeader {
  let header: Record<string, unknown>;
  if (typeof input === 'object' && !Buffer.isBuffer(input)) header = input;
  else {
    const raw = input.toString();
    // JSON text starts with `{`, which base64url never contains.
    const text = raw.trimStart().startsWith('{') ? raw : decodeBase64url(raw, 'the protected header').toString('utf8');
    try {
      header = JSON.parse(text) as Record<string, unknown>;
    } catch (err) {
      throw new NotationError('NOTATION_ENVELOPE_INVALID', `jws envelope protected header can't be decoded: ${(err as Error).message}`);
    }
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    throw new NotationError('NOTATION_ENVELOPE_INVALID', "jws envelope protected header can't be decoded: not a JSON object");
  const scheme = header[NotationHeader.signingScheme];
  if (scheme !== 'notary.x509' && scheme !== 'notary.x509.signingAuthority')
    throw new NotationError('NOTATION_ENVELOPE_INVALID', `unsupported SigningScheme: \`${String(scheme)}\``);
  if (typeof header.alg !== 'string') throw new NotationError('NOTATION_ENVELOPE_INVALID', 'signature algorithm "" is not supported');
  if (header.cty !== undefined && typeof header.cty !== 'string')
    throw new NotationError('NOTATION_ENVELOPE_INVALID', "jws envelope protected header can't be decoded: cty is not a string");
  const crit = header.crit;
  if (crit !== undefined && (!Array.isArray(crit) || !crit.every((c) => typeof c === 'string')))
    throw new NotationError('NOTATION_ENVELOPE_INVALID', "jws envelope protected header can't be decoded: crit is not an array of strings");
  const parsed: NotationProtectedHeader = {
    algorithm: header.alg,
    contentType: header.cty ?? '',
    signingScheme: scheme,
    critical: crit ?? [],
    extended: Object.fromEntries(Object.entries(header).filter(([key]) => !knownHeaders.has(key))),
  };
  if (header[NotationHeader.signingTime] !== undefined)
    parsed.signingTime = parseTime(header[NotationHeader.signingTime], NotationHeader.signingTime);
  if (header[NotationHeader.authenticSigningTime] !== undefined)
    parsed.authenticSigningTime = parseTime(header[NotationHeader.authenticSigningTime], NotationHeader.authenticSigningTime);
  if (header[NotationHeader.expiry] !== undefined) parsed.expiry = parseTime(header[NotationHeader.expiry], NotationHeader.expiry);

  if (scheme === 'notary.x509') {
    if (parsed.authenticSigningTime)
      throw new NotationError(
        'NOTATION_ENVELOPE_INVALID',
        `"${NotationHeader.authenticSigningTime}" header must not be present for notary.x509 signing scheme`,
      );
    if (!parsed.signingTime) throw new NotationError('NOTATION_ENVELOPE_INVALID', 'signing-time not present');
  } else {
    if (parsed.signingTime)
      throw new NotationError(
        'NOTATION_ENVELOPE_INVALID',
        `"${NotationHeader.signingTime}" header must not be present for notary.x509.signingAuthority signing scheme`,
      );
    if (!parsed.authenticSigningTime)
      throw new NotationError(
        'NOTATION_ENVELOPE_INVALID',
        `"${NotationHeader.authenticSigningTime}" header must be present for notary.x509.signingAuthority signing scheme`,
      );
  }
  const time = parsed.signingTime ?? parsed.authenticSigningTime;
  if (parsed.expiry && time && parsed.expiry <= time)
    throw new NotationError('NOTATION_ENVELOPE_INVALID', 'expiry cannot be equal or before the signing time');

  if (parsed.critical.length === 0) throw new NotationError('NOTATION_ENVELOPE_INVALID', 'missing "crit" header');
  const mustBeCritical = new Set<string>([NotationHeader.signingScheme]);
  if (parsed.expiry) mustBeCritical.add(NotationHeader.expiry);
  if (scheme === 'notary.x509.signingAuthority') mustBeCritical.add(NotationHeader.authenticSigningTime);
  for (const name of parsed.critical) {
    if (mustBeCritical.delete(name)) continue;
    if (!Object.hasOwn(parsed.extended, name))
      throw new NotationError('NOTATION_ENVELOPE_INVALID', `"${name}" header is marked critical but not present`);
  }
  if (mustBeCritical.size)
    throw new NotationError(
      'NOTATION_ENVELOPE_INVALID',
      `these required headers are not marked as critical: [${[...mustBeCritical].join(' ')}]`,
    );
  return parsed;
}
