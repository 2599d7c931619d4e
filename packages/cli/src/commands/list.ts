import { ListFilterError, listArtifacts, locationName } from '@d2ci/core';
import { parseFlags, registryFlags } from '../flags.ts';
import { openLocation, explainAuth } from '../registry.ts';
import { usageError } from '../fields.ts';
import { data, outputFormat, structured, table, type Io } from '../output.ts';

export const listHelp = `Usage: d2ci list URL [flags]

List a repository's artifacts (tags) with digest, source and revision, as flux list artifacts does.
Signature (.sig/.att/.sbom) and referrers-index tags are hidden unless --all.

Flags:
      --filter-semver RANGE  only tags that are semver versions in RANGE (e.g. ">=1.0.0")
      --filter-regex RE      only tags matching RE
      --all                  include signature and referrers-index tags
      --creds USER:PASS      registry credentials
      --provider NAME        generic (default), aws, gcp or azure
                             (--aws-role-arn, --gcp-workload-identity-provider, --azure-client-id with the job's
                             OIDC token; else the cloud credentials already here: AWS SDK chain, gcloud ADC, az)
      --insecure-registry    plain HTTP to the registry
  -o, --output json|yaml     print an array (JSON or YAML)`;

export async function list(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('list', args, {
    ...registryFlags,
    'filter-semver': { type: 'string' },
    'filter-regex': { type: 'string' },
    all: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
  });
  if (values.help) {
    io.out(listHelp);
    return 0;
  }
  const format = outputFormat(values.output);
  const opened = openLocation(positionals[0], values, io.err);
  let artifacts;
  try {
    artifacts = await listArtifacts(opened.target, {
      semver: values['filter-semver'],
      regex: values['filter-regex'],
      all: values.all,
      onUnreadable: (tags) => tags.forEach((t) => io.err(`⚠ ${data(t.tag)} skipped: ${data(t.reason)}`)),
    });
  } catch (err) {
    if (err instanceof ListFilterError) throw usageError(err) ?? err;
    throw await explainAuth(opened, err);
  }
  if (format) {
    structured(io, format, artifacts);
    return 0;
  }
  const name = locationName(opened.location);
  io.out(
    table([
      ['ARTIFACT', 'DIGEST', 'SOURCE', 'REVISION'],
      ...artifacts.map((a) => [`${name}:${a.tag}`, a.digest, a.source ?? '', a.revision ?? '']),
    ]),
  );
  return 0;
}
