export const id = 482;
export const ids = [482];
export const modules = {

/***/ 79482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   getInputs: () => (/* binding */ getInputs)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _d2ci_core_imageupdate__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29952);
/* harmony import */ var _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80437);



/** Git's ref-name rules that matter for a branch input (git check-ref-format). */
function branchName(input, value) {
    if (!value ||
        /(^[./-]|\.\.|[\s~^:?*[\\]|@\{|\/\/|\.lock$|\/$|\.$)/.test(value) ||
        [...value].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)) {
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `"${value}" is not a valid branch name`);
    }
    return value;
}
/** The repository's default branch, from the event the workflow runs for. */
function defaultBranch() {
    const path = process.env.GITHUB_EVENT_PATH;
    if (!path || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        return undefined;
    try {
        const event = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
        return event.repository?.default_branch || undefined;
    }
    catch {
        return undefined;
    }
}
function toolSources() {
    const text = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('tool-sources');
    if (!text)
        return {};
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (err) {
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('tool-sources', `is not JSON: ${err.message}`);
    }
    const out = {};
    for (const [name, value] of Object.entries((parsed ?? {}))) {
        if (!['kind', 'kubectl', 'flux'].includes(name))
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('tool-sources', `"${name}" is not one of kind, kubectl, flux`);
        if (!value.version || !value.url || !/^[0-9a-f]{64}$/.test(value.sha256 ?? ''))
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('tool-sources', `${name} needs "version", "url" and a hex "sha256"`);
        out[name] = { version: value.version, url: value.url, sha256: value.sha256 ?? '' };
    }
    return out;
}
function author() {
    const name = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('author-name');
    const email = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('author-email');
    if (!name && !email)
        return undefined;
    if (!name || !email)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name ? 'author-email' : 'author-name', 'is empty; give both the author name and email, or neither');
    return { name, email };
}
/** Reads and validates every input before anything touches a registry, Git or a cluster. */
function getInputs() {
    const context = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .githubContext */ .h4)();
    const engine = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('engine', { fallback: 'native' });
    if (engine !== 'native' && engine !== 'kind')
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('engine', `"${engine}" is not native or kind`);
    const policiesValue = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('policies-path', { fallback: './update-policies' });
    (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .workspacePath */ .X5)('policies-path', policiesValue, context);
    const updateValue = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('update-path', { fallback: '.' });
    (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .workspacePath */ .X5)('update-path', updateValue, context);
    const namespace = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('namespace') || undefined;
    if (namespace && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace))
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('namespace', `"${namespace}" is not a Kubernetes namespace name (lowercase letters, digits, "-")`);
    const pushBranch = branchName('push-branch', (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('push-branch', { fallback: 'image-updates' }));
    const baseValue = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('base-branch') || defaultBranch();
    if (!baseValue)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('base-branch', 'is empty and the event does not name the default branch; set it, e.g. base-branch: main');
    const baseBranch = branchName('base-branch', baseValue);
    if (baseBranch === pushBranch)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('push-branch', `is the base branch (${baseBranch}); the update goes to its own branch and a pull request`);
    const branchStrategy = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('branch-strategy', { fallback: 'stack' });
    if (branchStrategy !== 'stack' && branchStrategy !== 'reset')
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('branch-strategy', `"${branchStrategy}" is not stack or reset`);
    const commitVia = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('commit-via', { fallback: 'git' });
    if (commitVia !== 'git' && commitVia !== 'api')
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('commit-via', `"${commitVia}" is not git or api`);
    const app = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .githubAppInput */ .rg)();
    const registry = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .registryInputs */ .P4)();
    const registryServer = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .registryServerInput */ .TW)(registry);
    const githubToken = registry.githubToken;
    const labels = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .listInput */ .dt)('labels');
    const dryRun = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .booleanInput */ .tE)('dry-run', false);
    if (!githubToken && !app && !dryRun)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('github-token', 'is empty; the branch push and the pull request need it (the default is ${{ github.token }})');
    if (githubToken)
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setSecret */ .lj.setSecret(githubToken);
    for (const label of labels)
        if (label.length > 50)
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('labels', `"${label}" is too long (GitHub allows 50 characters)`);
    return {
        engine,
        policiesPath: policiesValue,
        updatePath: updateValue,
        namespace,
        pushBranch,
        baseBranch,
        branchStrategy,
        messageTemplate: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('commit-message-template') || _d2ci_core_imageupdate__WEBPACK_IMPORTED_MODULE_2__/* .d2MessageTemplate */ .O6,
        messageValues: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .keyValueInput */ .Bb)('commit-message-values'),
        author: author(),
        commitVia,
        app,
        githubToken,
        labels,
        dryRun,
        registry,
        registryServer,
        toolSources: toolSources(),
        context,
    };
}


/***/ })

};
