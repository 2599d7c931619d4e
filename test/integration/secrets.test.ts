import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startSigstore, type LocalSigstore } from '../harness/sigstore.ts';
import { runAction } from '../harness/action.ts';
import { run } from '../harness/exec.ts';
import { repoRoot } from '../harness/action.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';

/**
 * Every credential the tests hand out, in every form it could leak: raw, base64 `user:pass`, as a header value,
 * plus every token the token server issued. Then everything a user could see is scanned for them.
 */
function leaks(registry: LocalRegistry, sigstore: LocalSigstore, extra: string[], seen: string[]): string[] {
  const basic = Buffer.from(`${registry.username}:${registry.password}`).toString('base64');
  const secrets = [
    registry.password,
    basic,
    registry.refreshToken,
    ...(registry.tokenServer?.issued ?? []),
    sigstore.oidcEnv.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    ...sigstore.issuedTokens,
    ...extra,
  ];
  return secrets.filter((secret) => seen.some((text) => text.includes(secret)));
}

describe('no credential appears in logs, outputs or summaries', () => {
  const registries: LocalRegistry[] = [];
  let sigstore: LocalSigstore;
  before(async () => {
    registries.push(await startRegistry('htpasswd'), await startRegistry('token'));
    sigstore = await startSigstore();
  });
  after(() => Promise.all([...registries.map((r) => r.stop()), sigstore.close()]));

  for (const index of [0, 1]) {
    it(`${index === 0 ? 'htpasswd' : 'token'} registry: action runs (ok, diff skip, failures, debug) and CLI runs`, async () => {
      const registry = registries[index] as LocalRegistry;
      const ws = makeWorkspace(componentFiles);
      const dockerConfig = join(ws, '.docker');
      mkdirSync(dockerConfig);
      const configAuth =
        registry.mode === 'token'
          ? { identitytoken: registry.refreshToken }
          : { auth: Buffer.from(`${registry.username}:${registry.password}`).toString('base64') };
      writeFileSync(join(dockerConfig, 'config.json'), JSON.stringify({ auths: { [registry.host]: configAuth } }));
      const repository = `${registry.host}/acme/secret-scan`;
      const creds = { 'registry-username': registry.username, 'registry-password': registry.password };
      const env = { GITHUB_WORKSPACE: ws, RUNNER_DEBUG: '1', GITHUB_TOKEN: 'ghs_not_used_for_this_registry', ...sigstore.oidcEnv };
      const signing = { 'fulcio-url': sigstore.url, 'rekor-url': sigstore.url, 'signature-format': 'both' };
      const signingKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
        .privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'key-password-123' })
        .toString();
      const tokensBefore = sigstore.issuedTokens.length;
      const runs = [
        await runAction('push-artifact', { repository, path: 'components/frontend', 'diff-tag': 'latest', ...creds, ...signing }, env),
        await runAction(
          'push-artifact',
          { repository, path: 'components/frontend', 'diff-tag': 'latest', tags: 'again', ...creds, ...signing },
          env,
        ),
        await runAction(
          'push-artifact',
          {
            repository,
            path: 'components/frontend',
            tags: 'from-config',
            'signing-key': signingKey,
            'signing-key-password': 'key-password-123',
          },
          { ...env, DOCKER_CONFIG: dockerConfig },
        ),
        await runAction(
          'push-artifact',
          {
            repository,
            path: 'components/frontend',
            'registry-username': registry.username,
            'registry-password': `${registry.password}-wrong`,
            ...signing,
          },
          env,
        ),
        await runAction('push-artifact', { repository, path: 'missing', ...creds, ...signing }, env),
        await runAction(
          'verify-artifact',
          {
            repository,
            ref: 'latest',
            'certificate-identity-regexp': '^https://github\\.com/acme/',
            'trusted-root': sigstore.trustedRootFile,
            ...creds,
          },
          env,
        ),
      ];
      assert.deepEqual(
        runs.map((r) => r.code),
        [0, 0, 0, 1, 1, 0],
      );
      assert.ok(runs[0]?.masked.includes(registry.password));
      const token = sigstore.issuedTokens[tokensBefore];
      assert.ok(token !== undefined && runs[0]?.masked.includes(token), 'the OIDC token is masked');
      assert.ok(runs[2]?.masked.includes('key-password-123'), 'the key password is masked');
      const cli = join(repoRoot, 'packages/cli/bin/d2ci.js');
      const cliRuns = [
        await run(
          process.execPath,
          [
            cli,
            'push',
            `oci://${repository}:cli`,
            '--path',
            'components/frontend',
            '--source',
            's',
            '--revision',
            'r',
            '--creds',
            `${registry.username}:${registry.password}`,
            '--debug',
          ],
          { cwd: ws, env: { PATH: process.env.PATH, HOME: ws } },
        ),
        await run(process.execPath, [cli, 'list', `oci://${repository}`, '--debug', '-o', 'json'], {
          cwd: ws,
          env: { PATH: process.env.PATH, HOME: ws, DOCKER_CONFIG: dockerConfig },
        }),
        await run(
          process.execPath,
          [cli, 'pull', `oci://${repository}:cli`, '-o', 'out', '--creds', `${registry.username}:wrong-${registry.password}`, '--debug'],
          { cwd: ws, env: { PATH: process.env.PATH, HOME: ws } },
        ),
      ];
      assert.deepEqual(
        cliRuns.map((r) => r.code),
        [0, 0, 1],
      );
      const seen = [...runs.map((r) => r.visible), ...cliRuns.flatMap((r) => [r.stdout, r.stderr])];
      if (registry.mode === 'token')
        assert.ok((registry.tokenServer?.issued.length ?? 0) >= 5, 'tokens were issued, so the scan covers them');
      assert.deepEqual(leaks(registry, sigstore, ['key-password-123', signingKey.split('\n')[1] ?? ''], seen), []);
      assert.ok(
        !seen.some((text) => /authorization:|Basic [A-Za-z0-9+/=]{8,}|Bearer [A-Za-z0-9._-]{20,}/i.test(text)),
        'no auth header is ever printed',
      );
    });
  }
});
