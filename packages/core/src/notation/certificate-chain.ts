// The spec's "Certificate Requirements" for a signature's chain, with notation-core-go's messages
// (notation-core-go x509/codesigning_cert_validations.go ValidateCodeSigningCertChain, x509/cert_validations.go).
import { quote } from '../go/strconv/quote.ts';
import { notationKeySpecOf } from './algorithms.ts';
import type { NotationCertificate } from './certificate.ts';
import { goTime } from './time.ts';

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
  return `certificate with subject ${quote(certificate.subject)} was invalid at signing time of ${goTime(signingTime)}. Certificate is valid from [${goTime(certificate.notBefore)}] to [${goTime(certificate.notAfter)}]`;
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
  if (!certificate.keyUsage) return `certificate with subject ${quote(certificate.subject)}: key usage extension must be present`;
  if (!certificate.keyUsage.critical)
    return `certificate with subject ${quote(certificate.subject)}: key usage extension must be marked critical`;
  return undefined;
}

/** The spec's leaf (code-signing) certificate requirements, with notation-core-go's messages. */
export function notationLeafCertificateProblem(certificate: NotationCertificate): string | undefined {
  const subject = quote(certificate.subject);
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
  const subject = quote(certificate.subject);
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
    if (selfSignature) return `invalid self-signed certificate. subject: ${quote(first.subject)}. Error: ${selfSignature}`;
    if (!first.rawSubject.equals(first.rawIssuer))
      return `invalid self-signed certificate. subject: ${quote(first.subject)}. Error: issuer(${first.issuer}) and subject(${first.subject}) are not the same`;
    const time = signingTimeProblem(first, signingTime);
    if (time) return time;
    const leaf = notationLeafCertificateProblem(first);
    return leaf ? `invalid self-signed certificate. Error: ${leaf}` : undefined;
  }
  for (const [i, certificate] of chain.entries()) {
    const time = signingTimeProblem(certificate, signingTime);
    if (time) return time;
    const subject = quote(certificate.subject);
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
        return `invalid certificates or certificate with subject ${subject} is not issued by ${quote(parent.subject)}. Error: ${issued.error}`;
      if (!issued.issued) return `certificate with subject ${subject} is not issued by ${quote(parent.subject)}`;
    }
    const problem = i === 0 ? notationLeafCertificateProblem(certificate) : caCertificateProblem(certificate, i - 1);
    if (problem) return problem;
  }
  return undefined;
}
