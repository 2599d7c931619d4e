// Credentials go only to the origin that asked for them: token realms that downgrade to HTTP or embed userinfo are
// refused before anything is sent; explicit credentials are scoped to their registry (image-update reads many).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AuthSession, OciError, Transport, registryCredentials } from '@d2ci/core';
import { d2ci } from '../harness/cli.ts';
import { makeWorkspace } from '../harness/workspace.ts';

/** A transport that records what would be sent and never sends it. */
function recordingTransport(): { transport: Transport; sent: string[] } {
  const sent: string[] = [];
  const transport = new Transport();
  transport.send = (request) => {
    sent.push(String(request.url));
    return Promise.resolve(new Response('{"token":"t"}', { status: 200 }));
  };
  return { transport, sent };
}

const credentials = async () => ({ username: 'ci', password: 'secret' });

describe('token realms', () => {
  it('an HTTPS registry naming an http:// realm: refused, the credentials are not sent', async () => {
    const { transport, sent } = recordingTransport();
    const auth = new AuthSession(transport, { credentials, secureRegistry: () => true });
    await assert.rejects(
      auth.challenge(
        'registry.example.com',
        'Bearer realm="http://registry.example.com/token",service="r"',
        ['repository:a:pull'],
        undefined,
      ),
      (err: OciError) => {
        assert.equal(err.code, 'INSECURE_REALM');
        assert.match(
          err.message,
          /registry\.example\.com asks for credentials at http:\/\/registry\.example\.com, not HTTPS; d2ci does not send credentials there/,
        );
        return true;
      },
    );
    assert.deepEqual(sent, []);
  });

  it('a realm with another scheme (file:, ftp:) is refused', async () => {
    for (const realm of ['file:///etc/passwd', 'ftp://registry.example.com/token']) {
      const { transport, sent } = recordingTransport();
      const auth = new AuthSession(transport, { credentials, secureRegistry: () => true });
      await assert.rejects(
        auth.challenge('registry.example.com', `Bearer realm="${realm}"`, [], undefined),
        (err: OciError) => err.code === 'INSECURE_REALM',
      );
      assert.deepEqual(sent, []);
    }
  });

  it('a realm with embedded userinfo is refused', async () => {
    const { transport, sent } = recordingTransport();
    const auth = new AuthSession(transport, { credentials, secureRegistry: () => true });
    await assert.rejects(
      auth.challenge('registry.example.com', 'Bearer realm="https://u:p@auth.example.com/token"', [], undefined),
      (err: OciError) => err.code === 'INVALID_REALM',
    );
    assert.deepEqual(sent, []);
  });

  it('a realm that is not a URL is refused with a clear code', async () => {
    const { transport } = recordingTransport();
    const auth = new AuthSession(transport, { credentials, secureRegistry: () => true });
    await assert.rejects(
      auth.challenge('registry.example.com', 'Bearer realm="not a url"', [], undefined),
      (err: OciError) => err.code === 'INVALID_REALM',
    );
  });

  it('an HTTPS realm on another host (as Docker Hub uses auth.docker.io) is used', async () => {
    const { transport, sent } = recordingTransport();
    const auth = new AuthSession(transport, { credentials, secureRegistry: () => true });
    const header = await auth.challenge(
      'registry-1.docker.io',
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io"',
      ['repository:library/alpine:pull'],
      undefined,
    );
    assert.equal(header, 'Bearer t');
    assert.equal(new URL(sent[0] ?? '').host, 'auth.docker.io');
  });

  it('a plain-HTTP registry may use a plain-HTTP realm (a local registry with token auth)', async () => {
    const { transport, sent } = recordingTransport();
    const auth = new AuthSession(transport, { credentials, secureRegistry: () => false });
    assert.equal(await auth.challenge('127.0.0.1:5000', 'Bearer realm="http://127.0.0.1:5001/token"', [], undefined), 'Bearer t');
    assert.equal(sent.length, 1);
  });
});

describe('explicit credentials are scoped to their registry', () => {
  it('registryCredentials({registry}) answers for that registry only', async () => {
    const lookup = registryCredentials({ username: 'ci', password: 'secret', registry: 'registry.example.com', dockerConfig: false });
    assert.deepEqual(await lookup('registry.example.com'), { username: 'ci', password: 'secret' });
    assert.equal(await lookup('evil.example.com'), undefined);
  });

  it('d2ci image-update --creds without --creds-registry is refused (it reads every registry the policies name)', async () => {
    const ws = makeWorkspace({ 'README.md': 'x' });
    const result = await d2ci(['image-update', '--creds', 'ci:secret'], ws);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr.trim(),
      /^✗ --creds needs --creds-registry HOST: image-update reads every registry the ImageRepositories name, and credentials go only to the registry they are for$/,
    );
    const lonely = await d2ci(['image-update', '--creds-registry', 'r.example.com'], ws);
    assert.equal(lonely.code, 1);
    assert.match(lonely.stderr.trim(), /^✗ --creds-registry names the registry --creds are for; give --creds USER:PASS too$/);
  });

  it('--timeout that is not a duration is refused, naming the flag', async () => {
    const ws = makeWorkspace({ 'README.md': 'x' });
    const result = await d2ci(['list', 'oci://127.0.0.1:1/acme/app', '--timeout', 'soon'], ws);
    assert.equal(result.code, 1);
    assert.match(result.stderr.trim(), /^✗ --timeout: "soon" is not a timeout between 1 s and 60 m \(seconds, e\.g\. 30, 45s or 2m\)$/);
  });
});
