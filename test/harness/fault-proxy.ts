import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** What the proxy does to one request. */
export type Fault =
  | { kind: 'pass' }
  /** Answer with this status without forwarding (optionally with Retry-After). */
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  /** Destroy the client connection before forwarding anything. */
  | { kind: 'drop' }
  /** Forward the request, then cut the connection before the client gets the response. */
  | { kind: 'drop-after-forward' }
  /** Forward after a delay. */
  | { kind: 'delay'; ms: number }
  /** Take the request and never answer. */
  | { kind: 'stall' }
  /** Forward, send the response headers and `bytes` of the body, then go silent (the connection stays open). */
  | { kind: 'stall-body'; bytes: number }
  /** Forward, send the headers and `bytes` of the body, then cut the connection. */
  | { kind: 'truncate'; bytes: number }
  /** Forward, flipping one byte of the response body (a registry serving content that does not match its digest). */
  | { kind: 'corrupt' }
  /** Forward, rewriting the response headers (Location, Link, WWW-Authenticate …). */
  | { kind: 'headers'; rewrite: (headers: Record<string, string | string[] | undefined>) => Record<string, string | string[] | undefined> };

export interface LoggedRequest {
  method: string;
  path: string;
  authorization?: string;
  status?: number;
  fault: Fault['kind'];
  bytesIn: number;
  /** The proxy's name (`registry`, `sigstore`, `token`) when several share one log. */
  upstream?: string;
  /** performance.now() when the request reached the proxy, i.e. when the client sent it (loopback). */
  start: number;
  /** performance.now() when the last response byte was handed to the client (undefined: no answer). */
  end?: number;
  /** It waited for its connection's handshake: the first request on a connection opened less than the handshake time before. */
  newConnection: boolean;
  /** Which client connection carried it (numbered as they were accepted, from 1). */
  connection: number;
}

/**
 * A wide-area link simulated on loopback: every request reaches the upstream `oneWayMs` after the client sent it,
 * and its response reaches the client `oneWayMs` after the upstream answered (so 25 ms gives a 50 ms round trip).
 */
export interface Latency {
  oneWayMs: number;
  /**
   * Round trips a new client connection takes before it can carry a request: 1 for TCP's handshake, 2 with TLS 1.3
   * as on any real registry (default 2), counted from when the connection was opened, so reusing connections (and
   * opening them ahead of need) counts as it would over the internet.
   */
  handshakeRoundTrips?: number;
  /** Bandwidth cap in bytes per second, each direction, shared by every connection through this proxy. */
  bytesPerSecond?: number;
}

export interface ProxyOptions {
  latency?: Latency;
  /** Recorded in each log entry's `upstream`. */
  name?: string;
  /** A log shared with other proxies (one timeline for a step that talks to several services). */
  log?: LoggedRequest[];
  /**
   * Other services on the same host and port, by path prefix: GHCR serves its token endpoint at ghcr.io/token, and
   * Go clients (go-containerregistry ≥ 0.21.6) refuse a token realm on another loopback port.
   */
  routes?: { prefix: string; upstream: string; name: string }[];
}

export interface FaultProxy {
  url: string;
  host: string;
  log: LoggedRequest[];
  /** Decides the fault for the n-th request (1-based); default: pass everything. */
  plan: (request: { method: string; path: string; n: number }) => Fault;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of a registry that counts requests and injects faults: error statuses,
 * `Retry-After`, dropped connections and slow responses. The Host header is forwarded unchanged, so the
 * registry's absolute Location URLs point back at the proxy.
 */
export async function startFaultProxy(upstream: string, options: ProxyOptions = {}): Promise<FaultProxy> {
  const target = new URL(upstream);
  const log: LoggedRequest[] = options.log ?? [];
  let count = 0;
  const proxy: FaultProxy = { url: '', host: '', log, plan: () => ({ kind: 'pass' }), close: async () => undefined };
  const latency = options.latency;
  const oneWay = latency?.oneWayMs ?? 0;
  const handshakeMs = 2 * oneWay * (latency?.handshakeRoundTrips ?? 2);
  // One link each way, shared by all connections, as one runner's uplink and downlink are.
  const uplink = { free: 0 };
  const downlink = { free: 0 };
  // When each client connection's handshake completes (its TCP connect + TLS round trips from when it was opened),
  // and its number.
  const ready = new WeakMap<object, number>();
  const connections = new WeakMap<object, number>();

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const n = ++count;
    const path = req.url ?? '/';
    const fault = proxy.plan({ method: req.method ?? 'GET', path, n });
    const route = options.routes?.find((r) => path.startsWith(r.prefix));
    const destination = route ? new URL(route.upstream) : target;
    const handshakeWait = Math.max(0, (ready.get(req.socket) ?? 0) - performance.now());
    const newConnection = handshakeWait > 0;
    const entry: LoggedRequest = {
      method: req.method ?? 'GET',
      path,
      fault: fault.kind,
      bytesIn: 0,
      start: performance.now(),
      newConnection,
      connection: connections.get(req.socket) ?? 0,
      ...(route || options.name ? { upstream: route?.name ?? options.name } : {}),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    };
    log.push(entry);
    res.on('finish', () => (entry.end = performance.now()));
    // The response travels back over the simulated link: written oneWayMs after the upstream produced it.
    const toClient = async (): Promise<void> => {
      if (oneWay > 0) await sleep(oneWay);
    };
    // Count body bytes only once something consumes the body: a 'data' listener here would drain it during a delay.
    const countBody = (): void => void req.on('data', (chunk: Buffer) => (entry.bytesIn += chunk.length));
    void (async () => {
      if (oneWay > 0 || handshakeWait > 0) await sleep(oneWay + handshakeWait);
      if (fault.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault.kind === 'status') {
        countBody();
        req.resume();
        await new Promise((resolve) => req.on('end', resolve));
        entry.status = fault.status;
        await toClient();
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
        res.writeHead(fault.status, headers);
        const code = { 401: 'UNAUTHORIZED', 403: 'DENIED', 404: 'NOT_FOUND', 429: 'TOOMANYREQUESTS' }[fault.status] ?? 'UNAVAILABLE';
        res.end(fault.body ?? JSON.stringify({ errors: [{ code, message: 'injected fault' }] }));
        return;
      }
      if (fault.kind === 'stall') return;
      if (fault.kind === 'delay') await sleep(fault.ms);
      const upstreamReq = httpRequest(
        { host: destination.hostname, port: destination.port, method: req.method, path, headers: req.headers },
        (upstreamRes) => void forward(upstreamRes),
      );
      const forward = async (upstreamRes: IncomingMessage): Promise<void> => {
        entry.status = upstreamRes.statusCode;
        await toClient();
        if (fault.kind === 'drop-after-forward') {
          upstreamRes.resume();
          upstreamRes.on('end', () => req.socket.destroy());
          return;
        }
        const headers = fault.kind === 'headers' ? fault.rewrite({ ...upstreamRes.headers }) : upstreamRes.headers;
        res.writeHead(upstreamRes.statusCode ?? 502, headers);
        if (fault.kind === 'stall-body' || fault.kind === 'truncate' || fault.kind === 'corrupt') {
          const chunks: Buffer[] = [];
          upstreamRes.on('data', (chunk: Buffer) => chunks.push(chunk));
          upstreamRes.on('end', () => {
            const body = Buffer.concat(chunks);
            if (fault.kind === 'corrupt') {
              if (body.length > 0) body[body.length - 1] = (body[body.length - 1] ?? 0) ^ 0xff;
              res.end(body);
              return;
            }
            res.write(body.subarray(0, fault.bytes));
            if (fault.kind === 'truncate') setTimeout(() => req.socket.destroy(), 20);
          });
          return;
        }
        if (latency?.bytesPerSecond) upstreamRes.pipe(throttle(downlink, latency.bytesPerSecond)).pipe(res);
        else upstreamRes.pipe(res);
      };
      upstreamReq.on('error', () => req.socket.destroy());
      countBody();
      if (latency?.bytesPerSecond) req.pipe(throttle(uplink, latency.bytesPerSecond)).pipe(upstreamReq);
      else req.pipe(upstreamReq);
    })();
  });
  let accepted = 0;
  server.on('connection', (socket) => {
    ready.set(socket, performance.now() + handshakeMs);
    connections.set(socket, ++accepted);
  });
  Object.assign(proxy, await listening(server));
  return proxy;
}

/** Passes bytes on no faster than `bytesPerSecond` over a link whose next free moment is `link.free`. */
function throttle(link: { free: number }, bytesPerSecond: number): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      const now = performance.now();
      link.free = Math.max(link.free, now) + (chunk.length / bytesPerSecond) * 1000;
      const wait = link.free - now;
      if (wait < 1) return callback(null, chunk);
      setTimeout(() => callback(null, chunk), wait);
    },
  });
}

/** A listener standing for "another host": it records what reaches it (credentials included) and answers 200 {}. */
export async function startOtherOrigin(): Promise<{ url: string; host: string; requests: LoggedRequest[]; close(): Promise<void> }> {
  const requests: LoggedRequest[] = [];
  const server = createServer((req, res) => {
    requests.push({
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      fault: 'pass',
      bytesIn: 0,
      start: performance.now(),
      newConnection: false,
      connection: 0,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"tags":["stolen"]}');
    });
  });
  return { ...(await listening(server)), requests };
}

/** Listens on 127.0.0.1 and a free port; `close` also ends open connections. */
async function listening(server: Server): Promise<{ url: string; host: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
