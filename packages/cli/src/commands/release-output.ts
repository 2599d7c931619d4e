import type { ReleaseOutcome } from '@d2ci/core/release';
import { structured, type OutputFormat, type Io } from '../output.ts';

/** `-o json`, or the notes and the one line `d2ci release` prints. */
export function printRelease(io: Io, result: ReleaseOutcome, format: OutputFormat | undefined): void {
  const { name } = result;
  const digest = result.descriptor.digest;
  if (format) {
    structured(io, format, {
      action: result.action,
      version: result.version,
      component: result.component ?? null,
      digest,
      digestUrl: `${name}@${digest}`,
      previousDigest: result.previousDigest ?? null,
      tags: result.tags,
      signatureRef: result.signature?.signatureRef ?? null,
      signatureFormats: result.signature?.formats ?? [],
      notes: result.notes,
    });
    return;
  }
  for (const note of result.notes) io.err(`  ${note}`);
  io.err(
    `✔ ${result.action}: ${name}:${result.version} → ${digest}${result.previousDigest ? ` (latest-stable was ${result.previousDigest})` : ''}`,
  );
}
