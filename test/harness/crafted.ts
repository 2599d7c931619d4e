// Hand-made artifacts for hostile tests: tarballs with any entry type, name, mode or size, stored as Flux
// artifacts (one or several layers) in an OCI layout, as an attacker with write access to a registry would.
import { join } from 'node:path';
import tar from 'tar-stream';
import { OciLayout, fluxManifest, bytesSource, descriptorFor, FluxMediaType, type Descriptor, type Target } from '@d2ci/core';
import { makeWorkspace } from './workspace.ts';

export type Entry = { name: string; type?: tar.Header['type']; content?: string | Buffer; linkname?: string; size?: number; mode?: number };

export async function tarball(entries: Entry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (chunk: unknown) => void chunks.push(chunk as Buffer));
  const done = new Promise<void>((resolve) => pack.on('end', () => resolve()));
  for (const e of entries) {
    await new Promise<void>((resolve, reject) =>
      e.type && e.type !== 'file'
        ? pack.entry({ name: e.name, type: e.type, linkname: e.linkname, mode: e.mode ?? 0o644, mtime: new Date(0) }, (err) =>
            err ? reject(err) : resolve(),
          )
        : pack.entry({ name: e.name, type: 'file', mode: e.mode ?? 0o644, mtime: new Date(0) }, e.content ?? '', (err) =>
            err ? reject(err) : resolve(),
          ),
    );
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** Stores hand-made layers (first = the Flux content layer's slot) as an artifact in an OCI layout, tagged `latest`. */
export async function artifactWithLayers(
  layers: { bytes: Buffer; mediaType?: string }[],
  dir = join(makeWorkspace({}), 'layout'),
): Promise<{ target: Target; dir: string; manifest: Descriptor }> {
  const target = new OciLayout(dir);
  const descriptors = layers.map((l) => descriptorFor(l.mediaType ?? FluxMediaType.content, l.bytes));
  const first = descriptors[0] as Descriptor;
  const built = fluxManifest({ digest: first.digest, size: first.size, diffId: first.digest }, { source: 's', revision: 'r' });
  await target.push(built.configDescriptor, bytesSource(built.config));
  for (const [i, d] of descriptors.entries()) await target.push(d, bytesSource(layers[i]?.bytes ?? Buffer.alloc(0)));
  // Several layers: the manifest lists them all (fluxManifest writes one).
  const manifest = JSON.parse(built.manifest.toString('utf8')) as { layers: Descriptor[] };
  manifest.layers = descriptors;
  const bytes = Buffer.from(JSON.stringify(manifest));
  const descriptor = descriptorFor(built.descriptor.mediaType, bytes);
  await target.pushReference(descriptor, bytes, 'latest');
  return { target, dir, manifest: descriptor };
}
