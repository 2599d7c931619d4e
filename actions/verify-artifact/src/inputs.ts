import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  attestationPredicateType,
  FluxVersionError,
  parseFluxVersionOption,
  notationDirectoryTrustStore,
  parseNotationTrustPolicy,
  parseLocation,
  verifyFormats,
  type NotationTrustPolicyDocument,
  type NotationTrustStore,
  InvalidReferenceError,
  type FluxManifestVerify,
  type FluxVersionOption,
  type Location,
  type Verification,
  type VerifyFormat,
} from '@d2ci/core';
import {
  InputError,
  fluxManifestInputs,
  inputError,
  githubContext,
  linesInput,
  listInput,
  registryInputs,
  stringInput,
  verificationInputs,
  verifyInputNames,
  type GitHubContext,
  type RegistryInputs,
} from '@d2ci/action-kit';

export interface Inputs {
  location: Location;
  reference: string;
  verification: Verification;
  format: VerifyFormat;
  annotations: Record<string, RegExp>;
  /** In-toto predicate types that must be attested. */
  requireAttestations: string[];
  /** Notary Project verification instead of cosign's: a trust policy and a trust store. */
  notation: { trustPolicy: NotationTrustPolicyDocument; trustStore: NotationTrustStore } | undefined;
  /** Which Flux versions must accept it (`flux-version`, default all). */
  fluxVersion: FluxVersionOption | 'none';
  /** Keyless, from `flux-manifest`: how many matchOIDCIdentity entries the cluster has. */
  identities: number | undefined;
  /** The cluster's verify block (`flux-manifest`). */
  fluxManifest: FluxManifestVerify | undefined;
  registry: RegistryInputs;
  context: GitHubContext;
}

function fluxVersionInput(): FluxVersionOption | 'none' {
  try {
    return parseFluxVersionOption(stringInput('flux-version'));
  } catch (err) {
    if (err instanceof FluxVersionError) throw new InputError('flux-version', `${err.message}, or none`);
    throw err;
  }
}

function location(): { location: Location; reference: string } {
  const url = stringInput('url');
  const repository = stringInput('repository');
  const ref = stringInput('ref');
  if (url && repository) throw new InputError('url', 'give `url`, or `repository` with `ref`, not both');
  if (!url && !repository)
    throw new InputError('repository', 'is required (or `url`); e.g. repository: ghcr.io/acme/fleet with ref: latest');
  const input = url ? 'url' : 'repository';
  let parsed: Location;
  try {
    parsed = parseLocation(url || repository);
  } catch (err) {
    if (err instanceof InvalidReferenceError) throw new InputError(input, err.problem);
    throw err;
  }
  const inline = parsed.kind === 'registry' ? (parsed.reference.digest ?? parsed.reference.tag) : (parsed.digest ?? parsed.tag);
  if (repository && inline)
    throw new InputError('repository', `"${repository}" already names "${inline}"; put the tag or digest in \`ref\``);
  let reference = inline ?? (ref || 'latest');
  if (ref && !url) {
    try {
      const withRef = parseLocation(`${repository}${ref.includes(':') ? '@' : ':'}${ref}`);
      reference =
        (withRef.kind === 'registry' ? (withRef.reference.digest ?? withRef.reference.tag) : (withRef.digest ?? withRef.tag)) ?? ref;
    } catch (err) {
      if (err instanceof InvalidReferenceError)
        // What is wrong with the ref alone: the reason, after the whole location a reference or layout error quotes.
        throw new InputError(
          'ref',
          `"${ref}" is not a tag or digest: ${err.kind === 'reference' || err.kind === 'layout location' ? err.reason : err.message}`,
        );
      throw err;
    }
  }
  return { location: parsed, reference };
}

/** Reads and validates every input (and loads the trust material) before anything is fetched. */
export async function getInputs(): Promise<Inputs> {
  const context = githubContext();
  const { location: parsed, reference } = location();
  const fluxVersion = fluxVersionInput();
  const cluster = await fluxManifestInputs(context);
  const flux = {
    fluxVersion,
    identities: cluster?.plan.provider === 'cosign' && cluster.plan.kind === 'keyless' ? cluster.plan.identities : undefined,
    fluxManifest: cluster?.manifest,
  };
  const notation = notationInputs(context);
  const formatValue = stringInput('signature-format', { fallback: notation ? 'notation' : 'auto' });
  if (formatValue === 'notation' && !notation)
    throw new InputError('notation-trust-policy', 'is required with `signature-format: notation` (with `notation-trust-store`)');
  if (formatValue !== 'notation' && notation)
    throw new InputError(
      'signature-format',
      `is "${formatValue}", but \`notation-trust-policy\` asks for Notary Project verification; leave it empty or set notation`,
    );
  if (!(verifyFormats as readonly string[]).includes(formatValue) && formatValue !== 'notation')
    throw new InputError('signature-format', `"${formatValue}" is not one of ${verifyFormats.join(', ')}, notation`);
  if (notation) {
    if (stringInput('certificate-identity') || stringInput('certificate-identity-regexp') || stringInput('key'))
      throw new InputError(
        'notation-trust-policy',
        'replaces `certificate-identity(-regexp)` and `key`: the trust policy names the trusted identities',
      );
    return {
      location: parsed,
      reference,
      verification: { kind: 'key', keys: [] },
      format: 'auto',
      annotations: annotationsInput(),
      requireAttestations: [],
      notation,
      ...flux,
      registry: registryInputs(),
      context,
    };
  }
  const annotations = annotationsInput();
  const verification = await verificationInputs(
    verifyInputNames,
    context,
    cluster?.plan.provider === 'cosign' && cluster.plan.kind === 'keyless' && cluster.plan.policy ? { policy: cluster.plan.policy } : {},
  );
  let requireAttestations: string[];
  try {
    requireAttestations = listInput('require-attestations').map(attestationPredicateType);
  } catch (err) {
    throw inputError(err) ?? err;
  }
  return {
    location: parsed,
    reference,
    verification,
    format: formatValue as VerifyFormat,
    annotations,
    requireAttestations,
    notation: undefined,
    ...flux,
    registry: registryInputs(),
    context,
  };
}

function annotationsInput(): Record<string, RegExp> {
  const annotations: Record<string, RegExp> = {};
  for (const line of linesInput('annotations')) {
    const cut = line.indexOf('=');
    if (cut <= 0)
      throw new InputError('annotations', `"${line}" is not key=regexp, e.g. org.opencontainers.image.revision=^refs/heads/main@`);
    try {
      annotations[line.slice(0, cut).trim()] = new RegExp(line.slice(cut + 1).trim());
    } catch (err) {
      throw new InputError('annotations', `"${line}": ${(err as Error).message}`);
    }
  }
  return annotations;
}

/** `notation-trust-policy` (JSON, or a file in the workspace) and `notation-trust-store` (a directory laid out as Notation's). */
function notationInputs(context: GitHubContext): Inputs['notation'] {
  const policy = stringInput('notation-trust-policy');
  const store = stringInput('notation-trust-store');
  if (!policy && !store) return undefined;
  if (!policy)
    throw new InputError(
      'notation-trust-policy',
      'is required with `notation-trust-store`: the trustpolicy.json that says which stores and identities to trust',
    );
  if (!store)
    throw new InputError(
      'notation-trust-store',
      "is required with `notation-trust-policy`: a directory holding x509/ca/<name>/*.pem (as Notation's trust store)",
    );
  let text = policy;
  if (!policy.trimStart().startsWith('{')) {
    const path = resolve(context.workspace, policy);
    if (!existsSync(path)) throw new InputError('notation-trust-policy', `is neither JSON nor a file in the workspace ("${policy}")`);
    text = readFileSync(path, 'utf8');
  }
  let trustPolicy: NotationTrustPolicyDocument;
  try {
    trustPolicy = parseNotationTrustPolicy(text);
  } catch (err) {
    throw new InputError('notation-trust-policy', (err as Error).message);
  }
  const storePath = resolve(context.workspace, store);
  if (!existsSync(storePath)) throw new InputError('notation-trust-store', `"${store}" does not exist in the workspace`);
  return { trustPolicy, trustStore: notationDirectoryTrustStore(storePath) };
}
