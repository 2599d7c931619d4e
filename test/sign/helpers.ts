// Shared helpers for the signing and verification tests: push a fresh Flux artifact (signing in pushArtifact's
// beforeTag hook, as the push action does), keyless identities against the local Sigstore stand-in, and the
// verification settings that trust it.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  RegistryClient,
  pushArtifact,
  signArtifact,
  githubActionsIdentity,
  compilePolicy,
  loadTrustedRoot,
  parseManifest,
  readAll,
  type Descriptor,
  type IdentityPolicy,
  type ImageManifest,
  type KeylessIdentity,
  type PushArtifactResult,
  type RemoteRepository,
  type SignOptions,
  type SignResult,
  type Target,
  type Verification,
} from '@d2ci/core';
import type { LocalSigstore } from '../harness/sigstore.ts';
import { makeWorkspace } from '../harness/workspace.ts';

/** The SAN the stand-in's Fulcio gives a GitHub job of acme/fleet on main (public-good Fulcio's job_workflow_ref form). */
export const workflowIdentity = 'https://github.com/acme/fleet/.github/workflows/push-artifact.yaml@refs/heads/main';
export const githubIssuerUrl = 'https://token.actions.githubusercontent.com';

/** A remote repository on a local plain-HTTP registry. */
export function remote(host: string, repository: string): RemoteRepository {
  return new RegistryClient().repository({ registry: host, repository });
}

/** Keyless signing against the stand-in, as a GitHub job with `id-token: write` would do it. */
export function keyless(sigstore: LocalSigstore, extra: Partial<KeylessIdentity> = {}): KeylessIdentity {
  return {
    kind: 'keyless',
    identity: githubActionsIdentity('sigstore', { env: { ...sigstore.oidcEnv } }),
    fulcioUrl: sigstore.url,
    rekorUrl: sigstore.url,
    retries: 0,
    timeoutMs: 5_000,
    ...extra,
  };
}

/** Verification that trusts the stand-in's trusted_root.json with an identity policy (default: acme/fleet main). */
export async function keylessVerification(
  sigstore: LocalSigstore,
  policy: IdentityPolicy = { identity: workflowIdentity },
): Promise<Verification> {
  return {
    kind: 'keyless',
    trustedRoot: await loadTrustedRoot({ trustedRootFile: sigstore.trustedRootFile }),
    policy: compilePolicy(policy),
  };
}

export interface Pushed extends PushArtifactResult {
  signed?: SignResult;
  /** The order things happened in: `sign` must come before any tag moved. */
  events: string[];
}

/**
 * Packs a one-file tree with random content (so every call makes a new digest) and pushes it to `target`,
 * signing in `beforeTag` when `sign` is given.
 */
export async function pushFresh(
  target: Target,
  options: { tags?: string[]; sign?: Omit<SignOptions, 'repository'> & { repository?: string }; revision?: string } = {},
): Promise<Pushed> {
  const ws = makeWorkspace({ 'app/config.yaml': `value: ${randomBytes(8).toString('hex')}\n` });
  const events: string[] = [];
  let signed: SignResult | undefined;
  const sign = options.sign;
  const result = await pushArtifact({
    path: join(ws, 'app'),
    target,
    source: 'https://github.com/acme/fleet',
    revision: options.revision ?? 'refs/heads/main@sha1:0123456789abcdef0123456789abcdef01234567',
    tags: options.tags ?? ['latest'],
    beforeTag: sign
      ? async (descriptor: Descriptor) => {
          events.push(`sign ${descriptor.digest}`);
          signed = await signArtifact(target, descriptor, { repository: target.name, ...sign });
        }
      : undefined,
  });
  return { ...result, signed, events };
}

/** The image manifest stored at a reference, parsed. */
export async function manifestAt(
  target: Target,
  reference: string,
): Promise<{ descriptor: Descriptor; bytes: Buffer; manifest: ImageManifest }> {
  const fetched = await target.fetchManifest(reference);
  return { ...fetched, manifest: parseManifest(fetched.bytes, fetched.descriptor.mediaType).manifest as ImageManifest };
}

export async function blobBytes(target: Target, descriptor: Descriptor): Promise<Buffer> {
  return readAll(await target.fetch(descriptor));
}

/** The JSON bundle held by the (single) Sigstore bundle referrer of a subject. */
export async function bundleOf(target: Target, subject: Descriptor): Promise<{ referrer: Descriptor; json: Record<string, unknown> }> {
  const referrers = (await target.referrers(subject)).filter((r) => r.artifactType?.startsWith('application/vnd.dev.sigstore.bundle'));
  if (referrers.length !== 1) throw new Error(`expected one bundle referrer of ${subject.digest}, found ${referrers.length}`);
  const referrer = referrers[0] as Descriptor;
  const { manifest } = await manifestAt(target, referrer.digest);
  const layer = manifest.layers[0];
  if (!layer) throw new Error('the bundle referrer has no layer');
  return { referrer, json: JSON.parse((await blobBytes(target, layer)).toString('utf8')) as Record<string, unknown> };
}
