import { discoverReferrers, legacySignatureTag, locationName, locationReference, isNotFound, type ReferrerNode } from '@d2ci/core';
import { parseFlags, registryFlags } from '../flags.ts';
import { openLocation, explainAuth } from '../registry.ts';
import { data, outputFormat, structured, type Io } from '../output.ts';

export const discoverHelp = `Usage: d2ci discover URL [flags]

List what refers to an artifact (by tag or digest): OCI referrers — Sigstore bundles, SBOMs, VEX documents, Notary
Project signatures — and what refers to those, as a tree, plus cosign's legacy sha256-<hex>.sig signature tag.

Flags:
      --artifact-type T          only referrers of this artifact type
      --depth N                  how many levels of referrers (default 4)
      --creds USER:PASS, --provider NAME, --insecure-registry   registry access
  -o, --output json|yaml         print the tree as JSON or YAML`;

/** The annotations worth a glance in a tree line. */
function note(node: ReferrerNode): string {
  const a = node.descriptor.annotations ?? {};
  const parts = [
    a['dev.sigstore.bundle.predicateType'] && `predicate ${a['dev.sigstore.bundle.predicateType']}`,
    a['org.opencontainers.image.title'],
    a['org.opencontainers.image.created'],
  ].filter(Boolean);
  return parts.length ? `  (${parts.join(', ')})` : '';
}

function lines(nodes: ReferrerNode[], prefix: string): string[] {
  return nodes.flatMap((node, i) => {
    const last = i === nodes.length - 1;
    return [
      `${prefix}${last ? '└── ' : '├── '}${node.descriptor.artifactType ?? node.descriptor.mediaType}  ${node.descriptor.digest}${note(node)}`,
      ...lines(node.referrers, `${prefix}${last ? '    ' : '│   '}`),
    ];
  });
}

export async function discover(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('discover', args, {
    ...registryFlags,
    'artifact-type': { type: 'string' },
    depth: { type: 'string' },
    output: { type: 'string', short: 'o' },
  });
  if (values.help) {
    io.out(discoverHelp);
    return 0;
  }
  const format = outputFormat(values.output);
  const opened = openLocation(positionals[0], values, io.err);
  const reference = locationReference(opened.location) ?? 'latest';
  const name = locationName(opened.location);
  let subject;
  let tree: ReferrerNode[];
  let legacy: string | undefined;
  try {
    subject = (await opened.target.fetchManifest(reference)).descriptor;
    tree = await discoverReferrers(opened.target, subject, {
      depth: values.depth ? Number(values.depth) : undefined,
      artifactType: values['artifact-type'],
    });
    const tag = legacySignatureTag(subject.digest);
    try {
      await opened.target.resolve(tag);
      legacy = tag;
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  } catch (err) {
    throw await explainAuth(opened, err);
  }
  if (format) {
    structured(io, format, {
      subject: { digest: subject.digest, mediaType: subject.mediaType },
      referrers: tree,
      legacySignatureTag: legacy ?? null,
    });
    return 0;
  }
  io.out(`${name}@${subject.digest}`);
  for (const line of lines(tree, '')) io.out(data(line));
  if (legacy && !values['artifact-type']) io.out(`cosign signature tag: ${name}:${legacy}`);
  if (!tree.length && !legacy) io.err('no referrers');
  return 0;
}
