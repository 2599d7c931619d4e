import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { OciError } from './errors.ts';
import { DigestStream, parseDigest, verifyBytes } from './digest.ts';
import { isManifestMediaType, MediaType } from './media-types.ts';
import { parseManifest, plainDescriptor, type Descriptor, type ImageIndex } from './descriptor.ts';
import { bytesSource, fileSource, type BlobSource } from './content.ts';
import type { FetchedManifest, Target } from './target.ts';
import { compareBytes } from './order.ts';
import { filterByArtifactType, referrerDescriptor } from './referrers.ts';
import { withFileLock } from './file-lock.ts';

export const refNameAnnotation = 'org.opencontainers.image.ref.name';
const layoutFile = JSON.stringify({ imageLayoutVersion: '1.0.0' });
/** As for registries (remote.ts): no manifest is read whole above this size. */
const maxManifestBytes = 8 * 1024 * 1024;

/** Serialises index.json updates per directory within this process; each write is an atomic rename. */
const indexLocks = new Map<string, Promise<unknown>>();

/**
 * An OCI image layout directory (image-spec image-layout.md): `oci-layout`, `index.json`, `blobs/<alg>/<hex>`.
 * Tags are `org.opencontainers.image.ref.name` annotations in index.json; untagged manifests stay listed there
 * too, so referrers can be found and nothing pushed becomes invisible. Readable by skopeo (`oci:DIR:TAG`).
 */
export class OciLayout implements Target {
  readonly dir: string;
  readonly name: string;
  #ready: Promise<void> | undefined;

  constructor(dir: string) {
    this.dir = resolve(dir);
    this.name = `oci-layout:${dir}`;
  }

  #blobPath(digest: string): string {
    const { algorithm, hex } = parseDigest(digest);
    return join(this.dir, 'blobs', algorithm, hex);
  }

  /** Creates the layout skeleton on first write. */
  #init(): Promise<void> {
    this.#ready ??= (async () => {
      await mkdir(join(this.dir, 'blobs', 'sha256'), { recursive: true });
      const existing = await readFile(join(this.dir, 'oci-layout'), 'utf8').catch(() => undefined);
      if (existing === undefined) await this.#writeAtomic('oci-layout', layoutFile);
      else if ((JSON.parse(existing) as { imageLayoutVersion?: string }).imageLayoutVersion !== '1.0.0') {
        throw new OciError('UNSUPPORTED', `${this.name} has an unsupported imageLayoutVersion`);
      }
      // Under the index lock, so a writer that found no index.json cannot replace one another writer just filled.
      await this.#locked(() =>
        stat(join(this.dir, 'index.json')).catch(() =>
          this.#writeIndex({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: [] }),
        ),
      );
    })();
    return this.#ready;
  }

  /** Writes a file in the layout by rename, so no reader ever sees it half-written. */
  async #writeAtomic(name: string, content: string): Promise<void> {
    const temp = join(this.dir, `.${name}.${randomBytes(6).toString('hex')}`);
    await writeFile(temp, content);
    await rename(temp, join(this.dir, name));
  }

  /**
   * Runs `fn` after every earlier index.json change to this directory in this process, holding `index.json.lock`
   * against other processes (concurrent pushes to one layout must not lose each other's tags).
   */
  async #locked<T>(fn: () => Promise<T>): Promise<T> {
    const previous = indexLocks.get(this.dir) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => withFileLock(join(this.dir, 'index.json.lock'), fn));
    indexLocks.set(this.dir, next);
    try {
      return await next;
    } finally {
      if (indexLocks.get(this.dir) === next) indexLocks.delete(this.dir);
    }
  }

  async #readIndex(): Promise<ImageIndex> {
    let text: string;
    try {
      text = await readFile(join(this.dir, 'index.json'), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: [] };
      throw err;
    }
    let index: ImageIndex;
    try {
      index = JSON.parse(text) as ImageIndex;
    } catch (err) {
      throw new OciError(
        'MANIFEST_INVALID',
        `${this.name}/index.json is not valid JSON (${(err as Error).message}); restore it or start a new layout`,
      );
    }
    if (!index || !Array.isArray(index.manifests)) throw new OciError('MANIFEST_INVALID', `${this.name}/index.json has no manifests array`);
    return index;
  }

  async #writeIndex(index: ImageIndex): Promise<void> {
    await this.#writeAtomic('index.json', JSON.stringify(index));
  }

  async #updateIndex(change: (index: ImageIndex) => void): Promise<void> {
    await this.#init();
    await this.#locked(async () => {
      const index = await this.#readIndex();
      change(index);
      await this.#writeIndex(index);
    });
  }

  async resolve(reference: string): Promise<Descriptor> {
    const index = await this.#readIndex();
    const byDigest = reference.includes(':');
    const entry = index.manifests.find((d) => (byDigest ? d.digest === reference : d.annotations?.[refNameAnnotation] === reference));
    if (entry) return { mediaType: entry.mediaType, digest: entry.digest, size: entry.size };
    if (byDigest) {
      const bytes = await this.#readManifestBlob(reference).catch((err: unknown) => {
        if (err instanceof OciError) throw err;
        return undefined;
      });
      if (bytes) {
        verifyBytes(bytes, { digest: reference });
        return { mediaType: parseManifest(bytes).mediaType, digest: reference, size: bytes.length };
      }
    }
    throw notFound(this.name, reference);
  }

  async fetchManifest(reference: string): Promise<FetchedManifest> {
    const descriptor = await this.resolve(reference);
    const bytes = await this.#readManifestBlob(descriptor.digest).catch((err: unknown) => {
      if (err instanceof OciError) throw err;
      throw notFound(this.name, descriptor.digest);
    });
    verifyBytes(bytes, descriptor);
    return { descriptor, bytes };
  }

  /** A manifest's bytes, refused above the size registries allow (a crafted layout cannot exhaust memory). */
  async #readManifestBlob(digest: string): Promise<Buffer> {
    const path = this.#blobPath(digest);
    const info = await stat(path);
    if (info.size > maxManifestBytes)
      throw new OciError(
        'MANIFEST_INVALID',
        `${this.name}: manifest ${digest} is ${info.size} bytes, over the ${maxManifestBytes} bytes a manifest may have`,
      );
    return readFile(path);
  }

  async fetch(descriptor: Descriptor): Promise<Readable> {
    if (!(await this.exists(descriptor))) throw notFound(this.name, descriptor.digest);
    const verifier = new DigestStream({ digest: descriptor.digest, size: descriptor.size });
    const stream = createReadStream(this.#blobPath(descriptor.digest), { highWaterMark: 1 << 20 });
    stream.on('error', (err) => verifier.destroy(err));
    return stream.pipe(verifier);
  }

  source(descriptor: Descriptor): BlobSource {
    return fileSource(this.#blobPath(descriptor.digest), descriptor.size);
  }

  async exists(descriptor: Descriptor): Promise<boolean> {
    const info = await stat(this.#blobPath(descriptor.digest)).catch(() => undefined);
    return info !== undefined && info.isFile() && info.size === descriptor.size;
  }

  async push(descriptor: Descriptor, content: BlobSource): Promise<void> {
    await this.#init();
    if (!(await this.exists(descriptor))) {
      const ingest = join(this.dir, 'ingest');
      await mkdir(ingest, { recursive: true });
      await mkdir(join(this.dir, 'blobs', parseDigest(descriptor.digest).algorithm), { recursive: true });
      const temp = join(ingest, randomBytes(8).toString('hex'));
      try {
        await pipeline(content.open(), new DigestStream({ digest: descriptor.digest, size: descriptor.size }), createWriteStream(temp));
        const written = await stat(temp);
        if (written.size !== descriptor.size)
          throw new OciError('SIZE_INVALID', `content for ${descriptor.digest} is ${written.size} bytes, expected ${descriptor.size}`);
        await rename(temp, this.#blobPath(descriptor.digest));
      } finally {
        await rm(temp, { force: true });
      }
    }
    if (isManifestMediaType(descriptor.mediaType)) {
      await this.#updateIndex((index) => {
        if (!index.manifests.some((d) => d.digest === descriptor.digest))
          index.manifests.push(plainDescriptor({ mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size }));
      });
    }
  }

  async pushReference(descriptor: Descriptor, bytes: Buffer, reference: string): Promise<void> {
    verifyBytes(bytes, descriptor);
    await this.push(descriptor, bytesSource(bytes));
    await this.tag(descriptor, reference);
  }

  async tag(descriptor: Descriptor, tag: string): Promise<void> {
    if (!(await this.exists(descriptor))) throw notFound(this.name, descriptor.digest);
    await this.#updateIndex((index) => {
      const moved = index.manifests.filter((d) => d.annotations?.[refNameAnnotation] === tag && d.digest !== descriptor.digest);
      index.manifests = index.manifests.filter(
        (d) => d.annotations?.[refNameAnnotation] !== tag && !(d.digest === descriptor.digest && !d.annotations?.[refNameAnnotation]),
      );
      index.manifests.push(
        plainDescriptor({
          mediaType: descriptor.mediaType,
          digest: descriptor.digest,
          size: descriptor.size,
          annotations: { [refNameAnnotation]: tag },
        }),
      );
      // A manifest that just lost its last tag stays listed, untagged, so it is still found (e.g. by referrers).
      for (const old of moved) {
        if (!index.manifests.some((d) => d.digest === old.digest))
          index.manifests.push(plainDescriptor({ mediaType: old.mediaType, digest: old.digest, size: old.size }));
      }
    });
  }

  async tags(): Promise<string[]> {
    const index = await this.#readIndex();
    const names = index.manifests.map((d) => d.annotations?.[refNameAnnotation]).filter((t): t is string => Boolean(t));
    return [...new Set(names)].sort(compareBytes);
  }

  async referrers(descriptor: Descriptor, options: { artifactType?: string } = {}): Promise<Descriptor[]> {
    const index = await this.#readIndex();
    const found: Descriptor[] = [];
    const seen = new Set<string>();
    for (const entry of index.manifests) {
      if (seen.has(entry.digest)) continue;
      seen.add(entry.digest);
      // A missing, corrupt or unparsable manifest elsewhere in the layout is not a referrer of this one: skip it
      // rather than fail every lookup (the tag that names it reports its own problem when it is read).
      let manifest;
      try {
        const bytes = await this.#readManifestBlob(entry.digest);
        verifyBytes(bytes, entry);
        manifest = parseManifest(bytes, entry.mediaType).manifest;
      } catch {
        continue;
      }
      if (manifest.subject?.digest === descriptor.digest) found.push(referrerDescriptor(entry, manifest));
    }
    return filterByArtifactType(found, options.artifactType);
  }

  async delete(descriptor: Descriptor): Promise<void> {
    if (!(await this.exists(descriptor))) throw notFound(this.name, descriptor.digest);
    if (isManifestMediaType(descriptor.mediaType)) {
      await this.#updateIndex((index) => {
        index.manifests = index.manifests.filter((d) => d.digest !== descriptor.digest);
      });
    }
    await rm(this.#blobPath(descriptor.digest), { force: true });
  }
}

function notFound(name: string, reference: string): OciError {
  const what = reference.includes(':') ? reference : `tag "${reference}"`;
  return new OciError(reference.includes(':') ? 'BLOB_UNKNOWN' : 'MANIFEST_UNKNOWN', `${what} not found in ${name}`, { status: 404 });
}
