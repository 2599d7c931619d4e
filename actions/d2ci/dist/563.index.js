export const id = 563;
export const ids = [563];
export const modules = {

/***/ 15563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ../../packages/core/src/oci/open.ts + 2 modules
var oci_open = __webpack_require__(17877);
// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __webpack_require__(48706);
// EXTERNAL MODULE: ../../packages/core/src/auth/resolve.ts + 3 modules
var resolve = __webpack_require__(10863);
// EXTERNAL MODULE: ../../packages/core/src/verify/flux.ts
var flux = __webpack_require__(10582);
// EXTERNAL MODULE: ../../packages/action-kit/src/index.ts + 24 modules
var src = __webpack_require__(80437);
;// CONCATENATED MODULE: ../copy-artifact/src/inputs.ts



function locationInput(name) {
    const value = (0,src/* stringInput */.Uj)(name);
    if (!value)
        throw new src/* InputError */.dz(name, `is required, e.g. ${name === 'from' ? 'ghcr.io/acme/fleet:v1.2.3' : '123456789012.dkr.ecr.eu-west-1.amazonaws.com/fleet'}`);
    try {
        return (0,oci_open/* parseLocation */.zS)(value);
    }
    catch (err) {
        if (err instanceof errors/* InvalidReferenceError */.x_)
            throw new src/* InputError */.dz(name, err.problem);
        throw err;
    }
}
/** One side's credentials and provider over the shared registry inputs (cloud options, token, timeout). */
function sideInputs(shared, side) {
    const username = (0,src/* stringInput */.Uj)(`${side}-username`);
    const password = (0,src/* stringInput */.Uj)(`${side}-password`);
    if (password)
        src/* runner.setSecret */.lj.setSecret(password);
    if (username && !password)
        throw new src/* InputError */.dz(`${side}-password`, `is empty but \`${side}-username\` is set; pass the password or token`);
    if (password && !username)
        throw new src/* InputError */.dz(`${side}-username`, `is empty but \`${side}-password\` is set; add the user name`);
    try {
        return { ...shared, username, password, provider: (0,resolve/* parseProvider */.te)((0,src/* stringInput */.Uj)(`${side}-provider`)) };
    }
    catch (err) {
        throw new src/* InputError */.dz(`${side}-provider`, err.message);
    }
}
/** A verification gate when an identity or key is given: the source must verify before anything is written. */
async function gateInputs(context) {
    if (!(0,src/* stringInput */.Uj)('certificate-identity') && !(0,src/* stringInput */.Uj)('certificate-identity-regexp') && !(0,src/* stringInput */.Uj)('key'))
        return undefined;
    let fluxVersion;
    try {
        fluxVersion = (0,flux/* parseFluxVersionOption */.Qx)((0,src/* stringInput */.Uj)('flux-version'));
    }
    catch (err) {
        if (err instanceof flux/* FluxVersionError */.CA)
            throw new src/* InputError */.dz('flux-version', `${err.message}, or none`);
        throw err;
    }
    const verification = await (0,src/* verificationInputs */.zi)(src/* verifyInputNames */.uU, context);
    return { signatures: { provider: 'cosign', verification, fluxVersion } };
}
/** Reads and validates every input (and loads the trust material) before anything is fetched. */
async function getInputs() {
    const context = (0,src/* githubContext */.h4)();
    const from = locationInput('from');
    const to = locationInput('to');
    const shared = (0,src/* registryInputs */.P4)();
    const registries = { from: sideInputs(shared, 'from'), to: sideInputs(shared, 'to') };
    const verify = await gateInputs(context);
    const { from: f, to: t } = registries;
    const request = {
        tags: (0,src/* listInput */.dt)('tags'),
        force: (0,src/* listInput */.dt)('force'),
        referrers: (0,src/* booleanInput */.tE)('copy-referrers', true),
        // The destination's credentials mount from the source repository only when they are the source's too.
        mount: f.username === t.username && f.password === t.password && f.provider === t.provider,
        ...(verify ? { verify } : {}),
    };
    return { from, to, registries, request, context };
}

// EXTERNAL MODULE: ../../packages/core/src/artifact/tag-guard.ts
var tag_guard = __webpack_require__(84166);
// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var src_errors = __webpack_require__(85736);
;// CONCATENATED MODULE: ../../packages/core/src/copy/errors.ts

/** A copy that stopped before any destination tag moved; the message says so after the reason (`problem`). */
class CopyError extends src_errors/* BaseError */.Cf {
    constructor(code, problem, options = {}) {
        super(code, `${problem} (no destination tag was moved)`, { problem, ...options });
    }
}

// EXTERNAL MODULE: ../../packages/core/src/oci/target.ts
var oci_target = __webpack_require__(17420);
;// CONCATENATED MODULE: ../../packages/core/src/copy/sided.ts

const sides = new WeakMap();
/** The side whose target threw `err` during a copy, if it came from one. */
function copyErrorSide(err) {
    return typeof err === 'object' && err !== null ? sides.get(err) : undefined;
}
/** Marks what `call` throws as this side's (the first side to see an error keeps it). */
async function marked(side, call) {
    try {
        return await call();
    }
    catch (err) {
        if (typeof err === 'object' && err !== null && !sides.has(err))
            sides.set(err, side);
        throw err;
    }
}
/**
 * The target, unchanged, except that its failures remember their side. The errors themselves are not wrapped:
 * the copy still decides on them (`isNotFound`) as on any target's.
 */
function sided(target, side) {
    const wrapped = {
        name: target.name,
        resolve: (reference) => marked(side, () => target.resolve(reference)),
        fetchManifest: (reference) => marked(side, () => target.fetchManifest(reference)),
        fetch: (descriptor) => marked(side, () => target.fetch(descriptor)),
        exists: (descriptor) => marked(side, () => target.exists(descriptor)),
        source: (descriptor) => target.source(descriptor),
        push: (descriptor, content) => marked(side, () => target.push(descriptor, content)),
        pushReference: (descriptor, bytes, reference) => marked(side, () => target.pushReference(descriptor, bytes, reference)),
        tag: (descriptor, tag) => marked(side, () => target.tag(descriptor, tag)),
        tags: () => marked(side, () => target.tags()),
        referrers: (descriptor, options) => marked(side, () => target.referrers(descriptor, options)),
        delete: (descriptor) => marked(side, () => target.delete(descriptor)),
    };
    if ((0,oci_target/* canMount */.a)(target))
        wrapped.mount = (...args) => marked(side, () => target.mount(...args));
    return wrapped;
}

// EXTERNAL MODULE: ../../packages/core/src/oci/reference.ts
var reference = __webpack_require__(48936);
// EXTERNAL MODULE: ../../packages/core/src/verify/check.ts + 4 modules
var verify_check = __webpack_require__(90224);
// EXTERNAL MODULE: ../../packages/core/src/oci/copy.ts
var copy = __webpack_require__(95672);
;// CONCATENATED MODULE: ../../packages/core/src/copy/context.ts

function emptyStats() {
    return { manifests: 0, blobs: { uploaded: 0, mounted: 0, present: 0 }, bytes: 0 };
}
/** Adds what one oci `copyGraph` did to the count. */
function count(stats, root, result) {
    for (const { descriptor, result: how } of result.blobs) {
        if (how === 'uploaded') {
            stats.blobs.uploaded++;
            stats.bytes += descriptor.size;
        }
        else if (how === 'mounted')
            stats.blobs.mounted++;
        else
            stats.blobs.present++;
    }
    if (!result.existed) {
        stats.manifests++;
        stats.bytes += root.bytes.length;
    }
}
/**
 * Copies one manifest graph (blobs skipped when the destination has them, mounted when it can) and counts it.
 * `checkRoot: false` stores the manifest even when the destination has it, so a registry without the referrers
 * API gets the referrer's entry in its `sha256-<hex>` index again (an earlier copy may have stopped in between).
 */
async function copyManifest(context, root, options = {}) {
    const result = await (0,copy/* copyGraph */.a0)(context.source, root, context.destination, {
        tags: options.tags,
        checkRoot: options.checkRoot,
        ...(context.mountFrom ? { mountFrom: context.mountFrom } : {}),
        ...(options.beforeTag ? { beforeTag: options.beforeTag } : {}),
    });
    count(context.stats, root, result);
    return result;
}

// EXTERNAL MODULE: ../../packages/core/src/oci/concurrency.ts
var concurrency = __webpack_require__(81434);
// EXTERNAL MODULE: ../../packages/core/src/oci/media-types.ts
var media_types = __webpack_require__(18613);
// EXTERNAL MODULE: ../../packages/core/src/oci/descriptor.ts
var descriptor = __webpack_require__(77796);
// EXTERNAL MODULE: ../../packages/core/src/oci/content.ts
var content = __webpack_require__(83632);
// EXTERNAL MODULE: ../../packages/core/src/artifact/push.ts
var push = __webpack_require__(42816);
// EXTERNAL MODULE: ../../packages/core/src/sign/legacy.ts
var legacy = __webpack_require__(41914);
;// CONCATENATED MODULE: ../../packages/core/src/copy/legacy.ts







/** cosign's tag-based suffixes (cosign pkg/oci/remote `SignatureTag`, `AttestationTag`, `SBOMTag`). */
const cosignTagSuffixes = ['sig', 'att', 'sbom'];
/** `sha256-<hex>.sig|.att|.sbom`: where cosign keeps a subject's signatures, attestations and SBOM by tag. */
function cosignTag(subjectDigest, suffix) {
    return (0,legacy/* legacySignatureTag */.eG)(subjectDigest).replace(/\.sig$/, `.${suffix}`);
}
const layersOf = (fetched) => {
    const { manifest } = (0,descriptor/* parseManifest */.Ng)(fetched.bytes, fetched.descriptor.mediaType);
    return (0,descriptor/* isIndex */.nw)(manifest) ? undefined : (manifest.layers ?? []);
};
/** A layer is the same signature when its payload and its signature annotation are (cosign dedupes the same way). */
const layerKey = (layer) => `${layer.digest} ${layer.annotations?.[legacy/* CosignAnnotation */.lr.signature] ?? ''}`;
/**
 * The destination's `.sig`/`.att` image with the source's layers it lacks appended, as cosign appends a new
 * signature (`mutate.AppendLayers`, one layer per signature): a destination's own signatures (a production
 * release signature, say) are never dropped by a copy. Returns false when nothing was missing.
 */
async function merge(context, tag, from, into) {
    const ours = layersOf(into);
    const theirs = layersOf(from);
    if (!ours || !theirs)
        return false;
    const have = new Set(ours.map(layerKey));
    const missing = theirs.filter((layer) => !have.has(layerKey(layer)));
    if (missing.length === 0)
        return false;
    for (const layer of missing) {
        if (await context.destination.exists(layer))
            continue;
        await context.destination.push(layer, context.source.source(layer));
        context.stats.blobs.uploaded++;
        context.stats.bytes += layer.size;
    }
    const layers = [...ours, ...missing];
    const config = (0,legacy/* signatureConfig */.fK)(layers);
    const configDescriptor = (0,descriptor/* descriptorFor */.RZ)(media_types/* MediaType */.zu.ociConfig, config);
    const manifest = { schemaVersion: 2, mediaType: media_types/* MediaType */.zu.ociManifest, config: (0,descriptor/* plainDescriptor */.UM)(configDescriptor), layers };
    const bytes = Buffer.from(JSON.stringify(manifest));
    if (!(await context.destination.exists(configDescriptor)))
        await context.destination.push(configDescriptor, (0,content/* bytesSource */.Xl)(config));
    await context.destination.pushReference((0,descriptor/* descriptorFor */.RZ)(media_types/* MediaType */.zu.ociManifest, bytes), bytes, tag);
    context.stats.manifests++;
    context.stats.bytes += bytes.length + config.length;
    return true;
}
/**
 * Copies cosign's tag-based signatures, attestations and SBOM of one subject (what `cosign copy` copies besides
 * the image). A destination without the tag gets the source's manifest as it is; one with other signatures under
 * it keeps them and gains the source's; a different `.sbom` is left alone (an SBOM is replaced, not merged).
 */
async function copyCosignTags(context, subject) {
    const found = await Promise.all(cosignTagSuffixes.map(async (kind) => {
        const tag = cosignTag(subject, kind);
        return { tag, kind, fetched: await (0,push/* fetchIfExists */._)(context.source, tag) };
    }));
    const copies = [];
    for (const { tag, kind, fetched } of found) {
        if (!fetched)
            continue;
        const there = await (0,copy/* currentDigest */.kE)(context.destination, tag);
        let action;
        if (there === fetched.descriptor.digest)
            action = 'present';
        else if (there === undefined) {
            await copyManifest(context, fetched, { tags: [tag] });
            action = 'copied';
        }
        else if (kind === 'sbom')
            action = 'kept';
        else {
            const current = await context.destination.fetchManifest(there);
            action = (await merge(context, tag, fetched, current)) ? 'merged' : 'present';
        }
        copies.push({ tag, kind, subject, action });
    }
    return copies;
}

// EXTERNAL MODULE: ../../packages/core/src/sign/payload.ts
var payload = __webpack_require__(38419);
// EXTERNAL MODULE: ../../packages/core/src/notation/format.ts
var format = __webpack_require__(96627);
// EXTERNAL MODULE: ../../packages/core/src/documents/document-type.ts
var document_type = __webpack_require__(25154);
;// CONCATENATED MODULE: ../../packages/core/src/copy/kinds.ts



/**
 * A referrer's kind from its artifact type and annotations, as the referrers listing shows them: a Sigstore bundle
 * whose `dev.sigstore.bundle.predicateType` is cosign's sign predicate (or absent: a message signature) signs the
 * subject; any other predicate attests something about it (cosign v3 `attest`, d2ci's SBOM attestations).
 */
function referrerKind(referrer) {
    const type = referrer.artifactType ?? '';
    if (type.startsWith('application/vnd.dev.sigstore.bundle')) {
        const predicate = referrer.annotations?.['dev.sigstore.bundle.predicateType'];
        return predicate === undefined || predicate === payload/* cosignSignPredicateType */.iQ ? 'sigstore-signature' : 'sigstore-attestation';
    }
    if (type === format/* NotationMediaType */.bT.signature)
        return 'notation-signature';
    if (type === document_type/* documentMediaTypes */.f.spdx || type === document_type/* documentMediaTypes */.f.cyclonedx)
        return 'sbom';
    if (type === document_type/* documentMediaTypes */.f.openvex)
        return 'vex';
    return 'other';
}

;// CONCATENATED MODULE: ../../packages/core/src/copy/referrers.ts








/** How deep referrers of referrers are followed (a signature of an attestation of an SBOM is three). */
const maxReferrerDepth = 16;
/** A referrer's manifest from the source; one the source lists but cannot give stops the copy, named. */
async function fetchReferrer(context, referrer, subject) {
    try {
        return await context.source.fetchManifest(referrer.digest);
    }
    catch (err) {
        if (!(0,errors/* isNotFound */.c4)(err))
            throw err;
        throw new CopyError('REFERRER_INCOMPLETE', `${context.source.name} lists ${referrer.artifactType ?? 'a referrer'} ${referrer.digest} for ${subject.digest}, but its manifest is missing; repair the source or copy without referrers`, { cause: err });
    }
}
/**
 * Checks that the source can give every blob of a referrer the destination lacks, before anything is uploaded: a
 * referrer whose signature or document blob is gone is named here, instead of failing mid-upload.
 */
async function checkComplete(context, referrer) {
    const { manifest } = (0,descriptor/* parseManifest */.Ng)(referrer.bytes, referrer.descriptor.mediaType);
    const blobs = (0,descriptor/* successors */.ir)(manifest).filter((d) => !(0,media_types/* isManifestMediaType */.CM)(d.mediaType));
    await (0,concurrency/* mapLimit */.s)(blobs, 4, async (blob) => {
        if ((await context.destination.exists(blob)) || (await context.source.exists(blob)))
            return;
        throw new CopyError('REFERRER_INCOMPLETE', `${context.source.name}: referrer ${referrer.descriptor.digest} names ${blob.mediaType} ${blob.digest}, which the source does not have; repair the source or copy without referrers`);
    });
}
/**
 * Copies everything that refers to `subject`, and what refers to that in turn (signatures of attestations, of SBOMs):
 * OCI referrers as the source lists them (its referrers API, else its `sha256-<hex>` tag index), each stored on the
 * destination by digest — which keeps the destination's own listing right: its referrers API, or the tag index
 * RemoteRepository maintains when the registry has none — and cosign's `.sig`/`.att`/`.sbom` tags of every subject.
 * A referrer the destination already lists is not written again, but its own referrers are still followed.
 */
async function copyReferrers(context, subject, seen = new Set([subject.digest]), depth = 0) {
    const [listed, present, cosignTags] = await Promise.all([
        context.source.referrers(subject),
        context.destination.referrers(subject),
        copyCosignTags(context, subject.digest),
    ]);
    const there = new Set(present.map((d) => d.digest));
    const fresh = listed.filter((d) => !seen.has(d.digest));
    for (const d of fresh)
        seen.add(d.digest);
    const below = await (0,concurrency/* mapLimit */.s)(fresh, 1, async (referrer) => {
        const copied = !there.has(referrer.digest);
        let descriptor = referrer;
        if (copied) {
            const fetched = await fetchReferrer(context, referrer, subject);
            await checkComplete(context, fetched);
            await copyManifest(context, fetched, { checkRoot: false });
            descriptor = { ...referrer, mediaType: fetched.descriptor.mediaType, size: fetched.descriptor.size };
        }
        const entry = {
            digest: referrer.digest,
            ...(referrer.artifactType ? { artifactType: referrer.artifactType } : {}),
            kind: referrerKind(referrer),
            subject: subject.digest,
            copied,
        };
        const deeper = depth + 1 < maxReferrerDepth ? await copyReferrers(context, descriptor, seen, depth + 1) : undefined;
        return { referrers: [entry, ...(deeper?.referrers ?? [])], cosignTags: deeper?.cosignTags ?? [] };
    });
    return { referrers: below.flatMap((b) => b.referrers), cosignTags: [...cosignTags, ...below.flatMap((b) => b.cosignTags)] };
}

;// CONCATENATED MODULE: ../../packages/core/src/copy/copy.ts








const tagOf = (location) => (location.kind === 'registry' ? location.reference.tag : location.tag);
const digestOf = (location) => (location.kind === 'registry' ? location.reference.digest : location.digest);
/**
 * The destination's tags: the destination URL's tag, else the source's (none when the source is named by digest
 * only), then `extra` — so `copy ghcr.io/a/app:v1.2.3 ecr/app` keeps `v1.2.3`, and `--tag latest-stable` adds one.
 */
function copyTags(source, destination, extra = []) {
    const first = tagOf(destination) ?? (digestOf(source) ? undefined : (tagOf(source) ?? 'latest'));
    const tags = [...new Set([...(first ? [first] : []), ...extra])];
    tags.forEach(reference/* assertValidTag */.b5);
    return tags;
}
function mountSource(request) {
    const { source, destination } = request;
    if (request.mount === false || source.location.kind !== 'registry' || destination.location.kind !== 'registry')
        return undefined;
    const from = source.location.reference;
    const to = destination.location.reference;
    return from.registry === to.registry && from.repository !== to.repository ? from.repository : undefined;
}
/**
 * Copies an artifact between any two targets (registry ↔ registry across hosts, registry ↔ OCI layout) with
 * everything that vouches for it: the manifest graph (blobs the destination has are skipped, blobs on the same
 * registry mounted), then every referrer, recursively — Sigstore bundles, attestations, SBOMs, Notary Project
 * signatures and their own signatures — and cosign's `.sig`/`.att`/`.sbom` tags; only then do the destination
 * tags move, so no tag ever names an artifact whose content or signatures are missing there. Protected tags are
 * refused and a required verification is checked before anything is written. Copying again writes nothing.
 */
async function copyArtifact(request) {
    const { source: from, destination: to } = request;
    // Failures remember their side (copyErrorSide), for the front door to explain with that side's credentials.
    const source = { location: from.location, target: sided(from.target, 'source') };
    const destination = { location: to.location, target: sided(to.target, 'destination') };
    const reference = digestOf(source.location) ?? tagOf(source.location) ?? 'latest';
    const tags = copyTags(source.location, destination.location, request.tags);
    const root = await source.target.fetchManifest(reference);
    const digest = root.descriptor.digest;
    const wanted = digestOf(destination.location);
    if (wanted && wanted !== digest)
        throw new CopyError('DESTINATION_DIGEST', `the destination names ${wanted}, but the source ${reference} is ${digest}`);
    await (0,tag_guard/* guardTags */.JR)(destination.target, tags, digest, request.force);
    let check;
    if (request.verify) {
        check = await (0,verify_check/* checkArtifact */.f)({ ...request.verify, location: source.location, target: source.target, reference: digest });
        if (!check.verified)
            throw new CopyError('COPY_REFUSED', `${check.digestUrl} is not verified, so it is not copied: ${check.why || 'no signature verified'}`);
    }
    const stats = emptyStats();
    const mountFrom = mountSource(request);
    const context = { source: source.target, destination: destination.target, stats, ...(mountFrom ? { mountFrom } : {}) };
    let below = { referrers: [], cosignTags: [] };
    const copied = await copyManifest(context, root, {
        tags,
        beforeTag: async () => {
            if (request.referrers !== false)
                below = await copyReferrers(context, root.descriptor);
        },
    });
    const destinationName = (0,oci_open/* locationName */.zb)(destination.location);
    return {
        source: (0,oci_open/* locationName */.zb)(source.location),
        destination: destinationName,
        descriptor: root.descriptor,
        digestUrl: `${destinationName}@${digest}`,
        tags: copied.tags,
        ...below,
        ...stats,
        changed: stats.manifests > 0 ||
            stats.blobs.uploaded + stats.blobs.mounted > 0 ||
            copied.tags.some((t) => t.changed) ||
            below.cosignTags.some((c) => c.action === 'copied' || c.action === 'merged'),
        ...(check ? { check } : {}),
    };
}

;// CONCATENATED MODULE: ../copy-artifact/src/render.ts

/** The step's outputs, log lines and job summary. */
function renderCopy(result) {
    const digest = result.descriptor.digest;
    const copiedReferrers = result.referrers.filter((r) => r.copied).length;
    src/* runner.setOutput */.lj.setOutput('digest', digest);
    src/* runner.setOutput */.lj.setOutput('digest-url', result.digestUrl);
    src/* runner.setOutput */.lj.setOutput('tags', result.tags.map((t) => t.tag).join(','));
    src/* runner.setOutput */.lj.setOutput('copied', String(result.changed));
    src/* runner.setOutput */.lj.setOutput('referrers-copied', String(copiedReferrers));
    if (result.check)
        src/* runner.info */.lj.info(`Verified ${result.source}@${digest}: signed by ${result.check.identity ?? ''}`);
    for (const c of result.cosignTags)
        src/* runner.info */.lj.info(`cosign ${c.kind}: ${c.tag} ${c.action}`);
    src/* runner.info */.lj.info(`${result.referrers.length} referrer(s), ${copiedReferrers} copied; ${result.manifests} manifest(s), ${result.blobs.uploaded} blob(s) uploaded, ${result.blobs.mounted} mounted; ${(0,src/* formatBytes */.z3)(result.bytes)} sent`);
    for (const t of result.tags)
        src/* runner.info */.lj.info(`${result.destination}:${t.tag} → ${digest}${t.changed ? '' : ' (already there)'}`);
    const rows = result.referrers.map((r) => `| ${(0,src/* cell */.Hn)(r.kind)} | \`${r.digest}\` | ${r.copied ? 'copied' : 'already there'} |`);
    src/* runner.appendSummary */.lj.appendSummary([
        `### Copied ${(0,src/* cell */.Hn)(result.source)} → ${(0,src/* cell */.Hn)(result.destination)}`,
        '',
        `\`${digest}\`, tags ${result.tags.map((t) => `\`${(0,src/* cell */.Hn)(t.tag)}\``).join(', ') || 'none'}${result.changed ? '' : ' — nothing to copy: the destination already had everything'}`,
        '',
        ...(rows.length ? ['| referrer | digest | |', '|---|---|---|', ...rows, ''] : []),
    ].join('\n'));
}

;// CONCATENATED MODULE: ../copy-artifact/src/main.ts




/** The step: inputs → one copy → outputs and summary. Each side opens its own session, so credentials stay on their host. */
async function run(inputs) {
    const from = (0,src/* registrySession */.EK)(inputs.registries.from, inputs.context, inputs.from);
    const to = (0,src/* registrySession */.EK)(inputs.registries.to, inputs.context, inputs.to);
    const result = await copyArtifact({
        ...inputs.request,
        source: { location: inputs.from, target: (0,oci_open/* openTarget */.Ap)(inputs.from, from.client) },
        destination: { location: inputs.to, target: (0,oci_open/* openTarget */.Ap)(inputs.to, to.client) },
    }).catch(async (err) => {
        if (err instanceof tag_guard/* ProtectedTagError */.Fp)
            throw err.forcible ? new src/* InputError */.dz('tags', `${err.problem}, or name it in \`force\``) : ((0,src/* inputError */.Xu)(err) ?? err);
        if (err instanceof CopyError)
            throw err;
        const side = copyErrorSide(err) === 'source' ? 'from' : 'to';
        throw await (side === 'from' ? from : to).explain(err, {
            credentialFix: `set \`${side}-username\` and \`${side}-password\`, or \`${side}-provider\`, or \`github-token\` for ghcr.io`,
        });
    });
    renderCopy(result);
}

;// CONCATENATED MODULE: ../copy-artifact/src/action.ts


/** The action's step: read the inputs, run. The root action (actions/d2ci) calls this too, as `@d2ci/copy-artifact/action`. */
async function main() {
    await run(await getInputs());
}


/***/ })

};
