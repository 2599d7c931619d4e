import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  dockerConfigCredentials,
  githubTokenCredentials,
  registryCredentials,
  runCredentialHelper,
  withAuthHint,
  parseProvider,
  assertProviderServes,
  OciError,
  isGitHubRegistry,
  CredentialHelperError,
} from '@d2ci/core';
import { makeWorkspace } from '../harness/workspace.ts';

/** A real executable implementing the docker-credential-helpers `get` protocol. */
function fakeHelper(dir: string, name: string, answers: Record<string, { Username: string; Secret: string }>): void {
  mkdirSync(dir, { recursive: true });
  const script = [
    '#!/bin/sh',
    '[ "$1" = get ] || exit 2',
    'read -r server',
    'case "$server" in',
    ...Object.entries(answers).map(([server, answer]) => `  '${server}') echo '${JSON.stringify({ ServerURL: server, ...answer })}' ;;`),
    '  *) echo "credentials not found in native keychain"; exit 1 ;;',
    'esac',
  ].join('\n');
  writeFileSync(join(dir, `docker-credential-${name}`), `${script}\n`);
  chmodSync(join(dir, `docker-credential-${name}`), 0o755);
}

function dockerEnv(config: unknown, helpers?: string): NodeJS.ProcessEnv {
  const dir = makeWorkspace({ 'config.json': JSON.stringify(config) });
  return { DOCKER_CONFIG: dir, PATH: `${helpers ? `${helpers}:` : ''}${process.env.PATH}` };
}

describe('docker config credentials', () => {
  it('reads auths: base64 auth, username/password, identity and registry tokens, with normalised keys', async () => {
    const env = dockerEnv({
      auths: {
        'https://registry.example.com/v1/': { auth: Buffer.from('alice:pa:ss').toString('base64') },
        'plain.example.com': { username: 'bob', password: 'pw' },
        'acr.example.io': { identitytoken: 'refresh-me' },
        'tok.example.io': { registrytoken: 'bearer-me' },
        'https://index.docker.io/v1/': { auth: Buffer.from('hub:hubpw').toString('base64') },
      },
    });
    const creds = dockerConfigCredentials({ env });
    assert.deepEqual(await creds.credentialFor('registry.example.com'), { username: 'alice', password: 'pa:ss' });
    assert.deepEqual(await creds.credentialFor('plain.example.com'), { username: 'bob', password: 'pw' });
    assert.deepEqual(await creds.credentialFor('acr.example.io'), { identityToken: 'refresh-me' });
    assert.deepEqual(await creds.credentialFor('tok.example.io'), { registryToken: 'bearer-me' });
    assert.deepEqual(await creds.credentialFor('docker.io'), { username: 'hub', password: 'hubpw' });
    assert.equal(await creds.credentialFor('unknown.example.com'), undefined);
  });

  it('asks credHelpers first, then credsStore, then auths, through real helper executables', async () => {
    const bin = join(makeWorkspace({}), 'bin');
    fakeHelper(bin, 'per-host', { 'ghcr.io': { Username: 'helper-user', Secret: 'helper-secret' } });
    fakeHelper(bin, 'store', {
      'store.example.com': { Username: '<token>', Secret: 'identity-from-store' },
      'https://index.docker.io/v1/': { Username: 'hubber', Secret: 'hubsecret' },
    });
    const env = dockerEnv(
      {
        credHelpers: { 'ghcr.io': 'per-host' },
        credsStore: 'store',
        auths: {
          'ghcr.io': { auth: Buffer.from('ignored:x').toString('base64') },
          'fallback.example.com': { username: 'f', password: 'g' },
        },
      },
      bin,
    );
    const creds = dockerConfigCredentials({ env });
    assert.deepEqual(await creds.credentialFor('ghcr.io'), { username: 'helper-user', password: 'helper-secret' });
    assert.deepEqual(await creds.credentialFor('store.example.com'), { identityToken: 'identity-from-store' });
    assert.deepEqual(
      await creds.credentialFor('docker.io'),
      { username: 'hubber', password: 'hubsecret' },
      'Docker Hub is asked for as https://index.docker.io/v1/',
    );
    assert.deepEqual(
      await creds.credentialFor('fallback.example.com'),
      { username: 'f', password: 'g' },
      'auths when the store has nothing',
    );
    assert.equal(await creds.credentialFor('nothing.example.com'), undefined);
  });

  it('fails clearly when a configured helper is missing or misbehaves', async () => {
    await assert.rejects(
      runCredentialHelper('d2ci-does-not-exist', 'ghcr.io'),
      (err: Error) => err instanceof CredentialHelperError && /not on PATH/.test(err.message),
    );
    const bin = join(makeWorkspace({}), 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'docker-credential-broken'), '#!/bin/sh\necho "keychain locked" >&2\nexit 1\n');
    chmodSync(join(bin, 'docker-credential-broken'), 0o755);
    // It exits without reading stdin, so writing the server URL hits a closed pipe; that must not crash us.
    for (let i = 0; i < 20; i++) {
      await assert.rejects(
        runCredentialHelper('broken', 'ghcr.io', { PATH: `${bin}:${process.env.PATH}` }),
        /docker-credential-broken failed for ghcr.io: keychain locked/,
      );
    }
    const invalid = dockerConfigCredentials({ env: { DOCKER_CONFIG: makeWorkspace({ 'config.json': '{not json' }) } });
    await assert.rejects(invalid.credentialFor('ghcr.io'), /not valid JSON/);
  });

  it('has nothing when there is no config', async () => {
    assert.equal(await dockerConfigCredentials({ env: { DOCKER_CONFIG: makeWorkspace({}) } }).credentialFor('ghcr.io'), undefined);
  });
});

describe('credential resolution', () => {
  it('uses GITHUB_TOKEN only for GitHub registries', async () => {
    const gh = githubTokenCredentials({ token: 'ghs_x', actor: 'octocat' });
    assert.deepEqual(await gh.credentialFor('ghcr.io'), { username: 'octocat', password: 'ghs_x' });
    assert.equal(await gh.credentialFor('registry.example.com'), undefined);
    assert.equal(isGitHubRegistry('containers.ghe.example.com', 'https://ghe.example.com'), true);
    assert.equal(isGitHubRegistry('containers.github.com'), false);
  });

  it('prefers explicit credentials, then GITHUB_TOKEN, then docker config, else anonymous', async () => {
    const env = dockerEnv({
      auths: { 'ghcr.io': { username: 'docker', password: 'from-config' }, 'other.io': { username: 'o', password: 'p' } },
    });
    const explicit = registryCredentials({ username: 'me', password: 'explicit', githubToken: 'ghs', env });
    assert.deepEqual(await explicit('ghcr.io'), { username: 'me', password: 'explicit' });
    const token = registryCredentials({ githubToken: 'ghs', githubActor: 'octo', env });
    assert.deepEqual(await token('ghcr.io'), { username: 'octo', password: 'ghs' });
    assert.deepEqual(await token('other.io'), { username: 'o', password: 'p' });
    assert.equal(await token('anonymous.io'), undefined);
    const scoped = registryCredentials({ username: 'me', password: 'pw', registry: 'only.io', dockerConfig: false });
    assert.equal(await scoped('else.io'), undefined);
  });

  it('validates provider names and accepts a cloud provider only for its own registries', () => {
    assert.equal(parseProvider(''), 'generic');
    assert.equal(parseProvider('AWS'), 'aws');
    assert.throws(() => parseProvider('dockerhub'), /unknown provider "dockerhub": use one of generic, aws, gcp, azure/);
    assert.doesNotThrow(() => assertProviderServes('aws', '123456789012.dkr.ecr.eu-west-1.amazonaws.com'));
    assert.throws(() => assertProviderServes('aws', 'ghcr.io'), /provider "aws" does not serve registry ghcr\.io: it accepts/);
    assert.doesNotThrow(() => assertProviderServes('generic', 'anything.io'));
  });
});

describe('auth hints', () => {
  const denied = new OciError('DENIED', 'push manifest ghcr.io/acme/app:latest: 403 DENIED: permission_denied', { status: 403 });
  it('tells a GitHub job which permission to add', () => {
    const err = withAuthHint(denied, { registry: 'ghcr.io', repository: 'acme/app', hasCredentials: true, vocabulary: 'action' }) as Error;
    assert.match(err.message, /add `permissions: packages: write` to the job/);
    assert.doesNotMatch(err.message, /\n/);
  });
  it('names the inputs when credentials are missing, and the flags on the CLI', () => {
    const unauthorized = new OciError('UNAUTHORIZED', 'x: 401 UNAUTHORIZED', { status: 401 });
    assert.match(
      (withAuthHint(unauthorized, { registry: 'r.io', repository: 'a', hasCredentials: false, vocabulary: 'action' }) as Error).message,
      /no credentials for r\.io: set `registry-username` and `registry-password`/,
    );
    assert.match(
      (withAuthHint(unauthorized, { registry: 'r.io', repository: 'a', hasCredentials: false, vocabulary: 'cli' }) as Error).message,
      /pass --creds user:password/,
    );
    assert.match(
      (withAuthHint(unauthorized, { registry: 'r.io', repository: 'a', hasCredentials: true, vocabulary: 'cli' }) as Error).message,
      /rejected the credentials/,
    );
  });
  it('leaves other errors alone', () => {
    const other = new OciError('MANIFEST_INVALID', 'bad', { status: 400 });
    assert.equal(withAuthHint(other, { registry: 'r', repository: 'a', hasCredentials: true, vocabulary: 'cli' }), other);
  });
});
