// The Notary Project payload: the target artifact's descriptor, as notation-go builds it for signing
// (notation.go SanitizeTargetArtifact, envelope.Payload) and reads it back when verifying.
import type { Descriptor } from '../oci/descriptor.ts';
import { NotationError } from './errors.ts';

/** The `targetArtifact` of a Notary Project payload: a descriptor with at least mediaType, digest and size. */
export interface NotationTargetArtifact {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  artifactType?: string;
  [field: string]: unknown;
}

export interface NotationPayload {
  targetArtifact: NotationTargetArtifact;
}

/** JSON with object keys sorted, as Go marshals maps (notation-core-go builds the header and payload as maps). */
export function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${sortedJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const reservedAnnotationPrefix = 'io.cncf.notary';

/** The payload notation signs for a manifest: only mediaType, digest, size and annotations (SanitizeTargetArtifact). */
export function notationPayload(subject: Descriptor, userMetadata: Record<string, string> = {}): Buffer {
  const annotations: Record<string, string> = { ...(subject.annotations ?? {}) };
  for (const [key, value] of Object.entries(userMetadata)) {
    if (key.startsWith(reservedAnnotationPrefix))
      throw new NotationError(
        'NOTATION_USER_METADATA_INVALID',
        `error adding user metadata: metadata key ${key} has reserved prefix ${reservedAnnotationPrefix}`,
      );
    if (Object.hasOwn(annotations, key))
      throw new NotationError(
        'NOTATION_USER_METADATA_INVALID',
        `error adding user metadata: metadata key ${key} is already present in the target artifact`,
      );
    annotations[key] = value;
  }
  const target: Record<string, unknown> = { mediaType: subject.mediaType, digest: subject.digest, size: subject.size };
  if (Object.keys(annotations).length) target.annotations = annotations;
  return Buffer.from(sortedJson({ targetArtifact: target }));
}

/** Reads a Notary Project payload and checks its `targetArtifact` has mediaType, digest and size. */
export function parseNotationPayload(bytes: Buffer | string): NotationPayload {
  let payload: unknown;
  try {
    payload = JSON.parse(bytes.toString());
  } catch (err) {
    throw new NotationError('NOTATION_ENVELOPE_INVALID', `the payload is not JSON: ${(err as Error).message}`);
  }
  const target = (payload as { targetArtifact?: unknown } | null)?.targetArtifact as Partial<NotationTargetArtifact> | undefined;
  if (typeof target !== 'object' || target === null)
    throw new NotationError('NOTATION_ENVELOPE_INVALID', 'the payload has no targetArtifact');
  if (
    typeof target.mediaType !== 'string' ||
    typeof target.digest !== 'string' ||
    !Number.isSafeInteger(target.size) ||
    (target.size ?? -1) < 0
  ) {
    throw new NotationError('NOTATION_ENVELOPE_INVALID', 'the payload targetArtifact must have mediaType, digest and size');
  }
  if (
    target.annotations !== undefined &&
    (typeof target.annotations !== 'object' ||
      target.annotations === null ||
      Object.values(target.annotations).some((v) => typeof v !== 'string'))
  ) {
    throw new NotationError('NOTATION_ENVELOPE_INVALID', 'the payload targetArtifact annotations must be a string map');
  }
  return payload as NotationPayload;
}
