import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createHash, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fulcioHandler, initializeCA, initializeCTLog, initializeTLog, initializeTSA, tsaHandler } from '@sigstore/mock';
import { TrustedRoot, HashAlgorithm, PublicKeyDetails } from '@sigstore/protobuf-specs';
import { rekorV2Entry } from './rekor-v2.ts';

/** What a GitHub Actions OIDC token carries (docs.github.com "About security hardening with OpenID Connect"). */
export interface GitHubClaims {
  iss: string;
  sub: string;
  repository: string;
  repository_owner: string;
  ref: string;
  sha: string;
  workflow_ref: string;
  job_workflow_ref: string;
  event_name: string;
  runner_environment: string;
  [claim: string]: string;
}

export function githubClaims(overrides: Partial<GitHubClaims> = {}): GitHubClaims {
  const repository = overrides.repository ?? 'acme/fleet';
  const ref = overrides.ref ?? 'refs/heads/main';
  const workflow = `${repository}/.github/workflows/push-artifact.yaml@${ref}`;
  return {
    iss: 'https://token.actions.githubusercontent.com',
    sub: `repo:${repository}:ref:${ref}`,
    repository,
    repository_owner: repository.split('/')[0] ?? 'acme',
    repository_owner_id: '1234',
    repository_id: '5678',
    repository_visibility: 'public',
    ref,
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    sha: '0123456789abcdef0123456789abcdef01234567',
    workflow: 'push-artifact',
    workflow_ref: workflow,
    workflow_sha: '0123456789abcdef0123456789abcdef01234567',
    job_workflow_ref: workflow,
    job_workflow_sha: '0123456789abcdef0123456789abcdef01234567',
    event_name: 'push',
    run_id: '42',
    run_attempt: '1',
    runner_environment: 'github-hosted',
    ...overrides,
  };
}

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

const bearer = (req: IncomingMessage): string => (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');

/**
 * The token Fulcio's mock is given, with the subject public-good Fulcio would certify in `d2ci_san`: a GitHub
 * Actions signer is named by its workflow (https://github.com/<job_workflow_ref>), others by email or subject.
 */
function withSubject(token: string): string {
  const [header, payload] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, string>;
  claims.d2ci_san =
    claims.iss === 'https://token.actions.githubusercontent.com' && claims.job_workflow_ref
      ? `https://github.com/${claims.job_workflow_ref}`
      : (claims.email ?? claims.sub ?? '');
  return `${header}.${b64url(claims)}.sig`;
}

/** An unsigned JWT; the Fulcio stand-in decodes it without checking a signature, like @sigstore/mock's. */
export function unsignedJwt(claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ iat: now, nbf: now - 5, exp: now + 300, ...claims })}.sig`;
}

export interface LocalSigstore {
  url: string;
  trustedRoot: Record<string, unknown>;
  trustedRootFile: string;
  /** A signing_config.v0.2.json naming these services: Fulcio, Rekor v2 (`/api/v2/log/entries`) and the TSA. */
  signingConfigFile: string;
  /** The same with Rekor v1 (what the legacy format needs). */
  signingConfigV1File: string;
  /** The runner's OIDC variables for a job with `permissions: id-token: write`. */
  oidcEnv: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string };
  /** Claims the OIDC endpoint puts into the next tokens. */
  claims: GitHubClaims;
  /** Requests seen, e.g. `POST /api/v2/signingCert`. */
  requests: string[];
  /** Audiences tokens were requested for. */
  audiences: string[];
  /** Every OIDC token handed out, so tests can check none leaks. */
  issuedTokens: string[];
  /** Make a service answer 503 (to test unreachable Fulcio/Rekor). */
  failing: Set<'fulcio' | 'rekor' | 'tsa' | 'oidc'>;
  close(): Promise<void>;
}

export interface SigstoreOptions {
  /** Shift the transparency log's clock, e.g. past the 10-minute certificate lifetime. */
  tlogClockOffsetMs?: number;
  claims?: Partial<GitHubClaims>;
}

/**
 * A local Sigstore: @sigstore/mock's Fulcio, Rekor v1, TSA and CT log, a Rekor v2 (rekor-v2.ts), behind node:http on 127.0.0.1, a
 * trusted_root.json built from their keys, and GitHub's OIDC token endpoint. Three things differ from the bare
 * mock, each to behave like the real services:
 * - Fulcio issues GitHub certificates for `https://github.com/<job_workflow_ref>`, as public-good Fulcio does;
 * - Rekor stores `dsse` entries in the canonical form real Rekor logs (envelope and payload hashes), which
 *   @sigstore/verify checks; the mock would log the proposal verbatim;
 * - the TSA clock is set to a whole second before each request (the mock's DER time trimming is otherwise
 *   rejected by @sigstore/core about one time in ten).
 */
export async function startSigstore(options: SigstoreOptions = {}): Promise<LocalSigstore> {
  const keyPair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const ctlog = await initializeCTLog(keyPair);
  const ca = await initializeCA(keyPair, ctlog);
  const tlogClock = new Date(Date.now() + (options.tlogClockOffsetMs ?? 0));
  const tlog = await initializeTLog(url, keyPair, tlogClock);
  const tsaClock = new Date();
  const tsa = await initializeTSA(keyPair, tsaClock);
  const fulcio = fulcioHandler(ca, { subjectClaim: 'd2ci_san' });
  const timestamp = tsaHandler(tsa);

  const start = new Date(Date.now() - 24 * 3600_000);
  const key = (rawBytes: Buffer, logId: Buffer) => ({
    baseUrl: url,
    hashAlgorithm: HashAlgorithm.SHA2_256,
    publicKey: { rawBytes, keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256, validFor: { start } },
    logId: { keyId: logId },
    checkpointKeyId: undefined,
    operator: '',
  });
  const authority = (certificates: ArrayBufferView[]) => ({
    subject: { commonName: 'sigstore', organization: 'sigstore.mock' },
    uri: url,
    certChain: { certificates: certificates.map((c) => ({ rawBytes: Buffer.from(c.buffer, c.byteOffset, c.byteLength) })) },
    validFor: { start },
    operator: '',
  });
  const root = TrustedRoot.toJSON({
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [key(tlog.publicKey, createHash('sha256').update(tlog.publicKey).digest())],
    ctlogs: [key(ctlog.publicKey, Buffer.from(ctlog.logID.buffer, ctlog.logID.byteOffset, ctlog.logID.byteLength))],
    certificateAuthorities: [authority([ca.rootCertificate])],
    timestampAuthorities: [authority([tsa.intCertificate, tsa.rootCertificate])],
  }) as Record<string, unknown>;
  const dir = mkdtempSync(join(tmpdir(), 'd2ci-sigstore-'));
  const trustedRootFile = join(dir, 'trusted_root.json');
  writeFileSync(trustedRootFile, JSON.stringify(root, null, 2));
  // sigstore/protobuf-specs SigningConfig v0.2 (the shape of public-good's TUF target signing_config.v0.2.json).
  const service = (majorApiVersion: number, path = '') => ({
    url: `${url}${path}`,
    majorApiVersion,
    validFor: { start: start.toISOString() },
    operator: 'd2ci-test',
  });
  const signingConfig = (rekorVersion: number) => ({
    mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
    caUrls: [service(1)],
    oidcUrls: [],
    rekorTlogUrls: [service(rekorVersion)],
    tsaUrls: [service(1, '/api/v1/timestamp')],
    rekorTlogConfig: { selector: 'ANY' },
    tsaConfig: { selector: 'ANY' },
  });
  const signingConfigFile = join(dir, 'signing_config.v0.2.json');
  writeFileSync(signingConfigFile, JSON.stringify(signingConfig(2), null, 2));
  const signingConfigV1File = join(dir, 'signing_config.rekor-v1.json');
  writeFileSync(signingConfigV1File, JSON.stringify(signingConfig(1), null, 2));

  const requestToken = `oidc-request-${randomBytes(8).toString('hex')}`;
  const state: LocalSigstore = {
    url,
    trustedRoot: root,
    trustedRootFile,
    signingConfigFile,
    signingConfigV1File,
    oidcEnv: { ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/oidc/token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken },
    claims: githubClaims(options.claims),
    requests: [],
    audiences: [],
    issuedTokens: [],
    failing: new Set(),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };

  const body = (req: IncomingMessage): Promise<string> =>
    new Promise((resolve) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => resolve(text));
    });

  server.on('request', (req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', url);
      state.requests.push(`${req.method} ${path.pathname}`);
      const send = (
        status: number,
        payload: string | ArrayBufferView,
        type = 'application/json',
        headers: Record<string, string> = {},
      ): void => {
        res.writeHead(status, { 'content-type': type, ...headers });
        res.end(typeof payload === 'string' ? payload : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength));
      };
      const service = path.pathname.startsWith('/oidc')
        ? 'oidc'
        : /^\/api\/v[12]\/signingCert/.test(path.pathname)
          ? 'fulcio'
          : /^\/api\/v[12]\/log/.test(path.pathname)
            ? 'rekor'
            : path.pathname.startsWith('/api/v1/timestamp')
              ? 'tsa'
              : undefined;
      if (service && state.failing.has(service)) return send(503, '{"message":"unavailable (injected)"}');
      const text = await body(req);

      if (req.method === 'GET' && path.pathname === '/oidc/token') {
        if (req.headers.authorization !== `Bearer ${requestToken}`) return send(401, '{"message":"bad request token"}');
        const audience = path.searchParams.get('audience') ?? '';
        state.audiences.push(audience);
        const token = unsignedJwt({ ...state.claims, aud: audience });
        state.issuedTokens.push(token);
        return send(200, JSON.stringify({ value: token }));
      }
      if (req.method === 'POST' && path.pathname === '/api/v1/signingCert') {
        // Fulcio's v1 API, which cosign up to v3.0 speaks (sigstore/fulcio pkg/api CertificateRequest): the token
        // in Authorization, the public key as base64 PEM (or DER); the answer is the PEM chain (the SCT is embedded).
        const request = JSON.parse(text) as { publicKey: { content: string; algorithm?: string } };
        const keyBytes = Buffer.from(request.publicKey.content, 'base64');
        const pemKey = keyBytes.toString('latin1').startsWith('-----BEGIN')
          ? keyBytes.toString('utf8')
          : createPublicKey({ key: keyBytes, format: 'der', type: 'spki' }).export({ format: 'pem', type: 'spki' }).toString();
        const answer = await fulcio.fn(
          JSON.stringify({
            credentials: { oidcIdentityToken: withSubject(bearer(req)) },
            publicKeyRequest: { publicKey: { algorithm: 'ECDSA', content: pemKey }, proofOfPossession: '' },
          }),
        );
        if (answer.statusCode !== 201) return send(answer.statusCode, answer.response, answer.contentType);
        const issued =
          typeof answer.response === 'string'
            ? answer.response
            : Buffer.from(answer.response.buffer, answer.response.byteOffset, answer.response.byteLength).toString('utf8');
        const chain = (JSON.parse(issued) as { signedCertificateEmbeddedSct: { chain: { certificates: string[] } } })
          .signedCertificateEmbeddedSct.chain.certificates;
        return send(201, chain.join(''), 'application/pem-certificate-chain');
      }
      if (req.method === 'POST' && path.pathname === fulcio.path) {
        // The token comes in the body (sigstore-js) or in Authorization (sigstore-go, so cosign v3.1+).
        const request = JSON.parse(text) as { credentials?: { oidcIdentityToken?: string } };
        request.credentials = { oidcIdentityToken: withSubject(request.credentials?.oidcIdentityToken ?? bearer(req)) };
        const answer = await fulcio.fn(JSON.stringify(request));
        // Fulcio's gRPC gateway answers 200 (the mock says 201; sigstore-go, so cosign v3.1+, takes only 200).
        return send(answer.statusCode === 201 ? 200 : answer.statusCode, answer.response, answer.contentType);
      }
      if (req.method === 'POST' && path.pathname === '/api/v1/log/entries') {
        try {
          tlogClock.setTime(Date.now() + (options.tlogClockOffsetMs ?? 0));
          const entry = (await tlog.log(canonicalRekorEntry(JSON.parse(text) as RekorProposal))) as Record<string, unknown>;
          // Rekor names the new entry in ETag and Location (sigstore-go reads the entry by its ETag).
          const uuid = Object.keys(entry)[0] ?? '';
          return send(201, JSON.stringify(entry), 'application/json', { etag: uuid, location: `/api/v1/log/entries/${uuid}` });
        } catch (err) {
          return send(400, JSON.stringify({ message: (err as Error).message }));
        }
      }
      if (req.method === 'POST' && path.pathname === '/api/v2/log/entries') {
        try {
          return send(201, JSON.stringify(rekorV2Entry(JSON.parse(text) as object, url, keyPair.privateKey, tlog.publicKey)));
        } catch (err) {
          return send(400, JSON.stringify({ message: (err as Error).message }));
        }
      }
      if (req.method === 'POST' && path.pathname === timestamp.path) {
        tsaClock.setTime(Math.floor(Date.now() / 1000) * 1000);
        const answer = await timestamp.fn(text);
        return send(answer.statusCode, answer.response, answer.contentType ?? 'application/timestamp-reply');
      }
      send(404, '{"message":"not found"}');
    })().catch((err: unknown) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });
  return state;
}

type RekorProposal = { kind: string; apiVersion: string; spec: Record<string, unknown> };

/** The body real Rekor logs for a proposed entry: `dsse` is reduced to hashes and signatures, others are kept. */
function canonicalRekorEntry(proposal: RekorProposal): object {
  if (proposal.kind !== 'dsse') return proposal;
  const content = (proposal.spec as { proposedContent: { envelope: string; verifiers: string[] } }).proposedContent;
  const envelope = JSON.parse(content.envelope) as { payload: string; signatures: { sig: string }[] };
  const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
  return {
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256(content.envelope) },
      payloadHash: { algorithm: 'sha256', value: sha256(Buffer.from(envelope.payload, 'base64')) },
      signatures: envelope.signatures.map((s, i) => ({ signature: s.sig, verifier: content.verifiers[i] ?? content.verifiers[0] })),
    },
  };
}
