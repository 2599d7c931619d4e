import { BaseError } from '../errors.ts';

export type ReleaseRefusedCode = 'RELEASE_REFUSED' | 'RELEASE_RACED';

/**
 * A release that must not happen; nothing was moved, signed or pushed. The message says so after the reason
 * (`problem`), once here for every front door.
 */
export class ReleaseRefused extends BaseError<ReleaseRefusedCode> {
  constructor(problem: string, code: ReleaseRefusedCode = 'RELEASE_REFUSED') {
    super(code, `${problem} (nothing was moved)`, { problem });
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
