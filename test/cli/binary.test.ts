// The single executable (npm run build:binary → dist/d2ci, Node's single executable applications): copied alone into
// an empty folder under the OS temp folder, with no node_modules above it and no node on PATH, it does real work:
// --version, build, push to a registry and pull back, sign with a key and verify it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { run } from '../harness/exec.ts';
import { repoRoot } from '../harness/action.ts';
import { startup } from '../harness/installed.ts';

const version = (JSON.parse(readFileSync(join(repoRoot, 'packages', 'cli', 'package.json'), 'utf8')) as { version: string }).version;

describe('the d2ci single executable', () => {
  let registry: LocalRegistry;
  let dir: string;
  let binary: string;
  before(async () => {
    const [started, built] = await Promise.all([
      startRegistry('none'),
      // The script the README names; rebuilt only when the bundle, the SEA config or the Node version changed.
      run('npm', ['run', '--silent', 'build:binary'], { cwd: repoRoot, env: process.env }),
    ]);
    registry = started;
    assert.equal(built.code, 0, built.stderr);
    dir = mkdtempSync(join(tmpdir(), 'd2ci-binary-'));
    binary = join(dir, 'd2ci');
    copyFileSync(join(repoRoot, 'dist', 'd2ci'), binary);
    mkdirSync(join(dir, 'deploy'));
    writeFileSync(join(dir, 'deploy', 'app.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n');
  });
  // 127 MiB a run: removed, whatever the outcome.
  after(async () => {
    await registry.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs with no node_modules in reach and no node on PATH: --version, build, push, pull, sign --key, verify', async (t) => {
    for (let up = dir; ; up = dirname(up)) {
      assert.ok(!existsSync(join(up, 'node_modules')), `${up}/node_modules would be in reach`);
      if (dirname(up) === up) break;
    }
    // An empty folder as PATH: not even a node to fall back on.
    const env = { PATH: join(dir, 'no-tools'), HOME: dir };
    const d2ci = (args: string[], extra: NodeJS.ProcessEnv = {}) => run(binary, args, { cwd: dir, env: { ...env, ...extra } });

    const shown = await d2ci(['--version']);
    assert.equal(shown.code, 0, shown.stderr);
    assert.equal(shown.stdout.trim(), `d2ci ${version}`);
    assert.equal(shown.stderr, '', 'no experimental warning');

    const built = await d2ci(['build', '--path', 'deploy', '-o', 'app.tgz', '--json']);
    assert.equal(built.code, 0, built.stderr);
    assert.equal((JSON.parse(built.stdout) as { files: number }).files, 1);

    const url = `oci://${registry.host}/bin/app:v1`;
    const meta = ['--source', 'https://example.com/app', '--revision', 'main@sha1:1111111111111111111111111111111111111111'];
    const pushed = await d2ci(['push', url, '--path', 'deploy', ...meta, '-o', 'json']);
    assert.equal(pushed.code, 0, pushed.stderr);
    const { digest } = JSON.parse(pushed.stdout) as { digest: string };

    const pulled = await d2ci(['pull', url, '-o', 'pulled']);
    assert.equal(pulled.code, 0, pulled.stderr);
    assert.deepEqual(readdirSync(join(dir, 'pulled')), ['app.yaml']);

    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    writeFileSync(join(dir, 'cosign.key'), privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }));
    writeFileSync(join(dir, 'cosign.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
    const signed = await d2ci(['sign', url, '--key', 'cosign.key'], { COSIGN_PASSWORD: 'pw' });
    assert.equal(signed.code, 0, signed.stderr);
    const verified = await d2ci(['verify', url, '--key', 'cosign.pub', '-o', 'json']);
    assert.equal(verified.code, 0, verified.stderr);
    const result = JSON.parse(verified.stdout) as { verified: boolean; digest: string };
    assert.equal(result.verified, true);
    assert.equal(result.digest, digest);

    const size = statSync(binary).size;
    const options = { cwd: dir, env };
    const versionMs = await startup(binary, ['--version'], options);
    const buildMs = await startup(binary, ['build', '--path', 'deploy', '-o', 'timed.tgz'], options);
    t.diagnostic(
      `single executable: ${(size / 1024 / 1024).toFixed(0)} MiB; start-up, best of 5: --version ${versionMs} ms, build ${buildMs} ms`,
    );
  });
});
