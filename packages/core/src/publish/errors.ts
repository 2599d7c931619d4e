import { BaseError } from '../errors.ts';

export type PublishErrorCode = 'DOCUMENT_INVALID' | 'ATTEST_NEEDS_COSIGN';

/** A push request that cannot be carried out as asked; nothing was pushed. */
export class PublishError extends BaseError<PublishErrorCode> {}
