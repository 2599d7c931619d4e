// What an image update changed, shaped as Flux's update.Result (image-automation-controller internal/update
// result.go), so commit-message templates written for Flux render the same here.
import { compareGoStrings } from '../go/strings.ts';

/** The Kubernetes object a changed value sits in (kyaml ResourceIdentifier); empty strings where absent. */
export interface ObjectIdentifier {
  APIVersion: string;
  Kind: string;
  Name: string;
  Namespace: string;
}

/** One changed scalar. `Setter` is the marker's policy reference, e.g. `apps:frontend-podinfo:tag`. */
export interface Change {
  OldValue: string;
  NewValue: string;
  Setter: string;
}

/** Changes of one object in one file. */
export interface ObjectChanges {
  object: ObjectIdentifier;
  changes: Change[];
}

/**
 * Every change, by file (relative to the update path, `/`-separated) and object, in the order the files were
 * walked and the objects met. Go keeps these in maps; `fileChanges` keeps insertion order, and whatever needs
 * Go's sorted map order (templates) sorts.
 */
export interface UpdateResult {
  fileChanges: Map<string, ObjectChanges[]>;
}

/** A stable key for an object (Go compares ObjectIdentifier structs field by field). */
export function objectKey(o: ObjectIdentifier): string {
  return JSON.stringify([o.APIVersion, o.Kind, o.Name, o.Namespace]);
}

/** Go `fmtsort` order for ObjectIdentifier keys: field by field in declaration order (APIVersion, Kind, Name, Namespace). */
export function compareObjects(a: ObjectIdentifier, b: ObjectIdentifier): number {
  for (const field of ['APIVersion', 'Kind', 'Name', 'Namespace'] as const) {
    const order = compareGoStrings(a[field], b[field]);
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * `Result.FileChanges` as Go holds it: files in sorted order, and in each file every object once (a Go map
 * key), its change lists merged in the order given, objects in `compareObjects` order. This is the one order
 * every helper below walks, so nothing depends on how the result was assembled.
 */
export function sortedFileChanges(result: UpdateResult): [file: string, objects: ObjectChanges[]][] {
  const files = [...result.fileChanges.keys()].sort(compareGoStrings);
  return files.map((file) => {
    const merged = new Map<string, ObjectChanges>();
    for (const { object, changes } of result.fileChanges.get(file) ?? []) {
      const key = objectKey(object);
      const entry = merged.get(key) ?? { object, changes: [] };
      entry.changes.push(...changes);
      merged.set(key, entry);
    }
    return [file, [...merged.values()].sort((a, b) => compareObjects(a.object, b.object))];
  });
}

/**
 * Result.Objects(): each object's changes, merged across files (IAC 1.2.0, fix #1042), objects in
 * `compareObjects` order. Go concatenates the per-file lists in random map order; here files are taken in
 * sorted order so the result is deterministic.
 */
export function resultObjects(result: UpdateResult): ObjectChanges[] {
  const merged = new Map<string, ObjectChanges>();
  for (const [, objects] of sortedFileChanges(result)) {
    for (const { object, changes } of objects) {
      const key = objectKey(object);
      const entry = merged.get(key) ?? { object, changes: [] };
      entry.changes.push(...changes);
      merged.set(key, entry);
    }
  }
  return [...merged.values()].sort((a, b) => compareObjects(a.object, b.object));
}

/**
 * Result.Changes(): every change once (de-duplicated by value). Go walks its maps in random order; here the
 * order is files sorted, then objects in `compareObjects` order, then the order the changes were recorded.
 */
export function resultChanges(result: UpdateResult): Change[] {
  const seen = new Set<string>();
  const out: Change[] = [];
  for (const [, objects] of sortedFileChanges(result)) {
    for (const { changes } of objects) {
      for (const change of changes) {
        const key = JSON.stringify([change.OldValue, change.NewValue, change.Setter]);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(change);
      }
    }
  }
  return out;
}
