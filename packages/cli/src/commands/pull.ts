import { writeFileSync } from 'node:fs';
import {
  newestAttestation,
  documentMediaTypes,
  fetchReferrerContent,
  predicateTypes,
  pullArtifact,
  locationReference,
  locationName,
  UnsafeArchiveError,
  AmbiguousLayerError,
} from '@d2ci/core';
import { parseFlags, registryFlags, parseSize } from '../flags.ts';
import { openLocation, explainAuth } from '../registry.ts';
import { UsageError } from '../errors.ts';
import { data, json, type Io } from '../output.ts';

export const pullHelp = `Usage: d2ci pull URL --output DIR [flags]
       d2ci pull URL --referrer TYPE [--output FILE]

Pull an artifact and extract its content. The layer is verified against its digest; entries that would
escape DIR, links and special files are refused; nothing is left behind if anything fails.

Flags:
  -o, --output DIR           directory to extract into (required)
      --max-size SIZE        refuse artifacts that unpack to more than SIZE (default 1Gi; e.g. 200Mi)
      --layer-media-type T   extract the first layer of this media type
      --referrer TYPE        instead, fetch a document attached to the artifact: spdx, cyclonedx, openvex, or an
                             artifact type; the newest plain document, else the predicate of a verified-or-not
                             attestation of that type (to stdout, or --output FILE)
      --creds USER:PASS      registry credentials
      --provider NAME        generic (default), aws, gcp or azure
      --insecure-registry    plain HTTP to the registry
      --json                 print {"digest","source","revision","files","bytes"}`;

const documentTypes: Record<string, { mediaType: string; predicateType: string }> = {
  spdx: { mediaType: documentMediaTypes.spdx, predicateType: predicateTypes.spdx },
  cyclonedx: { mediaType: documentMediaTypes.cyclonedx, predicateType: predicateTypes.cyclonedx },
  openvex: { mediaType: documentMediaTypes.openvex, predicateType: predicateTypes.openvex },
};

/** The newest referrer of an artifact type, or the predicate of the newest attestation of the matching predicate type. */
async function pullReferrer(
  type: string,
  positionals: string[],
  values: { output?: string } & Parameters<typeof openLocation>[1],
  io: Io,
): Promise<number> {
  const known = documentTypes[type.toLowerCase()];
  const mediaType = known?.mediaType ?? type;
  const opened = openLocation(positionals[0], values, io.err);
  const reference = locationReference(opened.location) ?? 'latest';
  let content: Buffer | undefined;
  let from = '';
  try {
    const subject = (await opened.target.fetchManifest(reference)).descriptor;
    const referrers = await opened.target.referrers(subject);
    const newest = (list: typeof referrers) =>
      [...list].sort((a, b) =>
        (b.annotations?.['org.opencontainers.image.created'] ?? '').localeCompare(
          a.annotations?.['org.opencontainers.image.created'] ?? '',
        ),
      )[0];
    const plain = newest(referrers.filter((r) => r.artifactType === mediaType));
    if (plain) {
      content = (await fetchReferrerContent(opened.target, plain)).content;
      from = plain.digest;
    } else if (known) {
      const attestation = await newestAttestation(opened.target, subject, known.predicateType);
      if (attestation) {
        if (attestation.predicate === undefined)
          throw new UsageError(`--referrer ${type}: the attestation ${attestation.referrer.digest} holds no in-toto predicate`);
        content = Buffer.from(`${JSON.stringify(attestation.predicate, null, 2)}\n`);
        from = `${attestation.referrer.digest} (attestation; verify it with d2ci verify --require-attestations ${type})`;
      }
    }
  } catch (err) {
    throw await explainAuth(opened, err);
  }
  if (!content) {
    io.err(`✗ no ${type} document is attached to ${locationName(opened.location)}:${reference}`);
    return 1;
  }
  if (values.output) writeFileSync(values.output, content);
  else process.stdout.write(content);
  io.err(`✔ ${type} from ${from}${values.output ? ` written to ${values.output}` : ''}`);
  return 0;
}

export async function pull(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('pull', args, {
    ...registryFlags,
    output: { type: 'string', short: 'o' },
    'max-size': { type: 'string' },
    'layer-media-type': { type: 'string' },
    json: { type: 'boolean' },
    referrer: { type: 'string' },
  });
  if (values.help) {
    io.out(pullHelp);
    return 0;
  }
  if (values.referrer) {
    const conflict = (['layer-media-type', 'max-size'] as const).find((flag) => values[flag] !== undefined);
    if (conflict)
      throw new UsageError(
        `--${conflict} applies to extracting the artifact and conflicts with --referrer, which fetches one attached document`,
      );
    return pullReferrer(values.referrer, positionals, values, io);
  }
  if (!values.output) throw new UsageError('--output is required: the directory to extract into');
  const opened = openLocation(positionals[0], values, io.err);
  const reference = locationReference(opened.location) ?? 'latest';
  io.err(`► pulling artifact from ${locationName(opened.location)}:${reference}`);
  let result;
  try {
    result = await pullArtifact({
      target: opened.target,
      reference,
      output: values.output,
      maxSize: parseSize('max-size', values['max-size']),
      layerMediaType: values['layer-media-type'],
    });
  } catch (err) {
    if (err instanceof UnsafeArchiveError) throw err;
    if (err instanceof AmbiguousLayerError)
      throw new UsageError(`${err.message}${values['layer-media-type'] ? '' : ' (--layer-media-type)'}`);
    throw await explainAuth(opened, err);
  }
  const source = result.annotations['org.opencontainers.image.source'];
  const revision = result.annotations['org.opencontainers.image.revision'];
  if (values.json)
    json(io, {
      digest: result.descriptor.digest,
      source: source ?? null,
      revision: revision ?? null,
      files: result.files,
      bytes: result.bytes,
    });
  else {
    if (source || revision) io.err(`✔ source ${data(source ?? '?')}, revision ${data(revision ?? '?')}`);
    io.err(`✔ extracted ${result.files} files (${result.bytes} bytes) from ${result.descriptor.digest} to ${values.output}`);
  }
  return 0;
}
