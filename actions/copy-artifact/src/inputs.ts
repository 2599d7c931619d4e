import { FluxVersionError, InvalidReferenceError, parseFluxVersionOption, parseLocation, parseProvider, type Location } from '@d2ci/core';
import type { CopyRequest } from '@d2ci/core/copy';
import {
  InputError,
  booleanInput,
  githubContext,
  listInput,
  registryInputs,
  stringInput,
  verificationInputs,
  verifyInputNames,
  type GitHubContext,
  type RegistryInputs,
} from '@d2ci/action-kit';
import { runner as core } from '@d2ci/action-kit';

export interface Inputs {
  from: Location;
  to: Location;
  /** Each side's registry inputs: its own credentials and provider, the job's shared rest. */
  registries: { from: RegistryInputs; to: RegistryInputs };
  request: Omit<CopyRequest, 'source' | 'destination'>;
  context: GitHubContext;
}

function locationInput(name: 'from' | 'to'): Location {
  const value = stringInput(name);
  if (!value)
    throw new InputError(
      name,
      `is required, e.g. ${name === 'from' ? 'ghcr.io/acme/fleet:v1.2.3' : '123456789012.dkr.ecr.eu-west-1.amazonaws.com/fleet'}`,
    );
  try {
    return parseLocation(value);
  } catch (err) {
    if (err instanceof InvalidReferenceError) throw new InputError(name, err.problem);
    throw err;
  }
}

/** One side's credentials and provider over the shared registry inputs (cloud options, token, timeout). */
function sideInputs(shared: RegistryInputs, side: 'from' | 'to'): RegistryInputs {
  const username = stringInput(`${side}-username`);
  const password = stringInput(`${side}-password`);
  if (password) core.setSecret(password);
  if (username && !password)
    throw new InputError(`${side}-password`, `is empty but \`${side}-username\` is set; pass the password or token`);
  if (password && !username) throw new InputError(`${side}-username`, `is empty but \`${side}-password\` is set; add the user name`);
  try {
    return { ...shared, username, password, provider: parseProvider(stringInput(`${side}-provider`)) };
  } catch (err) {
    throw new InputError(`${side}-provider`, (err as Error).message);
  }
}

/** A verification gate when an identity or key is given: the source must verify before anything is written. */
async function gateInputs(context: GitHubContext): Promise<CopyRequest['verify']> {
  if (!stringInput('certificate-identity') && !stringInput('certificate-identity-regexp') && !stringInput('key')) return undefined;
  let fluxVersion;
  try {
    fluxVersion = parseFluxVersionOption(stringInput('flux-version'));
  } catch (err) {
    if (err instanceof FluxVersionError) throw new InputError('flux-version', `${err.message}, or none`);
    throw err;
  }
  const verification = await verificationInputs(verifyInputNames, context);
  return { signatures: { provider: 'cosign', verification, fluxVersion } };
}

/** Reads and validates every input (and loads the trust material) before anything is fetched. */
export async function getInputs(): Promise<Inputs> {
  const context = githubContext();
  const from = locationInput('from');
  const to = locationInput('to');
  const shared = registryInputs();
  const registries = { from: sideInputs(shared, 'from'), to: sideInputs(shared, 'to') };
  const verify = await gateInputs(context);
  const { from: f, to: t } = registries;
  const request: Inputs['request'] = {
    tags: listInput('tags'),
    force: listInput('force'),
    referrers: booleanInput('copy-referrers', true),
    // The destination's credentials mount from the source repository only when they are the source's too.
    mount: f.username === t.username && f.password === t.password && f.provider === t.provider,
    ...(verify ? { verify } : {}),
  };
  return { from, to, registries, request, context };
}
