export * from './oci/index.ts';
export { BaseError, fieldOf, oneLineMessage, type BaseErrorOptions, type Field } from './errors.ts';
export * from './artifact/index.ts';
export * from './auth/index.ts';
export * from './sign/index.ts';
export * from './verify/index.ts';
export * from './release/index.ts';
