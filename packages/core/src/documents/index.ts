export * from './inventory.ts';
export * from './sbom.ts';
export * from './attach.ts';
