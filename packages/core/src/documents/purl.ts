import { compareBytes } from '../oci/order.ts';
import { repositoryName, type Reference } from '../oci/reference.ts';

// Package URLs (purl-spec: percent-encode all but A–Z a–z 0–9 . - _ ~ and ':'; qualifiers sorted by key).

function purlEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/%3A/gi, ':')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function packageUrl(
  type: string,
  path: readonly string[],
  version: string | undefined,
  qualifiers: Record<string, string | undefined>,
  subpath?: string,
): string {
  let purl = `pkg:${type}/${path.map(purlEncode).join('/')}`;
  if (version) purl += `@${purlEncode(version)}`;
  const pairs = Object.entries(qualifiers)
    .filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== '')
    .map(([key, value]) => `${key}=${purlEncode(value)}`)
    .sort(compareBytes);
  if (pairs.length) purl += `?${pairs.join('&')}`;
  const segments = (subpath ?? '').split('/').filter((s) => s !== '' && s !== '.' && s !== '..');
  if (segments.length) purl += `#${segments.map(purlEncode).join('/')}`;
  return purl;
}

/**
 * `pkg:oci/<name>[@<digest>]?repository_url=<registry/repository>[&tag=<tag>]`, the registered purl type for
 * anything in an OCI registry (images and OCI Helm charts alike): the name is the last path element, the
 * version only ever a digest, the tag a qualifier.
 */
export function ociPackageUrl(ref: Reference): string {
  const name = (ref.repository.split('/').pop() ?? ref.repository).toLowerCase();
  return packageUrl('oci', [name], ref.digest, { repository_url: repositoryName(ref), tag: ref.tag });
}

/** `pkg:helm/<chart>[@<version>][?repository_url=<url>]`, the proposed `helm` type (purl-spec #236) for charts of HTTP repositories. */
export function helmPackageUrl(chart: string, version?: string, repositoryUrl?: string): string {
  return packageUrl('helm', [chart], version, { repository_url: repositoryUrl });
}

/** `pkg:github/<owner>/<repo>@<ref>` for GitHub, else `pkg:git/<host>/<path>@<ref>`; `subpath` for a chart's path. */
export function gitPackageUrl(url: string, ref?: string, subpath?: string): string | undefined {
  const location = gitLocation(url);
  if (!location) return undefined;
  const { host, path } = location;
  if (host === 'github.com' && path.length === 2)
    return packageUrl(
      'github',
      path.map((p) => p.toLowerCase()),
      ref,
      {},
      subpath,
    );
  return packageUrl('git', [host, ...path], ref, {}, subpath);
}

function gitLocation(url: string): { host: string; path: string[] } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!['http:', 'https:', 'ssh:', 'git:'].includes(parsed.protocol) || parsed.hostname === '') return undefined;
  const path = decodeURIComponent(parsed.pathname)
    .replace(/\.git\/?$/, '')
    .split('/')
    .filter((s) => s !== '');
  if (path.length === 0) return undefined;
  return { host: parsed.host.toLowerCase(), path };
}
