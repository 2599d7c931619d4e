import { resolve } from 'node:path';
import { withContentPath } from '../content-path.ts';
import { attachDocuments, generateSbom, locationName, locationReference, readDocument, type ArtifactDocument } from '@d2ci/core';
import { parseFlags, registryFlags, treeFlags, walkFlags } from '../flags.ts';
import { openLocation, explainAuth } from '../registry.ts';
import { signingFlags, signingIdentity } from '../signing.ts';
import { UsageError } from '../errors.ts';
import { usageError } from '../fields.ts';
import { outputFormat, structured, type Io } from '../output.ts';

export const attachHelp = `Usage: d2ci attach URL [--file F]... [--sbom cyclonedx|spdx --path DIR] [--attest] [flags]

Attach SPDX, CycloneDX or OpenVEX documents to an artifact (by tag or digest; a tag is resolved once) as OCI 1.1
referrers (the referrers API, else the sha256-<hex> index tag), with their standard artifact types. --sbom
generates an SBOM of what the artifact deploys from the tree it was packed from. --attest also signs each
document as an in-toto attestation (a Sigstore bundle referrer, as cosign attest).

Flags:
      --file F                   a document to attach (repeatable); its type is read from the content
      --sbom FORMAT              generate a cyclonedx or spdx SBOM of the images, charts and sources in --path
  -f, --path DIR                 the tree the artifact was packed from (default "."), or - for its YAML stream on stdin
      --attest                   sign each document as an in-toto attestation (keyless, or with --key)
      --key FILE, --identity-token T, --fulcio-url, --rekor-url, --timestamp-server-url, --signing-config   as d2ci sign
      --creds USER:PASS, --provider NAME, --insecure-registry                            registry access
  -o, --output json|yaml         print the attached referrers as JSON or YAML`;

export async function attach(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('attach', args, {
    ...registryFlags,
    ...treeFlags,
    ...signingFlags,
    file: { type: 'string', multiple: true },
    sbom: { type: 'string' },
    attest: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
  });
  if (values.help) {
    io.out(attachHelp);
    return 0;
  }
  const format = outputFormat(values.output);
  if (values.sbom !== undefined && values.sbom !== 'cyclonedx' && values.sbom !== 'spdx')
    throw new UsageError(`--sbom "${values.sbom}" is not cyclonedx or spdx`);
  const files = values.file ?? [];
  if (!files.length && !values.sbom) throw new UsageError('nothing to attach: give --file or --sbom');
  let documents: ArtifactDocument[];
  try {
    documents = await Promise.all(files.map((file) => readDocument(resolve(file))));
  } catch (err) {
    throw usageError(err, { attach: '--file' }) ?? err;
  }
  if (values['signature-annotation']?.length)
    throw new UsageError('--signature-annotation is for signatures (d2ci sign, push, release); attestations take none');
  const identity = values.attest ? signingIdentity(values, process.env, 'bundle') : undefined;
  const opened = openLocation(positionals[0], values, io.err);
  const reference = locationReference(opened.location) ?? 'latest';
  const name = locationName(opened.location);
  let attached;
  try {
    const subject = (await opened.target.fetchManifest(reference)).descriptor;
    if (values.sbom) {
      const sbom = values.sbom;
      documents.unshift(
        await withContentPath(values.path, '.', io, (path) =>
          generateSbom(path, sbom, { repository: name, digest: subject.digest }, walkFlags(values)),
        ),
      );
    }
    attached = await attachDocuments(opened.target, subject, documents, identity ? { attest: { identity } } : {});
  } catch (err) {
    throw await explainAuth(opened, err);
  }
  if (format) {
    structured(
      io,
      format,
      attached.map((a) => ({
        format: a.format,
        mediaType: a.mediaType,
        source: a.source,
        digest: a.referrer.digest,
        attestation: a.attestation?.digest ?? null,
      })),
    );
  } else {
    for (const a of attached)
      io.err(
        `✔ attached ${a.source === 'generated' ? `a generated ${a.format} SBOM` : `${a.source} (${a.format})`} as ${name}@${a.referrer.digest}${a.attestation ? `; attestation ${name}@${a.attestation.digest}` : ''}`,
      );
  }
  return 0;
}
