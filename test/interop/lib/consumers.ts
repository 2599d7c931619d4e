// One function per consumer: run the real tool on one artifact and read its verdict. Each returns whether the
// consumer accepted, plus the lines that say why (kept in the results file only for failing cells' messages).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrustFiles } from './trust.ts';
import { craneVersion, fluxControllers, notationVersion, orasVersion, run, tool, type CosignVersion, type Ran } from './tools.ts';

export interface Verdict {
  accepted: boolean;
  detail: string;
}

/** What a keyless or key policy says, in the words each consumer takes. */
export type Policy =
  | { kind: 'key'; publicKeyFile: string; trust?: TrustFiles }
  | {
      kind: 'keyless';
      identity?: string;
      identityRegexp?: string;
      issuer?: string;
      issuerRegexp?: string;
      trust: TrustFiles;
      identities?: { subject: string; issuer: string }[];
    };

const tail = (ran: Ran): string =>
  `${ran.stdout}\n${ran.stderr}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^WARNING: (?:Skipping tlog|--allow-http-registry)/.test(l))
    .slice(-3)
    .join(' | ')
    .slice(0, 400);

/**
 * cosign verify, as a user runs it against a private Sigstore (consumers.md "Verifying against a private Sigstore");
 * `extra` are more flags, e.g. `-a key=value` (signature annotations).
 */
export async function cosignVerify(version: CosignVersion, reference: string, policy: Policy, extra: string[] = []): Promise<Verdict> {
  const args = ['verify', '--allow-http-registry', '--output', 'json'];
  let env: Record<string, string> = {};
  if (policy.kind === 'key') {
    // Key signatures are not logged (as Flux checks them: IgnoreTlog). cosign v2.6+ wants a trusted root for bundles
    // even with a key (sigstore-go's verifier is built from one); offline, that is the local one.
    args.push('--key', policy.publicKeyFile, '--insecure-ignore-tlog=true');
    if (!version.startsWith('v2.5') && policy.trust) args.push('--trusted-root', policy.trust.trustedRoot);
  } else {
    if (policy.identity) args.push('--certificate-identity', policy.identity);
    if (policy.identityRegexp) args.push('--certificate-identity-regexp', policy.identityRegexp);
    if (policy.issuer) args.push('--certificate-oidc-issuer', policy.issuer);
    if (policy.issuerRegexp) args.push('--certificate-oidc-issuer-regexp', policy.issuerRegexp);
    // v2.5.x cannot take --trusted-root offline (it still asks TUF for Rekor's keys): the legacy variables.
    if (version.startsWith('v2.5')) env = { ...policy.trust.legacyEnv };
    else args.push('--trusted-root', policy.trust.trustedRoot);
  }
  args.push(...extra, reference);
  const ran = await run(tool('cosign', version), args, { env: { ...env, TUF_ROOT: join(tmpdir(), 'd2ci-interop-tuf') } });
  return { accepted: ran.code === 0, detail: tail(ran) };
}

/** cosign verify-attestation for one predicate type (what `cosign verify-attestation --type` users run). */
export async function cosignVerifyAttestation(version: CosignVersion, reference: string, type: string, policy: Policy): Promise<Verdict> {
  const args = ['verify-attestation', '--allow-http-registry', '--type', type];
  let env: Record<string, string> = {};
  if (policy.kind === 'key') args.push('--key', policy.publicKeyFile, '--insecure-ignore-tlog=true');
  else {
    args.push('--certificate-identity', policy.identity ?? '', '--certificate-oidc-issuer', policy.issuer ?? '');
    if (version.startsWith('v2.5')) env = { ...policy.trust.legacyEnv };
    else args.push('--trusted-root', policy.trust.trustedRoot);
  }
  args.push(reference);
  const ran = await run(tool('cosign', version), args, { env });
  return { accepted: ran.code === 0, detail: tail(ran) };
}

/**
 * Flux source-controller's own verifier (test/interop/flux): the OCIRepository `verify` block as environment.
 * The controller reads the private Sigstore from SIGSTORE_* (2.7) or the trusted root Secret (2.9).
 */
export async function fluxVerify(
  flux: keyof typeof fluxControllers,
  reference: string,
  policy: Policy | { kind: 'notation'; secretDir: string },
): Promise<Verdict> {
  const env: Record<string, string> = { D2CI_FLUX_REF: reference, D2CI_FLUX_INSECURE: 'true' };
  if (policy.kind === 'notation') Object.assign(env, { D2CI_FLUX_PROVIDER: 'notation', D2CI_FLUX_NOTATION_DIR: policy.secretDir });
  else if (policy.kind === 'key') Object.assign(env, { D2CI_FLUX_PROVIDER: 'cosign', D2CI_FLUX_KEYS: policy.publicKeyFile });
  else {
    const identities = policy.identities ?? [
      {
        subject: policy.identityRegexp ?? `^${escapeRegexp(policy.identity ?? '')}$`,
        issuer: policy.issuerRegexp ?? `^${escapeRegexp(policy.issuer ?? '')}$`,
      },
    ];
    Object.assign(env, { D2CI_FLUX_PROVIDER: 'cosign', D2CI_FLUX_IDENTITIES: JSON.stringify(identities) }, policy.trust.legacyEnv);
    if (flux === '2.9') env.D2CI_FLUX_TRUSTED_ROOT = policy.trust.trustedRoot;
  }
  const ran = await run(tool('flux-verifier', fluxControllers[flux]), ['-test.run', 'TestFluxVerify'], { env });
  const line = ran.stdout.split('\n').find((l) => l.startsWith('D2CI-FLUX-VERDICT '));
  if (!line) throw new Error(`the Flux ${flux} verifier gave no verdict (exit ${ran.code}): ${tail(ran)}`);
  const verdict = JSON.parse(line.slice('D2CI-FLUX-VERDICT '.length)) as { verified: boolean; error?: string };
  return { accepted: verdict.verified, detail: verdict.error ?? '' };
}

export const escapeRegexp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A notation configuration directory (trust policy + trust store), as `notation verify` reads it from XDG_CONFIG_HOME. */
export function notationConfig(
  trustPolicy: object,
  rootPem: string,
): { configHome: string; storeDir: string; policyFile: string; secretDir: string } {
  const configHome = mkdtempSync(join(tmpdir(), 'd2ci-interop-notation-'));
  const base = join(configHome, 'notation');
  const storeDir = join(base, 'truststore');
  mkdirSync(join(storeDir, 'x509', 'ca', 'interop'), { recursive: true });
  writeFileSync(join(storeDir, 'x509', 'ca', 'interop', 'root.pem'), rootPem);
  const policyFile = join(base, 'trustpolicy.json');
  writeFileSync(policyFile, JSON.stringify(trustPolicy, null, 2));
  // Flux's Secret: trustpolicy.json plus the certificates (its store is named after the Secret's certificates).
  const secretDir = join(configHome, 'flux-secret');
  mkdirSync(secretDir);
  writeFileSync(join(secretDir, 'trustpolicy.json'), JSON.stringify(trustPolicy, null, 2));
  writeFileSync(join(secretDir, 'root.pem'), rootPem);
  return { configHome, storeDir, policyFile, secretDir };
}

/** `notation verify` (1.3.2, what every Flux 2.6–2.9 embeds) on a registry reference or an OCI layout. */
export async function notationVerify(reference: string, configHome: string, layout?: { scope: string }): Promise<Verdict> {
  const args = layout ? ['verify', '--oci-layout', '--scope', layout.scope, reference] : ['verify', '--insecure-registry', reference];
  const ran = await run(tool('notation', notationVersion), args, { env: { XDG_CONFIG_HOME: configHome, NOTATION_EXPERIMENTAL: '1' } });
  return { accepted: ran.code === 0, detail: tail(ran) };
}

/** `oras discover`: the referrers oras lists (artifact type and digest), through the referrers API or the tag schema. */
export async function orasDiscover(
  reference: string,
  layout = false,
): Promise<{ referrers: { digest: string; artifactType: string }[]; detail: string }> {
  const args = ['discover', '--format', 'json', ...(layout ? ['--oci-layout'] : ['--plain-http']), reference];
  const ran = await run(tool('oras', orasVersion), args);
  if (ran.code !== 0) return { referrers: [], detail: tail(ran) };
  const json = JSON.parse(ran.stdout) as {
    referrers?: { digest: string; artifactType?: string }[];
    manifests?: { digest: string; artifactType?: string }[];
  };
  const list = json.referrers ?? json.manifests ?? [];
  return { referrers: list.map((r) => ({ digest: r.digest, artifactType: r.artifactType ?? '' })), detail: '' };
}

/** `crane validate --remote`: the manifest and every blob it names are there and match their digests. */
export async function craneValidate(reference: string): Promise<Verdict> {
  const ran = await run(tool('crane', craneVersion), ['validate', '--insecure', '--remote', reference]);
  return { accepted: ran.code === 0, detail: tail(ran) };
}

/** `crane manifest`: what a registry serves for a reference, as bytes (for the reverse direction). */
export async function craneRun(args: string[]): Promise<Ran> {
  return run(tool('crane', craneVersion), ['--insecure', ...args]);
}

/**
 * Flux source-controller's own layer extraction (`tar.Untar` with the controller's options) on a layer file:
 * whether it accepts it, and what it wrote (path → "dir" or "<perm> <size>").
 */
export async function fluxUntar(
  flux: keyof typeof fluxControllers,
  layerFile: string,
): Promise<{ ok: boolean; error?: string; files?: Record<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'd2ci-interop-untar-'));
  const ran = await run(tool('flux-verifier', fluxControllers[flux]), ['-test.run', 'TestFluxVerify'], {
    env: { D2CI_FLUX_UNTAR: layerFile, D2CI_FLUX_UNTAR_DIR: dir },
  });
  const line = ran.stdout.split('\n').find((l) => l.startsWith('D2CI-FLUX-UNTAR '));
  if (!line) throw new Error(`the Flux ${flux} untar gave no answer (exit ${ran.code}): ${tail(ran)}`);
  return JSON.parse(line.slice('D2CI-FLUX-UNTAR '.length)) as { ok: boolean; error?: string; files?: Record<string, string> };
}
