import { readFileSync } from 'node:fs';
import {
  createNotationKeySigner,
  createNotationPluginSigner,
  githubActionsIdentity,
  hasGitHubIdToken,
  isKmsUri,
  keylessServices,
  loadPrivateKey,
  openKmsKey,
  parseSignatureAnnotations,
  publicGood,
  signatureFormats,
  staticIdentity,
  KeyError,
  type KeylessServices,
  type NotationSigner,
  type SignatureFormat,
  type SigningIdentity,
} from '@d2ci/core';
import { UsageError } from './errors.ts';
import { flagNames, usageError } from './fields.ts';

/** cosign's signing flag names, shared by `d2ci sign` and `d2ci push`. */
export const signingFlags = {
  key: { type: 'string' },
  'signature-format': { type: 'string' },
  'fulcio-url': { type: 'string' },
  'rekor-url': { type: 'string' },
  'timestamp-server-url': { type: 'string' },
  'signing-config': { type: 'string' },
  'identity-token': { type: 'string' },
  'notation-key': { type: 'string' },
  'notation-cert': { type: 'string' },
  'notation-plugin': { type: 'string' },
  'notation-key-id': { type: 'string' },
  'notation-plugin-config': { type: 'string', multiple: true },
  // Not -a: on push and release -a is a manifest annotation; `d2ci sign` adds -a for it, as cosign sign -a.
  'signature-annotation': { type: 'string', multiple: true },
} as const;

type SigningValues = { [K in Exclude<keyof typeof signingFlags, 'notation-plugin-config' | 'signature-annotation'>]?: string } & {
  'notation-plugin-config'?: string[];
  'signature-annotation'?: string[];
};

/**
 * `--signature-annotation key=value` (repeatable), signed into the signature as cosign `sign -a` does, as the
 * `claims` of a cosign signing request; refused when nothing signs with cosign (`signing` false).
 */
export function signatureClaims(values: SigningValues, signing: boolean): { claims?: Record<string, string> } {
  if (!values['signature-annotation']?.length) return {};
  if (!signing)
    throw new UsageError(
      '--signature-annotation is signed into a cosign signature: add --sign (keyless) or --key, with a cosign --signature-format',
    );
  try {
    const claims = parseSignatureAnnotations(values['signature-annotation']);
    return Object.keys(claims).length ? { claims } : {};
  } catch (err) {
    throw usageError(err) ?? err;
  }
}

export function signatureFormat(value: string | undefined): SignatureFormat {
  const format = value ?? 'legacy';
  if (!(signatureFormats as readonly string[]).includes(format))
    throw new UsageError(`--signature-format "${format}" is not one of ${signatureFormats.join(', ')}, notation`);
  return format as SignatureFormat;
}

/**
 * `--signature-format notation`: an X.509 key and chain (`--notation-key`, `--notation-cert`; the key's password
 * in NOTATION_KEY_PASSWORD) or a Notation plugin (`--notation-plugin`, `--notation-key-id`).
 */
export async function notationSigner(values: SigningValues, env: NodeJS.ProcessEnv = process.env): Promise<NotationSigner> {
  if (values['notation-plugin']) {
    if (!values['notation-key-id']) throw new UsageError('--notation-key-id is required with --notation-plugin');
    const pluginConfig: Record<string, string> = {};
    for (const pair of values['notation-plugin-config'] ?? []) {
      const cut = pair.indexOf('=');
      if (cut <= 0) throw new UsageError(`--notation-plugin-config "${pair}" is not key=value`);
      pluginConfig[pair.slice(0, cut)] = pair.slice(cut + 1);
    }
    try {
      return await createNotationPluginSigner({ name: values['notation-plugin'], keyId: values['notation-key-id'], pluginConfig });
    } catch (err) {
      throw new UsageError(`--notation-plugin: ${(err as Error).message}`);
    }
  }
  if (!values['notation-key'] || !values['notation-cert'])
    throw new UsageError('--signature-format notation needs --notation-key KEY.pem and --notation-cert CHAIN.pem (or --notation-plugin)');
  const read = (flag: string, path: string): string => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      throw new UsageError(`--${flag}: cannot read ${path}`);
    }
  };
  try {
    return await createNotationKeySigner({
      privateKey: read('notation-key', values['notation-key']),
      password: env.NOTATION_KEY_PASSWORD,
      certificateChain: read('notation-cert', values['notation-cert']),
    });
  } catch (err) {
    // The signer's errors name the flag they are about (--notation-key for the key and its password, or --notation-cert).
    throw usageError(err) ?? err;
  }
}

/**
 * The signer the flags describe: `--key FILE` (password from COSIGN_PASSWORD, as cosign), else keyless with an
 * OIDC token from `--identity-token`, SIGSTORE_ID_TOKEN, or the GitHub job (`id-token: write`).
 */
export function signingIdentity(
  values: SigningValues,
  env: NodeJS.ProcessEnv = process.env,
  format: SignatureFormat = signatureFormat(values['signature-format']),
): SigningIdentity {
  if (values.key) {
    // A key signature uses none of the keyless services: flags for them mean the user wanted something else.
    const keyless = (['identity-token', 'fulcio-url', 'signing-config'] as const).find((flag) => values[flag] !== undefined);
    if (keyless) throw new UsageError(`--${keyless} is for keyless signing and conflicts with --key; give one or the other`);
    if (isKmsUri(values.key)) {
      // Credentials from each cloud's usual environment (the AWS SDK chain, ADC, DefaultAzureCredential, VAULT_TOKEN).
      try {
        return { kind: 'kms', key: openKmsKey(values.key, { env }) };
      } catch (err) {
        throw usageError(err) ?? err;
      }
    }
    let pem: string;
    try {
      pem = readFileSync(values.key, 'utf8');
    } catch {
      throw new UsageError(`--key: cannot read ${values.key}`);
    }
    try {
      return { kind: 'key', privateKey: loadPrivateKey(pem, env.COSIGN_PASSWORD ?? '') };
    } catch (err) {
      if (err instanceof KeyError)
        throw new UsageError(
          `${flagNames[err.field ?? 'signing-key']}: ${err.problem}${err.code === 'KEY_PASSWORD' ? ' (set COSIGN_PASSWORD)' : ''}`,
        );
      throw err;
    }
  }
  const token = identityToken(values['identity-token']) ?? env.SIGSTORE_ID_TOKEN;
  if (!token && !hasGitHubIdToken(env)) {
    throw new UsageError(
      'keyless signing needs an OIDC token: pass --identity-token, set SIGSTORE_ID_TOKEN, or run in a GitHub job with `permissions: id-token: write`; or sign with --key',
    );
  }
  let signingConfig: { text: string; source: string } | undefined;
  // `public-good`: public-good Sigstore's signing config from TUF (opt-in; see ServiceInputs.publicGood).
  const fromTuf = values['signing-config'] === 'public-good';
  if (values['signing-config'] && !fromTuf) {
    try {
      signingConfig = { text: readFileSync(values['signing-config'], 'utf8'), source: values['signing-config'] };
    } catch {
      throw new UsageError(`--signing-config: cannot read ${values['signing-config']}`);
    }
  }
  let services: KeylessServices;
  try {
    services = keylessServices({
      format,
      signingConfig,
      ...(fromTuf ? { publicGood: true } : {}),
      fulcioUrl: values['fulcio-url'],
      rekorUrl: values['rekor-url'],
      tsaUrl: values['timestamp-server-url'],
      defaults: publicGood,
    });
  } catch (err) {
    throw usageError(err) ?? err;
  }
  const { describe: _describe, ...chosen } = services;
  return { kind: 'keyless', identity: token ? staticIdentity(token) : githubActionsIdentity('sigstore', { env }), ...chosen };
}

/** `--identity-token` takes the token or a file holding it, as cosign's does (cosign internal/auth/auth.go `idToken`). */
function identityToken(value: string | undefined): string | undefined {
  if (value === undefined || looksLikeJwt(value)) return value;
  try {
    return readFileSync(value, 'utf8').trim();
  } catch {
    throw new UsageError('--identity-token: neither a JWT nor a readable file holding one');
  }
}

/** Three base64url segments whose first decodes to a JOSE header (so `token.v1.txt` is read as a file). */
function looksLikeJwt(value: string): boolean {
  const [header, payload, signature, ...rest] = value.split('.');
  if (!header || !payload || signature === undefined || rest.length > 0) return false;
  try {
    return typeof (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}
