// Signing a manifest in the Notary Project format and attaching the signature as a referrer, as the notation CLI
// does (notation-go notation.go Sign, signer/signer.go GenericSigner; notation-core-go signature/jws).
import { X509Certificate } from 'node:crypto';
import type { Descriptor } from '../oci/descriptor.ts';
import type { Target } from '../oci/target.ts';
import { rfc3339 } from '../go/time.ts';
import { notationAlgorithms, notationKeySpecOf, verifyNotationJwsSignature } from './algorithms.ts';
import { notationThumbprints, parseNotationCertificates } from './certificate.ts';
import { notationCertificateChainProblem } from './certificate-chain.ts';
import type { NotationJwsEnvelope } from './envelope.ts';
import { NotationError } from './errors.ts';
import { NotationAnnotation, NotationHeader, NotationMediaType } from './format.ts';
import { attachNotationSignature } from './manifest.ts';
import { notationPayload, sortedJson } from './payload.ts';
import type { NotationSigner } from './signer.ts';

export interface NotationEnvelopeOptions {
  /** When the signature is made; defaults to now. Truncated to whole seconds, as notation does. */
  signingTime?: Date;
  /** The optional `io.cncf.notary.expiry` ("best by use" time); must be after the signing time. */
  expiry?: Date;
  /** `io.cncf.notary.signingAgent`; defaults to `d2ci` (plus the signer's own agent, e.g. a plugin's name/version). */
  signingAgent?: string;
  /** Added to the payload's targetArtifact annotations (`notation sign --user-metadata`); `io.cncf.notary.*` is reserved. */
  userMetadata?: Record<string, string>;
}

export interface NotationEnvelope {
  envelope: Buffer;
  /** The chain as sent in x5c, DER, leaf first. */
  certificates: Buffer[];
  signingTime: Date;
  payload: Buffer;
  protectedHeader: Record<string, unknown>;
}

const truncateToSecond = (date: Date): Date => new Date(Math.floor(date.getTime() / 1000) * 1000);

/**
 * Builds and signs a JWS envelope for a manifest, as notation-go's GenericSigner and notation-core-go's JWS
 * envelope do: payload, protected header (`alg` from the key spec, `cty`, `crit`, signing scheme `notary.x509`,
 * signing time, optional expiry), then `x5c` and the signing agent unprotected. The result is checked before it is
 * returned: the chain meets the certificate requirements and was valid at the signing time, its leaf has the key
 * spec the signer declared, and the signature verifies with the leaf's key (which catches a plugin that signed
 * something else or with another key).
 */
export async function createNotationEnvelope(
  subject: Descriptor,
  signer: NotationSigner,
  options: NotationEnvelopeOptions = {},
): Promise<NotationEnvelope> {
  const algorithm = notationAlgorithms[signer.keySpec];
  if (!algorithm) throw new NotationError('NOTATION_KEY_UNSUPPORTED', `unsupported key spec ${String(signer.keySpec)}`);
  const signingTime = truncateToSecond(options.signingTime ?? new Date());
  const expiry = options.expiry ? truncateToSecond(options.expiry) : undefined;
  if (expiry && expiry <= signingTime)
    throw new NotationError('NOTATION_EXPIRY_INVALID', 'expiry cannot be equal or before the signing time');
  const payload = notationPayload(
    {
      mediaType: subject.mediaType,
      digest: subject.digest,
      size: subject.size,
      ...(subject.annotations ? { annotations: subject.annotations } : {}),
    },
    options.userMetadata,
  );
  const protectedHeader: Record<string, unknown> = {
    alg: algorithm.jws,
    crit: expiry ? [NotationHeader.signingScheme, NotationHeader.expiry] : [NotationHeader.signingScheme],
    cty: NotationMediaType.payload,
    [NotationHeader.signingScheme]: 'notary.x509',
    [NotationHeader.signingTime]: rfc3339(signingTime),
    ...(expiry ? { [NotationHeader.expiry]: rfc3339(expiry) } : {}),
  };
  const encodedProtected = Buffer.from(sortedJson(protectedHeader)).toString('base64url');
  const encodedPayload = payload.toString('base64url');
  const signingInput = Buffer.from(`${encodedProtected}.${encodedPayload}`, 'ascii');
  const signature = await signer.sign(signingInput);
  const chainInput = await signer.certificateChain();
  const chain = await parseNotationCertificates(chainInput.map((c) => (c instanceof X509Certificate ? c : Buffer.from(c))));
  const leaf = chain[0];
  if (!leaf) throw new NotationError('NOTATION_CERTIFICATE_CHAIN_INVALID', 'the signer returned no certificate chain');
  const problem = notationCertificateChainProblem(chain, signingTime);
  if (problem) throw new NotationError('NOTATION_CERTIFICATE_CHAIN_INVALID', `certificate-chain is invalid, ${problem}`);
  const leafSpec = notationKeySpecOf(leaf.x509);
  if (leafSpec !== signer.keySpec)
    throw new NotationError(
      'NOTATION_SIGNING_FAILED',
      `the signing certificate's key is ${leafSpec}, but the signer declared ${signer.keySpec}`,
    );
  if (!verifyNotationJwsSignature(algorithm, signingInput, signature, leaf.x509.publicKey)) {
    throw new NotationError(
      'NOTATION_SIGNING_FAILED',
      'generated signature failed verification: the signature does not verify with the signing certificate key',
    );
  }
  const agent = [options.signingAgent ?? 'd2ci', signer.signingAgent].filter(Boolean).join(' ');
  const envelope: NotationJwsEnvelope = {
    payload: encodedPayload,
    protected: encodedProtected,
    header: { x5c: chain.map((c) => c.der.toString('base64')), [NotationHeader.signingAgent]: agent },
    signature: signature.toString('base64url'),
  };
  return { envelope: Buffer.from(JSON.stringify(envelope)), certificates: chain.map((c) => c.der), signingTime, payload, protectedHeader };
}

/** The signature manifest's annotations notation-go writes: the chain's thumbprints and the creation (signing) time. */
export function notationSignatureAnnotations(certificates: readonly Buffer[], signingTime: Date): Record<string, string> {
  return {
    [NotationAnnotation.thumbprintS256]: JSON.stringify(notationThumbprints(certificates)),
    [NotationAnnotation.created]: rfc3339(signingTime),
  };
}

export interface NotationSignOptions extends NotationEnvelopeOptions {
  signer: NotationSigner;
}

export interface NotationSignResult {
  /** The signature manifest (a referrer of the subject, in notation-go v1.3.2's form). */
  descriptor: Descriptor;
  /** `<target>@<signature manifest digest>`. */
  signatureRef: string;
  envelope: Buffer;
  thumbprints: string[];
  signingTime: Date;
}

/**
 * Signs a manifest already stored in `target` in the Notary Project format and attaches the JWS envelope as a
 * referrer in the form notation-go v1.3.2 writes (manifest.ts): config media type
 * `application/vnd.cncf.notary.signature`, no artifactType, one `application/jose+json` layer, `subject`, and the
 * thumbprint and created annotations. The released notation finds only that form in an OCI layout; registries list
 * it under the same artifact type. A registry without the referrers API gets the `sha256-<hex>` tag-schema index
 * (as notation does through oras).
 */
export async function signNotation(target: Target, subject: Descriptor, options: NotationSignOptions): Promise<NotationSignResult> {
  const plain: Descriptor = { mediaType: subject.mediaType, digest: subject.digest, size: subject.size };
  const made = await createNotationEnvelope(plain, options.signer, options);
  const descriptor = await attachNotationSignature(target, plain, {
    envelopeMediaType: NotationMediaType.jws,
    envelope: made.envelope,
    annotations: notationSignatureAnnotations(made.certificates, made.signingTime),
  });
  return {
    descriptor,
    signatureRef: `${target.name}@${descriptor.digest}`,
    envelope: made.envelope,
    thumbprints: notationThumbprints(made.certificates),
    signingTime: made.signingTime,
  };
}
