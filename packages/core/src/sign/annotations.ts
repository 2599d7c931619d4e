import { BaseError } from '../errors.ts';

/**
 * Signature annotations (cosign `sign -a key=value`, `verify -a key=value`): signed claims inside the signature,
 * not the manifest's OCI annotations. cosign puts them in the simple-signing payload's `optional` map (legacy
 * `.sig`, cosign pkg/cosign/verifiers.go SimpleClaimVerifier) and in the in-toto statement's subject
 * `annotations` (v0.3 bundle, cosign v3 cmd/cosign/cli/sign/sign.go signDigestBundle; IntotoSubjectClaimVerifier).
 */
export class SignatureAnnotationError extends BaseError<'SIGNATURE_ANNOTATION'> {
  constructor(problem: string) {
    super('SIGNATURE_ANNOTATION', `signature annotation ${problem}`, { field: 'signature-annotations', problem });
  }
}

/**
 * `key=value` entries, split at the first `=` as cosign's AnnotationsMap does (options/annotations.go); a later
 * entry for the same key wins, as there. Keys must not be empty.
 */
export function parseSignatureAnnotations(pairs: readonly string[] | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const raw of pairs ?? []) {
    const pair = raw.trim();
    if (!pair) continue;
    const cut = pair.indexOf('=');
    if (cut <= 0) throw new SignatureAnnotationError(`"${pair}" is not key=value, e.g. env=prod`);
    result[pair.slice(0, cut).trim()] = pair.slice(cut + 1);
  }
  return result;
}

/**
 * Why `signed` (the signature's annotations: the payload's `optional`, the subject's `annotations`) does not hold
 * every wanted key with exactly its value, as cosign's correctAnnotations (pkg/cosign/verify.go) decides;
 * undefined when it does. A signature without annotations has none of the keys.
 */
export function signatureAnnotationMismatch(wanted: Readonly<Record<string, string>>, signed: unknown): string | undefined {
  const have = signed !== null && typeof signed === 'object' ? (signed as Record<string, unknown>) : {};
  const wrong = Object.entries(wanted).filter(([key, value]) => have[key] !== value);
  if (wrong.length === 0) return undefined;
  const [key, value] = wrong[0] as [string, string];
  const found = Object.hasOwn(have, key) ? `has ${key}=${JSON.stringify(have[key])}` : `has no ${key}`;
  return `missing or incorrect signature annotation: wanted ${key}=${JSON.stringify(value)}, the signature ${found}${wrong.length > 1 ? ` (and ${wrong.length - 1} more)` : ''}`;
}
