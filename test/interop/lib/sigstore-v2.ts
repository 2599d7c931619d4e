// The Sigstore services cosign v3 signs with when a signing config selects them, run for real on 127.0.0.1 and
// stopped by PID: Rekor v2 (sigstore/rekor-tiles, its POSIX storage driver) and the RFC 3161 timestamp authority
// (sigstore/timestamp-authority, its in-memory signer). Fulcio and GitHub's OIDC endpoint stay the local stand-in
// (test/harness/sigstore.ts). `combinedTrust` writes the trusted root and the signing config naming all of them.
import { createHash, createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, serveOnFreePort } from '../../harness/process.ts';
import type { LocalSigstore } from '../../harness/sigstore.ts';
import { exportTrust, type TrustFiles } from './trust.ts';
import { rekorTilesVersion, timestampAuthorityVersion, tool } from './tools.ts';

export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

export interface RekorV2 extends RunningService {
  /** The log's checkpoint key, SPKI DER (an ECDSA P-256 key: its log id is the SHA-256 of this, rekor-tiles pkg/note). */
  publicKeyDer: Buffer;
}

export interface TimestampAuthority extends RunningService {
  /** The TSA's chain, leaf first, DER. */
  chain: Buffer[];
}

/** A service on a free port, answering when `ready` says so (20 s: a Go server's first start reads its keys). */
const serve = (name: string, command: (dir: string, port: number) => [string, string[]], ready: (url: string) => Promise<boolean>) =>
  serveOnFreePort(`interop-${name}`, command, ready, { timeoutMs: 20_000 });

/**
 * rekor-tiles with a fresh P-256 checkpoint key. `--hostname 127.0.0.1` is the checkpoint's origin: sigstore-go
 * (pkg/verify/tlog.go) checks the note against the hostname of the trusted root's `baseUrl`. Sequenced in batches of
 * at most 100 ms, so an entry's inclusion proof comes back within about a second.
 */
export async function startRekorV2(): Promise<RekorV2> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  // The gRPC server behind its HTTP gateway, and metrics (default 2112, the timestamp authority's fixed port).
  const [grpcPort, metricsPort] = [await freePort(), await freePort()];
  const service = await serve(
    'rekor-tiles',
    (dir, port) => {
      const keyFile = join(dir, 'checkpoint.key');
      writeFileSync(keyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }));
      return [
        tool('rekor-tiles', rekorTilesVersion),
        [
          'serve',
          '--storage-dir',
          join(dir, 'log'),
          '--signer-filepath',
          keyFile,
          '--hostname',
          '127.0.0.1',
          '--http-address',
          '127.0.0.1',
          '--http-port',
          String(port),
          '--grpc-port',
          String(grpcPort),
          '--http-metrics-port',
          String(metricsPort),
          '--batch-max-age',
          '100ms',
          '--checkpoint-interval',
          '1s',
        ],
      ];
    },
    async (url) => (await fetch(`${url}/healthz`)).ok,
  );
  return { url: service.url, stop: () => service.stop(), publicKeyDer: publicKey.export({ format: 'der', type: 'spki' }) };
}

/**
 * The timestamp authority with its in-memory signer (a fresh chain on each start). Its metrics server listens on
 * :2112, fixed in timestamp-authority's pkg/server/prometheus.go: one per machine at a time. No NTP (no network here).
 */
export async function startTimestampAuthority(): Promise<TimestampAuthority> {
  const service = await serve(
    'timestamp-authority',
    (_dir, port) => [
      tool('timestamp-authority', timestampAuthorityVersion),
      ['serve', '--host', '127.0.0.1', '--port', String(port), '--timestamp-signer', 'memory', '--disable-ntp-monitoring'],
    ],
    async (url) => (await fetch(`${url}/api/v1/timestamp/certchain`)).ok,
  );
  const pem = await (await fetch(`${service.url}/api/v1/timestamp/certchain`)).text();
  const chain = (pem.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? []).map((c) => new X509Certificate(c).raw);
  if (chain.length === 0) throw new Error(`the timestamp authority at ${service.url} served no certificate chain`);
  return { url: service.url, stop: () => service.stop(), chain };
}

export interface CombinedTrust extends TrustFiles {
  /** signing_config.v0.2.json: the stand-in's Fulcio, Rekor v2 and the TSA (what cosign v3 `--signing-config` takes). */
  signingConfig: string;
  /** The trusted root without the TSA: a Rekor v2 entry then gives no time to check the certificate against. */
  trustedRootWithoutTsa: string;
}

/**
 * The trusted root of the stand-in's Fulcio and CT log, the real Rekor v2 log and the real TSA, in every form the
 * consumers read (exportTrust), and the signing config that selects them.
 */
export function combinedTrust(sigstore: LocalSigstore, rekor: RekorV2, tsa: TimestampAuthority, dir: string): CombinedTrust {
  const start = new Date(Date.now() - 24 * 3600_000).toISOString();
  const base = sigstore.trustedRoot as { tlogs: object[]; timestampAuthorities: object[] };
  const tlog = {
    baseUrl: rekor.url,
    hashAlgorithm: 'SHA2_256',
    publicKey: {
      rawBytes: rekor.publicKeyDer.toString('base64'),
      keyDetails: 'PKIX_ECDSA_P256_SHA_256',
      validFor: { start },
    },
    logId: { keyId: createHash('sha256').update(rekor.publicKeyDer).digest('base64') },
  };
  const authority = {
    subject: { organization: 'local', commonName: 'Test TSA' },
    uri: tsa.url,
    certChain: { certificates: tsa.chain.map((c) => ({ rawBytes: c.toString('base64') })) },
    validFor: { start },
  };
  // The Rekor v2 log first: exportTrust's single-key files (legacy cosign) name the first log; nothing legacy uses them here.
  const root = { ...base, tlogs: [tlog, ...base.tlogs], timestampAuthorities: [authority] };
  const files = exportTrust({ ...sigstore, trustedRoot: root }, dir);
  const trustedRootWithoutTsa = join(dir, 'trusted_root.no-tsa.json');
  writeFileSync(trustedRootWithoutTsa, JSON.stringify({ ...root, timestampAuthorities: [] }, null, 2));
  const service = (url: string, majorApiVersion: number) => ({ url, majorApiVersion, validFor: { start }, operator: 'd2ci-interop' });
  const signingConfig = join(dir, 'signing_config.v0.2.json');
  writeFileSync(
    signingConfig,
    JSON.stringify(
      {
        mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
        caUrls: [service(sigstore.url, 1)],
        oidcUrls: [],
        rekorTlogUrls: [service(rekor.url, 2)],
        tsaUrls: [service(`${tsa.url}/api/v1/timestamp`, 1)],
        rekorTlogConfig: { selector: 'ANY' },
        tsaConfig: { selector: 'ANY' },
      },
      null,
      2,
    ),
  );
  // Checked here so a malformed key fails at start, not as a verifier's "no matching log".
  createPublicKey({ key: rekor.publicKeyDer, format: 'der', type: 'spki' });
  return { ...files, signingConfig, trustedRootWithoutTsa };
}
