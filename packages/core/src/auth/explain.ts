import type { CredentialFunction } from '../oci/auth.ts';
import { OciError } from '../oci/errors.ts';
import { networkErrorCode } from '../oci/http.ts';
import type { Location } from '../oci/open.ts';
import { withAuthHint, type Vocabulary } from './hints.ts';
import type { ProviderName } from './provider-names.ts';

export interface RegistryErrorContext {
  /** Where the failed request went; errors about an OCI layout directory are left as they are. */
  location: Location;
  /** The session's credentials: whether the registry has any decides the auth hint. */
  credentials: CredentialFunction;
  provider?: ProviderName;
  /** Whose words the fix is in: the actions' inputs or the CLI's flags. */
  vocabulary: Vocabulary;
  /** The location as the user wrote it, quoted after a registry host that does not resolve. */
  shownAs?: string;
  /** How to give credentials in this front door's words, when not the vocabulary's usual ones. */
  credentialFix?: string;
}

/**
 * A registry host that does not resolve (ENOTFOUND) as the user's mistake: an error about the `reference` field,
 * for the front door to name its input or argument. Undefined for any other error.
 */
export function unresolvedHost(err: unknown, shownAs?: string): OciError | undefined {
  if (!(err instanceof OciError) || err.code !== 'NETWORK' || networkErrorCode(err.cause) !== 'ENOTFOUND') return undefined;
  return new OciError('NETWORK', shownAs === undefined ? err.message : `${err.message} in "${shownAs}"`, {
    field: 'reference',
    cause: err,
  });
}

/**
 * The one explainer of registry failures, for every action and command: a host that does not resolve blames the
 * location (`unresolvedHost`); a 401 or 403 gets the permission or credentials to add (`withAuthHint`). Anything
 * else, and any failure of an OCI layout, comes back as it is. Only the first kind carries a field.
 */
export async function explainRegistryError(err: unknown, context: RegistryErrorContext): Promise<unknown> {
  if (context.location.kind !== 'registry') return err;
  const host = unresolvedHost(err, context.shownAs);
  if (host) return host;
  const { registry, repository } = context.location.reference;
  return withAuthHint(err, {
    registry,
    repository,
    hasCredentials: (await context.credentials(registry).catch(() => undefined)) !== undefined,
    vocabulary: context.vocabulary,
    ...(context.provider ? { provider: context.provider } : {}),
    ...(context.credentialFix ? { credentialFix: context.credentialFix } : {}),
  });
}
