import { BaseError, type Field } from '../errors.ts';

/**
 * Errors raised by the OCI client. `code` is the registry's error code (e.g. `MANIFEST_UNKNOWN`) or one of
 * ours (`NETWORK`, `INVALID_REFERENCE`, `DIGEST_MISMATCH`, …); `hint` is the fix a user should try.
 * The message is always a single line so actions can print it with `core.setFailed` as is.
 */
export class OciError extends BaseError {
  readonly status: number | undefined;
  readonly hint: string | undefined;

  constructor(
    code: string,
    message: string,
    options: { status?: number; hint?: string; cause?: unknown; field?: Field; problem?: string } = {},
  ) {
    // Registry text (error bodies, tags, annotations) reaches this message: one line, control characters shown
    // escaped, so nothing in it can drive a terminal or become a workflow command.
    const oneLine = escapeControls(message.replace(/\s*\n\s*/g, ' ').trim());
    const problem = options.problem === undefined ? undefined : escapeControls(options.problem.replace(/\s*\n\s*/g, ' ').trim());
    super(code, options.hint ? `${oneLine}; ${options.hint}` : oneLine, { cause: options.cause, field: options.field, problem });
    this.name = 'OciError';
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

/** C0/C1 control characters (ESC, CR, BEL …) and line/paragraph separators as visible `\\uXXXX` escapes. */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
