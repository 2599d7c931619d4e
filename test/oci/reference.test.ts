import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseReference,
  escapeControls,
  formatReference,
  isLoopbackHost,
  registryEndpoint,
  referenceTarget,
  repositoryName,
  isValidTag,
  assertValidTag,
  parseLocation,
  formatLocation,
  locationReference,
  locationName,
  InvalidReferenceError,
  OciError,
  type Reference,
} from '@d2ci/core/oci';

const hex64 = 'a'.repeat(32) + '0123456789abcdef'.repeat(2);
const sha = `sha256:${hex64}`;
const sha512 = `sha512:${'0123456789abcdef'.repeat(8)}`;

/** input → expected reference */
const valid: [string, Reference][] = [
  ['oci://ghcr.io/acme/app:v1.2.3', { registry: 'ghcr.io', repository: 'acme/app', tag: 'v1.2.3' }],
  ['ghcr.io/acme/app:v1.2.3', { registry: 'ghcr.io', repository: 'acme/app', tag: 'v1.2.3' }],
  ['ghcr.io/acme/app', { registry: 'ghcr.io', repository: 'acme/app' }],
  ['oci://ghcr.io/acme/app', { registry: 'ghcr.io', repository: 'acme/app' }],
  ['OCI://ghcr.io/acme/app:v1', { registry: 'ghcr.io', repository: 'acme/app', tag: 'v1' }],
  ['ghcr.io/acme/team/deep/app:latest', { registry: 'ghcr.io', repository: 'acme/team/deep/app', tag: 'latest' }],
  ['127.0.0.1:5000/acme/app:dev', { registry: '127.0.0.1:5000', repository: 'acme/app', tag: 'dev' }],
  ['oci://127.0.0.1:5000/app', { registry: '127.0.0.1:5000', repository: 'app' }],
  ['registry.example.com:443/a/b', { registry: 'registry.example.com:443', repository: 'a/b' }],
  ['localhost:5000/app:1', { registry: 'localhost:5000', repository: 'app', tag: '1' }],
  ['localhost/app', { registry: 'localhost', repository: 'app' }],
  ['[::1]:5000/app:v1', { registry: '[::1]:5000', repository: 'app', tag: 'v1' }],
  ['oci://[::1]:5000/team/app', { registry: '[::1]:5000', repository: 'team/app' }],
  ['[::1]/app', { registry: '[::1]', repository: 'app' }],
  ['[2001:db8::1]:443/x/y@' + sha, { registry: '[2001:db8::1]:443', repository: 'x/y', digest: sha }],
  ['docker.io/library/nginx:1.27', { registry: 'docker.io', repository: 'library/nginx', tag: '1.27' }],
  ['docker.io/nginx', { registry: 'docker.io', repository: 'library/nginx' }],
  ['index.docker.io/nginx:latest', { registry: 'docker.io', repository: 'library/nginx', tag: 'latest' }],
  ['registry-1.docker.io/acme/app', { registry: 'docker.io', repository: 'acme/app' }],
  ['registry.hub.docker.com/acme/app:x', { registry: 'docker.io', repository: 'acme/app', tag: 'x' }],
  ['nginx', { registry: 'docker.io', repository: 'library/nginx' }],
  ['nginx:1.27-alpine', { registry: 'docker.io', repository: 'library/nginx', tag: '1.27-alpine' }],
  ['acme/app:v1', { registry: 'docker.io', repository: 'acme/app', tag: 'v1' }],
  ['oci://acme/app', { registry: 'docker.io', repository: 'acme/app' }],
  ['GHCR.IO/acme/app', { registry: 'ghcr.io', repository: 'acme/app' }],
  ['Docker.IO/redis', { registry: 'docker.io', repository: 'library/redis' }],
  ['ghcr.io/acme/app@' + sha, { registry: 'ghcr.io', repository: 'acme/app', digest: sha }],
  ['ghcr.io/acme/app@' + sha512, { registry: 'ghcr.io', repository: 'acme/app', digest: sha512 }],
  ['ghcr.io/acme/app:v1@' + sha, { registry: 'ghcr.io', repository: 'acme/app', tag: 'v1', digest: sha }],
  ['localhost:5000/app:v1@' + sha, { registry: 'localhost:5000', repository: 'app', tag: 'v1', digest: sha }],
  ['  ghcr.io/acme/app:v1\n', { registry: 'ghcr.io', repository: 'acme/app', tag: 'v1' }],
  ['ghcr.io/a.b/c_d/e__f/g-h/i--j:_t.A-9', { registry: 'ghcr.io', repository: 'a.b/c_d/e__f/g-h/i--j', tag: '_t.A-9' }],
  ['ghcr.io/acme/app:' + 'T'.repeat(128), { registry: 'ghcr.io', repository: 'acme/app', tag: 'T'.repeat(128) }],
  ['ghcr.io/' + 'a'.repeat(247), { registry: 'ghcr.io', repository: 'a'.repeat(247) }],
  ['my-registry.local:65535/app', { registry: 'my-registry.local:65535', repository: 'app' }],
  ['host.example:1/app', { registry: 'host.example:1', repository: 'app' }],
];

/** input → pattern the error message must match (naming the bad part) */
const invalid: [string, RegExp][] = [
  ['', /it is empty/],
  ['   ', /it is empty/],
  ['ghcr.io/Acme/app', /repository "Acme\/app" must be lowercase.*"acme\/app"/],
  ['acme/App', /repository "acme\/App" must be lowercase/],
  ['ghcr.io/acme/app:-bad', /tag "-bad" is invalid/],
  ['ghcr.io/acme/app:.bad', /tag "\.bad" is invalid/],
  ['ghcr.io/acme/app:bad+tag', /tag "bad\+tag" is invalid/],
  ['ghcr.io/acme/app:', /tag "" is invalid/],
  ['ghcr.io/acme/app:' + 'x'.repeat(129), /tag "x{129}" is invalid/],
  ['ghcr.io/acme/app@sha256:abc', /digest "sha256:abc": sha256 needs 64 lowercase hex characters/],
  ['ghcr.io/acme/app@sha256:' + hex64 + 'ab', /sha256 needs 64 lowercase hex/],
  ['ghcr.io/acme/app@sha256:' + hex64.toUpperCase(), /sha256 needs 64 lowercase hex/],
  ['ghcr.io/acme/app@md5:' + 'a'.repeat(32), /unsupported algorithm "md5"/],
  ['ghcr.io/acme/app@' + hex64, /digest "a+0123.*": expected <algorithm>:<hex>/],
  ['ghcr.io/acme/app@sha512:' + hex64, /sha512 needs 128 lowercase hex/],
  ['ghcr.io/', /repository path is missing/],
  ['oci://', /repository path is missing/],
  ['ghcr.io//app', /repository "\/app" has an empty path element/],
  ['ghcr.io/acme//app', /empty path element/],
  ['ghcr.io/acme/app/', /empty path element/],
  ['ghcr.io/acme/a..b', /path element "a\.\.b" is invalid/],
  ['ghcr.io/acme/a___b', /path element "a___b" is invalid/],
  ['ghcr.io/acme/-app', /path element "-app" is invalid/],
  ['localhost:0/app', /registry port "0" is out of range/],
  ['localhost:65536/app', /registry port "65536" is out of range/],
  ['127.0.0.1:99999/app', /registry port "99999" is out of range/],
  ['my_host.example/app', /registry host "my_host\.example" is not a valid host\[:port\]/],
  ['-bad.example/app', /registry host "-bad\.example" is not a valid/],
  ['[::1/app', /registry host "\[::1" is not a valid/],
  ['https://ghcr.io/acme/app', /unsupported scheme "https:\/\/"/],
  ['http://localhost:5000/app', /unsupported scheme "http:\/\/"/],
  ['docker://nginx', /unsupported scheme "docker:\/\/"/],
  ['ghcr.io/acme/my app', /contains whitespace/],
  ['ghcr.io/acme/app:v\t1', /contains whitespace/],
  ['ghcr.io/' + 'a'.repeat(248), /longer than 255 characters/],
  ['ghcr.io/' + 'ab/'.repeat(90) + 'c', /longer than 255 characters/],
];

describe('parseReference', () => {
  for (const [input, expected] of valid) {
    it(`parses ${JSON.stringify(input.length > 70 ? `${input.slice(0, 60)}…` : input)}`, () => {
      assert.deepEqual(parseReference(input), expected);
    });
  }

  for (const [input, pattern] of invalid) {
    it(`rejects ${JSON.stringify(input.length > 70 ? `${input.slice(0, 60)}…` : input)}`, () => {
      assert.throws(
        () => parseReference(input),
        (err: unknown) => {
          assert.ok(err instanceof InvalidReferenceError, `expected InvalidReferenceError, got ${String(err)}`);
          assert.ok(err instanceof OciError);
          assert.equal(err.code, 'INVALID_REFERENCE');
          assert.match(err.message, pattern);
          // Control characters in what the user typed are shown escaped (a tab as \u0009), never raw.
          assert.ok(err.message.startsWith(`invalid reference "${escapeControls(input)}"`), err.message);
          assert.doesNotMatch(err.message, /\n/);
          return true;
        },
      );
    });
  }

  it('reads a lone host-like word the way docker does: a Docker Hub repository, never a registry', () => {
    // `docker pull ghcr.io` also means docker.io/library/ghcr.io; the client must not guess otherwise.
    assert.deepEqual(parseReference('oci://ghcr.io'), { registry: 'docker.io', repository: 'library/ghcr.io' });
    assert.deepEqual(parseReference('localhost:5000'), { registry: 'docker.io', repository: 'library/localhost', tag: '5000' });
  });

  it('treats the 255-character limit as host + "/" + repository, exactly at the boundary', () => {
    const at = `ghcr.io/${'a'.repeat(255 - 'ghcr.io/'.length)}`;
    assert.equal(at.length, 255);
    assert.equal(parseReference(at).repository.length, 247);
    assert.throws(() => parseReference(`${at}a`), /longer than 255/);
  });

  it('round-trips through formatReference for every valid case', () => {
    for (const [input, expected] of valid) {
      const formatted = formatReference(parseReference(input));
      assert.deepEqual(parseReference(formatted), expected, `${input} → ${formatted}`);
    }
    assert.equal(formatReference({ registry: 'ghcr.io', repository: 'a/b', tag: 't', digest: sha }), `ghcr.io/a/b:t@${sha}`);
    assert.equal(formatReference({ registry: 'docker.io', repository: 'library/nginx' }), 'docker.io/library/nginx');
    assert.equal(formatReference({ registry: '[::1]:5000', repository: 'x', digest: sha }), `[::1]:5000/x@${sha}`);
  });

  it('names the target: digest wins over tag', () => {
    assert.equal(referenceTarget(parseReference(`ghcr.io/a/b:v1@${sha}`)), sha);
    assert.equal(referenceTarget(parseReference('ghcr.io/a/b:v1')), 'v1');
    assert.equal(referenceTarget(parseReference('ghcr.io/a/b')), undefined);
    assert.equal(repositoryName(parseReference('index.docker.io/nginx:1')), 'docker.io/library/nginx');
  });

  it('validates tags on their own with the same grammar', () => {
    assert.equal(isValidTag('v1.0.0'), true);
    assert.equal(isValidTag('_x'), true);
    assert.equal(isValidTag('.x'), false);
    assert.equal(isValidTag('a/b'), false);
    assert.equal(isValidTag('x'.repeat(128)), true);
    assert.equal(isValidTag('x'.repeat(129)), false);
    assert.throws(
      () => assertValidTag('no spaces'),
      (err: OciError) => err.code === 'INVALID_REFERENCE' && /invalid tag "no spaces"/.test(err.message),
    );
    assert.doesNotThrow(() => assertValidTag('sha256-abc'));
  });
});

describe('isLoopbackHost and registryEndpoint', () => {
  const loopback = ['localhost', 'localhost:5000', '127.0.0.1', '127.0.0.1:5000', '127.1.2.3:80', '[::1]', '[::1]:5000'];
  const remote = [
    'ghcr.io',
    'docker.io',
    'localhost.example.com',
    'mylocalhost:5000',
    '127.0.0.1.nip.io',
    '10.0.0.1:5000',
    '128.0.0.1',
    '[::2]:5000',
    '[2001:db8::1]',
  ];
  for (const host of loopback) it(`${host} is loopback`, () => assert.equal(isLoopbackHost(host), true));
  for (const host of remote) it(`${host} is not loopback`, () => assert.equal(isLoopbackHost(host), false));

  it('maps Docker Hub to its API host and leaves everything else alone', () => {
    assert.equal(registryEndpoint('docker.io'), 'registry-1.docker.io');
    assert.equal(registryEndpoint(parseReference('index.docker.io/x/y').registry), 'registry-1.docker.io');
    assert.equal(registryEndpoint('ghcr.io'), 'ghcr.io');
    assert.equal(registryEndpoint('127.0.0.1:5000'), '127.0.0.1:5000');
    assert.equal(registryEndpoint('[::1]:5000'), '[::1]:5000');
  });
});

describe('parseLocation and formatLocation (oci-layout:DIR[:tag|@digest])', () => {
  const layouts: [string, { dir: string; tag?: string; digest?: string }][] = [
    ['oci-layout:out', { dir: 'out' }],
    ['oci-layout:./out:v1', { dir: './out', tag: 'v1' }],
    ['oci-layout:/tmp/a/b:latest', { dir: '/tmp/a/b', tag: 'latest' }],
    [`oci-layout:/tmp/x@${sha}`, { dir: '/tmp/x', digest: sha }],
    [`oci-layout:out:v2@${sha}`, { dir: 'out', tag: 'v2', digest: sha }],
    ['oci-layout:///abs/dir:t', { dir: '/abs/dir', tag: 't' }],
    ['oci-layout://rel/dir', { dir: 'rel/dir' }],
    ['oci-layout:./we:ird/dir', { dir: './we:ird/dir' }],
    ['  oci-layout:out:v1  ', { dir: 'out', tag: 'v1' }],
  ];
  for (const [input, expected] of layouts) {
    it(`parses ${JSON.stringify(input)}`, () => {
      assert.deepEqual(parseLocation(input), { kind: 'layout', ...expected });
    });
  }

  it('parses registry locations with parseReference', () => {
    assert.deepEqual(parseLocation('oci://ghcr.io/acme/app:v1'), {
      kind: 'registry',
      reference: { registry: 'ghcr.io', repository: 'acme/app', tag: 'v1' },
    });
    assert.deepEqual(parseLocation('nginx'), { kind: 'registry', reference: { registry: 'docker.io', repository: 'library/nginx' } });
    assert.throws(() => parseLocation('https://ghcr.io/a'), /unsupported scheme/);
  });

  it('rejects a missing directory, a bad tag and a bad digest', () => {
    assert.throws(
      () => parseLocation('oci-layout:'),
      (err: OciError) => err.code === 'INVALID_REFERENCE' && /directory is missing/.test(err.message),
    );
    assert.throws(
      () => parseLocation('oci-layout:out:-bad'),
      (err: OciError) => err.code === 'INVALID_REFERENCE' && /invalid tag "-bad"/.test(err.message),
    );
    assert.throws(
      () => parseLocation('oci-layout:out@sha256:1234'),
      (err: OciError) => err.code === 'INVALID_REFERENCE' && /sha256 needs 64/.test(err.message),
    );
    assert.throws(() => parseLocation(`oci-layout:@${sha}`), /directory is missing/);
    assert.throws(() => parseLocation('oci-layout::v1'), /directory is missing/);
  });

  it('round-trips, names the reference and the location without it', () => {
    for (const [input] of layouts) {
      const parsed = parseLocation(input);
      assert.deepEqual(parseLocation(formatLocation(parsed)), parsed, input);
    }
    const both = parseLocation(`oci-layout:out:v2@${sha}`);
    assert.equal(formatLocation(both), `oci-layout:out:v2@${sha}`);
    assert.equal(locationReference(both), sha);
    assert.equal(locationReference(parseLocation('oci-layout:out:v2')), 'v2');
    assert.equal(locationReference(parseLocation('oci-layout:out')), undefined);
    assert.equal(locationName(both), 'oci-layout:out');
    const registry = parseLocation(`index.docker.io/nginx:1@${sha}`);
    assert.equal(formatLocation(registry), `docker.io/library/nginx:1@${sha}`);
    assert.equal(locationReference(registry), sha);
    assert.equal(locationName(registry), 'docker.io/library/nginx');
  });
});
