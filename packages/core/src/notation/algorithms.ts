// The spec's key specs and signature algorithms, and the JWS signature over the signing input with each
// (signature-specification.md "Algorithm Selection"; notation-core-go signature/algorithm.go and jws/jws.go).
import { constants, sign as cryptoSign, verify as cryptoVerify, X509Certificate, type KeyObject } from 'node:crypto';
import { NotationError } from './errors.ts';

export type NotationKeySpec = 'RSA-2048' | 'RSA-3072' | 'RSA-4096' | 'EC-256' | 'EC-384' | 'EC-521';
export type NotationJwsAlgorithm = 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512';
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

const curveBits: Record<string, number> = { prime256v1: 256, secp384r1: 384, secp521r1: 521 };

/** The key spec of a key or certificate (notation-core-go ExtractKeySpec: RSA 2048/3072/4096, EC P-256/384/521 only). */
export function notationKeySpecOf(key: KeyObject | X509Certificate): NotationKeySpec {
  const publicKey = key instanceof X509Certificate ? key.publicKey : key;
  const type = publicKey.asymmetricKeyType;
  if (type === 'rsa') {
    const bits = Math.ceil((publicKey.asymmetricKeyDetails?.modulusLength ?? 0) / 8) * 8;
    const spec = `RSA-${bits}`;
    if (isNotationKeySpec(spec)) return spec;
    throw new NotationError('NOTATION_KEY_UNSUPPORTED', `rsa key size ${bits} bits is not supported`);
  }
  if (type === 'ec') {
    const bits = curveBits[publicKey.asymmetricKeyDetails?.namedCurve ?? ''];
    if (bits) return `EC-${bits}` as NotationKeySpec;
    throw new NotationError(
      'NOTATION_KEY_UNSUPPORTED',
      `ecdsa key size of curve ${publicKey.asymmetricKeyDetails?.namedCurve ?? 'unknown'} is not supported`,
    );
  }
  throw new NotationError('NOTATION_KEY_UNSUPPORTED', 'unsupported public key type');
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
