// Flux's per-version rules as pure functions (verify/flux.ts). The same rules are checked against source-controller
// v1.7.0, v1.8.5 and v1.9.1 themselves in the interoperability suite (test/interop); these pin the edges.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fluxVerdict, goImplicitlyPlainHttp, type SignatureCheck } from '@d2ci/core';

const good: SignatureCheck = { ok: true, identity: 'k' };
const bad: SignatureCheck = { ok: false, reason: 'signature mismatch' };

describe('go-containerregistry Scheme(): which registries get plain HTTP without name.Insecure (v0.21.3)', () => {
  for (const registry of [
    '127.0.0.1:5000',
    'localhost:5000',
    '10.1.2.3:5000',
    '172.16.0.1',
    '172.31.255.255:443',
    '192.168.1.1:5000',
    'registry.local',
    'registry.local:5000',
    'kind-registry.localhost:5001',
    '[::1]:5000',
    '::1',
  ]) {
    it(`${registry}: plain HTTP`, () => assert.equal(goImplicitlyPlainHttp(registry), true));
  }
  for (const registry of [
    '127.0.0.2:5000',
    'localhost',
    'ghcr.io',
    '172.32.0.1:5000',
    '11.0.0.1',
    'registry.internal:5000',
    '300.1.1.1',
    'local:5000',
  ]) {
    it(`${registry}: HTTPS`, () => assert.equal(goImplicitlyPlainHttp(registry), false));
  }
});

describe('fluxVerdict: Flux 2.8 cannot fetch bundles from a non-local plain-HTTP registry', () => {
  const evidence = { legacies: [good], bundles: [bad] };

  it('on HTTPS, 2.8 and 2.9 read only the bundles once any exists', () => {
    for (const version of ['2.8', '2.9'] as const) assert.equal(fluxVerdict(version, evidence).accepted, false);
    assert.equal(fluxVerdict('2.7', evidence).accepted, true);
  });

  it('on plain HTTP to 127.0.0.2, 2.8 falls back to the legacy .sig; 2.9 (name.Insecure) still reads the bundles', () => {
    const plain = { ...evidence, plainHttpRegistry: '127.0.0.2:5000' };
    assert.deepEqual(fluxVerdict('2.8', plain), { version: '2.8', accepted: true, reads: 'legacy' });
    assert.equal(fluxVerdict('2.9', plain).accepted, false);
  });

  it('on plain HTTP to a loopback or private address, 2.8 reads the bundles as on HTTPS', () => {
    assert.equal(fluxVerdict('2.8', { ...evidence, plainHttpRegistry: '127.0.0.1:5000' }).reads, 'bundles');
    assert.equal(fluxVerdict('2.8', { ...evidence, plainHttpRegistry: '192.168.0.5:5000' }).reads, 'bundles');
  });

  it('a bundle-only artifact on such a registry is rejected by 2.8, saying why', () => {
    const verdict = fluxVerdict('2.8', { legacies: [], bundles: [good], plainHttpRegistry: 'registry.internal:5000' });
    assert.equal(verdict.accepted, false);
    assert.match(verdict.reason ?? '', /cannot fetch bundles from the plain-HTTP registry registry\.internal:5000.*there is none/);
  });
});
