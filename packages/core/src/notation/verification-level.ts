// Verification levels: which checks a trust policy statement enforces, logs or skips (trust-store-trust-policy.md
// "Signature Verification details"; notation-go verifier/trustpolicy GetVerificationLevel).
import { quote } from '../go/strconv/quote.ts';
import { NotationPolicyError } from './errors.ts';

export type NotationValidationType = 'integrity' | 'authenticity' | 'authenticTimestamp' | 'expiry' | 'revocation';
export type NotationValidationAction = 'enforce' | 'log' | 'skip';

export interface NotationSignatureVerification {
  level: string;
  override?: Partial<Record<string, string>>;
  /** `always` (default) or `afterCertExpiry`. */
  verifyTimestamp?: string;
}

export interface NotationVerificationLevel {
  /** `strict`, `permissive`, `audit`, `skip`, or `custom` when `override` changed it. */
  name: string;
  enforcement: Record<NotationValidationType, NotationValidationAction>;
}

export const notationValidationTypes: readonly NotationValidationType[] = [
  'integrity',
  'authenticity',
  'authenticTimestamp',
  'expiry',
  'revocation',
];
const validationActions: readonly NotationValidationAction[] = ['enforce', 'log', 'skip'];

/** The levels' table (trust-store-trust-policy.md "Signature Verification details"). */
export const notationVerificationLevels: Readonly<Record<'strict' | 'permissive' | 'audit' | 'skip', NotationVerificationLevel>> = {
  strict: {
    name: 'strict',
    enforcement: { integrity: 'enforce', authenticity: 'enforce', authenticTimestamp: 'enforce', expiry: 'enforce', revocation: 'enforce' },
  },
  permissive: {
    name: 'permissive',
    enforcement: { integrity: 'enforce', authenticity: 'enforce', authenticTimestamp: 'log', expiry: 'log', revocation: 'log' },
  },
  audit: {
    name: 'audit',
    enforcement: { integrity: 'enforce', authenticity: 'log', authenticTimestamp: 'log', expiry: 'log', revocation: 'log' },
  },
  skip: {
    name: 'skip',
    enforcement: { integrity: 'skip', authenticity: 'skip', authenticTimestamp: 'skip', expiry: 'skip', revocation: 'skip' },
  },
};

/** Go's `%q` of a string slice. */
const quoteList = (values: readonly string[]): string => `[${values.map(quote).join(' ')}]`;

/** The level a policy statement asks for, with its overrides applied (notation-go GetVerificationLevel). */
export function notationVerificationLevel(signatureVerification: NotationSignatureVerification): NotationVerificationLevel {
  const name = signatureVerification.level;
  if (!name) throw new NotationPolicyError('signature verification level is empty or missing in the trust policy statement');
  const base = Object.hasOwn(notationVerificationLevels, name)
    ? notationVerificationLevels[name as keyof typeof notationVerificationLevels]
    : undefined;
  if (!base) throw new NotationPolicyError(`invalid signature verification level ${quote(name)}`);
  const overrides = Object.entries(signatureVerification.override ?? {});
  if (overrides.length === 0) return base;
  if (base.name === 'skip')
    throw new NotationPolicyError(`signature verification level ${quote(base.name)} can't be used to customize signature verification`);
  const custom: NotationVerificationLevel = { name: 'custom', enforcement: { ...base.enforcement } };
  for (const [key, value] of overrides) {
    if (!notationValidationTypes.includes(key as NotationValidationType)) {
      throw new NotationPolicyError(
        `verification type ${quote(key)} in custom signature verification is not supported, supported values are ${quoteList(notationValidationTypes)}`,
      );
    }
    if (!validationActions.includes(value as NotationValidationAction)) {
      throw new NotationPolicyError(
        `verification action ${quote(String(value))} in custom signature verification is not supported, supported values are ${quoteList(validationActions)}`,
      );
    }
    if (key === 'integrity')
      throw new NotationPolicyError(`"integrity" verification can not be overridden in custom signature verification`);
    if (key !== 'revocation' && value === 'skip')
      throw new NotationPolicyError(`${quote(key)} verification can not be skipped in custom signature verification`);
    custom.enforcement[key as NotationValidationType] = value as NotationValidationAction;
  }
  return custom;
}
