import { pullArtifact, locationReference, locationName, AmbiguousLayerError, UnsafeArchiveError } from '@d2ci/core';
import { pullDocument, DocumentPullError } from '@d2ci/core/documents';
import { parseFlags, registryFlags, parseSize } from '../flags.ts';
import { openLocation, explainAuth, type Opened } from '../registry.ts';
import { usageError } from '../fields.ts';
import { layerUsageError } from '../layer-error.ts';
import { UsageError } from '../errors.ts';
import type { Io } from '../output.ts';
import { printPulled, writeDocument } from './pull-output.ts';

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
                             (--aws-role-arn, --gcp-workload-identity-provider, --azure-client-id with the job's
                             OIDC token; else the cloud credentials already here: AWS SDK chain, gcloud ADC, az)
      --insecure-registry    plain HTTP to the registry
      --json                 print {"digest","source","revision","files","bytes"}`;

/** `--referrer TYPE`: one document attached to the artifact, or exit 1 when none is. */
async function pullReferrer(io: Io, opened: Opened, type: string, output: string | undefined): Promise<number> {
  const reference = locationReference(opened.location) ?? 'latest';
  const document = await pullDocument({ target: opened.target, reference, type }).catch(async (err: unknown) => {
    if (err instanceof DocumentPullError) throw usageError(err, { referrer: `--referrer ${type}` }) ?? err;
    throw await explainAuth(opened, err);
  });
  if (!document) {
    io.err(`✗ no ${type} document is attached to ${locationName(opened.location)}:${reference}`);
    return 1;
  }
  writeDocument(io, type, document, output);
  return 0;
}

/** `d2ci pull`: flags → one pull (or one document) → core → lines on stderr (or JSON on stdout). */
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
    return pullReferrer(io, openLocation(positionals[0], values, io.err), values.referrer, values.output);
  }
  const output = values.output;
  if (!output) throw new UsageError('--output is required: the directory to extract into');
  const opened = openLocation(positionals[0], values, io.err);
  const reference = locationReference(opened.location) ?? 'latest';
  io.err(`► pulling artifact from ${locationName(opened.location)}:${reference}`);
  const layerMediaType = values['layer-media-type'];
  const result = await pullArtifact({
    target: opened.target,
    reference,
    output,
    maxSize: parseSize('max-size', values['max-size']),
    layerMediaType,
  }).catch(async (err: unknown) => {
    if (err instanceof UnsafeArchiveError) throw err;
    if (err instanceof AmbiguousLayerError) throw layerUsageError(err, Boolean(layerMediaType));
    throw await explainAuth(opened, err);
  });
  printPulled(io, result, output, values.json === true ? 'json' : undefined);
  return 0;
}
