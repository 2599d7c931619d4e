import { readFileSync } from 'node:fs';
import {
  attestationPredicateType,
  FluxVersionError,
  notationDirectoryTrustStore,
  parseFluxVersionOption,
  parseSignatureAnnotations,
} from '@d2ci/core';
import {
  chooseSignatures,
  presetIdentityPolicy,
  parseSignatureFormat,
  VerifyRequestError,
  type CheckRequest,
  type ClusterPolicy,
  type DeployedClusterSource,
} from '@d2ci/core/verify';
import { verificationFlags, verificationFromFlags } from '../verification.ts';
import { deployedFromFlags, fluxManifestFromFlags } from '../flux-manifest.ts';
import { registryFlags, splitList, type Parsed } from '../flags.ts';
import { UsageError } from '../errors.ts';
import { flagNames, usageError } from '../fields.ts';

export const verifyFlags = {
  ...registryFlags,
  ...verificationFlags,
  key: { type: 'string' },
  'signature-format': { type: 'string' },
  annotation: { type: 'string', short: 'a', multiple: true },
  // cosign verify -a: signed annotations, exact values (-a here keeps meaning manifest annotation regexps).
  'signature-annotation': { type: 'string', multiple: true },
  output: { type: 'string', short: 'o' },
  'require-attestations': { type: 'string', multiple: true },
  'notation-trust-policy': { type: 'string' },
  'notation-trust-store': { type: 'string' },
  'notation-scope': { type: 'string' },
  'flux-version': { type: 'string' },
  'flux-manifest': { type: 'string' },
  'flux-manifest-name': { type: 'string' },
  'flux-manifest-from': { type: 'string' },
} as const;

export type VerifyValues = Parsed<typeof verifyFlags>['values'];

/** What the flags ask for: the request but where the artifact is (opened after every flag is checked). */
export type VerifyFlags = Pick<CheckRequest, 'signatures' | 'annotations' | 'cluster' | 'clusterFrom'>;

const notationNeeds = 'Notary Project verification needs --notation-trust-policy trustpolicy.json and --notation-trust-store DIR';

/**
 * A refusal of the request in the CLI's words: the flag, then what is wrong with its value (`--notation-scope is
 * required …`), as cosign words it; a format notation without a trust policy names both flags it needs.
 */
export function verifyUsageError(err: VerifyRequestError): UsageError {
  if (err.code === 'NOTATION_REQUIRED') return new UsageError(notationNeeds);
  return new UsageError(err.field ? `${flagNames[err.field] ?? ''} ${err.problem}` : err.message);
}

function annotations(values: VerifyValues): Record<string, RegExp> {
  const required: Record<string, RegExp> = {};
  for (const pair of values.annotation ?? []) {
    const cut = pair.indexOf('=');
    if (cut <= 0) throw new UsageError(`--annotation "${pair}" is not key=regexp`);
    try {
      required[pair.slice(0, cut)] = new RegExp(pair.slice(cut + 1));
    } catch (err) {
      throw new UsageError(`--annotation "${pair}": ${(err as Error).message}`);
    }
  }
  return required;
}

/** --notation-trust-policy FILE --notation-trust-store DIR: a Notary Project signature, as Notation and Flux check it. */
function notationSignatures(values: VerifyValues): VerifyFlags['signatures'] {
  const policyFile = values['notation-trust-policy'];
  const store = values['notation-trust-store'];
  if (!policyFile || !store) throw new UsageError(notationNeeds);
  if (values['signature-annotation']?.length)
    throw new UsageError('--signature-annotation checks cosign signatures; a Notary Project signature has none');
  let trustPolicy: string;
  try {
    trustPolicy = readFileSync(policyFile, 'utf8');
  } catch {
    throw new UsageError(`--notation-trust-policy: cannot read ${policyFile}`);
  }
  const scope = values['notation-scope'];
  return { provider: 'notation', trustPolicy, trustStore: notationDirectoryTrustStore(store), ...(scope ? { scope } : {}) };
}

/** --key or a keyless identity (a flux manifest's matchOIDCIdentity in its place), and what else cosign checks. */
async function cosignSignatures(
  values: VerifyValues,
  format: 'auto' | 'legacy' | 'bundle',
  cluster: ClusterPolicy | undefined,
  from: DeployedClusterSource | undefined,
) {
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
  const policy = presetIdentityPolicy(cluster, from, Boolean(values.key));
  const verification = await verificationFromFlags(values, values.key, 'key', policy);
  let signatureAnnotations;
  try {
    signatureAnnotations = parseSignatureAnnotations(values['signature-annotation']);
  } catch (err) {
    throw usageError(err) ?? err;
  }
  return {
    provider: 'cosign' as const,
    verification,
    format,
    requireAttestations,
    fluxVersion,
    ...(Object.keys(signatureAnnotations).length ? { signatureAnnotations } : {}),
  };
}

/** Reads and checks the verify flags, in the order the CLI has always refused them, and loads the trust material. */
export async function readVerifyFlags(values: VerifyValues): Promise<VerifyFlags> {
  try {
    parseSignatureFormat(values['signature-format']);
    const required = annotations(values);
    const cluster = await fluxManifestFromFlags(values);
    const clusterFrom = deployedFromFlags(values);
    const choice = chooseSignatures({
      format: values['signature-format'],
      notation: values['notation-trust-policy'] || values['notation-trust-store'] ? true : undefined,
      cosign: Boolean(values.key || values['certificate-identity']?.length || values['certificate-identity-regexp']?.length || clusterFrom),
      cluster: cluster?.plan,
    });
    const signatures =
      choice.provider === 'notation' ? notationSignatures(values) : await cosignSignatures(values, choice.format, cluster, clusterFrom);
    return { signatures, annotations: required, ...(cluster ? { cluster } : {}), ...(clusterFrom ? { clusterFrom } : {}) };
  } catch (err) {
    if (err instanceof VerifyRequestError) throw verifyUsageError(err);
    throw err;
  }
}
