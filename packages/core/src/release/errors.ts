import { BaseError } from '../errors.ts';

/** A release that must not happen; nothing was moved, signed or pushed. */
export class ReleaseRefused extends BaseError<'RELEASE_REFUSED' | 'RELEASE_RACED'> {
  constructor(message: string, code: 'RELEASE_REFUSED' | 'RELEASE_RACED' = 'RELEASE_REFUSED') {
    super(code, message);
  }
}

/**
 * Another run released the same version at the same time and its digest is the one the tag kept. This run's tags
 * did not stay (latest-stable was not moved); its signatures on its own digest are harmless.
 */
export class ReleaseRaced extends ReleaseRefused {
  readonly winner: string;
  constructor(version: string, winner: string, ours: string) {
    super(
      `${version} was released by another run at the same time: it points at ${winner}, not at this run's ${ours}, so this run released nothing (latest-stable not moved); serialise release jobs with a workflow concurrency group, e.g. concurrency: {group: release-\${{ github.repository }}, cancel-in-progress: false}`,
      'RELEASE_RACED',
    );
    this.winner = winner;
  }
}
