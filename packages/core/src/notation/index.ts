export * from './sign.ts';
export * from './plugin.ts';
export * from './verify.ts';
