import { sign as cryptoSign, type KeyObject } from 'node:crypto';
import type { Signature, Signer } from '@sigstore/sign';
import type { IdentityProvider } from '../oidc/provider.ts';
import { jwtClaims } from '../oidc/jwt.ts';
import { publicKeyPem } from './keys.ts';
import { SigningError } from './errors.ts';

/**
 * Fulcio's v2 API (fulcio `pkg/api` `CreateSigningCertificate`): the whole chain it returns, leaf first, in PEM.
 * @sigstore/sign's FulcioSigner keeps only the leaf; cosign writes the rest into `dev.sigstore.cosign/chain`
 * (cosign `pkg/cosign/fulcio` `NewSigner` → `Chain`), so d2ci asks Fulcio itself.
 */
export interface FulcioOptions {
  url: string;
  identity: IdentityProvider;
  timeoutMs: number;
  retries: number;
}

/** The subject Fulcio's challenge signs: the verified email, else `sub` (as sigstore-js `extractJWTSubject`). */
function challengeSubject(token: string): string {
  const claims = jwtClaims(token);
  if (typeof claims.email === 'string' && claims.email) {
    if (!claims.email_verified) throw new SigningError('SIGN_TOKEN', 'no usable OIDC token: its email is not verified by the issuer');
    return claims.email;
  }
  if (typeof claims.sub === 'string' && claims.sub) return claims.sub;
  throw new SigningError('SIGN_TOKEN', 'no usable OIDC token: it has neither email nor sub');
}

interface FulcioResponse {
  signedCertificateEmbeddedSct?: { chain?: { certificates?: unknown } };
  signedCertificateDetachedSct?: { chain?: { certificates?: unknown } };
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function requestChain(options: FulcioOptions, token: string, publicKey: string, proof: Buffer): Promise<string[]> {
  const url = `${options.url.replace(/\/+$/, '')}/api/v2/signingCert`;
  const body = JSON.stringify({
    credentials: { oidcIdentityToken: token },
    publicKeyRequest: { publicKey: { algorithm: 'ECDSA', content: publicKey }, proofOfPossession: proof.toString('base64') },
  });
  let last = '';
  // Bounded: retries + 1 attempts, each with its own timeout; only network errors and 5xx/429 are retried.
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0) await pause(Math.min(500 * 2 ** (attempt - 1), 5_000));
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (err) {
      last =
        (err as Error).name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : `network error (${(err as Error).message})`;
      continue;
    }
    if (response.status >= 500 || response.status === 429) {
      last = `HTTP ${response.status}`;
      await response.body?.cancel();
      continue;
    }
    if (!response.ok)
      throw new SigningError('SIGN_FULCIO', `Fulcio at ${options.url} did not issue a certificate: HTTP ${response.status}`);
    const json = (await response.json().catch(() => ({}))) as FulcioResponse;
    const certificates = (json.signedCertificateEmbeddedSct ?? json.signedCertificateDetachedSct)?.chain?.certificates;
    if (!Array.isArray(certificates) || certificates.length === 0 || !certificates.every((c) => typeof c === 'string')) {
      throw new SigningError('SIGN_FULCIO', `Fulcio at ${options.url} answered without a certificate chain`);
    }
    return certificates;
  }
  throw new SigningError(
    'SIGN_FULCIO',
    `Fulcio at ${options.url} did not issue a certificate: ${last} after ${options.retries + 1} attempts`,
  );
}

/**
 * A keyless signer: one Fulcio certificate for an ephemeral key, made on the first signature and reused for every
 * later one (legacy and bundle signatures of a run share it). `chain()` gives Fulcio's chain after the leaf.
 */
export function fulcioSigner(privateKey: KeyObject, options: FulcioOptions): Signer & { chain(): Promise<string[]> } {
  let issued: Promise<string[]> | undefined;
  const certificate = (): Promise<string[]> =>
    (issued ??= (async () => {
      let token: string;
      try {
        token = await options.identity.getToken();
      } catch (err) {
        throw new SigningError('SIGN_TOKEN', `no OIDC token: ${(err as Error).message}`, { cause: err });
      }
      const proof = cryptoSign('sha256', Buffer.from(challengeSubject(token)), privateKey);
      return requestChain(options, token, publicKeyPem(privateKey), proof);
    })());
  return {
    async sign(data: Buffer): Promise<Signature> {
      const [leaf] = await certificate();
      return { signature: cryptoSign('sha256', data, privateKey), key: { $case: 'x509Certificate', certificate: leaf as string } };
    },
    chain: async () => (await certificate()).slice(1),
  };
}
