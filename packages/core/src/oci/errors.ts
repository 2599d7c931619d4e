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
    const line = safeLine(message);
    const problem = options.problem === undefined ? undefined : safeLine(options.problem);
    super(code, options.hint ? `${line}; ${options.hint}` : line, { cause: options.cause, field: options.field, problem });
    this.name = 'OciError';
    this.status = options.status;
    this.hint = options.hint;
  }
}

/** What did not parse: a whole reference, a layout location (`oci-layout:DIR`), or a tag or digest on its own. */
export type InvalidReferenceKind = 'reference' | 'layout location' | 'tag' | 'digest';

/**
 * A reference, digest or other value does not parse: `invalid <kind> "<value>": <reason>`. A reference or layout
 * location is the `reference` field (where the artifact is); a lone tag or digest may come from a registry, so it
 * names no field. `problem` leaves out "invalid reference", which names the field.
 */
export class InvalidReferenceError extends OciError {
  readonly kind: InvalidReferenceKind;
  readonly value: string;
  /** Why it does not parse, without the value. */
  readonly reason: string;

  constructor(kind: InvalidReferenceKind, value: string, reason: string) {
    const located = kind === 'reference' || kind === 'layout location';
    super('INVALID_REFERENCE', `invalid ${kind} "${value}": ${reason}`, {
      ...(located ? { field: 'reference' as const } : {}),
      ...(kind === 'reference' ? { problem: `"${value}": ${reason}` } : {}),
    });
    this.name = 'InvalidReferenceError';
    this.kind = kind;
    // As they read in the message.
    this.value = escapeControls(value.replace(/\s*\n\s*/g, ' '));
    this.reason = safeLine(reason);
  }
}

export function isNotFound(err: unknown): boolean {
  return err instanceof OciError && (err.status === 404 || /_UNKNOWN$/.test(err.code));
}

/** Text as it may go into an OciError's message: one line, control characters escaped. */
function safeLine(text: string): string {
  return escapeControls(text.replace(/\s*\n\s*/g, ' ').trim());
}

/** C0/C1 control characters (ESC, CR, BEL …) and line/paragraph separators as visible `\\uXXXX` escapes. */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
