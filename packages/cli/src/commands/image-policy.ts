import { parse } from 'yaml';
import { parseReference, openRegistry, InvalidReferenceError, oneLineMessage } from '@d2ci/core';
import { orderTags, selectTag, type FilterTags, type PolicyChoice } from '@d2ci/core/imageupdate';
import { parseCreds, parseFlags, parseTimeout, splitList } from '../flags.ts';
import { UsageError } from '../errors.ts';
import type { Io } from '../output.ts';

export const imagePolicyHelp = `Usage: d2ci image-policy --policy SPEC [--filter-tags SPEC] [--] TAG...
       d2ci image-policy --policy SPEC [--filter-tags SPEC] --image-repository oci://HOST/REPO

Print the tag Flux's ImagePolicy would select from these tags (exit 0), or Flux's error (exit 1). SPEC is
spec.policy (and spec.filterTags) as JSON or YAML. Tags are ordered as an ImageRepository stores them
(cosign .sig tags excluded, descending byte order), so ties break as in the cluster. Everything after -- is a
tag, even one that starts with "-".

Example:
  d2ci image-policy --policy '{"semver":{"range":">=1.0.0 <2.0.0"}}' -- 1.0.0 1.2.0 2.0.0     → 1.2.0

Flags:
      --policy SPEC                 spec.policy: {"semver":{"range":R}}, {"alphabetical":{"order":"asc|desc"}},
                                    {"numerical":{"order":"asc|desc"}}
      --filter-tags SPEC            spec.filterTags: {"pattern":"^v(?P<v>.*)$","extract":"$v"}
      --image-repository URL        list the tags from a registry instead
      --exclusion-list RE           ImageRepository spec.exclusionList (repeatable; default ^.*\\.sig$)
      --creds USER:PASS, --insecure-registry   registry access for --image-repository`;

function spec<T>(flag: string, text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = parse(text);
  } catch (err) {
    throw new UsageError(`--${flag} is not JSON or YAML: ${oneLineMessage(err, { firstLine: true })}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new UsageError(`--${flag} must be an object, e.g. {"semver":{"range":">=1.0.0"}}`);
  return value as T;
}

export async function imagePolicy(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(
    'image-policy',
    args,
    {
      policy: { type: 'string' },
      'filter-tags': { type: 'string' },
      'image-repository': { type: 'string' },
      'exclusion-list': { type: 'string', multiple: true },
      creds: { type: 'string' },
      'insecure-registry': { type: 'boolean' },
      timeout: { type: 'string' },
    },
    Infinity,
  );
  if (values.help) {
    io.out(imagePolicyHelp);
    return 0;
  }
  const policy = spec<PolicyChoice>('policy', values.policy);
  if (!policy) throw new UsageError('--policy is required, e.g. --policy \'{"semver":{"range":">=1.0.0"}}\'');
  const filterTags = spec<FilterTags>('filter-tags', values['filter-tags']);
  let tags = positionals;
  if (values['image-repository']) {
    if (positionals.length) throw new UsageError('give tags or --image-repository, not both');
    let reference;
    try {
      reference = parseReference(values['image-repository']);
    } catch (err) {
      if (err instanceof InvalidReferenceError) throw new UsageError(`--image-repository: ${err.message}`);
      throw err;
    }
    const { client } = openRegistry({
      ...parseCreds(values.creds),
      registry: reference.registry,
      githubToken: process.env.GITHUB_TOKEN,
      insecure: values['insecure-registry'] === true,
      transport: parseTimeout(values.timeout),
    });
    tags = await client.repository({ registry: reference.registry, repository: reference.repository }).tags();
  } else if (tags.length === 0) {
    throw new UsageError('no tags: give them after --, or --image-repository oci://HOST/REPO');
  }
  try {
    io.out(selectTag(policy, filterTags, orderTags(tags, splitList(values['exclusion-list']))));
  } catch (err) {
    io.err(`✗ ${(err as Error).message}`);
    return 1;
  }
  return 0;
}
