import { InputError, runAction, runner } from '@d2ci/action-kit';

/** Each command is an action of this repository, loaded only when asked for. */
const commands: Record<string, () => Promise<void>> = {
  push: async () => {
    const [{ getInputs }, { run }] = await Promise.all([import('../../push-artifact/src/inputs.ts'), import('../../push-artifact/src/main.ts')]);
    await run(getInputs());
  },
  release: async () => {
    const [{ getInputs }, { run }] = await Promise.all([import('../../release-artifact/src/inputs.ts'), import('../../release-artifact/src/main.ts')]);
    await run(await getInputs());
  },
  verify: async () => {
    const [{ getInputs }, { run }] = await Promise.all([import('../../verify-artifact/src/inputs.ts'), import('../../verify-artifact/src/main.ts')]);
    await run(await getInputs());
  },
};

await runAction(async () => {
  const command = runner.getInput('command') || 'push';
  const handler = commands[command];
  if (!handler) throw new InputError('command', `"${command}" is not one of ${Object.keys(commands).join(', ')}`);
  await handler();
});
