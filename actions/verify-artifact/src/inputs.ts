import { parseLocation, verifyFormats, InvalidReferenceError, type Location, type Verification, type VerifyFormat } from '@d2ci/core';
import { InputError, githubContext, linesInput, registryInputs, stringInput, verificationInputs, verifyInputNames, type GitHubContext, type RegistryInputs } from '@d2ci/action-kit';

export interface Inputs {
  location: Location;
  reference: string;
  verification: Verification;
  format: VerifyFormat;
  annotations: Record<string, RegExp>;
  registry: RegistryInputs;
  context: GitHubContext;
}

function location(): { location: Location; reference: string } {
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
  return { location: parsed, reference };
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
  const verification = await verificationInputs(verifyInputNames, context);
  return { location: parsed, reference, verification, format: formatValue as VerifyFormat, annotations, registry: registryInputs(), context };
}
