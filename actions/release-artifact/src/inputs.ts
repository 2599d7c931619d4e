import { parseReleaseTag, parseRollbackTag, ReleaseTagError, type Location, type ReleaseTag, type Verification } from '@d2ci/core';
import {
  InputError,
  booleanInput,
  defaultRevision,
  defaultSource,
  githubContext,
  registryInputs,
  repositoryInput,
  cosignSigningInputs,
  stringInput,
  verificationInputs,
  workspacePath,
  type GitHubContext,
  type RegistryInputs,
  type CosignSigningInputs,
} from '@d2ci/action-kit';

/** What this run does: roll back, or release by promoting or building. */
export type Plan =
  | { kind: 'rollback'; release: ReleaseTag; verification: Verification }
  | { kind: 'promote'; release: ReleaseTag; verification: Verification; path?: string }
  | { kind: 'build'; release: ReleaseTag; path: string };

export interface Inputs {
  base: Location;
  plan: Plan;
  commit: string;
  allowDowngrade: boolean;
  source: string;
  revision: string;
  signing: CosignSigningInputs | undefined;
  registry: RegistryInputs;
  context: GitHubContext;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Reads and validates every input (and loads trust material) before anything touches a registry. */
export async function getInputs(): Promise<Inputs> {
  const context = githubContext();
  const repositoryValue = stringInput('repository', { required: true });
  const base = repositoryInput('repository', repositoryValue);
  const rollbackTo = stringInput('rollback-to') || undefined;
  const modeValue = stringInput('mode', { fallback: 'promote' });
  if (modeValue !== 'promote' && modeValue !== 'build') throw new InputError('mode', `"${modeValue}" is not promote or build`);
  const ownRepo = context.repository ? `https://github\\.com/${escape(context.repository)}/\\.github/workflows/[^@]+` : '.+';

  const commonEnd = (plan: Plan): Inputs => {
    const source = stringInput('source') || defaultSource(context);
    const revision = stringInput('revision') || defaultRevision(context);
    if (plan.kind === 'build' && (!source || !revision))
      throw new InputError(source ? 'revision' : 'source', 'is empty and the GitHub context does not say; pass it');
    return {
      base,
      plan,
      commit: (stringInput('commit') || context.sha).toLowerCase(),
      allowDowngrade: booleanInput('allow-downgrade', false),
      source,
      revision,
      signing: plan.kind === 'rollback' ? undefined : cosignSigningInputs(context),
      registry: registryInputs(),
      context,
    };
  };

  if (rollbackTo) {
    let release: ReleaseTag;
    try {
      release = parseRollbackTag(rollbackTo, stringInput('tag-pattern') || undefined);
    } catch (err) {
      if (err instanceof ReleaseTagError)
        throw new InputError('rollback-to', `${err.problem}; give the release to return to, e.g. v1.2.3 or frontend/v1.2.3`);
      throw err;
    }
    const verification = await verificationInputs(
      {
        identity: 'production-identity',
        identityRegexp: 'production-identity-regexp',
        issuer: 'staging-oidc-issuer',
        issuerRegexp: 'staging-oidc-issuer-regexp',
        key: 'production-key',
        trustedRoot: 'trusted-root',
        sourceRepository: 'certificate-github-workflow-repository',
      },
      context,
      { identityRegexp: `^${ownRepo}@refs/tags/.+$`, sourceRepository: context.repository || undefined },
    );
    return commonEnd({ kind: 'rollback', release, verification });
  }

  const refValue = stringInput('ref') || (context.ref.startsWith('refs/tags/') ? context.ref.slice('refs/tags/'.length) : '');
  if (!refValue)
    throw new InputError(
      'ref',
      'is empty and this run is not for a tag; run on `push: tags` or pass the release tag, e.g. frontend/v1.2.3',
    );
  let release: ReleaseTag;
  try {
    release = parseReleaseTag(refValue, stringInput('tag-pattern') || undefined);
  } catch (err) {
    if (err instanceof ReleaseTagError) throw new InputError(stringInput('ref') ? 'ref' : 'tag-pattern', err.message);
    throw err;
  }
  const pathInput = stringInput('path') || (release.component ? `components/${release.component}` : '.');
  if (modeValue === 'build') return commonEnd({ kind: 'build', release, path: workspacePath('path', pathInput, context) });
  const verification = await verificationInputs(
    {
      identity: 'staging-identity',
      identityRegexp: 'staging-identity-regexp',
      issuer: 'staging-oidc-issuer',
      issuerRegexp: 'staging-oidc-issuer-regexp',
      key: 'staging-key',
      trustedRoot: 'trusted-root',
      sourceRepository: 'certificate-github-workflow-repository',
    },
    context,
    { identityRegexp: `^${ownRepo}@refs/heads/main$`, sourceRepository: context.repository || undefined },
  );
  // Content comparison needs the tagged tree; a fleet release without a checkout still matches by revision.
  const path = stringInput('path') || release.component ? workspacePath('path', pathInput, context) : workspaceOptional(pathInput, context);
  return commonEnd({ kind: 'promote', release, verification, ...(path ? { path } : {}) });
}

/** `.` for a fleet release: the checkout if there is one, else no content comparison. */
function workspaceOptional(value: string, context: GitHubContext): string | undefined {
  try {
    return workspacePath('path', value, context);
  } catch {
    return undefined;
  }
}
