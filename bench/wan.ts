// The wide-area lab for sections 11–13: the registry (token auth, like GHCR, with the token service on the same
// host) and the local Sigstore (Fulcio, Rekor, GitHub's OIDC endpoint), each behind a latency proxy (fault-proxy.ts with `latency`)
// that logs every request on one timeline. From that log, the critical path of a step: the longest chain of
// requests each of which started only after the one before it had ended.
import { createHmac } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startFaultProxy, type FaultProxy, type LoggedRequest } from '../test/harness/fault-proxy.ts';
import { startRegistry, type LocalRegistry } from '../test/harness/registry.ts';
import { githubClaims, startSigstore, type GitHubClaims, type LocalSigstore } from '../test/harness/sigstore.ts';
import { cacheDir, cosignVersions, fluxCliVersion } from '../test/interop/lib/tools.ts';
import { log, repoRoot, runCommand, type SpawnResult } from './util.ts';

export const cosignVersion: (typeof cosignVersions)[number] = 'v3.1.3';

export interface Wan {
  oneWayMs: number;
  /** `127.0.0.1:<port>` of the registry's proxy: what both sides push to. */
  registry: string;
  username: string;
  password: string;
  sigstoreUrl: string;
  sigstore: LocalSigstore;
  /** ACTIONS_ID_TOKEN_REQUEST_* pointing at the OIDC endpoint through its proxy. */
  oidcEnv: Record<string, string>;
  /** Every request through any of the three proxies, on one timeline. */
  log: LoggedRequest[];
  flux: string;
  cosign: string;
  close(): Promise<void>;
}

/** The flux and cosign binaries test/interop/tools.sh builds (it caches); building them once if they are missing. */
async function tools(): Promise<{ flux: string; cosign: string }> {
  const flux = join(cacheDir, 'bin', `flux-${fluxCliVersion}`);
  const cosign = join(cacheDir, 'bin', `cosign-${cosignVersion}`);
  for (const [name, file] of [
    ['flux', flux],
    [`cosign-${cosignVersion}`, cosign],
  ] as const) {
    if (existsSync(file)) continue;
    log(`  building ${name} with test/interop/tools.sh (Go module proxy; cached for later runs)`);
    const built = await runCommand('bash', [join(repoRoot, 'test/interop/tools.sh'), name], { env: process.env });
    // No silent skip: the section that needs the D2 toolkit fails, saying what is missing.
    if (built.code !== 0 || !existsSync(file))
      throw new Error(`${name} could not be built by test/interop/tools.sh (needs Go and the Go module proxy):\n${built.stderr.trim()}`);
  }
  return { flux, cosign };
}

export async function startWan(oneWayMs: number): Promise<Wan> {
  const { flux, cosign } = await tools();
  const registry: LocalRegistry = await startRegistry('token');
  const sigstore = await startSigstore();
  const shared: LoggedRequest[] = [];
  const latency = { oneWayMs };
  const proxies: FaultProxy[] = [];
  try {
    // The token service on the registry's own host, as GHCR's (ghcr.io/token).
    const routes = [{ prefix: '/token', upstream: registry.tokenServer?.url ?? '', name: 'token' }];
    const reg = await startFaultProxy(registry.url, { latency, name: 'registry', log: shared, routes });
    proxies.push(reg);
    // The registry names its token service in WWW-Authenticate; clients must reach it through the proxy too.
    const realm = registry.tokenServer?.realm ?? '';
    reg.plan = () => ({
      kind: 'headers',
      rewrite: (headers) => {
        const challenge = headers['www-authenticate'];
        if (typeof challenge === 'string') headers['www-authenticate'] = challenge.replace(realm, `${reg.url}/token`);
        return headers;
      },
    });
    const sig = await startFaultProxy(sigstore.url, { latency, name: 'sigstore', log: shared });
    proxies.push(sig);
    return {
      oneWayMs,
      registry: reg.host,
      username: registry.username,
      password: registry.password,
      sigstoreUrl: sig.url,
      sigstore,
      oidcEnv: {
        ACTIONS_ID_TOKEN_REQUEST_URL: `${sig.url}/oidc/token?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: sigstore.oidcEnv.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
      },
      log: shared,
      flux,
      cosign,
      async close() {
        await Promise.all(proxies.map((p) => p.close()));
        await Promise.all([registry.stop(), sigstore.close()]);
      },
    };
  } catch (err) {
    await Promise.all(proxies.map((p) => p.close()));
    await Promise.all([registry.stop(), sigstore.close()]);
    throw err;
  }
}

/** Claims of a GitHub Actions job: the push workflow on main, or the release workflow on a tag. */
export function jobClaims(workflow: 'push-artifact' | 'release-artifact', ref: string): GitHubClaims {
  const workflowRef = `acme/fleet/.github/workflows/${workflow}.yaml@${ref}`;
  return githubClaims({ ref, job_workflow_ref: workflowRef, workflow_ref: workflowRef, workflow });
}

/**
 * What cosign's GitHub provider does on a runner: one GET of ACTIONS_ID_TOKEN_REQUEST_URL (audience sigstore),
 * through the proxy. cosign only takes a signed JWT and the stand-in issues unsigned ones, so the same claims are
 * written to a file as an HS256 JWT (cosign does not check the signature; Fulcio's stand-in reads the claims).
 */
export async function oidcTokenFile(wan: Wan, file: string): Promise<void> {
  const response = await fetch(`${wan.oidcEnv.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sigstore`, {
    headers: { authorization: `Bearer ${wan.oidcEnv.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`OIDC token request answered ${response.status}`);
  const issued = ((await response.json()) as { value: string }).value;
  const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const payload = issued.split('.')[1] ?? '';
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${payload}`;
  writeFileSync(file, `${unsigned}.${createHmac('sha256', 'bench').update(unsigned).digest('base64url')}`);
}

/** Runs one of the D2 toolkit's commands; throws with its output unless the exit code is one of `ok`. */
export async function d2Command(file: string, args: string[], env: Record<string, string>, ok = [0]): Promise<SpawnResult> {
  const ran = await runCommand(file, args, {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: env.HOME ?? process.env.HOME ?? '/tmp', ...env },
  });
  if (!ok.includes(ran.code)) {
    const name = file.split('/').pop() ?? file;
    throw new Error(`${name} ${args[0] ?? ''} ${args[1] ?? ''} exited ${ran.code}:\n${ran.stderr.trim() || ran.stdout.trim()}`);
  }
  return ran;
}

/** A step's requests, its wall time and its critical path. */
export interface Measured {
  ms: number;
  requests: LoggedRequest[];
  path: LoggedRequest[];
  /** Time with no request in flight: process start-up, packing, hashing, signing (local work). */
  idleMs: number;
}

/** Runs `step` and takes the requests logged meanwhile. */
export async function measure(wan: Wan, step: () => Promise<unknown>): Promise<Measured> {
  const from = wan.log.length;
  const start = performance.now();
  await step();
  const ms = performance.now() - start;
  const requests = wan.log.slice(from);
  return { ms, requests, path: criticalPath(requests), idleMs: idle(requests, start, start + ms) };
}

/** The part of [from, to] covered by no request. */
function idle(requests: readonly LoggedRequest[], from: number, to: number): number {
  let covered = 0;
  let reach = from;
  for (const r of [...requests].sort((a, b) => a.start - b.start)) {
    const start = Math.max(r.start, reach);
    const end = Math.min(r.end ?? r.start, to);
    if (end > start) covered += end - start;
    reach = Math.max(reach, end);
  }
  return to - from - covered;
}

/**
 * The longest chain of requests in which each started after the previous one ended: requests that had to wait
 * (for an answer they needed, or for a process that ended). Its length × the round trip is the floor of the wall
 * time that latency alone sets; requests in flight together count once.
 */
export function criticalPath(requests: readonly LoggedRequest[]): LoggedRequest[] {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const end = (r: LoggedRequest): number => r.end ?? r.start;
  const length: number[] = [];
  const previous: number[] = [];
  let best = -1;
  for (let i = 0; i < sorted.length; i++) {
    length[i] = 1;
    previous[i] = -1;
    for (let j = 0; j < i; j++) {
      const before = sorted[j] as LoggedRequest;
      if (end(before) <= (sorted[i] as LoggedRequest).start && (length[j] ?? 0) + 1 > (length[i] ?? 0)) {
        length[i] = (length[j] ?? 0) + 1;
        previous[i] = j;
      }
    }
    if (best < 0 || (length[i] ?? 0) > (length[best] ?? 0)) best = i;
  }
  const chain: LoggedRequest[] = [];
  for (let i = best; i >= 0; i = previous[i] ?? -1) chain.unshift(sorted[i] as LoggedRequest);
  return chain;
}

/** `registry HEAD /v2/bench/x/manifests/latest → 404`, with digests and upload ids shortened. */
export function describeRequest(r: LoggedRequest): string {
  const path = r.path
    .replace(/\?.*$/, '')
    .replace(/sha256[:-]([0-9a-f]{6})[0-9a-f]{58}/g, 'sha256:$1…')
    .replace(/\/uploads\/[^/]+$/, '/uploads/<id>')
    .replace(/^\/v2\/[^/]+(?:\/[^/]+)*?\/(manifests|blobs|referrers|tags)\//, '/v2/…/$1/');
  return `${r.upstream ?? ''} ${r.method} ${path} → ${r.status ?? '-'}${r.newConnection ? ' (new connection)' : ''}`.trim();
}
