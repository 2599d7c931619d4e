import { locationName, planPublishComponents, publishArtifact, publishComponents } from '@d2ci/core';
import { parseFlags } from '../flags.ts';
import { openLocation } from '../registry.ts';
import { UsageError } from '../errors.ts';
import { outputFormat, type Io } from '../output.ts';
import { artifactMetadata, pushFlags, readPushFlags } from './push-flags.ts';
import { artifactError, printArtifact } from './push-output.ts';
import { componentsError, printComponents, printPlan } from './push-components.ts';
import { withContentPath } from '../content-path.ts';

export const pushHelp = `Usage: d2ci push URL [flags]
       d2ci push oci://HOST/BASE --components 'components/*' [--tag T] [--plan]

Pack a directory into a Flux OCI artifact and push it. URL is oci://HOST/REPO[:TAG] or oci-layout:DIR[:TAG].
Blobs and the manifest go first; tags move last, and only when the artifact is complete.

With --components, every directory the glob matches (from the current directory, or --path) is pushed to
BASE/<name>, several at once, each signed and given its --sbom as one artifact would be; each is complete on its
own and one failure stops none of the others.

Flags:
  -f, --path DIR             directory or file to pack (default "."), or - for one YAML stream from stdin, packed
                             as stdin.yaml (kustomize build . | d2ci push URL --path -)
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
      --signature-annotation K=V   signed into each cosign signature, as cosign sign -a (repeatable; not -a, which
                             is a manifest annotation here)
      --sbom FORMAT          attach a generated cyclonedx or spdx SBOM of the images, charts and sources it deploys
      --attach FILE          attach an SPDX, CycloneDX or OpenVEX document (repeatable; one artifact, not --components)
      --attest               also sign each document as an in-toto attestation (with --sign or --key)
      --identity-token T     OIDC token, or a file holding it, for keyless signing (default: SIGSTORE_ID_TOKEN, or the GitHub job's)
      --fulcio-url, --rekor-url, --timestamp-server-url   private Sigstore services (or --signing-config FILE|public-good)
      --creds USER:PASS      registry credentials (default: GITHUB_TOKEN for ghcr.io, docker config)
      --provider NAME        generic (default), aws, gcp or azure
                             (--aws-role-arn, --gcp-workload-identity-provider, --azure-client-id with the job's
                             OIDC token; else the cloud credentials already here: AWS SDK chain, gcloud ADC, az)
      --insecure-registry    plain HTTP to the registry
      --timeout SECONDS      per-request timeout (default 30; retries stop after 3 × this)
  -o, --output json|yaml     print {"pushed","url","repository","tag","tags","digest"} (plus "signatureRef" when signed)
      --debug                log every registry request`;

/** `d2ci push`: flags → one publish request → core → lines on stderr (or JSON on stdout). */
export async function push(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('push', args, pushFlags);
  if (values.help) {
    io.out(pushHelp);
    return 0;
  }
  const format = outputFormat(values.output);
  if (values.plan && values.components === undefined) throw new UsageError('--plan needs --components, e.g. --components "components/*"');
  const opened = openLocation(positionals[0], values, io.err);
  const flags = readPushFlags(values, opened.location);
  const components = flags.components && { ...flags.components, base: opened.location, client: opened.client };
  // A plan only compares content, so it needs no source or revision.
  if (components && values.plan) {
    const { diffTag, ignorePaths, addIgnorePaths, sourceIgnore, resolveSymlinks } = flags.options;
    const plan = await planPublishComponents({ components, diffTag, ignorePaths, addIgnorePaths, sourceIgnore, resolveSymlinks }).catch(
      componentsError,
    );
    return printPlan(io, opened, plan, format);
  }
  const options = { ...flags.options, ...(await artifactMetadata(values, flags.path)) };
  const name = locationName(opened.location);
  if (components) {
    const published = await publishComponents({
      ...options,
      components,
      documents: { sbom: flags.documents.sbom, attest: flags.documents.attest },
      signing: flags.signing(),
      onEvent: (event) => io.err(`► pushing ${event.components.length} components to ${name}/<name>:${flags.tags.join(',')}`),
    }).catch(componentsError);
    return printComponents(io, opened, published, format);
  }
  const published = await withContentPath(flags.path, '.', io, (path) => {
    io.err(`► pushing artifact to ${name}${flags.tags.length ? `:${flags.tags[0]}` : ''}`);
    return publishArtifact({ ...options, path, target: opened.target, documents: flags.documents, signing: flags.signing() });
  }).catch((err: unknown) => artifactError(opened, err));
  printArtifact(io, opened.location, published, format);
  return 0;
}
