import { InvalidReferenceError } from './errors.ts';
import { parseDigest } from './digest.ts';

/** A parsed `host[:port]/path[:tag][@digest]`. The registry is canonical: lowercase, Docker Hub as `docker.io`. */
export interface Reference {
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

export const dockerHub = 'docker.io';
const dockerHubAliases = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

const label = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?';
const hostPattern = new RegExp(`^(?:${label}(?:\\.${label})*|\\[[0-9a-fA-F:.]+\\])(?::([0-9]+))?$`);
const componentPattern = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const tagPattern = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
/** The tag grammar in words, for error messages. */
export const tagRule = 'up to 128 letters, digits, "_", "." and "-", not starting with "." or "-"';
const maxNameLength = 255;

/**
 * Parses `oci://host[:port]/path[:tag|@sha256:…]`, or the same without `oci://`. A first path element without
 * `.`, `:` or `localhost` means Docker Hub (as docker and go-containerregistry do). Errors name the bad part.
 */
export function parseReference(input: string): Reference {
  const raw = input.trim();
  const fail = (why: string): never => {
    throw new InvalidReferenceError('reference', input, why);
  };
  if (raw === '') fail('it is empty; expected host/repository[:tag], e.g. ghcr.io/owner/repo:latest');
  if (/\s/.test(raw)) fail('it contains whitespace');
  let rest = raw;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
  if (scheme) {
    if (scheme[1]?.toLowerCase() !== 'oci') fail(`unsupported scheme "${scheme[0]}"; use oci://host/repository or host/repository`);
    rest = rest.slice(scheme[0].length);
  }

  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    try {
      parseDigest(digest);
    } catch (err) {
      if (!(err instanceof InvalidReferenceError)) throw err;
      fail(`digest "${err.value}": ${err.reason}`);
    }
  }

  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!tagPattern.test(tag)) {
      fail(`tag "${tag}" is invalid: ${tagRule}`);
    }
  }

  const slash = rest.indexOf('/');
  const first = slash === -1 ? rest : rest.slice(0, slash);
  const isHost = slash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
  let registry = isHost ? first.toLowerCase() : dockerHub;
  let repository = isHost ? rest.slice(slash + 1) : rest;

  if (isHost) {
    const host = hostPattern.exec(first);
    if (!host) fail(`registry host "${first}" is not a valid host[:port]`);
    const port = host?.[1];
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) fail(`registry port "${port}" is out of range`);
  }
  if (dockerHubAliases.has(registry)) registry = dockerHub;
  if (registry === dockerHub && repository !== '' && !repository.includes('/')) repository = `library/${repository}`;

  if (repository === '') fail('the repository path is missing; expected host/repository, e.g. ghcr.io/owner/repo');
  for (const component of repository.split('/')) {
    if (componentPattern.test(component)) continue;
    if (componentPattern.test(component.toLowerCase())) {
      fail(`repository "${repository}" must be lowercase (OCI repository names are lowercase: "${repository.toLowerCase()}")`);
    }
    fail(
      component === ''
        ? `repository "${repository}" has an empty path element`
        : `repository path element "${component}" is invalid: use lowercase letters, digits and single ".", "_", "__" or "-" separators`,
    );
  }
  if (registry.length + 1 + repository.length > maxNameLength) fail(`the name is longer than ${maxNameLength} characters`);

  const ref: Reference = { registry, repository };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

export function isValidTag(tag: string): boolean {
  return tagPattern.test(tag);
}

/** Throws a one-line error naming the tag when it does not follow the OCI tag grammar. */
export function assertValidTag(tag: string): void {
  if (!tagPattern.test(tag)) {
    throw new InvalidReferenceError('tag', tag, tagRule);
  }
}

/** `registry/repository`, the form used in outputs such as `digest-url`. */
export function repositoryName(ref: Pick<Reference, 'registry' | 'repository'>): string {
  return `${ref.registry}/${ref.repository}`;
}

/** `registry/repository[:tag][@digest]`. */
export function formatReference(ref: Reference): string {
  return `${repositoryName(ref)}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** The tag or digest a reference points at; digest wins, as in every registry client. */
export function referenceTarget(ref: Reference): string | undefined {
  return ref.digest ?? ref.tag;
}

/** The host that serves the registry API for a canonical registry name. */
export function registryEndpoint(registry: string): string {
  return registry === dockerHub ? 'registry-1.docker.io' : registry;
}

/** Loopback registries are reached over plain HTTP, like docker does for localhost. */
export function isLoopbackHost(registry: string): boolean {
  const host = registry.replace(/:[0-9]+$/, '').replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(?:\.[0-9]{1,3}){3}$/.test(host);
}
