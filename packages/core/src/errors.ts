/**
 * The error shape every room shares, after sigstore-js's `BaseError<Code>` (sigstore-js/packages/sign/src/error.ts)
 * and oras-go's errdef: a leaf module, imported by `oci/` and every room above it, importing nothing.
 *
 * Front doors never read `message` to decide whom to blame: an error that is about one part of a request carries
 * that part as a neutral `field`, and each front door maps fields to its own names with one table
 * (`packages/action-kit/src/fields.ts` for inputs, `packages/cli/src/fields.ts` for flags). `problem` is the
 * message without the field's name, for the front door to prefix its own.
 */

/**
 * The parts of a request an error can be about. Adding one makes both front-door tables fail to typecheck until
 * they name it, so no error ever reaches a user unattributed.
 */
export type Field =
  | 'reference'
  | 'path'
  | 'components'
  | 'ignore-paths'
  | 'resolve-symlinks'
  | 'tags'
  | 'diff-tag'
  | 'layer-media-type'
  | 'referrer'
  | 'attach'
  | 'attest'
  | 'signing-key'
  | 'signing-key-password'
  | 'notation-key'
  | 'notation-key-password'
  | 'notation-certificate-chain'
  | 'certificate-identity'
  | 'certificate-identity-regexp'
  | 'certificate-oidc-issuer'
  | 'certificate-oidc-issuer-regexp'
  | 'certificate-github-workflow-repository'
  | 'public-key'
  | 'trusted-root'
  | 'provider'
  | 'flux-version'
  | 'signature-format'
  | 'signing-config'
  | 'notation-trust-policy'
  | 'notation-scope'
  | 'ref'
  | 'tag-pattern'
  | 'rollback-to'
  | 'filter-semver'
  | 'filter-regex'
  | 'tool-sources'
  | 'require-attestations'
  | 'policies-path'
  | 'update-path'
  | 'message-template'
  | 'dry-run'
  | 'commit-via'
  | 'app-id'
  | 'signature-annotations';

export interface BaseErrorOptions {
  /** The part of the request the error is about. */
  field?: Field;
  /** The message without the field's name; defaults to the message. */
  problem?: string;
  cause?: unknown;
}

export class BaseError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly field: Field | undefined;
  readonly problem: string;

  constructor(code: Code, message: string, options: BaseErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.field = options.field;
    this.problem = options.problem ?? message;
  }
}

/** The field an error is about, if it is one of ours and names one. */
export function fieldOf(err: unknown): Field | undefined {
  return err instanceof BaseError ? err.field : undefined;
}

/**
 * A foreign error's message (Node's, a library's) on one line, for display only. The one place that reads an
 * error's text, and it decides nothing: front doors and rooms decide by `code` and `field`. `firstLine` keeps the
 * first line only (YAML's errors add a code frame below it); otherwise line breaks become spaces.
 */
export function oneLineMessage(err: unknown, options: { firstLine?: boolean } = {}): string {
  const message = (err as { message?: unknown } | undefined)?.message;
  const text = typeof message === 'string' ? message : String(err);
  return options.firstLine ? (text.split('\n')[0] ?? '') : text.replace(/\s*\n\s*/g, ' ');
}
