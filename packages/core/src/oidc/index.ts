export * from './github-actions.ts';
