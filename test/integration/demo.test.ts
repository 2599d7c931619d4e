import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../harness/exec.ts';
import { repoRoot } from '../harness/action.ts';

describe('the README demo command', () => {
  it('npm run demo packs, pushes, releases, diffs and pulls the sample component with no registry', async () => {
    const result = await run('npm', ['run', '--silent', 'demo'], { cwd: repoRoot, env: { ...process.env } });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /✔ artifact successfully pushed to oci-layout:\.d2ci\/demo\/layout@sha256:[a-f0-9]{64}/);
    assert.match(result.stdout, /✔ signed as key:[0-9a-f]{64}: oci-layout:\.d2ci\/demo\/layout:sha256-[0-9a-f]{64}\.sig/);
    assert.match(result.stdout, /✔ verified oci-layout:\.d2ci\/demo\/layout@sha256:[0-9a-f]{64} \(bundle\): signed by key:[0-9a-f]{64}/);
    assert.match(result.stdout, /✔ no changes: content unchanged since latest/);
    assert.match(result.stdout, /✔ promoted: oci-layout:\.d2ci\/demo\/layout:v1\.0\.0 → sha256:/);
    assert.match(result.stdout, /oci-layout:\.d2ci\/demo\/layout:latest-stable +sha256:/);
    assert.match(result.stdout, /✗ the remote artifact contents differs from the local one/);
    assert.match(result.stdout, /✔ extracted 5 files/);
    assert.equal(
      readFileSync(join(repoRoot, '.d2ci/demo/pulled/base/podinfo.yaml'), 'utf8'),
      readFileSync(join(repoRoot, 'workflows-examples/d2-apps/components/frontend/base/podinfo.yaml'), 'utf8'),
    );
    assert.ok(existsSync(join(repoRoot, '.d2ci/demo/layout/oci-layout')));
  });
});
