export const id = 870;
export const ids = [870];
export const modules = {

/***/ 10870:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48515);
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(26728);
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(42328);
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48706);
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(71737);
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8012);
/* harmony import */ var _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31564);


/** Notary Project verification with a trust policy and trust store, as Flux's `verify.provider: notation`. */
async function runNotation(inputs, notation, target, name, explain) {
    let result;
    try {
        result = await (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_1__/* .verifyNotation */ .Wx)({ target, reference: inputs.reference, repository: inputs.location.kind === 'registry' ? name : undefined, trustPolicy: notation.trustPolicy, trustStore: notation.trustStore, annotations: inputs.annotations });
    }
    catch (err) {
        if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT)
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('notation-trust-policy', err.message);
        throw await explain(err);
    }
    const digest = result.descriptor.digest;
    const { source, revision } = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_2__/* .artifactOrigin */ .$7)(result.annotations);
    const { verified, reasons } = result;
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.setOutput */ .lj.setOutput('verified', String(verified));
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.setOutput */ .lj.setOutput('digest', digest);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.setOutput */ .lj.setOutput('digest-url', `${name}@${digest}`);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.setOutput */ .lj.setOutput('format', 'notation');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.setOutput */ .lj.setOutput('identity', result.signer ? `x509: ${result.signer.subject}` : '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.setOutput */ .lj.setOutput('issuer', '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.setOutput */ .lj.setOutput('signer-repository', '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.setOutput */ .lj.setOutput('attestations', '[]');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.setOutput */ .lj.setOutput('revision', revision ?? '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.setOutput */ .lj.setOutput('source', source ?? '');
    for (const warning of result.warnings)
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.warning */ .lj.warning(warning);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.appendSummary */ .lj.appendSummary([
        '### Flux artifact verification (Notary Project)',
        '',
        '| Artifact | Digest | Result | Signer | Revision |',
        '|---|---|---|---|---|',
        `| ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(`${name}:${inputs.reference}`)} | \`${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .shortDigest */ .VK)(digest)}\` | ${verified ? '✅ verified (notation)' : result.skipped ? '⏭ skipped by the trust policy' : '❌ not verified'} | ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(result.signer?.subject ?? '—')} | ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(revision ?? '—')} |`,
        '',
        `Trust policy: ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(result.policy ?? '—')} (${result.level ?? '—'}). ${result.signaturesChecked} signature(s) examined.`,
        ...(verified ? [] : ['', ...reasons.map((r) => `- ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(r)}`)]),
    ].join('\n'));
    if (verified) {
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.info */ .lj.info(`Verified ${name}@${digest} (notation): signed by ${result.signer?.subject ?? ''}, trust policy ${result.policy ?? ''}`);
        return;
    }
    throw new Error(`${name}:${inputs.reference} (${digest}) is not verified: ${result.skipped ? `the trust policy ${result.policy ?? ''} skips verification` : reasons.join('; ')}`);
}
async function run(inputs) {
    const { client, credentials } = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .registrySession */ .EK)(inputs.registry, inputs.context, inputs.location);
    const target = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_3__/* .openTarget */ .Ap)(inputs.location, client);
    const name = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_3__/* .locationName */ .zb)(inputs.location);
    const explainRegistry = async (err) => {
        if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_4__/* .OciError */ .Mf && err.code === 'NETWORK' && (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_5__/* .networkErrorCode */ .a0)(err.cause) === 'ENOTFOUND')
            return new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('repository', err.message);
        if (inputs.location.kind !== 'registry')
            return err;
        const { registry, repository } = inputs.location.reference;
        return (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_6__/* .withAuthHint */ .s)(err, { registry, repository, hasCredentials: (await credentials(registry).catch(() => undefined)) !== undefined, vocabulary: 'action', provider: inputs.registry.provider });
    };
    if (inputs.notation)
        return runNotation(inputs, inputs.notation, target, name, explainRegistry);
    let result;
    try {
        result = await (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_2__/* .verifyArtifact */ .oc)({ target, reference: inputs.reference, verification: inputs.verification, format: inputs.format, annotations: inputs.annotations, requireAttestations: inputs.requireAttestations });
    }
    catch (err) {
        throw await explainRegistry(err);
    }
    const digest = result.descriptor.digest;
    const { source, revision } = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_2__/* .artifactOrigin */ .$7)(result.annotations);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.setOutput */ .lj.setOutput('verified', String(result.verified));
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.setOutput */ .lj.setOutput('digest', digest);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.setOutput */ .lj.setOutput('digest-url', `${name}@${digest}`);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.setOutput */ .lj.setOutput('format', result.format ?? '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.setOutput */ .lj.setOutput('identity', result.identity ?? '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.setOutput */ .lj.setOutput('issuer', result.issuer ?? '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.setOutput */ .lj.setOutput('signer-repository', result.sourceRepository ?? '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.setOutput */ .lj.setOutput('attestations', JSON.stringify(result.attestations));
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.setOutput */ .lj.setOutput('revision', revision ?? '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.setOutput */ .lj.setOutput('source', source ?? '');
    for (const warning of result.warnings)
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.warning */ .lj.warning(warning);
    const policy = inputs.verification.kind === 'key' ? `${inputs.verification.keys.length} public key(s)` : inputs.verification.policy.describe;
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.appendSummary */ .lj.appendSummary([
        '### Flux artifact verification',
        '',
        '| Artifact | Digest | Result | Signer | Revision |',
        '|---|---|---|---|---|',
        `| ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(`${name}:${inputs.reference}`)} | \`${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .shortDigest */ .VK)(digest)}\` | ${result.verified ? `✅ verified (${result.format})` : '❌ not verified'} | ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(result.identity ?? '—')}${result.issuer ? ` (${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(result.issuer)})` : ''}${result.sourceRepository ? `, run in ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(result.sourceRepository)}` : ''} | ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(revision ?? '—')} |`,
        '',
        `Policy: ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(policy)}. ${result.signaturesChecked} signature(s) examined.`,
        ...result.attestations.map((a) => `- attestation \`${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(a.predicateType)}\`: ${a.verified ? `✅ verified (${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .shortDigest */ .VK)(a.referrer ?? '')})` : `❌ ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(a.reason ?? '')}`}`),
        ...result.warnings.map((w) => `> ⚠ ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(w)}`),
        ...(result.verified ? [] : ['', ...result.reasons.map((r) => `- ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(r)}`)]),
    ].join('\n'));
    if (result.verified) {
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.info */ .lj.info(`Verified ${name}@${digest} (${result.format}): signed by ${result.identity}${result.issuer ? ` (${result.issuer})` : ''}${result.sourceRepository ? ` in a run of ${result.sourceRepository}` : ''}`);
        return;
    }
    throw new Error(`${name}:${inputs.reference} (${digest}) is not verified: ${result.reasons.join('; ')}`);
}


/***/ }),

/***/ 8012:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ withAuthHint)
/* harmony export */ });
/* harmony import */ var _oci_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48706);
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49999);


/** What a cloud identity needs to push, when its registry refuses it. */
const cloudPermissions = {
    aws: (_registry, repository) => `the AWS identity needs ecr:BatchCheckLayerAvailability, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:PutImage and ecr:BatchGetImage on the repository ${repository}, which must exist`,
    gcp: (_registry, repository) => `the Google identity needs roles/artifactregistry.writer on ${repository} (or Storage write access for Container Registry)`,
    azure: (registry) => `the Azure identity needs the AcrPush role on ${registry}`,
};
const credentialFix = {
    action: 'set `registry-username` and `registry-password`, or `github-token` for ghcr.io, or log in with docker/login-action',
    cli: 'pass --creds user:password, or run docker login',
};
/**
 * Adds the fix a user needs to a registry auth failure: which permission or input is missing. Other errors
 * come back unchanged.
 */
function withAuthHint(err, context) {
    if (!(err instanceof _oci_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OciError */ .Mf) || (err.status !== 401 && err.status !== 403))
        return err;
    const github = (0,_github_js__WEBPACK_IMPORTED_MODULE_1__/* .isGitHubRegistry */ .v)(context.registry, process.env.GITHUB_SERVER_URL || undefined);
    let hint;
    if (!context.hasCredentials) {
        hint = `no credentials for ${context.registry}: ${credentialFix[context.vocabulary]}`;
    }
    else if (github) {
        hint =
            context.vocabulary === 'action'
                ? `add \`permissions: packages: write\` to the job, and give this repository access to the package ${context.repository} (package settings → Manage Actions access)`
                : `use a token with the write:packages scope for ${context.registry}`;
    }
    else if (context.provider && context.provider !== 'generic') {
        hint = cloudPermissions[context.provider](context.registry, context.repository);
    }
    else if (err.status === 401) {
        hint = `the registry rejected the credentials for ${context.registry}; check them`;
    }
    else {
        hint = `the credentials lack permission for ${context.registry}/${context.repository}`;
    }
    return new _oci_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OciError */ .Mf(err.code, `${err.message}; ${hint}`, { status: err.status, cause: err });
}


/***/ })

};
