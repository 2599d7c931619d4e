import { parseReleaseTag, parseRollbackTag, ReleaseTagError, type Location, type ReleaseTag, type WalkOptions } from '@d2ci/core';
import { defaultReleasePath, type ReleasePlan } from '@d2ci/core/release';
import {
  InputError,
  booleanInput,
  cosignSigningInputs,
  defaultRevision,
  defaultSource,
  githubContext,
  inputNames,
  linesInput,
  registryInputs,
  repositoryInput,
  stringInput,
  workspacePath,
  type GitHubContext,
  type RegistryInputs,
} from '@d2ci/action-kit';
import { productionVerification, stagingVerification } from './policies.ts';

export interface Inputs {
  /** The repository input; a component's release goes to `<repository>/<component>` (core's releaseLocation). */
  repository: Location;
  plan: ReleasePlan;
  registry: RegistryInputs;
  context: GitHubContext;
}

/** Reads and validates every input (and loads trust material) before anything touches a registry. */
export async function getInputs(): Promise<Inputs> {
  const context = githubContext();
  const repository = repositoryInput('repository', stringInput('repository', { required: true }));
  const rollbackTo = stringInput('rollback-to') || undefined;
  const mode = stringInput('mode', { fallback: 'promote' });
  if (mode !== 'promote' && mode !== 'build') throw new InputError('mode', `"${mode}" is not promote or build`);
  const plan = rollbackTo ? await rollbackPlan(rollbackTo, context) : await releasePlan(mode, context);
  return { repository, plan, registry: registryInputs(), context };
}

async function rollbackPlan(value: string, context: GitHubContext): Promise<ReleasePlan> {
  const release = parseTag(() => parseRollbackTag(value, stringInput('tag-pattern') || undefined), true);
  const verification = await productionVerification(context);
  moveInputs(context, 'rollback'); // checked as for a release, though a rollback uses none of them
  return { kind: 'rollback', release, verification };
}

async function releasePlan(mode: 'promote' | 'build', context: GitHubContext): Promise<ReleasePlan> {
  const refInput = stringInput('ref');
  const ref = refInput || (context.ref.startsWith('refs/tags/') ? context.ref.slice('refs/tags/'.length) : '');
  if (!ref)
    throw new InputError(
      'ref',
      'is empty and this run is not for a tag; run on `push: tags` or pass the release tag, e.g. frontend/v1.2.3',
    );
  const release = parseTag(() => parseReleaseTag(ref, stringInput('tag-pattern') || undefined), Boolean(refInput));
  const pathInput = stringInput('path');
  const path = pathInput || defaultReleasePath(release);
  if (mode === 'build') {
    const tree = workspacePath('path', path, context);
    return { kind: 'build', release, path: tree, walk: walkInputs(), ...moveInputs(context, 'build') };
  }
  const verification = await stagingVerification(context);
  // Content comparison needs the tagged tree; a fleet release without a checkout still matches by revision.
  const tree = pathInput || release.component ? workspacePath('path', path, context) : workspaceOptional(path, context);
  return { kind: 'promote', release, verification, ...(tree ? { path: tree } : {}), walk: walkInputs(), ...moveInputs(context, 'promote') };
}

/** What the tree packs, with push-artifact's inputs of the same names (so promote compares what push published). */
function walkInputs(): WalkOptions {
  const ignore = linesInput('ignore-paths');
  return {
    ignorePaths: ignore.length ? ignore : undefined,
    sourceIgnore: booleanInput('source-ignore', false),
    resolveSymlinks: booleanInput('resolve-symlinks', false),
  };
}

/**
 * A tag that does not parse, as the input to fix: a pushed tag (no `ref` input) cannot change, so the pattern is
 * to blame; a rollback's target says what to give instead.
 */
function parseTag(parse: () => ReleaseTag, refGiven: boolean): ReleaseTag {
  try {
    return parse();
  } catch (err) {
    if (!(err instanceof ReleaseTagError)) throw err;
    if (err.field === 'rollback-to')
      throw new InputError(inputNames['rollback-to'], `${err.problem}; give the release to return to, e.g. v1.2.3 or frontend/v1.2.3`);
    throw new InputError(inputNames[err.field === 'ref' && !refGiven ? 'tag-pattern' : err.field], err.message);
  }
}

/** What a release that moves tags reads after its plan: the build's annotations, the commit, downgrades, signing. */
function moveInputs(context: GitHubContext, kind: ReleasePlan['kind']) {
  const source = stringInput('source') || defaultSource(context);
  const revision = stringInput('revision') || defaultRevision(context);
  if (kind === 'build' && (!source || !revision))
    throw new InputError(source ? 'revision' : 'source', 'is empty and the GitHub context does not say; pass it');
  return {
    source,
    revision,
    commit: (stringInput('commit') || context.sha).toLowerCase(),
    allowDowngrade: booleanInput('allow-downgrade', false),
    signing: kind === 'rollback' ? undefined : cosignSigningInputs(context),
  };
}

/** `.` for a fleet release: the checkout if there is one, else no content comparison. */
function workspaceOptional(value: string, context: GitHubContext): string | undefined {
  try {
    return workspacePath('path', value, context);
  } catch {
    return undefined;
  }
}
