import { request as httpRequest, Agent as HttpAgent, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobSource } from './content.ts';

/** Bytes [start, end) of a source, sent as a request body. */
export interface UploadBody {
  source: BlobSource;
  start: number;
  end: number;
}

const bufferSize = 256 << 10;
const buffersInFlight = 4;

/**
 * Sends a request whose body is blob content, over node:http(s) rather than fetch. fetch copies every chunk of a
 * streamed body (and holds on to more), which let a 256 MiB upload peak at ~365 MiB RSS; here a file is read
 * into four reused 256 KiB buffers, each refilled only once the socket has taken it, so memory stays flat.
 * The answer comes back as a fetch Response, so callers handle both paths alike.
 *
 * HEAD requests come this way too: undici (fetch) closes the connection after every HEAD (undici
 * lib/dispatcher/client-h1.js, "Close after a HEAD request to interop with misbehaving servers", nodejs/undici#258),
 * so each blob or manifest HEAD cost the next request a new connection — a TCP and TLS handshake, two round trips
 * to a registry across the internet. node:http keeps the socket, and the uploads that follow a HEAD reuse it.
 */
export class UploadSender {
  readonly #http = new HttpAgent({ keepAlive: true });
  readonly #https = new HttpsAgent({ keepAlive: true });
  readonly #idleMs: number;

  /** `idleMs`: the longest the socket may sit idle (connecting, sending, awaiting or reading the answer). */
  constructor(idleMs = 30_000) {
    this.#idleMs = idleMs;
  }

  /** `onIdle` is called when the socket stalls for `idleMs`; it aborts `signal`, which ends the request. */
  send(
    method: string,
    url: URL,
    headers: Record<string, string>,
    body: UploadBody | undefined,
    signal: AbortSignal | undefined,
    onIdle: () => void,
  ): Promise<Response> {
    const secure = url.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(
        url,
        {
          method,
          headers: body ? { ...headers, 'content-length': String(body.end - body.start) } : headers,
          agent: secure ? this.#https : this.#http,
          signal,
        },
        (res) => {
          resolve(toResponse(method, res));
        },
      );
      req.setTimeout(this.#idleMs, onIdle);
      req.on('error', (err) => reject(signal?.aborted ? (signal.reason as Error) : err));
      if (body) writeBody(req, body).catch((err: unknown) => req.destroy(err as Error));
      else req.end();
    });
  }

  close(): void {
    this.#http.destroy();
    this.#https.destroy();
  }
}

function toResponse(method: string, res: IncomingMessage): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  const status = res.statusCode ?? 502;
  // An empty body is drained at once, so the socket goes back to the pool even if the caller never reads it.
  const empty = method === 'HEAD' || status === 204 || status === 304 || res.headers['content-length'] === '0';
  if (empty) res.resume();
  return new Response(empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), { status, headers });
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
