// The JWS JSON (flattened) envelope notation signs with: parsing it, and its integrity check against the signing
// certificate (notation-core-go signature/jws/envelope.go; signature-envelope-jws.md).
import type { X509Certificate } from 'node:crypto';
import { quote } from '../go/strconv/quote.ts';
import {
  notationAlgorithmForJws,
  notationAlgorithms,
  notationKeySpecOf,
  verifyNotationJwsSignature,
  type NotationKeySpec,
} from './algorithms.ts';
import { NotationError } from './errors.ts';
import { NotationHeader } from './format.ts';
import { decodeBase64url, decodeNotationProtectedHeader, type NotationProtectedHeader } from './protected-header.ts';

const base64std = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

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

/** Parses a JWS JSON (flattened) envelope and its protected header; checks structure only, no signature or trust. */
export function parseNotationEnvelope(bytes: Buffer | string): ParsedNotationEnvelope {
  let raw: NotationJwsEnvelope;
  try {
    raw = JSON.parse(bytes.toString()) as NotationJwsEnvelope;
  } catch (err) {
    throw new NotationError('NOTATION_ENVELOPE_INVALID', `unable to parse the digital signature, error : ${(err as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new NotationError('NOTATION_ENVELOPE_INVALID', 'unable to parse the digital signature, error : not a JSON object');
  const extra = Object.keys(raw).filter((k) => !['payload', 'protected', 'header', 'signature'].includes(k));
  // Only the flattened serialization is allowed; `signatures` would be the general one.
  if (extra.length)
    throw new NotationError(
      'NOTATION_ENVELOPE_INVALID',
      `the JWS envelope has unsupported top-level fields ${extra.join(', ')} (only the flattened JSON serialization is allowed)`,
    );
  const header = raw.header;
  if (typeof header !== 'object' || header === null || !Array.isArray(header.x5c) || header.x5c.length === 0)
    throw new NotationError('NOTATION_ENVELOPE_INVALID', 'certificate chain is not present');
  const certificates = header.x5c.map((c) => {
    if (typeof c !== 'string' || !base64std.test(c))
      throw new NotationError('NOTATION_ENVELOPE_INVALID', 'malformed certificate in x5c (not base64)');
    return Buffer.from(c, 'base64');
  });
  const signature = decodeBase64url(raw.signature, 'the signature');
  if (signature.length === 0) throw new NotationError('NOTATION_ENVELOPE_INVALID', 'signature missing in jws-json envelope');
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

/**
 * The integrity of an envelope as notation-core-go's JWS Verify checks it: `alg` is one the spec allows and is the
 * algorithm of the leaf certificate's key (no algorithm substitution), and the signature over `protected.payload`
 * verifies with that key. Returns the problem, or undefined.
 */
export function notationEnvelopeSignatureProblem(envelope: ParsedNotationEnvelope, leaf: X509Certificate): string | undefined {
  const algorithm = notationAlgorithmForJws(envelope.protectedHeader.algorithm);
  if (!algorithm) return `signature algorithm ${quote(envelope.protectedHeader.algorithm)} is not supported`;
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
