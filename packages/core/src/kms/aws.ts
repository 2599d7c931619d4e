import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { awsProvider } from '../auth/index.ts';
import { KmsError } from './errors.ts';
import { kmsRequest, once, p256PublicKey, resolveOptions, type KmsKey, type KmsOptions } from './key.ts';

/**
 * cosign's awskms:// forms (sigstore pkg/signature/kms/aws/client.go): `awskms://[ENDPOINT]/KEY` where KEY is a key
 * ID, `alias/NAME`, or a key or alias ARN. An endpoint in the URI is reached over https, as there.
 */
const uuid = 'm?r?k?-?[A-Fa-f0-9]{8}-?[A-Fa-f0-9]{4}-?[A-Fa-f0-9]{4}-?[A-Fa-f0-9]{4}-?[A-Fa-f0-9]{12}';
const arn = 'arn:(?:aws|aws-us-gov|aws-cn):kms:([a-z0-9-]+):\\d{12}:';
const forms = [
  new RegExp(`^awskms://([^/]*)/(${uuid})$`),
  new RegExp(`^awskms://([^/]*)/(${arn}key/${uuid})$`),
  /^awskms:\/\/([^/]*)\/(alias\/.+)$/,
  new RegExp(`^awskms://([^/]*)/(${arn}alias/.+)$`),
];

/** A SHA-256 (or HMAC-SHA-256) for @smithy/signature-v4, from node:crypto. */
class Sha256 {
  private hash: Hash | Hmac;
  private readonly secret: string | Uint8Array | undefined;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.secret =
      secret === undefined || typeof secret === 'string'
        ? secret
        : secret instanceof ArrayBuffer
          ? new Uint8Array(secret)
          : new Uint8Array(secret.buffer, secret.byteOffset, secret.byteLength);
    this.hash = this.make();
  }
  private make(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', this.secret);
  }
  update(data: string | Uint8Array): void {
    this.hash.update(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.make();
  }
}

/**
 * AWS KMS through its JSON 1.1 API (`TrentService.GetPublicKey`, `TrentService.Sign` with MessageType DIGEST and
 * ECDSA_SHA_256, as sigstore's client calls them), signed with SigV4. Credentials as `provider: aws` finds them:
 * the job's OIDC token with `aws-role-arn`, else the SDK's default chain. The endpoint: the URI's, else
 * AWS_ENDPOINT_URL_KMS / AWS_ENDPOINT_URL (as every AWS SDK reads them), else kms.<region>.amazonaws.com.
 */
export function awsKmsKey(uri: string, options: KmsOptions): KmsKey {
  const resolved = resolveOptions(options);
  const { env, use } = resolved;
  const match = forms.map((form) => form.exec(uri)).find(Boolean);
  if (!match)
    throw new KmsError(
      'KMS_URI',
      `"${uri}" is not an AWS KMS key: use awskms:///KEY-ID, awskms:///alias/NAME or awskms:///arn:aws:kms:REGION:ACCOUNT:key/KEY-ID (an endpoint may go between // and /)`,
      { use },
    );
  const [, host = '', keyId = '', arnRegion] = match;
  const region = arnRegion || options.cloud?.aws?.region || env.AWS_REGION || env.AWS_DEFAULT_REGION;
  const endpoint = (): string => {
    if (host) return `https://${host}`;
    const configured = /^true$/i.test(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '')
      ? undefined
      : env.AWS_ENDPOINT_URL_KMS || env.AWS_ENDPOINT_URL;
    return (configured || `https://kms.${region}.amazonaws.com${region?.startsWith('cn-') ? '.cn' : ''}`).replace(/\/+$/, '');
  };
  const provider = awsProvider(resolved.cloud);

  const call = async (target: 'GetPublicKey' | 'Sign', payload: object): Promise<Record<string, unknown>> => {
    if (!region)
      throw new KmsError('KMS_URI', `${uri} names no region: use the key's ARN, or set AWS_REGION (or the aws-region input)`, { use });
    const keys = await provider.keys(region);
    const url = new URL(endpoint());
    const body = JSON.stringify(payload);
    const { SignatureV4 } = await import('@smithy/signature-v4');
    const signer = new SignatureV4({ service: 'kms', region, credentials: keys, sha256: Sha256 });
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname || '/',
      query: {},
      headers: { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `TrentService.${target}` },
      body,
    });
    // fetch sets Host itself (the same value that was signed).
    const headers = Object.fromEntries(Object.entries(signed.headers).filter(([name]) => name !== 'host'));
    return kmsRequest(resolved, `AWS KMS ${target} for ${uri}`, url.href, { method: 'POST', headers, body }, (status) =>
      status === 400 || status === 403
        ? `the AWS identity needs kms:${target} on the key (and the key must exist in ${region})`
        : undefined,
    );
  };

  const publicKey = once(async () => {
    const out = await call('GetPublicKey', { KeyId: keyId });
    if (typeof out.PublicKey !== 'string')
      throw new KmsError('KMS_REQUEST', `AWS KMS GetPublicKey for ${uri} returned no PublicKey`, { use });
    return p256PublicKey(Buffer.from(out.PublicKey, 'base64'), uri, use);
  });
  return {
    uri,
    publicKey,
    async signDigest(digest) {
      await publicKey();
      const out = await call('Sign', {
        KeyId: keyId,
        Message: digest.toString('base64'),
        MessageType: 'DIGEST',
        SigningAlgorithm: 'ECDSA_SHA_256',
      });
      if (typeof out.Signature !== 'string') throw new KmsError('KMS_REQUEST', `AWS KMS Sign for ${uri} returned no Signature`, { use });
      return Buffer.from(out.Signature, 'base64');
    },
  };
}
