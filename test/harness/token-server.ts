import { createServer, type Server } from 'node:http';
import { createSign, randomBytes, X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TokenServer {
  url: string;
  realm: string;
  service: string;
  issuer: string;
  certFile: string;
  /** Every token request seen: who asked and which scopes. */
  requests: { user: string | undefined; scopes: string[]; grant: string }[];
  /** Tokens issued, so tests can check none leaks into logs. */
  issued: string[];
  close(): Promise<void>;
}

export interface TokenServerOptions {
  dir: string;
  users: Record<string, string>;
  /** OAuth2 refresh tokens (docker `identitytoken`) accepted for the refresh_token grant, mapped to a user. */
  refreshTokens?: Record<string, string>;
  expiresIn?: number;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/**
 * A Docker-token-spec auth server for distribution's `auth.token`: RS256 JWTs with the signing certificate in
 * `x5c`, granting push/pull/delete to known users and pull to anonymous callers (like GHCR for public images).
 */
export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  const keyFile = join(options.dir, 'token.key');
  const certFile = join(options.dir, 'token.crt');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      '/CN=local-token-issuer',
    ],
    { stdio: 'ignore' },
  );
  const key = readFileSync(keyFile, 'utf8');
  const certDer = new X509Certificate(readFileSync(certFile)).raw;
  const service = 'local-registry';
  const issuer = 'local-issuer';
  const requests: TokenServer['requests'] = [];
  const issued: string[] = [];

  const sign = (user: string | undefined, scopes: string[]): string => {
    const access = scopes.flatMap((scope) => {
      const match = /^(repository|registry):(.+):([a-z*,]+)$/.exec(scope);
      if (!match) return [];
      const asked = (match[3] ?? '').split(',');
      const actions = user ? asked : asked.filter((a) => a === 'pull');
      return [{ type: match[1], name: match[2], actions }];
    });
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'RS256', x5c: [certDer.toString('base64')] };
    const claims = {
      iss: issuer,
      sub: user ?? '',
      aud: service,
      exp: now + (options.expiresIn ?? 300),
      nbf: now - 10,
      iat: now,
      jti: randomBytes(8).toString('hex'),
      access,
    };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature = createSign('RSA-SHA256').update(input).sign(key);
    const token = `${input}.${b64url(signature)}`;
    issued.push(token);
    return token;
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const reply = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/token') return reply(404, { error: 'not found' });
    if (req.method === 'POST') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
        const user = form.get('grant_type') === 'refresh_token' ? options.refreshTokens?.[form.get('refresh_token') ?? ''] : undefined;
        requests.push({ user, scopes, grant: form.get('grant_type') ?? '' });
        if (!user) return reply(401, { error: 'invalid_grant' });
        const token = sign(user, scopes);
        reply(200, { access_token: token, expires_in: options.expiresIn ?? 300, scope: scopes.join(' ') });
      });
      return;
    }
    const scopes = url.searchParams
      .getAll('scope')
      .flatMap((s) => s.split(' '))
      .filter(Boolean);
    let user: string | undefined;
    const auth = req.headers.authorization;
    if (auth?.startsWith('Basic ')) {
      const [name, ...rest] = Buffer.from(auth.slice(6), 'base64').toString().split(':');
      if (!name || options.users[name] !== rest.join(':')) {
        requests.push({ user: name, scopes, grant: 'basic-rejected' });
        return reply(401, { errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }] });
      }
      user = name;
    }
    requests.push({ user, scopes, grant: user ? 'basic' : 'anonymous' });
    const token = sign(user, scopes);
    reply(200, { token, access_token: token, expires_in: options.expiresIn ?? 300, issued_at: new Date().toISOString() });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    realm: `${url}/token`,
    service,
    issuer,
    certFile,
    requests,
    issued,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
