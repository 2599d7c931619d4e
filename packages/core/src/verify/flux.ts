import { BaseError } from '../errors.ts';
import type { SignatureCheck } from './signatures.ts';

// What each Flux release's source-controller accepts (`internal/oci/cosign/cosign.go` at v1.6.0–v1.9.x), so that
// d2ci can say "will this cluster accept it" for a given version. Checked against the controllers' own code in the
// interoperability suite (test/interop), cell by cell.

export const fluxVersions = ['2.6', '2.7', '2.8', '2.9'] as const;
export type FluxVersion = (typeof fluxVersions)[number];
/** A version, or `all`: accepted only when every supported version would accept. */
export type FluxVersionOption = FluxVersion | 'all';

/** A Flux version d2ci does not know; about the `flux-version` field. */
export class FluxVersionError extends BaseError<'FLUX_VERSION_INVALID'> {
  constructor(value: string) {
    super('FLUX_VERSION_INVALID', `flux version "${value}" is not one of ${fluxVersions.join(', ')} or all`, { field: 'flux-version' });
  }
}

/** `2.8`, `v2.8`, `2.8.1` → `2.8`; `all` → every version. */
export function parseFluxVersion(value: string): FluxVersion[] {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === '' || trimmed === 'all') return [...fluxVersions];
  const minor = /^v?(\d+\.\d+)(?:\.\d+)?$/.exec(trimmed)?.[1];
  const version = fluxVersions.find((v) => v === minor);
  if (!version) throw new FluxVersionError(value);
  return [version];
}

/** A flag or input value as the verify option: a version, `all` (also empty) or `none` (cosign's rules, no Flux's). */
export function parseFluxVersionOption(value: string | undefined): FluxVersionOption | 'none' {
  const trimmed = (value ?? '').trim().toLowerCase();
  if (trimmed === 'none') return 'none';
  const versions = parseFluxVersion(trimmed);
  return versions.length === 1 && versions[0] ? versions[0] : 'all';
}

/** Flux 2.8 is the first whose cosign library (v3.0.x) reads Sigstore bundles (`cosign.GetBundles`). */
export const readsBundles = (version: FluxVersion): boolean => version !== '2.6' && version !== '2.7';

/**
 * Whether go-containerregistry speaks plain HTTP to a registry without being told (`name.Insecure`): its
 * pkg/name/registry.go `Scheme()` at v0.21.3 (inside Flux 2.8.5) — RFC 1918 addresses, a `localhost:` prefix,
 * names ending in `.local` or `.localhost`, anything containing `127.0.0.1`, and `::1`.
 */
export function goImplicitlyPlainHttp(registry: string): boolean {
  const ip = registry.split(':')[0] ?? '';
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip)?.slice(1).map(Number);
  if (octets && octets.every((o) => o <= 255)) {
    const [a = 0, b = 0] = octets;
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return true;
  }
  return (
    registry.startsWith('localhost:') ||
    /\.local(?:host)?(?::\d{1,5})?$/.test(registry) ||
    registry.includes('127.0.0.1') ||
    /^(?:::1|\[::1\](?::\d{1,5})?)$/.test(registry)
  );
}

/**
 * Whether a version finds the bundles at all. Flux 2.8 (source-controller v1.8.x) calls `cosign.GetBundles`
 * without name options, and cosign parses each referrer's reference afresh: on a plain-HTTP registry that
 * go-containerregistry does not treat as local it asks over HTTPS, finds no bundle and falls back to the legacy
 * `.sig` (internal/oci/cosign/cosign.go `Verify`; cosign pkg/cosign/verify.go `GetBundles`). 2.9 passes
 * `name.Insecure` (`WithInsecure`).
 */
function seesBundles(version: FluxVersion, evidence: FluxEvidence): boolean {
  if (!readsBundles(version)) return false;
  return !(version === '2.8' && evidence.plainHttpRegistry !== undefined && !goImplicitlyPlainHttp(evidence.plainHttpRegistry));
}

export interface FluxEvidence {
  /** Legacy `.sig` layers, checked; `fluxAccepts` for those Flux takes though d2ci does not (no claim check). */
  legacies: (SignatureCheck & { fluxAccepts?: boolean })[];
  /** Every Sigstore bundle among the referrers (signatures and attestations alike, any identity). */
  bundles: SignatureCheck[];
  /** Keyless: how many `matchOIDCIdentity` entries the cluster gives; the bundle path takes exactly one. */
  identities?: number;
  /** The registry as the cluster names it, when the cluster reaches it over plain HTTP (`spec.insecure`). */
  plainHttpRegistry?: string;
}

export interface FluxVerdict {
  version: FluxVersion;
  accepted: boolean;
  /** Which signatures that version reads: `.sig` only, or the bundles because at least one exists. */
  reads: 'legacy' | 'bundles';
  reason?: string;
}

/**
 * What one Flux version decides for an artifact:
 * - 2.6/2.7 (cosign v2.5 `VerifyImageSignatures`): the legacy `.sig` only; any signature that verifies. No claim
 *   verifier, so a copied `.sig` naming another digest passes there (d2ci itself still refuses it).
 * - 2.8/2.9 (cosign v3.0 `GetBundles`): when any bundle referrer exists, only bundles, and one must verify
 *   (the in-toto subject is checked); keyless bundles take a single `matchOIDCIdentity` entry ("unsupported:
 *   multiple identities"). Without bundles, the legacy path as above.
 */
export function fluxVerdict(version: FluxVersion, evidence: FluxEvidence): FluxVerdict {
  const bundlesSeen = seesBundles(version, evidence);
  if (bundlesSeen && evidence.bundles.length > 0) {
    if ((evidence.identities ?? 1) > 1) {
      return {
        version,
        accepted: false,
        reads: 'bundles',
        reason: `it verifies bundles with one matchOIDCIdentity entry only ("unsupported: multiple identities"), and the policy has ${evidence.identities}: give the cluster one entry whose subject pattern accepts them all, e.g. ^(A|B)$`,
      };
    }
    if (evidence.bundles.some((c) => c.ok)) return { version, accepted: true, reads: 'bundles' };
    const why = evidence.bundles.find((c) => !c.ok);
    return {
      version,
      accepted: false,
      reads: 'bundles',
      reason: `it reads only the Sigstore bundles once any is attached, and none of the ${evidence.bundles.length} verifies${why && !why.ok ? ` (${why.reason})` : ''}${evidence.legacies.some((c) => c.ok) ? '; the legacy .sig that verifies is never looked at' : ''}`,
    };
  }
  if (evidence.legacies.some((c) => c.ok || c.fluxAccepts)) return { version, accepted: true, reads: 'legacy' };
  const unseen = readsBundles(version) && !bundlesSeen && evidence.bundles.length > 0;
  const reads = unseen
    ? `it cannot fetch bundles from the plain-HTTP registry ${evidence.plainHttpRegistry ?? ''} (no name.Insecure for bundle references; Flux 2.9 can), so it reads only the legacy .sig signature`
    : `it reads only the legacy .sig signature${readsBundles(version) ? ' when no bundle is attached' : ''}`;
  const reason =
    evidence.legacies.length === 0
      ? `${reads}, and there is none`
      : unseen
        ? `${reads}, and it does not verify`
        : 'it reads the legacy .sig signature, and it does not verify';
  return { version, accepted: false, reads: 'legacy', reason };
}

/** One line per distinct reason: "Flux 2.6 and 2.7 would reject it: it reads only the legacy .sig …". */
export function fluxRejections(verdicts: readonly FluxVerdict[]): string[] {
  const byReason = new Map<string, FluxVersion[]>();
  for (const verdict of verdicts) {
    if (verdict.accepted) continue;
    const reason = verdict.reason ?? 'it would not verify';
    byReason.set(reason, [...(byReason.get(reason) ?? []), verdict.version]);
  }
  return [...byReason].map(([reason, versions]) => {
    const names = versions.length === 1 ? versions[0] : `${versions.slice(0, -1).join(', ')} and ${versions.at(-1)}`;
    return `Flux ${names} would reject it: ${reason}`;
  });
}
