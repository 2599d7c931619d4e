import type { ValueChange } from '@d2ci/core/imageupdate';
import { cell } from '@d2ci/action-kit';

/**
 * The pull request's body: what changed, with the commit message (which the template shaped) underneath. Core
 * decides when a pull request is opened and with which changes; its words, like the job summary's, are the
 * action's: they link the run, and escape as every summary table does (action-kit's `cell`).
 */
export function pullRequestBody(changes: ValueChange[], message: string, runUrl: string | undefined): string {
  const rows = changes.map((c) => `| \`${cell(c.image || c.setter)}\` | \`${cell(c.old)}\` | \`${cell(c.new)}\` | ${cell(c.file)} |`);
  return [
    `Newer images for ${changes.length} marker(s), found by d2ci image-update${runUrl ? ` in [this run](${runUrl})` : ''}.`,
    '',
    '| Image | Old | New | File |',
    '|---|---|---|---|',
    ...rows,
    '',
    '<details><summary>Commit message</summary>',
    '',
    '```',
    message.trimEnd(),
    '```',
    '',
    '</details>',
  ].join('\n');
}
