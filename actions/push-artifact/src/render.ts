import { locationName, type AttachedDocument, type PublishResult, type SignResult } from '@d2ci/core';
import { cell, formatBytes, runner as core, shortDigest } from '@d2ci/action-kit';
import type { Inputs } from './inputs.ts';

/**
 * What this run signed. An unchanged artifact is not signed again, and this run did not look at what signed it
 * before (maybe nothing, if it was pushed with `sign: false`), so the cell says only what this run knows.
 */
export function signatureCell(signed: SignResult | undefined, pushed: boolean, format: string | undefined): string {
  if (signed)
    return `${format} signature by \`${cell(signed.identity)}\`${signed.rekorLogIndex ? ` (Rekor #${signed.rekorLogIndex})` : ''}`;
  if (format === undefined) return 'not signed (`sign: false`)';
  return pushed ? 'not signed' : 'unchanged: not signed again by this run';
}

function referrersOutput(attached: readonly AttachedDocument[]): string {
  return JSON.stringify(
    attached.map((a) => ({
      format: a.format,
      mediaType: a.mediaType,
      source: a.source,
      digest: a.referrer.digest,
      attestation: a.attestation?.digest ?? '',
    })),
  );
}

/** The log lines, step outputs and job summary of one pushed artifact. */
export function renderArtifact(inputs: Inputs, result: PublishResult): void {
  const name = locationName(inputs.location);
  const digest = result.descriptor.digest;
  const tags = result.tags.map((t) => t.tag);
  const { signature: signed, attached } = result;
  core.info(
    `Packed ${result.layer.files} files from ${inputs.pathInput}: ${formatBytes(result.layer.size)} (layer ${result.layer.digest})`,
  );
  if (result.pushed) {
    const uploaded = result.blobs.filter((b) => b.result !== 'exists');
    core.info(`Pushed ${name}@${digest} (${result.reason}; ${uploaded.length} of ${result.blobs.length} blobs uploaded)`);
  } else {
    core.info(`Not pushed: ${result.reason} (${name}@${digest})`);
  }
  if (signed)
    core.info(
      `Signed as ${signed.identity} (${inputs.signing?.format}): ${signed.signatureRef}${signed.rekorLogIndex ? `, Rekor log index ${signed.rekorLogIndex}` : ''}`,
    );
  for (const a of attached)
    core.info(
      `Attached ${a.source === 'generated' ? `a generated ${a.format} SBOM` : `${a.source} (${a.format})`}: ${name}@${a.referrer.digest}${a.attestation ? `, attested: ${name}@${a.attestation.digest}` : ''}`,
    );
  for (const t of result.tags) core.info(`${t.changed ? 'Tagged' : 'Already tagged'} ${name}:${t.tag}`);

  core.setOutput('pushed', String(result.pushed));
  // As the D2 push action: digests only for a new push, so `if: steps.push.outputs.pushed` signs exactly that.
  core.setOutput('digest', result.pushed ? digest : '');
  core.setOutput('digest-url', result.pushed ? `${name}@${digest}` : '');
  core.setOutput('tags', JSON.stringify(tags));
  core.setOutput('signature-ref', signed?.signatureRef ?? '');
  core.setOutput('rekor-log-index', signed?.rekorLogIndex ?? '');
  core.setOutput('referrers', referrersOutput(attached));

  const uploadedBytes = result.blobs.filter((b) => b.result === 'uploaded').reduce((sum, b) => sum + b.descriptor.size, 0);
  core.appendSummary(
    [
      '### Flux artifact',
      '',
      '| Repository | Tags | Digest | Size | Result | Signature |',
      '|---|---|---|---|---|---|',
      `| ${cell(name)} | ${cell(tags.join(', '))} | \`${shortDigest(digest)}\` | ${formatBytes(result.layer.size)} (${result.layer.files} files) | ${result.pushed ? 'pushed' : 'skipped'}: ${cell(result.reason)} | ${signatureCell(signed, result.pushed, inputs.signing?.format)} |`,
      '',
      result.pushed
        ? `Uploaded ${formatBytes(uploadedBytes)}; ${result.blobs.filter((b) => b.result === 'exists').length} blob(s) were already there.`
        : '',
      ...(attached.length
        ? [
            '',
            `Attached: ${attached.map((a) => `${a.source === 'generated' ? `${a.format} SBOM (generated)` : `${cell(a.source)} (${a.format})`}${a.attestation ? ', attested' : ''}`).join('; ')}.`,
          ]
        : []),
    ].join('\n'),
  );
}
