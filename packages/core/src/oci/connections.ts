import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type ClientRequestArgs, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP, type Socket } from 'node:net';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobSource } from './content.ts';
import { OciError } from './errors.ts';

/** Bytes [start, end) of a source, sent as a request body. */
export interface UploadBody {
  source: BlobSource;
  start: number;
  end: number;
}

/** What a request sends: nothing, bytes or text, or blob content streamed from its source. */
export type Body = Uint8Array | string | UploadBody | undefined;

const bufferSize = 256 << 10;
/** Answers up to this size (by Content-Length) are read whole before they are handed over. */
const smallBodyBytes = 64 << 10;
const buffersInFlight = 4;
/** A spare connection nobody took within this long is closed (registries close idle ones after about a minute). */
const spareLifetimeMs = 20_000;

/**
 * One keep-alive pool per transport, over node:http(s), for every registry request — manifests, HEADs, blob
 * uploads and downloads, tokens — so that any request can take the connection the previous one freed. Two things
 * ruled out fetch (undici) here:
 * - it closes the connection after every HEAD (undici lib/dispatcher/client-h1.js, "Close after a HEAD request to
 *   interop with misbehaving servers", nodejs/undici#258), and a registry across the internet charges a TCP and
 *   TLS handshake, two round trips, for each new one; with manifests on fetch and HEADs here, the two pools could
 *   not share a connection either;
 * - it copies every chunk of a streamed body (and holds on to more), which let a 256 MiB upload peak at ~365 MiB
 *   RSS; here a file is read into four reused 256 KiB buffers, each refilled only once the socket has taken it.
 * Answers come back as fetch Responses, so callers see one type.
 */
export class Connections {
  readonly #http = warmable(new HttpAgent({ keepAlive: true }), false);
  readonly #https = warmable(new HttpsAgent({ keepAlive: true }), true);
  readonly #idleMs: number;

  /** `idleMs`: the longest the socket may sit idle (connecting, sending, awaiting or reading the answer). */
  constructor(idleMs = 30_000) {
    this.#idleMs = idleMs;
  }

  /**
   * `onIdle` is called when the socket stalls for `idleMs` (before the answer's headers, or while a small answer's
   * body is read whole); it aborts `signal`, which ends the request. `onHeaders` says the headers have arrived.
   */
  send(
    method: string,
    url: URL,
    headers: Record<string, string>,
    body: Body,
    signal: AbortSignal | undefined,
    onIdle: (phase: 'waiting' | 'body') => void,
    onHeaders?: () => void,
  ): Promise<Response> {
    const secure = url.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    const length = body === undefined ? undefined : isUpload(body) ? body.end - body.start : byteLength(body);
    return new Promise((resolve, reject) => {
      const fail = (err: Error): void => reject(signal?.aborted ? (signal.reason as Error) : err);
      const req = send(
        url,
        {
          method,
          headers: length === undefined ? headers : { ...headers, 'content-length': String(length) },
          agent: secure ? this.#https : this.#http,
          signal,
        },
        (res) => {
          phase = 'body';
          onHeaders?.();
          const headers = responseHeaders(res);
          const status = res.statusCode ?? 502;
          const length = Number(res.headers['content-length']);
          const empty = method === 'HEAD' || status === 204 || status === 304 || length === 0;
          if (empty || (Number.isSafeInteger(length) && length <= smallBodyBytes)) {
            // Read whole before answering (the socket's idle timeout still on): an empty body ends at once, and a
            // small one (a manifest, a 404's error document, a token) comes with its headers. The socket is back
            // in the pool by then (Node frees it a tick after 'end'), so the next request takes this connection;
            // and a caller that drops the body (404 → cancel) no longer closes it, as cancelling a stream does.
            const chunks: Buffer[] = [];
            let received = 0;
            res.on('data', (chunk: Buffer) => {
              chunks.push(chunk);
              received += chunk.length;
            });
            res.once('end', () => {
              req.setTimeout(0);
              resolve(new Response(empty ? null : Buffer.concat(chunks), { status, headers }));
            });
            // Cut off mid-answer (or aborted by a timeout, which `fail` reports instead): said as a body read by the
            // caller is (Transport's withIdleTimeout).
            res.once('close', () => {
              if (!res.complete)
                fail(new OciError('NETWORK', `${url.host} closed the connection while sending ${url.pathname} (after ${received} bytes)`));
            });
            return;
          }
          // From here the body's idle timeout is the reader's (Transport): a caller slow to read is not a stalled
          // registry, but an idle socket would say it is.
          req.setTimeout(0);
          resolve(new Response(Readable.toWeb(res) as ReadableStream<Uint8Array>, { status, headers }));
        },
      );
      let phase: 'waiting' | 'body' = 'waiting';
      req.setTimeout(this.#idleMs, () => onIdle(phase));
      req.on('error', fail);
      if (body === undefined) req.end();
      else if (isUpload(body)) writeBody(req, body).catch((err: unknown) => req.destroy(err as Error));
      else req.end(body);
    });
  }

  /**
   * Opens `count` connections to `url`'s host now, for requests about to fan out: a step that will send six
   * requests at once after its token exchange opens them during the exchange instead of after it, when each
   * would add its handshake to the step's critical path. Idle spares close by themselves.
   */
  preconnect(url: URL, count: number): void {
    (url.protocol === 'https:' ? this.#https : this.#http).warm(url, count);
  }

  close(): void {
    this.#http.destroy();
    this.#https.destroy();
  }
}

/**
 * Connections opened ahead of need, kept aside by host and port until an agent needs a new one there. Only what
 * the agent would have opened itself (its own createConnection, with its options) is kept.
 */
class Spares {
  readonly #sockets = new Map<string, Socket[]>();

  fill(url: URL, count: number, secure: boolean, connect: (options: ClientRequestArgs) => Socket): void {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = Number(url.port || (secure ? 443 : 80));
    const key = `${host}:${port}`;
    const sockets = (this.#sockets.get(key) ?? []).filter((s) => !s.destroyed);
    this.#sockets.set(key, sockets);
    for (let i = sockets.length; i < count; i++) {
      const socket = connect({ host, port, ...(secure && !isIP(host) ? { servername: host } : {}) });
      // A spare is nobody's yet: failing to connect only means a connection not gained, and an unused spare must
      // not keep the process alive.
      socket.on('error', () => socket.destroy());
      socket.setTimeout(spareLifetimeMs, () => socket.destroy());
      socket.unref();
      sockets.push(socket);
    }
  }

  take(options: ClientRequestArgs): Socket | undefined {
    const sockets = this.#sockets.get(`${options.host ?? ''}:${Number(options.port)}`);
    for (let socket = sockets?.shift(); socket; socket = sockets?.shift()) {
      if (socket.destroyed) continue;
      socket.removeAllListeners('error');
      socket.removeAllListeners('timeout');
      socket.setTimeout(0);
      socket.ref();
      return socket;
    }
    return undefined;
  }

  destroy(): void {
    for (const sockets of this.#sockets.values()) for (const socket of sockets) socket.destroy();
    this.#sockets.clear();
  }
}

/** Agent options Node keeps on the instance (not in its typings), which its createConnection merges in. */
const agentOptions = (agent: HttpAgent): object => (agent as unknown as { options: object }).options;

/**
 * A keep-alive agent (http or https) that can open connections ahead of need: `warm` connects sockets and keeps them
 * aside, and the agent hands one out, instead of connecting, when a request needs a new connection to that host.
 * Node's Agent calls `this.createConnection`, so the instance's own takes precedence over the prototype's.
 */
function warmable<A extends HttpAgent>(agent: A, secure: boolean): A & { warm(url: URL, count: number): void } {
  const spares = new Spares();
  const connect = agent.createConnection.bind(agent);
  const destroy = agent.destroy.bind(agent);
  agent.createConnection = (options, callback) => spares.take(options) ?? connect(options, callback);
  agent.destroy = () => {
    spares.destroy();
    destroy();
  };
  return Object.assign(agent, {
    warm: (url: URL, count: number) =>
      spares.fill(url, count, secure, (options) => connect({ ...agentOptions(agent), ...options }) as Socket),
  });
}

function isUpload(body: Exclude<Body, undefined>): body is UploadBody {
  return typeof body === 'object' && !(body instanceof Uint8Array);
}

function byteLength(body: Uint8Array | string): number {
  return typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
}

function responseHeaders(res: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  return headers;
}

async function writeBody(req: ClientRequest, body: UploadBody): Promise<void> {
  const closed = new Promise<never>((_, reject) => req.once('close', () => reject(new Error('the connection closed during the upload'))));
  closed.catch(() => undefined);
  if (!body.source.path) {
    await pipeline(body.source.open(body.start, body.end), req);
    return;
  }
  const file = await open(body.source.path, 'r');
  try {
    const buffers = Array.from({ length: buffersInFlight }, () => Buffer.allocUnsafe(bufferSize));
    const written: Promise<void>[] = [];
    for (let position = body.start, n = 0; position < body.end; n++) {
      const slot = n % buffersInFlight;
      // Reuse a buffer only after the socket has taken what it held.
      if (written[slot]) await Promise.race([written[slot], closed]);
      const buffer = buffers[slot] as Buffer;
      const { bytesRead } = await file.read(buffer, 0, Math.min(bufferSize, body.end - position), position);
      if (bytesRead === 0) throw new Error(`${body.source.path} is shorter than the ${body.end - body.start} bytes being uploaded`);
      position += bytesRead;
      written[slot] = new Promise<void>((resolve, reject) =>
        req.write(buffer.subarray(0, bytesRead), (err) => (err ? reject(err) : resolve())),
      );
      written[slot].catch(() => undefined);
    }
    await Promise.race([Promise.all(written), closed]);
  } finally {
    await file.close();
  }
  req.end();
}
