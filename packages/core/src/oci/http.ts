import { setTimeout as sleep } from 'node:timers/promises';
import { OciError } from './errors.ts';
import { UploadSender, type UploadBody } from './upload-body.ts';

export interface RetryPolicy {
  /** Attempts per request, the first included. */
  attempts: number;
  /** First backoff delay; doubles each retry, with ±50 % jitter. */
  baseDelayMs: number;
  /** Cap for one computed backoff delay. */
  maxDelayMs: number;
  /** The longest `Retry-After` we honour; a registry asking for more fails the request instead of stalling CI. */
  maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 6, baseDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

export interface RequestEvent {
  method: string;
  url: string;
  attempt: number;
  status?: number;
  error?: string;
}

export interface TransportOptions {
  retry?: Partial<RetryPolicy>;
  userAgent?: string;
  /** Allow plain-HTTP redirect targets (set with `insecure`). */
  allowHttp?: boolean;
  /** Called after every response or network failure, for debug logs and request accounting. */
  onRequest?: (event: RequestEvent) => void;
  signal?: AbortSignal;
}

export type RequestBody = Uint8Array | string | AsyncIterable<Uint8Array>;

export interface HttpRequest {
  method: string;
  url: string | URL;
  headers?: Record<string, string>;
  /** A factory, so a retried or redirected request can send its body again. */
  body?: () => RequestBody;
  /** Blob content to send as the body, streamed from its source with flat memory (instead of `body`). */
  upload?: UploadBody;
  /** Whether this request may be repeated on a retryable failure (default true). */
  retry?: boolean;
}

const retryableStatus = new Set([408, 429, 500, 502, 503, 504]);
const retryableErrorCodes = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH',
  'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CLOSED',
]);
const redirectStatus = new Set([301, 302, 303, 307, 308]);
const maxRedirects = 10;

const attemptsTaken = new WeakMap<Response, number>();

/** How many attempts the transport made before settling on this response (1 when it was not retried). */
export function attemptsOf(response: Response): number {
  return attemptsTaken.get(response) ?? 1;
}

/** The innermost error code of a fetch failure (undici wraps socket errors in `TypeError: fetch failed`). */
export function networkErrorCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describeNetworkError(err: unknown, url: URL): string {
  const code = networkErrorCode(err);
  if (code === 'ENOTFOUND') return `cannot resolve registry host ${url.host}: check the registry name`;
  if (code === 'ECONNREFUSED') return `connection to ${url.host} refused: is the registry running and the port right?`;
  const cause = (err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message;
  return `request to ${url.host} failed: ${code ? `${code} ` : ''}${cause}`;
}

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*[0-9]+\s*$/.test(value)) return Number(value) * 1000;
  // Only an IMF-fixdate (`Wed, 21 Oct 2015 07:28:00 GMT`) is a date; `1.5` is neither form.
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * HTTP over Node's fetch with what registries need and fetch does not do: bounded retries with exponential
 * backoff and jitter on 429/5xx and dropped connections (honouring `Retry-After`), and redirects followed by hand
 * so `Authorization` never leaves the host it was meant for.
 */
export class Transport {
  readonly policy: RetryPolicy;
  readonly #options: TransportOptions;
  readonly #uploads = new UploadSender();

  constructor(options: TransportOptions = {}) {
    this.#options = options;
    this.policy = { ...defaultRetryPolicy, ...options.retry };
  }

  async send(request: HttpRequest): Promise<Response> {
    let url = new URL(request.url);
    let method = request.method.toUpperCase();
    let headers: Record<string, string> = { ...request.headers };
    if (this.#options.userAgent && !headers['user-agent']) headers['user-agent'] = this.#options.userAgent;
    let body = request.body;
    let upload = request.upload;
    for (let hop = 0; ; hop++) {
      const response = await this.#sendWithRetry(method, url, headers, body, upload, request.retry !== false);
      if (!redirectStatus.has(response.status)) return response;
      const location = response.headers.get('location');
      if (!location) return response;
      await response.body?.cancel();
      if (hop >= maxRedirects) throw new OciError('TOO_MANY_REDIRECTS', `more than ${maxRedirects} redirects from ${String(request.url)}`);
      const next = new URL(location, url);
      if (next.protocol === 'http:' && url.protocol === 'https:' && !this.#options.allowHttp) {
        throw new OciError('INSECURE_REDIRECT', `registry redirected ${url.host} to plain-HTTP ${next.host}; refusing (set insecure to allow)`);
      }
      if (next.host !== url.host || next.protocol !== url.protocol) {
        // Never forward credentials to another host (distribution-spec: MUST NOT forward Authorization).
        const { authorization: _dropped, ...rest } = headers;
        headers = rest;
      }
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
        upload = undefined;
        const { 'content-length': _l, 'content-type': _t, ...rest } = headers;
        headers = rest;
      }
      url = next;
    }
  }

  async #sendWithRetry(method: string, url: URL, headers: Record<string, string>, body: HttpRequest['body'], upload: UploadBody | undefined, retry: boolean): Promise<Response> {
    const attempts = retry ? this.policy.attempts : 1;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        if (upload) {
          response = await this.#uploads.send(method, url, headers, upload, this.#options.signal);
        } else {
          const init: RequestInit & { duplex?: 'half' } = { method, headers, redirect: 'manual', signal: this.#options.signal };
          if (body) {
            init.body = body() as RequestInit['body'];
            init.duplex = 'half';
          }
          response = await fetch(url, init);
        }
      } catch (err) {
        const code = networkErrorCode(err);
        this.#options.onRequest?.({ method, url: url.href, attempt, error: code ?? String(err) });
        if (this.#options.signal?.aborted) throw err;
        const message = describeNetworkError(err, url);
        if (attempt >= attempts || !code || !retryableErrorCodes.has(code)) {
          throw new OciError('NETWORK', attempt > 1 ? `${message} (after ${attempt} attempts)` : message, { cause: err });
        }
        await this.#backoff(attempt, undefined);
        continue;
      }
      this.#options.onRequest?.({ method, url: url.href, attempt, status: response.status });
      attemptsTaken.set(response, attempt);
      if (!retryableStatus.has(response.status) || attempt >= attempts) return response;
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      if (retryAfter !== undefined && retryAfter > this.policy.maxRetryAfterMs) return response;
      await response.body?.cancel();
      await this.#backoff(attempt, retryAfter);
    }
  }

  async #backoff(attempt: number, retryAfter: number | undefined): Promise<void> {
    const exponential = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempt - 1));
    const jittered = exponential * (0.5 + Math.random() * 0.5);
    await sleep(retryAfter ?? jittered, undefined, { signal: this.#options.signal });
  }
}
