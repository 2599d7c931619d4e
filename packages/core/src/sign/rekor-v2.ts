import { createHash } from 'node:crypto';
import { HashAlgorithm } from '@sigstore/protobuf-specs';
import type { SignatureBundle, Witness } from '@sigstore/sign';

/**
 * DSSE's pre-authentication encoding (the bytes a DSSE signature signs): `DSSEv1 <len type> <type> <len body> <body>`,
 * lengths in decimal bytes (secure-systems-lab/dsse protocol.md; go-securesystemslib dsse.PAE).
 */
export function preAuthEncoding(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType);
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

/**
 * Rekor v2 logs only `hashedrekord` entries (rekor-tiles internal/server/service.go: "invalid type, must be
 * hashedrekord"), so a DSSE envelope is logged as a hashedrekord over the SHA-256 of its PAE, with its signature,
 * as sigstore-go does (pkg/sign/transparency.go `getRekorV2TLE`) and sigstore-go ≥ v1.2 verifies
 * (pkg/verify/tlog.go `reconstructV2EntryHash`). @sigstore/sign (5.1) still sends a `dsse` v0.0.2 request, which
 * rekor-tiles refuses: the envelope is handed to its witness as the message signature it amounts to.
 */
export function rekorV2Witness(witness: Witness): Witness {
  return {
    testify: (content: SignatureBundle, publicKey: string) => {
      if (content.$case !== 'dsseEnvelope') return witness.testify(content, publicKey);
      const { payloadType, payload, signatures } = content.dsseEnvelope;
      const signature = signatures[0]?.sig;
      if (!signature) throw new Error('the DSSE envelope has no signature to log');
      const digest = createHash('sha256').update(preAuthEncoding(payloadType, payload)).digest();
      return witness.testify(
        { $case: 'messageSignature', messageSignature: { messageDigest: { algorithm: HashAlgorithm.SHA2_256, digest }, signature } },
        publicKey,
      );
    },
  };
}
