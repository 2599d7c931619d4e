import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaseError } from '../errors.ts';

/**
 * Sigstore's signing configuration (`signing_config.v0.2.json`, sigstore/protobuf-specs `SigningConfig`): which
 * Fulcio, transparency log (Rekor v1 or v2) and timestamp authority a signer uses. cosign v3 reads it with
 * `--use-signing-config` (from TUF) or `--signing-config FILE`; d2ci does the same.
 */
export const signingConfigMediaType = 'application/vnd.dev.sigstore.signingconfig.v0.2+json';
/** The TUF target public-good Sigstore publishes its signing config as (sigstore/root-signing targets). */
export const signingConfigTarget = 'signing_config.v0.2.json';

export type SigningConfigErrorCode = 'SIGNING_CONFIG_INVALID' | 'SIGNING_CONFIG_UNAVAILABLE' | 'SIGNING_CONFIG_FORMAT';

/** The signing config is unreadable, selects nothing usable, or selects a log the signature format cannot carry. */
export class SigningConfigError extends BaseError<SigningConfigErrorCode> {
  constructor(code: SigningConfigErrorCode, problem: string, options: { cause?: unknown } = {}) {
    super(code, `signing-config ${problem}`, { field: 'signing-config', problem, ...options });
  }
}

/** The services a keyless signature uses. */
export interface SigstoreServices {
  fulcioUrl: string;
  rekorUrl?: string;
  /** Rekor's major API version: 1 (entries with a signed entry timestamp) or 2 (tiles, checkpoint only). */
  rekorVersion: 1 | 2;
  tsaUrl?: string;
}

/** A service entry of the config's JSON (protobuf-specs `Service`, proto3 JSON names). */
interface ServiceJson {
  url?: unknown;
  majorApiVersion?: unknown;
  validFor?: { start?: unknown; end?: unknown };
}
interface SelectorJson {
  selector?: unknown;
  count?: unknown;
}
interface SigningConfigJson {
  mediaType?: unknown;
  caUrls?: ServiceJson[];
  rekorTlogUrls?: ServiceJson[];
  rekorTlogConfig?: SelectorJson;
  tsaUrls?: ServiceJson[];
  tsaConfig?: SelectorJson;
}

const time = (value: unknown, fallback: number): number => (typeof value === 'string' ? Date.parse(value) : fallback);

/**
 * The newest service of a kind, as @sigstore/sign picks it (sigstore-js packages/sign/src/config.ts
 * `certAuthorityService`/`tlogService`/`tsaService`): API version at most `max`, not expired, latest `validFor.start`
 * first. Ported rather than called: @sigstore/sign's FulcioSigner keeps only the leaf certificate, and d2ci writes
 * Fulcio's whole chain (fulcio.ts), so only the URLs are taken from the config. Read from the JSON directly, so a
 * front door can refuse a bad config before anything is pushed.
 */
function newest(services: unknown, max: number, now = Date.now()): { url: string; version: number } | undefined {
  if (!Array.isArray(services)) return undefined;
  return (services as ServiceJson[])
    .filter((s) => typeof s?.url === 'string' && /^https?:\/\//.test(s.url) && typeof s.majorApiVersion === 'number')
    .filter((s) => (s.majorApiVersion as number) <= max && !(time(s.validFor?.end, Infinity) < now))
    .sort((a, b) => time(b.validFor?.start, 0) - time(a.validFor?.start, 0))
    .map((s) => ({ url: s.url as string, version: s.majorApiVersion as number }))[0];
}

/**
 * The services a signing config (its JSON text; `source` names it in errors) selects for a signature `format`.
 * cosign v3 uses the signing config only with the new bundle format (cmd/cosign/cli/signcommon/common.go
 * `LoadTrustedMaterialAndSigningConfig`): the legacy `.sig` format needs Rekor v1's signed entry timestamp, which
 * Rekor v2 does not give. So `legacy`/`both` take the newest Rekor v1 log of the config, and a config with only
 * Rekor v2 is refused.
 */
export function signingConfigServices(text: string, source: string, format: 'legacy' | 'bundle' | 'both'): SigstoreServices {
  let config: SigningConfigJson;
  try {
    config = JSON.parse(text) as SigningConfigJson;
  } catch (err) {
    throw new SigningConfigError('SIGNING_CONFIG_INVALID', `${source} is not JSON: ${(err as Error).message}`, { cause: err });
  }
  if (config?.mediaType !== signingConfigMediaType)
    throw new SigningConfigError(
      'SIGNING_CONFIG_INVALID',
      `${source} is not a Sigstore signing_config.v0.2.json (its mediaType is ${JSON.stringify(config?.mediaType ?? null)}, not ${signingConfigMediaType})`,
    );
  const ca = newest(config.caUrls, 1);
  if (!ca) throw new SigningConfigError('SIGNING_CONFIG_INVALID', `${source} lists no usable Fulcio (caUrls with API version 1)`);
  for (const [name, selector] of [
    ['rekorTlogConfig', config.rekorTlogConfig],
    ['tsaConfig', config.tsaConfig],
  ] as const) {
    // As @sigstore/sign: one service of a kind (ANY, or EXACT with count 1); cosign can also write to several.
    if (selector && selector.selector !== 'ANY' && !(selector.selector === 'EXACT' && selector.count === 1))
      throw new SigningConfigError('SIGNING_CONFIG_INVALID', `${source}: ${name} asks for several services; d2ci writes to one (ANY)`);
  }
  const legacyFormat = format !== 'bundle';
  const tlog = config.rekorTlogConfig ? newest(config.rekorTlogUrls, legacyFormat ? 1 : 2) : undefined;
  if (legacyFormat && !tlog) {
    if (legacyFormat && newest(config.rekorTlogUrls, 2))
      throw new SigningConfigError(
        'SIGNING_CONFIG_FORMAT',
        `${source} selects only Rekor v2, whose entries carry no signed entry timestamp, which the ${format} format's .sig signature needs (cosign too signs with a signing config only in the bundle format): sign in the bundle format, or name a Rekor v1 log`,
      );
    throw new SigningConfigError('SIGNING_CONFIG_INVALID', `${source} lists no usable transparency log (rekorTlogUrls)`);
  }
  const tsa = config.tsaConfig ? newest(config.tsaUrls, 1) : undefined;
  if (config.tsaConfig && !tsa)
    throw new SigningConfigError('SIGNING_CONFIG_INVALID', `${source} lists no usable timestamp authority (tsaUrls)`);
  return { fulcioUrl: ca.url, rekorUrl: tlog?.url, rekorVersion: tlog?.version === 2 ? 2 : 1, tsaUrl: tsa?.url };
}

/** The keyless services a front door's inputs select: fixed URLs, a signing config file, or (neither) the default. */
export interface ServiceInputs {
  format: 'legacy' | 'bundle' | 'both';
  /** A signing config's JSON and what to call it (its path). */
  signingConfig?: { text: string; source: string };
  /**
   * `signing-config: public-good`: public-good Sigstore's signing config from TUF, as cosign v3's
   * `--use-signing-config` default. Opt-in: it may select Rekor v2, whose bundles no Flux version has been shown
   * here to accept yet, so the default stays the fixed public-good URLs (Rekor v1).
   */
  publicGood?: boolean;
  fulcioUrl?: string;
  rekorUrl?: string;
  tsaUrl?: string;
  defaults: { fulcio: string; rekor: string };
}

export interface KeylessServices {
  fulcioUrl?: string;
  rekorUrl?: string;
  rekorVersion?: 1 | 2;
  tsaUrl?: string;
  /** The signing config selected no transparency log (a TSA-only private instance): log nowhere. */
  noTransparencyLog?: boolean;
  signingConfigFromTuf?: TufOptions;
  /** How the summary names the services. */
  describe: string;
}

/**
 * cosign v3's choice (cmd/cosign/cli/sign.go, `--use-signing-config` with `--signing-config`): a signing config
 * file, public-good Sigstore's from TUF (`public-good`, bundle format only), or fixed URLs (then Rekor v1, the
 * default: public-good Fulcio and Rekor v1).
 */
export function keylessServices(inputs: ServiceInputs): KeylessServices {
  const fixed = inputs.fulcioUrl ?? inputs.rekorUrl ?? inputs.tsaUrl;
  if (inputs.publicGood) {
    if (fixed !== undefined)
      throw new SigningConfigError(
        'SIGNING_CONFIG_INVALID',
        'names the services itself: give it or the Fulcio, Rekor and timestamp server URLs, not both',
      );
    if (inputs.format !== 'bundle')
      throw new SigningConfigError(
        'SIGNING_CONFIG_FORMAT',
        `public-good may select Rekor v2, whose entries carry no signed entry timestamp, which the ${inputs.format} format's .sig signature needs: sign in the bundle format with it, or leave signing-config empty (public-good Fulcio and Rekor v1)`,
      );
    return { signingConfigFromTuf: {}, describe: "public-good Sigstore's signing config (TUF)" };
  }
  if (inputs.signingConfig) {
    if (fixed !== undefined)
      throw new SigningConfigError(
        'SIGNING_CONFIG_INVALID',
        'names the services itself: give it or the Fulcio, Rekor and timestamp server URLs, not both',
      );
    const services = signingConfigServices(inputs.signingConfig.text, inputs.signingConfig.source, inputs.format);
    const log = services.rekorUrl ? `Rekor v${services.rekorVersion} ${services.rekorUrl}` : 'no transparency log';
    return {
      ...services,
      ...(services.rekorUrl ? {} : { noTransparencyLog: true }),
      describe: `Fulcio ${services.fulcioUrl}, ${log}${services.tsaUrl ? `, TSA ${services.tsaUrl}` : ''}, from ${inputs.signingConfig.source}`,
    };
  }
  const fulcioUrl = inputs.fulcioUrl ?? inputs.defaults.fulcio;
  const rekorUrl = inputs.rekorUrl ?? inputs.defaults.rekor;
  return {
    fulcioUrl,
    rekorUrl,
    rekorVersion: 1,
    tsaUrl: inputs.tsaUrl,
    describe: `Fulcio ${fulcioUrl}, Rekor ${rekorUrl}${inputs.tsaUrl ? `, TSA ${inputs.tsaUrl}` : ''}`,
  };
}

export interface TufOptions {
  tufMirrorUrl?: string;
  tufRootPath?: string;
  tufCachePath?: string;
}

/**
 * The services public-good Sigstore's signing config selects (from its TUF repository, as cosign v3 does by
 * default), for the bundle format.
 */
export async function tufSigningConfig(options: TufOptions = {}): Promise<SigstoreServices> {
  const { initTUF } = await import('@sigstore/tuf');
  const cachePath = options.tufCachePath ?? join(process.env.RUNNER_TEMP || homedir() || tmpdir(), '.sigstore', 'd2ci-tuf');
  let text: string;
  try {
    const tuf = await initTUF({ mirrorURL: options.tufMirrorUrl, rootPath: options.tufRootPath, cachePath, retry: 2, timeout: 15_000 });
    text = await tuf.getTarget(signingConfigTarget);
  } catch (err) {
    throw new SigningConfigError(
      'SIGNING_CONFIG_UNAVAILABLE',
      `cannot be fetched through TUF${options.tufMirrorUrl ? ` from ${options.tufMirrorUrl}` : ''} (${signingConfigTarget}): ${(err as Error).message}; give fulcio-url and rekor-url, or a signing-config file`,
      { cause: err },
    );
  }
  return signingConfigServices(text, `TUF's ${signingConfigTarget}`, 'bundle');
}
