// Signers: what produces the JWS signature, and the one for a private key file and its certificate chain
// (notation-go signer/signer.go NewFromFiles and GenericSigner; notation-core-go x509 chain checks).
import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import type { Field } from '../errors.ts';
import { notationKeySpecOf, notationSignWithKey, type NotationKeySpec } from './algorithms.ts';
import { parseNotationCertificates, type NotationCertificate } from './certificate.ts';
import { notationCertificateChainProblem } from './certificate-chain.ts';
import { NotationError } from './errors.ts';

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
      throw new NotationError(
        'NOTATION_KEY_PASSWORD',
        password ? 'wrong password for the private key' : 'the private key is encrypted; give its password',
        { field: 'notation-key-password', cause: err },
      );
    throw new NotationError('NOTATION_KEY_INVALID', 'the signing key is not a PEM private key (PKCS#8, SEC1 or PKCS#1)', {
      field: 'notation-key',
      cause: err,
    });
  }
}

/** The shared parsers' errors do not know which input they read; here it is known, so the error says it. */
function about(field: Field, err: unknown): unknown {
  return err instanceof NotationError && err.field === undefined ? new NotationError(err.code, err.message, { field, cause: err }) : err;
}

function spki(key: KeyObject): Buffer {
  return (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'der', type: 'spki' });
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
  if (key.type !== 'private')
    throw new NotationError('NOTATION_KEY_INVALID', 'the signing key must be a private key', { field: 'notation-key' });
  let chain: NotationCertificate[];
  try {
    chain = await parseNotationCertificates(options.certificateChain);
  } catch (err) {
    throw about('notation-certificate-chain', err);
  }
  const leaf = chain[0];
  // The front doors have always reported this one against the key (the message names no certificate).
  if (!leaf)
    throw new NotationError('NOTATION_CERTIFICATE_CHAIN_INVALID', '"certs" param is invalid. Error: empty certs', {
      field: 'notation-key',
    });
  let keySpec: NotationKeySpec;
  try {
    keySpec = notationKeySpecOf(leaf.x509);
  } catch (err) {
    throw about('notation-key', err);
  }
  if (key.asymmetricKeyType !== leaf.x509.publicKey.asymmetricKeyType || !spki(key).equals(spki(leaf.x509.publicKey))) {
    throw new NotationError('NOTATION_KEY_MISMATCH', '"key and certs" param is invalid. Error: key not matches certificate', {
      field: 'notation-certificate-chain',
    });
  }
  const problem = notationCertificateChainProblem(chain);
  if (problem)
    throw new NotationError('NOTATION_CERTIFICATE_CHAIN_INVALID', `certificate-chain is invalid, ${problem}`, {
      field: 'notation-certificate-chain',
    });
  const ders = chain.map((c) => c.der);
  return {
    keySpec,
    certificateChain: async () => ders,
    sign: async (bytes) => notationSignWithKey(keySpec, key, bytes),
  };
}
