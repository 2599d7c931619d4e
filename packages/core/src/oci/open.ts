import { InvalidReferenceError } from './errors.ts';
import { parseDigest } from './digest.ts';
import { assertValidTag, formatReference, parseReference, type Reference } from './reference.ts';
import { OciLayout } from './layout.ts';
import type { RegistryClient } from './registry.ts';
import type { Target } from './target.ts';

export const layoutScheme = 'oci-layout:';

/** Where an artifact lives: a registry repository, or an OCI image layout directory on disk. */
export type Location = { kind: 'registry'; reference: Reference } | { kind: 'layout'; dir: string; tag?: string; digest?: string };

/**
 * Parses a location: `oci://host/repo[:tag|@digest]`, `host/repo[:tag|@digest]`, or
 * `oci-layout:DIR[:tag|@digest]` (also `oci-layout://DIR…`) for an OCI image layout directory.
 */
export function parseLocation(input: string): Location {
  const raw = input.trim();
  if (!raw.startsWith(layoutScheme)) return { kind: 'registry', reference: parseReference(raw) };
  let rest = raw.slice(layoutScheme.length).replace(/^\/\//, '');
  const location: Location = { kind: 'layout', dir: '' };
  const at = rest.lastIndexOf('@');
  if (at > rest.lastIndexOf('/')) {
    location.digest = rest.slice(at + 1);
    parseDigest(location.digest);
    rest = rest.slice(0, at);
  }
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    location.tag = rest.slice(colon + 1);
    assertValidTag(location.tag);
    rest = rest.slice(0, colon);
  }
  if (!rest) throw new InvalidReferenceError('layout location', input, 'the directory is missing; expected oci-layout:DIR[:tag]');
  location.dir = rest;
  return location;
}

export function formatLocation(location: Location): string {
  if (location.kind === 'registry') return formatReference(location.reference);
  return `${layoutScheme}${location.dir}${location.tag ? `:${location.tag}` : ''}${location.digest ? `@${location.digest}` : ''}`;
}

/** The tag or digest a location names, if any (digest wins). */
export function locationReference(location: Location): string | undefined {
  return location.kind === 'registry' ? (location.reference.digest ?? location.reference.tag) : (location.digest ?? location.tag);
}

/** The location without its tag or digest: `host/repo` or `oci-layout:DIR`. */
export function locationName(location: Location): string {
  return location.kind === 'registry'
    ? `${location.reference.registry}/${location.reference.repository}`
    : `${layoutScheme}${location.dir}`;
}

export function openTarget(location: Location, client: RegistryClient): Target {
  return location.kind === 'registry' ? client.repository(location.reference) : new OciLayout(location.dir);
}

/** `<location>/<name>` without tag or digest: where a component of a base repository (or layout directory) lives. */
export function childLocation(base: Location, name: string): Location {
  return base.kind === 'registry'
    ? { kind: 'registry', reference: { registry: base.reference.registry, repository: `${base.reference.repository}/${name}` } }
    : { kind: 'layout', dir: `${base.dir}/${name}` };
}
