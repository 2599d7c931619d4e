import { runAction } from '@d2ci/action-kit';
import { main } from './action.ts';

await runAction(main);
