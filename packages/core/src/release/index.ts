export * from './tag.ts';
export * from './release.ts';
export * from './self-check.ts';
