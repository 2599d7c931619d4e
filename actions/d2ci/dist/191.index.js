export const id = 191;
export const ids = [191];
export const modules = {

/***/ 34191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   getInputs: () => (/* binding */ getInputs)
/* harmony export */ });
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48936);
/* harmony import */ var _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73044);


function tag(input, value) {
    if (!(0,_d2ci_core__WEBPACK_IMPORTED_MODULE_1__/* .isValidTag */ .r_)(value))
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `"${value}" is not a valid tag: use ${_d2ci_core__WEBPACK_IMPORTED_MODULE_1__/* .tagRule */ .D$}`);
    return value;
}
/** Reads and validates every input before anything touches a registry. */
function getInputs() {
    const context = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .githubContext */ .h4)();
    const repository = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('repository', { required: true });
    const location = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .repositoryInput */ .JD)('repository', repository);
    const components = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('components') || undefined;
    const pathInput = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('path', { fallback: '.' });
    // `./` and `.` both mean the default (the D2 workflows write `path: "./"`).
    if (components && (pathInput.replace(/\/+$/, '') || '.') !== '.')
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('components', 'give `path` or `components`, not both');
    if (components && (components.startsWith('/') || components.split('/').includes('..')))
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('components', `"${components}" must be a glob inside the workspace, e.g. components/*`);
    const plan = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('plan', false);
    if (plan && !components)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('plan', 'needs `components`: it lists which of them changed');
    const path = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .workspacePath */ .X5)('path', pathInput, context);
    const diffTag = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('diff-tag') || undefined;
    if (diffTag)
        tag('diff-tag', diffTag);
    const tags = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .listInput */ .dt)('tags').map((t) => tag('tags', t));
    const ignore = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .linesInput */ .WO)('ignore-paths');
    const source = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('source') || (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .defaultSource */ .Hu)(context);
    const revision = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('revision') || (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .defaultRevision */ .Te)(context);
    if (!source)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('source', 'is empty and GITHUB_REPOSITORY is not set; pass the source repository URL');
    if (!revision)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('revision', 'is empty and GITHUB_REF/GITHUB_SHA are not set; pass e.g. main@sha1:<commit>');
    const sbom = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('sbom') || undefined;
    if (sbom !== undefined && sbom !== 'cyclonedx' && sbom !== 'spdx')
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('sbom', `"${sbom}" is not cyclonedx or spdx`);
    const files = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .linesInput */ .WO)('attach').map((file) => (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .workspacePath */ .X5)('attach', file, context));
    if (files.length && components)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('attach', 'goes with `path` (one artifact); with `components`, generate an SBOM per component with `sbom`');
    const attest = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('attest', false);
    const signing = plan ? undefined : (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .signingInputs */ .hY)(context);
    if (attest && !signing)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('attest', 'needs signing (`sign: true`, the default, keyless or with `signing-key`)');
    if (attest && signing?.kind === 'notation')
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('attest', 'makes Sigstore attestations; with `signature-format: notation` attach the documents unsigned, or sign in a cosign format');
    if (attest && !sbom && !files.length)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('attest', 'has nothing to attest: add `sbom` or `attach`');
    return {
        location,
        repository,
        path,
        pathInput,
        components,
        concurrency: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .integerInput */ .$A)('concurrency', 6),
        plan,
        diffTag,
        tags,
        ignorePaths: ignore.length ? ignore : undefined,
        annotations: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .keyValueInput */ .Bb)('annotations'),
        source,
        revision,
        reproducible: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('reproducible', false),
        resolveSymlinks: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('resolve-symlinks', false),
        sourceIgnore: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('source-ignore', false),
        registry: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .registryInputs */ .P4)(),
        signing,
        documents: { sbom, files, attest },
        context,
    };
}


/***/ })

};
