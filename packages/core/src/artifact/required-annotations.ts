/**
 * Why an artifact's annotations do not match the required patterns: one line per key, none when all match. Both
 * verifications apply it (verify/verify.ts for cosign, notation/verify.ts), so it lives below them.
 */
export function annotationMismatches(annotations: Record<string, string>, required: Record<string, RegExp> = {}): string[] {
  return Object.entries(required).flatMap(([key, pattern]) => {
    const value = annotations[key];
    return value !== undefined && pattern.test(value)
      ? []
      : [
          `annotation ${key} is ${value === undefined ? 'missing' : `"${value}"`}, expected to match ${pattern.source.replace(/\\\//g, '/')}`,
        ];
  });
}
