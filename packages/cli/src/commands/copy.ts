import { copyArtifact, copyErrorSide, isValidTag, tagRule, ProtectedTagError, CopyError } from '@d2ci/core';
import { parseFlags, splitList } from '../flags.ts';
import { openLocation, explainAuth, type Opened } from '../registry.ts';
import { flagNames } from '../fields.ts';
import { UsageError } from '../errors.ts';
import { outputFormat, type Io } from '../output.ts';
import { readVerifyFlags } from './verify-flags.ts';
import { copyFlags, gateRequested, sideValues } from './copy-flags.ts';
import { printCopy } from './copy-output.ts';

export const copyHelp = `Usage: d2ci copy SRC DST [--tag T…] [flags]

Copy an artifact with everything that vouches for it — its OCI referrers, recursively (Sigstore bundles,
attestations, SBOMs, VEX, Notary Project signatures, and their signatures) and cosign's sha256-<hex>.sig/.att/.sbom
tags — between any two places: registry ↔ registry (other hosts, other credentials), registry ↔ oci-layout:DIR.
Blobs the destination has are skipped (mounted on the same registry); referrers are written the way the
destination lists them (its referrers API, else the sha256-<hex> tag index). The destination tags move last, so
they never name an artifact whose content or signatures are missing. Copying again writes nothing.

Tags: DST's tag, else SRC's (none when SRC is a digest), plus every --tag.

Flags:
      --tag T                  another destination tag (repeatable, comma-separated), e.g. latest-stable
      --force T                let --tag move these protected tags: latest-stable, an existing release version
      --no-referrers           copy the artifact only (no referrers, no cosign tags)
      --from-creds USER:PASS   source registry credentials (sent to the source host only)
      --from-provider NAME     source provider: generic (default), aws, gcp or azure
      --to-creds USER:PASS     destination registry credentials (sent to the destination host only)
      --to-provider NAME       destination provider: generic (default), aws, gcp or azure
      --aws-role-arn, --aws-region, --gcp-…, --azure-…   the cloud provider's options, for the side that uses it
      --insecure-registry      plain HTTP to the registries
      --timeout SECONDS        per-request timeout (default 30; retries stop after 3 × this)
  -o, --output json|yaml       print what was copied: digest, tags, referrers by kind, blobs, bytes

Require a verified source (promotion gates on it; nothing is written unless it verifies): d2ci verify's flags —
--key FILE or --certificate-identity(-regexp) ID [--certificate-oidc-issuer(-regexp) ISS] [--trusted-root FILE],
--signature-format, --flux-version, --require-attestations, -a KEY=REGEXP, --flux-manifest FILE, or
--notation-trust-policy FILE --notation-trust-store DIR. See d2ci verify --help.`;

/** A refusal in the CLI's words: a protected tag names --tag/--force; a registry failure, with its side's flags. */
async function copyError(from: Opened, to: Opened, err: unknown): Promise<unknown> {
  if (err instanceof ProtectedTagError) return new UsageError(`${flagNames[err.field ?? 'tags']}: ${err.message}`);
  if (err instanceof CopyError) return err;
  const side = copyErrorSide(err) === 'source' ? 'from' : 'to';
  return explainAuth(side === 'from' ? from : to, err, undefined, `pass --${side}-creds user:password, or run docker login`);
}

export async function copy(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('copy', args, copyFlags, 2);
  if (values.help) {
    io.out(copyHelp);
    return 0;
  }
  const format = outputFormat(values.output);
  const tags = splitList(values.tag);
  for (const t of tags) if (!isValidTag(t)) throw new UsageError(`--tag "${t}" is invalid: ${tagRule}`);
  if (positionals.length < 2)
    throw new UsageError(
      'd2ci copy takes SRC and DST, e.g. d2ci copy ghcr.io/acme/app:v1.2.3 oci://123456789012.dkr.ecr.eu-west-1.amazonaws.com/app',
    );
  const verify = gateRequested(values) ? await readVerifyFlags(values) : undefined;
  const from = openLocation(positionals[0], sideValues(values, 'from'), io.err);
  const to = openLocation(positionals[1], sideValues(values, 'to'), io.err);
  const result = await copyArtifact({
    source: from,
    destination: to,
    tags,
    force: splitList(values.force),
    referrers: !values['no-referrers'],
    // The destination's credentials mount from the source repository only when they are the source's too.
    mount: values['from-creds'] === values['to-creds'] && values['from-provider'] === values['to-provider'],
    ...(verify ? { verify } : {}),
  }).catch(async (err: unknown) => {
    throw await copyError(from, to, err);
  });
  printCopy(io, result, format);
  return 0;
}
