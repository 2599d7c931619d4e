export * from './policy.ts';
export * from './trust.ts';
export * from './signatures.ts';
export * from './verify.ts';
export * from './notation.ts';
export * from './flux.ts';
