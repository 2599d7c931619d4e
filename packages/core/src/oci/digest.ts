import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { OciError, InvalidReferenceError } from './errors.ts';

const algorithms = { sha256: 64, sha512: 128 } as const;
export type DigestAlgorithm = keyof typeof algorithms;

/** OCI digest grammar (image-spec descriptor.md), restricted to the algorithms registries accept. */
const digestPattern = /^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;

export function parseDigest(value: string): { algorithm: DigestAlgorithm; hex: string } {
  const match = digestPattern.exec(value);
  if (!match) {
    throw new InvalidReferenceError('digest', value, 'expected <algorithm>:<hex>, e.g. sha256:<64 hex characters>');
  }
  const [, algorithm = '', hex = ''] = match;
  if (!(algorithm in algorithms)) {
    throw new InvalidReferenceError('digest', value, `unsupported algorithm "${algorithm}" (use sha256 or sha512)`);
  }
  const length = algorithms[algorithm as DigestAlgorithm];
  if (hex.length !== length || !/^[a-f0-9]+$/.test(hex)) {
    throw new InvalidReferenceError('digest', value, `${algorithm} needs ${length} lowercase hex characters`);
  }
  return { algorithm: algorithm as DigestAlgorithm, hex };
}

export function isDigest(value: string): boolean {
  try {
    parseDigest(value);
    return true;
  } catch {
    return false;
  }
}

export function sha256(data: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

export function createDigester(digest: string): Hash {
  return createHash(parseDigest(digest).algorithm);
}

/**
 * A pass-through stream that hashes and counts what flows through it. With `expect`, it fails the stream
 * when the content does not match the expected digest and size, so nothing reads unverified bytes as good.
 */
export class DigestStream extends Transform {
  readonly #hash: Hash;
  readonly #expect: { digest: string; size: number } | undefined;
  #size = 0;
  #digest: string | undefined;

  constructor(expect?: { digest: string; size: number }, algorithm: DigestAlgorithm = 'sha256') {
    super();
    this.#expect = expect;
    this.#hash = createHash(expect ? parseDigest(expect.digest).algorithm : algorithm);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#size += chunk.length;
    if (this.#expect && this.#size > this.#expect.size) {
      callback(new OciError('SIZE_INVALID', `content of ${this.#expect.digest} is larger than its descriptor size ${this.#expect.size}`));
      return;
    }
    this.#hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const algorithm = this.#expect ? parseDigest(this.#expect.digest).algorithm : 'sha256';
    this.#digest = `${algorithm}:${this.#hash.digest('hex')}`;
    if (this.#expect && (this.#digest !== this.#expect.digest || this.#size !== this.#expect.size)) {
      callback(
        new OciError(
          'DIGEST_MISMATCH',
          `downloaded content does not match ${this.#expect.digest} (got ${this.#digest}, ${this.#size} bytes)`,
        ),
      );
      return;
    }
    callback();
  }

  get size(): number {
    return this.#size;
  }

  /** The digest of everything that passed; available once the stream has finished. */
  get digest(): string {
    if (!this.#digest) throw new Error('DigestStream: digest read before the stream finished');
    return this.#digest;
  }
}

/** Verifies a buffer against a descriptor's digest and size. */
export function verifyBytes(data: Uint8Array, expect: { digest: string; size?: number }): void {
  const { algorithm } = parseDigest(expect.digest);
  const actual = `${algorithm}:${createHash(algorithm).update(data).digest('hex')}`;
  if (actual !== expect.digest || (expect.size !== undefined && expect.size !== data.length)) {
    throw new OciError('DIGEST_MISMATCH', `content does not match ${expect.digest} (got ${actual}, ${data.length} bytes)`);
  }
}
