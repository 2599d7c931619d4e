// Verifies Notary Project (Notation) signatures like notation-go (verifier/verifier.go): a trust policy document
// (trustpolicy.json, version 1.0) picks the policy for the artifact's repository and its verification level, and
// a trust store holds the trusted roots (notaryproject/specifications trust-store-trust-policy.md).
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { parseManifest, type Descriptor, type ImageManifest } from '../oci/descriptor.ts';
import { MediaType } from '../oci/media-types.ts';
import { readAll } from '../oci/content.ts';
import type { Target } from '../oci/target.ts';
import { annotationMismatches } from '../verify/verify.ts';
import {
  NotationError,
  NotationHeader,
  NotationMediaType,
  notationCertificateChainProblem,
  notationEnvelopeSignatureProblem,
  notationSigningTimeProblem,
  notationThumbprints,
  notationRfc1123z,
  parseNotationCertificate,
  parseNotationCertificates,
  parseNotationEnvelope,
  parseNotationPayload,
  splitNotationCertificates,
  type NotationCertificate,
  type NotationPayload,
  type NotationSigningScheme,
  type ParsedNotationEnvelope,
} from './sign.ts';

// ---------------------------------------------------------------------------------------------------------------
// Trust policy

export type NotationValidationType = 'integrity' | 'authenticity' | 'authenticTimestamp' | 'expiry' | 'revocation';
export type NotationValidationAction = 'enforce' | 'log' | 'skip';
export type NotationTrustStoreType = 'ca' | 'signingAuthority' | 'tsa';

export interface NotationSignatureVerification {
  level: string;
  override?: Partial<Record<string, string>>;
  /** `always` (default) or `afterCertExpiry`. */
  verifyTimestamp?: string;
}

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

export interface NotationVerificationLevel {
  /** `strict`, `permissive`, `audit`, `skip`, or `custom` when `override` changed it. */
  name: string;
  enforcement: Record<NotationValidationType, NotationValidationAction>;
}

/** An invalid trust policy document, with notation-go's message. */
export class NotationPolicyError extends NotationError {
  constructor(message: string) {
    super(message);
    this.name = 'NotationPolicyError';
  }
}

export class NotationTrustStoreError extends NotationError {
  constructor(message: string) {
    super(message);
    this.name = 'NotationTrustStoreError';
  }
}

const trustPolicyLink = 'https://notaryproject.dev/docs/quickstart/#create-a-trust-policy';
export const notationValidationTypes: readonly NotationValidationType[] = [
  'integrity',
  'authenticity',
  'authenticTimestamp',
  'expiry',
  'revocation',
];
const validationActions: readonly NotationValidationAction[] = ['enforce', 'log', 'skip'];
const trustStoreTypes: readonly NotationTrustStoreType[] = ['ca', 'signingAuthority', 'tsa'];

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

/** Go's `%q` of a string (close enough for the ASCII messages notation prints). */
const goQuote = (value: string): string => JSON.stringify(value);
/** Go's `%q` of a string slice. */
const goQuoteList = (values: readonly string[]): string => `[${values.map(goQuote).join(' ')}]`;

/** The level a policy statement asks for, with its overrides applied (notation-go GetVerificationLevel). */
export function notationVerificationLevel(signatureVerification: NotationSignatureVerification): NotationVerificationLevel {
  const name = signatureVerification.level;
  if (!name) throw new NotationPolicyError('signature verification level is empty or missing in the trust policy statement');
  const base = Object.hasOwn(notationVerificationLevels, name)
    ? notationVerificationLevels[name as keyof typeof notationVerificationLevels]
    : undefined;
  if (!base) throw new NotationPolicyError(`invalid signature verification level ${goQuote(name)}`);
  const overrides = Object.entries(signatureVerification.override ?? {});
  if (overrides.length === 0) return base;
  if (base.name === 'skip')
    throw new NotationPolicyError(`signature verification level ${goQuote(base.name)} can't be used to customize signature verification`);
  const custom: NotationVerificationLevel = { name: 'custom', enforcement: { ...base.enforcement } };
  for (const [key, value] of overrides) {
    if (!notationValidationTypes.includes(key as NotationValidationType)) {
      throw new NotationPolicyError(
        `verification type ${goQuote(key)} in custom signature verification is not supported, supported values are ${goQuoteList(notationValidationTypes)}`,
      );
    }
    if (!validationActions.includes(value as NotationValidationAction)) {
      throw new NotationPolicyError(
        `verification action ${goQuote(String(value))} in custom signature verification is not supported, supported values are ${goQuoteList(validationActions)}`,
      );
    }
    if (key === 'integrity')
      throw new NotationPolicyError(`"integrity" verification can not be overridden in custom signature verification`);
    if (key !== 'revocation' && value === 'skip')
      throw new NotationPolicyError(`${goQuote(key)} verification can not be skipped in custom signature verification`);
    custom.enforcement[key as NotationValidationType] = value as NotationValidationAction;
  }
  return custom;
}

// -- Distinguished names (x509.subject identities), as notation-go pkix.ParseDistinguishedName over go-ldap's ParseDN.

/** go-ldap's stripLeadingAndTrailingSpaces: a trailing space survives only when escaped. */
function stripSpaces(value: string): string {
  let trimmed = value.replace(/^ +| +$/g, '');
  if (trimmed.length > 0 && value.endsWith(' ')) {
    let backslashes = 0;
    for (let i = trimmed.length - 1; i >= 0 && trimmed[i] === '\\'; i--) backslashes++;
    if (backslashes % 2 === 1) trimmed += ' ';
  }
  return trimmed;
}

/** go-ldap's decodeString: unescapes `\c` and `\XX` (bytes, so escaped UTF-8 sequences join up). */
function decodeDnString(value: string): string {
  const chars = [...stripSpaces(value)];
  const bytes: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c !== '\\') {
      if ('";<>'.includes(c)) throw new Error(`got unescaped character: '${c}'`);
      if (c === '\0') throw new Error('got unescaped NULL character');
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = chars[i + 1];
    if (next === undefined) throw new Error(`got corrupted escaped character: '${chars.join('')}'`);
    if (' "#+,;<=>\\'.includes(next)) {
      bytes.push(next.charCodeAt(0));
      i++;
      continue;
    }
    const hex = `${next}${chars[i + 2] ?? ''}`;
    if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new Error(`failed to decode escaped character: encoding/hex: invalid byte: ${hex}`);
    bytes.push(parseInt(hex, 16));
    i += 2;
  }
  return Buffer.from(bytes).toString('utf8');
}

/** go-ldap ParseDN: RDNs split on `,` or `;`, multi-valued attributes on `+`; types as written. */
function parseDn(value: string): { type: string; value: string }[][] {
  const rdns: { type: string; value: string }[][] = [];
  if (value.trim() === '') return rdns;
  let rdn: { type: string; value: string }[] = [];
  let type: string | undefined;
  let escaping = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (escaping) escaping = false;
    else if (c === '\\') escaping = true;
    else if (c === '=' && !type) {
      type = decodeDnString(value.slice(start, i));
      start = i + 1;
    } else if (c === ',' || c === '+' || c === ';') {
      if (!type) throw new Error('incomplete type, value pair');
      rdn.push({ type, value: decodeDnString(value.slice(start, i)) });
      type = undefined;
      start = i + 1;
      if (c !== '+') {
        rdns.push(rdn);
        rdn = [];
      }
    }
  }
  if (!type) throw new Error('DN ended with incomplete type, value pair');
  rdn.push({ type, value: decodeDnString(value.slice(start)) });
  rdns.push(rdn);
  return rdns;
}

/**
 * Parses an `x509.subject` value with notation's rules: RFC 4514, no `=#` values, no multi-valued RDNs, no
 * repeated attribute, `S` read as `ST`, and C, ST and O required. Returns attribute → value.
 */
export function parseNotationDistinguishedName(name: string): Record<string, string> {
  if (name.includes('=#'))
    throw new NotationPolicyError(
      `unsupported distinguished name (DN) ${goQuote(name)}: notation does not support x509.subject identities containing "=#"`,
    );
  let rdns;
  try {
    rdns = parseDn(name);
  } catch (err) {
    throw new NotationPolicyError(
      `parsing distinguished name (DN) ${goQuote(name)} failed with err: ${(err as Error).message}. A valid DN must contain 'C', 'ST' or 'S', and 'O' RDN attributes at a minimum, and follow RFC 4514 standard`,
    );
  }
  const attributes: Record<string, string> = {};
  for (const rdn of rdns) {
    if (rdn.length > 1)
      throw new NotationPolicyError(
        `distinguished name (DN) ${goQuote(name)} has multi-valued RDN attributes, remove multi-valued RDN attributes as they are not supported`,
      );
    for (const attribute of rdn) {
      const type = attribute.type === 'S' ? 'ST' : attribute.type;
      if (attributes[type])
        throw new NotationPolicyError(
          `distinguished name (DN) ${goQuote(name)} has duplicate RDN attribute for ${goQuote(type)}, DN can only have unique RDN attributes`,
        );
      attributes[type] = attribute.value;
    }
  }
  for (const field of ['C', 'ST', 'O']) {
    if (!attributes[field])
      throw new NotationPolicyError(
        `distinguished name (DN) ${goQuote(name)} has no mandatory RDN attribute for ${goQuote(field)}, it must contain 'C', 'ST' or 'S', and 'O' RDN attributes at a minimum`,
      );
  }
  return attributes;
}

/** Every attribute of `subset` is in `dn` with the same value (notation-go pkix.IsSubsetDN). */
function isSubsetDn(subset: Record<string, string>, dn: Record<string, string>): boolean {
  return Object.entries(subset).every(([key, value]) => dn[key] === value);
}

/** Go's `%q` of a []map[string]string, the form notation prints identities in. */
function goMaps(maps: readonly Record<string, string>[]): string {
  return `[${maps
    .map(
      (m) =>
        `map[${Object.keys(m)
          .sort()
          .map((k) => `${goQuote(k)}:${goQuote(m[k] as string)}`)
          .join(' ')}]`,
    )
    .join(' ')}]`;
}

// -- Policy document validation (notation-go OCIDocument.Validate).

const domainPattern =
  /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))+)?(?::[0-9]+)?$/;
const repositoryPattern = /^[a-z0-9]+(?:(?:(?:[._]|__|[-]*)[a-z0-9]+)+)?(?:(?:\/[a-z0-9]+(?:(?:(?:[._]|__|[-]*)[a-z0-9]+)+)?)+)?$/;
const storeNamePattern = /^[a-zA-Z0-9_.-]+$/;

function registryScopeProblem(scope: string): string | undefined {
  const ensure =
    'make sure it is a fully qualified repository without the scheme, protocol or tag. For example domain.com/my/repository or a local scope like local/myOCILayout';
  if (scope.length > 1 && scope.includes('*')) return `registry scope ${goQuote(scope)} with wild card(s) is not valid, ${ensure}`;
  const slash = scope.indexOf('/');
  const domain = slash < 0 ? '' : scope.slice(0, slash);
  const repository = slash < 0 ? '' : scope.slice(slash + 1);
  if (!domain || !repository || !domainPattern.test(domain) || !repositoryPattern.test(repository))
    return `registry scope ${goQuote(scope)} is not valid, ${ensure}`;
  return undefined;
}

function validateTrustedIdentities(policyName: string, identities: readonly string[]): void {
  if (identities.length > 1 && identities.includes('*')) {
    throw new NotationPolicyError(
      `trust policy statement ${goQuote(policyName)} uses a wildcard trusted identity '*', a wildcard identity cannot be used in conjunction with other values`,
    );
  }
  const parsed: { raw: string; dn: Record<string, string> }[] = [];
  for (const identity of identities) {
    if (identity === '') throw new NotationPolicyError(`trust policy statement ${goQuote(policyName)} has an empty trusted identity`);
    if (identity === '*') continue;
    const colon = identity.indexOf(':');
    if (colon < 0)
      throw new NotationPolicyError(
        `trust policy statement ${goQuote(policyName)} has trusted identity ${goQuote(identity)} missing separator`,
      );
    // notation natively understands x509.subject only; other prefixes are left to plugins.
    if (identity.slice(0, colon) !== 'x509.subject') continue;
    const value = identity.slice(colon + 1);
    if (value === '')
      throw new NotationPolicyError(
        `trust policy statement ${goQuote(policyName)} has trusted identity ${goQuote(identity)} without an identity value`,
      );
    try {
      parsed.push({ raw: identity, dn: parseNotationDistinguishedName(value) });
    } catch (err) {
      throw new NotationPolicyError(
        `trust policy statement ${goQuote(policyName)} has trusted identity ${goQuote(identity)} with invalid identity value: ${(err as Error).message}`,
      );
    }
  }
  for (const [i, a] of parsed.entries()) {
    for (const [j, b] of parsed.entries()) {
      if (i !== j && isSubsetDn(a.dn, b.dn))
        throw new NotationPolicyError(
          `trust policy statement ${goQuote(policyName)} has overlapping x509 trustedIdentities, ${goQuote(a.raw)} overlaps with ${goQuote(b.raw)}`,
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
    throw new NotationPolicyError(`trust policy statement ${goQuote(name)} has invalid signatureVerification: ${(err as Error).message}`);
  }
  const verifyTimestamp = statement.signatureVerification.verifyTimestamp;
  if (verifyTimestamp && verifyTimestamp !== 'always' && verifyTimestamp !== 'afterCertExpiry') {
    throw new NotationPolicyError(
      `trust policy statement ${goQuote(name)} has invalid signatureVerification: verifyTimestamp must be "always" or "afterCertExpiry", but got ${goQuote(verifyTimestamp)}`,
    );
  }
  const stores = statement.trustStores ?? [];
  const identities = statement.trustedIdentities ?? [];
  if (level.name === 'skip') {
    if (stores.length || identities.length) {
      throw new NotationPolicyError(
        `trust policy statement ${goQuote(name)} is set to skip signature verification but configured with trust stores and/or trusted identities, remove them if signature verification needs to be skipped`,
      );
    }
    return;
  }
  if (!stores.length || !identities.length)
    throw new NotationPolicyError(
      `trust policy statement ${goQuote(name)} is either missing trust stores or trusted identities, both must be specified`,
    );
  for (const store of stores) {
    const colon = store.indexOf(':');
    if (colon < 0)
      throw new NotationPolicyError(
        `trust policy statement ${goQuote(name)} has malformed trust store value ${goQuote(store)}. The required format is <TrustStoreType>:<TrustStoreName>`,
      );
    const type = store.slice(0, colon);
    const storeName = store.slice(colon + 1);
    if (!trustStoreTypes.includes(type as NotationTrustStoreType))
      throw new NotationPolicyError(
        `trust policy statement ${goQuote(name)} uses an unsupported trust store type ${goQuote(type)} in trust store value ${goQuote(store)}`,
      );
    if (!storeNamePattern.test(storeName)) {
      throw new NotationPolicyError(
        `trust policy statement ${goQuote(name)} uses an unsupported trust store name ${goQuote(storeName)} in trust store value ${goQuote(store)}. Named store name needs to follow [a-zA-Z0-9_.-]+ format`,
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
  if (doc.version !== '1.0') throw new NotationPolicyError(`oci trust policy document uses unsupported version ${goQuote(doc.version)}`);
  if (doc.trustPolicies.length === 0) throw new NotationPolicyError('oci trust policy document can not have zero trust policy statements');
  const names = new Set<string>();
  for (const statement of doc.trustPolicies) {
    if (names.has(statement.name))
      throw new NotationPolicyError(
        `multiple oci trust policy statements use the same name ${goQuote(statement.name)}, statement names must be unique`,
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
        `oci trust policy statement ${goQuote(statement.name)} has zero registry scopes, it must specify registry scopes with at least one value`,
      );
    if (statement.registryScopes.length > 1 && statement.registryScopes.includes('*')) {
      throw new NotationPolicyError(
        `oci trust policy statement ${goQuote(statement.name)} uses wildcard registry scope '*', a wildcard scope cannot be used in conjunction with other scope values`,
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
        `registry scope ${goQuote(scope)} is present in multiple oci trust policy statements, one registry scope value can only be associated with one statement`,
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
  if (problem) throw new NotationPolicyError(problem);
  const exact = document.trustPolicies.find((p) => !p.registryScopes.includes('*') && p.registryScopes.includes(repository));
  const global = document.trustPolicies.find((p) => p.registryScopes.includes('*'));
  const policy = exact ?? global;
  if (!policy) {
    throw new NotationPolicyError(
      `artifact ${goQuote(artifact)} has no applicable oci trust policy statement. Trust policy applicability for a given artifact is determined by registryScopes. To create a trust policy, see: ${trustPolicyLink}`,
    );
  }
  return policy;
}

// ---------------------------------------------------------------------------------------------------------------
// Trust stores

/** Named stores of trusted certificates, as policy statements name them (`ca:acme`, `signingAuthority:sa`, `tsa:t`). */
export interface NotationTrustStore {
  /** The certificates (DER) of one named store; throws NotationTrustStoreError when it is missing or invalid. */
  certificates(type: NotationTrustStoreType, name: string): Promise<Buffer[]>;
}

export type NotationCertificateSource = string | Buffer | X509Certificate;

function checkStoreName(type: string, name: string): void {
  if (!trustStoreTypes.includes(type as NotationTrustStoreType)) throw new NotationTrustStoreError(`unsupported trust store type: ${type}`);
  if (!storeNamePattern.test(name))
    throw new NotationTrustStoreError(`trust store name needs to follow [a-zA-Z0-9_.-]+ format, ${name} is invalid`);
}

/** What notation-go's store accepts: CA or self-signed certificates, and for `tsa` self-issued root CAs only. */
async function validateStoreCertificates(type: NotationTrustStoreType, ders: Buffer[], where: string, storeName: string): Promise<void> {
  if (ders.length === 0)
    throw new NotationTrustStoreError(
      `failed to validate the trusted certificate ${where} in trust store ${storeName} of type ${type}: input certs cannot be empty`,
    );
  for (const der of ders) {
    let certificate: NotationCertificate;
    try {
      certificate = await parseNotationCertificate(der);
    } catch (err) {
      throw new NotationTrustStoreError(
        `failed to read the trusted certificate ${where} in trust store ${storeName} of type ${type}: ${(err as Error).message}`,
      );
    }
    const selfSigned = (() => {
      try {
        return certificate.x509.verify(certificate.x509.publicKey);
      } catch {
        return false;
      }
    })();
    if (!certificate.basicConstraints?.ca && !selfSigned) {
      throw new NotationTrustStoreError(
        `failed to validate the trusted certificate ${where} in trust store ${storeName} of type ${type}: certificate with subject ${goQuote(certificate.subject)} is not a CA certificate or self-signed signing certificate`,
      );
    }
    if (type === 'tsa' && (!certificate.basicConstraints?.ca || !selfSigned || !certificate.rawSubject.equals(certificate.rawIssuer))) {
      throw new NotationTrustStoreError(
        `trusted certificate ${where} in trust store ${storeName} of type ${type} is invalid: certificate with subject ${goQuote(certificate.subject)} is not a root CA certificate`,
      );
    }
  }
}

function certificatesFrom(source: NotationCertificateSource): Buffer[] {
  if (source instanceof X509Certificate) return [source.raw];
  return splitNotationCertificates(source);
}

/**
 * A trust store laid out like Notation's: `<root>/x509/<type>/<name>/` holding PEM or DER files (`.pem`, `.crt`,
 * `.cer`). As in notation-go, every entry must be a regular file with certificates (no symlinks, no directories),
 * each a CA or self-signed, and a store must not be empty. Notation's own is `~/.config/notation/truststore`.
 */
export function notationDirectoryTrustStore(root: string): NotationTrustStore {
  return {
    async certificates(type, name) {
      checkStoreName(type, name);
      const dir = join(root, 'x509', type, name);
      let info;
      try {
        info = await lstat(dir);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT')
          throw new NotationTrustStoreError(`the trust store ${goQuote(name)} of type ${goQuote(type)} does not exist`);
        throw new NotationTrustStoreError(
          `failed to access the trust store ${goQuote(name)} of type ${goQuote(type)}: ${(err as Error).message}`,
        );
      }
      if (!info.isDirectory())
        throw new NotationTrustStoreError(
          `the trust store ${name} of type ${type} with path ${dir} is not a regular directory (symlinks are not supported)`,
        );
      const out: Buffer[] = [];
      for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
        if (!entry.isFile())
          throw new NotationTrustStoreError(
            `trusted certificate ${entry.name} in trust store ${name} of type ${type} is not a regular file (directories or symlinks are not supported)`,
          );
        let ders: Buffer[];
        try {
          ders = splitNotationCertificates(await readFile(join(dir, entry.name)));
        } catch (err) {
          throw new NotationTrustStoreError(
            `failed to read the trusted certificate ${entry.name} in trust store ${name} of type ${type}: ${(err as Error).message}`,
          );
        }
        await validateStoreCertificates(type, ders, entry.name, name);
        out.push(...ders);
      }
      if (out.length === 0)
        throw new NotationTrustStoreError(`no x509 certificates were found in trust store ${goQuote(name)} of type ${goQuote(type)}`);
      return out;
    },
  };
}

/** A trust store in memory, keyed like policy statements name stores: `{ 'ca:acme': pemBundle, ... }`. Validated as a directory store is. */
export function notationMemoryTrustStore(
  stores: Record<string, NotationCertificateSource | readonly NotationCertificateSource[]>,
): NotationTrustStore {
  return {
    async certificates(type, name) {
      checkStoreName(type, name);
      const entry = stores[`${type}:${name}`];
      if (entry === undefined)
        throw new NotationTrustStoreError(`the trust store ${goQuote(name)} of type ${goQuote(type)} does not exist`);
      const sources = Array.isArray(entry) ? (entry as readonly NotationCertificateSource[]) : [entry as NotationCertificateSource];
      const out: Buffer[] = [];
      for (const [i, source] of sources.entries()) {
        let ders: Buffer[];
        try {
          ders = certificatesFrom(source);
        } catch (err) {
          throw new NotationTrustStoreError(
            `failed to read the trusted certificate #${i + 1} in trust store ${name} of type ${type}: ${(err as Error).message}`,
          );
        }
        await validateStoreCertificates(type, ders, `#${i + 1}`, name);
        out.push(...ders);
      }
      if (out.length === 0)
        throw new NotationTrustStoreError(`no x509 certificates were found in trust store ${goQuote(name)} of type ${goQuote(type)}`);
      return out;
    },
  };
}

/**
 * The trust store Flux's source-controller builds from the `verify.secretRef` Secret: every `*.pem` / `*.crt` key
 * (only the first PEM block of each) is trusted for every store type and name the policy mentions, without
 * notation-go's CA/self-signed check. Use it to predict what a Flux OCIRepository with `provider: notation` accepts.
 */
export function notationFluxTrustStore(secretData: Record<string, string | Buffer>): NotationTrustStore {
  return {
    async certificates() {
      const out: Buffer[] = [];
      for (const [key, data] of Object.entries(secretData)) {
        if (!key.endsWith('.pem') && !key.endsWith('.crt')) continue;
        const text = data.toString('latin1');
        const ders = text.includes('-----BEGIN')
          ? splitNotationCertificates(data).slice(0, 1)
          : splitNotationCertificates(Buffer.isBuffer(data) ? data : Buffer.from(data, 'latin1'));
        out.push(...ders);
      }
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Verification

export interface NotationValidationResult {
  type: NotationValidationType;
  action: NotationValidationAction;
  /** Set when the check failed (enforced: the signature is rejected; logged: it is only reported). */
  error?: string;
}

export interface NotationSignerInfo {
  /** The signing certificate's subject, as notation prints it (`CN=...,O=...,C=..`). */
  subject: string;
  /** SHA-256 thumbprints of the chain, leaf first. */
  thumbprints: string[];
  signingScheme: NotationSigningScheme;
  algorithm: string;
  signingTime?: Date;
  authenticSigningTime?: Date;
  expiry?: Date;
  signingAgent?: string;
}

export interface NotationSignatureOutcome {
  verified: boolean;
  /** The enforced failure that rejected the signature. */
  reason?: string;
  level: NotationVerificationLevel;
  /** Each check performed, in notation's order. */
  results: NotationValidationResult[];
  /** Failures of checks the level only logs (permissive, audit, or an override). */
  logged: string[];
  /** What was not checked, e.g. revocation. */
  notes: string[];
  signer?: NotationSignerInfo;
  payload?: NotationPayload;
}

export interface NotationVerifyEnvelopeOptions {
  /** The signature envelope (the signature manifest's layer). */
  envelope: Buffer;
  /** The layer's media type; only `application/jose+json` is supported. */
  envelopeMediaType?: string;
  /** The manifest being verified. */
  descriptor: Descriptor;
  /** The applicable policy statement (see applicableNotationTrustPolicy). */
  policy: NotationTrustPolicy;
  trustStore: NotationTrustStore;
  /** Key-value pairs that must be in the signed payload's annotations (`notation verify --user-metadata`). */
  userMetadata?: Record<string, string>;
  /** The verification time; defaults to now. */
  now?: Date;
}

async function trustedCertificates(
  type: NotationTrustStoreType,
  policy: NotationTrustPolicy,
  store: NotationTrustStore,
): Promise<Buffer[]> {
  const seen = new Set<string>();
  const out: Buffer[] = [];
  for (const entry of policy.trustStores ?? []) {
    if (seen.has(entry)) continue;
    const colon = entry.indexOf(':');
    if (colon < 0)
      throw new NotationTrustStoreError(
        `error while loading the trust store, trust policy statement ${goQuote(policy.name)} is missing separator in trust store value ${goQuote(entry)}. The required format is <TrustStoreType>:<TrustStoreName>`,
      );
    if (entry.slice(0, colon) !== type) continue;
    out.push(...(await store.certificates(type, entry.slice(colon + 1))));
    seen.add(entry);
  }
  return out;
}

/** The signing certificate's subject as notation matches it (Go's pkix.Name.String(), re-parsed with notation's DN rules). */
function trustedIdentityProblem(policy: NotationTrustPolicy, leaf: NotationCertificate): string | undefined {
  const identities = policy.trustedIdentities ?? [];
  if (identities.includes('*')) return undefined;
  const trusted: Record<string, string>[] = [];
  for (const identity of identities) {
    const colon = identity.indexOf(':');
    if (colon < 0) return `trust policy statement ${goQuote(policy.name)} has trusted identity ${goQuote(identity)} missing separator`;
    if (identity.slice(0, colon) !== 'x509.subject') continue;
    const value = identity.slice(colon + 1);
    if (!value) return `trust policy statement ${goQuote(policy.name)} has trusted identity ${goQuote(identity)} without an identity value`;
    try {
      trusted.push(parseNotationDistinguishedName(value));
    } catch (err) {
      return (err as Error).message;
    }
  }
  if (trusted.length === 0) return `no x509 trusted identities are configured in the trust policy ${goQuote(policy.name)}`;
  let subject: Record<string, string>;
  try {
    subject = parseNotationDistinguishedName(leaf.subject);
  } catch (err) {
    return `error while parsing the certificate subject from the digital signature. error : ${goQuote((err as Error).message)}`;
  }
  if (trusted.some((dn) => isSubsetDn(dn, subject))) return undefined;
  return `signing certificate from the digital signature does not match the X.509 trusted identities ${goMaps(trusted)} defined in the trust policy ${goQuote(policy.name)}`;
}

function validityProblem(chain: readonly NotationCertificate[], now: Date): string | undefined {
  for (const certificate of chain) {
    if (now < certificate.notBefore)
      return `verification time is before certificate ${goQuote(certificate.subject)} validity period, it will be valid from ${goQuote(notationRfc1123z(certificate.notBefore))}`;
    if (now > certificate.notAfter)
      return `verification time is after certificate ${goQuote(certificate.subject)} validity period, it was expired at ${goQuote(notationRfc1123z(certificate.notAfter))}`;
  }
  return undefined;
}

/** The authentic-timestamp check for the envelope's signing scheme (notation-go verifyAuthenticTimestamp), without RFC 3161 timestamp verification. */
function authenticTimestampProblem(
  envelope: ParsedNotationEnvelope,
  chain: readonly NotationCertificate[],
  policy: NotationTrustPolicy,
  now: Date,
): string | undefined {
  const header = envelope.protectedHeader;
  if (header.signingScheme === 'notary.x509.signingAuthority') {
    const time = header.authenticSigningTime as Date;
    for (const certificate of chain) {
      if (time < certificate.notBefore || time > certificate.notAfter)
        return `certificate ${goQuote(certificate.subject)} was not valid when the digital signature was produced at ${goQuote(notationRfc1123z(time))}`;
    }
    return undefined;
  }
  let timestamped = (policy.trustStores ?? []).some((s) => s.startsWith('tsa:'));
  if (timestamped && policy.signatureVerification.verifyTimestamp === 'afterCertExpiry' && !chain.some((c) => now > c.notAfter))
    timestamped = false;
  if (timestamped) {
    if (!envelope.timestampSignature) return 'no timestamp countersignature was found in the signature envelope';
    return 'the signature carries an RFC 3161 timestamp countersignature, which d2ci does not verify (remove the tsa trust store from the policy, or verify with notation)';
  }
  const validity = validityProblem(chain, now);
  if (validity) return validity;
  // The spec also requires the chain to have been valid at the (claimed) signing time; notation-go checks that only when signing.
  return notationSigningTimeProblem(chain, header.signingTime as Date);
}

function describeTarget(d: { mediaType: string; digest: string; size: number }): string {
  return `${d.digest} (${d.mediaType}, ${d.size} bytes)`;
}

/**
 * Verifies one signature envelope against a manifest descriptor and a policy statement, as notation-go's
 * verifier does: integrity (envelope, `alg` and critical headers, JWS signature with the leaf key, certificate
 * requirements, payload naming exactly this manifest), authenticity (the chain contains a certificate of the
 * policy's `ca` stores, or `signingAuthority` stores for that scheme) and trusted identity, expiry, authentic
 * timestamp (for notary.x509: the chain valid now and at the signing time; signing authority: at the authentic
 * signing time), then revocation (not checked: noted). Each check is enforced or logged per the level.
 */
export async function verifyNotationEnvelope(options: NotationVerifyEnvelopeOptions): Promise<NotationSignatureOutcome> {
  const level = notationVerificationLevel(options.policy.signatureVerification);
  const outcome: NotationSignatureOutcome = { verified: false, level, results: [], logged: [], notes: [] };
  if (level.name === 'skip') {
    outcome.verified = true;
    outcome.notes.push(`trust policy statement ${goQuote(options.policy.name)} skips signature verification`);
    return outcome;
  }
  const now = options.now ?? new Date();
  /** Records a check; returns true when its failure rejects the signature. */
  const check = (type: NotationValidationType, error: string | undefined): boolean => {
    const action = level.enforcement[type];
    outcome.results.push({ type, action, ...(error ? { error } : {}) });
    if (!error) return false;
    if (action === 'enforce') {
      outcome.reason = error;
      return true;
    }
    outcome.logged.push(`${type} validation failed with validation action set to "logged". Failure reason: ${error}`);
    return false;
  };

  // Integrity, always enforced.
  const mediaType = options.envelopeMediaType ?? NotationMediaType.jws;
  if (mediaType !== NotationMediaType.jws) {
    check(
      'integrity',
      mediaType === NotationMediaType.cose
        ? `signature envelope format with media type ${goQuote(mediaType)} (COSE) is not supported by d2ci`
        : `unable to parse the digital signature, error : signature envelope format with media type ${goQuote(mediaType)} is not supported`,
    );
    return outcome;
  }
  let envelope: ParsedNotationEnvelope;
  let chain: NotationCertificate[];
  let payload: NotationPayload;
  try {
    envelope = parseNotationEnvelope(options.envelope);
    chain = await parseNotationCertificates(envelope.certificates);
    payload = parseNotationPayload(envelope.payloadBytes);
  } catch (err) {
    check('integrity', (err as Error).message);
    return outcome;
  }
  const leaf = chain[0] as NotationCertificate;
  const header = envelope.protectedHeader;
  outcome.signer = {
    subject: leaf.subject,
    thumbprints: notationThumbprints(envelope.certificates),
    signingScheme: header.signingScheme,
    algorithm: header.algorithm,
    ...(header.signingTime ? { signingTime: header.signingTime } : {}),
    ...(header.authenticSigningTime ? { authenticSigningTime: header.authenticSigningTime } : {}),
    ...(header.expiry ? { expiry: header.expiry } : {}),
    ...(envelope.signingAgent ? { signingAgent: envelope.signingAgent } : {}),
  };
  const target = payload.targetArtifact;
  const integrityProblem = (() => {
    const signature = notationEnvelopeSignatureProblem(envelope, leaf.x509);
    if (signature) return signature;
    if (header.contentType !== NotationMediaType.payload) return `payload content type ${goQuote(header.contentType)} not supported`;
    const chainProblem = notationCertificateChainProblem(chain);
    if (chainProblem) return `certificate-chain is invalid, ${chainProblem}`;
    const plugin = header.extended[NotationHeader.verificationPlugin];
    if (plugin !== undefined)
      return `digital signature requires verification plugin ${typeof plugin === 'string' ? goQuote(plugin) : JSON.stringify(plugin)}, and d2ci does not run verification plugins`;
    // No extended header is understood here, so any critical one fails (RFC 7515 `crit`; notation-go leaves them to plugins).
    const unknown = header.critical.find((name) => Object.hasOwn(header.extended, name));
    if (unknown)
      return `the signature has critical header ${goQuote(unknown)}, which d2ci does not understand (unknown critical headers must fail verification)`;
    const d = options.descriptor;
    if (target.digest !== d.digest || target.size !== d.size || target.mediaType !== d.mediaType) {
      return `content descriptor mismatch: the signature is for ${describeTarget(target)}, not ${describeTarget(d)} (a signature copied from another artifact?)`;
    }
    return undefined;
  })();
  if (check('integrity', integrityProblem)) return outcome;
  outcome.payload = payload;

  // Authenticity: the chain reaches a trusted certificate, and the signer is a trusted identity.
  const storeType: NotationTrustStoreType = header.signingScheme === 'notary.x509' ? 'ca' : 'signingAuthority';
  let authenticity: string | undefined;
  try {
    const trusted = await trustedCertificates(storeType, options.policy, options.trustStore);
    if (trusted.length === 0) authenticity = 'no trusted certificates are found to verify authenticity';
    else if (!chain.some((c) => trusted.some((t) => t.equals(c.der))))
      authenticity = "the signature's certificate chain does not contain any trusted certificate";
  } catch (err) {
    authenticity = (err as Error).message;
  }
  if (authenticity && level.enforcement.authenticity === 'enforce') {
    check('authenticity', authenticity);
    return outcome;
  }
  const identity = trustedIdentityProblem(options.policy, leaf);
  // notation-go keeps one authenticity result, which an identity failure overwrites: log the trust failure first.
  if (authenticity && identity)
    outcome.logged.push(`authenticity validation failed with validation action set to "logged". Failure reason: ${authenticity}`);
  if (check('authenticity', identity ?? authenticity)) return outcome;

  if (
    check(
      'expiry',
      header.expiry && now >= header.expiry ? `digital signature has expired on ${goQuote(notationRfc1123z(header.expiry))}` : undefined,
    )
  )
    return outcome;
  if (check('authenticTimestamp', authenticTimestampProblem(envelope, chain, options.policy, now))) return outcome;

  if (level.enforcement.revocation !== 'skip') {
    outcome.results.push({ type: 'revocation', action: level.enforcement.revocation });
    if (chain.some((c) => c.revocationEndpoints))
      outcome.notes.push('revocation was not checked: the certificate chain names CRL or OCSP endpoints, which notation would query');
  }

  for (const [key, value] of Object.entries(options.userMetadata ?? {})) {
    if (target.annotations?.[key] !== value) {
      outcome.reason = `unable to find specified metadata in the signature: ${key}=${value} is not in the signed annotations`;
      return outcome;
    }
  }
  outcome.verified = true;
  return outcome;
}

export interface NotationVerifyOptions {
  target: Target;
  /** Tag or digest; a tag is resolved once, and everything after is checked by digest. */
  reference: string;
  /**
   * The artifact's fully qualified repository as trust policies scope it, e.g. `ghcr.io/acme/app` (for an OCI
   * layout, notation uses `local/<name>`). Defaults to the target's name for registry targets.
   */
  repository?: string;
  /** The trust policy document (object or JSON text); validated first. */
  trustPolicy: NotationTrustPolicyDocument | string | Buffer;
  trustStore: NotationTrustStore;
  userMetadata?: Record<string, string>;
  /** How many signatures to try (notation's --max-signatures, default 100; Flux tries 3). */
  maxSignatureAttempts?: number;
  /** Artifact annotations that must match (as verifyArtifact's), e.g. the revision. */
  annotations?: Record<string, RegExp>;
  now?: Date;
}

export interface NotationVerifyResult {
  verified: boolean;
  /** The policy's level is `skip`: nothing was checked (notation succeeds; Flux reports the artifact as not verified but does not fail). */
  skipped: boolean;
  descriptor: Descriptor;
  /** The artifact manifest's annotations (source, revision, …). */
  annotations: Record<string, string>;
  /** The applicable policy statement and its level. */
  policy?: string;
  level?: string;
  /** The signature manifest that verified. */
  signature?: string;
  signer?: NotationSignerInfo;
  /** The signed payload's annotations (user metadata). */
  userMetadata: Record<string, string>;
  /** Why it did not verify: one line per signature examined (or why none was). */
  reasons: string[];
  /** Logged (not enforced) failures of the signature that verified, and what was not checked. */
  warnings: string[];
  signaturesChecked: number;
}

const maxManifestBytes = 4 * 1024 * 1024;
const maxEnvelopeBytes = 32 * 1024 * 1024;

/** A Notary Project signature manifest's one envelope layer, or why this manifest is not one. */
function signatureLayer(manifest: ImageManifest): Descriptor | string {
  const config = manifest.config?.mediaType;
  const valid =
    manifest.artifactType === NotationMediaType.signature
      ? config === MediaType.ociEmpty
      : !manifest.artifactType && config === NotationMediaType.signature;
  if (!valid)
    return `not a valid Notary Project signature manifest (artifactType ${goQuote(manifest.artifactType ?? '')}, config ${goQuote(config ?? '')})`;
  if (manifest.layers.length !== 1) return `signature manifest requires exactly one signature envelope blob, got ${manifest.layers.length}`;
  return manifest.layers[0] as Descriptor;
}

/**
 * Verifies an artifact's Notary Project signatures as `notation verify` (and Flux's `provider: notation`) does:
 * the reference is resolved to a digest once, the trust policy statement for the repository is chosen, its
 * signatures are listed through the referrers API (or its tag-schema fallback) and verified one by one until one
 * passes. Throws NotationPolicyError for an invalid policy document.
 */
export async function verifyNotation(options: NotationVerifyOptions): Promise<NotationVerifyResult> {
  const document = parseNotationTrustPolicy(options.trustPolicy);
  const fetched = await options.target.fetchManifest(options.reference);
  const descriptor: Descriptor = {
    mediaType: fetched.descriptor.mediaType,
    digest: fetched.descriptor.digest,
    size: fetched.descriptor.size,
  };
  const annotations = parseManifest(fetched.bytes, fetched.descriptor.mediaType).manifest.annotations ?? {};
  const result = await verifyNotationSignatures(options, document, descriptor, annotations);
  const mismatches = annotationMismatches(annotations, options.annotations);
  if (mismatches.length) {
    result.verified = false;
    result.reasons.push(...mismatches);
  }
  return result;
}

/** The signature half of verifyNotation, for the artifact `descriptor` names. */
async function verifyNotationSignatures(
  options: NotationVerifyOptions,
  document: NotationTrustPolicyDocument,
  descriptor: Descriptor,
  annotations: Record<string, string>,
): Promise<NotationVerifyResult> {
  const result: NotationVerifyResult = {
    verified: false,
    skipped: false,
    descriptor,
    annotations,
    userMetadata: {},
    reasons: [],
    warnings: [],
    signaturesChecked: 0,
  };
  const repository = options.repository ?? (options.target.name.startsWith('oci-layout:') ? undefined : options.target.name);
  if (!repository) throw new NotationError(`give the repository that trust policies scope ${options.target.name} by (e.g. local/<name>)`);
  const artifact = `${repository}@${descriptor.digest}`;
  let policy: NotationTrustPolicy;
  try {
    policy = applicableNotationTrustPolicy(document, repository, artifact);
  } catch (err) {
    result.reasons.push((err as Error).message);
    return result;
  }
  const level = notationVerificationLevel(policy.signatureVerification);
  result.policy = policy.name;
  result.level = level.name;
  if (level.name === 'skip') {
    result.skipped = true;
    result.warnings.push(`trust policy statement ${goQuote(policy.name)} skips signature verification for ${repository}`);
    return result;
  }

  const referrers = await options.target.referrers(descriptor, { artifactType: NotationMediaType.signature });
  const limit = options.maxSignatureAttempts ?? 100;
  for (const referrer of referrers) {
    if (result.signaturesChecked >= limit) {
      result.reasons.push(`signature evaluation stopped. The configured limit of ${limit} signatures to verify per artifact exceeded`);
      break;
    }
    result.signaturesChecked++;
    const fail = (reason: string): void => void result.reasons.push(`signature ${referrer.digest}: ${reason}`);
    if (referrer.mediaType !== MediaType.ociManifest) {
      fail(`the signature manifest's media type is ${referrer.mediaType}, not ${MediaType.ociManifest}`);
      continue;
    }
    if (referrer.size > maxManifestBytes) {
      fail(`signature manifest too large: ${referrer.size} bytes`);
      continue;
    }
    const { bytes } = await options.target.fetchManifest(referrer.digest);
    let manifest: ImageManifest;
    try {
      manifest = parseManifest(bytes, referrer.mediaType).manifest as ImageManifest;
    } catch (err) {
      fail((err as Error).message);
      continue;
    }
    const layer = signatureLayer(manifest);
    if (typeof layer === 'string') {
      fail(layer);
      continue;
    }
    if (layer.size > maxEnvelopeBytes) {
      fail(`signature blob too large: ${layer.size} bytes`);
      continue;
    }
    const envelope = await readAll(await options.target.fetch(layer), maxEnvelopeBytes);
    const outcome = await verifyNotationEnvelope({
      envelope,
      envelopeMediaType: layer.mediaType,
      descriptor,
      policy,
      trustStore: options.trustStore,
      ...(options.userMetadata ? { userMetadata: options.userMetadata } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    if (!outcome.verified) {
      fail(outcome.reason ?? 'not verified');
      continue;
    }
    result.verified = true;
    result.signature = referrer.digest;
    if (outcome.signer) result.signer = outcome.signer;
    result.userMetadata = outcome.payload?.targetArtifact.annotations ?? {};
    result.warnings.push(...outcome.logged, ...outcome.notes);
    if (outcome.results.some((r) => r.type === 'authenticity' && r.error)) {
      result.warnings.push(
        'authenticity was only logged (audit level): Flux reports such an artifact as not verified (ignored) rather than verified',
      );
    }
    result.reasons = [];
    break;
  }
  if (result.signaturesChecked === 0)
    result.reasons.push(`no signature is associated with ${goQuote(artifact)}, make sure the artifact was signed successfully`);
  return result;
}
