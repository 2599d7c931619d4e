import { BaseError, type Field } from '@d2ci/core';
import { InputError } from './inputs.ts';

/**
 * The one table from core's neutral fields to the actions' input names. Typed over every field, so a field added in
 * core fails to typecheck here until it has a name. An action whose input for a field is named differently (for
 * example release-artifact's staging verification inputs) passes its own names to `inputError`.
 */
export const inputNames: Readonly<Record<Field, string>> = {
  reference: 'repository',
  path: 'path',
  components: 'components',
  'ignore-paths': 'ignore-paths',
  'resolve-symlinks': 'resolve-symlinks',
  tags: 'tags',
  'diff-tag': 'diff-tag',
  // No action takes these today (pull and diff are CLI commands); named as the CLI flags would be.
  'layer-media-type': 'layer-media-type',
  referrer: 'referrer',
  attach: 'attach',
  attest: 'attest',
  'signing-key': 'signing-key',
  'signing-key-password': 'signing-key-password',
  'notation-key': 'notation-key',
  'notation-key-password': 'notation-key-password',
  'notation-certificate-chain': 'notation-certificate-chain',
  'certificate-identity': 'certificate-identity',
  'certificate-identity-regexp': 'certificate-identity-regexp',
  'certificate-oidc-issuer': 'certificate-oidc-issuer',
  'certificate-oidc-issuer-regexp': 'certificate-oidc-issuer-regexp',
  'certificate-github-workflow-repository': 'certificate-github-workflow-repository',
  'public-key': 'key',
  'trusted-root': 'trusted-root',
  provider: 'provider',
  'flux-version': 'flux-version',
  'signature-format': 'signature-format',
  'signing-config': 'signing-config',
  'notation-trust-policy': 'notation-trust-policy',
  'notation-scope': 'notation-scope',
  ref: 'ref',
  'tag-pattern': 'tag-pattern',
  'rollback-to': 'rollback-to',
  'filter-semver': 'filter-semver',
  'filter-regex': 'filter-regex',
  'tool-sources': 'tool-sources',
  'require-attestations': 'require-attestations',
  'policies-path': 'policies-path',
  'update-path': 'update-path',
  'message-template': 'commit-message-template',
  'dry-run': 'dry-run',
  'commit-via': 'commit-via',
  'app-id': 'app-id',
  'signature-annotations': 'signature-annotations',
};

/**
 * The error as an `InputError` naming the input it is about, when it is one of core's errors with a field;
 * otherwise undefined. `names` overrides the table for this action.
 */
export function inputError(err: unknown, names: Partial<Record<Field, string>> = {}): InputError | undefined {
  if (!(err instanceof BaseError) || err.field === undefined) return undefined;
  return new InputError(names[err.field] ?? inputNames[err.field], err.problem);
}
