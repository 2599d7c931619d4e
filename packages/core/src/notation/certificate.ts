// Reading X.509 certificates for the Notary Project rules: PEM or DER chains, and the parts of a certificate
// notation-core-go's x509 checks look at (notation-core-go x509/cert.go; Go's crypto/x509 parser).
import { createHash, X509Certificate } from 'node:crypto';
import type { ASN1Obj } from '@sigstore/core';
import { NotationError } from './errors.ts';
import { parsePkixName, pkixNameString, type NotationNameAttribute } from './pkix-name.ts';

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
    if (der[offset] !== 0x30) throw new NotationError('NOTATION_CERTIFICATE_INVALID', 'not a PEM or DER certificate');
    const first = der[offset + 1] ?? 0;
    let length = first;
    let header = 2;
    if (first & 0x80) {
      const count = first & 0x7f;
      if (count < 1 || count > 4) throw new NotationError('NOTATION_CERTIFICATE_INVALID', 'not a PEM or DER certificate');
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + (der[offset + 2 + i] ?? 0);
      header += count;
    }
    if (offset + header + length > der.length) throw new NotationError('NOTATION_CERTIFICATE_INVALID', 'truncated DER certificate');
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
    throw new NotationError('NOTATION_CERTIFICATE_INVALID', `malformed certificate: ${(err as Error).message}`, { cause: err });
  }
  const fields = root.subs[0]?.subs ?? [];
  const versioned = fields[0]?.tag.isContextSpecific(0) ?? false;
  const at = (i: number): ASN1Obj => {
    const field = fields[i + (versioned ? 1 : 0)];
    if (!field) throw new NotationError('NOTATION_CERTIFICATE_INVALID', 'malformed certificate: missing TBSCertificate fields');
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
    subjectName: parsePkixName(subjectObj),
    subject: '',
    issuer: pkixNameString(parsePkixName(issuerObj)),
    rawSubject: Buffer.from(subjectObj.value),
    rawIssuer: Buffer.from(issuerObj.value),
    notBefore: validity.subs[0]?.toDate() ?? new Date(Number.NaN),
    notAfter: validity.subs[1]?.toDate() ?? new Date(Number.NaN),
    signatureAlgorithm: root.subs[1]?.subs[0]?.toOID() ?? '',
    revocationEndpoints: false,
    sha256: createHash('sha256').update(der).digest('hex'),
  };
  certificate.subject = pkixNameString(certificate.subjectName);
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
      throw new NotationError('NOTATION_CERTIFICATE_INVALID', `malformed certificate extension ${oid}: ${(err as Error).message}`, {
        cause: err,
      });
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

/** SHA-256 thumbprints of a chain, leaf first, as the `io.cncf.notary.x509chain.thumbprint#S256` annotation lists them. */
export function notationThumbprints(chain: readonly Buffer[]): string[] {
  return chain.map((der) => createHash('sha256').update(der).digest('hex'));
}
