export const id = 298;
export const ids = [298];
export const modules = {

/***/ 66298:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   getInputs: () => (/* binding */ getInputs)
/* harmony export */ });
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65948);
/* harmony import */ var _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5140);


const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Reads and validates every input (and loads trust material) before anything touches a registry. */
async function getInputs() {
    const context = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .githubContext */ .h4)();
    const repositoryValue = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('repository', { required: true });
    const base = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .repositoryInput */ .JD)('repository', repositoryValue);
    const rollbackTo = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('rollback-to') || undefined;
    const modeValue = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('mode', { fallback: 'promote' });
    if (modeValue !== 'promote' && modeValue !== 'build')
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('mode', `"${modeValue}" is not promote or build`);
    const ownRepo = context.repository ? `https://github\\.com/${escape(context.repository)}/\\.github/workflows/[^@]+` : '.+';
    const commonEnd = (plan) => {
        const source = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('source') || (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .defaultSource */ .Hu)(context);
        const revision = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('revision') || (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .defaultRevision */ .Te)(context);
        if (plan.kind === 'build' && (!source || !revision))
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(source ? 'revision' : 'source', 'is empty and the GitHub context does not say; pass it');
        return {
            base,
            plan,
            commit: ((0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('commit') || context.sha).toLowerCase(),
            allowDowngrade: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .booleanInput */ .tE)('allow-downgrade', false),
            source,
            revision,
            signing: plan.kind === 'rollback' ? undefined : (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cosignSigningInputs */ .Sq)(context),
            registry: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .registryInputs */ .P4)(),
            context,
        };
    };
    if (rollbackTo) {
        let release;
        try {
            release = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .parseRollbackTag */ .yWf)(rollbackTo, (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('tag-pattern') || undefined);
        }
        catch (err) {
            if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .ReleaseTagError */ .IjQ)
                throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('rollback-to', `${err.message.replace(/^release tag /, '')}; give the release to return to, e.g. v1.2.3 or frontend/v1.2.3`);
            throw err;
        }
        const verification = await (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .verificationInputs */ .zi)({ identity: 'production-identity', identityRegexp: 'production-identity-regexp', issuer: 'staging-oidc-issuer', issuerRegexp: 'staging-oidc-issuer-regexp', key: 'production-key', trustedRoot: 'trusted-root', sourceRepository: 'certificate-github-workflow-repository' }, context, { identityRegexp: `^${ownRepo}@refs/tags/.+$`, sourceRepository: context.repository || undefined });
        return commonEnd({ kind: 'rollback', release, verification });
    }
    const refValue = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('ref') || (context.ref.startsWith('refs/tags/') ? context.ref.slice('refs/tags/'.length) : '');
    if (!refValue)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('ref', 'is empty and this run is not for a tag; run on `push: tags` or pass the release tag, e.g. frontend/v1.2.3');
    let release;
    try {
        release = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .parseReleaseTag */ .rEw)(refValue, (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('tag-pattern') || undefined);
    }
    catch (err) {
        if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .ReleaseTagError */ .IjQ)
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz((0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('ref') ? 'ref' : 'tag-pattern', err.message);
        throw err;
    }
    const pathInput = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('path') || (release.component ? `components/${release.component}` : '.');
    if (modeValue === 'build')
        return commonEnd({ kind: 'build', release, path: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .workspacePath */ .X5)('path', pathInput, context) });
    const verification = await (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .verificationInputs */ .zi)({ identity: 'staging-identity', identityRegexp: 'staging-identity-regexp', issuer: 'staging-oidc-issuer', issuerRegexp: 'staging-oidc-issuer-regexp', key: 'staging-key', trustedRoot: 'trusted-root', sourceRepository: 'certificate-github-workflow-repository' }, context, { identityRegexp: `^${ownRepo}@refs/heads/main$`, sourceRepository: context.repository || undefined });
    // Content comparison needs the tagged tree; a fleet release without a checkout still matches by revision.
    const path = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('path') || release.component ? (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .workspacePath */ .X5)('path', pathInput, context) : workspaceOptional(pathInput, context);
    return commonEnd({ kind: 'promote', release, verification, ...(path ? { path } : {}) });
}
/** `.` for a fleet release: the checkout if there is one, else no content comparison. */
function workspaceOptional(value, context) {
    try {
        return (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .workspacePath */ .X5)('path', value, context);
    }
    catch {
        return undefined;
    }
}


/***/ })

};
