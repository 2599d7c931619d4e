import * as core from './runner.ts';
import { RegistryClient, registryCredentials, parseProvider, assertProviderServes, ProviderError, parseLocation, InvalidReferenceError, type CredentialFunction, type Location, type ProviderName } from '@d2ci/core';
import { InputError, booleanInput, stringInput } from './inputs.ts';
import type { GitHubContext } from './context.ts';

export interface RegistryInputs {
  provider: ProviderName;
  insecure: boolean;
  username: string;
  password: string;
  githubToken: string;
}

/** The registry inputs every d2ci action shares; credentials are masked as soon as they are read. */
export function registryInputs(): RegistryInputs {
  const username = stringInput('registry-username');
  const password = stringInput('registry-password');
  const githubToken = stringInput('github-token');
  if (password) core.setSecret(password);
  if (githubToken) core.setSecret(githubToken);
  if (username && !password) throw new InputError('registry-password', 'is empty but `registry-username` is set; pass the password or token, e.g. ${{ secrets.REGISTRY_TOKEN }}');
  if (password && !username) throw new InputError('registry-username', 'is empty but `registry-password` is set; add the user name');
  let provider: ProviderName;
  try {
    provider = parseProvider(stringInput('provider'));
  } catch (err) {
    throw new InputError('provider', (err as Error).message);
  }
  return { provider, insecure: booleanInput('insecure', false), username, password, githubToken };
}

/** Parses a repository input (`host/path`, `oci://host/path` or `oci-layout:DIR`), refusing tags and digests. */
export function repositoryInput(name: string, value: string): Location {
  let location: Location;
  try {
    location = parseLocation(value);
  } catch (err) {
    if (err instanceof InvalidReferenceError) throw new InputError(name, err.message.replace(/^invalid reference /, ''));
    throw err;
  }
  const tag = location.kind === 'registry' ? location.reference.tag : location.tag;
  const digest = location.kind === 'registry' ? location.reference.digest : location.digest;
  if (tag || digest) throw new InputError(name, `"${value}" must not include a ${digest ? 'digest' : `tag (":${tag}")`}; give the repository only and set the tags with \`tags\` or \`diff-tag\``);
  return location;
}

export interface RegistrySession {
  client: RegistryClient;
  credentials: CredentialFunction;
}

/** A registry client whose every credential and token is masked in the log before it can appear. */
export function registrySession(inputs: RegistryInputs, context: GitHubContext, location: Location): RegistrySession {
  if (location.kind === 'registry') {
    try {
      assertProviderServes(inputs.provider, location.reference.registry);
    } catch (err) {
      if (err instanceof ProviderError) throw new InputError('provider', err.message);
      throw err;
    }
  }
  const credentials = registryCredentials({
    provider: inputs.provider,
    username: inputs.username,
    password: inputs.password,
    githubToken: inputs.githubToken,
    githubActor: context.actor,
    githubServerUrl: context.serverUrl,
  });
  const client = new RegistryClient({
    credentials,
    insecure: inputs.insecure,
    onSecret: (secret) => core.setSecret(secret),
    onWarning: (message) => core.warning(message),
  });
  return { client, credentials };
}
