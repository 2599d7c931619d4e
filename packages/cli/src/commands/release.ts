import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import {
  childLocation,
  parseRollbackTag,
  locationName,
  openTarget,
  parseReleaseTag,
  releaseArtifact,
  rollbackRelease,
  ReleaseRefused,
  ReleaseTagError,
  type Location,
  type ReleaseResult,
  type ReleaseTag,
} from '@d2ci/core';
import { parseFlags, registryFlags } from '../flags.ts';
import { openLocation, explainAuth } from '../registry.ts';
import { signatureFormat, signingFlags, signingIdentity } from '../signing.ts';
import { verificationFlags, verificationFromFlags } from '../verification.ts';
import { gitDefaults } from '../git.ts';
import { UsageError } from '../errors.ts';
import { json, type Io } from '../output.ts';

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
  -f, --path DIR                     the tagged tree (default components/<component>, or .)
      --commit SHA                   the tagged commit (default: what --ref names in the git checkout)
      --source URL, --revision REV   annotations for build mode (default: from git)
      --allow-downgrade              allow moving latest-stable to a lower version
      --rollback-to vX.Y.Z           instead, move latest-stable back to this verified earlier release
                                     (<component>/vX.Y.Z for REPO/<component>)
  Verification of the staging artifact (promote) or the release (rollback-to):
      --certificate-identity(-regexp) X, --certificate-oidc-issuer(-regexp) Y, --trusted-root FILE, --verify-key PUBFILE,
      --certificate-github-workflow-repository OWNER/REPO (the repository whose run signed; use with reusable workflows)
  Signing (release identity): --sign (keyless) or --key FILE, --signature-format (legacy default, bundle, both;
      widened to the formats the digest carries), --identity-token, --fulcio-url, --rekor-url, --timestamp-server-url
  Registry: --creds USER:PASS, --provider NAME, --insecure-registry
  -o, --output json                  print the result as JSON (signatureFormats: what the release signature was
                                     written as, e.g. ["legacy","bundle"])`;

function child(location: Location, component: string | undefined): Location {
  return component ? childLocation(location, component) : location;
}

function gitCommit(ref: string): string | undefined {
  try {
    return (
      execFileSync('git', ['rev-parse', `${ref}^{commit}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

export async function release(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('release', args, {
    ...registryFlags,
    ...signingFlags,
    ...verificationFlags,
    'verify-key': { type: 'string' },
    sign: { type: 'boolean' },
    ref: { type: 'string' },
    'tag-pattern': { type: 'string' },
    mode: { type: 'string' },
    path: { type: 'string', short: 'f' },
    commit: { type: 'string' },
    source: { type: 'string' },
    revision: { type: 'string' },
    'allow-downgrade': { type: 'boolean' },
    'rollback-to': { type: 'string' },
    output: { type: 'string', short: 'o' },
  });
  if (values.help) {
    io.out(releaseHelp);
    return 0;
  }
  const mode = values.mode ?? 'promote';
  if (mode !== 'promote' && mode !== 'build') throw new UsageError(`--mode "${mode}" is not promote or build`);
  const base = openLocation(positionals[0], values, io.err);
  const baseRef =
    base.location.kind === 'registry'
      ? (base.location.reference.tag ?? base.location.reference.digest)
      : (base.location.tag ?? base.location.digest);
  if (baseRef) throw new UsageError('give the repository without a tag; the version comes from --ref');

  let result: ReleaseResult;
  let name: string;
  if (values['rollback-to']) {
    let to: ReleaseTag;
    try {
      to = parseRollbackTag(values['rollback-to'], values['tag-pattern']);
    } catch (err) {
      if (err instanceof ReleaseTagError) throw new UsageError(`--rollback-to: ${err.message}`);
      throw err;
    }
    const verification = await verificationFromFlags(values, values['verify-key'], 'verify-key');
    const location = child(base.location, to.component);
    name = locationName(location);
    try {
      result = await rollbackRelease({
        target: location === base.location ? base.target : openTarget(location, base.client),
        version: to.version,
        verification,
      });
    } catch (err) {
      if (err instanceof ReleaseRefused) throw new UsageError(`${err.message} (nothing was moved)`);
      throw await explainAuth(base, err);
    }
  } else {
    if (!values.ref) throw new UsageError('--ref is required: the release tag, e.g. v1.2.3 or frontend/v1.2.3');
    let tag;
    try {
      tag = parseReleaseTag(values.ref, values['tag-pattern']);
    } catch (err) {
      if (err instanceof ReleaseTagError) throw new UsageError(`--ref: ${err.message}`);
      throw err;
    }
    const location = child(base.location, tag.component);
    const target = location === base.location ? base.target : openTarget(location, base.client);
    name = locationName(location);
    const path = resolve(values.path ?? (tag.component ? `components/${tag.component}` : '.'));
    const signing =
      values.sign || values.key ? { identity: signingIdentity(values), format: signatureFormat(values['signature-format']) } : undefined;
    try {
      if (mode === 'promote') {
        const verification = await verificationFromFlags(values, values['verify-key'], 'verify-key');
        const commit = values.commit ?? gitCommit(values.ref) ?? process.env.GITHUB_SHA;
        result = await releaseArtifact({
          mode: 'promote',
          target,
          release: tag,
          commit,
          path,
          verification,
          signing,
          allowDowngrade: values['allow-downgrade'],
        });
      } else {
        const defaults = values.source && values.revision ? {} : await gitDefaults(path);
        const source = values.source ?? defaults.source;
        const revision = values.revision ?? (defaults.revision ? `refs/tags/${tag.ref}@${defaults.revision.split('@')[1]}` : undefined);
        if (!source || !revision) throw new UsageError('--source and --revision are required here (not a git checkout)');
        result = await releaseArtifact({
          mode: 'build',
          target,
          release: tag,
          path,
          source,
          revision,
          signing,
          allowDowngrade: values['allow-downgrade'],
        });
      }
    } catch (err) {
      if (err instanceof ReleaseRefused) throw new UsageError(`${err.message} (nothing was moved)`);
      throw await explainAuth(base, err);
    }
  }
  const digest = result.descriptor.digest;
  if (values.output === 'json') {
    json(io, {
      action: result.action,
      version: result.version,
      component: result.component ?? null,
      digest,
      digestUrl: `${name}@${digest}`,
      previousDigest: result.previousDigest ?? null,
      tags: result.tags,
      signatureRef: result.signature?.signatureRef ?? null,
      signatureFormats: result.signature?.formats ?? [],
      notes: result.notes,
    });
  } else {
    for (const note of result.notes) io.err(`  ${note}`);
    io.err(
      `✔ ${result.action}: ${name}:${result.version} → ${digest}${result.previousDigest ? ` (latest-stable was ${result.previousDigest})` : ''}`,
    );
  }
  return 0;
}
