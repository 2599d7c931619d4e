import { runAction, runner } from '@d2ci/action-kit';
import { main, post } from './action.ts';

// The same bundle is the main step and the post step (which deletes a Kind cluster); the state tells them apart.
if (runner.getState('phase') === 'main') {
  await runAction(post);
} else {
  runner.saveState('phase', 'main');
  await runAction(main);
}
