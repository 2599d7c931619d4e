// An interrupted run (Ctrl-C, a cancelled CI job's SIGTERM) leaves no temporary files: the staged layer of a push
// that is waiting on a stalled registry is removed, and the exit code says which signal ended it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy.ts';
import { d2ciBin } from '../harness/cli.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';

describe('signals', () => {
  let registry: LocalRegistry;
  let proxy: FaultProxy;
  before(async () => {
    registry = await startRegistry('none');
    proxy = await startFaultProxy(registry.url);
    // Uploads never answer: the push sits with its layer staged in TMPDIR.
    proxy.plan = ({ method }) => (method === 'POST' ? { kind: 'stall' } : { kind: 'pass' });
  });
  after(async () => {
    await proxy.close();
    await registry.stop();
  });

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`${signal} during a push removes the staged layer and exits ${code}`, async () => {
      const ws = makeWorkspace(componentFiles);
      const tmp = join(ws, 'tmp');
      mkdirSync(tmp);
      const child = spawn(
        process.execPath,
        [
          d2ciBin,
          'push',
          `oci://${proxy.host}/acme/sig:latest`,
          '--path',
          'components/frontend',
          '--source',
          's',
          '--revision',
          'main@sha1:1',
          '--timeout',
          '60',
        ],
        { cwd: ws, env: { PATH: process.env.PATH, HOME: ws, TMPDIR: tmp }, stdio: 'ignore' },
      );
      const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      for (let i = 0; i < 200 && !readdirSync(tmp).some((n) => n.startsWith('d2ci-push-')); i++) await sleep(50);
      assert.ok(
        readdirSync(tmp).some((n) => n.startsWith('d2ci-push-')),
        'the push staged its layer',
      );
      await sleep(200);
      child.kill(signal);
      assert.equal(await exited, code);
      assert.deepEqual(
        readdirSync(tmp).filter((n) => n.startsWith('d2ci-')),
        [],
      );
    });
  }
});
