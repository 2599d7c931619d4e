import { attestationPredicateType, FluxVersionError, parseFluxVersionOption, parseSignatureAnnotations, type Location } from '@d2ci/core';
import {
  chooseSignatures,
  presetIdentityPolicy,
  VerifyRequestError,
  type CheckRequest,
  type DeployedClusterSource,
} from '@d2ci/core/verify';
import {
  InputError,
  deployedFluxManifestInputs,
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
import { artifactInputs } from './location.ts';
import { requestInputError } from './refusals.ts';
import { notationInputs } from './notation-inputs.ts';

export interface Inputs {
  location: Location;
  reference: string;
  /** The check request but where the artifact is (opened with the job's registry session). */
  check: Pick<CheckRequest, 'signatures' | 'annotations' | 'cluster' | 'clusterFrom'>;
  registry: RegistryInputs;
  context: GitHubContext;
}

function fluxVersionInput() {
  try {
    return parseFluxVersionOption(stringInput('flux-version'));
  } catch (err) {
    if (err instanceof FluxVersionError) throw new InputError('flux-version', `${err.message}, or none`);
    throw err;
  }
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

/** cosign's signatures: the policy (a flux manifest's matchOIDCIdentity in place of the identity inputs) and what else to check. */
async function cosignInputs(context: GitHubContext, cluster: Inputs['check']['cluster'], from: DeployedClusterSource | undefined) {
  const policy = presetIdentityPolicy(cluster, from, stringInput('key') !== '');
  const verification = await verificationInputs(verifyInputNames, context, policy ? { policy } : {});
  try {
    const signatureAnnotations = parseSignatureAnnotations(linesInput('signature-annotations'));
    return {
      verification,
      requireAttestations: listInput('require-attestations').map(attestationPredicateType),
      ...(Object.keys(signatureAnnotations).length ? { signatureAnnotations } : {}),
    };
  } catch (err) {
    throw inputError(err) ?? err;
  }
}

/** Reads and validates every input (and loads the trust material) before anything is fetched. */
export async function getInputs(): Promise<Inputs> {
  const context = githubContext();
  const { location, reference } = artifactInputs();
  const fluxVersion = fluxVersionInput();
  const cluster = await fluxManifestInputs(context);
  const clusterFrom = deployedFluxManifestInputs();
  let choice;
  try {
    choice = chooseSignatures({
      format: stringInput('signature-format') || undefined,
      notation: notationInputs(context),
      cosign: Boolean(
        stringInput('certificate-identity') || stringInput('certificate-identity-regexp') || stringInput('key') || clusterFrom,
      ),
      cluster: cluster?.plan,
    });
  } catch (err) {
    if (err instanceof VerifyRequestError) throw requestInputError(err);
    throw err;
  }
  const annotations = annotationsInput();
  const signatures =
    choice.provider === 'notation'
      ? choice.notation
      : { provider: 'cosign' as const, format: choice.format, fluxVersion, ...(await cosignInputs(context, cluster, clusterFrom)) };
  const check = { signatures, annotations, ...(cluster ? { cluster } : {}), ...(clusterFrom ? { clusterFrom } : {}) };
  return { location, reference, check, registry: registryInputs(), context };
}
