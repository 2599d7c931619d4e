import { resolve } from 'node:path';
import { openRegistry, type RegistryClient } from '@d2ci/core';
import { runImageUpdate, type ImageUpdateOptions } from '@d2ci/core/imageupdate';
import { parseCreds, parseFlags, parseTimeout } from '../flags.ts';
import { UsageError } from '../errors.ts';
import { usageError } from '../fields.ts';
import { json, table, type Io } from '../output.ts';

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
      --author-name N, --author-email E    commit author (default: git config user.name/email)
      --creds USER:PASS --creds-registry HOST  credentials for one registry (the others: GITHUB_TOKEN for ghcr.io,
                                               docker config); --insecure-registry for plain HTTP
  -o, --output json                 print the changes and the commit as JSON`;

export async function imageUpdate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(
    'image-update',
    args,
    {
      engine: { type: 'string' },
      'policies-path': { type: 'string' },
      'update-path': { type: 'string' },
      namespace: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'push-branch': { type: 'string' },
      'base-branch': { type: 'string' },
      reset: { type: 'boolean' },
      'message-template': { type: 'string' },
      'author-name': { type: 'string' },
      'author-email': { type: 'string' },
      creds: { type: 'string' },
      'creds-registry': { type: 'string' },
      'insecure-registry': { type: 'boolean' },
      timeout: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
    0,
  );
  if (values.help) {
    io.out(imageUpdateHelp);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"; see d2ci image-update --help`);
  if (values.engine !== undefined && values.engine !== 'native')
    throw new UsageError(
      `--engine "${values.engine}": the CLI runs the native engine; the kind engine runs in the image-update-kind action`,
    );
  // ImageRepositories name many registries: explicit credentials go to the one they are for, never to the others.
  if (values.creds !== undefined && !values['creds-registry'])
    throw new UsageError(
      '--creds needs --creds-registry HOST: image-update reads every registry the ImageRepositories name, and credentials go only to the registry they are for',
    );
  if (values['creds-registry'] !== undefined && values.creds === undefined)
    throw new UsageError('--creds-registry names the registry --creds are for; give --creds USER:PASS too');
  const creds = parseCreds(values.creds);
  const network = parseTimeout(values.timeout);
  const clients = new Map<boolean, RegistryClient>();
  const clientFor: ImageUpdateOptions['clientFor'] = (repository) => {
    const insecure = repository.insecure || values['insecure-registry'] === true;
    let client = clients.get(insecure);
    if (!client) {
      client = openRegistry({
        ...creds,
        ...(values['creds-registry'] ? { registry: values['creds-registry'] } : {}),
        manyRegistries: true,
        githubToken: process.env.GITHUB_TOKEN,
        insecure,
        transport: network,
        onWarning: (m) => io.err(`⚠ ${m}`),
      }).client;
      clients.set(insecure, client);
    }
    return client;
  };
  const repo = resolve('.');
  let gitOptions: ImageUpdateOptions['git'];
  if (values['push-branch']) {
    const { execFileSync } = await import('node:child_process');
    const gitValue = (args: string[]): string => {
      try {
        return execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      } catch {
        return '';
      }
    };
    const base = values['base-branch'] ?? gitValue(['branch', '--show-current']);
    if (!base) throw new UsageError('--base-branch is required here (no current branch)');
    const name = values['author-name'] ?? gitValue(['config', 'user.name']);
    const email = values['author-email'] ?? gitValue(['config', 'user.email']);
    if (!name || !email) throw new UsageError('--author-name and --author-email are required here (no git config user.name/user.email)');
    gitOptions = {
      base,
      branch: values['push-branch'],
      mode: values.reset ? 'reset' : 'stack',
      author: { name, email },
      messageTemplate: values['message-template'],
      automation: { namespace: values.namespace ?? 'flux-system', name: 'image-update' },
    };
  }
  let report;
  try {
    report = await runImageUpdate({
      repo,
      policiesPath: values['policies-path'] ?? './update-policies',
      updatePath: values['update-path'] ?? '.',
      namespace: values.namespace,
      clientFor,
      dryRun: values['dry-run'],
      git: gitOptions,
    });
  } catch (err) {
    // The policies, update path and message template errors name their field; fields.ts names the flag.
    throw usageError(err) ?? err;
  }
  for (const p of report.policies) if (!p.ok) io.err(`⚠ ImagePolicy ${p.policy.namespace}/${p.policy.name} skipped: ${p.error}`);
  for (const u of report.unresolved) io.err(`⚠ ${u.file}:${u.line}: no ImagePolicy for marker ${u.setter}; left unchanged`);
  if (values.output === 'json') {
    json(io, {
      updated: report.updated,
      changes: report.changes,
      commit: report.commit ?? null,
      policies: report.policies.map((p) => ({
        policy: `${p.policy.namespace}/${p.policy.name}`,
        ...(p.ok ? { latest: p.latestRef } : { error: p.error }),
      })),
    });
    return 0;
  }
  if (values['dry-run']) {
    io.out(report.diff.trimEnd());
  } else if (report.changes.length) {
    io.out(table([['FILE', 'SETTER', 'OLD', 'NEW'], ...report.changes.map((c) => [c.file, c.setter, c.old, c.new])]));
  }
  const verb = values['dry-run'] ? 'would change' : 'changed';
  io.err(
    `✔ ${report.changes.length} value(s) ${verb} in ${report.files.length} file(s)${report.commit ? `; pushed ${report.commit.slice(0, 7)} to ${values['push-branch'] ?? ''}` : ''}`,
  );
  return 0;
}
