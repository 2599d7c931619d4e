import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  createNotationKeySigner,
  createNotationPluginSigner,
  githubActionsIdentity,
  hasGitHubIdToken,
  isKmsUri,
  keylessServices,
  loadPrivateKey,
  openKmsKey,
  KmsError,
  parseSignatureAnnotations,
  publicGood,
  signatureFormats,
  KeyError,
  type KeylessServices,
  type NotationSigner,
  type SignatureFormat,
  type SigningIdentity,
} from '@d2ci/core';
import * as core from './runner.ts';
import { InputError, booleanInput, linesInput, stringInput } from './inputs.ts';
import { inputError } from './fields.ts';
import type { GitHubContext } from './context.ts';
import { registryInputs } from './registry.ts';

/** Sigstore/cosign signing (keyless or a key), or a Notary Project signature with an X.509 key and chain. */
export type SigningInputs =
  | {
      kind: 'cosign';
      format: SignatureFormat;
      identity: SigningIdentity;
      /** `signature-annotations`: signed into the signature, as cosign `sign -a key=value`. */
      claims?: Record<string, string>;
      /** How the summary and logs name the signer setup. */ describe: string;
    }
  | {
      kind: 'notation';
      format: 'notation';
      /** Loaded (key and chain checked) on first await; input errors surface then. */ signer: Promise<NotationSigner>;
      describe: string;
    };

export type CosignSigningInputs = Extract<SigningInputs, { kind: 'cosign' }>;

/** The signing inputs where only Sigstore/cosign formats apply (release-artifact re-signs in cosign's formats). */
export function cosignSigningInputs(context: GitHubContext): CosignSigningInputs | undefined {
  const signing = signingInputs(context, { notation: false });
  return signing?.kind === 'cosign' ? signing : undefined;
}

/** A PEM value, or a path (relative to the workspace) to a file holding one. */
function pemInput(name: string, value: string, context: GitHubContext): string {
  if (value.includes('-----BEGIN')) return value;
  const path = resolve(context.workspace, value);
  if (!existsSync(path))
    throw new InputError(
      name,
      `is neither a PEM key nor a file in the workspace ("${value}"); pass the key itself, e.g. \${{ secrets.COSIGN_PRIVATE_KEY }}`,
    );
  return readFileSync(path, 'utf8');
}

/**
 * The signing inputs push-artifact and release-artifact share: `sign`, `signature-format`, the Sigstore URLs,
 * `signing-key` and `signing-key-password`. Keyless signing needs the job's OIDC token, which is checked here,
 * before anything is pushed. Secrets are masked as they are read.
 */
export function signingInputs(context: GitHubContext, options: { notation?: boolean } = {}): SigningInputs | undefined {
  const key = stringInput('signing-key');
  const password = stringInput('signing-key-password');
  if (key) core.setSecret(key);
  if (password) core.setSecret(password);
  const annotations = linesInput('signature-annotations');
  if (!booleanInput('sign', true)) {
    if (annotations.length) throw new InputError('signature-annotations', 'are signed into a signature, and `sign` is false');
    return undefined;
  }
  const formatValue = stringInput('signature-format', { fallback: 'legacy' });
  const formats = [...signatureFormats, ...(options.notation === false ? [] : ['notation'])];
  if (!formats.includes(formatValue)) throw new InputError('signature-format', `"${formatValue}" is not one of ${formats.join(', ')}`);
  if (formatValue === 'notation') {
    if (annotations.length)
      throw new InputError('signature-annotations', 'are signed into cosign signatures; `signature-format: notation` takes none');
    return notationInputs(context);
  }
  const format = formatValue as SignatureFormat;
  let claims: { claims?: Record<string, string> } = {};
  try {
    const parsed = parseSignatureAnnotations(annotations);
    if (Object.keys(parsed).length) claims = { claims: parsed };
  } catch (err) {
    throw inputError(err) ?? err;
  }
  if (key && isKmsUri(key)) {
    try {
      // Credentials as the registry's cloud provider finds them (its OIDC inputs, else the ambient chain).
      const kms = openKmsKey(key, { cloud: registryInputs().cloud, onSecret: (secret) => core.setSecret(secret) });
      return {
        kind: 'cosign',
        format,
        identity: { kind: 'kms', key: kms },
        ...claims,
        describe: `key-based, ${key.trim()} (no transparency log)`,
      };
    } catch (err) {
      if (err instanceof KmsError) throw inputError(err) ?? err;
      throw err;
    }
  }
  if (key) {
    try {
      return {
        kind: 'cosign',
        format,
        identity: { kind: 'key', privateKey: loadPrivateKey(pemInput('signing-key', key, context), password) },
        ...claims,
        describe: 'key-based (no transparency log)',
      };
    } catch (err) {
      if (err instanceof KeyError) throw inputError(err) ?? err;
      throw err;
    }
  }
  if (!hasGitHubIdToken()) {
    throw new InputError(
      'sign',
      "keyless signing needs the job's OIDC token: add `permissions: id-token: write` to the job, or set `sign: false`",
    );
  }
  const url = (name: string): string | undefined => {
    const value = stringInput(name) || undefined;
    if (value && !/^https?:\/\/[^\s/]+/.test(value)) throw new InputError(name, `"${value}" is not an http(s) URL`);
    return value;
  };
  const { describe, ...services } = keylessServicesFromInputs(context, format);
  return {
    kind: 'cosign',
    format,
    ...claims,
    identity: {
      kind: 'keyless',
      identity: githubActionsIdentity('sigstore', { onToken: (token) => core.setSecret(token) }),
      ...services,
    },
    describe: `keyless (${describe})`,
  };

  /** `signing-config` (a signing_config.v0.2.json in the workspace) or the fixed URLs; see keylessServices. */
  function keylessServicesFromInputs(context: GitHubContext, format: SignatureFormat): KeylessServices {
    const configPath = stringInput('signing-config');
    let signingConfig: { text: string; source: string } | undefined;
    // `public-good`: public-good Sigstore's signing config from TUF (opt-in; see ServiceInputs.publicGood).
    const fromTuf = configPath === 'public-good';
    if (configPath && !fromTuf) {
      const path = resolve(context.workspace, configPath);
      if (!existsSync(path))
        throw new InputError('signing-config', `"${configPath}" is not a file in the workspace (a signing_config.v0.2.json)`);
      signingConfig = { text: readFileSync(path, 'utf8'), source: configPath };
    }
    try {
      return keylessServices({
        format,
        signingConfig,
        ...(fromTuf ? { publicGood: true } : {}),
        fulcioUrl: url('fulcio-url'),
        rekorUrl: url('rekor-url'),
        tsaUrl: url('timestamp-server-url'),
        defaults: publicGood,
      });
    } catch (err) {
      throw inputError(err) ?? err;
    }
  }
}

/**
 * `signature-format: notation`: an X.509 key and certificate chain (`notation-key`, `notation-certificate-chain`),
 * or a Notation plugin holding the key (`notation-plugin`, `notation-key-id`, `notation-plugin-config`), e.g. a
 * cloud key vault's. The key and its password are masked as they are read.
 */
function notationInputs(context: GitHubContext): SigningInputs {
  const key = stringInput('notation-key');
  const password = stringInput('notation-key-password');
  const chain = stringInput('notation-certificate-chain');
  const plugin = stringInput('notation-plugin');
  if (key) core.setSecret(key);
  if (password) core.setSecret(password);
  if (plugin) {
    if (key) throw new InputError('notation-plugin', 'give `notation-plugin` (with `notation-key-id`) or `notation-key`, not both');
    const keyId = stringInput('notation-key-id');
    if (!keyId) throw new InputError('notation-key-id', `is required with \`notation-plugin\`: the key's id in ${plugin}'s terms`);
    const pluginConfig: Record<string, string> = {};
    for (const line of stringInput('notation-plugin-config')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)) {
      const cut = line.indexOf('=');
      if (cut <= 0) throw new InputError('notation-plugin-config', `"${line}" is not key=value`);
      pluginConfig[line.slice(0, cut)] = line.slice(cut + 1);
    }
    const signer = createNotationPluginSigner({ name: plugin, keyId, pluginConfig }).catch((err: unknown) => {
      throw new InputError('notation-plugin', (err as Error).message);
    });
    signer.catch(() => undefined);
    return { kind: 'notation', format: 'notation', signer, describe: `Notary Project, plugin ${plugin}` };
  }
  if (!key)
    throw new InputError(
      'notation-key',
      'is required with `signature-format: notation` (or `notation-plugin`): the signing key (PEM), e.g. ${{ secrets.NOTATION_KEY }}',
    );
  if (!chain)
    throw new InputError(
      'notation-certificate-chain',
      'is required with `notation-key`: the certificate chain (PEM, leaf first), or its path',
    );
  const signer = createNotationKeySigner({
    privateKey: pemInput('notation-key', key, context),
    password,
    certificateChain: pemInput('notation-certificate-chain', chain, context),
  }).catch((err: unknown) => {
    // The signer's errors name the input they are about (the key, its password or the chain).
    throw inputError(err) ?? err;
  });
  signer.catch(() => undefined);
  return { kind: 'notation', format: 'notation', signer, describe: 'Notary Project (X.509 key and chain)' };
}
