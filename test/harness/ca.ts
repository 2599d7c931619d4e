// A certificate authority made with openssl for a test run: root, intermediates and leaves with the extensions
// the Notary Project requires (or deliberately lacks), valid for chosen dates. Nothing is written outside `dir`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** EC-256/384/521 or RSA-2048/3072/4096, as the Notary Project names key specs. */
export type KeySpec = `${'EC' | 'RSA'}-${number}`;

export interface Issued {
  name: string;
  keyFile: string;
  certFile: string;
  keyPem: string;
  certPem: string;
}

const opensslConfig = (dir: string): string => `
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ ca ]
default_ca = test_ca
[ test_ca ]
dir = ${dir}
database = ${dir}/index.txt
new_certs_dir = ${dir}/newcerts
serial = ${dir}/serial
default_md = sha256
policy = policy_any
unique_subject = no
email_in_dn = no
[ policy_any ]
countryName = optional
stateOrProvinceName = optional
localityName = optional
organizationName = optional
organizationalUnitName = optional
commonName = optional
[ v3_root ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ v3_intermediate ]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ v3_leaf ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = codeSigning
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ v3_leaf_server_auth ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
[ v3_leaf_key_usage_not_critical ]
basicConstraints = CA:FALSE
keyUsage = digitalSignature
[ v3_leaf_key_encipherment ]
keyUsage = critical, digitalSignature, keyEncipherment
[ v3_leaf_crl ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
crlDistributionPoints = URI:http://127.0.0.1:9/ca.crl
`;

export class TestCa {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(join(dir, 'newcerts'), { recursive: true });
    writeFileSync(join(dir, 'index.txt'), '');
    writeFileSync(join(dir, 'serial'), '1000\n');
    writeFileSync(join(dir, 'openssl.cnf'), opensslConfig(dir));
  }

  #openssl(args: string[]): void {
    execFileSync('openssl', args, { cwd: this.dir, stdio: ['ignore', 'pipe', 'pipe'] });
  }

  key(name: string, spec: KeySpec): string {
    const file = join(this.dir, `${name}.key`);
    const [type, size] = spec.split('-') as [string, string];
    this.#openssl(
      type === 'EC'
        ? ['genpkey', '-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:P-${size}`, '-out', file]
        : ['genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${size}`, '-out', file],
    );
    return file;
  }

  /**
   * Issues a certificate with `openssl ca` (self-signed when no issuer). CAs are valid 2019–2039 so that
   * certificates dated in the past can chain to them; leaves default to an hour ago until 30 days from now.
   */
  issue(name: string, subject: string, spec: KeySpec, extensions: string, issuer?: Issued, dates?: { start: string; end: string }): Issued {
    const keyFile = this.key(name, spec);
    const csr = join(this.dir, `${name}.csr`);
    const certFile = join(this.dir, `${name}.pem`);
    this.#openssl(['req', '-config', 'openssl.cnf', '-new', '-key', keyFile, '-subj', subject, '-out', csr]);
    const openssl = (ms: number): string => new Date(ms).toISOString().replace(/[-:T]|\.\d+/g, '');
    const leafDates = { start: openssl(Date.now() - 3_600_000), end: openssl(Date.now() + 30 * 86_400_000) };
    const { start, end } = dates ?? (extensions.includes('leaf') ? leafDates : { start: '20190101000000Z', end: '20391231000000Z' });
    const validity = ['-startdate', start, '-enddate', end];
    const signer = issuer ? ['-cert', issuer.certFile, '-keyfile', issuer.keyFile] : ['-selfsign', '-keyfile', keyFile];
    this.#openssl([
      'ca',
      '-config',
      'openssl.cnf',
      '-batch',
      '-notext',
      '-preserveDN',
      ...signer,
      '-in',
      csr,
      '-out',
      certFile,
      '-extensions',
      extensions,
      ...validity,
    ]);
    return { name, keyFile, certFile, keyPem: readFileSync(keyFile, 'utf8'), certPem: readFileSync(certFile, 'utf8') };
  }
}

/** A self-signed certificate for 127.0.0.1 (RSA-2048, one day), for a loopback HTTPS server; files written in `dir`. */
export function loopbackCertificate(dir: string): { key: Buffer; cert: Buffer } {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1'].concat([
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ]),
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
}
