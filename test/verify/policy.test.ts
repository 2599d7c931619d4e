import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compilePolicy, githubIssuer, PolicyInputError } from '@d2ci/core';

const workflow = 'https://github.com/acme/fleet/.github/workflows/push-artifact.yaml@refs/heads/main';
const gha = 'https://token.actions.githubusercontent.com';

describe('compilePolicy', () => {
  it('matches an exact identity, with GitHub Actions as the default issuer', () => {
    assert.equal(githubIssuer, gha);
    const policy = compilePolicy({ identity: workflow });
    assert.equal(policy.describe, `identity ${workflow}, issuer ${gha}`);
    assert.equal(policy.mismatch(workflow, gha), undefined);
    // Exact means exact: no prefix, suffix or case folding.
    assert.equal(policy.mismatch(`${workflow}x`, gha), `signed by ${workflow}x, expected identity ${workflow}`);
    assert.equal(policy.mismatch(workflow.toUpperCase(), gha), `signed by ${workflow.toUpperCase()}, expected identity ${workflow}`);
    assert.equal(policy.mismatch(undefined, gha), `signed by (no identity), expected identity ${workflow}`);
    assert.equal(policy.mismatch(workflow, 'https://accounts.google.com'), `issued by https://accounts.google.com, expected issuer ${gha}`);
    assert.equal(policy.mismatch(workflow, undefined), `issued by (no issuer), expected issuer ${gha}`);
    assert.equal(policy.mismatch(workflow, `${gha}/`), `issued by ${gha}/, expected issuer ${gha}`);
  });

  it('matches an exact issuer that is given', () => {
    const policy = compilePolicy({ identity: 'dev@example.com', issuer: 'https://accounts.google.com' });
    assert.equal(policy.describe, 'identity dev@example.com, issuer https://accounts.google.com');
    assert.equal(policy.mismatch('dev@example.com', 'https://accounts.google.com'), undefined);
    assert.equal(policy.mismatch('dev@example.com', gha), `issued by ${gha}, expected issuer https://accounts.google.com`);
  });

  it('matches identity and issuer by regular expression, unanchored unless anchored (as Go MatchString)', () => {
    const anchored = compilePolicy({ identityRegexp: '^https://github\\.com/acme/fleet/\\.github/workflows/[^/]+@refs/heads/main$', issuerRegexp: '^https://token\\.actions\\.githubusercontent\\.com$' });
    assert.equal(anchored.describe, 'identity matching ^https://github\\.com/acme/fleet/\\.github/workflows/[^/]+@refs/heads/main$, issuer matching ^https://token\\.actions\\.githubusercontent\\.com$');
    assert.equal(anchored.mismatch(workflow, gha), undefined);
    assert.match(anchored.mismatch(workflow.replace('main', 'feature'), gha) ?? '', /^signed by .*@refs\/heads\/feature, expected identity matching \^https/);
    assert.match(anchored.mismatch(`https://evil.example/?${workflow}`, gha) ?? '', /^signed by https:\/\/evil\.example/);
    assert.match(anchored.mismatch(workflow, `${gha}.evil.example`) ?? '', /^issued by .*evil\.example, expected issuer matching/);

    const loose = compilePolicy({ identityRegexp: 'acme/fleet' });
    assert.equal(loose.mismatch(workflow, gha), undefined);
    assert.equal(loose.mismatch(`https://evil.example/acme/fleet`, gha), undefined, 'an unanchored pattern matches anywhere');
    assert.equal(loose.mismatch('https://github.com/acme/other', gha), 'signed by https://github.com/acme/other, expected identity matching acme/fleet');
    // A regexp identity still defaults to GitHub's issuer.
    assert.equal(loose.describe, `identity matching acme/fleet, issuer ${gha}`);
    assert.equal(loose.mismatch(workflow, 'https://gitlab.com'), `issued by https://gitlab.com, expected issuer ${gha}`);
    assert.equal(loose.mismatch(undefined, gha), 'signed by (no identity), expected identity matching acme/fleet');
  });

  it('mixes an exact identity with an issuer regexp and vice versa', () => {
    const a = compilePolicy({ identity: workflow, issuerRegexp: '^https://token\\.actions\\.' });
    assert.equal(a.mismatch(workflow, gha), undefined);
    assert.notEqual(a.mismatch(workflow, 'https://gitlab.com'), undefined);
    const b = compilePolicy({ identityRegexp: '@refs/tags/v\\d+', issuer: gha });
    assert.equal(b.mismatch(workflow.replace('refs/heads/main', 'refs/tags/v12'), gha), undefined);
    assert.equal(b.mismatch(workflow, gha), `signed by ${workflow}, expected identity matching @refs/tags/v\\d+`);
  });

  it('refuses both the exact and the regexp form of the same field', () => {
    assert.throws(() => compilePolicy({ identity: workflow, identityRegexp: '.*' }), (err: Error) => err instanceof PolicyInputError && err.message === 'give certificate-identity or certificate-identity-regexp, not both');
    assert.throws(() => compilePolicy({ identity: workflow, issuer: gha, issuerRegexp: '.*' }), (err: Error) => err instanceof PolicyInputError && err.message === 'give certificate-oidc-issuer or certificate-oidc-issuer-regexp, not both');
  });

  it('requires an identity for keyless verification, with an example', () => {
    assert.throws(() => compilePolicy({}), (err: Error) => err instanceof PolicyInputError && /^certificate-identity or certificate-identity-regexp is required for keyless verification, e\.g\. /.test(err.message));
    assert.throws(() => compilePolicy({ issuer: gha }), PolicyInputError);
    assert.throws(() => compilePolicy({ identity: '' }), PolicyInputError);
  });

  it('names an invalid regular expression and which option it came from', () => {
    assert.throws(() => compilePolicy({ identityRegexp: '^https://github.com/(acme' }), (err: Error) => err instanceof PolicyInputError && err.message.startsWith('certificate-identity-regexp "^https://github.com/(acme" is not a valid regular expression: ') && /Unterminated group/.test(err.message));
    assert.throws(() => compilePolicy({ identity: workflow, issuerRegexp: '[' }), (err: Error) => err instanceof PolicyInputError && err.message.startsWith('certificate-oidc-issuer-regexp "[" is not a valid regular expression: '));
  });
});
