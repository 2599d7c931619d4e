import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, constants as zlib } from 'node:zlib';
import tar from 'tar-stream';
import { walkTree, type TreeEntry, type WalkOptions } from './walk.ts';

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
const smallFile = 1 << 20;
const readAhead = 16;

/** Counts and hashes what passes, without copying it. */
class Tap extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    callback(null, chunk);
  }
}

/**
 * Sets the gzip header's OS byte to 255 ("unknown"), as Go writes it. zlib writes the build platform there
 * (3 on Unix, 10 on Windows), which would make the layer digest depend on the runner's OS.
 */
class PortableGzipHeader extends Transform {
  #offset = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const osByte = 9 - this.#offset;
    if (osByte >= 0 && osByte < chunk.length) {
      chunk = Buffer.from(chunk);
      chunk[osByte] = 0xff;
    }
    this.#offset += chunk.length;
    callback(null, chunk);
  }
}

/**
 * Writes the deterministic tar+gzip layer of a list of entries: byte-wise order, uid/gid 0, empty owner names,
 * mtime 0, modes normalised to 0644/0755, fixed gzip level and header. The same tree gives the same digest on
 * any machine, whatever its umask, clock or user. Streams: small files are read ahead, large ones piped, so
 * memory stays flat however big the tree. With `out` undefined only the digests are computed (for diff).
 */
export async function writeLayer(entries: readonly TreeEntry[], out?: Writable): Promise<LayerInfo> {
  const pack = tar.pack();
  const tarTap = new Tap();
  const gzTap = new Tap();
  const sink = out ?? new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const done = pipeline(pack, tarTap, createGzip({ level: gzipLevel, memLevel: 8, strategy: zlib.Z_DEFAULT_STRATEGY }), new PortableGzipHeader(), gzTap, sink);
  let files = 0;
  const pending = new Map<number, Promise<Buffer>>();
  const prefetch = (from: number): void => {
    for (let i = from; i < entries.length && pending.size < readAhead; i++) {
      const entry = entries[i] as TreeEntry;
      if (entry.type === 'file' && entry.size <= smallFile && !pending.has(i)) {
        const read = readExactly(entry);
        read.catch(() => undefined); // awaited in order below; this only stops an early failure counting as unhandled
        pending.set(i, read);
      }
    }
  };
  const writing = (async () => {
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as TreeEntry;
      const header = { name: entry.name, mode: entry.mode, uid: 0, gid: 0, uname: '', gname: '', mtime: epoch, size: entry.type === 'file' ? entry.size : 0, type: entry.type };
      if (entry.type === 'directory') {
        await new Promise<void>((resolve, reject) => pack.entry(header, (err) => (err ? reject(err) : resolve())));
        continue;
      }
      files++;
      prefetch(i);
      const buffered = pending.get(i);
      if (buffered) {
        const content = await buffered;
        pending.delete(i);
        prefetch(i + 1);
        await new Promise<void>((resolve, reject) => pack.entry(header, content, (err) => (err ? reject(err) : resolve())));
      } else {
        await new Promise<void>((resolve, reject) => {
          const sinkEntry = pack.entry(header, (err) => (err ? reject(err) : resolve()));
          createReadStream(entry.source, { highWaterMark: 1 << 20 })
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

/** Reads a whole small file, failing if it changed size since it was listed (the tar header already says how big). */
async function readExactly(entry: TreeEntry): Promise<Buffer> {
  const handle = await open(entry.source, 'r');
  try {
    const buffer = Buffer.allocUnsafe(entry.size);
    let read = 0;
    while (read < entry.size) {
      const { bytesRead } = await handle.read(buffer, read, entry.size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    if (read !== entry.size || (await handle.stat()).size !== entry.size) throw new Error(`file "${entry.name}" changed while it was being packed`);
    return buffer;
  } finally {
    await handle.close();
  }
}

export interface BuildOptions extends WalkOptions {
  /** Directory or single file to pack. */
  path: string;
}

/** Packs a directory (or file) into a gzipped tarball at `output`; returns its digests and sizes. */
export async function buildLayer(options: BuildOptions, output: string): Promise<LayerInfo & { entries: TreeEntry[] }> {
  const entries = await walkTree(options.path, options);
  const info = await writeLayer(entries, createWriteStream(output));
  return { ...info, entries };
}

/** Computes the layer digest of a directory without writing anything (what `diff` compares). */
export async function hashLayer(options: BuildOptions): Promise<LayerInfo> {
  return writeLayer(await walkTree(options.path, options));
}
