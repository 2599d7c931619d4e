// The bench's latency proxy (fault-proxy.ts with `latency`): the delay is applied each way, a new connection pays
// its handshake round trips once (counted from when it opened), bytes pass intact both ways, and the bandwidth cap
// holds.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, request, Agent, type Server } from 'node:http';
import { connect } from 'node:net';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { startFaultProxy, type FaultProxy } from './fault-proxy.ts';

describe('latency proxy', () => {
  let upstream: Server;
  let upstreamUrl: string;
  /** When the upstream saw each request, to check the request leg's delay apart from the response leg's. */
  const arrivals: number[] = [];
  before(async () => {
    // Echoes the body's SHA-256 and length, then sends `?size=` random bytes with their hash in a header.
    upstream = createServer((req, res) => {
      arrivals.push(performance.now());
      const hash = createHash('sha256');
      let length = 0;
      req.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        length += chunk.length;
      });
      req.on('end', () => {
        const size = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('size') ?? '0');
        const body = randomBytes(size);
        res.writeHead(200, {
          'x-request-sha256': hash.digest('hex'),
          'x-request-length': String(length),
          'x-body-sha256': createHash('sha256').update(body).digest('hex'),
        });
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const address = upstream.address();
    upstreamUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  after(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

  /** One request through `proxy` on `agent`: status, the response's hash check, when it was sent and answered. */
  const send = (proxy: FaultProxy, agent: Agent, body: Buffer, size = 0) =>
    new Promise<{ sent: number; done: number; headers: Record<string, unknown>; bodyHash: string }>((resolve, reject) => {
      const url = new URL(`/echo?size=${size}`, proxy.url);
      const sent = performance.now();
      const req = request(url, { method: 'POST', agent }, (res) => {
        const hash = createHash('sha256');
        res.on('data', (chunk: Buffer) => hash.update(chunk));
        res.on('end', () => resolve({ sent, done: performance.now(), headers: res.headers, bodyHash: hash.digest('hex') }));
      });
      req.on('error', reject);
      req.end(body);
    });

  it('delays each request and each response by the one-way delay, and a new connection by its handshakes', async () => {
    const proxy = await startFaultProxy(upstreamUrl, { latency: { oneWayMs: 40, handshakeRoundTrips: 1 }, name: 'up' });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      arrivals.length = 0;
      const first = await send(proxy, agent, Buffer.from('a'));
      const second = await send(proxy, agent, Buffer.from('b'));
      // First request: handshake (1 round trip, 80 ms) + 40 ms there + 40 ms back; the second reuses the socket.
      assert.ok(first.done - first.sent >= 155, `first request took ${first.done - first.sent} ms, expected ≥ 160`);
      assert.ok(second.done - second.sent >= 78, `second took ${second.done - second.sent} ms, expected ≥ 80`);
      // The request leg alone: the upstream saw the second request ≥ 40 ms after it was sent.
      assert.ok((arrivals[1] ?? 0) - second.sent >= 38, 'the request reaches the upstream one one-way delay late');
      assert.deepEqual(
        proxy.log.map((r) => [r.upstream, r.newConnection, r.status]),
        [
          ['up', true, 200],
          ['up', false, 200],
        ],
      );
      const [a, b] = proxy.log;
      assert.ok(a?.end !== undefined && b?.end !== undefined && b.start >= a.end, 'the log times order the two requests');
    } finally {
      agent.destroy();
      await proxy.close();
    }
  });

  it('counts the handshake from when a connection opened: one opened ahead of need is ready for its first request', async () => {
    const proxy = await startFaultProxy(upstreamUrl, { latency: { oneWayMs: 40, handshakeRoundTrips: 1 } });
    const socket = connect(Number(new URL(proxy.url).port), '127.0.0.1');
    const agent = new Agent({ keepAlive: true });
    agent.createConnection = () => socket;
    try {
      await once(socket, 'connect');
      await sleep(100); // longer than the 80 ms handshake
      const first = await send(proxy, agent, Buffer.from('a'));
      assert.ok(first.done - first.sent >= 78, `took ${first.done - first.sent} ms, expected ≥ 80 (one round trip)`);
      // Not charged the handshake (the flag is the proxy's decision; no upper bound on time, which load could break).
      assert.equal(proxy.log[0]?.newConnection, false);
    } finally {
      agent.destroy();
      socket.destroy();
      await proxy.close();
    }
  });

  it('forwards request and response bytes intact, and holds the bandwidth cap', async () => {
    const proxy = await startFaultProxy(upstreamUrl, { latency: { oneWayMs: 5, bytesPerSecond: 4 * 1024 * 1024 } });
    const agent = new Agent({ keepAlive: false });
    try {
      const body = randomBytes(2 * 1024 * 1024 + 13);
      const result = await send(proxy, agent, body, 1024 * 1024 + 7);
      assert.equal(result.headers['x-request-sha256'], createHash('sha256').update(body).digest('hex'), 'request body intact');
      assert.equal(result.headers['x-request-length'], String(body.length));
      assert.equal(result.bodyHash, result.headers['x-body-sha256'], 'response body intact');
      assert.equal(proxy.log[0]?.bytesIn, body.length);
      // 2 MiB up at 4 MiB/s takes ≥ 0.5 s; 1 MiB down ≥ 0.25 s more.
      assert.ok(result.done - result.sent >= 700, `took ${result.done - result.sent} ms at 4 MiB/s, expected ≥ 750`);
    } finally {
      agent.destroy();
      await proxy.close();
    }
  });
});
