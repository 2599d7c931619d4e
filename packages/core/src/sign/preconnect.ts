/**
 * Opens the connection @sigstore/sign will send a signature to Rekor on, while the push is still uploading: one GET
 * through the same make-fetch-happen, whose agents @npmcli/agent keeps per set of options (its getAgent cache,
 * keyed by the timeout among others), so with the witness's timeout the POST that follows takes this keep-alive
 * connection instead of paying a TCP and TLS handshake, two round trips, after the manifest is stored
 * (sigstore-js packages/sign/src/external/fetch.ts). If that ever stops holding, the POST simply connects itself:
 * nothing depends on it. `path` is one cheap read (Rekor v1's log info); a 404 warms the connection as well.
 * Loaded when called (with @sigstore/sign, which needs it anyway), not at start-up.
 */
export function preconnectRekor(baseUrl: string, timeoutMs: number, path = '/api/v1/log'): void {
  import('make-fetch-happen')
    .then(({ default: fetch }) => fetch(`${baseUrl.replace(/\/+$/, '')}${path}`, { method: 'GET', timeout: timeoutMs, retry: false }))
    .then((response) => response.arrayBuffer())
    .catch(() => undefined);
}
