import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KmsError } from './errors.ts';
import { kmsRequest, once, p256PublicKey, resolveOptions, type KmsKey, type KmsOptions } from './key.ts';

/** cosign's hashivault:// form (sigstore pkg/signature/kms/hashivault/client.go): `hashivault://KEYNAME`. */
const form = /^hashivault:\/\/([A-Za-z0-9._-]+)$/;

/**
 * HashiCorp Vault's transit engine, as sigstore's client uses it: `GET /v1/<path>/keys/<name>` for the public keys
 * (PEM per version), `POST /v1/<path>/sign/<name>/sha2-256` with `prehashed: true` (ASN.1 signature, `vault:vN:…`).
 * VAULT_ADDR, VAULT_TOKEN (else ~/.vault-token), VAULT_NAMESPACE and TRANSIT_SECRET_ENGINE_PATH (default
 * `transit`) as there. The token is masked.
 */
export function vaultKey(uri: string, options: KmsOptions): KmsKey {
  const resolved = resolveOptions(options);
  const { env, use } = resolved;
  const match = form.exec(uri);
  if (!match) throw new KmsError('KMS_URI', `"${uri}" is not a Vault transit key: use hashivault://KEYNAME`, { use });
  const name = match[1] as string;
  const engine = (env.TRANSIT_SECRET_ENGINE_PATH || 'transit').replace(/^\/+|\/+$/g, '');
  const token = (): string => {
    let value = env.VAULT_TOKEN ?? '';
    if (!value) {
      try {
        value = readFileSync(join(env.HOME || homedir(), '.vault-token'), 'utf8').trim();
      } catch {
        // no token file: refused below
      }
    }
    if (!value) throw new KmsError('KMS_URI', `${uri} needs a Vault token: set VAULT_TOKEN (e.g. from hashicorp/vault-action)`, { use });
    resolved.onSecret(value);
    return value;
  };
  const call = async (what: string, path: string, body?: object): Promise<Record<string, unknown>> => {
    const address = env.VAULT_ADDR;
    if (!address)
      throw new KmsError('KMS_URI', `${uri} needs Vault's address: set VAULT_ADDR (e.g. https://vault.example.com:8200)`, { use });
    const out = await kmsRequest(
      resolved,
      `Vault transit ${what} for ${uri}`,
      `${address.replace(/\/+$/, '')}/v1/${engine}/${path}`,
      {
        method: body ? 'POST' : 'GET',
        headers: {
          'x-vault-token': token(),
          ...(env.VAULT_NAMESPACE ? { 'x-vault-namespace': env.VAULT_NAMESPACE } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      },
      (status) =>
        status === 403 ? `the token's policy must allow read on ${engine}/keys/${name} and update on ${engine}/sign/${name}/*` : undefined,
    );
    return (out.data as Record<string, unknown> | undefined) ?? {};
  };
  // The newest version's public key, and that version signs (key_version), so the two always match.
  const key = once(async () => {
    const data = await call('read key', `keys/${encodeURIComponent(name)}`);
    const keys = (data.keys ?? {}) as Record<string, { public_key?: string }>;
    const latest = typeof data.latest_version === 'number' ? data.latest_version : Math.max(...Object.keys(keys).map(Number));
    const pem = keys[String(latest)]?.public_key;
    if (!pem) throw new KmsError('KMS_KEY', `${uri} has no public key (is it an asymmetric transit key, e.g. type ecdsa-p256?)`, { use });
    return { version: latest, publicKey: p256PublicKey(pem, uri, use) };
  });
  return {
    uri,
    publicKey: async () => (await key()).publicKey,
    async signDigest(digest) {
      const { version } = await key();
      const data = await call('sign', `sign/${encodeURIComponent(name)}/sha2-256`, {
        input: digest.toString('base64'),
        prehashed: true,
        key_version: version,
      });
      const signature = typeof data.signature === 'string' ? /^vault:v\d+:(.+)$/.exec(data.signature)?.[1] : undefined;
      if (!signature) throw new KmsError('KMS_REQUEST', `Vault transit sign for ${uri} returned no vault:vN: signature`, { use });
      return Buffer.from(signature, 'base64');
    },
  };
}
