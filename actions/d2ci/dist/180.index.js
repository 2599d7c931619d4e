export const id = 180;
export const ids = [180];
export const modules = {

/***/ 39180:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ../../packages/core/src/sign/sign.ts
var sign = __webpack_require__(4756);
// EXTERNAL MODULE: ../../packages/core/src/artifact/tag-guard.ts
var tag_guard = __webpack_require__(84166);
// EXTERNAL MODULE: ../../packages/core/src/artifact/walk.ts + 1 modules
var walk = __webpack_require__(92998);
// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __webpack_require__(48706);
// EXTERNAL MODULE: ../../packages/core/src/oci/http.ts + 1 modules
var http = __webpack_require__(71737);
// EXTERNAL MODULE: ../../packages/core/src/auth/hints.ts
var hints = __webpack_require__(8012);
// EXTERNAL MODULE: ../../packages/core/src/sign/signer.ts + 1 modules
var signer = __webpack_require__(30814);
// EXTERNAL MODULE: ../../packages/core/src/artifact/documents.ts + 1 modules
var documents = __webpack_require__(97906);
// EXTERNAL MODULE: ../../packages/core/src/artifact/sbom.ts
var sbom = __webpack_require__(28085);
// EXTERNAL MODULE: ../../packages/core/src/oci/open.ts + 2 modules
var oci_open = __webpack_require__(17877);
// EXTERNAL MODULE: ../../packages/core/src/artifact/push.ts + 1 modules
var artifact_push = __webpack_require__(2782);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../../packages/core/src/oci/concurrency.ts
var oci_concurrency = __webpack_require__(81434);
// EXTERNAL MODULE: ../../packages/core/src/oci/order.ts
var order = __webpack_require__(38085);
// EXTERNAL MODULE: ../../packages/core/src/artifact/build.ts + 1 modules
var build = __webpack_require__(58712);
// EXTERNAL MODULE: ../../packages/core/src/artifact/layer.ts
var artifact_layer = __webpack_require__(69627);
;// CONCATENATED MODULE: ../../packages/core/src/artifact/diff.ts



/** Compares a local tree with an artifact's content layer, without downloading the layer. */
async function diffArtifact(options) {
    const [local, fetched] = await Promise.all([(0,build/* hashLayer */.UG)(options), (0,artifact_push/* fetchIfExists */._)(options.target, options.reference)]);
    if (!fetched)
        return { identical: false, reason: `${options.reference} not found in ${options.target.name}`, local };
    // The same layer pull extracts (layer.ts): an ambiguous artifact is refused, not compared with a decoy.
    const layer = (0,artifact_layer/* contentLayer */.DO)(fetched, options.reference, options.layerMediaType);
    const remote = { digest: layer.digest, size: layer.size, manifestDigest: fetched.descriptor.digest };
    const identical = layer.digest === local.digest && layer.size === local.size;
    return {
        identical,
        reason: identical ? 'no changes detected' : 'the remote artifact contents differs from the local one',
        local,
        remote,
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/artifact/components.ts







const componentName = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
/**
 * The directories a glob such as `components/*` matches under `root`, sorted by name. Each name must be a valid
 * OCI repository path element (it becomes `<repository>/<name>`); files are ignored.
 */
async function findComponents(root, pattern) {
    const found = [];
    for await (const entry of (0,promises_.glob)(pattern, { cwd: root, withFileTypes: true })) {
        if (!entry.isDirectory())
            continue;
        const path = (0,external_node_path_.join)(entry.parentPath, entry.name);
        found.push({ name: entry.name, path, relative: (0,external_node_path_.relative)(root, path).split('\\').join('/') });
    }
    if (found.length === 0)
        throw new walk/* ArtifactPathError */.uR(`"${pattern}" matches no directory`);
    const bad = found.filter((c) => !componentName.test(c.name)).map((c) => c.relative);
    if (bad.length)
        throw new walk/* ArtifactPathError */.uR(`component directories must be lowercase repository names (letters, digits, ".", "_", "-"): ${bad.join(', ')}`);
    const names = new Map();
    for (const c of found) {
        const other = names.get(c.name);
        if (other)
            throw new walk/* ArtifactPathError */.uR(`"${pattern}" matches two directories named ${c.name} (${other}, ${c.relative}); each becomes <repository>/${c.name}`);
        names.set(c.name, c.relative);
    }
    return found.sort((a, b) => (0,order/* compareBytes */.X)(a.name, b.name));
}
function report(component, target, outcome) {
    return outcome.ok
        ? { component, target: target.name, ok: true, result: outcome.value }
        : { component, target: target.name, ok: false, error: outcome.error };
}
/**
 * Pushes every component, several at a time. Each is independent and complete on its own (blobs, manifest,
 * signature, then tags); one failing stops none of the others, and every outcome is reported.
 */
async function pushComponents(components, options) {
    const { open, beforeTag, concurrency, ...push } = options;
    const targets = components.map(open);
    const outcomes = await (0,oci_concurrency/* settleLimit */.X)(components, concurrency ?? 6, (component, i) => {
        const target = targets[i];
        return (0,artifact_push/* pushArtifact */.X)({ ...push, path: component.path, target, beforeTag: beforeTag?.(target, component) });
    });
    return outcomes.map((outcome, i) => report(components[i], targets[i], outcome));
}
/** Which components differ from what `reference` (e.g. `latest`) holds: the fan-out plan for a CI matrix. */
async function planComponents(components, options) {
    const { open, reference, concurrency, ...walk } = options;
    const targets = components.map(open);
    const outcomes = await (0,oci_concurrency/* settleLimit */.X)(components, concurrency ?? 8, (component, i) => diffArtifact({ ...walk, path: component.path, target: targets[i], reference }));
    return outcomes.map((outcome, i) => report(components[i], targets[i], outcome));
}

// EXTERNAL MODULE: ../../packages/action-kit/src/index.ts + 26 modules
var src = __webpack_require__(73044);
;// CONCATENATED MODULE: ../push-artifact/src/main.ts


/** Turns what went wrong into the one line a user needs: the input to fix, or the permission to add. */
async function explain(err, inputs, location, credentials, pathInput = inputs.pathInput) {
    if (err instanceof sign/* UntaggedSigningError */.tu)
        return err;
    if (err instanceof tag_guard/* ProtectedTagError */.Fp)
        return new src/* InputError */.dz(inputs.diffTag === err.tag ? 'diff-tag' : 'tags', `${err.message.replace(/, or name it in --force$/, '')}`);
    if (err instanceof walk/* ArtifactPathError */.uR) {
        const name = inputs.components ? 'components' : 'path';
        // A name Flux's Untar refuses is fixed by renaming or ignoring it, whatever the name says (even "symlink").
        const symlink = !(err instanceof walk/* UnpackableNameError */.sY) && /symlink/.test(err.message);
        return new src/* InputError */.dz(name, `${err.message.replace(/^path "[^"]*" /, `"${pathInput}" `)}; check \`${name}\`${symlink ? ' (or leave `resolve-symlinks` off)' : ' and `ignore-paths`'}`);
    }
    if (err instanceof errors/* OciError */.Mf && err.code === 'NETWORK' && (0,http/* networkErrorCode */.a0)(err.cause) === 'ENOTFOUND')
        return new src/* InputError */.dz('repository', `${err.message} in "${inputs.repository}"`);
    if (location.kind === 'registry') {
        const { registry, repository } = location.reference;
        return (0,hints/* withAuthHint */.s)(err, {
            registry,
            repository,
            hasCredentials: (await credentials(registry).catch(() => undefined)) !== undefined,
            vocabulary: 'action',
            provider: inputs.registry.provider,
        });
    }
    return err;
}
function pushOptions(inputs) {
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
async function prepareSigning(inputs) {
    const signing = inputs.signing;
    if (!signing)
        return undefined;
    if (signing.kind === 'notation') {
        const signer = await signing.signer;
        const steps = new Map();
        return {
            step: (target, key) => {
                const step = (0,sign/* signNotationBeforeTagging */.wh)(target, signer);
                steps.set(key, step);
                return step.beforeTag;
            },
            result: (key) => steps.get(key)?.result(),
        };
    }
    const bundleSigner = await (0,signer/* createBundleSigner */.B5)(signing.identity);
    const each = await (0,sign/* signEachBeforeTagging */.pS)({ identity: signing.identity, format: signing.format, signer: bundleSigner });
    return { step: each.beforeTag, result: each.result, bundleSigner };
}
/** The user's documents, read and recognised before anything is pushed. */
async function userDocuments(inputs) {
    try {
        return await Promise.all(inputs.documents.files.map((file) => (0,documents/* readDocument */.u0)(file)));
    }
    catch (err) {
        if (err instanceof sbom/* SbomError */.SP)
            throw new src/* InputError */.dz('attach', err.message);
        throw err;
    }
}
/** The step that attaches the documents (after signing, before the tags move), and what it attached. */
function documentsStep(inputs, target, path, files, signer) {
    let attached = [];
    return {
        run: async (descriptor) => {
            const generated = inputs.documents.sbom
                ? [
                    await (0,documents/* generateSbom */.N3)(path, inputs.documents.sbom, { repository: target.name, digest: descriptor.digest, source: inputs.source, revision: inputs.revision }, { ignorePaths: inputs.ignorePaths, sourceIgnore: inputs.sourceIgnore, resolveSymlinks: inputs.resolveSymlinks }),
                ]
                : [];
            const attest = inputs.documents.attest && inputs.signing?.kind === 'cosign' ? { identity: inputs.signing.identity, signer } : undefined;
            attached = await (0,documents/* attachDocuments */.Qc)(target, descriptor, [...generated, ...files], { attest });
        },
        attached: () => attached,
    };
}
function referrersOutput(attached) {
    return JSON.stringify(attached.map((a) => ({
        format: a.format,
        mediaType: a.mediaType,
        source: a.source,
        digest: a.referrer.digest,
        attestation: a.attestation?.digest ?? '',
    })));
}
function signatureCell(signed, pushed, format) {
    if (signed)
        return `${format} signature by \`${(0,src/* cell */.Hn)(signed.identity)}\`${signed.rekorLogIndex ? ` (Rekor #${signed.rekorLogIndex})` : ''}`;
    return pushed ? 'not signed (`sign: false`)' : 'already signed when pushed';
}
async function pushOne(inputs, client, credentials) {
    const target = (0,oci_open/* openTarget */.Ap)(inputs.location, client);
    const name = (0,oci_open/* locationName */.zb)(inputs.location);
    const files = await userDocuments(inputs);
    const signing = await prepareSigning(inputs);
    const sign = signing?.step(target, name);
    const documents = inputs.documents.sbom || files.length ? documentsStep(inputs, target, inputs.path, files, signing?.bundleSigner) : undefined;
    // Only when there is something to do before the tags move: without it the manifest is stored by tag directly.
    const beforeTag = sign || documents
        ? async (descriptor) => {
            await sign?.(descriptor);
            await documents?.run(descriptor);
        }
        : undefined;
    let result;
    try {
        result = await (0,artifact_push/* pushArtifact */.X)({ ...pushOptions(inputs), path: inputs.path, target, beforeTag });
    }
    catch (err) {
        throw await explain(err, inputs, inputs.location, credentials);
    }
    const digest = result.descriptor.digest;
    const tags = result.tags.map((t) => t.tag);
    const signed = signing?.result(name);
    src/* runner.info */.lj.info(`Packed ${result.layer.files} files from ${inputs.pathInput}: ${(0,src/* formatBytes */.z3)(result.layer.size)} (layer ${result.layer.digest})`);
    if (result.pushed) {
        const uploaded = result.blobs.filter((b) => b.result !== 'exists');
        src/* runner.info */.lj.info(`Pushed ${name}@${digest} (${result.reason}; ${uploaded.length} of ${result.blobs.length} blobs uploaded)`);
    }
    else {
        src/* runner.info */.lj.info(`Not pushed: ${result.reason} (${name}@${digest})`);
    }
    if (signed)
        src/* runner.info */.lj.info(`Signed as ${signed.identity} (${inputs.signing?.format}): ${signed.signatureRef}${signed.rekorLogIndex ? `, Rekor log index ${signed.rekorLogIndex}` : ''}`);
    const attached = documents?.attached() ?? [];
    for (const a of attached)
        src/* runner.info */.lj.info(`Attached ${a.source === 'generated' ? `a generated ${a.format} SBOM` : `${a.source} (${a.format})`}: ${name}@${a.referrer.digest}${a.attestation ? `, attested: ${name}@${a.attestation.digest}` : ''}`);
    for (const t of result.tags)
        src/* runner.info */.lj.info(`${t.changed ? 'Tagged' : 'Already tagged'} ${name}:${t.tag}`);
    src/* runner.setOutput */.lj.setOutput('pushed', String(result.pushed));
    // As the D2 push action: digests only for a new push, so `if: steps.push.outputs.pushed` signs exactly that.
    src/* runner.setOutput */.lj.setOutput('digest', result.pushed ? digest : '');
    src/* runner.setOutput */.lj.setOutput('digest-url', result.pushed ? `${name}@${digest}` : '');
    src/* runner.setOutput */.lj.setOutput('tags', JSON.stringify(tags));
    src/* runner.setOutput */.lj.setOutput('signature-ref', signed?.signatureRef ?? '');
    src/* runner.setOutput */.lj.setOutput('rekor-log-index', signed?.rekorLogIndex ?? '');
    src/* runner.setOutput */.lj.setOutput('referrers', referrersOutput(attached));
    const uploadedBytes = result.blobs.filter((b) => b.result === 'uploaded').reduce((sum, b) => sum + b.descriptor.size, 0);
    src/* runner.appendSummary */.lj.appendSummary([
        '### Flux artifact',
        '',
        '| Repository | Tags | Digest | Size | Result | Signature |',
        '|---|---|---|---|---|---|',
        `| ${(0,src/* cell */.Hn)(name)} | ${(0,src/* cell */.Hn)(tags.join(', '))} | \`${(0,src/* shortDigest */.VK)(digest)}\` | ${(0,src/* formatBytes */.z3)(result.layer.size)} (${result.layer.files} files) | ${result.pushed ? 'pushed' : 'skipped'}: ${(0,src/* cell */.Hn)(result.reason)} | ${signatureCell(signed, result.pushed, inputs.signing?.format)} |`,
        '',
        result.pushed
            ? `Uploaded ${(0,src/* formatBytes */.z3)(uploadedBytes)}; ${result.blobs.filter((b) => b.result === 'exists').length} blob(s) were already there.`
            : '',
        ...(attached.length
            ? [
                '',
                `Attached: ${attached.map((a) => `${a.source === 'generated' ? `${a.format} SBOM (generated)` : `${(0,src/* cell */.Hn)(a.source)} (${a.format})`}${a.attestation ? ', attested' : ''}`).join('; ')}.`,
            ]
            : []),
    ].join('\n'));
}
/** `<repository>/<name>` for a component. */
function componentLocation(base, component) {
    return (0,oci_open/* childLocation */.ME)(base, component.name);
}
async function components(inputs, credentials) {
    try {
        return await findComponents(inputs.context.workspace, inputs.components ?? '');
    }
    catch (err) {
        throw await explain(err, inputs, inputs.location, credentials, inputs.components);
    }
}
async function pushMany(inputs, client, credentials) {
    const found = await components(inputs, credentials);
    const open = (component) => (0,oci_open/* openTarget */.Ap)(componentLocation(inputs.location, component), client);
    const signatures = await prepareSigning(inputs);
    const documents = new Map();
    const outcomes = await pushComponents(found, {
        ...pushOptions(inputs),
        open,
        concurrency: inputs.concurrency,
        beforeTag: signatures || inputs.documents.sbom
            ? (target, component) => {
                const sign = signatures?.step(target, component.name);
                const attach = inputs.documents.sbom ? documentsStep(inputs, target, component.path, [], signatures?.bundleSigner) : undefined;
                if (attach)
                    documents.set(component.name, attach);
                return async (descriptor) => {
                    await sign?.(descriptor);
                    await attach?.run(descriptor);
                };
            }
            : undefined,
    });
    const rows = [];
    const report = [];
    const failures = [];
    for (const outcome of outcomes) {
        const { component, target } = outcome;
        if (!outcome.ok) {
            const err = (await explain(outcome.error, inputs, componentLocation(inputs.location, component), credentials, component.relative));
            failures.push(`${component.name}: ${err.message}`);
            report.push({ name: component.name, repository: target, pushed: false, error: err.message });
            rows.push(`| ${(0,src/* cell */.Hn)(component.name)} | ${(0,src/* cell */.Hn)(target)} | — | — | — | ❌ ${(0,src/* cell */.Hn)(err.message)} | — |`);
            src/* runner.error */.lj.error(`${component.name}: ${err.message}`);
            continue;
        }
        const result = outcome.result;
        const digest = result.descriptor.digest;
        const signed = signatures?.result(component.name);
        const tags = result.tags.map((t) => t.tag);
        src/* runner.info */.lj.info(`${component.name}: ${result.pushed ? `pushed ${target}@${digest}` : `unchanged (${result.reason})`}${signed ? `, signed as ${signed.identity}` : ''}`);
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
        rows.push(`| ${(0,src/* cell */.Hn)(component.name)} | ${(0,src/* cell */.Hn)(target)} | ${(0,src/* cell */.Hn)(tags.join(', '))} | \`${(0,src/* shortDigest */.VK)(digest)}\` | ${(0,src/* formatBytes */.z3)(result.layer.size)} | ${result.pushed ? 'pushed' : 'skipped'}: ${(0,src/* cell */.Hn)(result.reason)} | ${signatureCell(signed, result.pushed, inputs.signing?.format)} |`);
    }
    src/* runner.setOutput */.lj.setOutput('components', JSON.stringify(report));
    src/* runner.setOutput */.lj.setOutput('pushed', String(report.some((r) => r.pushed)));
    src/* runner.setOutput */.lj.setOutput('digest', '');
    src/* runner.setOutput */.lj.setOutput('digest-url', '');
    src/* runner.setOutput */.lj.setOutput('tags', JSON.stringify([...new Set(report.flatMap((r) => ('tags' in r ? r.tags : [])))]));
    src/* runner.setOutput */.lj.setOutput('signature-ref', '');
    src/* runner.setOutput */.lj.setOutput('rekor-log-index', '');
    src/* runner.setOutput */.lj.setOutput('referrers', '[]');
    src/* runner.appendSummary */.lj.appendSummary([
        `### Flux artifacts: ${found.length} components (${report.filter((r) => r.pushed).length} pushed, ${failures.length} failed)`,
        '',
        '| Component | Repository | Tags | Digest | Size | Result | Signature |',
        '|---|---|---|---|---|---|---|',
        ...rows,
    ].join('\n'));
    if (failures.length)
        throw new Error(`${failures.length} of ${found.length} components failed (the others are complete): ${failures.join('; ')}`);
}
async function planMany(inputs, client, credentials) {
    const found = await components(inputs, credentials);
    const reference = inputs.diffTag ?? 'latest';
    const outcomes = await planComponents(found, {
        open: (component) => (0,oci_open/* openTarget */.Ap)(componentLocation(inputs.location, component), client),
        reference,
        ignorePaths: inputs.ignorePaths,
        sourceIgnore: inputs.sourceIgnore,
        resolveSymlinks: inputs.resolveSymlinks,
        concurrency: inputs.concurrency,
    });
    const failed = outcomes.filter((o) => !o.ok);
    if (failed.length) {
        const messages = await Promise.all(failed.map(async (o) => `${o.component.name}: ${(await explain(o.ok ? undefined : o.error, inputs, componentLocation(inputs.location, o.component), credentials, o.component.relative)).message}`));
        throw new Error(`could not compare ${failed.length} of ${found.length} components with ${reference}: ${messages.join('; ')}`);
    }
    const changed = outcomes.filter((o) => o.ok && !o.result.identical);
    const include = changed.map((o) => ({ component: o.component.name, path: o.component.relative, repository: o.target }));
    src/* runner.setOutput */.lj.setOutput('matrix', JSON.stringify({ include }));
    src/* runner.setOutput */.lj.setOutput('changed', JSON.stringify(include.map((i) => i.component)));
    src/* runner.setOutput */.lj.setOutput('pushed', 'false');
    src/* runner.info */.lj.info(`${changed.length} of ${found.length} components differ from ${reference}: ${include.map((i) => i.component).join(', ') || '(none)'}`);
    src/* runner.appendSummary */.lj.appendSummary([
        `### Plan: ${changed.length} of ${found.length} components changed since \`${reference}\``,
        '',
        '| Component | Repository | Changed |',
        '|---|---|---|',
        ...outcomes.map((o) => `| ${(0,src/* cell */.Hn)(o.component.name)} | ${(0,src/* cell */.Hn)(o.target)} | ${o.ok && !o.result.identical ? `yes: ${(0,src/* cell */.Hn)(o.result.reason)}` : 'no'} |`),
    ].join('\n'));
}
async function run(inputs) {
    const { client, credentials } = (0,src/* registrySession */.EK)(inputs.registry, inputs.context, inputs.location);
    if (!inputs.components)
        return pushOne(inputs, client, credentials);
    return inputs.plan ? planMany(inputs, client, credentials) : pushMany(inputs, client, credentials);
}


/***/ })

};
