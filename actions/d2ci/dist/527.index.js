export const id = 527;
export const ids = [527];
export const modules = {

/***/ 31527:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ../../packages/core/src/verify/notation.ts
var verify_notation = __webpack_require__(48515);
// EXTERNAL MODULE: ../../packages/core/src/verify/verify.ts + 2 modules
var verify = __webpack_require__(26728);
// EXTERNAL MODULE: ../../packages/core/src/oci/open.ts + 2 modules
var oci_open = __webpack_require__(17877);
// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __webpack_require__(48706);
// EXTERNAL MODULE: ../../packages/core/src/oci/http.ts + 1 modules
var http = __webpack_require__(71737);
// EXTERNAL MODULE: ../../packages/core/src/auth/hints.ts
var hints = __webpack_require__(8012);
// EXTERNAL MODULE: ../../packages/action-kit/src/index.ts + 26 modules
var src = __webpack_require__(73044);
;// CONCATENATED MODULE: ../verify-artifact/src/summary.ts

/** Flux version → accepts / rejects and why: what each source-controller would decide (flux-version). */
function fluxTable(result) {
    if (result.flux.length === 0)
        return [];
    return [
        '',
        '| Flux | Reads | Decision |',
        '|---|---|---|',
        ...result.flux.map((v) => `| ${v.version} | ${v.reads === 'bundles' ? 'Sigstore bundles' : 'legacy `.sig`'} | ${v.accepted ? '✅ accepts' : `❌ rejects: ${(0,src/* cell */.Hn)(v.reason ?? '')}`} |`),
        '',
    ];
}
/** The job summary of a cosign verification: the artifact, the policy (and the cluster's, with flux-manifest), Flux's verdicts. */
function verificationSummary(inputs, result, name) {
    const digest = result.descriptor.digest;
    const revision = result.annotations['org.opencontainers.image.revision'];
    const policy = inputs.verification.kind === 'key' ? `${inputs.verification.keys.length} public key(s)` : inputs.verification.policy.describe;
    const cluster = inputs.fluxManifest ? ` (from ${(0,src/* cell */.Hn)(inputs.fluxManifest.origin)} in \`${(0,src/* cell */.Hn)(inputs.fluxManifest.file)}\`)` : '';
    return [
        '### Flux artifact verification',
        '',
        '| Artifact | Digest | Result | Signer | Revision |',
        '|---|---|---|---|---|',
        `| ${(0,src/* cell */.Hn)(`${name}:${inputs.reference}`)} | \`${(0,src/* shortDigest */.VK)(digest)}\` | ${result.verified ? `✅ verified (${result.format})` : '❌ not verified'} | ${(0,src/* cell */.Hn)(result.identity ?? '—')}${result.issuer ? ` (${(0,src/* cell */.Hn)(result.issuer)})` : ''}${result.sourceRepository ? `, run in ${(0,src/* cell */.Hn)(result.sourceRepository)}` : ''} | ${(0,src/* cell */.Hn)(revision ?? '—')} |`,
        '',
        `Policy: ${(0,src/* cell */.Hn)(policy)}${cluster}. ${result.signaturesChecked} signature(s) examined.`,
        ...fluxTable(result),
        ...result.attestations.map((a) => `- attestation \`${(0,src/* cell */.Hn)(a.predicateType)}\`: ${a.verified ? `✅ verified (${(0,src/* shortDigest */.VK)(a.referrer ?? '')})` : `❌ ${(0,src/* cell */.Hn)(a.reason ?? '')}`}`),
        ...result.warnings.map((w) => `> ⚠ ${(0,src/* cell */.Hn)(w)}`),
        ...(result.verified ? [] : ['', ...result.reasons.map((r) => `- ${(0,src/* cell */.Hn)(r)}`)]),
    ].join('\n');
}

;// CONCATENATED MODULE: ../verify-artifact/src/main.ts



/** Notary Project verification with a trust policy and trust store, as Flux's `verify.provider: notation`. */
async function runNotation(inputs, notation, target, name, explain) {
    let result;
    try {
        result = await (0,verify_notation/* verifyNotation */.Wx)({
            target,
            reference: inputs.reference,
            repository: inputs.location.kind === 'registry' ? name : undefined,
            trustPolicy: notation.trustPolicy,
            trustStore: notation.trustStore,
            annotations: inputs.annotations,
        });
    }
    catch (err) {
        if (err instanceof verify_notation/* NotationPolicyError */.DT)
            throw new src/* InputError */.dz('notation-trust-policy', err.message);
        throw await explain(err);
    }
    const digest = result.descriptor.digest;
    const { source, revision } = (0,verify/* artifactOrigin */.$7)(result.annotations);
    const { verified, reasons } = result;
    src/* runner.setOutput */.lj.setOutput('verified', String(verified));
    src/* runner.setOutput */.lj.setOutput('digest', digest);
    src/* runner.setOutput */.lj.setOutput('digest-url', `${name}@${digest}`);
    src/* runner.setOutput */.lj.setOutput('format', 'notation');
    src/* runner.setOutput */.lj.setOutput('identity', result.signer ? `x509: ${result.signer.subject}` : '');
    src/* runner.setOutput */.lj.setOutput('issuer', '');
    src/* runner.setOutput */.lj.setOutput('signer-repository', '');
    src/* runner.setOutput */.lj.setOutput('attestations', '[]');
    src/* runner.setOutput */.lj.setOutput('flux', '[]');
    src/* runner.setOutput */.lj.setOutput('revision', revision ?? '');
    src/* runner.setOutput */.lj.setOutput('source', source ?? '');
    for (const warning of result.warnings)
        src/* runner.warning */.lj.warning(warning);
    src/* runner.appendSummary */.lj.appendSummary([
        '### Flux artifact verification (Notary Project)',
        '',
        '| Artifact | Digest | Result | Signer | Revision |',
        '|---|---|---|---|---|',
        `| ${(0,src/* cell */.Hn)(`${name}:${inputs.reference}`)} | \`${(0,src/* shortDigest */.VK)(digest)}\` | ${verified ? '✅ verified (notation)' : result.skipped ? '⏭ skipped by the trust policy' : '❌ not verified'} | ${(0,src/* cell */.Hn)(result.signer?.subject ?? '—')} | ${(0,src/* cell */.Hn)(revision ?? '—')} |`,
        '',
        `Trust policy: ${(0,src/* cell */.Hn)(result.policy ?? '—')} (${result.level ?? '—'}). ${result.signaturesChecked} signature(s) examined.`,
        ...(verified ? [] : ['', ...reasons.map((r) => `- ${(0,src/* cell */.Hn)(r)}`)]),
    ].join('\n'));
    if (verified) {
        src/* runner.info */.lj.info(`Verified ${name}@${digest} (notation): signed by ${result.signer?.subject ?? ''}, trust policy ${result.policy ?? ''}`);
        return;
    }
    throw new Error(`${name}:${inputs.reference} (${digest}) is not verified: ${result.skipped ? `the trust policy ${result.policy ?? ''} skips verification` : reasons.join('; ')}`);
}
async function run(inputs) {
    const { client, credentials } = (0,src/* registrySession */.EK)(inputs.registry, inputs.context, inputs.location);
    const target = (0,oci_open/* openTarget */.Ap)(inputs.location, client);
    const name = (0,oci_open/* locationName */.zb)(inputs.location);
    const explainRegistry = async (err) => {
        if (err instanceof errors/* OciError */.Mf && err.code === 'NETWORK' && (0,http/* networkErrorCode */.a0)(err.cause) === 'ENOTFOUND')
            return new src/* InputError */.dz('repository', err.message);
        if (inputs.location.kind !== 'registry')
            return err;
        const { registry, repository } = inputs.location.reference;
        return (0,hints/* withAuthHint */.s)(err, {
            registry,
            repository,
            hasCredentials: (await credentials(registry).catch(() => undefined)) !== undefined,
            vocabulary: 'action',
            provider: inputs.registry.provider,
        });
    };
    if (inputs.notation)
        return runNotation(inputs, inputs.notation, target, name, explainRegistry);
    let result;
    try {
        result = await (0,verify/* verifyArtifact */.oc)({
            target,
            reference: inputs.reference,
            verification: inputs.verification,
            format: inputs.format,
            annotations: inputs.annotations,
            requireAttestations: inputs.requireAttestations,
            fluxVersion: inputs.fluxVersion,
            ...(inputs.identities !== undefined ? { identities: inputs.identities } : {}),
            ...(inputs.fluxManifest?.registry ? { clusterRegistry: inputs.fluxManifest.registry } : {}),
        });
    }
    catch (err) {
        throw await explainRegistry(err);
    }
    const digest = result.descriptor.digest;
    const { source, revision } = (0,verify/* artifactOrigin */.$7)(result.annotations);
    src/* runner.setOutput */.lj.setOutput('verified', String(result.verified));
    src/* runner.setOutput */.lj.setOutput('digest', digest);
    src/* runner.setOutput */.lj.setOutput('digest-url', `${name}@${digest}`);
    src/* runner.setOutput */.lj.setOutput('format', result.format ?? '');
    src/* runner.setOutput */.lj.setOutput('identity', result.identity ?? '');
    src/* runner.setOutput */.lj.setOutput('issuer', result.issuer ?? '');
    src/* runner.setOutput */.lj.setOutput('signer-repository', result.sourceRepository ?? '');
    src/* runner.setOutput */.lj.setOutput('attestations', JSON.stringify(result.attestations));
    src/* runner.setOutput */.lj.setOutput('flux', JSON.stringify(result.flux));
    src/* runner.setOutput */.lj.setOutput('revision', revision ?? '');
    src/* runner.setOutput */.lj.setOutput('source', source ?? '');
    for (const warning of result.warnings)
        src/* runner.warning */.lj.warning(warning);
    src/* runner.appendSummary */.lj.appendSummary(verificationSummary(inputs, result, name));
    if (result.verified) {
        src/* runner.info */.lj.info(`Verified ${name}@${digest} (${result.format}): signed by ${result.identity}${result.issuer ? ` (${result.issuer})` : ''}${result.sourceRepository ? ` in a run of ${result.sourceRepository}` : ''}`);
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
