import type { VerifyRequestError } from '@d2ci/core/verify';
import { InputError, inputError } from '@d2ci/action-kit';

/** A refusal of the request in this action's words: a conflict names both inputs. */
export function requestInputError(err: VerifyRequestError): Error {
  if (err.code === 'NOTATION_REQUIRED')
    return new InputError('notation-trust-policy', 'is required with `signature-format: notation` (with `notation-trust-store`)');
  if (err.code === 'FORMAT_CONFLICTS_WITH_NOTATION' || err.code === 'FORMAT_CONFLICTS_WITH_CLUSTER')
    return new InputError(
      'signature-format',
      `is "${err.format ?? ''}", but \`notation-trust-policy\` asks for Notary Project verification; leave it empty or set notation`,
    );
  if (err.code === 'NOTATION_CONFLICTS_WITH_COSIGN')
    return new InputError(
      'notation-trust-policy',
      'replaces `certificate-identity(-regexp)` and `key`: the trust policy names the trusted identities',
    );
  return inputError(err) ?? err;
}
