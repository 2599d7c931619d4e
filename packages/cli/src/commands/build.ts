import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { walkEntries, writeLayer, ArtifactPathError } from '@d2ci/core';
import { parseFlags, treeFlags, walkFlags } from '../flags.ts';
import { usageError } from '../fields.ts';
import { json, type Io } from '../output.ts';
import { withContentPath } from '../content-path.ts';

export const buildHelp = `Usage: d2ci build [flags]

Pack a directory into the gzipped tarball a Flux artifact carries, without pushing it.

Flags:
  -f, --path DIR             directory or file to pack (default "."), or - for one YAML stream from stdin
  -o, --output FILE          where to write the tarball (default "artifact.tgz")
      --ignore-paths P       gitignore patterns to leave out; replaces Flux's defaults
      --add-ignore-paths P   patterns added to the defaults
      --source-ignore        also honour .sourceignore files
      --resolve-symlinks     follow symlinks within the path
      --json                 print {"path","digest","size","diffId","files"}`;

export async function build(args: string[], io: Io): Promise<number> {
  const { values } = parseFlags('build', args, { ...treeFlags, output: { type: 'string', short: 'o' }, json: { type: 'boolean' } }, 0);
  if (values.help) {
    io.out(buildHelp);
    return 0;
  }
  const output = resolve(values.output ?? 'artifact.tgz');
  const partial = `${output}.partial`;
  const layer = await withContentPath(values.path, '.', io, async (path) => {
    try {
      const written = await writeLayer(walkEntries(path, walkFlags(values)), createWriteStream(partial));
      await rename(partial, output);
      return written;
    } catch (err) {
      await rm(partial, { force: true });
      if (err instanceof ArtifactPathError) throw usageError(err) ?? err;
      throw err;
    }
  });
  if (values.json) json(io, { path: output, digest: layer.digest, size: layer.size, diffId: layer.diffId, files: layer.files });
  else io.err(`✔ artifact tarball written to ${output} (${layer.files} files, ${layer.size} bytes, ${layer.digest})`);
  return 0;
}
