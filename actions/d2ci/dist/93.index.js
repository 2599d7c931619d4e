export const id = 93;
export const ids = [93];
export const modules = {

/***/ 57474:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   getInputs: () => (/* binding */ getInputs)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(10582);
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17877);
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(48706);
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(26728);
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(97906);
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(48515);
/* harmony import */ var _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73044);




function fluxVersionInput() {
    try {
        return (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_3__/* .parseFluxVersionOption */ .Qx)((0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .stringInput */ .Uj)('flux-version'));
    }
    catch (err) {
        if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_3__/* .FluxVersionError */ .CA)
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('flux-version', `${err.message}, or none`);
        throw err;
    }
}
function location() {
    const url = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .stringInput */ .Uj)('url');
    const repository = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .stringInput */ .Uj)('repository');
    const ref = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .stringInput */ .Uj)('ref');
    if (url && repository)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('url', 'give `url`, or `repository` with `ref`, not both');
    if (!url && !repository)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('repository', 'is required (or `url`); e.g. repository: ghcr.io/acme/fleet with ref: latest');
    const input = url ? 'url' : 'repository';
    let parsed;
    try {
        parsed = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_4__/* .parseLocation */ .zS)(url || repository);
    }
    catch (err) {
        if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_5__/* .InvalidReferenceError */ .x_)
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, err.message.replace(/^invalid reference /, ''));
        throw err;
    }
    const inline = parsed.kind === 'registry' ? (parsed.reference.digest ?? parsed.reference.tag) : (parsed.digest ?? parsed.tag);
    if (repository && inline)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('repository', `"${repository}" already names "${inline}"; put the tag or digest in \`ref\``);
    let reference = inline ?? (ref || 'latest');
    if (ref && !url) {
        try {
            const withRef = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_4__/* .parseLocation */ .zS)(`${repository}${ref.includes(':') ? '@' : ':'}${ref}`);
            reference =
                (withRef.kind === 'registry' ? (withRef.reference.digest ?? withRef.reference.tag) : (withRef.digest ?? withRef.tag)) ?? ref;
        }
        catch (err) {
            if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_5__/* .InvalidReferenceError */ .x_)
                throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('ref', `"${ref}" is not a tag or digest: ${err.message.replace(/^invalid (reference|layout location) "[^"]*": /, '')}`);
            throw err;
        }
    }
    return { location: parsed, reference };
}
/** Reads and validates every input (and loads the trust material) before anything is fetched. */
async function getInputs() {
    const context = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .githubContext */ .h4)();
    const { location: parsed, reference } = location();
    const fluxVersion = fluxVersionInput();
    const cluster = await (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .fluxManifestInputs */ .ow)(context);
    const flux = {
        fluxVersion,
        identities: cluster?.plan.provider === 'cosign' && cluster.plan.kind === 'keyless' ? cluster.plan.identities : undefined,
        fluxManifest: cluster?.manifest,
    };
    const notation = notationInputs(context);
    const formatValue = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .stringInput */ .Uj)('signature-format', { fallback: notation ? 'notation' : 'auto' });
    if (formatValue === 'notation' && !notation)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('notation-trust-policy', 'is required with `signature-format: notation` (with `notation-trust-store`)');
    if (formatValue !== 'notation' && notation)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('signature-format', `is "${formatValue}", but \`notation-trust-policy\` asks for Notary Project verification; leave it empty or set notation`);
    if (!_d2ci_core__WEBPACK_IMPORTED_MODULE_6__/* .verifyFormats */ .oP.includes(formatValue) && formatValue !== 'notation')
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('signature-format', `"${formatValue}" is not one of ${_d2ci_core__WEBPACK_IMPORTED_MODULE_6__/* .verifyFormats */ .oP.join(', ')}, notation`);
    if (notation) {
        if ((0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .stringInput */ .Uj)('certificate-identity') || (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .stringInput */ .Uj)('certificate-identity-regexp') || (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .stringInput */ .Uj)('key'))
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('notation-trust-policy', 'replaces `certificate-identity(-regexp)` and `key`: the trust policy names the trusted identities');
        return {
            location: parsed,
            reference,
            verification: { kind: 'key', keys: [] },
            format: 'auto',
            annotations: annotationsInput(),
            requireAttestations: [],
            notation,
            ...flux,
            registry: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .registryInputs */ .P4)(),
            context,
        };
    }
    const annotations = annotationsInput();
    const verification = await (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .verificationInputs */ .zi)(_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .verifyInputNames */ .uU, context, cluster?.plan.provider === 'cosign' && cluster.plan.kind === 'keyless' && cluster.plan.policy ? { policy: cluster.plan.policy } : {});
    let requireAttestations;
    try {
        requireAttestations = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .listInput */ .dt)('require-attestations').map(_d2ci_core__WEBPACK_IMPORTED_MODULE_7__/* .attestationPredicateType */ .YY);
    }
    catch (err) {
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('require-attestations', err.message);
    }
    return {
        location: parsed,
        reference,
        verification,
        format: formatValue,
        annotations,
        requireAttestations,
        notation: undefined,
        ...flux,
        registry: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .registryInputs */ .P4)(),
        context,
    };
}
function annotationsInput() {
    const annotations = {};
    for (const line of (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .linesInput */ .WO)('annotations')) {
        const cut = line.indexOf('=');
        if (cut <= 0)
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('annotations', `"${line}" is not key=regexp, e.g. org.opencontainers.image.revision=^refs/heads/main@`);
        try {
            annotations[line.slice(0, cut).trim()] = new RegExp(line.slice(cut + 1).trim());
        }
        catch (err) {
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('annotations', `"${line}": ${err.message}`);
        }
    }
    return annotations;
}
/** `notation-trust-policy` (JSON, or a file in the workspace) and `notation-trust-store` (a directory laid out as Notation's). */
function notationInputs(context) {
    const policy = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .stringInput */ .Uj)('notation-trust-policy');
    const store = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .stringInput */ .Uj)('notation-trust-store');
    if (!policy && !store)
        return undefined;
    if (!policy)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('notation-trust-policy', 'is required with `notation-trust-store`: the trustpolicy.json that says which stores and identities to trust');
    if (!store)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('notation-trust-store', "is required with `notation-trust-policy`: a directory holding x509/ca/<name>/*.pem (as Notation's trust store)");
    let text = policy;
    if (!policy.trimStart().startsWith('{')) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(context.workspace, policy);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('notation-trust-policy', `is neither JSON nor a file in the workspace ("${policy}")`);
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    let trustPolicy;
    try {
        trustPolicy = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_8__/* .parseNotationTrustPolicy */ .sS)(text);
    }
    catch (err) {
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('notation-trust-policy', err.message);
    }
    const storePath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(context.workspace, store);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(storePath))
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('notation-trust-store', `"${store}" does not exist in the workspace`);
    return { trustPolicy, trustStore: (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_8__/* .notationDirectoryTrustStore */ .J8)(storePath) };
}


/***/ })

};
