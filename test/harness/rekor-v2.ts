import { createHash, sign, type KeyObject } from 'node:crypto';
import { CreateEntryRequest, Entry } from '@sigstore/protobuf-specs/rekor/v2';
import { TransparencyLogEntry } from '@sigstore/protobuf-specs';

const sha256 = (data: Buffer | Uint8Array): Buffer => createHash('sha256').update(data).digest();

/**
 * Rekor v2's `POST /api/v2/log/entries` (sigstore/rekor-tiles `pkg/types/hashedrekord/v002` ToLogEntry): the
 * request becomes the canonical v0.0.2 entry (digest and signature). Like rekor-tiles v2.3, it takes hashedrekord
 * requests only (internal/server/service.go); a DSSE envelope is logged as a hashedrekord over its PAE. Logged in a one-leaf tree whose checkpoint is a C2SP signed note
 * (`<origin>\n<size>\n<root hash>\n`, origin = the log URL's hostname, key hint = the first 4 bytes of the log id). No
 * signed entry timestamp and no integrated time, as rekor-tiles: time comes from a TSA.
 * @sigstore/mock's `logV2` logs the request itself as the body, which no verifier accepts.
 */
export function rekorV2Entry(request: object, url: string, key: KeyObject, publicKeyDer: Buffer): object {
  const proposal = CreateEntryRequest.fromJSON(request).spec;
  let entry: Entry;
  if (proposal?.$case === 'hashedRekordRequestV002') {
    const { digest, signature } = proposal.hashedRekordRequestV002;
    entry = {
      kind: 'hashedrekord',
      apiVersion: '0.0.2',
      spec: {
        spec: {
          $case: 'hashedRekordV002',
          hashedRekordV002: { data: { algorithm: 1 /* SHA2_256 */, digest }, signature },
        },
      },
    };
  } else throw new Error('invalid type, must be hashedrekord');
  const body = Buffer.from(JSON.stringify(Entry.toJSON(entry)));
  const logId = sha256(publicKeyDer);
  const origin = new URL(url).hostname; // sigstore-go names the note verifier by the log URL's hostname (no port)
  const rootHash = sha256(Buffer.concat([Buffer.from([0]), body]));
  const note = `${origin}\n1\n${rootHash.toString('base64')}\n`;
  const signature = Buffer.concat([logId.subarray(0, 4), sign('sha256', Buffer.from(note), key)]);
  return TransparencyLogEntry.toJSON({
    logIndex: '0',
    logId: { keyId: logId },
    kindVersion: { kind: entry.kind, version: '0.0.2' },
    integratedTime: '0',
    inclusionPromise: undefined,
    inclusionProof: {
      logIndex: '0',
      rootHash,
      treeSize: '1',
      hashes: [],
      checkpoint: { envelope: `${note}\n\u2014 ${origin} ${signature.toString('base64')}\n` },
    },
    canonicalizedBody: body,
  }) as object;
}
