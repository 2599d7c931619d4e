// How a template fails. Go's own errors are kept apart from "d2ci cannot do this" so that callers can say which
// is which.
import { BaseError } from '../../errors.ts';

/**
 * `PARSE`: Go's parse error (`template: <name>:<line>: …`). `EXEC`: Go's execution error (text/template exec.go
 * `ExecError`). `CALL`: a function's error or panic, which the executor reports as `error calling <name>: …`.
 * `UNSUPPORTED`: a construct d2ci does not render (the message names it).
 */
export type GoTemplateErrorCode = 'PARSE' | 'EXEC' | 'CALL' | 'UNSUPPORTED';

export class GoTemplateError extends BaseError<GoTemplateErrorCode> {
  /** Where in the template text (a UTF-16 index) an unsupported construct is, when known. */
  readonly pos: number | undefined;
  /** For `can't evaluate field F in type T`: F and T, so callers need not read the message. */
  readonly missingField: { field: string; type: string } | undefined;

  constructor(code: GoTemplateErrorCode, message: string, pos?: number, missingField?: { field: string; type: string }) {
    super(code, message);
    this.name = 'GoTemplateError';
    this.pos = pos;
    this.missingField = missingField;
  }
}

/** A function's error, as Go's `error calling <name>: <message>` reports it. */
export function callError(message: string): GoTemplateError {
  return new GoTemplateError('CALL', message);
}

/** A construct d2ci does not render exactly as Go would, so refuses. */
export function unsupported(construct: string, pos?: number): GoTemplateError {
  return new GoTemplateError('UNSUPPORTED', construct, pos);
}
