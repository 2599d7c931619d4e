import { BaseError, type Field } from '@d2ci/core';
import { UsageError } from './errors.ts';

/**
 * The one table from core's neutral fields to the CLI's flags. Typed over every field, so a field added in core
 * fails to typecheck here until it has a name. `null` is no flag to name, so the error is shown as it is: the URL
 * argument (its errors quote the URL themselves: `invalid reference "…": …`, `cannot resolve registry host … in
 * "…"`), and what only the actions take (API commits, GitHub App tokens).
 */
export const flagNames: Readonly<Record<Field, string | null>> = {
  reference: null,
  path: '--path',
  components: '--components',
  'ignore-paths': '--ignore-paths',
  'resolve-symlinks': '--resolve-symlinks',
  tags: '--tag',
  'diff-tag': '--diff-tag',
  'layer-media-type': '--layer-media-type',
  referrer: '--referrer',
  attach: '--attach',
  attest: '--attest',
  'signing-key': '--key',
  'signing-key-password': '--key',
  'notation-key': '--notation-key',
  'notation-key-password': '--notation-key',
  'notation-certificate-chain': '--notation-cert',
  'certificate-identity': '--certificate-identity',
  'certificate-identity-regexp': '--certificate-identity-regexp',
  'certificate-oidc-issuer': '--certificate-oidc-issuer',
  'certificate-oidc-issuer-regexp': '--certificate-oidc-issuer-regexp',
  'certificate-github-workflow-repository': '--certificate-github-workflow-repository',
  'public-key': '--key',
  'trusted-root': '--trusted-root',
  provider: '--provider',
  'flux-version': '--flux-version',
  'signature-format': '--signature-format',
  'signing-config': '--signing-config',
  'notation-trust-policy': '--notation-trust-policy',
  'notation-scope': '--notation-scope',
  ref: '--ref',
  'tag-pattern': '--tag-pattern',
  'rollback-to': '--rollback-to',
  'filter-semver': '--filter-semver',
  'filter-regex': '--filter-regex',
  'tool-sources': '--tool-sources',
  'require-attestations': '--require-attestations',
  'policies-path': '--policies-path',
  'update-path': '--update-path',
  'message-template': '--message-template',
  'dry-run': '--dry-run',
  'commit-via': null,
  'app-id': null,
  'signature-annotations': '--signature-annotation',
};

/**
 * The error as a `UsageError` naming the flag it is about (`--key: wrong password …`), when it is one of core's
 * errors with a field; otherwise undefined. `names` overrides the table for this command.
 */
export function usageError(err: unknown, names: Partial<Record<Field, string | null>> = {}): UsageError | undefined {
  if (!(err instanceof BaseError) || err.field === undefined) return undefined;
  const flag = err.field in names ? names[err.field] : flagNames[err.field];
  return new UsageError(flag ? `${flag}: ${err.problem}` : err.message);
}
