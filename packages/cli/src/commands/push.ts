import { resolve } from 'node:path';
import {
  pushArtifact,
  formatLocation,
  locationName,
  isValidTag,
  signBeforeTagging,
  signNotationBeforeTagging,
  tagRule,
  ArtifactPathError,
  ProtectedTagError,
  attachDocuments,
  createBundleSigner,
  generateSbom,
  readDocument,
  type ArtifactDocument,
  type Descriptor,
  type Location,
} from '@d2ci/core';
import { parseFlags, registryFlags, treeFlags, splitList, parseAnnotations } from '../flags.ts';
import { openLocation, explainAuth } from '../registry.ts';
import { gitDefaults } from '../git.ts';
import { notationSigner, signatureFormat, signingFlags, signingIdentity } from '../signing.ts';
import { UsageError } from '../errors.ts';
import { usageError } from '../fields.ts';
import { json, type Io } from '../output.ts';
import { planManyComponents, pushManyComponents } from './push-components.ts';

function parseConcurrency(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--concurrency "${value}" must be a whole number from 1 to 64`);
  return n;
}

export const pushHelp = `Usage: d2ci push URL [flags]
       d2ci push oci://HOST/BASE --components 'components/*' [--tag T] [--plan]

Pack a directory into a Flux OCI artifact and push it. URL is oci://HOST/REPO[:TAG] or oci-layout:DIR[:TAG].
Blobs and the manifest go first; tags move last, and only when the artifact is complete.

With --components, every directory the glob matches (from the current directory, or --path) is pushed to
BASE/<name>, several at once; each is complete on its own and one failure stops none of the others.

Flags:
  -f, --path DIR             directory or file to pack (default ".")
      --source URL           org.opencontainers.image.source (default: origin remote, or the GitHub repository)
      --revision REV         org.opencontainers.image.revision (default: <branch>@sha1:<commit>)
      --tag T                more tags to point at the artifact (repeatable, comma-separated)
      --diff-tag T           push only if the content differs from the artifact at T (the push goes to T)
      --force T              let the push move these protected tags: latest-stable, an existing release version
                             (sha256-… signature and referrers tags never move)
      --ignore-paths P       gitignore patterns to leave out; replaces Flux's defaults (repeatable, comma-separated)
      --add-ignore-paths P   patterns added to the defaults
      --source-ignore        also honour .sourceignore files
      --resolve-symlinks     follow symlinks within the path instead of leaving them out
  -a, --annotation K=V       extra manifest annotation (repeatable)
      --reproducible         creation time 1970-01-01T00:00:00Z, so the same content gives the same digest
      --components GLOB      push each matched directory to BASE/<name> (tag latest unless --tag or :TAG)
      --concurrency N        components pushed at once (default 6)
      --plan                 with --components: push nothing; print the components that differ from
                             --diff-tag (default latest), as a GitHub strategy.matrix with -o json
      --sign                 sign keylessly before any tag moves (also implied by --key)
      --key FILE             sign with this ECDSA P-256 key (PEM or cosign.key; password in COSIGN_PASSWORD)
      --signature-format F   legacy (default), bundle, both, or notation (with --notation-key and --notation-cert)
      --sbom FORMAT          attach a generated cyclonedx or spdx SBOM of the images, charts and sources it deploys
      --attach FILE          attach an SPDX, CycloneDX or OpenVEX document (repeatable)
      --attest               also sign each document as an in-toto attestation (with --sign or --key)
      --identity-token T     OIDC token for keyless signing (default: SIGSTORE_ID_TOKEN, or the GitHub job's)
      --fulcio-url, --rekor-url, --timestamp-server-url   private Sigstore services
      --creds USER:PASS      registry credentials (default: GITHUB_TOKEN for ghcr.io, docker config)
      --provider NAME        generic (default), aws, gcp or azure
      --insecure-registry    plain HTTP to the registry
      --timeout SECONDS      per-request timeout (default 30; retries stop after 3 × this)
  -o, --output json          print {"pushed","url","repository","tag","tags","digest"} (plus "signatureRef" when signed)
      --debug                log every registry request`;

export async function push(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('push', args, {
    ...registryFlags,
    ...treeFlags,
    source: { type: 'string' },
    revision: { type: 'string' },
    tag: { type: 'string', multiple: true },
    force: { type: 'string', multiple: true },
    'diff-tag': { type: 'string' },
    annotation: { type: 'string', short: 'a', multiple: true },
    annotations: { type: 'string', multiple: true },
    reproducible: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
    sign: { type: 'boolean' },
    components: { type: 'string' },
    concurrency: { type: 'string' },
    plan: { type: 'boolean' },
    sbom: { type: 'string' },
    attach: { type: 'string', multiple: true },
    attest: { type: 'boolean' },
    ...signingFlags,
  });
  if (values.help) {
    io.out(pushHelp);
    return 0;
  }
  if (values.output !== undefined && values.output !== 'json')
    throw new UsageError(`--output "${values.output}" is not supported; use --output json`);
  if (values.plan && values.components === undefined) throw new UsageError('--plan needs --components, e.g. --components "components/*"');
  const opened = openLocation(positionals[0], values, io.err);
  const location: Location = opened.location;
  const urlTag = location.kind === 'registry' ? location.reference.tag : location.tag;
  if ((location.kind === 'registry' ? location.reference.digest : location.digest) !== undefined)
    throw new UsageError('push URL must name a tag, not a digest');
  const notation = values['signature-format'] === 'notation';
  const signing =
    !notation && (values.sign || values.key)
      ? { identity: signingIdentity(values), format: signatureFormat(values['signature-format']) }
      : undefined;
  if (values.sbom !== undefined && values.sbom !== 'cyclonedx' && values.sbom !== 'spdx')
    throw new UsageError(`--sbom "${values.sbom}" is not cyclonedx or spdx`);
  if (values.components !== undefined && (notation || values.sbom || values.attach))
    throw new UsageError(
      '--components pushes cosign-signed artifacts without documents here; use the push-artifact action for per-component SBOMs, or push each component',
    );
  if (values.attest && !signing) throw new UsageError('--attest signs with Sigstore: add --sign (keyless) or --key');
  let files: ArtifactDocument[];
  try {
    files = await Promise.all((values.attach ?? []).map((file) => readDocument(resolve(file))));
  } catch (err) {
    throw usageError(err) ?? err;
  }
  const annotations = parseAnnotations([...(values.annotation ?? []), ...(values.annotations ?? [])]);
  const path = resolve(values.path ?? '.');
  const tags = [...(urlTag ? [urlTag] : []), ...splitList(values.tag)];
  for (const t of [...tags, ...(values['diff-tag'] ? [values['diff-tag']] : [])]) {
    if (!isValidTag(t)) throw new UsageError(`tag "${t}" is invalid: ${tagRule}`);
  }
  const walk = {
    ignorePaths: values['ignore-paths'] ? splitList(values['ignore-paths']) : undefined,
    addIgnorePaths: splitList(values['add-ignore-paths']),
    sourceIgnore: values['source-ignore'],
    resolveSymlinks: values['resolve-symlinks'],
  };
  const many = values.components !== undefined && {
    opened,
    pattern: values.components,
    root: path,
    diffTag: values['diff-tag'],
    concurrency: parseConcurrency(values.concurrency),
    walk,
    json: values.output === 'json',
  };
  // A plan only compares content, so it needs no source or revision.
  if (many && values.plan) return planManyComponents(many, io);
  const defaults = values.source && values.revision ? {} : await gitDefaults(path);
  const source = values.source ?? defaults.source;
  const revision = values.revision ?? defaults.revision;
  if (!source) throw new UsageError('--source is required here (no git origin remote found), e.g. --source https://github.com/owner/repo');
  if (!revision) throw new UsageError('--revision is required here (not a git checkout), e.g. --revision main@sha1:<commit>');
  if (many) return pushManyComponents({ ...many, tags, signing, source, revision, annotations, reproducible: values.reproducible }, io);
  const name = locationName(location);
  io.err(`► pushing artifact to ${name}${tags.length ? `:${tags[0]}` : ''}`);
  const bundleSigner = signing && values.attest ? await createBundleSigner(signing.identity) : undefined;
  const signingStep = notation
    ? signNotationBeforeTagging(opened.target, await notationSigner(values))
    : signing && signBeforeTagging(opened.target, { ...signing, repository: name, signer: bundleSigner });
  let attached: Awaited<ReturnType<typeof attachDocuments>> = [];
  const beforeTag = async (descriptor: Descriptor): Promise<void> => {
    await signingStep?.beforeTag(descriptor);
    const generated = values.sbom
      ? [
          await generateSbom(
            path,
            values.sbom as 'cyclonedx' | 'spdx',
            { repository: name, digest: descriptor.digest, source, revision },
            walk,
          ),
        ]
      : [];
    if (generated.length || files.length)
      attached = await attachDocuments(
        opened.target,
        descriptor,
        [...generated, ...files],
        signing && values.attest ? { attest: { identity: signing.identity, signer: bundleSigner } } : {},
      );
  };
  let result;
  try {
    result = await pushArtifact({
      path,
      target: opened.target,
      tags,
      diffTag: values['diff-tag'],
      ...walk,
      source,
      revision,
      annotations,
      reproducible: values.reproducible,
      force: splitList(values.force),
      // Without a step to run first, the manifest is stored by tag directly (one request fewer).
      beforeTag: signingStep || values.sbom || files.length ? beforeTag : undefined,
    });
  } catch (err) {
    if (err instanceof ArtifactPathError) throw new UsageError(`--path: ${err.message}`);
    if (err instanceof ProtectedTagError) throw new UsageError(`--tag: ${err.message}`);
    throw await explainAuth(opened, err);
  }
  const digest = result.descriptor.digest;
  const signed = signingStep?.result();
  const url = formatLocation(
    location.kind === 'registry'
      ? { kind: 'registry', reference: { registry: location.reference.registry, repository: location.reference.repository, digest } }
      : { kind: 'layout', dir: location.dir, digest },
  );
  if (values.output === 'json') {
    json(io, {
      pushed: result.pushed,
      url: location.kind === 'registry' ? `oci://${url}` : url,
      repository: name,
      tag: result.tags[0]?.tag ?? '',
      tags: result.tags.map((t) => t.tag),
      digest,
      ...(signed ? { signatureRef: signed.signatureRef } : {}),
      ...(attached.length
        ? {
            referrers: attached.map((a) => ({
              format: a.format,
              source: a.source,
              digest: a.referrer.digest,
              attestation: a.attestation?.digest ?? null,
            })),
          }
        : {}),
    });
  } else if (result.pushed) {
    io.err(`✔ artifact successfully pushed to ${name}@${digest} (${result.layer.files} files, ${result.layer.size} bytes)`);
    if (signed) io.err(`✔ signed as ${signed.identity}: ${signed.signatureRef}`);
    for (const a of attached)
      io.err(
        `✔ attached ${a.source === 'generated' ? `a generated ${a.format} SBOM` : `${a.source} (${a.format})`}: ${name}@${a.referrer.digest}${a.attestation ? ` (attested: ${a.attestation.digest})` : ''}`,
      );
    for (const t of result.tags) io.err(`✔ tagged ${name}:${t.tag}${t.changed ? '' : ' (already there)'}`);
  } else {
    io.err(`✔ no changes: ${result.reason}; ${name}@${digest}`);
    for (const t of result.tags) io.err(`✔ tagged ${name}:${t.tag}${t.changed ? '' : ' (already there)'}`);
  }
  return 0;
}
