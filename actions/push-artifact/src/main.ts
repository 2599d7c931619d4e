import {
  ArtifactPathError,
  ProtectedTagError,
  OciError,
  UnpackableNameError,
  attachDocuments,
  childLocation,
  createBundleSigner,
  generateSbom,
  readDocument,
  type ArtifactDocument,
  type BundleSigner,
  type Descriptor,
  UntaggedSigningError,
  findComponents,
  locationName,
  networkErrorCode,
  openTarget,
  planComponents,
  pushArtifact,
  pushComponents,
  signEachBeforeTagging,
  signNotationBeforeTagging,
  withAuthHint,
  type Component,
  type CredentialFunction,
  type Location,
  type PushArtifactResult,
  type RegistryClient,
  type SignResult,
  type Target,
} from '@d2ci/core';
import { InputError, cell, inputError, formatBytes, registrySession, runner as core, shortDigest } from '@d2ci/action-kit';
import type { Inputs } from './inputs.ts';

/** Turns what went wrong into the one line a user needs: the input to fix, or the permission to add. */
async function explain(
  err: unknown,
  inputs: Inputs,
  location: Location,
  credentials: CredentialFunction,
  pathInput = inputs.pathInput,
): Promise<unknown> {
  if (err instanceof UntaggedSigningError) return err;
  if (err instanceof ProtectedTagError)
    return new InputError(inputs.diffTag === err.tag ? 'diff-tag' : 'tags', `${err.message.replace(/, or name it in --force$/, '')}`);
  if (err instanceof ArtifactPathError) {
    const name = inputs.components ? 'components' : 'path';
    // A name Flux's Untar refuses is fixed by renaming or ignoring it, whatever the name says (even "symlink").
    const symlink = !(err instanceof UnpackableNameError) && /symlink/.test(err.message);
    return new InputError(
      name,
      `${err.message.replace(/^path "[^"]*" /, `"${pathInput}" `)}; check \`${name}\`${symlink ? ' (or leave `resolve-symlinks` off)' : ' and `ignore-paths`'}`,
    );
  }
  if (err instanceof OciError && err.code === 'NETWORK' && networkErrorCode(err.cause) === 'ENOTFOUND')
    return new InputError('repository', `${err.message} in "${inputs.repository}"`);
  if (location.kind === 'registry') {
    const { registry, repository } = location.reference;
    return withAuthHint(err, {
      registry,
      repository,
      hasCredentials: (await credentials(registry).catch(() => undefined)) !== undefined,
      vocabulary: 'action',
      provider: inputs.registry.provider,
    });
  }
  return err;
}

function pushOptions(inputs: Inputs) {
  return {
    tags: inputs.tags,
    diffTag: inputs.diffTag,
    ignorePaths: inputs.ignorePaths,
    sourceIgnore: inputs.sourceIgnore,
    resolveSymlinks: inputs.resolveSymlinks,
    source: inputs.source,
    revision: inputs.revision,
    reproducible: inputs.reproducible,
    annotations: inputs.annotations,
    tempDir: inputs.context.runnerTemp,
  };
}

type Attached = Awaited<ReturnType<typeof attachDocuments>>;

/** Signing for one artifact or many, whichever format: a step per artifact (keyed by name) and what it signed. */
interface Signing {
  step: (target: Target, key: string) => (descriptor: Descriptor) => Promise<void>;
  result: (key: string) => SignResult | undefined;
  /** The Sigstore signer, shared with attestations so one certificate covers everything. */
  bundleSigner?: BundleSigner;
}

async function prepareSigning(inputs: Inputs): Promise<Signing | undefined> {
  const signing = inputs.signing;
  if (!signing) return undefined;
  if (signing.kind === 'notation') {
    const signer = await signing.signer;
    const steps = new Map<string, ReturnType<typeof signNotationBeforeTagging>>();
    return {
      step: (target, key) => {
        const step = signNotationBeforeTagging(target, signer);
        steps.set(key, step);
        return step.beforeTag;
      },
      result: (key) => steps.get(key)?.result(),
    };
  }
  const bundleSigner = await createBundleSigner(signing.identity);
  const each = await signEachBeforeTagging({ identity: signing.identity, format: signing.format, signer: bundleSigner });
  return { step: each.beforeTag, result: each.result, bundleSigner };
}

/** The user's documents, read and recognised before anything is pushed. */
async function userDocuments(inputs: Inputs): Promise<ArtifactDocument[]> {
  try {
    return await Promise.all(inputs.documents.files.map((file) => readDocument(file)));
  } catch (err) {
    throw inputError(err) ?? err;
  }
}

/** The step that attaches the documents (after signing, before the tags move), and what it attached. */
function documentsStep(
  inputs: Inputs,
  target: Target,
  path: string,
  files: readonly ArtifactDocument[],
  signer: BundleSigner | undefined,
): { run: (descriptor: Descriptor) => Promise<void>; attached: () => Attached } {
  let attached: Attached = [];
  return {
    run: async (descriptor) => {
      const generated = inputs.documents.sbom
        ? [
            await generateSbom(
              path,
              inputs.documents.sbom,
              { repository: target.name, digest: descriptor.digest, source: inputs.source, revision: inputs.revision },
              { ignorePaths: inputs.ignorePaths, sourceIgnore: inputs.sourceIgnore, resolveSymlinks: inputs.resolveSymlinks },
            ),
          ]
        : [];
      const attest =
        inputs.documents.attest && inputs.signing?.kind === 'cosign' ? { identity: inputs.signing.identity, signer } : undefined;
      attached = await attachDocuments(target, descriptor, [...generated, ...files], { attest });
    },
    attached: () => attached,
  };
}

function referrersOutput(attached: Attached): string {
  return JSON.stringify(
    attached.map((a) => ({
      format: a.format,
      mediaType: a.mediaType,
      source: a.source,
      digest: a.referrer.digest,
      attestation: a.attestation?.digest ?? '',
    })),
  );
}

function signatureCell(signed: SignResult | undefined, pushed: boolean, format: string | undefined): string {
  if (signed)
    return `${format} signature by \`${cell(signed.identity)}\`${signed.rekorLogIndex ? ` (Rekor #${signed.rekorLogIndex})` : ''}`;
  return pushed ? 'not signed (`sign: false`)' : 'already signed when pushed';
}

async function pushOne(inputs: Inputs, client: RegistryClient, credentials: CredentialFunction): Promise<void> {
  const target = openTarget(inputs.location, client);
  const name = locationName(inputs.location);
  const files = await userDocuments(inputs);
  const signing = await prepareSigning(inputs);
  const sign = signing?.step(target, name);
  const documents =
    inputs.documents.sbom || files.length ? documentsStep(inputs, target, inputs.path, files, signing?.bundleSigner) : undefined;
  // Only when there is something to do before the tags move: without it the manifest is stored by tag directly.
  const beforeTag =
    sign || documents
      ? async (descriptor: Descriptor): Promise<void> => {
          await sign?.(descriptor);
          await documents?.run(descriptor);
        }
      : undefined;
  let result: PushArtifactResult;
  try {
    result = await pushArtifact({ ...pushOptions(inputs), path: inputs.path, target, beforeTag });
  } catch (err) {
    throw await explain(err, inputs, inputs.location, credentials);
  }
  const digest = result.descriptor.digest;
  const tags = result.tags.map((t) => t.tag);
  const signed = signing?.result(name);
  core.info(
    `Packed ${result.layer.files} files from ${inputs.pathInput}: ${formatBytes(result.layer.size)} (layer ${result.layer.digest})`,
  );
  if (result.pushed) {
    const uploaded = result.blobs.filter((b) => b.result !== 'exists');
    core.info(`Pushed ${name}@${digest} (${result.reason}; ${uploaded.length} of ${result.blobs.length} blobs uploaded)`);
  } else {
    core.info(`Not pushed: ${result.reason} (${name}@${digest})`);
  }
  if (signed)
    core.info(
      `Signed as ${signed.identity} (${inputs.signing?.format}): ${signed.signatureRef}${signed.rekorLogIndex ? `, Rekor log index ${signed.rekorLogIndex}` : ''}`,
    );
  const attached = documents?.attached() ?? [];
  for (const a of attached)
    core.info(
      `Attached ${a.source === 'generated' ? `a generated ${a.format} SBOM` : `${a.source} (${a.format})`}: ${name}@${a.referrer.digest}${a.attestation ? `, attested: ${name}@${a.attestation.digest}` : ''}`,
    );
  for (const t of result.tags) core.info(`${t.changed ? 'Tagged' : 'Already tagged'} ${name}:${t.tag}`);

  core.setOutput('pushed', String(result.pushed));
  // As the D2 push action: digests only for a new push, so `if: steps.push.outputs.pushed` signs exactly that.
  core.setOutput('digest', result.pushed ? digest : '');
  core.setOutput('digest-url', result.pushed ? `${name}@${digest}` : '');
  core.setOutput('tags', JSON.stringify(tags));
  core.setOutput('signature-ref', signed?.signatureRef ?? '');
  core.setOutput('rekor-log-index', signed?.rekorLogIndex ?? '');
  core.setOutput('referrers', referrersOutput(attached));

  const uploadedBytes = result.blobs.filter((b) => b.result === 'uploaded').reduce((sum, b) => sum + b.descriptor.size, 0);
  core.appendSummary(
    [
      '### Flux artifact',
      '',
      '| Repository | Tags | Digest | Size | Result | Signature |',
      '|---|---|---|---|---|---|',
      `| ${cell(name)} | ${cell(tags.join(', '))} | \`${shortDigest(digest)}\` | ${formatBytes(result.layer.size)} (${result.layer.files} files) | ${result.pushed ? 'pushed' : 'skipped'}: ${cell(result.reason)} | ${signatureCell(signed, result.pushed, inputs.signing?.format)} |`,
      '',
      result.pushed
        ? `Uploaded ${formatBytes(uploadedBytes)}; ${result.blobs.filter((b) => b.result === 'exists').length} blob(s) were already there.`
        : '',
      ...(attached.length
        ? [
            '',
            `Attached: ${attached.map((a) => `${a.source === 'generated' ? `${a.format} SBOM (generated)` : `${cell(a.source)} (${a.format})`}${a.attestation ? ', attested' : ''}`).join('; ')}.`,
          ]
        : []),
    ].join('\n'),
  );
}

/** `<repository>/<name>` for a component. */
function componentLocation(base: Location, component: Component): Location {
  return childLocation(base, component.name);
}

async function components(inputs: Inputs, credentials: CredentialFunction): Promise<Component[]> {
  try {
    return await findComponents(inputs.context.workspace, inputs.components ?? '');
  } catch (err) {
    throw await explain(err, inputs, inputs.location, credentials, inputs.components);
  }
}

async function pushMany(inputs: Inputs, client: RegistryClient, credentials: CredentialFunction): Promise<void> {
  const found = await components(inputs, credentials);
  const open = (component: Component): Target => openTarget(componentLocation(inputs.location, component), client);
  const signatures = await prepareSigning(inputs);
  const documents = new Map<string, ReturnType<typeof documentsStep>>();
  const outcomes = await pushComponents(found, {
    ...pushOptions(inputs),
    open,
    concurrency: inputs.concurrency,
    beforeTag:
      signatures || inputs.documents.sbom
        ? (target, component) => {
            const sign = signatures?.step(target, component.name);
            const attach = inputs.documents.sbom ? documentsStep(inputs, target, component.path, [], signatures?.bundleSigner) : undefined;
            if (attach) documents.set(component.name, attach);
            return async (descriptor) => {
              await sign?.(descriptor);
              await attach?.run(descriptor);
            };
          }
        : undefined,
  });
  const rows = [];
  const report = [];
  const failures: string[] = [];
  for (const outcome of outcomes) {
    const { component, target } = outcome;
    if (!outcome.ok) {
      const err = (await explain(
        outcome.error,
        inputs,
        componentLocation(inputs.location, component),
        credentials,
        component.relative,
      )) as Error;
      failures.push(`${component.name}: ${err.message}`);
      report.push({ name: component.name, repository: target, pushed: false, error: err.message });
      rows.push(`| ${cell(component.name)} | ${cell(target)} | — | — | — | ❌ ${cell(err.message)} | — |`);
      core.error(`${component.name}: ${err.message}`);
      continue;
    }
    const result = outcome.result;
    const digest = result.descriptor.digest;
    const signed = signatures?.result(component.name);
    const tags = result.tags.map((t) => t.tag);
    core.info(
      `${component.name}: ${result.pushed ? `pushed ${target}@${digest}` : `unchanged (${result.reason})`}${signed ? `, signed as ${signed.identity}` : ''}`,
    );
    const attached = documents.get(component.name)?.attached() ?? [];
    report.push({
      name: component.name,
      repository: target,
      pushed: result.pushed,
      digest: result.pushed ? digest : '',
      'digest-url': result.pushed ? `${target}@${digest}` : '',
      tags,
      'signature-ref': signed?.signatureRef ?? '',
      referrers: attached.map((a) => ({ format: a.format, digest: a.referrer.digest, attestation: a.attestation?.digest ?? '' })),
    });
    rows.push(
      `| ${cell(component.name)} | ${cell(target)} | ${cell(tags.join(', '))} | \`${shortDigest(digest)}\` | ${formatBytes(result.layer.size)} | ${result.pushed ? 'pushed' : 'skipped'}: ${cell(result.reason)} | ${signatureCell(signed, result.pushed, inputs.signing?.format)} |`,
    );
  }
  core.setOutput('components', JSON.stringify(report));
  core.setOutput('pushed', String(report.some((r) => r.pushed)));
  core.setOutput('digest', '');
  core.setOutput('digest-url', '');
  core.setOutput('tags', JSON.stringify([...new Set(report.flatMap((r) => ('tags' in r ? r.tags : [])))]));
  core.setOutput('signature-ref', '');
  core.setOutput('rekor-log-index', '');
  core.setOutput('referrers', '[]');
  core.appendSummary(
    [
      `### Flux artifacts: ${found.length} components (${report.filter((r) => r.pushed).length} pushed, ${failures.length} failed)`,
      '',
      '| Component | Repository | Tags | Digest | Size | Result | Signature |',
      '|---|---|---|---|---|---|---|',
      ...rows,
    ].join('\n'),
  );
  if (failures.length)
    throw new Error(`${failures.length} of ${found.length} components failed (the others are complete): ${failures.join('; ')}`);
}

async function planMany(inputs: Inputs, client: RegistryClient, credentials: CredentialFunction): Promise<void> {
  const found = await components(inputs, credentials);
  const reference = inputs.diffTag ?? 'latest';
  const outcomes = await planComponents(found, {
    open: (component) => openTarget(componentLocation(inputs.location, component), client),
    reference,
    ignorePaths: inputs.ignorePaths,
    sourceIgnore: inputs.sourceIgnore,
    resolveSymlinks: inputs.resolveSymlinks,
    concurrency: inputs.concurrency,
  });
  const failed = outcomes.filter((o) => !o.ok);
  if (failed.length) {
    const messages = await Promise.all(
      failed.map(
        async (o) =>
          `${o.component.name}: ${((await explain(o.ok ? undefined : o.error, inputs, componentLocation(inputs.location, o.component), credentials, o.component.relative)) as Error).message}`,
      ),
    );
    throw new Error(`could not compare ${failed.length} of ${found.length} components with ${reference}: ${messages.join('; ')}`);
  }
  const changed = outcomes.filter((o) => o.ok && !o.result.identical);
  const include = changed.map((o) => ({ component: o.component.name, path: o.component.relative, repository: o.target }));
  core.setOutput('matrix', JSON.stringify({ include }));
  core.setOutput('changed', JSON.stringify(include.map((i) => i.component)));
  core.setOutput('pushed', 'false');
  core.info(
    `${changed.length} of ${found.length} components differ from ${reference}: ${include.map((i) => i.component).join(', ') || '(none)'}`,
  );
  core.appendSummary(
    [
      `### Plan: ${changed.length} of ${found.length} components changed since \`${reference}\``,
      '',
      '| Component | Repository | Changed |',
      '|---|---|---|',
      ...outcomes.map(
        (o) =>
          `| ${cell(o.component.name)} | ${cell(o.target)} | ${o.ok && !o.result.identical ? `yes: ${cell(o.result.reason)}` : 'no'} |`,
      ),
    ].join('\n'),
  );
}

export async function run(inputs: Inputs): Promise<void> {
  const { client, credentials } = registrySession(inputs.registry, inputs.context, inputs.location);
  if (!inputs.components) return pushOne(inputs, client, credentials);
  return inputs.plan ? planMany(inputs, client, credentials) : pushMany(inputs, client, credentials);
}
