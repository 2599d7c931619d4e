import type { Readable } from 'node:stream';
import type { Descriptor } from './descriptor.ts';
import type { BlobSource } from './content.ts';

/** A manifest and the exact bytes that were stored, which is what digests and signatures are computed over. */
export interface FetchedManifest {
  descriptor: Descriptor;
  bytes: Buffer;
}

/**
 * Where OCI content lives: a remote repository, an OCI image layout directory, or memory. Push, pull, tag and
 * copy are written once against this interface (as in oras-go), so they work between any two targets.
 * Everything read through a target is verified against its digest.
 */
export interface Target {
  /** Human-readable location for messages, e.g. `ghcr.io/acme/app` or `oci-layout:./out`. */
  readonly name: string;

  /** Resolves a tag or digest to the descriptor of the manifest it names. */
  resolve(reference: string): Promise<Descriptor>;
  /** Fetches a manifest by tag or digest in one round trip. */
  fetchManifest(reference: string): Promise<FetchedManifest>;
  /** Streams content (blob or manifest) named by a descriptor; the stream errors if the bytes do not match. */
  fetch(descriptor: Descriptor): Promise<Readable>;
  exists(descriptor: Descriptor): Promise<boolean>;
  /** Content as a source that can be read again (for retried uploads); the receiving target verifies it. */
  source(descriptor: Descriptor): BlobSource;

  /** Stores content under its digest without tagging it (a manifest when its media type says so). */
  push(descriptor: Descriptor, content: BlobSource): Promise<void>;
  /** Stores a manifest and points `reference` (a tag) at it, in one step where the target can. */
  pushReference(descriptor: Descriptor, bytes: Buffer, reference: string): Promise<void>;
  /** Points a tag at a manifest that is already stored. */
  tag(descriptor: Descriptor, tag: string): Promise<void>;

  /** Tag names, sorted byte-wise ascending. */
  tags(): Promise<string[]>;
  /** Manifests whose `subject` is `descriptor`, optionally filtered by artifact type. */
  referrers(descriptor: Descriptor, options?: { artifactType?: string }): Promise<Descriptor[]>;
  delete(descriptor: Descriptor): Promise<void>;
  /**
   * Says this client is about to write here: a remote repository then asks for a pull+push token with its first
   * request, so the read before a push (the diff tag) and the writes share one token exchange instead of two.
   */
  expectPush?(): void;
  /**
   * Says this client is about to send up to `connections` requests at once (a push's HEADs and uploads): a remote
   * repository opens the connections now, while its first requests (and the token exchange) are in flight, instead
   * of paying a handshake for each when the fan-out starts.
   */
  preconnect?(connections: number): void;
}

/** How a blob push was satisfied; reported so users can see what was skipped and why. */
export type BlobPushResult = 'uploaded' | 'mounted' | 'exists';

/** Targets that can take blobs from another repository of the same registry without re-uploading them. */
export interface MountingTarget extends Target {
  mount(descriptor: Descriptor, fromRepository: string, fallback: BlobSource): Promise<BlobPushResult>;
}

export function canMount(target: Target): target is MountingTarget {
  return typeof (target as Partial<MountingTarget>).mount === 'function';
}
