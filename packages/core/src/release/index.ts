export * from './tag.ts';
export * from './release.ts';
