import { setTimeout as sleep } from 'node:timers/promises';
import { BaseError } from '../errors.ts';
import { OciError } from './errors.ts';
import { Connections, type UploadBody } from './connections.ts';

export interface RetryPolicy {
  /** Attempts per request, the first included. */
  attempts: number;
  /** First backoff delay; doubles each retry, with ±50 % jitter. */
  baseDelayMs: number;
  /** Cap for one computed backoff delay. */
  maxDelayMs: number;
  /** The longest `Retry-After` we honour; a registry asking for more fails the request instead of stalling CI. */
  maxRetryAfterMs: number;
  /**
   * The time one client may spend on retries in all (backoff waits plus attempts that failed by timing out), shared
   * by every request it sends: a registry that keeps answering 429 or never answers fails the operation within
   * this budget instead of multiplying per-request retries.
   */
  budgetMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  attempts: 6,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
  budgetMs: 90_000,
};

export interface Timeouts {
  /** From sending a request until the response headers arrive (connecting included). */
  responseMs: number;
  /** The longest pause while a response body (or an upload body) is moving. */
  idleMs: number;
}

export const defaultTimeouts: Timeouts = { responseMs: 30_000, idleMs: 30_000 };

export interface RequestEvent {
  method: string;
  url: string;
  attempt: number;
  status?: number;
  error?: string;
}

export interface TransportOptions {
  retry?: Partial<RetryPolicy>;
  timeouts?: Partial<Timeouts>;
  userAgent?: string;
  /** Allow plain-HTTP redirect targets (set with `insecure`). */
  allowHttp?: boolean;
  /** Called after every response or network failure, for debug logs and request accounting. */
  onRequest?: (event: RequestEvent) => void;
  signal?: AbortSignal;
}

export type RequestBody = Uint8Array | string;

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
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);
const redirectStatus = new Set([301, 302, 303, 307, 308]);

/** What a request's timer aborts it with; retried like a dropped connection. */
const timeoutHint = 'check the registry, or raise the timeout (--timeout / the timeout input)';
class TimeoutError extends OciError {
  /** The message without the hint, for when retries add how many attempts were made. */
  readonly plain: string;
  constructor(url: URL, what: string, ms: number) {
    const plain = `${url.host} ${what} for ${ms / 1000} s`;
    super('TIMEOUT', plain, { hint: timeoutHint });
    this.name = 'TimeoutError';
    this.plain = plain;
  }
}
const maxRedirects = 10;

const attemptsTaken = new WeakMap<Response, number>();
const budgetSpent = new WeakSet<Response>();

/** Whether the transport stopped retrying this response because its retry budget was spent. */
export function retryBudgetSpent(response: Response): boolean {
  return budgetSpent.has(response);
}

/** How many attempts the transport made before settling on this response (1 when it was not retried). */
export function attemptsOf(response: Response): number {
  return attemptsTaken.get(response) ?? 1;
}

/**
 * The innermost error code of a fetch failure (undici wraps socket errors in `TypeError: fetch failed`). Codes of
 * our own errors (a credential provider's, say) are not the network's: their causes are looked at instead.
 */
export function networkErrorCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && !(current instanceof BaseError)) return code;
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
 * HTTP over one keep-alive pool (connections.ts) with what registries need: bounded retries with exponential
 * backoff and jitter on 429/5xx and dropped connections (honouring `Retry-After`), and redirects followed by hand
 * so `Authorization` never leaves the host it was meant for.
 */
export class Transport {
  readonly policy: RetryPolicy;
  readonly timeouts: Timeouts;
  readonly #options: TransportOptions;
  readonly #connections: Connections;
  /** Retry time spent so far, against `policy.budgetMs`. */
  #spentMs = 0;

  constructor(options: TransportOptions = {}) {
    this.#options = options;
    this.policy = { ...defaultRetryPolicy, ...options.retry };
    this.timeouts = { ...defaultTimeouts, ...options.timeouts };
    this.#connections = new Connections(this.timeouts.idleMs);
  }

  /** Opens `count` connections to `url`'s host ahead of requests about to fan out (Connections.preconnect). */
  preconnect(url: string | URL, count: number): void {
    this.#connections.preconnect(new URL(url), count);
  }

  /** How long to wait before retry `attempt` (1-based): `Retry-After` when given, else exponential with jitter. */
  delayFor(attempt: number, retryAfterMs?: number): number {
    const exponential = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempt - 1));
    return retryAfterMs ?? exponential * (0.5 + Math.random() * 0.5);
  }

  /**
   * Waits `delayMs` if the shared retry budget allows it; false when it would overspend, and the caller gives up.
   * Used by this transport and by operations that retry a whole exchange (blob uploads).
   */
  async backoff(delayMs: number): Promise<boolean> {
    if (this.#spentMs + delayMs > this.policy.budgetMs) return false;
    this.#spentMs += delayMs;
    await sleep(delayMs, undefined, { signal: this.#options.signal });
    return true;
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
        throw new OciError(
          'INSECURE_REDIRECT',
          `registry redirected ${url.host} to plain-HTTP ${next.host}; refusing (set insecure to allow)`,
        );
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

  async #sendWithRetry(
    method: string,
    url: URL,
    headers: Record<string, string>,
    body: HttpRequest['body'],
    upload: UploadBody | undefined,
    retry: boolean,
  ): Promise<Response> {
    const attempts = retry ? this.policy.attempts : 1;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      const started = Date.now();
      const timer = new AbortController();
      const signal = this.#options.signal ? AbortSignal.any([timer.signal, this.#options.signal]) : timer.signal;
      try {
        // Until the answer's headers arrive; not for uploads, whose sending may rightly take longer (a stall is
        // caught by the idle timeout).
        const waiting = upload
          ? undefined
          : setTimeout(
              () => timer.abort(new TimeoutError(url, `sent no response to ${method} ${url.pathname}`, this.timeouts.responseMs)),
              this.timeouts.responseMs,
            );
        try {
          const stalled = (phase: 'waiting' | 'body'): string =>
            phase === 'body'
              ? 'stalled while sending a response body'
              : upload
                ? 'stalled during the upload'
                : `sent no response to ${method} ${url.pathname}`;
          response = await this.#connections.send(
            method,
            url,
            headers,
            upload ?? body?.(),
            signal,
            (phase) => timer.abort(new TimeoutError(url, stalled(phase), this.timeouts.idleMs)),
            () => clearTimeout(waiting),
          );
        } finally {
          clearTimeout(waiting);
        }
        response = withIdleTimeout(
          response,
          url,
          timer,
          () => new TimeoutError(url, 'stalled while sending a response body', this.timeouts.idleMs),
          this.timeouts.idleMs,
        );
      } catch (err) {
        const timedOut = timer.signal.aborted && timer.signal.reason instanceof TimeoutError ? timer.signal.reason : undefined;
        // Cut off while a small answer was read whole: said and handled as when the caller reads a body (not retried).
        if (!timedOut && err instanceof OciError) {
          this.#options.onRequest?.({ method, url: url.href, attempt, error: err.code });
          throw err;
        }
        const code = timedOut ? 'TIMEOUT' : networkErrorCode(err);
        this.#options.onRequest?.({ method, url: url.href, attempt, error: code ?? String(err) });
        if (this.#options.signal?.aborted) throw err;
        const message = timedOut ? timedOut.plain : describeNetworkError(err, url);
        const fail = (why: string) =>
          new OciError(timedOut ? 'TIMEOUT' : 'NETWORK', `${message}${why}`, { cause: err, ...(timedOut ? { hint: timeoutHint } : {}) });
        if (attempt >= attempts || !code || (!timedOut && !retryableErrorCodes.has(code)))
          throw fail(attempt > 1 ? ` (after ${attempt} attempts)` : '');
        if (timedOut) this.#spentMs += Date.now() - started;
        if (!(await this.backoff(this.delayFor(attempt))))
          throw fail(` (after ${attempt} attempts; gave up: the retry budget of ${this.policy.budgetMs / 1000} s is spent)`);
        continue;
      }
      this.#options.onRequest?.({ method, url: url.href, attempt, status: response.status });
      attemptsTaken.set(response, attempt);
      if (!retryableStatus.has(response.status) || attempt >= attempts) return response;
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      if (retryAfter !== undefined && retryAfter > this.policy.maxRetryAfterMs) {
        budgetSpent.add(response);
        return response;
      }
      const delay = this.delayFor(attempt, retryAfter);
      // Out of budget: the registry's own answer is the error to report (responseError says how many attempts).
      if (this.#spentMs + delay > this.policy.budgetMs) {
        budgetSpent.add(response);
        return response;
      }
      await response.body?.cancel();
      await this.backoff(delay);
    }
  }
}

/**
 * The response with a guarded body: aborted (through `controller`) when the network delivers nothing for `idleMs`
 * while the reader waits, and a connection dropped mid-body reported as one line naming the host and how far it
 * got (undici says only "terminated").
 */
function withIdleTimeout(response: Response, url: URL, controller: AbortController, error: () => Error, idleMs: number): Response {
  if (!response.body) return response;
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  let timer: NodeJS.Timeout | undefined;
  let received = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(sink) {
      // Only while waiting on the network: a slow reader is not a stalled registry.
      timer = setTimeout(() => controller.abort(error()), idleMs);
      timer.unref();
      try {
        const next: { done: boolean; value?: Uint8Array } = await reader.read();
        clearTimeout(timer);
        if (next.done || !next.value) sink.close();
        else {
          received += next.value.byteLength;
          sink.enqueue(next.value);
        }
      } catch (err) {
        clearTimeout(timer);
        const reason: unknown = controller.signal.reason;
        sink.error(
          controller.signal.aborted && reason instanceof Error
            ? reason
            : new OciError('NETWORK', `${url.host} closed the connection while sending ${url.pathname} (after ${received} bytes)`, {
                cause: err,
              }),
        );
      }
    },
    cancel(reason) {
      clearTimeout(timer);
      return reader.cancel(reason);
    },
  });
  const wrapped = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  return wrapped;
}

/**
 * Transport options for a user's `--timeout` / `timeout` (seconds; `45`, `45s`, `2m`): the response and idle
 * timeouts, and a retry budget of three times that, so a dead or throttling registry fails in bounded time.
 */
export function timeoutOptions(value: string | undefined): Pick<TransportOptions, 'timeouts' | 'retry'> {
  const text = (value ?? '').trim();
  if (text === '') return {};
  const match = /^([0-9]+(?:\.[0-9]+)?)\s*(s|m)?$/i.exec(text);
  const seconds = match ? Number(match[1]) * (match[2]?.toLowerCase() === 'm' ? 60 : 1) : Number.NaN;
  if (!(seconds >= 1 && seconds <= 3600))
    throw new OciError('TIMEOUT_INVALID', `"${text}" is not a timeout between 1 s and 60 m (seconds, e.g. 30, 45s or 2m)`);
  const ms = seconds * 1000;
  return { timeouts: { responseMs: ms, idleMs: ms }, retry: { budgetMs: 3 * ms } };
}
