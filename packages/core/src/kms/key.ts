import { createPublicKey, type KeyObject } from 'node:crypto';
import type { CloudContext, CloudOptions } from '../auth/index.ts';
import { KmsError } from './errors.ts';

/** A signing key held by a KMS or Vault: its public half is fetched, digests are signed by the service. */
export interface KmsKey {
  /** The URI as given (`awskms://…`, `gcpkms://…`, `azurekms://…`, `hashivault://…`). */
  readonly uri: string;
  /** The public key (ECDSA P-256), fetched once. */
  publicKey(): Promise<KeyObject>;
  /** An ASN.1 DER ECDSA signature over a SHA-256 digest, made by the service (the private key never leaves it). */
  signDigest(digest: Buffer): Promise<Buffer>;
}

export interface KmsOptions {
  /** Environment for the services' variables and cloud credentials (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** The cloud providers' options (the job's OIDC exchange: role, workload identity provider, client/tenant). */
  cloud?: CloudOptions;
  /** Called with every credential obtained on the way (OIDC and access tokens, keys, VAULT_TOKEN), to mask it. */
  onSecret?: (secret: string) => void;
  onDebug?: (message: string) => void;
  /** Per-request deadline (default 30 s). */
  timeoutMs?: number;
  /** Whether the key signs or verifies: errors name the signing key or the verification key. */
  use?: 'sign' | 'verify';
}

export interface ResolvedKmsOptions {
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  use: 'sign' | 'verify';
  cloud: CloudContext;
  onSecret: (secret: string) => void;
}

export function resolveOptions(options: KmsOptions): ResolvedKmsOptions {
  const env = options.env ?? process.env;
  const onSecret = options.onSecret ?? (() => undefined);
  return {
    env,
    timeoutMs: options.timeoutMs ?? 30_000,
    use: options.use ?? 'sign',
    onSecret,
    cloud: {
      options: options.cloud ?? {},
      env,
      onSecret,
      endpoints: {},
      registryUrl: (registry) => `https://${registry}`,
      onDebug: options.onDebug ?? (() => undefined),
    },
  };
}

/**
 * One request to a key service with a deadline; a refusal or a network failure becomes a KmsError naming the
 * service, the key URI and the HTTP status with the service's own message.
 */
export async function kmsRequest(
  options: ResolvedKmsOptions,
  what: string,
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
  fix?: (status: number) => string | undefined,
): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs), redirect: 'error' });
  } catch (err) {
    const timedOut = (err as Error).name === 'TimeoutError';
    throw new KmsError(
      'KMS_REQUEST',
      `${what} at ${new URL(url).origin} ${timedOut ? `did not answer within ${options.timeoutMs / 1000} s` : `failed: ${(err as Error).message}`}`,
      { use: options.use, cause: err },
    );
  }
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    if (response.ok) throw new KmsError('KMS_REQUEST', `${what} answered with something other than JSON`, { use: options.use });
  }
  if (!response.ok) {
    const message = serviceMessage(body) ?? text.slice(0, 200);
    const hint = fix?.(response.status);
    throw new KmsError(
      'KMS_REQUEST',
      `${what} failed: HTTP ${response.status}${message ? ` ${JSON.stringify(message.replace(/\s+/g, ' '))}` : ''}${hint ? `; ${hint}` : ''}`,
      { use: options.use },
    );
  }
  return body;
}

/** The error text each service puts in its JSON: AWS `message`, Google and Azure `error.message`, Vault `errors`. */
function serviceMessage(body: Record<string, unknown>): string | undefined {
  const error = body.error as { message?: unknown } | undefined;
  if (typeof error?.message === 'string') return error.message;
  for (const name of ['message', 'Message'])
    if (typeof body[name] === 'string') return `${typeof body.__type === 'string' ? `${body.__type.split('#').pop()}: ` : ''}${body[name]}`;
  if (Array.isArray(body.errors)) return body.errors.join('; ');
  return undefined;
}

/** d2ci signs with ECDSA P-256 over SHA-256, as with PEM keys; other key types are refused before any signature. */
export function p256PublicKey(key: string | Buffer | { key: object; format: 'jwk' }, uri: string, use: 'sign' | 'verify'): KeyObject {
  let publicKey: KeyObject;
  try {
    publicKey =
      typeof key === 'string'
        ? createPublicKey({ key, format: 'pem' })
        : Buffer.isBuffer(key)
          ? createPublicKey({ key, format: 'der', type: 'spki' })
          : createPublicKey(key as Parameters<typeof createPublicKey>[0]);
  } catch (err) {
    throw new KmsError('KMS_KEY', `the public key of ${uri} could not be read`, { use, cause: err });
  }
  if (publicKey.asymmetricKeyType !== 'ec' || publicKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
    throw new KmsError(
      'KMS_KEY',
      `${uri} is not an ECDSA P-256 key (got ${publicKey.asymmetricKeyType}${publicKey.asymmetricKeyDetails?.namedCurve ? ` ${publicKey.asymmetricKeyDetails.namedCurve}` : ''}); d2ci signs with ECDSA P-256 / SHA-256 keys, as with PEM keys`,
      { use },
    );
  return publicKey;
}

/** Caches a promise, but forgets a failure so that a later call retries. */
export function once<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= make().catch((err: unknown) => {
      value = undefined;
      throw err;
    });
    return value;
  };
}
