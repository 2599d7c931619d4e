export const id = 870;
export const ids = [870];
export const modules = {

/***/ 10870:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65948);
/* harmony import */ var _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5140);


/** Notary Project verification with a trust policy and trust store, as Flux's `verify.provider: notation`. */
async function runNotation(inputs, notation, target, name, explain) {
    let result;
    try {
        result = await (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .verifyNotation */ .Wx_)({ target, reference: inputs.reference, repository: inputs.location.kind === 'registry' ? name : undefined, trustPolicy: notation.trustPolicy, trustStore: notation.trustStore });
    }
    catch (err) {
        if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .NotationPolicyError */ .DTA)
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('notation-trust-policy', err.message);
        throw await explain(err);
    }
    const digest = result.descriptor.digest;
    const fetched = await target.fetchManifest(digest);
    const { source, revision } = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .artifactOrigin */ .$78)((0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .parseManifest */ .Ngi)(fetched.bytes, fetched.descriptor.mediaType).manifest.annotations ?? {});
    const reasons = [...result.reasons];
    for (const [key, pattern] of Object.entries(inputs.annotations)) {
        const value = ((0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .parseManifest */ .Ngi)(fetched.bytes, fetched.descriptor.mediaType).manifest.annotations ?? {})[key];
        if (value === undefined || !pattern.test(value))
            reasons.push(`annotation ${key} is ${value === undefined ? 'missing' : `"${value}"`}, expected to match ${pattern.source}`);
    }
    const verified = result.verified && reasons.length === 0;
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('verified', String(verified));
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('digest', digest);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('digest-url', `${name}@${digest}`);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('format', 'notation');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('identity', result.signer ? `x509: ${result.signer.subject}` : '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('issuer', '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('signer-repository', '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('attestations', '[]');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('revision', revision ?? '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('source', source ?? '');
    for (const warning of result.warnings)
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.warning */ .lj.warning(warning);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.appendSummary */ .lj.appendSummary([
        '### Flux artifact verification (Notary Project)',
        '',
        '| Artifact | Digest | Result | Signer | Revision |',
        '|---|---|---|---|---|',
        `| ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(`${name}:${inputs.reference}`)} | \`${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .shortDigest */ .VK)(digest)}\` | ${verified ? '✅ verified (notation)' : result.skipped ? '⏭ skipped by the trust policy' : '❌ not verified'} | ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(result.signer?.subject ?? '—')} | ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(revision ?? '—')} |`,
        '',
        `Trust policy: ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(result.policy ?? '—')} (${result.level ?? '—'}). ${result.signaturesChecked} signature(s) examined.`,
        ...(verified ? [] : ['', ...reasons.map((r) => `- ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(r)}`)]),
    ].join('\n'));
    if (verified) {
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(`Verified ${name}@${digest} (notation): signed by ${result.signer?.subject ?? ''}, trust policy ${result.policy ?? ''}`);
        return;
    }
    throw new Error(`${name}:${inputs.reference} (${digest}) is not verified: ${result.skipped ? `the trust policy ${result.policy ?? ''} skips verification` : reasons.join('; ')}`);
}
async function run(inputs) {
    const { client, credentials } = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .registrySession */ .EK)(inputs.registry, inputs.context, inputs.location);
    const target = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .openTarget */ .Apu)(inputs.location, client);
    const name = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .locationName */ .zb0)(inputs.location);
    const explainRegistry = async (err) => {
        if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .OciError */ .MfY && err.code === 'NETWORK' && (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .networkErrorCode */ .a0e)(err.cause) === 'ENOTFOUND')
            return new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('repository', err.message);
        if (inputs.location.kind !== 'registry')
            return err;
        const { registry, repository } = inputs.location.reference;
        return (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .withAuthHint */ .sEZ)(err, { registry, repository, hasCredentials: (await credentials(registry).catch(() => undefined)) !== undefined, vocabulary: 'action', provider: inputs.registry.provider });
    };
    if (inputs.notation)
        return runNotation(inputs, inputs.notation, target, name, explainRegistry);
    let result;
    try {
        result = await (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .verifyArtifact */ .ocb)({ target, reference: inputs.reference, verification: inputs.verification, format: inputs.format, annotations: inputs.annotations, requireAttestations: inputs.requireAttestations });
    }
    catch (err) {
        throw await explainRegistry(err);
    }
    const digest = result.descriptor.digest;
    const { source, revision } = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_0__/* .artifactOrigin */ .$78)(result.annotations);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('verified', String(result.verified));
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('digest', digest);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('digest-url', `${name}@${digest}`);
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('format', result.format ?? '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('identity', result.identity ?? '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('issuer', result.issuer ?? '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('signer-repository', result.sourceRepository ?? '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('attestations', JSON.stringify(result.attestations));
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('revision', revision ?? '');
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.setOutput */ .lj.setOutput('source', source ?? '');
    for (const warning of result.warnings)
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.warning */ .lj.warning(warning);
    const policy = inputs.verification.kind === 'key' ? `${inputs.verification.keys.length} public key(s)` : inputs.verification.policy.describe;
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.appendSummary */ .lj.appendSummary([
        '### Flux artifact verification',
        '',
        '| Artifact | Digest | Result | Signer | Revision |',
        '|---|---|---|---|---|',
        `| ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(`${name}:${inputs.reference}`)} | \`${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .shortDigest */ .VK)(digest)}\` | ${result.verified ? `✅ verified (${result.format})` : '❌ not verified'} | ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(result.identity ?? '—')}${result.issuer ? ` (${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(result.issuer)})` : ''}${result.sourceRepository ? `, run in ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(result.sourceRepository)}` : ''} | ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(revision ?? '—')} |`,
        '',
        `Policy: ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(policy)}. ${result.signaturesChecked} signature(s) examined.`,
        ...result.attestations.map((a) => `- attestation \`${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(a.predicateType)}\`: ${a.verified ? `✅ verified (${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .shortDigest */ .VK)(a.referrer ?? '')})` : `❌ ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(a.reason ?? '')}`}`),
        ...result.warnings.map((w) => `> ⚠ ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(w)}`),
        ...(result.verified ? [] : ['', ...result.reasons.map((r) => `- ${(0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(r)}`)]),
    ].join('\n'));
    if (result.verified) {
        _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_1__/* .runner.info */ .lj.info(`Verified ${name}@${digest} (${result.format}): signed by ${result.identity}${result.issuer ? ` (${result.issuer})` : ''}${result.sourceRepository ? ` in a run of ${result.sourceRepository}` : ''}`);
        return;
    }
    throw new Error(`${name}:${inputs.reference} (${digest}) is not verified: ${result.reasons.join('; ')}`);
}


/***/ })

};
