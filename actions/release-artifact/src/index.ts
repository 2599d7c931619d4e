import { runAction } from '@d2ci/action-kit';
import { getInputs } from './inputs.ts';
import { run } from './main.ts';

await runAction(async () => run(await getInputs()));
