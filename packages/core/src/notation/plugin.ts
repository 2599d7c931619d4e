// A client for Notation's plugin protocol (notaryproject/specifications plugin-extensibility.md; notation-go
// plugin/plugin.go): `notation-<name>` executables answering `get-plugin-metadata`, `describe-key` and
// `generate-signature` with JSON on stdin/stdout, so keys in key vaults can sign (plugin-signer.ts).
import { spawn } from 'node:child_process';
import { lstat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isNotationKeySpec, type NotationHashAlgorithm, type NotationKeySpec, type NotationSigningAlgorithm } from './algorithms.ts';
import { NotationPluginError } from './errors.ts';

/** The plugin contract version notation-go speaks (notation-plugin-framework-go plugin.ContractVersion). */
export const notationPluginContractVersion = '1.0';

export const NotationPluginCapability = {
  signatureGenerator: 'SIGNATURE_GENERATOR.RAW',
  envelopeGenerator: 'SIGNATURE_GENERATOR.ENVELOPE',
  trustedIdentityVerifier: 'SIGNATURE_VERIFIER.TRUSTED_IDENTITY',
  revocationCheckVerifier: 'SIGNATURE_VERIFIER.REVOCATION_CHECK',
} as const;

export interface NotationPluginMetadata {
  name: string;
  description: string;
  version: string;
  url: string;
  supportedContractVersions: string[];
  capabilities: string[];
}

export interface NotationDescribeKeyResponse {
  keyId: string;
  keySpec: NotationKeySpec;
}

export interface NotationGenerateSignatureResponse {
  keyId: string;
  signature: Buffer;
  signingAlgorithm: NotationSigningAlgorithm;
  certificateChain: Buffer[];
}

/** Notation's plugin directory: `$XDG_CONFIG_HOME/notation/plugins` (Linux), `%AppData%\notation\plugins`, `~/Library/Application Support/notation/plugins`. */
export function defaultNotationPluginDirectory(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'notation', 'plugins');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'notation', 'plugins');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'notation', 'plugins');
}

/** Where notation looks for a plugin: `<directory>/<name>/notation-<name>` (`.exe` on Windows). */
export function notationPluginPath(
  name: string,
  directory = defaultNotationPluginDirectory(),
  platform: NodeJS.Platform = process.platform,
): string {
  return join(directory, name, `notation-${name}${platform === 'win32' ? '.exe' : ''}`);
}

const maxOutputBytes = 64 * 1024 * 1024;

export interface NotationPluginOptions {
  /** The plugin's name, e.g. `azure-kv`; its metadata must report the same name. */
  name: string;
  /** The executable; defaults to `notationPluginPath(name, pluginDirectory)`. */
  executable?: string;
  pluginDirectory?: string;
  /** Per-command limit; the plugin is killed (by its PID) when it runs longer. Default 2 minutes. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** Runs the commands of one `notation-<name>` executable. */
export class NotationPlugin {
  readonly name: string;
  readonly executable: string;
  readonly #timeoutMs: number;
  readonly #env: NodeJS.ProcessEnv | undefined;

  constructor(options: NotationPluginOptions) {
    this.name = options.name;
    this.executable = options.executable ?? notationPluginPath(options.name, options.pluginDirectory);
    this.#timeoutMs = options.timeoutMs ?? 120_000;
    this.#env = options.env;
  }

  /** The spec's plugin candidate test: a regular file (not a symlink) that the current user may execute. */
  async #checkExecutable(): Promise<void> {
    let info;
    try {
      info = await lstat(this.executable);
    } catch (err) {
      throw new NotationPluginError(
        'NOTATION_PLUGIN_NOT_FOUND',
        `plugin executable file is either not found or inaccessible: ${this.executable} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      );
    }
    if (!info.isFile())
      throw new NotationPluginError(
        'NOTATION_PLUGIN_NOT_FOUND',
        `plugin executable ${this.executable} is not a regular file (symlinks are not supported)`,
      );
  }

  /**
   * Runs `notation-<name> <command>` with the request on stdin. Exit 0: the JSON response on stdout. Otherwise
   * the JSON error on stderr (`errorCode`, `errorMessage`, `errorMetadata`), as notation-go reads it.
   */
  async run(command: string, request: unknown): Promise<unknown> {
    await this.#checkExecutable();
    const { code, stdout, stderr, timedOut, spawnError } = await new Promise<{
      code: number | null;
      stdout: Buffer;
      stderr: Buffer;
      timedOut: boolean;
      spawnError?: Error;
    }>((resolve) => {
      const child = spawn(this.executable, [command], { stdio: ['pipe', 'pipe', 'pipe'], env: this.#env ?? process.env });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let outBytes = 0;
      let errBytes = 0;
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, this.#timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => {
        outBytes += chunk.length;
        if (outBytes <= maxOutputBytes) out.push(chunk);
        else child.kill('SIGKILL');
      });
      child.stderr.on('data', (chunk: Buffer) => {
        errBytes += chunk.length;
        if (errBytes <= maxOutputBytes) err.push(chunk);
      });
      child.on('error', (error) => {
        clearTimeout(timer);
        resolve({ code: null, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), timedOut, spawnError: error });
      });
      child.on('close', (exitCode) => {
        clearTimeout(timer);
        resolve({ code: exitCode, stdout: Buffer.concat(out), stderr: Buffer.concat(err), timedOut });
      });
      // A plugin that exits without reading stdin must not crash us with EPIPE.
      child.stdin.on('error', () => undefined);
      child.stdin.end(JSON.stringify(request));
    });
    const what = `the ${command} command of plugin ${this.name}`;
    if (spawnError) throw new NotationPluginError('NOTATION_PLUGIN_FAILED', `failed to execute ${what}: ${spawnError.message}`);
    if (timedOut) throw new NotationPluginError('NOTATION_PLUGIN_FAILED', `${what} timed out after ${this.#timeoutMs} ms`);
    if (code !== 0) {
      const text = stderr.toString('utf8').trim();
      if (!text) throw new NotationPluginError('NOTATION_PLUGIN_FAILED', `failed to execute ${what}: exit status ${code ?? 'unknown'}`);
      let error: { errorCode?: unknown; errorMessage?: unknown; errorMetadata?: unknown };
      try {
        error = JSON.parse(text) as typeof error;
      } catch {
        throw new NotationPluginError(
          'NOTATION_PLUGIN_RESPONSE_INVALID',
          `${what} failed (exit status ${code ?? 'unknown'}) with a malformed error response: ${text.slice(0, 500)}`,
        );
      }
      const errorCode = typeof error?.errorCode === 'string' ? error.errorCode : undefined;
      const message = typeof error?.errorMessage === 'string' ? error.errorMessage : text;
      const metadata =
        typeof error?.errorMetadata === 'object' && error.errorMetadata !== null
          ? (error.errorMetadata as Record<string, string>)
          : undefined;
      throw new NotationPluginError(
        errorCode || 'NOTATION_PLUGIN_FAILED',
        `${what} failed: ${errorCode ? `${errorCode}: ` : ''}${message}`,
        metadata,
      );
    }
    if (stdout.length > maxOutputBytes) throw new NotationPluginError('NOTATION_PLUGIN_RESPONSE_INVALID', `${what} wrote more than 64 MiB`);
    try {
      return JSON.parse(stdout.toString('utf8'));
    } catch {
      throw new NotationPluginError(
        'NOTATION_PLUGIN_RESPONSE_INVALID',
        `failed to unmarshal the response of ${command} command for plugin ${this.name}`,
      );
    }
  }

  /** `get-plugin-metadata`, checked as notation-go does (all fields set, contract 1.0 supported, name matches). */
  async metadata(pluginConfig?: Record<string, string>): Promise<NotationPluginMetadata> {
    const metadata = (await this.run(
      'get-plugin-metadata',
      pluginConfig ? { pluginConfig } : {},
    )) as Partial<NotationPluginMetadata> | null;
    const invalid = (why: string): NotationPluginError =>
      new NotationPluginError('NOTATION_PLUGIN_RESPONSE_INVALID', `metadata validation failed for plugin ${this.name}: ${why}`);
    if (!metadata?.name) throw invalid('empty name');
    if (!metadata.description) throw invalid('empty description');
    if (!metadata.version) throw invalid('empty version');
    if (!metadata.url) throw invalid('empty url');
    if (!Array.isArray(metadata.capabilities) || metadata.capabilities.length === 0) throw invalid('empty capabilities');
    if (!Array.isArray(metadata.supportedContractVersions) || metadata.supportedContractVersions.length === 0)
      throw invalid('supported contract versions not specified');
    if (!metadata.supportedContractVersions.includes(notationPluginContractVersion)) {
      throw invalid(
        `contract version "${notationPluginContractVersion}" is not in the list of the plugin supported versions [${metadata.supportedContractVersions.join(' ')}]`,
      );
    }
    if (metadata.name !== this.name)
      throw new NotationPluginError(
        'NOTATION_PLUGIN_RESPONSE_INVALID',
        `plugin executable file name must be "notation-${metadata.name}" instead of "notation-${this.name}"`,
      );
    return metadata as NotationPluginMetadata;
  }

  async describeKey(keyId: string, pluginConfig?: Record<string, string>): Promise<NotationDescribeKeyResponse> {
    const response = (await this.run('describe-key', {
      contractVersion: notationPluginContractVersion,
      keyId,
      ...(pluginConfig ? { pluginConfig } : {}),
    })) as Partial<NotationDescribeKeyResponse> | null;
    if (response?.keyId !== keyId)
      throw new NotationPluginError(
        'NOTATION_PLUGIN_RESPONSE_INVALID',
        `keyID in describeKey response ${JSON.stringify(response?.keyId ?? '')} does not match request ${JSON.stringify(keyId)}`,
      );
    if (!isNotationKeySpec(response.keySpec))
      throw new NotationPluginError(
        'NOTATION_PLUGIN_RESPONSE_INVALID',
        `plugin ${this.name} described key ${keyId} with unknown key spec ${JSON.stringify(response.keySpec)}`,
      );
    return { keyId, keySpec: response.keySpec };
  }

  /** `generate-signature`: `payload` is sent base64-encoded (for JWS that is the signing input, encoded a second time). */
  async generateSignature(request: {
    keyId: string;
    keySpec: NotationKeySpec;
    hashAlgorithm: NotationHashAlgorithm;
    payload: Buffer;
    pluginConfig?: Record<string, string>;
  }): Promise<NotationGenerateSignatureResponse> {
    const response = (await this.run('generate-signature', {
      contractVersion: notationPluginContractVersion,
      keyId: request.keyId,
      keySpec: request.keySpec,
      hashAlgorithm: request.hashAlgorithm,
      payload: request.payload.toString('base64'),
      ...(request.pluginConfig ? { pluginConfig: request.pluginConfig } : {}),
    })) as { keyId?: unknown; signature?: unknown; signingAlgorithm?: unknown; certificateChain?: unknown } | null;
    if (response?.keyId !== request.keyId)
      throw new NotationPluginError(
        'NOTATION_PLUGIN_RESPONSE_INVALID',
        `keyID in generateSignature response ${JSON.stringify(response?.keyId ?? '')} does not match request ${JSON.stringify(request.keyId)}`,
      );
    if (typeof response.signature !== 'string' || !response.signature)
      throw new NotationPluginError('NOTATION_PLUGIN_RESPONSE_INVALID', `plugin ${this.name} returned no signature`);
    if (
      !Array.isArray(response.certificateChain) ||
      response.certificateChain.length === 0 ||
      !response.certificateChain.every((c) => typeof c === 'string')
    ) {
      throw new NotationPluginError('NOTATION_PLUGIN_RESPONSE_INVALID', `plugin ${this.name} returned no certificate chain`);
    }
    return {
      keyId: request.keyId,
      signature: Buffer.from(response.signature, 'base64'),
      signingAlgorithm: response.signingAlgorithm as NotationSigningAlgorithm,
      certificateChain: response.certificateChain.map((c) => Buffer.from(c, 'base64')),
    };
  }
}
