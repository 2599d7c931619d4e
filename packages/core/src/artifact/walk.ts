import { readdirSync, realpathSync, statSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
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

  // Synchronous on purpose: listing is metadata work, and sync calls walk 5,000 files in ~35 ms where one
  // thread-pool round trip per lstat took ~150 ms. Nothing else needs the event loop meanwhile.
  const visit = (dir: string, name: string, ancestors: Set<string>): void => {
    rules.enterSync(dir, name);
    const children = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareBytes(a.name, b.name));
    for (const child of children) {
      const path = join(dir, child.name);
      const childName = name === '.' ? child.name : `${name}/${child.name}`;
      let source = path;
      let kind: 'file' | 'directory' | undefined = child.isFile() ? 'file' : child.isDirectory() ? 'directory' : undefined;
      if (child.isSymbolicLink()) {
        if (!options.resolveSymlinks) continue;
        let target: string;
        try {
          target = realpathSync(path);
        } catch {
          throw new ArtifactPathError(`symlink "${childName}" is broken`);
        }
        if (target !== rootReal && !target.startsWith(rootReal + sep)) {
          throw new ArtifactPathError(`symlink "${childName}" points outside the artifact root (to ${relative(rootReal, target)})`);
        }
        const targetInfo = statSync(target);
        kind = targetInfo.isFile() ? 'file' : targetInfo.isDirectory() ? 'directory' : undefined;
        source = target;
      }
      if (kind === 'directory') {
        if (rules.ignores(childName, true)) continue;
        const real = realpathSync(source);
        if (ancestors.has(real)) continue; // a symlink loop back into an ancestor
        entries.push({ name: childName, type: 'directory', mode: dirMode, size: 0, source });
        visit(source, childName, new Set([...ancestors, real]));
      } else if (kind === 'file') {
        if (rules.ignores(childName, false)) continue;
        const info = statSync(source);
        entries.push({ name: childName, type: 'file', mode: fileMode(info.mode), size: info.size, source });
      }
    }
  };
  visit(root, '.', new Set([rootReal]));
  return entries;
}
