import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  compilePolicy,
  githubIssuer,
  loadPublicKey,
  loadTrustedRoot,
  isKmsUri,
  KeyError,
  KmsError,
  openKmsKey,
  PolicyInputError,
  TrustError,
  type CompiledPolicy,
  type Field,
  type TrustedRoot,
  type Verification,
} from '@d2ci/core';
import { InputError, linesInput, stringInput } from './inputs.ts';
import { inputError } from './fields.ts';
import type { GitHubContext } from './context.ts';
import * as core from './runner.ts';
import { registryInputs } from './registry.ts';

/** The input names one verification policy is read from (verify-artifact's, or release-artifact's staging ones). */
export interface VerificationInputNames {
  identity: string;
  identityRegexp: string;
  issuer: string;
  issuerRegexp: string;
  key: string;
  trustedRoot: string;
  /** cosign's `--certificate-github-workflow-repository`: the repository whose run signed. */
  sourceRepository: string;
}

export const verifyInputNames: VerificationInputNames = {
  identity: 'certificate-identity',
  identityRegexp: 'certificate-identity-regexp',
  issuer: 'certificate-oidc-issuer',
  issuerRegexp: 'certificate-oidc-issuer-regexp',
  key: 'key',
  trustedRoot: 'trusted-root',
  sourceRepository: 'certificate-github-workflow-repository',
};

/** The fields of a verification policy by these input names, as overrides of the one table (`fields.ts`). */
function fieldNames(names: VerificationInputNames): Partial<Record<Field, string>> {
  return {
    'certificate-identity': names.identity,
    'certificate-identity-regexp': names.identityRegexp,
    'certificate-oidc-issuer': names.issuer,
    'certificate-oidc-issuer-regexp': names.issuerRegexp,
    'public-key': names.key,
    'trusted-root': names.trustedRoot,
    'certificate-github-workflow-repository': names.sourceRepository,
  };
}

/** What a policy falls back to when its inputs are empty. */
export interface VerificationDefaults {
  identityRegexp?: string;
  /** `owner/repo` (release-artifact: this repository, so a reusable workflow's identity cannot come from another caller). */
  sourceRepository?: string;
  /** Replaces the identity inputs: a flux manifest's matchOIDCIdentity (conflicting inputs are refused before). */
  policy?: CompiledPolicy;
}

function publicKeys(names: VerificationInputNames, value: string, context: GitHubContext) {
  const input = names.key;
  let pem = value;
  if (!value.includes('-----BEGIN')) {
    const path = resolve(context.workspace, value);
    if (!existsSync(path)) throw new InputError(input, `is neither a PEM public key nor a file in the workspace ("${value}")`);
    pem = readFileSync(path, 'utf8');
  }
  const blocks = pem.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [pem];
  try {
    return blocks.map((block) => loadPublicKey(block));
  } catch (err) {
    if (err instanceof KeyError) throw inputError(err, fieldNames(names)) ?? err;
    throw err;
  }
}

/** Trusted roots are loaded once per run, whichever policy asks. */
const roots = new Map<string, Promise<TrustedRoot>>();

/**
 * A verification policy from inputs: public key(s), or a keyless identity and issuer (exact or regexp; the
 * issuer defaults to GitHub's) checked against a trusted root (a file, else the public-good root via TUF).
 * `defaults` apply to empty inputs.
 */
export async function verificationInputs(
  names: VerificationInputNames,
  context: GitHubContext,
  defaults: VerificationDefaults = {},
): Promise<Verification> {
  const key = stringInput(names.key);
  // One identity per line: any may sign, as a Flux matchOIDCIdentity list (an identity transition trusts both).
  const identity = linesInput(names.identity);
  let identityRegexp = linesInput(names.identityRegexp);
  if (key) {
    if (identity.length > 0 || identityRegexp.length > 0)
      throw new InputError(names.key, `give \`${names.key}\` or \`${names.identity}(-regexp)\`, not both`);
    if (!isKmsUri(key)) return { kind: 'key', keys: publicKeys(names, key, context) };
    try {
      // The public key fetched from the service, with the credentials the registry's cloud provider finds.
      const kms = openKmsKey(key, { use: 'verify', cloud: registryInputs().cloud, onSecret: (secret) => core.setSecret(secret) });
      return { kind: 'key', keys: [await kms.publicKey()] };
    } catch (err) {
      if (err instanceof KmsError) throw inputError(err, fieldNames(names)) ?? err;
      throw err;
    }
  }
  if (identity.length === 0 && identityRegexp.length === 0 && defaults.identityRegexp) identityRegexp = [defaults.identityRegexp];
  const issuer = stringInput(names.issuer);
  const issuerRegexp = stringInput(names.issuerRegexp);
  // The default repository is a GitHub one: it applies to GitHub-issued certificates only.
  const githubIssued = !issuerRegexp && (!issuer || issuer === githubIssuer);
  let policy = defaults.policy;
  try {
    policy ??= compilePolicy({
      identity,
      identityRegexp,
      issuer,
      issuerRegexp,
      sourceRepository: stringInput(names.sourceRepository) || (githubIssued ? defaults.sourceRepository : undefined),
    });
  } catch (err) {
    if (err instanceof PolicyInputError) throw policyInputError(err, names);
    throw err;
  }
  const file = stringInput(names.trustedRoot);
  const path = file ? resolve(context.workspace, file) : '';
  let root = roots.get(path);
  if (!root) {
    root = loadTrustedRoot({ trustedRootFile: path || undefined });
    roots.set(path, root);
  }
  try {
    return { kind: 'keyless', policy, trustedRoot: await root };
  } catch (err) {
    if (err instanceof TrustError) throw inputError(err, fieldNames(names)) ?? err;
    throw err;
  }
}

/** A policy error naming this action's input: the error carries which one (a pattern may itself say "issuer"). */
function policyInputError(err: PolicyInputError, names: VerificationInputNames): InputError {
  if (err.code === 'POLICY_CONFLICT' && err.input === 'identity')
    return new InputError(names.identity, `give \`${names.identity}\` or \`${names.identityRegexp}\`, not both`);
  if (err.input === 'sourceRepository') return new InputError(names.sourceRepository, `${err.problem}, e.g. acme/apps`);
  return inputError(err, fieldNames(names)) ?? new InputError(names[err.input], err.problem);
}
