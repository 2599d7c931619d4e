import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { githubActionsIdentity, hasGitHubIdToken, loadPrivateKey, publicGood, signatureFormats, KeyError, type SignatureFormat, type SigningIdentity } from '@d2ci/core';
import * as core from './runner.ts';
import { InputError, booleanInput, stringInput } from './inputs.ts';
import type { GitHubContext } from './context.ts';

export interface SigningInputs {
  format: SignatureFormat;
  identity: SigningIdentity;
  /** How the summary and logs name the signer setup. */
  describe: string;
}

/** A PEM value, or a path (relative to the workspace) to a file holding one. */
function pemInput(name: string, value: string, context: GitHubContext): string {
  if (value.includes('-----BEGIN')) return value;
  const path = resolve(context.workspace, value);
  if (!existsSync(path)) throw new InputError(name, `is neither a PEM key nor a file in the workspace ("${value}"); pass the key itself, e.g. \${{ secrets.COSIGN_PRIVATE_KEY }}`);
  return readFileSync(path, 'utf8');
}

/**
 * The signing inputs push-artifact and release-artifact share: `sign`, `signature-format`, the Sigstore URLs,
 * `signing-key` and `signing-key-password`. Keyless signing needs the job's OIDC token, which is checked here,
 * before anything is pushed. Secrets are masked as they are read.
 */
export function signingInputs(context: GitHubContext): SigningInputs | undefined {
  const key = stringInput('signing-key');
  const password = stringInput('signing-key-password');
  if (key) core.setSecret(key);
  if (password) core.setSecret(password);
  if (!booleanInput('sign', true)) return undefined;
  const formatValue = stringInput('signature-format', { fallback: 'legacy' });
  if (!(signatureFormats as readonly string[]).includes(formatValue)) throw new InputError('signature-format', `"${formatValue}" is not one of ${signatureFormats.join(', ')}`);
  const format = formatValue as SignatureFormat;
  if (key) {
    try {
      return { format, identity: { kind: 'key', privateKey: loadPrivateKey(pemInput('signing-key', key, context), password) }, describe: 'key-based (no transparency log)' };
    } catch (err) {
      if (err instanceof KeyError) throw new InputError(/password/.test(err.message) ? 'signing-key-password' : 'signing-key', err.message);
      throw err;
    }
  }
  if (!hasGitHubIdToken()) {
    throw new InputError('sign', 'keyless signing needs the job\'s OIDC token: add `permissions: id-token: write` to the job, or set `sign: false`');
  }
  const url = (name: string, fallback?: string): string | undefined => {
    const value = stringInput(name) || fallback;
    if (value && !/^https?:\/\/[^\s/]+/.test(value)) throw new InputError(name, `"${value}" is not an http(s) URL`);
    return value;
  };
  const fulcioUrl = url('fulcio-url', publicGood.fulcio) as string;
  const rekorUrl = url('rekor-url', publicGood.rekor) as string;
  const tsaUrl = url('timestamp-server-url');
  return {
    format,
    identity: { kind: 'keyless', identity: githubActionsIdentity('sigstore', { onToken: (token) => core.setSecret(token) }), fulcioUrl, rekorUrl, tsaUrl },
    describe: `keyless (Fulcio ${fulcioUrl}, Rekor ${rekorUrl}${tsaUrl ? `, TSA ${tsaUrl}` : ''})`,
  };
}
