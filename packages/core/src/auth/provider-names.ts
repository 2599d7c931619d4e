/** Flux's `provider` values. `generic` uses explicit credentials, GITHUB_TOKEN and docker config. */
export const providerNames = ['generic', 'aws', 'gcp', 'azure'] as const;
export type ProviderName = (typeof providerNames)[number];
