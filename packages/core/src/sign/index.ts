export * from './payload.ts';
export * from './keys.ts';
export * from './identity.ts';
export * from './signer.ts';
export * from './legacy.ts';
export * from './sign.ts';
export * from './notation.ts';
export * from './notation-plugin.ts';
