import { createPrivateKey, createPublicKey, createHash, scryptSync, type KeyObject } from 'node:crypto';
import { xsalsa20poly1305 } from '@noble/ciphers/salsa.js';
import { BaseError, type Field } from '../errors.ts';

/** KEY_PASSWORD: missing or wrong password; KEY_INVALID: not a key we read; KEY_UNSUPPORTED: a key we do not sign with. */
export type KeyErrorCode = 'KEY_PASSWORD' | 'KEY_INVALID' | 'KEY_UNSUPPORTED';

/** A signing or verification key that cannot be used. Its field is the private key, its password or the public key. */
export class KeyError extends BaseError<KeyErrorCode> {
  constructor(code: KeyErrorCode, message: string, kind: 'private' | 'public' = 'private') {
    const field: Field = kind === 'public' ? 'public-key' : code === 'KEY_PASSWORD' ? 'signing-key-password' : 'signing-key';
    super(code, message, { field });
    this.name = 'KeyError';
  }
}

/**
 * What Node 24 (OpenSSL 3) throws for a missing or wrong password: ERR_MISSING_PASSPHRASE, ERR_OSSL_BAD_DECRYPT
 * ("bad decrypt"; ERR_OSSL_EVP_BAD_DECRYPT with OpenSSL 1.1), ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED (no password
 * for an encrypted key), ERR_OSSL_PEM_BAD_PASSWORD_READ.
 */
const passwordErrorCodes = new Set([
  'ERR_MISSING_PASSPHRASE',
  'ERR_OSSL_BAD_DECRYPT',
  'ERR_OSSL_EVP_BAD_DECRYPT',
  'ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED',
  'ERR_OSSL_PEM_BAD_PASSWORD_READ',
]);

/** cosign's encrypted key file (cosign pkg/cosign/keys.go): scrypt-derived key, NaCl secretbox, PKCS#8 inside. */
interface CosignEncryptedKey {
  kdf: { name: string; params: { N: number; r: number; p: number }; salt: string };
  cipher: { name: string; nonce: string };
  ciphertext: string;
}

function pemBody(pem: string, label: RegExp): Buffer | undefined {
  const match = new RegExp(`-----BEGIN ${label.source}-----([\\s\\S]*?)-----END ${label.source}-----`).exec(pem);
  return match ? Buffer.from((match[1] ?? '').replace(/\s+/g, ''), 'base64') : undefined;
}

function decryptCosignKey(sealed: Buffer, password: string): KeyObject {
  let key: CosignEncryptedKey;
  try {
    key = JSON.parse(sealed.toString('utf8')) as CosignEncryptedKey;
  } catch {
    throw new KeyError('KEY_INVALID', 'the encrypted cosign key is not valid');
  }
  if (key.kdf?.name !== 'scrypt' || key.cipher?.name !== 'nacl/secretbox')
    throw new KeyError('KEY_UNSUPPORTED', `unsupported cosign key encryption ${key.kdf?.name}/${key.cipher?.name}`);
  const { N, r, p } = key.kdf.params;
  const secret = scryptSync(password, Buffer.from(key.kdf.salt, 'base64'), 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
  let plain: Uint8Array;
  try {
    plain = xsalsa20poly1305(secret, Buffer.from(key.cipher.nonce, 'base64')).decrypt(Buffer.from(key.ciphertext, 'base64'));
  } catch {
    throw new KeyError('KEY_PASSWORD', 'wrong password for the encrypted cosign key');
  }
  return createPrivateKey({ key: Buffer.from(plain), format: 'der', type: 'pkcs8' });
}

/**
 * Reads an ECDSA P-256 private key: PKCS#8 or SEC1 PEM, password-protected PKCS#8, or cosign's encrypted
 * `cosign.key` (`ENCRYPTED SIGSTORE/COSIGN PRIVATE KEY`) with its password.
 */
export function loadPrivateKey(pem: string, password = ''): KeyObject {
  const sealed = pemBody(pem, /ENCRYPTED (?:SIGSTORE|COSIGN) PRIVATE KEY/);
  let key: KeyObject;
  if (sealed) {
    key = decryptCosignKey(sealed, password);
  } else {
    try {
      key = createPrivateKey({ key: pem, format: 'pem', passphrase: password || undefined });
    } catch (err) {
      // OpenSSL 3 reports a missing password as "interrupted or cancelled", and a wrong one that decrypts to garbage
      // with valid CBC padding (about 1 in 256) as an undecodable key: for an encrypted PEM, any failure is the password's.
      const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem);
      if (encrypted || passwordErrorCodes.has((err as NodeJS.ErrnoException).code ?? ''))
        throw new KeyError(
          'KEY_PASSWORD',
          password ? 'wrong password for the private key' : 'the private key is encrypted; give its password',
        );
      throw new KeyError('KEY_INVALID', 'the signing key is not a PEM private key (PKCS#8, SEC1 or cosign.key)');
    }
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new KeyError(
      'KEY_UNSUPPORTED',
      `the signing key must be ECDSA P-256 (got ${key.asymmetricKeyType}${key.asymmetricKeyDetails?.namedCurve ? ` ${key.asymmetricKeyDetails.namedCurve}` : ''})`,
    );
  }
  return key;
}

/** Reads a public key (PKIX PEM, as in cosign.pub), or derives it from a private key. */
export function loadPublicKey(pem: string): KeyObject {
  try {
    return createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new KeyError('KEY_INVALID', 'the verification key is not a PEM public key (e.g. cosign.pub)', 'public');
  }
}

export function publicKeyPem(key: KeyObject): string {
  return (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'pem', type: 'spki' }).toString();
}

/** A stable key id for bundles' public-key hint: hex sha256 of the DER SubjectPublicKeyInfo. */
export function keyId(key: KeyObject): string {
  const der = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'der', type: 'spki' });
  return createHash('sha256').update(der).digest('hex');
}
