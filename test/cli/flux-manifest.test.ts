import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startSigstore, unsignedJwt, type LocalSigstore } from '../harness/sigstore.ts';
import { makeWorkspace, componentFiles } from '../harness/workspace.ts';
import { d2ci } from '../harness/cli.ts';

// The cluster's OCIRepository as D2 writes it, with two matchOIDCIdentity entries (staging and release
// workflows) and the private Sigstore's trusted root in a Secret (Flux 2.9 trustedRootSecretRef).
const manifest = `apiVersion: source.toolkit.fluxcd.io/v1
kind: OCIRepository
metadata:
  name: flux-system
  namespace: flux-system
spec:
  interval: 1m
  url: oci://ghcr.io/acme/fleet
  ref:
    tag: latest
  verify:
    provider: cosign
    matchOIDCIdentity:
      - issuer: ^https://token\\.actions\\.githubusercontent\\.com$
        subject: ^https://github\\.com/acme/fleet/\\.github/workflows/push-artifact\\.yaml@refs/heads/main$
      - issuer: ^https://token\\.actions\\.githubusercontent\\.com$
        subject: ^https://github\\.com/acme/fleet/\\.github/workflows/release-artifact\\.yaml@refs/tags/v\\d+\\.\\d+\\.\\d+$
    trustedRootSecretRef:
      name: sigstore-root
`;

interface Verdict {
  version: string;
  accepted: boolean;
  reads: string;
  reason?: string;
}

describe('d2ci verify --flux-manifest', () => {
  let registry: LocalRegistry;
  let sigstore: LocalSigstore;
  let ws: string;
  before(async () => {
    [registry, sigstore] = await Promise.all([startRegistry('none'), startSigstore()]);
    ws = makeWorkspace(componentFiles);
    writeFileSync(join(ws, 'cluster.yaml'), manifest);
  });
  after(() => Promise.all([registry.stop(), sigstore.close()]));

  async function pushSigned(name: string, format: string): Promise<string> {
    const url = `oci://${registry.host}/acme/${name}:latest`;
    const pushed = await d2ci(['push', url, '--path', 'components/frontend', '--source', 's', '--revision', 'refs/heads/main@sha1:1'], ws);
    assert.equal(pushed.code, 0, pushed.stderr);
    const token = unsignedJwt({ ...sigstore.claims, aud: 'sigstore' });
    const signed = await d2ci(
      ['sign', url, '--identity-token', token, '--fulcio-url', sigstore.url, '--rekor-url', sigstore.url, '--signature-format', format],
      ws,
    );
    assert.equal(signed.code, 0, signed.stderr);
    return url;
  }

  it('accepts a legacy signature on every Flux version, with both matchOIDCIdentity entries', async () => {
    const url = await pushSigned('legacy', 'legacy');
    const verified = await d2ci(
      ['verify', url, '--flux-manifest', 'cluster.yaml', '--trusted-root', sigstore.trustedRootFile, '-o', 'json'],
      ws,
    );
    assert.equal(verified.code, 0, verified.stderr);
    const result = JSON.parse(verified.stdout) as {
      verified: boolean;
      format: string;
      flux: Verdict[];
      fluxManifest: { origin: string; identities: unknown[] };
    };
    assert.equal(result.format, 'legacy');
    assert.deepEqual(
      result.flux,
      ['2.6', '2.7', '2.8', '2.9'].map((version) => ({ version, accepted: true, reads: 'legacy' })),
    );
    assert.equal(result.fluxManifest.origin, 'OCIRepository flux-system/flux-system');
    assert.equal(result.fluxManifest.identities.length, 2);
    const text = await d2ci(['verify', url, '--flux-manifest', 'cluster.yaml', '--trusted-root', sigstore.trustedRootFile], ws);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stderr, /^ {2}cluster policy: OCIRepository flux-system\/flux-system in cluster\.yaml \(any of 2: /m);
    assert.match(text.stderr, /^ {2}Flux 2\.9: ✔ accepts \(reads the legacy \.sig\)$/m);
  });

  it('rejects a bundle-only signature: one matchOIDCIdentity entry on 2.8/2.9, no .sig on 2.6/2.7', async () => {
    const url = await pushSigned('bundle', 'bundle');
    const verified = await d2ci(
      ['verify', url, '--flux-manifest', 'cluster.yaml', '--trusted-root', sigstore.trustedRootFile, '-o', 'json'],
      ws,
    );
    assert.equal(verified.code, 1, verified.stderr);
    const result = JSON.parse(verified.stdout) as { verified: boolean; flux: Verdict[]; reasons: string[] };
    assert.equal(result.verified, false);
    for (const verdict of result.flux) assert.equal(verdict.accepted, false, verdict.version);
    for (const version of ['2.8', '2.9'])
      assert.match(
        result.flux.find((v) => v.version === version)?.reason ?? '',
        /one matchOIDCIdentity entry only \("unsupported: multiple identities"\), and the policy has 2: give the cluster one entry/,
      );
    for (const version of ['2.6', '2.7'])
      assert.match(
        result.flux.find((v) => v.version === version)?.reason ?? '',
        /reads only the legacy \.sig signature, and there is none/,
      );
    assert.ok(
      result.reasons.some((r) => /^Flux 2\.8 and 2\.9 would reject it: .*one matchOIDCIdentity entry/.test(r)),
      result.reasons.join('\n'),
    );
    // The same cluster on Flux 2.8 with one entry only would take it.
    writeFileSync(join(ws, 'one.yaml'), manifest.replace(/ {6}- issuer: [^\n]*\n {8}subject: [^\n]*release-artifact[^\n]*\n/, ''));
    const one = await d2ci(
      ['verify', url, '--flux-manifest', 'one.yaml', '--flux-version', '2.8', '--trusted-root', sigstore.trustedRootFile, '-o', 'json'],
      ws,
    );
    assert.equal(one.code, 0, one.stderr);
    assert.deepEqual((JSON.parse(one.stdout) as { flux: Verdict[] }).flux, [{ version: '2.8', accepted: true, reads: 'bundles' }]);
    // …unless it reaches the registry over plain HTTP at an address go-containerregistry does not treat as local:
    // Flux 2.8 then cannot fetch the bundle and reads only the (absent) .sig. The manifest's spec says how.
    writeFileSync(
      join(ws, 'plain.yaml'),
      readFileSync(join(ws, 'one.yaml'), 'utf8').replace(
        'url: oci://ghcr.io/acme/fleet',
        'url: oci://registry.internal:5000/acme/fleet\n  insecure: true',
      ),
    );
    const plain = await d2ci(
      ['verify', url, '--flux-manifest', 'plain.yaml', '--flux-version', '2.8', '--trusted-root', sigstore.trustedRootFile, '-o', 'json'],
      ws,
    );
    assert.equal(plain.code, 1, plain.stderr);
    const [verdict] = (JSON.parse(plain.stdout) as { flux: Verdict[] }).flux;
    assert.equal(verdict?.accepted, false);
    assert.match(verdict?.reason ?? '', /cannot fetch bundles from the plain-HTTP registry registry\.internal:5000 .*there is none/);
  });

  it('refuses flags the manifest already decides, and names the flag that supplies a Secret', async () => {
    const url = `oci://${registry.host}/acme/legacy:latest`;
    const both = await d2ci(
      ['verify', url, '--flux-manifest', 'cluster.yaml', '--certificate-identity-regexp', '.', '--trusted-root', sigstore.trustedRootFile],
      ws,
    );
    assert.equal(both.code, 1);
    assert.match(
      both.stderr,
      /^✗ --certificate-identity-regexp: conflicts with the flux manifest: OCIRepository flux-system\/flux-system in cluster\.yaml already gives verify\.matchOIDCIdentity \(2 entries\)$/m,
    );
    const noRoot = await d2ci(['verify', url, '--flux-manifest', 'cluster.yaml'], ws);
    assert.equal(noRoot.code, 1);
    assert.match(
      noRoot.stderr,
      /^✗ --trusted-root: is required: verify\.trustedRootSecretRef sigstore-root \(OCIRepository flux-system\/flux-system in cluster\.yaml\) holds the trusted_root\.json the cluster verifies with; pass it$/m,
    );
    writeFileSync(join(ws, 'keys.yaml'), manifest.replace(/ {4}matchOIDCIdentity:[\s\S]*$/, '    secretRef:\n      name: cosign-keys\n'));
    const noKey = await d2ci(['verify', url, '--flux-manifest', 'keys.yaml'], ws);
    assert.match(noKey.stderr, /^✗ --key: is required: verify\.secretRef cosign-keys .* pass its \*\.pub keys$/m);
    const missing = await d2ci(['verify', url, '--flux-manifest', 'cluster.yaml', '--flux-manifest-name', 'apps'], ws);
    assert.match(missing.stderr, /^✗ --flux-manifest-name: no OCIRepository "apps" in cluster\.yaml; it has flux-system\/flux-system$/m);
    writeFileSync(join(ws, 'broken.yaml'), 'spec: [\n');
    const broken = await d2ci(['verify', url, '--flux-manifest', 'broken.yaml'], ws);
    assert.match(broken.stderr, /^✗ --flux-manifest: broken\.yaml:\d+ is not valid YAML: /m);
    const orphan = await d2ci(['verify', url, '--flux-manifest-name', 'apps'], ws);
    assert.match(orphan.stderr, /^✗ --flux-manifest-name needs --flux-manifest FILE/m);
  });
});
