import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseChallenges, mergeScopes, repositoryScope } from '@d2ci/core/oci';

describe('parseChallenges (WWW-Authenticate)', () => {
  it('parses a Bearer challenge with realm, service and a scope holding a quoted comma', () => {
    assert.deepEqual(
      parseChallenges('Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:acme/app:pull,push"'),
      [
        {
          scheme: 'bearer',
          params: { realm: 'https://auth.example.com/token', service: 'registry.example.com', scope: 'repository:acme/app:pull,push' },
        },
      ],
    );
  });

  it('keeps space-separated scopes in one value (distribution asks for two repositories on a mount)', () => {
    const [challenge] = parseChallenges(
      'Bearer realm="http://127.0.0.1:5002/token",service="local-registry",scope="repository:tok/third:pull,push repository:tok/app:pull"',
    );
    assert.equal(challenge?.params.scope, 'repository:tok/third:pull,push repository:tok/app:pull');
  });

  it('parses several challenges in one header, in order', () => {
    assert.deepEqual(parseChallenges('Basic realm="basic-realm", Bearer realm="https://r/token",service="s",error="insufficient_scope"'), [
      { scheme: 'basic', params: { realm: 'basic-realm' } },
      { scheme: 'bearer', params: { realm: 'https://r/token', service: 's', error: 'insufficient_scope' } },
    ]);
    assert.deepEqual(
      parseChallenges('Bearer realm="a",scope="x:y:pull,push", Basic realm="b, c"').map((c) => [c.scheme, c.params]),
      [
        ['bearer', { realm: 'a', scope: 'x:y:pull,push' }],
        ['basic', { realm: 'b, c' }],
      ],
    );
  });

  it('unescapes quoted-pair characters inside quoted strings', () => {
    const [challenge] = parseChallenges(String.raw`Bearer realm="https://r/token?x=\"y\"",service="s\\vc"`);
    assert.equal(challenge?.params.realm, 'https://r/token?x="y"');
    assert.equal(challenge?.params.service, 's\\vc');
  });

  it('accepts token (unquoted) values, whitespace around "=" and case-insensitive names', () => {
    assert.deepEqual(parseChallenges('BEARER Realm = https://r/token , Service=reg,SCOPE="repository:a:pull"'), [
      { scheme: 'bearer', params: { realm: 'https://r/token', service: 'reg', scope: 'repository:a:pull' } },
    ]);
  });

  it('keeps parameter values case-sensitive', () => {
    const [challenge] = parseChallenges('Bearer realm="https://R/Token",service="Svc"');
    assert.deepEqual(challenge?.params, { realm: 'https://R/Token', service: 'Svc' });
  });

  it('handles a scheme without parameters and empty or comma-only headers', () => {
    assert.deepEqual(parseChallenges('Basic'), [{ scheme: 'basic', params: {} }]);
    assert.deepEqual(parseChallenges('Negotiate, Basic realm="r"'), [
      { scheme: 'negotiate', params: {} },
      { scheme: 'basic', params: { realm: 'r' } },
    ]);
    assert.deepEqual(parseChallenges(''), []);
    assert.deepEqual(parseChallenges(' , ,'), []);
  });

  it('terminates on malformed input (unterminated quote, stray "=")', () => {
    assert.deepEqual(parseChallenges('Bearer realm="unterminated'), [{ scheme: 'bearer', params: { realm: 'unterminated' } }]);
    const parsed = parseChallenges('Bearer =x, Basic realm="r"');
    assert.ok(
      parsed.some((c) => c.scheme === 'basic' && c.params.realm === 'r'),
      JSON.stringify(parsed),
    );
  });
});

describe('token scopes', () => {
  it('builds repository scopes', () => {
    assert.equal(repositoryScope('acme/app', ['pull', 'push']), 'repository:acme/app:pull,push');
  });

  it('merges scopes per resource, uniting and sorting actions', () => {
    assert.deepEqual(mergeScopes(['repository:a:pull'], ['repository:a:push', 'repository:b:pull'], ['repository:a:pull']), [
      'repository:a:pull,push',
      'repository:b:pull',
    ]);
    assert.deepEqual(mergeScopes(['registry:catalog:*']), ['registry:catalog:*']);
    assert.deepEqual(mergeScopes(['nonsense', 'repository:x:delete,pull']), ['repository:x:delete,pull']);
  });
});
