import {
  ArtifactPathError,
  ProtectedTagError,
  PublishError,
  formatLocation,
  locationName,
  type Location,
  type PublishResult,
} from '@d2ci/core';
import { explainAuth, type Opened } from '../registry.ts';
import { flagNames, usageError } from '../fields.ts';
import { UsageError } from '../errors.ts';
import { structured, type OutputFormat, type Io } from '../output.ts';

/** Why one artifact's push failed, naming the flag to fix, or with the auth fix when the registry refused. */
export async function artifactError(opened: Opened, err: unknown): Promise<never> {
  // `--diff-tag T` pushes to T as well: the CLI blames every refused tag on --tag, and keeps the --force advice.
  if (err instanceof ProtectedTagError) throw new UsageError(`${flagNames.tags}: ${err.message}`);
  if (err instanceof ArtifactPathError || err instanceof PublishError) throw usageError(err) ?? err;
  throw await explainAuth(opened, err);
}

/** `-o json`, or the lines `d2ci push` prints for one artifact. */
export function printArtifact(io: Io, location: Location, result: PublishResult, format: OutputFormat | undefined): void {
  const name = locationName(location);
  const digest = result.descriptor.digest;
  const { signature: signed, attached } = result;
  if (format) {
    const url = formatLocation(
      location.kind === 'registry'
        ? { kind: 'registry', reference: { registry: location.reference.registry, repository: location.reference.repository, digest } }
        : { kind: 'layout', dir: location.dir, digest },
    );
    structured(io, format, {
      pushed: result.pushed,
      url: location.kind === 'registry' ? `oci://${url}` : url,
      repository: name,
      tag: result.tags[0]?.tag ?? '',
      tags: result.tags.map((t) => t.tag),
      digest,
      ...(signed ? { signatureRef: signed.signatureRef } : {}),
      ...(attached.length
        ? {
            referrers: attached.map((a) => ({
              format: a.format,
              source: a.source,
              digest: a.referrer.digest,
              attestation: a.attestation?.digest ?? null,
            })),
          }
        : {}),
    });
  } else if (result.pushed) {
    io.err(`✔ artifact successfully pushed to ${name}@${digest} (${result.layer.files} files, ${result.layer.size} bytes)`);
    if (signed) io.err(`✔ signed as ${signed.identity}: ${signed.signatureRef}`);
    for (const a of attached)
      io.err(
        `✔ attached ${a.source === 'generated' ? `a generated ${a.format} SBOM` : `${a.source} (${a.format})`}: ${name}@${a.referrer.digest}${a.attestation ? ` (attested: ${a.attestation.digest})` : ''}`,
      );
    for (const t of result.tags) io.err(`✔ tagged ${name}:${t.tag}${t.changed ? '' : ' (already there)'}`);
  } else {
    io.err(`✔ no changes: ${result.reason}; ${name}@${digest}`);
    for (const t of result.tags) io.err(`✔ tagged ${name}:${t.tag}${t.changed ? '' : ' (already there)'}`);
  }
}
