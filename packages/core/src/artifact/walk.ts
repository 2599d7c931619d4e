import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { compareBytes } from '../oci/order.ts';
import { IgnoreRules, type IgnoreOptions } from './ignore.ts';

export interface TreeEntry {
  /** Path inside the archive: `.` for the root, else relative with `/`, no trailing slash (as Flux writes). */
  name: string;
  type: 'directory' | 'file';
  /** Normalised: 0755 for directories and executable files, 0644 for other files. */
  mode: number;
  size: number;
  /** Where to read the content from. */
  source: string;
}

export interface WalkOptions extends IgnoreOptions {
  /** Follow symlinks (refusing any that leave the root) instead of skipping them, as Flux 2.9's `--resolve-symlinks`. */
  resolveSymlinks?: boolean;
}

export class ArtifactPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArtifactPathError';
  }
}

const dirMode = 0o755;
const fileMode = (mode: number): number => (mode & 0o111 ? 0o755 : 0o644);

/**
 * Lists what goes into an artifact, in Flux's order: a depth-first walk with each directory's names sorted
 * byte-wise, the root first as `.`. Ignored paths, symlinks (unless resolved) and special files are left out.
 * A single file becomes `.` plus that file, as in Flux 2.9.
 */
export async function walkTree(root: string, options: WalkOptions = {}): Promise<TreeEntry[]> {
  const info = await stat(root).catch((err: NodeJS.ErrnoException) => {
    throw new ArtifactPathError(err.code === 'ENOENT' ? `path "${root}" does not exist` : `cannot read path "${root}": ${err.message}`);
  });
  const rootEntry: TreeEntry = { name: '.', type: 'directory', mode: dirMode, size: 0, source: root };
  if (info.isFile()) {
    return [rootEntry, { name: basename(root), type: 'file', mode: fileMode(info.mode), size: info.size, source: root }];
  }
  if (!info.isDirectory()) throw new ArtifactPathError(`path "${root}" is neither a file nor a directory`);

  const rules = new IgnoreRules(options);
  const rootReal = await realpath(root);
  const entries: TreeEntry[] = [rootEntry];

  const visit = async (dir: string, name: string, ancestors: Set<string>): Promise<void> => {
    await rules.enter(dir, name);
    const children = (await readdir(dir)).sort(compareBytes);
    for (const child of children) {
      const path = join(dir, child);
      const childName = name === '.' ? child : `${name}/${child}`;
      let info = await lstat(path);
      let source = path;
      if (info.isSymbolicLink()) {
        if (!options.resolveSymlinks) continue;
        const target = await realpath(path).catch(() => {
          throw new ArtifactPathError(`symlink "${childName}" is broken`);
        });
        if (target !== rootReal && !target.startsWith(rootReal + sep)) {
          throw new ArtifactPathError(`symlink "${childName}" points outside the artifact root (to ${relative(rootReal, target)})`);
        }
        info = await stat(target);
        source = target;
      }
      if (info.isDirectory()) {
        if (rules.ignores(childName, true)) continue;
        const real = await realpath(source);
        if (ancestors.has(real)) continue; // a symlink loop back into an ancestor
        entries.push({ name: childName, type: 'directory', mode: dirMode, size: 0, source });
        await visit(source, childName, new Set([...ancestors, real]));
      } else if (info.isFile()) {
        if (rules.ignores(childName, false)) continue;
        entries.push({ name: childName, type: 'file', mode: fileMode(info.mode), size: info.size, source });
      }
    }
  };
  await visit(root, '.', new Set([rootReal]));
  return entries;
}
