import { X509Certificate } from 'node:crypto';
import type { Bundle } from '@sigstore/bundle';
import { BaseError } from '../errors.ts';
import type { Descriptor } from '../oci/descriptor.ts';
import type { Target } from '../oci/target.ts';
import { attachReferrer } from '../oci/attach.ts';
import { rfc3339 } from '../go/time.ts';
import { cosignSignPredicateType, signStatement, simpleSigningPayload } from './payload.ts';
import { legacyAnnotations, prepareLegacySignature } from './legacy.ts';
import { createBundleSigner, type BundleSigner, type SigningIdentity } from './signer.ts';

export const signatureFormats = ['legacy', 'bundle', 'both'] as const;
export type SignatureFormat = (typeof signatureFormats)[number];

export const sigstoreBundleMediaType = 'application/vnd.dev.sigstore.bundle.v0.3+json';

export interface SignOptions {
  identity: SigningIdentity;
  /** A signer to reuse (many artifacts, one certificate); made from `identity` when absent. */
  signer?: BundleSigner;
  format: SignatureFormat;
  /** The repository name signed as `docker-reference` (legacy), e.g. `ghcr.io/acme/app`. */
  repository: string;
  /** Signature annotations (cosign `sign -a key=value`): the payload's `optional`, the statement subject's `annotations`. */
  claims?: Record<string, string>;
  /** The legacy signature's registry work, started ahead for this subject (`prepareLegacyWrite`). */
  legacyWrite?: PreparedLegacyWrite;
}

/** prepareLegacySignature's half-done write, for one subject digest and payload. */
export interface PreparedLegacyWrite {
  digest: string;
  payload: Buffer;
  write: ReturnType<typeof prepareLegacySignature>;
}

/**
 * Starts the legacy signature's .sig read and blob uploads for `subject` (they need no signature). With `writes`,
 * only the reads start; the uploads wait for it to say true (prepareLegacySignature).
 */
export function prepareLegacyWrite(
  target: Target,
  subject: Descriptor,
  options: Pick<SignOptions, 'repository' | 'claims'>,
  writes?: Promise<boolean>,
): PreparedLegacyWrite {
  const payload = simpleSigningPayload(options.repository, subject.digest, options.claims);
  return { digest: subject.digest, payload, write: prepareLegacySignature(target, subject.digest, payload, writes) };
}

export interface SignResult {
  /** Where the signature lives: `<repo>:sha256-<hex>.sig` (legacy, also for both) or `<repo>@<referrer digest>`. */
  signatureRef: string;
  legacyTag?: string;
  referrer?: Descriptor;
  /** Rekor log index of the (first) signature; undefined for key-based signing. */
  rekorLogIndex?: string;
  /** The certificate's subject alternative name (keyless) or `key:<sha256 of the public key>`. */
  identity: string;
  /** Keyless: the OIDC issuer Fulcio wrote into the certificate (what a policy's issuer is matched against). */
  issuer?: string;
}

/** The signing (leaf) certificate's DER, for a keyless bundle. */
function leafDer(bundle: Bundle): Buffer<ArrayBuffer> | undefined {
  const material = bundle.verificationMaterial.content;
  const der =
    material.$case === 'x509CertificateChain'
      ? material.x509CertificateChain.certificates[0]?.rawBytes
      : material.$case === 'certificate'
        ? material.certificate.rawBytes
        : undefined;
  return der && Buffer.from(der);
}

function certificateIdentity(bundle: Bundle): string | undefined {
  const der = leafDer(bundle);
  if (!der) return undefined;
  const san = new X509Certificate(der).subjectAltName ?? '';
  return /(?:URI|email):([^,]+)/.exec(san)?.[1];
}

// Fulcio's issuer extensions (github.com/sigstore/fulcio docs/oid-info.md): DER UTF8String in the current OID,
// raw bytes in the deprecated one.
const issuerV2 = '1.3.6.1.4.1.57264.1.8';
const issuerV1 = '1.3.6.1.4.1.57264.1.1';

async function certificateIssuer(bundle: Bundle): Promise<string | undefined> {
  const der = leafDer(bundle);
  if (!der) return undefined;
  const { X509Certificate: SigstoreCertificate } = await import('@sigstore/core');
  const certificate = SigstoreCertificate.parse(der);
  const v2 = certificate.extension(issuerV2)?.valueObj.subs[0]?.value;
  return (v2 ?? certificate.extension(issuerV1)?.value)?.toString('utf8');
}

/**
 * Attaches a v0.3 bundle (a DSSE envelope over an in-toto statement of `predicateType`) to `subject` as cosign v3
 * writes it: a referrer with the bundle annotations Flux 2.8+ and `cosign verify` look for.
 */
export async function attachSigstoreBundle(
  target: Target,
  subject: Descriptor,
  bundle: Bundle,
  predicateType: string,
): Promise<Descriptor> {
  const { bundleToJSON } = await import('@sigstore/bundle');
  return attachReferrer(target, subject, {
    artifactType: sigstoreBundleMediaType,
    content: Buffer.from(JSON.stringify(bundleToJSON(bundle))),
    annotations: {
      'dev.sigstore.bundle.content': 'dsse-envelope',
      'dev.sigstore.bundle.predicateType': predicateType,
      'org.opencontainers.image.created': rfc3339(new Date()),
    },
  });
}

/**
 * Signs a manifest already stored in `target`. `legacy` writes cosign's `sha256-<hex>.sig` manifest (what Flux
 * 2.6+ and cosign v2/v3 verify); `bundle` attaches a v0.3 DSSE bundle as a referrer (cosign v3's default, which
 * Flux 2.8+ verifies); `both` writes both, sharing one certificate.
 */
export async function signArtifact(target: Target, subject: Descriptor, options: SignOptions): Promise<SignResult> {
  const signer = options.signer ?? (await createBundleSigner(options.identity));
  const name = target.name;
  const result: Partial<SignResult> = {};
  let first: Bundle | undefined;
  if (options.format !== 'bundle') {
    // The .sig read and the payload and config uploads overlap Fulcio and Rekor (or started during the push, when
    // prepared ahead); the .sig manifest waits for the signature.
    const prepared = options.legacyWrite?.digest === subject.digest ? options.legacyWrite : prepareLegacyWrite(target, subject, options);
    const { payload, write } = prepared;
    const bundle = await signer.signMessage(payload);
    first ??= bundle;
    const written = await write.complete(legacyAnnotations(bundle, await signer.certificateChain()));
    result.legacyTag = written.tag;
    result.signatureRef = `${name}:${written.tag}`;
  }
  if (options.format !== 'legacy') {
    const bundle = await signer.signStatement(signStatement(subject.digest, options.claims));
    first ??= bundle;
    const referrer = await attachSigstoreBundle(target, subject, bundle, cosignSignPredicateType);
    result.referrer = referrer;
    result.signatureRef ??= `${name}@${referrer.digest}`;
  }
  const logIndex = first?.verificationMaterial.tlogEntries[0]?.logIndex;
  if (logIndex !== undefined) result.rekorLogIndex = String(logIndex);
  result.identity =
    (first && certificateIdentity(first)) ??
    (options.identity.kind === 'key'
      ? `key:${(await import('./keys.ts')).keyId(options.identity.privateKey)}`
      : options.identity.kind === 'kms'
        ? `key:${options.identity.key.uri}`
        : 'unknown');
  const issuer = first && (await certificateIssuer(first));
  if (issuer) result.issuer = issuer;
  return result as SignResult;
}

/**
 * Signing failed after the manifest was stored: nothing was tagged. No field: the request was fine, the signing
 * (a key, Fulcio, Rekor, a Notation plugin) was not; the cause says which.
 */
export class UntaggedSigningError extends BaseError<'SIGNING_UNTAGGED'> {
  constructor(digest: string, cause: unknown) {
    super(
      'SIGNING_UNTAGGED',
      `signing ${digest} failed, so no tag was moved (the manifest is stored untagged): ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
}

/**
 * A `beforeTag` step for pushArtifact/copy that signs the stored manifest; `result()` gives what it signed.
 * A failure says that no tag moved.
 */
export function signBeforeTagging(
  target: Target,
  options: SignOptions,
): {
  beforeTag: (descriptor: Descriptor) => Promise<void>;
  result: () => SignResult | undefined;
  prepare: (descriptor: Descriptor) => void;
} {
  let signed: SignResult | undefined;
  let legacyWrite: PreparedLegacyWrite | undefined;
  return {
    prepare: (descriptor) => {
      if (options.format !== 'bundle') legacyWrite = prepareLegacyWrite(target, descriptor, options);
    },
    beforeTag: async (descriptor) => {
      try {
        signed = await signArtifact(target, descriptor, { ...options, ...(legacyWrite ? { legacyWrite } : {}) });
      } catch (err) {
        throw new UntaggedSigningError(descriptor.digest, err);
      }
    },
    result: () => signed,
  };
}

/**
 * `signBeforeTagging` for many artifacts (components) with one signer: one OIDC token and one Fulcio certificate
 * however many there are. `beforeTag(target, key)` gives each its step, `result(key)` what it signed.
 */
export async function signEachBeforeTagging(options: Pick<SignOptions, 'identity' | 'format' | 'signer' | 'claims'>): Promise<{
  beforeTag: (target: Target, key: string) => (descriptor: Descriptor) => Promise<void>;
  result: (key: string) => SignResult | undefined;
  prepare: (key: string, descriptor: Descriptor) => void;
}> {
  const signer = options.signer ?? (await createBundleSigner(options.identity));
  const steps = new Map<string, ReturnType<typeof signBeforeTagging>>();
  return {
    beforeTag: (target, key) => {
      const step = signBeforeTagging(target, { ...options, repository: target.name, signer });
      steps.set(key, step);
      return step.beforeTag;
    },
    result: (key) => steps.get(key)?.result(),
    prepare: (key, descriptor) => steps.get(key)?.prepare(descriptor),
  };
}
