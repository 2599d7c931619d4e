import { BaseError, type Field } from '../errors.ts';

/**
 * SIGNATURE_FORMAT_INVALID: not auto, legacy, bundle or notation. NOTATION_REQUIRED: format notation without a
 * trust policy. FORMAT_CONFLICTS_WITH_NOTATION: a cosign format although a trust policy asks for Notation.
 * FORMAT_CONFLICTS_WITH_CLUSTER: a cosign format although the flux manifest verifies with Notation.
 * NOTATION_CONFLICTS_WITH_COSIGN: a trust policy with a cosign key or identity (the policy names the identities).
 * NOTATION_SCOPE_REQUIRED: Notation on an OCI layout, which has no repository for trust policy scopes to match.
 * CLUSTER_PROVIDER_MISMATCH: a request whose signatures are not the ones its flux manifest verifies with.
 */
export type VerifyRequestCode =
  | 'SIGNATURE_FORMAT_INVALID'
  | 'NOTATION_REQUIRED'
  | 'FORMAT_CONFLICTS_WITH_NOTATION'
  | 'FORMAT_CONFLICTS_WITH_CLUSTER'
  | 'NOTATION_CONFLICTS_WITH_COSIGN'
  | 'NOTATION_SCOPE_REQUIRED'
  | 'CLUSTER_PROVIDER_MISMATCH';

/**
 * A verification that cannot be carried out as asked; nothing was fetched. The message is `<field> <problem>`; a
 * conflict names a second part of the request, so each front door words it with its own names (by `code`).
 */
export class VerifyRequestError extends BaseError<VerifyRequestCode> {
  /** The signature format asked for, for the front doors' wording of a conflict. */
  readonly format: string | undefined;
  constructor(code: VerifyRequestCode, field: Field | undefined, problem: string, format?: string) {
    super(code, field ? `${field} ${problem}` : problem, { ...(field ? { field } : {}), problem });
    this.format = format;
  }
}
