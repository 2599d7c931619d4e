import { parseManifest, isIndex, type Descriptor } from './descriptor.ts';
import { readAll } from './content.ts';
import { BaseError } from '../errors.ts';
import { isNotFound } from './errors.ts';
import { compareBytes } from './order.ts';
import type { Target } from './target.ts';

/** A referrer and what refers to it in turn (a signature on an SBOM, say). */
export interface ReferrerNode {
  descriptor: Descriptor;
  referrers: ReferrerNode[];
}

/**
 * The referrers graph below a manifest, `depth` levels deep (oras discover's tree), sorted by artifact type and
 * then creation time so repeated runs list it the same way.
 */
export async function discoverReferrers(
  target: Target,
  subject: Descriptor,
  options: { depth?: number; artifactType?: string } = {},
): Promise<ReferrerNode[]> {
  const depth = options.depth ?? 4;
  if (depth <= 0) return [];
  const found = await target.referrers(subject, { artifactType: options.artifactType });
  const created = (d: Descriptor): string => d.annotations?.['org.opencontainers.image.created'] ?? '';
  found.sort(
    (a, b) =>
      compareBytes(a.artifactType ?? '', b.artifactType ?? '') || compareBytes(created(a), created(b)) || compareBytes(a.digest, b.digest),
  );
  return Promise.all(
    found.map(async (descriptor) => ({ descriptor, referrers: await discoverReferrers(target, descriptor, { depth: depth - 1 }) })),
  );
}

/** A referrer the registry lists but cannot give (its manifest or content is gone). */
export class ReferrerNotFoundError extends BaseError<'REFERRER_NOT_FOUND'> {
  constructor(message: string) {
    super('REFERRER_NOT_FOUND', message);
  }
}

/**
 * The content of a referrer: its manifest's single layer (a document, a bundle), read and checked against its
 * digest. `maxBytes` bounds what a registry can make us read.
 */
export async function fetchReferrerContent(
  target: Target,
  referrer: Descriptor,
  maxBytes = 64 * 1024 * 1024,
): Promise<{ layer: Descriptor; content: Buffer }> {
  let fetched;
  try {
    fetched = await target.fetchManifest(referrer.digest);
  } catch (err) {
    if (isNotFound(err)) throw new ReferrerNotFoundError(`referrer ${referrer.digest} is listed but its manifest is missing`);
    throw err;
  }
  const { manifest } = parseManifest(fetched.bytes, fetched.descriptor.mediaType);
  if (isIndex(manifest) || manifest.layers.length !== 1)
    throw new ReferrerNotFoundError(`referrer ${referrer.digest} does not hold exactly one document`);
  const layer = manifest.layers[0] as Descriptor;
  return { layer, content: await readAll(await target.fetch(layer), maxBytes) };
}
