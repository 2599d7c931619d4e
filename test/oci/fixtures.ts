// Shared fixtures for the OCI tests: a scripted node:http server on 127.0.0.1 (real sockets) that records every
// request, and an in-memory registry that speaks the parts of the distribution spec docker-registry 2.8 lacks
// (referrers API, OCI-Subject, tag pagination, strict chunk ranges), with hooks for faults and auth.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { MediaType, type Descriptor } from '@d2ci/core/oci';

export interface Recorded {
  method: string;
  /** Path and query as sent. */
  path: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export type Handler = (req: Recorded, res: ServerResponse) => unknown;

export interface ScriptedServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The same server named `localhost`: another host as far as URLs and Authorization are concerned. */
  altUrl: string;
  /** `127.0.0.1:<port>` */
  host: string;
  port: number;
  requests: Recorded[];
  handler: Handler;
  close(): Promise<void>;
}

/** Starts a node:http server on 127.0.0.1 that reads each request body fully, records it, then calls `handler`. */
export async function startServer(handler: Handler): Promise<ScriptedServer> {
  const requests: Recorded[] = [];
  const scripted = { handler } as ScriptedServer;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const recorded: Recorded = {
        method: req.method ?? 'GET',
        path,
        url: new URL(path, `http://${req.headers.host ?? '127.0.0.1'}`),
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(recorded);
      Promise.resolve()
        .then(() => scripted.handler(recorded, res))
        .catch((err: unknown) => {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`test handler failed: ${String(err)}`);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  Object.assign(scripted, {
    url: `http://127.0.0.1:${port}`,
    altUrl: `http://localhost:${port}`,
    host: `127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return scripted;
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function digestOf(data: Uint8Array | string): string {
  return `sha256:${sha256Hex(data)}`;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

export function ociError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  json(res, status, { errors: [{ code, message }] }, headers);
}

/** A blob and its descriptor. */
export function blob(data: Buffer | string, mediaType = 'application/octet-stream'): { descriptor: Descriptor; bytes: Buffer } {
  const bytes = Buffer.from(data);
  return { descriptor: { mediaType, digest: digestOf(bytes), size: bytes.length }, bytes };
}

export interface ManifestParts {
  config: Descriptor;
  layers: Descriptor[];
  subject?: Descriptor;
  artifactType?: string;
  annotations?: Record<string, string>;
}

/** An OCI image manifest's exact bytes and descriptor. */
export function imageManifest(parts: ManifestParts): { descriptor: Descriptor; bytes: Buffer } {
  const body: Record<string, unknown> = { schemaVersion: 2, mediaType: MediaType.ociManifest };
  if (parts.artifactType) body.artifactType = parts.artifactType;
  body.config = parts.config;
  body.layers = parts.layers;
  if (parts.subject) body.subject = parts.subject;
  if (parts.annotations) body.annotations = parts.annotations;
  return blob(JSON.stringify(body), MediaType.ociManifest);
}

/** An OCI image index over some manifests. */
export function imageIndex(manifests: Descriptor[], extra: Record<string, unknown> = {}): { descriptor: Descriptor; bytes: Buffer } {
  return blob(JSON.stringify({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests, ...extra }), MediaType.ociIndex);
}

export type Need = 'pull' | 'push' | 'delete';

export interface FakeRegistryOptions {
  /** Serve `GET /v2/<name>/referrers/<digest>` (else 404 text/plain, like distribution 2.8). */
  referrersApi?: boolean;
  /** Honour `?artifactType=` on the referrers API and say so with `OCI-Filters-Applied`. */
  filtersApplied?: boolean;
  /** Referrers per page (Link rel="next" beyond). */
  referrersPageSize?: number;
  /** Answer `OCI-Subject` when a manifest with a subject is pushed. */
  ociSubject?: boolean;
  /** Tags per page, whatever `n` asks (Link rel="next" beyond). */
  tagsPageSize?: number;
  /** Send `ETag` on manifest GETs. */
  etag?: boolean;
  /** Decides access: returns a WWW-Authenticate value to answer 401, or undefined to allow. */
  authorize?: (req: Recorded, need: Need, repository: string) => string | undefined;
  /** Redirect blob GETs (not HEADs) to this URL. */
  blobRedirect?: (repository: string, digest: string) => string | undefined;
  /** Leave `Docker-Content-Digest` off manifest HEAD responses, as some older registries do. */
  headWithoutDigest?: boolean;
  /** Keep one upload Location for the whole session (the spec's model) instead of distribution's changing `_state`. */
  stableLocation?: boolean;
}

export interface FakeRepository {
  blobs: Map<string, Buffer>;
  manifests: Map<string, { bytes: Buffer; mediaType: string }>;
  /** Tag → digest, in insertion order (deliberately not sorted). */
  tags: Map<string, string>;
}

export interface Upload {
  repository: string;
  data: Buffer;
  state: number;
}

/**
 * An in-memory OCI registry for protocol tests. Upload Locations are relative and carry a `_state` that changes
 * with every chunk; a stale one gets 404 BLOB_UPLOAD_UNKNOWN (as distribution does), so clients must use the newest.
 * Out-of-order PATCHes get 416 as the spec requires. `intercept` runs first and may answer any request itself.
 */
export class FakeRegistry {
  readonly options: FakeRegistryOptions;
  readonly repositories = new Map<string, FakeRepository>();
  readonly uploads = new Map<string, Upload>();
  intercept: ((req: Recorded, res: ServerResponse) => boolean) | undefined;
  #nextUpload = 1;

  constructor(options: FakeRegistryOptions = {}) {
    this.options = options;
  }

  repository(name: string): FakeRepository {
    let repo = this.repositories.get(name);
    if (!repo) {
      repo = { blobs: new Map(), manifests: new Map(), tags: new Map() };
      this.repositories.set(name, repo);
    }
    return repo;
  }

  /** Stores content directly, bypassing HTTP. */
  seedBlob(repository: string, bytes: Buffer): void {
    this.repository(repository).blobs.set(digestOf(bytes), bytes);
  }

  seedManifest(repository: string, item: { descriptor: Descriptor; bytes: Buffer }, tag?: string): void {
    const repo = this.repository(repository);
    repo.manifests.set(item.descriptor.digest, { bytes: item.bytes, mediaType: item.descriptor.mediaType });
    if (tag) repo.tags.set(tag, item.descriptor.digest);
  }

  readonly handle: Handler = (req, res) => {
    if (this.intercept?.(req, res)) return;
    const pathname = req.url.pathname;
    if (pathname === '/v2/' || pathname === '/v2') {
      const challenge = this.options.authorize?.(req, 'pull', '');
      if (challenge) return void ociError(res, 401, 'UNAUTHORIZED', 'authentication required', { 'www-authenticate': challenge });
      return void json(res, 200, {});
    }
    const route = /^\/v2\/(.+?)\/(blobs\/uploads|blobs|manifests|tags|referrers)(?:\/(.*))?$/.exec(pathname);
    if (!route) return void ociError(res, 404, 'NOT_FOUND', 'no route');
    const [, name = '', kind = '', rest = ''] = route;
    const need: Need = req.method === 'DELETE' ? 'delete' : req.method === 'GET' || req.method === 'HEAD' ? 'pull' : 'push';
    const challenge = this.options.authorize?.(req, need, name);
    if (challenge) return void ociError(res, 401, 'UNAUTHORIZED', 'authentication required', { 'www-authenticate': challenge });
    const repo = this.repository(name);
    switch (kind) {
      case 'blobs/uploads':
        return this.#uploads(req, res, name, repo, decodeURIComponent(rest));
      case 'blobs':
        return this.#blobs(req, res, name, repo, decodeURIComponent(rest));
      case 'manifests':
        return this.#manifests(req, res, name, repo, decodeURIComponent(rest));
      case 'tags':
        return this.#tags(req, res, name, repo);
      default:
        return this.#referrers(req, res, name, repo, decodeURIComponent(rest));
    }
  };

  #uploads(req: Recorded, res: ServerResponse, name: string, repo: FakeRepository, id: string): void {
    if (req.method === 'POST' && id === '') {
      const mount = req.url.searchParams.get('mount');
      const from = req.url.searchParams.get('from');
      if (mount && from) {
        const source = this.repositories.get(from)?.blobs.get(mount);
        if (source) {
          repo.blobs.set(mount, source);
          res.writeHead(201, { location: `/v2/${name}/blobs/${mount}`, 'docker-content-digest': mount, 'content-length': '0' });
          return void res.end();
        }
      }
      const uploadId = `u${this.#nextUpload++}`;
      this.uploads.set(uploadId, { repository: name, data: Buffer.alloc(0), state: 0 });
      res.writeHead(202, {
        location: this.#uploadLocation(name, uploadId, 0),
        range: '0-0',
        'docker-upload-uuid': uploadId,
        'content-length': '0',
      });
      return void res.end();
    }
    const upload = this.uploads.get(id);
    const stale = !this.options.stableLocation && req.url.searchParams.get('_state') !== String(upload?.state);
    if (!upload || upload.repository !== name || stale) {
      return void ociError(res, 404, 'BLOB_UPLOAD_UNKNOWN', 'blob upload unknown to registry');
    }
    const range = (): string => `0-${Math.max(0, upload.data.length - 1)}`;
    if (req.method === 'GET') {
      res.writeHead(204, { location: this.#uploadLocation(name, id, upload.state), range: range(), 'docker-upload-uuid': id });
      return void res.end();
    }
    if (req.method === 'PATCH') {
      const contentRange = /^([0-9]+)-([0-9]+)$/.exec(String(req.headers['content-range'] ?? ''));
      if (contentRange && Number(contentRange[1]) !== upload.data.length) {
        res.writeHead(416, { location: this.#uploadLocation(name, id, upload.state), range: range(), 'content-length': '0' });
        return void res.end();
      }
      upload.data = Buffer.concat([upload.data, req.body]);
      upload.state++;
      res.writeHead(202, {
        location: this.#uploadLocation(name, id, upload.state),
        range: range(),
        'docker-upload-uuid': id,
        'content-length': '0',
      });
      return void res.end();
    }
    if (req.method === 'PUT') {
      const data = Buffer.concat([upload.data, req.body]);
      const digest = req.url.searchParams.get('digest');
      if (digest !== digestOf(data))
        return void ociError(res, 400, 'DIGEST_INVALID', `provided digest did not match uploaded content (${data.length} bytes)`);
      this.uploads.delete(id);
      repo.blobs.set(digest, data);
      res.writeHead(201, { location: `/v2/${name}/blobs/${digest}`, 'docker-content-digest': digest, 'content-length': '0' });
      return void res.end();
    }
    if (req.method === 'DELETE') {
      this.uploads.delete(id);
      res.writeHead(204);
      return void res.end();
    }
    ociError(res, 405, 'UNSUPPORTED', 'method not allowed');
  }

  #uploadLocation(name: string, id: string, state: number): string {
    return this.options.stableLocation ? `/v2/${name}/blobs/uploads/${id}` : `/v2/${name}/blobs/uploads/${id}?_state=${state}`;
  }

  #blobs(req: Recorded, res: ServerResponse, name: string, repo: FakeRepository, digest: string): void {
    const data = repo.blobs.get(digest);
    if (req.method === 'DELETE') {
      if (!data) return void ociError(res, 404, 'BLOB_UNKNOWN', 'blob unknown to registry');
      repo.blobs.delete(digest);
      res.writeHead(202, { 'content-length': '0' });
      return void res.end();
    }
    if (!data) {
      if (req.method === 'HEAD') {
        res.writeHead(404);
        return void res.end();
      }
      return void ociError(res, 404, 'BLOB_UNKNOWN', 'blob unknown to registry');
    }
    const redirect = req.method === 'GET' ? this.options.blobRedirect?.(name, digest) : undefined;
    if (redirect) {
      res.writeHead(307, { location: redirect, 'content-length': '0' });
      return void res.end();
    }
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(data.length),
      'docker-content-digest': digest,
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  #manifests(req: Recorded, res: ServerResponse, name: string, repo: FakeRepository, reference: string): void {
    const byDigest = reference.includes(':');
    if (req.method === 'PUT') {
      const mediaType = String(req.headers['content-type'] ?? '');
      const digest = digestOf(req.body);
      if (byDigest && reference !== digest) return void ociError(res, 400, 'DIGEST_INVALID', 'manifest digest did not match');
      let subject: string | undefined;
      try {
        subject = (JSON.parse(req.body.toString('utf8')) as { subject?: { digest?: string } }).subject?.digest;
      } catch {
        return void ociError(res, 400, 'MANIFEST_INVALID', 'manifest invalid');
      }
      repo.manifests.set(digest, { bytes: req.body, mediaType });
      if (!byDigest) repo.tags.set(reference, digest);
      const headers: Record<string, string> = {
        location: `/v2/${name}/manifests/${digest}`,
        'docker-content-digest': digest,
        'content-length': '0',
      };
      if (subject && this.options.ociSubject) headers['oci-subject'] = subject;
      res.writeHead(201, headers);
      return void res.end();
    }
    const digest = byDigest ? reference : repo.tags.get(reference);
    const stored = digest ? repo.manifests.get(digest) : undefined;
    if (req.method === 'DELETE') {
      if (!byDigest) return void ociError(res, 400, 'UNSUPPORTED', 'tag deletion is not supported');
      if (!stored) return void ociError(res, 404, 'MANIFEST_UNKNOWN', 'manifest unknown');
      repo.manifests.delete(reference);
      for (const [tag, target] of repo.tags) if (target === reference) repo.tags.delete(tag);
      res.writeHead(202, { 'content-length': '0' });
      return void res.end();
    }
    if (!stored || !digest) {
      if (req.method === 'HEAD') {
        res.writeHead(404);
        return void res.end();
      }
      return void ociError(res, 404, 'MANIFEST_UNKNOWN', 'manifest unknown');
    }
    const headers: Record<string, string> = { 'content-type': stored.mediaType, 'content-length': String(stored.bytes.length) };
    if (!(req.method === 'HEAD' && this.options.headWithoutDigest)) headers['docker-content-digest'] = digest;
    if (this.options.etag) headers.etag = `"${digest}"`;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : stored.bytes);
  }

  #tags(req: Recorded, res: ServerResponse, name: string, repo: FakeRepository): void {
    if (repo.tags.size === 0 && repo.manifests.size === 0)
      return void ociError(res, 404, 'NAME_UNKNOWN', 'repository name not known to registry');
    const all = [...repo.tags.keys()];
    const last = req.url.searchParams.get('last');
    const start = last === null ? 0 : all.indexOf(last) + 1;
    const asked = Number(req.url.searchParams.get('n') ?? all.length);
    const size = Math.min(asked, this.options.tagsPageSize ?? Number.POSITIVE_INFINITY);
    const page = all.slice(start, start + size);
    const headers: Record<string, string> = {};
    if (start + size < all.length && page.length > 0) {
      headers.link = `</v2/${name}/tags/list?n=${asked}&last=${encodeURIComponent(page[page.length - 1] ?? '')}>; rel="next"`;
    }
    json(res, 200, { name, tags: page }, headers);
  }

  #referrers(req: Recorded, res: ServerResponse, name: string, repo: FakeRepository, subject: string): void {
    if (!this.options.referrersApi || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('404 page not found\n');
    }
    const artifactType = req.url.searchParams.get('artifactType');
    let found: Descriptor[] = [];
    for (const [digest, stored] of repo.manifests) {
      const manifest = JSON.parse(stored.bytes.toString('utf8')) as {
        subject?: Descriptor;
        artifactType?: string;
        config?: Descriptor;
        annotations?: Record<string, string>;
      };
      if (manifest.subject?.digest !== subject) continue;
      const descriptor: Descriptor = { mediaType: stored.mediaType, digest, size: stored.bytes.length };
      const type = manifest.artifactType ?? manifest.config?.mediaType;
      if (type) descriptor.artifactType = type;
      if (manifest.annotations) descriptor.annotations = manifest.annotations;
      found.push(descriptor);
    }
    const headers: Record<string, string> = { 'content-type': MediaType.ociIndex };
    if (artifactType && this.options.filtersApplied) {
      found = found.filter((d) => d.artifactType === artifactType);
      headers['oci-filters-applied'] = 'artifactType';
    }
    const pageSize = this.options.referrersPageSize ?? Number.POSITIVE_INFINITY;
    const page = Number(req.url.searchParams.get('page') ?? '0');
    const slice = found.slice(page * pageSize, (page + 1) * pageSize);
    if ((page + 1) * pageSize < found.length) {
      const next = new URLSearchParams(req.url.searchParams);
      next.set('page', String(page + 1));
      headers.link = `</v2/${name}/referrers/${subject}?${next.toString()}>; rel="next"`;
    }
    json(res, 200, { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: slice }, headers);
  }
}

/** Requests whose path (without query) matches. */
export function requestsTo(requests: Recorded[], method: string, pathPattern: RegExp): Recorded[] {
  return requests.filter((r) => r.method === method && pathPattern.test(r.url.pathname));
}
