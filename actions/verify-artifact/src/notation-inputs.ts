import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { notationDirectoryTrustStore, parseNotationTrustPolicy, type NotationTrustPolicyDocument } from '@d2ci/core';
import type { NotationSignatures } from '@d2ci/core/verify';
import { InputError, inputError, stringInput, type GitHubContext } from '@d2ci/action-kit';

/**
 * `notation-trust-policy` (JSON, or a file in the workspace), `notation-trust-store` (a directory laid out as
 * Notation's) and, for an OCI layout, `notation-scope`: the policy is validated before anything is fetched.
 */
export function notationInputs(context: GitHubContext): NotationSignatures | undefined {
  const policy = stringInput('notation-trust-policy');
  const store = stringInput('notation-trust-store');
  if (!policy && !store) return undefined;
  if (!policy)
    throw new InputError(
      'notation-trust-policy',
      'is required with `notation-trust-store`: the trustpolicy.json that says which stores and identities to trust',
    );
  if (!store)
    throw new InputError(
      'notation-trust-store',
      "is required with `notation-trust-policy`: a directory holding x509/ca/<name>/*.pem (as Notation's trust store)",
    );
  let text = policy;
  if (!policy.trimStart().startsWith('{')) {
    const path = resolve(context.workspace, policy);
    if (!existsSync(path)) throw new InputError('notation-trust-policy', `is neither JSON nor a file in the workspace ("${policy}")`);
    text = readFileSync(path, 'utf8');
  }
  let trustPolicy: NotationTrustPolicyDocument;
  try {
    trustPolicy = parseNotationTrustPolicy(text);
  } catch (err) {
    throw inputError(err) ?? err;
  }
  const storePath = resolve(context.workspace, store);
  if (!existsSync(storePath)) throw new InputError('notation-trust-store', `"${store}" does not exist in the workspace`);
  const scope = stringInput('notation-scope');
  return { provider: 'notation', trustPolicy, trustStore: notationDirectoryTrustStore(storePath), ...(scope ? { scope } : {}) };
}
