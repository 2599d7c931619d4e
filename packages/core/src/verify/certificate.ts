import type { Bundle } from '@sigstore/bundle';
import type { X509Certificate } from '@sigstore/core';

// Fulcio's certificate extensions (github.com/sigstore/fulcio docs/oid-info.md).
const sourceRepositoryUri = '1.3.6.1.4.1.57264.1.12';
const githubWorkflowRepository = '1.3.6.1.4.1.57264.1.5';

/** A Fulcio extension's value: DER UTF8String in the current OIDs, raw bytes in the deprecated ones. */
function extensionText(certificate: X509Certificate, oid: string, der: boolean): string | undefined {
  const extension = certificate.extension(oid);
  if (!extension) return undefined;
  return (der ? extension.valueObj.subs[0]?.value : extension.value)?.toString('utf8');
}

/** `owner/repo` of the GitHub run that signed, from the Source Repository URI (or the deprecated repository OID). */
export function certificateSourceRepository(certificate: X509Certificate): string | undefined {
  const uri = extensionText(certificate, sourceRepositoryUri, true);
  if (uri && URL.canParse(uri)) return new URL(uri).pathname.replace(/^\/|\/$/g, '');
  return extensionText(certificate, githubWorkflowRepository, false);
}

/** The signing (leaf) certificate of a keyless bundle. */
export async function leafCertificate(bundle: Bundle): Promise<X509Certificate | undefined> {
  const content = bundle.verificationMaterial.content;
  const der =
    content.$case === 'x509CertificateChain'
      ? content.x509CertificateChain.certificates[0]?.rawBytes
      : content.$case === 'certificate'
        ? content.certificate.rawBytes
        : undefined;
  if (!der) return undefined;
  const { X509Certificate } = await import('@sigstore/core');
  return X509Certificate.parse(Buffer.from(der));
}
