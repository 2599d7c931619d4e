import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  parseDigest,
  isDigest,
  sha256,
  createDigester,
  DigestStream,
  verifyBytes,
  referrersTag,
  readAll,
  OciError,
  InvalidReferenceError,
} from '@d2ci/core/oci';

const hex = (algorithm: string, data: Buffer | string): string => createHash(algorithm).update(data).digest('hex');

/** Pipes `chunks` through a DigestStream and collects what comes out. */
async function through(stream: DigestStream, chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(Readable.from(chunks), stream, async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) out.push(chunk);
  });
  return Buffer.concat(out);
}

describe('parseDigest', () => {
  it('accepts sha256 and sha512 with the right number of lowercase hex characters', () => {
    const h256 = hex('sha256', 'x');
    const h512 = hex('sha512', 'x');
    assert.deepEqual(parseDigest(`sha256:${h256}`), { algorithm: 'sha256', hex: h256 });
    assert.deepEqual(parseDigest(`sha512:${h512}`), { algorithm: 'sha512', hex: h512 });
    assert.equal(isDigest(`sha256:${h256}`), true);
  });

  const bad: [string, RegExp][] = [
    ['', /expected <algorithm>:<hex>/],
    ['sha256', /expected <algorithm>:<hex>/],
    [`sha256-${'a'.repeat(64)}`, /expected <algorithm>:<hex>/],
    [`sha256:${'a'.repeat(63)}`, /sha256 needs 64 lowercase hex characters/],
    [`sha256:${'a'.repeat(65)}`, /sha256 needs 64/],
    [`sha256:${'A'.repeat(64)}`, /sha256 needs 64 lowercase/],
    [`sha256:${'g'.repeat(64)}`, /sha256 needs 64/],
    [`sha512:${'a'.repeat(64)}`, /sha512 needs 128/],
    [`md5:${'a'.repeat(32)}`, /unsupported algorithm "md5"/],
    [`blake3:${'a'.repeat(64)}`, /unsupported algorithm "blake3"/],
    [`SHA256:${'a'.repeat(64)}`, /expected <algorithm>:<hex>/],
    [` sha256:${'a'.repeat(64)}`, /expected <algorithm>:<hex>/],
  ];
  for (const [value, pattern] of bad) {
    it(`rejects ${JSON.stringify(value.length > 40 ? `${value.slice(0, 30)}…` : value)}`, () => {
      assert.throws(
        () => parseDigest(value),
        (err: unknown) =>
          err instanceof InvalidReferenceError &&
          err.code === 'INVALID_REFERENCE' &&
          pattern.test(err.message) &&
          err.message.includes(`"${value}"`),
      );
      assert.equal(isDigest(value), false);
    });
  }

  it('computes sha256 digests of strings and bytes the same way', () => {
    assert.equal(sha256('hello'), `sha256:${hex('sha256', 'hello')}`);
    assert.equal(sha256(Buffer.from('hello')), sha256('hello'));
    assert.equal(sha256(''), 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const digester = createDigester(`sha512:${hex('sha512', '')}`);
    assert.equal(digester.update('abc').digest('hex'), hex('sha512', 'abc'));
  });
});

describe('DigestStream', () => {
  const data = randomBytes(10_000);
  const chunks = [data.subarray(0, 1), data.subarray(1, 4097), data.subarray(4097)];

  it('passes bytes through unchanged and reports the digest and size of what flowed', async () => {
    const stream = new DigestStream();
    assert.throws(() => stream.digest, /before the stream finished/);
    const out = await through(stream, chunks);
    assert.deepEqual(out, data);
    assert.equal(stream.digest, sha256(data));
    assert.equal(stream.size, data.length);
  });

  it('verifies against an expected sha256 and sha512 descriptor', async () => {
    const ok = new DigestStream({ digest: sha256(data), size: data.length });
    assert.deepEqual(await through(ok, chunks), data);
    assert.equal(ok.digest, sha256(data));
    const ok512 = new DigestStream({ digest: `sha512:${hex('sha512', data)}`, size: data.length });
    await through(ok512, chunks);
    assert.equal(ok512.digest, `sha512:${hex('sha512', data)}`);
  });

  it('fails with DIGEST_MISMATCH when the content differs but has the right size', async () => {
    const tampered = Buffer.from(data);
    tampered[5000] = (tampered[5000] ?? 0) ^ 0xff;
    const stream = new DigestStream({ digest: sha256(data), size: data.length });
    await assert.rejects(
      through(stream, [tampered]),
      (err: unknown) => err instanceof OciError && err.code === 'DIGEST_MISMATCH' && err.message.includes(sha256(tampered)),
    );
  });

  it('fails with DIGEST_MISMATCH when the content is shorter than the descriptor', async () => {
    const stream = new DigestStream({ digest: sha256(data), size: data.length });
    await assert.rejects(
      through(stream, [data.subarray(0, 9_999)]),
      (err: unknown) => err instanceof OciError && err.code === 'DIGEST_MISMATCH' && /9999 bytes/.test(err.message),
    );
  });

  it('fails with SIZE_INVALID as soon as more bytes arrive than the descriptor allows, without passing them on', async () => {
    const stream = new DigestStream({ digest: sha256(data), size: 4096 });
    const seen: Buffer[] = [];
    await assert.rejects(
      pipeline(Readable.from(chunks), stream, async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) seen.push(chunk);
      }),
      (err: unknown) => err instanceof OciError && err.code === 'SIZE_INVALID' && /larger than its descriptor size 4096/.test(err.message),
    );
    assert.ok(Buffer.concat(seen).length <= 4096, 'no byte beyond the descriptor size reached the reader');
  });

  it('refuses an expectation whose digest does not parse', () => {
    assert.throws(() => new DigestStream({ digest: 'sha256:nope', size: 1 }), /invalid digest/);
  });
});

describe('verifyBytes', () => {
  const data = Buffer.from('the exact bytes');
  it('accepts matching digest (and size when given)', () => {
    verifyBytes(data, { digest: sha256(data) });
    verifyBytes(data, { digest: sha256(data), size: data.length });
    verifyBytes(data, { digest: `sha512:${hex('sha512', data)}`, size: data.length });
  });
  it('rejects a different digest, a wrong size and a malformed digest', () => {
    assert.throws(
      () => verifyBytes(data, { digest: sha256('other') }),
      (err: OciError) => err.code === 'DIGEST_MISMATCH' && err.message.includes(sha256(data)),
    );
    assert.throws(
      () => verifyBytes(data, { digest: sha256(data), size: data.length + 1 }),
      (err: OciError) => err.code === 'DIGEST_MISMATCH',
    );
    assert.throws(
      () => verifyBytes(data, { digest: 'sha256:zz' }),
      (err: OciError) => err.code === 'INVALID_REFERENCE',
    );
  });
});

describe('referrersTag (Referrers Tag Schema)', () => {
  it('maps sha256:<hex> to sha256-<hex>', () => {
    const h = hex('sha256', 'subject');
    assert.equal(referrersTag(`sha256:${h}`), `sha256-${h}`);
  });
  it('truncates the encoded part to 64 characters for sha512', () => {
    const h = hex('sha512', 'subject');
    const tag = referrersTag(`sha512:${h}`);
    assert.equal(tag, `sha512-${h.slice(0, 64)}`);
    assert.ok(tag.length <= 128);
  });
  it('rejects what is not a digest', () => {
    assert.throws(() => referrersTag('latest'), /invalid digest/);
  });
});

describe('readAll', () => {
  it('reads everything, and refuses to buffer beyond a limit', async () => {
    assert.deepEqual(await readAll(Readable.from([Buffer.from('ab'), Buffer.from('cd')])), Buffer.from('abcd'));
    await assert.rejects(
      readAll(Readable.from([Buffer.from('ab'), Buffer.from('cd')]), 3),
      (err: OciError) => err.code === 'SIZE_INVALID' && /3-byte limit/.test(err.message),
    );
  });
});
