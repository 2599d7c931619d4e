import { pullArtifact, locationReference, locationName, UnsafeArchiveError } from '@d2ci/core';
import { parseFlags, registryFlags, parseSize } from '../flags.ts';
import { openLocation, explainAuth } from '../registry.ts';
import { UsageError } from '../errors.ts';
import { json, type Io } from '../output.ts';

export const pullHelp = `Usage: d2ci pull URL --output DIR [flags]

Pull an artifact and extract its content. The layer is verified against its digest; entries that would
escape DIR, links and special files are refused; nothing is left behind if anything fails.

Flags:
  -o, --output DIR           directory to extract into (required)
      --max-size SIZE        refuse artifacts that unpack to more than SIZE (default 1Gi; e.g. 200Mi)
      --layer-media-type T   extract the first layer of this media type
      --creds USER:PASS      registry credentials
      --provider NAME        generic (default), aws, gcp or azure
      --insecure-registry    plain HTTP to the registry
      --json                 print {"digest","source","revision","files","bytes"}`;

export async function pull(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('pull', args, {
    ...registryFlags,
    output: { type: 'string', short: 'o' },
    'max-size': { type: 'string' },
    'layer-media-type': { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    io.out(pullHelp);
    return 0;
  }
  if (!values.output) throw new UsageError('--output is required: the directory to extract into');
  const opened = openLocation(positionals[0], values, io.err);
  const reference = locationReference(opened.location) ?? 'latest';
  io.err(`► pulling artifact from ${locationName(opened.location)}:${reference}`);
  let result;
  try {
    result = await pullArtifact({ target: opened.target, reference, output: values.output, maxSize: parseSize('max-size', values['max-size']), layerMediaType: values['layer-media-type'] });
  } catch (err) {
    if (err instanceof UnsafeArchiveError) throw err;
    throw await explainAuth(opened, err);
  }
  const source = result.annotations['org.opencontainers.image.source'];
  const revision = result.annotations['org.opencontainers.image.revision'];
  if (values.json) json(io, { digest: result.descriptor.digest, source: source ?? null, revision: revision ?? null, files: result.files, bytes: result.bytes });
  else {
    if (source || revision) io.err(`✔ source ${source ?? '?'}, revision ${revision ?? '?'}`);
    io.err(`✔ extracted ${result.files} files (${result.bytes} bytes) from ${result.descriptor.digest} to ${values.output}`);
  }
  return 0;
}
