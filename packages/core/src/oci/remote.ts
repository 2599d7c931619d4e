import { Readable } from 'node:stream';
import { OciError, isNotFound } from './errors.ts';
import { DigestStream, verifyBytes, sha256 } from './digest.ts';
import { compareBytes } from './order.ts';
import { isIndexMediaType, isManifestMediaType, manifestMediaTypes, MediaType } from './media-types.ts';
import { parseManifest, type Descriptor, type ImageIndex } from './descriptor.ts';
import { readAll, type BlobSource } from './content.ts';
import { targetSource } from './memory.ts';
import type { BlobPushResult, FetchedManifest, MountingTarget } from './target.ts';
import { networkErrorCode } from './http.ts';
import type { Action } from './auth.ts';
import type { RegistryConnection, RegistryRequest } from './registry-connection.ts';
import { responseError } from './response-error.ts';
import { KnownContent } from './known-content.ts';
import { addReferrer, emptyReferrersIndex, filterByArtifactType, referrerDescriptor, referrersTag, removeReferrer } from './referrers.ts';

export interface UploadOptions {
  /** Blobs up to this size go in one PUT; larger ones in PATCH chunks. */
  monolithicLimit?: number;
  /** PATCH chunk size; ECR needs at least 5 MiB for every chunk but the last. */
  chunkSize?: number;
}

const defaultMonolithicLimit = 128 * 1024 * 1024;
const defaultChunkSize = 32 * 1024 * 1024;
const maxManifestBytes = 8 * 1024 * 1024;
const manifestAccept = manifestMediaTypes.join(', ');
/** Tag-index updates in flight, by registry, repository and subject (see `#updateReferrersIndex`). */
const indexUpdates = new Map<string, Promise<void>>();

/** A repository on an OCI distribution registry, as a Target. */
export class RemoteRepository implements MountingTarget {
  readonly registry: string;
  readonly repository: string;
  readonly name: string;
  /** Whether this client reaches the registry over plain HTTP (`insecure`, a loopback host, or an http endpoint). */
  readonly plainHttp: boolean;
  readonly #client: RegistryConnection;
  readonly #monolithicLimit: number;
  readonly #chunkSize: number;
  /** Set by `expectPush`: reads ask for the push scope too (one token for the whole push). */
  #pushing = false;
  /**
   * Whether the registry serves the referrers API: learnt from the first answer (a registry with the API answers
   * 200 even with no referrers), so later lookups go straight to the tag schema (oras-go Repository.referrersState).
   */
  #referrersApi: boolean | undefined;
  /** Digests this client has read or written (immutable content): read again without a round trip. */
  readonly #known = new KnownContent();

  constructor(client: RegistryConnection, registry: string, repository: string, upload: UploadOptions = {}) {
    this.#client = client;
    this.registry = registry;
    this.repository = repository;
    this.name = `${registry}/${repository}`;
    this.plainHttp = client.baseUrl(registry).startsWith('http:');
    this.#monolithicLimit = upload.monolithicLimit ?? defaultMonolithicLimit;
    this.#chunkSize = Math.max(1, upload.chunkSize ?? defaultChunkSize);
  }

  #url(path: string): string {
    return `${this.#client.baseUrl(this.registry)}/v2/${this.repository}/${path}`;
  }

  expectPush(): void {
    this.#pushing = true;
  }

  preconnect(connections: number): void {
    this.#client.transport.preconnect(this.#client.baseUrl(this.registry), connections);
  }

  #send(
    request: Omit<RegistryRequest, 'scopes'>,
    actions: readonly Action[] = ['pull'],
    extraScopes: readonly string[] = [],
  ): Promise<Response> {
    // A pull+push token covers the reads too (auth.ts reuses any live token whose scopes cover a request's).
    if (this.#pushing && actions.length === 1 && actions[0] === 'pull') actions = ['pull', 'push'];
    return this.#client.send(this.registry, { ...request, scopes: [...this.#client.scopes(this.repository, actions), ...extraScopes] });
  }

  async resolve(reference: string): Promise<Descriptor> {
    const response = await this.#send({ method: 'HEAD', url: this.#url(`manifests/${reference}`), headers: { accept: manifestAccept } });
    if (response.status === 404) throw notFound(this.name, reference);
    if (!response.ok) throw await responseError(response, `resolve ${this.name}:${reference}`);
    const digest = response.headers.get('docker-content-digest');
    const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim();
    const size = Number(response.headers.get('content-length'));
    if (!digest || !mediaType || !isManifestMediaType(mediaType) || !Number.isSafeInteger(size)) {
      // Older registries may omit the digest on HEAD; GET tells us everything.
      return (await this.fetchManifest(reference)).descriptor;
    }
    if (reference.includes(':') && digest !== reference) {
      throw new OciError('DIGEST_MISMATCH', `${this.name} answered ${digest} for ${reference}`);
    }
    return { mediaType, digest, size };
  }

  async fetchManifest(reference: string): Promise<FetchedManifest> {
    const known = this.#known.content(reference);
    if (known?.mediaType)
      return { descriptor: { mediaType: known.mediaType, digest: reference, size: known.bytes.length }, bytes: known.bytes };
    const response = await this.#send({ method: 'GET', url: this.#url(`manifests/${reference}`), headers: { accept: manifestAccept } });
    if (response.status === 404) {
      await response.body?.cancel();
      throw notFound(this.name, reference);
    }
    if (!response.ok) throw await responseError(response, `fetch manifest ${this.name}:${reference}`);
    const bytes = await readAll(response.body ?? Readable.from([]), maxManifestBytes);
    const byDigest = reference.includes(':');
    const digest = byDigest ? reference : sha256(bytes);
    if (byDigest) verifyBytes(bytes, { digest });
    const claimed = response.headers.get('docker-content-digest');
    if (!byDigest && claimed?.startsWith('sha256:') && claimed !== digest) {
      throw new OciError('DIGEST_MISMATCH', `${this.name}:${reference} claims ${claimed} but its content hashes to ${digest}`);
    }
    const { mediaType } = parseManifest(bytes, response.headers.get('content-type') ?? undefined);
    this.#known.remember(digest, bytes, mediaType);
    return { descriptor: { mediaType, digest, size: bytes.length }, bytes };
  }

  async fetch(descriptor: Descriptor): Promise<Readable> {
    const known = this.#known.content(descriptor.digest);
    if (known && known.bytes.length === descriptor.size) return Readable.from([known.bytes]);
    const manifest = isManifestMediaType(descriptor.mediaType);
    const headers: Record<string, string> = manifest ? { accept: manifestAccept } : { 'accept-encoding': 'identity' };
    const response = await this.#send({
      method: 'GET',
      url: this.#url(`${manifest ? 'manifests' : 'blobs'}/${descriptor.digest}`),
      headers,
    });
    if (response.status === 404) {
      await response.body?.cancel();
      throw notFound(this.name, descriptor.digest, manifest ? 'MANIFEST_UNKNOWN' : 'BLOB_UNKNOWN');
    }
    if (!response.ok || !response.body) throw await responseError(response, `fetch ${descriptor.digest} from ${this.name}`);
    const verifier = new DigestStream({ digest: descriptor.digest, size: descriptor.size });
    const body = Readable.fromWeb(response.body);
    body.on('error', (err) => verifier.destroy(err));
    const verified = body.pipe(verifier);
    if (descriptor.size > KnownContent.maxBlobBytes) {
      // Read to the end, it was verified (DigestStream checks before it ends): it exists.
      verified.once('end', () => this.#known.remember(descriptor.digest));
      return verified;
    }
    // Small (a signature's payload, a bundle, a config): read whole, verified, and kept for the next read.
    const bytes = await readAll(verified, KnownContent.maxBlobBytes);
    this.#known.remember(descriptor.digest, bytes, manifest ? descriptor.mediaType : undefined);
    return Readable.from([bytes]);
  }

  source(descriptor: Descriptor): BlobSource {
    return targetSource(this, descriptor);
  }

  async exists(descriptor: Descriptor): Promise<boolean> {
    if (this.#known.has(descriptor.digest)) return true;
    const kind = isManifestMediaType(descriptor.mediaType) ? 'manifests' : 'blobs';
    const headers: Record<string, string> = kind === 'manifests' ? { accept: manifestAccept } : {};
    const response = await this.#send({ method: 'HEAD', url: this.#url(`${kind}/${descriptor.digest}`), headers });
    if (response.status === 404) return false;
    if (response.ok) {
      this.#known.remember(descriptor.digest);
      return true;
    }
    throw await responseError(response, `check ${descriptor.digest} in ${this.name}`);
  }

  async push(descriptor: Descriptor, content: BlobSource): Promise<void> {
    if (isManifestMediaType(descriptor.mediaType)) {
      const bytes = await readAll(content.open(), maxManifestBytes);
      await this.pushReference(descriptor, bytes, descriptor.digest);
      return;
    }
    await this.#upload(descriptor, content, undefined);
    this.#known.remember(descriptor.digest);
  }

  async mount(descriptor: Descriptor, fromRepository: string, fallback: BlobSource): Promise<BlobPushResult> {
    const result = await this.#upload(descriptor, fallback, fromRepository);
    this.#known.remember(descriptor.digest);
    return result;
  }

  async pushReference(descriptor: Descriptor, bytes: Buffer, reference: string): Promise<void> {
    verifyBytes(bytes, descriptor);
    const response = await this.#send(
      { method: 'PUT', url: this.#url(`manifests/${reference}`), headers: { 'content-type': descriptor.mediaType }, body: () => bytes },
      ['pull', 'push'],
    );
    if (response.status !== 201 && response.status !== 200) {
      throw await responseError(response, `push manifest ${this.name}:${reference}`);
    }
    await response.body?.cancel();
    const stored = response.headers.get('docker-content-digest');
    if (stored?.startsWith('sha256:') && descriptor.digest.startsWith('sha256:') && stored !== descriptor.digest) {
      throw new OciError('DIGEST_MISMATCH', `${this.name} stored ${reference} as ${stored}, expected ${descriptor.digest}`);
    }
    const { manifest } = parseManifest(bytes, descriptor.mediaType);
    this.#known.remember(descriptor.digest, bytes, descriptor.mediaType);
    if (manifest.subject && !response.headers.get('oci-subject')) {
      // The registry has no referrers API: keep the Referrers Tag Schema index up to date instead.
      await this.#updateReferrersIndex(manifest.subject.digest, (index) => addReferrer(index, referrerDescriptor(descriptor, manifest)));
    }
  }

  async tag(descriptor: Descriptor, tag: string): Promise<void> {
    const { bytes } = await this.fetchManifest(descriptor.digest);
    await this.pushReference(descriptor, bytes, tag);
  }

  async tags(): Promise<string[]> {
    const tags: string[] = [];
    const seen = new Set<string>();
    let next: string | undefined = this.#url('tags/list?n=1000');
    while (next && !seen.has(next)) {
      seen.add(next);
      const response = await this.#send({ method: 'GET', url: next, headers: { accept: 'application/json' } });
      if (response.status === 404) {
        await response.body?.cancel();
        return [];
      }
      if (!response.ok) throw await responseError(response, `list tags of ${this.name}`);
      const body = await jsonBody<{ tags?: string[] | null }>(response, `the tag list of ${this.name}`);
      if (body.tags !== undefined && body.tags !== null && (!Array.isArray(body.tags) || body.tags.some((t) => typeof t !== 'string')))
        throw new OciError('INVALID_RESPONSE', `the tag list of ${this.name} is not a list of names`);
      tags.push(...(body.tags ?? []));
      next = nextLink(response.headers.get('link'), next);
    }
    return [...new Set(tags)].sort(compareBytes);
  }

  async referrers(descriptor: Descriptor, options: { artifactType?: string } = {}): Promise<Descriptor[]> {
    const query = options.artifactType ? `?artifactType=${encodeURIComponent(options.artifactType)}` : '';
    const viaTags = async (): Promise<Descriptor[]> =>
      filterByArtifactType((await this.#readReferrersIndex(descriptor.digest))?.index.manifests ?? [], options.artifactType);
    if (this.#referrersApi === false) return viaTags();
    let next: string | undefined = this.#url(`referrers/${descriptor.digest}${query}`);
    const found: Descriptor[] = [];
    let filtered = true;
    const seen = new Set<string>();
    while (next && !seen.has(next)) {
      seen.add(next);
      const response = await this.#send({ method: 'GET', url: next, headers: { accept: MediaType.ociIndex } });
      const type = response.headers.get('content-type')?.split(';')[0]?.trim();
      if (response.status === 401 || response.status === 403) throw await responseError(response, `list referrers of ${descriptor.digest}`);
      if (response.status !== 200 || type !== MediaType.ociIndex) {
        // No referrers API here (distribution 2.8 and GHCR answer 404): use the tag schema.
        await response.body?.cancel();
        // Remembered only from an answer that says so (not from a 5xx the retries could not get past).
        if (response.status === 404 || response.status === 200) this.#referrersApi = false;
        return viaTags();
      }
      this.#referrersApi = true;
      const index = await jsonBody<ImageIndex>(response, `the referrers of ${descriptor.digest} in ${this.name}`);
      found.push(...(index.manifests ?? []));
      filtered &&= (response.headers.get('oci-filters-applied') ?? '')
        .split(',')
        .map((s) => s.trim())
        .includes('artifactType');
      next = nextLink(response.headers.get('link'), next);
    }
    return filtered ? found : filterByArtifactType(found, options.artifactType);
  }

  async delete(descriptor: Descriptor): Promise<void> {
    const manifest = isManifestMediaType(descriptor.mediaType);
    let subject: string | undefined;
    if (manifest) {
      const fetched = await this.fetchManifest(descriptor.digest).catch((err: unknown) => {
        if (isNotFound(err)) return undefined;
        throw err;
      });
      if (fetched) subject = parseManifest(fetched.bytes, fetched.descriptor.mediaType).manifest.subject?.digest;
    }
    const response = await this.#send({ method: 'DELETE', url: this.#url(`${manifest ? 'manifests' : 'blobs'}/${descriptor.digest}`) }, [
      'pull',
      'push',
      'delete',
    ]);
    this.#known.forget(descriptor.digest);
    if (response.status === 404) {
      await response.body?.cancel();
      throw notFound(this.name, descriptor.digest, manifest ? 'MANIFEST_UNKNOWN' : 'BLOB_UNKNOWN');
    }
    if (!response.ok) throw await responseError(response, `delete ${descriptor.digest} from ${this.name}`);
    await response.body?.cancel();
    if (subject) await this.#updateReferrersIndex(subject, (index) => removeReferrer(index, descriptor.digest), { ifPresent: true });
  }

  async #readReferrersIndex(subject: string): Promise<{ index: ImageIndex; etag: string | null } | undefined> {
    const tag = referrersTag(subject);
    const response = await this.#send({ method: 'GET', url: this.#url(`manifests/${tag}`), headers: { accept: MediaType.ociIndex } });
    if (response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    if (!response.ok) throw await responseError(response, `read referrers index ${this.name}:${tag}`);
    const bytes = await readAll(response.body ?? Readable.from([]), maxManifestBytes);
    const { manifest, mediaType } = parseManifest(bytes, response.headers.get('content-type') ?? undefined);
    if (!isIndexMediaType(mediaType))
      throw new OciError('MANIFEST_INVALID', `${this.name}:${tag} is not an image index, so it cannot hold referrers`);
    return { index: manifest as ImageIndex, etag: response.headers.get('etag') };
  }

  /**
   * Read-modify-write of the subject's tag index, one at a time per index in this process: registries may ignore
   * If-Match (distribution 2.8 does), so two referrers pushed at once (a copy's, a signer's) would drop one entry.
   */
  async #updateReferrersIndex(
    subject: string,
    change: (index: ImageIndex) => boolean,
    options: { ifPresent?: boolean } = {},
  ): Promise<void> {
    const key = `${this.#client.baseUrl(this.registry)}/${this.repository}@${subject}`;
    const previous = indexUpdates.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.#rewriteReferrersIndex(subject, change, options));
    indexUpdates.set(key, next);
    try {
      await next;
    } finally {
      if (indexUpdates.get(key) === next) indexUpdates.delete(key);
    }
  }

  async #rewriteReferrersIndex(subject: string, change: (index: ImageIndex) => boolean, options: { ifPresent?: boolean }): Promise<void> {
    const current = await this.#readReferrersIndex(subject);
    if (!current && options.ifPresent) return;
    const index = current?.index ?? emptyReferrersIndex();
    if (!change(index)) return;
    const bytes = Buffer.from(JSON.stringify(index));
    const headers: Record<string, string> = { 'content-type': MediaType.ociIndex };
    if (current?.etag) headers['if-match'] = current.etag;
    const tag = referrersTag(subject);
    const response = await this.#send({ method: 'PUT', url: this.#url(`manifests/${tag}`), headers, body: () => bytes }, ['pull', 'push']);
    if (response.status !== 201 && response.status !== 200)
      throw await responseError(response, `update referrers index ${this.name}:${tag}`);
    await response.body?.cancel();
  }

  /**
   * Uploads a blob: optional cross-repository mount, then one streamed PUT or PATCH chunks. A failed attempt
   * is retried from a fresh session (or resumed at the registry's offset, for chunks), after checking
   * whether the blob landed anyway.
   */
  async #upload(descriptor: Descriptor, content: BlobSource, mountFrom: string | undefined): Promise<BlobPushResult> {
    if (content.size !== descriptor.size) {
      throw new OciError(
        'SIZE_INVALID',
        `content for ${descriptor.digest} is ${content.size} bytes, its descriptor says ${descriptor.size}`,
      );
    }
    const policy = this.#client.transport.policy;
    const mountScope = mountFrom ? this.#client.scopes(mountFrom, ['pull']) : [];
    for (let attempt = 1; ; attempt++) {
      try {
        const mountQuery = mountFrom ? `?mount=${encodeURIComponent(descriptor.digest)}&from=${encodeURIComponent(mountFrom)}` : '';
        const start = await this.#send(
          { method: 'POST', url: this.#url(`blobs/uploads/${mountQuery}`), headers: { 'content-length': '0' } },
          ['pull', 'push'],
          mountScope,
        );
        if (start.status === 201 && mountFrom) {
          await start.body?.cancel();
          return 'mounted';
        }
        if (start.status !== 202) throw await responseError(start, `start upload of ${descriptor.digest} to ${this.name}`);
        await start.body?.cancel();
        let location = this.#location(start);
        if (descriptor.size > this.#monolithicLimit) location = await this.#patchChunks(location, content);
        const put = await this.#send(
          {
            method: 'PUT',
            url: withDigest(location, descriptor.digest),
            headers: {
              'content-type': 'application/octet-stream',
              'content-length': String(descriptor.size > this.#monolithicLimit ? 0 : descriptor.size),
            },
            ...(descriptor.size > this.#monolithicLimit
              ? { body: () => new Uint8Array() }
              : { upload: { source: content, start: 0, end: descriptor.size } }),
            retry: false,
          },
          ['pull', 'push'],
        );
        if (put.status !== 201 && put.status !== 204) throw await responseError(put, `upload ${descriptor.digest} to ${this.name}`);
        await put.body?.cancel();
        return 'uploaded';
      } catch (err) {
        if (attempt >= policy.attempts || !isRetryableUploadError(err)) throw err;
        if (await this.exists(descriptor).catch(() => false)) return 'uploaded';
        // The transport's retry budget is shared: a registry that keeps failing stops the whole push within it.
        if (!(await this.#client.transport.backoff(this.#client.transport.delayFor(attempt)))) throw err;
      }
    }
  }

  /** Sends the content in PATCH chunks, resuming at the registry's reported offset after a failure. */
  async #patchChunks(location: string, content: BlobSource): Promise<string> {
    const policy = this.#client.transport.policy;
    let offset = 0;
    let failures = 0;
    while (offset < content.size) {
      const end = Math.min(offset + this.#chunkSize, content.size);
      const from = offset;
      try {
        const response = await this.#send(
          {
            method: 'PATCH',
            url: location,
            headers: {
              'content-type': 'application/octet-stream',
              'content-length': String(end - from),
              'content-range': `${from}-${end - 1}`,
            },
            upload: { source: content, start: from, end },
            retry: false,
          },
          ['pull', 'push'],
        );
        if (response.status !== 202) throw await responseError(response, `upload chunk ${from}-${end - 1} to ${this.name}`);
        await response.body?.cancel();
        location = this.#location(response);
        offset = rangeEnd(response.headers.get('range'), end) ?? end;
      } catch (err) {
        if (++failures >= policy.attempts || !(isRetryableUploadError(err) || (err instanceof OciError && err.status === 416))) throw err;
        if (!(await this.#client.transport.backoff(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1))))) throw err;
        // Ask the registry how much it has (distribution-spec "Get upload status": 204 + Range).
        const status = await this.#send({ method: 'GET', url: location }, ['pull', 'push']);
        if (status.status !== 204) throw await responseError(status, `resume upload to ${this.name}`);
        await status.body?.cancel();
        location = this.#location(status, location);
        offset = rangeEnd(status.headers.get('range'), 0) ?? 0;
      }
    }
    return location;
  }

  #location(response: Response, fallback?: string): string {
    const location = response.headers.get('location') ?? fallback;
    if (!location) throw new OciError('BLOB_UPLOAD_INVALID', `${this.name} started an upload without a Location header`);
    return new URL(location, this.#client.baseUrl(this.registry)).href;
  }
}

function notFound(name: string, reference: string, code = 'MANIFEST_UNKNOWN'): OciError {
  const what = reference.includes(':') ? reference : `tag "${reference}"`;
  return new OciError(code, `${what} not found in ${name}`, { status: 404 });
}

function withDigest(location: string, digest: string): string {
  return `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`;
}

/**
 * The byte after the last one a `Range: 0-<end>` header reports as received. Registries answer `0-0` both for an
 * empty session and for one holding a single byte (distribution clamps `size-1` at 0); the caller says which
 * reading to take.
 */
function rangeEnd(range: string | null, whenZeroZero: number): number | undefined {
  const match = /^(?:bytes=)?0-([0-9]+)$/.exec(range?.trim() ?? '');
  if (!match) return undefined;
  return match[1] === '0' ? whenZeroZero : Number(match[1]) + 1;
}

function isRetryableUploadError(err: unknown): boolean {
  if (!(err instanceof OciError)) return networkErrorCode(err) !== undefined;
  if (err.code === 'NETWORK') return networkErrorCode(err.cause) !== 'ENOTFOUND';
  return (
    err.status === 429 ||
    (err.status !== undefined && err.status >= 500) ||
    ['BLOB_UPLOAD_UNKNOWN', 'BLOB_UPLOAD_INVALID', 'DIGEST_INVALID'].includes(err.code)
  );
}

/** A JSON response body, or one line saying what came instead (a login page, a proxy's error). */
async function jsonBody<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new OciError(
      'INVALID_RESPONSE',
      `${what} is not JSON (${response.headers.get('content-type') ?? 'no content type'}): ${JSON.stringify(text.slice(0, 60))}`,
    );
  }
}

/** The `rel="next"` target of a `Link` header, resolved against the current URL. */
export function nextLink(header: string | null, current: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
    const rel = /\brel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match?.[2] ?? '');
    const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (match && relations.includes('next')) return new URL(match[1] ?? '', current).href;
  }
  return undefined;
}
