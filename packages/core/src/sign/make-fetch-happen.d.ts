// Types for the part of make-fetch-happen (npm/make-fetch-happen, lib/index.js) d2ci calls: the fetch
// @sigstore/sign sends Rekor requests with (sigstore-js packages/sign/src/external/fetch.ts). The package ships
// none; tsconfig.json's `paths` points the module name here, for types only.
export default function fetch(url: string, options?: { method?: string; timeout?: number; retry?: boolean | object }): Promise<Response>;
