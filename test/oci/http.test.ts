import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transport, parseRetryAfter, networkErrorCode, OciError, type RequestEvent, type RetryPolicy } from '@d2ci/core/oci';
import { startServer, type ScriptedServer } from './fixtures.ts';
import { freePort } from '../harness/process.ts';
import { loopbackCertificate } from '../harness/ca.ts';

const fast: Partial<RetryPolicy> = { attempts: 4, baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 5_000 };

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  it('reads delta-seconds', () => {
    assert.equal(parseRetryAfter('0', now), 0);
    assert.equal(parseRetryAfter('5', now), 5_000);
    assert.equal(parseRetryAfter(' 120 ', now), 120_000);
    assert.equal(parseRetryAfter('1.5', now), undefined, 'neither delta-seconds nor an HTTP date');
    assert.equal(parseRetryAfter('-3', now), undefined);
  });
  it('reads an HTTP-date relative to now, never negative', () => {
    assert.equal(parseRetryAfter('Sun, 01 Mar 2026 12:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Sun, 01 Mar 2026 11:59:00 GMT', now), 0);
  });
  it('ignores what is missing or unreadable', () => {
    assert.equal(parseRetryAfter(null, now), undefined);
    assert.equal(parseRetryAfter('', now), undefined);
    assert.equal(parseRetryAfter('soon', now), undefined);
  });
});

describe('Transport against local servers', () => {
  let server: ScriptedServer;
  let other: ScriptedServer;
  const servers: ScriptedServer[] = [];
  before(async () => {
    server = await startServer((_req, res) => res.end());
    other = await startServer((_req, res) => res.end());
    servers.push(server, other);
  });
  after(async () => {
    for (const s of servers) await s.close();
  });
  const reset = (): void => {
    server.requests.length = 0;
    other.requests.length = 0;
  };

  it('retries 503, 500 and 429 and returns the first good response', async () => {
    reset();
    const statuses = [503, 500, 429, 200];
    server.handler = (_req, res) => {
      const status = statuses[server.requests.length - 1] ?? 500;
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status === 200 ? 'finally' : 'busy');
    };
    const events: RequestEvent[] = [];
    const transport = new Transport({ retry: fast, onRequest: (e) => events.push(e) });
    const response = await transport.send({ method: 'GET', url: `${server.url}/thing` });
    assert.equal(response.status, 200);
    assert.equal(await response.text(), 'finally');
    assert.equal(server.requests.length, 4);
    assert.deepEqual(
      events.map((e) => [e.attempt, e.status]),
      [
        [1, 503],
        [2, 500],
        [3, 429],
        [4, 200],
      ],
    );
  });

  it('does not retry statuses that will not change (400, 401, 404)', async () => {
    for (const status of [400, 401, 404]) {
      reset();
      server.handler = (_req, res) => {
        res.writeHead(status);
        res.end();
      };
      const response = await new Transport({ retry: fast }).send({ method: 'GET', url: server.url });
      assert.equal(response.status, status);
      assert.equal(server.requests.length, 1, `status ${status}`);
    }
  });

  it('gives up after `attempts` and hands back the last response, body intact', async () => {
    reset();
    server.handler = (_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: `attempt ${server.requests.length}` }] }));
    };
    const response = await new Transport({ retry: { ...fast, attempts: 3 } }).send({ method: 'GET', url: server.url });
    assert.equal(response.status, 503);
    assert.equal(server.requests.length, 3);
    assert.deepEqual(await response.json(), { errors: [{ code: 'UNAVAILABLE', message: 'attempt 3' }] });
  });

  it('waits as long as Retry-After says (seconds), not its own short backoff', async () => {
    reset();
    server.handler = (_req, res) => {
      res.writeHead(server.requests.length === 1 ? 429 : 200, server.requests.length === 1 ? { 'retry-after': '1' } : {});
      res.end();
    };
    const started = Date.now();
    const response = await new Transport({ retry: { ...fast, baseDelayMs: 1, maxDelayMs: 2 } }).send({ method: 'GET', url: server.url });
    const elapsed = Date.now() - started;
    assert.equal(response.status, 200);
    assert.equal(server.requests.length, 2);
    assert.ok(elapsed >= 950, `waited only ${elapsed} ms for Retry-After: 1`);
  });

  it('honours Retry-After given as an HTTP-date', async () => {
    reset();
    let asked = 0;
    let answeredAt = 0;
    server.handler = (_req, res) => {
      if (server.requests.length === 1) {
        // HTTP-dates have whole seconds: the next full second at least 500 ms away.
        const at = Math.ceil((Date.now() + 500) / 1000) * 1000;
        answeredAt = Date.now();
        asked = at - answeredAt;
        res.writeHead(503, { 'retry-after': new Date(at).toUTCString() });
      } else {
        res.writeHead(204);
      }
      res.end();
    };
    const response = await new Transport({ retry: { ...fast, baseDelayMs: 1, maxDelayMs: 2 } }).send({ method: 'GET', url: server.url });
    assert.equal(response.status, 204);
    assert.equal(server.requests.length, 2);
    const waited = Date.now() - answeredAt;
    assert.ok(asked >= 500 && waited >= asked - 50, `asked for ${asked} ms, waited ${waited} ms`);
  });

  it('refuses to wait for a Retry-After longer than maxRetryAfterMs and returns that response at once', async () => {
    reset();
    server.handler = (_req, res) => {
      res.writeHead(429, { 'retry-after': '3600' });
      res.end('slow down');
    };
    const started = Date.now();
    const response = await new Transport({ retry: { ...fast, maxRetryAfterMs: 1_000 } }).send({ method: 'GET', url: server.url });
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '3600');
    assert.equal(await response.text(), 'slow down');
    assert.equal(server.requests.length, 1);
    assert.ok(Date.now() - started < 1_000);
  });

  it('retries a connection the server drops, and sends the body again', async () => {
    reset();
    server.handler = (_req, res) => {
      if (server.requests.length < 3) {
        res.socket?.destroy();
        return;
      }
      res.writeHead(201);
      res.end();
    };
    const events: RequestEvent[] = [];
    const response = await new Transport({ retry: fast, onRequest: (e) => events.push(e) }).send({
      method: 'PUT',
      url: `${server.url}/upload`,
      headers: { 'content-type': 'application/octet-stream' },
      body: () => Buffer.from('payload'),
    });
    assert.equal(response.status, 201);
    assert.equal(server.requests.length, 3);
    assert.deepEqual(
      server.requests.map((r) => r.body.toString()),
      ['payload', 'payload', 'payload'],
    );
    assert.deepEqual(
      events.map((e) => [e.attempt, e.status ?? 'error']),
      [
        [1, 'error'],
        [2, 'error'],
        [3, 201],
      ],
    );
    assert.ok(events[0]?.error && ['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE'].includes(events[0].error), events[0]?.error);
  });

  it('throws a one-line NETWORK error naming the attempts when every connection drops', async () => {
    reset();
    server.handler = (_req, res) => void res.socket?.destroy();
    await assert.rejects(new Transport({ retry: { ...fast, attempts: 3 } }).send({ method: 'GET', url: server.url }), (err: unknown) => {
      assert.ok(err instanceof OciError);
      assert.equal(err.code, 'NETWORK');
      assert.match(err.message, new RegExp(`request to ${server.host} failed: .*\\(after 3 attempts\\)`));
      assert.ok(networkErrorCode(err.cause) !== undefined);
      return true;
    });
    assert.equal(server.requests.length, 3);
  });

  it('does not retry a request marked retry:false (status or dropped connection)', async () => {
    reset();
    server.handler = (_req, res) => {
      res.writeHead(503);
      res.end();
    };
    const response = await new Transport({ retry: fast }).send({ method: 'PUT', url: server.url, body: () => 'x', retry: false });
    assert.equal(response.status, 503);
    assert.equal(server.requests.length, 1);

    reset();
    server.handler = (_req, res) => void res.socket?.destroy();
    await assert.rejects(
      new Transport({ retry: fast }).send({ method: 'PATCH', url: server.url, body: () => 'x', retry: false }),
      (err: OciError) => err.code === 'NETWORK' && !/after/.test(err.message),
    );
    assert.equal(server.requests.length, 1);
  });

  it('retries a refused connection and then says what to check', async () => {
    const port = await freePort();
    const events: RequestEvent[] = [];
    await assert.rejects(
      new Transport({ retry: { ...fast, attempts: 2 }, onRequest: (e) => events.push(e) }).send({
        method: 'GET',
        url: `http://127.0.0.1:${port}/v2/`,
      }),
      (err: OciError) =>
        err.code === 'NETWORK' && new RegExp(`connection to 127.0.0.1:${port} refused: is the registry running`).test(err.message),
    );
    assert.deepEqual(
      events.map((e) => [e.attempt, e.error]),
      [
        [1, 'ECONNREFUSED'],
        [2, 'ECONNREFUSED'],
      ],
    );
  });

  it('sends its user agent unless the request sets one', async () => {
    reset();
    server.handler = (_req, res) => res.end();
    const transport = new Transport({ userAgent: 'd2ci-test/1' });
    await (await transport.send({ method: 'GET', url: server.url })).text();
    await (await transport.send({ method: 'GET', url: server.url, headers: { 'user-agent': 'mine' } })).text();
    assert.deepEqual(
      server.requests.map((r) => r.headers['user-agent']),
      ['d2ci-test/1', 'mine'],
    );
  });

  describe('redirects', () => {
    it('follows a redirect to another host and drops Authorization there, keeping other headers', async () => {
      reset();
      server.handler = (_req, res) => {
        res.writeHead(307, { location: `${other.altUrl}/storage/blob?sig=abc` });
        res.end();
      };
      other.handler = (_req, res) => res.end('blob bytes');
      const response = await new Transport({ retry: fast }).send({
        method: 'GET',
        url: `${server.url}/v2/acme/app/blobs/sha256:x`,
        headers: { authorization: 'Bearer secret-token', accept: 'application/octet-stream' },
      });
      assert.equal(await response.text(), 'blob bytes');
      assert.equal(server.requests[0]?.headers.authorization, 'Bearer secret-token');
      assert.equal(other.requests.length, 1);
      assert.equal(other.requests[0]?.path, '/storage/blob?sig=abc');
      assert.equal(other.requests[0]?.headers.host, `localhost:${other.port}`);
      assert.equal(other.requests[0]?.headers.authorization, undefined);
      assert.equal(other.requests[0]?.headers.accept, 'application/octet-stream');
    });

    it('treats the same machine under another name (127.0.0.1 vs localhost) as another host', async () => {
      reset();
      server.handler = (req, res) => {
        if (req.url.pathname === '/start') {
          res.writeHead(302, { location: `${server.altUrl}/end` });
          return void res.end();
        }
        res.end('done');
      };
      const response = await new Transport().send({
        method: 'GET',
        url: `${server.url}/start`,
        headers: { authorization: 'Basic Y2k6cHc=' },
      });
      assert.equal(await response.text(), 'done');
      assert.deepEqual(
        server.requests.map((r) => [r.url.pathname, r.headers.host, r.headers.authorization]),
        [
          ['/start', server.host, 'Basic Y2k6cHc='],
          ['/end', `localhost:${server.port}`, undefined],
        ],
      );
    });

    it('treats another port on the same address as another host', async () => {
      reset();
      server.handler = (_req, res) => {
        res.writeHead(307, { location: `${other.url}/elsewhere` });
        res.end();
      };
      other.handler = (_req, res) => res.end('ok');
      await (await new Transport().send({ method: 'GET', url: server.url, headers: { authorization: 'Bearer t' } })).text();
      assert.equal(other.requests[0]?.headers.authorization, undefined);
    });

    it('keeps Authorization on a same-host redirect (relative Location) and resends the body on 307/308', async () => {
      reset();
      server.handler = (req, res) => {
        if (req.url.pathname === '/a') {
          res.writeHead(307, { location: '/b?x=1' });
          return void res.end();
        }
        if (req.url.pathname === '/b') {
          res.writeHead(308, { location: `${server.url}/c` });
          return void res.end();
        }
        res.writeHead(201);
        res.end();
      };
      const response = await new Transport().send({
        method: 'PUT',
        url: `${server.url}/a`,
        headers: { authorization: 'Bearer keep' },
        body: () => 'data',
      });
      assert.equal(response.status, 201);
      assert.deepEqual(
        server.requests.map((r) => [r.method, r.path, r.headers.authorization, r.body.toString()]),
        [
          ['PUT', '/a', 'Bearer keep', 'data'],
          ['PUT', '/b?x=1', 'Bearer keep', 'data'],
          ['PUT', '/c', 'Bearer keep', 'data'],
        ],
      );
    });

    it('turns a POST into a bodiless GET on 303', async () => {
      reset();
      server.handler = (req, res) => {
        if (req.method === 'POST') {
          res.writeHead(303, { location: '/result' });
          return void res.end();
        }
        res.end('result');
      };
      const response = await new Transport().send({
        method: 'POST',
        url: `${server.url}/form`,
        headers: { 'content-type': 'text/plain' },
        body: () => 'q',
      });
      assert.equal(await response.text(), 'result');
      assert.deepEqual(
        server.requests.map((r) => [r.method, r.path, r.body.length, r.headers['content-type']]),
        [
          ['POST', '/form', 1, 'text/plain'],
          ['GET', '/result', 0, undefined],
        ],
      );
    });

    it('returns a redirect without Location as is, and stops a redirect loop', async () => {
      reset();
      server.handler = (req, res) => {
        if (req.url.pathname === '/nolocation') {
          res.writeHead(302);
          return void res.end();
        }
        res.writeHead(302, { location: '/loop' });
        res.end();
      };
      assert.equal((await new Transport().send({ method: 'GET', url: `${server.url}/nolocation` })).status, 302);
      reset();
      await assert.rejects(
        new Transport().send({ method: 'GET', url: `${server.url}/loop` }),
        (err: OciError) => err.code === 'TOO_MANY_REDIRECTS',
      );
      assert.equal(server.requests.length, 11);
    });
  });

  describe('https → http redirects', () => {
    let dir: string;
    let tls: HttpsServer;
    let tlsUrl: string;
    let previousTlsSetting: string | undefined;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'd2ci-tls-'));
      tls = createHttpsServer(loopbackCertificate(dir), (_req, res) => {
        res.writeHead(307, { location: `${other.url}/plain` });
        res.end();
      });
      await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
      const address = tls.address();
      tlsUrl = `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      // The certificate is self-signed; trust it for this test process only.
      previousTlsSetting = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    });
    after(async () => {
      if (previousTlsSetting === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previousTlsSetting;
      tls.closeAllConnections();
      await new Promise<void>((resolve) => tls.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    });

    it('refuses to follow https to plain http', async () => {
      reset();
      await assert.rejects(
        new Transport().send({ method: 'GET', url: `${tlsUrl}/v2/`, headers: { authorization: 'Bearer t' } }),
        (err: OciError) => err.code === 'INSECURE_REDIRECT' && /plain-HTTP/.test(err.message),
      );
      assert.equal(other.requests.length, 0);
    });

    it('follows it with allowHttp, still without Authorization', async () => {
      reset();
      other.handler = (_req, res) => res.end('plain');
      const response = await new Transport({ allowHttp: true }).send({
        method: 'GET',
        url: `${tlsUrl}/v2/`,
        headers: { authorization: 'Bearer t' },
      });
      assert.equal(await response.text(), 'plain');
      assert.equal(other.requests.length, 1);
      assert.equal(other.requests[0]?.headers.authorization, undefined);
    });
  });
});
