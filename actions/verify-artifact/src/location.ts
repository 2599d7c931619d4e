import { InvalidReferenceError, parseLocation, type Location } from '@d2ci/core';
import { InputError, stringInput } from '@d2ci/action-kit';

/** The tag or digest a location names, if any. */
const inlineReference = (location: Location): string | undefined =>
  location.kind === 'registry' ? (location.reference.digest ?? location.reference.tag) : (location.digest ?? location.tag);

/** `url`, or `repository` with `ref` (default latest): where the artifact is, and the tag or digest to verify. */
export function artifactInputs(): { location: Location; reference: string } {
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
  const inline = inlineReference(parsed);
  if (repository && inline)
    throw new InputError('repository', `"${repository}" already names "${inline}"; put the tag or digest in \`ref\``);
  let reference = inline ?? (ref || 'latest');
  if (ref && !url) {
    try {
      reference = inlineReference(parseLocation(`${repository}${ref.includes(':') ? '@' : ':'}${ref}`)) ?? ref;
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
