import { createTwoFilesPatch } from 'diff';

/** A `git diff`-style unified diff of one file (what `--dry-run` prints). */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  // jsdiff starts with a line of '=' signs, which git's format does not have.
  const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after).replace(/^=+\n/, '');
  return patch.endsWith('\n') ? patch : `${patch}\n`;
}
