import { sortedAnnotations } from '../oci/descriptor.ts';
import { parseDigest } from '../oci/digest.ts';

/** cosign's legacy signature payload media type (cosign pkg/types SimpleSigningMediaType). */
export const simpleSigningMediaType = 'application/vnd.dev.cosign.simplesigning.v1+json';
/** The in-toto predicate cosign v3 signs images with (cosign pkg/types/predicate.go). */
export const cosignSignPredicateType = 'https://sigstore.dev/cosign/sign/v1';
export const inTotoPayloadType = 'application/vnd.in-toto+json';

/**
 * The "simple signing" payload cosign signs, byte for byte as Go's json.Marshal writes sigstore's
 * payload.Cosign: `docker-reference` is the repository, `optional` holds claims or is null.
 */
export function simpleSigningPayload(repository: string, digest: string, claims?: Record<string, string>): Buffer {
  const optional = claims && Object.keys(claims).length ? sortedAnnotations(claims) : null;
  return Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': repository },
        image: { 'docker-manifest-digest': digest },
        type: 'cosign container image signature',
      },
      optional,
    }),
  );
}

/** The in-toto v1 statement cosign v3 signs into a v0.3 bundle: subject = the manifest digest. */
export function signStatement(digest: string, claims?: Record<string, string>): Buffer {
  return inTotoStatement(digest, cosignSignPredicateType, {}, claims);
}

/** An in-toto v1 statement about one manifest digest (what `cosign attest` signs). */
export function inTotoStatement(digest: string, predicateType: string, predicate: unknown, annotations?: Record<string, string>): Buffer {
  const { algorithm, hex } = parseDigest(digest);
  const subject: Record<string, unknown> = { digest: { [algorithm]: hex } };
  if (annotations && Object.keys(annotations).length) subject.annotations = sortedAnnotations(annotations);
  return Buffer.from(JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [subject], predicateType, predicate }));
}
