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
    assert.equal(policy.mismatch({ identity: workflow, issuer: gha }), undefined);
    // Exact means exact: no prefix, suffix or case folding.
    assert.equal(policy.mismatch({ identity: `${workflow}x`, issuer: gha }), `signed by ${workflow}x, expected identity ${workflow}`);
    assert.equal(
      policy.mismatch({ identity: workflow.toUpperCase(), issuer: gha }),
      `signed by ${workflow.toUpperCase()}, expected identity ${workflow}`,
    );
    assert.equal(policy.mismatch({ identity: undefined, issuer: gha }), `signed by (no identity), expected identity ${workflow}`);
    assert.equal(
      policy.mismatch({ identity: workflow, issuer: 'https://accounts.google.com' }),
      `issued by https://accounts.google.com, expected issuer ${gha}`,
    );
    assert.equal(policy.mismatch({ identity: workflow, issuer: undefined }), `issued by (no issuer), expected issuer ${gha}`);
    assert.equal(policy.mismatch({ identity: workflow, issuer: `${gha}/` }), `issued by ${gha}/, expected issuer ${gha}`);
  });

  it('matches an exact issuer that is given', () => {
    const policy = compilePolicy({ identity: 'dev@example.com', issuer: 'https://accounts.google.com' });
    assert.equal(policy.describe, 'identity dev@example.com, issuer https://accounts.google.com');
    assert.equal(policy.mismatch({ identity: 'dev@example.com', issuer: 'https://accounts.google.com' }), undefined);
    assert.equal(
      policy.mismatch({ identity: 'dev@example.com', issuer: gha }),
      `issued by ${gha}, expected issuer https://accounts.google.com`,
    );
  });

  it('matches identity and issuer by regular expression, unanchored unless anchored (as Go MatchString)', () => {
    const anchored = compilePolicy({
      identityRegexp: '^https://github\\.com/acme/fleet/\\.github/workflows/[^/]+@refs/heads/main$',
      issuerRegexp: '^https://token\\.actions\\.githubusercontent\\.com$',
    });
    assert.equal(
      anchored.describe,
      'identity matching ^https://github\\.com/acme/fleet/\\.github/workflows/[^/]+@refs/heads/main$, issuer matching ^https://token\\.actions\\.githubusercontent\\.com$',
    );
    assert.equal(anchored.mismatch({ identity: workflow, issuer: gha }), undefined);
    assert.match(
      anchored.mismatch({ identity: workflow.replace('main', 'feature'), issuer: gha }) ?? '',
      /^signed by .*@refs\/heads\/feature, expected identity matching \^https/,
    );
    assert.match(
      anchored.mismatch({ identity: `https://evil.example/?${workflow}`, issuer: gha }) ?? '',
      /^signed by https:\/\/evil\.example/,
    );
    assert.match(
      anchored.mismatch({ identity: workflow, issuer: `${gha}.evil.example` }) ?? '',
      /^issued by .*evil\.example, expected issuer matching/,
    );

    const loose = compilePolicy({ identityRegexp: 'acme/fleet' });
    assert.equal(loose.mismatch({ identity: workflow, issuer: gha }), undefined);
    assert.equal(
      loose.mismatch({ identity: `https://evil.example/acme/fleet`, issuer: gha }),
      undefined,
      'an unanchored pattern matches anywhere',
    );
    assert.equal(
      loose.mismatch({ identity: 'https://github.com/acme/other', issuer: gha }),
      'signed by https://github.com/acme/other, expected identity matching acme/fleet',
    );
    // A regexp identity still defaults to GitHub's issuer.
    assert.equal(loose.describe, `identity matching acme/fleet, issuer ${gha}`);
    assert.equal(
      loose.mismatch({ identity: workflow, issuer: 'https://gitlab.com' }),
      `issued by https://gitlab.com, expected issuer ${gha}`,
    );
    assert.equal(loose.mismatch({ identity: undefined, issuer: gha }), 'signed by (no identity), expected identity matching acme/fleet');
  });

  it('mixes an exact identity with an issuer regexp and vice versa', () => {
    const a = compilePolicy({ identity: workflow, issuerRegexp: '^https://token\\.actions\\.' });
    assert.equal(a.mismatch({ identity: workflow, issuer: gha }), undefined);
    assert.notEqual(a.mismatch({ identity: workflow, issuer: 'https://gitlab.com' }), undefined);
    const b = compilePolicy({ identityRegexp: '@refs/tags/v\\d+', issuer: gha });
    assert.equal(b.mismatch({ identity: workflow.replace('refs/heads/main', 'refs/tags/v12'), issuer: gha }), undefined);
    assert.equal(b.mismatch({ identity: workflow, issuer: gha }), `signed by ${workflow}, expected identity matching @refs/tags/v\\d+`);
  });

  it('refuses both the exact and the regexp form of the same field', () => {
    assert.throws(
      () => compilePolicy({ identity: workflow, identityRegexp: '.*' }),
      (err: Error) =>
        err instanceof PolicyInputError && err.message === 'give certificate-identity or certificate-identity-regexp, not both',
    );
    assert.throws(
      () => compilePolicy({ identity: workflow, issuer: gha, issuerRegexp: '.*' }),
      (err: Error) =>
        err instanceof PolicyInputError && err.message === 'give certificate-oidc-issuer or certificate-oidc-issuer-regexp, not both',
    );
  });

  it('requires an identity for keyless verification, with an example', () => {
    assert.throws(
      () => compilePolicy({}),
      (err: Error) =>
        err instanceof PolicyInputError &&
        /^certificate-identity or certificate-identity-regexp is required for keyless verification, e\.g\. /.test(err.message),
    );
    assert.throws(() => compilePolicy({ issuer: gha }), PolicyInputError);
    assert.throws(() => compilePolicy({ identity: '' }), PolicyInputError);
  });

  it("names an invalid regular expression and which option it came from, with Go's error", () => {
    const refused = (input: string, pattern: string, goError: string) => (err: Error) =>
      err instanceof PolicyInputError &&
      err.input === input &&
      err.message ===
        `${input === 'issuerRegexp' ? 'certificate-oidc-issuer-regexp' : 'certificate-identity-regexp'} "${pattern}" is not a valid regular expression in Go's RE2 syntax (what Flux and cosign use): error parsing regexp: ${goError}`;
    assert.throws(
      () => compilePolicy({ identityRegexp: '^https://github.com/(acme' }),
      refused('identityRegexp', '^https://github.com/(acme', 'missing closing ): `^https://github.com/(acme`'),
    );
    assert.throws(() => compilePolicy({ identity: workflow, issuerRegexp: '[' }), refused('issuerRegexp', '[', 'missing closing ]: `[`'));
    // A pattern mentioning "issuer" is still the identity's: the error carries the input, not just text.
    assert.throws(() => compilePolicy({ identityRegexp: 'issuer(' }), refused('identityRegexp', 'issuer(', 'missing closing ): `issuer(`'));
  });

  // Flux's matchOIDCIdentity and cosign's --certificate-*-regexp call Go's regexp.MatchString (RE2).
  it('reads identity and issuer patterns as Go does (RE2), not as JavaScript does', () => {
    const org = 'https://github.com/acme/fleet/.github/workflows/push-artifact.yaml@refs/heads/main';
    // Go-only syntax that JavaScript's RegExp refuses or reads differently.
    const caseless = compilePolicy({
      identityRegexp: '(?i)^https://github\\.com/ACME/',
      issuerRegexp: '(?i)^HTTPS://token\\.actions\\.githubusercontent\\.com\\z',
    });
    assert.equal(caseless.mismatch({ identity: org, issuer: gha }), undefined);
    assert.match(
      caseless.mismatch({ identity: org, issuer: `${gha}\n` }) ?? '',
      /^issued by/,
      '\\z is the very end of the text, a final newline included',
    );
    assert.equal(
      compilePolicy({ identityRegexp: '^https://github\\.com/(?P<org>acme)/' }).mismatch({ identity: org, issuer: gha }),
      undefined,
    );
    assert.equal(
      compilePolicy({ identityRegexp: '^https://github\\.com/(?<org>acme)/' }).mismatch({ identity: org, issuer: gha }),
      undefined,
    );
    const posix = compilePolicy({ identityRegexp: '^https://github\\.com/[[:alpha:]]+/' });
    assert.equal(posix.mismatch({ identity: org, issuer: gha }), undefined);
    assert.notEqual(posix.mismatch({ identity: 'https://github.com/acme2/x', issuer: gha }), undefined);
    assert.equal(compilePolicy({ identityRegexp: '\\Qhttps://github.com/acme/\\E' }).mismatch({ identity: org, issuer: gha }), undefined);
    // Unanchored: found anywhere, as MatchString does; `$` is the end of the text only (no multi-line mode).
    assert.equal(compilePolicy({ identityRegexp: 'refs/heads/main$' }).mismatch({ identity: org, issuer: gha }), undefined);
    assert.notEqual(compilePolicy({ identityRegexp: 'refs/heads/main$' }).mismatch({ identity: `${org}\nx`, issuer: gha }), undefined);

    // JavaScript-only syntax Go refuses must be refused here too, with Go's message.
    const refusedAs = (goError: string) => (err: Error) =>
      err instanceof PolicyInputError && err.message.endsWith(`: error parsing regexp: ${goError}`);
    assert.throws(
      () => compilePolicy({ identityRegexp: '^https://github\\.com/(?=acme)' }),
      refusedAs('invalid or unsupported Perl syntax: `(?=`'),
    );
    assert.throws(
      () => compilePolicy({ identityRegexp: '^https://github\\.com/(?!evil)' }),
      refusedAs('invalid or unsupported Perl syntax: `(?!`'),
    );
    assert.throws(() => compilePolicy({ identityRegexp: '(acme)/\\1' }), refusedAs('invalid escape sequence: `\\1`'));
    assert.throws(() => compilePolicy({ identityRegexp: 'acme\\Z' }), refusedAs('invalid escape sequence: `\\Z`'));
    assert.throws(() => compilePolicy({ identity: workflow, issuerRegexp: '\\u0068ttps' }), refusedAs('invalid escape sequence: `\\u`'));
    assert.throws(() => compilePolicy({ identityRegexp: 'a{1001}' }), refusedAs('invalid repeat count: `{1001}`'));
  });
});

describe('compilePolicy with certificate-github-workflow-repository', () => {
  const reusable = 'https://github.com/acme/platform-workflows/.github/workflows/d2-push.yaml@refs/tags/v1';
  it('pins the repository whose run signed, which a reusable workflow identity does not name', () => {
    const policy = compilePolicy({ identity: reusable, sourceRepository: 'Acme/Apps' });
    assert.equal(policy.describe, `identity ${reusable}, issuer ${gha}, run in acme/apps`);
    assert.equal(policy.mismatch({ identity: reusable, issuer: gha, sourceRepository: 'acme/apps' }), undefined);
    assert.equal(
      policy.mismatch({ identity: reusable, issuer: gha, sourceRepository: 'ACME/apps' }),
      undefined,
      'GitHub names are case-insensitive',
    );
    assert.equal(
      policy.mismatch({ identity: reusable, issuer: gha, sourceRepository: 'mallory/apps' }),
      `signed by ${reusable} in a run of mallory/apps, expected a run of acme/apps`,
    );
    assert.equal(
      policy.mismatch({ identity: reusable, issuer: gha }),
      `signed by ${reusable} in a run of (no repository in the certificate), expected a run of acme/apps`,
    );
    // The identity is still checked first.
    assert.match(
      policy.mismatch({ identity: workflow, issuer: gha, sourceRepository: 'acme/apps' }) ?? '',
      /^signed by .*push-artifact\.yaml@refs\/heads\/main, expected identity/,
    );
  });

  it('takes a repository URL too, and refuses what is not owner/repo', () => {
    assert.equal(
      compilePolicy({ identity: reusable, sourceRepository: 'https://github.com/acme/apps' }).mismatch({
        identity: reusable,
        issuer: gha,
        sourceRepository: 'acme/apps',
      }),
      undefined,
    );
    assert.throws(
      () => compilePolicy({ identity: reusable, sourceRepository: 'acme' }),
      (err: Error) => err instanceof PolicyInputError && err.message === 'certificate-github-workflow-repository "acme" is not owner/repo',
    );
    assert.equal(compilePolicy({ identity: reusable, sourceRepository: '' }).describe, `identity ${reusable}, issuer ${gha}`);
  });
});

describe('compilePolicy with a list of identities (an identity transition)', () => {
  const old = 'https://github.com/acme/fleet/.github/workflows/push-artifact.yaml@refs/heads/main';
  const next = 'https://github.com/acme/platform-workflows/.github/workflows/d2-push.yaml@refs/heads/main';

  it('accepts any exact identity of the list, and says how many entries a cluster would need', () => {
    const policy = compilePolicy({ identity: [old, next] });
    assert.equal(policy.entries, 2);
    assert.equal(policy.describe, `identity any of ${old} | ${next}, issuer ${gha}`);
    assert.equal(policy.mismatch({ identity: old, issuer: gha }), undefined);
    assert.equal(policy.mismatch({ identity: next, issuer: gha }), undefined);
    assert.match(policy.mismatch({ identity: `${next}x`, issuer: gha }) ?? '', /^signed by .*x, expected identity any of /);
    // The issuer still applies to every entry.
    assert.match(policy.mismatch({ identity: next, issuer: 'https://accounts.google.com' }) ?? '', /^issued by https:\/\/accounts/);
  });

  it('accepts any pattern of the list; one pattern counts as one entry, whatever it alternates', () => {
    const policy = compilePolicy({
      identityRegexp: ['^https://github\\.com/acme/fleet/', '^https://github\\.com/acme/platform-workflows/'],
    });
    assert.equal(policy.entries, 2);
    assert.equal(policy.mismatch({ identity: next, issuer: gha }), undefined);
    assert.ok(policy.mismatch({ identity: 'https://github.com/evil/fleet/x@refs/heads/main', issuer: gha }));
    const one = compilePolicy({ identityRegexp: '^https://github\\.com/acme/(fleet|platform-workflows)/' });
    assert.equal(one.entries, 1);
    assert.equal(one.mismatch({ identity: old, issuer: gha }), undefined);
    assert.equal(one.mismatch({ identity: next, issuer: gha }), undefined);
  });

  it('ignores empty lines, refuses exact and pattern lists together, and names a bad pattern in a list', () => {
    assert.equal(compilePolicy({ identity: [old, ' ', ''] }).entries, 1);
    assert.throws(
      () => compilePolicy({ identity: [old], identityRegexp: ['^x'] }),
      (err: unknown) => err instanceof PolicyInputError && err.code === 'POLICY_CONFLICT',
    );
    assert.throws(
      () => compilePolicy({ identityRegexp: ['^ok$', '(?=lookahead)'] }),
      (err: unknown) => err instanceof PolicyInputError && err.code === 'POLICY_INVALID' && /\(\?=lookahead\)/.test(err.message),
    );
    assert.throws(
      () => compilePolicy({ identity: [' '] }),
      (err: unknown) => err instanceof PolicyInputError && err.code === 'POLICY_MISSING',
    );
  });
});
