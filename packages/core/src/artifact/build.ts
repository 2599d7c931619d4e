import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import { Transform, Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { ArtifactPathError, walkEntries, type TreeEntry, type WalkOptions } from './walk.ts';
import { collectGarbage } from './gc.ts';
import { ParallelGzip } from './gzip.ts';

/** Gzip level of every layer we write; fixed, so the same tree always gives the same digest. Go's default. */
export const gzipLevel = 6;

export interface LayerInfo {
  /** sha256 of the compressed layer: the layer digest in the manifest. */
  digest: string;
  size: number;
  /** sha256 of the uncompressed tar: the config's `rootfs.diff_ids` entry. */
  diffId: string;
  uncompressedSize: number;
  files: number;
}

const epoch = new Date(0);
/** Files up to this size are read whole; larger ones are streamed. */
const smallFile = 1 << 20;
/** Read size of large files. */
const readBytes = 256 << 10;
/** Stream buffers deep enough that packing and hashing run ahead while zlib compresses on the thread pool. */
const queueBytes = 2 << 20;

/** Collect dead chunks this often while streaming (see collectGarbage). */
const collectEveryBytes = 8 << 20;

/** Counts and hashes what passes, without copying it; optionally collects garbage as the bytes go by. */
class Tap extends Transform {
  readonly hash = createHash('sha256');
  readonly #collect: boolean;
  size = 0;
  constructor(options: { highWaterMark: number; collect?: boolean }) {
    super({ highWaterMark: options.highWaterMark });
    this.#collect = options.collect ?? false;
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    if (this.#collect && Math.floor((this.size + chunk.length) / collectEveryBytes) > Math.floor(this.size / collectEveryBytes))
      collectGarbage();
    this.size += chunk.length;
    callback(null, chunk);
  }
}

/**
 * Writes the deterministic tar+gzip layer of a list of entries: byte-wise order, uid/gid 0, empty owner names,
 * mtime 0, modes normalised to 0644/0755, fixed gzip level and header. The same tree gives the same digest on
 * any machine, whatever its umask, clock or user. Streams: small files are read whole, large ones piped, so
 * memory stays flat however big the tree. With `out` undefined only the digests are computed (for diff).
 */
export async function writeLayer(entries: Iterable<TreeEntry>, out?: Writable): Promise<LayerInfo> {
  const pack = tar.pack({ highWaterMark: queueBytes });
  const tarTap = new Tap({ highWaterMark: queueBytes, collect: true });
  const gzTap = new Tap({ highWaterMark: queueBytes });
  const sink = out ?? new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const done = pipeline([
    pack as unknown as NodeJS.ReadableStream,
    tarTap,
    new ParallelGzip({ level: gzipLevel, highWaterMark: queueBytes }),
    gzTap,
    sink,
  ]);
  let files = 0;
  const writing = (async () => {
    for (const entry of entries) {
      const header = {
        name: entry.name,
        mode: entry.mode,
        uid: 0,
        gid: 0,
        uname: '',
        gname: '',
        mtime: epoch,
        size: entry.type === 'file' ? entry.size : 0,
        type: entry.type,
      };
      if (entry.type === 'directory') {
        await new Promise<void>((resolve, reject) => pack.entry(header, (err) => (err ? reject(err) : resolve())));
        continue;
      }
      files++;
      if (entry.size <= smallFile) {
        const content = readExactly(entry);
        await new Promise<void>((resolve, reject) => pack.entry(header, content, (err) => (err ? reject(err) : resolve())));
      } else {
        await new Promise<void>((resolve, reject) => {
          // The header already says how big the file is: read at most that, and fail naming the file if it is
          // shorter now (tar-stream's "size mismatch") or longer once read.
          const sinkEntry = pack.entry(header, (err) =>
            err
              ? reject(changedWhilePacked(entry))
              : statSync(entry.source).size === entry.size
                ? resolve()
                : reject(changedWhilePacked(entry)),
          );
          // The entry callback reports its error; the same error also emitted on the stream is handled there.
          (sinkEntry as unknown as Writable).on('error', () => undefined);
          createReadStream(entry.source, { highWaterMark: readBytes, start: 0, end: entry.size - 1 })
            .on('error', reject)
            .pipe(sinkEntry as unknown as Writable);
        });
      }
    }
    pack.finalize();
  })();
  writing.catch((err: unknown) => pack.destroy(err as Error));
  await Promise.all([writing, done]);
  return {
    digest: `sha256:${gzTap.hash.digest('hex')}`,
    size: gzTap.size,
    diffId: `sha256:${tarTap.hash.digest('hex')}`,
    uncompressedSize: tarTap.size,
    files,
  };
}

/**
 * Reads a whole small file, failing if it changed size since it was listed (the tar header already says how big).
 * Synchronous on purpose: for thousands of small files, four thread-pool round trips each (open, read, stat,
 * close) cost more than the reads; zlib keeps compressing on the thread pool meanwhile.
 */
function readExactly(entry: TreeEntry): Buffer {
  const content = readFileSync(entry.source);
  if (content.length !== entry.size) throw changedWhilePacked(entry);
  return content;
}

function changedWhilePacked(entry: TreeEntry): ArtifactPathError {
  return new ArtifactPathError(
    'PATH_CHANGED',
    `file "${entry.name}" changed size while it was being packed (${entry.size} bytes when listed); pack a tree nothing is writing to`,
  );
}

export interface BuildOptions extends WalkOptions {
  /** Directory or single file to pack. */
  path: string;
}

/** Packs a directory (or file) into a gzipped tarball at `output`; returns its digests and sizes. */
export async function buildLayer(options: BuildOptions, output: string): Promise<LayerInfo> {
  return writeLayer(walkEntries(options.path, options), createWriteStream(output));
}

/** Computes the layer digest of a directory without writing anything (what `diff` compares). */
export async function hashLayer(options: BuildOptions): Promise<LayerInfo> {
  return writeLayer(walkEntries(options.path, options));
}
