import { readFileSync } from 'node:fs';
import {
  artifactOrigin,
  attestationPredicateType,
  parseFluxVersionOption,
  FluxVersionError,
  locationName,
  locationReference,
  notationDirectoryTrustStore,
  NotationPolicyError,
  verifyArtifact,
  verifyFormats,
  verifyNotation,
  type VerifyFormat,
} from '@d2ci/core';
import { verificationFlags, verificationFromFlags } from '../verification.ts';
import { fluxManifestFromFlags } from '../flux-manifest.ts';
import { parseFlags, registryFlags, splitList } from '../flags.ts';
import { openLocation, explainAuth } from '../registry.ts';
import { UsageError } from '../errors.ts';
import { usageError } from '../fields.ts';
import { data, json, type Io } from '../output.ts';

export const verifyHelp = `Usage: d2ci verify URL [--key PUBFILE | --certificate-identity(-regexp) X --certificate-oidc-issuer(-regexp) Y] [flags]

Verify an artifact's signature the way Flux's source-controller does (cosign legacy .sig and Sigstore bundles):
the tag is resolved to a digest once and everything is checked for that digest. Exits 0 only when verified.

Flags:
      --key FILE                          verify with public key(s) (PEM, e.g. cosign.pub)
      --certificate-identity ID           exact signer identity (certificate SAN)
      --certificate-identity-regexp RE    signer identity pattern (Flux matchOIDCIdentity.subject)
      --certificate-oidc-issuer ISS       exact issuer (default https://token.actions.githubusercontent.com)
      --certificate-oidc-issuer-regexp RE issuer pattern (Flux matchOIDCIdentity.issuer)
      --certificate-github-workflow-repository OWNER/REPO
                                          the repository whose GitHub run signed (a reusable workflow's
                                          identity names the reusable workflow, not its caller)
      --trusted-root FILE                 Sigstore trusted_root.json (default: public-good root via TUF)
      --signature-format F                auto (default), legacy or bundle (notation: see below)
      --flux-version V                    with auto: pass only if Flux V (2.6, 2.7, 2.8, 2.9) would accept it, read
                                          as its source-controller reads it; all (default) = every one of them;
                                          none = as cosign, without Flux's rules
      --flux-manifest FILE                will my cluster accept it? Read the verify block of the cluster's
                                          OCIRepository from FILE (itself, a FluxInstance or Kustomization patch,
                                          or a ResourceSet): provider, matchOIDCIdentity (any entry may match; on
                                          Flux 2.8+ bundles only one entry is supported) and which Secrets the
                                          cluster reads. Their content still comes from --key (verify.secretRef),
                                          --trusted-root (trustedRootSecretRef) or --notation-trust-policy/-store
      --flux-manifest-name NAME           the OCIRepository (NAME or NAMESPACE/NAME) when FILE has several
      --require-attestations LIST         attestations that must verify too: spdx, cyclonedx, openvex or URIs
      --notation-trust-policy FILE        verify a Notary Project signature with this trustpolicy.json …
      --notation-trust-store DIR          … and this trust store (x509/ca/<name>/*.pem), as Notation and Flux do
      --notation-scope SCOPE              for an OCI layout: the registry scope to match, e.g. local/my-layout
  -a, --annotation KEY=REGEXP             artifact annotation that must match (repeatable)
      --creds USER:PASS                   registry credentials
      --provider NAME                     generic (default), aws, gcp or azure
      --insecure-registry                 plain HTTP to the registry
  -o, --output json                       print the result as JSON`;

/** An OCI layout has no repository for registry scopes to match: as `notation verify --oci-layout --scope`, the user names one. */
function layoutScope(scope: string | undefined): string {
  if (!scope)
    throw new UsageError(
      '--notation-scope is required for an OCI layout: the registry scope its trust policy statement names, e.g. local/my-layout (as notation verify --oci-layout --scope)',
    );
  return scope;
}

/** --notation-trust-policy FILE --notation-trust-store DIR: a Notary Project signature, as Notation and Flux check it. */
async function verifyWithNotation(
  values: { 'notation-trust-policy'?: string; 'notation-trust-store'?: string; 'notation-scope'?: string; output?: string } & Parameters<
    typeof openLocation
  >[1],
  positionals: string[],
  annotations: Record<string, RegExp>,
  io: Io,
): Promise<number> {
  if (!values['notation-trust-policy'] || !values['notation-trust-store'])
    throw new UsageError('Notary Project verification needs --notation-trust-policy trustpolicy.json and --notation-trust-store DIR');
  let policy: string;
  try {
    policy = readFileSync(values['notation-trust-policy'], 'utf8');
  } catch {
    throw new UsageError(`--notation-trust-policy: cannot read ${values['notation-trust-policy']}`);
  }
  const opened = openLocation(positionals[0], values, io.err);
  const reference = locationReference(opened.location) ?? 'latest';
  const name = locationName(opened.location);
  let result;
  try {
    result = await verifyNotation({
      target: opened.target,
      reference,
      repository: opened.location.kind === 'registry' ? name : layoutScope(values['notation-scope']),
      trustPolicy: policy,
      trustStore: notationDirectoryTrustStore(values['notation-trust-store']),
      annotations,
    });
  } catch (err) {
    if (err instanceof NotationPolicyError) throw new UsageError(`--notation-trust-policy: ${err.message}`);
    throw await explainAuth(opened, err);
  }
  const digest = result.descriptor.digest;
  const { verified, reasons } = result;
  if (values.output === 'json') {
    json(io, {
      verified,
      digest,
      digestUrl: `${name}@${digest}`,
      format: 'notation',
      identity: result.signer ? `x509: ${result.signer.subject}` : null,
      policy: result.policy ?? null,
      level: result.level ?? null,
      skipped: result.skipped,
      reasons,
      warnings: result.warnings,
    });
  } else {
    for (const warning of result.warnings) io.err(`⚠ ${data(warning)}`);
    if (verified)
      io.err(
        `✔ verified ${name}@${digest} (notation): signed by ${data(result.signer?.subject)}, trust policy ${data(result.policy)} (${result.level ?? ''})`,
      );
    else
      io.err(
        `✗ ${name}:${reference} (${digest}) is not verified: ${result.skipped ? `the trust policy ${data(result.policy)} skips verification` : data(reasons.join('; '))}`,
      );
  }
  return verified ? 0 : 1;
}

export async function verify(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('verify', args, {
    ...registryFlags,
    ...verificationFlags,
    key: { type: 'string' },
    'signature-format': { type: 'string' },
    annotation: { type: 'string', short: 'a', multiple: true },
    output: { type: 'string', short: 'o' },
    'require-attestations': { type: 'string', multiple: true },
    'notation-trust-policy': { type: 'string' },
    'notation-trust-store': { type: 'string' },
    'notation-scope': { type: 'string' },
    'flux-version': { type: 'string' },
    'flux-manifest': { type: 'string' },
    'flux-manifest-name': { type: 'string' },
  });
  if (values.help) {
    io.out(verifyHelp);
    return 0;
  }
  const format = values['signature-format'] ?? 'auto';
  if (!(verifyFormats as readonly string[]).includes(format) && format !== 'notation')
    throw new UsageError(`--signature-format "${format}" is not one of ${verifyFormats.join(', ')}, notation`);
  const annotations: Record<string, RegExp> = {};
  for (const pair of values.annotation ?? []) {
    const cut = pair.indexOf('=');
    if (cut <= 0) throw new UsageError(`--annotation "${pair}" is not key=regexp`);
    try {
      annotations[pair.slice(0, cut)] = new RegExp(pair.slice(cut + 1));
    } catch (err) {
      throw new UsageError(`--annotation "${pair}": ${(err as Error).message}`);
    }
  }
  const cluster = await fluxManifestFromFlags(values);
  if (cluster?.plan.provider === 'notation' && format !== 'auto' && format !== 'notation')
    throw new UsageError(`--signature-format ${format}: the flux manifest's OCIRepository verifies with Notation`);
  if (values['notation-trust-policy'] || values['notation-trust-store'] || format === 'notation')
    return verifyWithNotation(values, positionals, annotations, io);
  let requireAttestations: string[];
  try {
    requireAttestations = splitList(values['require-attestations']).map(attestationPredicateType);
  } catch (err) {
    throw usageError(err) ?? err;
  }
  let fluxVersion;
  try {
    fluxVersion = parseFluxVersionOption(values['flux-version']);
  } catch (err) {
    if (err instanceof FluxVersionError) throw new UsageError(`--flux-version: ${err.message}, or none`);
    throw err;
  }
  const plan = cluster?.plan;
  const verification = await verificationFromFlags(
    values,
    values.key,
    'key',
    plan?.provider === 'cosign' && plan.kind === 'keyless' ? plan.policy : undefined,
  );
  const identities = plan?.provider === 'cosign' && plan.kind === 'keyless' ? plan.identities : undefined;
  const opened = openLocation(positionals[0], values, io.err);
  const reference = locationReference(opened.location) ?? 'latest';
  const name = locationName(opened.location);
  let result;
  try {
    result = await verifyArtifact({
      target: opened.target,
      reference,
      verification,
      format: format as VerifyFormat,
      annotations,
      requireAttestations,
      fluxVersion,
      ...(identities !== undefined ? { identities } : {}),
      ...(cluster?.manifest.registry ? { clusterRegistry: cluster.manifest.registry } : {}),
    });
  } catch (err) {
    throw await explainAuth(opened, err);
  }
  const { source, revision } = artifactOrigin(result.annotations);
  const digest = result.descriptor.digest;
  if (values.output === 'json') {
    json(io, {
      verified: result.verified,
      digest,
      digestUrl: `${name}@${digest}`,
      format: result.format ?? null,
      identity: result.identity ?? null,
      issuer: result.issuer ?? null,
      signerRepository: result.sourceRepository ?? null,
      revision: revision ?? null,
      source: source ?? null,
      attestations: result.attestations,
      flux: result.flux,
      ...(cluster ? { fluxManifest: cluster.manifest } : {}),
      reasons: result.reasons,
      warnings: result.warnings,
    });
  } else {
    for (const warning of result.warnings) io.err(`⚠ ${data(warning)}`);
    if (cluster)
      io.err(
        `  cluster policy: ${cluster.manifest.origin} in ${cluster.manifest.file} (${verification.kind === 'key' ? `${verification.keys.length} public key(s) from verify.secretRef ${cluster.manifest.secretName ?? ''}` : verification.policy.describe})`,
      );
    for (const verdict of result.flux)
      io.err(
        `  Flux ${verdict.version}: ${verdict.accepted ? '✔ accepts' : '✗ rejects'} (reads ${verdict.reads === 'bundles' ? 'Sigstore bundles' : 'the legacy .sig'})${verdict.reason ? `: ${data(verdict.reason)}` : ''}`,
      );
    if (result.verified) {
      io.err(
        `✔ verified ${name}@${digest} (${result.format}): signed by ${data(result.identity)}${result.issuer ? `, issuer ${data(result.issuer)}` : ''}${result.sourceRepository ? `, in a run of ${data(result.sourceRepository)}` : ''}`,
      );
      if (revision || source) io.err(`  revision ${data(revision ?? '?')}, source ${data(source ?? '?')}`);
    } else {
      io.err(`✗ ${name}:${reference} (${digest}) is not verified: ${data(result.reasons.join('; '))}`);
    }
  }
  return result.verified ? 0 : 1;
}
