import { processIo, type Io } from './io.ts';
import cli from '../package.json' with { type: 'json' };

type Command = (args: string[], io: Io) => Promise<number>;

// Loaded on demand, so `--help`, `--version` and each command only load what they use.
const commands: Record<string, () => Promise<Command>> = {
  push: async () => (await import('./commands/push.ts')).push,
  build: async () => (await import('./commands/build.ts')).build,
  diff: async () => (await import('./commands/diff.ts')).diff,
  pull: async () => (await import('./commands/pull.ts')).pull,
  tag: async () => (await import('./commands/tag.ts')).tag,
  copy: async () => (await import('./commands/copy.ts')).copy,
  list: async () => (await import('./commands/list.ts')).list,
  sign: async () => (await import('./commands/sign.ts')).sign,
  verify: async () => (await import('./commands/verify.ts')).verify,
  release: async () => (await import('./commands/release.ts')).release,
  attach: async () => (await import('./commands/attach.ts')).attach,
  discover: async () => (await import('./commands/discover.ts')).discover,
  'image-policy': async () => (await import('./commands/image-policy.ts')).imagePolicy,
  'image-update': async () => (await import('./commands/image-update.ts')).imageUpdate,
};

export const usage = `d2ci: Flux OCI artifacts for Gitless GitOps

Usage: d2ci <command> [URL] [flags]

Commands:
  push          pack a directory and push it as a Flux artifact
  build         pack a directory into the artifact tarball
  diff          compare a directory with an artifact (exit 1 when different)
  pull          pull an artifact and extract it safely
  tag           point more tags at an artifact
  copy          copy an artifact with its signatures, attestations and SBOMs to another registry or layout
  list          list a repository's artifacts
  sign          sign an artifact (keyless or with a key), in cosign's formats
  verify        verify an artifact's signature as Flux does (exit 1 when not verified)
  release       promote (or build) a release: vX.Y.Z and latest-stable, with rollback
  attach        attach SBOM/VEX documents (and in-toto attestations of them) as OCI referrers
  discover      list what refers to an artifact: signatures, attestations, SBOMs, VEX
  image-policy  print the tag a Flux ImagePolicy selects from a tag list or a registry
  image-update  update {"$imagepolicy"} markers to the latest images (Flux image automation)

URLs: oci://HOST/REPO[:TAG|@DIGEST], HOST/REPO[…], or oci-layout:DIR[:TAG] for an OCI image layout on disk.
Run d2ci <command> --help for its flags.`;

/** Runs the CLI; returns the exit code. Errors are one line on stderr. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [verb, ...args] = argv;
  if (!verb || verb === '--help' || verb === '-h' || verb === 'help') {
    io.out(usage);
    return verb ? 0 : 1;
  }
  if (verb === '--version' || verb === 'version') {
    io.out(`d2ci ${cli.version}`);
    return 0;
  }
  const load = commands[verb];
  if (!load) {
    io.err(`✗ unknown command "${verb}"; run d2ci --help`);
    return 1;
  }
  // Core and the output helpers load here, not at the top: `--version` and `--help` need neither.
  const [{ removeTempOnSignal }, { data }] = await Promise.all([import('@d2ci/core'), import('./output.ts')]);
  removeTempOnSignal();
  try {
    return await (
      await load()
    )(args, io);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    io.err(`✗ ${data(message.replace(/\s*\n\s*/g, ' '))}`);
    if (args.includes('--debug') && err instanceof Error && err.stack) io.err(err.stack);
    return 1;
  }
}
