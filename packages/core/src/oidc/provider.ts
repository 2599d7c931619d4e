/** Something that hands out OIDC identity tokens (the @sigstore/sign IdentityProvider shape). */
export interface IdentityProvider {
  getToken(): Promise<string>;
}

/** A fixed token (cosign's `--identity-token`, or `SIGSTORE_ID_TOKEN`). */
export function staticIdentity(token: string): IdentityProvider {
  return { getToken: async () => token };
}

/**
 * A provider whose token can be fetched ahead of need (`prefetch`), so the OIDC round trip overlaps other work
 * instead of opening the chain OIDC → Fulcio → Rekor. The prefetched token is handed out while it is younger than
 * `maxAgeMs` (GitHub's live for minutes; Fulcio wants a fresh one); an older one, or a failed fetch, is fetched
 * again when asked for, so a prefetch can only save time, never fail a step.
 */
export function prefetching(provider: IdentityProvider, maxAgeMs = 60_000): IdentityProvider & { prefetch(): void } {
  let held: { at: number; token: Promise<string> } | undefined;
  const fetchNow = (): Promise<string> => {
    const token = provider.getToken();
    held = { at: Date.now(), token };
    token.catch(() => {
      if (held?.token === token) held = undefined;
    });
    return token;
  };
  return {
    prefetch: () => {
      if (!held) fetchNow().catch(() => undefined);
    },
    getToken: () => (held && Date.now() - held.at < maxAgeMs ? held.token : fetchNow()),
  };
}
