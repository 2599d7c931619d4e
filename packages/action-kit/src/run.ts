import { removeTempOnSignal } from '@d2ci/core';
import * as core from './runner.ts';

/** One line for the log: the error's message without stack or newlines. */
export function oneLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\s*\n\s*/g, ' ').trim() || 'unknown error';
}

/** Runs an action's main function; any failure becomes one `::error::` line and exit code 1. */
export async function runAction(main: () => Promise<void>): Promise<void> {
  // A cancelled job sends SIGTERM (then SIGKILL): leave no staged layer or extraction behind.
  removeTempOnSignal();
  try {
    await main();
  } catch (err) {
    core.setFailed(oneLine(err));
    if (process.env.RUNNER_DEBUG === '1' && err instanceof Error && err.stack) core.debug(err.stack);
  }
}
