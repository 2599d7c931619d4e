import { Transform, type TransformCallback } from 'node:stream';
import { constants as zlib, crc32, deflateRaw, type ZlibOptions } from 'node:zlib';

// Gzip on every core, the same bytes on any machine. The uncompressed stream is cut into chunks at fixed byte
// offsets (never by timing), each chunk is deflated on its own on libuv's thread pool (Node's async zlib calls run
// there, so no worker threads are needed), and the outputs are written in order. As pigz does it (pigz.c,
// `compress_thread`/`parallel_compress`), each chunk is primed with the last 32 KiB of the one before as a preset
// dictionary and ends on a sync flush (an empty stored block that byte-aligns the stream), the last on a finish;
// the concatenation is ONE deflate stream in ONE gzip member, with the CRC-32 and length of the whole input.
// So, unlike concatenated gzip members, every gzip reader reads it (no multistream support needed), and matches
// reach back across chunk boundaries as in a single stream: the output is as small as the single-stream one.
// A chunk's bytes depend only on its own bytes, the 32 KiB before it, the level and whether it is the last: not on
// how the input was written, how many chunks were in flight or how many cores there are.
//
// Incompressible stretches (random or already compressed files: images, .tgz charts, binaries) are written as
// stored blocks without running deflate over them: deflate at level 6 spends twice as long per byte on them as on
// text, only to emit stored blocks itself (the bench tree: 22 % of its tar, a third of its compression time).
// Which 64 KiB blocks count as incompressible is decided from their bytes alone (see incompressible()), so this
// too gives the same output everywhere; a chunk of text is one deflate call, as above.

/** Uncompressed bytes per chunk. Changing it changes every layer digest. 1 MiB measured as fast as 256 KiB–4 MiB. */
export const gzipChunkBytes = 1 << 20;
/** Deflate's window: how much of the previous chunk primes the next. */
const dictionaryBytes = 32 << 10;
/** The unit of the incompressible test; chunks are a whole number of these. */
const blockBytes = 64 << 10;
/** A stored block holds at most 65,535 bytes (RFC 1951 3.2.4). */
const storedMax = 0xffff;

/**
 * The gzip header Go's compress/gzip writes, which the single-stream writer also wrote (zlib's, with the OS byte
 * rewritten): no name or comment, mtime 0, XFL 0 (zlib writes 2 or 4 only for levels 9 and 1), OS 255 "unknown"
 * (zlib would write the build platform, 3 on Unix or 10 on Windows, and make the digest depend on the runner's OS).
 */
const gzipHeader = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

export interface ParallelGzipOptions {
  level: number;
  /** Chunk size; part of the output format (see gzipChunkBytes). Rounded up to a multiple of 64 KiB. */
  chunkBytes?: number;
  /** Chunks compressing at once (or waiting, compressed, for an earlier one): bounds memory. Does not change the bytes. */
  inFlight?: number;
  highWaterMark?: number;
}

interface Job {
  /** The chunk's output, once compressed. */
  out?: Buffer;
}

/** A Transform from bytes to their deterministic parallel gzip (see above). */
export class ParallelGzip extends Transform {
  readonly #level: number;
  readonly #chunkBytes: number;
  readonly #inFlight: number;
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  /** The end of the last chunk dispatched: the next one's dictionary. */
  #tail: Buffer | undefined;
  /** Dispatched chunks, oldest first, until their output is pushed. */
  #jobs: Job[] = [];
  /** A transform or flush callback waiting for room in the window (or for every job, at the end). */
  #waiting: (() => void) | undefined;
  /** The reader has enough for now (push returned false): take no more input until it reads (_read). */
  #full = false;
  #crc = 0;
  #size = 0;

  constructor(options: ParallelGzipOptions) {
    super({ highWaterMark: options.highWaterMark });
    this.#level = options.level;
    this.#chunkBytes = Math.max(1, Math.ceil((options.chunkBytes ?? gzipChunkBytes) / blockBytes)) * blockBytes;
    this.#inFlight = Math.max(1, options.inFlight ?? 4);
    this.push(gzipHeader);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#crc = crc32(chunk, this.#crc);
    this.#size += chunk.length;
    this.#pending.push(chunk);
    this.#pendingBytes += chunk.length;
    // Only a chunk known not to be the last is dispatched here (one byte past it has arrived); the rest waits for
    // _flush, so a stream that ends exactly on a boundary still finishes in its last full chunk.
    while (this.#pendingBytes > this.#chunkBytes) this.#dispatch(this.#take(this.#chunkBytes), false);
    this.#whenRoom(this.#inFlight, callback);
  }

  override _flush(callback: TransformCallback): void {
    this.#dispatch(this.#take(this.#pendingBytes), true);
    this.#whenRoom(1, () => {
      const trailer = Buffer.alloc(8);
      trailer.writeUInt32LE(this.#crc >>> 0, 0);
      trailer.writeUInt32LE(this.#size % 0x1_0000_0000, 4); // ISIZE: the length modulo 2^32 (RFC 1952)
      callback(null, trailer);
    });
  }

  /** The next `bytes` of pending input as one buffer (a view when it is all in one write). */
  #take(bytes: number): Buffer {
    const parts: Buffer[] = [];
    let needed = bytes;
    while (needed > 0) {
      const head = this.#pending[0] as Buffer;
      if (head.length <= needed) {
        parts.push(head);
        this.#pending.shift();
        needed -= head.length;
      } else {
        parts.push(head.subarray(0, needed));
        this.#pending[0] = head.subarray(needed);
        needed = 0;
      }
    }
    this.#pendingBytes -= bytes;
    return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, bytes);
  }

  #dispatch(input: Buffer, last: boolean): void {
    const job: Job = {};
    this.#jobs.push(job);
    const before = this.#tail;
    this.#tail = input.subarray(input.length - Math.min(dictionaryBytes, input.length));
    // Runs of 64 KiB blocks of one kind: deflated (primed with the 32 KiB before the run) or stored as they are.
    const kinds: boolean[] = [];
    for (let at = 0; at < input.length; at += blockBytes) kinds.push(incompressible(input.subarray(at, at + blockBytes)));
    const parts: Promise<Buffer | Buffer[]>[] = [];
    let first = 0;
    do {
      let next = first + 1;
      while (next < kinds.length && kinds[next] === kinds[first]) next++;
      const [start, end] = [first * blockBytes, Math.min(input.length, next * blockBytes)];
      const final = last && end === input.length;
      const run = input.subarray(start, end);
      const dictionary = start === 0 ? before : input.subarray(start - dictionaryBytes, start);
      parts.push(kinds[first] ? Promise.resolve(storedBlocks(run, final)) : this.#deflate(run, dictionary, final));
      first = next;
    } while (first < kinds.length);
    Promise.all(parts).then(
      (outputs) => {
        const pieces = outputs.flat();
        job.out = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
        this.#drain();
      },
      (err: unknown) => this.destroy(err as Error),
    );
  }

  #deflate(input: Buffer, dictionary: Buffer | undefined, final: boolean): Promise<Buffer> {
    const options: ZlibOptions = {
      level: this.#level,
      memLevel: 8,
      windowBits: 15,
      strategy: zlib.Z_DEFAULT_STRATEGY,
      finishFlush: final ? zlib.Z_FINISH : zlib.Z_SYNC_FLUSH,
      // Room for the whole output in one buffer: each further output buffer would be another hop from the thread
      // pool to the main thread and back (deflate's worst case is about 0.03 % over the input, plus a few bytes).
      chunkSize: input.length + (input.length >> 6) + 1024,
    };
    if (dictionary) options.dictionary = dictionary;
    return new Promise((resolve, reject) => deflateRaw(input, options, (err, out) => (err ? reject(err) : resolve(out))));
  }

  override _read(size: number): void {
    this.#full = false;
    this.#waiting?.();
    super._read(size);
  }

  /** Pushes finished outputs in order, then lets a waiting callback go if there is room now. */
  #drain(): void {
    while (this.#jobs[0]?.out) if (!this.push((this.#jobs.shift() as Job).out)) this.#full = true;
    const waiting = this.#waiting;
    if (waiting) waiting();
  }

  /** Calls `callback` once fewer than `limit` chunks are in flight (`limit` 1: once all are done). */
  #whenRoom(limit: number, callback: () => void): void {
    const check = (): void => {
      // Outputs are pushed when they are ready, not when the reader asks; so the reader's backpressure is honoured
      // here, by taking no more input (the flush only waits for the chunks already in flight).
      if (this.#jobs.length >= limit || (this.#full && limit > 1)) return;
      this.#waiting = undefined;
      callback();
    };
    this.#waiting = check;
    check();
  }
}

/**
 * Whether a 64 KiB block looks incompressible: in each 16 KiB quarter, a sample of every 16th byte (1,024 bytes)
 * has at least 200 distinct values and none more than 16 times (4× an even spread). Random and compressed data
 * pass (each value ~4 times, ~251 distinct); text, code and binaries with runs of zeros or repeated structure do
 * not, nor does a quarter with a few hundred bytes of text in it, so text next to a random file is still deflated.
 * Integer counts only: the answer is the same on every machine. A wrong answer costs size, never correctness.
 */
function incompressible(block: Buffer): boolean {
  if (block.length < blockBytes) return false;
  for (let quarter = 0; quarter < blockBytes; quarter += blockBytes / 4) {
    counts.fill(0);
    let distinct = 0;
    for (let i = quarter; i < quarter + blockBytes / 4; i += 16) {
      const value = block[i] as number;
      const count = ++(counts[value] as number);
      if (count > 16) return false;
      if (count === 1) distinct++;
    }
    if (distinct < 200) return false;
  }
  return true;
}
const counts = new Uint8Array(256);

/**
 * Bytes as deflate stored blocks (RFC 1951 3.2.4), starting byte-aligned as every run here does: a 5-byte header
 * (BFINAL, BTYPE 00 and padding; LEN, NLEN) before each view of at most 65,535 bytes of the data.
 */
function storedBlocks(data: Buffer, final: boolean): Buffer[] {
  const blocks = Math.max(1, Math.ceil(data.length / storedMax));
  const out: Buffer[] = [];
  for (let i = 0; i < blocks; i++) {
    const piece = data.subarray(i * storedMax, (i + 1) * storedMax);
    const header = Buffer.allocUnsafe(5);
    header[0] = final && i === blocks - 1 ? 1 : 0;
    header.writeUInt16LE(piece.length, 1);
    header.writeUInt16LE(~piece.length & 0xffff, 3);
    out.push(header, piece);
  }
  return out;
}
