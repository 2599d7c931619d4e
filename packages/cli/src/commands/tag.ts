import { tagArtifact, locationReference, locationName, isValidTag, tagRule, ProtectedTagError } from '@d2ci/core';
import { parseFlags, registryFlags, splitList } from '../flags.ts';
import { openLocation, explainAuth } from '../registry.ts';
import { flagNames } from '../fields.ts';
import { UsageError } from '../errors.ts';
import { outputFormat, structured, type Io } from '../output.ts';

export const tagHelp = `Usage: d2ci tag URL --tag T [--tag T…] [flags]

Point more tags at an artifact (URL names it by tag or digest). Only the manifest is copied, so the digest
and its signatures stay valid; a tag that already points there is not written again.

Flags:
      --tag T                tag to set (repeatable, comma-separated)
      --force T              let --tag move these protected tags: latest-stable, an existing release version
                             (sha256-… signature and referrers tags never move)
      --timeout SECONDS      per-request timeout (default 30; retries stop after 3 × this)
      --creds USER:PASS      registry credentials
      --provider NAME        generic (default), aws, gcp or azure
                             (--aws-role-arn, --gcp-workload-identity-provider, --azure-client-id with the job's
                             OIDC token; else the cloud credentials already here: AWS SDK chain, gcloud ADC, az)
      --insecure-registry    plain HTTP to the registry
  -o, --output json|yaml     print {"digest","tags":[{"tag","changed"}]}`;

export async function tag(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('tag', args, {
    ...registryFlags,
    tag: { type: 'string', multiple: true },
    force: { type: 'string', multiple: true },
    output: { type: 'string', short: 'o' },
  });
  if (values.help) {
    io.out(tagHelp);
    return 0;
  }
  const format = outputFormat(values.output);
  const tags = splitList(values.tag);
  if (tags.length === 0) throw new UsageError('--tag is required: the tag(s) to point at the artifact');
  for (const t of tags) if (!isValidTag(t)) throw new UsageError(`--tag "${t}" is invalid: ${tagRule}`);
  const opened = openLocation(positionals[0], values, io.err);
  const reference = locationReference(opened.location);
  if (!reference) throw new UsageError('the URL must name the artifact to tag, by :tag or @digest');
  let result;
  try {
    result = await tagArtifact(opened.target, reference, tags, { force: splitList(values.force) });
  } catch (err) {
    // The message keeps the --force advice the CLI can follow (`problem` leaves it out).
    if (err instanceof ProtectedTagError) throw new UsageError(`${flagNames[err.field ?? 'tags']}: ${err.message}`);
    throw await explainAuth(opened, err);
  }
  if (format) structured(io, format, { digest: result.descriptor.digest, tags: result.tags });
  else
    for (const t of result.tags)
      io.err(`✔ ${locationName(opened.location)}:${t.tag} → ${result.descriptor.digest}${t.changed ? '' : ' (already there)'}`);
  return 0;
}
