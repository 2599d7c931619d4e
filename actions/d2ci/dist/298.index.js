export const id = 298;
export const ids = [298];
export const modules = {

/***/ 66298:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   getInputs: () => (/* binding */ getInputs)
/* harmony export */ });
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(39929);
/* harmony import */ var _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75740);


const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Reads and validates every input (and loads trust material) before anything touches a registry. */
async function getInputs() {
    const context = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .githubContext */ .h4)();
    const repositoryValue = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('repository', { required: true });
    const base = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .repositoryInput */ .JD)('repository', repositoryValue);
    const rollbackTo = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('rollback-to') || undefined;
    const modeValue = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('mode', { fallback: 'promote' });
    if (modeValue !== 'promote' && modeValue !== 'build')
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('mode', `"${modeValue}" is not promote or build`);
    const ownRepo = context.repository ? `https://github\\.com/${escape(context.repository)}/\\.github/workflows/[^@]+` : '.+';
    const commonEnd = (plan) => {
        const source = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('source') || (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .defaultSource */ .Hu)(context);
        const revision = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('revision') || (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .defaultRevision */ .Te)(context);
        if (plan.kind === 'build' && (!source || !revision))
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(source ? 'revision' : 'source', 'is empty and the GitHub context does not say; pass it');
        return {
            base,
            plan,
            commit: ((0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('commit') || context.sha).toLowerCase(),
            allowDowngrade: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('allow-downgrade', false),
            source,
            revision,
            signing: plan.kind === 'rollback' ? undefined : (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .cosignSigningInputs */ .Sq)(context),
            registry: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .registryInputs */ .P4)(),
            context,
        };
    };
    if (rollbackTo) {
        let release;
        try {
            release = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_1__/* .parseRollbackTag */ .yW)(rollbackTo, (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('tag-pattern') || undefined);
        }
        catch (err) {
            if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_1__/* .ReleaseTagError */ .Ij)
                throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('rollback-to', `${err.message.replace(/^release tag /, '')}; give the release to return to, e.g. v1.2.3 or frontend/v1.2.3`);
            throw err;
        }
        const verification = await (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .verificationInputs */ .zi)({ identity: 'production-identity', identityRegexp: 'production-identity-regexp', issuer: 'staging-oidc-issuer', issuerRegexp: 'staging-oidc-issuer-regexp', key: 'production-key', trustedRoot: 'trusted-root', sourceRepository: 'certificate-github-workflow-repository' }, context, { identityRegexp: `^${ownRepo}@refs/tags/.+$`, sourceRepository: context.repository || undefined });
        return commonEnd({ kind: 'rollback', release, verification });
    }
    const refValue = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('ref') || (context.ref.startsWith('refs/tags/') ? context.ref.slice('refs/tags/'.length) : '');
    if (!refValue)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('ref', 'is empty and this run is not for a tag; run on `push: tags` or pass the release tag, e.g. frontend/v1.2.3');
    let release;
    try {
        release = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_1__/* .parseReleaseTag */ .rE)(refValue, (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('tag-pattern') || undefined);
    }
    catch (err) {
        if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_1__/* .ReleaseTagError */ .Ij)
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz((0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('ref') ? 'ref' : 'tag-pattern', err.message);
        throw err;
    }
    const pathInput = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('path') || (release.component ? `components/${release.component}` : '.');
    if (modeValue === 'build')
        return commonEnd({ kind: 'build', release, path: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .workspacePath */ .X5)('path', pathInput, context) });
    const verification = await (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .verificationInputs */ .zi)({ identity: 'staging-identity', identityRegexp: 'staging-identity-regexp', issuer: 'staging-oidc-issuer', issuerRegexp: 'staging-oidc-issuer-regexp', key: 'staging-key', trustedRoot: 'trusted-root', sourceRepository: 'certificate-github-workflow-repository' }, context, { identityRegexp: `^${ownRepo}@refs/heads/main$`, sourceRepository: context.repository || undefined });
    // Content comparison needs the tagged tree; a fleet release without a checkout still matches by revision.
    const path = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('path') || release.component ? (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .workspacePath */ .X5)('path', pathInput, context) : workspaceOptional(pathInput, context);
    return commonEnd({ kind: 'promote', release, verification, ...(path ? { path } : {}) });
}
/** `.` for a fleet release: the checkout if there is one, else no content comparison. */
function workspaceOptional(value, context) {
    try {
        return (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .workspacePath */ .X5)('path', value, context);
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 39929:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ij: () => (/* binding */ ReleaseTagError),
/* harmony export */   JM: () => (/* binding */ isVersionTag),
/* harmony export */   Zy: () => (/* binding */ compareVersions),
/* harmony export */   rE: () => (/* binding */ parseReleaseTag),
/* harmony export */   yW: () => (/* binding */ parseRollbackTag)
/* harmony export */ });
/* unused harmony export defaultReleaseTagPattern */
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90084);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48936);


/** `vX.Y.Z` or `<component>/vX.Y.Z`; named groups `component` (optional) and `version`. */
const defaultReleaseTagPattern = '^(?:(?<component>[a-z0-9]+(?:[._-][a-z0-9]+)*)/)?(?<version>v[0-9]+\\.[0-9]+\\.[0-9]+(?:-[0-9A-Za-z.-]+)?)$';
class ReleaseTagError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ReleaseTagError';
    }
}
/**
 * Parses a release tag against a pattern with a `version` group (and optionally `component`). The version must
 * be a valid semantic version with its `v` prefix, usable as an OCI tag.
 */
function parseReleaseTag(ref, pattern = defaultReleaseTagPattern) {
    const name = ref.replace(/^refs\/tags\//, '');
    let regexp;
    try {
        regexp = new RegExp(pattern);
    }
    catch (err) {
        throw new ReleaseTagError(`tag pattern "${pattern}" is not a regular expression: ${err.message}`);
    }
    if (!pattern.includes('(?<version>'))
        throw new ReleaseTagError(`tag pattern "${pattern}" needs a (?<version>…) group`);
    const match = regexp.exec(name);
    const version = match?.groups?.version;
    if (!match || !version) {
        throw new ReleaseTagError(`release tag "${name}" is not a release: expected vX.Y.Z (fleet repositories) or <component>/vX.Y.Z (component repositories)${pattern === defaultReleaseTagPattern ? '' : `, matching ${pattern}`}`);
    }
    const parsed = semver__WEBPACK_IMPORTED_MODULE_0___default().parse(version.replace(/^v/, ''));
    if (!parsed || !/^v?[0-9]/.test(version))
        throw new ReleaseTagError(`"${version}" in release tag "${name}" is not a semantic version (vMAJOR.MINOR.PATCH)`);
    if (!(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidTag */ .r_)(version))
        throw new ReleaseTagError(`"${version}" cannot be an OCI tag (build metadata "+…" is not allowed in tags)`);
    const release = { ref: name, version, prerelease: parsed.prerelease.length > 0 };
    const component = match.groups?.component;
    if (component)
        release.component = component;
    return release;
}
/** Semver order of two version tags (with or without `v`). */
function compareVersions(a, b) {
    return semver__WEBPACK_IMPORTED_MODULE_0___default().compare(a.replace(/^v/, ''), b.replace(/^v/, ''));
}
function isVersionTag(tag) {
    return /^v[0-9]/.test(tag) && semver__WEBPACK_IMPORTED_MODULE_0___default().valid(tag.replace(/^v/, '')) !== null;
}
/**
 * What a rollback names: a release tag as the pattern parses it (`frontend/v1.2.3` → component `frontend`), or a
 * bare version `v1.2.3` even when the pattern wants a component.
 */
function parseRollbackTag(value, pattern = defaultReleaseTagPattern) {
    try {
        return parseReleaseTag(value, pattern);
    }
    catch (err) {
        if (!(err instanceof ReleaseTagError) || !isVersionTag(value))
            throw err;
        return { ref: value, version: value, prerelease: semver__WEBPACK_IMPORTED_MODULE_0___default().prerelease(value.replace(/^v/, '')) !== null };
    }
}


/***/ })

};
