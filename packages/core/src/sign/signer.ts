import { createHash, createPublicKey, generateKeyPairSync, sign as cryptoSign, type KeyObject } from 'node:crypto';
import type { Bundle } from '@sigstore/bundle';
import type { Signer, Signature } from '@sigstore/sign';
import { prefetching, type IdentityProvider } from '../oidc/provider.ts';
import type { KmsKey } from '../kms/index.ts';
import { keyId, publicKeyPem } from './keys.ts';
import { inTotoPayloadType } from './payload.ts';
import { SigningError } from './errors.ts';
import { fulcioSigner } from './fulcio.ts';
import { tufSigningConfig, type TufOptions } from './signing-config.ts';
import { rekorV2Witness } from './rekor-v2.ts';
import { preconnectRekor } from './preconnect.ts';

export const publicGood = {
  fulcio: 'https://fulcio.sigstore.dev',
  rekor: 'https://rekor.sigstore.dev',
} as const;

export interface KeylessIdentity {
  kind: 'keyless';
  identity: IdentityProvider;
  fulcioUrl?: string;
  rekorUrl?: string;
  /** An RFC 3161 timestamp authority; optional, as in cosign. */
  tsaUrl?: string;
  /** Rekor's major API version at `rekorUrl`: 1 (default) or 2 (a signing config's Rekor v2 log). */
  rekorVersion?: 1 | 2;
  /**
   * Take Fulcio, Rekor and the TSA from public-good Sigstore's signing config (TUF), as cosign v3 does when no URL
   * is given; resolved on the first signature. Bundle format only (see signing-config.ts).
   */
  signingConfigFromTuf?: TufOptions;
  /** A signing config selected no transparency log (e.g. a private instance with a TSA only). */
  noTransparencyLog?: boolean;
  /** Per-request timeout and bounded retries for Fulcio, Rekor and the TSA. */
  timeoutMs?: number;
  retries?: number;
}

export interface KeyIdentity {
  kind: 'key';
  privateKey: KeyObject;
}

/** A key held by a KMS or Vault (`awskms://`, `gcpkms://`, `azurekms://`, `hashivault://`): signs as `key` does. */
export interface KmsIdentity {
  kind: 'kms';
  key: KmsKey;
}

export type SigningIdentity = KeylessIdentity | KeyIdentity | KmsIdentity;

export { SigningError };

/**
 * Signs with a key we hold: ECDSA P-256 over SHA-256, the scheme cosign and Fulcio certificates use. No key hint:
 * @sigstore/bundle copies the hint into the DSSE signature's `keyid`, and go-securesystemslib's verifier (inside
 * sigstore-go, so cosign v2.6.3+/v3 and Flux 2.8+) skips a signature whose keyid differs from its own (empty)
 * key id — "accepted signatures do not match threshold". cosign writes no keyid (dsse.WrapSigner).
 */
function keySigner(privateKey: KeyObject): Signer {
  const publicKey = publicKeyPem(privateKey);
  return {
    sign: async (data: Buffer): Promise<Signature> => ({
      signature: cryptoSign('sha256', data, privateKey),
      key: { $case: 'publicKey', publicKey },
    }),
  };
}

/** As keySigner, but the service signs the SHA-256 digest (cosign's KMS signers sign digests, too). */
function kmsSigner(key: KmsKey, publicKey: KeyObject): Signer {
  const pem = publicKeyPem(publicKey);
  return {
    sign: async (data: Buffer): Promise<Signature> => ({
      signature: await key.signDigest(createHash('sha256').update(data).digest()),
      key: { $case: 'publicKey', publicKey: pem },
    }),
  };
}

export interface BundleSigner {
  /** A message-signature bundle over raw bytes (what the cosign legacy format is made from). */
  signMessage(data: Buffer): Promise<Bundle>;
  /** A DSSE bundle (v0.3) over an in-toto statement (the cosign v3 / Flux 2.8+ format). */
  signStatement(statement: Buffer): Promise<Bundle>;
  /** Keyless: Fulcio's chain after the leaf certificate, PEM (what cosign's legacy `chain` annotation holds). */
  certificateChain(): Promise<string[]>;
  /**
   * Starts loading @sigstore/sign and, keyless, getting the OIDC token and the Fulcio certificate, without waiting:
   * a push calls it once it knows it will sign, so these round trips overlap the upload. The certificate is the one
   * every later signature uses; a failure surfaces there, from the first signature.
   */
  prepare(): void;
  /**
   * Starts what is free to get early, with no effect anywhere if unused: keyless, the OIDC token (not the
   * certificate, which Fulcio logs) and loading @sigstore/sign. A push calls it first, before it knows whether it
   * will sign.
   */
  warm(): void;
}

/**
 * Names which Sigstore service an @sigstore/sign error came from, in one line, by its code (sigstore-js
 * packages/sign/src/error.ts `InternalErrorCode`: every witness error carries TLOG_… or TSA_…). Fulcio is asked by
 * fulcio.ts, whose errors are already SigningErrors naming it; @sigstore/sign reaches only Rekor and the TSA.
 */
function describe(err: unknown, identity: KeylessIdentity): SigningError {
  if (err instanceof SigningError) return err;
  const rawCode = (err as { code?: unknown }).code;
  const code = typeof rawCode === 'string' ? rawCode : '';
  const message = (err as Error).message ?? String(err);
  const cause = (err as { cause?: { message?: string } }).cause?.message;
  // Display only: the cause is shown unless @sigstore/sign already put it into the message (its HTTPError case).
  const detail = cause && !message.includes(cause) ? `${message}: ${cause}` : message;
  if (code.startsWith('TLOG_'))
    return new SigningError('SIGN_REKOR', `Rekor at ${identity.rekorUrl ?? publicGood.rekor} did not log the signature: ${detail}`, {
      cause: err,
    });
  if (code.startsWith('TSA_'))
    return new SigningError('SIGN_TSA', `the timestamp authority at ${identity.tsaUrl ?? ''} did not answer: ${detail}`, { cause: err });
  if (code.startsWith('IDENTITY_TOKEN_')) return new SigningError('SIGN_TOKEN', `no OIDC token: ${detail}`, { cause: err });
  return new SigningError('SIGN_FAILED', `signing failed: ${detail}`, { cause: err });
}

/**
 * A signer for one artifact. Keyless: one ephemeral P-256 key and one Fulcio certificate for every signature
 * it makes (legacy and bundle share them), each signature logged in Rekor v1, whose signed entry timestamp the
 * legacy format needs; optionally an RFC 3161 timestamp. With a key: signatures only, no transparency log
 * (Flux's `verify.secretRef` keys are checked offline). @sigstore/sign is loaded, and the key made, on the first
 * signature: a step that prepares a signer and then pushes nothing (content unchanged) pays for neither.
 */
export async function createBundleSigner(identity: SigningIdentity): Promise<BundleSigner> {
  const token = identity.kind === 'keyless' ? prefetching(identity.identity) : undefined;
  if (identity.kind === 'keyless' && token) identity = { ...identity, identity: token };
  let built: Promise<BundleSigner> | undefined;
  const signer = (): Promise<BundleSigner> => (built ??= buildBundleSigner(identity));
  return {
    signMessage: async (data) => (await signer()).signMessage(data),
    signStatement: async (statement) => (await signer()).signStatement(statement),
    certificateChain: async () => (await signer()).certificateChain(),
    prepare: () =>
      void signer()
        .then((built) => built.prepare())
        .catch(() => undefined),
    warm: () => {
      token?.prefetch();
      // Compiling @sigstore/sign takes ~0.1 s of the main thread: done now, it fills the wait for the registry's
      // first answers instead of delaying the signature's uploads once the push is settled.
      if (identity.kind === 'keyless') void import('@sigstore/sign').catch(() => undefined);
    },
  };
}

async function buildBundleSigner(identity: SigningIdentity): Promise<BundleSigner> {
  const sigstore = await import('@sigstore/sign');
  if (identity.kind === 'key' || identity.kind === 'kms') {
    const publicKey = identity.kind === 'kms' ? await identity.key.publicKey() : createPublicKey(identity.privateKey);
    const signer = identity.kind === 'kms' ? kmsSigner(identity.key, publicKey) : keySigner(identity.privateKey);
    // The hint goes into the verification material only (informational; verifiers take the key they are given).
    const hint = keyId(publicKey);
    const hinted = (bundle: Bundle): Bundle => {
      const content = bundle.verificationMaterial.content;
      if (content.$case === 'publicKey') content.publicKey.hint = hint;
      return bundle;
    };
    return {
      signMessage: async (data) => hinted(await new sigstore.MessageSignatureBundleBuilder({ signer, witnesses: [] }).create({ data })),
      signStatement: async (statement) =>
        hinted(await new sigstore.DSSEBundleBuilder({ signer, witnesses: [] }).create({ data: statement, type: inTotoPayloadType })),
      certificateChain: async () => [],
      prepare: () => undefined,
      warm: () => undefined,
    };
  }
  if (identity.signingConfigFromTuf) identity = { ...identity, ...(await tufSigningConfig(identity.signingConfigFromTuf)) };
  const fetchOptions = {
    timeout: identity.timeoutMs ?? 30_000,
    retry: { retries: identity.retries ?? 3, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
  };
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const signer = fulcioSigner(privateKey, {
    url: identity.fulcioUrl ?? publicGood.fulcio,
    identity: identity.identity,
    timeoutMs: fetchOptions.timeout,
    retries: fetchOptions.retry.retries,
  });
  const keyless = identity;
  const witnesses = [
    ...(identity.noTransparencyLog
      ? []
      : [
          identity.rekorVersion === 2
            ? // Rekor v2 (rekor-tiles) answers once the entry is sequenced, which takes seconds: @sigstore/sign gives
              // it at least 20 s (sigstore-js packages/sign/src/config.ts DEFAULT_REKORV2_TIMEOUT).
              rekorV2Witness(
                new sigstore.RekorWitness({
                  rekorBaseURL: identity.rekorUrl ?? publicGood.rekor,
                  majorApiVersion: 2,
                  ...fetchOptions,
                  timeout: Math.max(fetchOptions.timeout, 20_000),
                }),
              )
            : new sigstore.RekorWitness({
                rekorBaseURL: identity.rekorUrl ?? publicGood.rekor,
                majorApiVersion: 1,
                entryType: 'dsse',
                fetchOnConflict: true,
                ...fetchOptions,
              }),
        ]),
    ...(identity.tsaUrl ? [new sigstore.TSAWitness({ tsaBaseURL: identity.tsaUrl, ...fetchOptions })] : []),
  ];
  const guard = async <T>(build: () => Promise<T>): Promise<T> => {
    try {
      return await build();
    } catch (err) {
      throw describe(err, keyless);
    }
  };
  let rekorOpened = false;
  return {
    signMessage: (data) => guard(() => new sigstore.MessageSignatureBundleBuilder({ signer, witnesses }).create({ data })),
    signStatement: (statement) =>
      guard(() => new sigstore.DSSEBundleBuilder({ signer, witnesses }).create({ data: statement, type: inTotoPayloadType })),
    certificateChain: () => guard(() => signer.chain()),
    // The certificate is memoized in fulcioSigner: asking for the chain now makes it; a failure is reported when a
    // signature asks for it again. Rekor's connection opens meanwhile (with the timeout its witness was given).
    prepare: () => {
      void signer.chain().catch(() => undefined);
      // Once per signer: a step pushing many components prepares it for each, and one connection is what a
      // single-artifact push needs; more would be one extra request to Rekor per component.
      if (!identity.noTransparencyLog && !rekorOpened) {
        rekorOpened = true;
        const rekor = identity.rekorUrl ?? publicGood.rekor;
        if (identity.rekorVersion === 2) preconnectRekor(rekor, Math.max(fetchOptions.timeout, 20_000), '/');
        else preconnectRekor(rekor, fetchOptions.timeout);
      }
    },
    warm: () => undefined,
  };
}
