// Verifying one signature envelope against a manifest and a trust policy statement, check by check as
// notation-go's verifier does (verifier/verifier.go Verify, verifyIntegrity, verifyAuthenticity, verifyExpiry,
// verifyAuthenticTimestamp; trust-store-trust-policy.md "Signature Verification").
import type { Descriptor } from '../oci/descriptor.ts';
import { quote } from '../go/strconv/quote.ts';
import { notationThumbprints, parseNotationCertificates, type NotationCertificate } from './certificate.ts';
import { notationCertificateChainProblem, notationSigningTimeProblem } from './certificate-chain.ts';
import { goMaps, isSubsetDn, parseNotationDistinguishedName } from './distinguished-name.ts';
import { notationEnvelopeSignatureProblem, parseNotationEnvelope, type ParsedNotationEnvelope } from './envelope.ts';
import { NotationTrustStoreError } from './errors.ts';
import { NotationHeader, NotationMediaType, type NotationSigningScheme } from './format.ts';
import { parseNotationPayload, type NotationPayload } from './payload.ts';
import { notationRfc1123z } from './time.ts';
import type { NotationTrustPolicy } from './trust-policy.ts';
import type { NotationTrustStore, NotationTrustStoreType } from './trust-store.ts';
import {
  notationVerificationLevel,
  type NotationValidationAction,
  type NotationValidationType,
  type NotationVerificationLevel,
} from './verification-level.ts';

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
        `error while loading the trust store, trust policy statement ${quote(policy.name)} is missing separator in trust store value ${quote(entry)}. The required format is <TrustStoreType>:<TrustStoreName>`,
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
    if (colon < 0) return `trust policy statement ${quote(policy.name)} has trusted identity ${quote(identity)} missing separator`;
    if (identity.slice(0, colon) !== 'x509.subject') continue;
    const value = identity.slice(colon + 1);
    if (!value) return `trust policy statement ${quote(policy.name)} has trusted identity ${quote(identity)} without an identity value`;
    try {
      trusted.push(parseNotationDistinguishedName(value));
    } catch (err) {
      return (err as Error).message;
    }
  }
  if (trusted.length === 0) return `no x509 trusted identities are configured in the trust policy ${quote(policy.name)}`;
  let subject: Record<string, string>;
  try {
    subject = parseNotationDistinguishedName(leaf.subject);
  } catch (err) {
    return `error while parsing the certificate subject from the digital signature. error : ${quote((err as Error).message)}`;
  }
  if (trusted.some((dn) => isSubsetDn(dn, subject))) return undefined;
  return `signing certificate from the digital signature does not match the X.509 trusted identities ${goMaps(trusted)} defined in the trust policy ${quote(policy.name)}`;
}

function validityProblem(chain: readonly NotationCertificate[], now: Date): string | undefined {
  for (const certificate of chain) {
    if (now < certificate.notBefore)
      return `verification time is before certificate ${quote(certificate.subject)} validity period, it will be valid from ${quote(notationRfc1123z(certificate.notBefore))}`;
    if (now > certificate.notAfter)
      return `verification time is after certificate ${quote(certificate.subject)} validity period, it was expired at ${quote(notationRfc1123z(certificate.notAfter))}`;
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
        return `certificate ${quote(certificate.subject)} was not valid when the digital signature was produced at ${quote(notationRfc1123z(time))}`;
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
    outcome.notes.push(`trust policy statement ${quote(options.policy.name)} skips signature verification`);
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
        ? `signature envelope format with media type ${quote(mediaType)} (COSE) is not supported by d2ci`
        : `unable to parse the digital signature, error : signature envelope format with media type ${quote(mediaType)} is not supported`,
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
    if (header.contentType !== NotationMediaType.payload) return `payload content type ${quote(header.contentType)} not supported`;
    const chainProblem = notationCertificateChainProblem(chain);
    if (chainProblem) return `certificate-chain is invalid, ${chainProblem}`;
    const plugin = header.extended[NotationHeader.verificationPlugin];
    if (plugin !== undefined)
      return `digital signature requires verification plugin ${typeof plugin === 'string' ? quote(plugin) : JSON.stringify(plugin)}, and d2ci does not run verification plugins`;
    // No extended header is understood here, so any critical one fails (RFC 7515 `crit`; notation-go leaves them to plugins).
    const unknown = header.critical.find((name) => Object.hasOwn(header.extended, name));
    if (unknown)
      return `the signature has critical header ${quote(unknown)}, which d2ci does not understand (unknown critical headers must fail verification)`;
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
      header.expiry && now >= header.expiry ? `digital signature has expired on ${quote(notationRfc1123z(header.expiry))}` : undefined,
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
