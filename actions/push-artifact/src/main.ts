import { ArtifactPathError, OciError, UntaggedSigningError, networkErrorCode, openTarget, pushArtifact, signBeforeTagging, withAuthHint, locationName, type PushArtifactResult } from '@d2ci/core';
import { InputError, cell, formatBytes, registrySession, runner as core, shortDigest } from '@d2ci/action-kit';
import type { Inputs } from './inputs.ts';

export async function run(inputs: Inputs): Promise<void> {
  const { client, credentials } = registrySession(inputs.registry, inputs.context, inputs.location);
  const target = openTarget(inputs.location, client);
  const name = locationName(inputs.location);
  const signing = inputs.signing && signBeforeTagging(target, { identity: inputs.signing.identity, format: inputs.signing.format, repository: name });
  let result: PushArtifactResult;
  try {
    result = await pushArtifact({
      path: inputs.path,
      target,
      tags: inputs.tags,
      diffTag: inputs.diffTag,
      ignorePaths: inputs.ignorePaths,
      sourceIgnore: inputs.sourceIgnore,
      resolveSymlinks: inputs.resolveSymlinks,
      source: inputs.source,
      revision: inputs.revision,
      reproducible: inputs.reproducible,
      annotations: inputs.annotations,
      tempDir: inputs.context.runnerTemp,
      // Between the manifest (stored by digest) and the tags: a tag never points at an unsigned artifact.
      beforeTag: signing?.beforeTag,
    });
  } catch (err) {
    if (err instanceof UntaggedSigningError) throw err;
    if (err instanceof ArtifactPathError) throw new InputError('path', `${err.message.replace(/^path "[^"]*" /, `"${inputs.pathInput}" `)}; check \`path\`${/symlink/.test(err.message) ? ' (or leave `resolve-symlinks` off)' : ' and `ignore-paths`'}`);
    if (err instanceof OciError && err.code === 'NETWORK' && networkErrorCode(err.cause) === 'ENOTFOUND') {
      throw new InputError('repository', `${err.message} in "${inputs.repository}"`);
    }
    if (inputs.location.kind === 'registry') {
      const { registry, repository } = inputs.location.reference;
      throw withAuthHint(err, { registry, repository, hasCredentials: (await credentials(registry)) !== undefined, vocabulary: 'action' });
    }
    throw err;
  }

  const digest = result.descriptor.digest;
  const tags = result.tags.map((t) => t.tag);
  const signed = signing?.result();
  core.info(`Packed ${result.layer.files} files from ${inputs.pathInput}: ${formatBytes(result.layer.size)} (layer ${result.layer.digest})`);
  if (result.pushed) {
    const uploaded = result.blobs.filter((b) => b.result !== 'exists');
    core.info(`Pushed ${name}@${digest} (${result.reason}; ${uploaded.length} of ${result.blobs.length} blobs uploaded)`);
  } else {
    core.info(`Not pushed: ${result.reason} (${name}@${digest})`);
  }
  if (signed) core.info(`Signed as ${signed.identity} (${inputs.signing?.format}): ${signed.signatureRef}${signed.rekorLogIndex ? `, Rekor log index ${signed.rekorLogIndex}` : ''}`);
  for (const t of result.tags) core.info(`${t.changed ? 'Tagged' : 'Already tagged'} ${name}:${t.tag}`);

  core.setOutput('pushed', String(result.pushed));
  // As the D2 push action: digests only for a new push, so `if: steps.push.outputs.pushed` signs exactly that.
  core.setOutput('digest', result.pushed ? digest : '');
  core.setOutput('digest-url', result.pushed ? `${name}@${digest}` : '');
  core.setOutput('tags', JSON.stringify(tags));
  core.setOutput('signature-ref', signed?.signatureRef ?? '');
  core.setOutput('rekor-log-index', signed?.rekorLogIndex ?? '');

  const uploadedBytes = result.blobs.filter((b) => b.result === 'uploaded').reduce((sum, b) => sum + b.descriptor.size, 0);
  const signature = signed ? `${inputs.signing?.format} signature by \`${cell(signed.identity)}\`${signed.rekorLogIndex ? ` (Rekor #${signed.rekorLogIndex})` : ''}` : result.pushed ? 'not signed (`sign: false`)' : 'already signed when pushed';
  core.appendSummary(
    [
      '### Flux artifact',
      '',
      '| Repository | Tags | Digest | Size | Result | Signature |',
      '|---|---|---|---|---|---|',
      `| ${cell(name)} | ${cell(tags.join(', '))} | \`${shortDigest(digest)}\` | ${formatBytes(result.layer.size)} (${result.layer.files} files) | ${result.pushed ? 'pushed' : 'skipped'}: ${cell(result.reason)} | ${signature} |`,
      '',
      result.pushed ? `Uploaded ${formatBytes(uploadedBytes)}; ${result.blobs.filter((b) => b.result === 'exists').length} blob(s) were already there.` : '',
    ].join('\n'),
  );
}
