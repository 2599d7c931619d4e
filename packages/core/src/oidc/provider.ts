/** Something that hands out OIDC identity tokens (the @sigstore/sign IdentityProvider shape). */
export interface IdentityProvider {
  getToken(): Promise<string>;
}

/** A fixed token (cosign's `--identity-token`, or `SIGSTORE_ID_TOKEN`). */
export function staticIdentity(token: string): IdentityProvider {
  return { getToken: async () => token };
}
