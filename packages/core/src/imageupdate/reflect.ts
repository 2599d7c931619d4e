import { parseReference } from '../oci/reference.ts';
import { mapLimit } from '../oci/concurrency.ts';
import type { RegistryClient } from '../oci/registry.ts';
import type { ImagePolicyObject, ImageRepositoryObject } from './objects.ts';
import { PolicyError, compileImagePolicy, orderTags, selectTag } from './policy.ts';

/** `status.latestRef` of an ImagePolicy. */
export interface LatestRef {
  name: string;
  tag: string;
  digest?: string;
}

export type PolicyOutcome =
  | { policy: ImagePolicyObject; repository: ImageRepositoryObject; ok: true; latestRef: LatestRef; tags: number }
  | { policy: ImagePolicyObject; repository?: ImageRepositoryObject; ok: false; error: string; kind: 'invalid' | 'registry' | 'missing' };

export interface ReflectOptions {
  repositories: readonly ImageRepositoryObject[];
  policies: readonly ImagePolicyObject[];
  /** The client to scan an ImageRepository with (its `provider` and `insecure` decide credentials and scheme). */
  clientFor: (repository: ImageRepositoryObject) => RegistryClient;
  concurrency?: number;
}

const key = (namespace: string, name: string): string => `${namespace}/${name}`;

/**
 * What image-reflector-controller would put in each policy's `status.latestRef`: the repository's tags (listed
 * once per ImageRepository, exclusion list applied, sorted descending byte-wise as the controller stores them),
 * the policy's selection, and the digest when `digestReflectionPolicy` asks for it. CI has no previous status,
 * so `IfNotPresent` and `Always` both resolve the digest. One policy failing does not stop the others.
 */
export async function reflectPolicies(options: ReflectOptions): Promise<PolicyOutcome[]> {
  const repositories = new Map(options.repositories.map((r) => [key(r.namespace, r.name), r]));
  const scans = new Map<string, Promise<string[]>>();
  const scan = (repository: ImageRepositoryObject): Promise<string[]> => {
    const id = key(repository.namespace, repository.name);
    let tags = scans.get(id);
    if (!tags) {
      const reference = parseReference(repository.image);
      tags = options.clientFor(repository).repository(reference).tags();
      tags.catch(() => undefined);
      scans.set(id, tags);
    }
    return tags;
  };
  return mapLimit(options.policies, options.concurrency ?? 8, async (policy): Promise<PolicyOutcome> => {
    const repository = repositories.get(key(policy.imageRepositoryRef.namespace, policy.imageRepositoryRef.name));
    if (!repository)
      return {
        policy,
        ok: false,
        kind: 'missing',
        error: `ImageRepository ${key(policy.imageRepositoryRef.namespace, policy.imageRepositoryRef.name)} not found`,
      };
    let reference;
    try {
      reference = parseReference(repository.image);
      // As the controller, a policy that cannot work fails before any registry is asked.
      compileImagePolicy(policy.policy, policy.filterTags);
    } catch (err) {
      return {
        policy,
        repository,
        ok: false,
        kind: 'invalid',
        error: err instanceof PolicyError ? err.message : `ImageRepository ${repository.name}: ${(err as Error).message}`,
      };
    }
    let listed: string[];
    try {
      listed = await scan(repository);
    } catch (err) {
      return {
        policy,
        repository,
        ok: false,
        kind: 'registry',
        error: `cannot list the tags of ${repository.image}: ${(err as Error).message}`,
      };
    }
    let tags: string[];
    let tag: string;
    try {
      tags = orderTags(listed, repository.exclusionList);
      tag = selectTag(policy.policy, policy.filterTags, tags);
    } catch (err) {
      return { policy, repository, ok: false, kind: 'invalid', error: (err as Error).message };
    }
    const latestRef: LatestRef = { name: repository.image, tag };
    if (policy.digestReflectionPolicy !== 'Never') {
      try {
        latestRef.digest = (
          await options.clientFor(repository).repository({ registry: reference.registry, repository: reference.repository }).resolve(tag)
        ).digest;
      } catch (err) {
        return {
          policy,
          repository,
          ok: false,
          kind: 'registry',
          error: `cannot resolve the digest of ${repository.image}:${tag}: ${(err as Error).message}`,
        };
      }
    }
    return { policy, repository, ok: true, latestRef, tags: tags.length };
  });
}
