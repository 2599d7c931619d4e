import { BaseError, type Field } from '../errors.ts';
import { GoRegexp, RegexpSyntaxError } from '../go/regexp.ts';

/** GitHub Actions' OIDC issuer, the default issuer to expect (as Flux and the D2 clusters do). */
export const githubIssuer = 'https://token.actions.githubusercontent.com';

export interface IdentityPolicy {
  /**
   * Exact certificate identity (SAN), cosign `--certificate-identity`. A list accepts any of them, as a Flux
   * `matchOIDCIdentity` list does (each entry with the same issuer): an identity transition trusts old and new.
   */
  identity?: string | readonly string[];
  /** Regular expression for it, cosign `--certificate-identity-regexp` (Flux `matchOIDCIdentity.subject`); a list: any. */
  identityRegexp?: string | readonly string[];
  /** Exact issuer, cosign `--certificate-oidc-issuer`. */
  issuer?: string;
  /** Regular expression for it (Flux `matchOIDCIdentity.issuer`). */
  issuerRegexp?: string;
  /**
   * The GitHub repository (`owner/repo`) whose run must have signed, cosign `--certificate-github-workflow-repository`.
   * With a reusable workflow the identity names the reusable workflow, whichever repository called it; this names
   * the caller.
   */
  sourceRepository?: string;
}

/** What a verified certificate says about its signer. */
export interface Signer {
  /** The SAN: for GitHub, the workflow file at its ref (the reusable workflow's, when one is used). */
  identity?: string;
  issuer?: string;
  /** `owner/repo` of the run that signed (Fulcio's Source Repository URI), when the certificate carries it. */
  sourceRepository?: string;
}

/** Which policy input an error is about, so front doors can name their own flag or input without reading the message. */
export type PolicyInput = 'identity' | 'identityRegexp' | 'issuer' | 'issuerRegexp' | 'sourceRepository';

/** The request field of each policy input (cosign's flag names). */
const policyFields: Record<PolicyInput, Field> = {
  identity: 'certificate-identity',
  identityRegexp: 'certificate-identity-regexp',
  issuer: 'certificate-oidc-issuer',
  issuerRegexp: 'certificate-oidc-issuer-regexp',
  sourceRepository: 'certificate-github-workflow-repository',
};

/**
 * POLICY_CONFLICT: an exact value and a pattern for the same thing; POLICY_MISSING: nothing to match the signer
 * with; POLICY_INVALID: a pattern or repository that does not parse.
 */
export type PolicyInputCode = 'POLICY_CONFLICT' | 'POLICY_MISSING' | 'POLICY_INVALID';

/**
 * A policy that cannot be checked as given. `field` is the input's cosign name; `problem` is the message after
 * that name, for front doors that name the input their own way.
 */
export class PolicyInputError extends BaseError<PolicyInputCode> {
  declare readonly field: Field;
  readonly input: PolicyInput;
  constructor(code: PolicyInputCode, input: PolicyInput, message: string, problem?: string) {
    super(code, message, { field: policyFields[input], ...(problem === undefined ? {} : { problem }) });
    this.input = input;
  }
}

/** The error for an input whose cosign name starts the message: `<name> <problem>`. */
function namedInputError(code: PolicyInputCode, input: PolicyInput, problem: string): PolicyInputError {
  return new PolicyInputError(code, input, `${policyFields[input]} ${problem}`, problem);
}

export interface CompiledPolicy {
  describe: string;
  /**
   * How many identities the policy accepts (any may match). Flux 2.8+ verifies Sigstore bundles with one
   * `matchOIDCIdentity` entry only, so a policy of more than one is not what such a cluster can be given.
   */
  entries: number;
  /** Undefined when the signer matches, else why not. */
  mismatch(signer: Signer): string | undefined;
}

/**
 * Compiles a user's identity or issuer pattern as the consumers do: Flux's `matchOIDCIdentity`
 * (source-controller internal/oci/cosign/cosign.go) and cosign's `--certificate-identity-regexp` /
 * `--certificate-oidc-issuer-regexp` (sigstore/cosign pkg/cosign/verify.go, CheckCertificatePolicy) both use Go's
 * `regexp.Compile` + `MatchString`: RE2 syntax, unanchored unless the pattern anchors itself. JavaScript's RegExp
 * would accept what Go refuses (lookahead, backreferences) and refuse what Go accepts (`(?i)`, `\z`, `[[:alpha:]]`),
 * so a policy checked here could pass or fail differently in the cluster.
 */
function compile(input: 'identityRegexp' | 'issuerRegexp', pattern: string): GoRegexp {
  try {
    return GoRegexp.compile(pattern);
  } catch (err) {
    if (!(err instanceof RegexpSyntaxError)) throw err;
    throw namedInputError('POLICY_INVALID', input, invalidPattern(pattern, err));
  }
}

function invalidPattern(pattern: string, err: RegexpSyntaxError): string {
  return `"${pattern}" is not a valid regular expression in Go's RE2 syntax (what Flux and cosign use): ${err.message}`;
}

/**
 * A keyless identity policy as cosign and Flux apply it: the certificate's SAN and OIDC issuer, each exact or by
 * Go regular expression (unanchored unless the pattern anchors itself, as with Go's MatchString).
 */
export function compilePolicy(policy: IdentityPolicy): CompiledPolicy {
  const exact = listOf(policy.identity);
  const patterns = listOf(policy.identityRegexp);
  if (exact.length > 0 && patterns.length > 0)
    throw new PolicyInputError('POLICY_CONFLICT', 'identity', 'give certificate-identity or certificate-identity-regexp, not both');
  if (policy.issuer && policy.issuerRegexp)
    throw new PolicyInputError('POLICY_CONFLICT', 'issuer', 'give certificate-oidc-issuer or certificate-oidc-issuer-regexp, not both');
  // Reads "certificate-identity or certificate-identity-regexp is required …".
  if (exact.length === 0 && patterns.length === 0)
    throw namedInputError(
      'POLICY_MISSING',
      'identity',
      'or certificate-identity-regexp is required for keyless verification, e.g. ^https://github\\.com/OWNER/REPO/\\.github/workflows/push-artifact\\.yaml@refs/heads/main$',
    );
  const identities = patterns.map((pattern) => compile('identityRegexp', pattern));
  const issuerPattern = policy.issuerRegexp ? compile('issuerRegexp', policy.issuerRegexp) : undefined;
  const issuer = policy.issuer || (issuerPattern ? undefined : githubIssuer);
  const shown = patterns.length > 0 ? patterns : exact;
  const describeIdentity =
    shown.length > 1
      ? `identity ${patterns.length > 0 ? 'matching ' : ''}any of ${shown.join(' | ')}`
      : `identity ${patterns.length > 0 ? 'matching ' : ''}${shown[0] ?? ''}`;
  const describeIssuer = issuerPattern ? `issuer matching ${policy.issuerRegexp ?? ''}` : `issuer ${issuer ?? ''}`;
  const repository = policy.sourceRepository
    ?.trim()
    .replace(/^https:\/\/github\.com\//, '')
    .toLowerCase();
  if (repository !== undefined && repository !== '' && !/^[a-z0-9_.-]+\/[a-z0-9_.-]+$/.test(repository))
    throw namedInputError('POLICY_INVALID', 'sourceRepository', `"${policy.sourceRepository}" is not owner/repo`);
  return {
    describe: `${describeIdentity}, ${describeIssuer}${repository ? `, run in ${repository}` : ''}`,
    entries: shown.length,
    mismatch(signer) {
      const san = signer.identity ?? '';
      const identityOk = identities.length > 0 ? identities.some((re) => re.matchString(san)) : exact.includes(san);
      if (!identityOk) return `signed by ${signer.identity ?? '(no identity)'}, expected ${describeIdentity}`;
      const issuerOk = issuerPattern ? issuerPattern.matchString(signer.issuer ?? '') : signer.issuer === issuer;
      if (!issuerOk) return `issued by ${signer.issuer ?? '(no issuer)'}, expected ${describeIssuer}`;
      // GitHub repository names are case-insensitive.
      if (repository && signer.sourceRepository?.toLowerCase() !== repository)
        return `signed by ${signer.identity ?? ''} in a run of ${signer.sourceRepository ?? '(no repository in the certificate)'}, expected a run of ${repository}`;
      return undefined;
    },
  };
}

/** A single value or a list, without empty entries (an empty input line is no identity). */
function listOf(value: string | readonly string[] | undefined): string[] {
  return (typeof value === 'string' ? [value] : (value ?? [])).map((v) => v.trim()).filter(Boolean);
}

/** One Flux `matchOIDCIdentity` entry: both patterns are Go regular expressions, both must match. */
export interface IdentityPattern {
  subjectRegexp: string;
  issuerRegexp: string;
}

/** Thrown for a list entry: which one, and whether its subject or issuer pattern is bad. */
export class IdentityListError extends PolicyInputError {
  readonly index: number;
  constructor(input: 'identityRegexp' | 'issuerRegexp', index: number, message: string) {
    super('POLICY_INVALID', input, message);
    this.index = index;
  }
}

/**
 * A list of identities, accepted when ANY entry matches (subject AND issuer): Flux's `matchOIDCIdentity`, which
 * source-controller turns into cosign `CheckOpts.Identities` of `{SubjectRegExp, IssuerRegExp}`, and cosign's
 * CheckCertificatePolicy evaluates in an OR fashion (sigstore/cosign pkg/cosign/verify.go). Go RE2, unanchored.
 */
export function compileIdentityList(entries: readonly IdentityPattern[], label = 'matchOIDCIdentity'): CompiledPolicy {
  if (entries.length === 0)
    throw new PolicyInputError(
      'POLICY_MISSING',
      'identityRegexp',
      `${label} has no entries: keyless verification needs at least one {issuer, subject}`,
    );
  const compiled = entries.map((entry, index) => {
    const at = (input: 'identityRegexp' | 'issuerRegexp', field: string, pattern: string) => {
      try {
        return compile(input, pattern);
      } catch (err) {
        if (err instanceof PolicyInputError) throw new IdentityListError(input, index, `${label}[${index}].${field} ${err.problem}`);
        throw err;
      }
    };
    return {
      entry,
      subject: at('identityRegexp', 'subject', entry.subjectRegexp),
      issuer: at('issuerRegexp', 'issuer', entry.issuerRegexp),
    };
  });
  const one = (e: IdentityPattern) => `identity matching ${e.subjectRegexp}, issuer matching ${e.issuerRegexp}`;
  const describe =
    entries.length === 1 && entries[0] ? one(entries[0]) : `any of ${entries.length}: ${entries.map((e) => `(${one(e)})`).join(' or ')}`;
  return {
    describe,
    entries: entries.length,
    mismatch(signer) {
      if (compiled.some((c) => c.subject.matchString(signer.identity ?? '') && c.issuer.matchString(signer.issuer ?? ''))) return undefined;
      return `signed by ${signer.identity ?? '(no identity)'}, issued by ${signer.issuer ?? '(no issuer)'}, expected ${describe}`;
    },
  };
}
