import { execFileSync } from 'node:child_process';
import { createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A pull request as the stand-in keeps it. */
export interface StoredPullRequest {
  number: number;
  head: string;
  base: string;
  title: string;
  body: string;
  labels: string[];
  state: 'open' | 'closed';
}

export type PermissionLevel = 'read' | 'write' | 'admin';

/** The GitHub App the stand-in knows: it verifies JWTs with `publicKey`, as GitHub does with the key of the app `iss` names. */
export interface StandInApp {
  /** The app ID (`iss` of its JWTs). */
  id: string;
  /** The public half of the app's private key (PEM or KeyObject). */
  publicKey: string | KeyObject;
  installationId: number;
  /** The app's slug: its bot is `<slug>[bot]`. */
  slug?: string;
  /** What the installation was granted (GitHub's names: `pull_requests`); default contents and pull_requests write, metadata read. */
  permissions?: Record<string, PermissionLevel>;
  /** `owner/repo`s the app is installed on; default the stand-in's repository. */
  repositories?: string[];
}

export interface GitHubApiOptions {
  app?: StandInApp;
  /** A bare Git repository the Git Data endpoints (blobs, trees, commits, refs) read and write. */
  gitDir?: string;
  /** The path the API lives under, as on GitHub Enterprise Server (`/api/v3`); `url` includes it. */
  pathPrefix?: string;
}

/** An installation token the stand-in issued. */
export interface IssuedToken {
  token: string;
  /** `owner/repo`s it can reach. */
  repositories: string[];
  permissions: Record<string, PermissionLevel>;
  expiresAt: Date;
  revoked: boolean;
}

/** Who made a request, as the stand-in authenticated it. */
type Caller = { kind: 'installation'; token: IssuedToken } | { kind: 'anonymous' } | { kind: 'user' };

interface Verification {
  verified: boolean;
  reason: string;
  signature: string | null;
  payload: string | null;
  verified_at: string | null;
}

export interface GitHubApi {
  /** Base URL to pass as the API URL (includes `pathPrefix`). */
  url: string;
  pulls: StoredPullRequest[];
  /** `METHOD /path` of every request, and the Authorization header each carried. */
  requests: { method: string; path: string; authorization: string | undefined }[];
  /** Make the next requests fail like GitHub does for a token without `pull-requests: write`. */
  forbidden: boolean;
  /** Installation tokens issued, in order. */
  tokens: IssuedToken[];
  /** Lifetime of the next tokens issued (GitHub's: one hour). */
  tokenLifetimeSeconds: number;
  /** Runs before each request is handled: a test can change the repository mid-operation (a concurrent push). */
  intercept?: (request: { method: string; path: string }) => void | Promise<void>;
  /** How far the stand-in's clock is ahead of this machine's (negative: behind); GitHub's clock is what JWTs are checked against. */
  clockSkewSeconds: number;
  close(): Promise<void>;
}

const docs = 'https://docs.github.com/rest';
const unauthorized = (message: string) => ({ message, documentation_url: docs, status: '401' });
const notFound = { message: 'Not Found', documentation_url: docs, status: '404' };
const jwtUndecodable = 'A JSON web token could not be decoded';
// GitHub's messages for the time claims; @octokit/auth-app recognises them and retries with GitHub's clock.
const jwtIssuedInFuture = "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
const jwtExpired = "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
const jwtTooLong = "'Expiration time' claim ('exp') is too far in the future";

async function json(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
}

const rank: Record<string, number> = { read: 1, write: 2, admin: 3 };
const covers = (granted: string | undefined, wanted: string): boolean => (rank[granted ?? ''] ?? 0) >= (rank[wanted] ?? Infinity);

/** The claims of a JWT that verifies with `publicKey`, or GitHub's 401 message for it. */
function verifyJwt(jwt: string, app: StandInApp, publicKey: KeyObject, now: number): string | undefined {
  const [header64 = '', payload64 = '', signature64 = '', ...rest] = jwt.split('.');
  if (rest.length || !signature64) return jwtUndecodable;
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(header64, 'base64url').toString('utf8')) as Record<string, unknown>;
    claims = JSON.parse(Buffer.from(payload64, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return jwtUndecodable;
  }
  if (header.alg !== 'RS256') return jwtUndecodable;
  if (!verify('sha256', Buffer.from(`${header64}.${payload64}`), publicKey, Buffer.from(signature64, 'base64url'))) return jwtUndecodable;
  // GitHub finds the key by `iss`: a JWT signed by another app's key, or naming another app, does not decode.
  if (String(claims.iss) !== app.id) return jwtUndecodable;
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || !Number.isInteger(iat) || iat > now + 60) return jwtIssuedInFuture;
  if (typeof exp !== 'number' || exp <= now) return jwtExpired;
  if (exp - iat > 600 || exp > now + 600 + 60) return jwtTooLong;
  return undefined;
}

/** Git plumbing on the bare repository, with no configuration from this machine. */
function git(gitDir: string, args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): string {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')));
  return execFileSync('git', args, {
    cwd: gitDir,
    input: options.input,
    encoding: 'utf8',
    env: { ...env, GIT_DIR: gitDir, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: gitDir, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  }).trim();
}

function objectType(gitDir: string, sha: unknown): string | undefined {
  if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha)) return undefined;
  try {
    return git(gitDir, ['cat-file', '-t', sha]);
  } catch {
    return undefined;
  }
}

function refTip(gitDir: string, ref: string): string | undefined {
  try {
    return git(gitDir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]) || undefined;
  } catch {
    return undefined;
  }
}

const isPerson = (value: unknown): value is { name: string; email: string; date?: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { name?: unknown }).name === 'string' &&
  typeof (value as { email?: unknown }).email === 'string';

/**
 * GitHub's REST endpoints as the image update uses them: pull requests (list, create, update, add labels) with
 * GitHub's response shapes and its 403 for a token that lacks the permission; with `app`, GitHub App authentication
 * (JWTs verified as GitHub does, installation tokens scoped to repositories and permissions, expiring, revocable);
 * with `gitDir`, the Git Data API (blobs, trees, commits, refs) on a real bare repository.
 */
export async function startGitHubApi(repository: string, options: GitHubApiOptions = {}): Promise<GitHubApi> {
  const [owner] = repository.split('/');
  const { app, gitDir } = options;
  const prefix = (options.pathPrefix ?? '').replace(/\/+$/, '');
  const publicKey = app ? (typeof app.publicKey === 'string' ? createPublicKey(app.publicKey) : app.publicKey) : undefined;
  const slug = app?.slug ?? 'd2ci-test';
  const granted: Record<string, PermissionLevel> = app?.permissions ?? { contents: 'write', pull_requests: 'write', metadata: 'read' };
  const installedOn = app?.repositories ?? [repository];
  type Person = { name: string; email: string; date?: string };
  const bot: Person = { name: `${slug}[bot]`, email: `${Number(app?.id ?? 0) + 100000}+${slug}[bot]@users.noreply.github.com` };
  const user: Person = { name: 'octocat', email: 'octocat@users.noreply.github.com' };
  const verifications = new Map<string, Verification>();
  const state: GitHubApi = {
    url: '',
    pulls: [],
    requests: [],
    forbidden: false,
    tokens: [],
    tokenLifetimeSeconds: 3600,
    clockSkewSeconds: 0,
    close: () => Promise.resolve(),
  };
  const now = (): number => Date.now() + state.clockSkewSeconds * 1000;

  const server = createServer((req, res) => {
    const send = (status: number, body: unknown): void => {
      // The Date header carries the stand-in's clock, as GitHub's carries its own (@octokit/auth-app reads it).
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', date: new Date(now()).toUTCString() });
      res.end(status === 204 ? undefined : JSON.stringify(body));
    };
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      state.requests.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, authorization: req.headers.authorization });
      await state.intercept?.({ method: req.method ?? '', path: url.pathname });
      if (state.forbidden)
        return send(403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
          status: '403',
        });
      if (!url.pathname.startsWith(`${prefix}/`)) return send(404, notFound);
      const path = url.pathname.slice(prefix.length);
      const method = req.method ?? '';
      const credential = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];

      if (app && publicKey) {
        // Endpoints that take the app's JWT.
        const installation = /^\/repos\/([^/]+)\/([^/]+)\/installation$/.exec(path);
        const accessTokens = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path);
        if ((method === 'GET' && installation) || (method === 'POST' && accessTokens)) {
          const refused = credential ? verifyJwt(credential, app, publicKey, Math.floor(now() / 1000)) : jwtUndecodable;
          if (refused) return send(401, unauthorized(refused));
          if (installation) {
            if (!installedOn.includes(`${installation[1]}/${installation[2]}`))
              return send(404, {
                ...notFound,
                documentation_url: 'https://docs.github.com/rest/apps/apps#get-a-repository-installation-for-the-authenticated-app',
              });
            return send(200, {
              id: app.installationId,
              app_id: Number(app.id),
              app_slug: slug,
              account: { login: installation[1], type: 'Organization' },
              target_type: 'Organization',
              repository_selection: 'selected',
              permissions: granted,
              events: [],
            });
          }
          if (Number(accessTokens?.[1]) !== app.installationId) return send(404, notFound);
          const body = await json(req);
          const account = installedOn[0]?.split('/')[0];
          const names = Array.isArray(body.repositories) ? (body.repositories as unknown[]) : undefined;
          const repositories = names ? names.map((name) => `${account}/${String(name)}`) : installedOn;
          if (
            names &&
            names.some((name) => typeof name !== 'string' || name.includes('/') || !installedOn.includes(`${account}/${name}`))
          ) {
            return send(422, {
              message: 'There is at least one repository that does not exist or is not accessible to the parent installation.',
              documentation_url: 'https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app',
              status: '422',
            });
          }
          const asked = (body.permissions ?? granted) as Record<string, unknown>;
          if (Object.entries(asked).some(([name, level]) => typeof level !== 'string' || !covers(granted[name], level))) {
            return send(422, {
              message: 'The permissions requested are not granted to this installation.',
              documentation_url: 'https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app',
              status: '422',
            });
          }
          const issued: IssuedToken = {
            token: `ghs_${randomBytes(18).toString('hex')}`,
            repositories,
            permissions: asked as Record<string, PermissionLevel>,
            expiresAt: new Date(Math.floor(now() / 1000) * 1000 + state.tokenLifetimeSeconds * 1000),
            revoked: false,
          };
          state.tokens.push(issued);
          return send(201, {
            token: issued.token,
            expires_at: issued.expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
            permissions: issued.permissions,
            repository_selection: 'selected',
            repositories: repositories.map((fullName, index) => ({
              id: 1000 + index,
              name: fullName.split('/')[1],
              full_name: fullName,
              private: true,
            })),
          });
        }
      }

      // Every other endpoint takes a token; with an app, only an installation token it issued that is still valid.
      let caller: Caller = credential ? { kind: 'user' } : { kind: 'anonymous' };
      if (app) {
        const issued = state.tokens.find((t) => t.token === credential);
        if (!issued || issued.revoked || issued.expiresAt.getTime() <= now()) return send(401, unauthorized('Bad credentials'));
        caller = { kind: 'installation', token: issued };
      }
      if (method === 'DELETE' && path === '/installation/token') {
        if (caller.kind !== 'installation') return send(401, unauthorized('Bad credentials'));
        caller.token.revoked = true;
        return send(204, undefined);
      }
      const base = `/repos/${repository}`;
      if (!path.startsWith(`${base}/`)) return send(404, notFound);
      const permission = path.startsWith(`${base}/git/`) ? 'contents' : 'pull_requests';
      if (caller.kind === 'installation') {
        // GitHub hides repositories a token cannot reach, and refuses what its permissions do not cover.
        if (!caller.token.repositories.includes(repository)) return send(404, notFound);
        if (!covers(caller.token.permissions[permission], method === 'GET' ? 'read' : 'write'))
          return send(403, { message: 'Resource not accessible by integration', documentation_url: docs, status: '403' });
      }

      const htmlUrl = (n: number): string => `https://github.com/${repository}/pull/${n}`;
      const view = (p: StoredPullRequest) => ({
        number: p.number,
        html_url: htmlUrl(p.number),
        state: p.state,
        title: p.title,
        body: p.body,
        head: { ref: p.head },
        base: { ref: p.base },
      });
      if (method === 'GET' && path === `${base}/pulls`) {
        const head = url.searchParams.get('head');
        const found = state.pulls.filter(
          (p) =>
            p.state === (url.searchParams.get('state') ?? 'open') &&
            (!head || `${owner}:${p.head}` === head) &&
            (!url.searchParams.get('base') || p.base === url.searchParams.get('base')),
        );
        return send(200, found.map(view));
      }
      if (method === 'POST' && path === `${base}/pulls`) {
        const body = await json(req);
        if (state.pulls.some((p) => p.state === 'open' && p.head === body.head && p.base === body.base)) {
          return send(422, {
            message: 'Validation Failed',
            errors: [
              { resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${owner}:${String(body.head)}.` },
            ],
          });
        }
        const pull: StoredPullRequest = {
          number: state.pulls.length + 1,
          head: String(body.head),
          base: String(body.base),
          title: String(body.title),
          body: typeof body.body === 'string' ? body.body : '',
          labels: [],
          state: 'open',
        };
        state.pulls.push(pull);
        return send(201, view(pull));
      }
      const patch = new RegExp(`^${base}/pulls/(\\d+)$`).exec(path);
      if (method === 'PATCH' && patch) {
        const pull = state.pulls.find((p) => p.number === Number(patch[1]));
        if (!pull) return send(404, { message: 'Not Found' });
        const body = await json(req);
        if (typeof body.title === 'string') pull.title = body.title;
        if (typeof body.body === 'string') pull.body = body.body;
        return send(200, view(pull));
      }
      const labels = new RegExp(`^${base}/issues/(\\d+)/labels$`).exec(path);
      if (method === 'POST' && labels) {
        const pull = state.pulls.find((p) => p.number === Number(labels[1]));
        if (!pull) return send(404, { message: 'Not Found' });
        const body = await json(req);
        for (const label of (body.labels as string[] | undefined) ?? []) if (!pull.labels.includes(label)) pull.labels.push(label);
        return send(
          200,
          pull.labels.map((name) => ({ name })),
        );
      }

      if (gitDir && path.startsWith(`${base}/git/`)) return gitData(method, path.slice(`${base}/git`.length), req, caller, send);
      send(404, { message: 'Not Found' });
    })().catch((err: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ message: `stand-in failure: ${(err as Error).message}` }));
      }
    });
  });

  const apiBase = (): string => `${state.url}/repos/${repository}`;
  const refView = (ref: string, sha: string) => ({
    ref,
    node_id: `REF_${sha}`,
    url: `${apiBase()}/git/${ref}`,
    object: { type: 'commit', sha, url: `${apiBase()}/git/commits/${sha}` },
  });
  const commitView = (dir: string, sha: string) => {
    const [tree = '', parents = '', authorName, authorEmail, authorDate, committerName, committerEmail, committerDate, message = ''] = git(
      dir,
      ['log', '-1', '--format=%T%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B', sha],
    ).split('\0');
    return {
      sha,
      node_id: `C_${sha}`,
      url: `${apiBase()}/git/commits/${sha}`,
      html_url: `https://github.com/${repository}/commit/${sha}`,
      author: { name: authorName, email: authorEmail, date: authorDate },
      committer: { name: committerName, email: committerEmail, date: committerDate },
      tree: { sha: tree, url: `${apiBase()}/git/trees/${tree}` },
      message,
      parents: parents
        ? parents
            .split(' ')
            .map((p) => ({ sha: p, url: `${apiBase()}/git/commits/${p}`, html_url: `https://github.com/${repository}/commit/${p}` }))
        : [],
      verification: verifications.get(sha) ?? { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    };
  };
  const invalid = (message: string) => ({ message, documentation_url: 'https://docs.github.com/rest/git', status: '422' });

  /** The Git Data API on the bare repository, with git plumbing, so tests read the result with ordinary git. */
  async function gitData(
    method: string,
    path: string,
    req: IncomingMessage,
    caller: Caller,
    send: (status: number, body: unknown) => void,
  ): Promise<void> {
    const dir = gitDir ?? '';
    if (method === 'POST' && path === '/blobs') {
      const body = await json(req);
      if (typeof body.content !== 'string') return send(422, invalid('Invalid request.\n\n"content" wasn\'t supplied.'));
      const content = body.encoding === 'base64' ? Buffer.from(body.content, 'base64') : Buffer.from(body.content, 'utf8');
      const sha = git(dir, ['hash-object', '-w', '--stdin'], { input: content });
      return send(201, { sha, url: `${apiBase()}/git/blobs/${sha}` });
    }
    if (method === 'POST' && path === '/trees') {
      const body = await json(req);
      if (body.base_tree !== undefined && objectType(dir, body.base_tree) !== 'tree')
        return send(422, invalid('base_tree is not a valid tree oid'));
      if (!Array.isArray(body.tree)) return send(422, invalid('Invalid request.\n\n"tree" wasn\'t supplied.'));
      // A temporary index: the base tree read into it, the entries laid over it, written back as a tree.
      const scratch = mkdtempSync(join(tmpdir(), 'd2ci-index-'));
      const env = { GIT_INDEX_FILE: join(scratch, 'index') };
      try {
        git(dir, typeof body.base_tree === 'string' ? ['read-tree', body.base_tree] : ['read-tree', '--empty'], { env });
        for (const entry of body.tree as Record<string, unknown>[]) {
          const path = entry.path;
          if (
            typeof path !== 'string' ||
            !path ||
            path.startsWith('/') ||
            path.split('/').some((part) => part === '' || part === '.' || part === '..' || part === '.git')
          ) {
            return send(422, invalid(`tree.path contains a malformed path component`));
          }
          if (entry.sha === null) {
            git(dir, ['update-index', '--force-remove', '--', path], { env });
            continue;
          }
          const mode = String(entry.mode);
          if (entry.type !== 'blob' || !['100644', '100755', '120000'].includes(mode))
            return send(422, invalid(`tree.mode or tree.type is not valid for ${path}`));
          const sha =
            typeof entry.content === 'string'
              ? git(dir, ['hash-object', '-w', '--stdin'], { input: entry.content })
              : typeof entry.sha === 'string'
                ? entry.sha
                : '';
          if (objectType(dir, sha) !== 'blob') return send(422, invalid(`tree.sha ${sha} is not a valid blob`));
          git(dir, ['update-index', '--add', '--cacheinfo', `${mode},${sha},${path}`], { env });
        }
        const sha = git(dir, ['write-tree'], { env });
        const entries = git(dir, ['ls-tree', sha])
          .split('\n')
          .filter(Boolean)
          .map((line) => {
            const [meta = '', name = ''] = line.split('\t');
            const [mode, type, object] = meta.split(' ');
            return { path: name, mode, type, sha: object, url: `${apiBase()}/git/${type}s/${object}` };
          });
        return send(201, { sha, url: `${apiBase()}/git/trees/${sha}`, tree: entries, truncated: false });
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    }
    if (method === 'POST' && path === '/commits') {
      const body = await json(req);
      if (typeof body.message !== 'string') return send(422, invalid('Invalid request.\n\n"message" wasn\'t supplied.'));
      if (objectType(dir, body.tree) !== 'tree') return send(422, invalid('Tree SHA does not exist'));
      const parents = Array.isArray(body.parents) ? (body.parents as unknown[]) : [];
      if (parents.some((p) => objectType(dir, p) !== 'commit'))
        return send(422, invalid('Parent SHA does not exist or is not a commit object'));
      if ((body.author !== undefined && !isPerson(body.author)) || (body.committer !== undefined && !isPerson(body.committer)))
        return send(422, invalid('Invalid request.\n\nauthor and committer need name and email.'));
      // GitHub signs only what it authors itself: a request as the app, with no custom author, committer or signature
      // ("About commit signature verification", Signature verification for bots). The committer defaults to the author.
      const signedByGitHub =
        caller.kind === 'installation' && body.author === undefined && body.committer === undefined && body.signature === undefined;
      const identity = caller.kind === 'installation' ? bot : user;
      const author = isPerson(body.author) ? body.author : identity;
      const committer = isPerson(body.committer)
        ? body.committer
        : isPerson(body.author)
          ? body.author
          : signedByGitHub
            ? { name: 'GitHub', email: 'noreply@github.com' }
            : identity;
      const date = new Date(now()).toISOString();
      const sha = git(dir, ['commit-tree', String(body.tree), ...parents.flatMap((p) => ['-p', String(p as string)]), '-F', '-'], {
        input: body.message,
        env: {
          GIT_AUTHOR_NAME: author.name,
          GIT_AUTHOR_EMAIL: author.email,
          GIT_AUTHOR_DATE: author.date ?? date,
          GIT_COMMITTER_NAME: committer.name,
          GIT_COMMITTER_EMAIL: committer.email,
          GIT_COMMITTER_DATE: committer.date ?? date,
        },
      });
      if (signedByGitHub)
        verifications.set(sha, {
          verified: true,
          reason: 'valid',
          signature: '-----BEGIN PGP SIGNATURE-----\n\n(stand-in: GitHub web-flow)\n-----END PGP SIGNATURE-----\n',
          payload: git(dir, ['cat-file', 'commit', sha]),
          verified_at: date,
        });
      return send(201, commitView(dir, sha));
    }
    const getCommit = /^\/commits\/([0-9a-f]{40})$/.exec(path);
    if (method === 'GET' && getCommit?.[1]) {
      if (objectType(dir, getCommit[1]) !== 'commit') return send(404, notFound);
      return send(200, commitView(dir, getCommit[1]));
    }
    const getRef = /^\/ref\/(.+)$/.exec(path);
    if (method === 'GET' && getRef?.[1]) {
      const ref = `refs/${decodeURIComponent(getRef[1])}`;
      const sha = refTip(dir, ref);
      return sha ? send(200, refView(ref, sha)) : send(404, notFound);
    }
    const updateRef = /^\/refs\/(.+)$/.exec(path);
    if (method === 'PATCH' && updateRef?.[1]) {
      const ref = `refs/${decodeURIComponent(updateRef[1])}`;
      const body = await json(req);
      const old = refTip(dir, ref);
      if (!old) return send(422, invalid('Reference does not exist'));
      if (objectType(dir, body.sha) !== 'commit') return send(422, invalid('Object does not exist'));
      const sha = String(body.sha);
      if (body.force !== true && !isAncestor(dir, old, sha)) return send(422, invalid('Update is not a fast forward'));
      git(dir, ['update-ref', ref, sha, old]);
      return send(200, refView(ref, sha));
    }
    if (method === 'POST' && path === '/refs') {
      const body = await json(req);
      const ref = body.ref;
      if (typeof ref !== 'string' || !/^refs\/[^/]+\/.+/.test(ref) || !checkRefFormat(dir, ref))
        return send(422, invalid('Reference name is invalid'));
      if (refTip(dir, ref)) return send(422, invalid('Reference already exists'));
      if (objectType(dir, body.sha) !== 'commit') return send(422, invalid('Object does not exist'));
      git(dir, ['update-ref', ref, String(body.sha), '']);
      return send(201, refView(ref, String(body.sha)));
    }
    send(404, notFound);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  state.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}${prefix}`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}

function isAncestor(gitDir: string, ancestor: string, descendant: string): boolean {
  try {
    git(gitDir, ['merge-base', '--is-ancestor', ancestor, descendant]);
    return true;
  } catch {
    return false;
  }
}

function checkRefFormat(gitDir: string, ref: string): boolean {
  try {
    git(gitDir, ['check-ref-format', ref]);
    return true;
  } catch {
    return false;
  }
}
