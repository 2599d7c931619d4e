import type { CopyArtifactResult } from '@d2ci/core/copy';
import { runner as core, cell, formatBytes } from '@d2ci/action-kit';

/** The step's outputs, log lines and job summary. */
export function renderCopy(result: CopyArtifactResult): void {
  const digest = result.descriptor.digest;
  const copiedReferrers = result.referrers.filter((r) => r.copied).length;
  core.setOutput('digest', digest);
  core.setOutput('digest-url', result.digestUrl);
  core.setOutput('tags', result.tags.map((t) => t.tag).join(','));
  core.setOutput('copied', String(result.changed));
  core.setOutput('referrers-copied', String(copiedReferrers));
  if (result.check) core.info(`Verified ${result.source}@${digest}: signed by ${result.check.identity ?? ''}`);
  for (const c of result.cosignTags) core.info(`cosign ${c.kind}: ${c.tag} ${c.action}`);
  core.info(
    `${result.referrers.length} referrer(s), ${copiedReferrers} copied; ${result.manifests} manifest(s), ${result.blobs.uploaded} blob(s) uploaded, ${result.blobs.mounted} mounted; ${formatBytes(result.bytes)} sent`,
  );
  for (const t of result.tags) core.info(`${result.destination}:${t.tag} → ${digest}${t.changed ? '' : ' (already there)'}`);
  const rows = result.referrers.map((r) => `| ${cell(r.kind)} | \`${r.digest}\` | ${r.copied ? 'copied' : 'already there'} |`);
  core.appendSummary(
    [
      `### Copied ${cell(result.source)} → ${cell(result.destination)}`,
      '',
      `\`${digest}\`, tags ${result.tags.map((t) => `\`${cell(t.tag)}\``).join(', ') || 'none'}${result.changed ? '' : ' — nothing to copy: the destination already had everything'}`,
      '',
      ...(rows.length ? ['| referrer | digest | |', '|---|---|---|', ...rows, ''] : []),
    ].join('\n'),
  );
}
