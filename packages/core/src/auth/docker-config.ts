import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { BaseError } from '../errors.ts';
import type { Credential } from '../oci/auth.ts';
import type { CredentialProvider } from './provider.ts';

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string; registrytoken?: string }>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

/** The key docker uses for Docker Hub in config.json and when calling credential helpers. */
export const dockerHubConfigKey = 'https://index.docker.io/v1/';

/** Docker normalises config keys to a bare host: no scheme, no path (`https://ghcr.io/v1/` → `ghcr.io`). */
function configHost(key: string): string {
  const host = key
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
  return host === 'index.docker.io' || host === 'registry-1.docker.io' ? 'docker.io' : host;
}

function helperServer(registry: string): string {
  return registry === 'docker.io' ? dockerHubConfigKey : registry;
}

/** Docker's config or a credential helper it names cannot give credentials. */
export class CredentialHelperError extends BaseError<'DOCKER_CREDENTIALS'> {
  constructor(message: string) {
    super('DOCKER_CREDENTIALS', message);
  }
}

/** Runs `docker-credential-<helper> get` (docker-credential-helpers protocol); undefined when it has nothing. */
export function runCredentialHelper(
  helper: string,
  serverUrl: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Credential | undefined> {
  return new Promise((resolve, reject) => {
    const child = execFile(`docker-credential-${helper}`, ['get'], { env, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(
            new CredentialHelperError(`docker credential helper "docker-credential-${helper}" is not on PATH (named in the docker config)`),
          );
          return;
        }
        // The protocol's "not found" answer is an error exit with this text on stdout.
        if (/credentials not found/i.test(`${stdout}${stderr}`)) {
          resolve(undefined);
          return;
        }
        reject(
          new CredentialHelperError(
            `docker-credential-${helper} failed for ${serverUrl}: ${String(stderr || stdout)
              .trim()
              .slice(0, 200)}`,
          ),
        );
        return;
      }
      try {
        const answer = JSON.parse(stdout) as { Username?: string; Secret?: string };
        if (!answer.Secret) return resolve(undefined);
        resolve(
          answer.Username === '<token>' ? { identityToken: answer.Secret } : { username: answer.Username ?? '', password: answer.Secret },
        );
      } catch {
        reject(new CredentialHelperError(`docker-credential-${helper} printed something that is not JSON`));
      }
    });
    // A helper may exit without reading its input (e.g. it fails early): the answer is its exit status and output,
    // so a broken pipe on stdin is not an error of its own.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(serverUrl);
  });
}

/**
 * Credentials from docker's config.json (`$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`), looked up as
 * docker does: `credHelpers[host]`, then `credsStore`, then `auths` (`auth`, `username`/`password`,
 * `identitytoken`, `registrytoken`).
 */
export function dockerConfigCredentials(options: { env?: NodeJS.ProcessEnv } = {}): CredentialProvider {
  const env = options.env ?? process.env;
  let config: Promise<DockerConfig | undefined> | undefined;
  const load = (): Promise<DockerConfig | undefined> => {
    config ??= (async () => {
      const dir = env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker');
      const text = await readFile(join(dir, 'config.json'), 'utf8').catch(() => undefined);
      if (text === undefined) return undefined;
      try {
        return JSON.parse(text) as DockerConfig;
      } catch {
        throw new CredentialHelperError(`docker config ${join(dir, 'config.json')} is not valid JSON`);
      }
    })();
    return config;
  };
  return {
    name: 'docker config',
    async credentialFor(registry) {
      const cfg = await load();
      if (!cfg) return undefined;
      const helper = Object.entries(cfg.credHelpers ?? {}).find(([key]) => configHost(key) === registry)?.[1];
      if (helper) return runCredentialHelper(helper, helperServer(registry), env);
      const entry = Object.entries(cfg.auths ?? {}).find(([key]) => configHost(key) === registry)?.[1];
      if (cfg.credsStore) {
        const stored = await runCredentialHelper(cfg.credsStore, helperServer(registry), env);
        if (stored) return stored;
      }
      if (!entry) return undefined;
      if (entry.identitytoken) return { identityToken: entry.identitytoken };
      if (entry.registrytoken) return { registryToken: entry.registrytoken };
      if (entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const cut = decoded.indexOf(':');
        if (cut < 0) throw new CredentialHelperError(`docker config auth for ${registry} is not base64 "user:password"`);
        return { username: decoded.slice(0, cut), password: decoded.slice(cut + 1) };
      }
      if (entry.username || entry.password) return { username: entry.username ?? '', password: entry.password ?? '' };
      return undefined;
    },
  };
}
