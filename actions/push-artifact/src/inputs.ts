import { isValidTag, tagRule, type Location } from '@d2ci/core';
import {
  InputError,
  booleanInput,
  integerInput,
  defaultRevision,
  defaultSource,
  githubContext,
  keyValueInput,
  linesInput,
  listInput,
  registryInputs,
  repositoryInput,
  signingInputs,
  stringInput,
  workspacePath,
  type GitHubContext,
  type RegistryInputs,
  type SigningInputs,
} from '@d2ci/action-kit';

export interface Inputs {
  location: Location;
  repository: string;
  path: string;
  pathInput: string;
  /** A glob of component directories (relative to the workspace), instead of `path`. */
  components: string | undefined;
  concurrency: number;
  plan: boolean;
  diffTag: string | undefined;
  tags: string[];
  ignorePaths: string[] | undefined;
  annotations: Record<string, string>;
  source: string;
  revision: string;
  reproducible: boolean;
  resolveSymlinks: boolean;
  sourceIgnore: boolean;
  registry: RegistryInputs;
  signing: SigningInputs | undefined;
  /** Documents to attach as referrers: a generated SBOM and user files. */
  documents: { sbom: 'cyclonedx' | 'spdx' | undefined; files: string[]; attest: boolean };
  context: GitHubContext;
}

function tag(input: string, value: string): string {
  if (!isValidTag(value)) throw new InputError(input, `"${value}" is not a valid tag: use ${tagRule}`);
  return value;
}

/** Reads and validates every input before anything touches a registry. */
export function getInputs(): Inputs {
  const context = githubContext();
  const repository = stringInput('repository', { required: true });
  const location = repositoryInput('repository', repository);
  const components = stringInput('components') || undefined;
  const pathInput = stringInput('path', { fallback: '.' });
  // `./` and `.` both mean the default (the D2 workflows write `path: "./"`).
  if (components && (pathInput.replace(/\/+$/, '') || '.') !== '.')
    throw new InputError('components', 'give `path` or `components`, not both');
  if (components && (components.startsWith('/') || components.split('/').includes('..')))
    throw new InputError('components', `"${components}" must be a glob inside the workspace, e.g. components/*`);
  const plan = booleanInput('plan', false);
  if (plan && !components) throw new InputError('plan', 'needs `components`: it lists which of them changed');
  const path = workspacePath('path', pathInput, context);
  const diffTag = stringInput('diff-tag') || undefined;
  if (diffTag) tag('diff-tag', diffTag);
  const tags = listInput('tags').map((t) => tag('tags', t));
  const ignore = linesInput('ignore-paths');
  const source = stringInput('source') || defaultSource(context);
  const revision = stringInput('revision') || defaultRevision(context);
  if (!source) throw new InputError('source', 'is empty and GITHUB_REPOSITORY is not set; pass the source repository URL');
  if (!revision) throw new InputError('revision', 'is empty and GITHUB_REF/GITHUB_SHA are not set; pass e.g. main@sha1:<commit>');
  const sbom = stringInput('sbom') || undefined;
  if (sbom !== undefined && sbom !== 'cyclonedx' && sbom !== 'spdx') throw new InputError('sbom', `"${sbom}" is not cyclonedx or spdx`);
  const files = linesInput('attach').map((file) => workspacePath('attach', file, context));
  if (files.length && components)
    throw new InputError('attach', 'goes with `path` (one artifact); with `components`, generate an SBOM per component with `sbom`');
  const attest = booleanInput('attest', false);
  const signing = plan ? undefined : signingInputs(context);
  if (attest && !signing) throw new InputError('attest', 'needs signing (`sign: true`, the default, keyless or with `signing-key`)');
  if (attest && signing?.kind === 'notation')
    throw new InputError(
      'attest',
      'makes Sigstore attestations; with `signature-format: notation` attach the documents unsigned, or sign in a cosign format',
    );
  if (attest && !sbom && !files.length) throw new InputError('attest', 'has nothing to attest: add `sbom` or `attach`');
  return {
    location,
    repository,
    path,
    pathInput,
    components,
    concurrency: integerInput('concurrency', 6),
    plan,
    diffTag,
    tags,
    ignorePaths: ignore.length ? ignore : undefined,
    annotations: keyValueInput('annotations'),
    source,
    revision,
    reproducible: booleanInput('reproducible', false),
    resolveSymlinks: booleanInput('resolve-symlinks', false),
    sourceIgnore: booleanInput('source-ignore', false),
    registry: registryInputs(),
    signing,
    documents: { sbom, files, attest },
    context,
  };
}
