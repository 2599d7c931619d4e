import type { CopyArtifactResult, ReferrerKind } from '@d2ci/core';
import { data, structured, type Io, type OutputFormat } from '../output.ts';

const kindWords: Record<ReferrerKind, string> = {
  'sigstore-signature': 'Sigstore signature',
  'sigstore-attestation': 'attestation',
  'notation-signature': 'Notary Project signature',
  sbom: 'SBOM',
  vex: 'VEX',
  other: 'other referrer',
};

const byKind = (result: CopyArtifactResult, copiedOnly: boolean): Partial<Record<ReferrerKind, number>> => {
  const counts: Partial<Record<ReferrerKind, number>> = {};
  for (const r of result.referrers) if (!copiedOnly || r.copied) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  return counts;
};

const human = (bytes: number): string =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 ** 2 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 ** 2).toFixed(1)} MiB`;

/** `-o json|yaml`, or what was copied in lines on stderr (tags last: they moved last). */
export function printCopy(io: Io, result: CopyArtifactResult, format: OutputFormat | undefined): void {
  const digest = result.descriptor.digest;
  if (format) {
    structured(io, format, {
      source: result.source,
      destination: result.destination,
      digest,
      digestUrl: result.digestUrl,
      changed: result.changed,
      tags: result.tags,
      referrers: { total: result.referrers.length, copied: result.referrers.filter((r) => r.copied).length, byKind: byKind(result, false) },
      referrerList: result.referrers,
      cosignTags: result.cosignTags,
      manifests: result.manifests,
      blobs: result.blobs,
      bytes: result.bytes,
      verified: result.check ? { identity: result.check.identity ?? null, format: result.check.format ?? null } : null,
    });
    return;
  }
  if (result.check) io.err(`✔ verified ${data(result.check.identity ?? '')} (${result.check.format ?? ''}) on ${result.source}@${digest}`);
  const kinds = Object.entries(byKind(result, false)).map(([kind, n]) => `${n} ${kindWords[kind as ReferrerKind]}${n > 1 ? 's' : ''}`);
  const copied = result.referrers.filter((r) => r.copied).length;
  if (result.referrers.length)
    io.err(`  referrers: ${kinds.join(', ')} (${copied} copied, ${result.referrers.length - copied} already there)`);
  for (const c of result.cosignTags) io.err(`  cosign ${c.kind}: ${c.tag} ${c.action}`);
  io.err(
    `  ${result.manifests} manifest(s), ${result.blobs.uploaded} blob(s) uploaded, ${result.blobs.mounted} mounted, ${result.blobs.present} already there; ${human(result.bytes)} sent`,
  );
  for (const t of result.tags) io.err(`✔ ${result.destination}:${data(t.tag)} → ${digest}${t.changed ? '' : ' (already there)'}`);
  if (!result.tags.length) io.err(`✔ ${result.digestUrl} (untagged: the source was named by digest)`);
  if (!result.changed) io.err('  nothing to copy: the destination already had everything');
}
