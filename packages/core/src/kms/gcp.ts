import { gcpProvider } from '../auth/index.ts';
import { KmsError } from './errors.ts';
import { kmsRequest, once, p256PublicKey, resolveOptions, type KmsKey, type KmsOptions } from './key.ts';

/** cosign's gcpkms:// form (sigstore pkg/signature/kms/gcp/client.go), with an optional key version. */
const form =
  /^gcpkms:\/\/(projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+\/cryptoKeys\/[^/]+)(?:\/(?:cryptoKeyVersions|versions)\/([^/]+))?$/;

/**
 * Google Cloud KMS REST (cloudkms.googleapis.com/v1): `cryptoKeyVersions.getPublicKey` and `asymmetricSign` with a
 * SHA-256 digest. Without a version, the newest ENABLED version signs, as sigstore's client picks it. The access token
 * is `provider: gcp`'s: Workload Identity Federation with the job's OIDC token, else Application Default Credentials.
 * D2CI_GCP_KMS_URL replaces the API's base URL (a private endpoint, or a test stand-in).
 */
export function gcpKmsKey(uri: string, options: KmsOptions): KmsKey {
  const resolved = resolveOptions(options);
  const { use } = resolved;
  const match = form.exec(uri);
  if (!match)
    throw new KmsError(
      'KMS_URI',
      `"${uri}" is not a Cloud KMS key: use gcpkms://projects/PROJECT/locations/LOCATION/keyRings/RING/cryptoKeys/KEY[/cryptoKeyVersions/N]`,
      { use },
    );
  const [, keyName = '', version] = match;
  const base = (resolved.env.D2CI_GCP_KMS_URL || 'https://cloudkms.googleapis.com').replace(/\/+$/, '');
  const provider = gcpProvider(resolved.cloud);
  const call = async (what: string, path: string, body?: object): Promise<Record<string, unknown>> => {
    const token = await provider.accessToken();
    return kmsRequest(
      resolved,
      `Cloud KMS ${what} for ${uri}`,
      `${base}/v1/${path}`,
      {
        method: body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      },
      (status) => (status === 403 ? 'the identity needs roles/cloudkms.signerVerifier (or viewer to verify) on the key' : undefined),
    );
  };
  const versionName = once(async () => {
    if (version) return `${keyName}/cryptoKeyVersions/${version}`;
    const out = await call('cryptoKeyVersions.list', `${keyName}/cryptoKeyVersions?filter=${encodeURIComponent('state=ENABLED')}`);
    const names = ((out.cryptoKeyVersions as { name?: string; state?: string }[] | undefined) ?? [])
      .filter((v) => v.state === undefined || v.state === 'ENABLED')
      .map((v) => v.name ?? '')
      .filter(Boolean);
    const newest = names.sort((a, b) => Number(a.split('/').pop()) - Number(b.split('/').pop())).pop();
    if (!newest) throw new KmsError('KMS_KEY', `${uri} has no enabled key version`, { use });
    return newest;
  });
  const publicKey = once(async () => {
    const out = await call('getPublicKey', `${await versionName()}/publicKey`);
    if (typeof out.pem !== 'string') throw new KmsError('KMS_REQUEST', `Cloud KMS getPublicKey for ${uri} returned no pem`, { use });
    return p256PublicKey(out.pem, uri, use);
  });
  return {
    uri,
    publicKey,
    async signDigest(digest) {
      await publicKey();
      const out = await call('asymmetricSign', `${await versionName()}:asymmetricSign`, { digest: { sha256: digest.toString('base64') } });
      if (typeof out.signature !== 'string')
        throw new KmsError('KMS_REQUEST', `Cloud KMS asymmetricSign for ${uri} returned no signature`, { use });
      return Buffer.from(out.signature, 'base64');
    },
  };
}
