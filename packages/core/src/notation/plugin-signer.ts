// A signer backed by a Notation plugin that holds the key (notation-go signer/plugin.go PluginSigner, for plugins
// with the SIGNATURE_GENERATOR.RAW capability; plugin-extensibility.md "Signature Generation").
import { X509Certificate } from 'node:crypto';
import { notationAlgorithms } from './algorithms.ts';
import { NotationPluginError } from './errors.ts';
import { NotationPlugin, NotationPluginCapability, type NotationPluginMetadata, type NotationPluginOptions } from './plugin.ts';
import type { NotationSigner } from './signer.ts';

/** Reads one DER TLV at `offset` (short or one-byte long length): tag, body and where the next one starts. */
function readTlv(der: Buffer, offset: number): { tag: number; body: Buffer; next: number } | undefined {
  const tag = der[offset];
  let length = der[offset + 1];
  let start = offset + 2;
  if (tag === undefined || length === undefined) return undefined;
  if (length & 0x80) {
    if ((length & 0x7f) !== 1) return undefined;
    length = der[start] ?? 0;
    start += 1;
  }
  const body = der.subarray(start, start + length);
  return body.length === length ? { tag, body, next: start + length } : undefined;
}

/** Converts a DER ECDSA signature (SEQUENCE of two INTEGERs) to the JWS R||S form; undefined when it is not one. */
function derToRawEcdsa(signature: Buffer, coordinateBytes: number): Buffer | undefined {
  const sequence = readTlv(signature, 0);
  if (sequence?.tag !== 0x30 || sequence.next !== signature.length) return undefined;
  const r = readTlv(sequence.body, 0);
  const s = r && readTlv(sequence.body, r.next);
  if (r?.tag !== 0x02 || s?.tag !== 0x02 || s.next !== sequence.body.length) return undefined;
  const fixed = (n: Buffer): Buffer | undefined => {
    let first = 0;
    while (first < n.length && n[first] === 0) first++;
    const trimmed = n.subarray(first);
    return trimmed.length > coordinateBytes ? undefined : Buffer.concat([Buffer.alloc(coordinateBytes - trimmed.length), trimmed]);
  };
  const rawR = fixed(r.body);
  const rawS = fixed(s.body);
  return rawR && rawS ? Buffer.concat([rawR, rawS]) : undefined;
}

export interface NotationPluginSignerOptions extends NotationPluginOptions {
  /** The key's id in the plugin's terms (`notation key add --id`), e.g. an Azure Key Vault key URL. */
  keyId: string;
  /** Passed as-is to every command (`--plugin-config key=value`). */
  pluginConfig?: Record<string, string>;
}

export interface NotationPluginSigner extends NotationSigner {
  readonly metadata: NotationPluginMetadata;
  readonly plugin: NotationPlugin;
}

/**
 * A signer backed by a Notation plugin with the `SIGNATURE_GENERATOR.RAW` capability: `get-plugin-metadata`, then
 * `describe-key` for the key spec (so `alg` is known before signing), then `generate-signature` per signature,
 * which also returns the certificate chain. Plugins that only build whole envelopes
 * (`SIGNATURE_GENERATOR.ENVELOPE`, e.g. AWS Signer) are not supported.
 */
export async function createNotationPluginSigner(options: NotationPluginSignerOptions): Promise<NotationPluginSigner> {
  if (!options.keyId) throw new NotationPluginError('NOTATION_PLUGIN_KEY_ID_REQUIRED', 'keyID not specified');
  const plugin = new NotationPlugin(options);
  const metadata = await plugin.metadata(options.pluginConfig);
  if (!metadata.capabilities.includes(NotationPluginCapability.signatureGenerator)) {
    const envelopeOnly = metadata.capabilities.includes(NotationPluginCapability.envelopeGenerator);
    throw new NotationPluginError(
      'NOTATION_PLUGIN_UNSUPPORTED',
      envelopeOnly
        ? `plugin ${metadata.name} only generates whole signature envelopes (${NotationPluginCapability.envelopeGenerator}); d2ci signs with plugins that have ${NotationPluginCapability.signatureGenerator}`
        : `plugin ${metadata.name} does not have signing capabilities`,
    );
  }
  const { keySpec } = await plugin.describeKey(options.keyId, options.pluginConfig);
  const algorithm = notationAlgorithms[keySpec];
  let chain: Buffer[] | undefined;
  return {
    keySpec,
    metadata,
    plugin,
    signingAgent: `${metadata.name}/${metadata.version}`,
    async sign(bytes) {
      const response = await plugin.generateSignature({
        keyId: options.keyId,
        keySpec,
        hashAlgorithm: algorithm.hashAlgorithm,
        payload: bytes,
        ...(options.pluginConfig ? { pluginConfig: options.pluginConfig } : {}),
      });
      if (response.signingAlgorithm !== algorithm.signingAlgorithm) {
        throw new NotationPluginError(
          'NOTATION_PLUGIN_RESPONSE_INVALID',
          `plugin ${metadata.name} signed with ${String(response.signingAlgorithm)}, but key ${options.keyId} is ${keySpec}, which signs with ${algorithm.signingAlgorithm}`,
        );
      }
      // The contract asks for the raw form, but some key services answer ECDSA in DER: accept both.
      let signature = response.signature;
      if (algorithm.coordinateBytes && signature.length !== 2 * algorithm.coordinateBytes) {
        signature = derToRawEcdsa(signature, algorithm.coordinateBytes) ?? signature;
      }
      for (const der of response.certificateChain) {
        try {
          new X509Certificate(der);
        } catch {
          throw new NotationPluginError(
            'NOTATION_PLUGIN_RESPONSE_INVALID',
            `plugin ${metadata.name} returned a certificate chain that is not DER X.509`,
          );
        }
      }
      chain = response.certificateChain;
      return signature;
    },
    async certificateChain() {
      if (!chain)
        throw new NotationPluginError(
          'NOTATION_PLUGIN_NOT_SIGNED',
          'certificate chain is not set (sign first: the plugin returns it with the signature)',
        );
      return chain;
    },
  };
}
