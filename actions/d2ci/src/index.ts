import { InputError, runAction, runner } from '@d2ci/action-kit';

// The post step (image-update's Kind cluster clean-up) runs the same bundle; only image-update has one.
const post = runner.getState('phase') === 'main';
if (!post) runner.saveState('phase', 'main');

/** Each command is an action of this repository, loaded only when asked for. */
const commands: Record<string, () => Promise<void>> = {
  push: async () => {
    const [{ getInputs }, { run }] = await Promise.all([
      import('../../push-artifact/src/inputs.ts'),
      import('../../push-artifact/src/main.ts'),
    ]);
    await run(getInputs());
  },
  release: async () => {
    const [{ getInputs }, { run }] = await Promise.all([
      import('../../release-artifact/src/inputs.ts'),
      import('../../release-artifact/src/main.ts'),
    ]);
    await run(await getInputs());
  },
  verify: async () => {
    const [{ getInputs }, { run }] = await Promise.all([
      import('../../verify-artifact/src/inputs.ts'),
      import('../../verify-artifact/src/main.ts'),
    ]);
    await run(await getInputs());
  },
  'image-update': async () => {
    if (post) return (await import('../../image-update-kind/src/post.ts')).post();
    const [{ getInputs }, { run }] = await Promise.all([
      import('../../image-update-kind/src/inputs.ts'),
      import('../../image-update-kind/src/main.ts'),
    ]);
    await run(getInputs());
  },
};

await runAction(async () => {
  const command = runner.getInput('command') || 'push';
  if (post && command !== 'image-update') return;
  const handler = commands[command];
  if (!handler) throw new InputError('command', `"${command}" is not one of ${Object.keys(commands).join(', ')}`);
  await handler();
});
