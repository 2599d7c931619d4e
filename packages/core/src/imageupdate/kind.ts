// The `kind` engine: Flux's own image-reflector and image-automation controllers in a throwaway Kind cluster, as
// the D2 reference architecture runs them (d2-fleet clusters/update), driven from one step with the job's token.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { BaseError } from '../errors.ts';
import { compareBytes } from '../oci/order.ts';
import { parseReference } from '../oci/reference.ts';
import type { CredentialFunction } from '../oci/auth.ts';
import { loadAutomationObjects } from './objects.ts';
import { defaultCommitTemplate, renderCommitMessage } from './commit-message.ts';
import { commitMessage, remoteBranchCommit, type GitAuth } from './git.ts';
import type { LatestRef, PolicyOutcome } from './reflect.ts';
import { changesAt } from './changes.ts';
import { settlePullRequest, type PullRequestBody } from './pull-request-flow.ts';
import type { ImageUpdateReport } from './update.ts';

export type ToolName = 'kind' | 'kubectl' | 'flux';

export interface ToolSource {
  version: string;
  url: string;
  sha256: string;
}

// Pinned releases and their SHA-256, as published by each project and recorded by cashapp/hermit-packages
// (kind.hcl, kubectl.hcl, flux.hcl), which computes them from the downloads; kind's also matches its
// .sha256sum. The `tool-sources` input overrides them (mirrors, other versions).
const pinned: Record<string, Record<ToolName, ToolSource>> = {
  x64: {
    kind: {
      version: '0.32.0',
      url: 'https://github.com/kubernetes-sigs/kind/releases/download/v0.32.0/kind-linux-amd64',
      sha256: '50030de23cf40a18505f20426f6a8506bedf13c6e509244bd1fa9463721b0f54',
    },
    kubectl: {
      version: '1.35.2',
      url: 'https://dl.k8s.io/release/v1.35.2/bin/linux/amd64/kubectl',
      sha256: '924eb50779153f20cb668117d141440b95df2f325a64452d78dff9469145e277',
    },
    flux: {
      version: '2.9.4',
      url: 'https://github.com/fluxcd/flux2/releases/download/v2.9.4/flux_2.9.4_linux_amd64.tar.gz',
      sha256: 'c2c397a52930f52d2005c01d276116b059d062de379386d58e98115380a766a2',
    },
  },
  arm64: {
    kind: {
      version: '0.32.0',
      url: 'https://github.com/kubernetes-sigs/kind/releases/download/v0.32.0/kind-linux-arm64',
      sha256: 'b92cd615e97585de8ddade28ed5cd7feb4248d717c233eea5b03c37298900f5d',
    },
    kubectl: {
      version: '1.35.2',
      url: 'https://dl.k8s.io/release/v1.35.2/bin/linux/arm64/kubectl',
      sha256: 'cd859449f54ad2cb05b491c490c13bb836cdd0886ae013c0aed3dd67ff747467',
    },
    flux: {
      version: '2.9.4',
      url: 'https://github.com/fluxcd/flux2/releases/download/v2.9.4/flux_2.9.4_linux_arm64.tar.gz',
      sha256: 'dcab945f8d8658662fa1db93e150a602ba1f91da367a82e099bd65595fc7c62c',
    },
  },
};

/**
 * `TOOL_UNAVAILABLE`: nothing pinned for this platform. `TOOL_CHECKSUM`: a download that is not what its SHA-256
 * says (about `tool-sources`). `TOOL_ARCHIVE`: an archive without its binary. `COMMAND_FAILED`: kind, kubectl or
 * flux failed. `CLUSTER_DELETE_FAILED`: the post step could not delete the cluster.
 */
export type KindEngineErrorCode = 'TOOL_UNAVAILABLE' | 'TOOL_CHECKSUM' | 'TOOL_ARCHIVE' | 'COMMAND_FAILED' | 'CLUSTER_DELETE_FAILED';

export class KindEngineError extends BaseError<KindEngineErrorCode> {
  constructor(code: KindEngineErrorCode, message: string) {
    super(code, message, code === 'TOOL_CHECKSUM' ? { field: 'tool-sources' } : {});
    this.name = 'KindEngineError';
  }
}

/** The pinned tools for this machine, with any overrides. */
export function toolSources(
  overrides: Partial<Record<ToolName, ToolSource>> = {},
  platform = process.platform,
  arch = process.arch,
): Record<ToolName, ToolSource> {
  const base = platform === 'linux' ? pinned[arch] : undefined;
  const tools = { ...base, ...overrides } as Partial<Record<ToolName, ToolSource>>;
  for (const name of ['kind', 'kubectl', 'flux'] as const) {
    if (!tools[name])
      throw new KindEngineError(
        'TOOL_UNAVAILABLE',
        `no pinned ${name} for ${platform}/${arch}; engine: kind runs on Linux runners (x64, arm64), or give tool-sources`,
      );
  }
  return tools as Record<ToolName, ToolSource>;
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Downloads each tool once per runner (the tool cache keeps it across steps on the runner), verifies its SHA-256
 * before anything runs it, and returns the directories to put on PATH.
 */
export async function installTools(
  sources: Record<ToolName, ToolSource>,
  log: (line: string) => void = () => undefined,
): Promise<string[]> {
  const tc = await import('@actions/tool-cache');
  const dirs: string[] = [];
  for (const name of ['kind', 'kubectl', 'flux'] as const) {
    const source = sources[name];
    let dir = tc.find(name, source.version);
    if (!dir || !existsSync(join(dir, name))) {
      log(`downloading ${name} ${source.version} from ${source.url}`);
      const file = await tc.downloadTool(source.url);
      const actual = await sha256(file);
      if (actual !== source.sha256) {
        await rm(file, { force: true });
        throw new KindEngineError(
          'TOOL_CHECKSUM',
          `${name} ${source.version} from ${source.url} has SHA-256 ${actual}, expected ${source.sha256}; refusing to run it`,
        );
      }
      if (source.url.endsWith('.tar.gz') || source.url.endsWith('.tgz')) {
        const extracted = await tc.extractTar(file);
        if (!existsSync(join(extracted, name)))
          throw new KindEngineError('TOOL_ARCHIVE', `${source.url} has no ${name} binary at its root`);
        await chmod(join(extracted, name), 0o755);
        dir = await tc.cacheDir(extracted, name, source.version);
      } else {
        await chmod(file, 0o755);
        dir = await tc.cacheFile(file, name, name, source.version);
      }
    }
    dirs.push(dir);
  }
  return dirs;
}

interface Runner {
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

function exec(runner: Runner, command: string, args: readonly string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: runner.env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (c: Buffer) => out.push(c));
    child.stderr?.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) => reject(new KindEngineError('COMMAND_FAILED', `${command}: ${e.message}`)));
    child.on('close', (code) => {
      const stderr = Buffer.concat(err).toString('utf8').trim();
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else
        reject(
          new KindEngineError(
            'COMMAND_FAILED',
            `${command} ${args.slice(0, 3).join(' ')} failed (exit ${code}): ${stderr.split('\n').slice(-3).join(' ')}`,
          ),
        );
    });
    // A command that exits before reading its input gives EPIPE here; its exit status tells what happened.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

const apply = (runner: Runner, objects: unknown[]): Promise<string> =>
  exec(runner, 'kubectl', ['apply', '-f', '-'], objects.map((o) => stringify(o)).join('---\n'));

export interface KindImageUpdateOptions {
  repo: string;
  /** `owner/repo`, and the server it is on (the cluster clones `<serverUrl>/<repository>.git`). */
  repository: string;
  serverUrl: string;
  token: string;
  policiesPath: string;
  updatePath: string;
  namespace: string;
  base: string;
  branch: string;
  author: { name: string; email: string };
  messageTemplate?: string;
  messageValues?: Record<string, string>;
  /** Credentials for ImageRepositories with a `secretRef` (a docker-registry Secret is created from them). */
  credentials?: CredentialFunction;
  pullRequest?: { apiUrl?: string; labels?: string[]; body: PullRequestBody };
  tools?: Partial<Record<ToolName, ToolSource>>;
  clusterName: string;
  /** Called once the cluster exists, so a post step can delete it whatever happens next. */
  onCluster?: (name: string, path: string) => void;
  onSecret?: (secret: string) => void;
  log?: (line: string) => void;
  /** Controller logs and object status after a failure. */
  onDiagnostics?: (title: string, text: string) => void;
  timeout?: string;
}

/** The ImageRepository and ImagePolicy documents under `dir`, moved into `namespace` (the Kustomization's targetNamespace). */
async function policyDocuments(dir: string, namespace: string): Promise<Record<string, unknown>[]> {
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort(compareBytes);
  const out: Record<string, unknown>[] = [];
  for (const file of entries) {
    for (const doc of parseAllDocuments(await readFile(file, 'utf8'))) {
      const object = doc.toJS() as { kind?: string; metadata?: Record<string, unknown> } | null;
      if (!object || (object.kind !== 'ImageRepository' && object.kind !== 'ImagePolicy')) continue;
      out.push({ ...object, metadata: { ...object.metadata, namespace } });
    }
  }
  return out;
}

/**
 * Runs one image update with Flux's controllers: a Kind cluster with source, kustomize, image-reflector and
 * image-automation controllers; a GitRepository for this repository with the job's token; the repository's
 * policies; an ImageUpdateAutomation (Setters, the update path, the push branch, the message template). It waits
 * for the automation to report, then reads what it pushed and opens or updates the pull request. The cluster is
 * the caller's to delete (`deleteKindCluster`, from a post step).
 */
export async function runKindImageUpdate(options: KindImageUpdateOptions): Promise<ImageUpdateReport> {
  const log = options.log ?? (() => undefined);
  const bins = await installTools(toolSources(options.tools), log);
  const work = await mkdtemp(join(tmpdir(), 'd2ci-kind-'));
  const runner: Runner = {
    env: { ...process.env, PATH: [...bins, process.env.PATH ?? ''].join(delimiter), KUBECONFIG: join(work, 'kubeconfig') },
    log,
  };
  const auth: GitAuth = { token: options.token, onSecret: options.onSecret };
  const ns = options.namespace;
  const name = ns;
  const timeout = options.timeout ?? '5m';
  const before = await remoteBranchCommit({ repo: options.repo, auth, branch: options.branch });
  const objects = await loadAutomationObjects(join(options.repo, options.policiesPath), { namespace: ns });
  try {
    log(`creating Kind cluster ${options.clusterName}`);
    await exec(runner, 'kind', [
      'create',
      'cluster',
      '--name',
      options.clusterName,
      '--kubeconfig',
      join(work, 'kubeconfig'),
      '--wait',
      '120s',
    ]);
    options.onCluster?.(options.clusterName, bins.join(delimiter));
    log('installing Flux: source, kustomize, image-reflector and image-automation controllers');
    await exec(runner, 'flux', [
      'install',
      '--components=source-controller,kustomize-controller',
      '--components-extra=image-reflector-controller,image-automation-controller',
      '--network-policy=false',
    ]);
    // Secrets go through stdin, never through arguments (visible to every process on the runner).
    const secrets: Record<string, unknown>[] = [
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'github-auth', namespace: ns },
        stringData: { username: 'x-access-token', password: options.token },
      },
    ];
    for (const repository of objects.repositories) {
      if (!repository.secretRef || !options.credentials) continue;
      const registry = parseReference(repository.image).registry;
      const credential = await options.credentials(registry);
      if (!credential) continue;
      const auths = { [registry]: { auth: Buffer.from(`${credential.username}:${credential.password}`).toString('base64') } };
      secrets.push({
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'kubernetes.io/dockerconfigjson',
        metadata: { name: repository.secretRef, namespace: ns },
        stringData: { '.dockerconfigjson': JSON.stringify({ auths }) },
      });
    }
    await apply(runner, [...(ns === 'flux-system' ? [] : [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }]), ...secrets]);
    await apply(runner, [
      {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'GitRepository',
        metadata: { name, namespace: ns },
        spec: {
          interval: '1m',
          url: `${options.serverUrl}/${options.repository}.git`,
          ref: { branch: options.base },
          secretRef: { name: 'github-auth' },
        },
      },
      ...(await policyDocuments(join(options.repo, options.policiesPath), ns)),
      {
        apiVersion: 'image.toolkit.fluxcd.io/v1',
        kind: 'ImageUpdateAutomation',
        metadata: { name, namespace: ns },
        spec: {
          interval: '1m',
          sourceRef: { kind: 'GitRepository', name },
          git: {
            checkout: { ref: { branch: options.base } },
            commit: {
              author: options.author,
              messageTemplate: options.messageTemplate || defaultCommitTemplate,
              ...(options.messageValues ? { messageTemplateValues: options.messageValues } : {}),
            },
            push: { branch: options.branch },
          },
          update: { path: options.updatePath, strategy: 'Setters' },
        },
      },
    ]);
    log('waiting for the policies and the automation');
    await exec(runner, 'kubectl', ['-n', ns, 'wait', 'imagepolicies', '--all', '--for=condition=Ready', `--timeout=${timeout}`]);
    await exec(runner, 'kubectl', ['-n', ns, 'wait', `imageupdateautomation/${name}`, '--for=condition=Ready', `--timeout=${timeout}`]);
    const statuses = JSON.parse(await exec(runner, 'kubectl', ['-n', ns, 'get', 'imagepolicies', '-o', 'json'])) as {
      items: { metadata: { name: string }; status?: { latestRef?: LatestRef } }[];
    };
    const latest = new Map(statuses.items.flatMap((i) => (i.status?.latestRef ? [[i.metadata.name, i.status.latestRef] as const] : [])));
    const policies: PolicyOutcome[] = objects.policies.map((policy) => {
      const ref = latest.get(policy.name);
      const repository = objects.repositories.find((r) => r.name === policy.imageRepositoryRef.name);
      return ref && repository
        ? { policy, repository, ok: true, latestRef: ref, tags: 0 }
        : { policy, ok: false, kind: 'registry', error: 'the controller reported no latest image' };
    });
    const after = await remoteBranchCommit({ repo: options.repo, auth, branch: options.branch });
    const updated = Boolean(after && after !== before);
    // What the controller changed: the same setters over what it started from (the branch before, else the base).
    const setterPolicies = policies.flatMap((p) =>
      p.ok ? [{ namespace: p.policy.namespace, name: p.policy.name, latestRef: p.latestRef }] : [],
    );
    const start = await changesAt({
      repo: options.repo,
      auth,
      ref: before ?? options.base,
      branch: before ? undefined : options.base,
      updatePath: options.updatePath,
      policies: setterPolicies,
    });
    const report: ImageUpdateReport = {
      policies,
      result: start.result,
      changes: start.changes,
      files: start.files,
      unresolved: [],
      problems: objects.problems,
      updated,
      diff: '',
    };
    if (updated && after) {
      report.commit = after;
      // git log adds a newline after the message; the controller's template output is the message.
      report.message = (await commitMessage({ repo: options.repo, auth, branch: options.branch, commit: after })).replace(/\n$/, '');
    }
    const pr = options.pullRequest;
    if (pr)
      report.pullRequest = await settlePullRequest({
        target: {
          token: options.token,
          repository: options.repository,
          apiUrl: pr.apiUrl,
          head: options.branch,
          base: options.base,
          labels: pr.labels,
        },
        body: pr.body,
        pushed: updated ? { changes: report.changes, commitMessage: report.message ?? '' } : undefined,
        branchExisted: Boolean(before),
        pending: async () => {
          const pending = await changesAt({
            repo: options.repo,
            auth,
            ref: options.base,
            branch: options.base,
            updatePath: options.updatePath,
            policies: setterPolicies,
          });
          const message = renderCommitMessage(options.messageTemplate || defaultCommitTemplate, {
            automation: { namespace: ns, name },
            result: pending.result,
            values: options.messageValues,
          });
          return { changes: pending.changes, commitMessage: message };
        },
      });
    return report;
  } catch (err) {
    await diagnostics(runner, ns, options.onDiagnostics);
    throw err;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Controller logs and object status, for a failed run's log. */
async function diagnostics(runner: Runner, namespace: string, report: KindImageUpdateOptions['onDiagnostics']): Promise<void> {
  if (!report) return;
  const show = async (title: string, args: string[]): Promise<void> => {
    report(title, await exec(runner, 'kubectl', args).catch((err: unknown) => (err as Error).message));
  };
  await show('Flux objects', ['get', 'gitrepositories,imagerepositories,imagepolicies,imageupdateautomations', '-A', '-o', 'wide']);
  await show(`Events in ${namespace}`, ['-n', namespace, 'get', 'events', '--sort-by=.lastTimestamp']);
  for (const controller of ['source-controller', 'image-reflector-controller', 'image-automation-controller']) {
    await show(`${controller} logs`, ['-n', 'flux-system', 'logs', `deploy/${controller}`, '--tail=200']);
  }
}

/** Deletes a Kind cluster (the post step's work); `path` puts the installed `kind` on PATH. */
export async function deleteKindCluster(name: string, path = ''): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    execFile(
      'kind',
      ['delete', 'cluster', '--name', name],
      { env: { ...process.env, PATH: [path, process.env.PATH ?? ''].filter(Boolean).join(delimiter) } },
      (err, _stdout, stderr) => {
        if (err)
          reject(
            new KindEngineError('CLUSTER_DELETE_FAILED', `kind delete cluster --name ${name} failed: ${stderr.trim() || err.message}`),
          );
        else resolve();
      },
    );
  });
}
