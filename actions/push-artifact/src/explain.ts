import { ArtifactPathError, ProtectedTagError, PublishError, type Location } from '@d2ci/core';
import { InputError, inputError, type RegistrySession } from '@d2ci/action-kit';
import type { Inputs } from './inputs.ts';

/** Where a failure happened: the repository pushed to, and the tree as the user named it (`path`, or a component). */
export interface Place {
  location: Location;
  shown: string;
}

/**
 * A tree that cannot be packed: the input that chose it, the path as the user wrote it, and what decides what is
 * packed. With `components`, every tree is one of the glob's directories, so the glob is the input to fix. Only a
 * followed symlink is fixed by not following it; a name Flux's Untar refuses is renamed or ignored like any other.
 */
function pathError(err: ArtifactPathError, inputs: Inputs, shown: string): InputError {
  const name = inputs.components ? 'components' : 'path';
  const problem = err.path === undefined ? err.detail : `"${shown}" ${err.detail}`;
  return new InputError(name, `${problem}; check \`${name}\`${err.symlink ? ' (or leave `resolve-symlinks` off)' : ' and `ignore-paths`'}`);
}

/** Turns what went wrong into the one line a user needs: the input to fix, or the permission to add. */
export async function explain(err: unknown, inputs: Inputs, session: RegistrySession, place: Place): Promise<unknown> {
  if (err instanceof ArtifactPathError) return pathError(err, inputs, place.shown);
  if (err instanceof ProtectedTagError || err instanceof PublishError) return inputError(err);
  // Registry failures through the one explainer (an unresolvable host blames `repository`; a refusal gets the
  // permission or input to add); signing failures, input errors and the rest come back as they are.
  return session.explain(err, { location: place.location, shownAs: inputs.repository });
}
