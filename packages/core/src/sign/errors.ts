import { BaseError } from '../errors.ts';

/**
 * Which part of signing failed: SIGN_TOKEN the OIDC token, SIGN_FULCIO the certificate, SIGN_REKOR the transparency
 * log, SIGN_TSA the timestamp, SIGN_FORMAT a bundle the format cannot carry, SIGN_FAILED anything else.
 */
export type SigningErrorCode = 'SIGN_TOKEN' | 'SIGN_FULCIO' | 'SIGN_REKOR' | 'SIGN_TSA' | 'SIGN_FORMAT' | 'SIGN_FAILED';

/** Signing could not complete (a Sigstore service, the key or the token); the message is one line. */
export class SigningError extends BaseError<SigningErrorCode> {
  constructor(code: SigningErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message.replace(/\s*\n\s*/g, ' '), options);
  }
}
