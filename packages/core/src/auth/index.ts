export * from './provider.ts';
export * from './github.ts';
export * from './docker-config.ts';
export * from './resolve.ts';
export * from './hints.ts';
