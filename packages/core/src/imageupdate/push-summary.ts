// The event text image-automation-controller records after a push (internal/source PushResult.Summary).

/**
 * IAC `PushResult.Summary()` (with `NewPushResult`'s revision handling): the event text after a push.
 * `revision` may be a bare hash or a Flux revision such as `main@sha1:<hash>`.
 */
export function pushSummary(revision: string, branch: string, refspecs: readonly string[], message: string): string {
  if (revision === '') throw new Error('empty push commit revision');
  const hash = extractHashFromRevision(revision);
  // Go slices bytes; hashes are ASCII, so code units are bytes here.
  let summary = `pushed commit '${hash.length > 7 ? hash.slice(0, 7) : hash}' to branch '${branch}'`;
  if (refspecs.length > 0) summary += ` and refspecs '${refspecs.join("', '")}'`;
  if (message !== '') summary += `\n${message}`;
  return summary;
}

/** fluxcd/pkg git.ExtractHashFromRevision. */
function extractHashFromRevision(revision: string): string {
  const colon = revision.lastIndexOf(':');
  if (colon !== -1) return revision.slice(colon + 1);
  const parts = revision.split('/');
  return parts.length > 1 ? (parts[parts.length - 1] ?? '') : revision;
}
