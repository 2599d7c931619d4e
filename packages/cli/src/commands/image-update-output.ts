import type { ImageUpdateReport } from '@d2ci/core/imageupdate';
import { structured, type OutputFormat, table, type Io } from '../output.ts';

/** Warnings on stderr; the changes (or the diff of a dry run) on stdout, or the report as JSON; a summary line. */
export function printImageUpdate(
  io: Io,
  report: ImageUpdateReport,
  options: { dryRun: boolean; pushBranch: string | undefined; format: OutputFormat | undefined },
): void {
  for (const p of report.policies) if (!p.ok) io.err(`⚠ ImagePolicy ${p.policy.namespace}/${p.policy.name} skipped: ${p.error}`);
  for (const u of report.unresolved) io.err(`⚠ ${u.file}:${u.line}: no ImagePolicy for marker ${u.setter}; left unchanged`);
  if (options.format) {
    structured(io, options.format, {
      updated: report.updated,
      changes: report.changes,
      commit: report.commit ?? null,
      policies: report.policies.map((p) => ({
        policy: `${p.policy.namespace}/${p.policy.name}`,
        ...(p.ok ? { latest: p.latestRef } : { error: p.error }),
      })),
    });
    return;
  }
  if (options.dryRun) {
    io.out(report.diff.trimEnd());
  } else if (report.changes.length) {
    io.out(table([['FILE', 'SETTER', 'OLD', 'NEW'], ...report.changes.map((c) => [c.file, c.setter, c.old, c.new])]));
  }
  const verb = options.dryRun ? 'would change' : 'changed';
  io.err(
    `✔ ${report.changes.length} value(s) ${verb} in ${report.files.length} file(s)${report.commit ? `; pushed ${report.commit.slice(0, 7)} to ${options.pushBranch ?? ''}` : ''}`,
  );
}
