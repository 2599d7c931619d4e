import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  ApiCommitError,
  commitViaApi,
  GitHubAppError,
  installationToken,
  openOrUpdatePullRequest,
  type InstallationToken,
} from '../../packages/core/src/imageupdate/index.ts';
import { git, localRemote, type LocalRemote } from '../harness/git.ts';
import { startGitHubApi, type GitHubApi, type StandInApp } from '../harness/github-api.ts';

const appId = '424242';
const installationId = 7001;
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pkcs1 = keys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const pkcs8 = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const app: StandInApp = {
  id: appId,
  publicKey: keys.publicKey,
  installationId,
  slug: 'flux-image-updates',
  repositories: ['acme/apps', 'acme/infra'],
};

function decode(segment: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A JWT signed with `key`, for checking the stand-in applies GitHub's rules. */
function jwt(key: KeyObject, claims: Record<string, unknown>, alg = 'RS256'): string {
  const data = `${Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${data}.${sign('sha256', Buffer.from(data), key).toString('base64url')}`;
}

/** The credentials the stand-in received, in order. */
function credentials(github: GitHubApi): string[] {
  return github.requests.map((r) => /^(?:token|bearer) (\S+)$/i.exec(r.authorization ?? '')?.[1] ?? '').filter(Boolean);
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  assert.fail('expected a rejection');
}

describe('GitHub App installation tokens', () => {
  let github: GitHubApi;
  before(async () => {
    github = await startGitHubApi('acme/apps', { app });
  });
  after(() => github.close());
  beforeEach(() => {
    github.requests.length = 0;
    github.clockSkewSeconds = 0;
    github.tokenLifetimeSeconds = 3600;
  });

  it('signs its JWT as GitHub asks: RS256, iss the app ID, iat backdated, exp at most 10 minutes after', async () => {
    const started = Math.floor(Date.now() / 1000);
    await installationToken({ app: { appId, privateKey: pkcs1 }, repository: 'acme/apps', apiUrl: github.url });
    const finished = Math.floor(Date.now() / 1000);
    const lookup = github.requests.find((r) => r.method === 'GET' && r.path === '/repos/acme/apps/installation');
    const [header = '', payload = '', signature = ''] = (/^bearer (\S+)$/i.exec(lookup?.authorization ?? '')?.[1] ?? '').split('.');
    assert.deepEqual(decode(header), { alg: 'RS256', typ: 'JWT' });
    assert.ok(
      verify('sha256', Buffer.from(`${header}.${payload}`), keys.publicKey, Buffer.from(signature, 'base64url')),
      'signed with the app key',
    );
    const claims = decode(payload) as { iss: unknown; iat: number; exp: number };
    assert.equal(String(claims.iss as string), appId);
    assert.ok(
      claims.iat <= finished - 30 && claims.iat >= started - 90,
      `iat ${claims.iat} is backdated against clock drift (now ${finished})`,
    );
    assert.ok(claims.exp - claims.iat <= 600, 'exp at most 10 minutes after iat');
    assert.ok(claims.exp > finished, 'exp in the future');
  });

  it('looks up the installation of the repository, then asks it for a token for that repository alone', async () => {
    const token = await installationToken({ app: { appId, privateKey: pkcs1 }, repository: 'acme/apps', apiUrl: github.url });
    assert.deepEqual(
      github.requests.map((r) => `${r.method} ${r.path}`),
      ['GET /repos/acme/apps/installation', `POST /app/installations/${installationId}/access_tokens`],
    );
    assert.ok(
      github.requests.every((r) => /^bearer [\w-]+\.[\w-]+\.[\w-]+$/i.test(r.authorization ?? '')),
      'both as the app (JWT)',
    );
    // The installation reaches acme/infra too; the token does not.
    const issued = github.tokens.at(-1);
    assert.equal(issued?.token, token.token);
    assert.deepEqual(issued?.repositories, ['acme/apps']);
    assert.deepEqual(token.repositories, ['acme/apps']);
    assert.deepEqual(issued?.permissions, { contents: 'write', pull_requests: 'write' });
    assert.deepEqual(token.permissions, { contents: 'write', pull_requests: 'write' });
    assert.match(token.token, /^ghs_/);
    const hour = token.expiresAt.getTime() - Date.now();
    assert.ok(hour > 3590_000 && hour <= 3600_000, `expires in an hour (${hour} ms)`);
  });

  it('asks for the permissions given, in either spelling', async () => {
    const token = await installationToken({
      app: { appId, privateKey: pkcs8 },
      repository: 'acme/apps',
      apiUrl: github.url,
      permissions: { contents: 'read', 'pull-requests': 'write' },
    });
    assert.deepEqual(github.tokens.at(-1)?.permissions, { contents: 'read', pull_requests: 'write' });
    assert.deepEqual(token.permissions, { contents: 'read', pull_requests: 'write' });
  });

  it('hands every credential to onSecret before it is sent, and the token before it is returned', async () => {
    const secrets: { secret: string; alreadySent: boolean }[] = [];
    const token = await installationToken({
      app: { appId, privateKey: pkcs1 },
      repository: 'acme/apps',
      apiUrl: github.url,
      onSecret: (secret) => secrets.push({ secret, alreadySent: github.requests.some((r) => r.authorization?.includes(secret)) }),
    });
    const sent = credentials(github);
    assert.equal(sent.length, 2);
    for (const credential of sent)
      assert.ok(
        secrets.some((s) => s.secret === credential),
        'each JWT sent was masked',
      );
    assert.ok(
      secrets.some((s) => s.secret === token.token),
      'the token was masked',
    );
    assert.ok(
      secrets.every((s) => !s.alreadySent),
      'masked before it went out',
    );
    assert.ok(!sent.includes(token.token), 'the token is not what authenticated the app');
  });

  it("retries with GitHub's clock when the runner's is off (GitHub behind: iat in its future; ahead: exp in its past)", async () => {
    for (const skew of [-300, 900]) {
      github.requests.length = 0;
      github.clockSkewSeconds = skew;
      const token = await installationToken({ app: { appId, privateKey: pkcs1 }, repository: 'acme/apps', apiUrl: github.url });
      assert.match(token.token, /^ghs_/);
      // The first lookup was refused for its time claims, the retry carried a JWT shifted by the difference.
      const lookups = github.requests.filter((r) => r.path === '/repos/acme/apps/installation');
      assert.equal(lookups.length, 2, `skew ${skew}: one refusal, one retry`);
      const shifted = decode(lookups[1]?.authorization?.split('.')[1] ?? '') as { iat: number };
      const first = decode(lookups[0]?.authorization?.split('.')[1] ?? '') as { iat: number };
      assert.ok(Math.abs(shifted.iat - first.iat - skew) <= 2, `skew ${skew}: iat moved by it (${shifted.iat - first.iat})`);
    }
  });

  it('uses the token for later calls, which the stand-in checks', async () => {
    const token = await installationToken({ app: { appId, privateKey: pkcs1 }, repository: 'acme/apps', apiUrl: github.url });
    github.requests.length = 0;
    const pull = await openOrUpdatePullRequest({
      token: token.token,
      repository: 'acme/apps',
      head: 'image-updates',
      base: 'main',
      title: 'Update images',
      body: '',
      apiUrl: github.url,
    });
    assert.equal(pull.created, true);
    assert.ok(github.requests.length > 0 && github.requests.every((r) => r.authorization === `token ${token.token}`));
    // A token the stand-in never issued is refused as GitHub refuses it.
    const refused = await rejection(
      openOrUpdatePullRequest({
        token: 'ghs_not_issued_by_anyone',
        repository: 'acme/apps',
        head: 'x',
        base: 'main',
        title: 't',
        body: '',
        apiUrl: github.url,
      }),
    );
    assert.match(refused.message, /HTTP 401.*Bad credentials/);
  });

  it('an expired token is refused, and a fresh one works', async () => {
    github.tokenLifetimeSeconds = 1;
    const short = await installationToken({ app: { appId, privateKey: pkcs1 }, repository: 'acme/apps', apiUrl: github.url });
    assert.ok(short.expiresAt.getTime() - Date.now() <= 1000, 'expires_at as the stand-in set it');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, short.expiresAt.getTime() - Date.now()) + 100));
    const expired = await rejection(
      openOrUpdatePullRequest({
        token: short.token,
        repository: 'acme/apps',
        head: 'expiry',
        base: 'main',
        title: 't',
        body: '',
        apiUrl: github.url,
      }),
    );
    assert.match(expired.message, /HTTP 401.*Bad credentials/);
    github.tokenLifetimeSeconds = 3600;
    const fresh = await installationToken({ app: { appId, privateKey: pkcs1 }, repository: 'acme/apps', apiUrl: github.url });
    assert.notEqual(fresh.token, short.token);
    const pull = await openOrUpdatePullRequest({
      token: fresh.token,
      repository: 'acme/apps',
      head: 'expiry',
      base: 'main',
      title: 't',
      body: '',
      apiUrl: github.url,
    });
    assert.equal(pull.created, true);
  });

  it('revoke() deletes the token, once', async () => {
    const token = await installationToken({ app: { appId, privateKey: pkcs1 }, repository: 'acme/apps', apiUrl: github.url });
    github.requests.length = 0;
    await token.revoke();
    assert.deepEqual(
      github.requests.map((r) => `${r.method} ${r.path} ${r.authorization ?? ''}`),
      [`DELETE /installation/token token ${token.token}`],
    );
    assert.equal(github.tokens.find((t) => t.token === token.token)?.revoked, true);
    const refused = await rejection(
      openOrUpdatePullRequest({
        token: token.token,
        repository: 'acme/apps',
        head: 'revoked',
        base: 'main',
        title: 't',
        body: '',
        apiUrl: github.url,
      }),
    );
    assert.match(refused.message, /HTTP 401.*Bad credentials/);
    await token.revoke();
    assert.equal(github.requests.filter((r) => r.method === 'DELETE').length, 1, 'the second revoke() sends nothing');
  });

  it('revoke() of a token that expired meanwhile succeeds (GitHub answers 401: it is unusable already)', async () => {
    github.tokenLifetimeSeconds = 1;
    const token = await installationToken({ app: { appId, privateKey: pkcs1 }, repository: 'acme/apps', apiUrl: github.url });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, token.expiresAt.getTime() - Date.now()) + 100));
    github.requests.length = 0;
    await token.revoke();
    assert.deepEqual(
      github.requests.map((r) => r.method),
      ['DELETE'],
    );
  });

  describe('errors a workflow author can act on, on one line', () => {
    const oneLine = (err: Error): void => assert.ok(!err.message.includes('\n'), `one line: ${err.message}`);

    it('app not installed on the repository (404)', async () => {
      const err = await rejection(
        installationToken({ app: { appId, privateKey: pkcs1 }, repository: 'acme/elsewhere', apiUrl: github.url }),
      );
      assert.ok(err instanceof GitHubAppError);
      assert.equal(err.status, 404);
      assert.match(err.message, /GitHub App 424242 is not installed on acme\/elsewhere; install it there/);
      oneLine(err);
    });

    it('a private key of another app (401 "A JSON web token could not be decoded")', async () => {
      const err = await rejection(installationToken({ app: { appId, privateKey: stranger }, repository: 'acme/apps', apiUrl: github.url }));
      assert.ok(err instanceof GitHubAppError);
      assert.equal(err.status, 401);
      assert.match(
        err.message,
        /HTTP 401\): A JSON web token could not be decoded; check that app-id 424242 and the private key belong to the same GitHub App/,
      );
      oneLine(err);
    });

    it('the wrong app ID (401)', async () => {
      const err = await rejection(
        installationToken({ app: { appId: '1', privateKey: pkcs1 }, repository: 'acme/apps', apiUrl: github.url }),
      );
      assert.equal((err as GitHubAppError).status, 401);
      assert.match(err.message, /A JSON web token could not be decoded; check that app-id 1 and the private key/);
    });

    it('a private key that is not a PEM key, before any request', async () => {
      const err = await rejection(
        installationToken({ app: { appId, privateKey: 'MIIEowIBAAKCAQEA-truncated' }, repository: 'acme/apps', apiUrl: github.url }),
      );
      assert.ok(err instanceof GitHubAppError);
      assert.match(err.message, /the private key of GitHub App 424242 is not a PEM RSA private key .*pass the whole \.pem file/);
      oneLine(err);
      assert.equal(github.requests.length, 0);
    });

    it('a key pasted with \\n escapes still works', async () => {
      const token = await installationToken({
        app: { appId, privateKey: pkcs1.replace(/\n/g, '\\n') },
        repository: 'acme/apps',
        apiUrl: github.url,
      });
      assert.match(token.token, /^ghs_/);
    });

    it('a permission the app was not granted (422), named', async () => {
      const err = await rejection(
        installationToken({
          app: { appId, privateKey: pkcs1 },
          repository: 'acme/apps',
          apiUrl: github.url,
          permissions: { contents: 'write', issues: 'write' },
        }),
      );
      assert.ok(err instanceof GitHubAppError);
      assert.equal(err.status, 422);
      assert.match(
        err.message,
        /the app is not granted issues: write \(Issues: Read and write; the installation has none\); add it in the app's settings/,
      );
      assert.doesNotMatch(err.message, /contents/, 'only the missing one');
      oneLine(err);
    });

    it('write asked where only read was granted (422)', async () => {
      const readOnly = await startGitHubApi('acme/apps', {
        app: { ...app, permissions: { contents: 'write', pull_requests: 'read', metadata: 'read' } },
      });
      try {
        const err = await rejection(
          installationToken({ app: { appId, privateKey: pkcs1 }, repository: 'acme/apps', apiUrl: readOnly.url }),
        );
        assert.match(err.message, /not granted pull_requests: write \(Pull requests: Read and write; the installation has read\)/);
      } finally {
        await readOnly.close();
      }
    });
  });

  describe("the stand-in applies GitHub's JWT rules", () => {
    const lookup = (credential: string) =>
      fetch(`${github.url}/repos/acme/apps/installation`, { headers: { authorization: `Bearer ${credential}` } });
    const now = () => Math.floor(Date.now() / 1000);

    it('accepts a JWT that follows them', async () => {
      const res = await lookup(jwt(keys.privateKey, { iss: Number(appId), iat: now() - 60, exp: now() + 500 }));
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { id: number }).id, installationId);
    });

    for (const [name, claims, alg, message] of [
      ['iat more than 60 s ahead', () => ({ iss: appId, iat: now() + 120, exp: now() + 500 }), 'RS256', /'Issued at' claim/],
      [
        'exp more than 10 minutes after iat',
        () => ({ iss: appId, iat: now() - 30, exp: now() + 600 }),
        'RS256',
        /'Expiration time' claim \('exp'\) is too far in the future/,
      ],
      [
        'exp past',
        () => ({ iss: appId, iat: now() - 400, exp: now() - 1 }),
        'RS256',
        /'Expiration time' claim \('exp'\) must be a numeric value/,
      ],
      ['another iss', () => ({ iss: '1', iat: now() - 30, exp: now() + 500 }), 'RS256', /A JSON web token could not be decoded/],
      [
        'another algorithm in the header',
        () => ({ iss: appId, iat: now() - 30, exp: now() + 500 }),
        'HS256',
        /A JSON web token could not be decoded/,
      ],
    ] as const) {
      it(`refuses ${name}`, async () => {
        const res = await lookup(jwt(keys.privateKey, claims(), alg));
        assert.equal(res.status, 401);
        assert.match(((await res.json()) as { message: string }).message, message);
      });
    }

    it('refuses an installation token where a JWT is needed, and a JWT where a token is needed', async () => {
      const token = await installationToken({ app: { appId, privateKey: pkcs1 }, repository: 'acme/apps', apiUrl: github.url });
      assert.equal((await lookup(token.token)).status, 401);
      const pulls = await fetch(`${github.url}/repos/acme/apps/pulls`, {
        headers: { authorization: `Bearer ${jwt(keys.privateKey, { iss: appId, iat: now() - 30, exp: now() + 500 })}` },
      });
      assert.equal(pulls.status, 401);
    });
  });
});

describe('commits through the Git Data API', () => {
  let github: GitHubApi;
  let remote: LocalRemote;
  let main: string;
  const readme = 'Apps\n';
  let token: InstallationToken;
  const commit = (options: Partial<Parameters<typeof commitViaApi>[0]> = {}) =>
    commitViaApi({
      token: token.token,
      repository: 'acme/apps',
      apiUrl: github.url,
      branch: 'image-updates',
      base: 'main',
      mode: 'stack',
      files: [],
      message: 'Update images',
      ...options,
    });
  const show = (ref: string, path: string): string => remote.show(ref, path);
  const files = (ref: string): string[] => git(['ls-tree', '-r', '--name-only', ref], remote.bare).trim().split('\n');
  const format = (ref: string, placeholders: string): string => git(['log', '-1', `--format=${placeholders}`, ref], remote.bare).trim();

  before(async () => {
    remote = localRemote();
    main = remote.commit(
      {
        'README.md': readme,
        'apps/podinfo.yaml': 'image: ghcr.io/stefanprodan/podinfo:6.0.0\n',
        'apps/memcached.yaml': 'image: memcached:1.6.0\n',
      },
      'Initial apps',
    );
    github = await startGitHubApi('acme/apps', { app, gitDir: remote.bare });
    token = await installationToken({ app: { appId, privateKey: pkcs1 }, repository: 'acme/apps', apiUrl: github.url });
  });
  after(() => github.close());
  beforeEach(() => {
    github.requests.length = 0;
    github.intercept = undefined;
  });

  it('creates the branch from base when it does not exist, signed by GitHub', async () => {
    const result = await commit({
      files: [{ path: 'apps/podinfo.yaml', content: 'image: ghcr.io/stefanprodan/podinfo:6.1.0\n' }],
      message: 'Update podinfo to 6.1.0\n\nBy the image update.\n',
    });
    assert.equal(result.parent, main);
    assert.equal(remote.head('image-updates'), result.sha);
    assert.equal(remote.head('main'), main, 'base untouched');
    assert.equal(format(result.sha, '%P'), main);
    assert.equal(show(result.sha, 'apps/podinfo.yaml'), 'image: ghcr.io/stefanprodan/podinfo:6.1.0\n');
    assert.equal(show(result.sha, 'apps/memcached.yaml'), 'image: memcached:1.6.0\n', 'the rest of the tree kept (base_tree)');
    assert.deepEqual(files(result.sha), files(main));
    assert.equal(git(['log', '-1', '--format=%B', result.sha], remote.bare), 'Update podinfo to 6.1.0\n\nBy the image update.\n\n');
    assert.equal(result.verified, true);
    assert.equal(
      format(result.sha, '%an <%ae> / %cn <%ce>'),
      `flux-image-updates[bot] <${Number(appId) + 100000}+flux-image-updates[bot]@users.noreply.github.com> / GitHub <noreply@github.com>`,
    );
    const calls = github.requests.map((r) => `${r.method} ${decodeURIComponent(r.path)}`);
    assert.deepEqual(
      calls.filter((c) => !c.startsWith('GET')),
      [
        'POST /repos/acme/apps/git/blobs',
        'POST /repos/acme/apps/git/trees',
        'POST /repos/acme/apps/git/commits',
        'POST /repos/acme/apps/git/refs',
      ],
    );
    assert.ok(
      github.requests.every((r) => r.authorization === `token ${token.token}`),
      'with the installation token',
    );
  });

  it('stacks on the branch when it exists, as Flux does', async () => {
    const first = remote.head('image-updates');
    const result = await commit({
      files: [{ path: 'apps/memcached.yaml', content: 'image: memcached:1.6.1\n' }],
      message: 'Update memcached',
    });
    assert.equal(result.parent, first);
    assert.equal(format(result.sha, '%P'), first);
    assert.equal(remote.head('image-updates'), result.sha);
    assert.equal(show(result.sha, 'apps/podinfo.yaml'), 'image: ghcr.io/stefanprodan/podinfo:6.1.0\n', 'the earlier update kept');
    assert.equal(show(result.sha, 'apps/memcached.yaml'), 'image: memcached:1.6.1\n');
    assert.equal(git(['rev-list', '--count', 'main..image-updates'], remote.bare).trim(), '2');
    assert.ok(
      github.requests.some((r) => r.method === 'PATCH' && decodeURIComponent(r.path) === '/repos/acme/apps/git/refs/heads/image-updates'),
    );
    assert.ok(!github.requests.some((r) => r.method === 'POST' && r.path.endsWith('/git/refs')));
  });

  it('makes no commit when the files are already so', async () => {
    const tip = remote.head('image-updates');
    const result = await commit({ files: [{ path: 'apps/memcached.yaml', content: 'image: memcached:1.6.1\n' }] });
    assert.deepEqual(result, { sha: tip, verified: true, parent: tip });
    assert.equal(remote.head('image-updates'), tip);
    assert.ok(!github.requests.some((r) => r.path.endsWith('/git/commits') && r.method === 'POST'));
  });

  it('resets the branch onto base, forced', async () => {
    const stacked = remote.head('image-updates') ?? '';
    const result = await commit({
      mode: 'reset',
      files: [{ path: 'apps/memcached.yaml', content: 'image: memcached:1.6.2\n' }],
      message: 'Update memcached to 1.6.2',
    });
    assert.equal(result.parent, main);
    assert.equal(format(result.sha, '%P'), main);
    assert.equal(remote.head('image-updates'), result.sha);
    assert.equal(show(result.sha, 'apps/podinfo.yaml'), 'image: ghcr.io/stefanprodan/podinfo:6.0.0\n', 'the stacked updates are gone');
    assert.equal(show(result.sha, 'apps/memcached.yaml'), 'image: memcached:1.6.2\n');
    assert.throws(
      () => git(['merge-base', '--is-ancestor', stacked, 'image-updates'], remote.bare),
      'the old tip is no longer on the branch',
    );
  });

  it('stores binary content and the executable mode byte for byte', async () => {
    const bytes = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 256));
    const result = await commit({
      files: [
        { path: 'assets/logo.bin', content: bytes },
        { path: 'hack/update.sh', content: '#!/bin/sh\necho ok\n', mode: '100755' },
      ],
    });
    const stored = execFileSync('git', ['cat-file', 'blob', `${result.sha}:assets/logo.bin`], { cwd: remote.bare });
    assert.ok(stored.equals(bytes));
    assert.match(git(['ls-tree', result.sha, 'hack/update.sh'], remote.bare), /^100755 blob /);
    assert.match(git(['ls-tree', result.sha, 'assets/logo.bin'], remote.bare), /^100644 blob /);
  });

  it("refuses to stack when the branch moved meanwhile: GitHub's non-fast-forward 422, the other push kept", async () => {
    let concurrent = '';
    github.intercept = ({ method, path }) => {
      if (method === 'POST' && path.endsWith('/git/commits'))
        concurrent = remote.commit({ 'apps/other.yaml': 'pushed meanwhile\n' }, 'Concurrent push', 'image-updates');
    };
    const err = await rejection(commit({ files: [{ path: 'apps/podinfo.yaml', content: 'image: ghcr.io/stefanprodan/podinfo:6.2.0\n' }] }));
    assert.ok(err instanceof ApiCommitError);
    assert.equal(err.status, 422);
    assert.match(
      err.message,
      /updating branch image-updates in acme\/apps failed \(HTTP 422\): Update is not a fast forward; image-updates moved while this commit was made: run the update again/,
    );
    assert.equal(remote.head('image-updates'), concurrent);
  });

  it('the stand-in takes a non-fast-forward with force only', async () => {
    const sibling = remote.commit({ 'apps/side.yaml': 'x\n' }, 'Side branch', 'side');
    const patch = (force: boolean) =>
      fetch(`${github.url}/repos/acme/apps/git/refs/heads/image-updates`, {
        method: 'PATCH',
        headers: { authorization: `token ${token.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ sha: sibling, force }),
      });
    const refused = await patch(false);
    assert.equal(refused.status, 422);
    assert.equal(((await refused.json()) as { message: string }).message, 'Update is not a fast forward');
    assert.notEqual(remote.head('image-updates'), sibling);
    assert.equal((await patch(true)).status, 200);
    assert.equal(remote.head('image-updates'), sibling);
  });

  it('refuses to build on another commit than the caller expected', async () => {
    const err = await rejection(
      commit({ mode: 'reset', parent: '0123456789012345678901234567890123456789', files: [{ path: 'README.md', content: 'x' }] }),
    );
    assert.ok(err instanceof ApiCommitError);
    assert.match(
      err.message,
      new RegExp(`main is at ${main}, not at 0123456789012345678901234567890123456789 the files were computed from`),
    );
    assert.ok(!github.requests.some((r) => r.method !== 'GET'), 'nothing written');
    const ok = await commit({ mode: 'reset', parent: main, files: [{ path: 'README.md', content: 'Apps, updated\n' }] });
    assert.equal(ok.parent, main);
  });

  it('is not signed with a custom author, who is then the committer too', async () => {
    const result = await commit({
      mode: 'reset',
      files: [{ path: 'README.md', content: 'by a person\n' }],
      author: { name: 'Flux Bot', email: 'flux@example.com' },
    });
    assert.equal(result.verified, false);
    assert.equal(format(result.sha, '%an <%ae> / %cn <%ce>'), 'Flux Bot <flux@example.com> / Flux Bot <flux@example.com>');
  });

  it("is not signed when made with a token that is not an app installation's", async () => {
    const plain = await startGitHubApi('acme/apps', { gitDir: remote.bare });
    try {
      const result = await commitViaApi({
        token: 'ghp_personal',
        repository: 'acme/apps',
        apiUrl: plain.url,
        branch: 'personal',
        base: 'main',
        mode: 'stack',
        files: [{ path: 'README.md', content: 'personal\n' }],
        message: 'Personal',
      });
      assert.equal(result.verified, false);
      assert.equal(remote.head('personal'), result.sha);
    } finally {
      await plain.close();
    }
  });

  it('explains a token without contents: write (403)', async () => {
    const readOnly = await installationToken({
      app: { appId, privateKey: pkcs1 },
      repository: 'acme/apps',
      apiUrl: github.url,
      permissions: { contents: 'read' },
    });
    const err = await rejection(
      commitViaApi({
        token: readOnly.token,
        repository: 'acme/apps',
        apiUrl: github.url,
        branch: 'image-updates',
        base: 'main',
        mode: 'stack',
        files: [{ path: 'README.md', content: 'x' }],
        message: 'm',
      }),
    );
    assert.ok(err instanceof ApiCommitError);
    assert.equal(err.status, 403);
    assert.match(
      err.message,
      /uploading README\.md in acme\/apps failed \(HTTP 403\): Resource not accessible by integration; add `permissions: contents: write` to the job/,
    );
    assert.ok(!err.message.includes('\n'));
  });

  it('explains a token for another repository (404)', async () => {
    const infra = await installationToken({ app: { appId, privateKey: pkcs1 }, repository: 'acme/infra', apiUrl: github.url });
    const err = await rejection(
      commitViaApi({
        token: infra.token,
        repository: 'acme/apps',
        apiUrl: github.url,
        branch: 'image-updates',
        base: 'main',
        mode: 'stack',
        files: [],
        message: 'm',
      }),
    );
    assert.equal((err as ApiCommitError).status, 404);
    assert.match(err.message, /HTTP 404.*the token can reach acme\/apps \(a GitHub App token must be scoped to it\)/);
  });

  it('explains an expired token (401)', async () => {
    github.tokenLifetimeSeconds = 1;
    const short = await installationToken({ app: { appId, privateKey: pkcs1 }, repository: 'acme/apps', apiUrl: github.url });
    github.tokenLifetimeSeconds = 3600;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, short.expiresAt.getTime() - Date.now()) + 100));
    const err = await rejection(
      commitViaApi({
        token: short.token,
        repository: 'acme/apps',
        apiUrl: github.url,
        branch: 'image-updates',
        base: 'main',
        mode: 'stack',
        files: [],
        message: 'm',
      }),
    );
    assert.equal((err as ApiCommitError).status, 401);
    assert.match(err.message, /Bad credentials; the token is not valid or has expired/);
  });

  it('explains a missing base branch, and a path outside the repository', async () => {
    const noBase = await rejection(commit({ branch: 'fresh', base: 'trunk', files: [{ path: 'README.md', content: 'x' }] }));
    assert.match(noBase.message, /branch trunk of acme\/apps was not found \(HTTP 404\): check that it exists/);
    const outside = await rejection(commit({ files: [{ path: '../etc/passwd', content: 'x' }] }));
    assert.match(outside.message, /"\.\.\/etc\/passwd" is not a relative path inside the repository/);
  });

  it('respects a GitHub Enterprise Server API URL', async () => {
    const ghes = await startGitHubApi('acme/apps', { app, gitDir: remote.bare, pathPrefix: '/api/v3' });
    try {
      assert.match(ghes.url, /\/api\/v3$/);
      const enterprise = await installationToken({ app: { appId, privateKey: pkcs1 }, repository: 'acme/apps', apiUrl: `${ghes.url}/` });
      const result = await commitViaApi({
        token: enterprise.token,
        repository: 'acme/apps',
        apiUrl: ghes.url,
        branch: 'enterprise',
        base: 'main',
        mode: 'stack',
        files: [{ path: 'README.md', content: 'on GHES\n' }],
        message: 'GHES',
      });
      assert.equal(remote.head('enterprise'), result.sha);
      await enterprise.revoke();
      assert.ok(ghes.requests.length >= 8 && ghes.requests.every((r) => r.path.startsWith('/api/v3/')), 'every request under the API path');
    } finally {
      await ghes.close();
    }
  });
});
