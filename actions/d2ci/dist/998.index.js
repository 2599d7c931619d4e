export const id = 998;
export const ids = [998];
export const modules = {

/***/ 27998:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65948);
/* harmony import */ var _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5140);


/** `<repository>/<component>` for component releases, as the D2 component repositories publish them. */
function componentLocation(base, component) {
    return component ? (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .childLocation */ .MEn)(base, component) : base;
}
async function run(inputs) {
    const plan = inputs.plan;
    const location = componentLocation(inputs.base, plan.release.component);
    const { client, credentials } = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .registrySession */ .EK)(inputs.registry, inputs.context, location);
    const target = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .openTarget */ .Apu)(location, client);
    const name = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .locationName */ .zb0)(location);
    let result;
    try {
        if (plan.kind === 'rollback') {
            result = await (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .rollbackRelease */ .w64)({ target, version: plan.release.version, verification: plan.verification });
        }
        else if (plan.kind === 'promote') {
            result = await (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .releaseArtifact */ ._ys)({ mode: 'promote', target, release: plan.release, commit: inputs.commit, path: plan.path, verification: plan.verification, signing: inputs.signing, allowDowngrade: inputs.allowDowngrade });
        }
        else {
            result = await (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .releaseArtifact */ ._ys)({ mode: 'build', target, release: plan.release, path: plan.path, source: inputs.source, revision: inputs.revision, signing: inputs.signing, allowDowngrade: inputs.allowDowngrade });
        }
    }
    catch (err) {
        if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .ReleaseRefused */ .C57)
            throw new Error(`${err.message} (nothing was moved)`);
        if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .ArtifactPathError */ .uRY)
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('path', `${err.message}; check \`path\``);
        if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .OciError */ .MfY && err.code === 'NETWORK' && (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .networkErrorCode */ .a0e)(err.cause) === 'ENOTFOUND')
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('repository', err.message);
        if (location.kind === 'registry') {
            const { registry, repository } = location.reference;
            throw (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .withAuthHint */ .sEZ)(err, { registry, repository, hasCredentials: (await credentials(registry).catch(() => undefined)) !== undefined, vocabulary: 'action', provider: inputs.registry.provider });
        }
        throw err;
    }
    const digest = result.descriptor.digest;
    for (const note of result.notes)
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(note);
    const verb = { promoted: 'Promoted', built: 'Built', 'rolled back': 'Rolled back', unchanged: 'Already released' }[result.action];
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(`${verb}: ${name}:${result.version} → ${digest}`);
    for (const t of result.tags)
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(`${t.changed ? 'Tagged' : 'Already tagged'} ${name}:${t.tag}`);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('version', result.version);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('component', result.component ?? plan.release.component ?? '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('digest', digest);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('digest-url', `${name}@${digest}`);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('previous-digest', result.previousDigest ?? '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('action', result.action);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('signature-ref', result.signature?.signatureRef ?? '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.appendSummary */ .lj.appendSummary([
        '### Flux artifact release',
        '',
        '| Artifact | Version | Action | Digest | latest-stable before | Signed by |',
        '|---|---|---|---|---|---|',
        `| ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(name)} | ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(result.version)} | ${result.action} | \`${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .shortDigest */ .VK)(digest)}\` | ${result.previousDigest ? `\`${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .shortDigest */ .VK)(result.previousDigest)}\`` : '—'} | ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(result.signature?.identity ?? '—')} |`,
        '',
        ...result.notes.map((n) => `- ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(n)}`),
    ].join('\n'));
}


/***/ })

};
