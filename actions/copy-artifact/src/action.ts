import { getInputs } from './inputs.ts';
import { run } from './main.ts';

/** The action's step: read the inputs, run. The root action (actions/d2ci) calls this too, as `@d2ci/copy-artifact/action`. */
export async function main(): Promise<void> {
  await run(await getInputs());
}
