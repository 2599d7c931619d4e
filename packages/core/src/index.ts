export * from './oci/index.ts';
export * from './artifact/index.ts';
export * from './auth/index.ts';
