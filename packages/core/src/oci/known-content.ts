/**
 * What one repository client has seen stored under a digest, read or written. Content addressed by a digest never
 * changes, so reading it again within a use case costs no round trip: a release reads the staging manifest and
 * its signature's payload, re-signs, then reads them again to check its own signature as production would. Like
 * the cache oras-go puts in front of a fetch (internal/cas/proxy.go). Tags and referrers are not digests, and are
 * always asked for.
 *
 * Kept with their bytes: manifests, and blobs up to `maxBlobBytes`; of larger ones only that they exist. Past
 * `budgetBytes` in all, only existence is kept.
 */
export class KnownContent {
  static readonly maxBlobBytes = 64 * 1024;
  readonly #budgetBytes: number;
  #heldBytes = 0;
  readonly #content = new Map<string, { bytes: Buffer; mediaType?: string }>();
  readonly #present = new Set<string>();

  constructor(budgetBytes = 16 * 1024 * 1024) {
    this.#budgetBytes = budgetBytes;
  }

  /** Records that `digest` is stored; with its bytes (already verified against it) when they are worth keeping. */
  remember(digest: string, bytes?: Buffer, mediaType?: string): void {
    this.#present.add(digest);
    if (!bytes || this.#content.has(digest) || this.#heldBytes + bytes.length > this.#budgetBytes) return;
    this.#content.set(digest, { bytes, ...(mediaType ? { mediaType } : {}) });
    this.#heldBytes += bytes.length;
  }

  content(digest: string): { bytes: Buffer; mediaType?: string } | undefined {
    return this.#content.get(digest);
  }

  has(digest: string): boolean {
    return this.#present.has(digest);
  }

  forget(digest: string): void {
    const held = this.#content.get(digest);
    if (held) this.#heldBytes -= held.bytes.length;
    this.#content.delete(digest);
    this.#present.delete(digest);
  }
}
