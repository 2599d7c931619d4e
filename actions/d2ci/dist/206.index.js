export const id = 206;
export const ids = [206];
export const modules = {

/***/ 94206:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pullRequestBody: () => (/* binding */ pullRequestBody),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _d2ci_core_imageupdate__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(22544);
/* harmony import */ var _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5140);


/** The pull request's body: what changed, with the commit message (which the template shaped) underneath. */
function pullRequestBody(changes, message, runUrl) {
    const rows = changes.map((c) => `| \`${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(c.image || c.setter)}\` | \`${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(c.old)}\` | \`${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(c.new)}\` | ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(c.file)} |`);
    return [
        `Newer images for ${changes.length} marker(s), found by d2ci image-update${runUrl ? ` in [this run](${runUrl})` : ''}.`,
        '',
        '| Image | Old | New | File |',
        '|---|---|---|---|',
        ...rows,
        '',
        '<details><summary>Commit message</summary>',
        '',
        '```',
        message.trimEnd(),
        '```',
        '',
        '</details>',
    ].join('\n');
}
/** Turns a failure into the one line the workflow author needs. */
function explain(err, inputs) {
    if (err instanceof _d2ci_core_imageupdate__WEBPACK_IMPORTED_MODULE_0__/* .ObjectsError */ .V$)
        return new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('policies-path', err.message);
    if (err instanceof _d2ci_core_imageupdate__WEBPACK_IMPORTED_MODULE_0__/* .InvalidPolicyError */ .OQ)
        return new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('policies-path', `${err.message}`);
    if (err instanceof _d2ci_core_imageupdate__WEBPACK_IMPORTED_MODULE_0__/* .TemplateError */ .$w)
        return new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('commit-message-template', err.message);
    if (err instanceof _d2ci_core_imageupdate__WEBPACK_IMPORTED_MODULE_0__/* .SettersError */ .z2)
        return new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('update-path', err.message);
    if (err instanceof _d2ci_core_imageupdate__WEBPACK_IMPORTED_MODULE_0__/* .GitError */ .XS && /\b403\b|denied|not allowed|permission/i.test(err.stderr)) {
        return new Error(`${err.message}; add \`permissions: contents: write\` to the job (and check that \`github-token\` may push to ${inputs.pushBranch})`);
    }
    if (err instanceof _d2ci_core_imageupdate__WEBPACK_IMPORTED_MODULE_0__/* .KindEngineError */ .Lr && /SHA-256/.test(err.message))
        return new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('tool-sources', err.message);
    return err;
}
function summary(report, inputs) {
    const { serverUrl, repository } = inputs.context;
    const blob = (file) => (repository && report.updated ? `[${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(file)}](${serverUrl}/${repository}/blob/${inputs.pushBranch}/${file})` : (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(file));
    const rows = report.changes.map((c) => `| \`${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(c.image || c.setter)}\` | \`${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(c.old)}\` | \`${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(c.new)}\` | ${blob(c.file)} | ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(c.object)} |`);
    const pr = report.pullRequest;
    const headline = inputs.dryRun
        ? `Dry run: ${report.changes.length} value(s) would change`
        : report.updated
            ? `Pushed ${report.commit ? `[\`${report.commit.slice(0, 7)}\`](${serverUrl}/${repository}/commit/${report.commit})` : ''} to \`${inputs.pushBranch}\`${pr ? ` — [pull request #${pr.number}](${pr.url})` : ''}`
            : `No new images${pr ? ` — [pull request #${pr.number}](${pr.url}) is open` : ''}`;
    const policies = report.policies.map((p) => `| ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(`${p.policy.namespace}/${p.policy.name}`)} | ${p.ok ? `\`${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(p.latestRef.name)}:${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(p.latestRef.tag)}\`${p.latestRef.digest ? ` (\`${p.latestRef.digest.slice(0, 19)}…\`)` : ''}` : `⚠ ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(p.error)}`} |`);
    return [
        '### Image update',
        '',
        headline,
        '',
        ...(rows.length ? ['| Image | Old | New | File | Object |', '|---|---|---|---|---|', ...rows, ''] : []),
        '<details><summary>Policies</summary>',
        '',
        '| ImagePolicy | Latest |',
        '|---|---|',
        ...policies,
        '',
        '</details>',
    ].join('\n');
}
/** Flux's controllers in a Kind cluster (the post step deletes it). */
async function runKind(inputs, token) {
    if (inputs.dryRun)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('dry-run', 'is for `engine: native`: the controllers in the cluster push as they go');
    if (inputs.commitVia === 'api')
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('commit-via', 'is `git` with `engine: kind`: image-automation-controller commits and pushes itself');
    return (0,_d2ci_core_imageupdate__WEBPACK_IMPORTED_MODULE_0__/* .runKindImageUpdate */ .oN)({
        repo: inputs.context.workspace,
        repository: inputs.context.repository,
        serverUrl: inputs.context.serverUrl,
        token,
        policiesPath: inputs.policiesPath,
        updatePath: inputs.updatePath,
        namespace: inputs.namespace ?? 'flux-system',
        base: inputs.baseBranch,
        branch: inputs.pushBranch,
        author: inputs.author ?? defaultAuthor,
        messageTemplate: inputs.messageTemplate,
        messageValues: Object.keys(inputs.messageValues).length ? inputs.messageValues : undefined,
        credentials: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .jobCredentials */ .KF)(inputs.registry, inputs.context),
        pullRequest: { apiUrl: process.env.GITHUB_API_URL, labels: inputs.labels, body: (changes, message) => pullRequestBody(changes, message, inputs.context.runUrl) },
        tools: inputs.toolSources,
        clusterName: `d2ci-image-update-${process.env.GITHUB_RUN_ID ?? process.pid}`,
        onCluster: (name, path) => {
            _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.saveState */ .lj.saveState('kind_cluster', name);
            _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.saveState */ .lj.saveState('kind_path', path);
        },
        onSecret: (secret) => _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setSecret */ .lj.setSecret(secret),
        log: (line) => _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(line),
        onDiagnostics: (title, text) => {
            _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.startGroup */ .lj.startGroup(title);
            _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(text);
            _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.endGroup */ .lj.endGroup();
        },
    });
}
const defaultAuthor = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };
/** The token that pushes and opens the pull request: a fresh app installation token, else `github-token`. */
async function writeToken(inputs) {
    if (!inputs.app)
        return { token: inputs.githubToken, revoke: async () => undefined };
    if (inputs.dryRun)
        return { token: inputs.githubToken, revoke: async () => undefined };
    try {
        const created = await (0,_d2ci_core_imageupdate__WEBPACK_IMPORTED_MODULE_0__/* .installationToken */ .oi)({ app: inputs.app, repository: inputs.context.repository, apiUrl: process.env.GITHUB_API_URL, onSecret: (secret) => _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setSecret */ .lj.setSecret(secret) });
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(`Using a GitHub App installation token for ${inputs.context.repository} (expires ${created.expiresAt.toISOString()})`);
        return { token: created.token, revoke: () => created.revoke(), expiresAt: created.expiresAt };
    }
    catch (err) {
        if (err instanceof _d2ci_core_imageupdate__WEBPACK_IMPORTED_MODULE_0__/* .GitHubAppError */ .jb)
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('app-id', err.message);
        throw err;
    }
}
async function run(inputs) {
    const clients = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .registryClients */ .Kh)(inputs.registry, inputs.context);
    const write = await writeToken(inputs);
    const token = write.token;
    let report;
    try {
        report = inputs.engine === 'kind' ? await runKind(inputs, token) : await (0,_d2ci_core_imageupdate__WEBPACK_IMPORTED_MODULE_0__/* .runImageUpdate */ .sm)({
            repo: inputs.context.workspace,
            policiesPath: inputs.policiesPath,
            updatePath: inputs.updatePath,
            namespace: inputs.namespace,
            clientFor: (repository) => clients(repository.provider, repository.insecure),
            dryRun: inputs.dryRun,
            git: {
                base: inputs.baseBranch,
                branch: inputs.pushBranch,
                mode: inputs.branchStrategy,
                auth: { token, onSecret: (secret) => _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setSecret */ .lj.setSecret(secret) },
                author: inputs.commitVia === 'api' ? inputs.author : (inputs.author ?? defaultAuthor),
                via: inputs.commitVia === 'api' ? { kind: 'api', token, repository: inputs.context.repository, apiUrl: process.env.GITHUB_API_URL } : { kind: 'git' },
                messageTemplate: inputs.messageTemplate,
                messageValues: Object.keys(inputs.messageValues).length ? inputs.messageValues : undefined,
                // As the kind engine (and D2) name the ImageUpdateAutomation: after its namespace.
                automation: { namespace: inputs.namespace ?? 'flux-system', name: inputs.namespace ?? 'flux-system' },
            },
            pullRequest: inputs.context.repository
                ? { token, repository: inputs.context.repository, apiUrl: process.env.GITHUB_API_URL, labels: inputs.labels, body: (changes, message) => pullRequestBody(changes, message, inputs.context.runUrl) }
                : undefined,
        });
    }
    catch (err) {
        throw explain(err, inputs);
    }
    finally {
        // A short-lived token is revoked as soon as the step is done with it.
        await write.revoke().catch((err) => _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.warning */ .lj.warning(`could not revoke the installation token: ${err.message}`));
    }
    for (const p of report.policies) {
        if (p.ok)
            _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(`${p.policy.namespace}/${p.policy.name}: ${p.latestRef.name}:${p.latestRef.tag}${p.latestRef.digest ? `@${p.latestRef.digest}` : ''} (of ${p.tags} tags)`);
        else
            _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.warning */ .lj.warning(`ImagePolicy ${p.policy.namespace}/${p.policy.name} skipped: ${p.error}`);
    }
    for (const u of report.unresolved)
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.warning */ .lj.warning(`${u.file}:${u.line}: the marker names ${u.setter}, but no ImagePolicy ${u.setter.split(':').slice(0, 2).join('/')} is in ${inputs.policiesPath}${inputs.namespace ? '' : ' (set `namespace` if the policies are applied into one)'}; left unchanged`);
    for (const p of report.problems)
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.warning */ .lj.warning(`${p.file}: ${p.message}`);
    for (const c of report.changes)
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(`${c.file}: ${c.object} ${c.setter}: ${c.old} -> ${c.new}`);
    if (inputs.dryRun && report.diff)
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(report.diff);
    if (report.updated)
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(`Pushed ${report.commit ?? ''} to ${inputs.pushBranch}`);
    else if (!inputs.dryRun)
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info('No new images: nothing committed');
    if (report.pullRequest)
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(`Pull request #${report.pullRequest.number}: ${report.pullRequest.url}`);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('updated', String(report.updated));
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('changes', JSON.stringify(report.changes));
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('commit', report.commit ?? '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('verified', report.verified === undefined ? '' : String(report.verified));
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('pr-number', report.pullRequest ? String(report.pullRequest.number) : '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('pr-url', report.pullRequest?.url ?? '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.appendSummary */ .lj.appendSummary(summary(report, inputs));
}


/***/ })

};
