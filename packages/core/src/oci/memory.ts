import { PassThrough, type Readable } from 'node:stream';
import { OciError } from './errors.ts';
import { DigestStream } from './digest.ts';
import { isManifestMediaType } from './media-types.ts';
import { parseManifest, type Descriptor } from './descriptor.ts';
import { bytesSource, readAll, type BlobSource } from './content.ts';
import type { FetchedManifest, Target } from './target.ts';
import { compareBytes } from './order.ts';
import { filterByArtifactType, referrerDescriptor } from './referrers.ts';

/**
 * A target in memory. `stage()` adds trusted local content without reading it (a layer file we just built and
 * hashed), which is how an artifact is assembled before it is copied to its destination.
 */
export class MemoryStore implements Target {
  readonly name: string;
  readonly #content = new Map<string, { descriptor: Descriptor; source: BlobSource }>();
  readonly #tags = new Map<string, Descriptor>();

  constructor(name = 'memory') {
    this.name = name;
  }

  /** Adds content whose digest the caller computed itself; it is not re-read or re-verified here. */
  stage(descriptor: Descriptor, source: BlobSource): void {
    this.#content.set(descriptor.digest, { descriptor, source });
  }

  source(descriptor: Descriptor): BlobSource {
    const entry = this.#content.get(descriptor.digest);
    if (!entry) throw missing(this.name, descriptor.digest);
    return entry.source;
  }

  async resolve(reference: string): Promise<Descriptor> {
    const tagged = this.#tags.get(reference);
    if (tagged) return tagged;
    const entry = this.#content.get(reference);
    if (entry && isManifestMediaType(entry.descriptor.mediaType)) return entry.descriptor;
    throw missing(this.name, reference);
  }

  async fetchManifest(reference: string): Promise<FetchedManifest> {
    const descriptor = await this.resolve(reference);
    return { descriptor, bytes: await readAll(await this.fetch(descriptor)) };
  }

  async fetch(descriptor: Descriptor): Promise<Readable> {
    const verifier = new DigestStream({ digest: descriptor.digest, size: descriptor.size });
    const stream = this.source(descriptor).open();
    stream.on('error', (err) => verifier.destroy(err));
    return stream.pipe(verifier);
  }

  async exists(descriptor: Descriptor): Promise<boolean> {
    return this.#content.has(descriptor.digest);
  }

  async push(descriptor: Descriptor, content: BlobSource): Promise<void> {
    const verifier = new DigestStream({ digest: descriptor.digest, size: descriptor.size });
    const stream = content.open();
    stream.on('error', (err) => verifier.destroy(err));
    const bytes = await readAll(stream.pipe(verifier));
    if (bytes.length !== descriptor.size)
      throw new OciError('SIZE_INVALID', `content for ${descriptor.digest} is ${bytes.length} bytes, expected ${descriptor.size}`);
    this.#content.set(descriptor.digest, {
      descriptor: { mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size },
      source: bytesSource(bytes),
    });
  }

  async pushReference(descriptor: Descriptor, bytes: Buffer, reference: string): Promise<void> {
    await this.push(descriptor, bytesSource(bytes));
    await this.tag(descriptor, reference);
  }

  async tag(descriptor: Descriptor, tag: string): Promise<void> {
    const entry = this.#content.get(descriptor.digest);
    if (!entry) throw missing(this.name, descriptor.digest);
    this.#tags.set(tag, entry.descriptor);
  }

  async tags(): Promise<string[]> {
    return [...this.#tags.keys()].sort(compareBytes);
  }

  async referrers(descriptor: Descriptor, options: { artifactType?: string } = {}): Promise<Descriptor[]> {
    const found: Descriptor[] = [];
    for (const { descriptor: candidate } of this.#content.values()) {
      if (!isManifestMediaType(candidate.mediaType)) continue;
      const { manifest } = parseManifest(await readAll(this.source(candidate).open()), candidate.mediaType);
      if (manifest.subject?.digest === descriptor.digest) found.push(referrerDescriptor(candidate, manifest));
    }
    return filterByArtifactType(found, options.artifactType);
  }

  async delete(descriptor: Descriptor): Promise<void> {
    if (!this.#content.delete(descriptor.digest)) throw missing(this.name, descriptor.digest);
    for (const [tag, target] of this.#tags) if (target.digest === descriptor.digest) this.#tags.delete(tag);
  }
}

function missing(name: string, reference: string): OciError {
  return new OciError('NOT_FOUND', `${reference} not found in ${name}`, { status: 404 });
}

/** A BlobSource reading from a target's verified fetch; reopening re-fetches and skips to the offset. */
export function targetSource(target: Target, descriptor: Descriptor): BlobSource {
  return {
    size: descriptor.size,
    open(start = 0, end = descriptor.size) {
      const out = new PassThrough();
      void (async () => {
        let position = 0;
        for await (const chunk of await target.fetch(descriptor)) {
          const buffer = chunk as Buffer;
          const from = Math.max(0, start - position);
          const to = Math.min(buffer.length, end - position);
          position += buffer.length;
          if (to > from && !out.write(buffer.subarray(from, to))) await new Promise((resolve) => out.once('drain', resolve));
          if (position >= end && end < descriptor.size) break;
        }
        out.end();
      })().catch((err: unknown) => out.destroy(err as Error));
      return out;
    },
  };
}
