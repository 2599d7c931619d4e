export const id = 474;
export const ids = [474];
export const modules = {

/***/ 57474:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   getInputs: () => (/* binding */ getInputs)
/* harmony export */ });
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(36966);
/* harmony import */ var _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5140);


function location() {
    const url = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('url');
    const repository = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('repository');
    const ref = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('ref');
    if (url && repository)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('url', 'give `url`, or `repository` with `ref`, not both');
    if (!url && !repository)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('repository', 'is required (or `url`); e.g. repository: ghcr.io/acme/fleet with ref: latest');
    const input = url ? 'url' : 'repository';
    let parsed;
    try {
        parsed = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .parseLocation */ .zSL)(url || repository);
    }
    catch (err) {
        if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_N)
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, err.message.replace(/^invalid reference /, ''));
        throw err;
    }
    const inline = parsed.kind === 'registry' ? (parsed.reference.digest ?? parsed.reference.tag) : (parsed.digest ?? parsed.tag);
    if (repository && inline)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('repository', `"${repository}" already names "${inline}"; put the tag or digest in \`ref\``);
    let reference = inline ?? (ref || 'latest');
    if (ref && !url) {
        try {
            const withRef = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .parseLocation */ .zSL)(`${repository}${ref.includes(':') ? '@' : ':'}${ref}`);
            reference = (withRef.kind === 'registry' ? (withRef.reference.digest ?? withRef.reference.tag) : (withRef.digest ?? withRef.tag)) ?? ref;
        }
        catch (err) {
            if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_N)
                throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('ref', `"${ref}" is not a tag or digest: ${err.message.replace(/^invalid (reference|layout location) "[^"]*": /, '')}`);
            throw err;
        }
    }
    return { location: parsed, reference };
}
/** Reads and validates every input (and loads the trust material) before anything is fetched. */
async function getInputs() {
    const context = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .githubContext */ .h4)();
    const { location: parsed, reference } = location();
    const formatValue = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('signature-format', { fallback: 'auto' });
    if (!_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .verifyFormats */ .oP1.includes(formatValue))
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('signature-format', `"${formatValue}" is not one of ${_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .verifyFormats */ .oP1.join(', ')}`);
    const annotations = {};
    for (const line of (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .linesInput */ .WO)('annotations')) {
        const cut = line.indexOf('=');
        if (cut <= 0)
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('annotations', `"${line}" is not key=regexp, e.g. org.opencontainers.image.revision=^refs/heads/main@`);
        try {
            annotations[line.slice(0, cut).trim()] = new RegExp(line.slice(cut + 1).trim());
        }
        catch (err) {
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('annotations', `"${line}": ${err.message}`);
        }
    }
    const verification = await (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .verificationInputs */ .zi)(_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .verifyInputNames */ .uU, context);
    return { location: parsed, reference, verification, format: formatValue, annotations, registry: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .registryInputs */ .P4)(), context };
}


/***/ })

};
