// Hostile registries, through the CLI as users run it: a fault proxy in front of a real registry rewrites what the
// registry answers (Link, Location, realms, error bodies), stalls, truncates and corrupts; "another origin" records
// whatever reaches it. Each case asserts the exit code, the one line printed, and what reached whom.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startFaultProxy, startOtherOrigin, type FaultProxy } from '../harness/fault-proxy.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';
import { d2ci } from '../harness/cli.ts';

/** The CLI's failure: one ✗ line, the last on stderr (progress lines start with ►). */
const oneLine = (stderr: string): string => {
  const lines = stderr.trim().split('\n');
  assert.equal(lines.filter((l) => !l.startsWith('► ')).length, 1, `one error line expected, got:\n${stderr}`);
  assert.match(lines.at(-1) ?? '', /^✗ /);
  return lines.at(-1) ?? '';
};

describe('hostile registries (network)', () => {
  let registry: LocalRegistry;
  let proxy: FaultProxy;
  let ws: string;
  let creds: string;
  const other = { current: undefined as Awaited<ReturnType<typeof startOtherOrigin>> | undefined };

  before(async () => {
    registry = await startRegistry('htpasswd');
    proxy = await startFaultProxy(registry.url);
    other.current = await startOtherOrigin();
    ws = makeWorkspace(componentFiles);
    creds = `${registry.username}:${registry.password}`;
    const pushed = await d2ci(
      [
        'push',
        `oci://${proxy.host}/acme/app:v1`,
        '--path',
        'components/frontend',
        '--source',
        's',
        '--revision',
        'main@sha1:1',
        '--creds',
        creds,
      ],
      ws,
    );
    assert.equal(pushed.code, 0, pushed.stderr);
  });
  after(async () => {
    await proxy.close();
    await other.current?.close();
    await registry.stop();
  });

  const reset = (): void => {
    proxy.plan = () => ({ kind: 'pass' });
    proxy.log.length = 0;
    if (other.current) other.current.requests.length = 0;
  };

  it('a Link rel=next to another origin: list fails naming it, and the other origin receives nothing', async () => {
    reset();
    const to = other.current?.url ?? '';
    proxy.plan = ({ path }) =>
      path.includes('/tags/list')
        ? { kind: 'headers', rewrite: (h) => ({ ...h, link: `<${to}/v2/acme/app/tags/list?last=v1>; rel="next"` }) }
        : { kind: 'pass' };
    const listed = await d2ci(['list', `oci://${proxy.host}/acme/app`, '--creds', creds], ws);
    assert.equal(listed.code, 1);
    assert.match(oneLine(listed.stderr), new RegExp(`pointed a GET request at another origin \\(${to.replace(/[.]/g, '\\.')}\\)`));
    assert.deepEqual(other.current?.requests, []);
  });

  it('a same-origin Link rel=next is followed (pagination still works)', async () => {
    reset();
    let first = true;
    proxy.plan = ({ path }) => {
      if (!path.includes('/tags/list') || !first) return { kind: 'pass' };
      first = false;
      return { kind: 'headers', rewrite: (h) => ({ ...h, link: '</v2/acme/app/tags/list?n=1000&last=v1>; rel="next"' }) };
    };
    const listed = await d2ci(['list', `oci://${proxy.host}/acme/app`, '--creds', creds, '-o', 'json'], ws);
    assert.equal(listed.code, 0, listed.stderr);
    assert.equal(proxy.log.filter((r) => r.path.includes('/tags/list')).length, 2, JSON.stringify(proxy.log));
  });

  it('an upload Location on another origin: push fails, the blob and credentials go nowhere, no tag is written', async () => {
    reset();
    const to = other.current?.url ?? '';
    proxy.plan = ({ method, path }) =>
      method === 'POST' && path.includes('/blobs/uploads/')
        ? { kind: 'headers', rewrite: (h) => ({ ...h, location: `${to}/v2/acme/steal/blobs/uploads/x` }) }
        : { kind: 'pass' };
    const pushed = await d2ci(
      [
        'push',
        `oci://${proxy.host}/acme/steal:v1`,
        '--path',
        'components/frontend',
        '--source',
        's',
        '--revision',
        'main@sha1:2',
        '--creds',
        creds,
      ],
      ws,
    );
    assert.equal(pushed.code, 1);
    assert.match(oneLine(pushed.stderr), /pointed a (PUT|PATCH) request at another origin/);
    assert.deepEqual(other.current?.requests, []);
    assert.equal(proxy.log.filter((r) => r.method === 'PUT' && r.path.includes('/manifests/')).length, 0, 'no manifest was written');
  });

  it('a registry that never answers: the request times out, is retried within the budget, and fails naming the host', async () => {
    reset();
    proxy.plan = () => ({ kind: 'stall' });
    const listed = await d2ci(['list', `oci://${proxy.host}/acme/app`, '--timeout', '1'], ws);
    assert.equal(listed.code, 1);
    const line = oneLine(listed.stderr);
    assert.match(line, new RegExp(`${proxy.host} sent no response to GET /v2/.* for 1 s`));
    assert.match(line, /retry budget of 3 s is spent|after 6 attempts/);
    assert.ok(proxy.log.length >= 2 && proxy.log.length <= 6, `${proxy.log.length} requests`);
  });

  it('a registry that stalls in the middle of a blob: pull fails with the idle timeout, and writes no output', async () => {
    reset();
    proxy.plan = ({ path }) => (path.includes('/blobs/sha256:') ? { kind: 'stall-body', bytes: 10 } : { kind: 'pass' });
    const out = join(ws, 'out-stall');
    const pulled = await d2ci(['pull', `oci://${proxy.host}/acme/app:v1`, '--output', out, '--creds', creds, '--timeout', '1'], ws);
    assert.equal(pulled.code, 1);
    assert.match(oneLine(pulled.stderr), new RegExp(`${proxy.host} stalled while sending a response body for 1 s`));
    assert.equal(existsSync(out), false);
  });

  it('a persistent 429 asking for more than the budget: one request, then a clear error', async () => {
    reset();
    proxy.plan = () => ({ kind: 'status', status: 429, retryAfter: '10' });
    const listed = await d2ci(['list', `oci://${proxy.host}/acme/app`, '--timeout', '2'], ws);
    assert.equal(listed.code, 1);
    assert.match(
      oneLine(listed.stderr),
      /429 TOOMANYREQUESTS.*registry asked to retry after 10s.*gave up: waiting longer would exceed the retry budget/,
    );
    assert.equal(proxy.log.length, 1);
  });

  it('a persistent 429 with a short Retry-After: retried until the budget is spent, not 6 × 6 times', async () => {
    reset();
    proxy.plan = () => ({ kind: 'status', status: 429, retryAfter: '1' });
    const listed = await d2ci(['list', `oci://${proxy.host}/acme/app`, '--timeout', '1'], ws);
    assert.equal(listed.code, 1);
    assert.match(oneLine(listed.stderr), /429 TOOMANYREQUESTS/);
    assert.ok(proxy.log.length <= 4, `${proxy.log.length} requests`);
  });

  it('a blob whose bytes do not match its digest: pull fails naming the digest, and writes no output', async () => {
    reset();
    proxy.plan = ({ path }) => (path.includes('/blobs/sha256:') ? { kind: 'corrupt' } : { kind: 'pass' });
    const out = join(ws, 'out-corrupt');
    const pulled = await d2ci(['pull', `oci://${proxy.host}/acme/app:v1`, '--output', out, '--creds', creds], ws);
    assert.equal(pulled.code, 1);
    assert.match(oneLine(pulled.stderr), /sha256:[0-9a-f]{64}/);
    assert.equal(existsSync(out), false);
  });

  it('an error body with terminal escapes and a workflow command: printed escaped, on one line', async () => {
    reset();
    const body = JSON.stringify({ errors: [{ code: 'DENIED', message: 'no\u001b[31m red\n::warning::owned\r\n::add-mask::x' }] });
    proxy.plan = ({ path }) => (path.includes('/tags/list') ? { kind: 'status', status: 403, body } : { kind: 'pass' });
    const listed = await d2ci(['list', `oci://${proxy.host}/acme/app`, '--creds', creds], ws);
    assert.equal(listed.code, 1);
    const line = oneLine(listed.stderr);
    assert.doesNotMatch(listed.stderr, /\u001b/);
    assert.doesNotMatch(listed.stderr, /^::/m);
    assert.match(line, /403 DENIED: no\\u001b\[31m red ::warning::owned ::add-mask::x/);
  });

  it('a connection reset on a manifest read is retried, and the listing succeeds', async () => {
    reset();
    let dropped = 0;
    proxy.plan = ({ path }) => (path.includes('/manifests/') && dropped++ < 2 ? { kind: 'drop' } : { kind: 'pass' });
    const listed = await d2ci(['list', `oci://${proxy.host}/acme/app`, '--creds', creds, '-o', 'json'], ws);
    assert.equal(listed.code, 0, listed.stderr);
    assert.equal(dropped >= 2, true);
  });

  it('a registry that always resets the connection: one line naming the host, after the attempts', async () => {
    reset();
    proxy.plan = () => ({ kind: 'drop' });
    const listed = await d2ci(['list', `oci://${proxy.host}/acme/app`, '--timeout', '1'], ws);
    assert.equal(listed.code, 1);
    assert.match(oneLine(listed.stderr), new RegExp(`request to ${proxy.host} failed: .*\\(after \\d attempts`));
  });

  it('a blob cut short mid-transfer: pull fails naming it, and writes no output', async () => {
    reset();
    proxy.plan = ({ path }) => (path.includes('/blobs/sha256:') ? { kind: 'truncate', bytes: 20 } : { kind: 'pass' });
    const out = join(ws, 'out-truncated');
    const pulled = await d2ci(['pull', `oci://${proxy.host}/acme/app:v1`, '--output', out, '--creds', creds], ws);
    assert.equal(pulled.code, 1);
    assert.match(
      oneLine(pulled.stderr),
      new RegExp(`^✗ ${proxy.host} closed the connection while sending /v2/acme/app/blobs/sha256:[0-9a-f]{64} \\(after 20 bytes\\)$`),
    );
    assert.equal(existsSync(out), false);
  });

  it("a persistent 503: retried within the budget, then the registry's own answer in one line", async () => {
    reset();
    proxy.plan = () => ({ kind: 'status', status: 503 });
    const listed = await d2ci(['list', `oci://${proxy.host}/acme/app`, '--timeout', '1'], ws);
    assert.equal(listed.code, 1);
    assert.match(oneLine(listed.stderr), /503 UNAVAILABLE: injected fault \(after \d attempts\)/);
    assert.ok(proxy.log.length <= 6, `${proxy.log.length} requests`);
  });

  it('a Link rel=next with a non-HTTP scheme is refused like another origin', async () => {
    reset();
    proxy.plan = ({ path }) =>
      path.includes('/tags/list')
        ? { kind: 'headers', rewrite: (h) => ({ ...h, link: '<file:///etc/passwd>; rel="next"' }) }
        : { kind: 'pass' };
    const listed = await d2ci(['list', `oci://${proxy.host}/acme/app`, '--creds', creds], ws);
    assert.equal(listed.code, 1);
    assert.match(oneLine(listed.stderr), /pointed a GET request at another origin \(null\)|another origin/);
  });

  it('a Link rel=next that loops back to itself ends the listing instead of spinning', async () => {
    reset();
    proxy.plan = ({ path }) =>
      path.includes('/tags/list')
        ? { kind: 'headers', rewrite: (h) => ({ ...h, link: '</v2/acme/app/tags/list?n=1000>; rel="next"' }) }
        : { kind: 'pass' };
    const listed = await d2ci(['list', `oci://${proxy.host}/acme/app`, '--creds', creds, '-o', 'json'], ws);
    assert.equal(listed.code, 0, listed.stderr);
    assert.ok(proxy.log.filter((r) => r.path.includes('/tags/list')).length <= 4);
  });

  it('a tags list that is not JSON: one line naming what was read', async () => {
    reset();
    proxy.plan = ({ path }) =>
      path.includes('/tags/list') ? { kind: 'status', status: 200, body: '<html>login</html>' } : { kind: 'pass' };
    const listed = await d2ci(['list', `oci://${proxy.host}/acme/app`, '--creds', creds], ws);
    assert.equal(listed.code, 1);
    assert.match(oneLine(listed.stderr), /^✗ the tag list of .*acme\/app is not JSON \(application\/json\): "<html>login<\/html>"$/);
  });

  it('a tag whose manifest does not match its digest is named and skipped by list; the others are listed', async () => {
    reset();
    const more = await d2ci(
      [
        'push',
        `oci://${proxy.host}/acme/app:v2`,
        '--path',
        'components/frontend/base',
        '--source',
        's',
        '--revision',
        'main@sha1:3',
        '--creds',
        creds,
      ],
      ws,
    );
    assert.equal(more.code, 0, more.stderr);
    proxy.plan = ({ method, path }) => (method === 'GET' && path.endsWith('/manifests/v1') ? { kind: 'corrupt' } : { kind: 'pass' });
    const listed = await d2ci(['list', `oci://${proxy.host}/acme/app`, '--creds', creds, '-o', 'json'], ws);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stderr, /^⚠ v1 skipped: /m);
    assert.deepEqual(
      (JSON.parse(listed.stdout) as { tag: string }[]).map((a) => a.tag),
      ['v2'],
    );
  });
});
