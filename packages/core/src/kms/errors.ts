import { BaseError, type Field } from '../errors.ts';

/** KMS_URI: not a key URI we read; KMS_REQUEST: the service refused or did not answer; KMS_KEY: a key we do not sign with. */
export type KmsErrorCode = 'KMS_URI' | 'KMS_REQUEST' | 'KMS_KEY';

/** A KMS or Vault key that cannot be used; its field is the signing key or, for verification, the public key. */
export class KmsError extends BaseError<KmsErrorCode> {
  constructor(code: KmsErrorCode, message: string, options: { use?: 'sign' | 'verify'; cause?: unknown } = {}) {
    const field: Field = options.use === 'verify' ? 'public-key' : 'signing-key';
    super(code, message, { field, cause: options.cause });
    this.name = 'KmsError';
  }
}
