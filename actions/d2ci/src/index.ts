import { InputError, runAction, runner } from '@d2ci/action-kit';

// The post step (image-update's Kind cluster clean-up) runs the same bundle; only image-update has one.
const post = runner.getState('phase') === 'main';
if (!post) runner.saveState('phase', 'main');

/** Each command is an action of this repository (its `@d2ci/<name>/action` entry), loaded only when asked for. */
const commands: Record<string, () => Promise<void>> = {
  push: async () => (await import('@d2ci/push-artifact/action')).main(),
  release: async () => (await import('@d2ci/release-artifact/action')).main(),
  verify: async () => (await import('@d2ci/verify-artifact/action')).main(),
  copy: async () => (await import('@d2ci/copy-artifact/action')).main(),
  'image-update': async () => {
    const action = await import('@d2ci/image-update-kind/action');
    await (post ? action.post() : action.main());
  },
};

await runAction(async () => {
  const command = runner.getInput('command') || 'push';
  if (post && command !== 'image-update') return;
  const handler = commands[command];
  if (!handler) throw new InputError('command', `"${command}" is not one of ${Object.keys(commands).join(', ')}`);
  await handler();
});
