/** GitHub Actions' OIDC issuer, the default issuer to expect (as Flux and the D2 clusters do). */
export const githubIssuer = 'https://token.actions.githubusercontent.com';

export interface IdentityPolicy {
  /** Exact certificate identity (SAN), cosign `--certificate-identity`. */
  identity?: string;
  /** Regular expression for it, cosign `--certificate-identity-regexp` (Flux `matchOIDCIdentity.subject`). */
  identityRegexp?: string;
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

export class PolicyInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyInputError';
  }
}

export interface CompiledPolicy {
  describe: string;
  /** Undefined when the signer matches, else why not. */
  mismatch(signer: Signer): string | undefined;
}

function compile(flag: string, pattern: string): RegExp {
  try {
    // Go's RE2 and JavaScript agree on the patterns identity policies use (anchors, classes, escapes).
    return new RegExp(pattern);
  } catch (err) {
    throw new PolicyInputError(`${flag} "${pattern}" is not a valid regular expression: ${(err as Error).message}`);
  }
}

/**
 * A keyless identity policy as cosign and Flux apply it: the certificate's SAN and OIDC issuer, each exact or by
 * regular expression (unanchored unless the pattern anchors itself, as with Go's MatchString).
 */
export function compilePolicy(policy: IdentityPolicy): CompiledPolicy {
  if (policy.identity && policy.identityRegexp) throw new PolicyInputError('give certificate-identity or certificate-identity-regexp, not both');
  if (policy.issuer && policy.issuerRegexp) throw new PolicyInputError('give certificate-oidc-issuer or certificate-oidc-issuer-regexp, not both');
  if (!policy.identity && !policy.identityRegexp) throw new PolicyInputError('certificate-identity or certificate-identity-regexp is required for keyless verification, e.g. ^https://github\\.com/OWNER/REPO/\\.github/workflows/push-artifact\\.yaml@refs/heads/main$');
  const identity = policy.identityRegexp ? compile('certificate-identity-regexp', policy.identityRegexp) : undefined;
  const issuerPattern = policy.issuerRegexp ? compile('certificate-oidc-issuer-regexp', policy.issuerRegexp) : undefined;
  const issuer = policy.issuer || (issuerPattern ? undefined : githubIssuer);
  const describeIdentity = identity ? `identity matching ${policy.identityRegexp ?? ''}` : `identity ${policy.identity ?? ''}`;
  const describeIssuer = issuerPattern ? `issuer matching ${policy.issuerRegexp ?? ''}` : `issuer ${issuer ?? ''}`;
  const repository = policy.sourceRepository?.trim().replace(/^https:\/\/github\.com\//, '').toLowerCase();
  if (repository !== undefined && repository !== '' && !/^[a-z0-9_.-]+\/[a-z0-9_.-]+$/.test(repository)) throw new PolicyInputError(`certificate-github-workflow-repository "${policy.sourceRepository}" is not owner/repo`);
  return {
    describe: `${describeIdentity}, ${describeIssuer}${repository ? `, run in ${repository}` : ''}`,
    mismatch(signer) {
      const identityOk = identity ? identity.test(signer.identity ?? '') : signer.identity === policy.identity;
      if (!identityOk) return `signed by ${signer.identity ?? '(no identity)'}, expected ${describeIdentity}`;
      const issuerOk = issuerPattern ? issuerPattern.test(signer.issuer ?? '') : signer.issuer === issuer;
      if (!issuerOk) return `issued by ${signer.issuer ?? '(no issuer)'}, expected ${describeIssuer}`;
      // GitHub repository names are case-insensitive.
      if (repository && signer.sourceRepository?.toLowerCase() !== repository) return `signed by ${signer.identity ?? ''} in a run of ${signer.sourceRepository ?? '(no repository in the certificate)'}, expected a run of ${repository}`;
      return undefined;
    },
  };
}
