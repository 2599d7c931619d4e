// One keep-alive pool per transport (core oci/connections.ts): every request — HEADs, manifest reads and writes,
// tokens, uploads — can take the connection the previous one freed, and connections opened ahead of a fan-out are
// the ones the fan-out uses.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Transport } from '@d2ci/core/oci';
import { loopbackCertificate } from '../harness/ca.ts';
import { waitFor } from '../harness/process.ts';

/** A server that records its connections and which one carried each request. */
interface Counting {
  url: string;
  sockets: Socket[];
  served: { method: string; socket: number }[];
  close(): Promise<void>;
}

async function listen(server: Server | HttpsServer, scheme: 'http' | 'https', event: 'connection' | 'secureConnection'): Promise<Counting> {
  const state: Counting = { url: '', sockets: [], served: [], close: async () => undefined };
  server.on(event, (socket: Socket) => state.sockets.push(socket));
  server.on('request', (req, res) => {
    state.served.push({ method: req.method ?? '', socket: state.sockets.indexOf(req.socket) });
    // Long enough that requests sent together are in flight together. A length even on HEADs, as registries send
    // (without one Node's client cannot keep the connection after a HEAD).
    res.setHeader('content-length', '2');
    setTimeout(() => res.end(req.method === 'HEAD' ? undefined : 'ok'), 30);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  state.url = `${scheme}://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

describe('connections: one keep-alive pool per transport', () => {
  let plain: Counting;
  before(async () => {
    plain = await listen(createServer(), 'http', 'connection');
  });
  after(() => plain.close());
  const reset = (): void => {
    for (const socket of plain.sockets) socket.destroy();
    plain.sockets.length = 0;
    plain.served.length = 0;
  };

  it('sends a GET after a HEAD on the same connection (fetch would have closed it after the HEAD)', async () => {
    reset();
    const transport = new Transport();
    const head = await transport.send({ method: 'HEAD', url: `${plain.url}/v2/` });
    assert.equal(head.status, 200);
    const get = await transport.send({ method: 'GET', url: `${plain.url}/v2/` });
    assert.equal(await get.text(), 'ok');
    const put = await transport.send({ method: 'PUT', url: `${plain.url}/v2/x`, body: () => 'manifest' });
    assert.equal(await put.text(), 'ok');
    assert.equal(plain.sockets.length, 1, 'one connection for HEAD, GET and PUT');
  });

  it('keeps the connection when a caller drops a small answer unread (a 404 error document, cancelled)', async () => {
    reset();
    const transport = new Transport();
    const missing = await transport.send({ method: 'GET', url: `${plain.url}/v2/missing` });
    await missing.body?.cancel();
    const next = await transport.send({ method: 'GET', url: `${plain.url}/v2/` });
    assert.equal(await next.text(), 'ok');
    assert.equal(plain.sockets.length, 1);
  });

  it('opens connections ahead of a fan-out, and the fan-out uses them instead of opening more', async () => {
    reset();
    const transport = new Transport();
    transport.preconnect(plain.url, 3);
    await waitFor('three connections opened ahead', async () => plain.sockets.length === 3, 2_000);
    const answers = await Promise.all([1, 2, 3].map((n) => transport.send({ method: 'GET', url: `${plain.url}/v2/${n}` })));
    for (const answer of answers) assert.equal(await answer.text(), 'ok');
    assert.equal(plain.sockets.length, 3, 'no connection beyond the three opened ahead');
    assert.deepEqual(new Set(plain.served.map((s) => s.socket)), new Set([0, 1, 2]), 'each request on its own spare');
    // Asking again tops up to the count; it does not add three more.
    transport.preconnect(plain.url, 3);
    transport.preconnect(plain.url, 3);
    await waitFor('three new spares (the used ones went back to the pool)', async () => plain.sockets.length === 6, 2_000);
    await sleep(50);
    assert.equal(plain.sockets.length, 6);
  });

  it('skips a spare the server has closed and opens a connection instead', async () => {
    reset();
    const transport = new Transport();
    transport.preconnect(plain.url, 1);
    await waitFor('the spare connected', async () => plain.sockets.length === 1, 2_000);
    plain.sockets[0]?.destroy();
    await sleep(50);
    const answer = await transport.send({ method: 'GET', url: `${plain.url}/v2/` });
    assert.equal(await answer.text(), 'ok');
    assert.equal(plain.sockets.length, 2);
    assert.equal(plain.served[0]?.socket, 1, 'served on the new connection');
  });

  describe('over TLS', () => {
    let dir: string;
    let tls: Counting;
    let previousTlsSetting: string | undefined;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'd2ci-tls-'));
      const server = createHttpsServer(loopbackCertificate(dir));
      tls = await listen(server, 'https', 'secureConnection');
      // The certificate is self-signed; trust it for this test process only.
      previousTlsSetting = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    });
    after(async () => {
      if (previousTlsSetting === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previousTlsSetting;
      await tls.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('completes the TLS handshake ahead, and the requests use those connections', async () => {
      const transport = new Transport();
      transport.preconnect(tls.url, 2);
      await waitFor('two TLS connections set up ahead', async () => tls.sockets.length === 2, 2_000);
      const answers = await Promise.all([1, 2].map((n) => transport.send({ method: 'HEAD', url: `${tls.url}/v2/${n}` })));
      assert.deepEqual(
        answers.map((a) => a.status),
        [200, 200],
      );
      assert.equal(tls.sockets.length, 2, 'no handshake beyond the two done ahead');
    });
  });
});
