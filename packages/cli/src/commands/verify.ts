import { NotationPolicyError, locationReference } from '@d2ci/core';
import { checkArtifact, FluxManifestError, VerifyRequestError } from '@d2ci/core/verify';
import { parseFlags } from '../flags.ts';
import { openLocation, explainAuth, type Opened } from '../registry.ts';
import { usageError } from '../fields.ts';
import { outputFormat, type Io } from '../output.ts';
import { fluxManifestUsageError } from '../flux-manifest.ts';
import { readVerifyFlags, verifyFlags, verifyUsageError, type VerifyValues } from './verify-flags.ts';
import { printCheck } from './verify-output.ts';

export const verifyHelp = `Usage: d2ci verify URL [--key PUBFILE | --certificate-identity(-regexp) X --certificate-oidc-issuer(-regexp) Y] [flags]

Verify an artifact's signature the way Flux's source-controller does (cosign legacy .sig and Sigstore bundles):
the tag is resolved to a digest once and everything is checked for that digest. Exits 0 only when verified.

Flags:
      --key FILE                          verify with public key(s) (PEM, e.g. cosign.pub)
      --certificate-identity ID           exact signer identity (certificate SAN); repeat it to accept any of several
      --certificate-identity-regexp RE    signer identity pattern (Flux matchOIDCIdentity.subject); repeatable, any matches
      --certificate-oidc-issuer ISS       exact issuer (default https://token.actions.githubusercontent.com)
      --certificate-oidc-issuer-regexp RE issuer pattern (Flux matchOIDCIdentity.issuer)
      --certificate-github-workflow-repository OWNER/REPO
                                          the repository whose GitHub run signed (a reusable workflow's
                                          identity names the reusable workflow, not its caller)
      --trusted-root FILE                 Sigstore trusted_root.json (default: public-good root via TUF)
      --signature-format F                auto (default), legacy or bundle (notation: see below)
      --flux-version V                    with auto: pass only if Flux V (2.6, 2.7, 2.8, 2.9) would accept it, read
                                          as its source-controller reads it; all (default) = every one of them;
                                          none = as cosign, without Flux's rules
      --flux-manifest FILE                will my cluster accept it? Read the verify block of the cluster's
                                          OCIRepository from FILE (itself, a FluxInstance or Kustomization patch,
                                          or a ResourceSet): provider, matchOIDCIdentity (any entry may match; on
                                          Flux 2.8+ bundles only one entry is supported) and which Secrets the
                                          cluster reads. Their content still comes from --key (verify.secretRef),
                                          --trusted-root (trustedRootSecretRef) or --notation-trust-policy/-store
      --flux-manifest-name NAME           the OCIRepository (NAME or NAMESPACE/NAME) when FILE has several
      --flux-manifest-from TAG            will the clusters that run TAG today accept it? --flux-manifest is then
                                          a path inside the artifact at TAG (same repository), e.g. latest:
                                          the gate before a new signing identity moves a tag
      --require-attestations LIST         attestations that must verify too: spdx, cyclonedx, openvex or URIs
      --notation-trust-policy FILE        verify a Notary Project signature with this trustpolicy.json …
      --notation-trust-store DIR          … and this trust store (x509/ca/<name>/*.pem), as Notation and Flux do
      --notation-scope SCOPE              for an OCI layout: the registry scope to match, e.g. local/my-layout
  -a, --annotation KEY=REGEXP             artifact (manifest) annotation that must match (repeatable)
      --signature-annotation KEY=VALUE    a signature must carry this signed annotation with exactly this value, as
                                          cosign verify -a (repeatable; cosign signatures)
      --creds USER:PASS                   registry credentials
      --provider NAME                     generic (default), aws, gcp or azure
                                          (--aws-role-arn, --gcp-workload-identity-provider, --azure-client-id with the job's
                                          OIDC token; else the cloud credentials already here: AWS SDK chain, gcloud ADC, az)
      --insecure-registry                 plain HTTP to the registry
  -o, --output json|yaml                  print the result as JSON or YAML`;

/** A failure once the artifact is fetched: the trust policy or scope named by its flag, else the registry explained. */
async function checkError(opened: Opened, values: VerifyValues, err: unknown): Promise<never> {
  if (err instanceof NotationPolicyError) throw usageError(err) ?? err;
  if (err instanceof VerifyRequestError) throw verifyUsageError(err);
  if (err instanceof FluxManifestError) throw fluxManifestUsageError(err, values);
  throw await explainAuth(opened, err);
}

/** `d2ci verify`: flags → one check request → core → the verdict on stderr (or JSON on stdout); exit 0 only when verified. */
export async function verify(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('verify', args, verifyFlags);
  if (values.help) {
    io.out(verifyHelp);
    return 0;
  }
  const format = outputFormat(values.output);
  const flags = await readVerifyFlags(values);
  const opened = openLocation(positionals[0], values, io.err);
  const result = await checkArtifact({
    ...flags,
    location: opened.location,
    target: opened.target,
    reference: locationReference(opened.location) ?? 'latest',
  }).catch((err: unknown) => checkError(opened, values, err));
  printCheck(io, result, format);
  return result.verified ? 0 : 1;
}
