import { createHash } from 'node:crypto';
import { compareBytes } from '../oci/order.ts';
import { parseDigest } from '../oci/digest.ts';
import { parseReference, type Reference } from '../oci/reference.ts';
import { rfc3339 } from '../go/time.ts';
import { SbomError } from './errors.ts';
import type { DeployedComponent, DeployedInventory, FoundAt } from './inventory-types.ts';

// CycloneDX 1.6 and SPDX 2.3 JSON documents of what a configuration artifact deploys, written directly (they
// are small, and a library would weigh on the bundled actions); the tests validate them against the official
// JSON schemas. Everything but the timestamp is deterministic: sorted, with identifiers derived from content.
// This file holds what both writers share: the subject, the timestamp, identifiers and order.

/** The artifact a document describes. */
export interface SbomSubject {
  /** `registry/repository` of the artifact (`oci://` accepted); a tag or digest in it is used when not given below. */
  repository: string;
  /** The manifest digest the document is attached to. */
  digest?: string;
  tag?: string;
  /** The Git source and revision the artifact was built from (its `org.opencontainers.image.source`/`revision`). */
  source?: string;
  revision?: string;
}

export interface SbomOptions {
  /** `metadata.timestamp` / `creationInfo.created`; now by default. Rounded down to whole seconds. */
  timestamp?: Date | string;
  /** d2ci's version, recorded with the tool. */
  toolVersion?: string;
  /** Base of the SPDX `documentNamespace` (default `https://spdx.org/spdxdocs/d2ci`); a UUID from the content is appended. */
  namespaceBase?: string;
}

export interface Subject {
  ref: Reference;
  source?: string;
  revision?: string;
}

export function readSubject(subject: SbomSubject): Subject {
  let ref: Reference;
  try {
    ref = parseReference(subject.repository);
  } catch (err) {
    throw new SbomError('SBOM_SUBJECT', `SBOM subject: ${(err as Error).message}`, { cause: err });
  }
  const tag = subject.tag ?? ref.tag;
  const digest = subject.digest ?? ref.digest;
  if (digest !== undefined) {
    try {
      parseDigest(digest);
    } catch (err) {
      throw new SbomError('SBOM_SUBJECT', `SBOM subject: ${(err as Error).message}`, { cause: err });
    }
  }
  const out: Subject = {
    ref: { registry: ref.registry, repository: ref.repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) },
  };
  if (subject.source) out.source = subject.source;
  if (subject.revision) out.revision = subject.revision;
  return out;
}

export function timestampOf(options: SbomOptions): string {
  const value = options.timestamp ?? new Date();
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new SbomError('SBOM_TIMESTAMP', `SBOM timestamp "${String(value)}" is not a valid date`);
  return rfc3339(date);
}

// A fixed namespace for d2ci's name-based UUIDs.
const uuidNamespace = Buffer.from('8f1c7e52a3b94d0e9c6a2b5d7e4f1a30', 'hex');

/** An RFC 9562 version 5 (SHA-1, name-based) UUID: the same content always gives the same UUID. */
export function uuidFromContent(content: string): string {
  const hash = createHash('sha1').update(uuidNamespace).update(content).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `file:line Kind/name path (via)`, plus what a kustomize override rewrote. */
export function formatFoundAt(at: FoundAt): string {
  const object = at.kind ? ` ${at.kind}${at.name ? `/${at.namespace ? `${at.namespace}/` : ''}${at.name}` : ''}` : '';
  const applied = at.appliedTo ? `, rewrites ${at.appliedTo.image} at ${at.appliedTo.file}:${at.appliedTo.line} ${at.appliedTo.path}` : '';
  return `${at.file}:${at.line}${object} ${at.path} (${at.via}${applied})`;
}

export function digestHash(digest: string | undefined): { alg: 'SHA-256' | 'SHA-512'; hex: string } | undefined {
  if (!digest) return undefined;
  const { algorithm, hex } = parseDigest(digest);
  return { alg: algorithm === 'sha256' ? 'SHA-256' : 'SHA-512', hex };
}

export function sortedComponents(inventory: DeployedInventory): DeployedComponent[] {
  return [...inventory.components].sort((a, b) => compareBytes(a.type, b.type) || compareBytes(a.id, b.id));
}
