import { readFileSync } from 'node:fs';
import { githubActionsIdentity, hasGitHubIdToken, loadPrivateKey, publicGood, signatureFormats, staticIdentity, KeyError, type SignatureFormat, type SigningIdentity } from '@d2ci/core';
import { UsageError } from './errors.ts';

/** cosign's signing flag names, shared by `d2ci sign` and `d2ci push`. */
export const signingFlags = {
  key: { type: 'string' },
  'signature-format': { type: 'string' },
  'fulcio-url': { type: 'string' },
  'rekor-url': { type: 'string' },
  'timestamp-server-url': { type: 'string' },
  'identity-token': { type: 'string' },
} as const;

type SigningValues = { [K in keyof typeof signingFlags]?: string };

export function signatureFormat(value: string | undefined): SignatureFormat {
  const format = value ?? 'legacy';
  if (!(signatureFormats as readonly string[]).includes(format)) throw new UsageError(`--signature-format "${format}" is not one of ${signatureFormats.join(', ')}`);
  return format as SignatureFormat;
}

/**
 * The signer the flags describe: `--key FILE` (password from COSIGN_PASSWORD, as cosign), else keyless with an
 * OIDC token from `--identity-token`, SIGSTORE_ID_TOKEN, or the GitHub job (`id-token: write`).
 */
export function signingIdentity(values: SigningValues, env: NodeJS.ProcessEnv = process.env): SigningIdentity {
  if (values.key) {
    let pem: string;
    try {
      pem = readFileSync(values.key, 'utf8');
    } catch {
      throw new UsageError(`--key: cannot read ${values.key}`);
    }
    try {
      return { kind: 'key', privateKey: loadPrivateKey(pem, env.COSIGN_PASSWORD ?? '') };
    } catch (err) {
      if (err instanceof KeyError) throw new UsageError(`--key: ${err.message}${/password/.test(err.message) ? ' (set COSIGN_PASSWORD)' : ''}`);
      throw err;
    }
  }
  const token = values['identity-token'] ?? env.SIGSTORE_ID_TOKEN;
  if (!token && !hasGitHubIdToken(env)) {
    throw new UsageError('keyless signing needs an OIDC token: pass --identity-token, set SIGSTORE_ID_TOKEN, or run in a GitHub job with `permissions: id-token: write`; or sign with --key');
  }
  return {
    kind: 'keyless',
    identity: token ? staticIdentity(token) : githubActionsIdentity('sigstore', { env }),
    fulcioUrl: values['fulcio-url'] ?? publicGood.fulcio,
    rekorUrl: values['rekor-url'] ?? publicGood.rekor,
    tsaUrl: values['timestamp-server-url'],
  };
}
