import { diffArtifact, locationReference, ArtifactPathError, AmbiguousLayerError } from '@d2ci/core';
import { parseFlags, registryFlags, treeFlags, walkFlags } from '../flags.ts';
import { openLocation, explainAuth } from '../registry.ts';
import { usageError } from '../fields.ts';
import { layerUsageError } from '../layer-error.ts';
import { data, outputFormat, structured, type Io } from '../output.ts';
import { withContentPath } from '../content-path.ts';

export const diffHelp = `Usage: d2ci diff URL [flags]

Compare a local directory with an artifact's content (layer digest and size), without downloading it.
Exits 0 when identical, 1 when the contents differ or the tag does not exist.

Flags:
  -f, --path DIR             directory or file to compare (default "."), or - for one YAML stream from stdin
      --ignore-paths P       gitignore patterns to leave out; replaces Flux's defaults
      --add-ignore-paths P   patterns added to the defaults
      --source-ignore        also honour .sourceignore files
      --resolve-symlinks     follow symlinks within the path
      --creds USER:PASS      registry credentials
      --provider NAME        generic (default), aws, gcp or azure
                             (--aws-role-arn, --gcp-workload-identity-provider, --azure-client-id with the job's
                             OIDC token; else the cloud credentials already here: AWS SDK chain, gcloud ADC, az)
      --insecure-registry    plain HTTP to the registry
      --layer-media-type T   the layer to compare, by media type (needed when the artifact has several layers)
  -o, --output json|yaml     print {"identical","reason","local","remote"}`;

export async function diff(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('diff', args, {
    ...registryFlags,
    ...treeFlags,
    'layer-media-type': { type: 'string' },
    output: { type: 'string', short: 'o' },
  });
  if (values.help) {
    io.out(diffHelp);
    return 0;
  }
  const format = outputFormat(values.output);
  const opened = openLocation(positionals[0], values, io.err);
  const reference = locationReference(opened.location) ?? 'latest';
  let result;
  try {
    result = await withContentPath(values.path, '.', io, (path) =>
      diffArtifact({
        path,
        target: opened.target,
        reference,
        ...walkFlags(values),
        ...(values['layer-media-type'] ? { layerMediaType: values['layer-media-type'] } : {}),
      }),
    );
  } catch (err) {
    if (err instanceof ArtifactPathError) throw usageError(err) ?? err;
    if (err instanceof AmbiguousLayerError) throw layerUsageError(err, Boolean(values['layer-media-type']));
    throw await explainAuth(opened, err);
  }
  if (format)
    structured(io, format, {
      identical: result.identical,
      reason: result.reason,
      local: { digest: result.local.digest, size: result.local.size },
      remote: result.remote ?? null,
    });
  else if (result.identical) io.err(`✔ no changes detected`);
  else
    io.err(
      `✗ ${data(result.reason)}${result.remote ? ` (local ${result.local.digest}, ${result.local.size} bytes; remote ${result.remote.digest}, ${result.remote.size} bytes)` : ''}`,
    );
  return result.identical ? 0 : 1;
}
