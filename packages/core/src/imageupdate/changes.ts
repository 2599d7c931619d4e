// What an image update changed, flat (one row per value, as the `changes` output lists them), for either engine:
// from the setters' result in the checkout, or by running the setters over a commit of the remote.
import { join } from 'node:path';
import type { LatestRef } from './reflect.ts';
import type { UpdateResult } from './result.ts';
import { applySetters, secureJoin, type SetterPolicy } from './setters.ts';
import { openCommit, type GitAuth } from './git.ts';

/** One changed value, flat (the `changes` output). */
export interface ValueChange {
  /** Path from the repository root. */
  file: string;
  /** `Kind/namespace/name` of the enclosing object (parts empty when absent). */
  object: string;
  setter: string;
  old: string;
  new: string;
  /** The policy's image (`latestRef.name`). */
  image: string;
}

const objectName = (o: { Kind: string; Namespace: string; Name: string }): string => `${o.Kind}/${o.Namespace}/${o.Name}`;

/** A path under the update path, from the repository root, `/`-separated. */
export const repoPath = (updatePath: string, path: string): string => join(updatePath, path).split('\\').join('/');

/** The result's changes, one per value; `images` names each policy's image (`namespace:name` → latest ref). */
export function valueChanges(result: UpdateResult, updatePath: string, images: ReadonlyMap<string, LatestRef>): ValueChange[] {
  const out: ValueChange[] = [];
  for (const [file, objects] of result.fileChanges) {
    for (const { object, changes } of objects) {
      for (const change of changes) {
        const policy = change.Setter.split(':').slice(0, 2).join(':');
        out.push({
          file: repoPath(updatePath, file),
          object: objectName(object),
          setter: change.Setter,
          old: change.OldValue,
          new: change.NewValue,
          image: images.get(policy)?.name ?? '',
        });
      }
    }
  }
  return out;
}

/**
 * What the setters would change in a remote commit or branch (`ref`), without writing: used to describe a branch
 * that already carries updates, against what it started from.
 */
export async function changesAt(options: {
  repo: string;
  auth?: GitAuth;
  ref: string;
  /** Set when `ref` is a branch name (fetched as one). */
  branch?: string;
  updatePath: string;
  policies: readonly SetterPolicy[];
}): Promise<{ result: UpdateResult; changes: ValueChange[]; files: string[] }> {
  const checkout = await openCommit({ repo: options.repo, auth: options.auth, ref: options.ref, branch: options.branch });
  try {
    const setters = await applySetters({
      root: await secureJoin(checkout.dir, options.updatePath),
      policies: options.policies,
      write: false,
    });
    const images = new Map(options.policies.map((p) => [`${p.namespace}:${p.name}`, p.latestRef]));
    return {
      result: setters.result,
      changes: valueChanges(setters.result, options.updatePath, images),
      files: setters.files.map((f) => repoPath(options.updatePath, f.path)),
    };
  } finally {
    await checkout.remove();
  }
}
