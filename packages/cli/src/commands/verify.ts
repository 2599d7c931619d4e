import { artifactOrigin, locationName, locationReference, verifyArtifact, verifyFormats, type VerifyFormat } from '@d2ci/core';
import { verificationFlags, verificationFromFlags } from '../verification.ts';
import { parseFlags, registryFlags } from '../flags.ts';
import { openLocation, explainAuth } from '../registry.ts';
import { UsageError } from '../errors.ts';
import { json, type Io } from '../output.ts';

export const verifyHelp = `Usage: d2ci verify URL [--key PUBFILE | --certificate-identity(-regexp) X --certificate-oidc-issuer(-regexp) Y] [flags]

Verify an artifact's signature the way Flux's source-controller does (cosign legacy .sig and Sigstore bundles):
the tag is resolved to a digest once and everything is checked for that digest. Exits 0 only when verified.

Flags:
      --key FILE                          verify with public key(s) (PEM, e.g. cosign.pub)
      --certificate-identity ID           exact signer identity (certificate SAN)
      --certificate-identity-regexp RE    signer identity pattern (Flux matchOIDCIdentity.subject)
      --certificate-oidc-issuer ISS       exact issuer (default https://token.actions.githubusercontent.com)
      --certificate-oidc-issuer-regexp RE issuer pattern (Flux matchOIDCIdentity.issuer)
      --certificate-github-workflow-repository OWNER/REPO
                                          the repository whose GitHub run signed (a reusable workflow's
                                          identity names the reusable workflow, not its caller)
      --trusted-root FILE                 Sigstore trusted_root.json (default: public-good root via TUF)
      --signature-format F                auto (default), legacy or bundle
  -a, --annotation KEY=REGEXP             artifact annotation that must match (repeatable)
      --creds USER:PASS                   registry credentials
      --provider NAME                     generic (default), aws, gcp or azure
      --insecure-registry                 plain HTTP to the registry
  -o, --output json                       print the result as JSON`;

export async function verify(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('verify', args, {
    ...registryFlags,
    ...verificationFlags,
    key: { type: 'string' },
    'signature-format': { type: 'string' },
    annotation: { type: 'string', short: 'a', multiple: true },
    output: { type: 'string', short: 'o' },
  });
  if (values.help) {
    io.out(verifyHelp);
    return 0;
  }
  const format = values['signature-format'] ?? 'auto';
  if (!(verifyFormats as readonly string[]).includes(format)) throw new UsageError(`--signature-format "${format}" is not one of ${verifyFormats.join(', ')}`);
  const annotations: Record<string, RegExp> = {};
  for (const pair of values.annotation ?? []) {
    const cut = pair.indexOf('=');
    if (cut <= 0) throw new UsageError(`--annotation "${pair}" is not key=regexp`);
    try {
      annotations[pair.slice(0, cut)] = new RegExp(pair.slice(cut + 1));
    } catch (err) {
      throw new UsageError(`--annotation "${pair}": ${(err as Error).message}`);
    }
  }
  const verification = await verificationFromFlags(values, values.key, 'key');
  const opened = openLocation(positionals[0], values, io.err);
  const reference = locationReference(opened.location) ?? 'latest';
  const name = locationName(opened.location);
  let result;
  try {
    result = await verifyArtifact({ target: opened.target, reference, verification, format: format as VerifyFormat, annotations });
  } catch (err) {
    throw await explainAuth(opened, err);
  }
  const { source, revision } = artifactOrigin(result.annotations);
  const digest = result.descriptor.digest;
  if (values.output === 'json') {
    json(io, { verified: result.verified, digest, digestUrl: `${name}@${digest}`, format: result.format ?? null, identity: result.identity ?? null, issuer: result.issuer ?? null, signerRepository: result.sourceRepository ?? null, revision: revision ?? null, source: source ?? null, reasons: result.reasons, warnings: result.warnings });
  } else {
    for (const warning of result.warnings) io.err(`⚠ ${warning}`);
    if (result.verified) {
      io.err(`✔ verified ${name}@${digest} (${result.format}): signed by ${result.identity}${result.issuer ? `, issuer ${result.issuer}` : ''}${result.sourceRepository ? `, in a run of ${result.sourceRepository}` : ''}`);
      if (revision || source) io.err(`  revision ${revision ?? '?'}, source ${source ?? '?'}`);
    } else {
      io.err(`✗ ${name}:${reference} (${digest}) is not verified: ${result.reasons.join('; ')}`);
    }
  }
  return result.verified ? 0 : 1;
}
