import { BaseError } from '../errors.ts';

/**
 * COPY_REFUSED: the source did not verify (the verification gate); REFERRER_INCOMPLETE: the source lists a
 * referrer or cosign tag whose manifest or content it cannot give; DESTINATION_DIGEST: the destination URL names a
 * digest other than the source's. Nothing was tagged on the destination in every case.
 */
export type CopyErrorCode = 'COPY_REFUSED' | 'REFERRER_INCOMPLETE' | 'DESTINATION_DIGEST';

/** A copy that stopped before any destination tag moved; the message says so after the reason (`problem`). */
export class CopyError extends BaseError<CopyErrorCode> {
  constructor(code: CopyErrorCode, problem: string, options: { cause?: unknown } = {}) {
    super(code, `${problem} (no destination tag was moved)`, { problem, ...options });
  }
}
