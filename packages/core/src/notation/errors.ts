// The notation room's errors, on core's BaseError (errors.ts). Messages are notation-go's and notation-core-go's
// where d2ci ports their checks; codes say what went wrong, and `field` says which part of a signing request an
// error is about (the key, its password, the certificate chain) so front doors blame the right input or flag.
import { BaseError, type BaseErrorOptions } from '../errors.ts';

/**
 * NOTATION_KEY_INVALID: not a private key d2ci reads. NOTATION_KEY_PASSWORD: the key is encrypted and the password
 * is missing or wrong. NOTATION_KEY_UNSUPPORTED: a key type or size outside the spec's table.
 * NOTATION_KEY_MISMATCH: the key is not the signing certificate's. NOTATION_CERTIFICATE_INVALID: not a certificate
 * d2ci reads. NOTATION_CERTIFICATE_CHAIN_INVALID: a chain that breaks the spec's certificate requirements (or none).
 * NOTATION_SIGNING_FAILED: a signer whose signature or declared key spec does not hold up.
 * NOTATION_EXPIRY_INVALID: an expiry not after the signing time. NOTATION_USER_METADATA_INVALID: user metadata
 * that uses a reserved key or repeats one. NOTATION_ENVELOPE_INVALID: a signature envelope, protected header or
 * payload that does not parse or breaks the envelope rules. NOTATION_REPOSITORY_REQUIRED: no repository to pick a
 * trust policy statement by.
 */
export type NotationErrorCode =
  | 'NOTATION_KEY_INVALID'
  | 'NOTATION_KEY_PASSWORD'
  | 'NOTATION_KEY_UNSUPPORTED'
  | 'NOTATION_KEY_MISMATCH'
  | 'NOTATION_CERTIFICATE_INVALID'
  | 'NOTATION_CERTIFICATE_CHAIN_INVALID'
  | 'NOTATION_SIGNING_FAILED'
  | 'NOTATION_EXPIRY_INVALID'
  | 'NOTATION_USER_METADATA_INVALID'
  | 'NOTATION_ENVELOPE_INVALID'
  | 'NOTATION_REPOSITORY_REQUIRED';

/** Any Notary Project signing or verification error; the subclasses below narrow the code. */
export class NotationError<Code extends string = NotationErrorCode> extends BaseError<Code> {
  constructor(code: Code, message: string, options?: BaseErrorOptions) {
    super(code, message, options);
    this.name = 'NotationError';
  }
}

/**
 * NOTATION_POLICY_INVALID: the trust policy document breaks notation-go's rules (trustpolicy OCIDocument.Validate).
 * NOTATION_POLICY_NOT_FOUND: no statement applies to the artifact's repository. NOTATION_SCOPE_INVALID: the
 * artifact's repository is not a scope statements can name.
 */
export type NotationPolicyErrorCode = 'NOTATION_POLICY_INVALID' | 'NOTATION_POLICY_NOT_FOUND' | 'NOTATION_SCOPE_INVALID';

/** An invalid trust policy document, or none that applies, with notation-go's message; about the trust policy. */
export class NotationPolicyError extends NotationError<NotationPolicyErrorCode> {
  constructor(message: string, code: NotationPolicyErrorCode = 'NOTATION_POLICY_INVALID') {
    super(code, message, { field: 'notation-trust-policy' });
    this.name = 'NotationPolicyError';
  }
}

/**
 * NOTATION_TRUST_STORE_NOT_FOUND: the named store does not exist. NOTATION_TRUST_STORE_INVALID: a store name, type,
 * layout or certificate notation-go's trust store refuses (verifier/truststore), or a policy's malformed store value.
 */
export type NotationTrustStoreErrorCode = 'NOTATION_TRUST_STORE_NOT_FOUND' | 'NOTATION_TRUST_STORE_INVALID';

export class NotationTrustStoreError extends NotationError<NotationTrustStoreErrorCode> {
  constructor(message: string, code: NotationTrustStoreErrorCode = 'NOTATION_TRUST_STORE_INVALID') {
    super(code, message);
    this.name = 'NotationTrustStoreError';
  }
}

/**
 * The error codes of the plugin protocol (plugin-extensibility.md "Error Handling"; notation-go plugin/proto
 * errors.go). A plugin may send others of its own.
 */
export type NotationPluginProtocolErrorCode =
  'VALIDATION_ERROR' | 'UNSUPPORTED_CONTRACT_VERSION' | 'ACCESS_DENIED' | 'TIMEOUT' | 'THROTTLED' | 'ERROR';

/**
 * The plugin's own `errorCode` when it sent one; otherwise d2ci's: NOTATION_PLUGIN_NOT_FOUND (no executable to run),
 * NOTATION_PLUGIN_FAILED (it could not run, timed out, or failed without a JSON error), NOTATION_PLUGIN_RESPONSE_INVALID
 * (an answer that breaks the contract), NOTATION_PLUGIN_UNSUPPORTED (no signing capability d2ci uses),
 * NOTATION_PLUGIN_KEY_ID_REQUIRED, NOTATION_PLUGIN_NOT_SIGNED (the chain asked for before signing).
 */
export type NotationPluginErrorCode =
  | NotationPluginProtocolErrorCode
  | 'NOTATION_PLUGIN_NOT_FOUND'
  | 'NOTATION_PLUGIN_FAILED'
  | 'NOTATION_PLUGIN_RESPONSE_INVALID'
  | 'NOTATION_PLUGIN_UNSUPPORTED'
  | 'NOTATION_PLUGIN_KEY_ID_REQUIRED'
  | 'NOTATION_PLUGIN_NOT_SIGNED'
  // A plugin's own code: any string (notation's own test plugin sends INVALID_KEY_ID, SIGNING_ERROR, ...).
  | (string & Record<never, never>);

/** A plugin's error, or a failure to run one; `metadata` is the plugin's `errorMetadata` when it sent one. */
export class NotationPluginError extends NotationError<NotationPluginErrorCode> {
  readonly metadata: Record<string, string> | undefined;
  constructor(code: NotationPluginErrorCode, message: string, metadata?: Record<string, string>) {
    super(code, message);
    this.name = 'NotationPluginError';
    this.metadata = metadata;
  }
}
