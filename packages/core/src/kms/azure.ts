import { azureProvider } from '../auth/index.ts';
import { KmsError } from './errors.ts';
import { kmsRequest, once, p256PublicKey, resolveOptions, type KmsKey, type KmsOptions } from './key.ts';

/** cosign's azurekms:// form (sigstore pkg/signature/kms/azure/client.go): `azurekms://VAULT-HOST/KEY[/VERSION]`. */
const form = /^azurekms:\/\/([^/]+)\/([^/]+)(?:\/([^/]+))?$/;
const apiVersion = '7.4';

/** A P-256 signature as Key Vault returns it (JWS: r‖s, 32 bytes each) in ASN.1 DER, as cosign writes ECDSA signatures. */
export function p1363ToDer(raw: Buffer): Buffer {
  const integer = (bytes: Buffer): Buffer => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    let value = bytes.subarray(start);
    if ((value[0] ?? 0) & 0x80) value = Buffer.concat([Buffer.from([0]), value]);
    return Buffer.concat([Buffer.from([0x02, value.length]), value]);
  };
  const half = raw.length / 2;
  const body = Buffer.concat([integer(raw.subarray(0, half)), integer(raw.subarray(half))]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

/**
 * Azure Key Vault keys REST (api-version 7.4): `GET /keys/{name}/{version}` (a JWK) and `POST …/sign` with ES256 over
 * the digest. The Entra ID token (scope https://vault.azure.net/.default) is `provider: azure`'s: the job's OIDC
 * token as a federated client assertion, else DefaultAzureCredential's chain. D2CI_AZURE_KEYVAULT_URL replaces
 * `https://VAULT-HOST` (a private endpoint, or a test stand-in).
 */
export function azureKmsKey(uri: string, options: KmsOptions): KmsKey {
  const resolved = resolveOptions(options);
  const { use } = resolved;
  const match = form.exec(uri);
  if (!match)
    throw new KmsError('KMS_URI', `"${uri}" is not an Azure Key Vault key: use azurekms://VAULT.vault.azure.net/KEY[/VERSION]`, { use });
  const [, host = '', name = '', version = ''] = match;
  const base = (resolved.env.D2CI_AZURE_KEYVAULT_URL || `https://${host}`).replace(/\/+$/, '');
  const keyPath = `${base}/keys/${encodeURIComponent(name)}${version ? `/${encodeURIComponent(version)}` : ''}`;
  const provider = azureProvider(resolved.cloud);
  const scope = `https://${host.endsWith('.vault.azure.cn') ? 'vault.azure.cn' : host.endsWith('.vault.usgovcloudapi.net') ? 'vault.usgovcloudapi.net' : 'vault.azure.net'}/.default`;
  const call = async (what: string, url: string, body?: object): Promise<Record<string, unknown>> => {
    const token = await provider.accessToken(scope);
    return kmsRequest(
      resolved,
      `Azure Key Vault ${what} for ${uri}`,
      `${url}?api-version=${apiVersion}`,
      {
        method: body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      },
      (status) =>
        status === 401 || status === 403 ? 'the identity needs the Key Vault Crypto User role (keys/get and keys/sign)' : undefined,
    );
  };
  // The key's full id (with its version), so that every signature is made by the version whose public key we hold.
  const key = once(async () => {
    const out = await call('get key', keyPath);
    const jwk = out.key as { kid?: string; kty?: string; crv?: string; x?: string; y?: string } | undefined;
    if (!jwk?.kid) throw new KmsError('KMS_REQUEST', `Azure Key Vault get key for ${uri} returned no key`, { use });
    if (jwk.kty !== 'EC' && jwk.kty !== 'EC-HSM')
      throw new KmsError('KMS_KEY', `${uri} is a ${jwk.kty} key; d2ci signs with ECDSA P-256 / SHA-256 keys, as with PEM keys`, { use });
    const publicKey = p256PublicKey({ key: { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y }, format: 'jwk' }, uri, use);
    return { kid: jwk.kid, publicKey };
  });
  return {
    uri,
    publicKey: async () => (await key()).publicKey,
    async signDigest(digest) {
      const { kid } = await key();
      const versioned = `${base}/keys/${encodeURIComponent(name)}/${encodeURIComponent(kid.split('/').pop() ?? '')}`;
      const out = await call('sign', `${versioned}/sign`, { alg: 'ES256', value: digest.toString('base64url') });
      if (typeof out.value !== 'string') throw new KmsError('KMS_REQUEST', `Azure Key Vault sign for ${uri} returned no value`, { use });
      return p1363ToDer(Buffer.from(out.value, 'base64url'));
    },
  };
}
