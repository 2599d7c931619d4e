import { OciError } from '../oci/errors.ts';
import { isGitHubRegistry } from './github.ts';
import type { ProviderName } from './provider-names.ts';

/** How to phrase a fix: the action's input names, or the CLI's flags. */
export type Vocabulary = 'action' | 'cli';

/** What a cloud identity needs to push, when its registry refuses it. */
const cloudPermissions: Record<Exclude<ProviderName, 'generic'>, (registry: string, repository: string) => string> = {
  aws: (_registry, repository) =>
    `the AWS identity needs ecr:BatchCheckLayerAvailability, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:PutImage and ecr:BatchGetImage on the repository ${repository}, which must exist`,
  gcp: (_registry, repository) =>
    `the Google identity needs roles/artifactregistry.writer on ${repository} (or Storage write access for Container Registry)`,
  azure: (registry) => `the Azure identity needs the AcrPush role on ${registry}`,
};

const credentialFix: Record<Vocabulary, string> = {
  action: 'set `registry-username` and `registry-password`, or `github-token` for ghcr.io, or log in with docker/login-action',
  cli: 'pass --creds user:password, or run docker login',
};

/**
 * Adds the fix a user needs to a registry auth failure: which permission or input is missing. Other errors
 * come back unchanged.
 */
export function withAuthHint(
  err: unknown,
  context: {
    registry: string;
    repository: string;
    hasCredentials: boolean;
    vocabulary: Vocabulary;
    /** The registry provider in use, for cloud permission hints. */ provider?: ProviderName;
    /** How to give credentials, when the vocabulary's usual words do not fit (`d2ci copy --from-creds`). */
    credentialFix?: string;
  },
): unknown {
  if (!(err instanceof OciError) || (err.status !== 401 && err.status !== 403)) return err;
  const github = isGitHubRegistry(context.registry, process.env.GITHUB_SERVER_URL || undefined);
  let hint: string;
  if (!context.hasCredentials) {
    hint = `no credentials for ${context.registry}: ${context.credentialFix ?? credentialFix[context.vocabulary]}`;
  } else if (github) {
    hint =
      context.vocabulary === 'action'
        ? `add \`permissions: packages: write\` to the job, and give this repository access to the package ${context.repository} (package settings → Manage Actions access)`
        : `use a token with the write:packages scope for ${context.registry}`;
  } else if (context.provider && context.provider !== 'generic') {
    hint = cloudPermissions[context.provider](context.registry, context.repository);
  } else if (err.status === 401) {
    hint = `the registry rejected the credentials for ${context.registry}; check them`;
  } else {
    hint = `the credentials lack permission for ${context.registry}/${context.repository}`;
  }
  return new OciError(err.code, `${err.message}; ${hint}`, { status: err.status, cause: err });
}
