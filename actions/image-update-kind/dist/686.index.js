export const id = 686;
export const ids = [686];
export const modules = {

/***/ 7686:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pullRequestBody: () => (/* binding */ pullRequestBody),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ../../packages/core/src/imageupdate/git.ts
var git = __webpack_require__(8036);
// EXTERNAL MODULE: ../../packages/core/src/imageupdate/kind.ts
var kind = __webpack_require__(5124);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __webpack_require__(5736);
// EXTERNAL MODULE: ../../packages/core/src/imageupdate/github/rest-error.ts
var rest_error = __webpack_require__(7869);
;// CONCATENATED MODULE: ../../packages/core/src/imageupdate/github/githubapp.ts
// Short-lived GitHub App installation tokens (@octokit/auth-app, loaded only when an app is configured): scoped to
// one repository and the permissions asked, handed to `onSecret` before anything could print them, revocable.



class GitHubAppError extends rest_error/* GitHubError */.y_ {
    constructor(code, message, status) {
        super(code, message, status);
        this.name = 'GitHubAppError';
    }
}
const defaultPermissions = { contents: 'write', pull_requests: 'write' };
const rank = { read: 1, write: 2, admin: 3 };
/** Workflow spelling (`pull-requests`) to GitHub's API spelling (`pull_requests`). */
function apiPermissions(permissions) {
    return Object.fromEntries(Object.entries(permissions).map(([name, level]) => [name.trim().toLowerCase().replace(/-/g, '_'), level]));
}
/** `pull_requests` → "Pull requests", as the app's settings page names it. */
const settingName = (permission) => permission.charAt(0).toUpperCase() + permission.slice(1).replace(/_/g, ' ');
/** A PEM private key GitHub could have generated, with the `\n` escapes of a key pasted into a single-line variable undone. */
function readPrivateKey(privateKey, appId) {
    const pem = privateKey.replace(/\\n/g, '\n').trim();
    try {
        const key = (0,external_node_crypto_.createPrivateKey)(pem);
        if (key.asymmetricKeyType !== 'rsa')
            throw new Error(`a ${key.asymmetricKeyType ?? 'non-RSA'} key`);
    }
    catch (err) {
        throw new GitHubAppError('APP_KEY_INVALID', `the private key of GitHub App ${appId} is not a PEM RSA private key (${(0,errors/* oneLineMessage */.Wg)(err).replace(/\s+/g, ' ')}); pass the whole .pem file generated on the app's settings page, BEGIN and END lines included`);
    }
    return pem;
}
/** GitHub's 401 to an app JWT, and what fixes it. */
function jwtRefusal({ message }, appId) {
    if (/'(iat|exp)'/.test(message))
        return {
            code: 'APP_CLOCK_SKEW',
            fix: "the runner's clock is off: GitHub accepts app JWTs issued at most 60 seconds ahead of its clock and expiring within 10 minutes",
        };
    if (/integration not found/i.test(message))
        return { code: 'APP_NOT_FOUND', fix: `no GitHub App has ID ${appId} on this GitHub: check app-id (the app's settings page shows it)` };
    return {
        code: 'APP_CREDENTIALS_MISMATCH',
        fix: `check that app-id ${appId} and the private key belong to the same GitHub App (generate a new key on the app's settings page if unsure)`,
    };
}
/** Permissions asked for that the installation does not have (at the level asked), as `name: level (has …)`. */
function missingPermissions(asked, granted) {
    return Object.entries(asked)
        .filter(([name, level]) => (rank[granted?.[name] ?? ''] ?? 0) < (rank[level] ?? 0))
        .map(([name, level]) => `${name}: ${level} (${settingName(name)}: ${level === 'write' ? 'Read and write' : 'Read-only'}; the installation has ${granted?.[name] ?? 'none'})`);
}
function split(repository) {
    const [owner = '', repo = '', ...rest] = repository.split('/');
    if (!owner || !repo || rest.length)
        throw new GitHubAppError('INVALID_REPOSITORY', `repository "${repository}" is not owner/repo`);
    return { owner, repo };
}
/**
 * Creates an installation token of the GitHub App for `repository` alone, with `permissions`: finds the app's
 * installation on the repository (`GET /repos/{owner}/{repo}/installation`, as the app), then asks that installation
 * for a token (`POST /app/installations/{id}/access_tokens`). Each JWT is passed to `onSecret` before it is sent, the
 * token before it is returned. Errors say, in one line, what the workflow author has to change.
 */
async function installationToken(options) {
    const appId = options.app.appId.trim();
    if (!appId)
        throw new GitHubAppError('APP_ID_MISSING', "the GitHub App ID is empty; pass the app ID (or client ID) shown on the app's settings page");
    const privateKey = readPrivateKey(options.app.privateKey, appId);
    const { owner, repo } = split(options.repository);
    const permissions = apiPermissions(options.permissions ?? defaultPermissions);
    const masked = new Set();
    const mask = (secret) => {
        if (!secret || masked.has(secret))
            return;
        masked.add(secret);
        options.onSecret?.(secret);
    };
    const [{ createAppAuth }, { GitHub, defaults, getUserAgentWithOrchestrationId }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(547), __webpack_require__.e(75)]).then(__webpack_require__.bind(__webpack_require__, 6075)),
        Promise.all(/* import() */[__webpack_require__.e(31), __webpack_require__.e(547), __webpack_require__.e(642)]).then(__webpack_require__.bind(__webpack_require__, 4642)),
    ]);
    const baseUrl = (options.apiUrl ?? defaults.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
    // The runner's proxy-aware fetch (as getOctokit uses it), seeing each request as sent: its credential is masked first.
    const send = defaults.request?.fetch ?? fetch;
    const maskingFetch = (input, init) => {
        const credential = /^(?:token|bearer)\s+(\S+)$/i.exec(new Headers(init?.headers).get('authorization') ?? '')?.[1];
        if (credential)
            mask(credential);
        return send(input, init);
    };
    // @octokit/auth-app signs a fresh JWT per request (iat 30 s back, exp 10 min on, as GitHub asks) and, when GitHub
    // rejects its time claims, retries once with GitHub's clock from the Date header.
    const octokit = new GitHub({
        baseUrl,
        userAgent: getUserAgentWithOrchestrationId(undefined),
        request: { ...defaults.request, fetch: maskingFetch },
        authStrategy: createAppAuth,
        auth: { appId, privateKey },
    });
    let installation;
    try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/installation', { owner, repo });
        installation = { id: data.id, permissions: data.permissions };
    }
    catch (err) {
        throw (0,rest_error/* explainRestFailure */.y4)(GitHubAppError, err, `looking up GitHub App ${appId} on ${options.repository}`, 'message', (failure) => {
            if (failure.status === 404)
                return {
                    code: 'APP_NOT_INSTALLED',
                    detail: `GitHub App ${appId} is not installed on ${options.repository}`,
                    fix: "install it there (the app's page → Install App, or the organization's Settings → GitHub Apps → Configure → Repository access), and check that app-id names that app",
                };
            if (failure.status === 401)
                return jwtRefusal(failure, appId);
            return {
                code: 'REQUEST_FAILED',
                detail: `${failure.message}${baseUrl === 'https://api.github.com' ? '' : ` (API URL ${baseUrl})`}`,
            };
        });
    }
    let authentication;
    try {
        authentication = (await octokit.auth({
            type: 'installation',
            installationId: installation.id,
            repositoryNames: [repo],
            permissions,
            refresh: true,
        }));
    }
    catch (err) {
        const doing = `creating an installation token of GitHub App ${appId} for ${options.repository}`;
        throw (0,rest_error/* explainRestFailure */.y4)(GitHubAppError, err, doing, 'message', (failure) => {
            const { status, message } = failure;
            if (status === 401)
                return jwtRefusal(failure, appId);
            if (status === 422 && /permissions requested are not granted/i.test(message)) {
                const missing = missingPermissions(permissions, installation.permissions);
                const named = missing.length
                    ? missing.join(', ')
                    : Object.entries(permissions)
                        .map(([name, level]) => `${name}: ${level}`)
                        .join(', ');
                return {
                    code: 'APP_PERMISSIONS_NOT_GRANTED',
                    detail: `the app is not granted ${named}`,
                    fix: "add it in the app's settings (Permissions & events → Repository permissions), then approve the new permissions on the installation",
                };
            }
            if (status === 422 && /not accessible to the parent installation/i.test(message))
                return {
                    code: 'APP_REPOSITORY_NOT_ACCESSIBLE',
                    fix: `add ${options.repository} to the installation's repository access (organization Settings → GitHub Apps → Configure)`,
                };
            if (status === 403 && /suspended/i.test(message))
                return { code: 'APP_SUSPENDED', fix: 'unsuspend the installation (Settings → GitHub Apps)' };
            return { code: 'REQUEST_FAILED' };
        });
    }
    const token = authentication.token;
    mask(token);
    let revoked = false;
    return {
        token,
        expiresAt: new Date(authentication.expiresAt),
        repositories: (authentication.repositoryNames ?? [repo]).map((name) => `${owner}/${name}`),
        permissions: { ...authentication.permissions },
        async revoke() {
            if (revoked)
                return;
            const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(31), __webpack_require__.e(547), __webpack_require__.e(642), __webpack_require__.e(803)]).then(__webpack_require__.bind(__webpack_require__, 8803));
            try {
                await getOctokit(token, { baseUrl }).request('DELETE /installation/token');
            }
            catch (err) {
                // 401: expired or revoked already, which is what revoking wants.
                if ((0,rest_error/* restStatus */.rR)(err) !== 401)
                    throw (0,rest_error/* explainRestFailure */.y4)(GitHubAppError, err, 'revoking the installation token', 'message', () => ({ code: 'REQUEST_FAILED' }));
            }
            revoked = true;
        },
    };
}

// EXTERNAL MODULE: ../../packages/core/src/imageupdate/update.ts + 6 modules
var update = __webpack_require__(595);
// EXTERNAL MODULE: ../../packages/action-kit/src/index.ts + 37 modules
var src = __webpack_require__(9959);
;// CONCATENATED MODULE: ./src/main.ts


/** The pull request's body: what changed, with the commit message (which the template shaped) underneath. */
function pullRequestBody(changes, message, runUrl) {
    const rows = changes.map((c) => `| \`${(0,src/* cell */.Hn)(c.image || c.setter)}\` | \`${(0,src/* cell */.Hn)(c.old)}\` | \`${(0,src/* cell */.Hn)(c.new)}\` | ${(0,src/* cell */.Hn)(c.file)} |`);
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
/** Turns a failure into the one line the workflow author needs: an input to fix, or the permission to add. */
function explain(err, inputs) {
    if (err instanceof git/* GitError */.XS && err.code === 'GIT_PERMISSION_DENIED') {
        return new Error(`${err.message}; add \`permissions: contents: write\` to the job (and check that \`github-token\` may push to ${inputs.pushBranch})`);
    }
    return (0,src/* inputError */.Xu)(err) ?? err;
}
function summary(report, inputs) {
    const { serverUrl, repository } = inputs.context;
    const blob = (file) => repository && report.updated ? `[${(0,src/* cell */.Hn)(file)}](${serverUrl}/${repository}/blob/${inputs.pushBranch}/${file})` : (0,src/* cell */.Hn)(file);
    const rows = report.changes.map((c) => `| \`${(0,src/* cell */.Hn)(c.image || c.setter)}\` | \`${(0,src/* cell */.Hn)(c.old)}\` | \`${(0,src/* cell */.Hn)(c.new)}\` | ${blob(c.file)} | ${(0,src/* cell */.Hn)(c.object)} |`);
    const pr = report.pullRequest;
    const headline = inputs.dryRun
        ? `Dry run: ${report.changes.length} value(s) would change`
        : report.updated
            ? `Pushed ${report.commit ? `[\`${report.commit.slice(0, 7)}\`](${serverUrl}/${repository}/commit/${report.commit})` : ''} to \`${inputs.pushBranch}\`${pr ? ` — [pull request #${pr.number}](${pr.url})` : ''}`
            : `No new images${pr ? ` — [pull request #${pr.number}](${pr.url}) is open` : ''}`;
    const policies = report.policies.map((p) => `| ${(0,src/* cell */.Hn)(`${p.policy.namespace}/${p.policy.name}`)} | ${p.ok ? `\`${(0,src/* cell */.Hn)(p.latestRef.name)}:${(0,src/* cell */.Hn)(p.latestRef.tag)}\`${p.latestRef.digest ? ` (\`${p.latestRef.digest.slice(0, 19)}…\`)` : ''}` : `⚠ ${(0,src/* cell */.Hn)(p.error)}`} |`);
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
        throw new src/* InputError */.dz('dry-run', 'is for `engine: native`: the controllers in the cluster push as they go');
    if (inputs.commitVia === 'api')
        throw new src/* InputError */.dz('commit-via', 'is `git` with `engine: kind`: image-automation-controller commits and pushes itself');
    return (0,kind/* runKindImageUpdate */.oN)({
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
        credentials: (0,src/* jobCredentials */.KF)(inputs.registry, inputs.context, inputs.registry.provider, inputs.registryServer),
        pullRequest: {
            apiUrl: process.env.GITHUB_API_URL,
            labels: inputs.labels,
            body: (changes, message) => pullRequestBody(changes, message, inputs.context.runUrl),
        },
        tools: inputs.toolSources,
        clusterName: `d2ci-image-update-${process.env.GITHUB_RUN_ID ?? process.pid}`,
        onCluster: (name, path) => {
            src/* runner.saveState */.lj.saveState('kind_cluster', name);
            src/* runner.saveState */.lj.saveState('kind_path', path);
        },
        onSecret: (secret) => src/* runner.setSecret */.lj.setSecret(secret),
        log: (line) => src/* runner.info */.lj.info(line),
        onDiagnostics: (title, text) => {
            src/* runner.startGroup */.lj.startGroup(title);
            src/* runner.info */.lj.info(text);
            src/* runner.endGroup */.lj.endGroup();
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
        const created = await installationToken({
            app: inputs.app,
            repository: inputs.context.repository,
            apiUrl: process.env.GITHUB_API_URL,
            onSecret: (secret) => src/* runner.setSecret */.lj.setSecret(secret),
        });
        src/* runner.info */.lj.info(`Using a GitHub App installation token for ${inputs.context.repository} (expires ${created.expiresAt.toISOString()})`);
        return { token: created.token, revoke: () => created.revoke(), expiresAt: created.expiresAt };
    }
    catch (err) {
        if (err instanceof GitHubAppError)
            throw new src/* InputError */.dz('app-id', err.message);
        throw err;
    }
}
async function run(inputs) {
    const clients = (0,src/* registryClients */.Kh)(inputs.registry, inputs.context, inputs.registryServer);
    const write = await writeToken(inputs);
    const token = write.token;
    let report;
    try {
        report =
            inputs.engine === 'kind'
                ? await runKind(inputs, token)
                : await (0,update/* runImageUpdate */.sm)({
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
                        auth: { token, onSecret: (secret) => src/* runner.setSecret */.lj.setSecret(secret) },
                        author: inputs.commitVia === 'api' ? inputs.author : (inputs.author ?? defaultAuthor),
                        via: inputs.commitVia === 'api'
                            ? { kind: 'api', token, repository: inputs.context.repository, apiUrl: process.env.GITHUB_API_URL }
                            : { kind: 'git' },
                        messageTemplate: inputs.messageTemplate,
                        messageValues: Object.keys(inputs.messageValues).length ? inputs.messageValues : undefined,
                        // As the kind engine (and D2) name the ImageUpdateAutomation: after its namespace.
                        automation: { namespace: inputs.namespace ?? 'flux-system', name: inputs.namespace ?? 'flux-system' },
                    },
                    pullRequest: inputs.context.repository
                        ? {
                            token,
                            repository: inputs.context.repository,
                            apiUrl: process.env.GITHUB_API_URL,
                            labels: inputs.labels,
                            body: (changes, message) => pullRequestBody(changes, message, inputs.context.runUrl),
                        }
                        : undefined,
                });
    }
    catch (err) {
        throw explain(err, inputs);
    }
    finally {
        // A short-lived token is revoked as soon as the step is done with it.
        await write.revoke().catch((err) => src/* runner.warning */.lj.warning(`could not revoke the installation token: ${err.message}`));
    }
    for (const p of report.policies) {
        if (p.ok)
            src/* runner.info */.lj.info(`${p.policy.namespace}/${p.policy.name}: ${p.latestRef.name}:${p.latestRef.tag}${p.latestRef.digest ? `@${p.latestRef.digest}` : ''} (of ${p.tags} tags)`);
        else
            src/* runner.warning */.lj.warning(`ImagePolicy ${p.policy.namespace}/${p.policy.name} skipped: ${p.error}`);
    }
    for (const u of report.unresolved)
        src/* runner.warning */.lj.warning(`${u.file}:${u.line}: the marker names ${u.setter}, but no ImagePolicy ${u.setter.split(':').slice(0, 2).join('/')} is in ${inputs.policiesPath}${inputs.namespace ? '' : ' (set `namespace` if the policies are applied into one)'}; left unchanged`);
    for (const p of report.problems)
        src/* runner.warning */.lj.warning(`${p.file}: ${p.message}`);
    for (const c of report.changes)
        src/* runner.info */.lj.info(`${c.file}: ${c.object} ${c.setter}: ${c.old} -> ${c.new}`);
    if (inputs.dryRun && report.diff)
        src/* runner.info */.lj.info(report.diff);
    if (report.updated)
        src/* runner.info */.lj.info(`Pushed ${report.commit ?? ''} to ${inputs.pushBranch}`);
    else if (!inputs.dryRun)
        src/* runner.info */.lj.info('No new images: nothing committed');
    if (report.pullRequest)
        src/* runner.info */.lj.info(`Pull request #${report.pullRequest.number}: ${report.pullRequest.url}`);
    src/* runner.setOutput */.lj.setOutput('updated', String(report.updated));
    src/* runner.setOutput */.lj.setOutput('changes', JSON.stringify(report.changes));
    src/* runner.setOutput */.lj.setOutput('commit', report.commit ?? '');
    src/* runner.setOutput */.lj.setOutput('verified', report.verified === undefined ? '' : String(report.verified));
    src/* runner.setOutput */.lj.setOutput('pr-number', report.pullRequest ? String(report.pullRequest.number) : '');
    src/* runner.setOutput */.lj.setOutput('pr-url', report.pullRequest?.url ?? '');
    src/* runner.appendSummary */.lj.appendSummary(summary(report, inputs));
}


/***/ })

};
