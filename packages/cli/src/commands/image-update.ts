import { updateImages } from '@d2ci/core/imageupdate';
import { parseFlags } from '../flags.ts';
import { UsageError } from '../errors.ts';
import { usageError } from '../fields.ts';
import { outputFormat, type Io } from '../output.ts';
import { imageUpdateFlags, imageUpdateRequest } from './image-update-flags.ts';
import { printImageUpdate } from './image-update-output.ts';

export const imageUpdateHelp = `Usage: d2ci image-update --policies-path DIR --update-path DIR [flags]

Run Flux image automation in a checkout (the native engine of the image-update-kind action): find the latest
image for each ImagePolicy in --policies-path and update the {"$imagepolicy": …} markers under --update-path,
editing only the changed values. Without --push-branch the files are edited in place (no Git needed); with it,
the update is committed and pushed to that branch of origin.

Flags:
      --engine native               the only engine here (the Kind engine runs in the image-update-kind action)
      --policies-path DIR           ImageRepository and ImagePolicy manifests (default ./update-policies)
      --update-path DIR             where markers are updated (default .)
      --namespace NS                the policies' namespace, as markers name it (default: the manifests', else flux-system)
      --dry-run                     print the diff; write nothing
      --push-branch B               commit and push to B (stacked on it if it exists, as Flux does)
      --base-branch B               where a new push branch starts (default: the current branch)
      --reset                       start the push branch from the base branch every time
      --message-template T          commit message, Flux's template language (default Flux's)
      --message-values K=V          .Values in the template (repeatable; Flux's messageTemplateValues)
      --author-name N, --author-email E    commit author (default: git config user.name/email)
      --creds USER:PASS --creds-registry HOST  credentials for one registry (the others: GITHUB_TOKEN for ghcr.io,
                                               docker config, or the ImageRepository's spec.provider);
                                               --insecure-registry for plain HTTP
  -o, --output json|yaml            print the changes and the commit as JSON or YAML`;

/** `d2ci image-update`: flags → one image update request → core → the changes on stdout, warnings on stderr. */
export async function imageUpdate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('image-update', args, imageUpdateFlags, 0);
  if (values.help) {
    io.out(imageUpdateHelp);
    return 0;
  }
  const format = outputFormat(values.output);
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"; see d2ci image-update --help`);
  const request = await imageUpdateRequest(values, io.err);
  // The policies, update path and message template errors name their field; fields.ts names the flag.
  const report = await updateImages(request).catch((err: unknown) => {
    throw usageError(err) ?? err;
  });
  printImageUpdate(io, report, { dryRun: values['dry-run'] === true, pushBranch: values['push-branch'], format });
  return 0;
}
