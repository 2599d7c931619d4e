import { awsKmsKey } from './aws.ts';
import { azureKmsKey } from './azure.ts';
import { KmsError } from './errors.ts';
import { gcpKmsKey } from './gcp.ts';
import type { KmsKey, KmsOptions } from './key.ts';
import { vaultKey } from './vault.ts';

export { KmsError, type KmsErrorCode } from './errors.ts';
export { type KmsKey, type KmsOptions } from './key.ts';

const schemes = { 'awskms://': awsKmsKey, 'gcpkms://': gcpKmsKey, 'azurekms://': azureKmsKey, 'hashivault://': vaultKey } as const;

/** Whether a key value is one of cosign's KMS URIs rather than a PEM key or a path. */
export function isKmsUri(value: string): boolean {
  return /^(awskms|gcpkms|azurekms|hashivault):\/\//.test(value.trim());
}

/**
 * A key held by AWS KMS, Google Cloud KMS, Azure Key Vault or Vault transit, named as cosign names it. The URI is
 * checked now; the service is first asked on `publicKey()` or `signDigest()`.
 */
export function openKmsKey(uri: string, options: KmsOptions = {}): KmsKey {
  const value = uri.trim();
  const scheme = Object.keys(schemes).find((prefix) => value.startsWith(prefix)) as keyof typeof schemes | undefined;
  if (!scheme)
    throw new KmsError('KMS_URI', `"${value}" is not a KMS key URI (awskms://, gcpkms://, azurekms://, hashivault://)`, {
      use: options.use,
    });
  return schemes[scheme](value, options);
}
