/**
 * Errors raised by the OCI client. `code` is the registry's error code (e.g. `MANIFEST_UNKNOWN`) or one of
 * ours (`NETWORK`, `INVALID_REFERENCE`, `DIGEST_MISMATCH`, …); `hint` is the fix a user should try.
 * The message is always a single line so actions can print it with `core.setFailed` as is.
 */
export class OciError extends Error {
  readonly code: string;
  readonly status: number | undefined;
  readonly hint: string | undefined;

  constructor(code: string, message: string, options: { status?: number; hint?: string; cause?: unknown } = {}) {
    const oneLine = message.replace(/\s*\n\s*/g, ' ').trim();
    super(options.hint ? `${oneLine}; ${options.hint}` : oneLine, { cause: options.cause });
    this.name = 'OciError';
    this.code = code;
    this.status = options.status;
    this.hint = options.hint;
  }
}

/** A reference, digest or other value given by the user does not parse. */
export class InvalidReferenceError extends OciError {
  constructor(message: string) {
    super('INVALID_REFERENCE', message);
    this.name = 'InvalidReferenceError';
  }
}

export function isNotFound(err: unknown): boolean {
  return err instanceof OciError && (err.status === 404 || /_UNKNOWN$/.test(err.code));
}
