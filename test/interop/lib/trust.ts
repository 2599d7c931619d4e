// The local Sigstore's trust material in every form the Go consumers read it: `trusted_root.json` (cosign
// `--trusted-root`, Flux 2.9 `verify.trustedRootSecretRef`), and the individual PEM files of the legacy path
// (cosign's and Flux 2.6/2.7's `SIGSTORE_ROOT_FILE`, `SIGSTORE_REKOR_PUBLIC_KEY`, `SIGSTORE_CT_LOG_PUBLIC_KEY_FILE`).
import { createHmac, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalSigstore } from '../../harness/sigstore.ts';

export interface TrustFiles {
  trustedRoot: string;
  /** PEM: Fulcio's root (and intermediates). */
  fulcioRoots: string;
  rekorPublicKey: string;
  ctlogPublicKey: string;
  /** PEM: the TSA's chain, leaf first (cosign `--timestamp-certificate-chain`). */
  tsaChain: string;
  /** The environment cosign (any version) and Flux 2.6/2.7 read instead of TUF; setting any disables TUF. */
  legacyEnv: Record<string, string>;
}

const pem = (label: string, base64: string): string =>
  `-----BEGIN ${label}-----\n${(base64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`;

interface RootJson {
  tlogs: { publicKey: { rawBytes: string } }[];
  ctlogs: { publicKey: { rawBytes: string } }[];
  certificateAuthorities: { certChain: { certificates: { rawBytes: string }[] } }[];
  timestampAuthorities: { certChain: { certificates: { rawBytes: string }[] } }[];
}

export function exportTrust(sigstore: LocalSigstore, dir: string): TrustFiles {
  const root = sigstore.trustedRoot as unknown as RootJson;
  const write = (name: string, text: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const trustedRoot = write('trusted_root.json', JSON.stringify(sigstore.trustedRoot, null, 2));
  const fulcioRoots = write(
    'fulcio-roots.pem',
    root.certificateAuthorities.flatMap((ca) => ca.certChain.certificates.map((c) => pem('CERTIFICATE', c.rawBytes))).join(''),
  );
  const rekorPublicKey = write('rekor.pub', pem('PUBLIC KEY', root.tlogs[0]?.publicKey.rawBytes ?? ''));
  const ctlogPublicKey = write('ctlog.pub', pem('PUBLIC KEY', root.ctlogs[0]?.publicKey.rawBytes ?? ''));
  const tsaChain = write(
    'tsa-chain.pem',
    (root.timestampAuthorities[0]?.certChain.certificates ?? []).map((c) => pem('CERTIFICATE', c.rawBytes)).join(''),
  );
  return {
    trustedRoot,
    fulcioRoots,
    rekorPublicKey,
    ctlogPublicKey,
    tsaChain,
    legacyEnv: {
      SIGSTORE_ROOT_FILE: fulcioRoots,
      SIGSTORE_REKOR_PUBLIC_KEY: rekorPublicKey,
      SIGSTORE_CT_LOG_PUBLIC_KEY_FILE: ctlogPublicKey,
    },
  };
}

/**
 * A file holding a GitHub Actions OIDC token for the local Sigstore's Fulcio, for `cosign sign --identity-token`
 * (and d2ci's): cosign reads the token without verifying it, but only a signed JWT.
 */
export function oidcTokenFile(sigstore: LocalSigstore, dir: string): string {
  const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ iat: now, nbf: now - 5, exp: now + 300, ...sigstore.claims, aud: 'sigstore' })}`;
  const file = join(dir, `token-${randomBytes(4).toString('hex')}`);
  writeFileSync(file, `${unsigned}.${createHmac('sha256', 'interop').update(unsigned).digest('base64url')}`);
  return file;
}
