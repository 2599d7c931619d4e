import type { Descriptor } from '../oci/descriptor.ts';
import type { Target } from '../oci/target.ts';
import { UntaggedSigningError, type SignResult } from '../sign/sign.ts';
import { parseNotationCertificate } from './certificate.ts';
import { signNotation } from './sign.ts';
import type { NotationSigner } from './signer.ts';

/**
 * The Notary Project counterpart of signBeforeTagging: the manifest is signed (a JWS referrer) before any tag
 * moves; `result()` names the signer by its certificate's subject.
 */
export function signNotationBeforeTagging(
  target: Target,
  signer: NotationSigner,
): { beforeTag: (descriptor: Descriptor) => Promise<void>; result: () => SignResult | undefined } {
  let signed: SignResult | undefined;
  return {
    beforeTag: async (descriptor) => {
      try {
        const made = await signNotation(target, descriptor, { signer });
        const [leaf] = await signer.certificateChain();
        // As notation prints it and verification reports it (Go's pkix.Name.String()).
        const subject = leaf ? (await parseNotationCertificate(leaf)).subject : 'unknown';
        signed = { signatureRef: made.signatureRef, identity: `x509: ${subject}`, referrer: made.descriptor };
      } catch (err) {
        throw new UntaggedSigningError(descriptor.digest, err);
      }
    },
    result: () => signed,
  };
}
