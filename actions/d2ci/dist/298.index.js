export const id = 298;
export const ids = [298];
export const modules = {

/***/ 66298:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   getInputs: () => (/* binding */ getInputs)
/* harmony export */ });
/* harmony import */ var _d2ci_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(39929);
/* harmony import */ var _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73044);


const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Reads and validates every input (and loads trust material) before anything touches a registry. */
async function getInputs() {
    const context = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .githubContext */ .h4)();
    const repositoryValue = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('repository', { required: true });
    const base = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .repositoryInput */ .JD)('repository', repositoryValue);
    const rollbackTo = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('rollback-to') || undefined;
    const modeValue = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('mode', { fallback: 'promote' });
    if (modeValue !== 'promote' && modeValue !== 'build')
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('mode', `"${modeValue}" is not promote or build`);
    const ownRepo = context.repository ? `https://github\\.com/${escape(context.repository)}/\\.github/workflows/[^@]+` : '.+';
    const commonEnd = (plan) => {
        const source = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('source') || (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .defaultSource */ .Hu)(context);
        const revision = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('revision') || (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .defaultRevision */ .Te)(context);
        if (plan.kind === 'build' && (!source || !revision))
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(source ? 'revision' : 'source', 'is empty and the GitHub context does not say; pass it');
        return {
            base,
            plan,
            commit: ((0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('commit') || context.sha).toLowerCase(),
            allowDowngrade: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('allow-downgrade', false),
            source,
            revision,
            signing: plan.kind === 'rollback' ? undefined : (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .cosignSigningInputs */ .Sq)(context),
            registry: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .registryInputs */ .P4)(),
            context,
        };
    };
    if (rollbackTo) {
        let release;
        try {
            release = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_1__/* .parseRollbackTag */ .yW)(rollbackTo, (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('tag-pattern') || undefined);
        }
        catch (err) {
            if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_1__/* .ReleaseTagError */ .Ij)
                throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('rollback-to', `${err.message.replace(/^release tag /, '')}; give the release to return to, e.g. v1.2.3 or frontend/v1.2.3`);
            throw err;
        }
        const verification = await (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .verificationInputs */ .zi)({
            identity: 'production-identity',
            identityRegexp: 'production-identity-regexp',
            issuer: 'staging-oidc-issuer',
            issuerRegexp: 'staging-oidc-issuer-regexp',
            key: 'production-key',
            trustedRoot: 'trusted-root',
            sourceRepository: 'certificate-github-workflow-repository',
        }, context, { identityRegexp: `^${ownRepo}@refs/tags/.+$`, sourceRepository: context.repository || undefined });
        return commonEnd({ kind: 'rollback', release, verification });
    }
    const refValue = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('ref') || (context.ref.startsWith('refs/tags/') ? context.ref.slice('refs/tags/'.length) : '');
    if (!refValue)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('ref', 'is empty and this run is not for a tag; run on `push: tags` or pass the release tag, e.g. frontend/v1.2.3');
    let release;
    try {
        release = (0,_d2ci_core__WEBPACK_IMPORTED_MODULE_1__/* .parseReleaseTag */ .rE)(refValue, (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('tag-pattern') || undefined);
    }
    catch (err) {
        if (err instanceof _d2ci_core__WEBPACK_IMPORTED_MODULE_1__/* .ReleaseTagError */ .Ij)
            throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz((0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('ref') ? 'ref' : 'tag-pattern', err.message);
        throw err;
    }
    const pathInput = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('path') || (release.component ? `components/${release.component}` : '.');
    if (modeValue === 'build')
        return commonEnd({ kind: 'build', release, path: (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .workspacePath */ .X5)('path', pathInput, context) });
    const verification = await (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .verificationInputs */ .zi)({
        identity: 'staging-identity',
        identityRegexp: 'staging-identity-regexp',
        issuer: 'staging-oidc-issuer',
        issuerRegexp: 'staging-oidc-issuer-regexp',
        key: 'staging-key',
        trustedRoot: 'trusted-root',
        sourceRepository: 'certificate-github-workflow-repository',
    }, context, { identityRegexp: `^${ownRepo}@refs/heads/main$`, sourceRepository: context.repository || undefined });
    // Content comparison needs the tagged tree; a fleet release without a checkout still matches by revision.
    const path = (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('path') || release.component ? (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .workspacePath */ .X5)('path', pathInput, context) : workspaceOptional(pathInput, context);
    return commonEnd({ kind: 'promote', release, verification, ...(path ? { path } : {}) });
}
/** `.` for a fleet release: the checkout if there is one, else no content comparison. */
function workspaceOptional(value, context) {
    try {
        return (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .workspacePath */ .X5)('path', value, context);
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 84166:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fp: () => (/* binding */ ProtectedTagError),
/* harmony export */   JM: () => (/* binding */ isVersionTag),
/* harmony export */   JR: () => (/* binding */ guardTags)
/* harmony export */ });
/* unused harmony export stableTagName */
/* harmony import */ var _oci_copy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21610);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90084);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);


class ProtectedTagError extends Error {
    code;
    field = 'tags';
    tag;
    constructor(code, tag, message) {
        super(message);
        this.name = 'ProtectedTagError';
        this.code = code;
        this.tag = tag;
    }
}
const stableTagName = 'latest-stable';
/** A release version tag: `v` and a semantic version (`v1.2.3`, `v2.0.0-rc.1`). */
function isVersionTag(tag) {
    return /^v[0-9]/.test(tag) && semver__WEBPACK_IMPORTED_MODULE_0___default().valid(tag.replace(/^v/, '')) !== null;
}
/**
 * Refuses, before anything is pushed, tags this push may not point at `digest`. `force` names tags the user
 * explicitly allows to move (never the signature and referrers tags).
 */
async function guardTags(target, tags, digest, force = []) {
    for (const tag of tags) {
        if (/^sha256-[0-9a-f]{64}/.test(tag)) {
            throw new ProtectedTagError('TAG_SIGNATURE', tag, `tag "${tag}" holds the cosign signature, attestation or referrers index of artifact sha256:${tag.slice(7, 71)}; a push never writes it`);
        }
    }
    await Promise.all(tags.map(async (tag) => {
        if (force.includes(tag))
            return;
        if (tag === stableTagName) {
            throw new ProtectedTagError('TAG_STABLE', tag, `tag "${tag}" is what production follows: only a release moves it (d2ci release, the release-artifact action), or name it in --force`);
        }
        if (!isVersionTag(tag))
            return;
        const existing = await (0,_oci_copy_js__WEBPACK_IMPORTED_MODULE_1__/* .currentDigest */ .kE)(target, tag);
        if (existing !== undefined && existing !== digest) {
            throw new ProtectedTagError('TAG_RELEASED', tag, `tag "${tag}" is a released version pointing at ${existing}; a release never moves: release a new version, or name it in --force`);
        }
    }));
}


/***/ }),

/***/ 81434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ settleLimit),
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
/** Maps over items with at most `limit` calls in flight; rejects with the first failure after in-flight calls settle. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    let failure;
    const worker = async () => {
        while (!failure && next < items.length) {
            const index = next++;
            try {
                results[index] = await fn(items[index], index);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    if (failure)
        throw failure.error;
    return results;
}
/** Like mapLimit, but every item runs to completion and each outcome is returned (one failure stops nothing). */
async function settleLimit(items, limit, fn) {
    return mapLimit(items, limit, async (item, index) => {
        try {
            return { ok: true, value: await fn(item, index) };
        }
        catch (error) {
            return { ok: false, error };
        }
    });
}


/***/ }),

/***/ 21610:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TL: () => (/* binding */ applyTag),
  a0: () => (/* binding */ copyGraph),
  kE: () => (/* binding */ currentDigest)
});

// UNUSED EXPORTS: copy, immutableTagError

// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __webpack_require__(48706);
// EXTERNAL MODULE: ../../packages/core/src/oci/media-types.ts
var media_types = __webpack_require__(18613);
// EXTERNAL MODULE: ../../packages/core/src/oci/descriptor.ts
var descriptor = __webpack_require__(77796);
// EXTERNAL MODULE: ../../packages/core/src/oci/content.ts
var content = __webpack_require__(83632);
;// CONCATENATED MODULE: ../../packages/core/src/oci/target.ts
function canMount(target) {
    return typeof target.mount === 'function';
}

// EXTERNAL MODULE: ../../packages/core/src/oci/concurrency.ts
var concurrency = __webpack_require__(81434);
;// CONCATENATED MODULE: ../../packages/core/src/oci/copy.ts






/** Copies the manifest named by `reference` in `src`, and everything below it, into `dst`; then tags it. */
async function copy(src, reference, dst, options = {}) {
    return copyGraph(src, await src.fetchManifest(reference), dst, options);
}
/**
 * Copies a manifest graph bottom-up (children before parents, so no manifest ever lands before its blobs),
 * skipping what the destination has, then stores the root and moves the tags. Without `beforeTag`, the root
 * is stored under its first tag in one request, which is just as safe: its blobs are already there.
 */
async function copyGraph(src, root, dst, options = {}) {
    const tags = [...new Set(options.tags ?? [])];
    const blobs = [];
    const existed = options.checkRoot !== false && (await dst.exists(root.descriptor));
    const written = new Map();
    if (!existed) {
        await copyChildren(src, root, dst, options, blobs);
        const first = tags[0];
        if (!options.beforeTag && first !== undefined) {
            // Through applyTag, so an identical push that landed meanwhile (immutable tags) is not an error here either.
            written.set(first, await applyTag(dst, root, first, { lookFirst: false }));
        }
        else {
            await dst.push(root.descriptor, (0,content/* bytesSource */.Xl)(root.bytes));
        }
    }
    if (options.beforeTag)
        await options.beforeTag(root.descriptor);
    const results = await (0,concurrency/* mapLimit */.s)(tags, 4, async (tag) => {
        const done = written.get(tag);
        if (done)
            return done;
        // Only an existing root can already be tagged; a new one saves the lookup.
        return applyTag(dst, root, tag, { lookFirst: existed });
    });
    return { descriptor: root.descriptor, existed, blobs, tags: results };
}
/**
 * Points `tag` at a stored manifest. With `lookFirst`, resolves the tag first and writes nothing when it already
 * points there (immutable-tag registries reject even a same-digest re-put). A rejected write is forgiven only
 * when the tag turns out to point at the manifest already.
 */
async function applyTag(dst, root, tag, options) {
    if (options.lookFirst && (await currentDigest(dst, tag)) === root.descriptor.digest)
        return { tag, changed: false };
    try {
        await dst.pushReference(root.descriptor, root.bytes, tag);
        return { tag, changed: true };
    }
    catch (err) {
        if (err instanceof errors/* OciError */.Mf &&
            err.status !== undefined &&
            err.status >= 400 &&
            err.status < 500 &&
            (await currentDigest(dst, tag).catch(() => undefined)) === root.descriptor.digest) {
            return { tag, changed: false };
        }
        throw immutableTagError(err, dst.name, tag) ?? err;
    }
}
/**
 * ECR's answer to moving an immutable tag (`400 TAG_INVALID … cannot be overwritten because the tag is immutable`)
 * as an error that names the tag and the fix; undefined for other errors.
 */
function immutableTagError(err, repository, tag) {
    if (!(err instanceof errors/* OciError */.Mf) || err.code !== 'TAG_INVALID' || !/immutable/i.test(err.message))
        return undefined;
    return new errors/* OciError */.Mf('TAG_INVALID', `tag "${tag}" of ${repository} is immutable in the registry and already points at another manifest, so it cannot be moved`, {
        status: err.status,
        cause: err,
        hint: `in ECR set the repository's tag mutability to IMMUTABLE_WITH_EXCLUSION with an exclusion filter for "${tag}" (or MUTABLE), or don't move "${tag}"`,
    });
}
/** The digest a tag points at, or undefined when the tag does not exist. */
async function currentDigest(target, tag) {
    try {
        return (await target.resolve(tag)).digest;
    }
    catch (err) {
        if ((0,errors/* isNotFound */.c4)(err))
            return undefined;
        throw err;
    }
}
async function copyChildren(src, node, dst, options, report) {
    const { manifest } = (0,descriptor/* parseManifest */.Ng)(node.bytes, node.descriptor.mediaType);
    const unique = [...new Map((0,descriptor/* successors */.ir)(manifest).map((d) => [d.digest, d])).values()];
    await (0,concurrency/* mapLimit */.s)(unique, options.concurrency ?? 4, async (child) => {
        if ((0,media_types/* isManifestMediaType */.CM)(child.mediaType)) {
            if (await dst.exists(child))
                return;
            const bytes = await (0,content/* readAll */.yw)(await src.fetch(child));
            await copyChildren(src, { descriptor: child, bytes }, dst, options, report);
            await dst.push(child, (0,content/* bytesSource */.Xl)(bytes));
            return;
        }
        let result = 'exists';
        if (!(await dst.exists(child))) {
            if (options.mountFrom && canMount(dst)) {
                result = await dst.mount(child, options.mountFrom, src.source(child));
            }
            else {
                await dst.push(child, src.source(child));
                result = 'uploaded';
            }
        }
        report.push({ descriptor: child, result });
    });
}


/***/ }),

/***/ 39929:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ij: () => (/* binding */ ReleaseTagError),
/* harmony export */   Zy: () => (/* binding */ compareVersions),
/* harmony export */   rE: () => (/* binding */ parseReleaseTag),
/* harmony export */   yW: () => (/* binding */ parseRollbackTag)
/* harmony export */ });
/* unused harmony export defaultReleaseTagPattern */
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90084);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48936);
/* harmony import */ var _artifact_tag_guard_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(84166);




/** `vX.Y.Z` or `<component>/vX.Y.Z`; named groups `component` (optional) and `version`. */
const defaultReleaseTagPattern = '^(?:(?<component>[a-z0-9]+(?:[._-][a-z0-9]+)*)/)?(?<version>v[0-9]+\\.[0-9]+\\.[0-9]+(?:-[0-9A-Za-z.-]+)?)$';
class ReleaseTagError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ReleaseTagError';
    }
}
/**
 * Parses a release tag against a pattern with a `version` group (and optionally `component`). The version must
 * be a valid semantic version with its `v` prefix, usable as an OCI tag.
 */
function parseReleaseTag(ref, pattern = defaultReleaseTagPattern) {
    const name = ref.replace(/^refs\/tags\//, '');
    let regexp;
    try {
        regexp = new RegExp(pattern);
    }
    catch (err) {
        throw new ReleaseTagError(`tag pattern "${pattern}" is not a regular expression: ${err.message}`);
    }
    if (!pattern.includes('(?<version>'))
        throw new ReleaseTagError(`tag pattern "${pattern}" needs a (?<version>…) group`);
    const match = regexp.exec(name);
    const version = match?.groups?.version;
    if (!match || !version) {
        throw new ReleaseTagError(`release tag "${name}" is not a release: expected vX.Y.Z (fleet repositories) or <component>/vX.Y.Z (component repositories)${pattern === defaultReleaseTagPattern ? '' : `, matching ${pattern}`}`);
    }
    const parsed = semver__WEBPACK_IMPORTED_MODULE_0___default().parse(version.replace(/^v/, ''));
    if (!parsed || !/^v?[0-9]/.test(version))
        throw new ReleaseTagError(`"${version}" in release tag "${name}" is not a semantic version (vMAJOR.MINOR.PATCH)`);
    if (!(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidTag */ .r_)(version))
        throw new ReleaseTagError(`"${version}" cannot be an OCI tag (build metadata "+…" is not allowed in tags)`);
    const release = { ref: name, version, prerelease: parsed.prerelease.length > 0 };
    const component = match.groups?.component;
    if (component)
        release.component = component;
    return release;
}
/** Semver order of two version tags (with or without `v`). */
function compareVersions(a, b) {
    return semver__WEBPACK_IMPORTED_MODULE_0___default().compare(a.replace(/^v/, ''), b.replace(/^v/, ''));
}
/**
 * What a rollback names: a release tag as the pattern parses it (`frontend/v1.2.3` → component `frontend`), or a
 * bare version `v1.2.3` even when the pattern wants a component.
 */
function parseRollbackTag(value, pattern = defaultReleaseTagPattern) {
    try {
        return parseReleaseTag(value, pattern);
    }
    catch (err) {
        if (!(err instanceof ReleaseTagError) || !(0,_artifact_tag_guard_js__WEBPACK_IMPORTED_MODULE_2__/* .isVersionTag */ .JM)(value))
            throw err;
        return { ref: value, version: value, prerelease: semver__WEBPACK_IMPORTED_MODULE_0___default().prerelease(value.replace(/^v/, '')) !== null };
    }
}


/***/ })

};
