// The Notary Project tests' shared setup: a certificate authority made with openssl (root, intermediate, leaves),
// a directory trust store trusting its root, a key signer, and helpers to push artifacts and write trust policies.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  OciLayout,
  MediaType,
  bytesSource,
  descriptorFor,
  parseManifest,
  createNotationKeySigner,
  notationDirectoryTrustStore,
  type Descriptor,
  type ImageManifest,
  type NotationSigner,
  type NotationTrustPolicyDocument,
  type NotationTrustStore,
  type Target,
} from '@d2ci/core';
import { TestCa, type Issued } from '../harness/ca.ts';

export const fixtures = join(import.meta.dirname, '..', 'fixtures', 'notation');
export const fixture = (path: string): Buffer => readFileSync(join(fixtures, path));

/** Drops `//` comments outside strings, so the spec's jsonc examples parse as JSON. */
function jsonc(text: string): unknown {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else out += c;
  }
  return JSON.parse(out);
}
export const specExample = (name: string): unknown => jsonc(fixture(`specifications/${name}`).toString('utf8'));

// ---------------------------------------------------------------------------------------------------------------
export const chainPem = (...certs: Issued[]): string => certs.map((c) => c.certPem).join('');
export const sha256Hex = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
export const b64url = (value: string): Buffer => Buffer.from(value, 'base64url');

/** A small Flux-like artifact pushed to a target; returns its manifest descriptor. */
export async function pushSmallArtifact(target: Target, tag: string): Promise<Descriptor> {
  const config = Buffer.from('{}');
  const layer = Buffer.from(`artifact ${tag} ${randomBytes(8).toString('hex')}`);
  const configDescriptor = descriptorFor(MediaType.ociEmpty, config);
  const layerDescriptor = descriptorFor('application/vnd.cncf.flux.content.v1.tar+gzip', layer);
  await target.push(configDescriptor, bytesSource(config));
  await target.push(layerDescriptor, bytesSource(layer));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.ociManifest,
      artifactType: 'application/vnd.cncf.flux.config.v1+json',
      config: configDescriptor,
      layers: [layerDescriptor],
    }),
  );
  const descriptor = descriptorFor(MediaType.ociManifest, manifest);
  await target.pushReference(descriptor, manifest, tag);
  return descriptor;
}

export async function signatureManifest(target: Target, digest: string): Promise<ImageManifest> {
  const { bytes, descriptor } = await target.fetchManifest(digest);
  return parseManifest(bytes, descriptor.mediaType).manifest as ImageManifest;
}

/**
 * notation-go v1.3.2 registry/repository.go signatureReferrers, the only way notation 1.3.x lists signatures in an
 * OCI layout: the subject's predecessors (every manifest index.json lists), kept when their subject is the artifact
 * and `image.Config.MediaType` (not artifactType) is the signature type.
 */
export async function notationGoLayoutSignatures(layout: OciLayout, subject: Descriptor): Promise<string[]> {
  const index = JSON.parse(readFileSync(join(layout.dir, 'index.json'), 'utf8')) as { manifests: Descriptor[] };
  const found: string[] = [];
  for (const node of index.manifests) {
    if (node.mediaType !== MediaType.ociManifest) continue;
    const image = await signatureManifest(layout, node.digest);
    if (image.subject?.digest !== subject.digest) continue;
    if (image.config.mediaType === 'application/vnd.cncf.notary.signature') found.push(node.digest);
  }
  return found;
}

export const identity = 'x509.subject: C=US, ST=WA, O=d2ci Test';

export function policyFor(
  scope: string,
  extra: Partial<NotationTrustPolicyDocument['trustPolicies'][number]> = {},
): NotationTrustPolicyDocument {
  return {
    version: '1.0',
    trustPolicies: [
      {
        name: 'd2ci',
        registryScopes: [scope],
        signatureVerification: { level: 'strict' },
        trustStores: ['ca:acme'],
        trustedIdentities: [identity],
        ...extra,
      },
    ],
  };
}

export const subject = '/C=US/ST=WA/L=Seattle/O=d2ci Test/CN=d2ci signer';

export interface NotationCa {
  work: string;
  ca: TestCa;
  root: Issued;
  intermediate: Issued;
  leaf: Issued;
  expiredLeaf: Issued;
  otherRoot: Issued;
  otherLeaf: Issued;
  trustStoreDir: string;
  trustStore: NotationTrustStore;
  signer: NotationSigner;
}

/** Makes the CA, its certificates, the trust store and the signer in a new temporary directory (`work`). */
export async function setUpNotationCa(): Promise<NotationCa> {
  const work = mkdtempSync(join(tmpdir(), 'd2ci-notation-'));
  mkdirSync(join(work, 'ca'));
  const ca = new TestCa(join(work, 'ca'));
  const root = ca.issue('root', '/C=US/ST=WA/O=d2ci Test/CN=d2ci Test Root', 'EC-384', 'v3_root');
  const intermediate = ca.issue('intermediate', '/C=US/ST=WA/O=d2ci Test/CN=d2ci Test Intermediate', 'EC-256', 'v3_intermediate', root);
  const leaf = ca.issue('leaf', subject, 'EC-256', 'v3_leaf', intermediate);
  const expiredLeaf = ca.issue('expired', subject, 'EC-256', 'v3_leaf', intermediate, { start: '20200101000000Z', end: '20200102000000Z' });
  const otherRoot = ca.issue('other-root', '/C=US/ST=WA/O=d2ci Test/CN=Untrusted Root', 'EC-256', 'v3_root');
  const otherLeaf = ca.issue('other-leaf', subject, 'EC-256', 'v3_leaf', otherRoot);
  const trustStoreDir = join(work, 'truststore');
  mkdirSync(join(trustStoreDir, 'x509', 'ca', 'acme'), { recursive: true });
  writeFileSync(join(trustStoreDir, 'x509', 'ca', 'acme', 'root.pem'), root.certPem);
  const trustStore = notationDirectoryTrustStore(trustStoreDir);
  const signer = await createNotationKeySigner({ privateKey: leaf.keyPem, certificateChain: chainPem(leaf, intermediate, root) });
  return { work, ca, root, intermediate, leaf, expiredLeaf, otherRoot, otherLeaf, trustStoreDir, trustStore, signer };
}
