export const id = 303;
export const ids = [303];
export const modules = {

/***/ 71303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ../../packages/core/src/verify/flux.ts
var flux = __webpack_require__(10582);
// EXTERNAL MODULE: ../../packages/core/src/sign/annotations.ts
var annotations = __webpack_require__(95991);
// EXTERNAL MODULE: ../../packages/core/src/documents/attach.ts + 13 modules
var attach = __webpack_require__(37426);
// EXTERNAL MODULE: ../../packages/core/src/verify/deployed-cluster.ts + 1 modules
var deployed_cluster = __webpack_require__(61601);
// EXTERNAL MODULE: ../../packages/core/src/verify/check-errors.ts
var check_errors = __webpack_require__(82549);
// EXTERNAL MODULE: ../../packages/core/src/verify/verify.ts + 2 modules
var verify = __webpack_require__(26728);
;// CONCATENATED MODULE: ../../packages/core/src/verify/signature-choice.ts


// Which signatures a verification checks, from what the user gave: cosign's (a key or a keyless identity; legacy
// .sig and Sigstore bundles) or a Notary Project signature (a trust policy and trust store), as Flux's
// `verify.provider` picks. Both front doors choose here, so they refuse the same combinations.
/** The signature formats a verification may ask for: cosign's, or `notation`. */
const verifySignatureFormats = [...verify/* verifyFormats */.oP, 'notation'];
/** A signature format as given (undefined when not given); refuses any other value. */
function parseSignatureFormat(value) {
    if (value === undefined || verifySignatureFormats.includes(value))
        return value;
    throw new check_errors/* VerifyRequestError */.R('SIGNATURE_FORMAT_INVALID', 'signature-format', `"${value}" is not one of ${verifySignatureFormats.join(', ')}`);
}
/**
 * Notation when a trust policy is given (or format notation asks for one), else cosign in the format asked for.
 * An explicit cosign format (auto included) with Notation is refused rather than ignored, and so is a cosign key or
 * identity beside a trust policy: the policy names the trusted identities.
 */
function chooseSignatures(given) {
    const { format, notation } = given;
    if (given.cluster?.provider === 'notation' && format !== undefined && format !== 'auto' && format !== 'notation')
        throw new check_errors/* VerifyRequestError */.R('FORMAT_CONFLICTS_WITH_CLUSTER', 'signature-format', `${format}: the flux manifest's OCIRepository verifies with Notation`, format);
    if (format === 'notation' && notation === undefined)
        throw new check_errors/* VerifyRequestError */.R('NOTATION_REQUIRED', 'notation-trust-policy', 'is required with signature format notation', format);
    if (format !== undefined && format !== 'notation' && notation !== undefined)
        throw new check_errors/* VerifyRequestError */.R('FORMAT_CONFLICTS_WITH_NOTATION', 'signature-format', `is "${format}", but a Notation trust policy asks for Notary Project verification; leave it out or set notation`, format);
    const parsed = parseSignatureFormat(format);
    if (notation === undefined)
        return { provider: 'cosign', format: parsed === undefined || parsed === 'notation' ? 'auto' : parsed };
    if (given.cosign)
        throw new check_errors/* VerifyRequestError */.R('NOTATION_CONFLICTS_WITH_COSIGN', 'notation-trust-policy', 'replaces the cosign key and identity: the trust policy names the trusted identities');
    return { provider: 'notation', notation };
}

// EXTERNAL MODULE: ../../packages/action-kit/src/index.ts + 24 modules
var src = __webpack_require__(80437);
// EXTERNAL MODULE: ../../packages/core/src/oci/open.ts + 2 modules
var oci_open = __webpack_require__(17877);
// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __webpack_require__(48706);
;// CONCATENATED MODULE: ../verify-artifact/src/location.ts


/** The tag or digest a location names, if any. */
const inlineReference = (location) => location.kind === 'registry' ? (location.reference.digest ?? location.reference.tag) : (location.digest ?? location.tag);
/** `url`, or `repository` with `ref` (default latest): where the artifact is, and the tag or digest to verify. */
function artifactInputs() {
    const url = (0,src/* stringInput */.Uj)('url');
    const repository = (0,src/* stringInput */.Uj)('repository');
    const ref = (0,src/* stringInput */.Uj)('ref');
    if (url && repository)
        throw new src/* InputError */.dz('url', 'give `url`, or `repository` with `ref`, not both');
    if (!url && !repository)
        throw new src/* InputError */.dz('repository', 'is required (or `url`); e.g. repository: ghcr.io/acme/fleet with ref: latest');
    const input = url ? 'url' : 'repository';
    let parsed;
    try {
        parsed = (0,oci_open/* parseLocation */.zS)(url || repository);
    }
    catch (err) {
        if (err instanceof errors/* InvalidReferenceError */.x_)
            throw new src/* InputError */.dz(input, err.problem);
        throw err;
    }
    const inline = inlineReference(parsed);
    if (repository && inline)
        throw new src/* InputError */.dz('repository', `"${repository}" already names "${inline}"; put the tag or digest in \`ref\``);
    let reference = inline ?? (ref || 'latest');
    if (ref && !url) {
        try {
            reference = inlineReference((0,oci_open/* parseLocation */.zS)(`${repository}${ref.includes(':') ? '@' : ':'}${ref}`)) ?? ref;
        }
        catch (err) {
            if (err instanceof errors/* InvalidReferenceError */.x_)
                // What is wrong with the ref alone: the reason, after the whole location a reference or layout error quotes.
                throw new src/* InputError */.dz('ref', `"${ref}" is not a tag or digest: ${err.kind === 'reference' || err.kind === 'layout location' ? err.reason : err.message}`);
            throw err;
        }
    }
    return { location: parsed, reference };
}

;// CONCATENATED MODULE: ../verify-artifact/src/refusals.ts

/** A refusal of the request in this action's words: a conflict names both inputs. */
function requestInputError(err) {
    if (err.code === 'NOTATION_REQUIRED')
        return new src/* InputError */.dz('notation-trust-policy', 'is required with `signature-format: notation` (with `notation-trust-store`)');
    if (err.code === 'FORMAT_CONFLICTS_WITH_NOTATION' || err.code === 'FORMAT_CONFLICTS_WITH_CLUSTER')
        return new src/* InputError */.dz('signature-format', `is "${err.format ?? ''}", but \`notation-trust-policy\` asks for Notary Project verification; leave it empty or set notation`);
    if (err.code === 'NOTATION_CONFLICTS_WITH_COSIGN')
        return new src/* InputError */.dz('notation-trust-policy', 'replaces `certificate-identity(-regexp)` and `key`: the trust policy names the trusted identities');
    return (0,src/* inputError */.Xu)(err) ?? err;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../../packages/core/src/notation/trust-policy.ts
var trust_policy = __webpack_require__(74051);
// EXTERNAL MODULE: ../../packages/core/src/notation/trust-store.ts
var trust_store = __webpack_require__(70184);
;// CONCATENATED MODULE: ../verify-artifact/src/notation-inputs.ts




/**
 * `notation-trust-policy` (JSON, or a file in the workspace), `notation-trust-store` (a directory laid out as
 * Notation's) and, for an OCI layout, `notation-scope`: the policy is validated before anything is fetched.
 */
function notationInputs(context) {
    const policy = (0,src/* stringInput */.Uj)('notation-trust-policy');
    const store = (0,src/* stringInput */.Uj)('notation-trust-store');
    if (!policy && !store)
        return undefined;
    if (!policy)
        throw new src/* InputError */.dz('notation-trust-policy', 'is required with `notation-trust-store`: the trustpolicy.json that says which stores and identities to trust');
    if (!store)
        throw new src/* InputError */.dz('notation-trust-store', "is required with `notation-trust-policy`: a directory holding x509/ca/<name>/*.pem (as Notation's trust store)");
    let text = policy;
    if (!policy.trimStart().startsWith('{')) {
        const path = (0,external_node_path_.resolve)(context.workspace, policy);
        if (!(0,external_node_fs_.existsSync)(path))
            throw new src/* InputError */.dz('notation-trust-policy', `is neither JSON nor a file in the workspace ("${policy}")`);
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    let trustPolicy;
    try {
        trustPolicy = (0,trust_policy/* parseNotationTrustPolicy */.s)(text);
    }
    catch (err) {
        throw (0,src/* inputError */.Xu)(err) ?? err;
    }
    const storePath = (0,external_node_path_.resolve)(context.workspace, store);
    if (!(0,external_node_fs_.existsSync)(storePath))
        throw new src/* InputError */.dz('notation-trust-store', `"${store}" does not exist in the workspace`);
    const scope = (0,src/* stringInput */.Uj)('notation-scope');
    return { provider: 'notation', trustPolicy, trustStore: (0,trust_store/* notationDirectoryTrustStore */.J8)(storePath), ...(scope ? { scope } : {}) };
}

;// CONCATENATED MODULE: ../verify-artifact/src/inputs.ts






function fluxVersionInput() {
    try {
        return (0,flux/* parseFluxVersionOption */.Qx)((0,src/* stringInput */.Uj)('flux-version'));
    }
    catch (err) {
        if (err instanceof flux/* FluxVersionError */.CA)
            throw new src/* InputError */.dz('flux-version', `${err.message}, or none`);
        throw err;
    }
}
function annotationsInput() {
    const annotations = {};
    for (const line of (0,src/* linesInput */.WO)('annotations')) {
        const cut = line.indexOf('=');
        if (cut <= 0)
            throw new src/* InputError */.dz('annotations', `"${line}" is not key=regexp, e.g. org.opencontainers.image.revision=^refs/heads/main@`);
        try {
            annotations[line.slice(0, cut).trim()] = new RegExp(line.slice(cut + 1).trim());
        }
        catch (err) {
            throw new src/* InputError */.dz('annotations', `"${line}": ${err.message}`);
        }
    }
    return annotations;
}
/** cosign's signatures: the policy (a flux manifest's matchOIDCIdentity in place of the identity inputs) and what else to check. */
async function cosignInputs(context, cluster, from) {
    const policy = (0,deployed_cluster/* presetIdentityPolicy */.MY)(cluster, from, (0,src/* stringInput */.Uj)('key') !== '');
    const verification = await (0,src/* verificationInputs */.zi)(src/* verifyInputNames */.uU, context, policy ? { policy } : {});
    try {
        const signatureAnnotations = (0,annotations/* parseSignatureAnnotations */.w9)((0,src/* linesInput */.WO)('signature-annotations'));
        return {
            verification,
            requireAttestations: (0,src/* listInput */.dt)('require-attestations').map(attach/* attestationPredicateType */.YY),
            ...(Object.keys(signatureAnnotations).length ? { signatureAnnotations } : {}),
        };
    }
    catch (err) {
        throw (0,src/* inputError */.Xu)(err) ?? err;
    }
}
/** Reads and validates every input (and loads the trust material) before anything is fetched. */
async function getInputs() {
    const context = (0,src/* githubContext */.h4)();
    const { location, reference } = artifactInputs();
    const fluxVersion = fluxVersionInput();
    const cluster = await (0,src/* fluxManifestInputs */.ow)(context);
    const clusterFrom = (0,src/* deployedFluxManifestInputs */.e6)();
    let choice;
    try {
        choice = chooseSignatures({
            format: (0,src/* stringInput */.Uj)('signature-format') || undefined,
            notation: notationInputs(context),
            cosign: Boolean((0,src/* stringInput */.Uj)('certificate-identity') || (0,src/* stringInput */.Uj)('certificate-identity-regexp') || (0,src/* stringInput */.Uj)('key') || clusterFrom),
            cluster: cluster?.plan,
        });
    }
    catch (err) {
        if (err instanceof check_errors/* VerifyRequestError */.R)
            throw requestInputError(err);
        throw err;
    }
    const annotations = annotationsInput();
    const signatures = choice.provider === 'notation'
        ? choice.notation
        : { provider: 'cosign', format: choice.format, fluxVersion, ...(await cosignInputs(context, cluster, clusterFrom)) };
    const check = { signatures, annotations, ...(cluster ? { cluster } : {}), ...(clusterFrom ? { clusterFrom } : {}) };
    return { location, reference, check, registry: (0,src/* registryInputs */.P4)(), context };
}

// EXTERNAL MODULE: ../../packages/core/src/notation/errors.ts
var notation_errors = __webpack_require__(63879);
// EXTERNAL MODULE: ../../packages/core/src/verify/check.ts + 4 modules
var check = __webpack_require__(90224);
// EXTERNAL MODULE: ../../packages/core/src/verify/flux-manifest-error.ts
var flux_manifest_error = __webpack_require__(14705);
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
/** The artifact's row: what was asked for, the digest checked, the verdict, the signer and the revision. */
function artifactRow(result, verdict, signer) {
    return [
        '| Artifact | Digest | Result | Signer | Revision |',
        '|---|---|---|---|---|',
        `| ${(0,src/* cell */.Hn)(`${result.name}:${result.reference}`)} | \`${(0,src/* shortDigest */.VK)(result.descriptor.digest)}\` | ${verdict} | ${signer} | ${(0,src/* cell */.Hn)(result.revision ?? '—')} |`,
    ];
}
/** A Notary Project verification: the trust policy statement that applied, and its level. */
function notationSummary(result) {
    const verdict = result.verified ? '✅ verified (notation)' : result.skipped ? '⏭ skipped by the trust policy' : '❌ not verified';
    return [
        '### Flux artifact verification (Notary Project)',
        '',
        ...artifactRow(result, verdict, (0,src/* cell */.Hn)(result.subject ?? '—')),
        '',
        `Trust policy: ${(0,src/* cell */.Hn)(result.policy ?? '—')} (${result.level ?? '—'}). ${result.signaturesChecked} signature(s) examined.`,
        ...(result.verified ? [] : ['', ...result.reasons.map((r) => `- ${(0,src/* cell */.Hn)(r)}`)]),
    ].join('\n');
}
/** The job summary: the artifact, the policy (and the cluster's, with flux-manifest), Flux's verdicts, attestations. */
function checkSummary(result) {
    if (result.provider === 'notation')
        return notationSummary(result);
    const signer = `${(0,src/* cell */.Hn)(result.identity ?? '—')}${result.issuer ? ` (${(0,src/* cell */.Hn)(result.issuer)})` : ''}${result.sourceRepository ? `, run in ${(0,src/* cell */.Hn)(result.sourceRepository)}` : ''}`;
    const cluster = result.cluster ? ` (from ${(0,src/* cell */.Hn)(result.cluster.origin)} in \`${(0,src/* cell */.Hn)(result.cluster.file)}\`)` : '';
    return [
        '### Flux artifact verification',
        '',
        ...artifactRow(result, result.verified ? `✅ verified (${result.format ?? ''})` : '❌ not verified', signer),
        '',
        `Policy: ${(0,src/* cell */.Hn)(result.policy ?? '')}${cluster}. ${result.signaturesChecked} signature(s) examined.`,
        ...fluxTable(result),
        ...result.attestations.map((a) => `- attestation \`${(0,src/* cell */.Hn)(a.predicateType)}\`: ${a.verified ? `✅ verified (${(0,src/* shortDigest */.VK)(a.referrer ?? '')})` : `❌ ${(0,src/* cell */.Hn)(a.reason ?? '')}`}`),
        ...result.warnings.map((w) => `> ⚠ ${(0,src/* cell */.Hn)(w)}`),
        ...(result.verified ? [] : ['', ...result.reasons.map((r) => `- ${(0,src/* cell */.Hn)(r)}`)]),
    ].join('\n');
}

;// CONCATENATED MODULE: ../verify-artifact/src/render.ts


/** Who signed, for the log. */
function signedBy(result) {
    if (result.provider === 'notation')
        return `${result.subject ?? ''}, trust policy ${result.policy ?? ''}`;
    return `${result.identity ?? ''}${result.issuer ? ` (${result.issuer})` : ''}${result.sourceRepository ? ` in a run of ${result.sourceRepository}` : ''}`;
}
/** The step's outputs, warnings and job summary; then the verified line, or the failure. */
function renderCheck(result) {
    const digest = result.descriptor.digest;
    src/* runner.setOutput */.lj.setOutput('verified', String(result.verified));
    src/* runner.setOutput */.lj.setOutput('digest', digest);
    src/* runner.setOutput */.lj.setOutput('digest-url', result.digestUrl);
    src/* runner.setOutput */.lj.setOutput('format', result.format ?? '');
    src/* runner.setOutput */.lj.setOutput('identity', result.identity ?? '');
    src/* runner.setOutput */.lj.setOutput('issuer', result.issuer ?? '');
    src/* runner.setOutput */.lj.setOutput('signer-repository', result.sourceRepository ?? '');
    src/* runner.setOutput */.lj.setOutput('attestations', JSON.stringify(result.attestations));
    src/* runner.setOutput */.lj.setOutput('flux', JSON.stringify(result.flux));
    src/* runner.setOutput */.lj.setOutput('revision', result.revision ?? '');
    src/* runner.setOutput */.lj.setOutput('source', result.source ?? '');
    for (const warning of result.warnings)
        src/* runner.warning */.lj.warning(warning);
    src/* runner.appendSummary */.lj.appendSummary(checkSummary(result));
    if (!result.verified)
        throw new Error(`${result.name}:${result.reference} (${digest}) is not verified: ${result.why}`);
    src/* runner.info */.lj.info(`Verified ${result.digestUrl} (${result.format ?? ''}): signed by ${signedBy(result)}`);
}

;// CONCATENATED MODULE: ../verify-artifact/src/main.ts





/** The step: inputs → one check request → core → outputs, job summary, and a failure unless verified. */
async function run(inputs) {
    const session = (0,src/* registrySession */.EK)(inputs.registry, inputs.context, inputs.location);
    const result = await (0,check/* checkArtifact */.f)({
        ...inputs.check,
        location: inputs.location,
        target: (0,oci_open/* openTarget */.Ap)(inputs.location, session.client),
        reference: inputs.reference,
    }).catch(async (err) => {
        // The trust policy or scope named by its input; a registry failure explained.
        if (err instanceof notation_errors/* NotationPolicyError */.DT)
            throw (0,src/* inputError */.Xu)(err) ?? err;
        if (err instanceof check_errors/* VerifyRequestError */.R)
            throw requestInputError(err);
        // The verify block read from the deployed artifact (flux-manifest-from).
        if (err instanceof flux_manifest_error/* FluxManifestError */.p)
            throw (0,src/* fluxManifestInputError */.v3)(err);
        throw await session.explain(err);
    });
    renderCheck(result);
}

;// CONCATENATED MODULE: ../verify-artifact/src/action.ts


/** The action's step: read the inputs, run. The root action (actions/d2ci) calls this too, as `@d2ci/verify-artifact/action`. */
async function main() {
    await run(await getInputs());
}


/***/ })

};
