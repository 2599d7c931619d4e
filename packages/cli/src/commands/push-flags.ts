import { resolve } from 'node:path';
import { isValidTag, tagRule, type Location, type PublishOptions, type SbomFormat, type SigningPlan } from '@d2ci/core';
import { parseAnnotations, registryFlags, splitList, treeFlags, walkFlags, type Parsed } from '../flags.ts';
import { notationSigner, signatureClaims, signatureFormat, signingFlags, signingIdentity } from '../signing.ts';
import { UsageError } from '../errors.ts';
import { gitDefaults } from '../git.ts';
import { fromStdin } from '../content-path.ts';

export const pushFlags = {
  ...registryFlags,
  ...treeFlags,
  source: { type: 'string' },
  revision: { type: 'string' },
  tag: { type: 'string', multiple: true },
  force: { type: 'string', multiple: true },
  'diff-tag': { type: 'string' },
  annotation: { type: 'string', short: 'a', multiple: true },
  annotations: { type: 'string', multiple: true },
  reproducible: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  sign: { type: 'boolean' },
  components: { type: 'string' },
  concurrency: { type: 'string' },
  plan: { type: 'boolean' },
  sbom: { type: 'string' },
  attach: { type: 'string', multiple: true },
  attest: { type: 'boolean' },
  ...signingFlags,
} as const;

export type PushValues = Parsed<typeof pushFlags>['values'];

function parseConcurrency(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--concurrency "${value}" must be a whole number from 1 to 64`);
  return n;
}

/** What the flags ask for, checked before anything touches a registry (source and revision come later, from git). */
export interface PushFlags {
  path: string;
  tags: string[];
  /** `--components`: the glob, matched under `path`. */
  components: { root: string; pattern: string; concurrency: number | undefined } | undefined;
  /** Everything but source and revision; `signing` is made by `signing()` once the push starts. */
  options: Omit<PublishOptions, 'source' | 'revision' | 'signing'>;
  documents: { sbom?: SbomFormat; files: string[]; attest: boolean };
  /** The signing plan; a Notation key or plugin is loaded from here (call it when the push starts). */
  signing: () => SigningPlan | undefined;
}

/** Reads and checks the push flags, in the order the CLI has always refused them. */
export function readPushFlags(values: PushValues, location: Location): PushFlags {
  const urlTag = location.kind === 'registry' ? location.reference.tag : location.tag;
  if ((location.kind === 'registry' ? location.reference.digest : location.digest) !== undefined)
    throw new UsageError('push URL must name a tag, not a digest');
  const notation = values['signature-format'] === 'notation';
  const cosign =
    !notation && (values.sign || values.key)
      ? {
          kind: 'cosign' as const,
          identity: signingIdentity(values),
          format: signatureFormat(values['signature-format']),
          ...signatureClaims(values, true),
        }
      : signatureClaims(values, false) && undefined;
  if (values.sbom !== undefined && values.sbom !== 'cyclonedx' && values.sbom !== 'spdx')
    throw new UsageError(`--sbom "${values.sbom}" is not cyclonedx or spdx`);
  // The user's documents describe one artifact; each component gets its own generated SBOM instead.
  if (values.components !== undefined && values.attach)
    throw new UsageError('--attach goes with one artifact (--path); with --components, generate an SBOM per component with --sbom');
  if (values.attest && !cosign) throw new UsageError('--attest signs with Sigstore: add --sign (keyless) or --key');
  const annotations = parseAnnotations([...(values.annotation ?? []), ...(values.annotations ?? [])]);
  const tags = [...(urlTag ? [urlTag] : []), ...splitList(values.tag)];
  for (const t of [...tags, ...(values['diff-tag'] ? [values['diff-tag']] : [])]) {
    if (!isValidTag(t)) throw new UsageError(`tag "${t}" is invalid: ${tagRule}`);
  }
  // `-` stays as it is: the stream is read once the push starts (push.ts, withContentPath).
  const path = fromStdin(values.path) ? values.path : resolve(values.path ?? '.');
  if (fromStdin(path) && values.components !== undefined)
    throw new UsageError('--path - is one YAML stream, and --components globs directories: give --components a directory with --path');
  return {
    path,
    tags,
    components:
      values.components === undefined
        ? undefined
        : { root: path, pattern: values.components, concurrency: parseConcurrency(values.concurrency) },
    options: {
      tags,
      diffTag: values['diff-tag'],
      force: splitList(values.force),
      ...walkFlags(values),
      annotations,
      reproducible: values.reproducible,
    },
    documents: {
      sbom: values.sbom,
      files: (values.attach ?? []).map((file) => resolve(file)),
      attest: values.attest === true,
    },
    signing: () => {
      if (!notation) return cosign;
      const signer = notationSigner(values);
      signer.catch(() => undefined); // awaited by core after the documents are read; a rejection then is the error
      return { kind: 'notation', signer };
    },
  };
}

/** `--source` and `--revision`, defaulting to the git checkout's (or the GitHub job's) as Flux documents them. */
export async function artifactMetadata(values: PushValues, path: string): Promise<{ source: string; revision: string }> {
  // A stream from stdin comes from the checkout the command runs in.
  const defaults = values.source && values.revision ? {} : await gitDefaults(fromStdin(path) ? resolve('.') : path);
  const source = values.source ?? defaults.source;
  const revision = values.revision ?? defaults.revision;
  if (!source) throw new UsageError('--source is required here (no git origin remote found), e.g. --source https://github.com/owner/repo');
  if (!revision) throw new UsageError('--revision is required here (not a git checkout), e.g. --revision main@sha1:<commit>');
  return { source, revision };
}
