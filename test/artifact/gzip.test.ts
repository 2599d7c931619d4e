// The parallel gzip writer (packages/core/src/artifact/gzip.ts): one gzip member, the same bytes however the input
// arrives and however many chunks compress at once, readable by zlib, GNU gzip and a raw inflater that must find
// a single deflate stream ending right before the trailer.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, gunzipSync, gzipSync, inflateRawSync } from 'node:zlib';
import { ParallelGzip, gzipChunkBytes } from '../../packages/core/src/artifact/gzip.ts';
import { run } from '../harness/exec.ts';

/** Deterministic test data: YAML-like text interleaved with an AES-CTR keystream (incompressible). */
function sample(bytes: number, seed = 1): Buffer {
  const out = Buffer.alloc(bytes);
  const random = createCipheriv('aes-128-ctr', Buffer.alloc(16, seed), Buffer.alloc(16)).update(Buffer.alloc(bytes));
  let offset = 0;
  for (let i = 0; offset < bytes; i++) {
    const block =
      i % 400 === 399
        ? random.subarray(offset, offset + 8_000)
        : Buffer.from(`- name: app-${i % 97}\n  image: registry.example/app-${(i * 31) % 89}:v1.${i % 13}\n  replicas: ${i % 5}\n`);
    offset += block.copy(out, offset);
  }
  return out;
}

/** Splits `input` into writes: 'whole', fixed-size pieces, or seeded irregular pieces from 1 byte to 300 KiB. */
function pieces(input: Buffer, how: 'whole' | number | 'irregular'): Buffer[] {
  if (how === 'whole') return [input];
  const out: Buffer[] = [];
  let state = 12345;
  for (let offset = 0; offset < input.length;) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const size = how === 'irregular' ? 1 + (state % (300 << 10)) : how;
    out.push(input.subarray(offset, offset + size));
    offset += size;
  }
  return out;
}

async function compress(parts: Buffer[], options: { chunkBytes?: number; inFlight?: number } = {}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(
    Readable.from(parts, { objectMode: false }),
    new ParallelGzip({ level: 6, ...options }),
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    }),
  );
  return Buffer.concat(chunks);
}

/** Asserts `gz` is ONE gzip member (Go's header, one deflate stream, CRC-32 and length of `input`) of `input`. */
function assertOneMember(gz: Buffer, input: Buffer): void {
  assert.deepEqual([...gz.subarray(0, 10)], [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff], "Go's gzip header: no name, mtime 0, OS 255");
  const body = gz.subarray(10, gz.length - 8);
  const { buffer, engine } = inflateRawSync(body, { info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
  assert.ok(buffer.equals(input), 'the deflate stream inflates to the input');
  assert.equal(engine.bytesWritten, body.length, 'one deflate stream ends exactly before the trailer: no second member');
  assert.equal(gz.readUInt32LE(gz.length - 8), crc32(input), 'CRC-32 of the whole input');
  assert.equal(gz.readUInt32LE(gz.length - 4), input.length % 2 ** 32, 'ISIZE of the whole input');
  assert.ok(gunzipSync(gz).equals(input));
}

describe('parallel gzip', () => {
  it('writes one gzip member across several chunks, as small as one zlib stream, that GNU gzip reads', async () => {
    const input = sample(3 * gzipChunkBytes + 123_457);
    const gz = await compress(pieces(input, 'irregular'));
    assertOneMember(gz, input);
    // Each chunk is primed with the 32 KiB before it, so matches reach back across boundaries as in one stream:
    // the output is within 0.02 % of zlib's single stream at the same level (independent 1 MiB members of this
    // input are 0.14 % bigger).
    const single = gzipSync(input, { level: 6 }).length;
    assert.ok(Math.abs(gz.length - single) < single / 5000, `${gz.length} bytes vs ${single} for one zlib stream`);
    const work = mkdtempSync(join(tmpdir(), 'd2ci-gzip-'));
    try {
      writeFileSync(join(work, 'x.gz'), gz);
      const tested = await run('gzip', ['-t', join(work, 'x.gz')]);
      assert.equal(tested.code, 0, tested.stderr);
      const listed = await run('gzip', ['-lv', join(work, 'x.gz')]);
      assert.equal(listed.code, 0, listed.stderr);
      assert.match(listed.stdout, new RegExp(`${crc32(input).toString(16).padStart(8, '0')} .* ${gz.length} +${input.length} `));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('gives the same bytes whatever the writes, the window and the boundaries (chunk edges included)', async () => {
    const chunkBytes = 64 << 10;
    for (const size of [0, 1, chunkBytes - 1, chunkBytes, chunkBytes + 1, 3 * chunkBytes, 3 * chunkBytes + 5, 10 * chunkBytes + 999]) {
      const input = sample(size, size % 251);
      const reference = await compress(pieces(input, 'whole'), { chunkBytes, inFlight: 1 });
      assertOneMember(reference, input);
      for (const [how, inFlight] of [
        [1000, 16],
        ['irregular', 3],
        [chunkBytes, 2],
        [1, 4],
      ] as const) {
        if (how === 1 && size > 2 * chunkBytes) continue; // byte-at-a-time writes of a large input only slow the test
        const other = await compress(pieces(input, how), { chunkBytes, inFlight });
        assert.ok(other.equals(reference), `size ${size}, writes of ${how}, ${inFlight} in flight: different bytes`);
      }
    }
  });

  it('stores incompressible 64 KiB blocks as they are (no deflate), in one member, the same bytes everywhere', async () => {
    const text = (bytes: number, from: number): Buffer => Buffer.from(sample(bytes, from).map((b) => (b > 126 ? 32 : b)));
    const random = (bytes: number, seed: number): Buffer =>
      createCipheriv('aes-128-ctr', Buffer.alloc(16, seed), Buffer.alloc(16)).update(Buffer.alloc(bytes));
    const noise = random(700_000, 9);
    const tail = random(150_000, 10);
    // Text, a random stretch across a chunk boundary, text, and random to the very end (the final block stored).
    const input = Buffer.concat([text(200_000, 1), noise, text(300_000, 2), tail]);
    for (const chunkBytes of [64 << 10, gzipChunkBytes]) {
      const gz = await compress([input], { chunkBytes });
      assertOneMember(gz, input);
      // Stored blocks carry the bytes verbatim, 65,535 at a time (deflate would have re-coded any stretch it ran
      // over): nearly every 1,000-byte probe of the random stretches is found in the output as it is.
      const found = (data: Buffer): number => {
        let hits = 0;
        for (let at = 70_000; at + 1000 <= data.length - 70_000; at += 5000) hits += gz.includes(data.subarray(at, at + 1000)) ? 1 : 0;
        return hits / Math.floor((data.length - 140_000) / 5000);
      };
      assert.ok(found(noise) > 0.9, 'the random stretch is stored');
      assert.ok(gz.includes(tail.subarray(tail.length - 1000)), 'the random end is stored, in the final block');
      const single = gzipSync(input, { level: 6 }).length;
      if (chunkBytes === gzipChunkBytes) assert.ok(gz.length < single * 1.001, `${gz.length} bytes vs ${single} for one zlib stream`);
      for (const [how, inFlight] of [
        ['irregular', 2],
        [4096, 8],
      ] as const)
        assert.ok((await compress(pieces(input, how), { chunkBytes, inFlight })).equals(gz), `writes of ${how}: different bytes`);
    }
    const allRandom = random(3 * gzipChunkBytes + 1, 11);
    assertOneMember(await compress([allRandom]), allRandom);
  });

  it('takes no more input while its reader is behind, so a slow upload or disk bounds what it holds', async () => {
    // Random bytes are stored, not deflated: output comes as fast as input, and a slow reader must hold it back.
    const input = createCipheriv('aes-128-ctr', Buffer.alloc(16, 3), Buffer.alloc(16)).update(Buffer.alloc(24 * gzipChunkBytes));
    const gz = new ParallelGzip({ level: 6, inFlight: 4, highWaterMark: 64 << 10 });
    let held = 0;
    let read = 0;
    await pipeline(
      Readable.from(pieces(input, 256 << 10)),
      gz,
      new Writable({
        highWaterMark: 64 << 10,
        write(chunk: Buffer, _encoding, callback) {
          held = Math.max(held, gz.readableLength);
          read += chunk.length;
          setTimeout(callback, 2);
        },
      }),
    );
    assert.ok(read > input.length);
    // At most its buffer plus the 4 chunks in flight when the reader said stop (3 MiB measured; 7 MiB and growing
    // when it took input regardless), never the 24 MiB it was given.
    assert.ok(held <= 4 * gzipChunkBytes + (64 << 10), `${held} bytes waiting for the reader`);
  });

  it('changes its bytes with the chunk size (so the chunk size is part of the format, fixed in gzipChunkBytes)', async () => {
    const input = sample(300 << 10);
    const [a, b] = await Promise.all([compress([input], { chunkBytes: 64 << 10 }), compress([input], { chunkBytes: 128 << 10 })]);
    assertOneMember(a, input);
    assertOneMember(b, input);
    assert.notDeepEqual(a, b);
  });
});
