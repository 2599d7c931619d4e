import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { compareBytes } from '../oci/order.ts';
import { BaseError } from '../errors.ts';
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

export type ArtifactPathCode =
  | 'PATH_NOT_FOUND'
  | 'PATH_UNREADABLE'
  | 'PATH_NOT_FILE_OR_DIRECTORY'
  | 'PATH_EMPTY'
  | 'PATH_CHANGED'
  | 'SYMLINK_BROKEN'
  | 'SYMLINK_OUTSIDE_ROOT'
  | 'FLUX_UNTAR_NAME'
  | 'COMPONENTS_NONE'
  | 'COMPONENTS_INVALID_NAME'
  | 'COMPONENTS_DUPLICATE';

/**
 * What is wrong with the tree to pack (field `path`) or with the component glob (field `components`). When the
 * message is about the path itself (`path "<path>" does not exist`), `path` is that path as core was given it and
 * `detail` the rest, so a front door can name the path as its user wrote it; otherwise `detail` is the message.
 */
export class ArtifactPathError extends BaseError<ArtifactPathCode> {
  readonly path: string | undefined;
  readonly detail: string;
  /** About a symlink `resolveSymlinks` followed: leaving it off is a fix as good as the path. */
  readonly symlink: boolean;
  constructor(code: ArtifactPathCode, about: string | { path: string; detail: string }) {
    const message = typeof about === 'string' ? about : `path "${about.path}" ${about.detail}`;
    super(code, message, { field: code.startsWith('COMPONENTS_') ? 'components' : 'path' });
    this.path = typeof about === 'string' ? undefined : about.path;
    this.detail = typeof about === 'string' ? about : about.detail;
    this.symlink = code === 'SYMLINK_BROKEN' || code === 'SYMLINK_OUTSIDE_ROOT';
  }
}

/**
 * A name Flux cannot unpack. source-controller extracts every artifact with fluxcd/pkg `tar.Untar`, which checks
 * each tar header name with `validRelPath` (tar/tar.go@tar/v0.12.0 to tar/v0.17.0, tar/untar.go@tar/v1.2.0):
 *
 *     if p == "" || strings.Contains(p, `\`) || strings.HasPrefix(p, "/") || strings.Contains(p, "../") { return false }
 *
 * and fails the whole artifact on the first refusal, so such a name is refused here, before anything is uploaded.
 */
export class UnpackableNameError extends ArtifactPathError {
  declare readonly code: 'FLUX_UNTAR_NAME';
  /** The entry's path inside the artifact, as walked (no trailing slash). */
  readonly entry: string;
  constructor(entry: string, type: TreeEntry['type'], reason: string) {
    super(
      'FLUX_UNTAR_NAME',
      `${type} "${entry}" would fail the whole artifact in Flux: its Untar refuses names ${reason}; rename it, or leave it out with an ignore pattern`,
    );
    this.entry = entry;
  }
}

/**
 * Throws when Flux's `validRelPath` would refuse an entry. It sees the tar header name, which is `name` as is
 * (writeLayer passes it to tar-stream, which adds no trailing `/` to directories, as Flux's own builder writes):
 * a directory `v1..` passes by itself, but everything in it (`v1../app.yaml`) contains `../` and fails; a file
 * `v1..` or a directory `..x` passes. Our names never start with `/` and are never empty (the root is `.`), so
 * `\` and `../` are the two rules that can bite.
 */
function assertUnpackable(name: string, type: TreeEntry['type']): void {
  if (name.includes('\\')) throw new UnpackableNameError(name, type, 'containing a backslash');
  const dotted = name.indexOf('../');
  if (dotted >= 0) throw new UnpackableNameError(name, type, `containing "../" (directory "${name.slice(0, dotted + 2)}" ends in "..")`);
}

const dirMode = 0o755;
const fileMode = (mode: number): number => (mode & 0o111 ? 0o755 : 0o644);

/**
 * Lists what goes into an artifact, in Flux's order: a depth-first walk with each directory's names sorted
 * byte-wise, the root first as `.`. Ignored paths, symlinks (unless resolved) and special files are left out.
 * A single file becomes `.` plus that file, as in Flux 2.9.
 */
export async function walkTree(root: string, options: WalkOptions = {}): Promise<TreeEntry[]> {
  return [...walkEntries(root, options)];
}

/**
 * The same walk, one entry at a time, so packing can start (and zlib compress) while the tree is still being
 * listed. Synchronous on purpose: listing is metadata work, and sync calls list 5,000 files in ~35 ms where one
 * thread-pool round trip per lstat took ~150 ms.
 */
export function* walkEntries(root: string, options: WalkOptions = {}): Generator<TreeEntry> {
  let info;
  try {
    info = statSync(root);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw code === 'ENOENT'
      ? new ArtifactPathError('PATH_NOT_FOUND', { path: root, detail: 'does not exist' })
      : new ArtifactPathError('PATH_UNREADABLE', `cannot read path "${root}": ${(err as Error).message}`);
  }
  yield { name: '.', type: 'directory', mode: dirMode, size: 0, source: root };
  if (info.isFile()) {
    assertUnpackable(basename(root), 'file');
    yield { name: basename(root), type: 'file', mode: fileMode(info.mode), size: info.size, source: root };
    return;
  }
  if (!info.isDirectory())
    throw new ArtifactPathError('PATH_NOT_FILE_OR_DIRECTORY', { path: root, detail: 'is neither a file nor a directory' });

  const rules = new IgnoreRules(options);
  const rootReal = realpathSync(root);

  function* visit(dir: string, name: string, ancestors: Set<string>): Generator<TreeEntry> {
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
          throw new ArtifactPathError('SYMLINK_BROKEN', `symlink "${childName}" is broken`);
        }
        if (target !== rootReal && !target.startsWith(rootReal + sep)) {
          throw new ArtifactPathError(
            'SYMLINK_OUTSIDE_ROOT',
            `symlink "${childName}" points outside the artifact root (to ${relative(rootReal, target)})`,
          );
        }
        const targetInfo = statSync(target);
        kind = targetInfo.isFile() ? 'file' : targetInfo.isDirectory() ? 'directory' : undefined;
        source = target;
      }
      if (kind === 'directory') {
        if (rules.ignores(childName, true)) continue;
        const real = realpathSync(source);
        if (ancestors.has(real)) continue; // a symlink loop back into an ancestor
        assertUnpackable(childName, 'directory');
        yield { name: childName, type: 'directory', mode: dirMode, size: 0, source };
        yield* visit(source, childName, new Set([...ancestors, real]));
      } else if (kind === 'file') {
        if (rules.ignores(childName, false)) continue;
        assertUnpackable(childName, 'file');
        const info = statSync(source);
        yield { name: childName, type: 'file', mode: fileMode(info.mode), size: info.size, source };
      }
    }
  }
  yield* visit(root, '.', new Set([rootReal]));
}
