import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  RegistryClient,
  AuthSession,
  Transport,
  OciError,
  MediaType,
  bytesSource,
  type Credential,
  type RegistryClientOptions,
} from '@d2ci/core/oci';
import { FakeRegistry, blob, imageManifest, json, startServer, requestsTo, type Recorded, type ScriptedServer } from './fixtures.ts';

const user = 'ci';
const password = `pw-${randomBytes(6).toString('hex')}`;
const refreshToken = `rt-${randomBytes(6).toString('hex')}`;
const service = 'fake-registry';
const basic = (name: string, pass: string): string => `Basic ${Buffer.from(`${name}:${pass}`).toString('base64')}`;
const retry = { attempts: 2, baseDelayMs: 5, maxDelayMs: 10 };

interface Grant {
  user: string | undefined;
  /** resource → granted actions */
  access: Map<string, Set<string>>;
}

interface TokenRequest {
  method: string;
  user: string | undefined;
  service: string | null;
  scopes: string[];
  grant: string;
  clientId: string | null;
  refreshToken: string | null;
}

/**
 * A Docker-token-spec auth server: grants what it is asked for to the known user, only `pull` to anonymous
 * callers, and answers the OAuth2 refresh_token grant for identity tokens.
 */
class TokenService {
  readonly issued = new Map<string, Grant>();
  readonly requests: TokenRequest[] = [];
  expiresIn: number | undefined = 300;
  issuedAt: (() => string) | undefined;
  status: number | undefined;
  server!: ScriptedServer;

  async start(): Promise<void> {
    this.server = await startServer((req, res) => this.#handle(req, res));
  }

  get realm(): string {
    return `${this.server.url}/token`;
  }

  #handle(req: Recorded, res: Parameters<ScriptedServer['handler']>[1]): void {
    let who: string | undefined;
    let scopes: string[];
    let grant: string;
    let request: TokenRequest;
    if (req.method === 'POST') {
      const form = new URLSearchParams(req.body.toString('utf8'));
      scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
      grant = form.get('grant_type') ?? '';
      who = grant === 'refresh_token' && form.get('refresh_token') === refreshToken ? user : undefined;
      request = {
        method: 'POST',
        user: who,
        service: form.get('service'),
        scopes,
        grant,
        clientId: form.get('client_id'),
        refreshToken: form.get('refresh_token'),
      };
      this.requests.push(request);
      if (!who) return void json(res, 401, { error: 'invalid_grant' });
    } else {
      scopes = req.url.searchParams
        .getAll('scope')
        .flatMap((s) => s.split(' '))
        .filter(Boolean);
      const auth = req.headers.authorization;
      grant = 'anonymous';
      if (auth) {
        if (auth !== basic(user, password)) {
          this.requests.push({
            method: 'GET',
            user: 'rejected',
            service: req.url.searchParams.get('service'),
            scopes,
            grant: 'basic',
            clientId: null,
            refreshToken: null,
          });
          return void json(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }] });
        }
        who = user;
        grant = 'basic';
      }
      request = {
        method: 'GET',
        user: who,
        service: req.url.searchParams.get('service'),
        scopes,
        grant,
        clientId: null,
        refreshToken: null,
      };
      this.requests.push(request);
    }
    if (this.status) return void json(res, this.status, { details: 'denied by test' });
    const access = new Map<string, Set<string>>();
    for (const scope of scopes) {
      const cut = scope.lastIndexOf(':');
      const actions = scope
        .slice(cut + 1)
        .split(',')
        .filter((a) => who !== undefined || a === 'pull');
      const set = access.get(scope.slice(0, cut)) ?? new Set<string>();
      for (const action of actions) set.add(action);
      access.set(scope.slice(0, cut), set);
    }
    const token = `tok-${randomBytes(8).toString('hex')}`;
    this.issued.set(token, { user: who, access });
    const body: Record<string, unknown> = req.method === 'POST' ? { access_token: token } : { token };
    if (this.expiresIn !== undefined) body.expires_in = this.expiresIn;
    if (this.issuedAt) body.issued_at = this.issuedAt();
    json(res, 200, body);
  }
}

/** A registry that wants bearer tokens from `tokens`, checking each token's grants against what the request needs. */
function bearerRegistry(tokens: TokenService): FakeRegistry {
  return new FakeRegistry({
    authorize: (req, need, name) => {
      const wanted = [[`repository:${name}`, need === 'push' ? 'push' : need]];
      const from = req.url.searchParams.get('from');
      if (from) wanted.push([`repository:${from}`, 'pull']);
      const scope = name ? ` ,scope="repository:${name}:${need === 'push' ? 'pull,push' : need}"` : '';
      const challenge = `Bearer realm="${tokens.realm}",service="${service}"${scope.replace(' ,', ',')}`;
      const header = req.headers.authorization;
      if (!header?.startsWith('Bearer ')) return challenge;
      const grant = tokens.issued.get(header.slice(7));
      if (!grant) return `${challenge},error="invalid_token"`;
      if (!name) return undefined;
      const ok = wanted.every(([resource = '', action = '']) => grant.access.get(resource)?.has(action));
      return ok ? undefined : `${challenge},error="insufficient_scope"`;
    },
  });
}

describe('registry auth: Basic challenge', () => {
  let registry: FakeRegistry;
  let server: ScriptedServer;
  before(async () => {
    registry = new FakeRegistry({
      authorize: (req) => (req.headers.authorization === basic(user, password) ? undefined : 'Basic realm="fake-basic"'),
    });
    server = await startServer(registry.handle);
    registry.seedManifest('acme/app', blob('{}'), 'v1');
  });
  after(() => server.close());
  beforeEach(() => (server.requests.length = 0));

  it('answers the challenge with Basic credentials, then sends them up front', async () => {
    const secrets: string[] = [];
    let lookups = 0;
    const client = new RegistryClient({
      credentials: async (host) => {
        lookups++;
        return host === server.host ? { username: user, password } : undefined;
      },
      onSecret: (s) => secrets.push(s),
      transport: { retry },
    });
    const repo = client.repository({ registry: server.host, repository: 'acme/app' });
    assert.deepEqual(await repo.tags(), ['v1']);
    assert.deepEqual(
      server.requests.map((r) => r.headers.authorization),
      [undefined, basic(user, password)],
    );
    assert.deepEqual(await repo.tags(), ['v1']);
    assert.deepEqual(
      server.requests.map((r) => r.headers.authorization),
      [undefined, basic(user, password), basic(user, password)],
    );
    assert.deepEqual(secrets, [password]);
    assert.equal(lookups, 1, 'credentials are looked up once per host');
  });

  it('fails with a 401 OciError after one retry when the password is wrong', async () => {
    const client = new RegistryClient({ credentials: async () => ({ username: user, password: 'wrong' }), transport: { retry } });
    await assert.rejects(client.repository({ registry: server.host, repository: 'acme/app' }).tags(), (err: unknown) => {
      assert.ok(err instanceof OciError);
      assert.equal(err.status, 401);
      assert.equal(err.code, 'UNAUTHORIZED');
      assert.match(err.message, new RegExp(`list tags of ${server.host}/acme/app: 401 UNAUTHORIZED`));
      return true;
    });
    assert.equal(server.requests.length, 2);
  });

  it('does not retry a Basic challenge it has no credentials for', async () => {
    const client = new RegistryClient({ transport: { retry } });
    await assert.rejects(
      client.repository({ registry: server.host, repository: 'acme/app' }).tags(),
      (err: OciError) => err.status === 401,
    );
    assert.equal(server.requests.length, 1);
  });
});

describe('registry auth: Bearer tokens', () => {
  let tokens: TokenService;
  let registry: FakeRegistry;
  let server: ScriptedServer;
  before(async () => {
    tokens = new TokenService();
    await tokens.start();
    registry = bearerRegistry(tokens);
    server = await startServer(registry.handle);
    const config = blob('{}', MediaType.ociEmpty).descriptor;
    registry.seedManifest('acme/app', imageManifest({ config, layers: [] }), 'v1');
    registry.seedManifest('acme/other', imageManifest({ config, layers: [], annotations: { x: '1' } }), 'v2');
  });
  after(async () => {
    await server.close();
    await tokens.server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
    tokens.requests.length = 0;
    tokens.server.requests.length = 0;
    tokens.expiresIn = 300;
    tokens.issuedAt = undefined;
    tokens.status = undefined;
  });
  const clientWith = (credential: Credential | undefined, extra: Partial<RegistryClientOptions> = {}): RegistryClient =>
    new RegistryClient({ credentials: async (host) => (host === server.host ? credential : undefined), transport: { retry }, ...extra });

  it('fetches a token from the realm with service, scope and Basic credentials, and retries with it', async () => {
    const secrets: string[] = [];
    const client = clientWith({ username: user, password }, { onSecret: (s) => secrets.push(s) });
    assert.deepEqual(await client.repository({ registry: server.host, repository: 'acme/app' }).tags(), ['v1']);
    assert.deepEqual(tokens.requests, [
      { method: 'GET', user, service, scopes: ['repository:acme/app:pull'], grant: 'basic', clientId: null, refreshToken: null },
    ]);
    const tokenRequest = tokens.server.requests[0];
    assert.equal(tokenRequest?.url.searchParams.get('service'), service);
    assert.equal(tokenRequest?.headers.authorization, basic(user, password));
    const [first, second] = server.requests;
    assert.equal(first?.headers.authorization, undefined);
    assert.match(second?.headers.authorization ?? '', /^Bearer tok-/);
    assert.ok(tokens.issued.has(second?.headers.authorization?.slice(7) ?? ''));
    // Credentials go to the token realm only, never to the registry itself; every secret is reported.
    assert.ok(server.requests.every((r) => !r.headers.authorization?.startsWith('Basic')));
    assert.deepEqual(secrets, [password, second?.headers.authorization?.slice(7)]);
  });

  it('gets anonymous tokens without credentials', async () => {
    const client = clientWith(undefined);
    assert.deepEqual(await client.repository({ registry: server.host, repository: 'acme/app' }).tags(), ['v1']);
    assert.equal(tokens.requests.length, 1);
    assert.equal(tokens.requests[0]?.grant, 'anonymous');
    assert.equal(tokens.server.requests[0]?.headers.authorization, undefined);
  });

  it('caches the token: the next request sends it up front and the token server is not asked again', async () => {
    const client = clientWith({ username: user, password });
    const repo = client.repository({ registry: server.host, repository: 'acme/app' });
    await repo.tags();
    const token = server.requests[1]?.headers.authorization;
    server.requests.length = 0;
    await repo.tags();
    await repo.resolve('v1');
    assert.equal(tokens.requests.length, 1);
    assert.deepEqual(
      server.requests.map((r) => [r.method, r.headers.authorization]),
      [
        ['GET', token],
        ['HEAD', token],
      ],
    );
  });

  it('keeps tokens apart per repository', async () => {
    const client = clientWith({ username: user, password });
    await client.repository({ registry: server.host, repository: 'acme/app' }).tags();
    assert.deepEqual(await client.repository({ registry: server.host, repository: 'acme/other' }).tags(), ['v2']);
    assert.deepEqual(
      tokens.requests.map((r) => r.scopes),
      [['repository:acme/app:pull'], ['repository:acme/other:pull']],
    );
  });

  it('reuses a pull,push token for later pull-only requests', async () => {
    const client = clientWith({ username: user, password });
    const repo = client.repository({ registry: server.host, repository: 'acme/app' });
    const data = blob(randomBytes(32));
    await repo.push(data.descriptor, bytesSource(data.bytes));
    assert.deepEqual(
      tokens.requests.map((r) => r.scopes),
      [['repository:acme/app:pull,push']],
    );
    server.requests.length = 0;
    // Another repository object of the same client (one that did not push the blob, so it asks the registry).
    const reader = client.repository({ registry: server.host, repository: 'acme/app' });
    assert.ok(await reader.exists(data.descriptor));
    assert.deepEqual(await reader.tags(), ['v1']);
    assert.equal(tokens.requests.length, 1, 'no new token for pulls');
    assert.equal(server.requests.length, 2, 'no 401 round trips');
  });

  it('asks for one token covering both repositories on a cross-repository mount', async () => {
    const client = clientWith({ username: user, password });
    const data = blob(randomBytes(16));
    registry.seedBlob('acme/other', data.bytes);
    const result = await client
      .repository({ registry: server.host, repository: 'acme/app' })
      .mount(data.descriptor, 'acme/other', bytesSource(data.bytes));
    assert.equal(result, 'mounted');
    assert.deepEqual(
      tokens.requests.map((r) => r.scopes),
      [['repository:acme/app:pull,push', 'repository:acme/other:pull']],
    );
  });

  it('shares one token request between concurrent requests', async () => {
    const client = clientWith({ username: user, password });
    const repo = client.repository({ registry: server.host, repository: 'acme/app' });
    const results = await Promise.all(Array.from({ length: 6 }, () => repo.tags()));
    assert.ok(results.every((t) => t.length === 1 && t[0] === 'v1'));
    assert.equal(tokens.requests.length, 1);
  });

  it('exchanges an identity token with the OAuth2 refresh_token grant (POST)', async () => {
    const secrets: string[] = [];
    const client = clientWith({ identityToken: refreshToken }, { onSecret: (s) => secrets.push(s) });
    assert.deepEqual(await client.repository({ registry: server.host, repository: 'acme/app' }).tags(), ['v1']);
    assert.deepEqual(tokens.requests, [
      { method: 'POST', user, service, scopes: ['repository:acme/app:pull'], grant: 'refresh_token', clientId: 'd2ci', refreshToken },
    ]);
    const post = tokens.server.requests[0];
    assert.equal(post?.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(post?.headers.authorization, undefined);
    const access = server.requests[1]?.headers.authorization?.slice(7);
    assert.deepEqual(secrets, [refreshToken, access]);
  });

  it('reports a rejected identity token or password as UNAUTHORIZED and a 403 as DENIED', async () => {
    await assert.rejects(
      clientWith({ identityToken: 'not-valid' }).repository({ registry: server.host, repository: 'acme/app' }).tags(),
      (err: OciError) =>
        err.code === 'UNAUTHORIZED' &&
        err.status === 401 &&
        new RegExp(`token server ${tokens.server.host} for ${server.host} rejected the credentials \\(401`).test(err.message),
    );
    await assert.rejects(
      clientWith({ username: user, password: 'nope' }).repository({ registry: server.host, repository: 'acme/app' }).tags(),
      (err: OciError) => err.code === 'UNAUTHORIZED' && /rejected the credentials/.test(err.message),
    );
    tokens.status = 403;
    await assert.rejects(
      clientWith(undefined).repository({ registry: server.host, repository: 'acme/app' }).tags(),
      (err: OciError) =>
        err.code === 'DENIED' && err.status === 403 && /refused anonymous access \(403: .*denied by test/.test(err.message),
    );
  });

  it('retries once on insufficient scope, then fails with a 401 OciError', async () => {
    const client = clientWith(undefined); // anonymous: the token server grants pull only
    const repo = client.repository({ registry: server.host, repository: 'acme/app' });
    const data = blob(randomBytes(8));
    await assert.rejects(repo.push(data.descriptor, bytesSource(data.bytes)), (err: unknown) => {
      assert.ok(err instanceof OciError);
      assert.equal(err.status, 401);
      assert.match(err.message, /start upload of sha256:[0-9a-f]{64} to .*acme\/app: 401 UNAUTHORIZED/);
      return true;
    });
    assert.equal(requestsTo(server.requests, 'POST', /blobs\/uploads\/$/).length, 2);
    assert.equal(tokens.requests.length, 1);
    // Again with the (useless) cached token: it is rejected once, a fresh token is fetched, and that is the one retry.
    server.requests.length = 0;
    await assert.rejects(repo.push(data.descriptor, bytesSource(data.bytes)), (err: OciError) => err.status === 401);
    assert.equal(server.requests.length, 2);
    assert.equal(tokens.requests.length, 2);
    assert.notEqual(server.requests[0]?.headers.authorization, server.requests[1]?.headers.authorization);
  });

  it('refetches a token that has expired (small expires_in) instead of sending it', async () => {
    tokens.expiresIn = 5; // within the client's safety margin: stale as soon as it is issued
    const client = clientWith({ username: user, password });
    const repo = client.repository({ registry: server.host, repository: 'acme/app' });
    await repo.tags();
    await repo.tags();
    await repo.tags();
    assert.equal(tokens.requests.length, 3);
    // After the first challenge the scheme is known: later requests fetch the new token up front (no 401).
    assert.deepEqual(
      server.requests.map((r) => r.headers.authorization === undefined),
      [true, false, false, false],
    );
    const sent = server.requests.slice(1).map((r) => r.headers.authorization);
    assert.equal(new Set(sent).size, 3, 'each request carried a freshly issued token');
  });

  it('counts a token lifetime from issued_at, and defaults to 60 s without expires_in', async () => {
    tokens.expiresIn = 300;
    tokens.issuedAt = () => new Date(Date.now() - 295_000).toISOString();
    const old = clientWith({ username: user, password }).repository({ registry: server.host, repository: 'acme/app' });
    await old.tags();
    await old.tags();
    assert.equal(tokens.requests.length, 2, 'a token issued 295 s ago with a 300 s lifetime is not reused');

    tokens.requests.length = 0;
    tokens.expiresIn = undefined;
    tokens.issuedAt = undefined;
    const fresh = clientWith({ username: user, password }).repository({ registry: server.host, repository: 'acme/app' });
    await fresh.tags();
    await fresh.tags();
    assert.equal(tokens.requests.length, 1, 'the default lifetime outlives two requests');
  });

  it('sends a registry token (docker registrytoken) as is, without asking the token server', async () => {
    const token = `tok-${randomBytes(4).toString('hex')}`;
    tokens.issued.set(token, { user, access: new Map([['repository:acme/app', new Set(['pull'])]]) });
    const secrets: string[] = [];
    const client = clientWith({ registryToken: token }, { onSecret: (s) => secrets.push(s) });
    assert.deepEqual(await client.repository({ registry: server.host, repository: 'acme/app' }).tags(), ['v1']);
    assert.deepEqual(
      server.requests.map((r) => r.headers.authorization),
      [`Bearer ${token}`],
    );
    assert.equal(tokens.requests.length, 0);
    assert.deepEqual(secrets, [token]);
  });
});

describe('AuthSession on its own', () => {
  it('ignores challenges it cannot answer and a repeated rejection', async () => {
    const session = new AuthSession(new Transport(), { credentials: async () => ({ username: 'u', password: 'p' }) });
    assert.equal(await session.challenge('r.example', null, [], undefined), undefined);
    assert.equal(await session.challenge('r.example', 'Negotiate abc', [], undefined), undefined);
    const header = await session.challenge('r.example', 'Basic realm="x"', [], undefined);
    assert.equal(header, basic('u', 'p'));
    assert.equal(await session.challenge('r.example', 'Basic realm="x"', [], header), undefined, 'the same header is not sent twice');
    assert.equal(await session.authorization('r.example', []), header);
    assert.equal(await session.authorization('other.example', []), undefined, 'another host has no known scheme yet');
  });

  it('surfaces a registry Warning header (299) to onWarning', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, {
        warning: '299 - "this repository is deprecated", 299 - "second \\"quoted\\" note"',
        'content-type': 'application/json',
      });
      res.end(JSON.stringify({ name: 'a', tags: [] }));
    });
    try {
      const warnings: string[] = [];
      const client = new RegistryClient({ onWarning: (w) => warnings.push(w) });
      await client.repository({ registry: server.host, repository: 'a' }).tags();
      assert.deepEqual(warnings, [`${server.host}: this repository is deprecated`, `${server.host}: second \\"quoted\\" note`]);
    } finally {
      await server.close();
    }
  });
});
