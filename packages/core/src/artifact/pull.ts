import { lstat, mkdir, readdir, rename, rm, open } from 'node:fs/promises';
import { dirname, join, resolve, sep, posix } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { BaseError } from '../errors.ts';
import { parseManifest, type Descriptor } from '../oci/descriptor.ts';
import type { Target } from '../oci/target.ts';
import { contentLayer } from './layer.ts';
import { withTempDir } from './temp.ts';

export const defaultMaxPullSize = 1024 * 1024 * 1024;
/** Decompressed archive bytes allowed beyond the file-data limit, for entry headers (at most; as much as the limit below it, at least 1 MiB). */
const headerAllowance = 64 * 1024 * 1024;

export interface PullArtifactOptions {
  target: Target;
  /** Tag or digest. */
  reference: string;
  /** Directory to extract into (created if missing; existing files with the same names are replaced). */
  output: string;
  /** Refuse artifacts that unpack to more than this many bytes (default 1 GiB). */
  maxSize?: number;
  /** Layer to extract, by media type (as a cluster's `layerSelector`); default: the artifact's only layer. */
  layerMediaType?: string;
}

export interface PullArtifactResult {
  descriptor: Descriptor;
  layer: Descriptor;
  annotations: Record<string, string>;
  files: number;
  bytes: number;
}

/**
 * ENTRY_REFUSED: an entry that would escape the output, is not a file or directory, or lies about its size;
 * SIZE_LIMIT: more than `maxSize` to unpack; LAYER_NOT_GZIP: the layer is not gzip; OUTPUT_NOT_DIRECTORY: the
 * output exists as something else.
 */
export type UnsafeArchiveCode = 'ENTRY_REFUSED' | 'SIZE_LIMIT' | 'LAYER_NOT_GZIP' | 'OUTPUT_NOT_DIRECTORY';

/** An artifact layer that is not extracted: nothing is left behind. */
export class UnsafeArchiveError extends BaseError<UnsafeArchiveCode> {
  constructor(code: UnsafeArchiveCode, message: string) {
    super(code, message);
  }
}

/**
 * Pulls an artifact and extracts its layer safely: the blob is verified against its digest while streaming,
 * entries escaping the output (absolute paths, `..`), links and special files are refused, and the total size
 * is capped. Extraction goes to a temporary sibling directory that replaces the output only on success.
 */
export async function pullArtifact(options: PullArtifactOptions): Promise<PullArtifactResult> {
  const fetched = await options.target.fetchManifest(options.reference);
  const { manifest } = parseManifest(fetched.bytes, fetched.descriptor.mediaType);
  const layer = contentLayer(fetched, options.reference, options.layerMediaType);
  const maxSize = options.maxSize ?? defaultMaxPullSize;
  if (layer.size > maxSize)
    throw new UnsafeArchiveError('SIZE_LIMIT', `layer is ${layer.size} bytes, over the ${maxSize}-byte limit (raise max-size)`);

  const output = resolve(options.output);
  await mkdir(dirname(output), { recursive: true });
  return withTempDir(join(dirname(output), '.d2ci-pull-'), async (staging) => {
    const counts = await extractTar(await options.target.fetch(layer), staging, maxSize);
    await moveInto(staging, output);
    return { descriptor: fetched.descriptor, layer, annotations: manifest.annotations ?? {}, ...counts };
  });
}

/** Checks an archive entry name; returns the normalised relative path, or '' for the root entry. */
export function safeEntryName(name: string): string {
  if (name.includes('\0')) throw new UnsafeArchiveError('ENTRY_REFUSED', `refusing entry with a NUL byte in its name`);
  if (name.includes('\\')) throw new UnsafeArchiveError('ENTRY_REFUSED', `refusing entry "${name}": backslashes in names are not portable`);
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name))
    throw new UnsafeArchiveError('ENTRY_REFUSED', `refusing entry "${name}": absolute path`);
  if (name.split('/').includes('..')) throw new UnsafeArchiveError('ENTRY_REFUSED', `refusing entry "${name}": path traversal ("..")`);
  const normal = posix.normalize(name).replace(/\/+$/, '');
  return normal === '.' ? '' : normal;
}

async function extractTar(layer: NodeJS.ReadableStream, into: string, maxSize: number): Promise<{ files: number; bytes: number }> {
  let bytes = 0;
  let files = 0;
  const extract = tar.extract();
  const root = resolve(into);
  extract.on('entry', (header, stream, next) => {
    // A refused entry destroys its stream with our error, which reaches the caller through next(); don't let
    // that same error surface again as an unhandled stream error.
    stream.on('error', () => undefined);
    void (async () => {
      const name = safeEntryName(header.name);
      const path = resolve(root, name);
      if (path !== root && !path.startsWith(root + sep))
        throw new UnsafeArchiveError('ENTRY_REFUSED', `refusing entry "${header.name}": outside the output directory`);
      if (header.type === 'directory') {
        // A directory carries no data; one that does is hiding bytes from the size limit.
        if ((header.size ?? 0) > 0)
          throw new UnsafeArchiveError(
            'ENTRY_REFUSED',
            `refusing directory entry "${header.name}" that carries ${header.size} bytes of data`,
          );
        await mkdir(path, { recursive: true, mode: 0o755 });
        stream.resume();
        return;
      }
      if (header.type !== 'file' && header.type !== 'contiguous-file') {
        throw new UnsafeArchiveError(
          'ENTRY_REFUSED',
          `refusing ${header.type} entry "${header.name}"${header.linkname ? ` -> ${header.linkname}` : ''}: only files and directories are extracted`,
        );
      }
      if (name === '') throw new UnsafeArchiveError('ENTRY_REFUSED', 'refusing a file entry named "."');
      bytes += header.size ?? 0;
      if (bytes > maxSize)
        throw new UnsafeArchiveError('SIZE_LIMIT', `artifact unpacks to more than the ${maxSize}-byte limit (raise max-size)`);
      await mkdir(dirname(path), { recursive: true, mode: 0o755 });
      const handle = await open(path, 'wx', (header.mode ?? 0) & 0o111 ? 0o755 : 0o644).catch((err: unknown) => {
        // Flux's Untar would let the second entry win; d2ci refuses an archive that says two things about one file.
        if ((err as NodeJS.ErrnoException).code === 'EEXIST')
          throw new UnsafeArchiveError('ENTRY_REFUSED', `refusing entry "${header.name}": the archive names it twice`);
        throw err;
      });
      let written = 0;
      await pipeline(
        stream,
        new Writable({
          write(chunk: Buffer, _encoding, callback) {
            written += chunk.length;
            if (written > (header.size ?? 0))
              return callback(new UnsafeArchiveError('ENTRY_REFUSED', `entry "${header.name}" is larger than its header says`));
            handle.write(chunk).then(() => callback(), callback);
          },
          final(callback) {
            handle.close().then(() => callback(), callback);
          },
        }),
      ).catch(async (err: unknown) => {
        await handle.close().catch(() => undefined);
        throw err;
      });
      files++;
    })().then(
      () => next(),
      (err: unknown) => next(err as Error),
    );
  });
  const gunzip = createGunzip();
  // Every decompressed byte counts, headers included: past the limit plus room for headers (512 bytes per entry,
  // pax records), a stream of tiny or empty entries is a header bomb.
  const streamLimit = maxSize + Math.min(headerAllowance, Math.max(1024 * 1024, maxSize));
  let streamed = 0;
  gunzip.on('data', (chunk: Buffer) => {
    streamed += chunk.length;
    if (streamed > streamLimit)
      gunzip.destroy(
        new UnsafeArchiveError(
          'SIZE_LIMIT',
          `artifact unpacks to more than ${streamLimit} bytes of archive (file data over the ${maxSize}-byte limit, or a flood of entry headers); raise max-size if it is genuine`,
        ),
      );
  });
  await pipeline(layer, gunzip, extract).catch((err: unknown) => {
    if ((err as { code?: string }).code === 'Z_DATA_ERROR')
      throw new UnsafeArchiveError('LAYER_NOT_GZIP', 'the layer is not a valid gzip stream');
    throw err;
  });
  return { files, bytes };
}

/**
 * Moves what was extracted into `output`, replacing only the files the artifact has: directories are merged, so
 * files of the output that the artifact does not name stay (a pull into a checkout does not delete its
 * neighbours). `output` may not exist yet, in which case the staging folder simply becomes it.
 */
async function moveInto(staging: string, output: string): Promise<void> {
  const existing = await lstat(output).catch(() => undefined);
  if (!existing) {
    await rename(staging, output);
    return;
  }
  if (!existing.isDirectory()) throw new UnsafeArchiveError('OUTPUT_NOT_DIRECTORY', `output "${output}" exists and is not a directory`);
  for (const entry of await readdir(staging, { withFileTypes: true })) {
    const from = join(staging, entry.name);
    const to = join(output, entry.name);
    const there = await lstat(to).catch(() => undefined);
    if (entry.isDirectory() && there?.isDirectory()) {
      await moveInto(from, to);
      continue;
    }
    // A file over a file is an atomic rename; anything else of the same name (a symlink, a file where the
    // artifact has a directory) is replaced.
    if (there && (entry.isDirectory() || there.isDirectory() || there.isSymbolicLink())) await rm(to, { recursive: true, force: true });
    await rename(from, to);
  }
}
