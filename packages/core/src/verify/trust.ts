import { readFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { BaseError } from '../errors.ts';

export type { TrustedRoot };

export interface TrustOptions {
  /** A `trusted_root.json` (cosign `--trusted-root`, Flux 2.9 `trustedRootSecretRef`). */
  trustedRootFile?: string;
  /** TUF mirror and initial root.json for the default path; public-good Sigstore when unset. */
  tufMirrorUrl?: string;
  tufRootPath?: string;
  tufCachePath?: string;
}

/**
 * TRUSTED_ROOT_UNREADABLE: the file cannot be read as JSON; TRUSTED_ROOT_INVALID: it is not a Sigstore trusted root;
 * TRUSTED_ROOT_UNAVAILABLE: TUF did not give the public-good one (the fix is a trusted-root file too).
 */
export type TrustErrorCode = 'TRUSTED_ROOT_UNREADABLE' | 'TRUSTED_ROOT_INVALID' | 'TRUSTED_ROOT_UNAVAILABLE';

/** No trusted root to verify keyless signatures with; always about the `trusted-root` field. */
export class TrustError extends BaseError<TrustErrorCode> {
  constructor(code: TrustErrorCode, message: string) {
    super(code, message, { field: 'trusted-root' });
  }
}

/** The trusted root to verify keyless signatures with: a file, or the public-good root fetched through TUF. */
export async function loadTrustedRoot(options: TrustOptions = {}): Promise<TrustedRoot> {
  const { TrustedRoot } = await import('@sigstore/protobuf-specs');
  if (options.trustedRootFile) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(options.trustedRootFile, 'utf8'));
    } catch (err) {
      throw new TrustError('TRUSTED_ROOT_UNREADABLE', `cannot read trusted root ${options.trustedRootFile}: ${(err as Error).message}`);
    }
    // TrustedRoot.fromJSON accepts any JSON (it fills in an empty root): check the media type first.
    const mediaType = (json as { mediaType?: unknown } | null)?.mediaType;
    if (typeof mediaType !== 'string' || !mediaType.startsWith('application/vnd.dev.sigstore.trustedroot')) {
      throw new TrustError(
        'TRUSTED_ROOT_INVALID',
        `${options.trustedRootFile} is not a Sigstore trusted_root.json (its mediaType is ${JSON.stringify(mediaType ?? null)})`,
      );
    }
    try {
      return TrustedRoot.fromJSON(json);
    } catch (err) {
      throw new TrustError(
        'TRUSTED_ROOT_INVALID',
        `${options.trustedRootFile} is not a Sigstore trusted_root.json: ${(err as Error).message}`,
      );
    }
  }
  const { getTrustedRoot } = await import('@sigstore/tuf');
  const cachePath = options.tufCachePath ?? join(process.env.RUNNER_TEMP || homedir() || tmpdir(), '.sigstore', 'd2ci-tuf');
  try {
    return await getTrustedRoot({ mirrorURL: options.tufMirrorUrl, rootPath: options.tufRootPath, cachePath, retry: 2, timeout: 15_000 });
  } catch (err) {
    throw new TrustError(
      'TRUSTED_ROOT_UNAVAILABLE',
      `cannot fetch the Sigstore trusted root through TUF${options.tufMirrorUrl ? ` from ${options.tufMirrorUrl}` : ''}: ${(err as Error).message} (pass trusted-root to verify offline)`,
    );
  }
}
