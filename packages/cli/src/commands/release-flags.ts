import { resolve } from 'node:path';
import { parseReleaseTag, parseRollbackTag, ReleaseTagError, type Location, type ReleaseTag } from '@d2ci/core';
import { defaultReleasePath, type ReleasePlan } from '@d2ci/core/release';
import { registryFlags, treeFlags, walkFlags, type Parsed } from '../flags.ts';
import { signatureClaims, signatureFormat, signingFlags, signingIdentity } from '../signing.ts';
import { verificationFlags, verificationFromFlags } from '../verification.ts';
import { gitCommit, gitDefaults } from '../git.ts';
import { flagNames } from '../fields.ts';
import { UsageError } from '../errors.ts';
import { fromStdin } from '../content-path.ts';

export const releaseFlags = {
  ...registryFlags,
  ...signingFlags,
  ...verificationFlags,
  'verify-key': { type: 'string' },
  sign: { type: 'boolean' },
  ref: { type: 'string' },
  'tag-pattern': { type: 'string' },
  mode: { type: 'string' },
  ...treeFlags,
  commit: { type: 'string' },
  source: { type: 'string' },
  revision: { type: 'string' },
  'allow-downgrade': { type: 'boolean' },
  'rollback-to': { type: 'string' },
  output: { type: 'string', short: 'o' },
} as const;

export type ReleaseValues = Parsed<typeof releaseFlags>['values'];

/** `--mode`, checked before the URL is. */
export function releaseMode(value: string | undefined): 'promote' | 'build' {
  const mode = value ?? 'promote';
  if (mode !== 'promote' && mode !== 'build') throw new UsageError(`--mode "${mode}" is not promote or build`);
  return mode;
}

/** A tag that does not parse, blamed on the flag it came from (`--ref`, `--rollback-to` or `--tag-pattern`). */
function parseTag(parse: () => ReleaseTag): ReleaseTag {
  try {
    return parse();
  } catch (err) {
    if (err instanceof ReleaseTagError) throw new UsageError(`${flagNames[err.field]}: ${err.message}`);
    throw err;
  }
}

/** Reads the flags into one release plan, after the URL, in the order the CLI has always refused them. */
export async function readReleaseFlags(values: ReleaseValues, mode: 'promote' | 'build', repository: Location): Promise<ReleasePlan> {
  const given =
    repository.kind === 'registry' ? (repository.reference.tag ?? repository.reference.digest) : (repository.tag ?? repository.digest);
  if (given) throw new UsageError('give the repository without a tag; the version comes from --ref');
  const rollbackTo = values['rollback-to'];
  if (rollbackTo) {
    const release = parseTag(() => parseRollbackTag(rollbackTo, values['tag-pattern']));
    return { kind: 'rollback', release, verification: await verificationFromFlags(values, values['verify-key'], 'verify-key') };
  }
  const ref = values.ref;
  if (!ref) throw new UsageError('--ref is required: the release tag, e.g. v1.2.3 or frontend/v1.2.3');
  const release = parseTag(() => parseReleaseTag(ref, values['tag-pattern']));
  // `-` stays as it is: release.ts reads the stream once the release starts.
  const path = fromStdin(values.path) ? values.path : resolve(values.path ?? defaultReleasePath(release));
  const signing =
    values.sign || values.key
      ? {
          identity: signingIdentity(values),
          format: signatureFormat(values['signature-format']),
          ...signatureClaims(values, true),
        }
      : signatureClaims(values, false) && undefined;
  const allowDowngrade = values['allow-downgrade'];
  if (mode === 'promote') {
    const verification = await verificationFromFlags(values, values['verify-key'], 'verify-key');
    const commit = values.commit ?? (await gitCommit(ref)) ?? process.env.GITHUB_SHA;
    return { kind: 'promote', release, verification, commit, path, walk: walkFlags(values), signing, allowDowngrade };
  }
  const build = await buildMetadata(values, release, path);
  return { kind: 'build', release, path, walk: walkFlags(values), ...build, signing, allowDowngrade };
}

/** `--source` and `--revision`, by default the checkout's, the revision naming the release tag. */
async function buildMetadata(values: ReleaseValues, release: ReleaseTag, path: string): Promise<{ source: string; revision: string }> {
  const defaults = values.source && values.revision ? {} : await gitDefaults(fromStdin(path) ? resolve('.') : path);
  const source = values.source ?? defaults.source;
  const revision = values.revision ?? (defaults.revision ? `refs/tags/${release.ref}@${defaults.revision.split('@')[1]}` : undefined);
  if (!source || !revision) throw new UsageError('--source and --revision are required here (not a git checkout)');
  return { source, revision };
}
