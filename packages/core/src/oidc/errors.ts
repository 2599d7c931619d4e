import { BaseError } from '../errors.ts';

/**
 * OIDC_UNAVAILABLE: the job may not ask for a token (no `id-token: write`); OIDC_REQUEST_FAILED: the runner's token
 * service did not give one; OIDC_NO_VALUE: its answer held no token.
 */
export type IdentityTokenErrorCode = 'OIDC_UNAVAILABLE' | 'OIDC_REQUEST_FAILED' | 'OIDC_NO_VALUE';

/** The job's OIDC token could not be had. It is about the job's permissions or the runner, not one input. */
export class IdentityTokenError extends BaseError<IdentityTokenErrorCode> {
  constructor(code: IdentityTokenErrorCode, message: string) {
    super(code, message);
    this.name = 'IdentityTokenError';
  }
}
