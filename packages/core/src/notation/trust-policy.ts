// Trust policy documents (trustpolicy.json, version 1.0): validation with notation-go's rules and messages, and
// picking the statement for a repository (notation-go verifier/trustpolicy oci.go OCIDocument.Validate,
// GetApplicableTrustPolicy; trust-store-trust-policy.md "Trust Policy").
import { quote } from '../go/strconv/quote.ts';
import { isSubsetDn, parseNotationDistinguishedName } from './distinguished-name.ts';
import { NotationPolicyError } from './errors.ts';
import { storeNamePattern, trustStoreTypes, type NotationTrustStoreType } from './trust-store.ts';
import { notationVerificationLevel, type NotationSignatureVerification, type NotationVerificationLevel } from './verification-level.ts';

export interface NotationTrustPolicy {
  name: string;
  registryScopes: string[];
  signatureVerification: NotationSignatureVerification;
  trustStores?: string[];
  trustedIdentities?: string[];
}

/** A `trustpolicy.json` (`trustpolicy.oci.json`) document. */
export interface NotationTrustPolicyDocument {
  version: string;
  trustPolicies: NotationTrustPolicy[];
}

const trustPolicyLink = 'https://notaryproject.dev/docs/quickstart/#create-a-trust-policy';

const domainPattern =
  /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))+)?(?::[0-9]+)?$/;
const repositoryPattern = /^[a-z0-9]+(?:(?:(?:[._]|__|[-]*)[a-z0-9]+)+)?(?:(?:\/[a-z0-9]+(?:(?:(?:[._]|__|[-]*)[a-z0-9]+)+)?)+)?$/;

function registryScopeProblem(scope: string): string | undefined {
  const ensure =
    'make sure it is a fully qualified repository without the scheme, protocol or tag. For example domain.com/my/repository or a local scope like local/myOCILayout';
  if (scope.length > 1 && scope.includes('*')) return `registry scope ${quote(scope)} with wild card(s) is not valid, ${ensure}`;
  const slash = scope.indexOf('/');
  const domain = slash < 0 ? '' : scope.slice(0, slash);
  const repository = slash < 0 ? '' : scope.slice(slash + 1);
  if (!domain || !repository || !domainPattern.test(domain) || !repositoryPattern.test(repository))
    return `registry scope ${quote(scope)} is not valid, ${ensure}`;
  return undefined;
}

function validateTrustedIdentities(policyName: string, identities: readonly string[]): void {
  if (identities.length > 1 && identities.includes('*')) {
    throw new NotationPolicyError(
      `trust policy statement ${quote(policyName)} uses a wildcard trusted identity '*', a wildcard identity cannot be used in conjunction with other values`,
    );
  }
  const parsed: { raw: string; dn: Record<string, string> }[] = [];
  for (const identity of identities) {
    if (identity === '') throw new NotationPolicyError(`trust policy statement ${quote(policyName)} has an empty trusted identity`);
    if (identity === '*') continue;
    const colon = identity.indexOf(':');
    if (colon < 0)
      throw new NotationPolicyError(
        `trust policy statement ${quote(policyName)} has trusted identity ${quote(identity)} missing separator`,
      );
    // notation natively understands x509.subject only; other prefixes are left to plugins.
    if (identity.slice(0, colon) !== 'x509.subject') continue;
    const value = identity.slice(colon + 1);
    if (value === '')
      throw new NotationPolicyError(
        `trust policy statement ${quote(policyName)} has trusted identity ${quote(identity)} without an identity value`,
      );
    try {
      parsed.push({ raw: identity, dn: parseNotationDistinguishedName(value) });
    } catch (err) {
      throw new NotationPolicyError(
        `trust policy statement ${quote(policyName)} has trusted identity ${quote(identity)} with invalid identity value: ${(err as Error).message}`,
      );
    }
  }
  for (const [i, a] of parsed.entries()) {
    for (const [j, b] of parsed.entries()) {
      if (i !== j && isSubsetDn(a.dn, b.dn))
        throw new NotationPolicyError(
          `trust policy statement ${quote(policyName)} has overlapping x509 trustedIdentities, ${quote(a.raw)} overlaps with ${quote(b.raw)}`,
        );
    }
  }
}

function validatePolicyStatement(statement: NotationTrustPolicy): void {
  const name = statement.name;
  if (!name) throw new NotationPolicyError('a trust policy statement is missing a name, every statement requires a name');
  let level: NotationVerificationLevel;
  try {
    level = notationVerificationLevel(statement.signatureVerification);
  } catch (err) {
    throw new NotationPolicyError(`trust policy statement ${quote(name)} has invalid signatureVerification: ${(err as Error).message}`);
  }
  const verifyTimestamp = statement.signatureVerification.verifyTimestamp;
  if (verifyTimestamp && verifyTimestamp !== 'always' && verifyTimestamp !== 'afterCertExpiry') {
    throw new NotationPolicyError(
      `trust policy statement ${quote(name)} has invalid signatureVerification: verifyTimestamp must be "always" or "afterCertExpiry", but got ${quote(verifyTimestamp)}`,
    );
  }
  const stores = statement.trustStores ?? [];
  const identities = statement.trustedIdentities ?? [];
  if (level.name === 'skip') {
    if (stores.length || identities.length) {
      throw new NotationPolicyError(
        `trust policy statement ${quote(name)} is set to skip signature verification but configured with trust stores and/or trusted identities, remove them if signature verification needs to be skipped`,
      );
    }
    return;
  }
  if (!stores.length || !identities.length)
    throw new NotationPolicyError(
      `trust policy statement ${quote(name)} is either missing trust stores or trusted identities, both must be specified`,
    );
  for (const store of stores) {
    const colon = store.indexOf(':');
    if (colon < 0)
      throw new NotationPolicyError(
        `trust policy statement ${quote(name)} has malformed trust store value ${quote(store)}. The required format is <TrustStoreType>:<TrustStoreName>`,
      );
    const type = store.slice(0, colon);
    const storeName = store.slice(colon + 1);
    if (!trustStoreTypes.includes(type as NotationTrustStoreType))
      throw new NotationPolicyError(
        `trust policy statement ${quote(name)} uses an unsupported trust store type ${quote(type)} in trust store value ${quote(store)}`,
      );
    if (!storeNamePattern.test(storeName)) {
      throw new NotationPolicyError(
        `trust policy statement ${quote(name)} uses an unsupported trust store name ${quote(storeName)} in trust store value ${quote(store)}. Named store name needs to follow [a-zA-Z0-9_.-]+ format`,
      );
    }
  }
  validateTrustedIdentities(name, identities);
}

const malformed = (): NotationPolicyError =>
  new NotationPolicyError(`malformed trust policy. To create a trust policy, see: ${trustPolicyLink}`);
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** Checks the JSON types the Go structs would accept (anything else fails to decode in notation: "malformed trust policy"). */
function decodeDocument(input: unknown): NotationTrustPolicyDocument {
  let value = input;
  if (typeof input === 'string' || Buffer.isBuffer(input)) {
    try {
      value = JSON.parse(input.toString()) as unknown;
    } catch {
      throw malformed();
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new NotationPolicyError('oci trust policy document cannot be nil');
  const doc = value as { version?: unknown; trustPolicies?: unknown };
  if (doc.version !== undefined && typeof doc.version !== 'string') throw malformed();
  if (doc.trustPolicies !== undefined && doc.trustPolicies !== null && !Array.isArray(doc.trustPolicies)) throw malformed();
  const policies = ((doc.trustPolicies as unknown[] | null | undefined) ?? []).map((entry) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw malformed();
    const p = entry as Record<string, unknown>;
    const sv = (p.signatureVerification ?? {}) as Record<string, unknown>;
    if (typeof sv !== 'object' || Array.isArray(sv)) throw malformed();
    for (const field of ['name'] as const) if (p[field] !== undefined && typeof p[field] !== 'string') throw malformed();
    for (const field of ['registryScopes', 'trustStores', 'trustedIdentities'] as const)
      if (p[field] !== undefined && p[field] !== null && !isStringArray(p[field])) throw malformed();
    if (
      (sv.level !== undefined && typeof sv.level !== 'string') ||
      (sv.verifyTimestamp !== undefined && typeof sv.verifyTimestamp !== 'string')
    )
      throw malformed();
    if (
      sv.override !== undefined &&
      sv.override !== null &&
      (typeof sv.override !== 'object' || Array.isArray(sv.override) || !Object.values(sv.override).every((v) => typeof v === 'string'))
    )
      throw malformed();
    const policy: NotationTrustPolicy = {
      name: (p.name as string | undefined) ?? '',
      registryScopes: (p.registryScopes as string[] | null | undefined) ?? [],
      signatureVerification: {
        level: sv.level ?? '',
        ...(sv.override ? { override: sv.override } : {}),
        ...(sv.verifyTimestamp !== undefined ? { verifyTimestamp: sv.verifyTimestamp } : {}),
      },
    };
    if (p.trustStores) policy.trustStores = p.trustStores as string[];
    if (p.trustedIdentities) policy.trustedIdentities = p.trustedIdentities as string[];
    return policy;
  });
  return { version: doc.version ?? '', trustPolicies: policies };
}

/**
 * Reads and validates a trust policy document (a parsed object, or its JSON text) with notation-go's rules and
 * messages: version 1.0, at least one statement, unique names, a valid level and overrides, trust stores and
 * trusted identities present unless the level is `skip` (and absent when it is), `type:name` stores, well-formed
 * non-overlapping `x509.subject` identities, and registry scopes that are `*` alone or fully qualified
 * repositories, each in one statement only.
 */
export function parseNotationTrustPolicy(input: unknown): NotationTrustPolicyDocument {
  const doc = decodeDocument(input);
  if (!doc.version) throw new NotationPolicyError('oci trust policy document has empty version, version must be specified');
  if (doc.version !== '1.0') throw new NotationPolicyError(`oci trust policy document uses unsupported version ${quote(doc.version)}`);
  if (doc.trustPolicies.length === 0) throw new NotationPolicyError('oci trust policy document can not have zero trust policy statements');
  const names = new Set<string>();
  for (const statement of doc.trustPolicies) {
    if (names.has(statement.name))
      throw new NotationPolicyError(
        `multiple oci trust policy statements use the same name ${quote(statement.name)}, statement names must be unique`,
      );
    try {
      validatePolicyStatement(statement);
    } catch (err) {
      throw new NotationPolicyError(`oci trust policy: ${(err as Error).message}`);
    }
    names.add(statement.name);
  }
  const scopeCounts = new Map<string, number>();
  for (const statement of doc.trustPolicies) {
    if (statement.registryScopes.length === 0)
      throw new NotationPolicyError(
        `oci trust policy statement ${quote(statement.name)} has zero registry scopes, it must specify registry scopes with at least one value`,
      );
    if (statement.registryScopes.length > 1 && statement.registryScopes.includes('*')) {
      throw new NotationPolicyError(
        `oci trust policy statement ${quote(statement.name)} uses wildcard registry scope '*', a wildcard scope cannot be used in conjunction with other scope values`,
      );
    }
    for (const scope of statement.registryScopes) {
      const problem = scope === '*' ? undefined : registryScopeProblem(scope);
      if (problem) throw new NotationPolicyError(problem);
      scopeCounts.set(scope, (scopeCounts.get(scope) ?? 0) + 1);
    }
  }
  for (const [scope, count] of scopeCounts) {
    if (count > 1)
      throw new NotationPolicyError(
        `registry scope ${quote(scope)} is present in multiple oci trust policy statements, one registry scope value can only be associated with one statement`,
      );
  }
  return doc;
}

/**
 * The statement that applies to an artifact's repository (`registry/repository`, no tag or digest): the one whose
 * registryScopes contain it exactly, else the global `*` one (notation-go GetApplicableTrustPolicy).
 * `artifact` is only used in the message, e.g. `registry/repository@sha256:...`.
 */
export function applicableNotationTrustPolicy(
  document: NotationTrustPolicyDocument,
  repository: string,
  artifact = repository,
): NotationTrustPolicy {
  const problem = registryScopeProblem(repository);
  if (problem) throw new NotationPolicyError(problem, 'NOTATION_SCOPE_INVALID');
  const exact = document.trustPolicies.find((p) => !p.registryScopes.includes('*') && p.registryScopes.includes(repository));
  const global = document.trustPolicies.find((p) => p.registryScopes.includes('*'));
  const policy = exact ?? global;
  if (!policy) {
    throw new NotationPolicyError(
      `artifact ${quote(artifact)} has no applicable oci trust policy statement. Trust policy applicability for a given artifact is determined by registryScopes. To create a trust policy, see: ${trustPolicyLink}`,
      'NOTATION_POLICY_NOT_FOUND',
    );
  }
  return policy;
}
