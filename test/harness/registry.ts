import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { freePort, requireBinary, startProcess, waitFor, type ManagedProcess } from './process.ts';
import { startTokenServer, type TokenServer } from './token-server.ts';

export type AuthMode = 'none' | 'htpasswd' | 'token';

export interface LocalRegistry {
  mode: AuthMode;
  /** `127.0.0.1:<port>`, the registry name used in references. */
  host: string;
  url: string;
  username: string;
  password: string;
  /** A docker `identitytoken` the token server accepts (token mode). */
  refreshToken: string;
  dataDir: string;
  tokenServer: TokenServer | undefined;
  process: ManagedProcess;
  stop(): Promise<void>;
}

const install = 'apt-get install -y docker-registry';

/**
 * Starts Debian's docker-registry (CNCF distribution 2.8) on 127.0.0.1 and a random free port, in one of three
 * auth modes, with a fresh storage directory. Stopped by PID with `stop()`.
 */
export async function startRegistry(mode: AuthMode = 'none'): Promise<LocalRegistry> {
  const binary = requireBinary('docker-registry', install);
  const dir = mkdtempSync(join(tmpdir(), 'd2ci-registry-'));
  const username = 'ci';
  const password = `pw-${randomBytes(12).toString('hex')}`;
  const refreshToken = `rt-${randomBytes(12).toString('hex')}`;
  let tokenServer: TokenServer | undefined;
  let auth = '';
  if (mode === 'htpasswd') {
    writeFileSync(join(dir, 'htpasswd'), `${username}:${bcrypt.hashSync(password, 5)}\n`);
    auth = `auth:\n  htpasswd:\n    realm: basic-realm\n    path: ${join(dir, 'htpasswd')}\n`;
  } else if (mode === 'token') {
    tokenServer = await startTokenServer({ dir, users: { [username]: password }, refreshTokens: { [refreshToken]: username } });
    auth = `auth:\n  token:\n    realm: ${tokenServer.realm}\n    service: ${tokenServer.service}\n    issuer: ${tokenServer.issuer}\n    rootcertbundle: ${tokenServer.certFile}\n`;
  }
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const config = [
      'version: 0.1',
      'log:',
      '  level: warn',
      '  accesslog: {disabled: true}',
      'storage:',
      `  filesystem: {rootdirectory: ${join(dir, 'data')}}`,
      '  delete: {enabled: true}',
      '  cache: {blobdescriptor: inmemory}',
      'http:',
      `  addr: 127.0.0.1:${port}`,
      `  secret: local-test-secret-${randomBytes(4).toString('hex')}`,
      auth,
    ].join('\n');
    writeFileSync(join(dir, 'config.yml'), config);
    const proc = startProcess(binary, ['serve', join(dir, 'config.yml')], join(dir, 'registry.log'));
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitFor(`docker-registry on ${url}`, async () => {
        const response = await fetch(`${url}/v2/`);
        return response.status === 200 || response.status === 401;
      });
    } catch (err) {
      await proc.stop();
      if (attempt < 3) continue;
      throw new Error(`${(err as Error).message}\n${proc.log()}`);
    }
    return {
      mode,
      host: `127.0.0.1:${port}`,
      url,
      username,
      password,
      refreshToken,
      dataDir: dir,
      tokenServer,
      process: proc,
      async stop() {
        await proc.stop();
        await tokenServer?.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
}

/**
 * The digest a tag names in a local registry (a HEAD, with the registry's basic credentials in htpasswd mode), or
 * undefined when there is no such tag. Any other answer throws: a refusal must not read as "no tag".
 */
export async function tagDigest(registry: LocalRegistry, repository: string, tag: string): Promise<string | undefined> {
  const headers: Record<string, string> = { accept: 'application/vnd.oci.image.manifest.v1+json' };
  if (registry.mode === 'htpasswd')
    headers.authorization = `Basic ${Buffer.from(`${registry.username}:${registry.password}`).toString('base64')}`;
  const response = await fetch(`${registry.url}/v2/${repository}/manifests/${tag}`, { method: 'HEAD', headers });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`HEAD ${repository}:${tag} on ${registry.host} answered ${response.status}`);
  return response.headers.get('docker-content-digest') ?? undefined;
}
