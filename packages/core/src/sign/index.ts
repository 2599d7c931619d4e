export * from './payload.ts';
export * from './keys.ts';
export * from './signer.ts';
export * from './legacy.ts';
export * from './sign.ts';
export * from './present.ts';
export * from './attest.ts';
