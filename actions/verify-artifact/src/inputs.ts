import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  compilePolicy, loadPublicKey, loadTrustedRoot, parseLocation, PolicyInputError, KeyError, TrustError, verifyFormats, InvalidReferenceError,
  type Location, type Verification, type VerifyFormat,
} from '@d2ci/core';
import { InputError, githubContext, linesInput, registryInputs, stringInput, type GitHubContext, type RegistryInputs } from '@d2ci/action-kit';

export interface Inputs {
  location: Location;
  reference: string;
  verification: Verification;
  format: VerifyFormat;
  annotations: Record<string, RegExp>;
  registry: RegistryInputs;
  context: GitHubContext;
}

function location(): { location: Location; reference: string; input: string } {
  const url = stringInput('url');
  const repository = stringInput('repository');
  const ref = stringInput('ref');
  if (url && repository) throw new InputError('url', 'give `url`, or `repository` with `ref`, not both');
  if (!url && !repository) throw new InputError('repository', 'is required (or `url`); e.g. repository: ghcr.io/acme/fleet with ref: latest');
  const input = url ? 'url' : 'repository';
  let parsed: Location;
  try {
    parsed = parseLocation(url || repository);
  } catch (err) {
    if (err instanceof InvalidReferenceError) throw new InputError(input, err.message.replace(/^invalid reference /, ''));
    throw err;
  }
  const inline = parsed.kind === 'registry' ? (parsed.reference.digest ?? parsed.reference.tag) : (parsed.digest ?? parsed.tag);
  if (repository && inline) throw new InputError('repository', `"${repository}" already names "${inline}"; put the tag or digest in \`ref\``);
  let reference = inline ?? (ref || 'latest');
  if (ref && !url) {
    try {
      const withRef = parseLocation(`${repository}${ref.includes(':') ? '@' : ':'}${ref}`);
      reference = (withRef.kind === 'registry' ? (withRef.reference.digest ?? withRef.reference.tag) : (withRef.digest ?? withRef.tag)) ?? ref;
    } catch (err) {
      if (err instanceof InvalidReferenceError) throw new InputError('ref', `"${ref}" is not a tag or digest: ${err.message.replace(/^invalid (reference|layout location) "[^"]*": /, '')}`);
      throw err;
    }
  }
  return { location: parsed, reference, input };
}

function keys(value: string, context: GitHubContext) {
  let pem = value;
  if (!value.includes('-----BEGIN')) {
    const path = resolve(context.workspace, value);
    if (!existsSync(path)) throw new InputError('key', `is neither a PEM public key nor a file in the workspace ("${value}")`);
    pem = readFileSync(path, 'utf8');
  }
  const blocks = pem.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [pem];
  try {
    return blocks.map((block) => loadPublicKey(block));
  } catch (err) {
    if (err instanceof KeyError) throw new InputError('key', err.message);
    throw err;
  }
}

/** Reads and validates every input (and loads the trust material) before anything is fetched. */
export async function getInputs(): Promise<Inputs> {
  const context = githubContext();
  const { location: parsed, reference } = location();
  const formatValue = stringInput('signature-format', { fallback: 'auto' });
  if (!(verifyFormats as readonly string[]).includes(formatValue)) throw new InputError('signature-format', `"${formatValue}" is not one of ${verifyFormats.join(', ')}`);
  const annotations: Record<string, RegExp> = {};
  for (const line of linesInput('annotations')) {
    const cut = line.indexOf('=');
    if (cut <= 0) throw new InputError('annotations', `"${line}" is not key=regexp, e.g. org.opencontainers.image.revision=^refs/heads/main@`);
    try {
      annotations[line.slice(0, cut).trim()] = new RegExp(line.slice(cut + 1).trim());
    } catch (err) {
      throw new InputError('annotations', `"${line}": ${(err as Error).message}`);
    }
  }
  const keyValue = stringInput('key');
  const identity = stringInput('certificate-identity');
  const identityRegexp = stringInput('certificate-identity-regexp');
  const issuer = stringInput('certificate-oidc-issuer');
  const issuerRegexp = stringInput('certificate-oidc-issuer-regexp');
  let verification: Verification;
  if (keyValue) {
    if (identity || identityRegexp) throw new InputError('key', 'give `key` or `certificate-identity(-regexp)`, not both');
    verification = { kind: 'key', keys: keys(keyValue, context) };
  } else {
    let policy;
    try {
      policy = compilePolicy({ identity, identityRegexp, issuer, issuerRegexp });
    } catch (err) {
      if (err instanceof PolicyInputError) {
        const name = /issuer/.test(err.message) ? (/regular expression/.test(err.message) ? 'certificate-oidc-issuer-regexp' : 'certificate-oidc-issuer') : /regular expression/.test(err.message) ? 'certificate-identity-regexp' : 'certificate-identity';
        throw new InputError(name, err.message.replace(/^certificate-[a-z-]+ /, ''));
      }
      throw err;
    }
    const trustedRoot = stringInput('trusted-root');
    try {
      verification = { kind: 'keyless', policy, trustedRoot: await loadTrustedRoot({ trustedRootFile: trustedRoot ? resolve(context.workspace, trustedRoot) : undefined }) };
    } catch (err) {
      if (err instanceof TrustError) throw new InputError(trustedRoot ? 'trusted-root' : 'trusted-root', err.message);
      throw err;
    }
  }
  return { location: parsed, reference, verification, format: formatValue as VerifyFormat, annotations, registry: registryInputs(), context };
}
