// Trust stores: named sets of trusted certificates, as notation-go reads its directory (verifier/truststore
// truststore.go; trust-store-trust-policy.md "Trust Store"), in memory, and as Flux's Secret-based store.
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { quote } from '../go/strconv/quote.ts';
import { parseNotationCertificate, splitNotationCertificates, type NotationCertificate } from './certificate.ts';
import { NotationTrustStoreError } from './errors.ts';

export type NotationTrustStoreType = 'ca' | 'signingAuthority' | 'tsa';

export const trustStoreTypes: readonly NotationTrustStoreType[] = ['ca', 'signingAuthority', 'tsa'];
export const storeNamePattern = /^[a-zA-Z0-9_.-]+$/;

/** Named stores of trusted certificates, as policy statements name them (`ca:acme`, `signingAuthority:sa`, `tsa:t`). */
export interface NotationTrustStore {
  /** The certificates (DER) of one named store; throws NotationTrustStoreError when it is missing or invalid. */
  certificates(type: NotationTrustStoreType, name: string): Promise<Buffer[]>;
}

export type NotationCertificateSource = string | Buffer | X509Certificate;

function checkStoreName(type: string, name: string): void {
  if (!trustStoreTypes.includes(type as NotationTrustStoreType)) throw new NotationTrustStoreError(`unsupported trust store type: ${type}`);
  if (!storeNamePattern.test(name))
    throw new NotationTrustStoreError(`trust store name needs to follow [a-zA-Z0-9_.-]+ format, ${name} is invalid`);
}

/** What notation-go's store accepts: CA or self-signed certificates, and for `tsa` self-issued root CAs only. */
async function validateStoreCertificates(type: NotationTrustStoreType, ders: Buffer[], where: string, storeName: string): Promise<void> {
  if (ders.length === 0)
    throw new NotationTrustStoreError(
      `failed to validate the trusted certificate ${where} in trust store ${storeName} of type ${type}: input certs cannot be empty`,
    );
  for (const der of ders) {
    let certificate: NotationCertificate;
    try {
      certificate = await parseNotationCertificate(der);
    } catch (err) {
      throw new NotationTrustStoreError(
        `failed to read the trusted certificate ${where} in trust store ${storeName} of type ${type}: ${(err as Error).message}`,
      );
    }
    const selfSigned = (() => {
      try {
        return certificate.x509.verify(certificate.x509.publicKey);
      } catch {
        return false;
      }
    })();
    if (!certificate.basicConstraints?.ca && !selfSigned) {
      throw new NotationTrustStoreError(
        `failed to validate the trusted certificate ${where} in trust store ${storeName} of type ${type}: certificate with subject ${quote(certificate.subject)} is not a CA certificate or self-signed signing certificate`,
      );
    }
    if (type === 'tsa' && (!certificate.basicConstraints?.ca || !selfSigned || !certificate.rawSubject.equals(certificate.rawIssuer))) {
      throw new NotationTrustStoreError(
        `trusted certificate ${where} in trust store ${storeName} of type ${type} is invalid: certificate with subject ${quote(certificate.subject)} is not a root CA certificate`,
      );
    }
  }
}

function certificatesFrom(source: NotationCertificateSource): Buffer[] {
  if (source instanceof X509Certificate) return [source.raw];
  return splitNotationCertificates(source);
}

/**
 * A trust store laid out like Notation's: `<root>/x509/<type>/<name>/` holding PEM or DER files (`.pem`, `.crt`,
 * `.cer`). As in notation-go, every entry must be a regular file with certificates (no symlinks, no directories),
 * each a CA or self-signed, and a store must not be empty. Notation's own is `~/.config/notation/truststore`.
 */
export function notationDirectoryTrustStore(root: string): NotationTrustStore {
  return {
    async certificates(type, name) {
      checkStoreName(type, name);
      const dir = join(root, 'x509', type, name);
      let info;
      try {
        info = await lstat(dir);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT')
          throw new NotationTrustStoreError(
            `the trust store ${quote(name)} of type ${quote(type)} does not exist`,
            'NOTATION_TRUST_STORE_NOT_FOUND',
          );
        throw new NotationTrustStoreError(
          `failed to access the trust store ${quote(name)} of type ${quote(type)}: ${(err as Error).message}`,
        );
      }
      if (!info.isDirectory())
        throw new NotationTrustStoreError(
          `the trust store ${name} of type ${type} with path ${dir} is not a regular directory (symlinks are not supported)`,
        );
      const out: Buffer[] = [];
      for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
        if (!entry.isFile())
          throw new NotationTrustStoreError(
            `trusted certificate ${entry.name} in trust store ${name} of type ${type} is not a regular file (directories or symlinks are not supported)`,
          );
        let ders: Buffer[];
        try {
          ders = splitNotationCertificates(await readFile(join(dir, entry.name)));
        } catch (err) {
          throw new NotationTrustStoreError(
            `failed to read the trusted certificate ${entry.name} in trust store ${name} of type ${type}: ${(err as Error).message}`,
          );
        }
        await validateStoreCertificates(type, ders, entry.name, name);
        out.push(...ders);
      }
      if (out.length === 0)
        throw new NotationTrustStoreError(`no x509 certificates were found in trust store ${quote(name)} of type ${quote(type)}`);
      return out;
    },
  };
}

/** A trust store in memory, keyed like policy statements name stores: `{ 'ca:acme': pemBundle, ... }`. Validated as a directory store is. */
export function notationMemoryTrustStore(
  stores: Record<string, NotationCertificateSource | readonly NotationCertificateSource[]>,
): NotationTrustStore {
  return {
    async certificates(type, name) {
      checkStoreName(type, name);
      const entry = stores[`${type}:${name}`];
      if (entry === undefined)
        throw new NotationTrustStoreError(
          `the trust store ${quote(name)} of type ${quote(type)} does not exist`,
          'NOTATION_TRUST_STORE_NOT_FOUND',
        );
      const sources = Array.isArray(entry) ? (entry as readonly NotationCertificateSource[]) : [entry as NotationCertificateSource];
      const out: Buffer[] = [];
      for (const [i, source] of sources.entries()) {
        let ders: Buffer[];
        try {
          ders = certificatesFrom(source);
        } catch (err) {
          throw new NotationTrustStoreError(
            `failed to read the trusted certificate #${i + 1} in trust store ${name} of type ${type}: ${(err as Error).message}`,
          );
        }
        await validateStoreCertificates(type, ders, `#${i + 1}`, name);
        out.push(...ders);
      }
      if (out.length === 0)
        throw new NotationTrustStoreError(`no x509 certificates were found in trust store ${quote(name)} of type ${quote(type)}`);
      return out;
    },
  };
}

/**
 * The trust store Flux's source-controller builds from the `verify.secretRef` Secret: every `*.pem` / `*.crt` key
 * (only the first PEM block of each) is trusted for every store type and name the policy mentions, without
 * notation-go's CA/self-signed check. Use it to predict what a Flux OCIRepository with `provider: notation` accepts.
 */
export function notationFluxTrustStore(secretData: Record<string, string | Buffer>): NotationTrustStore {
  return {
    async certificates() {
      const out: Buffer[] = [];
      for (const [key, data] of Object.entries(secretData)) {
        if (!key.endsWith('.pem') && !key.endsWith('.crt')) continue;
        const text = data.toString('latin1');
        const ders = text.includes('-----BEGIN')
          ? splitNotationCertificates(data).slice(0, 1)
          : splitNotationCertificates(Buffer.isBuffer(data) ? data : Buffer.from(data, 'latin1'));
        out.push(...ders);
      }
      return out;
    },
  };
}
