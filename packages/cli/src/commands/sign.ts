import {
  addedFormatNotes,
  locationName,
  locationReference,
  signInPresentFormats,
  SigningConfigError,
  signNotationBeforeTagging,
  type SignResult,
  type SigningIdentity,
  type WrittenFormat,
} from '@d2ci/core';
import { parseFlags, registryFlags } from '../flags.ts';
import { openLocation, explainAuth } from '../registry.ts';
import { notationSigner, signatureClaims, signatureFormat, signingFlags, signingIdentity } from '../signing.ts';
import { UsageError } from '../errors.ts';
import { usageError } from '../fields.ts';
import { outputFormat, structured, type Io } from '../output.ts';

export const signHelp = `Usage: d2ci sign URL [flags]

Sign an artifact (by tag or digest; a tag is resolved once and the digest is signed), in cosign's formats:
legacy writes the sha256-<hex>.sig manifest Flux 2.6+ verifies, bundle attaches a Sigstore v0.3 bundle referrer
(Flux 2.8+), both writes both. The digest is also signed in every format it already carries, whoever signed it:
Flux 2.8+ reads only the bundles once any is attached (attestations too), and Flux 2.6/2.7 only the .sig, so a
signature in one format alone could be invisible to a cluster. The format written is the union of the two.

Flags:
      --key FILE                 sign with this ECDSA P-256 key (PEM or cosign.key; password in COSIGN_PASSWORD)
      --signature-format F       legacy (default), bundle, both (widened to the formats the digest already carries),
                                 or notation (a Notary Project signature)
      --notation-key FILE        notation: the signing key (PEM; password in NOTATION_KEY_PASSWORD)
      --notation-cert FILE       notation: its certificate chain (PEM, leaf first)
      --notation-plugin NAME, --notation-key-id ID, --notation-plugin-config K=V   notation: sign through a plugin
      --identity-token TOKEN     OIDC token or a file holding it, for keyless signing (default: SIGSTORE_ID_TOKEN, or the GitHub job's)
      --fulcio-url URL           Fulcio (default https://fulcio.sigstore.dev)
      --rekor-url URL            Rekor v1 (default https://rekor.sigstore.dev)
      --timestamp-server-url URL RFC 3161 timestamp authority (optional)
      --signing-config FILE      a Sigstore signing_config.v0.2.json instead of the three URLs (Rekor v2 needs the
                                 bundle format); public-good: public-good Sigstore's from TUF, as cosign v3
  -a, --signature-annotation K=V signed into the signature, as cosign sign -a (repeatable; checked by
                                 d2ci verify --signature-annotation and cosign verify -a)
      --creds USER:PASS          registry credentials
      --provider NAME            generic (default), aws, gcp or azure
                                 (--aws-role-arn, --gcp-workload-identity-provider, --azure-client-id with the job's
                                 OIDC token; else the cloud credentials already here: AWS SDK chain, gcloud ADC, az)
      --insecure-registry        plain HTTP to the registry
  -o, --output json|yaml         print {"digest","signatureRef","rekorLogIndex","identity","formats"} (formats: what was
                                 written, e.g. ["legacy","bundle"]; ["notation"] for notation)`;

export async function sign(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('sign', args, {
    ...registryFlags,
    ...signingFlags,
    // -a here as cosign sign -a: sign takes no manifest annotations.
    'signature-annotation': { type: 'string', short: 'a', multiple: true },
    output: { type: 'string', short: 'o' },
  });
  if (values.help) {
    io.out(signHelp);
    return 0;
  }
  const output = outputFormat(values.output);
  const notation = values['signature-format'] === 'notation';
  const format = notation ? 'legacy' : signatureFormat(values['signature-format']);
  const opened = openLocation(positionals[0], values, io.err);
  const reference = locationReference(opened.location);
  if (!reference) throw new UsageError('the URL must name the artifact to sign, by :tag or @digest');
  const notationKey = notation ? await notationSigner(values) : undefined;
  const identity = notation ? undefined : signingIdentity(values);
  const claims = signatureClaims(values, !notation);
  const name = locationName(opened.location);
  let result: SignResult;
  let formats: (WrittenFormat | 'notation')[] = ['notation'];
  let added: WrittenFormat[] = [];
  let digest: string;
  try {
    const descriptor = await opened.target.resolve(reference);
    digest = descriptor.digest;
    if (notationKey) {
      const step = signNotationBeforeTagging(opened.target, notationKey);
      await step.beforeTag(descriptor);
      result = step.result() as SignResult;
    } else {
      const signed = await signInPresentFormats(opened.target, descriptor, {
        identity: identity as SigningIdentity,
        format,
        repository: name,
        ...claims,
      });
      ({ formats, added } = signed);
      result = signed;
    }
  } catch (err) {
    // A signing config that cannot write the formats the digest carries: about --signing-config, not the registry.
    if (err instanceof SigningConfigError) throw usageError(err) ?? err;
    throw await explainAuth(opened, err);
  }
  if (output) {
    structured(io, output, {
      digest,
      signatureRef: result.signatureRef,
      rekorLogIndex: result.rekorLogIndex ?? null,
      identity: result.identity,
      formats,
    });
  } else {
    for (const note of addedFormatNotes(added)) io.err(`  ${note}`);
    io.err(
      `✔ signed ${name}@${digest} as ${result.identity} (${formats.join(' + ')}): ${result.signatureRef}${result.rekorLogIndex ? `, Rekor log index ${result.rekorLogIndex}` : ''}`,
    );
  }
  return 0;
}
