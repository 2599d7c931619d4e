export * as runner from './runner.ts';
export * from './inputs.ts';
export * from './context.ts';
export * from './registry.ts';
export * from './run.ts';
export * from './summary.ts';
export * from './signing.ts';
export * from './verification.ts';
export * from './flux-manifest.ts';
