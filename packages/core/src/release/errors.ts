/** A release that must not happen; nothing was moved, signed or pushed. */
export class ReleaseRefused extends Error {
  readonly code: 'RELEASE_REFUSED' | 'RELEASE_RACED' = 'RELEASE_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'ReleaseRefused';
  }
}

/**
 * Another run released the same version at the same time and its digest is the one the tag kept. This run's tags
 * did not stay (latest-stable was not moved); its signatures on its own digest are harmless.
 */
export class ReleaseRaced extends ReleaseRefused {
  override readonly code = 'RELEASE_RACED';
  readonly winner: string;
  constructor(version: string, winner: string, ours: string) {
    super(
      `${version} was released by another run at the same time: it points at ${winner}, not at this run's ${ours}, so this run released nothing (latest-stable not moved); serialise release jobs with a workflow concurrency group, e.g. concurrency: {group: release-\${{ github.repository }}, cancel-in-progress: false}`,
    );
    this.name = 'ReleaseRaced';
    this.winner = winner;
  }
}
