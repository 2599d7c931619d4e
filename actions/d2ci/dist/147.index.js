export const id = 147;
export const ids = [147];
export const modules = {

/***/ 85147:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65948);
/* harmony import */ var _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5140);


/** Turns what went wrong into the one line a user needs: the input to fix, or the permission to add. */
async function explain(err, inputs, location, credentials, pathInput = inputs.pathInput) {
    if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .UntaggedSigningError */ .tuu)
        return err;
    if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .ArtifactPathError */ .uRY) {
        const name = inputs.components ? 'components' : 'path';
        return new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `${err.message.replace(/^path "[^"]*" /, `"${pathInput}" `)}; check \`${name}\`${/symlink/.test(err.message) ? ' (or leave `resolve-symlinks` off)' : ' and `ignore-paths`'}`);
    }
    if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .OciError */ .MfY && err.code === 'NETWORK' && (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .networkErrorCode */ .a0e)(err.cause) === 'ENOTFOUND')
        return new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('repository', `${err.message} in "${inputs.repository}"`);
    if (location.kind === 'registry') {
        const { registry, repository } = location.reference;
        return (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .withAuthHint */ .sEZ)(err, { registry, repository, hasCredentials: (await credentials(registry).catch(() => undefined)) !== undefined, vocabulary: 'action', provider: inputs.registry.provider });
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
                const step = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .signNotationBeforeTagging */ .wh7)(target, signer);
                steps.set(key, step);
                return step.beforeTag;
            },
            result: (key) => steps.get(key)?.result(),
        };
    }
    const bundleSigner = await (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .createBundleSigner */ .B59)(signing.identity);
    const each = await (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .signEachBeforeTagging */ .pSv)({ identity: signing.identity, format: signing.format, signer: bundleSigner });
    return { step: each.beforeTag, result: each.result, bundleSigner };
}
/** The user's documents, read and recognised before anything is pushed. */
async function userDocuments(inputs) {
    try {
        return await Promise.all(inputs.documents.files.map((file) => (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .readDocument */ .u0P)(file)));
    }
    catch (err) {
        if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .SbomError */ .SP2)
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('attach', err.message);
        throw err;
    }
}
/** The step that attaches the documents (after signing, before the tags move), and what it attached. */
function documentsStep(inputs, target, path, files, signer) {
    let attached = [];
    return {
        run: async (descriptor) => {
            const generated = inputs.documents.sbom
                ? [await (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .generateSbom */ .N3c)(path, inputs.documents.sbom, { repository: target.name, digest: descriptor.digest, source: inputs.source, revision: inputs.revision }, { ignorePaths: inputs.ignorePaths, sourceIgnore: inputs.sourceIgnore, resolveSymlinks: inputs.resolveSymlinks })]
                : [];
            const attest = inputs.documents.attest && inputs.signing?.kind === 'cosign' ? { identity: inputs.signing.identity, signer } : undefined;
            attached = await (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .attachDocuments */ .QcD)(target, descriptor, [...generated, ...files], { attest });
        },
        attached: () => attached,
    };
}
function referrersOutput(attached) {
    return JSON.stringify(attached.map((a) => ({ format: a.format, mediaType: a.mediaType, source: a.source, digest: a.referrer.digest, attestation: a.attestation?.digest ?? '' })));
}
function signatureCell(signed, pushed, format) {
    if (signed)
        return `${format} signature by \`${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(signed.identity)}\`${signed.rekorLogIndex ? ` (Rekor #${signed.rekorLogIndex})` : ''}`;
    return pushed ? 'not signed (`sign: false`)' : 'already signed when pushed';
}
async function pushOne(inputs, client, credentials) {
    const target = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .openTarget */ .Apu)(inputs.location, client);
    const name = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .locationName */ .zb0)(inputs.location);
    const files = await userDocuments(inputs);
    const signing = await prepareSigning(inputs);
    const sign = signing?.step(target, name);
    const documents = inputs.documents.sbom || files.length ? documentsStep(inputs, target, inputs.path, files, signing?.bundleSigner) : undefined;
    const beforeTag = async (descriptor) => {
        await sign?.(descriptor);
        await documents?.run(descriptor);
    };
    let result;
    try {
        result = await (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .pushArtifact */ .Xi3)({ ...pushOptions(inputs), path: inputs.path, target, beforeTag });
    }
    catch (err) {
        throw await explain(err, inputs, inputs.location, credentials);
    }
    const digest = result.descriptor.digest;
    const tags = result.tags.map((t) => t.tag);
    const signed = signing?.result(name);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(`Packed ${result.layer.files} files from ${inputs.pathInput}: ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(result.layer.size)} (layer ${result.layer.digest})`);
    if (result.pushed) {
        const uploaded = result.blobs.filter((b) => b.result !== 'exists');
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(`Pushed ${name}@${digest} (${result.reason}; ${uploaded.length} of ${result.blobs.length} blobs uploaded)`);
    }
    else {
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(`Not pushed: ${result.reason} (${name}@${digest})`);
    }
    if (signed)
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(`Signed as ${signed.identity} (${inputs.signing?.format}): ${signed.signatureRef}${signed.rekorLogIndex ? `, Rekor log index ${signed.rekorLogIndex}` : ''}`);
    const attached = documents?.attached() ?? [];
    for (const a of attached)
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(`Attached ${a.source === 'generated' ? `a generated ${a.format} SBOM` : `${a.source} (${a.format})`}: ${name}@${a.referrer.digest}${a.attestation ? `, attested: ${name}@${a.attestation.digest}` : ''}`);
    for (const t of result.tags)
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(`${t.changed ? 'Tagged' : 'Already tagged'} ${name}:${t.tag}`);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('pushed', String(result.pushed));
    // As the D2 push action: digests only for a new push, so `if: steps.push.outputs.pushed` signs exactly that.
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('digest', result.pushed ? digest : '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('digest-url', result.pushed ? `${name}@${digest}` : '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('tags', JSON.stringify(tags));
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('signature-ref', signed?.signatureRef ?? '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('rekor-log-index', signed?.rekorLogIndex ?? '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('referrers', referrersOutput(attached));
    const uploadedBytes = result.blobs.filter((b) => b.result === 'uploaded').reduce((sum, b) => sum + b.descriptor.size, 0);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.appendSummary */ .lj.appendSummary([
        '### Flux artifact',
        '',
        '| Repository | Tags | Digest | Size | Result | Signature |',
        '|---|---|---|---|---|---|',
        `| ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(name)} | ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(tags.join(', '))} | \`${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .shortDigest */ .VK)(digest)}\` | ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(result.layer.size)} (${result.layer.files} files) | ${result.pushed ? 'pushed' : 'skipped'}: ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(result.reason)} | ${signatureCell(signed, result.pushed, inputs.signing?.format)} |`,
        '',
        result.pushed ? `Uploaded ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(uploadedBytes)}; ${result.blobs.filter((b) => b.result === 'exists').length} blob(s) were already there.` : '',
        ...(attached.length ? ['', `Attached: ${attached.map((a) => `${a.source === 'generated' ? `${a.format} SBOM (generated)` : `${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(a.source)} (${a.format})`}${a.attestation ? ', attested' : ''}`).join('; ')}.`] : []),
    ].join('\n'));
}
/** `<repository>/<name>` for a component. */
function componentLocation(base, component) {
    return (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .childLocation */ .MEn)(base, component.name);
}
async function components(inputs, credentials) {
    try {
        return await (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .findComponents */ .ICC)(inputs.context.workspace, inputs.components ?? '');
    }
    catch (err) {
        throw await explain(err, inputs, inputs.location, credentials, inputs.components);
    }
}
async function pushMany(inputs, client, credentials) {
    const found = await components(inputs, credentials);
    const open = (component) => (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .openTarget */ .Apu)(componentLocation(inputs.location, component), client);
    const signatures = await prepareSigning(inputs);
    const documents = new Map();
    const outcomes = await (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .pushComponents */ .TPr)(found, {
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
            rows.push(`| ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(component.name)} | ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(target)} | — | — | — | ❌ ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(err.message)} | — |`);
            _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.error */ .lj.error(`${component.name}: ${err.message}`);
            continue;
        }
        const result = outcome.result;
        const digest = result.descriptor.digest;
        const signed = signatures?.result(component.name);
        const tags = result.tags.map((t) => t.tag);
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(`${component.name}: ${result.pushed ? `pushed ${target}@${digest}` : `unchanged (${result.reason})`}${signed ? `, signed as ${signed.identity}` : ''}`);
        const attached = documents.get(component.name)?.attached() ?? [];
        report.push({ name: component.name, repository: target, pushed: result.pushed, digest: result.pushed ? digest : '', 'digest-url': result.pushed ? `${target}@${digest}` : '', tags, 'signature-ref': signed?.signatureRef ?? '', referrers: attached.map((a) => ({ format: a.format, digest: a.referrer.digest, attestation: a.attestation?.digest ?? '' })) });
        rows.push(`| ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(component.name)} | ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(target)} | ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(tags.join(', '))} | \`${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .shortDigest */ .VK)(digest)}\` | ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(result.layer.size)} | ${result.pushed ? 'pushed' : 'skipped'}: ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(result.reason)} | ${signatureCell(signed, result.pushed, inputs.signing?.format)} |`);
    }
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('components', JSON.stringify(report));
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('pushed', String(report.some((r) => r.pushed)));
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('digest', '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('digest-url', '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('tags', JSON.stringify([...new Set(report.flatMap((r) => ('tags' in r ? r.tags : [])))]));
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('signature-ref', '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('rekor-log-index', '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('referrers', '[]');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.appendSummary */ .lj.appendSummary([
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
    const outcomes = await (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .planComponents */ .W7d)(found, {
        open: (component) => (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .openTarget */ .Apu)(componentLocation(inputs.location, component), client),
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
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('matrix', JSON.stringify({ include }));
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('changed', JSON.stringify(include.map((i) => i.component)));
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('pushed', 'false');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(`${changed.length} of ${found.length} components differ from ${reference}: ${include.map((i) => i.component).join(', ') || '(none)'}`);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.appendSummary */ .lj.appendSummary([
        `### Plan: ${changed.length} of ${found.length} components changed since \`${reference}\``,
        '',
        '| Component | Repository | Changed |',
        '|---|---|---|',
        ...outcomes.map((o) => `| ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(o.component.name)} | ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(o.target)} | ${o.ok && !o.result.identical ? `yes: ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(o.result.reason)}` : 'no'} |`),
    ].join('\n'));
}
async function run(inputs) {
    const { client, credentials } = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .registrySession */ .EK)(inputs.registry, inputs.context, inputs.location);
    if (!inputs.components)
        return pushOne(inputs, client, credentials);
    return inputs.plan ? planMany(inputs, client, credentials) : pushMany(inputs, client, credentials);
}


/***/ })

};
