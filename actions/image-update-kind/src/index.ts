import { runAction, runner } from '@d2ci/action-kit';

// The same bundle is the main step and the post step (which deletes a Kind cluster); the state tells them apart.
if (runner.getState('phase') === 'main') {
  await runAction(async () => (await import('./post.ts')).post());
} else {
  runner.saveState('phase', 'main');
  await runAction(async () => {
    const [{ getInputs }, { run }] = await Promise.all([import('./inputs.ts'), import('./main.ts')]);
    await run(getInputs());
  });
}
