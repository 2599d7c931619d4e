import type { Descriptor } from '../oci/descriptor.ts';
import { readAll } from '../oci/content.ts';
import type { Target } from '../oci/target.ts';
import { sigstoreBundleLayers } from '../sign/present.ts';
import { bundleStatement } from './verify.ts';

// Finding (not verifying) an attestation to read its predicate, e.g. `d2ci pull --referrer spdx`. Bundles are found
// by their layer media type, as cosign's GetBundles finds them: cosign v3.0.x lists its attestations in the
// tag-schema index with the empty config's artifactType, and not every writer sets the predicate-type annotation.

export interface FoundAttestation {
  referrer: Descriptor;
  /** The in-toto statement's predicate (undefined when the statement has none). */
  predicate: unknown;
}

const created = (d: Descriptor): string => d.annotations?.['org.opencontainers.image.created'] ?? '';

/** The newest attestation of `predicateType` attached to `subject`; unverified — say so, or verify it first. */
export async function newestAttestation(
  target: Target,
  subject: Descriptor,
  predicateType: string,
  maxBytes = 64 * 1024 * 1024,
): Promise<FoundAttestation | undefined> {
  const bundles = (await sigstoreBundleLayers(target, subject)).sort((a, b) => created(b.referrer).localeCompare(created(a.referrer)));
  for (const { referrer, layer } of bundles) {
    const annotated = referrer.annotations?.['dev.sigstore.bundle.predicateType'];
    if (annotated !== undefined && annotated !== predicateType) continue;
    let json: unknown;
    try {
      json = JSON.parse((await readAll(await target.fetch(layer), maxBytes)).toString('utf8'));
    } catch (err) {
      if (err instanceof SyntaxError) continue;
      throw err;
    }
    const statement = bundleStatement(json);
    if (statement?.predicateType === predicateType) return { referrer, predicate: statement.predicate };
  }
  return undefined;
}
