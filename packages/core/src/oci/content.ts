import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { OciError } from './errors.ts';

/**
 * Content that can be read more than once, so uploads can be retried and sent in chunks without holding the
 * blob in memory. `open(start, end)` streams bytes [start, end).
 */
export interface BlobSource {
  readonly size: number;
  /** Set when the content is a file, so uploads can read it straight into reused buffers. */
  readonly path?: string;
  open(start?: number, end?: number): Readable;
}

const fileReadChunk = 1 << 20;

export function bytesSource(data: Uint8Array): BlobSource {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return {
    size: buffer.length,
    open: (start = 0, end = buffer.length) => Readable.from([buffer.subarray(start, end)], { objectMode: false }),
  };
}

export function fileSource(path: string, size: number): BlobSource {
  return {
    size,
    path,
    open: (start = 0, end = size) =>
      end <= start
        ? Readable.from([], { objectMode: false })
        : createReadStream(path, { start, end: end - 1, highWaterMark: fileReadChunk }),
  };
}

/** Reads a stream to the end; with `limit`, fails instead of buffering more than that many bytes. */
export async function readAll(stream: AsyncIterable<Uint8Array>, limit = Number.POSITIVE_INFINITY): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > limit) throw new OciError('SIZE_INVALID', `content is larger than the ${limit}-byte limit`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks, total);
}
