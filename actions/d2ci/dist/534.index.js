export const id = 534;
export const ids = [534];
export const modules = {

/***/ 53813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ../../packages/core/src/oci/reference.ts
var reference = __webpack_require__(48936);
// EXTERNAL MODULE: ../../packages/action-kit/src/index.ts + 24 modules
var src = __webpack_require__(80437);
;// CONCATENATED MODULE: ../push-artifact/src/inputs.ts


function tag(input, value) {
    if (!(0,reference/* isValidTag */.r_)(value))
        throw new src/* InputError */.dz(input, `"${value}" is not a valid tag: use ${reference/* tagRule */.D$}`);
    return value;
}
/** Reads and validates every input before anything touches a registry. */
function getInputs() {
    const context = (0,src/* githubContext */.h4)();
    const repository = (0,src/* stringInput */.Uj)('repository', { required: true });
    const location = (0,src/* repositoryInput */.JD)('repository', repository);
    const components = (0,src/* stringInput */.Uj)('components') || undefined;
    const pathInput = (0,src/* stringInput */.Uj)('path', { fallback: '.' });
    // `./` and `.` both mean the default (the D2 workflows write `path: "./"`).
    if (components && (pathInput.replace(/\/+$/, '') || '.') !== '.')
        throw new src/* InputError */.dz('components', 'give `path` or `components`, not both');
    if (components && (components.startsWith('/') || components.split('/').includes('..')))
        throw new src/* InputError */.dz('components', `"${components}" must be a glob inside the workspace, e.g. components/*`);
    const plan = (0,src/* booleanInput */.tE)('plan', false);
    if (plan && !components)
        throw new src/* InputError */.dz('plan', 'needs `components`: it lists which of them changed');
    const path = (0,src/* workspacePath */.X5)('path', pathInput, context);
    const diffTag = (0,src/* stringInput */.Uj)('diff-tag') || undefined;
    if (diffTag)
        tag('diff-tag', diffTag);
    const tags = (0,src/* listInput */.dt)('tags').map((t) => tag('tags', t));
    const ignore = (0,src/* linesInput */.WO)('ignore-paths');
    const source = (0,src/* stringInput */.Uj)('source') || (0,src/* defaultSource */.Hu)(context);
    const revision = (0,src/* stringInput */.Uj)('revision') || (0,src/* defaultRevision */.Te)(context);
    if (!source)
        throw new src/* InputError */.dz('source', 'is empty and GITHUB_REPOSITORY is not set; pass the source repository URL');
    if (!revision)
        throw new src/* InputError */.dz('revision', 'is empty and GITHUB_REF/GITHUB_SHA are not set; pass e.g. main@sha1:<commit>');
    const sbom = (0,src/* stringInput */.Uj)('sbom') || undefined;
    if (sbom !== undefined && sbom !== 'cyclonedx' && sbom !== 'spdx')
        throw new src/* InputError */.dz('sbom', `"${sbom}" is not cyclonedx or spdx`);
    const files = (0,src/* linesInput */.WO)('attach').map((file) => (0,src/* workspacePath */.X5)('attach', file, context));
    if (files.length && components)
        throw new src/* InputError */.dz('attach', 'goes with `path` (one artifact); with `components`, generate an SBOM per component with `sbom`');
    const attest = (0,src/* booleanInput */.tE)('attest', false);
    const signing = plan ? undefined : (0,src/* signingInputs */.hY)(context);
    if (attest && !signing)
        throw new src/* InputError */.dz('attest', 'needs signing (`sign: true`, the default, keyless or with `signing-key`)');
    if (attest && signing?.kind === 'notation')
        throw new src/* InputError */.dz('attest', 'makes Sigstore attestations; with `signature-format: notation` attach the documents unsigned, or sign in a cosign format');
    if (attest && !sbom && !files.length)
        throw new src/* InputError */.dz('attest', 'has nothing to attest: add `sbom` or `attach`');
    return {
        location,
        repository,
        path,
        pathInput,
        components,
        concurrency: (0,src/* integerInput */.$A)('concurrency', 6),
        plan,
        diffTag,
        tags,
        ignorePaths: ignore.length ? ignore : undefined,
        annotations: (0,src/* keyValueInput */.Bb)('annotations'),
        source,
        revision,
        reproducible: (0,src/* booleanInput */.tE)('reproducible', false),
        resolveSymlinks: (0,src/* booleanInput */.tE)('resolve-symlinks', false),
        sourceIgnore: (0,src/* booleanInput */.tE)('source-ignore', false),
        registry: (0,src/* registryInputs */.P4)(),
        signing,
        documents: { sbom, files, attest },
        context,
    };
}

// EXTERNAL MODULE: ../../packages/core/src/oci/open.ts + 2 modules
var oci_open = __webpack_require__(17877);
// EXTERNAL MODULE: ../../packages/core/src/artifact/push.ts
var artifact_push = __webpack_require__(42816);
// EXTERNAL MODULE: ../../packages/core/src/documents/attach.ts + 13 modules
var attach = __webpack_require__(37426);
// EXTERNAL MODULE: ../../packages/core/src/documents/errors.ts
var errors = __webpack_require__(37831);
// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var src_errors = __webpack_require__(85736);
;// CONCATENATED MODULE: ../../packages/core/src/publish/errors.ts

/** A push request that cannot be carried out as asked; nothing was pushed. */
class PublishError extends src_errors/* BaseError */.Cf {
}

;// CONCATENATED MODULE: ../../packages/core/src/publish/documents.ts



/** Attestations are Sigstore signatures: refused, before anything is pushed, without cosign signing. */
function assertAttestable(signing, documents) {
    if (documents?.attest && signing?.kind !== 'cosign') {
        const problem = 'signs each document with Sigstore: it needs cosign signing (keyless or with a key)';
        throw new PublishError('ATTEST_NEEDS_COSIGN', `attest ${problem}`, { field: 'attest', problem });
    }
}
/** The user's documents, read and recognised before anything is pushed. */
async function readUserDocuments(files) {
    try {
        return await Promise.all(files.map((file) => (0,attach/* readDocument */.u0)(file)));
    }
    catch (err) {
        if (err instanceof errors/* SbomError */.S)
            throw new PublishError('DOCUMENT_INVALID', err.message, { field: 'attach', cause: err });
        throw err;
    }
}
/**
 * The step that attaches an artifact's documents (a generated SBOM first, then the user's), after signing and
 * before the tags move; undefined when there is nothing to attach. `attached()` is what it attached.
 */
function documentsStep(target, plan, context) {
    const sbom = plan?.sbom;
    if (!sbom && !context.files.length)
        return undefined;
    let attached = [];
    return {
        run: async (descriptor) => {
            const subject = { repository: target.name, digest: descriptor.digest, source: context.source, revision: context.revision };
            const generated = sbom ? [await (0,attach/* generateSbom */.N3)(context.path, sbom, subject, context.walk)] : [];
            attached = await (0,attach/* attachDocuments */.Qc)(target, descriptor, [...generated, ...context.files], { attest: context.attest });
        },
        attached: () => attached,
    };
}

// EXTERNAL MODULE: ../../packages/core/src/sign/sign.ts
var sign = __webpack_require__(4756);
// EXTERNAL MODULE: ../../packages/core/src/notation/certificate.ts + 1 modules
var certificate = __webpack_require__(46482);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ../../packages/core/src/go/time.ts
var time = __webpack_require__(80065);
// EXTERNAL MODULE: ../../packages/core/src/notation/algorithms.ts
var algorithms = __webpack_require__(83578);
// EXTERNAL MODULE: ../../packages/core/src/notation/certificate-chain.ts
var certificate_chain = __webpack_require__(30197);
// EXTERNAL MODULE: ../../packages/core/src/notation/errors.ts
var notation_errors = __webpack_require__(63879);
// EXTERNAL MODULE: ../../packages/core/src/notation/format.ts
var format = __webpack_require__(96627);
// EXTERNAL MODULE: ../../packages/core/src/oci/media-types.ts
var media_types = __webpack_require__(18613);
// EXTERNAL MODULE: ../../packages/core/src/oci/descriptor.ts
var descriptor = __webpack_require__(77796);
// EXTERNAL MODULE: ../../packages/core/src/oci/content.ts
var content = __webpack_require__(83632);
// EXTERNAL MODULE: ../../packages/core/src/oci/attach.ts
var oci_attach = __webpack_require__(19400);
;// CONCATENATED MODULE: ../../packages/core/src/notation/manifest.ts
// The Notary Project signature manifest exactly as the released notation writes it, for registries and OCI image
// layouts alike. notation-go v1.3.2 (the library in Flux 2.6–2.9 and in the notation 1.3.x CLI) pushes every
// signature through registry/repository.go uploadSignatureManifest: oras.PackManifest(PackManifestVersion1_1,
// artifactType "", ConfigDescriptor = notationEmptyConfigDesc), i.e. an image manifest with NO artifactType and
// the config `{"mediaType":"application/vnd.cncf.notary.signature","digest":<sha256 of "{}">,"size":2}`
// (oras-go v2.5.0 pack.go packManifestV1_1 accepts an empty artifactType because that config is not the empty type).
//
// The config media type is what matters: on an OCI layout, notation-go v1.3.2 lists signatures with
// registry/repository.go signatureReferrers, which walks the store's predecessors and keeps an image manifest only
// when `image.Config.MediaType == "application/vnd.cncf.notary.signature"`; the OCI 1.1 form (artifactType set,
// empty config) is invisible there (fixed on notation-go main, unreleased). Registries see the same artifact type:
// the referrers API and oras-go's tag-schema fallback (registry/remote/repository.go indexReferrersForPush) both
// report `artifactType`, else `config.mediaType`, which d2ci's own listings do too (oci/descriptor.ts artifactTypeOf).





/** The signature manifest's config and effective artifact type (notation-go registry.ArtifactTypeNotation). */
const notationSignatureType = format/* NotationMediaType */.bT.signature;
/** notation-go's notationEmptyConfigDesc: the `{}` blob under the signature media type. */
const notationConfigDescriptor = (0,descriptor/* descriptorFor */.RZ)(notationSignatureType, media_types/* emptyJson */.Gu);
/** The signature manifest bytes and descriptor, in notation-go v1.3.2's form (see the top of this file). */
function notationSignatureManifest(subject, options) {
    const layer = (0,descriptor/* descriptorFor */.RZ)(options.envelopeMediaType, options.envelope);
    const manifest = {
        schemaVersion: 2,
        mediaType: media_types/* MediaType */.zu.ociManifest,
        config: (0,descriptor/* plainDescriptor */.UM)(notationConfigDescriptor),
        layers: [(0,descriptor/* plainDescriptor */.UM)(layer)],
        subject: (0,descriptor/* plainDescriptor */.UM)({ mediaType: subject.mediaType, digest: subject.digest, size: subject.size }),
    };
    if (Object.keys(options.annotations).length)
        manifest.annotations = (0,descriptor/* sortedAnnotations */.sk)(options.annotations);
    const bytes = Buffer.from(JSON.stringify(manifest));
    // The type listings show for it (artifactType absent, so the config's), as d2ci's referrers listings report it.
    return { bytes, descriptor: (0,descriptor/* descriptorFor */.RZ)(media_types/* MediaType */.zu.ociManifest, bytes, { artifactType: notationSignatureType }), layer };
}
/**
 * Stores the envelope and its signature manifest as a referrer of `subject`: config and envelope blobs first, then
 * the manifest by digest. A registry without the referrers API gets the `sha256-<hex>` tag-schema index, whose entry
 * carries the config media type as artifactType (RemoteRepository, like oras-go), so notation and Flux find it.
 */
async function attachNotationSignature(target, subject, options) {
    const { bytes, descriptor, layer } = notationSignatureManifest(subject, options);
    await Promise.all([(0,oci_attach/* pushIfMissing */._)(target, notationConfigDescriptor, media_types/* emptyJson */.Gu), (0,oci_attach/* pushIfMissing */._)(target, layer, options.envelope)]);
    await target.push(descriptor, (0,content/* bytesSource */.Xl)(bytes));
    return descriptor;
}

// EXTERNAL MODULE: ../../packages/core/src/notation/payload.ts
var notation_payload = __webpack_require__(5716);
;// CONCATENATED MODULE: ../../packages/core/src/notation/sign.ts
// Signing a manifest in the Notary Project format and attaching the signature as a referrer, as the notation CLI
// does (notation-go notation.go Sign, signer/signer.go GenericSigner; notation-core-go signature/jws).









const truncateToSecond = (date) => new Date(Math.floor(date.getTime() / 1000) * 1000);
/**
 * Builds and signs a JWS envelope for a manifest, as notation-go's GenericSigner and notation-core-go's JWS
 * envelope do: payload, protected header (`alg` from the key spec, `cty`, `crit`, signing scheme `notary.x509`,
 * signing time, optional expiry), then `x5c` and the signing agent unprotected. The result is checked before it is
 * returned: the chain meets the certificate requirements and was valid at the signing time, its leaf has the key
 * spec the signer declared, and the signature verifies with the leaf's key (which catches a plugin that signed
 * something else or with another key).
 */
async function createNotationEnvelope(subject, signer, options = {}) {
    const algorithm = algorithms/* notationAlgorithms */.pM[signer.keySpec];
    if (!algorithm)
        throw new notation_errors/* NotationError */.B1('NOTATION_KEY_UNSUPPORTED', `unsupported key spec ${String(signer.keySpec)}`);
    const signingTime = truncateToSecond(options.signingTime ?? new Date());
    const expiry = options.expiry ? truncateToSecond(options.expiry) : undefined;
    if (expiry && expiry <= signingTime)
        throw new notation_errors/* NotationError */.B1('NOTATION_EXPIRY_INVALID', 'expiry cannot be equal or before the signing time');
    const payload = (0,notation_payload/* notationPayload */.J9)({
        mediaType: subject.mediaType,
        digest: subject.digest,
        size: subject.size,
        ...(subject.annotations ? { annotations: subject.annotations } : {}),
    }, options.userMetadata);
    const protectedHeader = {
        alg: algorithm.jws,
        crit: expiry ? [format/* NotationHeader */.Gn.signingScheme, format/* NotationHeader */.Gn.expiry] : [format/* NotationHeader */.Gn.signingScheme],
        cty: format/* NotationMediaType */.bT.payload,
        [format/* NotationHeader */.Gn.signingScheme]: 'notary.x509',
        [format/* NotationHeader */.Gn.signingTime]: (0,time/* rfc3339 */.a)(signingTime),
        ...(expiry ? { [format/* NotationHeader */.Gn.expiry]: (0,time/* rfc3339 */.a)(expiry) } : {}),
    };
    const encodedProtected = Buffer.from((0,notation_payload/* sortedJson */.Is)(protectedHeader)).toString('base64url');
    const encodedPayload = payload.toString('base64url');
    const signingInput = Buffer.from(`${encodedProtected}.${encodedPayload}`, 'ascii');
    const signature = await signer.sign(signingInput);
    const chainInput = await signer.certificateChain();
    const chain = await (0,certificate/* parseNotationCertificates */.kC)(chainInput.map((c) => (c instanceof external_node_crypto_.X509Certificate ? c : Buffer.from(c))));
    const leaf = chain[0];
    if (!leaf)
        throw new notation_errors/* NotationError */.B1('NOTATION_CERTIFICATE_CHAIN_INVALID', 'the signer returned no certificate chain');
    const problem = (0,certificate_chain/* notationCertificateChainProblem */.yt)(chain, signingTime);
    if (problem)
        throw new notation_errors/* NotationError */.B1('NOTATION_CERTIFICATE_CHAIN_INVALID', `certificate-chain is invalid, ${problem}`);
    const leafSpec = (0,algorithms/* notationKeySpecOf */.qK)(leaf.x509);
    if (leafSpec !== signer.keySpec)
        throw new notation_errors/* NotationError */.B1('NOTATION_SIGNING_FAILED', `the signing certificate's key is ${leafSpec}, but the signer declared ${signer.keySpec}`);
    if (!(0,algorithms/* verifyNotationJwsSignature */.Wg)(algorithm, signingInput, signature, leaf.x509.publicKey)) {
        throw new notation_errors/* NotationError */.B1('NOTATION_SIGNING_FAILED', 'generated signature failed verification: the signature does not verify with the signing certificate key');
    }
    const agent = [options.signingAgent ?? 'd2ci', signer.signingAgent].filter(Boolean).join(' ');
    const envelope = {
        payload: encodedPayload,
        protected: encodedProtected,
        header: { x5c: chain.map((c) => c.der.toString('base64')), [format/* NotationHeader */.Gn.signingAgent]: agent },
        signature: signature.toString('base64url'),
    };
    return { envelope: Buffer.from(JSON.stringify(envelope)), certificates: chain.map((c) => c.der), signingTime, payload, protectedHeader };
}
/** The signature manifest's annotations notation-go writes: the chain's thumbprints and the creation (signing) time. */
function notationSignatureAnnotations(certificates, signingTime) {
    return {
        [format/* NotationAnnotation */.q1.thumbprintS256]: JSON.stringify((0,certificate/* notationThumbprints */.$B)(certificates)),
        [format/* NotationAnnotation */.q1.created]: (0,time/* rfc3339 */.a)(signingTime),
    };
}
/**
 * Signs a manifest already stored in `target` in the Notary Project format and attaches the JWS envelope as a
 * referrer in the form notation-go v1.3.2 writes (manifest.ts): config media type
 * `application/vnd.cncf.notary.signature`, no artifactType, one `application/jose+json` layer, `subject`, and the
 * thumbprint and created annotations. The released notation finds only that form in an OCI layout; registries list
 * it under the same artifact type. A registry without the referrers API gets the `sha256-<hex>` tag-schema index
 * (as notation does through oras).
 */
async function signNotation(target, subject, options) {
    const plain = { mediaType: subject.mediaType, digest: subject.digest, size: subject.size };
    const made = await createNotationEnvelope(plain, options.signer, options);
    const descriptor = await attachNotationSignature(target, plain, {
        envelopeMediaType: format/* NotationMediaType */.bT.jws,
        envelope: made.envelope,
        annotations: notationSignatureAnnotations(made.certificates, made.signingTime),
    });
    return {
        descriptor,
        signatureRef: `${target.name}@${descriptor.digest}`,
        envelope: made.envelope,
        thumbprints: (0,certificate/* notationThumbprints */.$B)(made.certificates),
        signingTime: made.signingTime,
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/notation/before-tag.ts



/**
 * The Notary Project counterpart of signBeforeTagging: the manifest is signed (a JWS referrer) before any tag
 * moves; `result()` names the signer by its certificate's subject.
 */
function signNotationBeforeTagging(target, signer) {
    let signed;
    return {
        beforeTag: async (descriptor) => {
            try {
                const made = await signNotation(target, descriptor, { signer });
                const [leaf] = await signer.certificateChain();
                // As notation prints it and verification reports it (Go's pkix.Name.String()).
                const subject = leaf ? (await (0,certificate/* parseNotationCertificate */.HZ)(leaf)).subject : 'unknown';
                signed = { signatureRef: made.signatureRef, identity: `x509: ${subject}`, referrer: made.descriptor };
            }
            catch (err) {
                throw new sign/* UntaggedSigningError */.tu(descriptor.digest, err);
            }
        },
        result: () => signed,
    };
}

// EXTERNAL MODULE: ../../packages/core/src/sign/signer.ts + 5 modules
var signer = __webpack_require__(26991);
;// CONCATENATED MODULE: ../../packages/core/src/publish/signing.ts



/**
 * One signer for every artifact of a push: one OIDC token and one Fulcio certificate (cosign), or one loaded
 * Notation key or plugin. Each step signs before the tags move (sign/sign.ts), so a failure moves no tag.
 */
async function prepareSigning(plan) {
    if (!plan)
        return undefined;
    if (plan.kind === 'notation') {
        const signer = await plan.signer;
        const steps = new Map();
        return {
            step: (target, key) => {
                const step = signNotationBeforeTagging(target, signer);
                steps.set(key, step);
                return step.beforeTag;
            },
            result: (key) => steps.get(key)?.result(),
        };
    }
    const bundleSigner = await (0,signer/* createBundleSigner */.B5)(plan.identity);
    const each = await (0,sign/* signEachBeforeTagging */.pS)({
        identity: plan.identity,
        format: plan.format,
        signer: bundleSigner,
        ...(plan.claims ? { claims: plan.claims } : {}),
    });
    return {
        step: each.beforeTag,
        result: each.result,
        bundleSigner,
        warm: () => bundleSigner.warm(),
        prepare: () => bundleSigner.prepare(),
        prepareFor: each.prepare,
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/publish/steps.ts

/** Sign, then attach (and attest) documents: the `beforeTag` chain of one artifact, keyed by `key` for signing. */
function artifactSteps(target, key, path, options) {
    const { signatures, documents, signing } = options;
    const sign = signatures?.step(target, key);
    const attach = documentsStep(target, documents, {
        path,
        walk: {
            ignorePaths: options.ignorePaths,
            addIgnorePaths: options.addIgnorePaths,
            sourceIgnore: options.sourceIgnore,
            resolveSymlinks: options.resolveSymlinks,
        },
        source: options.source,
        revision: options.revision,
        files: options.files ?? [],
        attest: documents?.attest && signing?.kind === 'cosign' ? { identity: signing.identity, signer: signatures?.bundleSigner } : undefined,
    });
    return {
        beforeTag: sign || attach
            ? async (descriptor) => {
                await sign?.(descriptor);
                await attach?.run(descriptor);
            }
            : undefined,
        signature: () => signatures?.result(key),
        attached: () => attach?.attached() ?? [],
        prepare: (descriptor) => {
            signatures?.prepare?.();
            signatures?.prepareFor?.(key, descriptor);
        },
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/publish/publish.ts




/**
 * Packs a tree into a Flux artifact and pushes it: blobs, then the manifest, then the signature (cosign or
 * Notation) and the documents (a generated SBOM, the user's files, their attestations), and only then the tags, so
 * a failure at any step moves no tag. The user's documents are read, and the signer loaded, before anything is
 * pushed.
 */
async function publishArtifact(request) {
    const { path, target, documents, signing, ...push } = request;
    assertAttestable(signing, documents);
    const files = await readUserDocuments(documents?.files ?? []);
    const signatures = await prepareSigning(signing);
    // The push fans out to the artifact's two blobs and, when signing, the signature's two blobs and its `.sig` tag
    // (one more for the diff-tag lookup's own): their connections open while that lookup and the token exchange are
    // under way.
    target.preconnect?.(signing ? 6 : 3);
    const steps = artifactSteps(target, target.name, path, { ...request, files, signatures });
    const pushing = (0,artifact_push/* pushArtifact */.X)({ ...push, path, target, beforeTag: steps.beforeTag, onPushing: steps.prepare });
    // Once the first request is on its way: what the signer can start early (the OIDC token, loading @sigstore/sign)
    // then fills the wait for its answer instead of delaying it.
    if (signatures?.warm)
        setImmediate(signatures.warm);
    const result = await pushing;
    return { ...result, signature: steps.signature(), attached: steps.attached() };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../../packages/core/src/oci/concurrency.ts
var oci_concurrency = __webpack_require__(81434);
// EXTERNAL MODULE: ../../packages/core/src/oci/order.ts
var order = __webpack_require__(38085);
// EXTERNAL MODULE: ../../packages/core/src/artifact/walk.ts + 1 modules
var walk = __webpack_require__(92998);
// EXTERNAL MODULE: ../../packages/core/src/artifact/build.ts + 2 modules
var build = __webpack_require__(89372);
// EXTERNAL MODULE: ../../packages/core/src/artifact/layer.ts
var artifact_layer = __webpack_require__(69627);
;// CONCATENATED MODULE: ../../packages/core/src/artifact/diff.ts



/** Compares a local tree with an artifact's content layer, without downloading the layer. */
async function diffArtifact(options) {
    const [local, fetched] = await Promise.all([(0,build/* hashLayer */.UG)(options), (0,artifact_push/* fetchIfExists */._)(options.target, options.reference)]);
    if (!fetched)
        return { identical: false, reason: `${options.reference} not found in ${options.target.name}`, local };
    // The same layer pull extracts (layer.ts): an ambiguous artifact is refused, not compared with a decoy.
    const layer = (0,artifact_layer/* contentLayer */.DO)(fetched, options.reference, options.layerMediaType);
    const remote = { digest: layer.digest, size: layer.size, manifestDigest: fetched.descriptor.digest };
    // The same blob, as `flux diff artifact` compares; or the same tar compressed by an earlier d2ci (layer.ts).
    const same = layer.digest === local.digest && layer.size === local.size ? 'layer' : (0,artifact_layer/* sameContent */.Cm)(fetched, local);
    const identical = same !== undefined;
    return {
        identical,
        reason: !identical
            ? 'the remote artifact contents differs from the local one'
            : same === 'tar'
                ? 'no changes detected (the same tar, compressed by an earlier d2ci)'
                : 'no changes detected',
        local,
        remote,
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/artifact/components.ts







const componentName = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
/**
 * The directories a glob such as `components/*` matches under `root`, sorted by name. Each name must be a valid
 * OCI repository path element (it becomes `<repository>/<name>`); files are ignored.
 */
async function findComponents(root, pattern) {
    const found = [];
    for await (const entry of (0,promises_.glob)(pattern, { cwd: root, withFileTypes: true })) {
        if (!entry.isDirectory())
            continue;
        const path = (0,external_node_path_.join)(entry.parentPath, entry.name);
        found.push({ name: entry.name, path, relative: (0,external_node_path_.relative)(root, path).split('\\').join('/') });
    }
    if (found.length === 0)
        throw new walk/* ArtifactPathError */.uR('COMPONENTS_NONE', `"${pattern}" matches no directory`);
    const bad = found.filter((c) => !componentName.test(c.name)).map((c) => c.relative);
    if (bad.length)
        throw new walk/* ArtifactPathError */.uR('COMPONENTS_INVALID_NAME', `component directories must be lowercase repository names (letters, digits, ".", "_", "-"): ${bad.join(', ')}`);
    const names = new Map();
    for (const c of found) {
        const other = names.get(c.name);
        if (other)
            throw new walk/* ArtifactPathError */.uR('COMPONENTS_DUPLICATE', `"${pattern}" matches two directories named ${c.name} (${other}, ${c.relative}); each becomes <repository>/${c.name}`);
        names.set(c.name, c.relative);
    }
    return found.sort((a, b) => (0,order/* compareBytes */.X)(a.name, b.name));
}
function report(component, target, outcome) {
    return outcome.ok
        ? { component, target: target.name, ok: true, result: outcome.value }
        : { component, target: target.name, ok: false, error: outcome.error };
}
/**
 * Pushes every component, several at a time. Each is independent and complete on its own (blobs, manifest,
 * signature, then tags); one failing stops none of the others, and every outcome is reported.
 */
async function pushComponents(components, options) {
    const { open, beforeTag, onPushing, concurrency, ...push } = options;
    const targets = components.map(open);
    const outcomes = await (0,oci_concurrency/* settleLimit */.X)(components, concurrency ?? 6, (component, i) => {
        const target = targets[i];
        // beforeTag first: it makes the component's signing step, which onPushing then prepares.
        const tagStep = beforeTag?.(target, component);
        return (0,artifact_push/* pushArtifact */.X)({ ...push, path: component.path, target, beforeTag: tagStep, onPushing: onPushing?.(target, component) });
    });
    return outcomes.map((outcome, i) => report(components[i], targets[i], outcome));
}
/** Which components differ from what `reference` (e.g. `latest`) holds: the fan-out plan for a CI matrix. */
async function planComponents(components, options) {
    const { open, reference, concurrency, ...walk } = options;
    const targets = components.map(open);
    const outcomes = await (0,oci_concurrency/* settleLimit */.X)(components, concurrency ?? 8, (component, i) => diffArtifact({ ...walk, path: component.path, target: targets[i], reference }));
    return outcomes.map((outcome, i) => report(components[i], targets[i], outcome));
}

;// CONCATENATED MODULE: ../../packages/core/src/publish/components.ts





/** `<base>/<name>` for a component, opened with the request's client (one auth session for all). */
function components_opener(selection) {
    return (component) => (0,oci_open/* openTarget */.Ap)((0,oci_open/* childLocation */.ME)(selection.base, component.name), selection.client);
}
async function find(selection, onEvent) {
    const components = await findComponents(selection.root, selection.pattern);
    onEvent?.({ type: 'components-found', components });
    return components;
}
/**
 * Publishes every component directory as its own artifact, several at a time, each signed (one certificate for
 * all) and given its generated SBOM as `publishArtifact` would. Each is complete on its own; one failing stops
 * none of the others, and every outcome is reported. A bad glob or component name throws before anything is pushed.
 */
async function publishComponents(request) {
    const { components: selection, onEvent, documents, signing, ...push } = request;
    assertAttestable(signing, documents);
    const components = await find(selection, onEvent);
    const signatures = await prepareSigning(signing);
    const steps = new Map();
    const outcomes = await pushComponents(components, {
        ...push,
        open: components_opener(selection),
        concurrency: selection.concurrency,
        onPushing: (_target, component) => (descriptor) => steps.get(component.name)?.prepare(descriptor),
        beforeTag: (target, component) => {
            const step = artifactSteps(target, component.name, component.path, { ...push, signing, documents, signatures });
            steps.set(component.name, step);
            return step.beforeTag;
        },
    });
    return {
        components,
        outcomes: outcomes.map((outcome) => {
            if (!outcome.ok)
                return outcome;
            const step = steps.get(outcome.component.name);
            return { ...outcome, result: { ...outcome.result, signature: step?.signature(), attached: step?.attached() ?? [] } };
        }),
    };
}
/** The components whose content differs from `diffTag` (default `latest`): the fan-out plan for a CI matrix. */
async function planPublishComponents(request) {
    const { components: selection, onEvent, diffTag, ...walk } = request;
    const components = await find(selection, onEvent);
    const reference = diffTag ?? 'latest';
    const outcomes = await planComponents(components, {
        ...walk,
        open: components_opener(selection),
        reference,
        concurrency: selection.concurrency,
    });
    return { components, reference, outcomes };
}

// EXTERNAL MODULE: ../../packages/core/src/artifact/tag-guard.ts
var tag_guard = __webpack_require__(84166);
;// CONCATENATED MODULE: ../push-artifact/src/explain.ts


/**
 * A tree that cannot be packed: the input that chose it, the path as the user wrote it, and what decides what is
 * packed. With `components`, every tree is one of the glob's directories, so the glob is the input to fix. Only a
 * followed symlink is fixed by not following it; a name Flux's Untar refuses is renamed or ignored like any other.
 */
function pathError(err, inputs, shown) {
    const name = inputs.components ? 'components' : 'path';
    const problem = err.path === undefined ? err.detail : `"${shown}" ${err.detail}`;
    return new src/* InputError */.dz(name, `${problem}; check \`${name}\`${err.symlink ? ' (or leave `resolve-symlinks` off)' : ' and `ignore-paths`'}`);
}
/** Turns what went wrong into the one line a user needs: the input to fix, or the permission to add. */
async function explain(err, inputs, session, place) {
    if (err instanceof walk/* ArtifactPathError */.uR)
        return pathError(err, inputs, place.shown);
    if (err instanceof tag_guard/* ProtectedTagError */.Fp || err instanceof PublishError)
        return (0,src/* inputError */.Xu)(err);
    // Registry failures through the one explainer (an unresolvable host blames `repository`; a refusal gets the
    // permission or input to add); signing failures, input errors and the rest come back as they are.
    return session.explain(err, { location: place.location, shownAs: inputs.repository });
}

;// CONCATENATED MODULE: ../push-artifact/src/render.ts


/**
 * What this run signed. An unchanged artifact is not signed again, and this run did not look at what signed it
 * before (maybe nothing, if it was pushed with `sign: false`), so the cell says only what this run knows.
 */
function signatureCell(signed, pushed, format) {
    if (signed)
        return `${format} signature by \`${(0,src/* cell */.Hn)(signed.identity)}\`${signed.rekorLogIndex ? ` (Rekor #${signed.rekorLogIndex})` : ''}`;
    if (format === undefined)
        return 'not signed (`sign: false`)';
    return pushed ? 'not signed' : 'unchanged: not signed again by this run';
}
function referrersOutput(attached) {
    return JSON.stringify(attached.map((a) => ({
        format: a.format,
        mediaType: a.mediaType,
        source: a.source,
        digest: a.referrer.digest,
        attestation: a.attestation?.digest ?? '',
    })));
}
/** The log lines, step outputs and job summary of one pushed artifact. */
function renderArtifact(inputs, result) {
    const name = (0,oci_open/* locationName */.zb)(inputs.location);
    const digest = result.descriptor.digest;
    const tags = result.tags.map((t) => t.tag);
    const { signature: signed, attached } = result;
    src/* runner.info */.lj.info(`Packed ${result.layer.files} files from ${inputs.pathInput}: ${(0,src/* formatBytes */.z3)(result.layer.size)} (layer ${result.layer.digest})`);
    if (result.pushed) {
        const uploaded = result.blobs.filter((b) => b.result !== 'exists');
        src/* runner.info */.lj.info(`Pushed ${name}@${digest} (${result.reason}; ${uploaded.length} of ${result.blobs.length} blobs uploaded)`);
    }
    else {
        src/* runner.info */.lj.info(`Not pushed: ${result.reason} (${name}@${digest})`);
    }
    if (signed)
        src/* runner.info */.lj.info(`Signed as ${signed.identity} (${inputs.signing?.format}): ${signed.signatureRef}${signed.rekorLogIndex ? `, Rekor log index ${signed.rekorLogIndex}` : ''}`);
    for (const a of attached)
        src/* runner.info */.lj.info(`Attached ${a.source === 'generated' ? `a generated ${a.format} SBOM` : `${a.source} (${a.format})`}: ${name}@${a.referrer.digest}${a.attestation ? `, attested: ${name}@${a.attestation.digest}` : ''}`);
    for (const t of result.tags)
        src/* runner.info */.lj.info(`${t.changed ? 'Tagged' : 'Already tagged'} ${name}:${t.tag}`);
    src/* runner.setOutput */.lj.setOutput('pushed', String(result.pushed));
    // As the D2 push action: digests only for a new push, so `if: steps.push.outputs.pushed` signs exactly that.
    src/* runner.setOutput */.lj.setOutput('digest', result.pushed ? digest : '');
    src/* runner.setOutput */.lj.setOutput('digest-url', result.pushed ? `${name}@${digest}` : '');
    src/* runner.setOutput */.lj.setOutput('tags', JSON.stringify(tags));
    src/* runner.setOutput */.lj.setOutput('signature-ref', signed?.signatureRef ?? '');
    src/* runner.setOutput */.lj.setOutput('rekor-log-index', signed?.rekorLogIndex ?? '');
    src/* runner.setOutput */.lj.setOutput('referrers', referrersOutput(attached));
    const uploadedBytes = result.blobs.filter((b) => b.result === 'uploaded').reduce((sum, b) => sum + b.descriptor.size, 0);
    src/* runner.appendSummary */.lj.appendSummary([
        '### Flux artifact',
        '',
        '| Repository | Tags | Digest | Size | Result | Signature |',
        '|---|---|---|---|---|---|',
        `| ${(0,src/* cell */.Hn)(name)} | ${(0,src/* cell */.Hn)(tags.join(', '))} | \`${(0,src/* shortDigest */.VK)(digest)}\` | ${(0,src/* formatBytes */.z3)(result.layer.size)} (${result.layer.files} files) | ${result.pushed ? 'pushed' : 'skipped'}: ${(0,src/* cell */.Hn)(result.reason)} | ${signatureCell(signed, result.pushed, inputs.signing?.format)} |`,
        '',
        result.pushed
            ? `Uploaded ${(0,src/* formatBytes */.z3)(uploadedBytes)}; ${result.blobs.filter((b) => b.result === 'exists').length} blob(s) were already there.`
            : '',
        ...(attached.length
            ? [
                '',
                `Attached: ${attached.map((a) => `${a.source === 'generated' ? `${a.format} SBOM (generated)` : `${(0,src/* cell */.Hn)(a.source)} (${a.format})`}${a.attestation ? ', attested' : ''}`).join('; ')}.`,
            ]
            : []),
    ].join('\n'));
}

;// CONCATENATED MODULE: ../push-artifact/src/render-components.ts


/** The log lines, step outputs and job summary of a components push; throws when any component failed. */
async function renderComponents(inputs, published, why) {
    const { components: found, outcomes } = published;
    const rows = [];
    const report = [];
    const failures = [];
    for (const outcome of outcomes) {
        const { component, target } = outcome;
        if (!outcome.ok) {
            const message = await why(outcome);
            failures.push(`${component.name}: ${message}`);
            report.push({ name: component.name, repository: target, pushed: false, error: message });
            rows.push(`| ${(0,src/* cell */.Hn)(component.name)} | ${(0,src/* cell */.Hn)(target)} | — | — | — | ❌ ${(0,src/* cell */.Hn)(message)} | — |`);
            src/* runner.error */.lj.error(`${component.name}: ${message}`);
            continue;
        }
        const result = outcome.result;
        const digest = result.descriptor.digest;
        const signed = result.signature;
        const tags = result.tags.map((t) => t.tag);
        src/* runner.info */.lj.info(`${component.name}: ${result.pushed ? `pushed ${target}@${digest}` : `unchanged (${result.reason})`}${signed ? `, signed as ${signed.identity}` : ''}`);
        report.push({
            name: component.name,
            repository: target,
            pushed: result.pushed,
            digest: result.pushed ? digest : '',
            'digest-url': result.pushed ? `${target}@${digest}` : '',
            tags,
            'signature-ref': signed?.signatureRef ?? '',
            referrers: result.attached.map((a) => ({ format: a.format, digest: a.referrer.digest, attestation: a.attestation?.digest ?? '' })),
        });
        rows.push(`| ${(0,src/* cell */.Hn)(component.name)} | ${(0,src/* cell */.Hn)(target)} | ${(0,src/* cell */.Hn)(tags.join(', '))} | \`${(0,src/* shortDigest */.VK)(digest)}\` | ${(0,src/* formatBytes */.z3)(result.layer.size)} | ${result.pushed ? 'pushed' : 'skipped'}: ${(0,src/* cell */.Hn)(result.reason)} | ${signatureCell(signed, result.pushed, inputs.signing?.format)} |`);
    }
    src/* runner.setOutput */.lj.setOutput('components', JSON.stringify(report));
    src/* runner.setOutput */.lj.setOutput('pushed', String(report.some((r) => r.pushed)));
    src/* runner.setOutput */.lj.setOutput('digest', '');
    src/* runner.setOutput */.lj.setOutput('digest-url', '');
    src/* runner.setOutput */.lj.setOutput('tags', JSON.stringify([...new Set(report.flatMap((r) => ('tags' in r ? r.tags : [])))]));
    src/* runner.setOutput */.lj.setOutput('signature-ref', '');
    src/* runner.setOutput */.lj.setOutput('rekor-log-index', '');
    src/* runner.setOutput */.lj.setOutput('referrers', '[]');
    src/* runner.appendSummary */.lj.appendSummary([
        `### Flux artifacts: ${found.length} components (${report.filter((r) => r.pushed).length} pushed, ${failures.length} failed)`,
        '',
        '| Component | Repository | Tags | Digest | Size | Result | Signature |',
        '|---|---|---|---|---|---|---|',
        ...rows,
    ].join('\n'));
    if (failures.length)
        throw new Error(`${failures.length} of ${found.length} components failed (the others are complete): ${failures.join('; ')}`);
}
/** The step outputs (a `strategy.matrix` of the changed components) and summary of `plan: true`. */
async function renderPlan(plan, why) {
    const { components: found, reference, outcomes } = plan;
    const failed = outcomes.flatMap((o) => (o.ok ? [] : [o]));
    if (failed.length) {
        const messages = await Promise.all(failed.map(async (o) => `${o.component.name}: ${await why(o)}`));
        throw new Error(`could not compare ${failed.length} of ${found.length} components with ${reference}: ${messages.join('; ')}`);
    }
    const changed = outcomes.filter((o) => o.ok && !o.result.identical);
    const include = changed.map((o) => ({ component: o.component.name, path: o.component.relative, repository: o.target }));
    src/* runner.setOutput */.lj.setOutput('matrix', JSON.stringify({ include }));
    src/* runner.setOutput */.lj.setOutput('changed', JSON.stringify(include.map((i) => i.component)));
    src/* runner.setOutput */.lj.setOutput('pushed', 'false');
    src/* runner.info */.lj.info(`${changed.length} of ${found.length} components differ from ${reference}: ${include.map((i) => i.component).join(', ') || '(none)'}`);
    src/* runner.appendSummary */.lj.appendSummary([
        `### Plan: ${changed.length} of ${found.length} components changed since \`${reference}\``,
        '',
        '| Component | Repository | Changed |',
        '|---|---|---|',
        ...outcomes.map((o) => `| ${(0,src/* cell */.Hn)(o.component.name)} | ${(0,src/* cell */.Hn)(o.target)} | ${o.ok && !o.result.identical ? `yes: ${(0,src/* cell */.Hn)(o.result.reason)}` : 'no'} |`),
    ].join('\n'));
}

;// CONCATENATED MODULE: ../push-artifact/src/main.ts





/** What every artifact of the step shares, as core's publish request takes it. */
function publishOptions(inputs) {
    const { signing } = inputs;
    return {
        tags: inputs.tags,
        diffTag: inputs.diffTag,
        ignorePaths: inputs.ignorePaths,
        sourceIgnore: inputs.sourceIgnore,
        resolveSymlinks: inputs.resolveSymlinks,
        source: inputs.source,
        revision: inputs.revision,
        reproducible: inputs.reproducible,
        annotations: inputs.annotations,
        tempDir: inputs.context.runnerTemp,
        signing: signing &&
            (signing.kind === 'notation'
                ? { kind: 'notation', signer: signing.signer }
                : { kind: 'cosign', identity: signing.identity, format: signing.format, ...(signing.claims ? { claims: signing.claims } : {}) }),
    };
}
/** Rethrows an error explained at `place`. */
function rethrow(inputs, session, place) {
    return async (err) => {
        throw await explain(err, inputs, session, place);
    };
}
/** A component's failure explained at its own repository and directory. */
function why(inputs, session) {
    return async ({ component, error }) => {
        const place = { location: (0,oci_open/* childLocation */.ME)(inputs.location, component.name), shown: component.relative };
        return (await explain(error, inputs, session, place)).message;
    };
}
async function run(inputs) {
    const session = (0,src/* registrySession */.EK)(inputs.registry, inputs.context, inputs.location);
    const { client } = session;
    if (!inputs.components) {
        const published = await publishArtifact({
            ...publishOptions(inputs),
            path: inputs.path,
            target: (0,oci_open/* openTarget */.Ap)(inputs.location, client),
            documents: inputs.documents,
        }).catch(rethrow(inputs, session, { location: inputs.location, shown: inputs.pathInput }));
        return renderArtifact(inputs, published);
    }
    const components = {
        root: inputs.context.workspace,
        pattern: inputs.components,
        base: inputs.location,
        client,
        concurrency: inputs.concurrency,
    };
    const failed = rethrow(inputs, session, { location: inputs.location, shown: inputs.components });
    if (inputs.plan) {
        const { ignorePaths, sourceIgnore, resolveSymlinks, diffTag } = inputs;
        const plan = await planPublishComponents({ components, diffTag, ignorePaths, sourceIgnore, resolveSymlinks }).catch(failed);
        return renderPlan(plan, why(inputs, session));
    }
    // The user's own documents describe one artifact: inputs.ts refuses `attach` with `components`.
    const documents = { sbom: inputs.documents.sbom, attest: inputs.documents.attest };
    const published = await publishComponents({ ...publishOptions(inputs), components, documents }).catch(failed);
    return renderComponents(inputs, published, why(inputs, session));
}

;// CONCATENATED MODULE: ../push-artifact/src/action.ts


/** The action's step: read the inputs, run. The root action (actions/d2ci) calls this too, as `@d2ci/push-artifact/action`. */
async function main() {
    await run(getInputs());
}


/***/ }),

/***/ 18359:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jl: () => (/* binding */ reproducibleCreated),
/* harmony export */   LI: () => (/* binding */ isSignatureTag),
/* harmony export */   YH: () => (/* binding */ Annotation),
/* harmony export */   u7: () => (/* binding */ FluxMediaType)
/* harmony export */ });
/* unused harmony export cosignTagSuffixes */
/** Media types and annotations of Flux OCI artifacts (fluxcd/pkg oci/constants.go, meta.go). */
const FluxMediaType = {
    config: 'application/vnd.cncf.flux.config.v1+json',
    content: 'application/vnd.cncf.flux.content.v1.tar+gzip',
};
const Annotation = {
    created: 'org.opencontainers.image.created',
    source: 'org.opencontainers.image.source',
    revision: 'org.opencontainers.image.revision',
};
/** `--reproducible` fixes the creation time to the Unix epoch, as `flux push artifact --reproducible` does. */
const reproducibleCreated = '1970-01-01T00:00:00Z';
/** Tag suffixes of cosign signatures, attestations and SBOMs, hidden from artifact listings (flux `IsCosignArtifact`). */
const cosignTagSuffixes = ['.sig', '.att', '.sbom'];
/** The Referrers Tag Schema's index tag (`sha256-<hex>`), kept by registries without the referrers API. */
const referrersIndexTag = /^sha(?:256|512)-[a-f0-9]{64,128}$/;
/** A tag that holds another artifact's cosign signature, attestation or SBOM, or its referrers index: not a release. */
function isSignatureTag(tag) {
    return cosignTagSuffixes.some((suffix) => tag.endsWith(suffix)) || referrersIndexTag.test(tag);
}


/***/ }),

/***/ 69627:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cm: () => (/* binding */ sameContent),
/* harmony export */   DO: () => (/* binding */ contentLayer)
/* harmony export */ });
/* unused harmony exports AmbiguousLayerError, soleLayer */
/* harmony import */ var _oci_descriptor_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77796);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85736);
/* harmony import */ var _flux_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18359);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(94913);




/** No one content layer. About `layer-media-type` when naming (another) media type is the fix. */
class AmbiguousLayerError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BaseError */ .Cf {
    constructor(code, message) {
        super(code, message, code === 'LAYER_MEDIA_TYPE_ABSENT' || code === 'LAYERS_SEVERAL' ? { field: 'layer-media-type' } : {});
    }
}
/** The content layer of a manifest (as `layerSelector.mediaType` would pick it), or why there is none. */
function contentLayer(fetched, reference, mediaType) {
    const { manifest } = (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .parseManifest */ .Ng)(fetched.bytes, fetched.descriptor.mediaType);
    if ((0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .isIndex */ .nw)(manifest))
        throw new AmbiguousLayerError('LAYER_INDEX', `${reference} is an image index, not an artifact`);
    if (mediaType) {
        const layer = manifest.layers.find((l) => l.mediaType === mediaType);
        if (!layer)
            throw new AmbiguousLayerError('LAYER_MEDIA_TYPE_ABSENT', `${reference} has no layer of media type ${mediaType} (it has ${manifest.layers.map((l) => l.mediaType).join(', ') || 'no layers'})`);
        return layer;
    }
    const [first, ...rest] = manifest.layers;
    if (!first)
        throw new AmbiguousLayerError('LAYER_NONE', `${reference} has no layers`);
    if (rest.length > 0) {
        throw new AmbiguousLayerError('LAYERS_SEVERAL', `${reference} has ${manifest.layers.length} layers (${manifest.layers.map((l) => l.mediaType).join(', ')}): name the one to use with its media type, as the cluster's spec.layerSelector does`);
    }
    return first;
}
/** The one layer of an artifact, or undefined when it has none or several (for comparisons that then say "differs"). */
function soleLayer(fetched) {
    try {
        return contentLayer(fetched, fetched.descriptor.digest);
    }
    catch (err) {
        if (err instanceof AmbiguousLayerError)
            return undefined;
        throw err;
    }
}
/**
 * Whether an artifact holds what a local tree packs to, for diff-tag's "unchanged" and `diff`: 'layer' when its
 * one layer is the same blob (digest and size, as `flux diff artifact` compares), 'tar' when the layer differs but
 * the config is byte for byte the one d2ci writes for the same uncompressed tar (fluxConfig: the tar's digest in
 * `rootfs.diff_ids`, nothing else), undefined otherwise.
 *
 * The 'tar' case is what keeps an upgrade quiet: earlier d2ci packed one gzip stream, it now compresses chunks in
 * parallel (gzip.ts), so the same tree gives another layer digest but the same tar, hence the same config digest,
 * which the manifest already names: no request is added. Without it, the first diff-tag push after the
 * upgrade would push (and sign, and make every cluster reconcile) an artifact that differs only in compression.
 * The config is only the pusher's claim about the layer (nothing checks diff_ids against it); someone who can
 * write such a claim can also move the tag, and an unchanged push signs nothing, so trusting it gives no one more.
 */
function sameContent(fetched, layer) {
    const remote = soleLayer(fetched);
    if (!remote)
        return undefined;
    if (remote.digest === layer.digest && remote.size === layer.size)
        return 'layer';
    const { manifest } = (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .parseManifest */ .Ng)(fetched.bytes, fetched.descriptor.mediaType);
    if ((0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .isIndex */ .nw)(manifest) || remote.mediaType !== _flux_js__WEBPACK_IMPORTED_MODULE_2__/* .FluxMediaType */ .u7.content)
        return undefined;
    const ours = (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .descriptorFor */ .RZ)(_flux_js__WEBPACK_IMPORTED_MODULE_2__/* .FluxMediaType */ .u7.config, (0,_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .fluxConfig */ .Eb)(layer.diffId));
    return manifest.config.digest === ours.digest && manifest.config.size === ours.size ? 'tar' : undefined;
}


/***/ }),

/***/ 94913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eb: () => (/* binding */ fluxConfig),
/* harmony export */   zi: () => (/* binding */ fluxManifest)
/* harmony export */ });
/* unused harmony export artifactAnnotations */
/* harmony import */ var _oci_media_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(18613);
/* harmony import */ var _oci_descriptor_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77796);
/* harmony import */ var _go_time_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80065);
/* harmony import */ var _flux_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(18359);




function artifactAnnotations(metadata, now = new Date()) {
    const created = metadata.created ?? (metadata.reproducible ? _flux_js__WEBPACK_IMPORTED_MODULE_0__/* .reproducibleCreated */ .Jl : (0,_go_time_js__WEBPACK_IMPORTED_MODULE_1__/* .rfc3339 */ .a)(now));
    return (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_2__/* .sortedAnnotations */ .sk)({
        [_flux_js__WEBPACK_IMPORTED_MODULE_0__/* .Annotation */ .YH.created]: created,
        [_flux_js__WEBPACK_IMPORTED_MODULE_0__/* .Annotation */ .YH.source]: metadata.source,
        [_flux_js__WEBPACK_IMPORTED_MODULE_0__/* .Annotation */ .YH.revision]: metadata.revision,
        ...metadata.annotations,
    });
}
/** Go's zero time, which go-containerregistry writes for an unset `created`. */
const goZeroTime = '0001-01-01T00:00:00Z';
/**
 * The config blob go-containerregistry writes for Flux 2.6–2.8 (a `v1.ConfigFile`, 233 bytes): the uncompressed
 * tar's digest in `rootfs.diff_ids` and Go's zero time as `created`. Flux 2.9 copies the creation time in, but no
 * consumer reads it; keeping it out makes the config depend on the content only, so an unchanged tree pushed again
 * uploads no blob at all. The time stays in the manifest's `org.opencontainers.image.created` annotation.
 */
function fluxConfig(diffId) {
    return Buffer.from(JSON.stringify({
        architecture: '',
        created: goZeroTime,
        history: [{ created: goZeroTime }],
        os: '',
        rootfs: { type: 'layers', diff_ids: [diffId] },
        config: {},
    }));
}
/** The OCI image manifest of a Flux artifact: Flux config, one tar+gzip content layer, the annotations. */
function fluxManifest(layer, metadata, now) {
    const annotations = artifactAnnotations(metadata, now);
    const config = fluxConfig(layer.diffId);
    const configDescriptor = (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_2__/* .plainDescriptor */ .UM)((0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_2__/* .descriptorFor */ .RZ)(_flux_js__WEBPACK_IMPORTED_MODULE_0__/* .FluxMediaType */ .u7.config, config));
    const layerDescriptor = (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_2__/* .plainDescriptor */ .UM)({ mediaType: _flux_js__WEBPACK_IMPORTED_MODULE_0__/* .FluxMediaType */ .u7.content, digest: layer.digest, size: layer.size });
    const body = {
        schemaVersion: 2,
        mediaType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.ociManifest,
        config: configDescriptor,
        layers: [layerDescriptor],
        annotations,
    };
    const manifest = Buffer.from(JSON.stringify(body));
    return { manifest, descriptor: (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_2__/* .descriptorFor */ .RZ)(_oci_media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.ociManifest, manifest), config, configDescriptor, layerDescriptor, annotations };
}


/***/ }),

/***/ 92998:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uR: () => (/* binding */ ArtifactPathError),
  Y1: () => (/* binding */ walkEntries)
});

// UNUSED EXPORTS: UnpackableNameError, walkTree

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../../packages/core/src/oci/order.ts
var order = __webpack_require__(38085);
// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __webpack_require__(85736);
// EXTERNAL MODULE: ../../packages/core/node_modules/ignore/index.js
var ignore = __webpack_require__(65404);
var ignore_default = /*#__PURE__*/__webpack_require__.n(ignore);
;// CONCATENATED MODULE: ../../packages/core/src/artifact/ignore.ts



/**
 * What `flux push/build/diff artifact` leave out by default (flux2 build_artifact.go `excludeOCI` =
 * fluxcd/pkg sourceignore ExcludeVCS + ExcludeExt).
 */
const fluxDefaultIgnore = [
    '.git/',
    '.gitignore',
    '.gitmodules',
    '.gitattributes',
    '*.jpg',
    '*.jpeg',
    '*.gif',
    '*.png',
    '*.wmv',
    '*.flv',
    '*.tar.gz',
    '*.zip',
];
/**
 * Gitignore-syntax matching over the artifact tree (via the `ignore` package). Patterns from a `.sourceignore`
 * apply below its directory; deeper files override shallower ones, like nested .gitignore files.
 */
class IgnoreRules {
    #scopes;
    #sourceIgnore;
    constructor(options = {}) {
        const patterns = [...(options.ignorePaths ?? fluxDefaultIgnore), ...(options.addIgnorePaths ?? [])]
            .map((p) => p.trim())
            .filter(Boolean);
        this.#scopes = [{ base: '', rules: ignore_default()().add(patterns) }];
        this.#sourceIgnore = options.sourceIgnore ?? false;
    }
    /** Reads `<dir>/.sourceignore` when enabled; call before walking the directory's children. */
    enterSync(absoluteDir, relativeDir) {
        if (!this.#sourceIgnore)
            return;
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(absoluteDir, '.sourceignore'), 'utf8');
        }
        catch {
            return;
        }
        this.#scopes.push({ base: relativeDir === '.' ? '' : relativeDir, rules: ignore_default()().add(text) });
    }
    /** Whether a path (relative, with `/`) is excluded. */
    ignores(relativePath, isDirectory) {
        let ignored = false;
        for (const scope of this.#scopes) {
            if (scope.base && !relativePath.startsWith(`${scope.base}/`))
                continue;
            const local = scope.base ? relativePath.slice(scope.base.length + 1) : relativePath;
            const result = scope.rules.test(isDirectory ? `${local}/` : local);
            if (result.ignored)
                ignored = true;
            else if (result.unignored)
                ignored = false;
        }
        return ignored;
    }
}

;// CONCATENATED MODULE: ../../packages/core/src/artifact/walk.ts





/**
 * What is wrong with the tree to pack (field `path`) or with the component glob (field `components`). When the
 * message is about the path itself (`path "<path>" does not exist`), `path` is that path as core was given it and
 * `detail` the rest, so a front door can name the path as its user wrote it; otherwise `detail` is the message.
 */
class ArtifactPathError extends errors/* BaseError */.Cf {
    path;
    detail;
    /** About a symlink `resolveSymlinks` followed: leaving it off is a fix as good as the path. */
    symlink;
    constructor(code, about) {
        const message = typeof about === 'string' ? about : `path "${about.path}" ${about.detail}`;
        super(code, message, { field: code.startsWith('COMPONENTS_') ? 'components' : 'path' });
        this.path = typeof about === 'string' ? undefined : about.path;
        this.detail = typeof about === 'string' ? about : about.detail;
        this.symlink = code === 'SYMLINK_BROKEN' || code === 'SYMLINK_OUTSIDE_ROOT';
    }
}
/**
 * A name Flux cannot unpack. source-controller extracts every artifact with fluxcd/pkg `tar.Untar`, which checks
 * each tar header name with `validRelPath` (tar/tar.go@tar/v0.12.0 to tar/v0.17.0, tar/untar.go@tar/v1.2.0):
 *
 *     if p == "" || strings.Contains(p, `\`) || strings.HasPrefix(p, "/") || strings.Contains(p, "../") { return false }
 *
 * and fails the whole artifact on the first refusal, so such a name is refused here, before anything is uploaded.
 */
class UnpackableNameError extends ArtifactPathError {
    /** The entry's path inside the artifact, as walked (no trailing slash). */
    entry;
    constructor(entry, type, reason) {
        super('FLUX_UNTAR_NAME', `${type} "${entry}" would fail the whole artifact in Flux: its Untar refuses names ${reason}; rename it, or leave it out with an ignore pattern`);
        this.entry = entry;
    }
}
/**
 * Throws when Flux's `validRelPath` would refuse an entry. It sees the tar header name, which is `name` as is
 * (writeLayer passes it to tar-stream, which adds no trailing `/` to directories, as Flux's own builder writes):
 * a directory `v1..` passes by itself, but everything in it (`v1../app.yaml`) contains `../` and fails; a file
 * `v1..` or a directory `..x` passes. Our names never start with `/` and are never empty (the root is `.`), so
 * `\` and `../` are the two rules that can bite.
 */
function assertUnpackable(name, type) {
    if (name.includes('\\'))
        throw new UnpackableNameError(name, type, 'containing a backslash');
    const dotted = name.indexOf('../');
    if (dotted >= 0)
        throw new UnpackableNameError(name, type, `containing "../" (directory "${name.slice(0, dotted + 2)}" ends in "..")`);
}
const dirMode = 0o755;
const fileMode = (mode) => (mode & 0o111 ? 0o755 : 0o644);
/**
 * Lists what goes into an artifact, in Flux's order: a depth-first walk with each directory's names sorted
 * byte-wise, the root first as `.`. Ignored paths, symlinks (unless resolved) and special files are left out.
 * A single file becomes `.` plus that file, as in Flux 2.9.
 */
async function walkTree(root, options = {}) {
    return [...walkEntries(root, options)];
}
/**
 * The same walk, one entry at a time, so packing can start (and zlib compress) while the tree is still being
 * listed. Synchronous on purpose: listing is metadata work, and sync calls list 5,000 files in ~35 ms where one
 * thread-pool round trip per lstat took ~150 ms.
 */
function* walkEntries(root, options = {}) {
    let info;
    try {
        info = (0,external_node_fs_.statSync)(root);
    }
    catch (err) {
        const code = err.code;
        throw code === 'ENOENT'
            ? new ArtifactPathError('PATH_NOT_FOUND', { path: root, detail: 'does not exist' })
            : new ArtifactPathError('PATH_UNREADABLE', `cannot read path "${root}": ${err.message}`);
    }
    yield { name: '.', type: 'directory', mode: dirMode, size: 0, source: root };
    if (info.isFile()) {
        assertUnpackable((0,external_node_path_.basename)(root), 'file');
        yield { name: (0,external_node_path_.basename)(root), type: 'file', mode: fileMode(info.mode), size: info.size, source: root };
        return;
    }
    if (!info.isDirectory())
        throw new ArtifactPathError('PATH_NOT_FILE_OR_DIRECTORY', { path: root, detail: 'is neither a file nor a directory' });
    const rules = new IgnoreRules(options);
    const rootReal = (0,external_node_fs_.realpathSync)(root);
    function* visit(dir, name, ancestors) {
        rules.enterSync(dir, name);
        const children = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true }).sort((a, b) => (0,order/* compareBytes */.X)(a.name, b.name));
        for (const child of children) {
            const path = (0,external_node_path_.join)(dir, child.name);
            const childName = name === '.' ? child.name : `${name}/${child.name}`;
            let source = path;
            let kind = child.isFile() ? 'file' : child.isDirectory() ? 'directory' : undefined;
            if (child.isSymbolicLink()) {
                if (!options.resolveSymlinks)
                    continue;
                let target;
                try {
                    target = (0,external_node_fs_.realpathSync)(path);
                }
                catch {
                    throw new ArtifactPathError('SYMLINK_BROKEN', `symlink "${childName}" is broken`);
                }
                if (target !== rootReal && !target.startsWith(rootReal + external_node_path_.sep)) {
                    throw new ArtifactPathError('SYMLINK_OUTSIDE_ROOT', `symlink "${childName}" points outside the artifact root (to ${(0,external_node_path_.relative)(rootReal, target)})`);
                }
                const targetInfo = (0,external_node_fs_.statSync)(target);
                kind = targetInfo.isFile() ? 'file' : targetInfo.isDirectory() ? 'directory' : undefined;
                source = target;
            }
            if (kind === 'directory') {
                if (rules.ignores(childName, true))
                    continue;
                const real = (0,external_node_fs_.realpathSync)(source);
                if (ancestors.has(real))
                    continue; // a symlink loop back into an ancestor
                assertUnpackable(childName, 'directory');
                yield { name: childName, type: 'directory', mode: dirMode, size: 0, source };
                yield* visit(source, childName, new Set([...ancestors, real]));
            }
            else if (kind === 'file') {
                if (rules.ignores(childName, false))
                    continue;
                assertUnpackable(childName, 'file');
                const info = (0,external_node_fs_.statSync)(source);
                yield { name: childName, type: 'file', mode: fileMode(info.mode), size: info.size, source };
            }
        }
    }
    yield* visit(root, '.', new Set([rootReal]));
}


/***/ }),

/***/ 25154:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ documentMediaTypes),
/* harmony export */   r: () => (/* binding */ detectDocumentType)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37831);

// The kinds of document d2ci attaches (SPDX, CycloneDX, OpenVEX), and which one a user's file is.
/** Media types of the documents d2ci attaches to an artifact as referrers (OCI artifactType). */
const documentMediaTypes = {
    spdx: 'application/spdx+json',
    cyclonedx: 'application/vnd.cyclonedx+json',
    openvex: 'application/openvex+json',
};
/**
 * Which kind of document a user gave, by its content: SPDX 2.x JSON (`spdxVersion`), CycloneDX JSON
 * (`bomFormat: CycloneDX`) or OpenVEX (`@context` https://openvex.dev/ns…). Accepts the parsed JSON, its text or
 * bytes; throws an SbomError saying what was found otherwise.
 */
function detectDocumentType(json) {
    let value = json;
    if (typeof value === 'string' || value instanceof Uint8Array) {
        const text = (typeof value === 'string' ? value : Buffer.from(value).toString('utf8')).replace(/^\uFEFF/, '').trim();
        if (text.startsWith('<'))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SbomError */ .S('DOCUMENT_UNRECOGNIZED', 'the document is XML; give SPDX, CycloneDX or OpenVEX as JSON');
        try {
            value = JSON.parse(text);
        }
        catch (err) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SbomError */ .S('DOCUMENT_UNRECOGNIZED', `the document is not JSON (${err.message}); give an SPDX, CycloneDX or OpenVEX JSON document`);
        }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SbomError */ .S('DOCUMENT_UNRECOGNIZED', `the document is ${Array.isArray(value) ? 'a JSON array' : `JSON ${value === null ? 'null' : typeof value}`}; expected an SPDX, CycloneDX or OpenVEX JSON object`);
    }
    const doc = value;
    if (typeof doc.spdxVersion === 'string' && /^SPDX-/.test(doc.spdxVersion)) {
        return { format: 'spdx', mediaType: documentMediaTypes.spdx, version: doc.spdxVersion.slice('SPDX-'.length) };
    }
    if (doc.bomFormat === 'CycloneDX') {
        return {
            format: 'cyclonedx',
            mediaType: documentMediaTypes.cyclonedx,
            ...(typeof doc.specVersion === 'string' ? { version: doc.specVersion } : {}),
        };
    }
    const context = doc['@context'];
    const contexts = (Array.isArray(context) ? context : [context]).filter((c) => typeof c === 'string');
    const openvex = contexts.find((c) => /^https:\/\/openvex\.dev\/ns(\/|$)/.test(c));
    if (openvex) {
        const version = /^https:\/\/openvex\.dev\/ns\/v?([0-9][^/]*)/.exec(openvex)?.[1];
        return { format: 'openvex', mediaType: documentMediaTypes.openvex, ...(version ? { version } : {}) };
    }
    if (contexts.some((c) => /spdx\.org\/rdf\/3/.test(c))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SbomError */ .S('DOCUMENT_UNRECOGNIZED', 'the document is SPDX 3 (JSON-LD), which is not supported; give SPDX 2.x JSON, CycloneDX or OpenVEX');
    }
    const keys = Object.keys(doc).slice(0, 8);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SbomError */ .S('DOCUMENT_UNRECOGNIZED', `the document is not SPDX, CycloneDX or OpenVEX JSON: expected "spdxVersion", "bomFormat": "CycloneDX" or an OpenVEX "@context" (https://openvex.dev/ns/…); its keys are ${keys.length ? keys.map((k) => JSON.stringify(k)).join(', ') : 'none'}${Object.keys(doc).length > keys.length ? ', …' : ''}`);
}


/***/ }),

/***/ 37831:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ SbomError)
/* harmony export */ });
/* unused harmony export DocumentPullError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85736);

/**
 * A document to attach, an SBOM to write or an attestation type to require that cannot be used. A user's file is
 * about the documents to attach (`attach`), a required type about `require-attestations`.
 */
class SbomError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BaseError */ .Cf {
    constructor(code, message, options = {}) {
        super(code, message, options);
        this.name = 'SbomError';
    }
}
/** The document asked for (`referrer`) is attached, but in a form that cannot be given. */
class DocumentPullError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BaseError */ .Cf {
    constructor(code, message) {
        super(code, message, { field: 'referrer' });
    }
}


/***/ }),

/***/ 96627:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gn: () => (/* binding */ NotationHeader),
/* harmony export */   bT: () => (/* binding */ NotationMediaType),
/* harmony export */   q1: () => (/* binding */ NotationAnnotation)
/* harmony export */ });
// The Notary Project's names: media types, manifest annotations and JWS header names (notaryproject/specifications
// signature-specification.md, signature-envelope-jws.md; notation-go and notation-core-go use the same strings).
const NotationMediaType = {
    /** The signature manifest's config media type as notation-go v1.3.2 writes it (artifactType in the OCI 1.1 form). */
    signature: 'application/vnd.cncf.notary.signature',
    payload: 'application/vnd.cncf.notary.payload.v1+json',
    jws: 'application/jose+json',
    cose: 'application/cose',
};
const NotationAnnotation = {
    /** JSON array of the chain's SHA-256 thumbprints, leaf first (lower-case hex, as notation-go writes them). */
    thumbprintS256: 'io.cncf.notary.x509chain.thumbprint#S256',
    /** The signing time, which notation-go (through oras PackManifest) puts on every signature manifest. */
    created: 'org.opencontainers.image.created',
};
const NotationHeader = {
    signingScheme: 'io.cncf.notary.signingScheme',
    signingTime: 'io.cncf.notary.signingTime',
    authenticSigningTime: 'io.cncf.notary.authenticSigningTime',
    expiry: 'io.cncf.notary.expiry',
    signingAgent: 'io.cncf.notary.signingAgent',
    timestampSignature: 'io.cncf.notary.timestampSignature',
    verificationPlugin: 'io.cncf.notary.verificationPlugin',
    verificationPluginMinVersion: 'io.cncf.notary.verificationPluginMinVersion',
};


/***/ }),

/***/ 5716:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Is: () => (/* binding */ sortedJson),
/* harmony export */   J9: () => (/* binding */ notationPayload),
/* harmony export */   Os: () => (/* binding */ parseNotationPayload)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(63879);

/** JSON with object keys sorted, as Go marshals maps (notation-core-go builds the header and payload as maps). */
function sortedJson(value) {
    if (Array.isArray(value))
        return `[${value.map(sortedJson).join(',')}]`;
    if (typeof value === 'object' && value !== null) {
        return `{${Object.keys(value)
            .sort()
            .filter((k) => value[k] !== undefined)
            .map((k) => `${JSON.stringify(k)}:${sortedJson(value[k])}`)
            .join(',')}}`;
    }
    return JSON.stringify(value);
}
const reservedAnnotationPrefix = 'io.cncf.notary';
/** The payload notation signs for a manifest: only mediaType, digest, size and annotations (SanitizeTargetArtifact). */
function notationPayload(subject, userMetadata = {}) {
    const annotations = { ...(subject.annotations ?? {}) };
    for (const [key, value] of Object.entries(userMetadata)) {
        if (key.startsWith(reservedAnnotationPrefix))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotationError */ .B1('NOTATION_USER_METADATA_INVALID', `error adding user metadata: metadata key ${key} has reserved prefix ${reservedAnnotationPrefix}`);
        if (Object.hasOwn(annotations, key))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotationError */ .B1('NOTATION_USER_METADATA_INVALID', `error adding user metadata: metadata key ${key} is already present in the target artifact`);
        annotations[key] = value;
    }
    const target = { mediaType: subject.mediaType, digest: subject.digest, size: subject.size };
    if (Object.keys(annotations).length)
        target.annotations = annotations;
    return Buffer.from(sortedJson({ targetArtifact: target }));
}
/** Reads a Notary Project payload and checks its `targetArtifact` has mediaType, digest and size. */
function parseNotationPayload(bytes) {
    let payload;
    try {
        payload = JSON.parse(bytes.toString());
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotationError */ .B1('NOTATION_ENVELOPE_INVALID', `the payload is not JSON: ${err.message}`);
    }
    const target = payload?.targetArtifact;
    if (typeof target !== 'object' || target === null)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotationError */ .B1('NOTATION_ENVELOPE_INVALID', 'the payload has no targetArtifact');
    if (typeof target.mediaType !== 'string' ||
        typeof target.digest !== 'string' ||
        !Number.isSafeInteger(target.size) ||
        (target.size ?? -1) < 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotationError */ .B1('NOTATION_ENVELOPE_INVALID', 'the payload targetArtifact must have mediaType, digest and size');
    }
    if (target.annotations !== undefined &&
        (typeof target.annotations !== 'object' ||
            target.annotations === null ||
            Object.values(target.annotations).some((v) => typeof v !== 'string'))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotationError */ .B1('NOTATION_ENVELOPE_INVALID', 'the payload targetArtifact annotations must be a string map');
    }
    return payload;
}


/***/ })

};
