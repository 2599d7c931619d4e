// Notary Project (Notation) signatures for OCI artifacts: the JWS envelope, the certificate rules both signing
// and verification apply, a key-file signer, and attaching the signature as a referrer the way the
// `notation` CLI does (notaryproject/specifications signature-specification.md, signature-envelope-jws.md;
// notation-go signer/signer.go and notation.go; notation-core-go signature/jws and x509).
import {
  constants,
  createHash,
  createPrivateKey,
  createPublicKey,
  sign as cryptoSign,
  verify as cryptoVerify,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';
import type { ASN1Obj } from '@sigstore/core';
import type { Descriptor } from '../oci/descriptor.ts';
import type { Target } from '../oci/target.ts';
import { attachNotationSignature } from './notation-manifest.ts';
import { rfc3339 } from '../go/time.ts';

export const NotationMediaType = {
  /** The signature manifest's config media type as notation-go v1.3.2 writes it (artifactType in the OCI 1.1 form). */
  signature: 'application/vnd.cncf.notary.signature',
  payload: 'application/vnd.cncf.notary.payload.v1+json',
  jws: 'application/jose+json',
  cose: 'application/cose',
} as const;

export const NotationAnnotation = {
  /** JSON array of the chain's SHA-256 thumbprints, leaf first (lower-case hex, as notation-go writes them). */
  thumbprintS256: 'io.cncf.notary.x509chain.thumbprint#S256',
  /** The signing time, which notation-go (through oras PackManifest) puts on every signature manifest. */
  created: 'org.opencontainers.image.created',
} as const;

export const NotationHeader = {
  signingScheme: 'io.cncf.notary.signingScheme',
  signingTime: 'io.cncf.notary.signingTime',
  authenticSigningTime: 'io.cncf.notary.authenticSigningTime',
  expiry: 'io.cncf.notary.expiry',
  signingAgent: 'io.cncf.notary.signingAgent',
  timestampSignature: 'io.cncf.notary.timestampSignature',
  verificationPlugin: 'io.cncf.notary.verificationPlugin',
  verificationPluginMinVersion: 'io.cncf.notary.verificationPluginMinVersion',
} as const;

export type NotationKeySpec = 'RSA-2048' | 'RSA-3072' | 'RSA-4096' | 'EC-256' | 'EC-384' | 'EC-521';
export type NotationJwsAlgorithm = 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512';
export type NotationSigningScheme = 'notary.x509' | 'notary.x509.signingAuthority';
export type NotationHashAlgorithm = 'SHA-256' | 'SHA-384' | 'SHA-512';
/** The plugin protocol's names for the signature algorithms. */
export type NotationSigningAlgorithm =
  'RSASSA-PSS-SHA-256' | 'RSASSA-PSS-SHA-384' | 'RSASSA-PSS-SHA-512' | 'ECDSA-SHA-256' | 'ECDSA-SHA-384' | 'ECDSA-SHA-512';

export interface NotationAlgorithm {
  keySpec: NotationKeySpec;
  jws: NotationJwsAlgorithm;
  hashAlgorithm: NotationHashAlgorithm;
  signingAlgorithm: NotationSigningAlgorithm;
  /** Node's digest name. */
  digest: 'sha256' | 'sha384' | 'sha512';
  keyType: 'rsa' | 'ec';
  /** ECDSA: bytes of each of R and S in the JWS (raw R||S) form. */
  coordinateBytes?: number;
}

/** The spec's algorithm table (signature-specification.md "Algorithm Selection"). */
export const notationAlgorithms: Readonly<Record<NotationKeySpec, NotationAlgorithm>> = {
  'RSA-2048': {
    keySpec: 'RSA-2048',
    jws: 'PS256',
    hashAlgorithm: 'SHA-256',
    signingAlgorithm: 'RSASSA-PSS-SHA-256',
    digest: 'sha256',
    keyType: 'rsa',
  },
  'RSA-3072': {
    keySpec: 'RSA-3072',
    jws: 'PS384',
    hashAlgorithm: 'SHA-384',
    signingAlgorithm: 'RSASSA-PSS-SHA-384',
    digest: 'sha384',
    keyType: 'rsa',
  },
  'RSA-4096': {
    keySpec: 'RSA-4096',
    jws: 'PS512',
    hashAlgorithm: 'SHA-512',
    signingAlgorithm: 'RSASSA-PSS-SHA-512',
    digest: 'sha512',
    keyType: 'rsa',
  },
  'EC-256': {
    keySpec: 'EC-256',
    jws: 'ES256',
    hashAlgorithm: 'SHA-256',
    signingAlgorithm: 'ECDSA-SHA-256',
    digest: 'sha256',
    keyType: 'ec',
    coordinateBytes: 32,
  },
  'EC-384': {
    keySpec: 'EC-384',
    jws: 'ES384',
    hashAlgorithm: 'SHA-384',
    signingAlgorithm: 'ECDSA-SHA-384',
    digest: 'sha384',
    keyType: 'ec',
    coordinateBytes: 48,
  },
  'EC-521': {
    keySpec: 'EC-521',
    jws: 'ES512',
    hashAlgorithm: 'SHA-512',
    signingAlgorithm: 'ECDSA-SHA-512',
    digest: 'sha512',
    keyType: 'ec',
    coordinateBytes: 66,
  },
};

export function isNotationKeySpec(value: unknown): value is NotationKeySpec {
  return typeof value === 'string' && Object.hasOwn(notationAlgorithms, value);
}

export function notationAlgorithmForJws(alg: string): NotationAlgorithm | undefined {
  return Object.values(notationAlgorithms).find((a) => a.jws === alg);
}

export class NotationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NotationError';
  }
}

const curveBits: Record<string, number> = { prime256v1: 256, secp384r1: 384, secp521r1: 521 };

/** The key spec of a key or certificate (notation-core-go ExtractKeySpec: RSA 2048/3072/4096, EC P-256/384/521 only). */
export function notationKeySpecOf(key: KeyObject | X509Certificate): NotationKeySpec {
  const publicKey = key instanceof X509Certificate ? key.publicKey : key;
  const type = publicKey.asymmetricKeyType;
  if (type === 'rsa') {
    const bits = Math.ceil((publicKey.asymmetricKeyDetails?.modulusLength ?? 0) / 8) * 8;
    const spec = `RSA-${bits}`;
    if (isNotationKeySpec(spec)) return spec;
    throw new NotationError(`rsa key size ${bits} bits is not supported`);
  }
  if (type === 'ec') {
    const bits = curveBits[publicKey.asymmetricKeyDetails?.namedCurve ?? ''];
    if (bits) return `EC-${bits}` as NotationKeySpec;
    throw new NotationError(`ecdsa key size of curve ${publicKey.asymmetricKeyDetails?.namedCurve ?? 'unknown'} is not supported`);
  }
  throw new NotationError('unsupported public key type');
}

// ---------------------------------------------------------------------------------------------------------------
// Certificates: what notation reads of them, and the spec's "Certificate Requirements".

/** One attribute of a distinguished name; `value` is undefined when it is not a string type. */
export interface NotationNameAttribute {
  oid: string;
  value: string | undefined;
}

/** A certificate and the parts of it the Notary Project rules look at. */
export interface NotationCertificate {
  der: Buffer;
  x509: X509Certificate;
  version: number;
  /** The subject as Go's pkix.Name.String() prints it, which is what notation matches trusted identities against. */
  subject: string;
  issuer: string;
  subjectName: NotationNameAttribute[][];
  rawSubject: Buffer;
  rawIssuer: Buffer;
  notBefore: Date;
  notAfter: Date;
  signatureAlgorithm: string;
  basicConstraints?: { ca: boolean; pathLength?: number; critical: boolean };
  keyUsage?: { bits: number; critical: boolean };
  extendedKeyUsage?: string[];
  /** Has a CRL distribution point or an OCSP responder (the revocation check notation would run). */
  revocationEndpoints: boolean;
  sha256: string;
}

type Asn1Class = typeof ASN1Obj;
let asn1Loader: Promise<Asn1Class> | undefined;
/** @sigstore/core's DER parser, loaded on first use like the rest of @sigstore in d2ci. */
function loadAsn1(): Promise<Asn1Class> {
  asn1Loader ??= import('@sigstore/core').then((m) => m.ASN1Obj);
  return asn1Loader;
}

const Oid = {
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extendedKeyUsage: '2.5.29.37',
  crlDistributionPoints: '2.5.29.31',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  ocsp: '1.3.6.1.5.5.7.48.1',
} as const;

// Key usage bit positions (RFC 5280 4.2.1.3), as Go numbers them.
const KeyUsage = {
  digitalSignature: 0,
  contentCommitment: 1,
  keyEncipherment: 2,
  dataEncipherment: 3,
  keyAgreement: 4,
  keyCertSign: 5,
  cRLSign: 6,
  encipherOnly: 7,
  decipherOnly: 8,
} as const;
const has = (bits: number, bit: number): boolean => (bits & (1 << bit)) !== 0;

// Extended key usages a code-signing leaf must not have (spec; notation-core-go adds OCSPSigning).
const forbiddenEku: Record<string, string> = {
  '2.5.29.37.0': 'Any',
  '1.3.6.1.5.5.7.3.1': 'ServerAuth',
  '1.3.6.1.5.5.7.3.2': 'ClientAuth',
  '1.3.6.1.5.5.7.3.4': 'EmailProtection',
  '1.3.6.1.5.5.7.3.8': 'Timestamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
};

// Certificate signatures the spec forbids (SHA-1) and Go refuses (MD2/MD5 too).
const insecureSignatureAlgorithms: Record<string, string> = {
  '1.2.840.113549.1.1.2': 'MD2-RSA',
  '1.2.840.113549.1.1.4': 'MD5-RSA',
  '1.2.840.113549.1.1.5': 'SHA1-RSA',
  '1.2.840.10045.4.1': 'ECDSA-SHA1',
  '1.2.840.10040.4.3': 'DSA-SHA1',
};

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

function parseName(name: ASN1Obj): NotationNameAttribute[][] {
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
function goNameString(name: NotationNameAttribute[][]): string {
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

/** Splits PEM (any number of CERTIFICATE blocks) or DER (one or more concatenated certificates) into DER. */
export function splitNotationCertificates(input: Buffer | string): Buffer[] {
  const text = typeof input === 'string' ? input : input.toString('latin1');
  if (text.includes('-----BEGIN')) {
    return [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) =>
      Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'),
    );
  }
  const der = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
  const out: Buffer[] = [];
  let offset = 0;
  while (offset < der.length) {
    // Only the outer SEQUENCE's length is read here; X509Certificate parses the rest.
    if (der[offset] !== 0x30) throw new NotationError('not a PEM or DER certificate');
    const first = der[offset + 1] ?? 0;
    let length = first;
    let header = 2;
    if (first & 0x80) {
      const count = first & 0x7f;
      if (count < 1 || count > 4) throw new NotationError('not a PEM or DER certificate');
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + (der[offset + 2 + i] ?? 0);
      header += count;
    }
    if (offset + header + length > der.length) throw new NotationError('truncated DER certificate');
    out.push(der.subarray(offset, offset + header + length));
    offset += header + length;
  }
  return out;
}

/** Reads a certificate once: Node's X509Certificate for keys and signatures, @sigstore/core's DER parser for the rest. */
export async function parseNotationCertificate(input: Buffer | X509Certificate): Promise<NotationCertificate> {
  const der = input instanceof X509Certificate ? input.raw : input;
  const Asn1 = await loadAsn1();
  let x509: X509Certificate;
  let root: ASN1Obj;
  try {
    x509 = input instanceof X509Certificate ? input : new X509Certificate(der);
    root = Asn1.parseBuffer(Buffer.from(der));
  } catch (err) {
    throw new NotationError(`malformed certificate: ${(err as Error).message}`, { cause: err });
  }
  const fields = root.subs[0]?.subs ?? [];
  const versioned = fields[0]?.tag.isContextSpecific(0) ?? false;
  const at = (i: number): ASN1Obj => {
    const field = fields[i + (versioned ? 1 : 0)];
    if (!field) throw new NotationError('malformed certificate: missing TBSCertificate fields');
    return field;
  };
  const version = versioned ? Number((fields[0]?.subs[0]?.toInteger() ?? 0n) + 1n) : 1;
  const issuerObj = at(2);
  const validity = at(3);
  const subjectObj = at(4);
  const certificate: NotationCertificate = {
    der: Buffer.from(der),
    x509,
    version,
    subjectName: parseName(subjectObj),
    subject: '',
    issuer: goNameString(parseName(issuerObj)),
    rawSubject: Buffer.from(subjectObj.value),
    rawIssuer: Buffer.from(issuerObj.value),
    notBefore: validity.subs[0]?.toDate() ?? new Date(Number.NaN),
    notAfter: validity.subs[1]?.toDate() ?? new Date(Number.NaN),
    signatureAlgorithm: root.subs[1]?.subs[0]?.toOID() ?? '',
    revocationEndpoints: false,
    sha256: createHash('sha256').update(der).digest('hex'),
  };
  certificate.subject = goNameString(certificate.subjectName);
  const extensions = fields.find((f) => f.tag.isContextSpecific(3))?.subs[0]?.subs ?? [];
  for (const extension of extensions) {
    const oid = extension.subs[0]?.toOID();
    const critical = extension.subs.length === 3 ? (extension.subs[1]?.toBoolean() ?? false) : false;
    const octets = extension.subs[extension.subs.length - 1]?.value;
    if (!oid || !octets) continue;
    let value: ASN1Obj;
    try {
      value = Asn1.parseBuffer(Buffer.from(octets));
    } catch (err) {
      throw new NotationError(`malformed certificate extension ${oid}: ${(err as Error).message}`, { cause: err });
    }
    if (oid === Oid.basicConstraints) {
      const ca = value.subs[0]?.tag.isBoolean() ? value.subs[0].toBoolean() : false;
      const length = value.subs.find((s) => s.tag.isInteger());
      certificate.basicConstraints = { ca, critical, ...(length ? { pathLength: Number(length.toInteger()) } : {}) };
    } else if (oid === Oid.keyUsage) {
      const bits = value.toBitString();
      certificate.keyUsage = { critical, bits: bits.slice(0, 9).reduce((acc, bit, i) => acc | (bit << i), 0) };
    } else if (oid === Oid.extendedKeyUsage) {
      certificate.extendedKeyUsage = value.subs.map((s) => s.toOID());
    } else if (oid === Oid.crlDistributionPoints) {
      certificate.revocationEndpoints = true;
    } else if (oid === Oid.authorityInfoAccess) {
      if (value.subs.some((d) => d.subs[0]?.toOID() === Oid.ocsp)) certificate.revocationEndpoints = true;
    }
  }
  return certificate;
}

/** Parses a chain (leaf first) given as X509Certificates, DER buffers or one PEM bundle. */
export async function parseNotationCertificates(
  chain: readonly (X509Certificate | Buffer)[] | Buffer | string,
): Promise<NotationCertificate[]> {
  const items = typeof chain === 'string' || Buffer.isBuffer(chain) ? splitNotationCertificates(chain) : chain;
  return Promise.all(items.map((c) => parseNotationCertificate(c)));
}

/** Go's `%q` of a string (close enough for the ASCII messages notation prints). */
const goQuote = (value: string): string => JSON.stringify(value);

/** Go's time.Time String() for a UTC time, used in notation-core-go's certificate messages. */
function goTime(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Go's time.RFC1123Z layout in UTC, as notation's verification messages print times. */
export function notationRfc1123z(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${weekdays[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

type Issued = { issued: true } | { issued: false; error?: string };

/** Go's CheckSignatureFrom (parent must be allowed to sign certificates; no SHA-1) plus the issuer/subject name match. */
function issuedBy(child: NotationCertificate, parent: NotationCertificate): Issued {
  const insecure = insecureSignatureAlgorithms[child.signatureAlgorithm];
  if (insecure) return { issued: false, error: `x509: cannot verify signature: insecure algorithm ${insecure}` };
  if (
    (parent.version === 3 && !parent.basicConstraints) ||
    (parent.basicConstraints && !parent.basicConstraints.ca) ||
    (parent.keyUsage && parent.keyUsage.bits !== 0 && !has(parent.keyUsage.bits, KeyUsage.keyCertSign))
  ) {
    return { issued: false, error: 'x509: invalid signature: parent certificate cannot sign this kind of certificate' };
  }
  let valid = false;
  try {
    valid = child.x509.verify(parent.x509.publicKey);
  } catch {
    valid = false;
  }
  if (!valid) return { issued: false, error: 'x509: signature does not verify with the issuer public key' };
  return child.rawIssuer.equals(parent.rawSubject) ? { issued: true } : { issued: false };
}

function signatureProblem(certificate: NotationCertificate): string | undefined {
  const insecure = insecureSignatureAlgorithms[certificate.signatureAlgorithm];
  if (insecure) return `x509: cannot verify signature: insecure algorithm ${insecure}`;
  try {
    return certificate.x509.verify(certificate.x509.publicKey) ? undefined : 'x509: signature does not verify with its own public key';
  } catch (err) {
    return (err as Error).message;
  }
}

function signingTimeProblem(certificate: NotationCertificate, signingTime: Date | undefined): string | undefined {
  if (!signingTime || (signingTime >= certificate.notBefore && signingTime <= certificate.notAfter)) return undefined;
  return `certificate with subject ${goQuote(certificate.subject)} was invalid at signing time of ${goTime(signingTime)}. Certificate is valid from [${goTime(certificate.notBefore)}] to [${goTime(certificate.notAfter)}]`;
}

/** The first certificate of a chain that was not valid at `signingTime` (the spec's "valid at signing time" rule), with notation-core-go's message. */
export function notationSigningTimeProblem(chain: readonly NotationCertificate[], signingTime: Date): string | undefined {
  for (const certificate of chain) {
    const problem = signingTimeProblem(certificate, signingTime);
    if (problem) return problem;
  }
  return undefined;
}

function keyUsagePresenceProblem(certificate: NotationCertificate): string | undefined {
  if (!certificate.keyUsage) return `certificate with subject ${goQuote(certificate.subject)}: key usage extension must be present`;
  if (!certificate.keyUsage.critical)
    return `certificate with subject ${goQuote(certificate.subject)}: key usage extension must be marked critical`;
  return undefined;
}

/** The spec's leaf (code-signing) certificate requirements, with notation-core-go's messages. */
export function notationLeafCertificateProblem(certificate: NotationCertificate): string | undefined {
  const subject = goQuote(certificate.subject);
  if (certificate.basicConstraints?.ca)
    return `certificate with subject ${subject}: if the basic constraints extension is present, the ca field must be set to false`;
  const presence = keyUsagePresenceProblem(certificate);
  if (presence) return presence;
  const bits = certificate.keyUsage?.bits ?? 0;
  if (!has(bits, KeyUsage.digitalSignature))
    return `the certificate with subject ${subject} is invalid. The key usage must have the bit positions for "Digital Signature" set`;
  const invalid = (
    [
      [KeyUsage.keyEncipherment, 'KeyEncipherment'],
      [KeyUsage.dataEncipherment, 'DataEncipherment'],
      [KeyUsage.keyAgreement, 'KeyAgreement'],
      [KeyUsage.keyCertSign, 'CertSign'],
      [KeyUsage.cRLSign, 'CRLSign'],
      [KeyUsage.encipherOnly, 'EncipherOnly'],
      [KeyUsage.decipherOnly, 'DecipherOnly'],
    ] as const
  )
    .filter(([bit]) => has(bits, bit))
    .map(([, name]) => `"${name}"`);
  if (invalid.length)
    return `the certificate with subject ${subject} is invalid. The key usage must be "Digital Signature" only, but found ${invalid.join(', ')}`;
  for (const eku of certificate.extendedKeyUsage ?? []) {
    const name = forbiddenEku[eku];
    if (name) return `certificate with subject ${subject}: extended key usage must not contain ${name} eku`;
  }
  try {
    notationKeySpecOf(certificate.x509);
  } catch (err) {
    return `certificate with subject ${subject}: ${(err as Error).message}`;
  }
  return undefined;
}

function caCertificateProblem(certificate: NotationCertificate, expectedPathLength: number): string | undefined {
  const subject = goQuote(certificate.subject);
  if (!certificate.basicConstraints?.ca)
    return `certificate with subject ${subject}: ca field in basic constraints must be present, critical, and set to true`;
  const pathLength = certificate.basicConstraints.pathLength;
  if (pathLength !== undefined && pathLength < expectedPathLength)
    return `certificate with subject ${subject}: expected path length of ${expectedPathLength} but certificate has path length ${pathLength} instead`;
  const presence = keyUsagePresenceProblem(certificate);
  if (presence) return presence;
  if (!has(certificate.keyUsage?.bits ?? 0, KeyUsage.keyCertSign))
    return `certificate with subject ${subject}: key usage must have the bit positions for key cert sign set`;
  return undefined;
}

/**
 * Checks a signature's certificate chain against the spec's certificate requirements (notation-core-go
 * ValidateCodeSigningCertChain): leaf first, each certificate issued by the next, ending in a self-signed root, the
 * leaf a code-signing certificate and the others CAs; with `signingTime`, every certificate valid at that time.
 * Returns the first problem, or undefined. Trust (which roots) is decided elsewhere.
 */
export function notationCertificateChainProblem(chain: readonly NotationCertificate[], signingTime?: Date): string | undefined {
  const [first] = chain;
  if (!first) return 'certificate chain must contain at least one certificate';
  if (chain.length === 1) {
    const selfSignature = signatureProblem(first);
    if (selfSignature) return `invalid self-signed certificate. subject: ${goQuote(first.subject)}. Error: ${selfSignature}`;
    if (!first.rawSubject.equals(first.rawIssuer))
      return `invalid self-signed certificate. subject: ${goQuote(first.subject)}. Error: issuer(${first.issuer}) and subject(${first.subject}) are not the same`;
    const time = signingTimeProblem(first, signingTime);
    if (time) return time;
    const leaf = notationLeafCertificateProblem(first);
    return leaf ? `invalid self-signed certificate. Error: ${leaf}` : undefined;
  }
  for (const [i, certificate] of chain.entries()) {
    const time = signingTimeProblem(certificate, signingTime);
    if (time) return time;
    const subject = goQuote(certificate.subject);
    const selfSigned = issuedBy(certificate, certificate);
    if (i === chain.length - 1) {
      if (!selfSigned.issued && selfSigned.error)
        return `root certificate with subject ${subject} is invalid or not self-signed. Certificate chain must end with a valid self-signed root certificate. Error: ${selfSigned.error}`;
      if (!selfSigned.issued)
        return `root certificate with subject ${subject} is not self-signed. Certificate chain must end with a valid self-signed root certificate`;
    } else {
      if (selfSigned.issued) {
        return i === 0
          ? `leaf certificate with subject ${subject} is self-signed. Certificate chain must not contain self-signed leaf certificate`
          : `intermediate certificate with subject ${subject} is self-signed. Certificate chain must not contain self-signed intermediate certificate`;
      }
      const parent = chain[i + 1] as NotationCertificate;
      const issued = issuedBy(certificate, parent);
      if (!issued.issued && issued.error)
        return `invalid certificates or certificate with subject ${subject} is not issued by ${goQuote(parent.subject)}. Error: ${issued.error}`;
      if (!issued.issued) return `certificate with subject ${subject} is not issued by ${goQuote(parent.subject)}`;
    }
    const problem = i === 0 ? notationLeafCertificateProblem(certificate) : caCertificateProblem(certificate, i - 1);
    if (problem) return problem;
  }
  return undefined;
}

/** SHA-256 thumbprints of a chain, leaf first, as the `io.cncf.notary.x509chain.thumbprint#S256` annotation lists them. */
export function notationThumbprints(chain: readonly Buffer[]): string[] {
  return chain.map((der) => createHash('sha256').update(der).digest('hex'));
}

// ---------------------------------------------------------------------------------------------------------------
// The JWS envelope.

export interface NotationJwsEnvelope {
  payload: string;
  protected: string;
  header: {
    'io.cncf.notary.timestampSignature'?: string;
    x5c: string[];
    'io.cncf.notary.signingAgent'?: string;
  };
  signature: string;
}

/** The `targetArtifact` of a Notary Project payload: a descriptor with at least mediaType, digest and size. */
export interface NotationTargetArtifact {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  artifactType?: string;
  [field: string]: unknown;
}

export interface NotationPayload {
  targetArtifact: NotationTargetArtifact;
}

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

/** Everything in a parsed envelope; nothing here is verified yet. */
export interface ParsedNotationEnvelope {
  raw: NotationJwsEnvelope;
  protectedHeader: NotationProtectedHeader;
  payloadBytes: Buffer;
  signature: Buffer;
  certificates: Buffer[];
  signingAgent?: string;
  timestampSignature?: Buffer;
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
const base64std = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// RFC 3339 date-time (Go's time.Time JSON form).
const rfc3339Pattern = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** Strict unpadded base64url, failing with Go's message (as notation reports a JWS it cannot decode). */
function decodeBase64url(value: unknown, what: string): Buffer {
  if (typeof value !== 'string') throw new NotationError(`signature is invalid. Error: ${what} is missing`);
  if (!base64url.test(value) || value.length % 4 === 1) {
    const bad = [...value].findIndex((c) => !/[A-Za-z0-9_-]/.test(c));
    throw new NotationError(`signature is invalid. Error: illegal base64 data at input byte ${bad >= 0 ? bad : value.length - 1}`);
  }
  return Buffer.from(value, 'base64url');
}

function parseTime(value: unknown, header: string): Date {
  const date = typeof value === 'string' && rfc3339Pattern.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime()))
    throw new NotationError(`jws envelope protected header can't be decoded: ${header} is not an RFC 3339 time`);
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
      throw new NotationError(`jws envelope protected header can't be decoded: ${(err as Error).message}`);
    }
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    throw new NotationError("jws envelope protected header can't be decoded: not a JSON object");
  const scheme = header[NotationHeader.signingScheme];
  if (scheme !== 'notary.x509' && scheme !== 'notary.x509.signingAuthority')
    throw new NotationError(`unsupported SigningScheme: \`${String(scheme)}\``);
  if (typeof header.alg !== 'string') throw new NotationError('signature algorithm "" is not supported');
  if (header.cty !== undefined && typeof header.cty !== 'string')
    throw new NotationError("jws envelope protected header can't be decoded: cty is not a string");
  const crit = header.crit;
  if (crit !== undefined && (!Array.isArray(crit) || !crit.every((c) => typeof c === 'string')))
    throw new NotationError("jws envelope protected header can't be decoded: crit is not an array of strings");
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
      throw new NotationError(`"${NotationHeader.authenticSigningTime}" header must not be present for notary.x509 signing scheme`);
    if (!parsed.signingTime) throw new NotationError('signing-time not present');
  } else {
    if (parsed.signingTime)
      throw new NotationError(`"${NotationHeader.signingTime}" header must not be present for notary.x509.signingAuthority signing scheme`);
    if (!parsed.authenticSigningTime)
      throw new NotationError(
        `"${NotationHeader.authenticSigningTime}" header must be present for notary.x509.signingAuthority signing scheme`,
      );
  }
  const time = parsed.signingTime ?? parsed.authenticSigningTime;
  if (parsed.expiry && time && parsed.expiry <= time) throw new NotationError('expiry cannot be equal or before the signing time');

  if (parsed.critical.length === 0) throw new NotationError('missing "crit" header');
  const mustBeCritical = new Set<string>([NotationHeader.signingScheme]);
  if (parsed.expiry) mustBeCritical.add(NotationHeader.expiry);
  if (scheme === 'notary.x509.signingAuthority') mustBeCritical.add(NotationHeader.authenticSigningTime);
  for (const name of parsed.critical) {
    if (mustBeCritical.delete(name)) continue;
    if (!Object.hasOwn(parsed.extended, name)) throw new NotationError(`"${name}" header is marked critical but not present`);
  }
  if (mustBeCritical.size) throw new NotationError(`these required headers are not marked as critical: [${[...mustBeCritical].join(' ')}]`);
  return parsed;
}

/** Reads a Notary Project payload and checks its `targetArtifact` has mediaType, digest and size. */
export function parseNotationPayload(bytes: Buffer | string): NotationPayload {
  let payload: unknown;
  try {
    payload = JSON.parse(bytes.toString());
  } catch (err) {
    throw new NotationError(`the payload is not JSON: ${(err as Error).message}`);
  }
  const target = (payload as { targetArtifact?: unknown } | null)?.targetArtifact as Partial<NotationTargetArtifact> | undefined;
  if (typeof target !== 'object' || target === null) throw new NotationError('the payload has no targetArtifact');
  if (
    typeof target.mediaType !== 'string' ||
    typeof target.digest !== 'string' ||
    !Number.isSafeInteger(target.size) ||
    (target.size ?? -1) < 0
  ) {
    throw new NotationError('the payload targetArtifact must have mediaType, digest and size');
  }
  if (
    target.annotations !== undefined &&
    (typeof target.annotations !== 'object' ||
      target.annotations === null ||
      Object.values(target.annotations).some((v) => typeof v !== 'string'))
  ) {
    throw new NotationError('the payload targetArtifact annotations must be a string map');
  }
  return payload as NotationPayload;
}

/** Parses a JWS JSON (flattened) envelope and its protected header; checks structure only, no signature or trust. */
export function parseNotationEnvelope(bytes: Buffer | string): ParsedNotationEnvelope {
  let raw: NotationJwsEnvelope;
  try {
    raw = JSON.parse(bytes.toString()) as NotationJwsEnvelope;
  } catch (err) {
    throw new NotationError(`unable to parse the digital signature, error : ${(err as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new NotationError('unable to parse the digital signature, error : not a JSON object');
  const extra = Object.keys(raw).filter((k) => !['payload', 'protected', 'header', 'signature'].includes(k));
  // Only the flattened serialization is allowed; `signatures` would be the general one.
  if (extra.length)
    throw new NotationError(
      `the JWS envelope has unsupported top-level fields ${extra.join(', ')} (only the flattened JSON serialization is allowed)`,
    );
  const header = raw.header;
  if (typeof header !== 'object' || header === null || !Array.isArray(header.x5c) || header.x5c.length === 0)
    throw new NotationError('certificate chain is not present');
  const certificates = header.x5c.map((c) => {
    if (typeof c !== 'string' || !base64std.test(c)) throw new NotationError('malformed certificate in x5c (not base64)');
    return Buffer.from(c, 'base64');
  });
  const signature = decodeBase64url(raw.signature, 'the signature');
  if (signature.length === 0) throw new NotationError('signature missing in jws-json envelope');
  const payloadBytes = decodeBase64url(raw.payload, 'the payload');
  const parsed: ParsedNotationEnvelope = {
    raw,
    protectedHeader: decodeNotationProtectedHeader(typeof raw.protected === 'string' ? raw.protected : ''),
    payloadBytes,
    signature,
    certificates,
  };
  const agent = header[NotationHeader.signingAgent];
  if (typeof agent === 'string') parsed.signingAgent = agent;
  const timestamp = header[NotationHeader.timestampSignature];
  if (typeof timestamp === 'string' && timestamp) parsed.timestampSignature = Buffer.from(timestamp, 'base64');
  return parsed;
}

/** Verifies a raw JWS signature (ECDSA in R||S form; RSASSA-PSS with any salt length, as jwt-go accepts). */
export function verifyNotationJwsSignature(
  algorithm: NotationAlgorithm,
  signingInput: Buffer,
  signature: Buffer,
  publicKey: KeyObject,
): boolean {
  try {
    if (algorithm.keyType === 'ec') {
      if (signature.length !== 2 * (algorithm.coordinateBytes ?? 0)) return false;
      return cryptoVerify(algorithm.digest, signingInput, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
    }
    return cryptoVerify(
      algorithm.digest,
      signingInput,
      { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO },
      signature,
    );
  } catch {
    return false;
  }
}

/**
 * The integrity of an envelope as notation-core-go's JWS Verify checks it: `alg` is one the spec allows and is the
 * algorithm of the leaf certificate's key (no algorithm substitution), and the signature over `protected.payload`
 * verifies with that key. Returns the problem, or undefined.
 */
export function notationEnvelopeSignatureProblem(envelope: ParsedNotationEnvelope, leaf: X509Certificate): string | undefined {
  const algorithm = notationAlgorithmForJws(envelope.protectedHeader.algorithm);
  if (!algorithm) return `signature algorithm ${goQuote(envelope.protectedHeader.algorithm)} is not supported`;
  let expected: NotationKeySpec;
  try {
    expected = notationKeySpecOf(leaf);
  } catch (err) {
    return (err as Error).message;
  }
  if (notationAlgorithms[expected].jws !== algorithm.jws) {
    return `mismatch between signature algorithm derived from signing certificate (${notationAlgorithms[expected].jws}) and signing algorithm specified (${algorithm.jws})`;
  }
  const signingInput = Buffer.from(`${envelope.raw.protected}.${envelope.raw.payload}`, 'ascii');
  return verifyNotationJwsSignature(algorithm, signingInput, envelope.signature, leaf.publicKey)
    ? undefined
    : 'signature is invalid. Error: the JWS signature does not verify with the signing certificate key';
}

// ---------------------------------------------------------------------------------------------------------------
// Signers and signing.

/**
 * What signs: a key we hold, or a key a plugin (key vault) holds. `certificateChain()` is called after `sign()`,
 * as notation does, because a plugin returns the chain with the signature.
 */
export interface NotationSigner {
  readonly keySpec: NotationKeySpec;
  certificateChain(): Promise<X509Certificate[] | Buffer[]>;
  /** Signs the JWS signing input with the key spec's algorithm; ECDSA signatures in raw R||S form. */
  sign(bytes: Buffer): Promise<Buffer>;
  /** Added to the signing agent, e.g. `com.example.plugin/1.0.0`. */
  readonly signingAgent?: string;
}

export interface NotationKeySignerOptions {
  /** PEM private key: PKCS#8, SEC1 (EC) or PKCS#1 (RSA), optionally encrypted; or a KeyObject. */
  privateKey: string | Buffer | KeyObject;
  password?: string;
  /** The certificate chain, leaf first, ending with the root: a PEM bundle, or certificates. */
  certificateChain: string | Buffer | readonly (X509Certificate | Buffer)[];
}

function readPrivateKey(input: string | Buffer | KeyObject, password: string | undefined): KeyObject {
  if (typeof input === 'object' && !Buffer.isBuffer(input)) return input;
  const pem = input.toString();
  try {
    return createPrivateKey({ key: pem, format: 'pem', passphrase: password || undefined });
  } catch (err) {
    // OpenSSL reports a missing or wrong password in several ways; for an encrypted PEM, any failure is the password's.
    if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem))
      throw new NotationError(password ? 'wrong password for the private key' : 'the private key is encrypted; give its password', {
        cause: err,
      });
    throw new NotationError('the signing key is not a PEM private key (PKCS#8, SEC1 or PKCS#1)', { cause: err });
  }
}

function spki(key: KeyObject): Buffer {
  return (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'der', type: 'spki' });
}

/** Signs bytes with a key of the given spec in the JWS form (RSASSA-PSS, salt = hash length; ECDSA raw R||S). */
export function notationSignWithKey(keySpec: NotationKeySpec, privateKey: KeyObject, bytes: Buffer): Buffer {
  const algorithm = notationAlgorithms[keySpec];
  return algorithm.keyType === 'ec'
    ? cryptoSign(algorithm.digest, bytes, { key: privateKey, dsaEncoding: 'ieee-p1363' })
    : cryptoSign(algorithm.digest, bytes, {
        key: privateKey,
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
      });
}

/**
 * A signer from a private key and its certificate chain (notation's `notation key add --id ... --plugin`-less
 * local keys, or notation-go signer.NewFromFiles). Checks, as notation-core-go does, that the key is the leaf
 * certificate's, that its type and size are in the spec's table, and that the chain meets the certificate
 * requirements (code-signing leaf: key usage critical with Digital Signature only, no server/client/email/
 * timestamping EKU; CA certificates above it; a self-signed root).
 */
export async function createNotationKeySigner(options: NotationKeySignerOptions): Promise<NotationSigner> {
  const key = readPrivateKey(options.privateKey, options.password);
  if (key.type !== 'private') throw new NotationError('the signing key must be a private key');
  const chain = await parseNotationCertificates(options.certificateChain);
  const leaf = chain[0];
  if (!leaf) throw new NotationError('"certs" param is invalid. Error: empty certs');
  const keySpec = notationKeySpecOf(leaf.x509);
  if (key.asymmetricKeyType !== leaf.x509.publicKey.asymmetricKeyType || !spki(key).equals(spki(leaf.x509.publicKey))) {
    throw new NotationError('"key and certs" param is invalid. Error: key not matches certificate');
  }
  const problem = notationCertificateChainProblem(chain);
  if (problem) throw new NotationError(`certificate-chain is invalid, ${problem}`);
  const ders = chain.map((c) => c.der);
  return {
    keySpec,
    certificateChain: async () => ders,
    sign: async (bytes) => notationSignWithKey(keySpec, key, bytes),
  };
}

export interface NotationEnvelopeOptions {
  /** When the signature is made; defaults to now. Truncated to whole seconds, as notation does. */
  signingTime?: Date;
  /** The optional `io.cncf.notary.expiry` ("best by use" time); must be after the signing time. */
  expiry?: Date;
  /** `io.cncf.notary.signingAgent`; defaults to `d2ci` (plus the signer's own agent, e.g. a plugin's name/version). */
  signingAgent?: string;
  /** Added to the payload's targetArtifact annotations (`notation sign --user-metadata`); `io.cncf.notary.*` is reserved. */
  userMetadata?: Record<string, string>;
}

export interface NotationEnvelope {
  envelope: Buffer;
  /** The chain as sent in x5c, DER, leaf first. */
  certificates: Buffer[];
  signingTime: Date;
  payload: Buffer;
  protectedHeader: Record<string, unknown>;
}

/** JSON with object keys sorted, as Go marshals maps (notation-core-go builds the header and payload as maps). */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${sortedJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const reservedAnnotationPrefix = 'io.cncf.notary';

/** The payload notation signs for a manifest: only mediaType, digest, size and annotations (SanitizeTargetArtifact). */
export function notationPayload(subject: Descriptor, userMetadata: Record<string, string> = {}): Buffer {
  const annotations: Record<string, string> = { ...(subject.annotations ?? {}) };
  for (const [key, value] of Object.entries(userMetadata)) {
    if (key.startsWith(reservedAnnotationPrefix))
      throw new NotationError(`error adding user metadata: metadata key ${key} has reserved prefix ${reservedAnnotationPrefix}`);
    if (Object.hasOwn(annotations, key))
      throw new NotationError(`error adding user metadata: metadata key ${key} is already present in the target artifact`);
    annotations[key] = value;
  }
  const target: Record<string, unknown> = { mediaType: subject.mediaType, digest: subject.digest, size: subject.size };
  if (Object.keys(annotations).length) target.annotations = annotations;
  return Buffer.from(sortedJson({ targetArtifact: target }));
}

const truncateToSecond = (date: Date): Date => new Date(Math.floor(date.getTime() / 1000) * 1000);

/**
 * Builds and signs a JWS envelope for a manifest, as notation-go's GenericSigner and notation-core-go's JWS
 * envelope do: payload, protected header (`alg` from the key spec, `cty`, `crit`, signing scheme `notary.x509`,
 * signing time, optional expiry), then `x5c` and the signing agent unprotected. The result is checked before it is
 * returned: the chain meets the certificate requirements and was valid at the signing time, its leaf has the key
 * spec the signer declared, and the signature verifies with the leaf's key (which catches a plugin that signed
 * something else or with another key).
 */
export async function createNotationEnvelope(
  subject: Descriptor,
  signer: NotationSigner,
  options: NotationEnvelopeOptions = {},
): Promise<NotationEnvelope> {
  const algorithm = notationAlgorithms[signer.keySpec];
  if (!algorithm) throw new NotationError(`unsupported key spec ${String(signer.keySpec)}`);
  const signingTime = truncateToSecond(options.signingTime ?? new Date());
  const expiry = options.expiry ? truncateToSecond(options.expiry) : undefined;
  if (expiry && expiry <= signingTime) throw new NotationError('expiry cannot be equal or before the signing time');
  const payload = notationPayload(
    {
      mediaType: subject.mediaType,
      digest: subject.digest,
      size: subject.size,
      ...(subject.annotations ? { annotations: subject.annotations } : {}),
    },
    options.userMetadata,
  );
  const protectedHeader: Record<string, unknown> = {
    alg: algorithm.jws,
    crit: expiry ? [NotationHeader.signingScheme, NotationHeader.expiry] : [NotationHeader.signingScheme],
    cty: NotationMediaType.payload,
    [NotationHeader.signingScheme]: 'notary.x509',
    [NotationHeader.signingTime]: rfc3339(signingTime),
    ...(expiry ? { [NotationHeader.expiry]: rfc3339(expiry) } : {}),
  };
  const encodedProtected = Buffer.from(sortedJson(protectedHeader)).toString('base64url');
  const encodedPayload = payload.toString('base64url');
  const signingInput = Buffer.from(`${encodedProtected}.${encodedPayload}`, 'ascii');
  const signature = await signer.sign(signingInput);
  const chainInput = await signer.certificateChain();
  const chain = await parseNotationCertificates(chainInput.map((c) => (c instanceof X509Certificate ? c : Buffer.from(c))));
  const leaf = chain[0];
  if (!leaf) throw new NotationError('the signer returned no certificate chain');
  const problem = notationCertificateChainProblem(chain, signingTime);
  if (problem) throw new NotationError(`certificate-chain is invalid, ${problem}`);
  const leafSpec = notationKeySpecOf(leaf.x509);
  if (leafSpec !== signer.keySpec)
    throw new NotationError(`the signing certificate's key is ${leafSpec}, but the signer declared ${signer.keySpec}`);
  if (!verifyNotationJwsSignature(algorithm, signingInput, signature, leaf.x509.publicKey)) {
    throw new NotationError('generated signature failed verification: the signature does not verify with the signing certificate key');
  }
  const agent = [options.signingAgent ?? 'd2ci', signer.signingAgent].filter(Boolean).join(' ');
  const envelope: NotationJwsEnvelope = {
    payload: encodedPayload,
    protected: encodedProtected,
    header: { x5c: chain.map((c) => c.der.toString('base64')), [NotationHeader.signingAgent]: agent },
    signature: signature.toString('base64url'),
  };
  return { envelope: Buffer.from(JSON.stringify(envelope)), certificates: chain.map((c) => c.der), signingTime, payload, protectedHeader };
}

/** The signature manifest's annotations notation-go writes: the chain's thumbprints and the creation (signing) time. */
export function notationSignatureAnnotations(certificates: readonly Buffer[], signingTime: Date): Record<string, string> {
  return {
    [NotationAnnotation.thumbprintS256]: JSON.stringify(notationThumbprints(certificates)),
    [NotationAnnotation.created]: rfc3339(signingTime),
  };
}

export interface NotationSignOptions extends NotationEnvelopeOptions {
  signer: NotationSigner;
}

export interface NotationSignResult {
  /** The signature manifest (a referrer of the subject, in notation-go v1.3.2's form). */
  descriptor: Descriptor;
  /** `<target>@<signature manifest digest>`. */
  signatureRef: string;
  envelope: Buffer;
  thumbprints: string[];
  signingTime: Date;
}

/**
 * Signs a manifest already stored in `target` in the Notary Project format and attaches the JWS envelope as a
 * referrer in the form notation-go v1.3.2 writes (sign/notation-manifest.ts): config media type
 * `application/vnd.cncf.notary.signature`, no artifactType, one `application/jose+json` layer, `subject`, and the
 * thumbprint and created annotations. The released notation finds only that form in an OCI layout; registries list
 * it under the same artifact type. A registry without the referrers API gets the `sha256-<hex>` tag-schema index
 * (as notation does through oras).
 */
export async function signNotation(target: Target, subject: Descriptor, options: NotationSignOptions): Promise<NotationSignResult> {
  const plain: Descriptor = { mediaType: subject.mediaType, digest: subject.digest, size: subject.size };
  const made = await createNotationEnvelope(plain, options.signer, options);
  const descriptor = await attachNotationSignature(target, plain, {
    envelopeMediaType: NotationMediaType.jws,
    envelope: made.envelope,
    annotations: notationSignatureAnnotations(made.certificates, made.signingTime),
  });
  return {
    descriptor,
    signatureRef: `${target.name}@${descriptor.digest}`,
    envelope: made.envelope,
    thumbprints: notationThumbprints(made.certificates),
    signingTime: made.signingTime,
  };
}
