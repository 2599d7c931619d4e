/**
 * Checks GitHub workflow files the way GitHub would reject them, and a little beyond: the workflow schema and
 * reusable-workflow inputs through GitHub's own parser (@actions/workflow-parser), then what the schema cannot
 * see: that every action and reusable workflow a file uses exists, every `with:` key is a declared input,
 * every output an expression reads is declared, and `permissions` grant what signing and pushing need.
 */
import { registerHooks } from 'node:module';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parse } from 'yaml';

// @actions/workflow-parser imports its JSON schemas without `with { type: 'json' }`, which only bundlers accept
// (actions/languageservices#387); Node needs the attribute.
registerHooks({
  load(url, context, nextLoad) {
    if (url.endsWith('.json') && url.includes('workflow-parser') && !context.importAttributes.type) {
      return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } });
    }
    return nextLoad(url, context);
  },
});
const parser = await import('@actions/workflow-parser');
const convert = await import('@actions/workflow-parser/model/convert');
const actionParser = await import('@actions/workflow-parser/actions/index');

export interface Problem {
  file: string;
  message: string;
}

type Yaml = Record<string, unknown>;
type Access = 'read' | 'write';
type Grants = Record<string, Access | 'none'>;
/** Permissions a job needs, scope → level. */
type Needs = Record<string, Access>;

export interface ActionSpec {
  inputs: Record<string, { required?: boolean; default?: unknown }>;
  outputs: Record<string, unknown>;
}

export interface CheckOptions {
  /** The repository root: `d2ci/d2ci/actions/<name>@…` is `actions/<name>/action.yml`, `d2ci/d2ci@…` is `action.yml`. */
  projectRoot: string;
  /** Where the example repositories live; `acme/<name>/.github/workflows/<file>@…` is `<examplesRoot>/<name>/…`. */
  examplesRoot: string;
}

/** Third-party actions the examples may use, with the inputs they declare (upstream action.yml). */
const thirdParty: Record<string, string[]> = {
  'actions/checkout': [
    'repository',
    'ref',
    'token',
    'fetch-depth',
    'path',
    'persist-credentials',
    'submodules',
    'lfs',
    'sparse-checkout',
    'filter',
    'clean',
    'fetch-tags',
  ],
};

const asRecord = (value: unknown): Yaml => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Yaml) : {});
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

export function readYaml(path: string): Yaml {
  return asRecord(parse(readFileSync(path, 'utf8')));
}

/** Every `.github/workflows/*.y(a)ml` below `root`. */
export function findWorkflows(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (!statSync(path).isDirectory()) continue;
      if (entry === 'workflows' && basename(dir) === '.github') {
        for (const file of readdirSync(path)) if (/\.ya?ml$/.test(file)) found.push(join(path, file));
      } else if (entry !== 'node_modules') {
        walk(path);
      }
    }
  };
  walk(root);
  return found.sort();
}

/** The example repository a workflow file belongs to: the directory holding its `.github`. */
function repoOf(workflowFile: string): string {
  return dirname(dirname(dirname(workflowFile)));
}

function actionSpec(file: string): ActionSpec {
  const yaml = readYaml(file);
  return { inputs: asRecord(yaml.inputs) as ActionSpec['inputs'], outputs: asRecord(yaml.outputs) };
}

/** Where a step's `uses:` points: an action.yml of this project or an example repository, or a known third party. */
function resolveAction(uses: string, workflowFile: string, options: CheckOptions): { spec?: ActionSpec; name: string } | string {
  if (uses.startsWith('./')) {
    const dir = join(repoOf(workflowFile), uses);
    const file = ['action.yml', 'action.yaml'].map((f) => join(dir, f)).find((f) => existsSync(f));
    return file ? { spec: actionSpec(file), name: uses } : `uses: ${uses}: no action.yml in ${relative(options.projectRoot, dir)}`;
  }
  const match = /^([^/@]+\/[^/@]+)((?:\/[^@]+)?)@(.+)$/.exec(uses);
  if (!match) return `uses: ${uses}: expected owner/repo[/path]@ref`;
  const [, repo = '', path = '', ref = ''] = match;
  if (repo === 'd2ci/d2ci') {
    const file = join(options.projectRoot, path.slice(1), 'action.yml');
    return existsSync(file)
      ? { spec: actionSpec(file), name: path ? basename(path) : 'd2ci' }
      : `uses: ${uses}: ${relative(options.projectRoot, file)} does not exist`;
  }
  const inputs = thirdParty[`${repo}${path}`];
  if (!inputs) return `uses: ${uses}: not an action this project knows; add it to the checker with its inputs`;
  if (!/^v[0-9]+(\.[0-9]+)*$|^[0-9a-f]{40}$/.test(ref)) return `uses: ${uses}: pin a release (vN) or a commit SHA`;
  return { spec: { inputs: Object.fromEntries(inputs.map((i) => [i, { required: false }])), outputs: {} }, name: `${repo}${path}` };
}

/** Where a job's `uses:` points: a reusable workflow in an example repository. */
function resolveWorkflow(uses: string, workflowFile: string, options: CheckOptions): string {
  if (uses.startsWith('./.github/workflows/')) return join(repoOf(workflowFile), uses);
  const match = /^acme\/([^/]+)\/(\.github\/workflows\/[^@]+)@(.+)$/.exec(uses);
  if (!match) throw new Error(`uses: ${uses}: reusable workflows of the examples are acme/<repo>/.github/workflows/<file>@<ref>`);
  return join(options.examplesRoot, match[1] ?? '', match[2] ?? '');
}

function grants(value: unknown): Grants | undefined {
  if (value === undefined) return undefined;
  if (value === 'write-all' || value === 'read-all') {
    const level = value === 'write-all' ? 'write' : 'read';
    return new Proxy<Grants>({}, { get: () => level });
  }
  return asRecord(value) as Grants;
}

function missing(needs: Needs, granted: Grants | undefined): string[] {
  const out: string[] = [];
  for (const [scope, level] of Object.entries(needs)) {
    const has = granted?.[scope];
    if (has === 'write' || (has === 'read' && level === 'read')) continue;
    out.push(`${scope}: ${level}`);
  }
  return out;
}

const literal = (value: unknown): string | undefined =>
  typeof value === 'string' && !value.includes('${{') ? value : typeof value === 'boolean' ? String(value) : undefined;

/** What a step of ours needs from `permissions`, from the action and its inputs. */
function stepNeeds(action: string, withs: Yaml): Needs {
  const command =
    action === 'd2ci'
      ? (literal(withs.command) ?? 'push')
      : { 'push-artifact': 'push', 'release-artifact': 'release', 'verify-artifact': 'verify', 'image-update-kind': 'image-update' }[
          action
        ];
  if (!command) return {};
  if (command === 'image-update') {
    // Pushes a branch and opens a pull request with the job's token (unless a dry run), and reads GHCR tags.
    const dryRun = literal(withs['dry-run']) === 'true';
    return {
      packages: 'read',
      ...(dryRun ? {} : { contents: 'write', 'pull-requests': 'write' }),
      ...(literal(withs.provider) && literal(withs.provider) !== 'generic' ? { 'id-token': 'write' } : {}),
    };
  }
  const provider = literal(withs.provider);
  const cloud = provider !== undefined && provider !== 'generic';
  const needs: Needs = {};
  if (cloud) needs['id-token'] = 'write';
  if (command === 'verify') {
    if (!cloud) needs.packages = 'read';
    return needs;
  }
  const planOnly = command === 'push' && literal(withs.plan) === 'true';
  if (!cloud) needs.packages = planOnly ? 'read' : 'write';
  // Keyless (Sigstore) signing needs the job's OIDC token; a key or Notation's X.509 key does not.
  const signs =
    !planOnly && literal(withs.sign) !== 'false' && withs['signing-key'] === undefined && literal(withs['signature-format']) !== 'notation';
  if (signs) needs['id-token'] = 'write';
  return needs;
}

function merge(into: Needs, more: Needs): void {
  for (const [scope, level] of Object.entries(more)) if (into[scope] !== 'write') into[scope] = level;
}

/** Expressions in a value: `${{ … }}` bodies, and the whole of `if:` conditions (which may omit the braces). */
function expressions(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    const found = [...value.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => m[1] ?? '');
    return key === 'if' && found.length === 0 ? [value] : found;
  }
  if (Array.isArray(value)) return value.flatMap((v) => expressions(v));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => expressions(v, k));
  return [];
}

const references = (exprs: string[], kind: 'steps' | 'needs' | 'jobs'): [string, string][] =>
  exprs.flatMap((e) =>
    [...e.matchAll(new RegExp(`\\b${kind}\\.([A-Za-z_][\\w-]*)\\.outputs\\.([A-Za-z_][\\w-]*)`, 'g'))].map((m): [string, string] => [
      m[1] ?? '',
      m[2] ?? '',
    ]),
  );

/** Outputs a reusable workflow declares. */
function workflowOutputs(file: string): Yaml {
  return asRecord(asRecord(asRecord(readYaml(file).on).workflow_call).outputs);
}

/** Every permission the jobs of a reusable workflow (and the workflows they call) need. */
export function workflowNeeds(file: string, options: CheckOptions, seen = new Set<string>()): Needs {
  const needs: Needs = {};
  if (seen.has(file)) return needs;
  seen.add(file);
  for (const job of Object.values(asRecord(readYaml(file).jobs)).map(asRecord)) {
    if (typeof job.uses === 'string') {
      merge(needs, workflowNeeds(resolveWorkflow(job.uses, file, options), options, seen));
      continue;
    }
    for (const step of (Array.isArray(job.steps) ? job.steps : []).map(asRecord)) {
      if (typeof step.uses !== 'string') continue;
      const resolved = resolveAction(step.uses, file, options);
      if (typeof resolved !== 'string') merge(needs, stepNeeds(resolved.name, asRecord(step.with)));
    }
  }
  return needs;
}

/** Schema and reusable-workflow input errors, from GitHub's parser. */
async function schemaProblems(file: string, options: CheckOptions): Promise<string[]> {
  const parsed = parser.parseWorkflow({ name: basename(file), content: readFileSync(file, 'utf8') }, new parser.NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (errors.length || !parsed.value) return errors;
  const fileProvider = {
    getFileContent: (ref: { repository?: string; owner?: string; path: string; version?: string }) => {
      const uses = ref.owner ? `${ref.owner}/${ref.repository ?? ''}/${ref.path}@${ref.version ?? ''}` : `./${ref.path}`;
      const path = resolveWorkflow(uses, file, options);
      if (!existsSync(path)) return Promise.reject(new Error(`uses: ${uses}: ${relative(options.projectRoot, path)} does not exist`));
      return Promise.resolve({ name: basename(path), content: readFileSync(path, 'utf8') });
    },
  };
  const template = await convert.convertWorkflowTemplate(parsed.context, parsed.value, fileProvider, {
    fetchReusableWorkflowDepth: 1,
    errorPolicy: convert.ErrorPolicy.TryConversion,
  });
  return (template.errors ?? []).map((e) => e.Message);
}

/** Everything wrong with one workflow file; empty when GitHub would run it as the examples intend. */
export async function checkWorkflow(file: string, options: CheckOptions): Promise<Problem[]> {
  const problems: Problem[] = [];
  const report = (message: string): void => void problems.push({ file: relative(options.projectRoot, file), message });
  for (const message of await schemaProblems(file, options)) report(message);
  if (problems.length) return problems;

  const workflow = readYaml(file);
  const on = asRecord(workflow.on);
  const declaredInputs = new Set([
    ...Object.keys(asRecord(asRecord(on.workflow_call).inputs)),
    ...Object.keys(asRecord(asRecord(on.workflow_dispatch).inputs)),
  ]);
  const jobs = asRecord(workflow.jobs);
  const workflowPermissions = grants(workflow.permissions);

  const jobOutputs = (id: string): Set<string> | undefined => {
    const job = jobs[id];
    if (!job) return undefined;
    const uses = asRecord(job).uses;
    if (typeof uses === 'string') {
      const path = resolveWorkflow(uses, file, options);
      return existsSync(path) ? new Set(Object.keys(workflowOutputs(path))) : new Set();
    }
    return new Set(Object.keys(asRecord(asRecord(job).outputs)));
  };

  for (const [id, body] of Object.entries(jobs)) {
    const job = asRecord(body);
    const where = `job ${id}`;
    const granted = grants(job.permissions) ?? workflowPermissions;
    const needsList = asList(job.needs);
    for (const [needed, output] of references(expressions(job), 'needs')) {
      if (!needsList.includes(needed)) report(`${where}: reads needs.${needed}.outputs.${output} but does not list ${needed} in needs`);
      else if (!jobOutputs(needed)?.has(output)) report(`${where}: job ${needed} has no output ${output}`);
    }
    for (const expr of expressions(job)) {
      for (const m of expr.matchAll(/\binputs\.([A-Za-z_][\w-]*)/g))
        if (!declaredInputs.has(m[1] ?? '')) report(`${where}: reads inputs.${m[1]}, which the workflow does not declare`);
    }

    if (typeof job.uses === 'string') {
      let called: string;
      try {
        called = resolveWorkflow(job.uses, file, options);
      } catch (err) {
        report(`${where}: ${(err as Error).message}`);
        continue;
      }
      if (!existsSync(called)) {
        report(`${where}: uses: ${job.uses}: ${relative(options.projectRoot, called)} does not exist`);
        continue;
      }
      const lacking = missing(workflowNeeds(called, options), granted);
      if (lacking.length)
        report(`${where}: calls ${basename(called)}, whose jobs need ${lacking.join(', ')}; grant it in the calling job's permissions`);
      continue;
    }

    const steps = (Array.isArray(job.steps) ? job.steps : []).map(asRecord);
    const stepOutputs = new Map<string, { outputs: Set<string> | 'run'; run?: string }>();
    const jobNeeds: Needs = {};
    steps.forEach((step, index) => {
      const label = `${where}, step ${typeof step.id === 'string' ? step.id : index + 1}`;
      // A step reads outputs of the steps before it.
      for (const [stepId, output] of references(expressions(step), 'steps')) {
        const earlier = stepOutputs.get(stepId);
        if (!earlier) report(`${label}: reads steps.${stepId}.outputs.${output}, but no earlier step has id ${stepId}`);
        else if (earlier.outputs === 'run' ? !new RegExp(`\\b${output}=`).test(earlier.run ?? '') : !earlier.outputs.has(output))
          report(`${label}: step ${stepId} has no output ${output}`);
      }
      if (typeof step.uses === 'string') {
        const resolved = resolveAction(step.uses, file, options);
        if (typeof resolved === 'string') {
          report(`${label}: ${resolved}`);
          return;
        }
        const withs = asRecord(step.with);
        const spec = resolved.spec ?? { inputs: {}, outputs: {} };
        for (const key of Object.keys(withs)) if (!(key in spec.inputs)) report(`${label}: ${resolved.name} has no input "${key}"`);
        for (const [name, input] of Object.entries(spec.inputs))
          if (input.required && input.default === undefined && !(name in withs))
            report(`${label}: ${resolved.name} requires input "${name}"`);
        if (resolved.name === 'd2ci') {
          const command = literal(withs.command);
          const valid =
            String((asRecord(spec.inputs.command) as { description?: string }).description ?? '')
              .match(/`[a-z-]+`/g)
              ?.map((c) => c.slice(1, -1)) ?? [];
          if (command !== undefined && !valid.includes(command)) report(`${label}: command "${command}" is not one of ${valid.join(', ')}`);
        }
        merge(jobNeeds, stepNeeds(resolved.name, withs));
        if (typeof step.id === 'string') stepOutputs.set(step.id, { outputs: new Set(Object.keys(spec.outputs)) });
      } else if (typeof step.id === 'string') {
        stepOutputs.set(step.id, {
          outputs: 'run',
          run: typeof step.run === 'string' && step.run.includes('GITHUB_OUTPUT') ? step.run : '',
        });
      }
    });
    // Job outputs may read any step.
    for (const [stepId, output] of references(expressions(job.outputs), 'steps')) {
      const step = stepOutputs.get(stepId);
      if (!step) report(`${where}: output reads steps.${stepId}.outputs.${output}, but no step has id ${stepId}`);
      else if (step.outputs !== 'run' && !step.outputs.has(output)) report(`${where}: step ${stepId} has no output ${output}`);
    }
    const lacking = missing(jobNeeds, granted);
    if (lacking.length)
      report(
        `${where}: needs permissions ${lacking.join(', ')} (signing needs id-token: write; pushing to GHCR packages: write; image-update contents: write and pull-requests: write)`,
      );
  }

  for (const [name, output] of Object.entries(asRecord(asRecord(on.workflow_call).outputs))) {
    for (const [jobId, jobOutput] of references(expressions(output), 'jobs')) {
      if (!jobOutputs(jobId)?.has(jobOutput)) report(`output ${name}: job ${jobId} has no output ${jobOutput}`);
    }
  }
  return problems;
}

/** Schema errors of an action.yml, from GitHub's parser. */
export function checkActionFile(file: string): string[] {
  const parsed = actionParser.parseAction(
    { name: basename(file), content: readFileSync(file, 'utf8') },
    new parser.NoOperationTraceWriter(),
  );
  return parsed.context.errors.getErrors().map((e) => e.message);
}
