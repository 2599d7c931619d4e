import { readFileSync } from 'node:fs';
import {
  compilePolicy,
  loadPublicKey,
  loadTrustedRoot,
  isKmsUri,
  KeyError,
  KmsError,
  openKmsKey,
  PolicyInputError,
  TrustError,
  type CompiledPolicy,
  type Verification,
} from '@d2ci/core';
import { UsageError } from './errors.ts';
import { flagNames, usageError } from './fields.ts';

/** cosign's verification flag names; `keyFlag` is `key` for d2ci verify and `verify-key` where --key signs. */
export const verificationFlags = {
  // Repeatable: any may sign, as a Flux matchOIDCIdentity list (an identity transition trusts old and new).
  'certificate-identity': { type: 'string', multiple: true },
  'certificate-identity-regexp': { type: 'string', multiple: true },
  'certificate-oidc-issuer': { type: 'string' },
  'certificate-oidc-issuer-regexp': { type: 'string' },
  'certificate-github-workflow-repository': { type: 'string' },
  'trusted-root': { type: 'string' },
} as const;

type VerificationValues = {
  [K in keyof typeof verificationFlags]?: (typeof verificationFlags)[K] extends { multiple: true } ? string[] : string;
};

/**
 * A policy from flags: public key(s) from `keyFile`, or a keyless identity checked against a trusted root.
 * `policy` replaces the identity flags (a flux manifest's matchOIDCIdentity; conflicts are refused before).
 */
export async function verificationFromFlags(
  values: VerificationValues,
  keyFile: string | undefined,
  keyFlag: string,
  policy?: CompiledPolicy,
): Promise<Verification> {
  try {
    if (keyFile) {
      if (values['certificate-identity']?.length || values['certificate-identity-regexp']?.length)
        throw new UsageError(`give --${keyFlag} or --certificate-identity(-regexp), not both`);
      // A KMS or Vault key: its public half, fetched from the service.
      if (isKmsUri(keyFile)) return { kind: 'key', keys: [await openKmsKey(keyFile, { use: 'verify' }).publicKey()] };
      let pem: string;
      try {
        pem = readFileSync(keyFile, 'utf8');
      } catch {
        throw new UsageError(`--${keyFlag}: cannot read ${keyFile}`);
      }
      const blocks = pem.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [pem];
      return { kind: 'key', keys: blocks.map((block) => loadPublicKey(block)) };
    }
    policy ??= compilePolicy({
      identity: values['certificate-identity'],
      identityRegexp: values['certificate-identity-regexp'],
      issuer: values['certificate-oidc-issuer'],
      issuerRegexp: values['certificate-oidc-issuer-regexp'],
      sourceRepository: values['certificate-github-workflow-repository'],
    });
    return { kind: 'keyless', policy, trustedRoot: await loadTrustedRoot({ trustedRootFile: values['trusted-root'] }) };
  } catch (err) {
    if (err instanceof PolicyInputError) throw policyUsageError(err);
    if (err instanceof KeyError || err instanceof KmsError || err instanceof TrustError)
      throw usageError(err, { 'public-key': `--${keyFlag}` }) ?? err;
    throw err;
  }
}

/**
 * As cosign words it: the flag, then what is wrong with its value (`--certificate-identity-regexp "(" is not …`).
 * A conflict names both flags itself and keeps its wording from before the field table (`--give …`).
 */
function policyUsageError(err: PolicyInputError): UsageError {
  if (err.code === 'POLICY_CONFLICT') return new UsageError(`--${err.problem}`);
  return new UsageError(`${flagNames[err.field] ?? ''} ${err.problem}`);
}
