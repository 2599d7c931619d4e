import { ArtifactPathError, ReleaseRefused, SigningConfigError } from '@d2ci/core';
import { releaseLocation, runRelease } from '@d2ci/core/release';
import { parseFlags } from '../flags.ts';
import { openLocation, explainAuth } from '../registry.ts';
import { usageError } from '../fields.ts';
import { outputFormat, type Io } from '../output.ts';
import { readReleaseFlags, releaseFlags, releaseMode } from './release-flags.ts';
import { printRelease } from './release-output.ts';
import { withContentPath } from '../content-path.ts';

export const releaseHelp = `Usage: d2ci release oci://HOST/REPO --ref <git tag> [flags]

Release a version: tag vX.Y.Z and move latest-stable. For <component>/vX.Y.Z tags the artifact is REPO/<component>.
promote (default) finds the artifact staging published for the tagged commit, verifies its signature, signs it
again and tags it (no upload); build packs, pushes, signs and tags. The release signature is written in
--signature-format and in every format the digest already carries (a .sig, a Sigstore bundle or attestation by
any identity): Flux 2.8+ reads only bundles once any exists and Flux 2.6/2.7 only the .sig, so each must find
one by the release identity. It is then verified as every Flux version 2.6–2.9 would, before any tag moves.
Refusals (a version pointing elsewhere, a latest-stable downgrade, an unverified artifact) exit 1 with the
reason, and nothing moves.

Flags:
      --ref TAG                      the release tag (vX.Y.Z or <component>/vX.Y.Z)
      --tag-pattern RE               release tag pattern with (?<version>…) and optional (?<component>…) groups
      --mode M                       promote (default) or build
  -f, --path DIR                     the tagged tree (default components/<component>, or .), or - for one YAML
                                     stream from stdin (as push --path -)
      --ignore-paths P, --add-ignore-paths P, --source-ignore, --resolve-symlinks
                                     what the tree packs, as given to push (promote compares that content)
      --commit SHA                   the tagged commit (default: what --ref names in the git checkout)
      --source URL, --revision REV   annotations for build mode (default: from git)
      --allow-downgrade              allow moving latest-stable to a lower version
      --rollback-to vX.Y.Z           instead, move latest-stable back to this verified earlier release
                                     (<component>/vX.Y.Z for REPO/<component>)
  Verification of the staging artifact (promote) or the release (rollback-to):
      --certificate-identity(-regexp) X, --certificate-oidc-issuer(-regexp) Y, --trusted-root FILE, --verify-key PUBFILE,
      --certificate-github-workflow-repository OWNER/REPO (the repository whose run signed; use with reusable workflows)
  Signing (release identity): --sign (keyless) or --key FILE, --signature-format (legacy default, bundle, both;
      widened to the formats the digest carries), --identity-token, --fulcio-url, --rekor-url, --timestamp-server-url,
      --signature-annotation K=V (signed into the release signature, as cosign sign -a; repeatable)
  Registry: --creds USER:PASS, --provider NAME, --insecure-registry
  -o, --output json|yaml             print the result as JSON or YAML (signatureFormats: what the release signature was
                                     written as, e.g. ["legacy","bundle"])`;

/** `d2ci release`: flags → one release plan → core → lines on stderr (or JSON on stdout). */
export async function release(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('release', args, releaseFlags);
  if (values.help) {
    io.out(releaseHelp);
    return 0;
  }
  const format = outputFormat(values.output);
  const mode = releaseMode(values.mode);
  const opened = openLocation(positionals[0], values, io.err);
  const plan = await readReleaseFlags(values, mode, opened.location);
  const to = { repository: opened.location, client: opened.client };
  const started =
    plan.kind === 'rollback'
      ? runRelease({ ...plan, ...to })
      : withContentPath(plan.path, '.', io, (path) => runRelease({ ...plan, path, ...to }));
  const result = await started.catch(async (err: unknown) => {
    if (err instanceof ReleaseRefused) throw err;
    // As the action names its `path` input, and push, diff and build their --path.
    if (err instanceof ArtifactPathError || err instanceof SigningConfigError) throw usageError(err) ?? err;
    // Explained at the repository the release went to (a component's, for its tags).
    throw await explainAuth(opened, err, releaseLocation(opened.location, plan.release));
  });
  printRelease(io, result, format);
  return 0;
}
