import { writeFileSync } from 'node:fs';
import type { PullArtifactResult } from '@d2ci/core';
import type { PulledDocument } from '@d2ci/core/documents';
import { data, structured, type OutputFormat, type Io } from '../output.ts';

/** `--json`, or the lines `d2ci pull` prints for an extracted artifact. */
export function printPulled(io: Io, result: PullArtifactResult, output: string, format: OutputFormat | undefined): void {
  const source = result.annotations['org.opencontainers.image.source'];
  const revision = result.annotations['org.opencontainers.image.revision'];
  if (format) {
    structured(io, format, {
      digest: result.descriptor.digest,
      source: source ?? null,
      revision: revision ?? null,
      files: result.files,
      bytes: result.bytes,
    });
    return;
  }
  if (source || revision) io.err(`✔ source ${data(source ?? '?')}, revision ${data(revision ?? '?')}`);
  io.err(`✔ extracted ${result.files} files (${result.bytes} bytes) from ${result.descriptor.digest} to ${output}`);
}

/** A pulled document, to `output` or as it is to stdout, and where it came from (an attestation is not verified). */
export function writeDocument(io: Io, type: string, document: PulledDocument, output: string | undefined): void {
  if (output) writeFileSync(output, document.content);
  else process.stdout.write(document.content);
  const digest = document.referrer.digest;
  const from = document.attestation ? `${digest} (attestation; verify it with d2ci verify --require-attestations ${type})` : digest;
  io.err(`✔ ${type} from ${from}${output ? ` written to ${output}` : ''}`);
}
