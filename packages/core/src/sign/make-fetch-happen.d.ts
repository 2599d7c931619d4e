// The part of make-fetch-happen (npm/make-fetch-happen, lib/index.js) d2ci calls: the fetch @sigstore/sign sends
// Rekor requests with (sigstore-js packages/sign/src/external/fetch.ts).
declare module 'make-fetch-happen' {
  function fetch(url: string, options?: { method?: string; timeout?: number; retry?: boolean | object }): Promise<Response>;
  export default fetch;
}
